//! The people of a meeting — chairs, attendees, speakers — and its partners,
//! read from the mentions that tell it (`ANNOTATION.md`, Meetings):
//!
//! - talks, phone calls and meetings (gặp): both sides are chairs;
//! - a reception's host is its chair, the guest an attendee (with "hội kiến"
//!   the host is the side that is not on a visit);
//! - the visiting leader of a visit and the leader of a delegation are chairs;
//! - the witnesses of a signing are chairs; so is a press conference's spokesperson.

use super::group::Group;
use super::lexicon::{cue_before, cues, ends_with_word, Roles};
use super::mentions::EventMention;
use super::parties::{delegation_leaders, people_in};
use crate::extract::people::{to_person, PersonHit};
use crate::extract::Context;
use crate::records::{Meeting, MeetingKind, Person};
use std::ops::Range;

/// The article's main event: the first group with a chair, else the one named in the title or lead.
pub fn main_group(ctx: &Context<'_>, groups: &[Group]) -> Option<usize> {
    let chaired = groups.iter().position(|g| g.mentions.iter().any(|m| chair_in(ctx, &m.sentence).is_some()));
    chaired.or_else(|| {
        let lead = ctx.sentences.iter().take(3).map(|s| s.range.clone()).collect::<Vec<_>>();
        let in_lead = |g: &Group| g.mentions.iter().any(|m| lead.contains(&m.sentence));
        groups.iter().position(|g| !g.proper && in_lead(g)).or_else(|| groups.iter().position(|g| g.proper && in_lead(g) && g.mentions.iter().any(|m| m.source != crate::records::Source::Caption)))
    })
}

/// The position of a chair cue in a sentence, if any.
pub fn chair_in(ctx: &Context<'_>, s: &Range<usize>) -> Option<usize> {
    let lower = &ctx.lower[s.clone()];
    cues("chair").iter().filter_map(|c| lower.find(c.as_str())).min().map(|i| s.start + i)
}

/// Who takes part in one event, while it is read: people (indices into the
/// document's person hits) in the order first told, each once.
#[derive(Default)]
pub struct Cast {
    pub chairs: Vec<usize>,
    pub attendees: Vec<usize>,
    pub speakers: Vec<usize>,
    /// Membership of `chairs` and `attendees`: an event told in thousands of
    /// sentences must not cost a scan of its cast per person.
    seen_chairs: std::collections::HashSet<usize>,
    seen_attendees: std::collections::HashSet<usize>,
}

impl Cast {
    pub fn is_chair(&self, i: usize) -> bool {
        self.seen_chairs.contains(&i)
    }
    pub fn chair(&mut self, i: usize) {
        if self.seen_chairs.insert(i) {
            self.chairs.push(i);
        }
    }
    pub fn attend(&mut self, i: usize) {
        if self.seen_attendees.insert(i) {
            self.attendees.push(i);
        }
    }
}

/// The people right before `pos`: "Thủ tướng X chủ trì", and every co-chair
/// listed before it ("A và B đồng chủ trì", "A, B và C đồng chủ trì").
fn people_before(people: &[PersonHit], lower: &str, from: usize, pos: usize) -> Vec<usize> {
    let k = people.partition_point(|p| p.range.end <= pos);
    let Some(mut i) = k.checked_sub(1) else { return Vec::new() };
    let gap_ok = |i: usize| {
        let gap = lower[people[i].range.end..pos].trim();
        people[i].range.start >= from && (gap.is_empty() || matches!(gap, "đã" | "cũng" | "đồng" | "sẽ" | "đã đồng" | "cùng" | "sẽ đồng" | "cùng nhau" | "đã cùng"))
    };
    if !gap_ok(i) {
        // "Thủ tướng X, Trưởng Ban Chỉ đạo …, chủ trì": a long apposition set off by commas.
        let p = &people[i];
        let gap = &lower[p.range.end..pos];
        if !(p.name.is_some() && p.range.start >= from && gap.starts_with(", ") && gap.trim_end().ends_with(',') && gap.len() < 200) {
            return Vec::new();
        }
    }
    let mut out = vec![i];
    while i > 0 && out.len() < 6 {
        let (prev, next) = (&people[i - 1], &people[i]);
        let gap = lower.get(prev.range.end..next.range.start).unwrap_or("x").trim();
        if prev.range.start < from || prev.name.is_none() || !matches!(gap, "và" | "," | "cùng" | "cùng với") {
            break;
        }
        out.push(i - 1);
        i -= 1;
    }
    out.reverse();
    out
}

/// An attend phrase ending right before `pos` ("dự", "tham dự và phát biểu tại"):
/// its start, and whether it says the person spoke.
fn attend_phrase_before(ctx: &Context<'_>, from: usize, pos: usize) -> Option<(usize, bool)> {
    let before = ctx.lower[from..pos].trim_end();
    let phrase = cue_before("attend_before", before)?;
    Some((from + before.len() - phrase.len(), phrase.contains("phát biểu")))
}

