//! The quantity parser on any text: never panics, spans inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let n = diplo_core::text::normalize(text);
    for q in diplo_core::lang::find_quantities(&n.text) {
        assert!(q.qualifier_start <= q.range.start && q.range.end <= n.text.len());
        assert!(q.value.is_finite());
    }
    let _ = diplo_core::lang::parse_digits(text);
});
