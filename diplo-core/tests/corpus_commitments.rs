//! Commitments merged by identity, and partnership levels over time.

use diplo_core::corpus::{Corpus, CorpusReport};
use diplo_core::{CommitmentKind, Document, Options, PartnershipLevel};
use serde_json::{json, Value};

fn partner(code: &str, name: &str) -> Value {
    json!({"name": name, "code": code, "kind": if code.len() == 2 { "country" } else { "bloc" }})
}

/// A commitment record with the fields a test names; the rest default.
fn commitment(fields: Value) -> Value {
    let mut c = json!({
        "kind": "agreement", "name": null, "status": null, "partners": [], "level": null, "actor": null, "addressees": [],
        "content": null, "document": null, "source": "body", "text": "x", "start": 0, "end": 1, "byte_start": 0, "byte_end": 1
    });
    for (k, v) in fields.as_object().unwrap() {
        c[k] = v.clone();
    }
    c
}

fn policy(kind: &str, number: &str, symbol: Option<&str>, issuer: Option<&str>) -> Value {
    commitment(json!({"kind": "policy_reference", "document": {"kind": kind, "number": number, "symbol": symbol, "issuer": issuer, "date": null}}))
}

fn doc(id: &str, date: Option<&str>, commitments: Vec<Value>) -> Document {
    serde_json::from_value(json!({"id": id, "title": null, "date": date, "source_url": null, "author": null, "meetings": [], "metrics": [], "commitments": commitments, "warnings": []})).unwrap()
}

fn report(docs: Vec<Document>) -> CorpusReport {
    let mut c = Corpus::new();
    for d in docs {
        c.add(d);
    }
    c.report()
}

fn groups(r: &CorpusReport, kind: CommitmentKind) -> Vec<Vec<String>> {
    r.commitments.iter().filter(|c| c.kind == kind).map(|c| c.documents.clone()).collect()
}

#[test]
fn policy_documents_by_symbol_or_number_never_unnumbered() {
    let r = report(vec![
        doc("a", None, vec![policy("resolution", "59", Some("59-NQ/TW"), None), policy("law", "", None, None)]),
        doc("b", None, vec![policy("resolution", "59", None, Some("Bộ Chính trị")), policy("law", "", None, None)]),
        doc("c", None, vec![policy("resolution", "59", Some("59/NQ-CP"), None)]),
        doc("d", None, vec![policy("resolution", "59", None, None)]),
        doc("e", None, vec![policy("decree", "99", Some("99/2013/NĐ-CP"), None)]),
        doc("f", None, vec![policy("decree", "99", Some("99/2013/NĐ-CP"), Some("Chính phủ"))]),
    ]);
    let mut g = groups(&r, CommitmentKind::PolicyReference);
    g.sort();
    assert_eq!(g, [vec!["a"], vec!["a", "b"], vec!["b"], vec!["c"], vec!["d"], vec!["e", "f"]], "59-NQ/TW in a and b; the unnumbered laws alone");
}

#[test]
fn agreements_ftas_upgrades_and_directives_by_identity() {
    let kr = partner("KR", "Hàn Quốc");
    let eu = partner("EU", "EU");
    let r = report(vec![
        doc("a", None, vec![
            commitment(json!({"kind": "agreement", "name": "Bản ghi nhớ về hợp tác lao động", "partners": [kr.clone()]})),
            commitment(json!({"kind": "fta", "name": "EVFTA", "partners": [eu.clone()], "status": "in_force"})),
            commitment(json!({"kind": "relation_upgrade", "partners": [kr.clone()], "level": "comprehensive_strategic_partnership", "status": "upgraded"})),
            commitment(json!({"kind": "directive", "actor": {"title": "Thủ tướng", "name": "Phạm Minh Chính", "text": "x", "start": 0, "end": 1, "byte_start": 0, "byte_end": 1}, "content": "đẩy mạnh giải ngân vốn đầu tư công"})),
            commitment(json!({"kind": "agreement", "name": null})),
        ]),
        doc("b", None, vec![
            commitment(json!({"kind": "agreement", "name": "bản ghi nhớ về hợp tác lao động", "partners": [kr.clone()]})),
            commitment(json!({"kind": "agreement", "name": "Bản ghi nhớ về hợp tác lao động", "partners": [partner("JP", "Nhật Bản")]})),
            commitment(json!({"kind": "fta", "name": "Hiệp định Thương mại tự do Việt Nam - EU", "partners": [eu]})),
            commitment(json!({"kind": "relation_upgrade", "partners": [kr.clone()], "level": "strategic_partnership", "status": "upgraded"})),
            commitment(json!({"kind": "directive", "actor": {"title": "Thủ tướng", "name": "Phạm Minh Chính", "text": "x", "start": 0, "end": 1, "byte_start": 0, "byte_end": 1}, "content": "Đẩy mạnh giải ngân vốn đầu tư công."})),
            commitment(json!({"kind": "directive", "actor": {"title": "Thủ tướng", "name": "Phạm Minh Chính", "text": "x", "start": 0, "end": 1, "byte_start": 0, "byte_end": 1}, "content": null})),
            commitment(json!({"kind": "agreement", "name": null})),
        ]),
        doc("c", None, vec![commitment(json!({"kind": "relation_upgrade", "partners": [kr], "level": "comprehensive_strategic_partnership", "status": "upgraded"}))]),
    ]);
    let mut agr = groups(&r, CommitmentKind::Agreement);
    agr.sort();
    assert_eq!(agr, [vec!["a"], vec!["a", "b"], vec!["b"], vec!["b"]], "same name and partners; unnamed ones alone");
    assert_eq!(groups(&r, CommitmentKind::Fta), [vec!["a", "b"]], "an FTA by its partners");
    let mut up = groups(&r, CommitmentKind::RelationUpgrade);
    up.sort();
    assert_eq!(up, [vec!["a", "c"], vec!["b"]], "an upgrade by partner and level");
    let mut dir = groups(&r, CommitmentKind::Directive);
    dir.sort();
    assert_eq!(dir, [vec!["a", "b"], vec!["b"]], "a directive by actor and content");
    let with_content = r.commitments.iter().find(|c| c.kind == CommitmentKind::Directive && c.documents.len() == 2).unwrap();
    assert_eq!(with_content.content.as_deref(), Some("đẩy mạnh giải ngân vốn đầu tư công"));
    assert!(diplo_core::corpus::render_text(&r).contains("Phạm Minh Chính: đẩy mạnh giải ngân"));
}

