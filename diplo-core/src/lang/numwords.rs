//! Quantities written in words: "hai mươi lăm quốc gia", "một trăm lẻ năm
//! hộ", "hai triệu rưỡi lượt khách", "hàng nghìn", "gấp đôi", "hai con số".
//!
//! A run of number words is read as far as Vietnamese numeral grammar allows
//! ("hai năm" is not 7). A lone number word is a count only before an
//! ordinary noun: "hai hiệp định" counts, "hai nước", "Thứ hai", "phố Hai Bà
//! Trưng", "một số" do not.

use super::quantity::{next_word, prev_word, qualifier_before, unit_at, Quantity, NOT_A_COUNT_AFTER, NOT_A_COUNT_BEFORE};
use super::words::{numword_at, starts_with_word, WORDS};
use crate::records::{Qualifier, Unit};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub(super) static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:hàng|vài|mấy)\s+(?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)\b|\bgấp\s+(?:đôi|ba|bốn|năm|mười|rưỡi)\b|\b(?:hai|2)\s+(?:con|chữ)\s+số\b|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm|nhăm|tư|trăm|lẻ|linh|chục|nghìn|ngàn|vạn|triệu|tỷ|tỉ|rưỡi))*\b")
        .expect("static regex")
});

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
            value = WORDS.scales.iter().find(|(w, _)| w == scale)?.1;
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
    if unit == Unit::Count {
        if let Some((e, u)) = unit_at(text, lower, end) {
            unit = u;
            end = e;
        }
    }
    let mut qualifier_start = r.start;
    if qualifier == Qualifier::Exact {
        if let Some((qs, q)) = qualifier_before(lower, r.start) {
            qualifier_start = qs;
            qualifier = q;
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
