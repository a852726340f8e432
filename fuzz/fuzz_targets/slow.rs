//! Slow inputs: the fuzzer's input is a unit repeated into a 200 KB
//! document, so a rule that is quadratic in some shape of text (a scan back
//! to the start, a pairwise loop over mentions) turns a small unit into a
//! run far over libFuzzer's `-timeout` (`fuzz/run.sh` sets 3 s for this
//! target; linear extraction of 200 KB takes a few tens of ms even
//! instrumented). Also no panic, as in `extract`.
#![no_main]
use diplo_core::{extract, Error, Options};
use libfuzzer_sys::fuzz_target;

const DOCUMENT_BYTES: usize = 200_000;

fuzz_target!(|data: &[u8]| {
    let Ok(unit) = std::str::from_utf8(data) else { return };
    if unit.is_empty() {
        return;
    }
    let mut text = String::with_capacity(DOCUMENT_BYTES + unit.len());
    while text.len() < DOCUMENT_BYTES {
        text.push_str(unit);
    }
    if let Err(Error::Internal { message }) = extract(&text, &Options::default()) {
        panic!("{message}");
    }
});
