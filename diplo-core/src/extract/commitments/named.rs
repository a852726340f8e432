//! Agreements and FTAs mentioned by name: titles ("Hiệp định Thương mại tự
//! do Việt Nam - Chile (VCFTA)", "Bản ghi nhớ về hợp tác lao động", "Tuyên
//! bố chung Việt Nam - Pháp"), known long names ("Hiệp định Đối tác Toàn
//! diện và Tiến bộ xuyên Thái Bình Dương") and acronyms ("EVFTA", "ACFTA
//! 3.0", "sớm phê chuẩn EVIPA").
//!
//! A name that is a free-trade agreement (an FTA acronym, or "thương mại
//! tự do", "mậu dịch tự do", "đối tác kinh tế" in its title) is an `fta`,
//! never an `agreement`. Every mention is a record, with or without a
//! status; a bare head ("Hiệp định này") names nothing. Mentions listed
//! together ("đang được thực thi như CPTPP, EVFTA hay UKVFTA") share the
//! status said before or after the list.

use super::cues::{Hits, CUES};
use super::known::{Hit, KNOWN};
use super::list::{list_after_with, push_unique, status_after, status_before, subject_partners};
use super::party::{clause_parties, Counterpart};
use super::signing::Lists;
use super::text::{clause_end, clause_start, is_capitalised, skip_fwd, words};
use super::title::{name_end, parties_between, title_partners};
use crate::extract::Context;
use crate::records::{Commitment, CommitmentKind, Partner, Status};
use std::ops::Range;

/// The heads, known names and acronyms of the whole document, found once.
struct Found {
    heads: Hits<(bool, bool)>,
    names: Vec<Hit>,
    acronyms: Vec<Hit>,
}

/// The known-agreement hits inside `r` (hits are in document order).
fn hits_within<'h>(hits: &'h [Hit], r: &Range<usize>) -> &'h [Hit] {
    let i = hits.partition_point(|h| h.range.start < r.start);
    let j = hits.partition_point(|h| h.range.start < r.end);
    hits.get(i..j.max(i)).unwrap_or(&[])
}

fn any_hit(hits: &[Hit], r: &Range<usize>) -> bool {
    !hits_within(hits, r).is_empty()
}

/// One named mention before its record is made.
struct Mention {
    /// The title (or acronym) itself.
    name: Range<usize>,
    /// Where the head word starts when the mention is a title.
    head: Option<Range<usize>>,
    /// Known agreements inside the name.
    known: Vec<Hit>,
    /// A partner list or party segment that belongs to the mention.
    parties: Vec<Partner>,
    /// The end of the text the mention uses (its partner list included).
    end: usize,
    fta: bool,
    status: Option<Status>,
    /// The status cue before the mention, for the subject's partners.
    cue: Option<Range<usize>>,
}

/// Every named agreement and FTA, and the spans they use. `taken` holds
/// the spans read already (generic FTAs), in document order.
pub fn extract(ctx: &Context<'_>, taken: &[Range<usize>], counterpart: &Counterpart, lists: &Lists) -> (Vec<Commitment>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut spans = Vec::new();
    let found = Found {
        heads: Hits::of(&CUES.any_agreement_head, &ctx.lower),
        names: KNOWN.names_in(&ctx.lower, 0..ctx.lower.len()),
        acronyms: KNOWN.acronyms_in(ctx.text(), 0..ctx.text().len()),
    };
    for sent in &ctx.sentences {
        let r = sent.range.clone();
        if !found.heads.any_within(r.clone()) && !any_hit(&found.names, &r) && !any_hit(&found.acronyms, &r) {
            continue;
        }
        let first = taken.partition_point(|s| s.end <= r.start);
        let mut busy: Vec<Range<usize>> = taken.iter().skip(first).take_while(|s| s.start < r.end).cloned().collect();
        let mut mentions = mentions_in(ctx, r, &mut busy, &found);
        if mentions.is_empty() {
            continue;
        }
        mentions.sort_by_key(|m| m.name.start);
        share_list_status(ctx, &mut mentions);
        let names: Vec<Range<usize>> = mentions.iter().map(|m| m.name.clone()).collect();
        for m in mentions {
            if let Some(c) = record(ctx, m, &names, counterpart, lists) {
                spans.push(c.1);
                out.push(c.0);
            }
        }
    }
    spans.sort_by_key(|s| s.start);
    (out, spans)
}

