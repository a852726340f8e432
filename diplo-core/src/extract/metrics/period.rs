//! Which period governs a metric: its own clause first, then its sentence,
//! then the period that governs its paragraph (ANNOTATION.md, "Periods").
//!
//! Candidates are the temporals of a sentence that are periods (a year, a
//! month, "6 tháng đầu năm", a range of days), joined when written as one
//! span ("từ tháng 12/2022 đến tháng 5/2025", "từ năm 1993 đến nay"), plus
//! undated phrases ("giai đoạn tới"). A period after "tính đến" is the date
//! of a stock, not a period: the figure gets none.

use super::cues::{cue_spans, cues, is_cue};
use super::year_names::{caption_date, counted_span_before, dates_event, edge_year, in_event_name, version_year};
use super::{ahead, back};
use crate::extract::Context;
use crate::lang::{Date, Relative, Temporal};
use crate::records::Period;
use std::ops::Range;

/// A period candidate: dated temporals, or undated phrases ("giai đoạn tiếp theo").
#[derive(Debug, Clone)]
pub struct Candidate {
    pub range: Range<usize>,
    pub period: Period,
    pub relative: Option<Relative>,
    /// "tính đến tháng 10/2023": the date a stock is counted at.
    pub as_of: bool,
    /// "từ tháng 12/2015" with no end: open-ended, it governs no later sentence.
    pub open: bool,
    /// "Trong năm 2024, …", "Năm 2023, …": the period heads its sentence.
    pub heads: bool,
    /// "từ 7/2 đến 19/2": days with no year, kept as text for their own
    /// sentence; they govern no later sentence.
    pub undated_days: bool,
}

/// How far a span since an event ("kể từ khi …") may run (bytes).
const SINCE_REACH: usize = 96;

/// Does a phrase of cue `kind` occur in `hay` on word boundaries?
fn has_cue_word(hay: &str, kind: &str) -> bool {
    super::cues::has_cue(hay, kind)
}

/// How far around a figure its own and its sentence's periods are looked for (bytes).
const REACH: usize = 600;

/// The date the document speaks from: its date, else the latest day it
/// states with a written year (a page timestamp, "ngày 14/8/2025").
/// One pass over the temporals: compute it once per document.
pub fn reference_date(ctx: &Context<'_>) -> Option<Date> {
    ctx.doc_date.or_else(|| ctx.temporals.iter().filter(|t| t.is_day && !t.year_inferred).filter_map(|t| t.start).max())
}

pub fn to_period(ctx: &Context<'_>, t: &Temporal, reference: Option<Date>) -> Period {
    let mut p = Period { start: t.start.map(Date::iso), end: t.end.map(Date::iso), text: ctx.text()[t.range.clone()].to_string() };
    // "năm ngoái" as a figure's own period is the year before the document's.
    if p.start.is_none() && t.relative == Some(Relative::PreviousYear) {
        if let Some(y) = reference.map(|d| d.year - 1) {
            p.start = Some(format!("{y:04}-01-01"));
            p.end = Some(format!("{y:04}-12-31"));
        }
    }
    p
}

