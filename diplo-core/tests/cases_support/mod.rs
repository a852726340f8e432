//! The table-driven harness: loads `tests/cases/*.toml`, runs every case,
//! reports per-table pass/pending counts and fails on non-pending failures.
//!
//! Environment: `CASES_VERBOSE=1` prints the differences of pending cases
//! too; `CASES_FILTER=word` runs only the cases whose text contains `word`.

pub mod lang;
pub mod records;

use serde_json::{Map, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// The differences found in one case (empty = pass).
pub type Diffs = Vec<String>;

/// Loads `tests/cases/<name>.toml` as JSON values, one per `[[case]]`.
pub fn load(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(format!("{name}.toml"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: Value = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match table.get("case") {
        Some(Value::Array(cases)) => cases.clone(),
        _ => panic!("{}: no [[case]]", path.display()),
    }
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).map(|c| if c == '\n' { '⏎' } else { c }).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Keys a `[[case]]` may carry.
const CASE_KEYS: &[&str] =
    &["text", "date", "note", "family", "pending", "exhaustive", "expect", "sentences", "metrics", "meetings", "commitments"];

/// The families of language that issue-level coverage is counted by: a case
/// names one with `family = "…"` (see `tests/cases/README.md`).
pub const FAMILIES: &[&str] = &[
    "upgrade_history",
    "fta_names",
    "signing_lists",
    "meeting_genres",
    "context_dates",
    "directives",
    "periods_indicators",
    "non_metrics",
];

/// Non-pending cases per family over every table.
pub fn family_counts(tables: &[&str]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = FAMILIES.iter().map(|f| (f.to_string(), 0)).collect();
    for case in tables.iter().flat_map(|t| load(t)) {
        if case.get("pending").is_some() {
            continue;
        }
        if let Some(f) = case.get("family").and_then(Value::as_str) {
            match counts.iter_mut().find(|(name, _)| name == f) {
                Some((_, n)) => *n += 1,
                None => panic!("unknown family {f:?}; known: {FAMILIES:?}"),
            }
        }
    }
    counts
}

/// Runs every case of a table through `check`; panics listing the
/// non-pending failures after printing the summary line.
pub fn run_table(name: &str, check: fn(&Value) -> Diffs) {
    let verbose = std::env::var("CASES_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0");
    let filter = std::env::var("CASES_FILTER").ok().filter(|f| !f.is_empty());
    let cases = load(name);
    let (mut run, mut pass, mut pending, mut pending_pass) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let text = case.get("text").and_then(Value::as_str).unwrap_or("");
        if filter.as_deref().is_some_and(|f| !text.contains(f)) {
            continue;
        }
        run += 1;
        let diffs = match catch_unwind(AssertUnwindSafe(|| check(case))) {
            Ok(mut d) => {
                d.extend(case.as_object().and_then(|c| unknown_keys(c, CASE_KEYS)));
                d
            }
            Err(e) => {
                let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
                vec![format!("panicked: {}", msg.unwrap_or_default())]
            }
        };
        let ok = diffs.is_empty();
        pass += usize::from(ok);
        let head = format!("{name} #{} «{}»", i + 1, short(text, 90));
        let detail = diffs.iter().map(|d| format!("\n      - {}", d.replace('\n', "⏎"))).collect::<String>();
        if let Some(reason) = case.get("pending").and_then(Value::as_str) {
            pending += 1;
            pending_pass += usize::from(ok);
            let state = if ok { "PASSES (could drop `pending`)" } else { "fails" };
            eprintln!("  pending {head}: {state}; {reason}{}", if verbose { detail.as_str() } else { "" });
        } else if !ok {
            eprintln!("  FAIL {head}{detail}");
            failures.push(head);
        }
    }
    eprintln!("{name}: {pass}/{run} pass, {pending} pending ({pending_pass} of them pass), {} failing", failures.len());
    assert!(failures.is_empty(), "{} failing {name} case(s):\n{}", failures.len(), failures.join("\n"));
}

/// NFC, modern tone marks, lower case, single spaces (as the scorer's `norm`).
pub fn norm(s: &str) -> String {
    let n = diplo_core::text::normalize(s);
    n.text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte ranges of every occurrence of `needle` in `hay` (overlapping allowed).
pub fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(needle)) {
        out.push((from + i, from + i + needle.len()));
        from += i + hay[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

pub fn overlaps(a: (usize, usize), spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| a.0 < e && s < a.1)
}

/// Numbers equal within a relative tolerance of 1e-9.
pub fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) || (a - b).abs() <= 1e-12
}

/// An expected `[]`, `{}` or `""`: must be null / empty.
pub fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// Compact JSON of a value for messages.
pub fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

/// Compares an expected scalar with a found one (strings, bools, numbers;
/// `[]`/`{}` expected = found must be null or empty).
pub fn scalar_diff(field: &str, expected: &Value, found: &Value) -> Option<String> {
    let ok = match (expected, found) {
        (e, f) if is_empty_value(e) => is_empty_value(f),
        (Value::Number(a), Value::Number(b)) => match (a.as_f64(), b.as_f64()) {
            (Some(a), Some(b)) => same_number(a, b),
            _ => false,
        },
        (e, f) => e == f,
    };
    (!ok).then(|| format!("{field}: expected {}, found {}", show(expected), show(found)))
}

/// The expected records' keys that a harness does not know: a typo guard.
pub fn unknown_keys(rec: &Map<String, Value>, known: &[&str]) -> Option<String> {
    let bad: Vec<&str> = rec.keys().map(String::as_str).filter(|k| !known.contains(k)).collect();
    (!bad.is_empty()).then(|| format!("harness: unknown key(s) {bad:?}"))
}
