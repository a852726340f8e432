//! Dates and periods: "22/7", "Chiều ngày 22/7/2025", "quý I/2025",
//! "6 tháng đầu năm 2025", "từ ngày 25-28/6/2023", "năm qua" …
//!
//! Every pattern runs over the lower-cased text; candidates are merged
//! leftmost-longest. Missing years come from the document date (the nearest
//! year that does not put the date far in the future) or, without one, from
//! the year the document mentions most; such dates are `year_inferred`.

use super::date::{day_month_valid, Date};
use super::windows::DigitWindows;
use crate::records::TimeOfDay;
use crate::lexicon::cues::CueTable;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

mod periods;
use periods::collect_periods;

/// A date or period found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Temporal {
    /// Span in the text, including a leading time of day and "ngày".
    pub range: Range<usize>,
    /// ISO text of the point: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD`.
    pub date: Option<String>,
    /// ISO end of a range of days.
    pub end_date: Option<String>,
    /// First day of the period covered.
    pub start: Option<Date>,
    /// Last day of the period covered.
    pub end: Option<Date>,
    pub year_inferred: bool,
    pub time_of_day: Option<TimeOfDay>,
    /// A period relative to the document ("năm qua", "năm trước").
    pub relative: Option<Relative>,
    /// A single day or range of days (as opposed to a month, year or period).
    pub is_day: bool,
}

/// Relative periods whose meaning depends on what they are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// năm nay
    ThisYear,
    /// năm qua, năm vừa qua
    PastYear,
    /// năm trước, năm ngoái
    PreviousYear,
    /// năm tới, năm sau
    NextYear,
    /// hôm nay, sáng nay …
    Today,
    /// hôm qua
    Yesterday,
    /// ngày mai, sáng mai …
    Tomorrow,
    /// từ đầu năm
    YearToDate,
    /// tháng này
    ThisMonth,
    /// tháng trước
    PreviousMonth,
    /// tháng tới, tháng sau
    NextMonth,
}

struct Resolver {
    /// The document date, else a page timestamp: it gives days their year.
    doc: Option<Date>,
    /// The document date only: "từ đầu năm đến nay" ends on it, and stays
    /// open without one (ANNOTATION.md: a page timestamp is no document date).
    stated: Option<Date>,
    context_year: Option<i32>,
}

impl Resolver {
    /// The year of a day/month without a year, and whether it was inferred.
    fn year_for(&self, month: u32, day: u32) -> Option<i32> {
        if let Some(doc) = self.doc {
            let mut best: Option<(i64, i32)> = None;
            for y in [doc.year - 1, doc.year, doc.year + 1] {
                let Some(d) = Date::new(y, month, day.min(super::date::days_in_month(y, month))) else { continue };
                let delta = d.ordinal() - doc.ordinal();
                if (-300..=92).contains(&delta) && best.is_none_or(|(b, _)| delta.abs() < b) {
                    best = Some((delta.abs(), y));
                }
            }
            return best.map(|(_, y)| y).or(Some(doc.year));
        }
        // Without a document date the year comes from context, read
        // afterwards by `year_context::resolve`.
        None
    }

    fn year_for_month(&self, month: u32) -> Option<i32> {
        self.year_for(month, 1)
    }

    fn current_year(&self) -> Option<i32> {
        self.doc.map(|d| d.year).or(self.context_year)
    }
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static regex")
}

const TOD: &str = r"(?P<tod>rạng sáng|sáng sớm|sáng|trưa|chiều tối|chiều|tối|đêm|khuya)\s+";