/// Does `hay` end with a phrase of cue `kind` on a word boundary?
pub(super) fn ends_with_cue(hay: &str, kind: &str) -> bool {
    let h = hay.trim_end();
    cues(kind).iter().any(|c| h.ends_with(c.as_str()) && !h[..h.len() - c.len()].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Period candidates inside `range`: temporals that are periods (not single
/// days) and undated period phrases.
/// `reference` is the [`reference_date`] of the document; undated phrases
/// are looked for when `undated`.
pub fn candidates(ctx: &Context<'_>, range: Range<usize>, reference: Option<Date>, undated: bool) -> Vec<Candidate> {
    let lower = ctx.lower.as_str();
    let first = ctx.temporals.partition_point(|t| t.range.start < range.start);
    let temporals: Vec<&Temporal> = ctx.temporals[first..].iter().take_while(|t| t.range.start < range.end).filter(|t| t.range.end <= range.end).collect();
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < temporals.len() {
        let t = temporals[i];
        i += 1;
        // A range of days is a period ("từ 10 đến 12/3/2025", "từ 7/2 đến 19/2"
        // with no year: kept as text); a single day is not.
        let single_day = t.end_date.is_none() || t.end_date == t.date || (t.start.is_some() && t.start == t.end);
        let before = &lower[back(lower, t.range.start, 24, range.start)..t.range.start];
        // "Từ ngày 26/4/2021, …": a day after "từ" opens a period (with a year).
        let day_start = t.is_day && single_day && t.start.is_some() && !t.year_inferred && t.relative.is_none() && ends_with_cue(before, "span_from");
        if (t.is_day && single_day && !day_start) || matches!(t.relative, Some(Relative::Today | Relative::Yesterday | Relative::Tomorrow)) {
            continue;
        }
        // "tung ra vào năm 2013", "ban hành năm 2019", "Sinh năm 1975": the
        // date of an event (a launch, a rule, a birth), no figure's period.
        if dates_event(lower, t, before) || caption_date(ctx, t, &range) || version_year(ctx, t.range.start, before) {
            continue;
        }
        // "ĐHĐCĐ thường niên năm 2020", "Đại hội Đảng bộ tỉnh năm 2020": the
        // year of a meeting's name, no figure's period.
        if edge_year(t).is_some() && in_event_name(lower, t.range.start, range.start) {
            continue;
        }
        // "thành lập vào năm 2016 và 2018": the second date of an event's pair.
        if let Some(prev) = i.checked_sub(2).and_then(|p| temporals.get(p)) {
            let gap = lower.get(prev.range.end..t.range.start).map(str::trim);
            let prev_before = &lower[back(lower, prev.range.start, 24, range.start)..prev.range.start];
            let prev_at = prev_before.trim_end();
            if matches!(gap, Some("và" | ",")) && (ends_with_cue(prev_at.strip_suffix("vào").unwrap_or(prev_at), "dated_event") || version_year(ctx, prev.range.start, prev_before)) {
                continue;
            }
        }
        // "hàng năm trước ngày vía …": "every year before", no relative period.
        if t.relative.is_some() && ends_with_cue(before, "habitual") {
            continue;
        }
        let mut c = Candidate { range: t.range.clone(), period: to_period(ctx, t, reference), relative: t.relative, as_of: false, open: false, heads: false, undated_days: t.is_day && t.start.is_none() };
        let from = ends_with_cue(before, "span_from");
        // "những năm 2040", "thập niên 1990": a decade.
        if let Some(y) = edge_year(t).filter(|y| y % 10 == 0 && t.start.is_some() && ends_with_cue(before, "decade_head")) {
            c.period.end = Date::new(y + 9, 12, 31).map(Date::iso);
            let lead = before.len() - before.trim_end().len() + cues("decade_head").iter().find(|p| ends_with_word(before.trim_end(), p)).map_or(0, |p| p.len());
            c.range.start -= lead;
            c.period.text = ctx.text()[c.range.clone()].to_string();
        }
        let bound = !from && bounded(ctx, t, before, reference, &mut c);
        // "trong 5 năm tới (2021-2025) sẽ đào tạo …": the years of a span of
        // years, in parentheses right after it, are the span's; no aside.
        if !bound && t.end_date.is_some() && !t.is_day {
            if let Some(lead) = counted_span_before(lower, c.range.start, range.start) {
                // The span itself ("5 năm tới", read with no dates) gives way to its years.
                if out.last().is_some_and(|o| o.range.start >= lead) {
                    out.pop();
                }
                c.range.start = lead;
                if lower[c.range.end..].starts_with(')') {
                    c.range.end += 1;
                }
                c.period.text = ctx.text()[c.range.clone()].to_string();
            }
        }
        if from && !bound {
            // "từ tháng 12/2022 đến tháng 5/2025": two temporals written as one span.
            if let Some(next) = temporals.get(i).filter(|n| !n.is_day || n.end_date.is_some()) {
                let gap = lower[c.range.end..next.range.start].trim();
                // "Từ cuối năm 2013 đến năm 2016": a year named by its edge starts the span at its year.
                let start = c.period.start.clone().or_else(|| t.relative.is_none().then(|| edge_year(t).and_then(|y| Date::new(y, 1, 1)).map(Date::iso)).flatten());
                if matches!(gap, "đến" | "tới" | "-" | "–") && next.end.is_some() && start.is_some() {
                    c.period.start = start;
                    c.range.end = next.range.end;
                    c.period.end = next.end.map(Date::iso);
                    i += 1;
                }
            }
            // "từ năm 1993 đến nay": up to the document date, open without one
            // (ANNOTATION.md: a page timestamp is no document date).
            let after_end = ahead(lower, c.range.end, 24, range.end);
            let after = &lower[c.range.end..after_end];
            let lead = after.len() - after.trim_start().len();
            if let Some(p) = cues("until_now").iter().find(|p| after[lead..].starts_with(p.as_str())) {
                c.range.end += lead + p.len();
                c.period.end = ctx.doc_date.map(Date::iso);
            } else if c.range.end == t.range.end {
                // "từ năm 2026": open-ended.
                c.period.end = None;
                c.open = true;
            }
            if c.range.start >= range.start + "từ ".len() && lower[..c.range.start].ends_with("từ ") {
                c.range.start -= "từ ".len();
            }
            c.period.text = ctx.text()[c.range.clone()].to_string();
        }
        c.as_of = ends_with_cue(before, "as_of");
        // At most three short words before it ("Trong", "Riêng trong", "Công tác
        // NGKT"), from the sentence's start or from a comma ("Theo Thủ tướng, năm
        // 2024, …"), and not the year of an event's name ("Đại hội … năm 2021").
        let short = |lead: &str| {
            let lead = lead.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, '-' | '•' | '*' | '"'));
            lead.len() <= 24 && lead.split_whitespace().count() <= 3 && lead.chars().all(|ch: char| ch.is_alphabetic() || ch == ' ') && !ends_with_cue(lead, "event_name_head")
        };
        let head_from = back(lower, c.range.start, 48, range.start);
        let lead_all = &lower[range.start.min(c.range.start)..c.range.start];
        let lead_clause = lower[head_from..c.range.start].rfind(',').map(|i| &lower[head_from + i + 1..c.range.start]);
        // "Xét theo khu vực trong năm 2024, …": a period after "trong" that
        // closes a short fronted phrase (up to six words, then a comma) heads
        // its sentence too; not "Sinh năm 1979, …", which dates an event.
        let fronted = || {
            let lead = lead_all.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, '-' | '•' | '*' | '"'));
            lower[c.range.end..].starts_with(',')
                && ends_with_cue(lead, "period_within")
                && lead_all.len() <= 48
                && lead.split_whitespace().count() <= 6
                && lead.chars().all(|ch: char| ch.is_alphabetic() || ch == ' ')
                && !ends_with_cue(lead, "event_name_head")
        };
        c.heads = (lead_all.len() <= 28 && short(lead_all)) || lead_clause.is_some_and(short) || fronted();
        // A start day inside the sentence is an event's date ("có hiệu lực từ
        // ngày 1/7/2021", "nhập cảnh từ ngày 18/4"): only a fronted one opens a period.
        if day_start && !c.heads {
            continue;
        }
        out.push(c);
    }
    // Undated phrases, in one pass; the first of each overlapping run.
    let dated = out.len();
    let spans = if undated { cue_spans(&lower[range.clone()], range.start, "undated") } else { Vec::new() };
    for mut r in spans {
        // "kể từ khi quân đội lật đổ chính quyền": a span since an event runs
        // to its clause's end; not "cao nhất kể từ khi …" (a record's reach).
        if is_cue("since_event", &lower[r.clone()]) {
            let lead = &lower[back(lower, r.start, 24, range.start)..r.start];
            if has_cue_word(lead, "since_record") {
                continue;
            }
            let reach = crate::text::floor_char(lower, (r.end + SINCE_REACH).min(range.end));
            let tail = &lower[r.end..reach];
            let stop = tail.find([',', ';', '.', '(', ')', '"', ':']).unwrap_or(tail.len());
            r.end += tail[..stop].trim_end().len();
        }
        if !out.iter().any(|c| c.range.start < r.end && r.start < c.range.end) {
            out.push(Candidate { range: r.clone(), period: Period { start: None, end: None, text: ctx.text()[r].to_string() }, relative: None, as_of: false, open: false, heads: false, undated_days: false });
        }
        // A sentence of undated phrases keeps a bounded list.
        if out.len() > dated + 16 {
            break;
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}

/// An end-bound period that is no whole period: "từ nay đến năm 2025" (from
/// the document's date, or open, to the year's end), "sau năm 2030" (open,
/// from the next year), "đến hết tháng 3/2021" (the year to the month's end).
/// Sets `c` and says whether it applied. Such a period hands on to no later sentence.
fn bounded(ctx: &Context<'_>, t: &Temporal, before: &str, reference: Option<Date>, c: &mut Candidate) -> bool {
    let (Some(start), Some(end)) = (t.start, t.end) else { return false };
    if t.is_day || t.relative.is_some() {
        return false;
    }
    let b = before.trim_end();
    let lead = if let Some(p) = cues("from_now").iter().find(|p| ends_with_word(b, p)) {
        c.period.start = reference.filter(|r| *r <= end).map(Date::iso);
        p.len()
    } else if ends_with_word(b, "sau") {
        let next = if end.month == 12 { Date::new(end.year + 1, 1, 1) } else { Date::new(end.year, end.month + 1, 1) };
        c.period.start = next.map(Date::iso);
        c.period.end = None;
        "sau".len()
    } else if let Some(p) = cues("to_end").iter().find(|p| ends_with_word(b, p)) {
        // A month or quarter: the year up to its end. A whole year is itself.
        if start.month == 1 || start.year != end.year {
            return false;
        }
        c.period.start = Date::new(start.year, 1, 1).map(Date::iso);
        p.len()
    } else {
        return false;
    };
    let gap = before.len() - b.len();
    c.range.start -= lead + gap;
    c.period.text = ctx.text()[c.range.clone()].to_string();
    c.open = true;
    true
}

/// Does `hay` end with the words `p` (on a word boundary)?
pub(super) fn ends_with_word(hay: &str, p: &str) -> bool {
    hay.ends_with(p) && !hay[..hay.len() - p.len()].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Is this period the baseline of a comparison ("gấp 2 lần năm 2024", "so với năm trước")?
pub fn is_baseline(ctx: &Context<'_>, c: &Candidate) -> bool {
    let before = ctx.lower[back(&ctx.lower, c.range.start, 32, 0)..c.range.start].trim_end();
    before.ends_with('%') || ends_with_cue(before, "baseline_before")
}

/// Is `r` inside parentheses opened within the sentence `s`?
fn in_aside(text: &str, s: &Range<usize>, r: &Range<usize>) -> bool {
    let from = back(text, r.start, super::CLAUSE_REACH, s.start);
    let open = text[from..r.start].matches('(').count();
    let close = text[from..r.start].matches(')').count();
    open > close
}

/// Where the figure is: its quantity index, clause, sentence and the end of
/// its evidence (what it counts included).
pub struct Place<'a> {
    pub qi: usize,
    pub clause: &'a Range<usize>,
    pub sentence: &'a Range<usize>,
    pub end: usize,
}

/// Does the candidate `c`, before the figure, belong to an earlier figure it
/// directly follows ("100 tỷ USD vào năm 2025 và 150 tỷ USD …")?
fn follows_other_figure(ctx: &Context<'_>, c: &Candidate, qi: usize) -> bool {
    let qs = &ctx.quantities;
    let i = qs[..qi].partition_point(|o| o.range.end <= c.range.start);
    i > 0 && {
        let gap = ctx.lower[qs[i - 1].range.end.min(c.range.start)..c.range.start].trim();
        gap.len() <= 16 && (gap.is_empty() || is_cue("period_link", gap))
    }
}

/// The candidate that governs the figure at `at` in its own sentence: the
/// nearest in its clause (not another figure's), a period in parentheses
/// right after it ("68 nhà khoa bảng (1075-1919)"), the last one before it in
/// its ';' part of the sentence, else the nearest one before it in the
/// sentence outside asides. `None` when the sentence gives none.
pub fn own<'c>(ctx: &Context<'_>, at: &Place<'_>, cands: &'c [Candidate]) -> Option<&'c Candidate> {
    let (text, q) = (ctx.text(), &ctx.quantities[at.qi]);
    let (cl, s) = (at.clause, at.sentence);
    // Only the candidates within reach of the figure.
    let lo = cands.partition_point(|c| c.range.end + REACH < q.qualifier_start);
    let hi = cands.partition_point(|c| c.range.start <= q.range.end + REACH);
    let near = &cands[lo..hi.max(lo)];
    let next_q = ctx.quantities.get(at.qi + 1).map_or(usize::MAX, |n| n.qualifier_start);
    let mine = |c: &&Candidate| {
        !is_baseline(ctx, c)
            && if c.range.start >= q.range.end {
                (c.range.start < next_q || next_q <= q.range.end) && !parts_between(&ctx.lower, at.end.max(q.range.end)..c.range.start)
            } else {
                !follows_other_figure(ctx, c, at.qi) && !present_between(&ctx.lower, c.range.end..q.qualifier_start) && !day_between(ctx, c.range.end..q.qualifier_start)
            }
    };
    let in_clause = |c: &&Candidate| c.range.start >= cl.start && c.range.end <= cl.end;
    let distance = |c: &&Candidate| if c.range.start >= q.range.end { c.range.start - q.range.end } else { q.qualifier_start.saturating_sub(c.range.end) };
    if let Some(c) = near.iter().filter(in_clause).filter(mine).min_by_key(distance) {
        return Some(c);
    }
    // "với 68 nhà khoa bảng (1075-1919)".
    if let Some(c) = near.iter().find(|c| c.range.start >= at.end && text[at.end..c.range.start].trim() == "(") {
        return Some(c);
    }
    let before_q = |c: &&Candidate| c.range.end <= q.qualifier_start;
    // The ';'-separated part of the sentence: "tính từ đầu nhiệm kỳ tới nay, đã nâng cấp 10/13 …".
    let w = back(text, q.qualifier_start, REACH, s.start);
    let seg_start = text[w..q.qualifier_start].rfind(';').map(|i| w + i + 1);
    if let Some(seg_start) = seg_start {
        if let Some(c) = near.iter().filter(|c| c.range.start >= seg_start).filter(before_q).rfind(mine) {
            return Some(c);
        }
    }
    // Across ';' items ("Tờ trình …; … Nhiệm kỳ 2021-2026; Tờ trình … sở hữu
    // 25% …") a period governs the later items only from the sentence's
    // first part, before any list opened by ':' ("Trong nửa đầu năm 2025, …;
    // hơn 200 cam kết …"), and not when it is an office's term ("nhiệm kỳ").
    let governs_items = |c: &&Candidate| {
        seg_start.is_none_or(|_| {
            let from = back(text, c.range.start, REACH, s.start);
            let lead = text.get(from..c.range.start).unwrap_or("");
            let own_text = &ctx.lower[c.range.clone()];
            let term = ends_with_cue(&ctx.lower[back(&ctx.lower, c.range.start, 24, s.start)..c.range.start], "office_term")
                || cues("office_term").iter().any(|t| own_text.starts_with(t.as_str()));
            // A ':' in an aside ("(HOSE: PNJ)") opens no list.
            let opens_list = lead.match_indices(':').any(|(i, _)| !in_aside(text, s, &(from + i..from + i + 1)));
            c.heads || (!lead.contains(';') && !opens_list && !term)
        })
    };
    let metric_in_aside = in_aside(text, s, &q.range);
    let outside = |c: &&Candidate| metric_in_aside || !in_aside(text, s, &c.range);
    if let Some(c) = near.iter().filter(before_q).filter(mine).filter(outside).rfind(governs_items) {
        return Some(c);
    }
    // A fronted clause takes the period of the main clause after it ("Để đạt
    // mục tiêu tăng trưởng 8%, xuất khẩu năm nay phải …").
    if cl.start == s.start {
        return near.iter().filter(|c| c.range.start >= cl.end).filter(mine).find(outside);
    }
    None
}

