//! The fields of a relation upgrade: who (the partners after the level,
//! in the subject, or "hai bên"/context), whether it is only planned, and
//! when (a date in the item, the clause, or the date that opens the
//! paragraph).

use super::cues::CUES;
use super::list::{list_at, push_unique, subject_partners, word_is};
use super::party::{both_sides, Counterpart};
use super::text::{clause_start, skip_fwd, words};
use crate::extract::Context;
use crate::lexicon::partners::scan;
use crate::records::{Partner, PartnershipLevel};
use std::ops::Range;

/// One item of a dated history list: its span, partner and date.
pub type DatedItem = (Range<usize>, Partner, Option<String>);

/// What follows a level.
pub enum After {
    /// "với: Trung Quốc (5/2008), Nga (7/2012) …": one partner and date per item.
    Dated(Vec<DatedItem>),
    /// "với X, Y và Z", ", gồm X và Y": partners, and where the list ends.
    Named(Vec<Partner>, usize),
    /// "với 17 nước", "với nhiều nước": a group without names (a count).
    Unnamed,
    Nothing,
}

/// The partner list after a level: after "với" (and ":"), after a count
/// that a list then names ("với 3 nước là X, Y và Z"), or after ", gồm".
pub fn partners_after_level(ctx: &Context<'_>, pos: usize, limit: usize) -> After {
    let lower = &ctx.lower;
    let mut p = skip_fwd(lower, pos, "\"”");
    let with = word_is(ctx, p, &["với"]);
    if with {
        p = skip_fwd(lower, p + "với".len(), ":");
    } else {
        let q = skip_fwd(lower, p, ",");
        match CUES.list_lead.starting_at(lower, q, limit) {
            Some((r, ())) => p = skip_fwd(lower, r.end, ":"),
            None => return After::Nothing,
        }
    }
    // "với 3 nước là …", "với nhiều nước như …": the count is announced, the names follow.
    let ws = words(ctx.text(), p..limit);
    let counted = ws.iter().take(3).position(|w| CUES.list_lead.starting_at(lower, w.start, limit).is_some() || lower.get(w.clone()) == Some("là"));
    if let Some(i) = counted.filter(|&i| i > 0) {
        if let Some(w) = ws.get(i) {
            let lead_end = CUES.list_lead.starting_at(lower, w.start, limit).map_or(w.end, |(r, ())| r.end);
            p = skip_fwd(lower, lead_end, ":");
        }
    }
    if let Some(items) = dated_items(ctx, p, limit) {
        return After::Dated(items);
    }
    match list_at(ctx, p, limit, 0) {
        Some(l) if !l.counted && !l.partners.is_empty() => After::Named(l.partners, l.range.end),
        Some(l) if l.only_home => After::Nothing,
        _ if with => After::Unnamed,
        _ => After::Nothing,
    }
}