static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2})\s*(?P<sep>-|đến|tới|và)\s*(?:ngày\s+)?(?P<d2>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?")
});
static CROSS_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2})(?P<s1>[/.-])(?P<m1>\d{1,2})(?:[/.-](?P<y1>\d{4}))?\s*(?P<sep>-|đến|tới)\s*(?:ngày\s+)?(?P<d2>\d{1,2})(?P<s2>[/.-])(?P<m2>\d{1,2})(?:[/.-](?P<y2>\d{4}))?")
});
static FULL_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:ngày\s+)?(?P<d>\d{1,2})\s*(?P<s1>[/.-])\s*(?P<m>\d{1,2})\s*(?P<s2>[/.-])\s*(?P<y>\d{4})"));
static WORDY_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm\s+|[/,]\s*)(?P<y>\d{4}))?"));
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| re(r"(?P<ngay>ngày\s+)?(?P<d>\d{1,2})(?P<s>[/.-])(?P<m>\d{1,2})"));
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:(?P<edge>đầu|cuối|giữa)\s+)?tháng\s+(?P<m>\d{1,2}|giêng|chạp)(?:\s*[/.-]\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4})|\s+năm\s+(?P<rel>nay|vừa qua|qua|trước|ngoái|tới|sau)\b)?")
});
/// "từ tháng 1 đến tháng 6/2025", "tháng 1-6/2025".
static MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:từ\s+)?tháng\s+(?P<m1>\d{1,2})(?:\s*[/.-]\s*(?P<y1>\d{4}))?\s*(?:-|đến|tới)\s*(?:hết\s+)?(?:tháng\s+)?(?P<m2>\d{1,2})(?:\s*[/.-]\s*(?P<y2>\d{4})|\s+năm\s+(?P<y3>\d{4}))?")
});
static QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"quý\s+(?P<q>iv|iii|ii|i|[1-4])(?:\s*[/.-]\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?"));
static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?P<n>\d{1,2}|ba|sáu|chín)\s+tháng(?:\s+(?P<edge>đầu|cuối))?(?:\s+(?:của\s+)?năm(?:\s+(?P<y>\d{4})|\s+(?P<rel>nay|qua|trước|ngoái))?)?(?P<comma>\s*,)?")
});
static HALF: LazyLock<Regex> =
    LazyLock::new(|| re(r"nửa\s+(?P<edge>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4})|\s+(?P<rel>nay|qua|trước|ngoái))?"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?P<edge>đầu|cuối|giữa)?\s*(?:cả\s+)?năm\s+(?P<y>\d{4})"));
static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:(?:giai đoạn|thời kỳ|nhiệm kỳ|từ năm|từ|năm)\s+)?(?P<y1>\d{4})\s*(?:-|đến|tới)\s*(?:năm\s+)?(?P<y2>\d{4})"));
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:cả\s+|trong\s+)?năm\s+(?P<year>nay|vừa qua|qua|trước|ngoái|tới|sau)\b|tháng\s+(?P<month>này|trước|tới|sau)\b|hôm\s+(?P<day>nay|qua)\b|ngày\s+(?P<tomorrow>mai)\b|{TOD}(?P<todrel>nay|qua|mai)\b|từ\s+đầu\s+năm(?:\s+(?P<ytd>\d{{4}}|nay))?(?:\s+(?:đến|tới)\s+nay)?|\bcả\s+(?P<whole>năm)\b"
    ))
});
/// [`RELATIVE`] anchored at the start of its haystack.
static RELATIVE_ANCHORED: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{})", RELATIVE.as_str())));
/// [`RELATIVE`] without its `\b`s: it matches wherever RELATIVE does (and
/// more), and without Unicode word boundaries it runs on the lazy DFA.
static RELATIVE_CANDIDATES: LazyLock<Regex> = LazyLock::new(|| re(&RELATIVE.as_str().replace(r"\b", "")));

