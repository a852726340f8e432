//! Facts identified by subject and counted thing; implied baselines checked
//! against each other. Made-up articles where extraction gives the fields,
//! constructed records where it does not yet.

use diplo_core::corpus::{Corpus, CorpusReport, Verdict};
use diplo_core::{Document, Indicator, Options};
use serde_json::{json, Value};

fn from_texts(texts: &[(&str, &str)]) -> CorpusReport {
    let mut c = Corpus::new();
    let items: Vec<(String, Options)> = texts.iter().map(|(id, t)| (t.to_string(), Options::with_id(*id))).collect();
    c.add_texts(&items);
    c.report()
}

/// A metric record with the fields a test names; the rest default.
fn metric(fields: Value) -> Value {
    let mut m = json!({
        "value": 0.0, "unit": "count", "counted": null, "of_total": null, "qualifier": "exact", "direction": null,
        "indicator": "other", "period": null, "comparison": null, "target": false, "subject": null, "source": "body",
        "text": "x", "start": 0, "end": 1, "byte_start": 0, "byte_end": 1
    });
    for (k, v) in fields.as_object().unwrap() {
        m[k] = v.clone();
    }
    m
}

fn year(y: u32) -> Value {
    json!({"start": format!("{y}-01-01"), "end": format!("{y}-12-31"), "text": format!("năm {y}")})
}

fn doc(id: &str, metrics: Vec<Value>) -> Document {
    serde_json::from_value(json!({"id": id, "title": null, "date": null, "source_url": null, "author": null, "meetings": [], "metrics": metrics, "commitments": [], "warnings": []})).unwrap()
}

fn report(docs: Vec<Document>) -> CorpusReport {
    let mut c = Corpus::new();
    for d in docs {
        c.add(d);
    }
    c.report()
}

fn conflicting(r: &CorpusReport) -> Vec<String> {
    r.claims.iter().filter(|c| c.verdict == Verdict::Conflicting).map(|c| format!("{:?} {:?} {:?}", c.indicator, c.subject, c.counted)).collect()
}

const A: &str = "Năm 2024, kim ngạch thương mại Việt Nam - Hàn Quốc đạt 86 tỷ USD. Tăng trưởng GDP của Thái Lan năm 2024 đạt 2,5%.\n\nNăm 2024, Việt Nam đón 17,5 triệu lượt khách quốc tế.";
const B: &str = "Năm 2024, kim ngạch thương mại Việt Nam - Nhật Bản đạt 46 tỷ USD. Năm 2024, tăng trưởng GDP của Việt Nam đạt 7,09%.\n\nCũng trong năm 2024, cả nước đón 12 triệu lượt khách nội địa.";

#[test]
fn different_subjects_and_counted_things_never_conflict_made_up_articles() {
    let r = from_texts(&[("a", A), ("b", B)]);
    assert_eq!(conflicting(&r), Vec::<String>::new());
    let trade: Vec<Option<&str>> = r.claims.iter().filter(|c| c.indicator == Indicator::TradeTurnover).map(|c| c.subject.as_deref()).collect();
    assert_eq!(trade.len(), 2, "Korea's and Japan's trade are two facts");
    assert!(trade.contains(&Some("KR")) && trade.contains(&Some("JP")));
    let growth: Vec<Option<&str>> = r.claims.iter().filter(|c| c.indicator == Indicator::GdpGrowth).map(|c| c.subject.as_deref()).collect();
    assert!(growth.contains(&Some("TH")) && growth.contains(&None), "{growth:?}");
}

#[test]
fn the_same_fact_from_two_outlets_is_compared() {
    let r = from_texts(&[
        ("a", "Năm 2024, kim ngạch thương mại Việt Nam - Hàn Quốc đạt 86 tỷ USD."),
        ("b", "Kim ngạch thương mại Việt Nam - Hàn Quốc năm 2024 đạt 86,4 tỷ USD."),
        ("c", "Năm 2024, kim ngạch thương mại Việt Nam – Hàn Quốc đạt 92 tỷ USD."),
    ]);
    let kr: Vec<_> = r.claims.iter().filter(|c| c.indicator == Indicator::TradeTurnover && c.subject.as_deref() == Some("KR")).collect();
    assert_eq!(kr.len(), 1, "{kr:#?}");
    assert_eq!(kr[0].documents.len(), 3);
    assert_eq!(kr[0].verdict, Verdict::Conflicting, "86 and 86,4 agree by rounding, 92 does not");
    assert!(r.findings.iter().any(|f| f.claim.is_some() && f.documents.len() == 3));
}

