//! Meetings across documents: one record per real event.
//!
//! Two articles' meetings are one event only when their kinds agree, their
//! dates are compatible (the same day, or overlapping ranges) and they share
//! something that only that event has: a principal (a chair) or a specific
//! venue on the same stated day, or a specific name ([`super::names`]) —
//! "Hội nghị Cấp cao ASEAN lần thứ 36" and "Hội nghị cấp cao ASEAN" in the
//! same year. Generic and anaphoric names ("cuộc họp", "phiên họp này",
//! "chuyến công tác") never join another article's event by name; undated
//! meetings join none (two undated "Lễ hội Hadaka Matsuri" are two towns'
//! festivals as often as one); two chairs that
//! differ, two ordinals or two years keep events apart. A name that is an
//! organisation's ("Diễn đàn Kinh tế thế giới") is not an event.
//!
//! Candidates are found through a hash index of (chair, day), (venue, day)
//! and (name prefix, year) keys, each list bounded, so the corpus is read in
//! linear time; each meeting joins the first group it links to whose other
//! members do not contradict it. Each field's values are then compared
//! across sources; disagreements become `conflicts` ("Tối 22/7" vs "Chiều 22/7").

use super::names::{self, EventName};
use super::types::{Conflict, CorpusMeeting, FieldValue, SourceRef};
use crate::lang::Date;
use crate::records::{Document, Meeting, MeetingKind, PartnerKind};
use crate::text::fold;
use std::collections::{HashMap, HashSet};

/// At most this many earlier meetings are kept per index key.
const PER_KEY: usize = 64;
/// Days of a range indexed one by one (longer ranges index their first days).
const MAX_DAYS: i64 = 31;

/// A meeting's date as a range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// Day ordinals, first and last; `day` when both ends are stated days.
    Range { first: i64, last: i64, day: bool },
    /// `--MM-DD`: a day whose year nobody stated.
    Yearless { month: u32, day: u32 },
}

fn parse_when(date: Option<&str>, end: Option<&str>) -> Option<When> {
    let d = date?;
    if let Some(md) = d.strip_prefix("--") {
        let (m, dd) = md.split_once('-')?;
        return Some(When::Yearless { month: m.parse().ok()?, day: dd.parse().ok()? });
    }
    let (first, last, day) = match d.len() {
        10 => {
            let x = Date::parse_iso(d)?.ordinal();
            (x, x, true)
        }
        7 => {
            let y: i32 = d.get(0..4)?.parse().ok()?;
            let m: u32 = d.get(5..7)?.parse().ok()?;
            (Date::new(y, m, 1)?.ordinal(), Date::month_end(y, m).ordinal(), false)
        }
        4 => {
            let y: i32 = d.parse().ok()?;
            (Date::new(y, 1, 1)?.ordinal(), Date::new(y, 12, 31)?.ordinal(), false)
        }
        _ => return None,
    };
    let end = end.and_then(|e| parse_when(Some(e), None));
    let last = match end {
        Some(When::Range { last: l, day: true, .. }) if l >= first && l - first <= 366 => l,
        _ => last,
    };
    Some(When::Range { first, last, day })
}

/// The (month, day) of a day ordinal.
fn month_day(ordinal: i64) -> Option<(u32, u32)> {
    let (y, _) = year_of(ordinal);
    for m in 1..=12 {
        let first = Date::new(y, m, 1)?.ordinal();
        let last = Date::month_end(y, m).ordinal();
        if (first..=last).contains(&ordinal) {
            return Some((m, u32::try_from(ordinal - first + 1).ok()?));
        }
    }
    None
}