/// `RELATIVE.captures_iter(text)`, each with the offset its positions are
/// relative to. The regex's Unicode `\b` keeps it on the slow PikeVM over
/// the whole text; instead, the places where it can match are found by
/// [`RELATIVE_CANDIDATES`] and the regex is tried anchored at each, in order.
fn relative_matches(text: &str) -> impl Iterator<Item = (regex::Captures<'_>, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= text.len() {
            // The leftmost place at or after `from` where RELATIVE may match.
            let p = RELATIVE_CANDIDATES.find_at(text, from)?.start();
            if let Some(c) = RELATIVE_ANCHORED.captures(&text[p..]) {
                // The one look-behind, "\bcả", sees the start of the slice as a
                // boundary; in the text it needs a non-word character before.
                let lead_ok = c.name("whole").is_none() || !text[..p].chars().next_back().is_some_and(regex_syntax::is_word_character);
                if lead_ok {
                    from = p + c.get(0).map_or(0, |m| m.end()).max(1);
                    return Some((c, p));
                }
            }
            from = p + text[p..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// A month or quarter stamped with its year ("tháng 3/2021", "quý I/2021"), for the
/// year a text is written in.
static STAMP_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?:tháng\s+\d{1,2}|quý\s+(?:iv|iii|ii|i|[1-4]))\s*/\s*(?P<y>\d{4})"));
static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?P<y>19[4-9]\d|20\d\d)\b"));
static TOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:(?:\d{1,2})\s*(?:h|giờ)(?:\s*\d{1,2}\s*(?:p|phút)?)?\s+)?(?P<tod>rạng sáng|sáng sớm|sáng|trưa|chiều tối|chiều|tối|đêm|khuya)\s+(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|nay|qua|mai)\s*,?\s*)?(?:\(\s*)?(?:ngày\s+|hôm\s+)?$")
});

/// Word lists around dates and periods (`data/time_cues.tsv`).
pub(crate) static TIME_CUES: LazyLock<CueTable> = LazyLock::new(|| CueTable::parse(include_str!("../../data/time_cues.tsv")));

/// The time of day a word names ("chiều tối" → late afternoon).
pub fn tod(s: &str) -> Option<TimeOfDay> {
    Some(match s {
        "rạng sáng" | "sáng sớm" | "sáng" => TimeOfDay::Morning,
        "trưa" => TimeOfDay::Noon,
        "chiều" => TimeOfDay::Afternoon,
        "chiều tối" => TimeOfDay::LateAfternoon,
        "tối" => TimeOfDay::Evening,
        "đêm" | "khuya" => TimeOfDay::Night,
        _ => return None,
    })
}

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

fn year_ok(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

fn prev_word(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end();
    let start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    &before[start..]
}

fn next_word(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start();
    let end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
    &after[..end]
}

/// Is `r` a whole token: not glued to a word, a code or another number?
fn boundary_ok(text: &str, r: &Range<usize>) -> bool {
    let mut before = text[..r.start].chars().rev();
    let b1 = before.next();
    if b1.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if b1.is_some_and(|c| matches!(c, '/' | '-' | '.' | ',')) && before.next().is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    let rest = &text[r.end..];
    if rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '%') {
        return false;
    }
    !(rest.starts_with(['/', '-', '.']) && rest[1..].starts_with(|c: char| c.is_alphanumeric()))
}

fn day_point(r: &Resolver, d: u32, m: u32, y: Option<u32>) -> Option<(Option<Date>, String, bool)> {
    if !day_month_valid(d, m) {
        return None;
    }
    match y {
        Some(y) if year_ok(y) => Date::new(y as i32, m, d).map(|date| (Some(date), date.iso(), false)),
        Some(_) => None,
        None => match r.year_for(m, d) {
            Some(y) => Date::new(y, m, d).map(|date| (Some(date), date.iso(), true)),
            None => Some((None, format!("--{m:02}-{d:02}"), false)),
        },
    }
}

fn blank(range: Range<usize>) -> Temporal {
    Temporal { range, date: None, end_date: None, start: None, end: None, year_inferred: false, time_of_day: None, relative: None, is_day: false }
}

fn year_period(mut t: Temporal, y: i32) -> Temporal {
    t.start = Date::new(y, 1, 1);
    t.end = Date::new(y, 12, 31);
    t.date = Some(format!("{y:04}"));
    t
}

fn roman_quarter(q: &str) -> u32 {
    match q {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        _ => 4,
    }
}

/// Finds every date and period in `text`, resolving missing years against
/// the document date `doc` (or the year the text mentions most).
pub fn find_temporals(text: &str, doc: Option<Date>) -> Vec<Temporal> {
    let lower = crate::text::lowercase_same_len(text);
    find_temporals_lower(&lower, doc)
}