#[test]
fn normalised_subjects_constructed_records() {
    let trade = |id: &str, subject: &str, value: f64| doc(id, vec![metric(json!({"indicator": "trade_turnover", "unit": "USD", "value": value, "period": year(2024), "subject": subject}))]);
    let r = report(vec![trade("a", "Việt Nam – Hàn Quốc", 86e9), trade("b", "Hàn Quốc", 86e9), trade("c", "Việt Nam - Nhật Bản", 46e9), trade("d", "TP.HCM", 10e9), trade("e", "Thành phố Hồ Chí Minh", 10e9), trade("f", "Việt Nam", 786e9), trade("g", "cả nước", 786e9)]);
    let groups: Vec<(Option<&str>, Vec<&str>)> = r.claims.iter().map(|c| (c.subject.as_deref(), c.documents.iter().map(String::as_str).collect())).collect();
    assert!(groups.contains(&(Some("KR"), vec!["a", "b"])), "{groups:?}");
    assert!(groups.contains(&(Some("JP"), vec!["c"])));
    assert!(groups.contains(&(Some("Hồ Chí Minh"), vec!["d", "e"])));
    assert!(groups.contains(&(None, vec!["f", "g"])), "Vietnam is the null subject");
    assert_eq!(conflicting(&r), Vec::<String>::new());
}

#[test]
fn what_is_counted_is_part_of_the_fact_constructed_records() {
    let other = |id: &str, counted: &str, value: f64| doc(id, vec![metric(json!({"indicator": "other", "value": value, "period": year(2024), "counted": counted}))]);
    let r = report(vec![other("a", "hoạt động đối ngoại", 75.0), other("b", "chuyến thăm cấp nhà nước", 30.0), other("c", "lượt khách quốc tế", 17.5e6), other("d", "khách quốc tế", 17.6e6), other("e", "doanh nghiệp", 116.0), other("f", "doanh nghiệp", 4.0)]);
    assert_eq!(conflicting(&r), Vec::<String>::new(), "{:#?}", r.claims);
    let guests = r.claims.iter().find(|c| c.counted.as_deref() == Some("khach quoc te")).unwrap();
    assert_eq!(guests.documents, ["c", "d"]);
    assert_eq!(guests.verdict, Verdict::Consistent, "17,5 and 17,6 triệu agree within rounding");
    let firms: Vec<_> = r.claims.iter().filter(|c| c.counted.as_deref() == Some("doanh nghiep")).collect();
    assert_eq!(firms.len(), 2, "a bare noun with no subject is a fact of its own article");
}

#[test]
fn a_source_with_two_figures_for_one_key_makes_no_conflict() {
    let inv = |id: &str, values: &[f64]| doc(id, values.iter().map(|v| metric(json!({"indicator": "investment", "unit": "VND", "value": v, "period": year(2024)}))).collect());
    let r = report(vec![inv("a", &[657e12, 422e12]), inv("b", &[657e12]), inv("c", &[500e12])]);
    assert_eq!(conflicting(&r), Vec::<String>::new());
    assert!(r.claims.iter().any(|c| c.documents == ["a", "b"] && c.verdict == Verdict::Consistent));
}

#[test]
fn growth_rates_shares_and_levels_are_different_facts() {
    let pct = |id: &str, value: f64, direction: Value| doc(id, vec![metric(json!({"indicator": "exports", "unit": "percent", "value": value, "period": year(2024), "direction": direction}))]);
    let r = report(vec![pct("a", 14.3, json!("increase")), pct("b", 14.0, json!("increase")), pct("c", 35.5, Value::Null), pct("d", 50.0, Value::Null)]);
    assert_eq!(conflicting(&r), Vec::<String>::new());
    let rises: Vec<_> = r.claims.iter().filter(|c| c.documents.len() == 2).collect();
    assert_eq!(rises.len(), 1);
    assert_eq!(rises[0].verdict, Verdict::Consistent, "14% is 14,3% rounded");
}

#[test]
fn implied_baselines_disagree_with_each_other_made_up_articles() {
    let r = from_texts(&[
        ("a", "Năm 2025, Việt Nam ký kết 300 thỏa thuận hợp tác, gấp 3 lần năm 2024."),
        ("b", "Trong năm 2025, Việt Nam đã ký 300 thỏa thuận hợp tác, gấp 2 lần năm 2024."),
        ("c", "Năm 2025 có 303 thỏa thuận hợp tác được ký kết, gấp 3 lần năm 2024."),
    ]);
    let agr: Vec<_> = r.implied.iter().filter(|i| i.indicator == Indicator::AgreementsSigned).collect();
    assert_eq!(agr.len(), 3, "{:#?}", r.implied);
    assert!(agr.iter().all(|i| i.peer_verdict == Verdict::Conflicting));
    assert_eq!(agr[0].spread, Some((100.0, 150.0)));
    let f = r.findings.iter().find(|f| f.kind == diplo_core::corpus::FindingKind::ImpliedDisagreement).expect("a finding");
    assert_eq!(f.documents.len(), 3);
    assert!(f.summary.contains("spread 100–150"), "{}", f.summary);
}

