//! The date and period parser on any text, with and without a document date.
#![no_main]
use diplo_core::lang::{find_temporals, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let n = diplo_core::text::normalize(text);
    for doc in [None, Date::new(2026, 1, 1), Date::new(2024, 2, 29)] {
        for t in find_temporals(&n.text, doc) {
            assert!(t.range.end <= n.text.len());
            if let (Some(s), Some(e)) = (t.start, t.end) {
                assert!(s <= e, "period ends before it starts");
            }
        }
    }
});
