//! Which period governs a metric: its own clause first, then its sentence.

use super::cues::{cues, find_word, ByteSet};
use crate::extract::Context;
use crate::lang::{Date, Relative, Temporal};
use crate::records::Period;
use std::ops::Range;
use std::sync::LazyLock;

/// A period candidate: dated temporals, or undated phrases ("giai đoạn tiếp theo").
#[derive(Debug, Clone)]
pub struct Candidate {
    pub range: Range<usize>,
    pub period: Period,
    pub relative: Option<Relative>,
}

pub fn to_period(ctx: &Context<'_>, t: &Temporal) -> Period {
    Period { start: t.start.map(Date::iso), end: t.end.map(Date::iso), text: ctx.text()[t.range.clone()].to_string() }
}

/// Period candidates inside `range`: temporals that are periods (not single
/// days) and undated period phrases.
pub fn candidates(ctx: &Context<'_>, range: Range<usize>) -> Vec<Candidate> {
    let first = ctx.temporals.partition_point(|t| t.range.start < range.start);
    let mut out: Vec<Candidate> = ctx.temporals[first..]
        .iter()
        .take_while(|t| t.range.start < range.end)
        .filter(|t| t.range.end <= range.end && !t.is_day)
        .map(|t| Candidate { range: t.range.clone(), period: to_period(ctx, t), relative: t.relative })
        .collect();
    static UNDATED: LazyLock<Vec<(&'static str, ByteSet)>> =
        LazyLock::new(|| cues("undated").iter().map(|p| (p.as_str(), ByteSet::of(p))).collect());
    let lower = &ctx.lower[range.clone()];
    let bytes = ByteSet::of(lower);
    for &(phrase, ref phrase_bytes) in UNDATED.iter() {
        if !bytes.holds(phrase_bytes) {
            continue;
        }
        if let Some(i) = find_word(lower, phrase) {
            let r = range.start + i..range.start + i + phrase.len();
            if !out.iter().any(|c| c.range.start < r.end && r.start < c.range.end) {
                out.push(Candidate { range: r.clone(), period: Period { start: None, end: None, text: ctx.text()[r].to_string() }, relative: None });
            }
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}
