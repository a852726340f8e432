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

/// The seeds' eight cross-source findings, and the disagreement of the
/// baselines three comparisons imply for 2024's agreements, ranked first.
#[test]
fn the_seeds_eight_findings_and_the_implied_disagreement() {
    use diplo_core::corpus::FindingKind;
    let r = report();
    // 1-2. One conference on 22/7 from three documents, with a time-of-day conflict.
    let july = r.meetings.iter().find(|m| m.date.as_deref() == Some("2025-07-22")).unwrap();
    assert_eq!(july.documents, ["000_b991badab7abd633", "001_18ee72ec1f13ec0f", "003_9f6c518c3a005ced"]);
    assert!(july.conflicts.iter().any(|c| c.field == "time_of_day"));
    // 3-7. Claims that several sources state and that agree.
    for (ind, start, end, docs) in [
        (Indicator::AgreementsSigned, "2025-01-01", "2025-06-30", 3),
        (Indicator::AgreementsSigned, "2025-01-01", "2025-12-31", 2),
        (Indicator::RelationsUpgraded, "2025-01-01", "2025-06-30", 3),
        (Indicator::RelationsUpgraded, "2025-01-01", "2025-12-31", 2),
        (Indicator::LeaderForeignActivities, "2025-01-01", "2025-12-31", 2),
    ] {
        let c = claim(&r, ind, start, end);
        assert_eq!((c.documents.len(), c.verdict), (docs, Verdict::Consistent), "{ind:?} {start}");
    }
    // 8. 75 "gấp 1,5 lần" implies 50 for 2024, but another source states 59.
    assert!(r.implied.iter().any(|i| i.indicator == Indicator::LeaderForeignActivities && i.verdict == Verdict::Conflicting));
    // And the 2024 agreements implied at ≈100, ≈126.5 and ≈140 disagree.
    let agr: Vec<_> = r.implied.iter().filter(|i| i.indicator == Indicator::AgreementsSigned).collect();
    assert_eq!(agr.len(), 4);
    assert!(agr.iter().all(|i| i.peer_verdict == Verdict::Conflicting));
    let mut values: Vec<f64> = agr.iter().map(|i| (i.value * 10.0).round() / 10.0).collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [100.0, 126.5, 140.0, 140.0]);
    assert_eq!(agr[0].spread, Some((100.0, 140.0)));
    // Findings: the disagreement first, then the meeting, then implied vs stated; nothing else.
    let kinds: Vec<FindingKind> = r.findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FindingKind::ImpliedDisagreement, FindingKind::MeetingConflict, FindingKind::ImpliedVsStated]);
    assert_eq!(r.findings[0].documents.len(), 4);
    assert_eq!(r.findings[0].evidence.len(), 4);
    // Resolution 59-NQ/TW is one commitment cited by all five articles.
    let nq59 = r.commitments.iter().find(|c| c.document.as_ref().is_some_and(|d| d.number == "59")).unwrap();
    assert_eq!(nq59.documents.len(), 5);
    // The text report opens with the counts, then the findings.
    let text = diplo_core::corpus::render_text(&r);
    assert!(text.starts_with("diplo report: read 5, extracted 5, with warnings "), "{text}");
    let findings_at = text.find("\nFINDINGS\n").unwrap();
    assert!(findings_at < text.find("\nMEETINGS\n").unwrap());
    assert!(text[findings_at..].contains("1. [implied_disagreement] agreements_signed 2024"));
}

#[test]
fn an_internal_error_in_one_document_loses_only_that_document() {
    // "1 q gấp" + newline + "năm" made extraction panic (issue 18); whether
    // or not it still does, the documents around it are kept and it is
    // accounted for.
    let mut c = Corpus::new();
    let items = vec![
        ("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.".to_string(), Options::with_id("a")),
        ("1 q gấp\nnăm".to_string(), Options::with_id("soup")),
        ("Năm 2025, Việt Nam nâng cấp quan hệ với 17 nước.".to_string(), Options::with_id("b")),
    ];
    c.add_texts(&items);
    let r = c.report();
    assert_eq!(r.counts.read, 3);
    assert_eq!(r.counts.read, r.counts.extracted + r.counts.failed);
    assert!(r.documents.iter().any(|d| d.id == "a") && r.documents.iter().any(|d| d.id == "b"));
    assert!(r.errors.iter().all(|e| e.code == "internal" && e.id.as_deref() == Some("soup")));
}

#[test]
fn a_failed_document_loses_only_itself() {
    let mut c = Corpus::new();
    let big = "x".repeat(2048);
    let items = vec![
        ("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.".to_string(), Options::with_id("a")),
        (big, Options { max_bytes: 1024, ..Options::with_id("big") }),
        ("Năm 2025, Việt Nam nâng cấp quan hệ với 17 nước.".to_string(), Options::with_id("b")),
    ];
    c.add_texts(&items);
    let r = c.report();
    assert_eq!((r.counts.read, r.counts.extracted, r.counts.failed), (3, 2, 1));
    assert_eq!(r.errors[0].code, "too_large");
}