fn overlaps(busy: &[Range<usize>], r: &Range<usize>) -> bool {
    busy.iter().any(|t| t.start < r.end && r.start < t.end)
}

/// The titled, known and acronym mentions of one sentence, each once.
fn mentions_in(ctx: &Context<'_>, r: Range<usize>, busy: &mut Vec<Range<usize>>, found: &Found) -> Vec<Mention> {
    let text = ctx.text();
    let mut out = Vec::new();
    let heads = found.heads.within(r.clone()).iter().filter(|(h, (upper, lower))| if is_capitalised(text, h) { *upper } else { *lower });
    for (head, _) in heads {
        if overlaps(busy, head) {
            continue;
        }
        if let Some(m) = titled(ctx, head) {
            busy.push(m.name.start..m.end);
            out.push(m);
        }
    }
    for hit in hits_within(&found.names, &r).iter().cloned() {
        if overlaps(busy, &hit.range) {
            continue;
        }
        let end = with_gloss(ctx, hit.range.end, r.end);
        let m = plain(ctx, hit.range.start..end, vec![hit]);
        busy.push(m.name.clone());
        out.push(m);
    }
    for hit in hits_within(&found.acronyms, &r).iter().cloned() {
        if overlaps(busy, &hit.range) {
            continue;
        }
        let m = plain(ctx, hit.range.clone(), vec![hit]);
        busy.push(m.name.clone());
        out.push(m);
    }
    out
}

/// A known name or acronym, with its own status.
fn plain(ctx: &Context<'_>, name: Range<usize>, known: Vec<Hit>) -> Mention {
    let fta = known.iter().any(|h| KNOWN.get(h).is_some_and(|k| k.fta));
    let limit = clause_end(ctx, name.start);
    let mut parties = Vec::new();
    let mut end = name.end;
    if let Some(l) = list_after_with(ctx, name.end, limit, 4).filter(|l| !l.counted && !l.only_home) {
        parties = l.partners;
        end = l.range.end;
    }
    let (cue, status) = governing_status(ctx, name.start, end, 3);
    Mention { end, head: None, known, parties, fta, status, cue, name }
}

/// "(AANZFTA)" right after a long name: part of the mention.
fn with_gloss(ctx: &Context<'_>, end: usize, limit: usize) -> usize {
    let text = ctx.text();
    let at = skip_fwd(text, end, "\"”'");
    if !text.get(at..limit).is_some_and(|s| s.starts_with('(')) {
        return end;
    }
    match text.get(at..limit).and_then(|s| s.find(')')) {
        Some(c) if super::title::is_acronym(text.get(at + 1..at + c).unwrap_or("")) => at + c + 1,
        _ => end,
    }
}

