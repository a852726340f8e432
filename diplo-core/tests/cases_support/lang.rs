//! numbers.toml, temporals.toml, sentences.toml: the language layer alone.

use super::{occurrences, overlaps, scalar_diff, show, unknown_keys, Diffs};
use diplo_core::lang::{find_quantities, find_temporals, split_sentences, Date, Quantity, Temporal};
use diplo_core::text::normalize;
use serde_json::{json, Map, Value};

fn text_of(case: &Value) -> &str {
    case.get("text").and_then(Value::as_str).unwrap_or("")
}

fn expected_list(case: &Value, key: &str) -> Vec<Map<String, Value>> {
    match case.get(key) {
        Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_object().cloned()).collect(),
        _ => Vec::new(),
    }
}

/// Every occurrence of the (normalised) evidence in the normalised text.
fn evidence_spans(norm_text: &str, rec: &Map<String, Value>, diffs: &mut Diffs) -> Option<Vec<(usize, usize)>> {
    let ev = rec.get("evidence")?.as_str()?;
    let spans = occurrences(norm_text, &normalize(ev).text);
    if spans.is_empty() {
        diffs.push(format!("case error: evidence «{ev}» is not in the text"));
    }
    Some(spans)
}

/// A found item: its spans, its fields as JSON, and a description.
type Found = (Vec<(usize, usize)>, Value, String);

/// Compares an ordered, exhaustive list of found items with the expected one.
fn compare_lists(
    norm_text: &str,
    expected: &[Map<String, Value>],
    found: &[Found],
    known: &[&str],
    diffs: &mut Diffs,
) {
    let listing = |f: &[Found]| f.iter().map(|(_, _, d)| d.clone()).collect::<Vec<_>>().join("; ");
    if expected.len() != found.len() {
        let exp: Vec<String> = expected.iter().map(|e| show(&Value::Object(e.clone()))).collect();
        diffs.push(format!("expected {} item(s), found {}: [{}]; expected [{}]", expected.len(), found.len(), listing(found), exp.join("; ")));
        return;
    }
    for (i, (e, (spans, got, desc))) in expected.iter().zip(found).enumerate() {
        let label = format!("#{} «{}»", i + 1, e.get("evidence").and_then(Value::as_str).unwrap_or("?"));
        diffs.extend(unknown_keys(e, known));
        if let Some(ev) = evidence_spans(norm_text, e, diffs) {
            if !spans.iter().any(|s| overlaps(*s, &ev)) {
                diffs.push(format!("{label}: found item does not overlap the evidence: {desc}"));
            }
        }
        for (k, v) in e {
            if k == "evidence" {
                continue;
            }
            if let Some(d) = scalar_diff(k, v, got.get(k).unwrap_or(&Value::Null)) {
                diffs.push(format!("{label}: {d}"));
            }
        }
    }
}

fn enum_str<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn describe_quantity(norm_text: &str, q: &Quantity) -> Found {
    let v = json!({
        "value": q.value,
        "unit": q.unit.as_str(),
        "qualifier": enum_str(&q.qualifier),
        "range_end": q.range_end,
        "of_total": q.of_total,
        "per": q.per,
    });
    let span = norm_text.get(q.qualifier_start..q.range.end).unwrap_or("?");
    let desc = format!("«{span}» {v}");
    (vec![(q.qualifier_start, q.range.end), (q.range.start, q.range.end)], v, desc)
}

/// numbers.toml → `find_quantities` on the normalised text.
pub fn numbers(case: &Value) -> Diffs {
    let norm = normalize(text_of(case));
    let text: &str = &norm.text;
    let found: Vec<_> = find_quantities(text).iter().map(|q| describe_quantity(text, q)).collect();
    let mut diffs = Vec::new();
    let known = ["value", "unit", "qualifier", "evidence", "of_total", "range_end", "per"];
    compare_lists(text, &expected_list(case, "expect"), &found, &known, &mut diffs);
    diffs
}

fn describe_temporal(norm_text: &str, t: &Temporal) -> Found {
    let v = json!({
        "date": t.date,
        "end_date": t.end_date,
        "start": t.start.map(Date::iso),
        "end": t.end.map(Date::iso),
        "year_inferred": t.year_inferred,
        "time_of_day": t.time_of_day.as_ref().map(enum_str),
    });
    let desc = format!("«{}» {v}", norm_text.get(t.range.clone()).unwrap_or("?"));
    (vec![(t.range.start, t.range.end)], v, desc)
}

/// temporals.toml → `find_temporals` with the case's document date.
pub fn temporals(case: &Value) -> Diffs {
    let mut diffs = Vec::new();
    let doc_date = case.get("date").and_then(Value::as_str).and_then(|d| {
        let parsed = Date::parse_iso(d);
        if parsed.is_none() {
            diffs.push(format!("case error: bad date {d:?}"));
        }
        parsed
    });
    let norm = normalize(text_of(case));
    let text: &str = &norm.text;
    let found: Vec<_> = find_temporals(text, doc_date).iter().map(|t| describe_temporal(text, t)).collect();
    let known = ["evidence", "date", "end_date", "start", "end", "year_inferred", "time_of_day"];
    compare_lists(text, &expected_list(case, "expect"), &found, &known, &mut diffs);
    diffs
}

/// sentences.toml → `split_sentences` on the normalised text.
pub fn sentences(case: &Value) -> Diffs {
    let norm = normalize(text_of(case));
    let text: &str = &norm.text;
    let found: Vec<String> = split_sentences(text).iter().map(|s| text.get(s.range.clone()).unwrap_or("?").to_string()).collect();
    let expected: Vec<String> = match case.get("sentences") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(|s| normalize(s).text.into_owned()).collect(),
        _ => return vec!["case error: no `sentences`".into()],
    };
    if found == expected {
        return Vec::new();
    }
    let mut diffs = vec![format!("expected {} sentence(s), found {}", expected.len(), found.len())];
    for (i, s) in found.iter().enumerate() {
        let mark = if expected.get(i) == Some(s) { " " } else { "≠" };
        diffs.push(format!("{mark} found    [{}] {s:?}", i + 1));
    }
    for (i, s) in expected.iter().enumerate() {
        if found.get(i) != Some(s) {
            diffs.push(format!("  expected [{}] {s:?}", i + 1));
        }
    }
    diffs
}
