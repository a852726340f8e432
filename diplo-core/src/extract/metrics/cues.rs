//! The indicator table (`data/indicators.tsv`) and metric cues (`data/metric_cues.tsv`).

use crate::records::Indicator;
use std::sync::LazyLock;

/// Where an indicator keyword must appear relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Counted,
    Head,
    Before,
    Verb,
    /// Before an amount, percentage or rate: the nearest keyword wins.
    Amount,
    /// A growth word ("tăng trưởng") or a bare "kim ngạch": yields to a noun right before it.
    AmountYield,
    /// A generic word ("thương mại"): only when no other keyword is found.
    AmountWeak,
    /// A value word ("trị giá"): the value of agreements signed, when the
    /// sentence speaks of them.
    AmountDeal,
}

pub struct IndicatorRule {
    pub indicator: Indicator,
    pub scope: Scope,
    pub keyword: String,
}

pub static INDICATORS: LazyLock<Vec<IndicatorRule>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../../../data/indicators.tsv"))
        .filter_map(|row| {
            let [ind, scope, kw] = row[..] else { return None };
            Some(IndicatorRule {
                indicator: Indicator::from_key(ind)?,
                scope: match scope {
                    "counted" => Scope::Counted,
                    "head" => Scope::Head,
                    "before" => Scope::Before,
                    "verb" => Scope::Verb,
                    "amount_yield" => Scope::AmountYield,
                    "amount_weak" => Scope::AmountWeak,
                    "amount_deal" => Scope::AmountDeal,
                    _ => Scope::Amount,
                },
                keyword: kw.to_string(),
            })
        })
        .collect()
});

/// The set of bytes a text holds: a word whose bytes are not all in a
/// text's set cannot occur in it, so most keywords are ruled out without a search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    pub fn of(s: &str) -> Self {
        let mut set = [0u64; 4];
        for &b in s.as_bytes() {
            set[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        ByteSet(set)
    }

    /// Does this set hold every byte of `other`?
    pub fn holds(&self, other: &ByteSet) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }
}

/// The byte set of each [`INDICATORS`] keyword, in the same order.
pub static INDICATOR_BYTES: LazyLock<Vec<ByteSet>> = LazyLock::new(|| INDICATORS.iter().map(|r| ByteSet::of(&r.keyword)).collect());

/// The phrases of one cue kind, with a set for whole-word tests and an
/// automaton that finds any of them in one pass.
pub struct CueSet {
    /// Longest first.
    pub phrases: Vec<String>,
    words: std::collections::HashSet<String>,
    ac: Option<aho_corasick::AhoCorasick>,
}

static CUES: LazyLock<std::collections::HashMap<String, CueSet>> = LazyLock::new(|| {
    let mut by_kind: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    // Look-alikes (names, homographs, hedges) keep their own table: `data/lookalike_cues.tsv`.
    let rows = crate::lexicon::rows(include_str!("../../../data/metric_cues.tsv")).chain(crate::lexicon::rows(include_str!("../../../data/lookalike_cues.tsv")));
    for row in rows {
        let [kind, phrase] = row[..] else { continue };
        let list = by_kind.entry(kind.to_string()).or_default();
        if !list.iter().any(|p| p == phrase) {
            list.push(phrase.to_string());
        }
    }
    // Kinds read together in one pass: `sentence_governs` = target_sentence ∪ future_sentence.
    let governs: Vec<String> = ["target_sentence", "future_sentence"].iter().flat_map(|k| by_kind.get(*k).cloned().unwrap_or_default()).collect();
    by_kind.insert("sentence_governs".to_string(), governs);
    by_kind
        .into_iter()
        .map(|(kind, mut phrases)| {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
            let words = phrases.iter().cloned().collect();
            // Leftmost-longest keeps the automaton's prefilter (an overlapping
            // search has none); a longer phrase that fails the word-boundary test
            // hides a shorter one at the same place, which no cue list relies on.
            let ac = aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(&phrases).ok();
            (kind, CueSet { phrases, words, ac })
        })
        .collect()
});

/// Phrases by cue kind (`target`, `increase`, `document`, …), longest first.
pub fn cues(kind: &str) -> &'static [String] {
    CUES.get(kind).map_or(&[], |c| c.phrases.as_slice())
}

/// Is `word` (lower case) one of the phrases of cue `kind`?
pub fn is_cue(kind: &str, word: &str) -> bool {
    CUES.get(kind).is_some_and(|c| c.words.contains(word))
}

pub use crate::lexicon::cues::find_word;

/// Where the phrases of cue `kind` occur in `hay` on word boundaries, as
/// ranges offset by `base`, sorted by start: one pass of the kind's automaton.
pub fn cue_spans(hay: &str, base: usize, kind: &str) -> Vec<std::ops::Range<usize>> {
    let Some(ac) = CUES.get(kind).and_then(|c| c.ac.as_ref()) else { return Vec::new() };
    ac.find_iter(hay)
        .filter(|m| !hay[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric) && !hay[m.end()..].chars().next().is_some_and(char::is_alphanumeric))
        .map(|m| base + m.start()..base + m.end())
        .collect()
}

/// Does one of `spans` (sorted by start) lie within `window`?
pub fn any_within(spans: &[std::ops::Range<usize>], window: std::ops::Range<usize>) -> bool {
    let i = spans.partition_point(|r| r.start < window.start);
    // Spans of one kind that start in the window and end past it overlap its end:
    // a few at most.
    spans[i..].iter().take_while(|r| r.start < window.end).any(|r| r.end <= window.end)
}

/// Does `hay` contain any phrase of cue `kind` on word boundaries? One pass
/// of the kind's automaton over every occurrence.
pub fn has_cue(hay: &str, kind: &str) -> bool {
    let Some(ac) = CUES.get(kind).and_then(|c| c.ac.as_ref()) else { return false };
    ac.find_iter(hay).any(|m| {
        let before_ok = !hay[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !hay[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
        before_ok && after_ok
    })
}

/// Does a `goal_not` phrase open at `at` ("phải tăng cường", "yêu cầu thanh
/// toán")? The goal or future cue there is part of a verb of fact.
pub fn opens_goal_not(lower: &str, at: usize) -> bool {
    let Some(rest) = lower.get(at..) else { return false };
    if cues("goal_not").iter().any(|p| rest.starts_with(p.as_str()) && !rest[p.len()..].starts_with(char::is_alphanumeric)) {
        return true;
    }
    // "yêu cầu C.Ronaldo phải bồi thường tới 65 triệu euro": a demand of
    // payment a few words on, before any break, is a claim told as a fact.
    let Some(after) = rest.strip_prefix("yêu cầu ") else { return false };
    let window = &after[..crate::text::floor_char(after, DEMAND_REACH.min(after.len()))];
    // A full stop ends the window only before a space: "C.Ronaldo" is a name.
    let stop = window.find([',', ';', ':', '(', '"']).into_iter().chain(window.find(". ")).min();
    let window = stop.map_or(window, |i| &window[..i]);
    has_cue(window, "payment")
}

/// How far after "yêu cầu" a verb of payment may stand (bytes).
const DEMAND_REACH: usize = 48;
