//! Signing lists: the documents signed or exchanged at one ceremony, told
//! as numbered or bulleted lines after a lead ("… đã trao đổi 14 văn kiện
//! hợp tác, trong đó có:" ⏎ "1. Bản ghi nhớ giữa Bộ … và Bộ …;"), or run in
//! after "gồm:", "trong đó có" and split by ';'. Each item is an agreement,
//! signed; the count in the lead is a metric only.
//!
//! Items give named mentions ([`super::named`]) their status and, when the
//! item names no partner ("Bản ghi nhớ giữa Đài Tiếng nói Việt Nam và
//! Prasar Bharati"), the partner of the lead (its named partner, "hai
//! nước", or the article's counterpart). Items that no named mention
//! covers ("Kế hoạch hợp tác song phương năm 2024 …") become records here.

use super::cues::{Hits, CUES};
use super::known::KNOWN;
use super::list::push_unique;
use super::party::{both_sides, Counterpart};
use super::text::{skip_fwd, words};
use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use crate::records::{Commitment, CommitmentKind, Partner, PartnerKind, Status};
use crate::structure::LineRole;
use std::ops::Range;

/// The most items one list may have (a bound on the lines read after a lead).
const MAX_ITEMS: usize = 40;

/// One item of a signing list.
#[derive(Debug, Clone)]
pub struct Item {
    /// The item's text, without its number or bullet and final ';' or '.'.
    pub range: Range<usize>,
    /// The item's own partners, else the lead's.
    pub partners: Vec<Partner>,
}

/// The signing lists of a document: their items in document order, and
/// the lead sentences (whose document noun is a count, not an agreement).
pub struct Lists {
    pub items: Vec<Item>,
    pub leads: Vec<Range<usize>>,
}

impl Lists {
    /// The item holding `pos`, if any (binary search).
    pub fn item_at(&self, pos: usize) -> Option<&Item> {
        let i = self.items.partition_point(|it| it.range.end <= pos);
        self.items.get(i).filter(|it| it.range.start <= pos)
    }

    pub fn in_lead(&self, pos: usize) -> bool {
        let i = self.leads.partition_point(|l| l.end <= pos);
        self.leads.get(i).is_some_and(|l| l.start <= pos)
    }
}


/// Every signing list of the document.
pub fn lists(ctx: &Context<'_>, counterpart: &Counterpart) -> Lists {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let mut out = Lists { items: Vec::new(), leads: Vec::new() };
    let lines = &ctx.structure.lines;
    let mut prev_signing: Option<Range<usize>> = None;
    let nouns = Hits::of(&CUES.document_noun, lower);
    let verbs = Hits::of(&CUES.signing_verb, lower);
    for sent in &ctx.sentences {
        let r = sent.range.clone();
        // A sentence that tells a signing of documents: a signing verb and a document noun.
        let signing = nouns.any_within(r.clone()) && verbs.any_within(r.clone());
        let follows = prev_signing.is_some() && lower.get(r.clone()).is_some_and(|s| s.starts_with("trong đó"));
        if !signing && !follows {
            prev_signing = None;
            continue;
        }
        let body = text.get(r.clone()).unwrap_or("").trim_end();
        // Lines after a lead that ends with ':'.
        if signing && body.ends_with(':') {
            let li = lines.partition_point(|l| l.range.end <= r.start);
            let lead_partners = lead_partners(ctx, r.clone(), counterpart);
            let mut items = Vec::new();
            for line in lines.iter().skip(li + 1).take(MAX_ITEMS) {
                if line.role != LineRole::Body {
                    break;
                }
                let Some(item) = bullet_item(text, &line.range) else { break };
                items.push(item);
            }
            let n = items.len();
            push_items(ctx, &mut out.items, items, &lead_partners);
            if n > 0 {
                out.leads.push(r);
                prev_signing = None;
                continue;
            }
        }
        // Run-in items after "gồm:", "trong đó có", in the lead itself or in
        // the sentence right after it ("… ký kết 6 biên bản ghi nhớ. Trong đó có …").
        let marker = CUES.list_lead.find(lower, r.clone()).into_iter().next().map(|(m, _)| m.end).or_else(|| body.find(':').map(|p| r.start + p + 1));
        if let Some(at) = marker.filter(|_| signing || follows) {
            let lead = if signing { r.clone() } else { prev_signing.clone().unwrap_or(r.clone()) };
            let lead_partners = lead_partners(ctx, lead, counterpart);
            let items = run_in_items(ctx, at, r.end);
            if !items.is_empty() {
                push_items(ctx, &mut out.items, items, &lead_partners);
                out.leads.push(r.start..at);
            }
        }
        prev_signing = signing.then(|| r.clone());
    }
    out.items.sort_by_key(|it| it.range.start);
    out.leads.sort_by_key(|l| l.start);
    out
}