/// Whether two dates can be one event's; `need_day` asks for stated days.
fn dates_meet(a: Option<When>, b: Option<When>, need_day: bool) -> bool {
    match (a, b) {
        // Undated mentions have no date to be compatible by: never one event.
        (None, None) => false,
        (Some(When::Range { first: f1, last: l1, day: d1 }), Some(When::Range { first: f2, last: l2, day: d2 })) => {
            (!need_day || (d1 && d2)) && f1 <= l2 && f2 <= l1
        }
        (Some(When::Yearless { month, day }), Some(When::Range { first, last, day: d })) | (Some(When::Range { first, last, day: d }), Some(When::Yearless { month, day })) => {
            d && first == last && month_day(first) == Some((month, day))
        }
        (Some(When::Yearless { month: m1, day: d1 }), Some(When::Yearless { month: m2, day: d2 })) => m1 == m2 && d1 == d2,
        _ => false,
    }
}

/// Index keys of the days a date covers ("2025-07-22" also as "--07-22").
fn day_keys(w: Option<When>) -> Vec<String> {
    match w {
        Some(When::Range { first, last, day: true }) => {
            let mut out = Vec::new();
            for d in first..=last.min(first + MAX_DAYS - 1) {
                out.push(format!("d{d}"));
                if first == last {
                    if let Some((m, dd)) = month_day(d) {
                        out.push(format!("--{m:02}-{dd:02}"));
                    }
                }
            }
            out
        }
        Some(When::Yearless { month, day }) => vec![format!("--{month:02}-{day:02}")],
        _ => Vec::new(),
    }
}

/// Index keys of the years a date covers (names are matched within a year).
fn year_keys(w: Option<When>) -> Vec<String> {
    match w {
        None => Vec::new(),
        Some(When::Yearless { month, day }) => vec![format!("--{month:02}-{day:02}")],
        Some(When::Range { first, last, day }) => {
            let mut out: Vec<String> = Vec::new();
            let mut d = first;
            while d <= last && out.len() < 3 {
                let (y, _) = year_of(d);
                out.push(format!("y{y}"));
                d = Date::new(y + 1, 1, 1).map_or(last + 1, Date::ordinal);
            }
            if day && first == last {
                out.extend(month_day(first).map(|(m, dd)| format!("--{m:02}-{dd:02}")));
            }
            out
        }
    }
}

fn year_of(ordinal: i64) -> (i32, i64) {
    let guess = (ordinal * 400 / 146_097) as i32;
    for y in [guess + 1, guess, guess - 1] {
        if let Some(s) = Date::new(y, 1, 1) {
            if s.ordinal() <= ordinal {
                return (y, s.ordinal());
            }
        }
    }
    (guess, 0)
}

/// Kinds one event can be reported as.
fn kind_class(k: MeetingKind) -> MeetingKind {
    match k {
        MeetingKind::Summit => MeetingKind::Conference,
        k => k,
    }
}

struct Item<'a> {
    doc: &'a str,
    m: &'a Meeting,
    name: EventName,
    when: Option<When>,
    chairs: Vec<String>,
    venue: Option<String>,
}

fn person_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A venue below the city ("trụ sở Chính phủ", "Trung tâm Hội nghị Quốc gia"):
/// a province or a country alone is shared by too many events.
fn venue_key(v: &str) -> Option<String> {
    let key = person_key(v);
    let specific = key.split(' ').count() >= 3 && super::subjects::normalise(Some(v)).is_none_or(|s| s.kind == super::subjects::SubjectKind::Organization);
    specific.then_some(key)
}

/// A name that is an organisation's or a bloc's ("Diễn đàn Kinh tế thế giới").
fn is_organisation(name: &str) -> bool {
    let bare = name.split(" (").next().unwrap_or(name);
    crate::lexicon::partners::lookup(bare).is_some_and(|p| p.kind != PartnerKind::Country)
}

