//! Quantities written in words: "hai mươi lăm quốc gia", "một trăm lẻ năm
//! hộ", "hai triệu rưỡi lượt khách", "hàng nghìn", "gấp đôi", "hai con số".
//!
//! A run of number words is read as far as Vietnamese numeral grammar allows
//! ("hai năm" is not 7). A lone number word is a count only before an
//! ordinary noun: "hai hiệp định" counts, "hai nước", "Thứ hai", "phố Hai Bà
//! Trưng", "một số" do not.

use super::qualifier::qualifier_before;
use super::quantity::{next_word, prev_word, scale_at, spec_unit_at, unit_at, unit_scaled_at, Quantity, NOT_A_COUNT_AFTER, NOT_A_COUNT_BEFORE};
use super::words::{numword_at, starts_with_word, WORDS};
use crate::records::{Qualifier, Unit};
#[cfg(test)]
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The definition of the runs [`word_numbers`] finds (kept for the tests
/// that check the hand-written matcher against it).
#[cfg(test)]
pub(super) static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // `S` is `\s+` within a line: a number never runs across a line break.
    let s = r"[\s&&[^\n\r\x0B\x0C\x{85}\x{2028}\x{2029}]]+";
    Regex::new(&r"\b(?:hàng|vài|mấy)S(?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)\b|\bgấpS(?:đôi|ba|bốn|năm|mười|rưỡi)\b|\b(?:hai|2)S(?:con|chữ)Ssố\b|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?:S(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm|nhăm|tư|trăm|lẻ|linh|chục|nghìn|ngàn|vạn|triệu|tỷ|tỉ|rưỡi))*\b".replace('S', s))
        .expect("static regex")
});

/// First words of a run, for finding where runs may start.
const STARTS: &[&str] = &["hàng", "vài", "mấy", "gấp", "hai", "2", "một", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];
const ROUGH: &[&str] = &["hàng", "vài", "mấy"];
const ROUGH_SCALE: &[&str] = &["chục", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"];
const TIMES: &[&str] = &["đôi", "ba", "bốn", "năm", "mười", "rưỡi"];
const TWO: &[&str] = &["hai", "2"];
const DIGIT_NOUN: &[&str] = &["con", "chữ"];
const HEAD: &[&str] = &["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];
const NEXT: &[&str] = &[
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "mốt", "lăm", "nhăm", "tư", "trăm", "lẻ", "linh",
    "chục", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "rưỡi",
];

/// Is `c` a regex `\w` character (Unicode)?
fn is_word(c: Option<char>) -> bool {
    c.is_some_and(regex_syntax::is_word_character)
}

/// Is there a `\b` at `i`, right after a word character?
fn word_ends(s: &str, i: usize) -> bool {
    !is_word(s[i..].chars().next())
}

/// End of the word of `list` written at `i` (no word of a list is a prefix of another).
fn word_at(s: &str, i: usize, list: &[&str]) -> Option<usize> {
    list.iter().find(|w| s[i..].starts_with(**w)).map(|w| i + w.len())
}

/// Whitespace that does not end a line.
fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// End of the run of inline whitespace at `i`: a number written in words
/// never continues on the next line ("gấp" / "năm" on two lines are two words).
fn spaces_at(s: &str, i: usize) -> Option<usize> {
    let n = s[i..].len() - s[i..].trim_start_matches(is_inline_space).len();
    (n > 0).then_some(i + n)
}

/// The end of the [`WORD_NUMBER`] match that starts at `p` (the
/// alternatives in order, as the regex's leftmost-first search tries them).
fn word_number_at(s: &str, p: usize) -> Option<usize> {
    if is_word(s[..p].chars().next_back()) {
        return None;
    }
    let seq = |words: &[&[&str]]| -> Option<usize> {
        let mut i = p;
        for (k, list) in words.iter().enumerate() {
            if k > 0 {
                i = spaces_at(s, i)?;
            }
            i = word_at(s, i, list)?;
        }
        word_ends(s, i).then_some(i)
    };
    seq(&[ROUGH, ROUGH_SCALE])
        .or_else(|| seq(&[&["gấp"], TIMES]))
        .or_else(|| seq(&[TWO, DIGIT_NOUN, &["số"]]))
        .or_else(|| {
            // A head word and as many following words as are written, then a
            // boundary: only the last word can be glued to more letters, and
            // then the run ends one word earlier.
            let mut ends = vec![word_at(s, p, HEAD)?];
            loop {
                let last = *ends.last()?;
                let Some(w) = spaces_at(s, last).and_then(|i| word_at(s, i, NEXT)) else { break };
                ends.push(w);
            }
            ends.into_iter().rev().take(2).find(|&e| word_ends(s, e))
        })
}

/// Every run of number words in `lower`, as `WORD_NUMBER.find_iter` finds
/// them, without the regex: its Unicode `\b` keeps the regex on the PikeVM.
pub(super) fn word_numbers(lower: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    static STARTS_AC: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(STARTS).expect("static automaton")
        });
    // A run starts after a non-word character, so a start inside another
    // start word (skipped by the non-overlapping scan) never begins a run.
    let mut pos = 0;
    STARTS_AC.find_iter(lower).filter_map(move |m| {
        if m.start() < pos {
            return None;
        }
        let end = word_number_at(lower, m.start())?;
        pos = end;
        Some(m.start()..end)
    })
}

