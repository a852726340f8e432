//! Mentions merged into events: one group per real event.
//!
//! - Events told with their people ("A hội đàm với B", "A tiếp B") are one
//!   event when they have the same kind and one's people include the other's;
//!   visits also need the same country visited.
//! - Proper names ("Diễn đàn Tương lai ASEAN") are merged by name.
//! - A bare or anaphoric word ("Tại hội đàm", "cuộc họp này", "chuyến thăm")
//!   is the nearest event of its kind told before it; with none before, an
//!   anaphoric word is no event at all.

use super::mentions::EventMention;
use super::lexicon::{cues, ends_with_word, is_call_word, starts_with_word, Roles};
use crate::extract::people::PersonHit;
use crate::extract::Context;
use crate::records::MeetingKind;

/// How far (bytes) after a summit's name the bracketed code of its group may stand.
const SUMMIT_CODE_REACH: usize = 120;
/// How many events before a mention are searched for the one it refers to.
const LOOKBACK: usize = 64;
/// How many events before a mention are searched for a named event it repeats
/// ("Đại hội XIII" after "Đại hội Đảng … lần thứ XIII"): far beyond any article.
const NAMED_LOOKBACK: usize = 256;
/// How far (bytes) after the host of a framed reception its guest may be named.
const GUEST_REACH: usize = 120;
/// How far after an anaphoric word (in bytes) the event it names may first be told.
const FORWARD: usize = 600;
/// How many events on the next event of a kind may be looked for.
const NEXT_OF_KIND: usize = 4;

/// One real event and its mentions, while the document is read.
pub struct Group {
    pub mentions: Vec<EventMention>,
    pub key: String,
    pub proper: bool,
    /// Names of the people its first mention was told with.
    pub principals: Vec<String>,
    /// For a visit: the country visited.
    pub destination: Option<String>,
    /// For a visit to a place below the country ("thăm Trường Đại học …"): the place.
    pub place: Option<String>,
    /// Guests of mentions merged in that were told with fewer people than the
    /// first ("tiếp Đại sứ A và Đại sứ B" then "tiếp Đại sứ A"): another such
    /// mention with another guest is another meeting.
    parts: Vec<Vec<String>>,
    /// Where its latest mention so far starts (mentions referring back are
    /// added out of order).
    last: usize,
}

impl Group {
    pub fn kind(&self) -> MeetingKind {
        self.mentions[0].kind
    }

    fn last_at(&self) -> usize {
        self.last
    }

    fn push(&mut self, m: EventMention) {
        self.last = self.last.max(m.trigger.start);
        self.mentions.push(m);
    }
}

