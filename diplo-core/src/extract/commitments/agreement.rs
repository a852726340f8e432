//! Generic documents signed or negotiated with a named partner: "Việt Nam
//! và Malaysia đã ký kết 12 văn kiện hợp tác", "đàm phán, ký kết các khuôn
//! khổ hợp tác mới … với Pakistan". Agreements with a name of their own are
//! in [`super::named`].
//!
//! Every such agreement needs a status and a partner: "ký 9 văn kiện" alone
//! is a count (a metric), not an agreement.

use super::cues::CUES;
use super::list::{list_after_with, status_before, subject_partners};
use super::party::Counterpart;
use super::signing::Lists;
use super::text::{clause_end, clause_start, is_capitalised, skip_fwd, words};
use super::title::name_end;
use crate::extract::Context;
use crate::records::{Commitment, CommitmentKind, Partner};
use std::ops::Range;

/// Every generic agreement mention with a partner, in document order;
/// `taken` (in document order) are the spans already read as FTAs or named
/// agreements.
pub fn extract(ctx: &Context<'_>, taken: &[Range<usize>], lists: &Lists, counterpart: &Counterpart) -> (Vec<Commitment>, Vec<Range<usize>>) {
    let mut out: Vec<Commitment> = Vec::new();
    let mut spans = Vec::new();
    for (si, sent) in ctx.sentences.iter().enumerate() {
        let r = sent.range.clone();
        let first = taken.partition_point(|s| s.end <= r.start);
        let mut busy: Vec<Range<usize>> = taken.iter().skip(first).take_while(|s| s.start < r.end).cloned().collect();
        for (head, ()) in CUES.agreement_object.find(&ctx.lower, r.clone()) {
            let fta = CUES.fta_head.starting_at(&ctx.lower, head.start, r.end).is_some();
            // The document noun of a signing list's lead counts the items.
            // "MoU" is written with capitals but is no title of its own.
            let acronym = ctx.text().get(head.clone()).is_some_and(|h| h.eq_ignore_ascii_case("mou"));
            if !overlaps(&busy, &head) && (acronym || !is_capitalised(ctx.text(), &head)) && !fta && !lists.in_lead(head.start) {
                if let Some((c, span)) = object_one(ctx, &head, counterpart).or_else(|| between_parties(ctx, &head, si, counterpart)) {
                    busy.push(span.clone());
                    spans.push(span);
                    out.push(c);
                }
            }
        }
    }
    (out, spans)
}

/// How far the two parties after "giữa" may run (bytes).
const PARTIES_REACH: usize = 240;

/// "MoU giữa Petrovietnam và Tập đoàn Năng lượng Al-Noor về …", "thỏa thuận
/// hợp tác giữa UBND tỉnh A và Quỹ B": a document between two named parties
/// is one agreement (ANNOTATION.md: "Bản ghi nhớ giữa Bộ X và Bộ Y"), signed
/// when its sentence or the one before tells a signing or an exchange ("chứng
/// kiến lễ trao 6 thỏa thuận"); without one it is no record. Partners: the
/// foreign ones its parties name, else the article's counterpart.
fn between_parties(ctx: &Context<'_>, head: &Range<usize>, si: usize, counterpart: &Counterpart) -> Option<(Commitment, Range<usize>)> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let limit = clause_end(ctx, head.start).min(super::text::ceil_char(text, head.end + PARTIES_REACH));
    let at = skip_fwd(lower, head.end.max(name_end(ctx, head.end, limit)), "");
    let at = if super::list::word_is(ctx, at, &["giữa"]) { at } else { skip_fwd(lower, head.end, "") };
    if !super::list::word_is(ctx, at, &["giữa"]) {
        return None;
    }
    let first = skip_fwd(text, at + "giữa".len(), "");
    let and = lower.get(first..limit)?.find(" và ").map(|p| first + p)?;
    let second = skip_fwd(text, and + " và ".len(), "");
    let capital = |p: usize| words(text, p..limit).into_iter().next().is_some_and(|w| is_capitalised(text, &w));
    if !capital(first) || !capital(second) {
        return None;
    }
    // The second party runs to the clause's next comma, ';' or " về ", or to
    // two lower-case words in a row outside brackets ("… (SMBC) đã diễn ra").
    let tail = lower.get(second..limit)?;
    let mut end = second + [tail.find([',', ';']), tail.find(" về ")].into_iter().flatten().min().unwrap_or(tail.len());
    let (mut depth, mut lower_run, mut last_named) = (0i32, 0, second);
    for w in words(text, second..end) {
        let before = text.get(last_named..w.start).unwrap_or("");
        depth += before.matches('(').count() as i32 - before.matches(')').count() as i32;
        if depth > 0 || is_capitalised(text, &w) {
            lower_run = 0;
            last_named = w.end;
        } else {
            lower_run += 1;
            if lower_run == 2 {
                end = last_named + text.get(last_named..w.start).map_or(0, |g| g.find(')').map_or(0, |i| i + 1));
                break;
            }
        }
    }
    let sent = ctx.sentences.get(si)?.range.clone();
    let from = si.checked_sub(1).and_then(|p| ctx.sentences.get(p)).map_or(sent.start, |p| p.range.start);
    if !CUES.signing_verb.any_in(lower, from..head.start) {
        return None;
    }
    let mut partners = Vec::new();
    super::list::push_unique(&mut partners, crate::lexicon::partners::find_partners(text, first..end).into_iter().map(|h| h.partner).filter(|p| p.code != "VN"));
    if partners.is_empty() {
        super::list::push_unique(&mut partners, counterpart.get(ctx));
    }
    if partners.is_empty() {
        return None;
    }
    let mut c = super::record(ctx, CommitmentKind::Agreement, head.start..end);
    c.name = text.get(head.start..end).map(str::to_string);
    c.status = Some(crate::records::Status::Signed);
    c.partners = partners;
    Some((c, head.start..end))
}

