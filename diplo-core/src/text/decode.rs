//! Bytes to text: UTF-8 with or without BOM, strict or lossy, and the legacy
//! Vietnamese encodings still found in government files.
//!
//! Windows-1258 is converted when the result reads as Vietnamese (common
//! syllables make up a fair share of its words). TCVN3 (ABC) and VNI, whose
//! bytes put accented letters inside ASCII words, are recognised and refused
//! with [`Error::LegacyEncoding`] rather than turned into garbage records.

use crate::{Error, Warning};

/// Frequent Vietnamese syllables with diacritics: a text decoded right is full of them.
const COMMON_SYLLABLES: &[&str] = &[
    "của", "và", "các", "được", "người", "năm", "những", "trong", "với", "đã", "này", "cho", "không", "có", "một", "là", "để",
    "theo", "về", "tại", "từ", "đến", "nhiều", "việt", "nước", "hội", "nghị", "thủ", "tướng", "chính", "phủ", "kinh", "tế", "đối",
    "ngoại", "hợp", "tác", "phát", "triển", "đồng", "chí", "thương", "mại", "đầu", "tư",
];

fn common_share(text: &str) -> (usize, usize) {
    let mut words = 0;
    let mut hits = 0;
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(5000) {
        words += 1;
        let lw = w.to_lowercase();
        if COMMON_SYLLABLES.contains(&lw.as_str()) {
            hits += 1;
        }
    }
    (hits, words)
}

/// Mostly valid UTF-8 with a few bad bytes: damaged UTF-8, not a legacy encoding
/// (UTF-8 accents also sit inside ASCII words, like TCVN3's).
fn mostly_utf8(body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(body);
    let bad = text.matches('\u{FFFD}').count();
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    // Windows-1258 text never spells Vietnamese letters (ề, ă, đ, ư …) as valid
    // UTF-8 sequences: three of them make the bytes damaged UTF-8 however many
    // bad bytes there are (a fuzzer find: converting such input gave mojibake).
    let vietnamese = text.chars().filter(|c| ('\u{0100}'..='\u{1EFF}').contains(c) && c.is_alphabetic()).take(3).count();
    bad * 2 < non_ascii || vietnamese >= 3
}

/// Windows-1258 when it reads as Vietnamese; the text is composed to NFC.
fn windows_1258(body: &[u8]) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let (text, _, had_errors) = encoding_rs::WINDOWS_1258.decode(body);
    if had_errors {
        return None;
    }
    let text: String = text.nfc().collect();
    let (hits, words) = common_share(&text);
    (hits >= 3 && hits * 8 >= words).then_some(text)
}

/// Bytes above 0x7F sitting between ASCII letters in many words: a one-byte
/// Vietnamese encoding (TCVN3/ABC or VNI) rather than damaged UTF-8.
fn looks_single_byte_vietnamese(body: &[u8]) -> bool {
    let mut words = 0;
    let mut mixed = 0;
    for w in body.split(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation()).filter(|w| !w.is_empty()).take(5000) {
        words += 1;
        let has_ascii_letter = w.iter().any(u8::is_ascii_alphabetic);
        let has_high = w.iter().any(|b| *b >= 0x80);
        if has_ascii_letter && has_high {
            mixed += 1;
        }
    }
    words >= 5 && mixed * 5 >= words
}

/// Whether bytes after a UTF-16 byte order mark read as UTF-16 text in a
/// Latin script (Vietnamese): an even length, and most units below U+0250 or
/// among Vietnamese letters and combining marks. Bytes that merely begin
/// with FF FE ("\xff\xfe bad") are not UTF-16.
fn reads_as_utf16_latin(body: &[u8], big_endian: bool) -> bool {
    if body.len() % 2 != 0 {
        return false;
    }
    let units = body.chunks_exact(2).take(4096).map(|c| if big_endian { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) });
    let (mut latin, mut all) = (0usize, 0usize);
    for u in units {
        all += 1;
        if u < 0x0250 || (0x0300..0x0370).contains(&u) || (0x1E00..0x1F00).contains(&u) || (0x2000..0x2070).contains(&u) {
            latin += 1;
        }
    }
    all > 0 && latin * 2 > all
}

/// UTF-16 announced by its byte order mark, decoded; an unpaired surrogate
/// is an error, or U+FFFD with a warning when `lossy`.
fn utf16(body: &[u8], big_endian: bool, lossy: bool) -> Result<(String, Vec<Warning>), Error> {
    let units = body.chunks(2).map(|c| match (c, big_endian) {
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        _ => 0xD800, // an odd last byte: as bad as an unpaired surrogate
    });
    let mut text = String::with_capacity(body.len());
    let mut bad: Option<usize> = None;
    let mut at = 2;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                at += c.len_utf16() * 2;
                text.push(c);
            }
            Err(_) if lossy => {
                bad.get_or_insert(at);
                at += 2;
                text.push('\u{FFFD}');
            }
            Err(_) => return Err(Error::InvalidUtf16 { offset: at }),
        }
    }
    let warnings = bad
        .map(|offset| Warning {
            code: "invalid_utf16_replaced".into(),
            message: format!("invalid UTF-16 from byte offset {offset} replaced with U+FFFD"),
            start: 0,
            end: 0,
        })
        .into_iter()
        .collect();
    Ok((text, warnings))
}

