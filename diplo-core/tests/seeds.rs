//! Every seed article: extraction succeeds and every record's evidence is
//! exactly the input at its offsets, in bytes and in code points.

use diplo_core::{extract, Document, Evidence, Options};
use std::path::PathBuf;

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn check(text: &str, ev: &Evidence, what: &str) {
    assert_eq!(&text[ev.bytes()], ev.text, "{what}: byte offsets");
    let by_chars: String = text.chars().skip(ev.start).take(ev.end - ev.start).collect();
    assert_eq!(by_chars, ev.text, "{what}: code point offsets");
    assert!(!ev.text.is_empty(), "{what}: empty evidence");
}

fn check_document(text: &str, doc: &Document) {
    for m in &doc.metrics {
        check(text, &m.evidence, "metric");
    }
    for m in &doc.meetings {
        check(text, &m.evidence, "meeting");
        for mention in &m.mentions {
            check(text, &mention.evidence, "meeting mention");
        }
        for p in m.chairs.iter().chain(&m.attendees).chain(&m.speakers) {
            check(text, &p.evidence, "person");
        }
    }
    for c in &doc.commitments {
        check(text, &c.evidence, "commitment");
    }
}

#[test]
fn every_seed_extracts_with_exact_evidence() {
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    for (id, text) in &seeds {
        let doc = extract(text, &Options::with_id(id.clone())).unwrap();
        assert_eq!(doc.id.as_deref(), Some(id.as_str()));
        check_document(text, &doc);
    }
}

#[test]
fn seed_structure_matches_the_gold() {
    let seeds = seeds();
    let doc = |i: usize| extract(&seeds[i].1, &Options::default()).unwrap();
    assert_eq!(doc(0).title.as_deref(), Some("Số lượng đoàn đối ngoại trong nửa đầu năm 2025 của Việt Nam gần bằng cả năm 2024"));
    assert_eq!(doc(1).author.as_deref(), Some("Kim Thoa"));
    assert_eq!(doc(2).date.as_deref(), Some("2026-01-10"));
    assert_eq!(doc(2).title.as_deref(), Some("Thủ tướng Chính phủ chủ trì hội nghị tổng kết công tác ngoại giao kinh tế năm 2025"));
    let d3 = doc(3);
    assert_eq!(d3.title, None, "a caption is not a title");
    assert_eq!(d3.author.as_deref(), Some("Anh Thơ"));
    assert!(d3.source_url.as_deref().is_some_and(|u| u.starts_with("https://baochinhphu.vn/")));
    let d4 = doc(4);
    assert_eq!(d4.date.as_deref(), Some("2026-01-01"));
    assert_eq!(d4.title, None, "a long lead sentence is not a title");
}

#[test]
fn nfd_input_keeps_offsets_exact() {
    use unicode_normalization::UnicodeNormalization;
    for (_, text) in seeds() {
        let nfd: String = text.nfd().collect();
        let doc = extract(&nfd, &Options::default()).unwrap();
        check_document(&nfd, &doc);
    }
}
