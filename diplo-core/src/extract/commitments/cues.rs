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
    /// The same phrases, leftmost-longest; `None` when two phrases are
    /// written the same (their order would then decide the value).
    leftmost_longest: Option<AhoCorasick>,
    /// Lower-cased phrase, as written, value.
    items: Vec<(String, String, V)>,
}

impl<V: Clone> Phrases<V> {
    fn new(items: Vec<(String, V)>) -> Self {
        let items: Vec<(String, String, V)> =
            items.into_iter().map(|(p, v)| (lowercase_same_len(&p), p, v)).filter(|(l, _, _)| !l.is_empty()).collect();
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(items.iter().map(|i| &i.0)).ok();
        let mut lowered: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
        lowered.sort_unstable();
        let unique = lowered.windows(2).all(|w| w[0] != w[1]);
        let leftmost_longest =
            if unique { AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(items.iter().map(|i| &i.0)).ok() } else { None };
        Phrases { ac, leftmost_longest, items }
    }

    /// Leftmost-longest, non-overlapping occurrences in `lower[range]`, each
    /// a whole word sequence.
    pub fn find(&self, lower: &str, range: Range<usize>) -> Vec<(Range<usize>, V)> {
        // Fast path: the leftmost-longest matches of the whole set. When
        // every one is a whole word sequence they are exactly what the
        // greedy choice below makes among the whole-word candidates (the
        // first candidate it takes each time is the same match); when one
        // is not, the full search decides.
        if let (Some(ll), Some(hay)) = (&self.leftmost_longest, lower.get(range.clone())) {
            let mut out = Vec::new();
            let mut all_whole = true;
            for m in ll.find_iter(hay) {
                let r = range.start + m.start()..range.start + m.end();
                if !on_boundaries(lower, &r) {
                    all_whole = false;
                    break;
                }
                out.extend(self.items.get(m.pattern().as_usize()).map(|it| (r, it.2.clone())));
            }
            if all_whole {
                return out;
            }
        }
        self.find_overlapping(lower, range)
    }

