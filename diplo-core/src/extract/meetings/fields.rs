//! The fields of a meeting, read from the sentences that mention it.

use super::lexicon::cues;
use super::Group;
use crate::extract::people::{to_person, PersonHit};
use crate::extract::Context;
use crate::lang::Temporal;
use crate::records::{BridgePoint, Format, Meeting, MeetingKind, Person};
use std::ops::Range;

fn has(lower: &str, phrase: &str) -> bool {
    lower.contains(phrase)
}

/// The article's main event: the first group with a chair, else the one named in the title or lead.
pub fn main_group(ctx: &Context<'_>, groups: &[Group], _people: &[PersonHit]) -> Option<usize> {
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

/// People inside `r` (people are sorted by position).
fn people_in<'a>(people: &'a [PersonHit], r: &Range<usize>) -> impl Iterator<Item = &'a PersonHit> {
    let r = r.clone();
    let first = people.partition_point(|p| p.range.start < r.start);
    people[first..].iter().take_while(move |p| p.range.start < r.end).filter(move |p| p.range.end <= r.end)
}

/// Temporals inside `r` (temporals are sorted by position).
fn temporals_in<'a>(ctx: &'a Context<'_>, r: &Range<usize>) -> impl Iterator<Item = &'a Temporal> {
    let r = r.clone();
    let first = ctx.temporals.partition_point(|t| t.range.start < r.start);
    ctx.temporals[first..].iter().take_while(move |t| t.range.start < r.end).filter(move |t| t.range.end <= r.end)
}

fn push_unique(list: &mut Vec<Person>, p: Person) {
    if p.name.is_some() && !list.iter().any(|x| x.name == p.name) {
        list.push(p);
    }
}

/// The date of the event: a day in one of its sentences (nearest the event
/// word), else a month ("hồi tháng 10"), else a year inside its name.
fn date(ctx: &Context<'_>, g: &Group) -> Option<Temporal> {
    // "kéo dài đến ngày 28/6": an end, not the event's date.
    let until = |t: &Temporal| {
        let b = ctx.lower[..t.range.start].trim_end();
        ["đến", "tới", "đến ngày", "tới ngày"].iter().any(|w| b.ends_with(w))
    };
    let in_sentence = |m: &super::mentions::EventMention, day: bool| {
        temporals_in(ctx, &m.sentence).filter(move |t| t.is_day == day && t.date.is_some() && !until(t)).min_by_key(move |t| t.range.start.abs_diff(m.trigger.start))
    };
    if let Some(t) = g.mentions.iter().find_map(|m| in_sentence(m, true)) {
        return Some(t.clone());
    }
    // "Chiều cùng ngày, …": the day last named before the sentence.
    for m in &g.mentions {
        let l = &ctx.lower[m.sentence.clone()];
        let Some(i) = l.find("cùng ngày") else { continue };
        let at = m.sentence.start + i;
        let word = ["chiều tối", "rạng sáng", "sáng", "trưa", "chiều", "tối", "đêm"].iter().find(|w| ctx.lower[..at].trim_end().ends_with(**w));
        let start = word.map_or(at, |w| ctx.lower[..at].trim_end().len() - w.len());
        let before = ctx.temporals.iter().rev().find(|t| t.range.end <= start && t.is_day && t.date.is_some() && t.end_date.is_none());
        if let Some(day) = before {
            let mut t = day.clone();
            t.range = start..at + "cùng ngày".len();
            t.time_of_day = word.and_then(|w| crate::lang::tod(w));
            return Some(t);
        }
    }
    let month = g.mentions.iter().find_map(|m| {
        temporals_in(ctx, &m.sentence).find(|t| {
            t.date.as_deref().is_some_and(|d| d.len() == 7)
                && ["hồi", "vào", "trong"].iter().any(|w| ctx.lower[..t.range.start].trim_end().ends_with(w))
        })
    });
    month.cloned().or_else(|| {
        g.mentions.iter().find_map(|m| {
            let name_end = m.sentence.end.min(m.name.end + 24);
            temporals_in(ctx, &(m.name.start..name_end)).find(|t| t.date.as_deref().is_some_and(|d| d.len() == 4)).cloned()
        })
    })
}

