//! Free-trade agreements referred to generically with named partners:
//! "tiếp tục thúc đẩy đàm phán các FTA với MERCOSUR, EFTA, …", "FTA ASEAN -
//! Canada", "Việt Nam và Chile đã ký FTA song phương".
//!
//! An FTA with its own title or acronym ("Hiệp định Thương mại tự do Việt
//! Nam - EU (EVFTA)") is read by [`super::named`] (still an `fta`). A
//! mention without a named partner ("các FTA đã ký kết") is no record;
//! "FTA giữa hai bên" takes the two sides named before.

use super::cues::CUES;
use super::list::{list_after_with, list_at, list_before, status_after, status_before, subject_partners, PartnerList};
use super::text::{clause_end, clause_start, is_capitalised, skip_fwd};
use super::party::{both_sides, Counterpart};
use crate::extract::Context;
use crate::records::{Commitment, CommitmentKind, Status};
use std::ops::Range;

/// Is the FTA head at `head` the start of a title ("Hiệp định Thương mại tự
/// do Việt Nam - Chile (VCFTA)", read by [`super::named`]) rather than a
/// generic mention? Titles are capitalised and not followed by "với"/"giữa".
pub fn is_titled(ctx: &Context<'_>, head: &Range<usize>) -> bool {
    let generic_word = ctx.text().get(head.clone()).is_some_and(|s| s.starts_with("FTA") || s.starts_with("khu"));
    if generic_word || !is_capitalised(ctx.text(), head) {
        return false;
    }
    let after = after_modifiers(ctx, head.end);
    !super::list::word_is(ctx, after, &["với", "giữa"])
}

/// Skips "song phương", "mới", "thế hệ mới" and an "(FTA)" gloss after a head.
fn after_modifiers(ctx: &Context<'_>, mut pos: usize) -> usize {
    let lower = &ctx.lower;
    loop {
        let p = skip_fwd(lower, pos, "");
        if lower.get(p..).is_some_and(|s| s.starts_with("(fta)")) {
            pos = p + "(fta)".len();
        } else if let Some((r, _)) = CUES.fta_modifier.starting_at(lower, p, lower.len()) {
            pos = r.end;
        } else {
            return p;
        }
    }
}

/// Every generic FTA mention with named partners, and the spans they cover.
/// `taken` (in document order) are spans read already (table rows).
pub fn extract(ctx: &Context<'_>, counterpart: &Counterpart, taken: &[Range<usize>]) -> (Vec<Commitment>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut spans = Vec::new();
    for sent in &ctx.sentences {
        let mut covered = sent.range.start;
        let first = taken.partition_point(|s| s.end <= sent.range.start);
        if taken.get(first).is_some_and(|t| t.start < sent.range.end) {
            continue;
        }
        for (head, ()) in CUES.fta_head.find(&ctx.lower, sent.range.clone()) {
            if head.start < covered || is_titled(ctx, &head) || in_gloss(ctx, &head) {
                continue;
            }
            if let Some((c, end)) = one(ctx, &head, counterpart) {
                spans.push(head.start..end);
                covered = end;
                out.push(c);
            }
        }
    }
    (out, spans)
}

/// Is the head inside an acronym in parentheses ("(VN-EAEU FTA)"), the
/// gloss of a title read by [`super::named`]?
fn in_gloss(ctx: &Context<'_>, head: &Range<usize>) -> bool {
    let text = ctx.text();
    let from = super::text::floor_char(text, head.start.saturating_sub(24));
    let Some(open) = text.get(from..head.start).and_then(|s| s.rfind('(')).map(|p| from + p) else { return false };
    let inside = text.get(open + 1..head.start).unwrap_or("");
    !inside.contains(')') && text.get(head.end..).is_some_and(|s| s.starts_with(')')) && super::title::is_acronym(inside.trim())
}

/// The end of an acronym in parentheses right after `pos` ("(EVFTA)"), or `pos`.
pub(super) fn gloss_end(ctx: &Context<'_>, pos: usize) -> usize {
    let text = ctx.text();
    let at = skip_fwd(text, pos, "");
    let Some(rest) = text.get(at..).filter(|r| r.starts_with('(')) else { return pos };
    match rest.find(')') {
        Some(c) if c < 24 && super::title::is_acronym(rest.get(1..c).unwrap_or("")) => at + c + 1,
        _ => pos,
    }
}

/// Is the head at `pos` counted ("cùng tham gia 3 FTA là …", "ba hiệp định")? A
/// count of FTAs is a metric (ANNOTATION.md: aggregate counts), no one FTA.
fn counted_head(ctx: &Context<'_>, pos: usize) -> bool {
    let end = super::text::skip_back(&ctx.lower, pos, "");
    let i = ctx.quantities.partition_point(|q| q.range.end < end);
    ctx.quantities.get(i).is_some_and(|q| q.range.end == end && q.unit == crate::records::Unit::Count)
}