/// Why a meeting joins another: shared chair, venue or name.
fn link(a: &Item<'_>, b: &Item<'_>) -> Option<String> {
    if kind_class(a.m.kind) != kind_class(b.m.kind) || names::other_counterparts(&a.name, &b.name) {
        return None;
    }
    if let Some(c) = a.chairs.iter().find(|c| b.chairs.contains(c)) {
        if dates_meet(a.when, b.when, true) {
            return Some(format!("chair {}", display_chair(a, c)));
        }
    }
    if let (Some(va), Some(vb)) = (&a.venue, &b.venue) {
        if va == vb && dates_meet(a.when, b.when, true) {
            return Some(format!("venue {}", a.m.venue.clone().unwrap_or_default()));
        }
    }
    if names::compatible(&a.name, &b.name) && dates_meet(a.when, b.when, false) {
        return Some("name".to_string());
    }
    None
}

fn display_chair(it: &Item<'_>, key: &str) -> String {
    it.m.chairs.iter().filter_map(|p| p.name.clone()).find(|n| person_key(n) == key).unwrap_or_else(|| key.to_string())
}

#[derive(Default)]
struct Group {
    members: Vec<usize>,
    docs: HashSet<String>,
    chairs: HashSet<String>,
    ordinals: HashSet<String>,
    years: HashSet<String>,
    /// The members' names, to refuse one with another counterpart.
    names: Vec<EventName>,
    links: Vec<String>,
}

/// Both say something and nothing in common ("lần thứ 46" and "lần thứ 47").
fn clash(group: &HashSet<String>, item: &[String]) -> bool {
    !group.is_empty() && !item.is_empty() && !item.iter().any(|x| group.contains(x))
}

impl Group {
    /// Whether `it` can join without contradicting a member: one mention per
    /// document, no chair outside the group's when both have chairs, no other ordinal or year.
    fn admits(&self, it: &Item<'_>) -> bool {
        !self.docs.contains(it.doc)
            && (self.chairs.is_empty() || it.chairs.is_empty() || it.chairs.iter().any(|c| self.chairs.contains(c)))
            && !clash(&self.ordinals, &it.name.ordinals)
            && !clash(&self.years, &it.name.years)
            && !self.names.iter().any(|n| names::other_counterparts(n, &it.name))
    }

    fn add(&mut self, i: usize, it: &Item<'_>) {
        self.members.push(i);
        self.docs.insert(it.doc.to_string());
        self.chairs.extend(it.chairs.iter().cloned());
        self.ordinals.extend(it.name.ordinals.iter().cloned());
        self.years.extend(it.name.years.iter().cloned());
        if it.name.counterpart.is_some() && self.names.len() < 64 {
            self.names.push(it.name.clone());
        }
    }
}

fn keys_of(it: &Item<'_>) -> (Vec<String>, Vec<String>) {
    let class = format!("{:?}", kind_class(it.m.kind));
    let days = day_keys(it.when);
    let mut insert = Vec::new();
    let mut lookup = Vec::new();
    for d in &days {
        for c in &it.chairs {
            insert.push(format!("c|{class}|{c}|{d}"));
        }
        if let Some(v) = &it.venue {
            insert.push(format!("v|{class}|{v}|{d}"));
        }
    }
    lookup.extend(insert.iter().cloned());
    if !it.name.content.is_empty() {
        for y in year_keys(it.when) {
            let full = it.name.content.join(" ");
            // Items whose content is a prefix of this one's, and items whose content this one's begins.
            for n in 1..=it.name.content.len() {
                let p = it.name.content[..n].join(" ");
                lookup.push(format!("n|{class}|{p}|{y}"));
                insert.push(format!("p|{class}|{p}|{y}"));
            }
            insert.push(format!("n|{class}|{full}|{y}"));
            lookup.push(format!("p|{class}|{full}|{y}"));
        }
    }
    (insert, lookup)
}