/// Lone number words that can count ("một" is an article, "năm" a year).
const LONE: &[&str] = &["hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười"];

#[derive(Clone, Copy, PartialEq)]
enum Class {
    /// một … chín
    Digit,
    /// mốt, lăm, nhăm, tư: unit forms after "mươi"/"mười"
    UnitForm,
    Ten,
    Tens,
    Hundred,
    Link,
    Scale,
    Half,
}

fn class(w: &str) -> Option<Class> {
    Some(match w {
        "một" | "hai" | "ba" | "bốn" | "năm" | "sáu" | "bảy" | "tám" | "chín" => Class::Digit,
        "mốt" | "lăm" | "nhăm" | "tư" => Class::UnitForm,
        "mười" => Class::Ten,
        "mươi" => Class::Tens,
        "trăm" => Class::Hundred,
        "lẻ" | "linh" => Class::Link,
        "rưỡi" => Class::Half,
        w if WORDS.scales.iter().any(|(s, _)| s == w) => Class::Scale,
        _ => return None,
    })
}

/// How many of `words` form one well-formed numeral.
fn numeral_len(words: &[&str]) -> usize {
    let mut prev: Option<Class> = None;
    let mut before_prev: Option<Class> = None;
    let mut n = 0;
    for w in words {
        let Some(c) = class(w) else { break };
        let ok = match (prev, c) {
            (None, Class::Digit | Class::Ten) => true,
            (None, _) => false,
            // A unit digit ("hai mươi hai") closes its group: only a scale may follow.
            (Some(Class::Digit), Class::Tens) => !matches!(before_prev, Some(Class::Tens | Class::Ten | Class::Link)) && words[n - 1] != "một",
            (Some(Class::Digit), Class::Hundred) => !matches!(before_prev, Some(Class::Tens | Class::Ten | Class::Link | Class::Hundred)),
            (Some(Class::Digit | Class::UnitForm | Class::Ten | Class::Tens | Class::Hundred), Class::Scale) => true,
            // After "mươi"/"mười", five is "lăm": "hai mươi năm" is twenty years.
            (Some(Class::Ten | Class::Tens), Class::Digit | Class::UnitForm) => *w != "năm",
            (Some(Class::Hundred), Class::Digit | Class::Ten | Class::Link | Class::Half) => true,
            (Some(Class::Link), Class::Digit) => true,
            (Some(Class::Scale), Class::Digit | Class::Ten | Class::Half) => true,
            // "nghìn tỷ": a two-word scale.
            (Some(Class::Scale), Class::Scale) => WORDS.scales.iter().any(|(s, _)| *s == format!("{} {w}", words[n - 1])),
            _ => false,
        };
        if !ok {
            break;
        }
        before_prev = prev;
        prev = Some(c);
        n += 1;
    }
    // "hai nghìn năm": a digit after a scale that nothing follows is a new word.
    if n >= 2 && class(words[n - 1]) == Some(Class::Digit) && class(words[n - 2]) == Some(Class::Scale) {
        n -= 1;
    }
    // "lẻ"/"linh" needs its digit.
    if n >= 1 && class(words[n - 1]) == Some(Class::Link) {
        n -= 1;
    }
    n
}

/// Does the text before `pos` end a sentence (or is there nothing)?
fn sentence_initial(text: &str, pos: usize) -> bool {
    text[..pos].trim_end().chars().next_back().is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '\n' | '"' | '\'' | '(' | '-' | '•'))
}

/// May a lone number word at `r` count what follows?
fn lone_counts(text: &str, lower: &str, r: &Range<usize>) -> bool {
    let word = &lower[r.clone()];
    if !LONE.contains(&word) {
        return false;
    }
    let capital = text[r.clone()].chars().next().is_some_and(char::is_uppercase);
    if capital && !sentence_initial(text, r.start) {
        return false;
    }
    let prev = prev_word(lower, r.start);
    if NOT_A_COUNT_BEFORE.contains(&prev) || matches!(prev, "cả" | "giữa") {
        return false;
    }
    // The next word: a lowercase noun right after one space.
    let Some(rest) = text[r.end..].strip_prefix(' ') else { return false };
    if !rest.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let rest_l = &lower[r.end + 1..];
    let next = next_word(lower, r.end);
    !(WORDS.determined.iter().any(|d| starts_with_word(rest_l, d)) || class(next).is_some() || NOT_A_COUNT_AFTER.contains(&next))
}

