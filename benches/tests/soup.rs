//! Token soup built from diplo's own vocabulary (every lexicon keyword, as
//! written and capitalised), numbers, dates, cue words, line breaks and tags:
//! no document makes a stage panic (which `extract` would report as an
//! `internal` error), and every evidence span quotes the text at its offsets.
//! The same vocabulary is the fuzzers' dictionary (`fuzz/seed_corpus.py`).

use diplo_benches::{cue_keywords, lexicon_keywords, shapes::soup};
use diplo_core::{extract, Error, Options};
use proptest::prelude::*;
use std::sync::LazyLock;

static CUES: LazyLock<Vec<String>> = LazyLock::new(cue_keywords);
static WORDS: LazyLock<Vec<String>> = LazyLock::new(lexicon_keywords);

fn check(text: &str) -> Result<(), TestCaseError> {
    match extract(text, &Options::default()) {
        Err(Error::Internal { message }) => Err(TestCaseError::fail(format!("panic: {message} on {text:?}"))),
        Err(_) => Ok(()),
        Ok(doc) => {
            let spans = doc
                .metrics
                .iter()
                .map(|m| &m.evidence)
                .chain(doc.commitments.iter().map(|c| &c.evidence))
                .chain(doc.meetings.iter().flat_map(|m| m.mentions.iter().map(|x| &x.evidence)));
            for ev in spans {
                prop_assert_eq!(text.get(ev.bytes()), Some(ev.text.as_str()));
            }
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, rng_seed: proptest::test_runner::RngSeed::Fixed(7), ..ProptestConfig::default() })]

    #[test]
    fn soup_never_panics(seed in any::<u64>(), len in 1usize..1200) {
        check(&soup(len, seed, &CUES, &WORDS))?;
    }
}

/// Tokens that trigger rules in every stage: numbers and a year, a date,
/// comparison and period words, an event word, a title, a cue verb, a
/// bracket, a line break and a filler word.
const HOT: &[&str] = &["1", "2024", "22/7", "q", "gấp", "lần", "năm", "tăng", "%", "\n", "(", "Hội nghị", "Thủ tướng", "yêu cầu"];

/// More triggers, for shorter sequences: period and baseline words, range
/// and list separators, qualifiers, a partner, a policy symbol, captions.
const WARM: &[&str] = &[
    "1", "2,5", "22/7", "năm", "gấp", "%", "\n", "so với", "cùng kỳ", "từ", "đến", "-", "/", "hơn", "đạt", "lên", "với", "tỷ USD",
    "Hoa Kỳ", "FTA", "59-NQ/TW", "Ảnh:", "”", "tháng",
];

/// Every sequence of up to five hot tokens and up to four warm ones, joined
/// by spaces: small-scope exhaustive search finds what random soup needs
/// millions of tries for (a number, a word, "gấp", a line break, "năm" once
/// panicked).
#[test]
fn every_short_sequence_of_trigger_tokens_extracts() {
    let mut failures = all_sequences(HOT, 5);
    failures.extend(all_sequences(WARM, 4));
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

/// The texts among all sequences of `alphabet` up to `max_len` tokens on
/// which extraction panics (first 20).
fn all_sequences(alphabet: &[&str], max_len: u32) -> Vec<String> {
    let n = alphabet.len();
    // A caught panic is an `internal` error; keep the hook from printing each,
    // on this thread only: the other test's failure report must still print.
    let quiet = std::thread::current().id();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != quiet {
            hook(info);
        }
    }));
    let mut failures = Vec::new();
    let mut text = String::new();
    for len in 1..=max_len {
        for code in 0..n.pow(len) {
            text.clear();
            let mut c = code;
            for i in 0..len {
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(alphabet[c % n]);
                c /= n;
            }
            if let Err(Error::Internal { message }) = extract(&text, &Options::default()) {
                if failures.len() < 20 {
                    failures.push(format!("{text:?}: {message}"));
                }
            }
        }
    }
    failures
}
