//! Relations raised to a partnership level with a named partner, however
//! the story tells it:
//! - an act: "nâng cấp quan hệ (Việt Nam - Pháp) (từ X) lên Y", "đưa quan hệ
//!   hai nước lên Y", "thiết lập/xác lập (quan hệ|khuôn khổ) Y", "X trở
//!   thành đối tác chiến lược toàn diện thứ N của Việt Nam";
//! - a passive after the level: "Đối tác hợp tác chiến lược toàn diện, được
//!   xác lập nhân chuyến thăm …";
//! - history lists: "lên Y với: Trung Quốc (5/2008), Nga (7/2012) …", one
//!   record per dated item;
//! - plans: "sẽ/sớm/hướng tới nâng cấp", "hai nước hướng tới Y" → proposed;
//! - anaphora: "làm điều tương tự với Singapore", "Indonesia và Singapore
//!   được nâng cấp" take the level told just before.
//!
//! A count of upgrades ("nâng cấp quan hệ với 17 nước"), an existing level
//! ("có quan hệ Đối tác … với") and diplomatic relations ("thiết lập quan hệ
//! ngoại giao") are no record: the act, a level and a named partner are all
//! needed. Partners and dates are read by [`super::upgrade_fields`].

use super::cues::{Hits, UpgradeVerb, CUES};
use super::party::Counterpart;
use super::text::{clause_end, clause_start, skip_back, skip_fwd, word_count};
use super::upgrade_fields::{dated_items_raised, date_of, partners_after_level, partners_before, proposed_before, After, DateRule};
use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use crate::records::{Commitment, CommitmentKind, PartnershipLevel, Status};
use std::ops::Range;

/// The most words between a raising verb and "lên <level>" ("quan hệ Việt
/// Nam - Thái Lan", "từ Đối tác toàn diện").
const MAX_BRIDGE_WORDS: usize = 10;

/// Every relation upgrade with a named partner, in document order.
pub fn extract(ctx: &Context<'_>, counterpart: &Counterpart) -> Vec<Commitment> {
    let mut out: Vec<Commitment> = Vec::new();
    let lower = &ctx.lower;
    // The last upgrade told (where, its level and status), for "làm điều tương tự".
    let mut last: Option<(usize, PartnershipLevel, Option<Status>)> = None;
    // One search for the verbs of the whole document; levels are looked
    // for only around a verb.
    let verbs = Hits::of(&CUES.upgrade_verb, lower);
    for (si, sent) in ctx.sentences.iter().enumerate() {
        let mut covered = sent.range.start;
        for (verb, how) in verbs.within(sent.range.clone()).iter().cloned() {
            if verb.start < covered {
                continue;
            }
            let found = match how {
                UpgradeVerb::Raise => raised(ctx, &verb),
                UpgradeVerb::Establish | UpgradeVerb::Aim | UpgradeVerb::Become => right_after(ctx, &verb, how),
            };
            let made = match found {
                Some((level_r, level)) => one(ctx, &verb, how, level_r, level, counterpart),
                None if how == UpgradeVerb::Raise && passive_before(ctx, &verb) => {
                    passive_partners(ctx, &verb, level_before(ctx, si, verb.start))
                }
                None if how == UpgradeVerb::Establish => passive_level(ctx, &verb, counterpart).into_iter().collect(),
                None if how == UpgradeVerb::Raise => dated_raised(ctx, &verb, sent.range.end),
                None => Vec::new(),
            };
            if let Some((c, end)) = made.last() {
                covered = *end;
                last = c.level.map(|l| (verb.start, l, c.status));
            }
            out.extend(made.into_iter().map(|(c, _)| c));
        }
        if last.is_some_and(|(at, _, _)| at + 1500 >= sent.range.start) {
            out.extend(same_as_before(ctx, sent.range.clone(), last));
        }
    }
    out.sort_by_key(|c| c.evidence.start);
    out
}

/// Is the raising verb at `verb` a passive ("… được nâng cấp")?
fn passive_before(ctx: &Context<'_>, verb: &Range<usize>) -> bool {
    let end = skip_back(&ctx.lower, verb.start, "");
    ctx.lower.get(..end).is_some_and(|s| s.ends_with("được"))
}