/// Is the head at `pos` plural ("các FTA", "những hiệp định thương mại tự do")?
fn plural(ctx: &Context<'_>, pos: usize) -> bool {
    let lower = &ctx.lower;
    let end = super::text::skip_back(lower, pos, "");
    let from = super::text::floor_char(lower, end.saturating_sub(16));
    ["các", "những", "nhiều", "một số", "mọi"].iter().any(|d| lower.get(from..end).is_some_and(|s| s.ends_with(d)) && super::text::on_boundaries(lower, &(end - d.len()..end)))
}

/// Is the FTA head `head` one bilateral FTA: "song phương" after it, no
/// count before it ("17 FTA song phương và đa phương" is a metric) and no
/// "và đa phương" after?
fn bilateral(ctx: &Context<'_>, head: &Range<usize>) -> bool {
    let at = skip_fwd(&ctx.lower, head.end, "");
    let counted = ctx.lower[..head.start].trim_end().rsplit(' ').next().is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
    super::list::word_is(ctx, at, &["song phương"]) && !counted && {
        let rest = skip_fwd(&ctx.lower, at + "song phương".len(), "");
        !super::list::word_is(ctx, rest, &["và đa phương"])
    }
}

/// One FTA mention: the record and the end of the text it used.
fn one(ctx: &Context<'_>, head: &Range<usize>, counterpart: &Counterpart) -> Option<(Commitment, usize)> {
    let limit = clause_end(ctx, head.start);
    let pos = after_modifiers(ctx, head.end);
    let (mut list, introduced): (Option<PartnerList>, bool) = match list_after_with(ctx, pos, limit, 20) {
        Some(l) => (Some(l), true),
        None if super::list::word_is(ctx, pos, &["với", "giữa"]) => (None, true),
        None => (list_at(ctx, pos, limit, 0), false),
    };
    // "FTA giữa hai bên": the two sides named before.
    if list.is_none() && introduced {
        let at = skip_fwd(&ctx.lower, pos + if super::list::word_is(ctx, pos, &["với"]) { "với".len() } else { "giữa".len() }, "");
        if let Some((r, ())) = CUES.both_sides.starting_at(&ctx.lower, at, limit) {
            let partners = both_sides(ctx, head.start, counterpart);
            list = Some(PartnerList { range: r, partners, only_home: false, counted: false });
        }
    }
    let before = status_before(ctx, head.start, 3);
    let tail = list.as_ref().map_or(head.end, |l| l.range.end.max(head.end));
    let after = status_after(ctx, skip_fwd(ctx.text(), tail, ")"), limit);
    let status = match (&before, &after) {
        (_, Some((_, Status::InForce))) => Some(Status::InForce),
        (Some((_, s)), _) | (None, Some((_, s))) => Some(*s),
        // "FTA Việt Nam – MERCOSUR được hai bên chính thức khởi động đàm phán".
        (None, None) => super::named::late_passive(ctx, tail),
    };
    let mut start = before.as_ref().map_or(head.start, |(r, _)| r.start.min(head.start));
    let partners = match &list {
        Some(l) if l.counted => return None,
        Some(l) if !l.only_home => l.partners.clone(),
        // "với các thị trường tiềm năng": partners announced but not named.
        None if introduced => return None,
        // "Hai nước cùng là thành viên của các hiệp định thương mại tự do …":
        // FTAs in general, not one with these partners.
        _ if plural(ctx, head.start) || counted_head(ctx, head.start) => return None,
        _ => {
            let floor = clause_start(ctx, head.start);
            let (list_start, adjacent) = list_before(ctx, floor, head.start);
            match &before {
                Some((cue, _)) if adjacent.is_empty() => subject_partners(ctx, floor, cue.start, counterpart),
                _ => {
                    start = start.min(list_start);
                    adjacent
                }
            }
        }
    };
    // "nghiên cứu khả năng đàm phán FTA song phương": one FTA between the two
    // sides the article is about, when a status is told with it.
    let partners = if partners.is_empty() && before.is_some() && bilateral(ctx, head) && !plural(ctx, head.start) {
        both_sides(ctx, head.start, counterpart)
    } else {
        partners
    };
    if partners.is_empty() {
        return None;
    }
    // "… giữa Việt Nam và Liên minh châu Âu (EVFTA)": the acronym glosses this mention.
    let tail = gloss_end(ctx, tail);
    let end = after.as_ref().map_or(tail, |(r, _)| r.end.max(tail));
    let mut c = super::record(ctx, CommitmentKind::Fta, start..end);
    c.status = status;
    c.partners = partners;
    Some((c, end))
}
