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

/// Phrases by cue kind (`target`, `increase`, `document`, …), longest first.
pub fn cues(kind: &str) -> &'static [String] {
    static CUES: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
        let mut by_kind: Vec<(String, Vec<String>)> = Vec::new();
        for row in crate::lexicon::rows(include_str!("../../../data/metric_cues.tsv")) {
            let [kind, phrase] = row[..] else { continue };
            match by_kind.iter_mut().find(|(k, _)| k == kind) {
                Some((_, v)) => v.push(phrase.to_string()),
                None => by_kind.push((kind.to_string(), vec![phrase.to_string()])),
            }
        }
        for (_, v) in &mut by_kind {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        by_kind
    });
    CUES.iter().find(|(k, _)| k == kind).map_or(&[], |(_, v)| v.as_slice())
}

/// Byte position of `word` in `hay` on word boundaries.
pub fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = crate::text::find_str(&hay[from..], word).map(|i| i + from) {
        let before_ok = !hay[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !hay[i + word.len()..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + word.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Does `hay` contain any phrase of cue `kind`?
pub fn has_cue(hay: &str, kind: &str) -> bool {
    cues(kind).iter().any(|c| find_word(hay, c).is_some())
}