/// "nâng cấp quan hệ … (từ X) lên Y": the first level said after "lên" or
/// "thành" in the clause, across a short bridge without punctuation.
fn raised(ctx: &Context<'_>, verb: &Range<usize>) -> Option<(Range<usize>, PartnershipLevel)> {
    let lower = &ctx.lower;
    let limit = clause_end(ctx, verb.start);
    for (level_r, level) in CUES.level.find(lower, verb.end..limit) {
        let mut before = skip_back(lower, level_r.start, "\"“'");
        // "nâng lên tầm Đối tác …", "lên thành Đối tác …", "lên mức …".
        for filler in [" tầm", " thành", " mức", " cấp độ", " khuôn khổ"] {
            if lower.get(..before).is_some_and(|h| h.ends_with(filler) && !h.ends_with(" trở thành")) {
                let cut = before - filler.len();
                if lower.get(..cut).is_some_and(|h| h.ends_with(" lên")) {
                    before = cut;
                    break;
                }
            }
        }
        let head = lower.get(..before).unwrap_or("");
        if head.ends_with(" từ") {
            continue;
        }
        // "… lên Y", "… thành Y", but not "trở thành Y" (another verb's level).
        if !(head.ends_with(" lên") || head.ends_with(" thành")) || head.ends_with(" trở thành") {
            return None;
        }
        // The bridge may hold "từ <old level>" and the partners; no clause mark.
        let bridge = lower.get(verb.end..level_r.start).unwrap_or(",");
        if bridge.contains([';', '(', ':']) || word_count(lower, verb.end..level_r.start) > MAX_BRIDGE_WORDS || !commas_in_list(ctx, verb.end..level_r.start) {
            return None;
        }
        return Some((level_r, level));
    }
    None
}

/// Does every comma of `r` stand between two partners ("với Australia,
/// Pháp và Malaysia lên …"), so it lists them and ends no clause?
fn commas_in_list(ctx: &Context<'_>, r: Range<usize>) -> bool {
    let text = ctx.text();
    let Some(bridge) = text.get(r.clone()) else { return false };
    if !bridge.contains(',') {
        return true;
    }
    let hits = crate::lexicon::partners::find_partners(text, r.clone());
    bridge.match_indices(',').all(|(i, _)| {
        let at = r.start + i;
        let next = skip_fwd(text, at + 1, "");
        hits.iter().any(|h| skip_back(text, at, "") == h.range.end) && hits.iter().any(|h| h.range.start == next)
    })
}

/// "thiết lập (quan hệ|khuôn khổ) Y", "trở thành Y", "hướng tới Y": the
/// level right after the verb (and its frame words).
fn right_after(ctx: &Context<'_>, verb: &Range<usize>, how: UpgradeVerb) -> Option<(Range<usize>, PartnershipLevel)> {
    let lower = &ctx.lower;
    let limit = clause_end(ctx, verb.start);
    let mut at = skip_fwd(lower, verb.end, "\"“");
    if how != UpgradeVerb::Aim {
        if let Some((f, ())) = CUES.upgrade_frame.starting_at(lower, at, limit) {
            at = skip_fwd(lower, f.end, "\"“");
        }
    }
    let (level_r, level) = CUES.level.starting_at(lower, at, limit)?;
    // "trở thành đối tác chiến lược của Qualcomm": a company's partner, not Việt Nam's.
    let next = skip_fwd(lower, level_r.end, "");
    if how == UpgradeVerb::Become && super::list::word_is(ctx, next, &["của"]) {
        let whose = skip_fwd(lower, next + "của".len(), "");
        if !super::list::word_is(ctx, whose, &["việt nam", "nhau", "ta", "mình", "hai nước"]) {
            return None;
        }
    }
    Some((level_r, level))
}

/// The record(s) of one upgrade verb with its level: one per dated item of
/// a history list, else one. Returns each record and the end it used.
fn one(
    ctx: &Context<'_>,
    verb: &Range<usize>,
    how: UpgradeVerb,
    level_r: Range<usize>,
    level: PartnershipLevel,
    counterpart: &Counterpart,
) -> Vec<(Commitment, usize)> {
    let limit = clause_end(ctx, verb.start);
    let mut partners = Vec::new();
    // "nâng cấp quan hệ với 2 nước thành viên ASEAN lên …": a counted group;
    // only a list after the level can name it.
    let mut counted = false;
    if how == UpgradeVerb::Raise {
        let bridge = verb.end..level_r.start;
        counted = super::list::list_after_with(ctx, bridge.start, bridge.end, 2).is_some_and(|l| l.counted)
            || ctx.lower.get(bridge.clone()).is_some_and(|b| b.contains("với") && b.chars().any(|c| c.is_ascii_digit()));
        if !counted {
            super::list::push_unique(&mut partners, find_partners(ctx.text(), bridge.clone()).into_iter().map(|h| h.partner));
        }
    }
    let after = partners_after_level(ctx, level_r.end, limit);
    if counted && !matches!(after, After::Named(..) | After::Dated(..)) {
        return Vec::new();
    }
    let status = if how == UpgradeVerb::Aim || proposed_before(ctx, verb.start) { Status::Proposed } else { Status::Upgraded };
    let start = verb.start;
    let mut out = Vec::new();
    match after {
        After::Dated(items) => {
            for (item, partner, date) in items {
                let mut c = super::record(ctx, CommitmentKind::RelationUpgrade, item.clone());
                c.status = Some(status);
                c.level = Some(level);
                c.partners = vec![partner];
                c.date = date.or_else(|| date_of(ctx, verb.start, level_r.end, rule(status)));
                out.push((c, item.end));
            }
            return out;
        }
        After::Unnamed => return out,
        After::Named(list, end) => {
            super::list::push_unique(&mut partners, list);
            let end = end.max(level_r.end);
            partners = finish_partners(ctx, partners, how, verb, counterpart);
            if !partners.is_empty() {
                out.push((make(ctx, start..end, status, level, partners, verb.start, level_r.end), end));
            }
        }
        After::Nothing => {
            partners = finish_partners(ctx, partners, how, verb, counterpart);
            if !partners.is_empty() {
                let end = level_r.end;
                out.push((make(ctx, start..end, status, level, partners.clone(), verb.start, level_r.end), end));
                // "… lên Đối tác chiến lược năm 2013 và Đối tác chiến lược toàn diện năm 2024".
                if let Some((next_r, next)) = next_level(ctx, level_r.end, limit) {
                    let mut c = make(ctx, next_r.clone(), status, next, partners, next_r.start, next_r.end);
                    c.date = date_of(ctx, next_r.start, next_r.end, DateRule::Passive);
                    out.push((c, next_r.end));
                }
            }
        }
    }
    out
}

