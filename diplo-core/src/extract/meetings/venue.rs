//! Where an event took place: "tại Trụ sở Chính phủ", "tại Melbourne", "tại
//! Dinh Tổng thống (Istana Merdeka) ở Thủ đô Jakarta" — a place below the
//! country, never the country itself (`ANNOTATION.md`).

use super::lexicon::{cue_after, cues, starts_with_word, KINDS};
use super::mentions::EventMention;
use super::when::{clause, opening};
use crate::extract::people::PersonHit;
use crate::extract::Context;
use crate::records::MeetingKind;
use std::ops::Range;

/// Longest venue read, in bytes.
const MAX_VENUE: usize = 160;
/// Most words in a place name read without a head noun ("Santiago de Chile").
const MAX_PLACE_WORDS: usize = 5;
/// Lower-case words that may stand inside a place name.
const PLACE_PARTICLES: &[&str] = &["de", "da", "do", "del", "la", "le", "of", "and", "van", "von", "al", "el"];

/// The venue of one mention: a "tại …" of its clause, else of the sentence's
/// opening clause; for "thăm <place>", the place visited.
pub fn venue(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> Option<String> {
    let c = clause(ctx, m);
    let own = places_in(ctx, &c, people);
    if own.is_some() {
        return own;
    }
    // A trip spans places: the opening "tại" of a sentence that mentions it belongs to
    // the event the sentence tells, not to the trip.
    if let Some(o) = opening(ctx, m, people).filter(|_| m.kind != MeetingKind::Visit) {
        if let Some(v) = places_in(ctx, &o, people) {
            return Some(v);
        }
    }
    if m.word == "thăm" {
        let at = m.trigger.end + 1;
        if ctx.text()[m.trigger.end..].starts_with(' ') {
            return place_at(ctx, at, m.sentence.end, true);
        }
    }
    None
}

/// The first venue told with "tại" in `r`.
fn places_in(ctx: &Context<'_>, r: &Range<usize>, people: &[PersonHit]) -> Option<String> {
    let lower = &ctx.lower[r.clone()];
    let mut from = 0;
    // "tại X", and "từ điểm cầu X" (the host point of an online meeting).
    // "diễn ra ở Viêng Chăn", "tổ chức ở Hà Nội": "ở" after a verb of taking place.
    // ("diễn ra từ ngày 17-21/2 ở Dubai": the day may stand between.)
    let took_place = ["diễn ra ", "tổ chức ", "họp "].iter().filter_map(|w| lower.find(w).map(|i| i + w.len())).min();
    let next = |from: usize| {
        let after_verb = took_place.and_then(|v| lower.get(from.max(v)..)?.find("ở ").map(|i| (from.max(v) + i, "ở ".len())));
        ["tại ", "từ điểm cầu "].iter().filter_map(|w| lower[from..].find(w).map(|i| (from + i, w.len()))).chain(after_verb).min()
    };
    while let Some((i, len)) = next(from) {
        from = i + len;
        let at = r.start + i;
        if i > 0 && lower[..i].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        // "Đại sứ Israel tại Việt Nam": inside a person's title.
        let k = people.partition_point(|p| p.range.end <= at);
        if people.get(k).is_some_and(|p| p.range.start <= at) {
            continue;
        }
        let start = at + len;
        let start = start + ["điểm cầu ", "từ điểm cầu "].iter().find(|p| ctx.lower[start..].starts_with(**p)).map_or(0, |p| p.len());
        if let Some(v) = place_at(ctx, start, r.end.max(start), false) {
            return Some(v);
        }
    }
    None
}

/// Does `rest` open with a partner's name of several words, some in lower case ("Liên bang
/// Nga", "Cộng hòa Séc")? A country is never a venue, and its capitalised first word alone
/// is no place.
fn names_partner(rest: &str) -> bool {
    let mut ends = rest.match_indices(' ').map(|(i, _)| i).take(PARTNER_NAME_WORDS).chain(std::iter::once(rest.len()));
    ends.any(|e| crate::lexicon::partners::lookup(&rest[..e]).is_some())
}

/// Most words of a partner's name checked at a venue's start.
const PARTNER_NAME_WORDS: usize = 4;

/// A place starting at `pos`: a venue word and what follows it ("Trụ sở Chính
/// phủ", "Phủ Tổng thống Singapore (Istana)"), or a capitalised place name
/// that is no country, organisation, event or person.
fn place_at(ctx: &Context<'_>, pos: usize, limit: usize, object: bool) -> Option<String> {
    let text = ctx.text();
    let lower = &ctx.lower;
    // "thành phố Melbourne", "thủ đô Canberra": the name without the common noun.
    let pos = pos + ["thành phố ", "thủ đô ", "thị trấn ", "tỉnh "].iter().find(|p| lower[pos..].starts_with(**p) && text[pos..].starts_with(char::is_lowercase)).map_or(0, |p| p.len());
    let limit = limit.min(text.len());
    let rest = text.get(pos..limit)?;
    let rest_l = &lower[pos..limit];
    let stop_at = |from: usize| -> usize {
        // A '.' inside a name ("TP.HCM") does not end it.
        let full_stop = rest[from..].match_indices('.').map(|(i, _)| from + i).find(|&i| !rest[i + 1..].starts_with(|c: char| c.is_alphanumeric()));
        let hard = rest[from..].find([',', ';', ':', '"']).map(|i| from + i).into_iter().chain(full_stop).min().unwrap_or(rest.len());
        let words = cues("venue_stop").iter().filter(|s| !(object && s.as_str() == "của")).filter_map(|s| rest_l[from..hard].find(&format!(" {s} ")).map(|i| from + i)).min();
        words.unwrap_or(hard)
    };
    // "TP. Hồ Chí Minh", "TP Đà Nẵng": the abbreviation belongs to the name.
    let tp = ["TP. ", "TP "].iter().find(|p| rest.starts_with(**p) && rest[p.len()..].starts_with(char::is_uppercase)).map_or(0, |p| p.len());
    let head = cues("venue").iter().find(|v| starts_with_word(rest_l, v));
    let end = match head {
        Some(v) => stop_at(v.len().min(rest.len())),
        None => {
            if !rest.starts_with(char::is_uppercase) || cue_after("not_venue", rest_l).is_some() || KINDS.ac.find(rest_l).is_some_and(|k| k.start() == 0) || names_partner(rest) {
                return None;
            }
            tp + place_words(&rest[tp..]).min(stop_at(tp) - tp)
        }
    };
    let mut name = rest[..end].trim_end_matches([' ', '-']).to_string();
    if name.is_empty() || name.len() > MAX_VENUE {
        return None;
    }
    // "(Istana Merdeka)": an alias belongs to the name; "(Lào)", a country, does not.
    if let Some(inner) = rest[end..].strip_prefix(" (").and_then(|r| r.split(')').next()).filter(|i| i.len() < 60 && !i.contains('(')) {
        if crate::lexicon::partners::lookup(inner).is_none() && inner.starts_with(char::is_uppercase) {
            name = format!("{name} ({inner})");
        }
    }
    // A country visited is never a venue, and neither is an organisation.
    let bare = name.split(" (").next().unwrap_or(&name);
    if crate::lexicon::partners::lookup(bare).is_some() || crate::lexicon::partners::lookup(&name).is_some() {
        return None;
    }
    if head.is_none() && person_like(bare) {
        return None;
    }
    Some(name)
}

/// Where a run of capitalised words (a place name) starting the text ends;
/// "Villers-Cotterêts và Paris" joins two places.
fn place_words(rest: &str) -> usize {
    let mut end = 0;
    let mut n = 0;
    let mut p = 0;
    while n < MAX_PLACE_WORDS {
        let w_end = rest[p..].find([' ', ',', ';', '.', ':', '(', ')', '"']).map_or(rest.len(), |i| p + i);
        let w = &rest[p..w_end];
        let capital = w.starts_with(char::is_uppercase);
        let particle = n > 0 && PLACE_PARTICLES.contains(&w) && rest[w_end..].strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
        let joined = n > 0 && w == "và" && rest[w_end..].strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
        if w.is_empty() || !(capital || particle || joined) {
            break;
        }
        end = w_end;
        n += 1;
        if !rest[w_end..].starts_with(' ') {
            break;
        }
        p = w_end + 1;
    }
    end
}

/// A run that reads like a person's title ("Thủ tướng …", "Tổng thống …").
fn person_like(name: &str) -> bool {
    let l = crate::text::lowercase_same_len(name);
    ["thủ tướng", "tổng thống", "chủ tịch", "bộ trưởng", "ông ", "bà ", "đồng chí"].iter().any(|t| l.starts_with(t))
}
