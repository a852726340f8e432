//! The case tables in `tests/cases/*.toml`, one test per table (format:
//! `tests/cases/README.md`). A case with `pending = "why"` runs and reports
//! whether it passes but does not fail the test; every other case must pass.
//! `CASES_VERBOSE=1` shows the differences of pending cases; `CASES_FILTER=…`
//! runs only the cases whose text contains the given string.

mod cases_support;

use cases_support::{lang, records, run_table};

#[test]
fn numbers() {
    run_table("numbers", lang::numbers);
}

#[test]
fn temporals() {
    run_table("temporals", lang::temporals);
}

#[test]
fn sentences() {
    run_table("sentences", lang::sentences);
}

#[test]
fn metrics() {
    run_table("metrics", records::metrics);
}

/// Periods and the target flag of metrics on general news (`periods_indicators`).
#[test]
fn periods() {
    run_table("periods", records::metrics);
}

/// Look-alikes of figures on general news (`non_metrics`), checked as metrics.
#[test]
fn lookalikes() {
    run_table("lookalikes", records::metrics);
}

#[test]
fn meetings() {
    run_table("meetings", records::meetings);
}

#[test]
fn commitments() {
    run_table("commitments", records::commitments);
}

/// Every family of language the accuracy work names has at least 15 rows
/// that pass (not pending), must-not rows included, and no row names a family
/// that does not exist. Printed with `--nocapture`.
#[test]
fn every_family_has_fifteen_rows() {
    let counts = cases_support::family_counts(&["numbers", "temporals", "sentences", "metrics", "periods", "lookalikes", "meetings", "commitments"]);
    eprintln!("rows per family: {counts:?}");
    let thin: Vec<_> = counts.iter().filter(|(_, n)| *n < 15).collect();
    assert!(thin.is_empty(), "families with fewer than 15 rows: {thin:?}");
}
