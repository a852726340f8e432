//! Comparisons that qualify a metric: "gấp 2,5 lần năm 2024", "(gấp đôi năm
//! 2024)", "tăng gấp 1,5 lần so với năm trước", "tăng 19,3%".

use super::cues::{cues, find_word};
use super::period::{candidates, Candidate};
use crate::extract::Context;
use crate::lang::{Date, Quantity, Relative};
use crate::records::{Comparison, ComparisonKind, Period, Unit};
use std::ops::Range;

/// How far after a metric its comparison may start (bytes).
const REACH: usize = 80;

/// A comparison found after a metric, and the quantity it consumed.
pub struct Found {
    pub comparison: Comparison,
    pub quantity: usize,
    pub range: Range<usize>,
}

/// The comparison right after the metric `q` (index `qi` among `quantities`),
/// within `sentence`, whose period is `period`.
pub fn find(ctx: &Context<'_>, quantities: &[Quantity], qi: usize, sentence: &Range<usize>, period: Option<&Period>) -> Option<Found> {
    let q = &quantities[qi];
    for (j, c) in quantities.iter().enumerate().skip(qi + 1) {
        if c.range.start > q.range.end + REACH || c.range.start >= sentence.end {
            return None;
        }
        // A quantity is read on the whole text: one that runs past the
        // sentence's end belongs to no comparison of this sentence.
        if c.range.end > sentence.end || c.qualifier_start < q.range.end {
            continue;
        }
        let before = &ctx.lower[q.range.end..c.qualifier_start.min(c.range.start)];
        // "lên 20 tỷ USD và tăng gấp đôi đầu tư": a second predicate, not a comparison.
        if find_word(before, "và").is_some() {
            return None;
        }
        // "giảm thêm 15% dù năm ngoái đã lao dốc 30%", "giảm 18% còn giá thuê
        // nhà phố lao dốc 38%": a change of another time or subject.
        // A multiple stays the figure's ratio ("… nhưng sẽ tăng gấp đôi").
        if c.unit != Unit::Times && super::cues::has_cue(before, "comparison_break") {
            return None;
        }
        let verb_before = before.trim_end().trim_end_matches("gấp").trim_end();
        let is_ratio = c.unit == Unit::Times;
        // "…, vượt 27% kế hoạch năm": above the plan by a percentage.
        let over_plan = c.unit == Unit::Percent
            && ctx.lower[c.qualifier_start..c.range.start].trim_end() == "vượt"
            && cues("plan").iter().any(|p| ctx.lower[c.range.end..].trim_start().starts_with(p.as_str()));
        let changed = over_plan || ends_with_any(verb_before, "increase") || ends_with_any(verb_before, "decrease");
        let is_change = c.unit == Unit::Percent && changed;
        // "đạt 24,6 tỷ USD, tăng 1,5 tỷ USD": a difference in the metric's own unit.
        let is_difference = c.unit == q.unit && q.unit != Unit::Count && q.unit != Unit::Percent && changed;
        // A change in another clause belongs to another subject ("…, GDP tăng 7,85%"),
        // unless that clause opens with the change itself (", tăng 6,5%", ", số lượng gấp 2 lần").
        if let Some(b) = before.rfind([',', ';']) {
            let lead = before[b + 1..].trim().trim_end_matches("gấp").trim_end().trim_end_matches("tăng").trim_end_matches("giảm").trim();
            if !matches!(lead, "" | "số lượng" | "tương đương" | "tức là" | "hay") {
                return None;
            }
        }
        if !is_ratio && !is_change && !is_difference {
            // Another figure stands between: the metric has no comparison.
            if c.unit != Unit::Times {
                return None;
            }
            continue;
        }
        let negative = ends_with_any(verb_before, "decrease");
        // The comparison text starts at its verb ("tăng gấp", "gấp", "giảm").
        let verb_start = ["tăng gấp", "gấp", "tăng", "giảm"].iter().find_map(|v| {
            let t = ctx.lower[..c.range.start].trim_end();
            t.ends_with(v).then(|| t.len() - v.len())
        });
        let start = if over_plan { c.qualifier_start } else { verb_start.unwrap_or(c.range.start).min(c.range.start) };
        let (baseline, end) = baseline_after(ctx, c.range.end, sentence, period);
        let value = if is_ratio { c.value } else if negative { -c.value } else { c.value };
        let kind = if is_ratio {
            ComparisonKind::Ratio
        } else if is_difference {
            ComparisonKind::Difference
        } else {
            ComparisonKind::PercentChange
        };
        return Some(Found {
            comparison: Comparison { kind, value, baseline, text: ctx.text()[start..end].to_string() },
            quantity: j,
            range: start..end,
        });
    }
    None
}