pub(super) fn read_words(text: &str, lower: &str, r: Range<usize>) -> Option<Quantity> {
    let s = &lower[r.clone()];
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut end = r.end;
    let (value, mut unit, mut qualifier);
    (unit, qualifier) = (Unit::Count, Qualifier::Exact);
    match words.as_slice() {
        ["hàng" | "vài" | "mấy", scale] => {
            let mut v = WORDS.scales.iter().find(|(w, _)| w == scale)?.1;
            // "hàng trăm triệu đồng", "vài chục nghìn tỷ": the scale words that follow.
            for _ in 0..2 {
                match scale_at(lower, end) {
                    Some((e, f)) => {
                        v *= f;
                        end = e;
                    }
                    None => break,
                }
            }
            value = v;
            qualifier = Qualifier::About;
        }
        ["gấp", n] => {
            unit = Unit::Times;
            value = match *n {
                "đôi" => 2.0,
                "rưỡi" => 1.5,
                w => numword_at(w)?.1,
            };
        }
        [_, "con" | "chữ", "số"] => {
            value = 10.0;
            unit = Unit::Percent;
            qualifier = Qualifier::AtLeast;
        }
        _ => {
            let n = numeral_len(&words);
            if n == 0 {
                return None;
            }
            // Byte end of the n-th word.
            let mut pos = r.start;
            for w in &words[..n] {
                pos = pos + lower[pos..].find(w)? + w.len();
            }
            end = pos;
            let lone = n == 1;
            let first_capital = text[r.start..].chars().next().is_some_and(char::is_uppercase);
            if (lone && !lone_counts(text, lower, &(r.start..end))) || (first_capital && !sentence_initial(text, r.start)) {
                return None;
            }
            if NOT_A_COUNT_BEFORE.contains(&prev_word(lower, r.start)) {
                return None;
            }
            let has_scale = words[..n].iter().any(|w| class(w) == Some(Class::Scale));
            if !has_scale && NOT_A_COUNT_AFTER.contains(&next_word(lower, end)) && unit_at(text, lower, end).is_none() {
                return None;
            }
            value = words_value(&words[..n])?;
        }
    }
    let mut value = value;
    if unit == Unit::Count {
        if spec_unit_at(lower, end) {
            return None;
        }
        if let Some((e, u, f)) = unit_scaled_at(text, lower, end) {
            unit = u;
            end = e;
            value *= f;
        }
    }
    let mut qualifier_start = r.start;
    if qualifier == Qualifier::Exact {
        if let Some((qs, q)) = qualifier_before(lower, r.start) {
            // "xuất phát từ ba lý do": a bare "từ" bounds only a measure.
            if !(unit == Unit::Count && lower[qs..].starts_with("từ")) {
                qualifier_start = qs;
                qualifier = q;
            }
        }
    }
    Some(Quantity { range: r.start..end, qualifier_start, value, unit, qualifier, range_end: None, of_total: None, per: None })
}

/// The value of a run of Vietnamese number words ("hai mươi lăm nghìn").
pub fn words_value(words: &[&str]) -> Option<f64> {
    let (mut total, mut group, mut last) = (0.0_f64, 0.0_f64, 0.0_f64);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let two = words.get(i + 1).map(|n| format!("{w} {n}"));
        if let Some((_, f)) = two.as_deref().and_then(|t| WORDS.scales.iter().find(|(s, _)| s == t)) {
            total += if group == 0.0 { 1.0 } else { group } * f;
            group = 0.0;
            last = *f;
            i += 2;
            continue;
        }
        match w {
            "mươi" => group += last * 9.0,
            "mười" => {
                group += 10.0;
                last = 10.0;
            }
            "trăm" => {
                group = if group == 0.0 { 100.0 } else { group * 100.0 };
                last = 100.0;
            }
            "rưỡi" => total += last * 0.5,
            "lẻ" | "linh" => {}
            w if WORDS.scales.iter().any(|(s, _)| s == w) => {
                let f = WORDS.scales.iter().find(|(s, _)| s == w)?.1;
                total += if group == 0.0 { 1.0 } else { group } * f;
                group = 0.0;
                last = f;
            }
            w => {
                let v = numword_at(w)?.1;
                group += v;
                last = v;
            }
        }
        i += 1;
    }
    let v = total + group;
    (v > 0.0).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random texts of number words, look-alikes and separators: the
    /// hand-written matcher finds exactly what the regex finds.
    #[test]
    fn word_numbers_match_the_regex() {
        let pieces: Vec<&str> = STARTS
            .iter()
            .chain(NEXT)
            .chain(ROUGH_SCALE)
            .chain(TIMES)
            .copied()
            .chain(["con", "chữ", "số", "gấp", "x", "o", "a", "1", "12", "bao", "khai", "năm2025", "nước", "ba\u{301}", "_", "é"])
            .collect();
        let seps = [" ", " ", " ", "  ", "\t", "\n", ",", ".", "", "\u{a0}", "-", "(", " và "];
        let mut found = 0;
        for s in crate::lang::oracle::random_texts(0x2545_F491_4F6C_DD1Du64, &pieces, &seps, 12, 20_000) {
            let want: Vec<Range<usize>> = WORD_NUMBER.find_iter(&s).map(|m| m.range()).collect();
            let got: Vec<Range<usize>> = word_numbers(&s).collect();
            assert_eq!(got, want, "{s:?}");
            found += got.len();
        }
        assert!(found > 10_000, "{found}");
    }
}