fn overlaps(taken: &[Range<usize>], r: &Range<usize>) -> bool {
    taken.iter().any(|t| t.start < r.end && r.start < t.end)
}

/// "với Công ty Dầu khí Quốc gia Abu Dhabi (ADNOC)", "với Tổng công ty Điện
/// lực Hàn Quốc (KEPCO)": a named company or body after "với" (up to
/// `limit`), and the country it belongs to: one its name gives, else the
/// article's counterpart. `None` when no capitalised name follows "với".
fn with_organisation(ctx: &Context<'_>, pos: usize, limit: usize, counterpart: &Counterpart) -> Option<(Vec<Partner>, usize)> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let at = skip_fwd(lower, pos, "");
    if !super::list::word_is(ctx, at, &["với"]) {
        return None;
    }
    let org = skip_fwd(text, at + "với".len(), "");
    let first = words(text, org..limit).into_iter().next()?;
    if !is_capitalised(text, &first) || CUES.both_sides.starting_at(lower, org, limit).is_some() {
        return None;
    }
    let end = text.get(org..limit).and_then(|s| s.find([',', ';'])).map_or(limit, |p| org + p);
    let end = lower.get(org..end).and_then(|s| s.find(" về ")).map_or(end, |p| org + p);
    let mut partners = Vec::new();
    super::list::push_unique(&mut partners, crate::lexicon::partners::find_partners(text, org..end).into_iter().map(|h| h.partner));
    if partners.is_empty() {
        super::list::push_unique(&mut partners, counterpart.get(ctx));
    }
    (!partners.is_empty()).then_some((partners, end))
}

/// A generic document ("12 văn kiện hợp tác", "các khuôn khổ hợp tác mới")
/// signed or negotiated with a named partner.
fn object_one(ctx: &Context<'_>, head: &Range<usize>, counterpart: &Counterpart) -> Option<(Commitment, Range<usize>)> {
    let limit = clause_end(ctx, head.start);
    // "EVN ký với Tổng công ty Điện lực Hàn Quốc (KEPCO) thỏa thuận …": the
    // partner between the verb and the document.
    let (cue, status, between) = match status_before(ctx, head.start, 2) {
        Some((cue, status)) => (cue, status, None),
        None => {
            let (cue, status) = status_before(ctx, head.start, 14)?;
            let org = with_organisation(ctx, skip_fwd(&ctx.lower, cue.end, ""), head.start, counterpart)?;
            (cue, status, Some(org))
        }
    };
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
        _ if between.is_some() => between.map(|(p, _)| p).unwrap_or_default(),
        Some(l) if l.counted => return None,
        Some(l) if !l.only_home => {
            span_end = l.range.end;
            l.partners
        }
        // "ký thỏa thuận hợp tác với Công ty Dầu khí Quốc gia Abu Dhabi (ADNOC)".
        _ if with_organisation(ctx, end, limit, counterpart).is_some() => {
            let (p, org_end) = with_organisation(ctx, end, limit, counterpart).unwrap_or_default();
            span_end = org_end;
            p
        }
        _ => {
            let from = clause_start(ctx, head.start);
            let named = subject_partners(ctx, from, cue.start, counterpart);
            // "Hai nhà lãnh đạo nhất trí sớm đàm phán để đi tới một thỏa thuận …".
            match CUES.both_sides.find(&ctx.lower, from..cue.start).into_iter().next() {
                Some((r, ())) if named.is_empty() => super::party::both_sides(ctx, r.start, counterpart),
                _ => named,
            }
        }
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
