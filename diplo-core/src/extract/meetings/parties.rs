//! Who is told with an event word: the subject before a verb ("Thủ tướng X
//! hội đàm"), the object after it ("… với Tổng thống Y"), lists of objects,
//! "the two" of the event before ("hai nhà lãnh đạo"), the leader of a
//! delegation ("đoàn … do X dẫn đầu").

use super::lexicon::{cue_after, cue_before, cues, ends_with_word};
use crate::extract::people::PersonHit;
use crate::extract::Context;
use std::ops::Range;

/// How far an object may stand after its verb, in bytes.
const OBJECT_GAP: usize = 60;

/// How many `subject_gap` phrases may stand in a row ("cũng đã lần lượt").
const GAP_PIECES: usize = 3;

/// May `gap` (lower case) stand between a subject and its event verb: nothing,
/// or up to [`GAP_PIECES`] `subject_gap` phrases in a row ("cũng" + "lần
/// lượt" → "cũng lần lượt gặp"), so the table lists words, not combinations.
pub fn is_subject_gap(gap: &str) -> bool {
    let mut rest = gap.trim();
    for _ in 0..GAP_PIECES {
        if rest.is_empty() {
            return true;
        }
        let Some(c) = cue_after("subject_gap", rest) else { return false };
        rest = rest[c.len()..].trim_start();
    }
    rest.is_empty()
}

/// Indices of people in `r` (people are sorted by position).
pub fn people_in(people: &[PersonHit], r: &Range<usize>) -> Range<usize> {
    let first = people.partition_point(|p| p.range.start < r.start);
    let last = people.partition_point(|p| p.range.start < r.end);
    let mut end = first;
    while end < last && people[end].range.end <= r.end {
        end += 1;
    }
    first..end
}

/// The subject ending right before `pos` ("Thủ tướng X đã hội đàm", "A và B
/// hội đàm", "Thủ tướng X, Trưởng Ban …, đã tiếp"): the people of a list.
pub fn subject_before(ctx: &Context<'_>, people: &[PersonHit], from: usize, pos: usize) -> Vec<usize> {
    let text = ctx.text();
    let lower = ctx.lower.as_str();
    let i = people.partition_point(|p| p.range.end <= pos);
    let Some(last) = i.checked_sub(1) else { return Vec::new() };
    let p = &people[last];
    if p.range.start < from {
        return Vec::new();
    }
    let gap = lower[p.range.end..pos].trim();
    let gap_ok = is_subject_gap(gap);
    // "Thủ tướng X, Trưởng Ban Chỉ đạo …, đã tiếp": a long apposition set off by commas.
    let apposed = !gap_ok && text[p.range.end..pos].starts_with(", ") && {
        let g = text[p.range.end..pos].trim_end();
        let inner_end = g.rfind(',').unwrap_or(0);
        let after = lower[p.range.end + inner_end + 1..pos].trim();
        inner_end > 2 && g.len() < 200 && is_subject_gap(after) && !g[..inner_end].contains([';', '.'])
    };
    if !gap_ok && !apposed {
        return Vec::new();
    }
    let mut out = vec![last];
    let mut k = last;
    // "A và B", "A, B và C": every member of the list; the last two are joined by
    // "và" or "cùng" ("Nhận lời mời của A, B thăm …" is no list), and a member
    // told after "của", "mời" or "với" is no subject.
    while k > 0 && out.len() < 6 {
        let (prev, next) = (&people[k - 1], &people[k]);
        if prev.range.start < from {
            break;
        }
        let g = lower.get(prev.range.end..next.range.start).unwrap_or("x").trim();
        let joined = if out.len() == 1 { matches!(g, "và" | "cùng" | "cùng với") } else { matches!(g, "và" | "," | "cùng" | "cùng với") };
        let governed = ["của", "mời", "với"].iter().any(|w| ends_with_word(lower[from..prev.range.start].trim_end(), w));
        if prev.name.is_none() || !joined || governed {
            break;
        }
        out.push(k - 1);
        k -= 1;
    }
    out.reverse();
    out
}

