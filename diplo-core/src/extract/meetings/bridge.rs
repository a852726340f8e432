//! Bridge points of an online or hybrid meeting: "điểm cầu tỉnh Cao Bằng do
//! … chủ trì", "Dự tại điểm cầu X có …".

use super::group::Group;
use super::lexicon::cues;
use super::parties::people_in;
use crate::extract::people::{to_person, PersonHit};
use crate::extract::Context;
use crate::records::{BridgePoint, Person};
use std::ops::Range;

/// Bridge points "điểm cầu tỉnh Cao Bằng": place names that are provinces or cities.
pub fn bridge_points(ctx: &Context<'_>, people: &[PersonHit], main: bool, g: &Group) -> Vec<BridgePoint> {
    let text = ctx.text();
    let mut out: Vec<BridgePoint> = Vec::new();
    let sentences: Vec<Range<usize>> = if main { ctx.sentences.iter().map(|s| s.range.clone()).collect() } else { g.mentions.iter().map(|m| m.sentence.clone()).collect() };
    for s in sentences {
        let l = &ctx.lower[s.clone()];
        let mut from = 0;
        while let Some(i) = l[from..].find("điểm cầu ").map(|i| from + i) {
            let at = s.start + i + "điểm cầu ".len();
            from = i + "điểm cầu ".len();
            let rest = &text[at..s.end];
            let unit = ["tỉnh ", "thành phố ", "TP. ", "TP "].iter().find(|u| rest.starts_with(**u)).map_or(0, |u| u.len());
            let name_start = at + unit;
            let (name_end, words) = place_run(text, name_start, s.end);
            if words == 0 || unit == 0 && cues("venue").iter().any(|v| ctx.lower[name_start..].starts_with(v.as_str())) {
                continue;
            }
            let place = text[at..name_end].to_string();
            let key = text[name_start..name_end].to_string();
            // "Điểm cầu tỉnh X do … chủ trì"; "Dự tại điểm cầu X có …".
            let after = &ctx.lower[name_end..s.end];
            let chair = if after.trim_start().starts_with("do ") {
                people_in(people, &(name_end..s.end)).map(|j| &people[j]).next().filter(|p| p.name.is_some()).map(|p| to_person(ctx, p))
            } else {
                None
            };
            let attendees: Vec<Person> = if after.trim_start().starts_with("có ") || ctx.lower[s.start..at].trim_end().ends_with("dự tại điểm cầu") {
                people_in(people, &(name_end..s.end)).map(|j| &people[j]).filter(|p| p.name.is_some()).map(|p| to_person(ctx, p)).collect()
            } else {
                Vec::new()
            };
            match out.iter_mut().find(|b| crate::text::fold(&b.place).ends_with(&crate::text::fold(&key))) {
                Some(b) => {
                    if b.chair.is_none() {
                        b.chair = chair;
                    }
                    for a in attendees {
                        if !b.attendees.iter().any(|x| x.name == a.name) {
                            b.attendees.push(a);
                        }
                    }
                }
                None => out.push(BridgePoint { place, chair, attendees, evidence: ctx.evidence(at - "điểm cầu ".len()..name_end) }),
            }
        }
    }
    out
}

/// A run of capitalised words (a place name) at `pos`.
fn place_run(text: &str, pos: usize, limit: usize) -> (usize, usize) {
    let mut end = pos;
    let mut n = 0;
    for w in text[pos..limit].split(' ') {
        let w = w.trim_end_matches([',', '.', ';', ':', ')']);
        if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) || n >= 4 {
            break;
        }
        end = pos + text[pos..].find(w).map_or(0, |i| i + w.len());
        n += 1;
        if text[end..].starts_with([',', '.', ';', ':', ')']) {
            break;
        }
    }
    (end, n)
}

