//! Who and in what state: partner lists ("với EFTA, MERCOSUR và GCC"),
//! partners named as the subject ("Việt Nam và Chile đã ký …"), and the
//! status verb that governs a mention.

use super::cues::CUES;
use super::text::{ceil_char, clause_start, on_boundaries, skip_back, skip_fwd, word_count, words};
use crate::extract::Context;
use crate::lexicon::partners::{find_partners, scan};
use crate::records::{Partner, Status};
use std::ops::Range;

/// Việt Nam is the reporting side, never a partner of its own commitments.
const HOME: &str = "VN";

/// A list of partners (and regions) read from the text.
#[derive(Debug, Default)]
pub struct PartnerList {
    pub range: Range<usize>,
    /// Partners other than Việt Nam, each code once, in order.
    pub partners: Vec<Partner>,
    /// Only Việt Nam was named ("FTA với Việt Nam"): the partner is the subject.
    pub only_home: bool,
    /// A count stood before the first item ("với 17 nước", "với cả 5 nước
    /// Ủy viên thường trực"): an unnamed group, not a list of partners.
    pub counted: bool,
}

/// Adds partners to `out`, without Việt Nam and without repeats.
pub fn push_unique(out: &mut Vec<Partner>, more: impl IntoIterator<Item = Partner>) {
    for p in more {
        if p.code != HOME && !out.iter().any(|q| q.code == p.code) {
            out.push(p);
        }
    }
}

/// Is the gap between two list items only punctuation and glue words ("và",
/// "cũng như", "nhất là")?
fn is_glue(ctx: &Context<'_>, gap: Range<usize>) -> bool {
    let text = ctx.text();
    let Some(s) = text.get(gap.clone()) else { return false };
    if !s.chars().all(|c| c.is_alphanumeric() || " ,()…./-".contains(c)) {
        return false;
    }
    words(text, gap).into_iter().all(|w| CUES.list_glue.starting_at(&ctx.lower, w.start, w.end).is_some_and(|(r, _)| r.end == w.end))
}

/// The list of places starting at `start` (before `limit`): the first item
/// may come after up to `lead_words` words ("với các thị trường lớn tiềm
/// năng (MERCOSUR, …"); later items are separated only by glue. Regions
/// ("Trung Đông", "Mỹ La-tinh") are items but not partners.
pub fn list_at(ctx: &Context<'_>, start: usize, limit: usize, lead_words: usize) -> Option<PartnerList> {
    let text = ctx.text();
    let hits = scan(text, start..limit);
    let first = hits.first()?;
    let lead = start..first.range.start;
    if word_count(text, lead.clone()) > lead_words || text.get(lead.clone()).is_none_or(|s| s.contains([';', ':'])) {
        return None;
    }
    let mut list = PartnerList {
        range: first.range.clone(),
        counted: text.get(lead).is_some_and(|s| s.chars().any(|c| c.is_ascii_digit())),
        ..PartnerList::default()
    };
    let mut named = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        if i > 0 && !is_glue(ctx, list.range.end..h.range.start) {
            break;
        }
        let qualifier = i > 0 && is_qualifier(text, list.range.end, &h.range);
        list.range.end = h.range.end;
        // "Hồng Kông (Trung Quốc)": the sovereign in parentheses qualifies the item.
        if !qualifier {
            named.extend(h.partner.clone());
        }
    }
    list.only_home = !named.is_empty() && named.iter().all(|p| p.code == HOME);
    push_unique(&mut list.partners, named);
    Some(list)
}

/// Is the place at `r` a qualifier in parentheses right after the item
/// ending at `prev_end` ("Hồng Kông (Trung Quốc)")?
pub fn is_qualifier(text: &str, prev_end: usize, r: &Range<usize>) -> bool {
    text.get(prev_end..r.start).is_some_and(|g| g.trim() == "(") && text.get(r.end..).is_some_and(|a| a.starts_with(')'))
}

/// The partners listed right before `pos`, the last one touching it
/// ("Việt Nam - EAEU FTA"), and where the list starts.
pub fn list_before(ctx: &Context<'_>, floor: usize, pos: usize) -> (usize, Vec<Partner>) {
    let text = ctx.text();
    let hits = scan(text, floor..pos);
    let mut i = hits.len();
    let mut edge = pos;
    while i > 0 {
        let h = &hits[i - 1];
        let touching =
            if edge == pos { text.get(h.range.end..pos).is_some_and(|g| g.trim().is_empty()) } else { is_glue(ctx, h.range.end..edge) };
        if !touching {
            break;
        }
        edge = h.range.start;
        i -= 1;
    }
    let mut out = Vec::new();
    push_unique(&mut out, hits.get(i..).unwrap_or(&[]).iter().filter_map(|h| h.partner.clone()));
    (edge, out)
}

