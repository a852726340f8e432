//! Years for dates written without one when the document has no date.
//!
//! "Chiều 28/10" has no year. With a publication date the resolver picks the
//! nearest one; without it the year must come from the text, and only from
//! text that speaks of the same time (`ANNOTATION.md`):
//!
//! 1. a page timestamp line ("Thứ Năm, 01/08/2024 - 19:45") stands in for the
//!    publication date ([`page_timestamp`]);
//! 2. a year stated in the same sentence ("Hội nghị … năm 2024",
//!    "(2020-2025)");
//! 3. the nearest year stated earlier in the same paragraph;
//! 4. the article's own timeline: the nearest earlier day written with its
//!    year ("từ 10 đến 12/3/2025");
//! 5. an anniversary range ("kỷ niệm 50 năm … (1973-2023)"): its end year;
//! 6. the year the article states most, when it states it more than once.
//!
//! Horizons and targets ("đến năm 2030", "vào năm 2030", "tầm nhìn 2045")
//! never give a year. Nothing found: the date stays `--MM-DD`.

use super::date::Date;
use super::temporal::Temporal;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How far a sentence or paragraph is looked at around a date, in bytes.
const SENTENCE_WINDOW: usize = 400;
const PARAGRAPH_WINDOW: usize = 3000;

/// A run of ASCII digits.
struct Run {
    start: usize,
    end: usize,
}

impl Run {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Runs of four ASCII digits or more, in one pass over the bytes.
fn digit_runs(text: &str) -> impl Iterator<Item = Run> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if b[i].is_ascii_digit() {
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i - start >= 4 {
                    return Some(Run { start, end: i });
                }
            } else {
                i += 1;
            }
        }
        None
    })
}
static TIMESTAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn)\s*,?\s*)?(?:\d{1,2}\s*[:h]\s*\d{2}\s*[,|-]?\s*)?(?:ngày\s+)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?:\s*[-,|]?\s*\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:\(?\s*gmt\s*[+-]\s*\d{1,2}\s*\)?|am|pm|sa|ch))?)?$",
    )
    .expect("static regex")
});

/// A year written in the text.
#[derive(Debug, Clone, Copy)]
struct YearToken {
    pos: usize,
    year: i32,
    /// A horizon or target ("đến năm 2030").
    horizon: bool,
    /// The end of a bracketed range ("(2020-2025)", "(11/2024 – 11/2025)").
    range_end: bool,
    /// Part of a range that is not a bracketed range's end ("giai đoạn
    /// 2021-2025", the 1973 of "(1973-2023)").
    range_start: bool,
}

fn year_tokens(text: &str) -> Vec<YearToken> {
    let mut out = Vec::new();
    for m in digit_runs(text) {
        let Ok(year) = m.as_str(text).parse::<i32>() else { continue };
        // A year: four digits, not part of a number ("2.025", "2025,5") or a percentage.
        let glued = text[..m.start()].ends_with(['.', ',']) && text[..m.start()].trim_end_matches(['.', ',']).ends_with(|c: char| c.is_ascii_digit())
            || text[m.end()..].starts_with('%')
            || text[m.end()..].starts_with([',', '.']) && text[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit());
        if m.as_str(text).len() != 4 || !(1940..=2099).contains(&year) || glued {
            continue;
        }
        let before = text[..m.start()].trim_end();
        let from = before.len().saturating_sub(24);
        let b = (from..=before.len()).find(|&i| before.is_char_boundary(i)).map_or("", |i| &before[i..]);
        let horizon = super::temporal::TIME_CUES.phrases("horizon_before").iter().any(|h| b.ends_with(h.as_str()) && !b[..b.len() - h.len()].chars().next_back().is_some_and(char::is_alphanumeric));
        // "(2020-2025)", "(11/2024 – 11/2025)": a bracketed range names its end as now.
        let after = &text[m.end()..];
        let in_range = b.ends_with(['-', '–']) || after.trim_start().starts_with(['-', '–']) && after.trim_start()[1..].trim_start().starts_with(|c: char| c.is_ascii_digit());
        let range_end = b.ends_with(['-', '–']) && bracketed(text, m.start()) && after.trim_start().starts_with(')');
        // A plan period ("giai đoạn 2021-2025") and the start of any range say nothing of now.
        let range_start = in_range && !range_end;
        out.push(YearToken { pos: m.start(), year, horizon, range_end, range_start });
    }
    out
}

