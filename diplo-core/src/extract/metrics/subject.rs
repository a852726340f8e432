//! Whose figure a metric is, when the text says so (RECORDS.md `subject`):
//! a bilateral pair ("thương mại Việt Nam – Hàn Quốc", "xuất khẩu của Việt
//! Nam sang Hoa Kỳ"), the place money or people flow to ("kiều hối chuyển về
//! Hà Nội", "FDI vào Bình Định"), the named subject of the sentence ("Long An
//! thu hút …", "Hàn Quốc hiện là nhà đầu tư lớn nhất …", "Bộ Ngoại giao đã …",
//! "Chính phủ yêu cầu các địa phương phấn đấu …"), else an owner ("của Việt
//! Nam", "tỉnh Bắc Ninh") or a partner named before the figure.
//!
//! Every search looks at a bounded stretch of the sentence before the figure.

use super::cues::{cues, is_cue};
use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use std::ops::Range;

/// How far before the figure its subject is looked for (bytes).
const REACH: usize = 240;

/// Words before a place or partner that own the figure ("của Việt Nam",
/// "tại tỉnh Bắc Ninh", "trên địa bàn tỉnh Lào Cai").
const OWNER_LEADS: &[&str] = &["của", "tại", "ở", "địa bàn"];
/// Words before where a flow goes ("kiều hối chuyển về Hà Nội", "FDI vào Bình Định").
const RECIPIENT_LEADS: &[&str] = &["về", "vào"];
/// Words that open a place name ("tỉnh Bắc Ninh", "thành phố Hải Phòng", "TP. Huế").
const PLACE_WORDS: &[&str] = &["tỉnh", "thành phố", "tp."];

/// The proper name at `pos` (after spaces): an optional place word, then
/// "TP.HCM" or one to four capitalised words ("Việt Nam", "Bà Rịa Vũng Tàu").
fn name_at(text: &str, lower: &str, pos: usize, end: usize) -> Option<Range<usize>> {
    let skip = |p: usize| p + (text[p..end].len() - text[p..end].trim_start().len());
    let start = skip(pos);
    let mut p = start;
    if let Some(w) = PLACE_WORDS.iter().chain(&["tp"]).find(|w| lower[p..end].starts_with(**w)) {
        let after = p + w.len();
        if text[after..end].starts_with([' ', '.']) || text[after..end].starts_with(char::is_uppercase) {
            p = skip(after);
        }
    }
    for code in ["tp.hcm", "tphcm"] {
        if lower[p..end].starts_with(code) {
            return Some(start..p + code.len());
        }
    }
    let mut last = None;
    let mut q = p;
    for _ in 0..4 {
        let word_end = text[q..end].find(|c: char| !c.is_alphabetic()).map_or(end, |i| q + i);
        if word_end == q || !text[q..].starts_with(char::is_uppercase) {
            break;
        }
        last = Some(word_end);
        if !text[word_end..end].starts_with(' ') {
            break;
        }
        q = word_end + 1;
    }
    last.map(|e| start..e)
}

/// The last name in `window` right after one of `leads` (on word
/// boundaries), the way a regex's last match would find it.
fn last_name_after(text: &str, lower: &str, window: &Range<usize>, leads: &[&str]) -> Option<Range<usize>> {
    let hay = &lower[window.clone()];
    let mut best: Option<Range<usize>> = None;
    for lead in leads {
        let mut to = hay.len();
        while let Some(i) = hay[..to].rfind(lead) {
            to = i;
            let bounded = !hay[..i].chars().next_back().is_some_and(char::is_alphanumeric) && hay[i + lead.len()..].starts_with(char::is_whitespace);
            if bounded && best.as_ref().is_none_or(|b| window.start + i > b.start) {
                if let Some(n) = name_at(text, lower, window.start + i + lead.len(), window.end) {
                    best = Some(n);
                    break;
                }
            }
            if best.as_ref().is_some_and(|b| window.start + i < b.start) {
                break;
            }
        }
    }
    best
}

/// The last place written with its place word ("tỉnh Bắc Ninh", "TP.HCM").
fn last_place(text: &str, lower: &str, window: &Range<usize>) -> Option<Range<usize>> {
    let hay = &lower[window.clone()];
    let mut best: Option<Range<usize>> = None;
    for w in PLACE_WORDS.iter().chain(&["tp", "tphcm"]) {
        if let Some(i) = hay.rfind(w) {
            if hay[..i].chars().next_back().is_some_and(char::is_alphanumeric) || best.as_ref().is_some_and(|b| window.start + i <= b.start) {
                continue;
            }
            if let Some(n) = name_at(text, lower, window.start + i, window.end).filter(|n| n.end > window.start + i + w.len()) {
                best = Some(n);
            }
        }
    }
    best
}

