//! Hostile and odd input: each case states what diplo does (docs/HOSTILE.md).
//! Time and memory are measured in benchmarks, not asserted here.

use diplo_core::{extract, extract_bytes, Document, Error, Indicator, Options};

fn ok(text: &str) -> Document {
    let doc = extract(text, &Options::default()).expect("extracts");
    for m in &doc.metrics {
        assert_eq!(&text[m.evidence.bytes()], m.evidence.text);
    }
    doc
}

#[test]
fn empty_and_blank_give_an_empty_document() {
    for t in ["", " ", "\n\n\n", "\u{FEFF}", "\0\0\0"] {
        let d = ok(t);
        assert!(d.metrics.is_empty() && d.meetings.is_empty() && d.commitments.is_empty() && d.title.is_none());
    }
}

#[test]
fn fifty_megabytes_extracts() {
    let seed = std::fs::read_to_string(format!("{}/../seeds/003_9f6c518c3a005ced.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut big = String::with_capacity(51 << 20);
    while big.len() < 50 << 20 {
        big.push_str(&seed);
        big.push('\n');
    }
    let d = ok(&big);
    assert!(d.metrics.len() > 10_000, "every copy's figures are found");
}

#[test]
fn over_the_size_limit_is_a_clear_error() {
    let opts = Options { max_bytes: 1000, ..Options::default() };
    let e = extract(&"a".repeat(1001), &opts).unwrap_err();
    assert_eq!(e, Error::TooLarge { len: 1001, limit: 1000 });
    assert_eq!(e.code(), "too_large");
}

#[test]
fn one_megabyte_line() {
    let line = "Kim ngạch xuất khẩu năm 2024 đạt 405 tỷ USD, ".repeat(1 << 20 >> 6);
    let d = ok(&line);
    assert!(d.metrics.iter().all(|m| m.indicator == Indicator::Exports && m.value == 405e9));
}

#[test]
fn nul_and_control_characters_are_ignored() {
    let d = ok("Năm 2025,\u{0} Việt Nam\u{7} đã ký kết\u{1b} 350 thỏa\u{0}thuận hợp tác.");
    assert_eq!(d.metrics.len(), 1);
    assert_eq!(d.metrics[0].value, 350.0);
}

#[test]
fn html_remnants_and_entities() {
    let text = "<div class=\"x\"><p>Năm 2025,&nbsp;Việt Nam đã ký kết <b>350</b> thỏa thuận hợp tác &amp; nâng cấp quan hệ với 17 nước.</p></div>";
    let d = ok(text);
    let values: Vec<f64> = d.metrics.iter().map(|m| m.value).collect();
    assert_eq!(values, [350.0, 17.0]);
    assert_eq!(d.metrics[0].indicator, Indicator::AgreementsSigned);
    assert_eq!(d.metrics[0].period.as_ref().and_then(|p| p.start.as_deref()), Some("2025-01-01"));
}

#[test]
fn all_caps_headline() {
    let d = ok("THỦ TƯỚNG PHẠM MINH CHÍNH CHỦ TRÌ HỘI NGHỊ VỚI 98 ĐẠI SỨ\nNội dung.");
    assert_eq!(d.metrics.len(), 1);
    assert_eq!(d.metrics[0].value, 98.0);
}

#[test]
fn text_without_diacritics_still_gives_numbers() {
    let d = ok("Nam 2025, Viet Nam da ky ket 350 thoa thuan hop tac.");
    assert_eq!(d.metrics.iter().map(|m| m.value).collect::<Vec<_>>(), [350.0]);
    assert_eq!(d.metrics[0].indicator, Indicator::Other, "lexicons are Vietnamese with diacritics");
}

#[test]
fn mixed_english_and_vietnamese() {
    let d = ok("Vietnam's exports reached USD 405 billion. Xuất khẩu năm 2024 đạt 405,5 tỷ USD.");
    assert!(d.metrics.iter().any(|m| m.value == 405.5e9 && m.indicator == Indicator::Exports));
}

#[test]
fn a_page_of_ten_thousand_numbers() {
    // Numbers 3001..13000: 4-digit numbers 1900–2100 without a unit read as years.
    let text = (0..10_000).map(|i| format!("{} dự án", i + 3001)).collect::<Vec<_>>().join(", ");
    let d = ok(&text);
    assert_eq!(d.metrics.len(), 10_000);
    let pager = (1..=10_000).map(|i| i.to_string()).collect::<Vec<_>>().join(" ");
    assert!(ok(&pager).metrics.is_empty(), "a pager line is furniture");
}

#[test]
fn deeply_nested_brackets_and_quotes() {
    let text = format!("{}Năm 2025 ký kết 350 thỏa thuận{}", "(\"“[".repeat(5000), "]”\")".repeat(5000));
    let d = ok(&text);
    assert_eq!(d.metrics.len(), 1);
}

#[test]
fn invalid_utf8_bytes() {
    let bytes = b"Kim ngach \xff\xfe 5 ty USD";
    assert_eq!(extract_bytes(bytes, &Options::default()).unwrap_err(), Error::InvalidUtf8 { offset: 10 });
    let d = extract_bytes(bytes, &Options { lossy: true, ..Options::default() }).unwrap();
    assert_eq!(d.warnings[0].code, "invalid_utf8_replaced");
    let bom = extract_bytes("\u{FEFF}Năm 2025 ký kết 350 thỏa thuận".as_bytes(), &Options::default()).unwrap();
    assert_eq!(bom.metrics.len(), 1);
}

#[test]
fn crlf_nbsp_zero_width_and_glued_paragraphs() {
    let d = ok("Tiêu đề\r\nNăm\u{A0}2025, xuất khẩu tăng 14%.Chủ trì\u{200B} hội nghị, Thủ tướng nêu rõ.\r\n");
    assert_eq!(d.metrics.len(), 1);
    assert_eq!(d.metrics[0].value, 14.0);
}
