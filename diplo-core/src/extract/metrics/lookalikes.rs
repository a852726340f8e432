//! Numbers that look like figures on general news but name, describe or
//! hedge (ANNOTATION.md, "Not metrics"; vocabulary in `data/lookalike_cues.tsv`):
//!
//! - names and identifiers: "Sư đoàn 304", "Công ty 194", "mùa 1, 2, 3",
//!   "số 10 Phạm Văn Bạch";
//! - "ba" the father and compounds of "ba": "ba tôi", "của ba đẩy …", "ngã
//!   ba", "ba lô";
//! - descriptions: "căn nhà ba tầng", "bo tròn cả ở 4 cạnh", "mốc giá 3 con
//!   số", class edges "xe từ 31 ghế ngồi trở lên";
//! - hedges: alternatives "4 hay 5 trận", conditions "nếu … 2 bang", advice
//!   "các bạn cần sinh ít nhất ba con", differences "thi đấu ít hơn 1 trận".
//!
//! Every check reads a bounded window around the number, never the sentence.

use super::cues::{cues, find_word, has_cue, is_cue};
use super::identifiers::{address, identifier, name_part, named_unit, numbered_label, phone};
use super::{ahead, back};
use crate::lang::Quantity;
use crate::records::{Indicator, Unit};
use std::ops::Range;

/// How far back a list of numbers and its head may reach ("mùa 1, 2, 3").
pub(super) const HEAD_REACH: usize = 64;

/// Which look-alike `q` is, if any: no figure, named by a short kind (for
/// reading corpus diffs). `before` is its clause before the qualifier (lower
/// case), `counted` what it counts, `indicator` what the metric would measure.
pub fn lookalike(
    text: &str,
    lower: &str,
    q: &Quantity,
    before: &str,
    counted: Option<&Range<usize>>,
    indicator: Indicator,
    sentence_end: usize,
) -> Option<&'static str> {
    let before_t = before.trim_end();
    let counted_l = counted.map_or("", |c| &lower[c.clone()]);
    if coordinate(lower, q, sentence_end) {
        return Some("coord");
    }
    if q.unit == Unit::Count && set_phrase(counted_l) {
        return Some("set");
    }
    if q.unit == Unit::Count && alternative(lower, q, before_t, sentence_end) {
        return Some("alt");
    }
    // "thôn 5 Đồng Yên": a place named by a number, not 5 VND; "Ban Chỉ đạo 389
    // Quốc gia": a body named by a number, whatever the words after it measure.
    if (q.unit != Unit::Count && named_unit(text, q) || q.unit == Unit::Count && indicator != Indicator::Other) && identifier(text, lower, q) {
        return Some("id");
    }
    if class_edge(q, before_t, counted_l) {
        return Some("class");
    }
    // "cứ 3 người thì …", "cứ mỗi 100 đồng … thì": the base of a ratio.
    if ratio(before_t) {
        return Some("ratio");
    }
    if q.unit == Unit::Count && q.value == 2.0 && body_pair(counted_l) {
        return Some("body");
    }
    // "thỏi vàng nguyên chất 99,99%": a purity grade names the metal.
    if q.unit == Unit::Percent && cues("purity_before").iter().any(|c| ends_with_phrase(before_t, c)) {
        return Some("purity");
    }
    if q.unit == Unit::Count && indicator == Indicator::Other {
        // "đoàn từ 10 người trở lên", "ghi từ 6 bàn trở lên": a threshold, not a
        // figure (a goal "tăng trưởng từ 8% trở lên" is no count and stays).
        if threshold(lower, q, counted, counted_l, sentence_end) {
            return Some("thr");
        }
        if all_of(before_t) {
            return Some("all");
        }
        if identifier(text, lower, q) || numbered_label(lower, q) {
            return Some("id");
        }
        if lower[q.range.clone()].starts_with(|c: char| c.is_ascii_digit()) && second_month(q, &lower[super::back(lower, q.range.start, 24, 0)..q.range.start]) {
            return Some("month");
        }
        if own_list(lower, q, before_t, sentence_end) {
            return Some("own_list");
        }
        if super::lists::named_after_apposition(text, q, before_t, counted, sentence_end) || super::lists::kinds_listed(text, q, before_t, counted, counted_l, sentence_end) {
            return Some("list");
        }
        if father_or_compound(text, lower, q, counted_l) {
            return Some("ba");
        }
        if name_part(text, q, counted_l) {
            return Some("name");
        }
        if phone(text, q) {
            return Some("phone");
        }
        if address(text, lower, q) {
            return Some("addr");
        }
        if ripe(lower, q, counted_l) {
            return Some("chin");
        }
        // Only what follows the number ("4 người này"), not a noun named before it
        // ("tổng quân số lúc này là hơn 90 người").
        if counted.is_some_and(|c| c.start >= q.range.end) && demonstrative(counted_l) {
            return Some("this");
        }
        if known_set(counted_l, q.value) {
            return Some("set");
        }
        if digit_count(counted_l) {
            return Some("digits");
        }
        if hypothetical(before_t) {
            return Some("hyp");
        }
        if difference(lower, q, before_t, counted_l) {
            return Some("diff");
        }
    }
    None
}

