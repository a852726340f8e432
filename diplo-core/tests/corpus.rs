//! The corpus view over the five seeds: one 22/7 conference with three
//! sources and a time-of-day conflict, claims with verdicts, implied baselines.

use diplo_core::corpus::{Corpus, CorpusReport, Verdict};
use diplo_core::{Indicator, MeetingKind, Options};

fn report() -> CorpusReport {
    let dir = format!("{}/../seeds", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let items: Vec<(String, Options)> = paths
        .iter()
        .map(|p| (std::fs::read_to_string(p).unwrap(), Options::with_id(p.file_stem().unwrap().to_string_lossy())))
        .collect();
    let mut c = Corpus::new();
    c.add_texts(&items);
    c.report()
}

fn claim<'a>(r: &'a CorpusReport, ind: Indicator, start: &str, end: &str) -> &'a diplo_core::corpus::Claim {
    r.claims
        .iter()
        .find(|c| c.indicator == ind && c.period.start.as_deref() == Some(start) && c.period.end.as_deref() == Some(end) && !c.target)
        .unwrap_or_else(|| panic!("no claim {ind:?} {start}..{end}"))
}

#[test]
fn one_conference_on_22_july_from_three_documents() {
    let r = report();
    let july: Vec<_> = r.meetings.iter().filter(|m| m.date.as_deref() == Some("2025-07-22")).collect();
    assert_eq!(july.len(), 1);
    let m = july[0];
    assert_eq!(m.kind, MeetingKind::Conference);
    assert_eq!(m.chairs, ["Phạm Minh Chính"]);
    assert_eq!(m.documents.len(), 3);
    assert!(m.sources.len() >= 3);
    let tod = m.conflicts.iter().find(|c| c.field == "time_of_day").expect("time-of-day conflict");
    let vals: Vec<&str> = tod.values.iter().map(|v| v.value.as_str()).collect();
    assert!(vals.contains(&"evening") && vals.contains(&"afternoon"));
    let jan: Vec<_> = r.meetings.iter().filter(|m| m.date.as_deref() == Some("2026-01-10")).collect();
    assert_eq!(jan.len(), 1);
    assert_eq!(jan[0].documents, ["002_bbeb2371e9cb2134"]);
}

#[test]
fn claims_respect_qualifiers() {
    let r = report();
    let h1 = claim(&r, Indicator::AgreementsSigned, "2025-01-01", "2025-06-30");
    assert_eq!(h1.verdict, Verdict::Consistent, "hơn 200 (x2) and 253");
    let mut v: Vec<f64> = h1.values.iter().map(|v| v.value).collect();
    v.sort_by(f64::total_cmp);
    assert_eq!(v, [200.0, 200.0, 253.0]);
    let year = claim(&r, Indicator::AgreementsSigned, "2025-01-01", "2025-12-31");
    assert_eq!(year.verdict, Verdict::Consistent, "350 and gần 350");
    assert_eq!(year.documents.len(), 2);
    let up_h1 = claim(&r, Indicator::RelationsUpgraded, "2025-01-01", "2025-06-30");
    assert!(up_h1.values.iter().all(|v| v.value == 10.0));
    let up_y = claim(&r, Indicator::RelationsUpgraded, "2025-01-01", "2025-12-31");
    assert!(up_y.values.iter().all(|v| v.value == 17.0));
    assert_eq!(claim(&r, Indicator::LeaderForeignActivities, "2024-01-01", "2024-12-31").verdict, Verdict::Single);
}

#[test]
fn implied_baseline_contradicts_a_stated_one() {
    let r = report();
    let f = r
        .implied
        .iter()
        .find(|i| i.indicator == Indicator::LeaderForeignActivities && i.baseline.start.as_deref() == Some("2024-01-01"))
        .expect("75 … gấp 1,5 lần so với năm trước");
    assert!((f.value - 50.0).abs() < 1e-9);
    assert_eq!(f.stated.iter().map(|s| s.value).collect::<Vec<_>>(), [59.0]);
    assert_eq!(f.verdict, Verdict::Conflicting);
    let agr: Vec<_> = r.implied.iter().filter(|i| i.indicator == Indicator::AgreementsSigned).collect();
    assert!(agr.iter().any(|i| (i.value - 140.0).abs() < 1e-9), "350 / 2.5");
}

#[test]
fn verdict_conflicting_for_different_exact_values_same_period() {
    let mut c = Corpus::new();
    c.add_text("Năm 2025, Việt Nam nâng cấp quan hệ với 10 nước.", &Options::with_id("a")).unwrap();
    c.add_text("Trong năm 2025, Việt Nam đã nâng cấp quan hệ với 17 nước.", &Options::with_id("b")).unwrap();
    let r = c.report();
    assert_eq!(claim(&r, Indicator::RelationsUpgraded, "2025-01-01", "2025-12-31").verdict, Verdict::Conflicting);
}

#[test]
fn tables_and_json_carry_the_same_corpus() {
    let r = report();
    let tables = r.tables();
    let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
    assert_eq!(names, ["findings", "documents", "errors", "meetings", "meeting_sources", "claims", "implied", "commitments", "partnerships"]);
    let claims_rows = tables.iter().find(|t| t.name == "claims").unwrap().rows.len();
    assert_eq!(claims_rows, r.claims.iter().map(|c| c.values.len()).sum::<usize>());
    let back: CorpusReport = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn bad_documents_are_reported_not_lost() {
    let mut c = Corpus::new();
    let items = vec![
        ("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.".to_string(), Options::with_id("good")),
        ("x".to_string(), Options::with_id("bad").date("2025-13-01")),
    ];
    c.add_texts(&items);
    let r = c.report();
    assert_eq!(r.documents.len(), 1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].code, "invalid_date");
}
