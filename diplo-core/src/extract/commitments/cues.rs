//! The commitment vocabulary (`data/commitment_cues.tsv`, `data/agreements.tsv`)
//! and phrase search over the lower-cased text.
//!
//! Vocabulary lives in the tables so that a new verb, title or level is one
//! more row; this module only knows how to find the rows in the text.

use super::text::on_boundaries;
use crate::records::{DocumentKind, PartnershipLevel, Status};
use crate::text::lowercase_same_len;
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

/// A set of phrases with a value each, searched on word boundaries.
pub struct Phrases<V> {
    /// `None` only when the set is empty.
    ac: Option<AhoCorasick>,
    /// Lower-cased phrase, as written, value.
    items: Vec<(String, String, V)>,
}

impl<V: Clone> Phrases<V> {
    fn new(items: Vec<(String, V)>) -> Self {
        let items: Vec<(String, String, V)> =
            items.into_iter().map(|(p, v)| (lowercase_same_len(&p), p, v)).filter(|(l, _, _)| !l.is_empty()).collect();
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(items.iter().map(|i| &i.0)).ok();
        Phrases { ac, items }
    }

    /// Leftmost-longest, non-overlapping occurrences in `lower[range]`, each
    /// a whole word sequence.
    pub fn find(&self, lower: &str, range: Range<usize>) -> Vec<(Range<usize>, V)> {
        let (Some(ac), Some(hay)) = (&self.ac, lower.get(range.clone())) else { return Vec::new() };
        let mut cands: Vec<(Range<usize>, usize)> = ac
            .find_overlapping_iter(hay)
            .map(|m| (range.start + m.start()..range.start + m.end(), m.pattern().as_usize()))
            .filter(|(r, _)| on_boundaries(lower, r))
            .collect();
        cands.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut out = Vec::new();
        let mut end = range.start;
        for (r, i) in cands {
            if r.start >= end {
                end = r.end;
                out.extend(self.items.get(i).map(|it| (r, it.2.clone())));
            }
        }
        out
    }

    /// The longest phrase that ends exactly at `end`, starting at or after `floor`.
    pub fn ending_at(&self, lower: &str, floor: usize, end: usize) -> Option<(Range<usize>, V)> {
        let before = lower.get(floor..end)?;
        self.items
            .iter()
            .filter(|(l, _, _)| before.ends_with(l.as_str()) && on_boundaries(lower, &(end - l.len()..end)))
            .max_by_key(|(l, _, _)| l.len())
            .map(|(l, _, v)| (end - l.len()..end, v.clone()))
    }

    /// The longest phrase that starts exactly at `start`, ending by `limit`.
    pub fn starting_at(&self, lower: &str, start: usize, limit: usize) -> Option<(Range<usize>, V)> {
        let after = lower.get(start..limit)?;
        self.items
            .iter()
            .filter(|(l, _, _)| after.starts_with(l.as_str()) && on_boundaries(lower, &(start..start + l.len())))
            .max_by_key(|(l, _, _)| l.len())
            .map(|(l, _, v)| (start..start + l.len(), v.clone()))
    }

    /// Does a phrase occur anywhere in `lower[range]`?
    pub fn any_in(&self, lower: &str, range: Range<usize>) -> bool {
        !self.find(lower, range).is_empty()
    }
}

/// Every cue table, loaded once.
pub struct Cues {
    pub status: Phrases<Status>,
    pub status_after: Phrases<Status>,
    pub fta_head: Phrases<()>,
    pub fta_modifier: Phrases<()>,
    pub agreement_head: Phrases<()>,
    pub agreement_head_lower: Phrases<()>,
    pub agreement_object: Phrases<()>,
    pub name_stop: Phrases<()>,
    pub list_glue: Phrases<()>,
    pub list_lead: Phrases<()>,
    pub both_sides: Phrases<()>,
    pub subject_break: Phrases<()>,
    pub determiner: Phrases<()>,
    pub upgrade_verb: Phrases<()>,
    pub upgrade_proposal: Phrases<()>,
    pub level: Phrases<PartnershipLevel>,
    /// Kind, and whether the word must be capitalised to name a document.
    pub doc_kind: Phrases<(DocumentKind, bool)>,
    pub issuer: Phrases<()>,
    pub party_codes: Vec<String>,
    pub law_blocker: Phrases<()>,
    pub directive_verb: Phrases<()>,
    pub statement_verb: Phrases<()>,
    pub must: Phrases<()>,
    pub must_not: Phrases<()>,
    pub verb_blocker: Phrases<()>,
    pub adverb: Phrases<()>,
    /// Title → canonical title.
    pub title: Phrases<String>,
    pub content_start: Phrases<()>,
    pub subject_lead: Phrases<()>,
    pub addressee_head: Phrases<()>,
    pub surnames: Vec<String>,
    /// Provinces and cities, never a person's name.
    pub places: Vec<String>,
    /// Agreement acronym → partner codes.
    pub acronyms: Vec<(String, Vec<String>)>,
}

