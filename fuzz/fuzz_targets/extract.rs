//! `extract_bytes` on any bytes (strict and lossy): never panics, and every
//! record's evidence is the input at its byte offsets.
#![no_main]
use diplo_core::{extract_bytes, Error, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lossy in [false, true] {
        let opts = Options { lossy, date: Some("2025-07-23".into()), ..Options::default() };
        let result = extract_bytes(data, &opts);
        // `extract` catches a stage's panic as an `internal` error: still a bug.
        if let Err(Error::Internal { message }) = &result {
            panic!("{message}");
        }
        if let Ok(doc) = result {
            // Offsets point into the decoded text (the same as the bytes for UTF-8;
            // the converted text for Windows-1258).
            let (text, _) = diplo_core::text::decode(data, lossy).expect("extract_bytes decoded it");
            for m in &doc.metrics {
                assert_eq!(text.get(m.evidence.bytes()), Some(m.evidence.text.as_str()));
            }
            for c in &doc.commitments {
                assert_eq!(text.get(c.evidence.bytes()), Some(c.evidence.text.as_str()));
            }
            for m in &doc.meetings {
                assert_eq!(text.get(m.evidence.bytes()), Some(m.evidence.text.as_str()));
            }
        }
    }
});
