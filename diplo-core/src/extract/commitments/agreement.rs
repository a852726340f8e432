//! Generic documents signed or negotiated with a named partner: "Việt Nam
//! và Malaysia đã ký kết 12 văn kiện hợp tác", "đàm phán, ký kết các khuôn
//! khổ hợp tác mới … với Pakistan". Agreements with a name of their own are
//! in [`super::named`].
//!
//! Every such agreement needs a status and a partner: "ký 9 văn kiện" alone
//! is a count (a metric), not an agreement.

use super::cues::CUES;
use super::list::{list_after_with, status_before, subject_partners};
use super::signing::Lists;
use super::text::{clause_end, clause_start, is_capitalised, words};
use super::title::name_end;
use crate::extract::Context;
use crate::records::{Commitment, CommitmentKind};
use std::ops::Range;

/// Every generic agreement mention with a partner, in document order;
/// `taken` (in document order) are the spans already read as FTAs or named
/// agreements.
pub fn extract(ctx: &Context<'_>, taken: &[Range<usize>], lists: &Lists) -> (Vec<Commitment>, Vec<Range<usize>>) {
    let mut out: Vec<Commitment> = Vec::new();
    let mut spans = Vec::new();
    for sent in &ctx.sentences {
        let r = sent.range.clone();
        let first = taken.partition_point(|s| s.end <= r.start);
        let mut busy: Vec<Range<usize>> = taken.iter().skip(first).take_while(|s| s.start < r.end).cloned().collect();
        for (head, ()) in CUES.agreement_object.find(&ctx.lower, r.clone()) {
            let fta = CUES.fta_head.starting_at(&ctx.lower, head.start, r.end).is_some();
            // The document noun of a signing list's lead counts the items.
            if !overlaps(&busy, &head) && !is_capitalised(ctx.text(), &head) && !fta && !lists.in_lead(head.start) {
                if let Some((c, span)) = object_one(ctx, &head) {
                    busy.push(span.clone());
                    spans.push(span);
                    out.push(c);
                }
            }
        }
    }
    (out, spans)
}

fn overlaps(taken: &[Range<usize>], r: &Range<usize>) -> bool {
    taken.iter().any(|t| t.start < r.end && r.start < t.end)
}

/// A generic document ("12 văn kiện hợp tác", "các khuôn khổ hợp tác mới")
/// signed or negotiated with a named partner.
fn object_one(ctx: &Context<'_>, head: &Range<usize>) -> Option<(Commitment, Range<usize>)> {
    let (cue, status) = status_before(ctx, head.start, 2)?;
    let limit = clause_end(ctx, head.start);
    // The name takes determiners and counts before the head ("12 văn kiện"),
    // not the adverbs after the verb ("phê chuẩn cuối cùng văn kiện").
    let mut name_start = head.start;
    for w in words(ctx.text(), cue.end..head.start).into_iter().rev() {
        let det = CUES.determiner.starting_at(&ctx.lower, w.start, w.end).is_some_and(|(r, _)| r.end == w.end);
        let digits = ctx.text().get(w.clone()).is_some_and(|s| s.chars().all(|c| c.is_ascii_digit() || c == '.'));
        if !(det || digits) {
            break;
        }
        // "ký 9 văn kiện": an aggregate count is a metric, not an agreement.
        if digits || ctx.lower.get(w.clone()).is_some_and(|s| crate::lang::words_value(&[s]).is_some_and(|v| v >= 2.0)) {
            return None;
        }
        name_start = w.start;
    }
    let end = name_end(ctx, head.end, limit).max(head.end);
    let mut span_end = end;
    let partners = match list_after_with(ctx, end, limit, 20) {
        Some(l) if l.counted => return None,
        Some(l) if !l.only_home => {
            span_end = l.range.end;
            l.partners
        }
        _ => subject_partners(ctx, clause_start(ctx, head.start), cue.start),
    };
    if partners.is_empty() {
        return None;
    }
    let mut c = super::record(ctx, CommitmentKind::Agreement, cue.start..span_end);
    c.name = ctx.text().get(name_start..end).map(str::to_string);
    c.status = Some(status);
    c.partners = partners;
    Some((c, cue.start..end))
}
