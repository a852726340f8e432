//! Reading records back from JSON: never panics; what parses round-trips.
#![no_main]
use diplo_core::corpus::CorpusReport;
use diplo_core::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = Document::from_json(text) {
        let again = Document::from_json(&doc.to_json()).expect("own JSON parses");
        assert_eq!(again.to_json(), doc.to_json());
    }
    let _ = serde_json::from_str::<CorpusReport>(text);
});