/// As [`find_temporals`] on text already lower-cased with
/// [`crate::text::lowercase_same_len`].
pub fn find_temporals_lower(text: &str, doc: Option<Date>) -> Vec<Temporal> {
    find_temporals_in(text, doc, &DigitWindows::new(text))
}

/// As [`find_temporals_lower`], with the text's digit windows at hand.
pub(crate) fn find_temporals_in(text: &str, doc: Option<Date>, windows: &DigitWindows) -> Vec<Temporal> {
    // Read once: the context year and the day dates both need them.
    let full_dates: Vec<regex::Captures<'_>> = windows.captures_iter(&FULL_DATE, text).collect();
    // A page timestamp stands in for a missing publication date.
    let stated = doc;
    let doc = doc.or_else(|| super::year_context::page_timestamp(text));
    let r = Resolver { doc, stated, context_year: if doc.is_none() { context_year(text, &full_dates) } else { None } };
    let mut cands: Vec<Temporal> = Vec::new();
    collect_days(text, &r, &full_dates, windows, &mut cands);
    collect_periods(text, &r, windows, &mut cands);
    // A range whose written years run backwards ("28/12/2025 đến 3/1/2024") is
    // no range: its two dates stand on their own (found as candidates too).
    cands.retain(|t| !matches!((t.start, t.end), (Some(s), Some(e)) if s > e));
    // Leftmost-longest, no overlaps.
    cands.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
    let mut out: Vec<Temporal> = Vec::new();
    for c in cands {
        if out.last().is_some_and(|l| c.range.start < l.range.end) {
            continue;
        }
        out.push(c);
    }
    merge_relative_day_with_date(text, &mut out);
    for t in &mut out {
        attach_time_of_day(text, t);
    }
    if r.doc.is_none() {
        super::year_context::resolve(text, &mut out);
    }
    previous_year_of_stated_year(text, &mut out);
    out
}

/// "Sáng nay (6.12)", "Tối qua (21/7)": the relative day and the bracketed
/// date are one expression, dated by the date.
fn merge_relative_day_with_date(text: &str, out: &mut Vec<Temporal>) {
    let mut merged: Vec<Temporal> = Vec::with_capacity(out.len());
    for mut b in out.drain(..) {
        if let Some(a) = merged.last() {
            let between = text.get(a.range.end..b.range.start).unwrap_or("x");
            let relative_day = matches!(a.relative, Some(Relative::Today | Relative::Yesterday | Relative::Tomorrow));
            if relative_day && b.is_day && b.relative.is_none() && between.len() <= 4 && between.trim() == "(" {
                b.range.start = a.range.start;
                b.time_of_day = b.time_of_day.or(a.time_of_day);
                merged.pop();
            }
        }
        merged.push(b);
    }
    *out = merged;
}

/// "Năm 2025 … tăng 20% so với năm trước": "năm trước" is the year before
/// the year stated earlier in the same sentence, not before the document's.
fn previous_year_of_stated_year(text: &str, out: &mut [Temporal]) {
    for i in 0..out.len() {
        let span = text.get(out[i].range.clone()).unwrap_or("");
        let previous = out[i].relative == Some(Relative::PreviousYear) && span.ends_with("trước");
        let whole = out[i].relative == Some(Relative::ThisYear) && span.ends_with("cả năm");
        if !previous && !whole {
            continue;
        }
        let here = out[i].range.start;
        // A few expressions back at most, within the sentence.
        let stated = out[..i].iter().rev().take(8).take_while(|t| here.saturating_sub(t.range.end) <= 400 && !crosses_sentence(text, t.range.end, here)).find_map(|t| {
            (t.relative.is_none() && !t.year_inferred).then_some(t.start).flatten().map(|d| d.year)
        });
        if let Some(y) = stated {
            let t = std::mem::replace(&mut out[i], blank(0..0));
            out[i] = Temporal { year_inferred: true, ..year_period(t, if previous { y - 1 } else { y }) };
        }
    }
}