/// "1. Bản ghi nhớ …;", "- Thỏa thuận khung …;", "• …": the item after its
/// number or bullet, or `None` for a line that is not one.
fn bullet_item(text: &str, line: &Range<usize>) -> Option<Range<usize>> {
    let s = text.get(line.clone())?;
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = s.get(digits..)?;
    let after = if digits > 0 && digits <= 2 && rest.starts_with(['.', ')']) {
        digits + 1
    } else if !rest.is_empty() && digits == 0 && s.starts_with(['-', '•', '+', '*', '–']) {
        s.chars().next().map_or(1, char::len_utf8)
    } else {
        return None;
    };
    let start = skip_fwd(text, line.start + after, "");
    let end = trim_item_end(text, start, line.end);
    (end > start).then_some(start..end)
}

/// The end of an item without its final ';', '.' or ','.
fn trim_item_end(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end).map_or(start, |s| start + s.trim_end_matches(|c: char| c.is_whitespace() || ";.,".contains(c)).len())
}

/// The ';'-separated items from `at` to the sentence end, each starting
/// with a document word ("Bản ghi nhớ …", "biên bản ghi nhớ giữa …").
fn run_in_items(ctx: &Context<'_>, at: usize, end: usize) -> Vec<Range<usize>> {
    let text = ctx.text();
    let mut out = Vec::new();
    let Some(seg_text) = text.get(at..end) else { return out };
    let mut pos = at;
    for part in seg_text.split(';').take(MAX_ITEMS) {
        let start = skip_fwd(text, pos, " ,:");
        let stop = trim_item_end(text, start, pos + part.len());
        pos += part.len() + 1;
        let opens = CUES.item_head.starting_at(&ctx.lower, start, stop).is_some();
        if stop > start && opens && words(text, start..stop).len() >= 3 {
            out.push(start..stop);
        }
    }
    out
}

/// The partner the lead names ("… với Lào", "các bộ, ngành hai nước"), or
/// the article's counterpart.
fn lead_partners(ctx: &Context<'_>, lead: Range<usize>, counterpart: &Counterpart) -> Vec<Partner> {
    let mut out = Vec::new();
    push_unique(&mut out, find_partners(ctx.text(), lead.clone()).into_iter().map(|h| h.partner).filter(is_party));
    if out.is_empty() {
        out = match CUES.both_sides.find(&ctx.lower, lead.clone()).into_iter().next() {
            Some((r, ())) => both_sides(ctx, r.start, counterpart),
            None => counterpart.get(ctx).into_iter().collect(),
        };
    }
    out
}

fn is_party(p: &Partner) -> bool {
    p.kind != PartnerKind::Organization && !KNOWN.is_agreement_code(&p.code)
}

/// The items of one list, each with the partners it names itself, else the
/// lead's, else the partner the list's other items name most.
fn push_items(ctx: &Context<'_>, out: &mut Vec<Item>, items: Vec<Range<usize>>, lead: &[Partner]) {
    let own: Vec<Vec<Partner>> = items
        .iter()
        .map(|r| {
            let mut p = Vec::new();
            push_unique(&mut p, find_partners(ctx.text(), r.clone()).into_iter().map(|h| h.partner).filter(is_party));
            p
        })
        .collect();
    let fallback: Vec<Partner> = if lead.is_empty() {
        let mut counts: Vec<(&Partner, usize)> = Vec::new();
        for p in own.iter().flatten() {
            match counts.iter_mut().find(|(q, _)| q.code == p.code) {
                Some(c) => c.1 += 1,
                None => counts.push((p, 1)),
            }
        }
        counts.iter().max_by_key(|(_, n)| *n).map(|(p, _)| (*p).clone()).into_iter().collect()
    } else {
        lead.to_vec()
    };
    for (range, partners) in items.into_iter().zip(own) {
        let partners = if partners.is_empty() { fallback.clone() } else { partners };
        out.push(Item { range, partners });
    }
}

/// Records for the items no other mention covers (`taken`, in document order).
pub fn records(ctx: &Context<'_>, lists: &Lists, taken: &[Range<usize>]) -> Vec<Commitment> {
    let mut out = Vec::new();
    for item in &lists.items {
        let first = taken.partition_point(|s| s.end <= item.range.start);
        if taken.get(first).is_some_and(|t| t.start < item.range.end) {
            continue;
        }
        let mut c = super::record(ctx, CommitmentKind::Agreement, item.range.clone());
        c.name = ctx.text().get(item.range.clone()).map(str::to_string);
        c.status = Some(Status::Signed);
        c.partners = item.partners.clone();
        out.push(c);
    }
    out
}