/// The people told with one mention, by the roles of its event word.
fn roles(m: &EventMention, people: &[PersonHit], visitors: &[String], cast: &mut Cast) {
    let named = |v: &[usize]| v.iter().any(|&i| people[i].name.as_ref().is_some_and(|n| visitors.contains(n)));
    m.attend.iter().for_each(|&i| cast.attend(i));
    match m.roles {
        Roles::Both => m.subject.iter().chain(&m.object).for_each(|&i| cast.chair(i)),
        Roles::Host | Roles::Noun | Roles::Named => {
            m.subject.iter().for_each(|&i| cast.chair(i));
            m.object.iter().for_each(|&i| cast.attend(i));
        }
        Roles::Guest => {
            m.object.iter().for_each(|&i| cast.chair(i));
            m.subject.iter().for_each(|&i| cast.attend(i));
        }
        // "A hội kiến B": the visitor calls on the host; with no visit told, B hosts.
        Roles::CallOn => {
            let (host, guest) = if named(&m.object) && !named(&m.subject) { (&m.subject, &m.object) } else { (&m.object, &m.subject) };
            host.iter().for_each(|&i| cast.chair(i));
            guest.iter().for_each(|&i| cast.attend(i));
        }
        Roles::Lead | Roles::Witness => m.subject.iter().chain(&m.object).for_each(|&i| cast.chair(i)),
    }
}

/// Everyone taking part in a group, read from its mentions.
pub fn cast(ctx: &Context<'_>, g: &Group, people: &[PersonHit], visitors: &[String], main: bool) -> Cast {
    let lower = ctx.lower.as_str();
    let mut cast = Cast::default();
    for m in &g.mentions {
        roles(m, people, visitors, &mut cast);
    }
    for m in &g.mentions {
        let s = &m.reach(ctx.text());
        let l = &lower[s.clone()];
        let visit = m.kind == MeetingKind::Visit;
        // Chairs: "X chủ trì Y", "Y do X chủ trì", "dưới sự chủ trì của X" — within the
        // mention's part of the sentence (not across ';'), never for a visit.
        for c in cues("chair").iter().filter(|_| !visit && m.roles != Roles::Witness && !m.anaphoric) {
            let mut from = 0;
            while let Some(i) = l[from..].find(c.as_str()).map(|i| from + i) {
                from = i + c.len();
                let pos = s.start + i;
                let between = if pos < m.trigger.start { &lower[pos..m.trigger.start] } else { &lower[m.name.end.min(pos)..pos] };
                // After the event word only "… do X chủ trì" names its chair.
                let after_by = pos > m.trigger.start && !(between.contains(" do ") || between.starts_with("do ") || lower[pos + c.len()..s.end].starts_with(" của"));
                if between.contains(';') || after_by {
                    continue;
                }
                let after = lower[pos + c.len()..s.end].trim_start();
                let bridge = after.starts_with("tại điểm cầu") || lower[s.start..pos].contains("điểm cầu") && lower[s.start..pos].contains(" do ");
                if bridge {
                    continue;
                }
                if let Some(at) = lower[pos + c.len()..s.end].strip_prefix(" của ").map(|_| pos + c.len() + " của ".len()) {
                    if let Some(j) = people.iter().position(|p| p.range.start == at && p.name.is_some()) {
                        cast.chair(j);
                    }
                    continue;
                }
                let mut who = people_before(people, lower, s.start, pos);
                // "… tại buổi họp báo do ông chủ trì": the person the pronoun stands for.
                if who.is_empty() && ["do ông", "do bà"].iter().any(|w| ends_with_word(lower[s.start..pos].trim_end(), w)) {
                    who.extend(people_in(people, &(s.start..pos)).rev().find(|&j| people[j].name.is_some()));
                }
                for j in who {
                    cast.chair(j);
                }
            }
        }
        // Attendees: "Cùng dự có …", "với sự tham dự của …".
        for c in cues("attend") {
            if let Some(i) = l.find(c.as_str()) {
                let r = s.start + i + c.len()..s.end;
                for j in people_in(people, &r) {
                    cast.attend(j);
                }
                break;
            }
        }
        // The leader of a delegation is a principal: "Đoàn … do X dẫn đầu hội đàm …".
        for (j, _) in delegation_leaders(ctx, people, s) {
            if matches!(m.kind, MeetingKind::Visit | MeetingKind::Talks | MeetingKind::Session) {
                cast.chair(j);
            } else {
                cast.attend(j);
            }
        }
        // "P dự Hội nghị …": the people before attend.
        if let Some((at, spoke)) = attend_phrase_before(ctx, s.start, m.trigger.start).filter(|_| m.attend.is_empty()) {
            let mut who = people_before(people, lower, s.start, at);
            if who.is_empty() {
                who.extend(people_in(people, &(s.start..at)).rev().find(|&j| people[j].name.is_some()));
            }
            // "cùng Tổng Bí thư Tô Lâm dự …": the companion too.
            if let Some(&first) = who.first() {
                if ends_with_word(lower[s.start..people[first].range.start].trim_end(), "cùng") {
                    if let Some(k) = first.checked_sub(1).filter(|&k| people[k].range.start >= s.start && people[k].name.is_some()) {
                        who.push(k);
                    }
                }
            }
            for j in who {
                cast.attend(j);
                if spoke {
                    cast.speakers.push(j);
                }
            }
        }
        // A press conference is held by its spokesperson, and by those "tại họp báo chung".
        if m.kind == MeetingKind::PressConference {
            for j in people_in(people, s) {
                let t = people[j].title.as_deref().unwrap_or("");
                if crate::text::lowercase_same_len(t).contains("phát ngôn") {
                    cast.chair(j);
                }
            }
            if ends_with_word(lower[s.start..m.trigger.start].trim_end(), "tại") {
                let at = s.start + lower[s.start..m.trigger.start].trim_end().len() - "tại".len();
                for j in people_before(people, lower, s.start, at) {
                    cast.chair(j);
                }
            }
        }
        // "thông báo kết luận của Thủ tướng X tại cuộc họp …": X led it and spoke.
        let b = lower[s.start..m.trigger.start].trim_end();
        if let Some(k) = b.rfind("kết luận của ") {
            let at = s.start + k + "kết luận của ".len();
            let j = people.partition_point(|p| p.range.start < at);
            if people.get(j).is_some_and(|p| p.range.start == at && p.name.is_some()) && ["tại", "trong"].iter().any(|w| ends_with_word(b, w)) {
                cast.chair(j);
                cast.speakers.push(j);
            }
        }
        if m.proper || !main {
            for j in people_in(people, s).filter(|&j| speaks_at(ctx, &people[j], s, g.kind())) {
                cast.speakers.push(j);
            }
        }
    }
    if main {
        for s in &ctx.sentences {
            for j in people_in(people, &s.range).filter(|&j| speaks_at(ctx, &people[j], &s.range, g.kind())) {
                cast.speakers.push(j);
            }
            // "Tổng Bí thư Tô Lâm dự và phát biểu chỉ đạo.": attendance at the main event.
            let end = s.range.start + lower[s.range.clone()].trim_end_matches(['.', ' ', '!']).len();
            if let Some((at, spoke)) = attend_phrase_before(ctx, s.range.start, end) {
                for j in people_before(people, lower, s.range.start, at) {
                    cast.attend(j);
                    if spoke {
                        cast.speakers.push(j);
                    }
                }
            }
        }
    }
    cast
}

