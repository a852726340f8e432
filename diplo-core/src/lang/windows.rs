//! Digit windows: where the number and date patterns can match at all.
//!
//! Most of the patterns of dates and figures need a digit and are made only
//! of digits, spaces, a few punctuation marks and a few words ("ngày",
//! "tháng", "đến" …). Any match of one is therefore a run of such characters
//! holding a digit, so each pattern only needs to run inside those runs, not
//! over the whole text: a byte scan finds the runs, and the regex runs on
//! each in turn, which yields exactly the matches `captures_iter` yields
//! over the whole text (the tests check each pattern's characters).
//!
//! A pattern run this way must have no look-around (`\b`, `^`, `$`), must
//! not match the empty string, and every match must hold a `\d`.

use regex::{Captures, Match, Regex};
use std::ops::Range;

/// Characters other than digits and spaces that a windowed pattern may
/// match: its punctuation and the letters of its words.
const PATTERN_CHARS: &str = "/.-,từngàyđếntớivàthángnămgiaiđoạnthờikỳnhiệm";

/// Is `c` a character a windowed pattern can match?
fn allowed(c: char) -> bool {
    c.is_ascii_digit() || c == ' ' || c == '\n' || c.is_numeric() || c.is_whitespace() || PATTERN_CHARS.contains(c)
}

/// ASCII bytes `allowed` accepts, as a table.
static ASCII_ALLOWED: std::sync::LazyLock<[bool; 128]> = std::sync::LazyLock::new(|| std::array::from_fn(|b| allowed(b as u8 as char)));

#[inline]
fn allowed_fast(c: char) -> bool {
    match ASCII_ALLOWED.get(c as usize) {
        Some(&a) => a,
        None => allowed(c),
    }
}

/// The runs of allowed characters of a text that hold a digit (any Unicode
/// number), in order and disjoint.
#[derive(Debug, Clone, Default)]
pub struct DigitWindows {
    spans: Vec<Range<usize>>,
}

impl DigitWindows {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut spans = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let numeric_at = if b.is_ascii_digit() {
                true
            } else if b < 0x80 || (b & 0xC0) == 0x80 {
                false
            } else if (0xC3..=0xC6).contains(&b) || (b == 0xE1 && matches!(bytes.get(i + 1), Some(0xB8..=0xBB))) {
                // Latin letters (U+00C0..U+01BF, U+1E00..U+1EFF): no numbers there.
                false
            } else {
                text[i..].chars().next().is_some_and(char::is_numeric)
            };
            if !numeric_at {
                i += 1;
                continue;
            }
            // Back over allowed characters (never before the previous run's end),
            // then forward to the run's end.
            let floor = spans.last().map_or(0, |r: &Range<usize>| r.end);
            let start = text[floor..i].char_indices().rev().take_while(|&(_, c)| allowed_fast(c)).last().map_or(i, |(j, _)| floor + j);
            let end = text[i..].char_indices().find(|&(_, c)| !allowed_fast(c)).map_or(text.len(), |(j, _)| i + j);
            spans.push(start..end);
            i = end;
        }
        DigitWindows { spans }
    }

    /// `re.captures_iter(text)`, for a windowed pattern and the text (or its
    /// lower-cased twin) these windows were found in.
    pub fn captures_iter<'t>(&'t self, re: &'t Regex, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 't {
        self.find_iter(re, text).filter_map(move |(m, hay)| re.captures_at(hay, m.start()))
    }

    /// `re.find_iter(text)`, for a windowed pattern.
    pub fn find_iter<'t>(&'t self, re: &'t Regex, text: &'t str) -> impl Iterator<Item = (Match<'t>, &'t str)> + 't {
        self.spans.iter().flat_map(move |w| {
            let hay = text.get(..w.end).unwrap_or("");
            let mut pos = w.start;
            std::iter::from_fn(move || {
                // No windowed pattern matches the empty string: the next search starts at the match's end.
                let m = re.find_at(hay, pos).filter(|m| m.end() > pos)?;
                pos = m.end();
                Some((m, hay))
            })
        })
    }
}

#[cfg(test)]
use regex_syntax::hir::{Class, Hir, HirKind};