/// The name without function words, for comparing two mentions' names.
pub fn key(ctx: &Context<'_>, m: &EventMention) -> String {
    let name = &ctx.lower[m.name.clone()];
    // One summit has several names ("Hội nghị thượng đỉnh G20", "Hội nghị Cấp cao G20"):
    // they are compared by what follows the summit word.
    let summit_word = (m.kind == MeetingKind::Summit).then(|| cues("summit_word").iter().find(|w| starts_with_word(name, w))).flatten();
    let name = summit_word.map_or(name, |w| &name[w.len()..]);
    // "Hội nghị Thượng đỉnh Nhóm các nền kinh tế … hàng đầu thế giới (G20)": the group's code.
    // The bracket may follow words the name stopped before ("… phát triển và mới nổi … (G20)").
    let code = summit_word.and_then(|_| {
        let rest = ctx.lower.get(m.name.end..m.sentence.end)?;
        let clause = &rest[..rest.find([',', ';', '.', ':']).unwrap_or(rest.len())];
        let open = clause.find('(').filter(|&k| k <= SUMMIT_CODE_REACH)?;
        let after = &clause[open + 1..];
        let code = &after[..after.find(')').filter(|&k| k <= 12)?];
        (!code.is_empty() && code.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '+')).then_some(code)
    });
    let name = code.unwrap_or(name);
    let head = if summit_word.is_some() { "\u{1}summit" } else { "" };
    std::iter::once(head)
        .chain(name.split(' '))
        .filter(|w| !matches!(*w, "của" | "về" | "các" | "và" | "chống" | "" | "-"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Names of the people a mention is told with.
pub fn principals(text: &str, m: &EventMention, people: &[PersonHit]) -> Vec<String> {
    // A person told by office alone ("Bộ trưởng Ngoại giao Singapore", "Quốc vương") still
    // tells two events apart; a group told by office ("các Đại sứ") names nobody.
    let key = |p: &PersonHit| match &p.name {
        Some(n) => Some(n.clone()),
        None if crate::extract::people::told_as_group(text, p.range.start) => None,
        None => Some(format!("~{}~{}", p.title.as_deref()?, p.partner.as_ref().map_or("", |x| x.code.as_str()))),
    };
    let mut v: Vec<String> = m.subject.iter().chain(&m.object).filter_map(|&i| key(people.get(i)?)).collect();
    v.sort();
    v.dedup();
    v
}

/// The country visited: the first partner after the visit word, in its clause.
pub fn destination(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> Option<String> {
    if m.kind != MeetingKind::Visit {
        return None;
    }
    let text = ctx.text();
    let end = text[m.trigger.end..m.sentence.end].find([',', ';', '.', '(']).map_or(m.sentence.end, |i| m.trigger.end + i);
    let end = end.min(m.name.end.max(m.trigger.end + 48)).min(m.sentence.end);
    let end = (end..=m.sentence.end).find(|&i| text.is_char_boundary(i)).unwrap_or(m.sentence.end);
    // Not the country of the visitor's office ("… của Tổng thống Hàn Quốc tới Việt Nam").
    let in_person = |pos: usize| {
        let k = people.partition_point(|p| p.range.end <= pos);
        people.get(k).is_some_and(|p| p.range.start <= pos)
    };
    let hits: Vec<_> = crate::lexicon::partners::find_partners(text, m.trigger.end..end).into_iter().filter(|h| !in_person(h.range.start)).collect();
    // "chuyến thăm … đầu tiên của một Thủ tướng Việt Nam tới Uzbekistan": the country
    // after "tới/đến/sang" is the one visited, before a country named on the way.
    let lower = ctx.lower.as_str();
    let marked = hits.iter().find(|h| super::lexicon::cues("destination_before").iter().any(|w| ends_with_word(lower[..h.range.start].trim_end(), w)));
    marked.or(hits.first()).map(|h| h.partner.code.clone())
}

/// "X thăm Tòa nhà Quốc hội …": a visit to a named place (not a country) within a trip.
pub fn visited_place(ctx: &Context<'_>, m: &EventMention) -> Option<String> {
    if m.word != "thăm" {
        return None;
    }
    let rest = ctx.text().get(m.trigger.end..m.sentence.end)?.strip_prefix(' ')?;
    if !rest.starts_with(char::is_uppercase) || crate::lexicon::partners::find_partners(ctx.text(), m.trigger.end + 1..m.sentence.end).first().is_some_and(|h| h.range.start == m.trigger.end + 1) {
        return None;
    }
    Some(crate::text::lowercase_same_len(&rest.split([',', '.', ';']).next().unwrap_or(rest).split(' ').take(4).collect::<Vec<_>>().join(" ")))
}

/// The ordinal of a named event ("lần thứ xiii", "xiii"), for "Đại hội XIII" and
/// "Đại hội … lần thứ XIII" to be one.
fn named_ordinal(key: &str) -> Option<&str> {
    let words: Vec<&str> = key.split(' ').collect();
    words.iter().position(|w| *w == "thứ").and_then(|i| words.get(i + 1).copied()).or_else(|| {
        words.iter().skip(1).copied().find(|w| w.len() > 1 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
    })
}

/// Kinds a bare word may refer back to ("hội nghị" → a summit).
fn refers_to(word_kind: MeetingKind, event_kind: MeetingKind) -> bool {
    use MeetingKind::*;
    word_kind == event_kind || matches!((word_kind, event_kind), (Conference, Summit) | (Summit, Conference) | (Session, Conference))
}

/// The ordinal a name carries: "thứ 19" in "phiên đàm phán thứ 19", "xiii" in "đại hội xiii".
fn ordinal(key: &str) -> Option<&str> {
    let words: Vec<&str> = key.split(' ').collect();
    words.iter().position(|w| *w == "thứ").and_then(|i| words.get(i + 1).copied())
}

/// The ceremony named earlier in the mention's sentence, if any.
fn ceremony_in_sentence(groups: &[Group], m: &EventMention) -> Option<usize> {
    let from = groups.len().saturating_sub(LOOKBACK);
    (from..groups.len()).rev().find(|&i| groups[i].kind() == MeetingKind::Ceremony && groups[i].mentions.iter().any(|x| x.sentence == m.sentence && x.trigger.start < m.trigger.start && x.roles != Roles::Witness))
}

/// Is `m` told with an event word of `g` (same kind and word)?
fn same_word(g: &Group, m: &EventMention) -> bool {
    g.kind() == m.kind && g.mentions.iter().any(|x| x.word == m.word)
}

/// The capitalised words of a described event's name after its "giữa" or "với":
/// the parties it names ("lễ ký kết thỏa thuận giữa VPBank và …" → VPBank).
fn named_words<'t>(text: &'t str, m: &EventMention) -> impl Iterator<Item = &'t str> {
    let from = m.trigger.end.clamp(m.name.start, m.name.end);
    let name = text.get(from..m.name.end).unwrap_or("");
    let parties = [" giữa ", " với "].iter().filter_map(|w| name.find(w).map(|i| i + w.len())).min().map_or("", |i| &name[i..]);
    parties.split(' ').filter(|w| w.starts_with(char::is_uppercase))
}

/// Two described events that name different parties ("lễ ký kết … giữa VPBank và SMBC",
/// "lễ ký kết … với Eximbank") are two events, though told with the same word.
fn names_other_parties(text: &str, g: &Group, m: &EventMention) -> bool {
    let mine: Vec<&str> = named_words(text, m).collect();
    let mut theirs = g.mentions.iter().flat_map(|x| named_words(text, x)).peekable();
    !mine.is_empty() && theirs.peek().is_some() && theirs.all(|w| !mine.contains(&w))
}

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x))
}