/// A title at `head`: its extent, the parties between "giữa" and "về",
/// and whether it names anything at all.
fn titled(ctx: &Context<'_>, head: &Range<usize>) -> Option<Mention> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let limit = clause_end(ctx, head.start);
    // "Bản ghi nhớ giữa A và B về …", and "Bản ghi nhớ hợp tác giữa A và B về …" with a
    // few words of the title before "giữa".
    let between = parties_between(ctx, head.end, limit).or_else(|| {
        let e = name_end(ctx, head.end, limit);
        (e > head.end && super::text::word_count(lower, head.end..e) <= 3).then(|| parties_between(ctx, e, limit)).flatten()
    });
    let end = match &between {
        Some((seg_end, _)) => name_end(ctx, *seg_end, limit).max(*seg_end),
        None => name_end(ctx, head.end, limit),
    };
    // A known long name runs past where a title would stop ("Hiệp định Đối tác toàn diện và
    // tiến bộ xuyên Thái Bình Dương", its "và" in lower case).
    let known_end = KNOWN.names_in(lower, head.start..limit).into_iter().filter(|h| h.range.start == head.start).map(|h| super::fta::gloss_end(ctx, h.range.end)).max();
    let name = head.start..end.max(head.end).max(known_end.unwrap_or(0));
    let known: Vec<Hit> = KNOWN.acronyms_in(text, name.clone()).into_iter().chain(KNOWN.names_in(lower, name.clone())).collect();
    let fta = known.iter().any(|h| KNOWN.get(h).is_some_and(|k| k.fta)) || CUES.fta_marker.any_in(lower, name.clone());
    // What makes a title a name: a capitalised word or "về …" after the
    // head, a head that is a name by itself ("Tuyên bố chung"), parties, or
    // a known agreement inside.
    let rest = head.end..name.end;
    let named_words = words(text, rest.clone()).iter().any(|w| is_capitalised(text, w))
        || lower.get(rest.clone()).is_some_and(|s| s.trim_start().starts_with("về "))
        || CUES.agreement_named_head.starting_at(lower, head.start, head.end).is_some_and(|(h, _)| h.end == head.end);
    let lower_head = !is_capitalised(text, head);
    // A weak head ("Biên bản") names an agreement only before a capitalised
    // word and under a signing ("ký Biên bản Kỳ họp lần thứ 12 …").
    let weak = CUES.weak_agreement_head.starting_at(lower, head.start, head.end).is_some_and(|(h, _)| h.end == head.end);
    let next_cap = words(text, head.end..name.end).first().is_some_and(|w| is_capitalised(text, w));
    // The status may follow the parties ("… (CEPA) giữa Việt Nam và UAE đã
    // được ký kết", "Hiệp định UKVFTA với Vương quốc Anh, có hiệu lực …").
    let with_list = list_after_with(ctx, name.end, limit, 4).filter(|l| !l.counted && !l.only_home).map_or(name.end, |l| l.range.end);
    let tail = between.as_ref().map_or(with_list, |_| with_list.max(name.end));
    let (cue, status) = governing_status(ctx, head.start, tail, if lower_head { 0 } else { 3 });
    // A lower-case title ("Hiệp định tránh đánh thuế hai lần") names an
    // agreement when a status verb governs it.
    let governed = cue.is_some() && name.end > head.end;
    // "Hiệp định bảo hộ đầu tư giữa Việt Nam và Liên minh châu Âu": a title
    // whose parties follow it.
    let listed = name.end > head.end && with_list > name.end;
    if (lower_head && between.is_none() && !lower.get(rest).is_some_and(|s| s.trim_start().starts_with("về ")))
        || (!named_words && between.is_none() && known.is_empty() && !fta && !governed && !listed)
        || (weak && !(next_cap && governed))
    {
        return None;
    }
    let mut parties = between.map(|(_, p)| p).unwrap_or_default();
    let mut end = name.end;
    if let Some(l) = list_after_with(ctx, name.end, limit, 4).filter(|l| !l.counted && !l.only_home) {
        push_unique(&mut parties, l.partners);
        end = end.max(l.range.end);
    } else if parties.is_empty() {
        // "Bản ghi nhớ về … trong lĩnh vực … giữa Bộ Quốc phòng nước … Việt Nam
        // và Bộ Quốc phòng nước … Trung Hoa": the parties after the title.
        parties = parties_later(ctx, name.end, limit);
    }
    Some(Mention { name, head: Some(head.clone()), known, parties, end, fta, status, cue })
}

/// The parties of a "giữa A và B" a few words after a title, in its clause.
fn parties_later(ctx: &Context<'_>, from: usize, limit: usize) -> Vec<Partner> {
    let lower = &ctx.lower;
    let window = super::text::ceil_char(lower, limit.min(from + 80));
    let Some(at) = lower.get(from..window).and_then(|s| s.find(" giữa ")).map(|p| from + p + 1) else { return Vec::new() };
    if lower.get(from..at).is_some_and(|g| g.contains([',', ';', '('])) {
        return Vec::new();
    }
    let end = lower.get(at..limit).and_then(|s| s.find([',', ';'])).map_or(limit, |p| at + p);
    let mut out = Vec::new();
    push_unique(&mut out, crate::lexicon::partners::find_partners(ctx.text(), at..end).into_iter().map(|h| h.partner));
    out
}