/// Adds the named people of `hits` to `list`, each name once (`seen` holds
/// the names already listed, and those to leave out).
fn push_named(ctx: &Context<'_>, list: &mut Vec<Person>, seen: &mut std::collections::HashSet<String>, people: &[PersonHit], hits: &[usize]) {
    for &j in hits {
        if people[j].name.as_ref().is_some_and(|n| seen.insert(n.clone())) {
            list.push(to_person(ctx, &people[j]));
        }
    }
}

/// Writes a cast into the meeting record, with the partners it implies.
pub fn write(ctx: &Context<'_>, g: &Group, m: &mut Meeting, people: &[PersonHit], cast: &Cast) {
    let text = ctx.text();
    // Names through sets: an event told in thousands of sentences lists each person once
    // without comparing every pair. A chair is never also listed as an attendee.
    let mut chairs: std::collections::HashSet<String> = m.chairs.iter().filter_map(|p| p.name.clone()).collect();
    push_named(ctx, &mut m.chairs, &mut chairs, people, &cast.chairs);
    m.attendees.retain(|a| a.name.as_ref().is_none_or(|n| !chairs.contains(n)));
    let mut listed = chairs;
    listed.extend(m.attendees.iter().filter_map(|p| p.name.clone()));
    push_named(ctx, &mut m.attendees, &mut listed, people, &cast.attendees);
    let mut spoke: std::collections::HashSet<String> = m.speakers.iter().filter_map(|p| p.name.clone()).collect();
    push_named(ctx, &mut m.speakers, &mut spoke, people, &cast.speakers);
    // The countries of foreign chairs and guests ("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị").
    for p in m.chairs.iter().chain(&m.attendees) {
        if let Some(partner) = p.partner.as_ref().filter(|x| x.code != "VN") {
            if !m.partners.iter().any(|x| x.code == partner.code) {
                m.partners.push(partner.clone());
            }
        }
    }
    for mention in &g.mentions {
        for &i in mention.subject.iter().chain(&mention.object) {
            if let Some(partner) = people.get(i).and_then(|p| p.partner.as_ref()).filter(|x| x.code != "VN") {
                if !m.partners.iter().any(|x| x.code == partner.code) {
                    m.partners.push(partner.clone());
                }
            }
        }
        // "thăm chính thức Lào": the country visited; foreign partners named in the event's name.
        let mut ranges = vec![mention.name.clone()];
        if mention.kind == MeetingKind::Visit {
            let end = text[mention.trigger.end..mention.sentence.end].find([',', ';', '.']).map_or(mention.sentence.end, |i| mention.trigger.end + i);
            ranges.push(mention.trigger.end..end);
        }
        for r in ranges {
            for hit in crate::lexicon::partners::find_partners(text, r) {
                if hit.partner.code != "VN" && !m.partners.iter().any(|p| p.code == hit.partner.code) {
                    m.partners.push(hit.partner);
                }
            }
        }
    }
}