/// The objects of a verb at `pos`: the person right after it (within the
/// clause), and those listed after that one ("A, B và C"; "A; B").
pub fn objects_after(ctx: &Context<'_>, people: &[PersonHit], pos: usize, limit: usize, list_limit: usize) -> Vec<usize> {
    let text = ctx.text();
    let lower = ctx.lower.as_str();
    let i = people.partition_point(|p| p.range.start < pos);
    let Some(p) = people.get(i) else { return Vec::new() };
    let Some(gap) = text.get(pos..p.range.start.min(limit)) else { return Vec::new() };
    if p.range.start >= limit || gap.len() > OBJECT_GAP || gap.contains([',', ';', '.', ':']) {
        return Vec::new();
    }
    // "… với Đoàn … do X dẫn đầu": the object is told through its leader, later.
    let mut out = vec![i];
    let mut k = i;
    let mut joined_by_va = false;
    while out.len() < 8 {
        let (Some(a), Some(b)) = (people.get(k), people.get(k + 1)) else { break };
        // The list may run past the first object's clause: "hội kiến A, B và C".
        if b.range.start >= list_limit.max(limit) {
            break;
        }
        let g = lower.get(a.range.end..b.range.start).unwrap_or("x").trim();
        // "A, chủ nhà Năm APEC 2025, và B": a short lower-case apposition about A.
        let g = apposition_skipped(text, a.range.end, b.range.start).unwrap_or(g);
        // "A, B và C": once "và" has joined the last two, a comma starts something else
        // ("của A và B, Bộ trưởng C và D đã ký").
        if !matches!(g, "và" | "," | ";" | ", và" | "; và") || joined_by_va && g == "," {
            break;
        }
        joined_by_va |= g.contains("và");
        out.push(k + 1);
        k += 1;
    }
    out
}

/// How long an apposition between two listed people may be (bytes).
const APPOSITION_REACH: usize = 64;

/// ", chủ nhà Năm APEC 2025, và" between two people: the separator left once
/// a short apposition opening with a lower-case word is taken out (", và").
fn apposition_skipped(text: &str, from: usize, to: usize) -> Option<&'static str> {
    let g = text.get(from..to)?.trim();
    let inner = g.strip_prefix(',')?.trim_start();
    let close = inner.rfind(',')?;
    let (body, rest) = (&inner[..close], inner[close + 1..].trim());
    let fits = !body.is_empty() && body.len() <= APPOSITION_REACH && !body.contains([',', ';', '.', ':', '(']) && body.starts_with(char::is_lowercase);
    match rest {
        "và" if fits => Some(", và"),
        "" if fits => Some(","),
        _ => None,
    }
}

/// "hai nhà lãnh đạo", "hai Thủ tướng" ending right before `pos` (after
/// subject gaps): the cue, lower case.
pub fn pair_before(ctx: &Context<'_>, from: usize, pos: usize) -> Option<&'static str> {
    let mut before = ctx.lower[from..pos].trim_end();
    // Strip the gaps between subject and verb ("hai nhà lãnh đạo đã tiến hành").
    for _ in 0..3 {
        let Some(g) = cues("subject_gap").iter().find(|g| ends_with_word(before, g)) else { break };
        before = before[..before.len() - g.len()].trim_end();
    }
    cue_before("pair", before)
}

/// The grammatical subject of a sentence for an event word at `pos` when none
/// stands right before it: the first named person of the sentence who is not
/// told as an inviter or a companion ("Nhận lời mời của A, B sẽ thăm …").
pub fn sentence_subject(ctx: &Context<'_>, people: &[PersonHit], from: usize, pos: usize) -> Option<usize> {
    let ok = |j: &usize| {
        let p = &people[*j];
        let b = ctx.lower[from..p.range.start].trim_end();
        p.name.is_some() && !["của", "mời", "với", "cùng", "và", "tiếp", "gặp", "đón", "chở", "nhân", "danh nhân", "anh hùng"].iter().any(|w| ends_with_word(b, w))
    };
    // The subject of the verb's own clause ("…, Chủ tịch nước cùng đoàn đã dâng hương"), else the sentence's.
    let clause = ctx.text()[from..pos].rfind(',').map_or(from, |i| from + i + 1);
    people_in(people, &(clause..pos)).find(ok).or_else(|| people_in(people, &(from..pos)).find(ok))
}

/// "đoàn … do ông X, Tổng Giám đốc …, dẫn đầu": the leader of a delegation
/// told in `s`, with the position of "dẫn đầu" / "làm Trưởng đoàn".
pub fn delegation_leaders(ctx: &Context<'_>, people: &[PersonHit], s: &Range<usize>) -> Vec<(usize, usize)> {
    let lower = &ctx.lower;
    let text = ctx.text();
    people_in(people, s)
        .filter(|&j| {
            let p = &people[j];
            p.name.is_some() && ends_with_word(lower[s.start..p.range.start].trim_end(), "do")
        })
        .filter_map(|j| {
            let p = &people[j];
            let after = &lower[p.range.end..s.end];
            let at = ["dẫn đầu", "làm trưởng đoàn", "làm trưởng phái đoàn"].iter().filter_map(|w| after.find(w)).min()?;
            // Nobody else named in between (a bare title is the leader's apposition).
            let named = |q: &PersonHit| q.name.as_deref().is_some_and(|n| text[q.range.clone()].contains(n));
            let between = people_in(people, &(p.range.end..p.range.end + at));
            (at < 160 && !between.clone().any(|q| named(&people[q]))).then_some((j, p.range.end + at))
        })
        .collect()
}