fn status_of(s: &str) -> Option<Status> {
    Some(match s {
        "negotiating" => Status::Negotiating,
        "signed" => Status::Signed,
        "ratification_pending" => Status::RatificationPending,
        "in_force" => Status::InForce,
        "proposed" => Status::Proposed,
        "upgraded" => Status::Upgraded,
        _ => return None,
    })
}

fn level_of(s: &str) -> Option<PartnershipLevel> {
    Some(match s {
        "comprehensive_partnership" => PartnershipLevel::ComprehensivePartnership,
        "strategic_partnership" => PartnershipLevel::StrategicPartnership,
        "comprehensive_strategic_partnership" => PartnershipLevel::ComprehensiveStrategicPartnership,
        "special_relationship" => PartnershipLevel::SpecialRelationship,
        _ => return None,
    })
}

fn doc_kind_of(s: &str) -> Option<DocumentKind> {
    Some(match s {
        "resolution" => DocumentKind::Resolution,
        "directive" => DocumentKind::Directive,
        "decision" => DocumentKind::Decision,
        "conclusion" => DocumentKind::Conclusion,
        "decree" => DocumentKind::Decree,
        "law" => DocumentKind::Law,
        "other" => DocumentKind::Other,
        _ => return None,
    })
}

pub static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let rows: Vec<Vec<&str>> = crate::lexicon::rows(include_str!("../../../data/commitment_cues.tsv")).collect();
    let plain = |kind: &str| -> Phrases<()> {
        Phrases::new(rows.iter().filter(|r| r.first() == Some(&kind)).filter_map(|r| Some((r.get(1)?.to_string(), ()))).collect())
    };
    let valued = |kind: &str| -> Vec<(String, &str, Option<&str>)> {
        rows.iter()
            .filter(|r| r.first() == Some(&kind))
            .filter_map(|r| Some((r.get(1)?.to_string(), *r.get(2)?, r.get(3).copied())))
            .collect()
    };
    let list = |kind: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r.first() == Some(&kind))
            .filter_map(|r| r.get(1))
            .flat_map(|s| s.split('|'))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let statuses = |kind: &str| Phrases::new(valued(kind).into_iter().filter_map(|(p, v, _)| Some((p, status_of(v)?))).collect());
    let acronyms = crate::lexicon::rows(include_str!("../../../data/agreements.tsv"))
        .filter_map(|r| {
            Some((r.first()?.to_string(), r.get(1).map(|c| c.split_whitespace().map(String::from).collect()).unwrap_or_default()))
        })
        .collect();
    Cues {
        status: statuses("status"),
        status_after: statuses("status_after"),
        fta_head: plain("fta_head"),
        fta_modifier: plain("fta_modifier"),
        agreement_head: plain("agreement_head"),
        agreement_head_lower: plain("agreement_head_lower"),
        agreement_object: plain("agreement_object"),
        name_stop: plain("name_stop"),
        list_glue: plain("list_glue"),
        list_lead: plain("list_lead"),
        both_sides: plain("both_sides"),
        subject_break: plain("subject_break"),
        determiner: plain("determiner"),
        upgrade_verb: plain("upgrade_verb"),
        upgrade_proposal: plain("upgrade_proposal"),
        level: Phrases::new(valued("level").into_iter().filter_map(|(p, v, _)| Some((p, level_of(v)?))).collect()),
        doc_kind: Phrases::new(
            valued("doc_kind").into_iter().filter_map(|(p, v, cap)| Some((p, (doc_kind_of(v)?, cap == Some("cap"))))).collect(),
        ),
        issuer: plain("issuer"),
        party_codes: list("party_code"),
        law_blocker: plain("law_blocker"),
        directive_verb: plain("directive_verb"),
        statement_verb: plain("statement_verb"),
        must: plain("must"),
        must_not: plain("must_not"),
        verb_blocker: plain("verb_blocker"),
        adverb: plain("adverb"),
        title: Phrases::new(valued("title").into_iter().map(|(p, v, _)| (p, v.to_string())).collect()),
        content_start: plain("content_start"),
        subject_lead: plain("subject_lead"),
        addressee_head: plain("addressee_head"),
        surnames: list("surname"),
        places: list("place"),
        acronyms,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_loads() {
        let c = &*CUES;
        assert!(c.status.items.len() > 10 && c.title.items.len() > 10 && c.surnames.len() > 50);
        assert!(c.doc_kind.items.iter().any(|(_, w, (k, cap))| w == "Luật" && *k == DocumentKind::Law && *cap));
        assert!(c.acronyms.iter().any(|(a, p)| a == "EVFTA" && p == &["EU"]));
        // Every partner code of an agreement resolves in the partner lexicon.
        for (acronym, codes) in &c.acronyms {
            for code in codes {
                assert!(crate::lexicon::partners::by_code(code).is_some(), "{acronym}: unknown partner {code}");
            }
        }
    }
}