/// Does a part of what the figure counts open between it and a period after
/// it ("thi đấu 207 trận và trong đó có chung kết Cúp … năm 1962")? The
/// period is the part's.
fn parts_between(lower: &str, gap: Range<usize>) -> bool {
    lower.get(gap).is_some_and(|hay| super::cues::has_cue(hay, "parts_between"))
}

/// Is there a single day between a period and the figure after it, in the
/// figure's own clause ("trong tháng 2/2016 là 37 độ C, trong khi đến ngày
/// 15/2 … là 38 độ C")? The figure is of that day, not of the period. Not a
/// day in a clause of its own ("Nghị quyết … ngày 8/1/2025 của Chính phủ, …").
fn day_between(ctx: &Context<'_>, gap: Range<usize>) -> bool {
    let first = ctx.temporals.partition_point(|t| t.range.start < gap.start);
    ctx.temporals[first..]
        .iter()
        .take_while(|t| t.range.end <= gap.end)
        .any(|t| t.is_day && (t.end_date.is_none() || t.end_date == t.date) && !ctx.lower[t.range.end..gap.end].contains([',', ';', ':', '(', ')']))
}

/// Does a clause set in the present ("hiện tại", "hiện nay", "giờ đây") open
/// between a period and a figure? "Đầu tháng 4 mẫu A giảm 40 triệu và hiện
/// tại mẫu B giảm 50 triệu": the month is not B's. Not "phát hiện tại",
/// "thực hiện nay" (a verb ending in "hiện").
pub fn present_between(lower: &str, gap: Range<usize>) -> bool {
    let Some(hay) = lower.get(gap.clone()) else { return false };
    cue_spans(hay, gap.start, "now_switch").iter().any(|r| {
        let before = lower[back(lower, r.start, 16, gap.start.saturating_sub(16))..r.start].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        if is_cue("verb_ending_hien", prev) {
            return false;
        }
        // "hiện đang/hiện vẫn" stand before a verb anywhere; "hiện nay/hiện tại"
        // open a clause only after a break or a conjunction, or before a comma
        // ("từ mức 45,6 tỷ Euro hiện nay lên …" is the present level, no switch).
        let adverb = is_cue("now_adverb", &lower[r.clone()]);
        let opens = before.is_empty() || before.ends_with([',', ';', ':', '(', '.', '"', '“']) || is_cue("clause_conjunction", prev) || lower[r.end..].starts_with(',');
        adverb || opens
    })
}