/// "Trung Quốc (5/2008), Nga (7/2012) … và Thái Lan (5/2025)": the items
/// of a list whose items carry dates in parentheses, or `None` when the
/// list at `pos` has none.
fn dated_items(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<Vec<DatedItem>> {
    let text = ctx.text();
    let hits = scan(text, pos..limit);
    let mut out = Vec::new();
    let mut edge = pos;
    let mut any_date = false;
    for h in hits {
        let gap = text.get(edge..h.range.start).unwrap_or("x").trim();
        let gap = gap.trim_matches(|c: char| c == ',' || c == ' ');
        if !(gap.is_empty() || gap == "và" || (out.is_empty() && edge == pos)) {
            break;
        }
        if out.is_empty() && !text.get(pos..h.range.start).is_some_and(|g| g.trim().is_empty()) {
            return None;
        }
        let (date, end) = paren_date(text, h.range.end, limit);
        any_date |= date.is_some();
        edge = end;
        if let Some(p) = h.partner {
            out.push((h.range.start..end, p, date));
        }
    }
    (any_date && !out.is_empty()).then_some(out)
}

/// " (5/2008)", " (3/2025)", " (2009)", " (tháng 9/2016)" after an item:
/// the date as ISO (`2008-05`, `2009`) and where the parenthesis closes.
fn paren_date(text: &str, pos: usize, limit: usize) -> (Option<String>, usize) {
    let Some(rest) = text.get(pos..limit) else { return (None, pos) };
    let inner_start = rest.len() - rest.trim_start().len();
    let Some(after_open) = rest.get(inner_start..).and_then(|s| s.strip_prefix('(')) else { return (None, pos) };
    let Some(close) = after_open.find(')').filter(|&c| c <= 20) else { return (None, pos) };
    let inner = after_open.get(..close).unwrap_or("").trim();
    let inner = inner.strip_prefix("tháng").map_or(inner, str::trim);
    let end = pos + inner_start + 1 + close + 1;
    let parts: Vec<&str> = inner.split(['/', '-', '.']).collect();
    let num = |s: &str| s.trim().parse::<u32>().ok();
    let date = match parts.as_slice() {
        [y] if y.len() == 4 => num(y).filter(|y| (1900..2100).contains(y)).map(|y| format!("{y:04}")),
        [m, y] if y.trim().len() == 4 => match (num(m), num(y)) {
            (Some(m), Some(y)) if (1..=12).contains(&m) && (1900..2100).contains(&y) => Some(format!("{y:04}-{m:02}")),
            _ => None,
        },
        _ => None,
    };
    if date.is_some() {
        (date, end)
    } else {
        (None, pos)
    }
}

/// The partners before an upgrade verb at `pos`: named in its subject, or
/// "hai bên/hai nước" and an elided subject resolved from context ("năm
/// 2009 nâng lên …", "quan hệ được nâng lên …"). A subject that is some
/// other body ("hai tập đoàn nâng cấp quan hệ …") gives none.
pub fn partners_before(ctx: &Context<'_>, pos: usize, strict: bool, counterpart: &Counterpart) -> Vec<Partner> {
    let from = clause_start(ctx, pos);
    let named = subject_partners(ctx, from, pos, counterpart);
    if !named.is_empty() {
        return named;
    }
    let subject = subject_words(ctx, from, pos);
    if CUES.names_org(&ctx.lower, subject.clone()) {
        return Vec::new();
    }
    let text = ctx.text();
    // A capitalised subject that is not Việt Nam, a leader's title or a
    // partner is somebody else ("Vingroup trở thành đối tác chiến lược …").
    let other_name = words(text, subject.clone()).iter().any(|w| {
        super::text::is_capitalised(text, w)
            && w.start > subject.start
            && scan(text, w.clone()).is_empty()
            && CUES.title.starting_at(&ctx.lower, w.start, subject.end).is_none()
    });
    if strict && other_name {
        return Vec::new();
    }
    let mut out = Vec::new();
    push_unique(&mut out, both_sides(ctx, pos, counterpart));
    out
}

/// The subject's words before `pos`: after the last clause opener, at most
/// a few words.
fn subject_words(ctx: &Context<'_>, from: usize, pos: usize) -> Range<usize> {
    let ws = words(ctx.text(), from..pos);
    let start = ws.len().checked_sub(8).and_then(|i| ws.get(i)).map_or(from, |w| w.start);
    let start = CUES.subject_break.find(&ctx.lower, start..pos).last().map_or(start, |(r, ())| r.end);
    start..pos
}

/// Is the upgrade at `pos` only planned: a proposal or future word earlier
/// in its clause, with no new clause opening in between ("sẽ là dịp để hai
/// nước nâng cấp", "nhất trí sớm đưa quan hệ … lên", "hướng tới nâng cấp")?
pub fn proposed_before(ctx: &Context<'_>, pos: usize) -> bool {
    let lower = &ctx.lower;
    let from = clause_start(ctx, pos);
    let Some((cue, ())) = CUES.upgrade_proposal.find(lower, from..pos).into_iter().last() else { return false };
    // "Hai năm sau khi …", "kể từ khi … nâng cấp": a past act.
    !CUES.proposal_break.any_in(lower, cue.end..pos) && !CUES.past_clause.any_in(lower, from..pos)
}

/// Where an upgrade's date may be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRule {
    /// A done upgrade: right after the level, before the verb, or the paragraph's date.
    Done,
    /// A passive ("được xác lập nhân chuyến thăm … tháng 5/2008"): anywhere after it in the clause.
    Passive,
    /// A plan: only a date said right after the level ("hướng tới … vào năm 2026").
    Planned,
}