/// Does the mention carry a chair or a day of its own ("Hội nghị diễn ra chiều 22/7, do … chủ trì")?
pub fn own(ctx: &Context<'_>, m: &EventMention) -> bool {
    super::fields::chair_in(ctx, &m.sentence).is_some() || {
        let first = ctx.temporals.partition_point(|t| t.range.start < m.sentence.start);
        ctx.temporals[first..].iter().take_while(|t| t.range.start < m.sentence.end).any(|t| t.is_day && t.range.end <= m.sentence.end)
    }
}

pub fn group(ctx: &Context<'_>, found: Vec<EventMention>, people: &[PersonHit]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut pending: Vec<EventMention> = Vec::new();
    let lower = ctx.lower.as_str();
    for m in found {
        let k = key(ctx, &m);
        let names = principals(ctx.text(), &m, people);
        let dest = destination(ctx, &m, people);
        let place = visited_place(ctx, &m);
        // "X trong Đại lễ Y": a part of the event named right after.
        let inside = lower[m.name.end..m.sentence.end].trim_start().strip_prefix("trong ").is_some() && !m.told_with_people();
        // The event a word refers back to: the one told most often so far (the article's
        // own), then the nearest ("Kết thúc kỳ họp" after a past session named in passing).
        let recent = |groups: &[Group], ok: &dyn Fn(&Group) -> bool| -> Option<usize> {
            let from = groups.len().saturating_sub(LOOKBACK);
            (from..groups.len()).filter(|&i| ok(&groups[i]) && groups[i].last_at() < m.trigger.start).max_by_key(|&i| (groups[i].mentions.len(), groups[i].last_at()))
        };
        let target = if inside {
            None
        } else if m.kind == MeetingKind::Visit && (!names.is_empty() || dest.is_some() || place.is_some()) {
            let from = groups.len().saturating_sub(LOOKBACK);
            (from..groups.len()).find(|&i| {
                let g = &groups[i];
                g.kind() == MeetingKind::Visit
                    && g.place == place
                    // A title told without a name ("của một Thủ tướng Việt Nam") may be anyone's.
                    && (g.principals.is_empty() || names.iter().all(|n| n.starts_with('~')) || g.principals.iter().any(|p| names.contains(p)))
                    && (g.destination.is_none() || dest.is_none() || g.destination == dest)
                    && !(g.principals.is_empty() && g.destination.is_none())
            })
        } else if m.roles == Roles::Named && m.proper {
            // "Đại hội Đảng … lần thứ XIII" and "Đại hội XIII": one congress.
            let o = named_ordinal(&k);
            let from = groups.len().saturating_sub(NAMED_LOOKBACK);
            (from..groups.len()).find(|&i| {
                let g = &groups[i];
                g.proper && g.mentions[0].word == m.word && (g.key.starts_with(&k) || k.starts_with(&g.key) || o.is_some() && named_ordinal(&g.key) == o)
            })
        } else if m.roles == Roles::Witness && ceremony_in_sentence(&groups, &m).is_some() {
            // "Lễ ký diễn ra dưới sự chứng kiến của A và B": the witnesses of that ceremony.
            ceremony_in_sentence(&groups, &m)
        } else if !names.is_empty() && m.roles != Roles::Noun {
            // "gặp gỡ cộng đồng người Việt": met a group, not one of the people met before.
            let met_group = m.object.is_empty() && super::lexicon::cue_after("met_group", &lower[m.trigger.end..m.sentence.end]).is_some();
            let from = groups.len().saturating_sub(LOOKBACK);
            (from..groups.len()).find(|&i| {
                let g = &groups[i];
                let fewer = subset(&names, &g.principals) && names.len() < g.principals.len() && !met_group;
                // Told with fewer people than the first: one of them, unless another such
                // mention already named someone else ("tiếp A và B" → "tiếp A", "tiếp B").
                // (Fewer still than a part told before, "hội kiến với A" after "hội kiến A" told
                // by both sides, is that part.)
                let other_part = fewer && g.parts.iter().any(|p| *p != names) && !g.parts.iter().any(|p| subset(&names, p));
                // "A hội kiến B" told again from the host's side ("Tiếp A, B khẳng định …"):
                // the same pair, or one of it.
                let same_pair = subset(&names, &g.principals) && subset(&g.principals, &names);
                let host_or_call = |r: Roles| matches!(r, Roles::Host | Roles::CallOn);
                let roles_fit = g.mentions[0].roles == m.roles || (same_pair || fewer && !other_part) && host_or_call(g.mentions[0].roles) && host_or_call(m.roles);
                // A phone call and a meeting of the same two people are two events.
                let same_medium = is_call_word(&g.mentions[0].word) == is_call_word(&m.word);
                // A reception of a group ("tiếp các Đại sứ trình Quốc thư") takes in the guests
                // told one by one after it ("Tiếp Đại sứ X, Chủ tịch nước …"), not another
                // reception told with its own host ("tiếp Đại sứ Y chào từ biệt").
                let group_guests = g.mentions[0].object.iter().any(|&i| people.get(i).is_some_and(|p| p.name.is_none() && crate::extract::people::told_as_group(ctx.text(), p.range.start)));
                let one_by_one = lower[m.sentence.start..m.trigger.start].trim().is_empty();
                let more = subset(&g.principals, &names) && (!group_guests || one_by_one || same_pair);
                g.kind() == m.kind && roles_fit && same_medium && !g.principals.is_empty() && (more || fewer && !other_part)
            })
            // "ngay sau lễ đón chính thức tại …" then "X chủ trì lễ đón chính thức Y": a rite
            // named before without its people is the one now told with them.
            .or_else(|| (m.kind == MeetingKind::Ceremony).then(|| (from..groups.len()).find(|&i| groups[i].kind() == m.kind && groups[i].principals.is_empty() && groups[i].key.split(' ').count() >= 3 && k.starts_with(&groups[i].key))).flatten())
        } else if m.proper {
            let from = groups.len().saturating_sub(NAMED_LOOKBACK);
            (from..groups.len()).find(|&i| groups[i].proper && (groups[i].key.starts_with(&k) || k.starts_with(&groups[i].key)))
        } else if m.soft && recent(&groups, &|g: &Group| same_word(g, &m)).is_some() {
            // "tại tiệc chiêu đãi …" is the banquet told before, not a "hội kiến"
            // of the same kind.
            recent(&groups, &|g: &Group| same_word(g, &m))
        } else if m.bare() && !(m.kind == MeetingKind::Ceremony && m.roles == Roles::Lead) || m.anaphoric {
            // (A rite told by its verb, "đặt vòng hoa", is no word referring back.)
            // The article's own event of that kind first (a bare "Hội nghị" rarely means
            // a named one told in passing), then a named one, then a kind it may stand for.
            recent(&groups, &|g: &Group| g.kind() == m.kind && !g.proper)
                .or_else(|| recent(&groups, &|g: &Group| g.kind() == m.kind))
                .or_else(|| recent(&groups, &|g: &Group| refers_to(m.kind, g.kind())))
        } else {
            // A described event ("hội nghị tổng kết …") is the article's event of that kind,
            // unless both names carry different ordinals ("phiên đàm phán thứ 19" / "thứ 20").
            let n = ordinal(&k);
            let people_fit = |g: &Group| g.principals.is_empty() || names.is_empty() || subset(&g.principals, &names) || subset(&names, &g.principals);
            let from = groups.len().saturating_sub(NAMED_LOOKBACK);
            (from..groups.len()).find(|&i| {
                let g = &groups[i];
                // Two rites told with different words ("dâng hương", "Lễ khai bút") are two events.
                // Two events told with different words ("Đại hội …" in passing, "Hội nghị tổng
                // kết … ngày 18/12") are two, unless this word lies inside the other's name
                // ("Phiên thảo luận chung … Khóa họp thứ 80 …").
                let named_inside = g.mentions.iter().any(|x| x.name.start <= m.trigger.start && m.trigger.end <= x.name.end);
                // "hội nghị của lãnh đạo ASEAN" after "Hội nghị các nhà Lãnh đạo ASEAN": one summit.
                let same_summit = m.kind == MeetingKind::Summit && g.kind() == MeetingKind::Summit && g.key == k && k.starts_with('\u{1}');
                same_summit || !g.proper && (same_word(g, &m) || g.kind() == m.kind && named_inside) && people_fit(g) && !names_other_parties(ctx.text(), g, &m) && (m.roles == Roles::Noun || g.principals.is_empty()) && (n.is_none() || ordinal(&g.key).is_none() || ordinal(&g.key) == n)
            })
        };
        let at = m.trigger.start;
        match target {
            Some(i) => {
                let g = &mut groups[i];
                if !names.is_empty() && subset(&names, &g.principals) && names.len() < g.principals.len() {
                    g.parts.push(names.clone());
                }
                if g.principals.is_empty() {
                    g.principals = names;
                }
                if g.destination.is_none() {
                    g.destination = dest;
                }
                g.push(m);
            }
            None if inside => {
                // Attach to the event named after "trong" once it is read.
                let host = m.sentence.clone();
                groups.push(Group { key: format!("\u{0}{}", host.start), proper: true, mentions: vec![m], principals: names, destination: dest, place, parts: Vec::new(), last: at });
            }
            // An anaphoric word with nothing before it to refer to is no event of its own:
            // it may name one told just after it (a title or caption before the lead).
            None if m.anaphoric && !own(ctx, &m) => pending.push(m),
            None => groups.push(Group { key: k, proper: m.proper, mentions: vec![m], principals: names, destination: dest, place, parts: Vec::new(), last: at }),
        }
    }
    let mut framed: Vec<Group> = Vec::new();
    for m in pending {
        // The first compatible event told within the next few sentences.
        // Groups were made in document order: the ones told after it start here.
        let from = groups.partition_point(|g| g.mentions[0].trigger.start <= m.trigger.start);
        let next = from..(from + 8).min(groups.len());
        let near = |g: &Group| g.mentions[0].sentence.start.saturating_sub(m.sentence.end) < FORWARD;
        let target = next.clone().find(|&i| groups[i].kind() == m.kind && near(&groups[i])).or_else(|| next.clone().find(|&i| refers_to(m.kind, groups[i].kind()) && near(&groups[i])));
        if let Some(i) = target {
            groups[i].push(m);
        } else if let Some(j) = frame_with_subject(ctx, &m, people) {
            // "Tại buổi tiếp, Tổng Bí thư X chào mừng Y …": the article opens inside
            // the event it frames, and nothing told later is that event. X acts in
            // it (the host, the chair); at a reception the next named person is the guest.
            let mut m = m;
            m.subject = vec![j];
            if m.roles == Roles::Host {
                let end = m.sentence.end.min(people[j].range.end + GUEST_REACH);
                m.object = people.iter().enumerate().skip(j + 1).take_while(|(_, p)| p.range.start < end).find(|(_, p)| p.name.is_some()).map(|(k, _)| k).into_iter().collect();
            }
            let names = principals(ctx.text(), &m, people);
            framed.push(Group { key: key(ctx, &m), proper: false, principals: names, destination: None, place: None, parts: Vec::new(), last: m.trigger.start, mentions: vec![m] });
        }
    }
    if !framed.is_empty() {
        groups.extend(framed);
        groups.sort_by_key(|g| g.mentions.first().map_or(0, |x| x.trigger.start));
    }
    merge_parts(ctx, &mut groups);
    merge_bare_into_proper(ctx, &mut groups);
    merge_offices_into_next(&mut groups, people);
    merge_witnesses(&mut groups);
    for g in &mut groups {
        g.mentions.sort_by_key(|x| x.trigger.start);
    }
    groups
}