/// A raising verb whose dated items each carry the level told after them
/// (`dated_items_raised`): one record per item, its date from its brackets.
fn dated_raised(ctx: &Context<'_>, verb: &Range<usize>, sentence_end: usize) -> Vec<(Commitment, usize)> {
    let status = if proposed_before(ctx, verb.start) { Status::Proposed } else { Status::Upgraded };
    dated_items_raised(ctx, verb.end, sentence_end)
        .into_iter()
        .map(|((item, partner, date), level, level_end)| {
            let mut c = super::record(ctx, CommitmentKind::RelationUpgrade, item.clone());
            c.status = Some(status);
            c.level = Some(level);
            c.partners = vec![partner];
            c.date = date;
            (c, level_end)
        })
        .collect()
}

/// A second level coordinated with the first ("… năm 2013 và Đối tác chiến
/// lược toàn diện năm 2024"): after at most a date, "và (lên)" and a level.
fn next_level(ctx: &Context<'_>, from: usize, limit: usize) -> Option<(Range<usize>, PartnershipLevel)> {
    let lower = &ctx.lower;
    let window = super::text::ceil_char(lower, limit.min(from + 60));
    let and = lower.get(from..window)?.find(" và ").map(|p| from + p + 1)?;
    if lower.get(from..and).is_some_and(|g| g.contains([',', ';'])) || word_count(lower, from..and) > 4 {
        return None;
    }
    let mut at = skip_fwd(lower, and + "và".len(), "");
    if super::list::word_is(ctx, at, &["lên"]) {
        at = skip_fwd(lower, at + "lên".len(), "");
    }
    CUES.level.starting_at(lower, at, limit)
}

/// Partners from the subject, else from "hai bên"/context, without
/// organisations.
fn finish_partners(
    ctx: &Context<'_>,
    mut partners: Vec<crate::records::Partner>,
    how: UpgradeVerb,
    verb: &Range<usize>,
    counterpart: &Counterpart,
) -> Vec<crate::records::Partner> {
    if partners.is_empty() {
        partners = partners_before(ctx, verb.start, how == UpgradeVerb::Become, counterpart);
    }
    partners.retain(|p| p.kind != crate::records::PartnerKind::Organization && !super::known::KNOWN.is_agreement_code(&p.code));
    partners
}

/// Where a record's date may be read, by its status.
fn rule(status: Status) -> DateRule {
    if status == Status::Proposed {
        DateRule::Planned
    } else {
        DateRule::Done
    }
}

fn make(
    ctx: &Context<'_>,
    span: Range<usize>,
    status: Status,
    level: PartnershipLevel,
    partners: Vec<crate::records::Partner>,
    verb: usize,
    level_end: usize,
) -> Commitment {
    let mut c = super::record(ctx, CommitmentKind::RelationUpgrade, span);
    c.status = Some(status);
    c.level = Some(level);
    c.partners = partners;
    c.date = date_of(ctx, verb, level_end, rule(status));
    c
}

