//! Meetings: every mention of the same event merged into one record, with
//! date, time of day, format, venue, chairs, attendees, speakers, bridge points.
//!
//! Mentions whose name is a proper name ("Diễn đàn Tương lai ASEAN") are
//! events of their own, merged by name; the other mentions of a kind ("Hội
//! nghị", "hội nghị tổng kết …") are the article's main event of that kind.

mod fields;
mod lexicon;
mod mentions;

use super::people::{self, PersonHit};
use super::Context;
use crate::records::{Meeting, Mention};
use mentions::EventMention;

/// One real event and its mentions, while the document is read.
pub struct Group {
    pub mentions: Vec<EventMention>,
    pub key: String,
    pub proper: bool,
}

/// The name without function words, for comparing two mentions' names.
fn key(ctx: &Context<'_>, m: &EventMention) -> String {
    ctx.lower[m.name.clone()]
        .split(' ')
        .filter(|w| !matches!(*w, "của" | "về" | "các" | "và" | "chống" | "" | "-"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn group(ctx: &Context<'_>, found: Vec<EventMention>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let lower = ctx.lower.as_str();
    for m in found {
        let k = key(ctx, &m);
        // "X trong Đại lễ Y": a part of the event named right after.
        let inside = lower[m.name.end..m.sentence.end].trim_start().strip_prefix("trong ").is_some();
        let target = if inside {
            None
        } else if m.proper {
            groups.iter().position(|g| g.proper && (g.key.starts_with(&k) || k.starts_with(&g.key)))
        } else {
            groups.iter().position(|g| !g.proper && g.mentions[0].kind == m.kind)
        };
        match target {
            Some(i) => groups[i].mentions.push(m),
            None if inside => {
                // Attach to the event named after "trong" once it is read.
                let host = m.sentence.clone();
                groups.push(Group { key: format!("\u{0}{}", host.start), proper: true, mentions: vec![m] });
            }
            None => groups.push(Group { key: k, proper: m.proper, mentions: vec![m] }),
        }
    }
    // Merge "part of" groups into the event that follows them in their sentence.
    let mut i = 0;
    while i < groups.len() {
        if groups[i].key.starts_with('\u{0}') {
            let m = groups[i].mentions[0].clone();
            let host = groups.iter().position(|g| !g.key.starts_with('\u{0}') && g.mentions.iter().any(|h| h.sentence == m.sentence && h.trigger.start > m.trigger.start));
            if let Some(h) = host {
                let part = groups.remove(i);
                let h = if h > i { h - 1 } else { h };
                groups[h].mentions.extend(part.mentions);
                groups[h].mentions.sort_by_key(|x| x.trigger.start);
                continue;
            }
            groups[i].key = key(ctx, &m);
        }
        i += 1;
    }
    // A bare event word ("phát biểu tại Diễn đàn", "báo cáo tại hội nghị") names
    // the one proper event of its kind when the article has exactly one — unless
    // it is told with a chair or a day of its own ("Hội nghị diễn ra chiều 22/7,
    // do Thủ tướng chủ trì": the article's own event).
    let mut i = 0;
    while i < groups.len() {
        let own = |m: &EventMention| fields::chair_in(ctx, &m.sentence).is_some() || ctx.temporals.iter().any(|t| t.is_day && t.range.start >= m.sentence.start && t.range.end <= m.sentence.end);
        let bare = !groups[i].proper && groups[i].mentions.iter().all(|m| m.name == m.trigger && !own(m));
        let kind = groups[i].mentions[0].kind;
        let proper: Vec<usize> = (0..groups.len()).filter(|&j| j != i && groups[j].proper && groups[j].mentions[0].kind == kind).collect();
        if bare && proper.len() == 1 {
            let part = groups.remove(i);
            let h = if proper[0] > i { proper[0] - 1 } else { proper[0] };
            groups[h].mentions.extend(part.mentions);
            groups[h].mentions.sort_by_key(|x| x.trigger.start);
            continue;
        }
        i += 1;
    }
    groups
}

/// Every meeting of the document.
pub fn extract(ctx: &Context<'_>) -> Vec<Meeting> {
    // People of the whole document, for linking "Thủ tướng" to its holder.
    let mut all_people: Vec<PersonHit> = Vec::new();
    for s in &ctx.sentences {
        all_people.extend(people::find_people(ctx, s.range.clone()));
    }
    let named: Vec<PersonHit> = all_people.iter().filter(|p| p.name.is_some()).cloned().collect();
    people::resolve(&mut all_people, &named);
    people::link_short_names(&mut all_people);
    people::share_partners(&mut all_people);
    let found = mentions::find(ctx, &all_people);
    if found.is_empty() {
        return Vec::new();
    }
    let groups = group(ctx, found);
    let main = fields::main_group(ctx, &groups, &all_people);
    let mut out: Vec<Meeting> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let first = &g.mentions[0];
            // The fullest form of the first mention's name ("Đại lễ Phật đản Vesak Liên Hợp Quốc 2025").
            let first_key = key(ctx, first);
            let best = g.mentions.iter().filter(|m| key(ctx, m).starts_with(&first_key)).max_by_key(|m| m.name.len()).unwrap_or(first);
            let mut meeting = Meeting {
                kind: first.kind,
                name: ctx.text()[best.name.clone()].to_string(),
                topic: g.mentions.iter().find_map(|m| m.topic.clone()).map(|r| ctx.text()[r].to_string()),
                date: None,
                date_text: None,
                year_inferred: false,
                end_date: None,
                time_of_day: None,
                format: None,
                venue: None,
                chairs: Vec::new(),
                attendees: Vec::new(),
                speakers: Vec::new(),
                bridge_points: Vec::new(),
                partners: Vec::new(),
                mentions: g
                    .mentions
                    .iter()
                    .map(|m| Mention { evidence: ctx.evidence(m.span(&all_people)), source: m.source })
                    .collect(),
                source: first.source,
                evidence: ctx.evidence(first.span(&all_people)),
            };
            fields::fill(ctx, g, &mut meeting, &all_people, Some(i) == main);
            meeting
        })
        .collect();
    out.sort_by_key(|m| m.evidence.byte_start);
    out
}
