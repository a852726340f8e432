//! Where an agreement's title ends, and the parties it names: "Bản ghi nhớ
//! giữa Bộ Công Thương Việt Nam và Bộ Thương mại Ấn Độ về …", "Hiệp định
//! Thương mại tự do Việt Nam - EU (EVFTA)", "Công ước của Liên Hợp Quốc về …".

use super::cues::CUES;
use super::known::KNOWN;
use super::list::push_unique;
use super::text::{is_capitalised, skip_fwd, words};
use crate::extract::Context;
use crate::lexicon::partners::{by_code, find_partners};
use crate::records::Partner;
use std::ops::Range;

/// The most words a title may have.
const MAX_NAME_WORDS: usize = 18;

/// Where a title that starts at `from` ends: at a stop word, a clause
/// mark, or after an acronym in parentheses ("… đầu tư (EVIPA)", "(ACFTA
/// 3.0)").
pub fn name_end(ctx: &Context<'_>, from: usize, limit: usize) -> usize {
    let text = ctx.text();
    let mut end = from;
    for (n, w) in words(text, from..limit).into_iter().enumerate() {
        let gap = text.get(end..w.start).unwrap_or(",");
        // "ACFTA 3.0": a dot between digits is part of the name.
        let version = gap == "." && text.get(..end).is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()))
            && text.get(w.clone()).is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit()));
        if n >= MAX_NAME_WORDS || (!version && gap.contains([',', ';', '.', ':', '"', ')', '|'])) || stops_name(ctx, &w, limit) {
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

/// "EVIPA", "VN-EAEU FTA", "ACFTA 3.0": upper-case letters and digits.
pub fn is_acronym(s: &str) -> bool {
    (2..=16).contains(&s.len())
        && s.chars().any(|c| c.is_ascii_uppercase())
        && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | ' ' | '.'))
}

/// Partners named by an agreement's title or acronym: "Việt Nam - EU",
/// "(AITIGA)", "của Liên Hợp Quốc". Multilateral agreements themselves
/// (RCEP, CPTPP) are not partners.
pub fn title_partners(ctx: &Context<'_>, name: Range<usize>) -> Vec<Partner> {
    let mut out = Vec::new();
    for hit in KNOWN.acronyms_in(ctx.text(), name.clone()).iter().chain(KNOWN.names_in(&ctx.lower, name.clone()).iter()) {
        if let Some(k) = KNOWN.get(hit) {
            push_unique(&mut out, k.partners.iter().filter_map(|c| by_code(c)));
        }
    }
    push_unique(&mut out, find_partners(ctx.text(), name).into_iter().map(|h| h.partner).filter(|p| !KNOWN.is_agreement_code(&p.code)));
    out
}

/// "Bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Thương mại Ấn Độ về …":
/// the parties between "giữa" and "về" (where the title goes on), and the
/// partners among them.
pub fn parties_between(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(usize, Vec<Partner>)> {
    let lower = &ctx.lower;
    let at = skip_fwd(lower, pos, "");
    if !super::list::word_is(ctx, at, &["giữa"]) {
        return None;
    }
    let window = lower.get(at..limit)?;
    let about = window.find(" về ").filter(|&p| p < 200 && window.get(..p).is_some_and(|w| !w.contains([';'])))?;
    let mut partners = Vec::new();
    push_unique(&mut partners, find_partners(ctx.text(), at..at + about).into_iter().map(|h| h.partner));
    (!partners.is_empty()).then_some((at + about, partners))
}