/// The last `n` words of `s`, as a slice of it.
fn last_words(s: &str, n: usize) -> &str {
    let s = s.trim_end();
    let mut seen = 0;
    for (i, c) in s.char_indices().rev() {
        if c.is_whitespace() && i + 1 < s.len() && !s[i + 1..].starts_with(char::is_whitespace) {
            seen += 1;
            if seen == n {
                return &s[i + 1..];
            }
        }
    }
    s
}

/// The first `n` words of `s`, as a slice of it.
fn first_words(s: &str, n: usize) -> &str {
    let s = s.trim_start();
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return &s[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s
}

/// The words of `s`, split on spaces.
pub(super) fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split_whitespace()
}

/// Does `hay` end with `phrase` on a word boundary?
pub(super) fn ends_with_phrase(hay: &str, phrase: &str) -> bool {
    hay.ends_with(phrase)
        && !hay[..hay.len() - phrase.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Does `hay` start with `phrase` on a word boundary?
pub(super) fn starts_with_phrase(hay: &str, phrase: &str) -> bool {
    hay.starts_with(phrase)
        && !hay[phrase.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Is `w` a number, in digits or in words?
fn is_number_word(w: &str) -> bool {
    w.trim_end_matches([',', '.'])
        .ends_with(|c: char| c.is_ascii_digit())
        || is_cue("numeral_word", w)
}

/// "bo tròn cả ở 4 cạnh": "cả" and a preposition, all of them.
fn all_of(before: &str) -> bool {
    let mut ws = words(before).rev();
    ws.next().is_some_and(|p| is_cue("all_prep", p)) && ws.next() == Some("cả")
}

/// "4 hay 5 trận", "một hoặc hai bang": either side of "hoặc"/"hay" is
/// another number, with no comma between.
fn alternative(lower: &str, q: &Quantity, before: &str, sentence_end: usize) -> bool {
    let hi = ahead(lower, q.range.end, 24, sentence_end.max(q.range.end));
    let mut after = words(&lower[q.range.end..hi]);
    let next_is_alt = lower[q.range.end..].starts_with(' ')
        && after.next().is_some_and(|w| is_cue("alternative", w))
        && after.next().is_some_and(is_number_word);
    if next_is_alt {
        return true;
    }
    // "1 mắt hay 2 mắt": the same with one noun after each number.
    let mut after = words(&lower[q.range.end..hi]);
    let noun_then_alt = after
        .next()
        .is_some_and(|w| w.chars().all(char::is_alphabetic))
        && after.next().is_some_and(|w| is_cue("alternative", w))
        && after.next().is_some_and(is_number_word);
    let mut back_noun = words(before).rev();
    let alt_noun_before = back_noun.next().is_some_and(|w| is_cue("alternative", w))
        && back_noun
            .next()
            .is_some_and(|w| w.chars().all(char::is_alphabetic))
        && back_noun.next().is_some_and(is_number_word);
    if noun_then_alt || alt_noun_before {
        return true;
    }
    // Not "giai đoạn 2016 - 2019 hay 28,5% năm 2020": a year is no alternative.
    let mut back_words = words(before).rev();
    let is_year = |w: &str| {
        w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    back_words.next().is_some_and(|w| is_cue("alternative", w))
        && back_words
            .next()
            .is_some_and(|w| is_number_word(w) && !is_year(w))
}

/// "… N <noun> trở lên": a class edge, not a figure.
fn threshold(
    lower: &str,
    q: &Quantity,
    counted: Option<&Range<usize>>,
    counted_l: &str,
    sentence_end: usize,
) -> bool {
    let end = counted.map_or(q.range.end, |c| c.end.max(q.range.end));
    let hi = ahead(lower, end, 24, sentence_end.max(end));
    let tail = lower[end..hi].trim_start();
    let own = &lower[q.range.clone()];
    // Within the first words of what is counted ("31 ghế ngồi trở lên"), not a
    // class of something further on ("5 mục tiêu … thuộc nhóm 400 trở lên").
    let near = first_words(counted_l, 4);
    let edge = |s: &str| has_cue(s, "at_or_above");
    cues("at_or_above")
        .iter()
        .any(|c| starts_with_phrase(tail, c))
        || edge(near)
        || edge(own)
}

/// "xe từ 12 ghế", "xe tải dưới 2 tấn": a class edge of a table, not a figure.
fn class_edge(q: &Quantity, before: &str, counted_l: &str) -> bool {
    // "xe từ 12 ghế", "xe tải có tải trọng dưới 2 tấn": a type noun and a bound.
    let Some(bound) = cues("class_bound")
        .iter()
        .find(|b| ends_with_phrase(before, b))
    else {
        return false;
    };
    let head = before[..before.len() - bound.len()].trim_end();
    let typed = q.unit == Unit::Count
        && cues("type_after")
            .iter()
            .any(|t| starts_with_phrase(counted_l, t))
        || matches!(q.unit, Unit::Measure(_));
    typed
        && cues("type_before")
            .iter()
            .any(|t| ends_with_phrase(head, t))
}

/// "ba tôi", "của ba đẩy …", "ngã ba", "ba lô": "ba" is the father or part
/// of a compound, not three.
fn father_or_compound(text: &str, lower: &str, q: &Quantity, counted_l: &str) -> bool {
    if &lower[q.range.clone()] != "ba" || !text[q.range.clone()].chars().all(char::is_alphabetic) {
        return false;
    }
    let lo = back(lower, q.range.start, 24, 0);
    let prev = words(&lower[lo..q.range.start]).next_back().unwrap_or("");
    if is_cue("ba_before", prev) {
        return true;
    }
    let hi = ahead(lower, q.range.end, 24, lower.len());
    let next = lower[q.range.end..hi]
        .split([' ', ',', '.', ';', ':', '!', '?', '"', ')'])
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let next = if counted_l.is_empty() {
        next
    } else {
        words(counted_l).next().unwrap_or(next)
    };
    is_cue("ba_after", next) || is_cue("father_after", next)
}

/// "chín ruột", "hầm đến khi chín nhừ": "chín" is ripe or cooked, not nine.
fn ripe(lower: &str, q: &Quantity, counted: &str) -> bool {
    if &lower[q.range.clone()] != "chín" {
        return false;
    }
    let lo = back(lower, q.range.start, 24, 0);
    let prev = words(&lower[lo..q.range.start]).next_back().unwrap_or("");
    is_cue("ripe_before", prev)
        || words(counted)
            .next()
            .is_some_and(|w| is_cue("ripe_after", w))
}

/// "cứ 3 người thì có một người": the number of a ratio, not a count.
fn ratio(before: &str) -> bool {
    let mut ws = words(before).rev();
    match ws.next() {
        Some("cứ") => true,
        Some("mỗi") => ws.next() == Some("cứ"),
        _ => false,
    }
}

/// "3 lượt tập này", "4 dấu hiệu ấy": things already named ("này" after the
/// noun), not "trong số này" or "con số này".
fn demonstrative(counted: &str) -> bool {
    let ws: Vec<&str> = words(counted).take(4).collect();
    // Not the owner's "này": "4 binh sĩ nước này", "210 chai rượu loại này",
    // "75 tỉnh của nước này".
    let Some(i) = ws
        .iter()
        .skip(1)
        .position(|w| matches!(*w, "này" | "ấy"))
        .map(|i| i + 1)
    else {
        return false;
    };
    ws[i - 1] != "số" && !is_cue("this_owner", ws[i - 1]) && !ws[..i].contains(&"của")
}

/// "khắp 3 miền", "4 châu lục": a set everyone knows (ANNOTATION: "4 châu lục"
/// is referential).
fn known_set(counted: &str, value: f64) -> bool {
    value <= 7.0
        && cues("known_set").iter().any(|k| {
            starts_with_phrase(counted, k) && {
                let rest = counted[k.len()..].trim_start();
                rest.is_empty()
                    || words(rest)
                        .next()
                        .is_some_and(|w| is_cue("known_set_after", w))
            }
        })
}

/// "12 con giáp", "ba môn phối hợp": a numeral that is part of the name of a
/// set or a thing, whatever follows.
fn set_phrase(counted: &str) -> bool {
    cues("set_phrase").iter().any(|p| starts_with_phrase(counted, p))
}

/// "trục 14-16 độ vĩ bắc", "105 độ kinh đông": degrees of a coordinate, no
/// temperature.
fn coordinate(lower: &str, q: &Quantity, sentence_end: usize) -> bool {
    matches!(&q.unit, Unit::Measure(u) if u == "°C") && {
        let end = ahead(lower, q.range.end, 16, sentence_end.min(lower.len()));
        let next = lower.get(q.range.end..end).unwrap_or("").trim_start();
        cues("coordinate_after").iter().any(|c| starts_with_phrase(next, c))
    }
}

/// "mốc giá 3 con số", "8 con số 0": a number of digits.
fn digit_count(counted: &str) -> bool {
    cues("digits")
        .iter()
        .any(|d| starts_with_phrase(counted, d))
}

/// "nếu ông có thể giành được 2 bang", "các bạn cần sinh ít nhất ba con":
/// a count in a condition or in advice to someone addressed.
fn hypothetical(before: &str) -> bool {
    // Not the contrastive "nếu như năm ngoái …, thì …" nor "nếu so với …",
    // "nếu tính cả …", which state facts.
    // Nor a condition on a plan ("nếu Không quân thực hiện kế hoạch nâng … từ 312
    // lên 386 chiếc"), nor a contrast with the past ("Nếu tuần trước chỉ 25
    // chuyến bay/ngày, thì tuần này …").
    // One automaton pass each rules out most clauses before the word-by-word checks.
    let conditional = has_cue(before, "condition") && cues("condition").iter().any(|c| {
        find_word(before, c).is_some_and(|i| {
            let rest = &before[i + c.len()..];
            !words(rest)
                .next()
                .is_some_and(|w| is_cue("condition_factual_after", w))
                && !cues("condition_fact_inside")
                    .iter()
                    .any(|f| find_word(rest, f).is_some())
        })
    });
    if conditional {
        return true;
    }
    // An imperative a few words before the number ("hãy ăn thêm 3 loại …"),
    // not a title far back ("MV 'Hãy trao cho anh' … cán mốc 13 triệu lượt xem").
    if has_cue(last_words(before, 6), "advice_imperative") {
        return true;
    }
    if !has_cue(before, "advice_to") {
        return false;
    }
    // An addressee, then a modal after it: "mỗi người nên …", "các bạn cần …".
    cues("advice_to")
        .iter()
        .filter_map(|a| find_word(before, a).map(|i| i + a.len()))
        .any(|i| {
            let next: Vec<&str> = words(&before[i..]).take(2).collect();
            next.first().is_some_and(|w| is_cue("advice_modal", w))
                || next.len() == 2
                    && is_cue("advice_adverb", next[0])
                    && is_cue("advice_modal", next[1])
        })
}

/// "thi đấu ít hơn 1 trận", "kém đội đầu bảng 2 điểm", "hơn đối thủ 3 bàn":
/// a difference of matches, points or goals.
fn difference(lower: &str, q: &Quantity, before: &str, counted: &str) -> bool {
    if !cues("gap_unit")
        .iter()
        .any(|u| starts_with_phrase(counted, u))
    {
        return false;
    }
    // The qualifier itself: "ít hơn 1 trận", "nhiều hơn 2 điểm" (not a bare
    // "hơn 40 điểm", which is more than 40).
    let qual = lower[q.qualifier_start..q.range.start].trim();
    let whole = format!("{} {qual}", before.trim_end());
    let whole = whole.trim();
    if cues("gap_before")
        .iter()
        .filter(|g| g.as_str() != "hơn")
        .any(|g| ends_with_phrase(whole, g))
    {
        return true;
    }
    // A comparative with its object between: "kém đội dẫn đầu 2 điểm" (not
    // "tăng hơn 26 điểm lên 1.286 điểm": a number between).
    let tail: Vec<&str> = words(before).rev().take(6).collect();
    tail.iter()
        .position(|w| is_cue("gap_before", w))
        .is_some_and(|i| {
            i > 0
                && !tail[..i]
                    .iter()
                    .any(|w| is_number_word(w) || is_cue("gap_object_stop", w))
        })
}

/// "Dưới đây là 3 sự thật …", "5 mẹo sau đây": the article announces its own
/// list, whose items follow as headings; no figure is stated.
fn own_list(lower: &str, q: &Quantity, before: &str, sentence_end: usize) -> bool {
    // "Dưới đây là danh sách ứng viên ở 10 đơn vị bầu cử": within the heading's clause.
    if cues("own_list_before").iter().any(|c| find_word(last_words(before, 10), c).is_some()) {
        return true;
    }
    // The noun and the cue within a few words: "4 cách bảo quản rau củ sau đây".
    let hi = ahead(lower, q.range.end, OWN_LIST_REACH, sentence_end.max(q.range.end));
    let after = &lower[q.range.end..hi];
    cues("own_list_after").iter().any(|c| find_word(after, c).is_some())
}

/// How far after the number "sau đây" may announce the list (bytes).
const OWN_LIST_REACH: usize = 48;

/// "hai tay ôm ngực", "hai mắt nhắm nghiền": both hands or eyes of a gesture.
/// Not a person of a trade: "hai tay vợt", "2 chân sút".
fn body_pair(counted: &str) -> bool {
    cues("body_pair").iter().any(|b| {
        starts_with_phrase(counted, b)
            && !words(&counted[b.len()..])
                .next()
                .is_some_and(|w| is_cue("body_compound_after", w))
    })
}

/// "Sang tháng 2 và 3 khi …", "trong tháng 4, 5": the second month of a pair
/// named after "tháng", not a count (digits only: "ngày 3 tháng 7, bốn chiếc
/// xe …" counts).
fn second_month(q: &Quantity, before: &str) -> bool {
    if q.value.fract() != 0.0 || !(1.0..=12.0).contains(&q.value) || q.qualifier_start != q.range.start {
        return false;
    }
    let b = before.trim_end();
    let Some(b) = b.strip_suffix(" và").or_else(|| b.strip_suffix(" hoặc")).or_else(|| b.strip_suffix(',')) else { return false };
    let Some((head, month)) = b.trim_end().rsplit_once(' ') else { return false };
    !month.is_empty() && month.len() <= 2 && month.chars().all(|c| c.is_ascii_digit()) && (head.ends_with(" tháng") || head == "tháng")
}