/// The list after "với"/"giữa" at `pos` (after an optional ", nhất là"),
/// or `None` when no such word follows.
pub fn list_after_with(ctx: &Context<'_>, pos: usize, limit: usize, lead_words: usize) -> Option<PartnerList> {
    let lower = &ctx.lower;
    let mut p = super::text::skip_fwd(lower, pos, ",");
    if let Some((r, _)) = CUES.list_lead.starting_at(lower, p, limit) {
        p = super::text::skip_fwd(lower, r.end, "");
    }
    let rest = lower.get(p..limit)?;
    let word = ["với ", "giữa "].into_iter().find(|w| rest.starts_with(w))?;
    list_at(ctx, p + word.len(), limit, lead_words)
}

/// Partners named in the subject `from..to` of a clause ("Việt Nam và
/// Malaysia đã ký kết …"); "hai bên"/"hai nước" refers back to the partners
/// named before ([`super::party::both_sides`]: "Tổng Bí thư hội đàm với
/// Tổng thống Indonesia. Hai bên nhất trí nâng cấp …").
pub fn subject_partners(ctx: &Context<'_>, from: usize, to: usize, counterpart: &super::party::Counterpart) -> Vec<Partner> {
    let mut out = Vec::new();
    let subject = subject_start(ctx, from, to);
    push_unique(&mut out, find_partners(ctx.text(), subject..to).into_iter().map(|h| h.partner));
    if !out.is_empty() {
        return out;
    }
    match CUES.both_sides.find(&ctx.lower, subject..to).into_iter().next() {
        Some((r, ())) => super::party::both_sides(ctx, r.start, counterpart),
        None => out,
    }
}

/// The most words a subject may have ("Bộ Nội vụ Việt Nam và Bộ Việc làm
/// và Lao động Hàn Quốc").
const MAX_SUBJECT_WORDS: usize = 15;

/// Where the subject before `to` starts: within the last few words, after
/// the last word that opens a new clause ("khi", "do", "để" …).
fn subject_start(ctx: &Context<'_>, from: usize, to: usize) -> usize {
    let ws = words(ctx.text(), from..to);
    let mut start = ws.len().checked_sub(MAX_SUBJECT_WORDS).and_then(|i| ws.get(i)).map_or(from, |w| w.start);
    if let Some((r, ())) = CUES.subject_break.find(&ctx.lower, start..to).last() {
        start = r.end;
    }
    start
}

/// How many words a direct-object status verb ("thông qua", "ra") may stand
/// before its agreement ("thông qua các văn kiện", "ra Tuyên bố chung").
const DIRECT_GAP: usize = 2;

/// The status verb governing a mention that starts at `head`: the nearest
/// status cue before it in the clause, at most `max_gap` words away. A verb
/// chain ("đàm phán, ký kết các khuôn khổ …") takes its first verb, and a
/// proposal anywhere before ("đề xuất … ký kết") wins: the proposal is what
/// happened. Returns the cue's range and the status.
/// How many words a counted list's lead ("3 FTA khác, gồm") may add between a status and
/// the first item.
const LIST_LEAD_WORDS: usize = 5;

pub fn status_before(ctx: &Context<'_>, head: usize, max_gap: usize) -> Option<(Range<usize>, Status)> {
    let lower = &ctx.lower;
    let floor = ceil_char(lower, clause_start(ctx, head).max(head.saturating_sub(200)));
    let mut cues = CUES.status.find(lower, floor..head);
    // "trao đổi về Hiệp định" talks about an agreement, it does not exchange it;
    // "thông qua tận dụng ưu đãi từ các FTA" is "by means of": these verbs
    // govern only an agreement right after them ("thông qua các văn kiện").
    cues.retain(|(r, _)| {
        let direct = CUES.direct_only.starting_at(lower, r.start, r.end).is_some_and(|(d, _)| d.end == r.end);
        !(direct && (word_is(ctx, super::text::skip_fwd(lower, r.end, ""), &["về"]) || word_count(lower, r.end..head) > DIRECT_GAP))
    });
    // "… để ký kết Bản ghi nhớ": an aim, not a step taken (an aim told as one, "để đi
    // tới một thỏa thuận", stays a proposal).
    cues.retain(|(r, s)| {
        if *s == Status::Proposed {
            return true;
        }
        let from = super::text::floor_char(lower, r.start.saturating_sub(16));
        CUES.purpose.ending_at(lower, from, super::text::skip_back(lower, r.start, "")).is_none()
    });
    // "đã/được chính thức khởi động đàm phán": the launch happened.
    for (r, s) in cues.iter_mut() {
        if *s == Status::Proposed && lower.get(r.clone()).is_some_and(|c| c.starts_with("khởi động")) {
            let from = super::text::floor_char(lower, r.start.saturating_sub(30));
            if CUES.launched.ending_at(lower, from, super::text::skip_back(lower, r.start, "")).is_some() {
                *s = Status::Negotiating;
            }
        }
    }
    let (mut i, (near, _)) = cues.iter().enumerate().next_back()?;
    // "đang đàm phán 3 FTA khác, gồm Hiệp định …": the status reaches the items of a list the
    // clause counts and then names.
    let lead_end = skip_back(lower, head, ":");
    let counted_list = CUES.list_lead.ending_at(lower, near.end, lead_end).is_some()
        && CUES.fta_head.any_in(lower, near.end..lead_end)
        && word_count(lower, near.end..head) <= max_gap + LIST_LEAD_WORDS;
    if word_count(lower, near.end..head) > max_gap && !counted_list {
        return None;
    }
    // "khi được ký kết, FTA … sẽ giúp": a condition, not a status.
    let before_cue = skip_back_words(lower, floor, near.start);
    if CUES.conditional.ending_at(lower, floor, before_cue).is_some() && CUES.not_conditional.ending_at(lower, floor, before_cue).is_none() {
        return None;
    }
    if let Some((r, s)) = cues.iter().find(|(_, s)| *s == Status::Proposed) {
        return Some((r.start..near.end, *s));
    }
    while i > 0 {
        let gap = lower.get(cues[i - 1].0.end..cues[i].0.start).unwrap_or("x").trim();
        if !(gap.is_empty() || gap == "," || gap == "và") {
            break;
        }
        i -= 1;
    }
    cues.get(i).map(|(r, s)| (r.start..near.end, *s))
}

