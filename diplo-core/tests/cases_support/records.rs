//! metrics.toml, meetings.toml, commitments.toml: whole-document extraction,
//! matched as `../shared/eval/score.py` matches (greedy, by span overlap with
//! the evidence, plus value equality for metrics and kind/number for
//! commitments), then only the keys the case gives are compared.

use super::{is_empty_value, norm, occurrences, overlaps, same_number, scalar_diff, show, unknown_keys, Diffs};
use diplo_core::{extract, Options};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// How an expected key is compared with the predicted record.
#[derive(Clone, Copy)]
enum How {
    /// Equal strings / bools / numbers; `[]` = null.
    Eq,
    /// Equal after `norm` (venue, issuer, symbol).
    NormEq,
    /// The predicted string contains the expected one (after `norm`).
    Contains,
    /// `[start, end]` against a period object (`""` = an open end); `[]` = none.
    Period,
    /// The text of the predicted period contains this (a stated period with no
    /// dates, "từ 7/2 đến 19/2"); `""` = no period at all.
    PeriodText,
    /// `{kind, value, baseline}`; `{}` = none.
    Comparison,
    /// Set of person names (named people only; unnamed groups are skipped).
    People,
    /// One person's name.
    Person,
    /// Set of places, without "tỉnh"/"thành phố".
    Places,
    /// Set of partner codes.
    Codes,
    /// Each expected string is contained in some predicted string.
    EachContained,
    /// `{kind, number, symbol, issuer, date}` of a document reference.
    Document,
}

const METRIC: &[(&str, How)] = &[
    ("value", How::Eq), ("value_max", How::Eq), ("unit", How::Eq), ("qualifier", How::Eq), ("indicator", How::Eq), ("direction", How::Eq),
    ("target", How::Eq), ("of_total", How::Eq), ("period", How::Period), ("comparison", How::Comparison),
    ("counted", How::Contains), ("subject", How::Contains), ("period_text", How::PeriodText),
];
const MEETING: &[(&str, How)] = &[
    ("kind", How::Eq), ("name", How::Contains), ("date", How::Eq), ("end_date", How::Eq), ("year_inferred", How::Eq),
    ("time_of_day", How::Eq), ("format", How::Eq), ("venue", How::NormEq), ("chairs", How::People),
    ("attendees", How::People), ("speakers", How::People), ("bridge_points", How::Places), ("partners", How::Codes),
];
const COMMITMENT: &[(&str, How)] = &[
    ("kind", How::Eq), ("status", How::Eq), ("partners", How::Codes), ("level", How::Eq), ("name", How::Contains),
    ("actor", How::Person), ("addressees", How::EachContained), ("document", How::Document), ("date", How::Eq),
    ("content", How::Contains),
];

fn strs(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
}

