//! Whose figure a claim is: a metric's `subject`, as extraction wrote it,
//! read into a normalised identity.
//!
//! "Việt Nam – Hàn Quốc" is the partner `KR` (a bilateral figure carries its
//! partner), "Thái Lan" is `TH`, "TP.HCM" the province Hồ Chí Minh, "Bộ Công
//! Thương" an organisation, and "Việt Nam", "cả nước" or nothing at all the
//! country the article reports on (null). Partners come from
//! `data/partners.tsv`, provinces from `data/provinces.tsv`, other names from
//! `data/subjects.tsv`; anything else is kept as its own subject, so two
//! different subjects are never compared as one fact.

use crate::lexicon::partners::find_partners;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What kind of subject a figure has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// Foreign partners (ISO codes or acronyms, `-`-joined when several).
    Partner,
    /// A Vietnamese province or city.
    Province,
    /// Anything else named: a ministry, a firm, a sector as written.
    Organization,
}

/// A normalised subject: its key (compared) and its label (shown).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Subject {
    pub kind: SubjectKind,
    /// `KR`, `CN-US`, `Hà Nội`, or the folded name of an organisation.
    pub key: String,
    /// As shown: the code(s), the province's name, the organisation as written.
    pub label: String,
}

struct Table {
    home: Vec<String>,
    measure: Vec<String>,
    /// Folded letters-and-digits key → province name.
    provinces: HashMap<String, String>,
}

/// Letters and digits of the folded text, nothing else: "Bà Rịa-Vũng Tàu" → "bariavungtau".
fn squash(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Folded words joined by one space.
fn words(s: &str) -> String {
    fold(s).split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table { home: Vec::new(), measure: Vec::new(), provinces: HashMap::new() };
    for r in crate::lexicon::rows(include_str!("../../data/provinces.tsv")) {
        if let Some(name) = r.first() {
            t.provinces.entry(squash(name)).or_insert_with(|| name.to_string());
        }
    }
    for r in crate::lexicon::rows(include_str!("../../data/subjects.tsv")) {
        let (Some(kind), Some(canonical), Some(names)) = (r.first(), r.get(1), r.get(2)) else { continue };
        for n in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
            match *kind {
                "home" => t.home.push(words(n)),
                "measure" => t.measure.push(words(n)),
                "province" => {
                    t.provinces.insert(squash(n), canonical.to_string());
                }
                _ => {}
            }
        }
    }
    t
});

/// Words that open a subject without being part of it.
const LEADING: &[&str] = &["cua", "tai", "o", "cac", "nhung", "toan", "phia"];
/// Words that name a place's rank before its name.
const PLACE_PREFIXES: &[&str] = &["tinh ", "thanh pho ", "tp. ", "tp ", "tp."];

/// Reads a subject as written into its identity; `None` is the country the
/// article reports on.
pub fn normalise(subject: Option<&str>) -> Option<Subject> {
    let raw = subject?.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '–' || c == '—');
    if raw.is_empty() {
        return None;
    }
    let text = crate::text::normalize(raw).text.into_owned();
    let t = &*TABLE;
    let mut key = words(&text);
    while let Some(rest) = LEADING.iter().find_map(|w| key.strip_prefix(w).and_then(|r| r.strip_prefix(' '))) {
        key = rest.to_string();
    }
    if key.is_empty() || t.home.contains(&key) {
        return None;
    }
    let mut codes: Vec<String> = find_partners(&text, 0..text.len()).into_iter().map(|h| h.partner.code).filter(|c| c != "VN").collect();
    codes.sort();
    codes.dedup();
    if !codes.is_empty() {
        let k = codes.join("-");
        return Some(Subject { kind: SubjectKind::Partner, key: k.clone(), label: k });
    }
    let place = PLACE_PREFIXES.iter().find_map(|p| key.strip_prefix(p)).unwrap_or(&key);
    if let Some(name) = t.provinces.get(&squash(place)).or_else(|| t.provinces.get(&squash(&key))) {
        return Some(Subject { kind: SubjectKind::Province, key: name.clone(), label: name.clone() });
    }
    // Only Vietnam named ("Việt Nam", "kinh tế Việt Nam"): the home country.
    let without_vn = words(&strip_vietnam(&text));
    if without_vn.is_empty() || t.home.contains(&without_vn) {
        return None;
    }
    // Nothing but words for what is measured ("Kiều hối", "tăng trưởng GDP").
    if all_measure_words(&key, &t.measure) {
        return None;
    }
    Some(Subject { kind: SubjectKind::Organization, key, label: text })
}

/// The text with every name of Vietnam removed.
fn strip_vietnam(text: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    for h in find_partners(text, 0..text.len()) {
        if h.partner.code == "VN" {
            out.push_str(text.get(last..h.range.start).unwrap_or(""));
            last = h.range.end;
        }
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// Whether `key` is made only of measure words ("kim ngach xuat khau").
fn all_measure_words(key: &str, measure: &[String]) -> bool {
    let mut rest = key;
    let mut steps = 0;
    while !rest.is_empty() && steps < 16 {
        steps += 1;
        let Some(m) = measure.iter().filter(|m| rest == m.as_str() || rest.starts_with(&format!("{m} "))).max_by_key(|m| m.len()) else {
            return false;
        };
        rest = rest[m.len()..].trim_start();
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Option<String> {
        normalise(Some(s)).map(|x| x.key)
    }

    #[test]
    fn partners_provinces_organisations_and_home() {
        assert_eq!(key("Việt Nam – Hàn Quốc").as_deref(), Some("KR"));
        assert_eq!(key("kim ngạch thương mại Việt Nam - Hàn Quốc").as_deref(), Some("KR"));
        assert_eq!(key("Thái Lan").as_deref(), Some("TH"));
        assert_eq!(key("Mỹ – Trung Quốc").as_deref(), Some("CN-US"));
        assert_eq!(key("TP.HCM").as_deref(), Some("Hồ Chí Minh"));
        assert_eq!(key("Thành phố Hồ Chí Minh").as_deref(), Some("Hồ Chí Minh"));
        assert_eq!(key("tỉnh Bắc Ninh").as_deref(), Some("Bắc Ninh"));
        assert_eq!(key("Bà Rịa-Vũng Tàu").as_deref(), Some("Bà Rịa - Vũng Tàu"));
        assert_eq!(normalise(Some("Bộ Công Thương")).map(|s| s.kind), Some(SubjectKind::Organization));
        assert_eq!(key("Bộ Công Thương"), key("bộ công thương"));
        for home in ["Việt Nam", "Vietnam", "cả nước", "nước ta", "kinh tế Việt Nam", "", "  ", "Kiều hối", "tăng trưởng GDP", "kim ngạch xuất khẩu"] {
            assert_eq!(key(home), None, "{home:?}");
        }
        assert_eq!(normalise(None), None);
    }

    #[test]
    fn different_subjects_differ() {
        assert_ne!(key("Thái Lan"), key("Việt Nam"));
        assert_ne!(key("Samsung Việt Nam"), None, "a firm in Vietnam is not the country");
        assert_ne!(key("Hà Nội"), key("TP.HCM"));
    }
}