/// Status from the verb before the mention, or a status said right after
/// it; a signing said in the future ("sẽ ký", "dự kiến thông qua") is only
/// proposed.
fn governing_status(ctx: &Context<'_>, head: usize, tail: usize, max_gap: usize) -> (Option<Range<usize>>, Option<Status>) {
    let before = status_before(ctx, head, max_gap);
    let after = status_after(ctx, skip_fwd(ctx.text(), tail, "),"), clause_end(ctx, head)).map(|(_, s)| s).or_else(|| late_passive(ctx, tail));
    // "12 hiệp định có hiệu lực, EVFTA đã ký và chờ phê chuẩn": a cue set off by a comma
    // yields to the mention's own status right after it.
    let before_apart = before.as_ref().is_some_and(|(r, _)| ctx.lower.get(r.end..head).is_some_and(|g| g.contains(',')));
    let mut status = match (&before, after) {
        (_, Some(Status::InForce)) => Some(Status::InForce),
        (Some(_), Some(s)) if before_apart => Some(s),
        (Some((_, s)), _) => Some(*s),
        (None, s) => s,
    };
    if let (Some((cue, Status::Signed)), Some(Status::Signed)) = (&before, status) {
        let from = super::text::floor_char(&ctx.lower, cue.start.saturating_sub(24));
        if CUES.future.ending_at(&ctx.lower, from, super::text::skip_back(&ctx.lower, cue.start, "")).is_some() {
            status = Some(Status::Proposed);
        }
    }
    (before.map(|(r, _)| r), status)
}

/// A passive a few words after the mention: "(EVIPA) đến nay mới được
/// 10/27 nước thành viên EU phê chuẩn".
pub(super) fn late_passive(ctx: &Context<'_>, tail: usize) -> Option<Status> {
    let lower = &ctx.lower;
    let limit = clause_end(ctx, tail.saturating_sub(1)).min(super::text::ceil_char(lower, tail + 160));
    let (cue, status) = CUES.status.find(lower, tail..limit).into_iter().next()?;
    // A cue that carries its own passive ("được ký kết") reads with it.
    let passive_cue = lower.get(cue.clone()).is_some_and(|c| c.starts_with("được "));
    let gap = lower.get(tail..cue.start + if passive_cue { "được".len() } else { 0 })?;
    // "… được 10/27 nước … phê chuẩn", "… vẫn chờ 10 nước thành viên phê chuẩn".
    let passive = gap.split_whitespace().any(|w| w == "được" || w == "chờ");
    let words = super::text::word_count(lower, tail..tail + gap.len());
    // "… được 10/27 nước thành viên EU phê chuẩn"; across the rest of a long
    // title only when the verb is a passive of it ("…, đẩy mạnh … được ra").
    let adjacent_passive = gap.trim_end().ends_with(" được") && words <= 20 && !gap.contains([';', '(']);
    let short = passive && !gap.contains([',', ';', '(']) && words <= 10;
    // "… được hai bên chính thức khởi động đàm phán": a launch told in the passive happened.
    let launched = status == Status::Proposed && passive && lower.get(cue.clone()).is_some_and(|c| c.starts_with("khởi động"));
    // "… sẽ được ký kết trong năm nay": a plan, not a signing.
    if gap.split_whitespace().any(|w| w == "sẽ") || CUES.future.any_in(lower, tail..cue.start) {
        return None;
    }
    let status = if launched { Status::Negotiating } else { status };
    ((short || adjacent_passive) && !CUES.agreement_head.any_in(lower, tail..cue.start)).then_some(status)
}

/// Mentions listed together ("như CPTPP, EVFTA hay UKVFTA"; "AKFTA và RCEP,
/// hai hiệp định cũng đã có hiệu lực") share a status said before the
/// first or after the last when they have none of their own.
fn share_list_status(ctx: &Context<'_>, mentions: &mut [Mention]) {
    let mut i = 0;
    while i < mentions.len() {
        let mut j = i;
        while j + 1 < mentions.len() && is_list_glue(ctx, mentions[j].end..mentions[j + 1].name.start) {
            j += 1;
        }
        if j > i {
            let first = mentions[i].name.start;
            let last = mentions[j].end;
            let before = status_before(ctx, first, 8).map(|(_, s)| s);
            let after = shared_status_after(ctx, last);
            if let Some(s) = after.or(before) {
                for m in mentions.iter_mut().take(j + 1).skip(i) {
                    if m.status.is_none() {
                        m.status = Some(s);
                    }
                }
            }
        }
        i = j + 1;
    }
}