    /// [`Phrases::find`] by the definition: every whole-word occurrence,
    /// then leftmost first, longest first, without overlaps.
    fn find_overlapping(&self, lower: &str, range: Range<usize>) -> Vec<(Range<usize>, V)> {
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

/// The occurrences of one phrase set in a whole document, found once and
/// then read sentence by sentence (binary search), instead of one search
/// per sentence.
pub struct Hits<V>(Vec<(Range<usize>, V)>);

impl<V: Clone> Hits<V> {
    pub fn of(phrases: &Phrases<V>, lower: &str) -> Self {
        Hits(phrases.find(lower, 0..lower.len()))
    }

    /// The hits inside `r`, in order.
    pub fn within(&self, r: Range<usize>) -> &[(Range<usize>, V)] {
        let i = self.0.partition_point(|(h, _)| h.start < r.start);
        let j = self.0.partition_point(|(h, _)| h.start < r.end);
        let slice = self.0.get(i..j.max(i)).unwrap_or(&[]);
        // A hit that starts inside but runs past `r` is not inside it.
        let k = slice.iter().rposition(|(h, _)| h.end <= r.end).map_or(0, |k| k + 1);
        slice.get(..k).unwrap_or(&[])
    }

    pub fn any_within(&self, r: Range<usize>) -> bool {
        !self.within(r).is_empty()
    }

    /// The last hit that ends at or before `end` and starts at or after `floor`.
    pub fn last_within(&self, floor: usize, end: usize) -> Option<&(Range<usize>, V)> {
        let j = self.0.partition_point(|(h, _)| h.end <= end);
        self.0.get(..j)?.last().filter(|(h, _)| h.start >= floor)
    }
}

/// Every cue table, loaded once.
pub struct Cues {
    pub status: Phrases<Status>,
    pub status_after: Phrases<Status>,
    pub fta_head: Phrases<()>,
    pub fta_modifier: Phrases<()>,
    pub agreement_head: Phrases<()>,
    /// Agreement heads in one set: (a name when capitalised, a name when lower-case).
    pub any_agreement_head: Phrases<(bool, bool)>,
    pub agreement_named_head: Phrases<()>,
    pub weak_agreement_head: Phrases<()>,
    pub fta_marker: Phrases<()>,
    pub future: Phrases<()>,
    pub conditional: Phrases<()>,
    pub not_conditional: Phrases<()>,
    pub launched: Phrases<()>,
    pub purpose: Phrases<()>,
    pub direct_only: Phrases<()>,
    pub signing_verb: Phrases<()>,
    pub document_noun: Phrases<()>,
    pub item_head: Phrases<()>,
    pub agreement_object: Phrases<()>,
    pub name_stop: Phrases<()>,
    pub list_glue: Phrases<()>,
    pub list_lead: Phrases<()>,
    pub both_sides: Phrases<()>,
    pub event_word: Phrases<()>,
    pub subject_break: Phrases<()>,
    pub determiner: Phrases<()>,
    pub upgrade_verb: Phrases<UpgradeVerb>,
    pub upgrade_frame: Phrases<()>,
    pub upgrade_proposal: Phrases<()>,
    pub upgrade_same: Phrases<()>,
    pub upgrade_passive: Phrases<()>,
    /// Between a level and its partners ("với", "giữa hai nước").
    pub level_link: Phrases<()>,
    pub upgrade_org_subject: Phrases<()>,
    pub org_compound: Phrases<()>,
    pub proposal_break: Phrases<()>,
    pub past_clause: Phrases<()>,
    pub level: Phrases<PartnershipLevel>,
    /// Kind, and whether the word must be capitalised to name a document.
    pub doc_kind: Phrases<(DocumentKind, bool)>,
    pub issuer: Phrases<()>,
    pub party_codes: Vec<String>,
    pub law_blocker: Phrases<()>,
    pub directive_verb: Phrases<()>,
    /// Directive and statement verbs in one set (`true` for a statement).
    pub any_directive_verb: Phrases<bool>,
    pub statement_verb: Phrases<()>,
    /// "nói", "tuyên bố": a statement verb only after the words it attributes.
    pub attribution_verb: Phrases<()>,
    pub must: Phrases<()>,
    pub must_not: Phrases<()>,
    pub verb_blocker: Phrases<()>,
    pub adverb: Phrases<()>,
    /// Title → canonical title.
    pub title: Phrases<String>,
    pub content_start: Phrases<()>,
    /// Portfolio words of ministries (`data/portfolios.tsv`).
    pub portfolio: Phrases<()>,
    pub subject_lead: Phrases<()>,
    pub addressee_head: Phrases<()>,
    pub comma_statement: Phrases<()>,
    pub business_title: Phrases<()>,
    pub invite_visit: Phrases<()>,
    pub title_blocker: Phrases<()>,
    pub according_to: Phrases<()>,
    pub by_request: Phrases<()>,
    /// Lower-case particles inside foreign names ("da", "bin").
    pub name_particles: Vec<String>,
    /// "ông", "bà": a person named just before.
    pub pronouns: Vec<String>,
    /// The same words in lower case, to find the one that ends a clause.
    pub pronoun: Phrases<()>,
    /// Words before a bare name that make it a person's ("ông", "đồng chí").
    pub honorific: Phrases<()>,
    /// "đối với": a sentence's topic told first, the addressee of its directive.
    pub fronted_topic: Vec<String>,
    pub surnames: Vec<String>,
    /// Provinces and cities, never a person's name.
    pub places: Vec<String>,
}

impl Cues {
    /// Does `lower[range]` name a company or another body ("công ty", "CLB",
    /// "trường")? Not inside a compound that only looks like one ("môi
    /// trường", "thị trường", "lập trường").
    pub fn names_org(&self, lower: &str, range: Range<usize>) -> bool {
        let compounds = self.org_compound.find(lower, range.clone());
        self.upgrade_org_subject.find(lower, range).iter().any(|(r, ())| !compounds.iter().any(|(c, ())| c.start <= r.start && r.end <= c.end))
    }
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

/// How an upgrade verb reaches its level (`data/commitment_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpgradeVerb {
    /// "nâng cấp quan hệ (từ X) lên Y"
    Raise,
    /// "thiết lập quan hệ Y"
    Establish,
    /// "X trở thành Y"
    Become,
    /// "hướng tới Y" (proposed)
    Aim,
}

fn upgrade_verb_of(s: &str) -> Option<UpgradeVerb> {
    Some(match s {
        "raise" => UpgradeVerb::Raise,
        "establish" => UpgradeVerb::Establish,
        "become" => UpgradeVerb::Become,
        "aim" => UpgradeVerb::Aim,
        _ => return None,
    })
}

fn level_of(s: &str) -> Option<PartnershipLevel> {
    Some(match s {
        "comprehensive_partnership" => PartnershipLevel::ComprehensivePartnership,
        "strategic_partnership" => PartnershipLevel::StrategicPartnership,
        "extensive_strategic_partnership" => PartnershipLevel::ExtensiveStrategicPartnership,
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
    Cues {
        status: statuses("status"),
        status_after: statuses("status_after"),
        fta_head: plain("fta_head"),
        fta_modifier: plain("fta_modifier"),
        agreement_head: plain("agreement_head"),
        any_agreement_head: {
            // (upper, lower): whether the head names an agreement written capitalised / lower-case.
            let mut heads: Vec<(String, (bool, bool))> = Vec::new();
            for r in &rows {
                let (Some(kind), Some(p)) = (r.first(), r.get(1)) else { continue };
                let upper = match *kind {
                    "agreement_head" => true,
                    "agreement_head_lower" => false,
                    _ => continue,
                };
                let key = lowercase_same_len(p);
                match heads.iter_mut().find(|(h, _)| lowercase_same_len(h) == key) {
                    Some((_, f)) => {
                        if upper {
                            f.0 = true
                        } else {
                            f.1 = true
                        }
                    }
                    None => heads.push((p.to_string(), (upper, !upper))),
                }
            }
            Phrases::new(heads)
        },
        agreement_named_head: plain("agreement_named_head"),
        weak_agreement_head: plain("weak_agreement_head"),
        fta_marker: plain("fta_marker"),
        future: plain("future"),
        conditional: plain("conditional"),
        not_conditional: plain("not_conditional"),
        launched: plain("launched"),
        purpose: plain("purpose"),
        direct_only: plain("direct_only"),
        signing_verb: plain("signing_verb"),
        document_noun: plain("document_noun"),
        item_head: plain("item_head"),
        agreement_object: plain("agreement_object"),
        name_stop: plain("name_stop"),
        list_glue: plain("list_glue"),
        list_lead: plain("list_lead"),
        both_sides: plain("both_sides"),
        event_word: plain("event_word"),
        subject_break: plain("subject_break"),
        determiner: plain("determiner"),
        upgrade_verb: Phrases::new(valued("upgrade_verb").into_iter().filter_map(|(p, v, _)| Some((p, upgrade_verb_of(v)?))).collect()),
        upgrade_frame: plain("upgrade_frame"),
        upgrade_proposal: plain("upgrade_proposal"),
        upgrade_same: plain("upgrade_same"),
        upgrade_passive: plain("upgrade_passive"),
        level_link: plain("level_link"),
        upgrade_org_subject: plain("upgrade_org_subject"),
        org_compound: plain("org_compound"),
        proposal_break: plain("proposal_break"),
        past_clause: plain("past_clause"),
        level: Phrases::new(valued("level").into_iter().filter_map(|(p, v, _)| Some((p, level_of(v)?))).collect()),
        doc_kind: Phrases::new(
            valued("doc_kind").into_iter().filter_map(|(p, v, cap)| Some((p, (doc_kind_of(v)?, cap == Some("cap"))))).collect(),
        ),
        issuer: plain("issuer"),
        party_codes: list("party_code"),
        law_blocker: plain("law_blocker"),
        directive_verb: plain("directive_verb"),
        any_directive_verb: Phrases::new(
            rows.iter()
                .filter_map(|r| match (r.first(), r.get(1)) {
                    (Some(&"directive_verb"), Some(p)) => Some((p.to_string(), false)),
                    (Some(&"statement_verb") | Some(&"attribution_verb"), Some(p)) => Some((p.to_string(), true)),
                    _ => None,
                })
                .collect(),
        ),
        statement_verb: plain("statement_verb"),
        attribution_verb: plain("attribution_verb"),
        must: plain("must"),
        must_not: plain("must_not"),
        verb_blocker: plain("verb_blocker"),
        adverb: plain("adverb"),
        title: Phrases::new(valued("title").into_iter().map(|(p, v, _)| (p, v.to_string())).collect()),
        content_start: plain("content_start"),
        portfolio: Phrases::new(
            crate::lexicon::rows(include_str!("../../../data/portfolios.tsv")).filter_map(|r| Some((r.first()?.to_string(), ()))).collect(),
        ),
        subject_lead: plain("subject_lead"),
        addressee_head: plain("addressee_head"),
        comma_statement: plain("comma_statement"),
        business_title: plain("business_title"),
        invite_visit: plain("invite_visit"),
        title_blocker: plain("title_blocker"),
        according_to: plain("according_to"),
        by_request: plain("by_request"),
        name_particles: list("name_particle"),
        pronouns: list("pronoun"),
        pronoun: Phrases::new({
            let mut v: Vec<String> = list("pronoun").iter().map(|p| crate::text::lowercase_same_len(p)).collect();
            v.sort();
            v.dedup();
            v.into_iter().map(|p| (p, ())).collect()
        }),
        honorific: plain("honorific"),
        fronted_topic: list("fronted_topic"),
        surnames: list("surname"),
        places: list("place"),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_find_equals_the_definition() {
        let c = &*CUES;
        let texts = [
            "hiệp định thương mại tự do việt nam - eu (evfta) đã được ký kết và phê chuẩn; hiệp địnhx ký kếtx",
            "thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai nghị quyết số 57-nq/tw và chỉ thị",
            "hai bên nhất trí nâng cấp quan hệ lên đối tác chiến lược toàn diện, đàm phán fta, kýkết",
            "bộ trưởng bộ công thươngg nguyễn hồng diên cho biết luật đầu tư sửa đổi sẽ có hiệu lực",
        ];
        // Each set's hits in a text range: (leftmost-longest, overlapping).
        type Counts<'a> = &'a dyn Fn(&str, Range<usize>) -> (usize, usize);
        let sets: [Counts<'_>; 6] = [
            &|t, r| (c.status.find(t, r.clone()).len(), c.status.find_overlapping(t, r).len()),
            &|t, r| (c.agreement_head.find(t, r.clone()).len(), c.agreement_head.find_overlapping(t, r).len()),
            &|t, r| (c.directive_verb.find(t, r.clone()).len(), c.directive_verb.find_overlapping(t, r).len()),
            &|t, r| (c.title.find(t, r.clone()).len(), c.title.find_overlapping(t, r).len()),
            &|t, r| (c.level.find(t, r.clone()).len(), c.level.find_overlapping(t, r).len()),
            &|t, r| (c.doc_kind.find(t, r.clone()).len(), c.doc_kind.find_overlapping(t, r).len()),
        ];
        for t in texts {
            for a in (0..t.len()).step_by(7).filter(|&a| t.is_char_boundary(a)) {
                for f in &sets {
                    let (fast, slow) = f(t, a..t.len());
                    assert_eq!(fast, slow, "{t:?} from {a}");
                }
            }
        }
        // Same ranges and values, not only counts.
        for t in texts {
            assert_eq!(c.title.find(t, 0..t.len()), c.title.find_overlapping(t, 0..t.len()));
            assert_eq!(c.status.find(t, 0..t.len()), c.status.find_overlapping(t, 0..t.len()));
        }
    }

    #[test]
    fn every_table_loads() {
        let c = &*CUES;
        assert!(c.status.items.len() > 10 && c.title.items.len() > 10 && c.surnames.len() > 50);
        assert!(c.doc_kind.items.iter().any(|(_, w, (k, cap))| w == "Luật" && *k == DocumentKind::Law && *cap));
    }
}