/// Is `pos` inside brackets opened at most 24 bytes before?
fn bracketed(text: &str, pos: usize) -> bool {
    let from = pos.saturating_sub(24);
    let from = (from..=pos).find(|&i| text.is_char_boundary(i)).unwrap_or(pos);
    text[from..pos].rfind('(').is_some_and(|i| !text[from + i..pos].contains(')'))
}

/// A timestamp line near the top ("Thứ Năm, 01/08/2024 - 19:45", "14/08/2025 18:42",
/// "Thứ Sáu, 22:35, 28/06/2019").
pub fn page_timestamp(lower: &str) -> Option<Date> {
    for line in lower.split('\n').take(6) {
        let t = line.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']']);
        // A date with its year has six digits at least; most lines are prose.
        if t.len() > 60 || t.bytes().filter(u8::is_ascii_digit).count() < 6 {
            continue;
        }
        if let Some(c) = TIMESTAMP_LINE.captures(t) {
            let n = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
            if let (Some(d), Some(m), Some(y)) = (n("d"), n("m"), n("y")) {
                return Date::new(y as i32, m, d);
            }
        }
    }
    None
}

/// Is the '.' at `i` (of the lower-cased text) the end of a sentence, not of an
/// abbreviation ("tp. hồ chí minh") or a number?
fn full_stop(text: &str, i: usize) -> bool {
    let word = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    const ABBREVIATIONS: &[&str] = &["tp", "q", "p", "ts", "ths", "pgs", "gs", "bs", "ks", "st", "mr", "ms", "dr", "tt", "x", "h"];
    !(ABBREVIATIONS.contains(&word) || word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty())
}

/// The sentence around `r`, looked for within a window either side ('.', ';'
/// and line ends bound it; '!' and '?' are rare in news prose).
fn sentence_bounds(text: &str, r: &Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let is_end = |i: usize| b[i] == b'\n' || b.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\n') && (b[i] != b'.' || full_stop(text, i));
    let lo = r.start.saturating_sub(SENTENCE_WINDOW);
    let mut start = lo;
    let mut hi_back = r.start;
    while let Some(i) = memchr::memrchr3(b'.', b';', b'\n', &b[lo..hi_back]).map(|i| lo + i) {
        if is_end(i) {
            start = i + 1;
            break;
        }
        hi_back = i;
    }
    let hi = (r.end + SENTENCE_WINDOW).min(b.len());
    let mut end = hi;
    let mut from = r.end;
    while let Some(i) = memchr::memchr3(b'.', b';', b'\n', &b[from..hi]).map(|i| from + i) {
        if is_end(i) {
            end = i;
            break;
        }
        from = i + 1;
    }
    start..end
}

fn line_start(text: &str, pos: usize) -> usize {
    let lo = pos.saturating_sub(PARAGRAPH_WINDOW);
    memchr::memrchr(b'\n', &text.as_bytes()[lo..pos]).map_or(lo, |i| lo + i + 1)
}

/// The year of an anniversary range: "kỷ niệm 75 năm … (1950-2025)".
fn anniversary_year(text: &str, years: &[YearToken]) -> Option<i32> {
    years.iter().find(|y| {
        y.range_end && {
            let from = y.pos.saturating_sub(160);
            let from = (from..=y.pos).find(|&i| text.is_char_boundary(i)).unwrap_or(y.pos);
            text[from..y.pos].contains("kỷ niệm")
        }
    }).map(|y| y.year)
}

