//! Partners a commitment gets from its context rather than from its own
//! words: "hai bên"/"hai nước" (the two sides named nearby), the parties a
//! clause names around a multilateral FTA ("Anh trở thành thành viên thứ 12
//! của CPTPP"), and the article's counterpart (the foreign partner an
//! article about a visit or a signing is about).

use super::cues::CUES;
use super::known::KNOWN;
use super::list::push_unique;
use super::text::{ceil_char, clause_end, clause_start, sentence_at, CLAUSE_WINDOW};
use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use crate::records::{Partner, PartnerKind};
use std::cell::OnceCell;
use std::ops::Range;

/// The article's counterpart, computed once per document when first asked.
#[derive(Default)]
pub struct Counterpart(OnceCell<Option<Partner>>);

impl Counterpart {
    /// The foreign country or bloc the article names most (at least twice,
    /// or once in the title), Việt Nam and organisations aside.
    pub fn get(&self, ctx: &Context<'_>) -> Option<Partner> {
        self.0.get_or_init(|| most_named(ctx)).clone()
    }
}

fn most_named(ctx: &Context<'_>) -> Option<Partner> {
    let mut counts: Vec<(Partner, usize, bool)> = Vec::new();
    let title = ctx.structure.title.clone();
    for line in ctx.structure.lines.iter().filter(|l| l.role.source().is_some()) {
        for h in find_partners(ctx.text(), line.range.clone()) {
            let p = h.partner;
            if p.code == "VN" || p.kind == PartnerKind::Organization || KNOWN.is_agreement_code(&p.code) {
                continue;
            }
            let in_title = title.as_ref().is_some_and(|t| t.start <= h.range.start && h.range.end <= t.end);
            match counts.iter_mut().find(|(q, _, _)| q.code == p.code) {
                Some(c) => {
                    c.1 += 1;
                    c.2 |= in_title;
                }
                None => counts.push((p, 1, in_title)),
            }
        }
    }
    // Ties go to the partner named first.
    let best = counts.iter().enumerate().max_by_key(|(i, (_, n, t))| (*n + usize::from(*t), std::cmp::Reverse(*i)))?.1;
    (best.1 >= 2 || best.2).then(|| best.0.clone())
}

/// The partners "hai bên"/"hai nước" at `pos` refers to: those named
/// earlier in its sentence, else in the sentence before, else the
/// article's counterpart.
pub fn both_sides(ctx: &Context<'_>, pos: usize, counterpart: &Counterpart) -> Vec<Partner> {
    let mut out = Vec::new();
    let Some((i, sent)) = sentence_at(ctx, pos) else { return out };
    let from = sent.start.max(ceil_char(ctx.text(), pos.saturating_sub(CLAUSE_WINDOW)));
    let mut hits: Vec<_> = find_partners(ctx.text(), from..pos).into_iter().filter(|h| !is_setting(ctx, &h.range)).collect();
    if !hits.iter().any(|h| is_party(&h.partner)) {
        if let Some(prev) = i.checked_sub(1).and_then(|j| ctx.sentences.get(j)) {
            let tail = prev.range.start.max(ceil_char(ctx.text(), prev.range.end.saturating_sub(CLAUSE_WINDOW)));
            hits = find_partners(ctx.text(), tail..prev.range.end).into_iter().filter(|h| !is_setting(ctx, &h.range)).collect();
        }
    }
    let home = hits.iter().any(|h| h.partner.code == "VN");
    push_unique(&mut out, hits.into_iter().map(|h| h.partner).filter(is_party));
    if out.is_empty() {
        push_unique(&mut out, counterpart.get(ctx));
    }
    // Else the partner named later in the same sentence ("Quan hệ giữa hai
    // nước được nâng lên … trong chuyến thăm của Tổng thống Hàn Quốc").
    if out.is_empty() {
        let to = sent.end.min(ceil_char(ctx.text(), pos + CLAUSE_WINDOW));
        let later = find_partners(ctx.text(), pos..to).into_iter().filter(|h| !is_setting(ctx, &h.range));
        push_unique(&mut out, later.map(|h| h.partner).filter(is_party));
    }
    // With Việt Nam named, "hai nước" is Việt Nam and one partner: the
    // article's counterpart when it is among those found, else the one
    // named last. Without it ("Sudan và Nam Sudan … hai nước") both stay.
    if out.len() > 1 && home {
        let pick = counterpart.get(ctx).filter(|c| out.iter().any(|p| p.code == c.code)).or_else(|| out.last().cloned());
        out = pick.into_iter().collect();
    }
    out
}

/// Is the partner at `r` only where or at what something happened ("tại
/// Viêng Chăn (Lào)", "Hội nghị Cấp cao ASEAN"), not a side?
fn is_setting(ctx: &Context<'_>, r: &Range<usize>) -> bool {
    let lower = &ctx.lower;
    let from = super::text::floor_char(lower, r.start.saturating_sub(48));
    let before = lower.get(from..r.start).unwrap_or("");
    let near = before.rsplit(',').next().unwrap_or("");
    before.trim_end().ends_with('(')
        || near.split_whitespace().rev().take(2).any(|w| w == "tại" || w == "ở")
        || CUES.event_word.any_in(lower, from + (before.len() - near.len())..r.start)
}

/// A partner that can be a party: a country or bloc, not an agreement
/// (CPTPP) nor an organisation hosting the talk (WTO, UN …).
fn is_party(p: &Partner) -> bool {
    p.kind != PartnerKind::Organization && !KNOWN.is_agreement_code(&p.code)
}

/// The parties a clause names around `span` (a multilateral FTA's
/// mention), outside the `others` spans (other agreements' own titles):
/// named partners, or "hai bên"/"hai nước" resolved.
pub fn clause_parties(ctx: &Context<'_>, span: &Range<usize>, others: &[Range<usize>], counterpart: &Counterpart) -> Vec<Partner> {
    let from = clause_start(ctx, span.start);
    let to = clause_end(ctx, span.end.saturating_sub(1).max(span.start));
    let inside = |r: &Range<usize>, o: &Range<usize>| o.start <= r.start && r.end <= o.end;
    let outside = |r: &Range<usize>| !(inside(r, span) || others.iter().any(|o| inside(r, o)));
    let mut out = Vec::new();
    push_unique(&mut out, find_partners(ctx.text(), from..to).into_iter().filter(|h| outside(&h.range)).map(|h| h.partner).filter(is_party));
    if out.is_empty() {
        if let Some((r, ())) = CUES.both_sides.find(&ctx.lower, from..to).into_iter().next() {
            out = both_sides(ctx, r.start, counterpart);
        }
    }
    out
}
