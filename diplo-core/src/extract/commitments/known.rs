//! Agreements known by name: free-trade agreements (`data/ftas.tsv`) and
//! other named agreements (`data/agreements.tsv`), by acronym ("EVFTA",
//! "ACFTA 3.0") or by long name ("Hiệp định Đối tác Toàn diện và Tiến bộ
//! xuyên Thái Bình Dương").
//!
//! Acronyms are matched as written (an upper-case word never collides with
//! Vietnamese prose); long names lower-cased. Both are one Aho-Corasick pass
//! over the range asked for.

use super::text::on_boundaries;
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

/// One known agreement.
#[derive(Debug)]
pub struct Known {
    /// The usual acronym (the first one of its row), if it has one.
    pub acronym: Option<String>,
    /// Parties the acronym itself names, other than Việt Nam.
    pub partners: Vec<String>,
    /// A free-trade agreement (`fta`), or another agreement.
    pub fta: bool,
}

pub struct Table {
    pub entries: Vec<Known>,
    acronyms: Option<AhoCorasick>,
    acronym_entry: Vec<usize>,
    names: Option<AhoCorasick>,
    name_entry: Vec<usize>,
}

fn load(table: &str, fta: bool, entries: &mut Vec<Known>, acr: &mut Vec<(String, usize)>, names: &mut Vec<(String, usize)>) {
    for row in crate::lexicon::rows(table) {
        let i = entries.len();
        let split = |col: usize| -> Vec<String> {
            row.get(col).map(|c| c.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()).unwrap_or_default()
        };
        let acronyms = split(0);
        let partners = row.get(1).map(|c| c.split_whitespace().map(String::from).collect()).unwrap_or_default();
        entries.push(Known { acronym: acronyms.first().cloned(), partners, fta });
        acr.extend(acronyms.into_iter().map(|a| (a, i)));
        // Names are matched on the normalised, lower-cased text, where dashes are '-'.
        names.extend(split(2).into_iter().map(|n| (crate::text::lowercase_same_len(&n.replace(['–', '—'], "-")), i)));
    }
}

pub static KNOWN: LazyLock<Table> = LazyLock::new(|| {
    let (mut entries, mut acr, mut names) = (Vec::new(), Vec::new(), Vec::new());
    load(include_str!("../../../data/ftas.tsv"), true, &mut entries, &mut acr, &mut names);
    load(include_str!("../../../data/agreements.tsv"), false, &mut entries, &mut acr, &mut names);
    let build = |pats: &[(String, usize)]| {
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(pats.iter().map(|(p, _)| p.as_str())).ok()
    };
    Table {
        acronyms: build(&acr),
        acronym_entry: acr.iter().map(|(_, i)| *i).collect(),
        names: build(&names),
        name_entry: names.iter().map(|(_, i)| *i).collect(),
        entries,
    }
});

/// A known agreement found in the text.
#[derive(Debug, Clone)]
pub struct Hit {
    pub range: Range<usize>,
    /// Index into [`Table::entries`].
    pub entry: usize,
}

impl Table {
    pub fn get(&self, hit: &Hit) -> Option<&Known> {
        self.entries.get(hit.entry)
    }

    /// Acronyms in `text[range]`, whole words, with a version written after
    /// them ("ACFTA 3.0", "ACFTA 2.0").
    pub fn acronyms_in(&self, text: &str, range: Range<usize>) -> Vec<Hit> {
        let (Some(ac), Some(hay)) = (&self.acronyms, text.get(range.clone())) else { return Vec::new() };
        ac.find_iter(hay)
            .map(|m| (range.start + m.start()..range.start + m.end(), m.pattern().as_usize()))
            .filter(|(r, _)| on_boundaries(text, r))
            .filter_map(|(r, p)| Some(Hit { range: r.start..with_version(text, r.end), entry: *self.acronym_entry.get(p)? }))
            .collect()
    }

    /// Long names in `lower[range]` (the lower-cased normalised text).
    pub fn names_in(&self, lower: &str, range: Range<usize>) -> Vec<Hit> {
        let (Some(ac), Some(hay)) = (&self.names, lower.get(range.clone())) else { return Vec::new() };
        ac.find_iter(hay)
            .map(|m| (range.start + m.start()..range.start + m.end(), m.pattern().as_usize()))
            .filter(|(r, _)| on_boundaries(lower, r))
            .filter_map(|(r, p)| Some(Hit { range: r, entry: *self.name_entry.get(p)? }))
            .collect()
    }

    /// Is `code` one of the FTAs themselves ("CPTPP", "RCEP" are also in the
    /// partner lexicon, as blocs): never a party of an agreement.
    pub fn is_agreement_code(&self, code: &str) -> bool {
        self.entries.iter().any(|e| e.acronym.as_deref() == Some(code))
    }
}

/// The end of a version number right after an acronym (" 3.0"), or `end`.
fn with_version(text: &str, end: usize) -> usize {
    let Some(rest) = text.get(end..) else { return end };
    let digits = rest.strip_prefix(' ').unwrap_or(rest);
    let skipped = rest.len() - digits.len();
    let mut len = 0;
    let mut dot = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => len += 1,
            '.' if !dot && len > 0 => {
                dot = true;
                len += 1;
            }
            _ => break,
        }
    }
    // "ACFTA 3.0" but not "ACFTA 2010" (a year) nor a trailing full stop.
    let v = digits.get(..len).unwrap_or("");
    if dot && !v.ends_with('.') && v.len() <= 4 {
        end + skipped + len
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_codes_resolve() {
        let t = &*KNOWN;
        assert!(t.entries.iter().filter(|e| e.fta).count() >= 20);
        for e in &t.entries {
            for code in &e.partners {
                assert!(crate::lexicon::partners::by_code(code).is_some(), "{:?}: unknown partner {code}", e.acronym);
            }
        }
    }

    #[test]
    fn acronyms_with_versions_and_names() {
        let t = &*KNOWN;
        let s = "ký Nghị định thư nâng cấp ACFTA 3.0. Năm 2019 ACFTA 2010 và CPTPP.";
        let got: Vec<&str> = t.acronyms_in(s, 0..s.len()).iter().map(|h| &s[h.range.clone()]).collect();
        assert_eq!(got, ["ACFTA 3.0", "ACFTA", "CPTPP"]);
        let lower = crate::text::lowercase_same_len("thực thi Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương");
        let hits = t.names_in(&lower, 0..lower.len());
        assert_eq!(hits.len(), 1);
        assert_eq!(t.get(&hits[0]).and_then(|k| k.acronym.as_deref()), Some("CPTPP"));
        assert!(t.is_agreement_code("RCEP") && !t.is_agreement_code("EU"));
    }
}