fn format(ctx: &Context<'_>, g: &Group) -> Option<Format> {
    let mut online = false;
    let mut in_person = false;
    for m in &g.mentions {
        let l = &ctx.lower[m.sentence.clone()];
        online |= has(l, "trực tuyến") || has(l, "online");
        in_person |= has(l, "trực tiếp") && !has(l, "đầu tư trực tiếp");
    }
    match (online, in_person) {
        (true, true) => Some(Format::Hybrid),
        (true, false) => Some(Format::Online),
        (false, true) => Some(Format::InPerson),
        _ => None,
    }
}

/// "tại Trụ sở Chính phủ", "từ điểm cầu trụ sở Chính phủ", "tại TPHCM".
fn venue(ctx: &Context<'_>, g: &Group) -> Option<String> {
    let text = ctx.text();
    for m in &g.mentions {
        let l = &ctx.lower[m.sentence.clone()];
        for lead in ["tại điểm cầu ", "từ điểm cầu ", "tại "] {
            let mut from = 0;
            while let Some(i) = l[from..].find(lead).map(|i| from + i) {
                let at = i + lead.len();
                if let Some(v) = cues("venue").iter().find(|v| l[at..].starts_with(v.as_str())) {
                    let start = m.sentence.start + at;
                    let rest = &text[start..m.sentence.end];
                    let end = rest.find([',', ';', '.', '(']).unwrap_or(rest.len());
                    // Stops count only after the cue ("Trung tâm Hội nghị và Triển lãm tỉnh").
                    let cue_end = v.len().min(end);
                    let stop = [" và ", " kết nối", " đến ", " tới ", " với "].iter().filter_map(|s| rest[cue_end..end].find(s).map(|i| cue_end + i)).min().unwrap_or(end);
                    let name = rest[..stop.max(v.len().min(rest.len()))].trim();
                    return Some(name.to_string());
                }
                from = at;
            }
        }
    }
    None
}

/// Bridge points "điểm cầu tỉnh Cao Bằng": place names that are provinces or cities.
fn bridge_points(ctx: &Context<'_>, people: &[PersonHit], main: bool, g: &Group) -> Vec<BridgePoint> {
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
                people_in(people, &(name_end..s.end)).next().filter(|p| p.name.is_some()).map(|p| to_person(ctx, p))
            } else {
                None
            };
            let attendees: Vec<Person> = if after.trim_start().starts_with("có ") || ctx.lower[s.start..at].trim_end().ends_with("dự tại điểm cầu") {
                people_in(people, &(name_end..s.end)).filter(|p| p.name.is_some()).map(|p| to_person(ctx, p)).collect()
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

/// The people right before a cue: "Thủ tướng Phạm Minh Chính chủ trì", and
/// every co-chair listed before it ("A và B đồng chủ trì", "A, B và C đồng chủ trì").
fn people_before<'a>(people: &'a [PersonHit], text: &str, pos: usize) -> Vec<&'a PersonHit> {
    let Some(mut i) = people.iter().rposition(|p| p.range.end <= pos && {
        let gap = text[p.range.end..pos].trim();
        gap.is_empty() || matches!(gap, "đã" | "cũng" | "đồng" | "sẽ" | "đã đồng" | "cùng")
    }) else {
        return Vec::new();
    };
    let mut out = vec![&people[i]];
    while i > 0 {
        let (prev, next) = (&people[i - 1], &people[i]);
        let gap = text.get(prev.range.end..next.range.start).unwrap_or("x").trim();
        if prev.name.is_none() || !matches!(gap, "và" | "," | "cùng" | "cùng với") {
            break;
        }
        out.push(prev);
        i -= 1;
    }
    out.reverse();
    out
}