#[test]
fn partnership_levels_over_time_answer_which_level_on_a_date() {
    let jp = || partner("JP", "Nhật Bản");
    let up = |level: &str, date: Option<&str>, status: &str| {
        let mut c = commitment(json!({"kind": "relation_upgrade", "partners": [jp()], "level": level, "status": status}));
        c["date"] = json!(date);
        c
    };
    let r = report(vec![
        doc("a", Some("2014-03-20"), vec![up("strategic_partnership", Some("2009-04"), "upgraded")]),
        doc("b", Some("2023-11-28"), vec![up("comprehensive_strategic_partnership", None, "upgraded")]),
        doc("c", Some("2023-12-01"), vec![up("comprehensive_strategic_partnership", Some("2023-11-27"), "upgraded")]),
        doc("d", Some("2030-01-01"), vec![up("special_relationship", None, "proposed")]),
    ]);
    assert_eq!(r.partnerships.len(), 1);
    let p = &r.partnerships[0];
    assert_eq!(p.partner.code, "JP");
    let levels: Vec<(PartnershipLevel, Option<&str>, bool)> = p.levels.iter().map(|e| (e.level, e.date.as_deref(), e.date_stated)).collect();
    // The upgrade's own `date` arrives with the commitments work; until
    // then each level is dated by the earliest article reporting it.
    let stated = serde_json::to_value(serde_json::from_value::<diplo_core::Commitment>(up("strategic_partnership", Some("2009-04"), "upgraded")).unwrap()).unwrap().get("date").is_some();
    let expected = if stated {
        [
            (PartnershipLevel::StrategicPartnership, Some("2009-04"), true),
            (PartnershipLevel::ComprehensiveStrategicPartnership, Some("2023-11-27"), true),
            (PartnershipLevel::SpecialRelationship, Some("2030-01-01"), false),
        ]
    } else {
        [
            (PartnershipLevel::StrategicPartnership, Some("2014-03-20"), false),
            (PartnershipLevel::ComprehensiveStrategicPartnership, Some("2023-11-28"), false),
            (PartnershipLevel::SpecialRelationship, Some("2030-01-01"), false),
        ]
    };
    assert_eq!(levels, expected);
    assert_eq!(p.levels[1].documents, ["b", "c"]);
    assert_eq!(r.level_on("JP", "2008-01-01"), None);
    assert_eq!(r.level_on("JP", "2015-06-01").map(|e| e.level), Some(PartnershipLevel::StrategicPartnership));
    assert_eq!(r.level_on("jp", "2024-01-01").map(|e| e.level), Some(PartnershipLevel::ComprehensiveStrategicPartnership));
    assert_eq!(r.level_on("JP", "2031-01-01").map(|e| e.level), Some(PartnershipLevel::ComprehensiveStrategicPartnership), "a proposed level is not held");
    assert_eq!(r.level_on("US", "2031-01-01"), None);
    let table = r.tables().into_iter().find(|t| t.name == "partnerships").unwrap();
    assert_eq!(table.rows.len(), 3);
    assert!(diplo_core::corpus::render_text(&r).contains("PARTNERSHIPS\n  JP"));
}

#[test]
fn an_upgrade_from_a_made_up_article() {
    let mut c = Corpus::new();
    c.add_text(
        "Ngày 10/9/2023, Việt Nam và Hoa Kỳ nâng cấp quan hệ lên Đối tác chiến lược toàn diện vì hòa bình, hợp tác và phát triển bền vững.",
        &Options::with_id("us").date("2023-09-11"),
    )
    .unwrap();
    let r = c.report();
    let held = r.level_on("US", "2024-01-01").expect("an upgrade with the United States");
    assert_eq!(held.level, PartnershipLevel::ComprehensiveStrategicPartnership);
    assert_eq!(held.documents, ["us"]);
}
