//! Years and dates near a figure that are not its period: the date of an
//! event told in the sentence, a version's or a meeting's name, a photo
//! caption's date; and the counted span ("5 năm tới") that bracketed years date.

use super::cues::{cue_spans, cues, is_cue};
use super::period::{ends_with_cue, ends_with_word};
use super::{ahead, back};
use crate::extract::Context;
use crate::lang::Temporal;
use std::ops::Range;

/// Is a temporal after `before` (the text right before it) the date of an
/// event ("tung ra vào năm 2013", "ban hành năm 2019", "khởi công hồi tháng 2
/// năm ngoái"), not a figure's period?
pub(super) fn dates_event(lower: &str, t: &Temporal, before: &str) -> bool {
    // "bắt đầu từ năm 2019 đến năm 2023" is a span, read whole.
    if lower.get(t.range.clone()).is_some_and(|own| own.starts_with("từ ")) {
        return false;
    }
    let at = before.trim_end();
    ends_with_cue(at.strip_suffix("vào").or_else(|| at.strip_suffix("hồi")).unwrap_or(at), "dated_event")
}

/// Is the year at `at` the name of a version ("Tây Du Ký bản năm 1986")? A
/// lower-case "bản" right before it, not the end of a word pair ("văn bản",
/// "cơ bản": `version_not`) nor of a name ("Nhật Bản", capitalised).
pub(super) fn version_year(ctx: &Context<'_>, at: usize, before: &str) -> bool {
    let b = before.trim_end();
    if !ends_with_word(b, "bản") {
        return false;
    }
    let start = at - (before.len() - b.len()) - "bản".len();
    let lower_in_text = ctx.text().get(start..start + "bản".len()) == Some("bản");
    let prev = b[..b.len() - "bản".len()].trim_end().rsplit(' ').next().unwrap_or("");
    lower_in_text && !is_cue("version_not", prev)
}

/// Is `t` the date closing a photo caption ("Một nhân viên đặt các thỏi vàng
/// … ở Siberia, tháng 9/2023. Ảnh: Reuters")? It dates the photo.
pub(super) fn caption_date(ctx: &Context<'_>, t: &Temporal, s: &Range<usize>) -> bool {
    let lower = ctx.lower.as_str();
    let tail = lower.get(t.range.end..s.end).map_or("", str::trim);
    let next = &lower[s.end..ahead(lower, s.end, 16, lower.len())];
    matches!(tail, "" | ".") && lower[back(lower, t.range.start, 4, s.start)..t.range.start].trim_end().ends_with(',') && cues("caption_credit").iter().any(|c| next.trim_start_matches(|ch: char| ch == '.' || ch.is_whitespace()).starts_with(c.as_str()))
}

/// Does the sentence `s` date an event ("Dự án được khởi công hồi tháng 2 năm
/// ngoái với tổng vốn …")? The account has moved to that time: a period
/// carried from the sentences before governs none of its figures.
pub(super) fn dates_event_in(ctx: &Context<'_>, s: &Range<usize>) -> bool {
    let lower = ctx.lower.as_str();
    let first = ctx.temporals.partition_point(|t| t.range.start < s.start);
    ctx.temporals[first..].iter().take_while(|t| t.range.end <= s.end).any(|t| dates_event(lower, t, &lower[back(lower, t.range.start, 24, s.start)..t.range.start]))
}

/// Where a span of years ("5 năm tới", "hai năm qua") starts, when it stands
/// right before `at` with an opening parenthesis between ("5 năm tới (2021-2025)").
pub(super) fn counted_span_before(lower: &str, at: usize, floor: usize) -> Option<usize> {
    let from = back(lower, at, 40, floor);
    let lead = &lower[from..at];
    let paren = lead.rfind('(').filter(|&p| lead[p + 1..].trim().is_empty())?;
    let span = lead[..paren].trim_end();
    let rest = cues("counted_span_end").iter().find_map(|p| span.strip_suffix(p.as_str()).filter(|r| r.ends_with(' ')))?.trim_end();
    let count = rest.rsplit(' ').next().filter(|w| !w.is_empty())?;
    let counted = count.chars().all(|ch| ch.is_ascii_digit()) || crate::lang::words_value(&[count]).is_some();
    counted.then(|| from + rest.len() - count.len())
}

/// The year of a single year ("năm 2016", "cuối năm 2013": a year named by
/// its edge is read with no bounds by the language layer).
pub(super) fn edge_year(t: &Temporal) -> Option<i32> {
    t.date.as_deref().filter(|d| d.len() == 4 && t.end_date.is_none()).and_then(|d| d.parse().ok())
}

/// How many words before a year may still belong to the name of a meeting ("Đại hội đại biểu Đảng bộ tỉnh Nghệ An năm 2020").
const NAME_WORDS: usize = 7;

/// Is the year at `at` inside the name of a meeting ("ĐHĐCĐ thường niên năm
/// 2020", "Đại hội Đảng bộ tỉnh năm 2020")? A `named_year_head` phrase opens
/// the name a few words before, with no break or verb between.
pub(super) fn in_event_name(lower: &str, at: usize, floor: usize) -> bool {
    let lead = &lower[back(lower, at, 80, floor)..at];
    let lead = lead.rfind([',', ';', ':', '.', '(', ')', '"', '\n']).map_or(lead, |i| &lead[i + 1..]);
    // The last few words, found without allocating: most years have no name head before them.
    let trimmed = lead.trim_end();
    let mut from = trimmed.len();
    for _ in 0..NAME_WORDS {
        match trimmed[..from].trim_end().rfind(' ') {
            Some(i) => from = i,
            None => {
                from = 0;
                break;
            }
        }
    }
    let tail = &trimmed[from..];
    cue_spans(tail, 0, "named_year_head").first().is_some_and(|r| !super::cues::has_cue(&tail[r.end..], "name_breaks"))
}