/// "Thủ tướng X, Trưởng Ban Chỉ đạo …, chủ trì": a named person whose long
/// apposition (set off by commas, holding nobody else) ends right before `pos`.
fn apposed_subject<'a>(people: &'a [PersonHit], text: &str, from: usize, pos: usize) -> Option<&'a PersonHit> {
    let i = people.iter().rposition(|p| p.range.end <= pos && p.range.start >= from)?;
    let p = &people[i];
    let gap = &text[p.range.end..pos];
    (p.name.is_some() && gap.starts_with(", ") && gap.trim_end().ends_with(',') && gap.len() < 200).then_some(p)
}

/// "đoàn công tác … do ông Choi Joo Ho, Tổng Giám đốc …, dẫn đầu": the leader of
/// a visiting delegation.
fn delegation_leaders<'a>(ctx: &Context<'_>, people: &'a [PersonHit], s: &Range<usize>) -> Vec<&'a PersonHit> {
    let lower = &ctx.lower;
    people_in(people, s)
        .filter(|p| p.name.is_some() && lower[s.start..p.range.start].trim_end().ends_with(" do"))
        .filter(|p| {
            let after = &lower[p.range.end..s.end];
            // Nobody else named in between (a bare title such as "Tổng Giám đốc" is the leader's apposition).
            let named = |q: &&PersonHit| q.name.as_deref().is_some_and(|n| ctx.text()[q.range.clone()].contains(n));
            after.find("dẫn đầu").or_else(|| after.find("làm trưởng đoàn")).is_some_and(|i| i < 120 && !people_in(people, &(p.range.end..p.range.end + i)).any(|q| named(&q)))
        })
        .collect()
}

/// The last named person before `pos` in the sentence starting at `from`: the
/// subject of "P có chuyến công tác tại Trung Quốc, dự Hội nghị …".
fn subject_of_sentence<'a>(people: &'a [PersonHit], from: usize, pos: usize) -> Option<&'a PersonHit> {
    people.iter().rev().find(|p| p.range.end <= pos && p.range.start >= from && p.name.is_some())
}

/// An attend phrase ending right before `pos` ("dự", "tham dự và phát biểu tại",
/// "chứng kiến"): its start, and whether it says the person spoke.
fn attend_phrase_before(ctx: &Context<'_>, from: usize, pos: usize) -> Option<(usize, bool)> {
    let before = ctx.lower[from..pos].trim_end();
    let phrase = cues("attend_before").iter().find(|c| {
        before.ends_with(c.as_str()) && !before[..before.len() - c.len()].chars().next_back().is_some_and(char::is_alphanumeric)
    })?;
    Some((from + before.len() - phrase.len(), phrase.contains("phát biểu")))
}

