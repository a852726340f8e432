//! Invariants that hold for any input: no panic, evidence exactly at its
//! offsets, normalisation idempotent with offsets inside the text, NFC/NFD
//! and old/new tone placement giving the same records, deterministic output,
//! lossless JSON round trips.

use diplo_core::text::normalize;
use diplo_core::{extract, Document, Options};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Pieces real pages are made of, to build adversarial documents from.
const PIECES: &[&str] = &[
    "Tối 22/7, Thủ tướng Phạm Minh Chính chủ trì Hội nghị", "hơn 200 cam kết, thỏa thuận được ký kết", "gấp 2,5 lần năm 2024",
    "Nghị quyết 59-NQ/TW", "10/13", "1.700", "205,2 tỷ USD", "&nbsp;", "<p>", "</div>", "\u{200B}", "\u{FEFF}", "\u{00A0}",
    "hoà", "thuỷ", "uỷ ban", "\r\n", "\n", " - Ảnh: VGP", ">>", "Lượt xem: 3", "(((", ")))", "\"", "“", "…", "...", "%", "G20",
    "điểm cầu tỉnh Cao Bằng do đồng chí Trịnh Trường Huy chủ trì", "Cùng dự có Phó Thủ tướng Bùi Thanh Sơn;", "năm qua", "quý I/2025",
    "thúc đẩy đàm phán các FTA với MERCOSUR, EFTA, Ai Cập", "Thủ tướng yêu cầu các bộ, ngành", "\u{0301}", "\u{0323}", "a\u{0300}",
    "\0", "\u{7}", "ĐẠI HỘI", "Ngoai giao kinh te", " ", ",", ".", "25-28/6/2023", "hàng nghìn", "hai con số",
];

fn doc_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), ".{0,12}"], 0..40).prop_map(|v| v.concat())
}

fn check_evidence(text: &str, doc: &Document) -> Result<(), TestCaseError> {
    let mut spans: Vec<(&str, usize, usize, usize, usize)> = Vec::new();
    for m in &doc.metrics {
        spans.push((&m.evidence.text, m.evidence.start, m.evidence.end, m.evidence.byte_start, m.evidence.byte_end));
    }
    for m in &doc.meetings {
        for x in m.mentions.iter().map(|x| &x.evidence).chain(std::iter::once(&m.evidence)) {
            spans.push((&x.text, x.start, x.end, x.byte_start, x.byte_end));
        }
        for p in m.chairs.iter().chain(&m.attendees).chain(&m.speakers) {
            spans.push((&p.evidence.text, p.evidence.start, p.evidence.end, p.evidence.byte_start, p.evidence.byte_end));
        }
    }
    for c in &doc.commitments {
        spans.push((&c.evidence.text, c.evidence.start, c.evidence.end, c.evidence.byte_start, c.evidence.byte_end));
    }
    for (ev, s, e, bs, be) in spans {
        prop_assert!(bs <= be && be <= text.len());
        prop_assert_eq!(text.get(bs..be), Some(ev));
        let by_chars: String = text.chars().skip(s).take(e - s).collect();
        prop_assert_eq!(by_chars.as_str(), ev);
    }
    Ok(())
}

/// The records without offsets, for comparing two spellings of one text.
fn shape(doc: &Document) -> String {
    let mut v = serde_json::to_value(doc).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for k in ["text", "start", "end", "byte_start", "byte_end", "paragraphs", "warnings", "date_text"] {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v.to_string()
}

fn old_tones(s: &str) -> String {
    s.replace("òa", "oà").replace("óa", "oá").replace("ỏa", "oả").replace("ủy", "uỷ").replace("úy", "uý").replace("ọa", "oạ").replace("ùy", "uỳ").replace("ũy", "uỹ").replace("õe", "oẽ")
}

/// A fixed seed keeps the suite deterministic (CI must not fail on a lucky
/// draw); explore with `PROPTEST_RNG_SEED=<n>` or the fuzzers in `fuzz/`.
fn config() -> ProptestConfig {
    let seed = std::env::var("PROPTEST_RNG_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_d1b1);
    ProptestConfig { cases: 400, rng_seed: proptest::test_runner::RngSeed::Fixed(seed), ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn never_panics_and_evidence_is_exact(text in doc_strategy()) {
        let doc = extract(&text, &Options::default()).unwrap();
        check_evidence(&text, &doc)?;
    }

    #[test]
    fn any_unicode_never_panics(text in "\\PC{0,300}") {
        let doc = extract(&text, &Options::default()).unwrap();
        check_evidence(&text, &doc)?;
    }

    #[test]
    fn normalisation_is_idempotent_and_maps_inside(text in doc_strategy()) {
        let n = normalize(&text);
        let again = normalize(&n.text);
        prop_assert_eq!(again.text.as_ref(), n.text.as_ref());
        for i in (0..=n.text.len()).filter(|&i| n.text.is_char_boundary(i)) {
            let s = n.map.start(i);
            let e = n.map.end(i);
            prop_assert!(s <= text.len() && e <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }

    #[test]
    fn nfd_and_old_tones_give_the_same_records(text in doc_strategy()) {
        let nfc: String = text.nfc().collect();
        let base = shape(&extract(&nfc, &Options::default()).unwrap());
        let nfd: String = nfc.nfd().collect();
        prop_assert_eq!(&shape(&extract(&nfd, &Options::default()).unwrap()), &base);
        let old = old_tones(&nfc);
        prop_assert_eq!(&shape(&extract(&old, &Options::default()).unwrap()), &base);
    }

    #[test]
    fn deterministic_and_json_round_trips(text in doc_strategy()) {
        let a = extract(&text, &Options::with_id("x")).unwrap();
        let b = extract(&text, &Options::with_id("x")).unwrap();
        prop_assert_eq!(&a, &b);
        let back = Document::from_json(&a.to_json()).unwrap();
        prop_assert_eq!(back, a);
    }
}

#[test]
fn seeds_are_the_same_in_nfd_and_old_tone_placement() {
    let dir = format!("{}/../seeds", env!("CARGO_MANIFEST_DIR"));
    for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let base = shape(&extract(&text, &Options::default()).unwrap());
        let nfd: String = text.nfd().collect();
        assert_eq!(shape(&extract(&nfd, &Options::default()).unwrap()), base, "{:?} NFD", e.path());
        assert_eq!(shape(&extract(&old_tones(&text), &Options::default()).unwrap()), base, "{:?} old tones", e.path());
    }
}