/// The baseline period a figure stands right before ("lợi nhuận âm 1.990 tỷ
/// đồng cùng kỳ năm 2020", "so với mức 400 tỷ đồng của năm trước"): the
/// figure is the compared-to value, so the baseline's period is its own.
/// Not a change ("tăng 10% cùng kỳ năm trước" is a loose "so với").
pub fn baseline_of_figure<'c>(ctx: &Context<'_>, at: &Place<'_>, cands: &'c [Candidate]) -> Option<&'c Candidate> {
    let q = &ctx.quantities[at.qi];
    if matches!(q.unit, crate::records::Unit::Percent | crate::records::Unit::Times) {
        return None;
    }
    let i = cands.partition_point(|c| c.range.start < at.end.max(q.range.end));
    let c = cands.get(i).filter(|c| c.range.end <= at.clause.end.max(at.end))?;
    let gap = ctx.lower.get(at.end.max(q.range.end)..c.range.start)?.trim();
    (is_cue("baseline_of_figure", gap) && is_baseline(ctx, c)).then_some(c)
}

/// "cùng kỳ năm 2020" when the figures around it are of `current` (quý
/// I/2021): the same part of the baseline's year. `None` unless `current`
/// lies within one year and is less than it, and `baseline` is a whole year.
pub fn same_part_of_year(current: &Period, baseline: &Period) -> Option<Period> {
    let (cs, ce) = (current.start.as_deref()?, current.end.as_deref()?);
    let (bs, be) = (baseline.start.as_deref()?, baseline.end.as_deref()?);
    let year = bs.get(..4)?;
    let whole_year = bs.get(4..) == Some("-01-01") && be.get(4..) == Some("-12-31") && be.get(..4) == Some(year);
    let within_year = cs.get(..4) == ce.get(..4) && !(cs.get(4..) == Some("-01-01") && ce.get(4..) == Some("-12-31"));
    if !whole_year || !within_year || cs.get(..4) == Some(year) || cs.len() != 10 || ce.len() != 10 {
        return None;
    }
    // 29 February has no match in most years.
    let shift = |d: &str| if &d[4..] == "-02-29" { format!("{year}-02-28") } else { format!("{year}{}", &d[4..]) };
    let mut end = shift(ce);
    if &ce[4..] == "-02-28" && year.parse::<i32>().is_ok_and(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) {
        end = format!("{year}-02-29");
    }
    Some(Period { start: Some(shift(cs)), end: Some(end), text: baseline.text.clone() })
}