/// When an upgrade took effect: a date right after its level ("lên … vào
/// tháng 12/2022"), else the last date before its verb in the clause, else
/// the date that opens its paragraph when its own sentence has none before
/// the verb ("Chiều 10/9, … Sau hội đàm, hai nhà lãnh đạo … nâng cấp …").
pub fn date_of(ctx: &Context<'_>, verb: usize, level_end: usize, how: DateRule) -> Option<String> {
    let temporals = &ctx.temporals;
    let clause_from = clause_start(ctx, verb);
    let clause_to = super::text::clause_end(ctx, verb);
    let iso = |t: &crate::lang::Temporal| t.date.clone().or_else(|| t.start.map(|d| format!("{:04}", d.year)));
    // Right after the level, within a few words ("vào tháng 12/2022", "năm 2020").
    let i = temporals.partition_point(|t| t.range.start < level_end);
    if let Some(t) = temporals.get(i).filter(|t| t.range.end <= clause_to) {
        let gap = ctx.lower.get(level_end..t.range.start).unwrap_or("x");
        let near = super::text::word_count(&ctx.lower, level_end..t.range.start) <= 2 && !gap.contains([',', ';']);
        // "… lên Đối tác chiến lược toàn diện nhân chuyến thăm … ngày 10/3/2025": the
        // occasion's date, told in the same clause, is the upgrade's.
        let occasion = how == DateRule::Done && !gap.contains([',', ';']) && ["nhân ", "trong chuyến ", "tại chuyến "].iter().any(|w| gap.trim_start().starts_with(w));
        if near || occasion || how == DateRule::Passive {
            return iso(t);
        }
    }
    if how == DateRule::Planned {
        return None;
    }
    // The last date before the verb in its clause.
    let j = temporals.partition_point(|t| t.range.start < clause_from);
    if let Some(t) = temporals.get(j..).unwrap_or(&[]).iter().take_while(|t| t.range.end <= verb).last() {
        return iso(t);
    }
    // The date that opens the nearest sentence of the paragraph before the
    // verb ("Chiều 10/9, … hội đàm. Ngay sau hội đàm, … nâng cấp …").
    let (si, _) = super::text::sentence_at(ctx, verb)?;
    let line = ctx.structure.lines.iter().find(|l| l.range.start <= verb && verb < l.range.end)?;
    if line.role != crate::structure::LineRole::Body {
        return None;
    }
    for sent in ctx.sentences.get(si.saturating_sub(6)..si)?.iter().rev() {
        if sent.range.start < line.range.start {
            break;
        }
        let k = temporals.partition_point(|t| t.range.start < sent.range.start);
        // A day ("Chiều 10/9", "Ngày 12/3") dates the event the paragraph tells;
        // a year opening a sentence of history dates only that sentence.
        if let Some(t) = temporals.get(k).filter(|t| t.range.end <= sent.range.end && t.is_day) {
            if super::text::word_count(ctx.text(), sent.range.start..t.range.start) <= 1 {
                return iso(t);
            }
        }
    }
    None
}

/// How far after a raising verb a list of dated items, each raised to the
/// level told after it, may run (bytes).
const DATED_RAISE_REACH: usize = 600;

/// "nâng cấp quan hệ với 4 đối tác, gồm Hoa Kỳ (9/2023), Nhật Bản (11/2023)
/// lên Đối tác chiến lược toàn diện và Kazakhstan (8/2024) lên Đối tác chiến
/// lược": dated items after the verb, each group raised to the level told
/// right after it ("lên <level>"). Items left without a level are dropped.
/// Returns each item with its level and where that level ends.
pub fn dated_items_raised(ctx: &Context<'_>, from: usize, sentence_end: usize) -> Vec<(DatedItem, PartnershipLevel, usize)> {
    let text = ctx.text();
    let lower = &ctx.lower;
    let limit = crate::text::floor_char(text, sentence_end.min(from + DATED_RAISE_REACH)).max(from);
    let mut out = Vec::new();
    let mut pending: Vec<DatedItem> = Vec::new();
    let mut edge: Option<usize> = None;
    for h in scan(text, from..limit) {
        if edge.is_some_and(|e| h.range.start < e) {
            continue;
        }
        let (date, end) = paren_date(text, h.range.end, limit);
        let Some(partner) = h.partner.filter(|_| date.is_some()) else {
            // Names before the list ("Việt Nam đã nâng cấp …") are no items; a
            // name without a date after the list has begun ends it.
            if edge.is_some() {
                break;
            }
            continue;
        };
        if let Some(e) = edge {
            let gap = text.get(e..h.range.start).unwrap_or("x").trim_matches(|c: char| c == ',' || c.is_whitespace());
            if !(gap.is_empty() || gap == "và") {
                break;
            }
        }
        pending.push((h.range.start..end, partner, date));
        edge = Some(end);
        // "… (3/2024) lên Đối tác chiến lược toàn diện": the level of the items so far.
        let at = skip_fwd(lower, end, "");
        if word_is(ctx, at, &["lên"]) {
            let at = skip_fwd(lower, at + "lên".len(), "");
            if let Some((level_r, level)) = CUES.level.starting_at(lower, at, limit) {
                out.extend(pending.drain(..).map(|item| (item, level, level_r.end)));
                edge = Some(level_r.end);
            }
        }
    }
    out
}
