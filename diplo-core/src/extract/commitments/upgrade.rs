//! Relations raised to a partnership level with a named partner: "nâng cấp
//! quan hệ (Việt Nam - Pháp | với Kazakhstan) lên Đối tác chiến lược toàn
//! diện (với X, Y và Z)", "thiết lập quan hệ Đối tác chiến lược".
//!
//! A count of upgrades ("nâng cấp quan hệ với 17 nước") or an existing level
//! ("có quan hệ Đối tác … với") is no record: the act and a named partner
//! are both needed.

use super::cues::CUES;
use super::list::{list_after_with, push_unique, subject_partners};
use super::text::{clause_start, floor_char, skip_back, word_count};
use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use crate::records::{Commitment, CommitmentKind, PartnerKind, Status};

/// The most words between the verb and "lên <level>" ("quan hệ Việt Nam -
/// Thái Lan").
const MAX_BRIDGE_WORDS: usize = 8;

/// Every relation upgrade with a named partner.
pub fn extract(ctx: &Context<'_>) -> Vec<Commitment> {
    let mut out = Vec::new();
    let lower = &ctx.lower;
    for sent in &ctx.sentences {
        for (verb, ()) in CUES.upgrade_verb.find(lower, sent.range.clone()) {
            let limit = super::text::clause_end(ctx, verb.start);
            // The level: the first one after the verb, within the clause, with
            // no comma before it (", nâng tổng số … từ Đối tác toàn diện" is not it).
            let Some((level_r, level)) = CUES.level.find(lower, verb.end..limit).into_iter().next() else { continue };
            let bridge = verb.end..level_r.start;
            let bridge_text = lower.get(bridge.clone()).unwrap_or(",");
            let establishes = lower.get(verb.clone()).is_some_and(|v| v.starts_with("thiết lập"));
            let before_level = skip_back(lower, level_r.start, "");
            let says_up = lower.get(..before_level).is_some_and(|s| s.ends_with(" lên") || s.ends_with(" thành"));
            if bridge_text.contains([',', ';', '(']) || word_count(lower, bridge.clone()) > MAX_BRIDGE_WORDS || !(says_up || establishes) {
                continue;
            }
            if bridge_text.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let mut partners = Vec::new();
            push_unique(&mut partners, find_partners(ctx.text(), bridge).into_iter().map(|h| h.partner));
            let mut end = level_r.end;
            match list_after_with(ctx, level_r.end, limit, 2) {
                Some(l) if l.counted => continue,
                Some(l) => {
                    push_unique(&mut partners, l.partners);
                    end = end.max(l.range.end);
                }
                None => {}
            }
            if partners.is_empty() {
                partners = subject_partners(ctx, clause_start(ctx, verb.start), verb.start);
            }
            partners.retain(|p| p.kind != PartnerKind::Organization);
            if partners.is_empty() {
                continue;
            }
            let proposal_floor = clause_start(ctx, verb.start).max(verb.start.saturating_sub(30));
            let proposed = CUES
                .upgrade_proposal
                .find(lower, floor_char(lower, proposal_floor)..verb.start)
                .last()
                .is_some_and(|(r, _)| word_count(lower, r.end..verb.start) <= 2);
            let mut c = super::record(ctx, CommitmentKind::RelationUpgrade, verb.start..end);
            c.status = Some(if proposed { Status::Proposed } else { Status::Upgraded });
            c.level = Some(level);
            c.partners = partners;
            out.push(c);
        }
    }
    out
}