/// The period a sentence hands on to the sentences after it in its
/// paragraph: its last period outside asides and comparisons (or the stock
/// date that stops the one before), if it has one.
pub fn governing(ctx: &Context<'_>, s: &Range<usize>, cands: &[Candidate]) -> Option<Candidate> {
    cands.iter().rfind(|c| !is_baseline(ctx, c) && !in_aside(ctx.text(), s, &c.range)).cloned()
}

/// May the period a sentence handed on govern later sentences? Not an
/// open start ("từ tháng 12/2015"), nor a period wholly after the document's
/// date `doc` (a target year: "vào năm 2030").
pub fn carries(c: &Candidate, doc: Option<Date>) -> bool {
    let reference = doc;
    let future = match (c.period.start.as_deref().and_then(Date::parse_iso), reference) {
        (Some(start), Some(r)) => start > r,
        _ => false,
    };
    !c.open && !future && !c.undated_days
}

/// Across a paragraph break only a period of a year or more (or a span of
/// months: "6 tháng đầu năm") carries: a single month dates an event.
pub fn carries_across_paragraphs(c: &Candidate) -> bool {
    match (c.period.start.as_deref(), c.period.end.as_deref()) {
        (Some(s), Some(e)) => s.get(..7) != e.get(..7),
        _ => false,
    }
}