/// The year stated in more than one place, most often (ties to the later).
fn dominant_year(years: &[YearToken]) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for y in years.iter().filter(|y| !y.horizon && !y.range_start) {
        match counts.iter_mut().find(|(yy, _)| *yy == y.year) {
            Some((_, n)) => *n += 1,
            None => counts.push((y.year, 1)),
        }
    }
    counts.into_iter().filter(|&(_, n)| n >= 2).max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

/// Gives a year to every date in `out` written without one ("--MM-DD",
/// "--MM"), from the context rules above. `out` is sorted by position.
pub fn resolve(text: &str, out: &mut [Temporal]) {
    if !out.iter().any(|t| t.date.as_deref().is_some_and(|d| d.starts_with("--"))) {
        return;
    }
    let years = year_tokens(text);
    let usable = |y: &&YearToken| !y.horizon && !y.range_start;
    let anniversary = anniversary_year(text, &years);
    let dominant = dominant_year(&years);
    // The year of the last day written with its year, in document order.
    let mut timeline: Option<i32> = None;
    for t in out.iter_mut() {
        let yearless = t.date.as_deref().is_some_and(|d| d.starts_with("--"));
        if !yearless {
            if t.is_day && t.relative.is_none() && !t.year_inferred {
                if let Some(s) = t.end.or(t.start) {
                    timeline = Some(s.year);
                }
            }
            continue;
        }
        let s = sentence_bounds(text, &t.range);
        let lo = years.partition_point(|y| y.pos < s.start);
        let in_sentence = years[lo..].iter().take_while(|y| y.pos < s.end).filter(usable).map(|y| y.year).max();
        let p = line_start(text, t.range.start);
        let lo = years.partition_point(|y| y.pos < p);
        let hi = years.partition_point(|y| y.pos < t.range.start);
        let in_paragraph = years[lo..hi].iter().rev().find(usable).map(|y| y.year);
        if let Some(y) = in_sentence.or(in_paragraph).or(timeline).or(anniversary).or(dominant) {
            set_year(t, y);
        }
    }
}

/// Fills the year of a yearless day, day range or month.
fn set_year(t: &mut Temporal, y: i32) {
    let parse = |s: &str| -> Option<(u32, Option<u32>)> {
        let rest = s.strip_prefix("--")?;
        let mut parts = rest.split('-');
        let m = parts.next()?.parse().ok()?;
        let d = parts.next().and_then(|d| d.parse().ok());
        Some((m, d))
    };
    let Some((m1, d1)) = t.date.as_deref().and_then(parse) else { return };
    let end = t.end_date.as_deref().and_then(parse);
    match d1 {
        Some(d1) => {
            let Some(start) = Date::new(y, m1, d1) else { return };
            let mut last = start;
            if let Some((m2, Some(d2))) = end {
                let y2 = if (m2, d2) < (m1, d1) { y + 1 } else { y };
                let Some(e) = Date::new(y2, m2, d2) else { return };
                last = e;
                t.end_date = Some(e.iso());
            }
            t.date = Some(start.iso());
            t.start = Some(start);
            t.end = Some(last);
        }
        None => {
            t.date = Some(format!("{y:04}-{m1:02}"));
            t.start = Date::new(y, m1, 1);
            t.end = Some(Date::month_end(y, m1));
        }
    }
    t.year_inferred = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(page_timestamp("thứ năm, 01/08/2024 - 19:45\nabc"), Date::new(2024, 8, 1));
        assert_eq!(page_timestamp("tiêu đề\n14/08/2025 18:42\n"), Date::new(2025, 8, 14));
        assert_eq!(page_timestamp("thứ tư, 7/2/2024, 23:41 (gmt+7)"), Date::new(2024, 2, 7));
        assert_eq!(page_timestamp("thứ sáu, 22:35, 28/06/2019
tiêu đề"), Date::new(2019, 6, 28));
        assert_eq!(page_timestamp("22:35, 28/06/2019"), Date::new(2019, 6, 28));
        assert_eq!(page_timestamp("ngày 7/2/2024, thủ tướng chủ trì hội nghị"), None);
    }
}