/// Merges the meetings of all documents.
pub fn merge(docs: &[Document]) -> Vec<CorpusMeeting> {
    let items: Vec<Item<'_>> = docs
        .iter()
        .flat_map(|d| d.meetings.iter().map(move |m| (d.id.as_deref().unwrap_or(""), m)))
        .filter(|(_, m)| !is_organisation(&m.name))
        .map(|(doc, m)| Item {
            doc,
            m,
            name: names::read(&m.name),
            when: parse_when(m.date.as_deref(), m.end_date.as_deref()),
            chairs: {
                let mut c: Vec<String> = m.chairs.iter().filter_map(|p| p.name.as_deref()).map(person_key).collect();
                c.dedup();
                c
            },
            venue: m.venue.as_deref().and_then(venue_key),
        })
        .collect();
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let (insert, lookup) = keys_of(it);
        let mut tried: HashSet<usize> = HashSet::new();
        let mut joined = None;
        'find: for k in &lookup {
            for &j in index.get(k).map(Vec::as_slice).unwrap_or(&[]) {
                let g = group_of[j];
                if items[j].doc == it.doc || !tried.insert(j) || !groups[g].admits(it) {
                    continue;
                }
                if let Some(why) = link(&items[j], it) {
                    joined = Some((g, why));
                    break 'find;
                }
            }
        }
        let g = match joined {
            Some((g, why)) => {
                if !groups[g].links.contains(&why) {
                    groups[g].links.push(why);
                }
                g
            }
            None => {
                groups.push(Group::default());
                groups.len() - 1
            }
        };
        groups[g].add(i, it);
        group_of.push(g);
        for k in insert {
            let list = index.entry(k).or_default();
            if list.len() < PER_KEY {
                list.push(i);
            }
        }
    }
    let mut out: Vec<CorpusMeeting> = groups.iter().map(|g| build(&g.members.iter().map(|&i| &items[i]).collect::<Vec<_>>(), &g.links)).collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(b.documents.len().cmp(&a.documents.len())));
    out
}

/// Each value a field takes and its documents (a group has one meeting per document).
fn values<F: Fn(&Meeting) -> Option<String>>(items: &[&Item<'_>], get: F) -> Vec<FieldValue> {
    let mut out: Vec<FieldValue> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for it in items {
        let Some(v) = get(it.m) else { continue };
        match at.get(&v) {
            Some(&i) => out[i].documents.push(it.doc.to_string()),
            None => {
                at.insert(v.clone(), out.len());
                out.push(FieldValue { value: v, documents: vec![it.doc.to_string()] });
            }
        }
    }
    out
}

/// The most reported value (ties: the most precise, then the first reported).
fn majority(vals: &[FieldValue]) -> Option<&str> {
    vals.iter().enumerate().max_by_key(|(i, f)| (f.documents.len(), f.value.len(), std::cmp::Reverse(*i))).map(|(_, f)| f.value.as_str())
}

/// Whether two values of a field can both be right: a date and a day in it
/// ("2021" and "2021-04-26", "--02-26" and "2024-02-26"), neighbouring times
/// of day ("chiều" and "chiều tối"), a venue and a place within it.
fn agree(field: &str, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match field {
        "date" => a.starts_with(b) || b.starts_with(a) || (a.starts_with("--") && b.ends_with(a.trim_start_matches('-'))) || (b.starts_with("--") && a.ends_with(b.trim_start_matches('-'))),
        "time_of_day" => {
            let near = [("afternoon", "late_afternoon"), ("late_afternoon", "evening"), ("evening", "night"), ("morning", "noon"), ("noon", "afternoon")];
            near.iter().any(|(x, y)| (a == *x && b == *y) || (a == *y && b == *x))
        }
        "venue" => {
            let (ka, kb) = (person_key(a), person_key(b));
            ka == kb || ka.contains(&kb) || kb.contains(&ka)
        }
        _ => false,
    }
}

fn key_str<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_string))
}

