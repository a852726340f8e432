//! Sentence splitting and normalisation on any text: spans in order, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let n = diplo_core::text::normalize(text);
    let mut last = 0;
    for s in diplo_core::lang::split_sentences(&n.text) {
        assert!(s.range.start >= last && s.range.end <= n.text.len());
        assert!(n.text.is_char_boundary(s.range.start) && n.text.is_char_boundary(s.range.end));
        last = s.range.end;
    }
    let st = diplo_core::structure::analyse(&n.text);
    assert!(st.lines.iter().all(|l| l.range.end <= n.text.len()));
});
