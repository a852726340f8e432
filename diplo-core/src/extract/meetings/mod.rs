//! Meetings: every mention of the same event merged into one record, with
//! date, time of day, format, venue, chairs, attendees, speakers, bridge points.
//!
//! The stages, each in its own file:
//! 1. `mentions`: event words (`data/meeting_kinds.tsv`) and the people told
//!    with them (`parties`): "A hội đàm với B", "lần lượt hội kiến A; B";
//! 2. `group`: mentions of one event merged, anaphora ("Tại hội đàm")
//!    attached to the event they refer to;
//! 3. `when`, `venue`, `fields`, `attach`, `bridge`: the record's fields.

mod accept;
mod attach;
mod bridge;
mod fields;
mod group;
mod lexicon;
mod mentions;
mod naming;
mod parties;
mod venue;
mod when;

use super::people::{self, PersonHit};
use super::Context;
use crate::records::{Format, Meeting, MeetingKind, Mention};
use group::{key, Group};
use mentions::EventMention;

/// How far (bytes) a mention's name and clause reach from its event word:
/// far beyond any real name or clause, and a bound on the work per mention
/// in a sentence without commas.
const MENTION_REACH: usize = 600;

/// How many mentions back "hai nhà lãnh đạo" looks for the two it names.
const PAIR_LOOKBACK: usize = 32;

/// "hai nhà lãnh đạo", "hai Thủ tướng": the two principals of the nearest
/// event told before with two named people (of that title when one is said).
fn resolve_pairs(found: &mut [EventMention], people: &[PersonHit]) {
    for i in 0..found.len() {
        let Some(cue) = found[i].pair else { continue };
        if !found[i].subject.is_empty() {
            continue;
        }
        let title = cue.strip_prefix("hai ").filter(|t| !matches!(*t, "nhà lãnh đạo" | "lãnh đạo" | "bên" | "người"));
        // The two people of each event before, nearest first; "hai Thủ tướng" wants two
        // Prime Ministers, else the nearest two of whom one holds the title.
        let mut loose: Option<Vec<usize>> = None;
        let mut exact: Option<Vec<usize>> = None;
        for j in (i.saturating_sub(PAIR_LOOKBACK)..i).rev() {
            let mut cand: Vec<usize> = Vec::new();
            for &k in found[j].subject.iter().chain(&found[j].object).chain(&found[j].attend) {
                let n = &people[k].name;
                if n.is_some() && !cand.iter().any(|&c| people[c].name == *n) && !matches!(people[k].title.as_deref(), Some("Phu nhân" | "Phu quân")) {
                    cand.push(k);
                }
            }
            let holds = |k: &usize| title.is_none_or(|t| people[*k].title.as_deref().is_some_and(|pt| crate::text::lowercase_same_len(pt).contains(t)));
            let titled: Vec<usize> = cand.iter().copied().filter(holds).collect();
            if titled.len() == 2 {
                exact = Some(titled);
                break;
            }
            if cand.len() == 2 && !titled.is_empty() && loose.is_none() {
                loose = Some(cand);
            }
        }
        // "Nhận lời mời của Thủ tướng A, Thủ tướng B sẽ thăm … hai Thủ tướng sẽ hội đàm":
        // else the two nearest named holders of the title told before.
        let told_before = || {
            let t = title?;
            let at = people.partition_point(|p| p.range.end <= found[i].span.start);
            let mut two: Vec<usize> = Vec::new();
            for k in (at.saturating_sub(PAIR_PEOPLE_BACK)..at).rev() {
                let p = &people[k];
                let holds = p.title.as_deref().is_some_and(|pt| crate::text::lowercase_same_len(pt).contains(t));
                if p.name.is_some() && holds && !two.iter().any(|&c| people[c].name == p.name) {
                    two.push(k);
                    if two.len() == 2 {
                        return Some(two);
                    }
                }
            }
            None
        };
        if let Some(pick) = exact.or(loose).or_else(told_before) {
            found[i].subject = pick;
        }
    }
}

/// How many people before a "hai Thủ tướng" are tried as its two.
const PAIR_PEOPLE_BACK: usize = 12;

/// The people of a document, found once, with titles linked to their holders.
fn document_people(ctx: &Context<'_>) -> Vec<PersonHit> {
    let mut all: Vec<PersonHit> = Vec::new();
    for s in &ctx.sentences {
        all.extend(people::find_people(ctx, s.range.clone()));
    }
    people::attach_known_names(ctx.text(), &mut all);
    people::share_partners(&mut all);
    people::link_short_names(&mut all);
    people::resolve(ctx.text(), &mut all);
    people::share_partners(&mut all);
    people::drop_appositions(ctx.text(), &mut all);
    all
}