/// Does a sentence end between `from` and `to`?
fn crosses_sentence(text: &str, from: usize, to: usize) -> bool {
    let between = text.get(from..to).unwrap_or("");
    between.contains('\n') || [". ", "! ", "? ", "; "].iter().any(|p| between.contains(p))
}

fn attach_time_of_day(text: &str, t: &mut Temporal) {
    let from = t.range.start.saturating_sub(48);
    let from = (from..=t.range.start).find(|&i| text.is_char_boundary(i)).unwrap_or(t.range.start);
    if let Some(c) = TOD_BEFORE.captures(&text[from..t.range.start]) {
        if t.time_of_day.is_none() {
            t.time_of_day = c.name("tod").and_then(|m| tod(m.as_str()));
        }
        if let Some(m) = c.get(0) {
            t.range.start = from + m.start();
        }
    }
}

/// The year a text mentions most often ("năm 2025", "22/7/2025"); ties go to the later year.
fn context_year(text: &str, full_dates: &[regex::Captures<'_>]) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    // "hết tháng 3/2021", "quý I/2021" date the text as well; "so với cùng kỳ
    // quý I/2020" is a baseline.
    let stamps = STAMP_YEAR.captures_iter(text).filter(|c| {
        let before = c.get(0).map_or("", |m| text[..m.start()].trim_end());
        !["cùng kỳ", "so với", "hồi"].iter().any(|w| before.ends_with(w))
    });
    for y in YEAR.captures_iter(text).chain(stamps).map(|c| c.name("y")).chain(full_dates.iter().map(|c| c.name("y"))) {
        // Horizons ("tầm nhìn đến năm 2050"), range ends ("2021-2030") and
        // baselines ("so với cùng kỳ năm 2019") say nothing about when the text
        // was written.
        let before = y.map_or("", |m| text[..m.start()].trim_end());
        if ["đến năm", "tới năm", "đến", "tới", "tầm nhìn", "-", "–", "cùng kỳ năm", "so với năm"].iter().any(|w| before.ends_with(w)) {
            continue;
        }
        if let Some(y) = num(y).filter(|&y| year_ok(y)) {
            match counts.iter_mut().find(|(yy, _)| *yy == y as i32) {
                Some((_, n)) => *n += 1,
                None => counts.push((y as i32, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

fn collect_days(text: &str, r: &Resolver, full_dates: &[regex::Captures<'_>], windows: &DigitWindows, out: &mut Vec<Temporal>) {
    for c in windows.captures_iter(&DAY_RANGE, text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let (Some(d1), Some(d2), Some(m)) = (num(c.name("d1")), num(c.name("d2")), num(c.name("m"))) else { continue };
        if d1 >= d2 || !boundary_ok(text, &m0) || text[m0.end..].starts_with('%') {
            continue;
        }
        // "15 và 16/3": two consecutive days.
        if c.name("sep").is_some_and(|s| s.as_str() == "và") && d2 != d1 + 1 {
            continue;
        }
        let has_cue = text[m0.clone()].starts_with("từ") || text[m0.clone()].starts_with("ngày") || TIME_CUES.contains("date_cue", prev_word(text, m0.start));
        if c.name("y").is_none() && !has_cue {
            continue;
        }
        let (Some((s, siso, inf)), Some((mut e, mut eiso, _))) = (day_point(r, d1, m, num(c.name("y"))), day_point(r, d2, m, num(c.name("y")))) else { continue };
        // Both ends share the year inferred for the start ("1-30/6").
        if let (Some(start), Some(end)) = (s, e) {
            if end.year != start.year {
                if let Some(fixed) = Date::new(start.year, m, d2) {
                    e = Some(fixed);
                    eiso = fixed.iso();
                }
            }
        }
        out.push(Temporal { date: Some(siso), end_date: Some(eiso), start: s, end: e, year_inferred: inf, is_day: true, ..blank(m0) });
    }
    for c in windows.captures_iter(&CROSS_RANGE, text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let (Some(d1), Some(m1), Some(d2), Some(m2)) = (num(c.name("d1")), num(c.name("m1")), num(c.name("d2")), num(c.name("m2"))) else { continue };
        if !boundary_ok(text, &m0) {
            continue;
        }
        // "từ ngày 27-4 đến 30-4": days with a hyphenated month make a range
        // only joined by a word and opened by "từ/ngày" (a score "2-1 - 3-0" is none).
        let hyphen = |n: &str| c.name(n).is_some_and(|m| m.as_str() == "-");
        if hyphen("s1") || hyphen("s2") {
            let worded = c.name("sep").is_some_and(|m| m.as_str() != "-");
            let cued = text[m0.clone()].starts_with("từ") || text[m0.clone()].starts_with("ngày");
            if !(hyphen("s1") && hyphen("s2") && worded && cued) {
                continue;
            }
        }
        let y2 = num(c.name("y2"));
        let y1 = num(c.name("y1")).or_else(|| y2.map(|y| if m1 > m2 { y - 1 } else { y }));
        let (Some((s, siso, inf)), Some((mut e, mut eiso, _))) = (day_point(r, d1, m1, y1), day_point(r, d2, m2, y2.or(y1))) else { continue };
        // Years inferred one end at a time can cross ("từ 30/5 đến 2/6" near the
        // edge of the window): the end is the first such day on or after the start.
        if let (Some(start), Some(end), None) = (s, e, y2) {
            if end < start {
                let y = if (m2, d2) >= (m1, d1) { start.year } else { start.year + 1 };
                if let Some(fixed) = Date::new(y, m2, d2) {
                    e = Some(fixed);
                    eiso = fixed.iso();
                }
            }
        }
        out.push(Temporal { date: Some(siso), end_date: Some(eiso), start: s, end: e, year_inferred: inf, is_day: true, ..blank(m0) });
    }
    for c in full_dates {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        if c.name("s1").map(|m| m.as_str()) != c.name("s2").map(|m| m.as_str()) || !boundary_ok(text, &m0) {
            continue;
        }
        let Some((date, iso, _)) = day_point(r, num(c.name("d")).unwrap_or(0), num(c.name("m")).unwrap_or(0), num(c.name("y"))) else { continue };
        out.push(Temporal { date: Some(iso), start: date, end: date, is_day: true, ..blank(m0) });
    }
    for c in windows.captures_iter(&WORDY_DATE, text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let Some((date, iso, inf)) = day_point(r, num(c.name("d")).unwrap_or(0), num(c.name("m")).unwrap_or(0), num(c.name("y"))) else { continue };
        out.push(Temporal { date: Some(iso), start: date, end: date, year_inferred: inf, is_day: true, ..blank(m0) });
    }
    for c in windows.captures_iter(&DAY_MONTH, text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let (Some(d), Some(m)) = (num(c.name("d")), num(c.name("m"))) else { continue };
        if !boundary_ok(text, &m0) || text[m0.end..].starts_with(['/', '.']) && text[m0.end + 1..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let sep = c.name("s").map_or("", |m| m.as_str());
        let prev = prev_word(text, m0.start);
        let cue = c.name("ngay").is_some() || TIME_CUES.contains("date_cue", prev);
        let in_parens = text[..m0.start].ends_with('(') && text[m0.end..].starts_with(')');
        // "trực 24/7", "hoạt động 24/7": round the clock, not 24 July.
        if d == 24 && m == 7 && sep == "/" && !cue && !in_parens && prev.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let ok = match sep {
            "/" => {
                let next = next_word(text, m0.end);
                let immediately_word = text[m0.end..].starts_with(' ') && next.chars().next().is_some_and(char::is_alphabetic);
                cue || !immediately_word || TIME_CUES.contains("date_follower", next)
            }
            "." => cue || in_parens,
            _ => cue,
        };
        if !ok {
            continue;
        }
        let Some((date, iso, inf)) = day_point(r, d, m, None) else { continue };
        out.push(Temporal { date: Some(iso), start: date, end: date, year_inferred: inf, is_day: true, ..blank(m0) });
    }
}

fn next_day(d: Date) -> Date {
    if d.day < super::date::days_in_month(d.year, d.month) {
        return Date { day: d.day + 1, ..d };
    }
    if d.month < 12 {
        return Date { year: d.year, month: d.month + 1, day: 1 };
    }
    Date { year: d.year + 1, month: 1, day: 1 }
}

fn prev_day(d: Date) -> Date {
    if d.day > 1 {
        return Date { day: d.day - 1, ..d };
    }
    if d.month > 1 {
        return Date::month_end(d.year, d.month - 1);
    }
    Date::month_end(d.year - 1, 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_time_cue_kind_the_rules_read_has_phrases() {
        TIME_CUES.assert_kinds(&["date_follower", "whole_year_follower", "months_follower", "months_duration_before", "months_verb_not_before", "date_cue", "horizon_before"]);
    }

    /// Random texts of the words RELATIVE reads, look-alikes and separators:
    /// the candidate-then-anchored search finds what the regex finds.
    #[test]
    fn relative_matches_equal_the_regex() {
        let pieces = [
            "cả", "trong", "năm", "nay", "vừa qua", "vừa", "qua", "trước", "ngoái", "tới", "sau", "tháng", "này", "hôm", "ngày", "mai",
            "rạng sáng", "sáng sớm", "sáng", "trưa", "chiều tối", "chiều", "tối", "đêm", "khuya", "từ", "đầu", "đến", "2025", "12",
            "x", "a", "nayx", "mcả", "é", "_", "1",
        ];
        let seps = [" ", " ", " ", "  ", "\t", "\n", ",", "", "\u{a0}", "(", "é"];
        let mut found = 0;
        for s in crate::lang::oracle::random_texts(0x9E37_79B9_7F4A_7C15u64, &pieces, &seps, 10, 50_000) {
            let names = ["year", "month", "day", "tomorrow", "tod", "todrel", "ytd", "whole"];
            let want: Vec<(Range<usize>, Vec<Option<&str>>)> = RELATIVE
                .captures_iter(&s)
                .map(|c| (c.get(0).unwrap().range(), names.iter().map(|n| c.name(n).map(|m| m.as_str())).collect()))
                .collect();
            let got: Vec<(Range<usize>, Vec<Option<&str>>)> = relative_matches(&s)
                .map(|(c, off)| {
                    let m = c.get(0).unwrap();
                    (off + m.start()..off + m.end(), names.iter().map(|n| c.name(n).map(|m| m.as_str())).collect())
                })
                .collect();
            assert_eq!(got, want, "{s:?}");
            found += got.len();
        }
        assert!(found > 2_000, "{found}");
    }

    /// The patterns run inside digit windows qualify, and on random texts of
    /// their words, digits and separators they match as over the whole text.
    #[test]
    fn windowed_patterns_match_as_over_the_whole_text() {
        let windowed: [&Regex; 6] = [&DAY_RANGE, &CROSS_RANGE, &FULL_DATE, &WORDY_DATE, &DAY_MONTH, &YEAR_RANGE];
        for re in windowed {
            super::super::windows::assert_windowable(re.as_str());
        }
        let pieces = [
            "từ", "ngày", "đến", "tới", "và", "tháng", "năm", "giai đoạn", "thời kỳ", "nhiệm kỳ", "hết", "12", "3", "2025", "1999", "31",
            "7", "٣", "２", "x", "ngàyx", "tăng", "é", "ừ", "quý", "2030",
        ];
        let seps = [" ", " ", "/", "/", ".", "-", "", "  ", "\n", ",", "\u{a0}", "\u{3000}", "%", "("];
        let mut found = 0;
        for s in crate::lang::oracle::random_texts(0x2545_F491_4F6C_DD1Du64, &pieces, &seps, 12, 40_000) {
            let w = DigitWindows::new(&s);
            for re in windowed {
                let spans = |c: regex::Captures<'_>| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
                let want: Vec<_> = re.captures_iter(&s).map(spans).collect();
                let got: Vec<_> = w.captures_iter(re, &s).map(spans).collect();
                assert_eq!(got, want, "{} on {s:?}", re.as_str());
                found += got.len();
            }
        }
        assert!(found > 5_000, "{found}");
    }
}
