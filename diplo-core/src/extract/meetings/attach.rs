//! Sentences that add people to an event told in another sentence:
//! "Tháp tùng Tổng thống có …" and "Cùng đi có …" (a visit's entourage),
//! "Cùng dự buổi tiếp có …" (attendees of the event told before), "Đoàn …
//! do X dẫn đầu" (a principal), and a visiting leader's spouse.

use super::fields::Cast;
use super::group::Group;
use super::lexicon::{cues, starts_with_word};
use super::parties::{delegation_leaders, people_in};
use crate::extract::people::PersonHit;
use crate::extract::Context;
use crate::records::MeetingKind;
use std::collections::HashSet;

/// Every mention's position and group, sorted by position.
fn positions(groups: &[Group]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = groups.iter().enumerate().flat_map(|(i, g)| g.mentions.iter().map(move |m| (m.trigger.start, i))).collect();
    v.sort_unstable();
    v
}

/// The group of the nearest mention before `pos` that `ok` accepts (a few back at most).
fn before(at: &[(usize, usize)], groups: &[Group], pos: usize, ok: impl Fn(&Group) -> bool) -> Option<usize> {
    let k = at.partition_point(|(p, _)| *p < pos);
    at[..k].iter().rev().take(32).find(|(_, g)| ok(&groups[*g])).map(|(_, g)| *g)
}

fn after(at: &[(usize, usize)], groups: &[Group], pos: usize, ok: impl Fn(&Group) -> bool) -> Option<usize> {
    let k = at.partition_point(|(p, _)| *p < pos);
    at[k..].iter().take(32).find(|(_, g)| ok(&groups[*g])).map(|(_, g)| *g)
}

/// Is the event word at `pos` the guest's trip under way ("đang thăm", "đang có chuyến thăm")?
fn ongoing_trip(ctx: &Context<'_>, pos: usize) -> bool {
    let b = ctx.lower[..pos].trim_end();
    cues("ongoing_before").iter().any(|w| super::lexicon::ends_with_word(b, w))
}

/// How many sentences after an event's last mention still tell what was said at it.
const SPEECH_REACH: usize = 6;

/// "Tại hội đàm, … . Chủ tịch Quốc hội X đề nghị …": the one event sentence `si`
/// tells (its own, or the last one told a few sentences before), whose principals'
/// words it reports. The main event, which reads speakers from the whole article,
/// and a visit, which spans the other events, are left out.
fn event_spoken_of(ctx: &Context<'_>, groups: &[Group], main: Option<usize>, at: &[(usize, usize)], si: usize) -> Option<usize> {
    let r = &ctx.sentences[si].range;
    let k = at.partition_point(|(p, _)| *p < r.start);
    let mut own = at[k..].iter().take_while(|(p, _)| *p < r.end).map(|&(_, g)| g);
    let g = match own.next() {
        Some(g) if own.all(|o| o == g) => g,
        Some(_) => return None,
        None => {
            let &(pos, g) = at.get(k.checked_sub(1)?)?;
            if si.saturating_sub(ctx.sentences.partition_point(|s| s.range.end <= pos)) > SPEECH_REACH {
                return None;
            }
            g
        }
    };
    (Some(g) != main && groups[g].kind() != MeetingKind::Visit).then_some(g)
}

/// The named people after the first " có " (or " gồm ") from `from` in the sentence.
fn listed_after_co(ctx: &Context<'_>, people: &[PersonHit], from: usize, end: usize) -> Vec<usize> {
    let l = &ctx.lower[from..end];
    let Some(i) = [" có ", " gồm "].iter().filter_map(|w| l.find(w).map(|i| i + w.len())).min() else { return Vec::new() };
    people_in(people, &(from + i..end)).filter(|&j| people[j].name.is_some()).collect()
}