/// "Tại buổi tiếp, Tổng Bí thư X …": a frame at the head of its sentence ("Tại",
/// "Trong") followed, right after its comma, by a named person who acts in it.
fn frame_with_subject(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> Option<usize> {
    let lower = ctx.lower.as_str();
    let head = lower[m.sentence.start..m.trigger.start].trim();
    // "Trong chuyến thăm, X …" frames a trip told elsewhere (a title, a caption): no event here.
    let framed = m.kind != MeetingKind::Visit && matches!(head, "tại" | "trong" | "tại buổi" | "trong buổi" | "tại cuộc" | "trong cuộc");
    let rest = lower.get(m.name.end..m.sentence.end)?.strip_prefix(',')?;
    let at = m.name.end + 1 + (rest.len() - rest.trim_start().len());
    let k = people.partition_point(|p| p.range.start < at);
    (framed && people.get(k).is_some_and(|p| p.range.start == at && p.name.is_some() && p.title.is_some())).then_some(k)
}

/// Merges "part of" groups into the event that follows them in their sentence:
/// the group, among the nearest [`LOOKBACK`] either side, whose first mention
/// after the part's is in the same sentence (mentions are sorted first).
fn merge_parts(ctx: &Context<'_>, groups: &mut Vec<Group>) {
    for g in groups.iter_mut() {
        g.mentions.sort_by_key(|x| x.trigger.start);
    }
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for i in 0..groups.len() {
        if !groups[i].key.starts_with('\u{0}') {
            continue;
        }
        let m = &groups[i].mentions[0];
        let near = i.saturating_sub(LOOKBACK)..(i + LOOKBACK).min(groups.len());
        let host = near.clone().find(|&j| {
            let g = &groups[j];
            let next = g.mentions.partition_point(|h| h.trigger.start <= m.trigger.start);
            !g.key.starts_with('\u{0}') && g.mentions.get(next).is_some_and(|h| h.sentence == m.sentence)
        });
        match host {
            Some(h) => into[i] = Some(h),
            None => groups[i].key = key(ctx, &groups[i].mentions[0].clone()),
        }
    }
    fold_into(groups, &into);
}

/// Moves the mentions of each group `i` with `into[i] = Some(h)` into group
/// `h` (never itself a moved one) and drops the emptied groups, in one pass.
/// Witnesses told without a rite word of their own belong to the ceremony their sentence
/// names: "dưới sự chứng kiến của A và B, Lễ ký kết … đã được tổ chức". (A signing witnessed
/// "Tại hội nghị, dưới sự chứng kiến của …" is its own ceremony, as the dev gold has it.)
fn merge_witnesses(groups: &mut Vec<Group>) {
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for i in 0..groups.len() {
        let g = &groups[i];
        // A group first told by its witnesses (bare "lễ ký" words may have joined it since).
        let by_witness = |g: &Group| g.mentions.first().is_some_and(|m| m.roles == Roles::Witness);
        if !by_witness(g) {
            continue;
        }
        let holds = |h: &EventMention| h.roles != Roles::Witness && h.kind == MeetingKind::Ceremony && g.mentions.iter().any(|m| m.roles == Roles::Witness && m.sentence == h.sentence);
        let near = i.saturating_sub(LOOKBACK)..(i + LOOKBACK).min(groups.len());
        into[i] = near.filter(|&j| j != i).find(|&j| !by_witness(&groups[j]) && groups[j].mentions.iter().any(holds));
    }
    fold_into(groups, &into);
}

fn fold_into(groups: &mut Vec<Group>, into: &[Option<usize>]) {
    if into.iter().all(Option::is_none) {
        return;
    }
    for (i, h) in into.iter().enumerate() {
        if let Some(h) = *h {
            let moved = std::mem::take(&mut groups[i].mentions);
            groups[h].last = groups[h].last.max(groups[i].last);
            groups[h].mentions.extend(moved);
        }
    }
    let mut i = 0;
    groups.retain(|_| {
        i += 1;
        into[i - 1].is_none()
    });
}

/// A bare event word ("phát biểu tại Diễn đàn", "báo cáo tại hội nghị") names
/// the one proper event of its kind when the article has exactly one — unless
/// it is told with a chair or a day of its own ("Hội nghị diễn ra chiều 22/7,
/// do Thủ tướng chủ trì": the article's own event).
fn merge_bare_into_proper(ctx: &Context<'_>, groups: &mut Vec<Group>) {
    // The one proper group of each kind, when there is exactly one (bare groups
    // are not proper, so merging them changes no count).
    let mut proper: std::collections::HashMap<MeetingKind, (usize, usize)> = std::collections::HashMap::new();
    for (j, g) in groups.iter().enumerate().filter(|(_, g)| g.proper) {
        proper.entry(g.kind()).and_modify(|e| e.1 += 1).or_insert((j, 1));
    }
    let into: Vec<Option<usize>> = groups
        .iter()
        .map(|g| {
            let bare = !g.proper && g.principals.is_empty() && g.mentions.iter().all(|m| m.bare() && !m.told_with_people() && !own(ctx, m));
            proper.get(&g.kind()).filter(|(_, n)| bare && *n == 1).map(|(j, _)| *j)
        })
        .collect();
    fold_into(groups, &into);
}

/// "Điện đàm với Ngoại trưởng Kazakhstan" (a heading), then "A điện đàm với
/// Bộ trưởng Ngoại giao Kazakhstan B": an event told once with offices (and
/// maybe names told again there) is the next event of its kind, told within [`FORWARD`] bytes, when each
/// office is held there by someone of that country (the same title, or one
/// `same_office` names with it).
fn merge_offices_into_next(groups: &mut Vec<Group>, people: &[PersonHit]) {
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for i in 0..groups.len().saturating_sub(1) {
        // The next event of its kind, a few events on at most (a headline tells two).
        let g = &groups[i];
        let Some(j) = (i + 1..groups.len()).take(NEXT_OF_KIND).find(|&j| groups[j].kind() == g.kind()) else { continue };
        let next = &groups[j];
        // Some principal told by office alone; the named ones are named again there.
        let offices = g.principals.iter().any(|p| p.starts_with('~'));
        let named = next.principals.iter().any(|p| !p.starts_with('~'));
        let names_again = g.principals.iter().filter(|p| !p.starts_with('~')).all(|p| next.principals.contains(p));
        if !offices || !named || !names_again || g.mentions.len() != 1 || next.kind() != g.kind() {
            continue;
        }
        if next.mentions[0].trigger.start.saturating_sub(g.mentions[0].sentence.end) > FORWARD {
            continue;
        }
        let holders: Vec<&PersonHit> = next.mentions.iter().flat_map(|x| x.subject.iter().chain(&x.object)).filter_map(|&k| people.get(k)).collect();
        let held = |office: &String| {
            let mut parts = office.trim_start_matches('~').splitn(2, '~');
            let (title, code) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            !code.is_empty() && holders.iter().any(|p| p.partner.as_ref().is_some_and(|x| x.code == code) && p.title.as_deref().is_some_and(|t| same_office(t, title)))
        };
        if g.principals.iter().filter(|p| p.starts_with('~')).all(held) {
            into[i] = Some(j);
        }
    }
    fold_into(groups, &into);
}

/// "Ngoại trưởng" and "Bộ trưởng Ngoại giao": one office under two titles
/// (`same_office` rows of meeting_cues.tsv, "a = b").
fn same_office(a: &str, b: &str) -> bool {
    let (a, b) = (crate::text::lowercase_same_len(a), crate::text::lowercase_same_len(b));
    a == b || super::lexicon::cues("same_office").iter().any(|row| row.split_once(" = ").is_some_and(|(x, y)| (x == a && y == b) || (x == b && y == a)))
}
