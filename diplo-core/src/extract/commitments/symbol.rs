//! Document symbols ("số ký hiệu"): "59-NQ/TW", "21/NQ-CP",
//! "13/2023/NĐ-CP", "108/2016/QH13".
//!
//! Party documents write the number, a dash, the kind and a slash before the
//! Party body ("59-NQ/TW"); State documents write a slash, the kind, a dash
//! and the issuer ("21/NQ-CP"). Writers mix the two up ("71-NQ/CP"), so the
//! symbol is rebuilt from its parts in the form its issuer uses, and the
//! caller warns when that changes more than spacing.

use super::cues::CUES;

/// The parts of a symbol after its number.
#[derive(Debug, PartialEq, Eq)]
struct Parts<'a> {
    year: Option<&'a str>,
    codes: Vec<&'a str>,
}

fn parts(rest: &str) -> Parts<'_> {
    let mut p = Parts { year: None, codes: Vec::new() };
    for seg in rest.split(['-', '/']).filter(|s| !s.is_empty()) {
        if seg.len() == 4 && seg.chars().all(|c| c.is_ascii_digit()) && p.year.is_none() && p.codes.is_empty() {
            p.year = Some(seg);
        } else {
            p.codes.push(seg);
        }
    }
    p
}

/// Is `code` the mark of a Party body ("TW", "TU")?
fn is_party(code: &str) -> bool {
    CUES.party_codes.iter().any(|c| c == code)
}

/// The normalised symbol of `number` followed by `written` (its "-NQ/TW"
/// part as written, spaces allowed), and whether more than spacing changed.
pub fn normalise(number: &str, written: &str) -> (String, bool) {
    let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    let as_written = format!("{number}{compact}");
    let mut p = parts(&compact);
    // "TƯ" (Trung ương written with its diacritic) is the Central Committee's "TW".
    for c in p.codes.iter_mut() {
        if *c == "TƯ" {
            *c = "TW";
        }
    }
    let rebuilt = match (p.year, p.codes.as_slice()) {
        (None, [kind, issuer]) if is_party(issuer) => format!("{number}-{kind}/{issuer}"),
        (None, [kind, issuer]) => format!("{number}/{kind}-{issuer}"),
        (Some(y), [kind, issuer]) if !is_party(issuer) => format!("{number}/{y}/{kind}-{issuer}"),
        (Some(y), [issuer]) if !is_party(issuer) => format!("{number}/{y}/{issuer}"),
        _ => as_written.clone(),
    };
    let changed = rebuilt != as_written;
    (rebuilt, changed)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn party_and_state_forms() {
        assert_eq!(normalise("59", "-NQ/TW"), ("59-NQ/TW".into(), false));
        assert_eq!(normalise("59", " - NQ/TW"), ("59-NQ/TW".into(), false));
        assert_eq!(normalise("29", "-NQ/TƯ"), ("29-NQ/TW".into(), true));
        assert_eq!(normalise("29", "/NQ-TƯ"), ("29-NQ/TW".into(), true));
        assert_eq!(normalise("21", "/NQ-CP"), ("21/NQ-CP".into(), false));
        assert_eq!(normalise("71", "-NQ/CP"), ("71/NQ-CP".into(), true));
        assert_eq!(normalise("59", "/NQ-TW"), ("59-NQ/TW".into(), true));
        assert_eq!(normalise("13", "/2023/NĐ-CP"), ("13/2023/NĐ-CP".into(), false));
        assert_eq!(normalise("108", "/2016/QH13"), ("108/2016/QH13".into(), false));
        assert_eq!(normalise("84", "/CĐ-TTg"), ("84/CĐ-TTg".into(), false));
        assert_eq!(normalise("7", "/A/B/C"), ("7/A/B/C".into(), false));
    }
}