/// Is the gap between two mentions list glue (", ", " và ", " hay ",
/// " cùng ", ", cũng như ")?
fn is_list_glue(ctx: &Context<'_>, gap: Range<usize>) -> bool {
    let Some(s) = ctx.lower.get(gap) else { return false };
    let s = s.trim_matches(|c: char| c == ' ' || c == ',' || c == ')');
    s.is_empty() || ["và", "hay", "hoặc", "cùng", "cùng với", "cũng như", "và cả"].contains(&s)
}

/// A status after a list, possibly across an anaphoric apposition (",
/// hai hiệp định cũng đã có hiệu lực", ", các FTA này đều đang thực thi").
fn shared_status_after(ctx: &Context<'_>, end: usize) -> Option<Status> {
    let lower = &ctx.lower;
    let limit = clause_end(ctx, end.saturating_sub(1));
    let mut pos = skip_fwd(lower, end, ",");
    for w in ["hai", "ba", "các", "những", "cả"] {
        if super::list::word_is(ctx, pos, &[w]) {
            pos = skip_fwd(lower, pos + w.len(), "");
            for noun in ["hiệp định", "fta"] {
                if super::list::word_is(ctx, pos, &[noun]) {
                    pos = skip_fwd(lower, pos + noun.len(), "");
                }
            }
        }
    }
    for w in ["này", "trên", "cũng", "đều", "đã", "đang"] {
        if super::list::word_is(ctx, pos, &[w]) && CUES.status_after.starting_at(lower, pos, limit).is_none() {
            pos = skip_fwd(lower, pos + w.len(), "");
        }
    }
    status_after(ctx, pos, limit).map(|(_, s)| s)
}

/// The record of one mention, and the span it used.
fn record(ctx: &Context<'_>, mut m: Mention, names: &[Range<usize>], counterpart: &Counterpart, lists: &Lists) -> Option<(Commitment, Range<usize>)> {
    let mut partners = m.parties.clone();
    // An item of a signing list is signed, with the list's partner.
    if let Some(item) = lists.item_at(m.name.start) {
        m.status = m.status.or(Some(Status::Signed));
        if !m.known.iter().any(|h| KNOWN.get(h).is_some_and(|k| !k.partners.is_empty())) {
            push_unique(&mut partners, item.partners.clone());
        }
    }
    push_unique(&mut partners, title_partners(ctx, m.name.clone()));
    let own_parties = m.known.iter().any(|h| KNOWN.get(h).is_some_and(|k| !k.partners.is_empty()));
    if partners.is_empty() && !own_parties {
        if let Some(cue) = &m.cue {
            partners = subject_partners(ctx, clause_start(ctx, m.name.start), cue.start, counterpart);
        }
        if partners.is_empty() && (m.fta || m.status.is_some()) {
            let others: Vec<Range<usize>> = names.iter().filter(|n| **n != m.name).cloned().collect();
            partners = clause_parties(ctx, &m.name, &others, counterpart);
        }
    }
    partners.retain(|p| !KNOWN.is_agreement_code(&p.code));
    // A generic FTA title ("các Hiệp định thương mại tự do") with nothing
    // named is no record.
    if m.fta && m.known.is_empty() && partners.is_empty() {
        return None;
    }
    let kind = if m.fta { CommitmentKind::Fta } else { CommitmentKind::Agreement };
    let start = m.head.as_ref().map_or(m.name.start, |h| h.start);
    let mut c = super::record(ctx, kind, start..m.end);
    c.name = ctx.text().get(m.name.clone()).map(str::to_string);
    c.status = m.status;
    c.partners = partners;
    Some((c, m.name.start..m.end))
}