#[cfg(test)]
/// Every character the pattern can match is `allowed`, it has no
/// look-around, it never matches the empty string and never matches
/// without a `\d`.
pub(crate) fn assert_windowable(pattern: &str) {
    let hir = regex_syntax::parse(pattern).expect("pattern parses");
    assert!(hir.properties().look_set().is_empty(), "{pattern}: look-around");
    assert!(hir.properties().minimum_len().is_some_and(|n| n > 0), "{pattern}: may match empty");
    assert!(!matches_without_digit(&hir), "{pattern}: matches without a digit");
    fn walk(h: &Hir, pattern: &str) {
        match h.kind() {
            HirKind::Literal(l) => {
                for c in std::str::from_utf8(&l.0).expect("utf-8 literal").chars() {
                    assert!(allowed(c), "{pattern}: {c:?}");
                }
            }
            HirKind::Class(Class::Unicode(cls)) => {
                for r in cls.ranges() {
                    for c in r.start()..=r.end() {
                        assert!(allowed(c), "{pattern}: {c:?}");
                    }
                }
            }
            HirKind::Class(Class::Bytes(_)) => panic!("{pattern}: byte class"),
            HirKind::Repetition(r) => walk(&r.sub, pattern),
            HirKind::Capture(c) => walk(&c.sub, pattern),
            HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().for_each(|h| walk(h, pattern)),
            HirKind::Empty | HirKind::Look(_) => {}
        }
    }
    walk(&hir, pattern);
}

#[cfg(test)]
/// Can `h` match a string holding no `\d` character?
fn matches_without_digit(h: &Hir) -> bool {
    let HirKind::Class(Class::Unicode(digit)) = regex_syntax::parse(r"\d").expect("\\d").into_kind() else { panic!("\\d is a class") };
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) => true,
        HirKind::Class(Class::Unicode(cls)) => {
            let mut rest = cls.clone();
            rest.difference(&digit);
            !rest.ranges().is_empty()
        }
        HirKind::Class(Class::Bytes(_)) => true,
        HirKind::Repetition(r) => r.min == 0 || matches_without_digit(&r.sub),
        HirKind::Capture(c) => matches_without_digit(&c.sub),
        HirKind::Concat(v) => v.iter().all(matches_without_digit),
        HirKind::Alternation(v) => v.iter().any(matches_without_digit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(pattern: &str, text: &str) {
        let re = Regex::new(pattern).expect("pattern");
        let w = DigitWindows::new(text);
        let whole: Vec<_> = re.captures_iter(text).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()).collect();
        let windowed: Vec<_> = w.captures_iter(&re, text).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()).collect();
        assert_eq!(whole, windowed, "{pattern} on {text:?}");
    }

    #[test]
    fn windows_hold_every_match() {
        let pats = [r"\d+(?:[.,]\d+)*", r"(?:ngày\s+)?(?P<d>\d{1,2})\s*(?P<s1>[/.-])\s*(?P<m>\d{1,2})\s*(?P<s2>[/.-])\s*(?P<y>\d{4})"];
        let texts = [
            "",
            "không có số",
            "Ngày 12/3/2025, từ ngày 5 đến 7/4 và 1.234,5 tỷ; ٣/٤/٢٠٢٥ x２０ ngày\u{3000}3/4/2025",
            "giai đoạn 2021 - 2030, 2023-24/5 tới 9",
            "12.3.2025 ngày  1 - 2 / 3 - 2024 abc12/12/2012",
        ];
        for p in pats {
            assert_windowable(p);
            for t in texts {
                same(p, t);
            }
        }
        assert_eq!(DigitWindows::new("a 12/3 bcd ngày 5, x").spans, vec![0..7, 10..20]);
    }

    #[test]
    #[should_panic(expected = "without a digit")]
    fn a_pattern_matching_without_a_digit_is_refused() {
        assert_windowable(r"\d+|tháng");
    }

    #[test]
    #[should_panic(expected = "'q'")]
    fn a_pattern_with_other_letters_is_refused() {
        assert_windowable(r"quý \d");
    }

    #[test]
    #[should_panic(expected = "look-around")]
    fn a_pattern_with_look_around_is_refused() {
        assert_windowable(r"\b\d+");
    }
}