/// "X phát biểu", "Phát biểu …, X nêu rõ", "Theo X, …".
/// Whether `p` speaks at an event of `kind` in sentence `s`: a sentence that
/// answers the press ("Trả lời phỏng vấn trước chuyến thăm, X cho biết …") is
/// speech at a press conference only.
pub(super) fn speaks_at(ctx: &Context<'_>, p: &PersonHit, s: &Range<usize>, kind: MeetingKind) -> bool {
    let to_press = || cues("press_reply").iter().any(|c| ctx.lower[s.clone()].trim_start().starts_with(c.as_str()));
    (kind == MeetingKind::PressConference || !to_press()) && is_speaker(ctx, p, s)
}

fn is_speaker(ctx: &Context<'_>, p: &PersonHit, s: &Range<usize>) -> bool {
    if p.name.is_none() {
        return false;
    }
    let mut after = ctx.lower[p.range.end..s.end].trim_start();
    // "Đại sứ X, Trưởng Đoàn Ngoại giao tại Việt Nam, chúc mừng …": past an apposition
    // ("Chủ tịch HĐQT Tập đoàn …, Đặng Minh Trường, đề xuất …": the name itself set off).
    if let Some(rest) = after.strip_prefix(", ") {
        if cues("speak").iter().any(|v| rest.starts_with(v.as_str())) {
            after = rest;
        } else if let Some(k) = rest.find(", ").filter(|&k| k < 100 && !rest[..k].contains(['.', ';'])) {
            after = &rest[k + 2..];
        }
    }
    let after = after.strip_prefix("cũng ").or_else(|| after.strip_prefix("đã ")).unwrap_or(after);
    // "X chủ trì và phát biểu khai mạc", "X dự và phát biểu".
    let after = ["chủ trì và ", "dự và ", "tham dự và ", "đến dự và "].iter().find_map(|p| after.strip_prefix(p)).unwrap_or(after);
    // "X chủ trì cuộc họp báo tại Hà Nội, khẳng định …": the chair's next verb.
    let chaired_then = after.starts_with("chủ trì") && after.find(", ").is_some_and(|k| {
        let next = &after[k + 2..];
        k < 120 && cues("speak").iter().any(|v| next.starts_with(v.as_str()))
    });
    let verb_after = chaired_then || cues("speak").iter().any(|v| after.starts_with(v.as_str()));
    let before = ctx.lower[s.start..p.range.start].trim();
    let theo = before == "theo";
    let phat_bieu_lead = before.starts_with("phát biểu") && before.ends_with(',');
    verb_after || theo || phat_bieu_lead
}

/// Whoever holds a press conference reports the other events the article
/// tells ("Trả lời câu hỏi về cuộc điện đàm …, bà X cho biết"): they speak at
/// those only when they also took part in them.
pub fn spokespeople_report(meetings: &mut [Meeting]) {
    let hosts: std::collections::HashSet<String> =
        meetings.iter().filter(|m| m.kind == MeetingKind::PressConference).flat_map(|m| m.chairs.iter().filter_map(|p| p.name.clone())).collect();
    if hosts.is_empty() {
        return;
    }
    for m in meetings.iter_mut().filter(|m| m.kind != MeetingKind::PressConference) {
        let took_part: std::collections::HashSet<&str> = m.chairs.iter().chain(&m.attendees).filter_map(|p| p.name.as_deref()).collect();
        let keep = |p: &Person| p.name.as_ref().is_none_or(|n| !hosts.contains(n) || took_part.contains(n.as_str()));
        let speakers = std::mem::take(&mut m.speakers);
        m.speakers = speakers.into_iter().filter(keep).collect();
    }
}
