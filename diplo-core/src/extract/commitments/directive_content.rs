//! What a directive asks and of whom: the addressees after a request verb
//! ("yêu cầu các bộ, ngành và địa phương …") up to the word that starts the
//! content, or the subject of the "phải"/"cần" an obligation states ("…, do
//! đó các bộ, ngành, địa phương đều phải …").

use super::cues::CUES;
use super::text::{ceil_char, is_capitalised, skip_fwd, word_count, words};
use crate::extract::Context;
use std::ops::Range;

/// How far after the verb the addressees may run before the content starts.
const MAX_ADDRESSEE_BYTES: usize = 240;

/// Whom a directive addresses, where they end, and what it asks.
#[derive(Debug, Default)]
pub struct Found {
    pub addressees: Vec<String>,
    pub addressee_end: usize,
    pub content: Option<String>,
}

fn found(t: (Vec<String>, usize, Option<String>)) -> Found {
    Found { addressees: t.0, addressee_end: t.1, content: t.2 }
}

/// What follows a request verb: the addressees (up to the first word that
/// starts the content) and the content (to the end of the sentence).
pub fn request(ctx: &Context<'_>, verb: &Range<usize>, end: usize) -> Option<Found> {
    request_parts(ctx, verb, end).map(found)
}

fn request_parts(ctx: &Context<'_>, verb: &Range<usize>, end: usize) -> Option<(Vec<String>, usize, Option<String>)> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    // "chỉ đạo: \"…\"": reported words, no addressee.
    let quoted = skip_fwd(text, verb.end, ",: ");
    if text.get(quoted..).is_some_and(|s| s.starts_with(['"', '“'])) {
        return Some((Vec::new(), verb.end, clean(text.get(quoted..end).map(|s| s.trim_matches(['"', '“', '”'])))));
    }
    let mut start = skip_fwd(text, verb.end, ",:");
    let mut next = words(text, start..end).into_iter().next()?;
    // "giao cho Bộ Công Thương …": whom, after "cho".
    if lower.get(next.clone()) == Some("cho") {
        start = skip_fwd(text, next.end, "");
        next = words(text, start..end).into_iter().next()?;
    }
    // "giao" is also "ngoại giao", "giao lưu": as a request it names whom.
    if lower.get(verb.clone()) == Some("giao") && !is_capitalised(text, &next) && !starts_addressee(ctx, next.start) {
        return None;
    }
    // "chỉ thị số 15" is a document, not a verb ("lưu ý 3 vấn đề" is a request).
    let document = lower.get(verb.clone()) == Some("chỉ thị");
    if text.get(next.clone()).is_some_and(|w| w == "số" || (document && w.starts_with(|c: char| c.is_ascii_digit()))) {
        return None;
    }
    // "yêu cầu siết chặt …": a lower-case word that starts no addressee
    // starts the content.
    if !is_capitalised(text, &next) && !starts_addressee(ctx, next.start) {
        return Some((Vec::new(), verb.end, clean(text.get(start..end))));
    }
    let window = ceil_char(text, end.min(start + MAX_ADDRESSEE_BYTES));
    // A content verb starts lower-case ("Sở Xây dựng khẩn trương …": "Xây dựng" is a name).
    let content_at = CUES.content_start.find(lower, start..window).into_iter().map(|(r, _)| r).find(|r| !is_capitalised(text, r)).map(|r| r.start);
    // Without a known first verb, a capitalised addressee ends with its run
    // ("yêu cầu Nga hợp tác …").
    let cs = content_at.or_else(|| org_name_end(ctx, start, window).filter(|_| is_capitalised(text, &next)));
    let Some(cs) = cs else {
        return Some((Vec::new(), verb.end, clean(text.get(start..end))));
    };
    let addressee_end = super::text::skip_back(text, cs, ",");
    Some((split_addressees(ctx, start..addressee_end), addressee_end, clean(text.get(cs..end))))
}

/// Where a capitalised addressee's name ends: its capitalised words and
/// the portfolio words of a ministry between them ("Bộ Kế hoạch và Đầu
/// tư", "Bộ Tài nguyên và Môi trường"), joined by "và" or ",".
fn org_name_end(ctx: &Context<'_>, start: usize, limit: usize) -> Option<usize> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    // Portfolio words belong to a body's name ("Bộ …", "Ủy ban …"), not to a country's.
    let body = CUES.addressee_head.starting_at(lower, skip_fwd(text, start, ""), limit).is_some();
    let mut end = None;
    let mut pos = start;
    for _ in 0..16 {
        let at = skip_fwd(text, pos, "");
        let Some(w) = words(text, at..limit).into_iter().next().filter(|w| w.start == at) else { break };
        if is_capitalised(text, &w) {
            end = Some(w.end);
            pos = w.end;
        } else if let Some((r, ())) = CUES.portfolio.starting_at(lower, w.start, limit).filter(|_| body && end.is_some()) {
            end = Some(r.end);
            pos = r.end;
        } else if lower.get(w.clone()) == Some("và") && end.is_some() {
            // "và" joins two portfolios only when a capitalised or portfolio word follows.
            let next = skip_fwd(text, w.end, "");
            let joins = body
                && (words(text, next..limit).into_iter().next().is_some_and(|n| is_capitalised(text, &n))
                    || CUES.portfolio.starting_at(lower, next, limit).is_some());
            if !joins {
                break;
            }
            pos = w.end;
        } else {
            break;
        }
        if text.get(pos..).is_some_and(|r| r.starts_with(',')) {
            break;
        }
    }
    end
}