fn place(s: &str) -> String {
    let n = norm(s);
    for p in ["tỉnh ", "thành phố ", "tp. ", "tp.", "tp "] {
        if let Some(rest) = n.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    n
}

fn period_of(v: &Value) -> Option<(Value, Value)> {
    let (s, e) = (v.get("start").cloned().unwrap_or(Value::Null), v.get("end").cloned().unwrap_or(Value::Null));
    (!(s.is_null() && e.is_null())).then_some((s, e))
}

fn period_diff(field: &str, exp: &Value, got: &Value) -> Option<String> {
    // TOML has no null: "" stands for an open end (or start).
    let open = |v: &Value| if v.as_str() == Some("") { Value::Null } else { v.clone() };
    let want = exp.as_array().filter(|a| a.len() == 2).map(|a| (open(&a[0]), open(&a[1])));
    let have = period_of(got);
    (want != have).then(|| format!("{field}: expected {}, found {}", show(exp), have.map_or("none".into(), |(s, e)| format!("[{s}, {e}]"))))
}

fn person_name(p: &Value) -> Option<String> {
    match p {
        Value::String(s) => Some(norm(s)),
        other => other.get("name").and_then(Value::as_str).map(norm),
    }
}

fn compare(field: &str, how: How, exp: &Value, got: &Value) -> Option<String> {
    let set_diff = |want: BTreeSet<String>, have: BTreeSet<String>| {
        (want != have).then(|| format!("{field}: expected {want:?}, found {have:?}"))
    };
    let list = || got.as_array().cloned().unwrap_or_default();
    match how {
        How::Eq => scalar_diff(field, exp, got),
        How::NormEq if is_empty_value(exp) => scalar_diff(field, exp, got),
        How::NormEq => {
            let ok = got.as_str().is_some_and(|g| norm(g) == norm(exp.as_str().unwrap_or_default()));
            (!ok).then(|| format!("{field}: expected {}, found {}", show(exp), show(got)))
        }
        How::Contains if is_empty_value(exp) => scalar_diff(field, exp, got),
        How::Contains => {
            let ok = got.as_str().is_some_and(|g| norm(g).contains(&norm(exp.as_str().unwrap_or_default())));
            (!ok).then(|| format!("{field}: expected to contain {}, found {}", show(exp), show(got)))
        }
        How::Period => period_diff(field, exp, got),
        How::PeriodText => {
            let want = exp.as_str().unwrap_or("");
            let have = got.get("period").and_then(|p| p.get("text")).and_then(Value::as_str);
            let ok = if want.is_empty() { have.is_none() } else { have.is_some_and(|h| norm(h).contains(&norm(want))) };
            (!ok).then(|| format!("{field}: expected «{want}», found {}", have.map_or("none".to_string(), |h| format!("«{h}»"))))
        }
        How::Comparison if is_empty_value(exp) => (!got.is_null()).then(|| format!("{field}: expected none, found {got}")),
        How::Comparison if got.is_null() => Some(format!("{field}: expected {exp}, found none")),
        How::Comparison => {
            let mut out = Vec::new();
            out.extend(exp.get("kind").and_then(|k| scalar_diff("kind", k, got.get("kind").unwrap_or(&Value::Null))));
            out.extend(exp.get("value").and_then(|v| scalar_diff("value", v, got.get("value").unwrap_or(&Value::Null))));
            out.extend(exp.get("baseline").and_then(|b| period_diff("baseline", b, got.get("baseline").unwrap_or(&Value::Null))));
            (!out.is_empty()).then(|| format!("{field}: {} (found {got})", out.join(", ")))
        }
        How::People => set_diff(strs(exp).iter().map(|s| norm(s)).collect(), list().iter().filter_map(person_name).collect()),
        How::Person => {
            let want = exp.as_str().map(norm);
            let have = person_name(got);
            (want != have).then(|| format!("{field}: expected {}, found {}", show(exp), show(got.get("name").unwrap_or(got))))
        }
        How::Places => {
            let have = list().iter().filter_map(|b| b.get("place").and_then(Value::as_str).or(b.as_str()).map(place)).collect();
            set_diff(strs(exp).iter().map(|s| place(s)).collect(), have)
        }
        How::Codes => {
            let have = list().iter().filter_map(|p| p.get("code").and_then(Value::as_str).or(p.as_str()).map(str::to_string)).collect();
            set_diff(strs(exp).into_iter().collect(), have)
        }
        How::EachContained => {
            let have: Vec<String> = list().iter().filter_map(Value::as_str).map(norm).collect();
            let missing: Vec<String> = strs(exp).into_iter().filter(|e| !have.iter().any(|h| h.contains(&norm(e)))).collect();
            (!missing.is_empty()).then(|| format!("{field}: {missing:?} not in {have:?}"))
        }
        How::Document if got.is_null() => Some(format!("{field}: expected {exp}, found none")),
        How::Document => {
            let mut out = Vec::new();
            for (k, v) in exp.as_object().into_iter().flatten() {
                let g = got.get(k).unwrap_or(&Value::Null);
                let d = match k.as_str() {
                    "symbol" | "issuer" => compare(k, How::NormEq, v, g),
                    _ => scalar_diff(k, v, g),
                };
                out.extend(d);
            }
            (!out.is_empty()).then(|| format!("{field}: {}", out.join(", ")))
        }
    }
}

/// Byte spans of a predicted record: its evidence and every mention.
fn pred_spans(p: &Value) -> Vec<(usize, usize)> {
    let span = |v: &Value| Some((v.get("byte_start")?.as_u64()? as usize, v.get("byte_end")?.as_u64()? as usize));
    let mut out: Vec<(usize, usize)> = span(p).into_iter().collect();
    out.extend(p.get("mentions").and_then(Value::as_array).into_iter().flatten().filter_map(span));
    out
}

fn describe(p: &Value) -> String {
    let text = p.get("text").and_then(Value::as_str).unwrap_or("?");
    let extra = ["value", "unit", "kind", "indicator", "status"]
        .iter()
        .filter_map(|k| p.get(*k).filter(|v| !v.is_null()).map(|v| format!("{k}={}", show(v))))
        .collect::<Vec<_>>()
        .join(" ");
    format!("«{text}» {extra}")
}

/// Extra condition for a pair beyond overlap, as in the scorer.
fn pair_ok(table: &str, g: &Map<String, Value>, p: &Value) -> bool {
    match table {
        "metrics" => match (g.get("value").and_then(Value::as_f64), p.get("value").and_then(Value::as_f64)) {
            (Some(a), Some(b)) => same_number(a, b),
            (None, _) => true,
            _ => false,
        },
        "commitments" => {
            let kind_ok = g.get("kind").is_none_or(|k| Some(k) == p.get("kind"));
            // A document number is compared only when the case gives one ("Luật Đầu tư" has none).
            let number = |v: Option<&Value>| v.and_then(|d| d.get("number")).map(|n| n.as_str().map_or(n.to_string(), str::to_string));
            let want = number(g.get("document"));
            kind_ok && (g.get("kind").and_then(Value::as_str) != Some("policy_reference") || want.is_none() || want == number(p.get("document")))
        }
        _ => true,
    }
}

fn check_table(case: &Value, table: &str, fields: &[(&str, How)]) -> Diffs {
    let text = case.get("text").and_then(Value::as_str).unwrap_or("");
    let opts = Options { date: case.get("date").and_then(Value::as_str).map(str::to_string), ..Options::default() };
    let doc = match extract(text, &opts) {
        Ok(d) => d,
        Err(e) => return vec![format!("extract failed: {e}")],
    };
    let doc = serde_json::to_value(&doc).unwrap_or(Value::Null);
    let preds: Vec<Value> = doc.get(table).and_then(Value::as_array).cloned().unwrap_or_default();
    let gold: Vec<Map<String, Value>> = case.get(table).and_then(Value::as_array).into_iter().flatten().filter_map(|g| g.as_object().cloned()).collect();
    let mut known: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    known.push("evidence");
    let mut diffs = Vec::new();
    let mut used = vec![false; preds.len()];
    for g in &gold {
        diffs.extend(unknown_keys(g, &known));
        let ev = g.get("evidence").and_then(Value::as_str).unwrap_or("");
        let spans = occurrences(text, ev);
        if spans.is_empty() {
            diffs.push(format!("case error: evidence «{ev}» is not in the text"));
            continue;
        }
        let near = |p: &Value| pred_spans(p).iter().any(|s| overlaps(*s, &spans));
        let Some(j) = (0..preds.len()).find(|&j| !used[j] && near(&preds[j]) && pair_ok(table, g, &preds[j])) else {
            let close: Vec<String> = preds.iter().filter(|p| near(p)).map(describe).collect();
            diffs.push(format!("missed «{ev}»{}", if close.is_empty() { String::new() } else { format!(" (overlapping: {})", close.join("; ")) }));
            continue;
        };
        used[j] = true;
        for (k, how) in fields {
            // `period_text` reads the whole record (its `period` object).
            let got = if *k == "period_text" { &preds[j] } else { preds[j].get(*k).unwrap_or(&Value::Null) };
            if let Some(d) = g.get(*k).and_then(|e| compare(k, *how, e, got)) {
                diffs.push(format!("«{ev}»: {d}"));
            }
        }
    }
    if case.get("exhaustive").and_then(Value::as_bool) != Some(false) {
        diffs.extend(preds.iter().zip(&used).filter(|(_, u)| !**u).map(|(p, _)| format!("extra {}", describe(p))));
    }
    diffs
}

pub fn metrics(case: &Value) -> Diffs {
    check_table(case, "metrics", METRIC)
}

pub fn meetings(case: &Value) -> Diffs {
    check_table(case, "meetings", MEETING)
}

pub fn commitments(case: &Value) -> Diffs {
    check_table(case, "commitments", COMMITMENT)
}