/// Where the words before `pos` end, across a passive or perfect marker
/// ("khi (đã) được ký kết" → after "khi").
fn skip_back_words(lower: &str, floor: usize, pos: usize) -> usize {
    let mut end = super::text::skip_back(lower, pos, "");
    for aux in ["được", "đã", "đã được"] {
        if lower.get(floor..end).is_some_and(|s| s.ends_with(aux)) && on_boundaries(lower, &(end - aux.len()..end)) {
            end = super::text::skip_back(lower, end - aux.len(), "");
        }
    }
    end
}

/// A status said right after a mention ("các FTA đã ký kết", "(EAEU) có
/// hiệu lực từ …"); a chain "được ký kết ngày … và có hiệu lực từ …" ends
/// in force.
pub fn status_after(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(Range<usize>, Status)> {
    let lower = &ctx.lower;
    // "UKVFTA (có hiệu lực từ ngày 1/5/2021)": a status opening the bracket after the name.
    let at = skip_fwd(lower, pos, "");
    if lower.get(at..).is_some_and(|r| r.starts_with('(')) {
        let inner = at + 1;
        let close = lower.get(inner..ceil_char(lower, limit.min(inner + GLOSS_REACH))).and_then(|r| r.find(')')).map(|i| inner + i);
        if let Some(close) = close {
            if let Some((r, s)) = CUES.status_after.find(lower, inner..close).first().filter(|(r, _)| word_count(lower, inner..r.start) == 0) {
                return Some((r.clone(), *s));
            }
        }
    }
    let pos = after_gloss(lower, pos, limit);
    let end = ceil_char(lower, limit.min(pos + 120));
    let cues = CUES.status_after.find(lower, pos..end);
    let (first, status) = cues.first().filter(|(r, _)| word_count(lower, pos..r.start) == 0 || only_adverbs(lower, pos, r.start))?.clone();
    // "được ký kết … và có hiệu lực từ …"; "ký ngày …, đang chờ … phê chuẩn": a later,
    // further step of the same agreement told in the chain.
    let chained = cues.iter().skip(1).find(|(r, s)| {
        let gap = lower.get(first.end..r.start).unwrap_or("");
        let joined = !gap.contains([';', '(']);
        (*s == Status::InForce && gap.contains(" và ") || status == Status::Signed && *s == Status::RatificationPending && (gap.contains(", ") || gap.contains(" và "))) && joined
    });
    Some(chained.map_or((first, status), |(r, s)| (r.clone(), *s)))
}

/// How far a bracketed gloss after a name may run ("(VN – EAEU FTA)").
const GLOSS_REACH: usize = 48;

/// Past a short bracketed gloss at `pos` and the comma after it, so a status
/// told after the gloss is the name's ("… Á – Âu (VN – EAEU FTA), có hiệu lực").
fn after_gloss(lower: &str, pos: usize, limit: usize) -> usize {
    let at = skip_fwd(lower, pos, "");
    let Some(rest) = lower.get(at..ceil_char(lower, limit.min(at + GLOSS_REACH))) else { return pos };
    match rest.strip_prefix('(').and_then(|r| r.find(')').filter(|&i| !r[..i].contains('(')).map(|i| at + 1 + i + 1)) {
        Some(close) => skip_fwd(lower, close, ","),
        None => pos,
    }
}

/// Are the words of `lower[from..to]` only adverbs ("cũng đã", "vừa")?
fn only_adverbs(lower: &str, from: usize, to: usize) -> bool {
    let mut p = skip_fwd(lower, from, "");
    for _ in 0..4 {
        if p >= to {
            return true;
        }
        match CUES.adverb.starting_at(lower, p, to) {
            Some((r, ())) => p = skip_fwd(lower, r.end, ""),
            None => return false,
        }
    }
    p >= to
}

/// Is the word at `pos` one of `words` (lower-cased), on boundaries?
pub fn word_is(ctx: &Context<'_>, pos: usize, candidates: &[&str]) -> bool {
    candidates.iter().any(|w| ctx.lower.get(pos..).is_some_and(|s| s.starts_with(w)) && on_boundaries(&ctx.lower, &(pos..pos + w.len())))
}