/// A char boundary of `text` at most `reach` bytes before `at`, not before `floor`.
fn window_start(text: &str, at: usize, floor: usize) -> usize {
    super::back(text, at, REACH, floor)
}

/// The subject of the metric at `at` in `sentence`, whose clause starts at
/// `clause_start`.
pub fn subject(ctx: &Context<'_>, sentence: &Range<usize>, clause_start: usize, at: usize) -> Option<String> {
    let text = ctx.text();
    let from = window_start(text, at, sentence.start);
    // The partners named in the window, found once.
    let hits = find_partners(text, from..at);
    let in_clause = hits.partition_point(|h| h.range.start < clause_start.max(from));
    if let Some(p) = pair(ctx, clause_start.max(from)..at, &hits[in_clause..]) {
        return Some(p);
    }
    // The named subject of the sentence: "Thái Lan hiện đứng thứ 8 … với 700 dự án".
    if let Some(n) = sentence_subject(text, &ctx.lower, sentence, at).filter(|n| is_named(&text[n.clone()], &ctx.lower[n.clone()])) {
        return Some(quote(ctx, n));
    }
    if let Some(r) = last_name_after(text, &ctx.lower, &(from..at), RECIPIENT_LEADS).filter(|r| is_place_or_partner(&text[r.clone()])) {
        return Some(quote(ctx, r));
    }
    // A one-letter capture ("của C…") names no one.
    owner(ctx, from..at, &hits).map(|r| quote(ctx, r)).filter(|o| o.chars().count() >= 2)
}

/// The normalised text at `r` (the same whatever the caller's spelling:
/// NFD, old tone placement).
fn quote(ctx: &Context<'_>, r: Range<usize>) -> String {
    ctx.text()[r].trim().to_string()
}

/// A bilateral pair named before the figure: "Việt Nam - Hàn Quốc",
/// "Việt Nam với Lào", "giữa Việt Nam và EU", "của Việt Nam sang Hoa Kỳ",
/// written "Việt Nam – Hàn Quốc"; "sang Hoa Kỳ" alone names the partner.
fn pair(ctx: &Context<'_>, window: Range<usize>, hits: &[crate::lexicon::partners::PartnerHit]) -> Option<String> {
    let text = ctx.text();
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
fn owner(ctx: &Context<'_>, window: Range<usize>, hits: &[crate::lexicon::partners::PartnerHit]) -> Option<Range<usize>> {
    let (text, lower) = (ctx.text(), ctx.lower.as_str());
    // A name runs over every capitalised word ("tại Việt Nam Daniel Shavit"):
    // keep the partner or province it starts with.
    let trim = |r: Range<usize>| match hits.iter().find(|h| h.range.start == r.start) {
        Some(h) => h.range.clone(),
        None => crate::lexicon::provinces::province_at(lower, r.start).map_or(r.clone(), |e| r.start..e.min(r.end)),
    };
    if let Some(r) = last_name_after(text, lower, &window, OWNER_LEADS) {
        return Some(trim(r));
    }
    if let Some(r) = last_place(text, lower, &window) {
        return Some(trim(r));
    }
    hits.last().map(|h| h.range.clone())
}

/// Is `name` a known partner or a place ("tỉnh …", "TP.HCM", a province)?
fn is_place_or_partner(name: &str) -> bool {
    let lower = crate::text::lowercase_same_len(name);
    let place = PLACE_WORDS.iter().any(|w| lower.starts_with(w)) || lower.starts_with("tp ") || lower.contains("tp.hcm") || lower.contains("tphcm");
    place || !find_partners(name, 0..name.len()).is_empty() || crate::lexicon::provinces::province_at(&lower, 0).is_some()
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
        // A verb of one word, or of two ("thu hút", "cho biết").
        let two = lower[wstart..end].split(' ').nth(1).map(|n| &lower[wstart..wstart + w.len() + 1 + n.len()]);
        if is_cue("subject_verb", w) || two.is_some_and(|t| is_cue("subject_verb", t)) {
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