fn ends_with_any(s: &str, kind: &str) -> bool {
    cues(kind).iter().any(|c| s.ends_with(c.as_str()) && !s[..s.len() - c.len()].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// The baseline period right after a comparison ("năm 2024", "so với năm
/// trước", "cùng kỳ"), resolved against the metric's own period.
fn baseline_after(ctx: &Context<'_>, from: usize, sentence: &Range<usize>, period: Option<&Period>) -> (Option<Period>, usize) {
    // A comparison that runs past its sentence ("gấp" + line break + "năm"
    // read as "gấp năm") has no room for a baseline.
    if from >= sentence.end {
        return (None, from);
    }
    // "tăng 16,8% về số dự án so với cùng kỳ": what changed, then the baseline.
    let from = {
        let near = &ctx.lower[from..super::ahead(&ctx.lower, from, 40, sentence.end)];
        match (near.trim_start().starts_with("về "), find_word(near, "so với")) {
            (true, Some(i)) => from + i,
            _ => from,
        }
    };
    let window_end = (from + 48).min(sentence.end);
    let window_end = (window_end..=sentence.end).find(|&i| ctx.text().is_char_boundary(i)).unwrap_or(sentence.end);
    let lower = &ctx.lower[from..window_end];
    let lead = lower.trim_start().strip_prefix("so với").map_or(0, |_| lower.len() - lower.trim_start().len() + "so với".len());
    let rest = &lower[lead..];
    let skip = rest.len() - rest.trim_start().len();
    let at = from + lead + skip;
    let metric_year = period.and_then(|p| p.start.as_deref()).and_then(Date::parse_iso).map(|d| d.year);
    // "cùng kỳ (năm trước)": the metric's period one year earlier.
    for phrase in cues("same_period") {
        if ctx.lower[at..].starts_with(phrase.as_str()) {
            let shifted = period.map(|p| Period { start: p.start.as_deref().map(shift_year), end: p.end.as_deref().map(shift_year), text: ctx.text()[at..at + phrase.len()].to_string() });
            return (shifted, at + phrase.len());
        }
    }
    let found: Option<Candidate> = candidates(ctx, at..window_end, ctx.doc_date, true).into_iter().find(|c| c.range.start == at);
    match found {
        Some(c) => {
            let mut p = c.period;
            if matches!(c.relative, Some(Relative::PreviousYear)) {
                if let Some(y) = metric_year.or_else(|| ctx.doc_date.map(|d| d.year)) {
                    p.start = Some(format!("{:04}-01-01", y - 1));
                    p.end = Some(format!("{:04}-12-31", y - 1));
                }
            }
            (Some(p), c.range.end)
        }
        None if lead > 0 => {
            let _ = find_word(&ctx.lower[at..window_end], "năm");
            (None, from + lead)
        }
        None => (None, from),
    }
}

/// The same day a year earlier; 29 February becomes 28 February.
fn shift_year(iso: &str) -> String {
    if let Some(d) = crate::lang::Date::parse_iso(iso) {
        let day = d.day.min(crate::lang::days_in_month(d.year - 1, d.month));
        if let Some(back) = crate::lang::Date::new(d.year - 1, d.month, day) {
            return back.iso();
        }
    }
    match iso.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) => format!("{:04}{}", y - 1, &iso[4..]),
        None => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_leap_day_shifts_to_the_last_day_of_february() {
        assert_eq!(super::shift_year("2024-02-29"), "2023-02-28");
        assert_eq!(super::shift_year("2024-03-31"), "2023-03-31");
        assert_eq!(super::shift_year("2024"), "2023");
    }
}