/// Is there a single day before `pos` in the sentence `s` ("Ngày 28/10/2024, …
/// nâng tổng số FTA lên 17")? The figure is dated by an event.
pub fn day_before(ctx: &Context<'_>, s: &Range<usize>, pos: usize) -> bool {
    let from = back(&ctx.lower, pos, REACH, s.start);
    let first = ctx.temporals.partition_point(|t| t.range.start < from);
    ctx.temporals[first..].iter().take_while(|t| t.range.end <= pos).any(|t| t.is_day && t.end_date.is_none())
}

/// Does the sentence `s` state a single day outside the carried period `c`
/// ("Năm 2019, …" then "…, chiều 18/7/2023.")? The account has moved on to
/// another time: the carried period governs no later figure.
pub fn day_outside(ctx: &Context<'_>, s: &Range<usize>, c: &Candidate) -> bool {
    let (Some(cs), Some(ce)) = (c.period.start.as_deref().and_then(Date::parse_iso), c.period.end.as_deref().and_then(Date::parse_iso)) else { return false };
    let first = ctx.temporals.partition_point(|t| t.range.start < s.start);
    ctx.temporals[first..]
        .iter()
        .take_while(|t| t.range.end <= s.end)
        .filter(|t| t.is_day && (t.end_date.is_none() || t.end_date == t.date))
        .filter_map(|t| t.start)
        .any(|d| d < cs || d > ce)
}

/// Is the open start `c` ("Từ ngày 26/04/2021, …") the head of a list
/// heading ("…, X triển khai các ưu đãi sau:")? It dates the list's items
/// in the sentences after it, though it names no end.
pub fn heads_list(ctx: &Context<'_>, s: &Range<usize>, c: &Candidate) -> bool {
    c.open && c.heads && ctx.text().get(c.range.end..s.end).is_some_and(|rest| rest.contains(':'))
}
