//! Events merged across articles only when they are one: compatible dates
//! and a shared principal, venue or specific name.

use diplo_core::corpus::{Corpus, CorpusReport};
use diplo_core::{Document, Options};
use serde_json::{json, Value};

fn from_texts(texts: &[(&str, &str)]) -> CorpusReport {
    let mut c = Corpus::new();
    let items: Vec<(String, Options)> = texts.iter().map(|(id, t)| (t.to_string(), Options::with_id(*id))).collect();
    c.add_texts(&items);
    c.report()
}

fn person(name: &str) -> Value {
    json!({"title": null, "name": name, "text": name, "start": 0, "end": 1, "byte_start": 0, "byte_end": 1})
}

/// A meeting record: kind, name, date, chairs; the rest default.
fn meeting(kind: &str, name: &str, date: Option<&str>, chairs: &[&str]) -> Value {
    json!({
        "kind": kind, "name": name, "topic": null, "date": date, "date_text": date, "year_inferred": false, "end_date": null,
        "time_of_day": null, "format": null, "venue": null, "chairs": chairs.iter().map(|c| person(c)).collect::<Vec<_>>(),
        "attendees": [], "speakers": [], "bridge_points": [], "partners": [],
        "mentions": [{"text": name, "start": 0, "end": 1, "byte_start": 0, "byte_end": 1, "source": "body"}],
        "source": "body", "text": name, "start": 0, "end": 1, "byte_start": 0, "byte_end": 1
    })
}

fn doc(id: &str, meetings: Vec<Value>) -> Document {
    serde_json::from_value(json!({"id": id, "title": null, "date": null, "source_url": null, "author": null, "meetings": meetings, "metrics": [], "commitments": [], "warnings": []})).unwrap()
}

fn report(docs: Vec<Document>) -> CorpusReport {
    let mut c = Corpus::new();
    for d in docs {
        c.add(d);
    }
    c.report()
}

/// The documents of each merged event (several documents only).
fn merged(r: &CorpusReport) -> Vec<Vec<String>> {
    r.meetings.iter().filter(|m| m.documents.len() > 1).map(|m| m.documents.clone()).collect()
}

#[test]
fn one_event_by_its_chair_on_the_same_day_made_up_articles() {
    let r = from_texts(&[
        ("a", "Sáng 12/3/2025, tại Hà Nội, Thủ tướng Chính phủ Phạm Minh Chính chủ trì Hội nghị gặp mặt các doanh nghiệp có vốn đầu tư nước ngoài năm 2025."),
        ("b", "Chiều 12/3/2025, Thủ tướng Phạm Minh Chính đã chủ trì hội nghị với các doanh nghiệp FDI tại Hà Nội."),
        ("c", "Sáng 13/3/2025, Thủ tướng Phạm Minh Chính chủ trì hội nghị với các doanh nghiệp FDI tại Hà Nội."),
    ]);
    assert_eq!(merged(&r), [vec!["a".to_string(), "b".to_string()]], "{:#?}", r.meetings);
    let m = r.meetings.iter().find(|m| m.documents.len() == 2).unwrap();
    assert_eq!(m.links, ["chair Phạm Minh Chính"]);
    let tod = m.conflicts.iter().find(|c| c.field == "time_of_day").expect("morning vs afternoon");
    assert_eq!(tod.values.len(), 2);
}

#[test]
fn one_event_by_a_specific_name_and_anaphora_never_joins_made_up_articles() {
    let r = from_texts(&[
        ("c", "Ngày 26/5/2025, Hội nghị Cấp cao ASEAN lần thứ 46 khai mạc tại Kuala Lumpur, Malaysia. Cuộc họp này kéo dài hai ngày."),
        ("d", "Ngày 26/5/2025, Thủ tướng Phạm Minh Chính dự Hội nghị cấp cao ASEAN tại Kuala Lumpur. Bên lề hội nghị, Thủ tướng có cuộc họp với lãnh đạo Malaysia."),
        ("e", "Ngày 26/10/2025, Hội nghị Cấp cao ASEAN lần thứ 47 khai mạc tại Kuala Lumpur."),
    ]);
    let groups = merged(&r);
    assert_eq!(groups, [vec!["c".to_string(), "d".to_string()]], "{:#?}", r.meetings);
    let asean = r.meetings.iter().find(|m| m.documents.len() == 2).unwrap();
    assert_eq!(asean.links, ["name"]);
    assert!(asean.name.contains("46"), "the specific name is shown: {}", asean.name);
}