/// After "nêu rõ"/"nhấn mạnh": a directive only when the clause says
/// "phải"/"cần"; the addressees are the subject of that "phải".
pub fn obliging(ctx: &Context<'_>, verb: &Range<usize>, end: usize) -> Option<Found> {
    obliging_parts(ctx, verb, end).map(found)
}

fn obliging_parts(ctx: &Context<'_>, verb: &Range<usize>, end: usize) -> Option<(Vec<String>, usize, Option<String>)> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let mut start = skip_fwd(text, verb.end, ",:");
    if super::list::word_is(ctx, start, &["rằng"]) {
        start = skip_fwd(text, start + "rằng".len(), ",:");
    }
    let blocked = CUES.must_not.find(lower, start..end);
    let (must, ()) =
        CUES.must.find(lower, start..end).into_iter().find(|(m, _)| !blocked.iter().any(|(b, _)| b.start <= m.start && m.end <= b.end))?;
    let subject_from = CUES.subject_lead.find(lower, start..must.start).last().map_or(start, |(r, _)| skip_fwd(text, r.end, ","));
    let mut subject_end = super::text::skip_back(text, must.start, "");
    for filler in ["đều", "cũng", "thì"] {
        if lower.get(..subject_end).is_some_and(|s| s.ends_with(filler)) {
            subject_end = super::text::skip_back(text, subject_end - filler.len(), "");
        }
    }
    let subject = subject_from..subject_end.max(subject_from);
    let addressees = if word_count(text, subject.clone()) <= 10 { split_addressees(ctx, subject) } else { Vec::new() };
    // The record runs to the obligation ("… nhắc lại … và cho rằng hai nước cần").
    Some((addressees, must.end, clean(text.get(start..end))))
}

/// Does `lower[range]` say "phải"/"cần" as an obligation (not "cần thiết",
/// "không phải")?
pub fn has_must(ctx: &Context<'_>, range: Range<usize>) -> bool {
    let blocked = CUES.must_not.find(&ctx.lower, range.clone());
    CUES.must.find(&ctx.lower, range).into_iter().any(|(m, _)| !blocked.iter().any(|(b, _)| b.start <= m.start && m.end <= b.end))
}

/// Does an addressee start at `pos` ("các", "Bộ", "UBND" …)?
pub fn starts_addressee(ctx: &Context<'_>, pos: usize) -> bool {
    CUES.addressee_head.starting_at(&ctx.lower, pos, ctx.lower.len()).is_some() || super::list::word_is(ctx, pos, &["cho", "nhiệm vụ"])
}

/// "các bộ, cơ quan ngang bộ và UBND các tỉnh" → ["các bộ", "cơ quan ngang
/// bộ", "UBND các tỉnh"]. "và" splits only before a new addressee, so "Bộ
/// Kế hoạch và Đầu tư" stays whole.
pub fn split_addressees(ctx: &Context<'_>, range: Range<usize>) -> Vec<String> {
    let text = ctx.text();
    let mut pieces = Vec::new();
    let mut from = range.start;
    for w in words(text, range.clone()) {
        if ctx.lower.get(w.clone()) != Some("và") {
            continue;
        }
        let next = skip_fwd(text, w.end, "");
        let lower_next = text.get(next..).and_then(|s| s.chars().next()).is_some_and(char::is_lowercase);
        if lower_next || starts_addressee(ctx, next) {
            pieces.push(from..w.start);
            from = next;
        }
    }
    pieces.push(from..range.end);
    pieces.into_iter().filter_map(|r| text.get(r)).flat_map(|s| s.split(',')).filter_map(|p| clean(Some(p))).collect()
}

/// Trimmed text without surrounding punctuation, or `None` when empty.
pub fn clean(s: Option<&str>) -> Option<String> {
    let t = s?.trim_matches(|c: char| c.is_whitespace() || ",;:.…".contains(c));
    (!t.is_empty()).then(|| t.to_string())
}
