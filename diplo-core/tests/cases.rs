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

#[test]
fn meetings() {
    run_table("meetings", records::meetings);
}

#[test]
fn commitments() {
    run_table("commitments", records::commitments);
}

/// Every family of language the accuracy work names has its own rows (and
/// no row names a family that does not exist). Printed with `--nocapture`.
#[test]
fn families_are_known() {
    let counts = cases_support::family_counts(&["numbers", "temporals", "sentences", "metrics", "meetings", "commitments"]);
    eprintln!("rows per family: {counts:?}");
}
