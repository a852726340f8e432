//! Specific agreements: titled ones ("Hiệp định bảo hộ đầu tư (EVIPA)",
//! "Công ước của Liên Hợp Quốc về tội phạm mạng", "biên bản ghi nhớ về hợp
//! tác lao động"), known acronyms governed by a status ("các FTA đã ký kết,
//! nhất là CPTPP, EVFTA và RCEP"), and signings or negotiations of generic
//! documents with a named partner ("Việt Nam và Malaysia đã ký kết 12 văn
//! kiện hợp tác", "đàm phán, ký kết các khuôn khổ hợp tác mới … với Pakistan").
//!
//! Every agreement needs a status: a title alone is a name, not a commitment.

use super::cues::CUES;
use super::list::{list_after_with, push_unique, status_after, status_before, subject_partners};
use super::text::{clause_end, clause_start, is_capitalised, on_boundaries, skip_fwd, words};
use crate::extract::Context;
use crate::lexicon::partners::{by_code, find_partners};
use crate::records::{Commitment, CommitmentKind, Partner, Status};
use std::ops::Range;

/// The most words a title may have.
const MAX_NAME_WORDS: usize = 18;

/// Every agreement mention, in document order; `fta_spans` (in document
/// order) are the spans already read as generic FTAs ("FTA Việt Nam -
/// Israel (VIFTA)").
pub fn extract(ctx: &Context<'_>, fta_spans: &[Range<usize>]) -> Vec<Commitment> {
    let mut out: Vec<Commitment> = Vec::new();
    for sent in &ctx.sentences {
        let r = sent.range.clone();
        // Spans taken so far in this sentence (mentions never cross sentences).
        let first = fta_spans.partition_point(|s| s.end <= r.start);
        let mut taken: Vec<Range<usize>> = fta_spans.iter().skip(first).take_while(|s| s.start < r.end).cloned().collect();
        let titled = CUES.agreement_head.find(&ctx.lower, r.clone()).into_iter().filter(|(h, _)| is_capitalised(ctx.text(), h));
        let lower_heads = CUES.agreement_head_lower.find(&ctx.lower, r.clone()).into_iter().filter(|(h, _)| !is_capitalised(ctx.text(), h));
        for (head, ()) in titled.chain(lower_heads) {
            if overlaps(&taken, &head) || is_generic_fta(ctx, &head) {
                continue;
            }
            if let Some((c, span)) = titled_one(ctx, &head) {
                taken.push(span);
                out.push(c);
            }
        }
        for (head, ()) in CUES.agreement_object.find(&ctx.lower, r.clone()) {
            let fta = CUES.fta_head.starting_at(&ctx.lower, head.start, r.end).is_some();
            if !overlaps(&taken, &head) && !is_capitalised(ctx.text(), &head) && !fta {
                if let Some((c, span)) = object_one(ctx, &head) {
                    taken.push(span);
                    out.push(c);
                }
            }
        }
        for (acr, codes) in &CUES.acronyms {
            for at in crate::text::find_all(ctx.text().get(r.clone()).unwrap_or(""), acr.as_str()) {
                let span = r.start + at..r.start + at + acr.len();
                if overlaps(&taken, &span) || !on_boundaries(ctx.text(), &span) {
                    continue;
                }
                let after = || status_after(ctx, skip_fwd(ctx.text(), span.end, ")"), clause_end(ctx, span.start));
                if let Some((_, status)) = status_before(ctx, span.start, 6).or_else(after) {
                    let mut c = super::record(ctx, CommitmentKind::Agreement, span.clone());
                    c.name = Some(acr.clone());
                    c.status = Some(status);
                    push_unique(&mut c.partners, codes.iter().filter_map(|code| by_code(code)));
                    taken.push(span);
                    out.push(c);
                }
            }
        }
    }
    out.sort_by_key(|c| c.evidence.start);
    out
}

fn overlaps(taken: &[Range<usize>], r: &Range<usize>) -> bool {
    taken.iter().any(|t| t.start < r.end && r.start < t.end)
}

/// "Hiệp định thương mại tự do với …" is a generic FTA (see [`super::fta`]).
fn is_generic_fta(ctx: &Context<'_>, head: &Range<usize>) -> bool {
    CUES.fta_head.starting_at(&ctx.lower, head.start, ctx.lower.len()).is_some_and(|(r, _)| !super::fta::is_titled(ctx, &r))
}

/// Where a title that starts at `from` ends: at a stop word, a clause
/// mark, or after an acronym in parentheses ("… đầu tư (EVIPA)").
fn name_end(ctx: &Context<'_>, from: usize, limit: usize) -> usize {
    let text = ctx.text();
    let mut end = from;
    for (n, w) in words(text, from..limit).into_iter().enumerate() {
        let gap = text.get(end..w.start).unwrap_or(",");
        if n >= MAX_NAME_WORDS || gap.contains([',', ';', '.', ':', '"', ')']) || stops_name(ctx, &w, limit) {
            break;
        }
        if gap.contains('(') {
            let close = text.get(w.start..limit).and_then(|s| s.find(')')).map(|p| w.start + p);
            match close {
                Some(c) if is_acronym(text.get(w.start..c).unwrap_or("")) => return c + 1,
                _ => break,
            }
        }
        end = w.end;
    }
    end
}

