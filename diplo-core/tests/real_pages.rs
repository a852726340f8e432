//! Every article of the shared corpus (`../shared/corpus/*.jsonl`, about 3,400
//! real VnExpress and Dân Trí pages): no error, no panic, every offset valid.
//! Skipped, with a message, when the corpus is not next to the repository.

use diplo_core::{extract, Options};
use std::path::PathBuf;

#[test]
fn every_real_article_extracts_with_valid_offsets() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    };
    let (mut docs, mut records, mut bytes) = (0usize, 0usize, 0usize);
    let started = std::time::Instant::now();
    for e in entries.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "jsonl")) {
        let data = std::fs::read_to_string(e.path()).expect("corpus file is UTF-8");
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let id = v.get("id").and_then(|t| t.as_str()).unwrap_or("?");
            let doc = extract(text, &Options::with_id(id)).unwrap_or_else(|err| panic!("{id}: {err}"));
            let spans = doc
                .metrics
                .iter()
                .map(|m| &m.evidence)
                .chain(doc.commitments.iter().map(|c| &c.evidence))
                .chain(doc.meetings.iter().flat_map(|m| m.mentions.iter().map(|x| &x.evidence)));
            for ev in spans {
                assert_eq!(text.get(ev.bytes()), Some(ev.text.as_str()), "{id}: evidence off its bytes");
                let by_chars: String = text.chars().skip(ev.start).take(ev.end - ev.start).collect();
                assert_eq!(by_chars, ev.text, "{id}: evidence off its code points");
                records += 1;
            }
            docs += 1;
            bytes += text.len();
        }
    }
    eprintln!(
        "real pages: {docs} articles, {:.1} MB, {records} records ({:.1} per article) in {:.1} s",
        bytes as f64 / 1e6,
        records as f64 / docs.max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    assert!(docs > 3000, "the shared corpus holds about 3,400 articles");
}