fn format(ctx: &Context<'_>, g: &Group) -> Option<Format> {
    // A trip is neither online nor in person.
    if g.kind() == MeetingKind::Visit {
        return None;
    }
    // A phone call is online, whatever else its sentence says ("trực tiếp gặp … sau cuộc điện đàm").
    if g.mentions.iter().any(|m| lexicon::is_call_word(&m.word)) {
        return Some(Format::Online);
    }
    let mut online = false;
    let mut in_person = false;
    // A word referring back inside a sentence about something else speaks of the
    // format only in its own clause ("tham dự Hội nghị theo hình thức trực tuyến").
    for m in &g.mentions {
        let r = if m.anaphoric { when::clause(ctx, m) } else { m.sentence.clone() };
        let l = &ctx.lower[r];
        online |= l.contains("trực tuyến") || l.contains("online") || l.contains("qua điện thoại");
        in_person |= l.contains("trực tiếp") && !l.contains("đầu tư trực tiếp");
    }
    match (online, in_person) {
        (true, true) => Some(Format::Hybrid),
        (true, false) => Some(Format::Online),
        (false, true) => Some(Format::InPerson),
        _ => None,
    }
}

/// Every meeting of the document.
pub fn extract(ctx: &Context<'_>) -> Vec<Meeting> {
    let all_people = document_people(ctx);
    let mut found = mentions::find(ctx, &all_people);
    if found.is_empty() {
        return Vec::new();
    }
    resolve_pairs(&mut found, &all_people);
    if std::env::var_os("DIPLO_DEBUG_MEETINGS").is_some() {
        for m in &found {
            let n = |v: &[usize]| v.iter().map(|&i| format!("{:?}|{:?}", all_people[i].title, all_people[i].name)).collect::<Vec<_>>();
            eprintln!("M {:?} {:?} w={} span={:?} S={:?} O={:?} A={:?} pair={:?} ana={}", m.kind, m.roles, m.word, &ctx.text()[m.span.clone()], n(&m.subject), n(&m.object), n(&m.attend), m.pair, m.anaphoric);
        }
    }
    let groups = group::group(ctx, found, &all_people);
    if std::env::var_os("DIPLO_DEBUG_MEETINGS").is_some() {
        for g in &groups {
            eprintln!("G {:?} key={} P={:?} D={:?} n={}", g.kind(), g.key, g.principals, g.destination, g.mentions.len());
        }
    }
    let main = fields::main_group(ctx, &groups);
    // Who is on a visit: the host of a "hội kiến" is the other side.
    let mut visitors: Vec<String> = Vec::new();
    for g in groups.iter().filter(|g| g.kind() == MeetingKind::Visit) {
        for m in &g.mentions {
            visitors.extend(m.subject.iter().chain(&m.object).filter_map(|&i| all_people[i].name.clone()));
        }
    }
    let mut casts: Vec<fields::Cast> = groups.iter().enumerate().map(|(i, g)| fields::cast(ctx, g, &all_people, &visitors, Some(i) == main)).collect();
    let couples = people::couples(ctx.text(), &all_people);
    attach::attach(ctx, &groups, &all_people, &mut casts, &couples, main);
    let dates = when::dates(ctx, &groups, &all_people);
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
                format: format(ctx, g),
                venue: g.mentions.iter().find_map(|m| venue::venue(ctx, m, &all_people)),
                chairs: Vec::new(),
                attendees: Vec::new(),
                speakers: Vec::new(),
                bridge_points: Vec::new(),
                partners: Vec::new(),
                mentions: g.mentions.iter().map(|m| Mention { evidence: ctx.evidence(m.span.clone()), source: m.source }).collect(),
                source: first.source,
                evidence: ctx.evidence(first.span.clone()),
            };
            if let Some(t) = &dates[i] {
                meeting.date.clone_from(&t.date);
                meeting.end_date.clone_from(&t.end_date);
                meeting.year_inferred = t.year_inferred;
                meeting.time_of_day = t.time_of_day;
                meeting.date_text = ctx.text().get(t.range.clone()).map(str::to_string);
            }
            fields::write(ctx, g, &mut meeting, &all_people, &casts[i]);
            if Some(i) == main {
                meeting.bridge_points = bridge::bridge_points(ctx, &all_people, true, g);
                for b in &meeting.bridge_points {
                    for a in &b.attendees {
                        if a.name.is_some() && !meeting.attendees.iter().any(|x| x.name == a.name) && !meeting.chairs.iter().any(|x| x.name == a.name) {
                            meeting.attendees.push(a.clone());
                        }
                    }
                }
            }
            // Passing mentions (a forum Vietnam hosted) have no speakers of their own; talks
            // and receptions, named by their guests' titles ("tiếp Bộ trưởng …"), do.
            if main.is_some_and(|mi| mi != i) && g.proper && !matches!(g.kind(), MeetingKind::Talks | MeetingKind::Reception) {
                meeting.speakers.clear();
            }
            meeting
        })
        .collect();
    fields::spokespeople_report(&mut out);
    out.sort_by_key(|m| m.evidence.byte_start);
    out
}
