//! The qualifier of a number ("hơn", "khoảng", "từ … trở lên"): the word
//! before it, glued or not, and what the words after it make of that word
//! (a range's start, a change's baseline, rivals beaten, "trở lên/xuống").

use super::quantity::{prev_word, skip_spaces};
use super::words::{ends_with_word, starts_with_word, WORDS};
use crate::records::{Qualifier, Unit};

/// How far after a comparative's number its "so với" may be (bytes).
const COMPARISON_REACH: usize = 80;

/// The qualifier that ends right before `pos`, and where it starts.
pub(super) fn qualifier_before(lower: &str, pos: usize) -> Option<(usize, Qualifier)> {
    let before = lower[..pos].trim_end_matches(' ');
    let (w, q) = WORDS.qualifiers.iter().find(|(w, _)| ends_with_word(before, w))?;
    let start = before.len() - w.len();
    // "cao hơn 80 triệu đồng so với …", "nhanh hơn 50% so với …": a comparative
    // against a baseline states a difference, not a bound ("dài hơn 4 km" stays one).
    if w == "hơn" && WORDS.comparatives.iter().any(|c| c == prev_word(lower, start)) {
        let mut to = (pos + COMPARISON_REACH).min(lower.len());
        while !lower.is_char_boundary(to) {
            to -= 1;
        }
        // Not over a reference level: "cao hơn 300 m so với mực nước biển" is a bound.
        let baseline = lower[pos..to].find(" so với ").map(|i| &lower[pos + i + " so với ".len()..to]);
        if baseline.is_some_and(|b| !b.starts_with("mực nước") && !b.starts_with("mặt")) {
            return None;
        }
    }
    Some((start, *q))
}

/// "MexicoKhoảng 1.200 cặp": a capitalised qualifier glued to the word
/// before it (a teaser's label run into its sentence).
fn glued_qualifier(text: &str, lower: &str, pos: usize) -> Option<(usize, Qualifier)> {
    let before = lower[..pos].trim_end_matches(' ');
    WORDS.qualifiers.iter().find_map(|(w, q)| {
        let start = before.len().checked_sub(w.len())?;
        let glued = before.ends_with(w.as_str())
            && text.get(start..).is_some_and(|t| t.starts_with(char::is_uppercase))
            && text.get(..start).and_then(|t| t.chars().next_back()).is_some_and(char::is_lowercase);
        glued.then_some((start, *q))
    })
}

/// The qualifier of the number at `start..end` (its value's text, units
/// included) and where the qualifier's words start.
pub(super) fn read(text: &str, lower: &str, start: usize, end: usize, range_end: Option<f64>, unit: &Unit) -> (usize, Qualifier) {
    let (mut qualifier_start, mut qualifier) = (start, Qualifier::Exact);
    if let Some((qs, q)) = qualifier_before(lower, start).or_else(|| glued_qualifier(text, lower, start)) {
        qualifier_start = qs;
        qualifier = q;
        // "từ 5 đến 7%" is a range, not "at least 5".
        if range_end.is_some() && lower[qs..].starts_with("từ") {
            qualifier = Qualifier::Exact;
        }
    }
    if range_end.is_none() && lower[qualifier_start..].starts_with("từ") && qualifier_start != start {
        // A bare "từ 5 …" without "đến" is a lower bound only with units ("từ 8%").
        if *unit == Unit::Count {
            qualifier = Qualifier::Exact;
            qualifier_start = start;
        }
    }
    // "từ 6% vào năm 2019 lên 12%": the start of a change or a range told across
    // words, within its clause, is exact.
    if qualifier == Qualifier::AtLeast && range_end.is_none() && lower[qualifier_start..].starts_with("từ") && goes_on_to(lower, end) {
        qualifier = Qualifier::Exact;
    }
    // "vượt qua 78 thí sinh": rivals beaten are an exact count.
    if qualifier == Qualifier::MoreThan && *unit == Unit::Count && lower[qualifier_start..].starts_with("vượt qua") {
        let next = &lower[skip_spaces(lower, end)..];
        if WORDS.rivals.iter().any(|w| starts_with_word(next, w)) {
            qualifier = Qualifier::Exact;
        }
    }
    // A bound written after the figure: "8% trở lên", "5 tỷ USD trở xuống".
    if qualifier == Qualifier::Exact || lower[qualifier_start..].starts_with("từ") {
        if starts_with_word(&lower[end..], " trở lên") {
            qualifier = Qualifier::AtLeast;
        } else if starts_with_word(&lower[end..], " trở xuống") {
            qualifier = Qualifier::AtMost;
        }
    }
    (qualifier_start, qualifier)
}

/// How far after "từ N" the other end of a change or a range may be told (bytes).
const FROM_TO_REACH: usize = 80;

/// Does a `from_to` word ("lên", "xuống", "đến" …) follow `end` within its clause?
fn goes_on_to(lower: &str, end: usize) -> bool {
    let mut hi = (end + FROM_TO_REACH).min(lower.len());
    while !lower.is_char_boundary(hi) {
        hi -= 1;
    }
    let window = &lower[end..hi];
    let clause = window.find([',', ';', '(', ')']).map_or(window, |i| &window[..i]);
    let clause = clause.find(". ").map_or(clause, |i| &clause[..i]);
    clause.split_whitespace().any(|w| WORDS.from_to.iter().any(|f| f == w))
}

/// Where the words before a number start once a qualifier right before it is
/// skipped ("nghiêng khoảng 45 độ"), for the word that governs the number.
pub(super) fn start_guess(lower: &str, start: usize) -> usize {
    qualifier_before(lower, start).map_or(start, |(qs, _)| qs)
}