/// "Đối tác hợp tác chiến lược toàn diện, được xác lập nhân chuyến thăm …",
/// "quan hệ Đối tác chiến lược được thiết lập năm 2020": a level established
/// in the passive (at the establishing verb `verb`); the partner is named
/// earlier in the sentence or before.
fn passive_level(ctx: &Context<'_>, verb: &Range<usize>, counterpart: &Counterpart) -> Option<(Commitment, usize)> {
    let lower = &ctx.lower;
    let floor = super::text::floor_char(lower, verb.start.saturating_sub(80));
    let (p, ()) = CUES.upgrade_passive.ending_at(lower, floor, verb.end)?;
    let mut before = skip_back(lower, p.start, ",\"”");
    // "Đối tác toàn diện Việt Nam - Argentina được xác lập": the pair after the level.
    let mut partners = Vec::new();
    let (pair_start, pair) = super::list::list_before(ctx, floor, before);
    if pair_start < before && CUES.level.ending_at(lower, floor, before).is_none() {
        before = skip_back(lower, pair_start, "");
        partners = pair;
    }
    // "Đối tác toàn diện với Argentina, được thiết lập …", "… giữa hai nước được xác lập …":
    // the word that links the level to its partners.
    if let Some((link, ())) = CUES.level_link.ending_at(lower, floor, before) {
        before = skip_back(lower, link.start, "");
    }
    let (level_r, level) = CUES.level.ending_at(lower, floor, before)?;
    if partners.is_empty() {
        partners = partners_before(ctx, level_r.start, false, counterpart);
    }
    if partners.is_empty() {
        return None;
    }
    let mut c = make(ctx, level_r.start..p.end, Status::Upgraded, level, partners, level_r.start, p.end);
    c.date = date_of(ctx, level_r.start, p.end, DateRule::Passive);
    Some((c, p.end))
}

/// The last level told in sentence `si` before `pos`, or in the sentence
/// before it on the same line ("… có thêm 4 đối tác chiến lược toàn diện.
/// Trong đó, Indonesia và Singapore được nâng cấp …").
fn level_before(ctx: &Context<'_>, si: usize, pos: usize) -> Option<PartnershipLevel> {
    let sent = ctx.sentences.get(si)?;
    let here = CUES.level.find(&ctx.lower, sent.range.start..pos).into_iter().last().map(|(_, l)| l);
    here.or_else(|| {
        let prev = ctx.sentences.get(si.checked_sub(1)?)?;
        let same_line = ctx.text().get(prev.range.end..sent.range.start).is_some_and(|g| !g.contains('\n'));
        same_line.then(|| CUES.level.find(&ctx.lower, prev.range.clone()).into_iter().last().map(|(_, l)| l)).flatten()
    })
}

/// "Indonesia và Singapore (đều) được nâng cấp …" with no level of its own:
/// the partners right before the passive, the level told just before.
fn passive_partners(ctx: &Context<'_>, verb: &Range<usize>, level: Option<PartnershipLevel>) -> Vec<(Commitment, usize)> {
    let Some(level) = level else { return Vec::new() };
    let lower = &ctx.lower;
    let mut end = skip_back(lower, verb.start, "");
    for aux in ["được", "đều", "cũng"] {
        if lower.get(..end).is_some_and(|s| s.ends_with(aux)) && word_count(lower, end - aux.len()..end) == 1 {
            end = skip_back(lower, end - aux.len(), "");
        }
    }
    if !lower.get(end..verb.start).is_some_and(|g| g.contains("được")) {
        return Vec::new();
    }
    let floor = clause_start(ctx, verb.start);
    let (from, partners) = super::list::list_before(ctx, floor, end);
    let partners: Vec<_> = partners.into_iter().filter(|p| p.kind != crate::records::PartnerKind::Organization).collect();
    if partners.is_empty() {
        return Vec::new();
    }
    let mut c = make(ctx, from..verb.end, Status::Upgraded, level, partners, verb.start, verb.end);
    c.date = date_of(ctx, verb.start, verb.end, DateRule::Passive);
    vec![(c, verb.end)]
}

/// "Tổng Bí thư làm điều tương tự với Singapore": the upgrade told last
/// (`last`, within a paragraph's reach) for the partner named here.
fn same_as_before(ctx: &Context<'_>, sent: Range<usize>, last: Option<(usize, PartnershipLevel, Option<Status>)>) -> Vec<Commitment> {
    let lower = &ctx.lower;
    let mut out = Vec::new();
    let Some((at, level, status)) = last.filter(|(at, _, _)| at + 1500 >= sent.start) else { return out };
    for (cue, ()) in CUES.upgrade_same.find(lower, sent.clone()) {
        if at >= cue.start {
            continue;
        }
        let limit = clause_end(ctx, cue.start);
        let Some(list) = super::list::list_at(ctx, cue.end, limit, 0).filter(|l| !l.counted && !l.partners.is_empty()) else { continue };
        let from = clause_start(ctx, cue.start);
        let mut c = super::record(ctx, CommitmentKind::RelationUpgrade, from.max(sent.start)..list.range.end);
        c.status = status;
        c.level = Some(level);
        c.partners = list.partners;
        c.date = date_of(ctx, cue.start, list.range.end, DateRule::Done);
        out.push(c);
    }
    out
}