/// Decodes `bytes`: UTF-16 when a UTF-16 byte order mark says so, UTF-8 (a leading BOM dropped), else Windows-1258 when
/// that reads as Vietnamese (with a warning), else an error — or, when
/// `lossy`, UTF-8 with bad bytes replaced by U+FFFD and a warning.
///
/// # Errors
/// [`Error::InvalidUtf8`] naming the first bad byte ([`Error::InvalidUtf16`]
/// for UTF-16); [`Error::LegacyEncoding`]
/// for text in TCVN3/ABC or VNI, which diplo does not convert.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<(String, Vec<Warning>), Error> {
    for (bom, big_endian) in [(b"\xFF\xFE", false), (b"\xFE\xFF", true)] {
        if let Some(body) = bytes.strip_prefix(bom) {
            if reads_as_utf16_latin(body, big_endian) {
                return utf16(body, big_endian, lossy);
            }
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bom = bytes.len() - body.len();
    let err = match std::str::from_utf8(body) {
        Ok(s) => return Ok((s.to_string(), Vec::new())),
        Err(e) => e,
    };
    let damaged_utf8 = mostly_utf8(body);
    if let Some(text) = windows_1258(body).filter(|_| !damaged_utf8) {
        let warning = Warning {
            code: "legacy_encoding_converted".into(),
            message: "the bytes are Windows-1258, not UTF-8; converted (offsets refer to the converted text)".into(),
            start: 0,
            end: 0,
        };
        return Ok((text, vec![warning]));
    }
    if lossy {
        let offset = bom + err.valid_up_to();
        let text = String::from_utf8_lossy(body).into_owned();
        let at = text[..].char_indices().take_while(|(i, _)| *i < err.valid_up_to()).count();
        let warning = Warning {
            code: "invalid_utf8_replaced".into(),
            message: format!("invalid UTF-8 from byte offset {offset} replaced with U+FFFD"),
            start: at,
            end: at + 1,
        };
        return Ok((text, vec![warning]));
    }
    if !damaged_utf8 && looks_single_byte_vietnamese(body) {
        return Err(Error::LegacyEncoding { encoding: "TCVN3 (ABC) or VNI".into() });
    }
    Err(Error::InvalidUtf8 { offset: bom + err.valid_up_to() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Hội nghị".as_bytes(), false).unwrap().0, "Hội nghị");
        assert_eq!(decode("\u{FEFF}Hội nghị".as_bytes(), false).unwrap().0, "Hội nghị");
    }

    /// Windows-1258 spells a toned letter as its shaped base (ô, ư) plus a combining tone.
    fn to_1258(text: &str) -> Vec<u8> {
        use unicode_normalization::UnicodeNormalization;
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let mut spelled = String::new();
        for c in text.chars() {
            let d: Vec<char> = c.to_string().nfd().collect();
            let base: String = d.iter().filter(|m| !tones.contains(m)).collect::<String>().nfc().collect();
            spelled.push_str(&base);
            spelled.extend(d.iter().filter(|m| tones.contains(m)));
        }
        let (bytes, _, had_errors) = encoding_rs::WINDOWS_1258.encode(&spelled);
        assert!(!had_errors);
        bytes.into_owned()
    }

    #[test]
    fn windows_1258_is_converted_with_a_warning() {
        let text = "Thủ tướng Chính phủ chủ trì hội nghị về kinh tế đối ngoại của Việt Nam và các nước trong năm 2025.";
        let bytes = to_1258(text);
        let (back, warnings) = decode(&bytes, false).unwrap();
        assert_eq!(back, text);
        assert_eq!(warnings[0].code, "legacy_encoding_converted");
    }

    #[test]
    fn tcvn3_is_refused_not_garbled() {
        // "Thủ tướng Chính phủ chủ trì hội nghị của các nước" in TCVN3 (ABC).
        let tcvn3: &[u8] = b"Th\xf1 t\xad\xedng Ch\xddnh ph\xf1 ch\xf1 tr\xd7 h\xe9i ngh\xde c\xf1a c\xb8c n\xad\xedc";
        assert_eq!(decode(tcvn3, false).unwrap_err(), Error::LegacyEncoding { encoding: "TCVN3 (ABC) or VNI".into() });
    }

    #[test]
    fn vietnamese_utf8_with_a_few_bad_bytes_is_damaged_utf8() {
        let mut bytes = "Thủ tướng Chính phủ chủ trì hội nghị của các nước trong năm".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\xfe");
        assert!(matches!(decode(&bytes, false), Err(Error::InvalidUtf8 { .. })));
    }

    fn utf16_bytes(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in text.encode_utf16() {
            out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let text = "Thủ tướng chủ trì hội nghị 🇻🇳 ngày 22/7.";
        assert_eq!(decode(&utf16_bytes(text, false), false).unwrap(), (text.to_string(), Vec::new()));
        assert_eq!(decode(&utf16_bytes(text, true), false).unwrap().0, text);
        let mut bad = utf16_bytes("Hội nghị", false);
        bad.extend_from_slice(&[0x00, 0xD8]);
        bad.extend_from_slice(&utf16_bytes("x", false)[2..]);
        assert_eq!(decode(&bad, false).unwrap_err(), Error::InvalidUtf16 { offset: 18 });
        assert!(matches!(decode(b"\xff\xfe bad", false), Err(Error::InvalidUtf8 { offset: 0 })), "FF FE then bytes that are not UTF-16 text");
        let (t, w) = decode(&bad, true).unwrap();
        assert_eq!(t, "Hội nghị\u{FFFD}x");
        assert_eq!(w[0].code, "invalid_utf16_replaced");
    }

    #[test]
    fn damaged_utf8_is_an_error_or_lossy() {
        let bad = b"Kim ngach \xff\xfe 5 ty USD";
        assert_eq!(decode(bad, false).unwrap_err(), Error::InvalidUtf8 { offset: 10 });
        assert_eq!(decode(bad, true).unwrap().1[0].code, "invalid_utf8_replaced");
    }
}