pub fn fill(ctx: &Context<'_>, g: &Group, m: &mut Meeting, people: &[PersonHit], main: bool) {
    let text = ctx.text();
    if let Some(t) = date(ctx, g) {
        m.date.clone_from(&t.date);
        m.end_date.clone_from(&t.end_date);
        m.year_inferred = t.year_inferred;
        m.time_of_day = t.time_of_day;
        m.date_text = Some(text[t.range.clone()].to_string());
    }
    m.format = format(ctx, g);
    m.venue = venue(ctx, g);
    for mention in &g.mentions {
        let s = &mention.sentence;
        let l = &ctx.lower[s.clone()];
        // Chairs: "X chủ trì", "do X chủ trì" — unless X chairs a bridge point.
        for c in cues("chair") {
            let mut from = 0;
            while let Some(i) = l[from..].find(c.as_str()).map(|i| from + i) {
                from = i + c.len();
                let pos = s.start + i;
                let after = ctx.lower[pos + c.len()..s.end].trim_start();
                let bridge = after.starts_with("tại điểm cầu") || ctx.lower[s.start..pos].contains("điểm cầu") && ctx.lower[s.start..pos].contains(" do ");
                if bridge {
                    continue;
                }
                // "dưới sự chủ trì của X", "do X chủ trì" read the other way round.
                let after_of = ctx.lower[pos + c.len()..s.end].strip_prefix(" của ").map(|_| pos + c.len() + " của ".len());
                if let Some(at) = after_of {
                    if let Some(p) = people.iter().find(|p| p.range.start == at && p.name.is_some()) {
                        push_unique(&mut m.chairs, to_person(ctx, p));
                    }
                    continue;
                }
                let mut chairs = people_before(people, text, pos);
                if chairs.is_empty() {
                    chairs.extend(apposed_subject(people, text, s.start, pos));
                }
                for p in chairs {
                    push_unique(&mut m.chairs, to_person(ctx, p));
                }
            }
        }
        // Attendees: "Cùng dự có …", "với sự tham dự của …".
        for c in cues("attend") {
            if let Some(i) = l.find(c.as_str()) {
                let r = s.start + i + c.len()..s.end;
                for p in people_in(people, &r) {
                    if !m.chairs.iter().any(|x| x.name == p.name) {
                        push_unique(&mut m.attendees, to_person(ctx, p));
                    }
                }
                break;
            }
        }
        for p in delegation_leaders(ctx, people, s) {
            if !m.chairs.iter().any(|x| x.name == p.name) {
                push_unique(&mut m.attendees, to_person(ctx, p));
            }
        }
        // "P dự Hội nghị …", "A và B chứng kiến lễ ký …": the people before attend.
        if let Some((at, spoke)) = attend_phrase_before(ctx, s.start, mention.trigger.start) {
            let mut who = people_before(people, text, at);
            if who.is_empty() {
                who.extend(subject_of_sentence(people, s.start, at));
            }
            for p in who {
                if !m.chairs.iter().any(|x| x.name == p.name) {
                    push_unique(&mut m.attendees, to_person(ctx, p));
                }
                if spoke {
                    push_unique(&mut m.speakers, to_person(ctx, p));
                }
            }
        }
        if mention.proper || !main {
            for p in people_in(people, s).filter(|p| is_speaker(ctx, p, s)) {
                push_unique(&mut m.speakers, to_person(ctx, p));
            }
        }
    }
    if main {
        // "Cùng dự có …" opening a sentence of its own refers to the main event.
        for s in &ctx.sentences {
            let l = &ctx.lower[s.range.clone()];
            if let Some(c) = cues("attend").iter().find(|c| l.starts_with(c.as_str())) {
                for p in people_in(people, &(s.range.start + c.len()..s.range.end)) {
                    if !m.chairs.iter().any(|x| x.name == p.name) {
                        push_unique(&mut m.attendees, to_person(ctx, p));
                    }
                }
            }
        }
        for s in &ctx.sentences {
            for p in people_in(people, &s.range).filter(|p| is_speaker(ctx, p, &s.range)) {
                push_unique(&mut m.speakers, to_person(ctx, p));
            }
            // "Tổng Bí thư Tô Lâm dự và phát biểu chỉ đạo.": attendance at the main event.
            let end = s.range.start + ctx.lower[s.range.clone()].trim_end_matches(['.', ' ', '!']).len();
            if let Some((at, spoke)) = attend_phrase_before(ctx, s.range.start, end) {
                for p in people_before(people, text, at) {
                    if !m.chairs.iter().any(|x| x.name == p.name) {
                        push_unique(&mut m.attendees, to_person(ctx, p));
                    }
                    if spoke {
                        push_unique(&mut m.speakers, to_person(ctx, p));
                    }
                }
            }
        }
        m.bridge_points = bridge_points(ctx, people, true, g);
        for b in &m.bridge_points {
            for a in &b.attendees {
                push_unique(&mut m.attendees, a.clone());
            }
        }
    }
    // Events told as verbs: who hosts and who visits depends on the verb.
    for mention in &g.mentions {
        let subj = mention.subject.and_then(|i| people.get(i));
        let obj = mention.object.and_then(|i| people.get(i));
        let (hosts, guests): (Vec<&PersonHit>, Vec<&PersonHit>) = match (mention.kind, mention.word.as_str()) {
            (MeetingKind::Talks, _) => (subj.into_iter().chain(obj).collect(), Vec::new()),
            // "A hội kiến B": A calls on B, who hosts.
            (MeetingKind::Reception, "hội kiến") => (obj.into_iter().collect(), subj.into_iter().collect()),
            (MeetingKind::Reception, _) => (subj.into_iter().collect(), obj.into_iter().collect()),
            // "P thăm chính thức …"; "Chuyến thăm chính thức Pháp của P"; else the sentence's subject.
            (MeetingKind::Visit, _) => {
                let visitor = subj.or(obj).or_else(|| subject_of_sentence(people, mention.sentence.start, mention.trigger.start));
                (Vec::new(), visitor.into_iter().collect())
            }
            // "A có cuộc họp trực tuyến với B": both take part.
            (MeetingKind::Session, _) => (Vec::new(), subj.into_iter().chain(obj).collect()),
            // "lễ đón chính thức Quốc vương X": the guest welcomed.
            (MeetingKind::Ceremony, _) => (Vec::new(), obj.into_iter().collect()),
            _ => (Vec::new(), Vec::new()),
        };
        for p in hosts {
            push_unique(&mut m.chairs, to_person(ctx, p));
        }
        for p in guests {
            if !m.chairs.iter().any(|x| x.name == p.name) {
                push_unique(&mut m.attendees, to_person(ctx, p));
            }
        }
        for p in subj.into_iter().chain(obj) {
            if let Some(partner) = p.partner.as_ref().filter(|x| x.code != "VN") {
                if !m.partners.iter().any(|x| x.code == partner.code) {
                    m.partners.push(partner.clone());
                }
            }
        }
        // "thăm chính thức Lào": the country visited.
        if mention.kind == MeetingKind::Visit {
            let end = ctx.text()[mention.trigger.end..mention.sentence.end].find([',', ';', '.']).map_or(mention.sentence.end, |i| mention.trigger.end + i);
            for hit in crate::lexicon::partners::find_partners(text, mention.trigger.end..end) {
                if hit.partner.code != "VN" && !m.partners.iter().any(|x| x.code == hit.partner.code) {
                    m.partners.push(hit.partner);
                }
            }
        }
    }
    // The countries of foreign chairs and guests ("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị").
    for p in m.chairs.iter().chain(&m.attendees) {
        if let Some(partner) = p.partner.as_ref().filter(|x| x.code != "VN") {
            if !m.partners.iter().any(|x| x.code == partner.code) {
                m.partners.push(partner.clone());
            }
        }
    }
    // A chair is never also listed as an attendee.
    let chairs = m.chairs.clone();
    m.attendees.retain(|a| !chairs.iter().any(|c| c.name == a.name));
    // Passing mentions (a forum Vietnam hosted) have no speakers of their own.
    if !main && g.proper {
        m.speakers.clear();
    }
    // Foreign partners named in the event's name ("Hội nghị Đại dương Liên Hợp Quốc").
    for mention in &g.mentions {
        for hit in crate::lexicon::partners::find_partners(text, mention.name.clone()) {
            if hit.partner.code != "VN" && !m.partners.iter().any(|p| p.code == hit.partner.code) {
                m.partners.push(hit.partner);
            }
        }
    }
}

/// "X phát biểu", "Phát biểu …, X nêu rõ", "Theo X, …".
fn is_speaker(ctx: &Context<'_>, p: &PersonHit, s: &Range<usize>) -> bool {
    if p.name.is_none() {
        return false;
    }
    let after = ctx.lower[p.range.end..s.end].trim_start();
    let after = after.strip_prefix("cũng ").or_else(|| after.strip_prefix("đã ")).unwrap_or(after);
    // "X chủ trì và phát biểu khai mạc", "X dự và phát biểu".
    let after = ["chủ trì và ", "dự và ", "tham dự và ", "đến dự và "].iter().find_map(|p| after.strip_prefix(p)).unwrap_or(after);
    let verb_after = cues("speak").iter().any(|v| after.starts_with(v.as_str()));
    let before = ctx.lower[s.start..p.range.start].trim();
    let theo = before == "theo";
    let phat_bieu_lead = before.starts_with("phát biểu") && before.ends_with(',');
    verb_after || theo || phat_bieu_lead
}