#[test]
fn implied_baselines_that_agree_are_not_a_finding() {
    let r = from_texts(&[
        ("a", "Năm 2025, Việt Nam ký kết 300 thỏa thuận hợp tác, gấp 3 lần năm 2024."),
        ("b", "Năm 2025, Việt Nam đã ký hơn 200 thỏa thuận hợp tác, gấp đôi năm 2024."),
    ]);
    let agr: Vec<_> = r.implied.iter().filter(|i| i.indicator == Indicator::AgreementsSigned).collect();
    assert_eq!(agr.len(), 2);
    assert!(agr.iter().all(|i| i.peer_verdict == Verdict::Consistent));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_unit_of_measure_alone_names_no_fact_across_articles() {
    let temp = |id: &str, value: f64, q: &str| doc(id, vec![metric(json!({"indicator": "other", "value": value, "qualifier": q, "period": year(2020), "counted": "độ C", "subject": "UAE"}))]);
    let r = report(vec![temp("a", 40.0, "about"), temp("b", 43.0, "exact")]);
    assert!(r.claims.iter().all(|c| c.documents.len() == 1), "the average and the hottest day are two facts");
}

#[test]
fn a_growth_beyond_an_economys_is_not_compared_across_articles() {
    let g = |id: &str, value: f64| doc(id, vec![metric(json!({"indicator": "gdp_growth", "unit": "percent", "value": value, "period": year(2020), "text": format!("{value}%")}))]);
    let r = report(vec![g("a", 56.0), g("b", 60.0), g("c", 2.9), g("d", 2.91)]);
    let multi: Vec<_> = r.claims.iter().filter(|c| c.documents.len() > 1).collect();
    assert_eq!(multi.len(), 1);
    assert_eq!(multi[0].documents, ["c", "d"]);
    assert_eq!(multi[0].verdict, Verdict::Consistent, "2,9 and 2,91 agree within rounding");
}

#[test]
fn written_digits_set_the_rounding() {
    let inv = |id: &str, vals: &[(f64, &str)]| doc(id, vals.iter().map(|(v, t)| metric(json!({"indicator": "investment", "unit": "VND", "value": v, "period": year(2021), "text": t}))).collect());
    let r = report(vec![inv("a", &[(4e12, "4.000 tỷ đồng"), (4.2e12, "4.200 tỷ đồng")]), inv("b", &[(4e12, "4.000 tỷ đồng"), (4.2e12, "4.200 tỷ đồng")])]);
    let groups: Vec<(Vec<f64>, Verdict)> = r.claims.iter().map(|c| (c.values.iter().map(|v| v.value).collect(), c.verdict)).collect();
    assert_eq!(groups, [(vec![4e12, 4e12], Verdict::Consistent), (vec![4.2e12, 4.2e12], Verdict::Consistent)]);
}

#[test]
fn counts_under_a_money_indicator_are_identified_by_what_they_count() {
    let c = |id: &str, counted: &str| doc(id, vec![metric(json!({"indicator": "investment", "unit": "count", "value": 3.0, "period": year(2021), "counted": counted, "text": "ba"}))]);
    let r = report(vec![c("a", "dự án đóng cửa"), c("b", "đại dự án Vinhomes"), c("c", "dự án FDI mới"), c("d", "dự án FDI mới")]);
    let multi: Vec<_> = r.claims.iter().filter(|c| c.documents.len() > 1).map(|c| c.documents.clone()).collect();
    assert_eq!(multi, [vec!["c".to_string(), "d".to_string()]]);
}

#[test]
fn output_stays_linear_when_many_sources_imply_and_state_one_baseline() {
    // 3 000 articles imply 2024's agreements from 2025's, 3 000 state 2024's:
    // each implied value points to its group and copies at most 16 stated values.
    let cmp = json!({"kind": "ratio", "value": 2.0, "baseline": year(2024), "text": "gấp đôi năm 2024"});
    let mut docs = Vec::new();
    for i in 0..3000 {
        docs.push(doc(&format!("i{i}"), vec![metric(json!({"indicator": "agreements_signed", "value": 300.0, "period": year(2025), "comparison": cmp, "text": "300"}))]));
        docs.push(doc(&format!("s{i}"), vec![metric(json!({"indicator": "agreements_signed", "value": 150.0, "period": year(2024), "text": "150"}))]));
    }
    let t = std::time::Instant::now();
    let r = report(docs);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    assert_eq!(r.implied.len(), 3000);
    assert!(r.implied.iter().all(|i| i.verdict == Verdict::Consistent && i.stated.len() == 16 && i.stated_total == 3000));
    assert_eq!(r.implied_groups.len(), 1);
    let json = r.to_json();
    assert!(json.len() < 6000 * 8000, "{} bytes for 6000 documents", json.len());
}