/// The name to show: the most reported specific name (ties: the longer), else the first.
fn pick_name(items: &[&Item<'_>]) -> String {
    let mut counts: HashMap<String, (usize, &str)> = HashMap::new();
    for it in items.iter().filter(|it| it.name.specific) {
        let e = counts.entry(it.name.content.join(" ")).or_insert((0, it.m.name.as_str()));
        e.0 += 1;
        if it.m.name.len() > e.1.len() {
            e.1 = it.m.name.as_str();
        }
    }
    counts
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.len().cmp(&b.1.len())).then(b.1.cmp(a.1)))
        .map(|(_, n)| n.to_string())
        .unwrap_or_else(|| items.first().map(|i| i.m.name.clone()).unwrap_or_default())
}

fn build(items: &[&Item<'_>], links: &[String]) -> CorpusMeeting {
    let fields: Vec<(&str, Vec<FieldValue>)> = vec![
        ("date", values(items, |m| m.date.clone())),
        ("time_of_day", values(items, |m| m.time_of_day.as_ref().and_then(key_str))),
        ("format", values(items, |m| m.format.as_ref().and_then(key_str))),
        ("venue", values(items, |m| m.venue.clone())),
    ];
    // Distinct values are few; a field with more than 16 is compared on its first 16.
    let conflicts = fields
        .iter()
        .filter(|(f, v)| v.iter().take(16).enumerate().any(|(i, a)| v.iter().take(16).skip(i + 1).any(|b| !agree(f, &a.value, &b.value))))
        .map(|(f, v)| Conflict { field: f.to_string(), values: v.clone() })
        .collect();
    let pick = |name: &str| fields.iter().find(|(f, _)| *f == name).and_then(|(_, v)| majority(v)).map(str::to_string);
    let mut documents: Vec<String> = Vec::new();
    let mut sources = Vec::new();
    let mut chairs: Vec<String> = Vec::new();
    let mut attendees: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for it in items {
        if seen.insert(format!("d|{}", it.doc)) {
            documents.push(it.doc.to_string());
        }
        for mention in &it.m.mentions {
            let e = &mention.evidence;
            sources.push(SourceRef { document: it.doc.to_string(), text: e.text.clone(), start: e.start, end: e.end, source: mention.source });
        }
        for c in it.m.chairs.iter().filter_map(|p| p.name.clone()) {
            if seen.insert(format!("c|{c}")) {
                chairs.push(c);
            }
        }
        for a in it.m.attendees.iter().filter_map(|p| p.name.clone()) {
            if seen.insert(format!("a|{a}")) {
                attendees.push(a);
            }
        }
    }
    let first = items.first().map(|i| i.m);
    CorpusMeeting {
        kind: first.map(|m| m.kind).unwrap_or_default(),
        name: pick_name(items),
        date: pick("date"),
        end_date: items.iter().find_map(|i| i.m.end_date.clone()),
        time_of_day: pick("time_of_day").and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()),
        format: pick("format").and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()),
        venue: pick("venue"),
        chairs,
        attendees,
        documents,
        sources,
        conflicts,
        links: links.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let w = |d: &str| parse_when(Some(d), None);
        assert!(dates_meet(w("2025-07-22"), w("2025-07-22"), true));
        assert!(!dates_meet(w("2025-07-22"), w("2025-07-23"), true));
        assert!(dates_meet(w("2025-07"), w("2025-07-22"), false));
        assert!(!dates_meet(w("2025-07"), w("2025-07-22"), true), "a month is not a stated day");
        assert!(dates_meet(w("--07-22"), w("2025-07-22"), true));
        assert!(dates_meet(parse_when(Some("2025-07-20"), Some("2025-07-23")), w("2025-07-22"), true));
        assert!(!dates_meet(w("2025"), None, false));
        assert!(!dates_meet(None, None, false));
        assert_eq!(month_day(Date::new(2024, 2, 29).unwrap().ordinal()), Some((2, 29)));
        assert_eq!(month_day(Date::new(2025, 12, 31).unwrap().ordinal()), Some((12, 31)));
        assert_eq!(year_of(Date::new(2025, 1, 1).unwrap().ordinal()).0, 2025);
        assert_eq!(year_of(Date::new(2024, 12, 31).unwrap().ordinal()).0, 2024);
    }
}
