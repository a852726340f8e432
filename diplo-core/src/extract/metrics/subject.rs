//! Whose figure a metric is, when the text says so (RECORDS.md `subject`):
//! a bilateral pair ("thương mại Việt Nam – Hàn Quốc", "xuất khẩu của Việt
//! Nam sang Hoa Kỳ"), the place money or people flow to ("kiều hối chuyển về
//! Hà Nội", "FDI vào Bình Định"), the named subject of the sentence ("Long An
//! thu hút …", "Hàn Quốc hiện là nhà đầu tư lớn nhất …", "Bộ Ngoại giao đã …",
//! "Chính phủ yêu cầu các địa phương phấn đấu …"), else an owner ("của Việt
//! Nam", "tỉnh Bắc Ninh") or a partner named before the figure.
//!
//! Every search looks at a bounded stretch of the sentence before the figure.

use super::cues::cues;
use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How far before the figure its subject is looked for (bytes).
const REACH: usize = 240;

/// "của Việt Nam", "của tỉnh Bắc Ninh", "của TP.HCM", "trên địa bàn tỉnh Lào Cai".
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:của|tại|ở|địa bàn)\s+(?P<x>(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?:TP\.HCM|TPHCM|[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3}))").expect("static regex")
});
/// "chuyển về Hà Nội", "vào Bình Định", "đổ vào Việt Nam": where the flow goes.
static RECIPIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:chuyển về|gửi về|về|vào)\s+(?P<x>(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?:TP\.HCM|TPHCM|[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3}))").expect("static regex")
});
/// "tỉnh Bắc Ninh", "thành phố Hải Phòng", "TP.HCM".
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<x>(?:tỉnh|thành phố|TP\.?)\s*[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3}|TP\.HCM|TPHCM)").expect("static regex")
});

/// A char boundary of `text` at most `reach` bytes before `at`, not before `floor`.
fn window_start(text: &str, at: usize, floor: usize) -> usize {
    super::back(text, at, REACH, floor)
}

/// The subject of the metric at `at` in `sentence`, whose clause starts at
/// `clause_start`.
pub fn subject(ctx: &Context<'_>, sentence: &Range<usize>, clause_start: usize, at: usize) -> Option<String> {
    let text = ctx.text();
    let from = window_start(text, at, sentence.start);
    if let Some(p) = pair(ctx, clause_start.max(from)..at) {
        return Some(p);
    }
    // The named subject of the sentence: "Thái Lan hiện đứng thứ 8 … với 700 dự án".
    if let Some(n) = sentence_subject(text, &ctx.lower, sentence, at).filter(|n| is_named(&text[n.clone()], &ctx.lower[n.clone()])) {
        return Some(quote(ctx, n));
    }
    let before = &text[from..at];
    let recipient = RECIPIENT.captures_iter(before).last().and_then(|c| c.name("x")).map(|m| from + m.start()..from + m.end());
    if let Some(r) = recipient.filter(|r| is_place_or_partner(&text[r.clone()])) {
        return Some(quote(ctx, r));
    }
    // A one-letter capture ("của C…") names no one.
    owner(ctx, from..at).map(|r| quote(ctx, r)).filter(|o| o.chars().count() >= 2)
}

/// The normalised text at `r` (the same whatever the caller's spelling:
/// NFD, old tone placement).
fn quote(ctx: &Context<'_>, r: Range<usize>) -> String {
    ctx.text()[r].trim().to_string()
}

/// A bilateral pair named before the figure: "Việt Nam - Hàn Quốc",
/// "Việt Nam với Lào", "giữa Việt Nam và EU", "của Việt Nam sang Hoa Kỳ",
/// written "Việt Nam – Hàn Quốc"; "sang Hoa Kỳ" alone names the partner.
fn pair(ctx: &Context<'_>, window: Range<usize>) -> Option<String> {
    let text = ctx.text();
    let hits = find_partners(text, window.clone());
    for w in hits.windows(2) {
        let gap = text[w[0].range.end..w[1].range.start].trim();
        let before = text[window.start..w[0].range.start].trim_end();
        let joined = matches!(gap, "-" | "–" | "với") || (gap == "và" && before.ends_with("giữa"));
        if joined {
            return Some(format!("{} – {}", quote(ctx, w[0].range.clone()), quote(ctx, w[1].range.clone())));
        }
        // "xuất khẩu của Việt Nam sang Hoa Kỳ", "Việt Nam xuất khẩu sang Hàn Quốc".
        let flow = gap.split(' ').count() <= 3 && (gap == "sang" || gap == "từ" || gap.ends_with(" sang") || gap.ends_with(" từ"));
        if flow {
            return Some(format!("{} – {}", quote(ctx, w[0].range.clone()), quote(ctx, w[1].range.clone())));
        }
    }
    // "xuất khẩu sang Canada tăng gấp 2,4 lần": the partner of a one-sided flow.
    let last = hits.last()?;
    let lead = text[window.start..last.range.start].trim_end();
    (lead.ends_with(" sang") || lead.ends_with(" từ")).then(|| quote(ctx, last.range.clone()))
}