/// Does the word `w` end a title? "và" does only before a lower-case word
/// or another agreement ("Hiệp định Đối tác Toàn diện và Tiến bộ …" is one
/// title).
fn stops_name(ctx: &Context<'_>, w: &Range<usize>, limit: usize) -> bool {
    let lower = &ctx.lower;
    if CUES.name_stop.starting_at(lower, w.start, limit).is_none() {
        return false;
    }
    if lower.get(w.clone()) != Some("và") {
        return true;
    }
    let next = skip_fwd(lower, w.end, "");
    let next_word = words(ctx.text(), next..limit).into_iter().next();
    !next_word.is_some_and(|n| is_capitalised(ctx.text(), &n)) || CUES.agreement_head.starting_at(lower, next, limit).is_some()
}

/// "EVIPA", "VN-EAEU FTA": upper-case letters and digits.
fn is_acronym(s: &str) -> bool {
    (2..=16).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == ' ')
}

/// Partners named by an agreement's title or acronym: "Việt Nam - EU",
/// "(AITIGA)", "của Liên Hợp Quốc". Multilateral agreements themselves
/// (RCEP, CPTPP) are not partners.
fn title_partners(ctx: &Context<'_>, name: Range<usize>) -> Vec<Partner> {
    let text = ctx.text().get(name.clone()).unwrap_or("");
    let mut out = Vec::new();
    for (acr, codes) in &CUES.acronyms {
        if text.contains(acr.as_str()) {
            push_unique(&mut out, codes.iter().filter_map(|c| by_code(c)));
        }
    }
    let own = |p: &Partner| CUES.acronyms.iter().any(|(a, _)| *a == p.code);
    push_unique(&mut out, find_partners(ctx.text(), name).into_iter().map(|h| h.partner).filter(|p| !own(p)));
    out
}

/// Status from the verb before the mention, or a status said right after it.
fn governing_status(ctx: &Context<'_>, head: usize, tail: usize, max_gap: usize) -> (Option<(Range<usize>, Status)>, Option<Status>) {
    let before = status_before(ctx, head, max_gap);
    let after = status_after(ctx, skip_fwd(ctx.text(), tail, ""), clause_end(ctx, head)).map(|(_, s)| s);
    let status = match (&before, after) {
        (_, Some(Status::InForce)) => Some(Status::InForce),
        (Some((_, s)), _) => Some(*s),
        (None, s) => s,
    };
    (before, status)
}

/// A titled agreement at `head`: the record and the span it used.
fn titled_one(ctx: &Context<'_>, head: &Range<usize>) -> Option<(Commitment, Range<usize>)> {
    let limit = clause_end(ctx, head.start);
    let parties = parties_between(ctx, head.end, limit);
    let end = match &parties {
        Some((seg_end, _)) => name_end(ctx, *seg_end, limit).max(*seg_end),
        None => name_end(ctx, head.end, limit),
    };
    let lower_head = !is_capitalised(ctx.text(), head);
    let about = ctx.lower.get(head.end..end).is_some_and(|s| s.trim_start().starts_with("về"));
    // A bare head ("Hiệp định này") names nothing.
    if end <= head.end || (lower_head && !about && parties.is_none()) {
        return None;
    }
    let (before, status) = governing_status(ctx, head.start, end, if lower_head { 0 } else { 3 });
    let status = status?;
    let mut partners = parties.map(|(_, p)| p).unwrap_or_default();
    push_unique(&mut partners, title_partners(ctx, head.start..end));
    let list = list_after_with(ctx, end, limit, 4);
    let mut span_end = end;
    if let Some(l) = list.as_ref().filter(|l| !l.counted) {
        push_unique(&mut partners, l.partners.clone());
        span_end = span_end.max(l.range.end);
    }
    if partners.is_empty() {
        if let Some((cue, _)) = &before {
            partners = subject_partners(ctx, clause_start(ctx, head.start), cue.start);
        }
    }
    let mut c = super::record(ctx, CommitmentKind::Agreement, head.start..span_end);
    c.name = ctx.text().get(head.start..end).map(str::to_string);
    c.status = Some(status);
    c.partners = partners;
    Some((c, head.start..end))
}

/// "Bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Thương mại Ấn Độ về …":
/// the parties between "giữa" and "về" (where the title goes on), and the
/// partners among them.
fn parties_between(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(usize, Vec<Partner>)> {
    let lower = &ctx.lower;
    let at = skip_fwd(lower, pos, "");
    if !super::list::word_is(ctx, at, &["giữa"]) {
        return None;
    }
    let window = lower.get(at..limit)?;
    let about = window.find(" về ").filter(|&p| p < 200 && window.get(..p).is_some_and(|w| !w.contains([',', ';'])))?;
    let mut partners = Vec::new();
    push_unique(&mut partners, find_partners(ctx.text(), at..at + about).into_iter().map(|h| h.partner));
    (!partners.is_empty()).then_some((at + about, partners))
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
        if !(det || ctx.text().get(w.clone()).is_some_and(|s| s.chars().all(|c| c.is_ascii_digit() || c == '.'))) {
            break;
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