pub fn attach(ctx: &Context<'_>, groups: &[Group], people: &[PersonHit], casts: &mut [Cast], couples: &[(String, String)], main: Option<usize>) {
    let at = positions(groups);
    let is_visit = |g: &Group| g.kind() == MeetingKind::Visit;
    for s in &ctx.sentences {
        let r = s.range.clone();
        let l = ctx.lower[r.clone()].trim_start();
        let lead = r.start + (ctx.lower[r.clone()].len() - l.len());
        // The group of an event word in this very sentence, if any.
        let k = at.partition_point(|(p, _)| *p < r.start);
        let own = at[k..].iter().take_while(|(p, _)| *p < r.end).map(|(_, g)| *g).next();
        // "Tháp tùng Tổng thống có …", "Cùng đi có …": the visit's entourage.
        if cues("entourage").iter().any(|c| starts_with_word(l, c)) {
            let target = before(&at, groups, r.start, is_visit).or_else(|| after(&at, groups, r.end, is_visit));
            if let Some(g) = target {
                for j in listed_after_co(ctx, people, lead, r.end) {
                    casts[g].attend(j);
                }
            }
            continue;
        }
        // "Chủ trì Hội nghị có đồng chí …": chairs of the event of this sentence, else the one before.
        if cues("chair_lead").iter().any(|c| starts_with_word(l, c)) && l.contains(" có ") {
            let target = own.or_else(|| before(&at, groups, r.start, |_| true));
            if let Some(g) = target {
                for j in listed_after_co(ctx, people, lead, r.end) {
                    casts[g].chair(j);
                }
            }
            continue;
        }
        // "Cùng dự buổi tiếp có …": attendees of the event of this sentence, else the one before
        // (not the guest's trip under way told inside it: "… Tổng thống X đang thăm …").
        if cues("attend_lead").iter().any(|c| starts_with_word(l, c)) && l.contains(" có ") {
            let k = at.partition_point(|(p, _)| *p < r.start);
            let told_before = at[..k].iter().rev().take(32).find(|(p, _)| !ongoing_trip(ctx, *p)).map(|(_, g)| *g);
            let target = own.or(told_before);
            if let Some(g) = target {
                for j in listed_after_co(ctx, people, lead, r.end) {
                    if !casts[g].is_chair(j) {
                        casts[g].attend(j);
                    }
                }
            }
            continue;
        }
        // "Đoàn Việt Nam do ông X dẫn đầu …": a principal of the event told before;
        // "Đoàn … do Thủ tướng dẫn đầu có A, B": members of the visit.
        if own.is_none() {
            for (j, end) in delegation_leaders(ctx, people, &r) {
                // "Đoàn đại biểu cấp cao do Thủ tướng dẫn đầu …": the visit told with its delegation
                // ("cùng Đoàn đại biểu cấp cao … bắt đầu chuyến thăm"), else the event before.
                let with_delegation = |g: &Group| is_visit(g) && g.mentions.iter().any(|m| ctx.lower[m.sentence.clone()].contains("đoàn"));
                let target = before(&at, groups, r.start, with_delegation)
                    .or_else(|| before(&at, groups, r.start, |g| matches!(g.kind(), MeetingKind::Visit | MeetingKind::Talks | MeetingKind::Session | MeetingKind::Conference)));
                if let Some(g) = target {
                    casts[g].chair(j);
                    if is_visit(&groups[g]) {
                        let tail = ctx.lower[end..r.end].trim_start();
                        let members = ["dẫn đầu", "làm trưởng đoàn"].iter().any(|w| tail.starts_with(w)) && ctx.lower[end..r.end].contains(" có ");
                        if members {
                            for m in listed_after_co(ctx, people, end, r.end) {
                                casts[g].attend(m);
                            }
                        }
                    }
                }
            }
        }
    }
    // A visiting leader's spouse, named with them somewhere, travels with them.
    for (g, cast) in groups.iter().zip(casts.iter_mut()) {
        if g.kind() != MeetingKind::Visit {
            continue;
        }
        // At most a few couples are known: each is looked for once.
        for (person, spouse) in couples.iter() {
            if !cast.chairs.iter().any(|&j| people[j].name.as_deref() == Some(person.as_str())) {
                continue;
            }
            if let Some(j) = people.iter().position(|p| p.name.as_deref() == Some(spouse.as_str())) {
                cast.attend(j);
            }
        }
    }
    // What the cast said at each event, once the cast is known (names looked up in a
    // set per event, so a long cast costs no scan per person).
    let cast_names: Vec<HashSet<String>> = casts.iter().map(|c| c.chairs.iter().chain(&c.attendees).filter_map(|&j| people[j].name.clone()).collect()).collect();
    // Only people already in the event's cast count as its speakers.
    for (si, s) in ctx.sentences.iter().enumerate() {
        let Some(g) = event_spoken_of(ctx, groups, main, &at, si) else { continue };
        for j in people_in(people, &s.range) {
            if people[j].name.as_ref().is_some_and(|n| cast_names[g].contains(n)) && super::fields::speaks_at(ctx, &people[j], &s.range, groups[g].kind()) {
                casts[g].speakers.push(j);
            }
        }
    }
}