/// A place or partner the figure belongs to ("của Việt Nam", "tỉnh Bắc Ninh").
fn owner(ctx: &Context<'_>, window: Range<usize>) -> Option<Range<usize>> {
    let text = ctx.text();
    let before = &text[window.clone()];
    // A capture runs over every capitalised word ("tại Việt Nam Daniel
    // Shavit"): keep the partner or province it starts with.
    let at = |m: regex::Match<'_>| {
        let r = window.start + m.start()..window.start + m.end();
        let lower = crate::text::lowercase_same_len(&text[r.clone()]);
        match find_partners(text, r.clone()).first().filter(|h| h.range.start == r.start) {
            Some(h) => h.range.clone(),
            None => crate::lexicon::provinces::province_at(&lower, 0).map_or(r.clone(), |e| r.start..r.start + e),
        }
    };
    if let Some(m) = OWNER.captures_iter(before).last().and_then(|c| c.name("x")) {
        return Some(at(m));
    }
    if let Some(m) = PLACE.captures_iter(before).last().and_then(|c| c.name("x")) {
        return Some(at(m));
    }
    find_partners(text, window).last().map(|h| h.range.clone())
}

/// Is `name` a known partner or a place ("tỉnh …", "TP.HCM", a province)?
fn is_place_or_partner(name: &str) -> bool {
    let lower = crate::text::lowercase_same_len(name);
    PLACE.is_match(name) || !find_partners(name, 0..name.len()).is_empty() || crate::lexicon::provinces::province_at(&lower, 0).is_some()
}

/// A subject phrase that names someone (`np` lower case): a place or a
/// partner ("long an", "hàn quốc"), a body ("bộ ngoại giao", "sở công
/// thương", "các cơ quan đại diện …") or a group ("các địa phương"); not a
/// person, a title or a common noun that opens the sentence.
fn is_named(np: &str, np_lower: &str) -> bool {
    let starts = |kind: &str| cues(kind).iter().any(|h| np_lower == *h || np_lower.strip_prefix(h.as_str()).is_some_and(|r| r.starts_with(' ')));
    if starts("not_subject_head") {
        return false;
    }
    let words = np.split(' ').count();
    (starts("org_head") && words >= 2) || (is_place_or_partner(np) && words <= 5)
}

/// The sentence's subject before the figure: after fronted adverbials ("Năm
/// 2024, …", "Trong 9 tháng đầu năm, …", "Theo số liệu …, …"), the words up
/// to the first verb; after a request verb ("Chính phủ yêu cầu các địa
/// phương phấn đấu …"), its object.
fn sentence_subject(text: &str, lower: &str, s: &Range<usize>, at: usize) -> Option<Range<usize>> {
    let end = super::ahead(text, (s.start + REACH).min(at), 0, at);
    let mut start = s.start;
    // Skip fronted adverbial clauses, each up to its comma.
    for _ in 0..3 {
        let head = &lower[start..end];
        let Some(comma) = head.find(',') else { break };
        let lead = head[..comma].trim_start();
        // "6 tháng đầu năm 2025, …": a short clause opening with a number is a period too.
        let short_number = lead.starts_with(|c: char| c.is_ascii_digit()) && lead.split(' ').count() <= 6;
        let adverbial = short_number || cues("adverbial_lead").iter().any(|a| lead.starts_with(a.as_str()) && lead[a.len()..].starts_with([' ', ',']));
        if !adverbial {
            break;
        }
        start += comma + 1;
    }
    let np = phrase_before_verb(text, lower, start, end)?;
    // "Chính phủ yêu cầu các địa phương phấn đấu …": the object of a request.
    let after_np = np.end;
    let rest = &lower[after_np..end];
    let rest_t = rest.trim_start();
    if let Some(v) = cues("request_verb").iter().find(|v| rest_t.starts_with(v.as_str())) {
        let obj_start = after_np + (rest.len() - rest_t.len()) + v.len();
        if let Some(obj) = phrase_before_verb(text, lower, obj_start, end) {
            return Some(obj);
        }
    }
    Some(np)
}

/// The words from `start` up to the first verb (at most nine, no comma).
fn phrase_before_verb(text: &str, lower: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let mut pos = start;
    let mut last_end = None;
    let mut words = 0;
    for w in lower[start..end].split(' ') {
        let wstart = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        if w.contains([',', ';', ':', '(', ')', '"']) || w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut next_two = lower[wstart..end].splitn(3, ' ');
        let two = [next_two.next().unwrap_or(""), next_two.next().unwrap_or("")].join(" ");
        if cues("subject_verb").iter().any(|v| v == w || *v == two) {
            break;
        }
        words += 1;
        if words > 9 {
            return None;
        }
        last_end = Some(wstart + w.len());
    }
    let e = last_end?;
    let s = start + (text[start..e].len() - text[start..e].trim_start().len());
    (s < e).then_some(s..e)
}
