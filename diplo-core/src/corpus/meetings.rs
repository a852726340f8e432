//! Meetings across documents: the same real event is one record.
//!
//! Two meetings are the same event when they are of the same kind, their
//! dates are compatible, and either they share a chair on a stated day or
//! their names agree. Each field's values are compared across sources;
//! disagreements become `conflicts` ("Tối 22/7" vs "Chiều 22/7").

use super::types::{Conflict, CorpusMeeting, FieldValue, SourceRef};
use crate::records::{Document, Meeting};

struct Item<'a> {
    doc: &'a str,
    m: &'a Meeting,
}

fn names(people: &[crate::records::Person]) -> Vec<String> {
    people.iter().filter_map(|p| p.name.clone()).collect()
}

/// Dates compatible: equal, or one at a coarser precision containing the other.
fn dates_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let strip = |s: &str| s.trim_start_matches('-').to_string();
            let (a2, b2) = (strip(a), strip(b));
            a.starts_with(b) || b.starts_with(a) || a2.ends_with(&b2) || b2.ends_with(&a2)
        }
        _ => true,
    }
}

fn name_key(s: &str) -> String {
    crate::text::fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn same_event(a: &Item<'_>, b: &Item<'_>) -> bool {
    if a.m.kind != b.m.kind || !dates_compatible(a.m.date.as_deref(), b.m.date.as_deref()) {
        return false;
    }
    let full_day = |m: &Meeting| m.date.as_deref().is_some_and(|d| d.len() == 10);
    let shared_chair = names(&a.m.chairs).iter().any(|c| names(&b.m.chairs).contains(c));
    if shared_chair && full_day(a.m) && full_day(b.m) {
        return true;
    }
    let (ka, kb) = (name_key(&a.m.name), name_key(&b.m.name));
    let no_chair_clash = a.m.chairs.is_empty() || b.m.chairs.is_empty() || shared_chair;
    no_chair_clash && ka.len() > 8 && (ka == kb || ka.starts_with(&kb) && kb.len() > 12 || kb.starts_with(&ka) && ka.len() > 12)
}

fn values<F: Fn(&Meeting) -> Option<String>>(items: &[&Item<'_>], get: F) -> Vec<FieldValue> {
    let mut out: Vec<FieldValue> = Vec::new();
    for it in items {
        let Some(v) = get(it.m) else { continue };
        match out.iter_mut().find(|f| f.value == v) {
            Some(f) if !f.documents.iter().any(|d| d == it.doc) => f.documents.push(it.doc.to_string()),
            Some(_) => {}
            None => out.push(FieldValue { value: v, documents: vec![it.doc.to_string()] }),
        }
    }
    out
}

/// The most reported value (ties: the first reported).
fn majority(vals: &[FieldValue]) -> Option<&str> {
    vals.iter().enumerate().max_by_key(|(i, f)| (f.documents.len(), std::cmp::Reverse(*i))).map(|(_, f)| f.value.as_str())
}

fn key_str<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_string))
}

/// Merges the meetings of all documents.
pub fn merge(docs: &[Document]) -> Vec<CorpusMeeting> {
    let items: Vec<Item<'_>> = docs
        .iter()
        .flat_map(|d| d.meetings.iter().map(move |m| Item { doc: d.id.as_deref().unwrap_or(""), m }))
        .collect();
    // Union by first match: each meeting joins the first group with a member of the same event.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        match groups.iter_mut().find(|g| g.iter().any(|&j| items[j].doc != it.doc && same_event(&items[j], it))) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut out: Vec<CorpusMeeting> = groups.iter().map(|g| build(&g.iter().map(|&i| &items[i]).collect::<Vec<_>>())).collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(b.documents.len().cmp(&a.documents.len())));
    out
}

fn build(items: &[&Item<'_>]) -> CorpusMeeting {
    let fields: Vec<(&str, Vec<FieldValue>)> = vec![
        ("date", values(items, |m| m.date.clone())),
        ("time_of_day", values(items, |m| m.time_of_day.as_ref().and_then(key_str))),
        ("format", values(items, |m| m.format.as_ref().and_then(key_str))),
        ("venue", values(items, |m| m.venue.as_ref().map(|v| name_key(v)).and(m.venue.clone()))),
    ];
    let conflicts = fields
        .iter()
        .filter(|(f, v)| {
            let distinct: Vec<String> = v.iter().map(|x| if *f == "venue" { name_key(&x.value) } else { x.value.clone() }).collect();
            distinct.iter().any(|d| d != &distinct[0])
        })
        .map(|(f, v)| Conflict { field: f.to_string(), values: v.clone() })
        .collect();
    let pick = |name: &str| fields.iter().find(|(f, _)| *f == name).and_then(|(_, v)| majority(v)).map(str::to_string);
    let mut documents: Vec<String> = Vec::new();
    let mut sources = Vec::new();
    let mut chairs: Vec<String> = Vec::new();
    let mut attendees: Vec<String> = Vec::new();
    for it in items {
        if !documents.iter().any(|d| d == it.doc) {
            documents.push(it.doc.to_string());
        }
        for mention in &it.m.mentions {
            let e = &mention.evidence;
            sources.push(SourceRef { document: it.doc.to_string(), text: e.text.clone(), start: e.start, end: e.end, source: mention.source });
        }
        for c in names(&it.m.chairs) {
            if !chairs.contains(&c) {
                chairs.push(c);
            }
        }
        for a in names(&it.m.attendees) {
            if !attendees.contains(&a) {
                attendees.push(a);
            }
        }
    }
    let first = items[0].m;
    let name = items.iter().map(|i| &i.m.name).max_by_key(|n| n.len()).cloned().unwrap_or_default();
    CorpusMeeting {
        kind: first.kind,
        name,
        date: pick("date"),
        time_of_day: pick("time_of_day").and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()),
        format: pick("format").and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()),
        venue: pick("venue"),
        chairs,
        attendees,
        documents,
        sources,
        conflicts,
    }
}