#[test]
fn generic_and_anaphoric_names_never_join_another_article() {
    let day = Some("2025-03-01");
    let r = report(vec![
        doc("a", vec![meeting("visit", "chuyến công tác", day, &[]), meeting("session", "cuộc họp này", day, &[]), meeting("press_conference", "cuộc họp báo", day, &[])]),
        doc("b", vec![meeting("visit", "chuyến công tác", day, &[]), meeting("session", "cuộc họp này", day, &[]), meeting("press_conference", "cuộc họp báo", day, &[])]),
        doc("c", vec![meeting("ceremony", "Lễ khai mạc", day, &[]), meeting("forum", "Hội thảo cũng", day, &[]), meeting("session", "cuộc họp HĐQT", day, &[])]),
        doc("d", vec![meeting("ceremony", "Lễ khai mạc", day, &[]), meeting("forum", "Hội thảo cũng", day, &[]), meeting("session", "cuộc họp HĐQT", day, &[])]),
    ]);
    assert_eq!(merged(&r), Vec::<Vec<String>>::new());
}

#[test]
fn dates_must_be_compatible() {
    let name = "Diễn đàn Kinh tế Việt Nam - Nhật Bản";
    let r = report(vec![
        doc("a", vec![meeting("forum", name, Some("2025-03-01"), &[])]),
        doc("b", vec![meeting("forum", name, Some("2025-03"), &[])]),
        doc("c", vec![meeting("forum", name, Some("2024-03-01"), &[])]),
        doc("d", vec![meeting("forum", name, None, &[])]),
        doc("e", vec![meeting("forum", name, None, &[])]),
        doc("f", vec![meeting("forum", name, Some("--03-01"), &[])]),
    ]);
    let mut groups = merged(&r);
    groups.sort();
    assert_eq!(groups, [vec!["a", "b", "f"]], "same day or a range that holds it; undated never");
    let chairs = report(vec![
        doc("a", vec![meeting("talks", "hội đàm", Some("2025-03-01"), &["Phạm Minh Chính"])]),
        doc("b", vec![meeting("talks", "hội đàm", Some("2025-03"), &["Phạm Minh Chính"])]),
        doc("c", vec![meeting("talks", "hội đàm", Some("2025-03-02"), &["Phạm Minh Chính"])]),
    ]);
    assert_eq!(merged(&chairs), Vec::<Vec<String>>::new(), "a principal joins only on a stated day");
}

#[test]
fn different_principals_ordinals_or_kinds_keep_events_apart() {
    let day = Some("2025-05-26");
    let r = report(vec![
        doc("a", vec![meeting("talks", "hội đàm với Thủ tướng Malaysia", day, &["Phạm Minh Chính"])]),
        doc("b", vec![meeting("talks", "hội đàm với Thủ tướng Malaysia", day, &["Bùi Thanh Sơn"])]),
        doc("c", vec![meeting("summit", "Hội nghị Cấp cao ASEAN lần thứ 46", Some("2025"), &[])]),
        doc("d", vec![meeting("summit", "Hội nghị Cấp cao ASEAN lần thứ 47", Some("2025"), &[])]),
        doc("e", vec![meeting("reception", "hội đàm với Thủ tướng Malaysia", day, &["Phạm Minh Chính"])]),
    ]);
    assert_eq!(merged(&r), Vec::<Vec<String>>::new(), "{:#?}", r.meetings);
}

#[test]
fn organisation_names_are_not_events() {
    let r = report(vec![
        doc("a", vec![meeting("forum", "Diễn đàn Kinh tế thế giới", Some("2025-01-20"), &[])]),
        doc("b", vec![meeting("conference", "Hội nghị Liên Hợp Quốc về Thương mại và Phát triển", None, &[]), meeting("conference", "Hội nghị thường niên Diễn đàn Kinh tế thế giới", Some("2025-01-20"), &[])]),
    ]);
    let names: Vec<&str> = r.meetings.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Hội nghị thường niên Diễn đàn Kinh tế thế giới"]);
}

#[test]
fn merging_is_linear_on_a_large_corpus_of_one_repeated_name() {
    // 20 000 articles naming the same specific event on the same day, and
    // 20 000 with generic names: bounded index lists keep this fast.
    let day = Some("2025-03-01");
    let docs: Vec<Document> = (0..40_000)
        .map(|i| if i % 2 == 0 { doc(&format!("s{i}"), vec![meeting("forum", "Diễn đàn Kinh tế Việt Nam", day, &["Phạm Minh Chính"])]) } else { doc(&format!("g{i}"), vec![meeting("session", "cuộc họp", day, &[])]) })
        .collect();
    let t = std::time::Instant::now();
    let r = report(docs);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    assert_eq!(r.meetings.iter().filter(|m| m.documents.len() > 1).count(), 1);
    assert_eq!(r.meetings.len(), 20_001);
}
