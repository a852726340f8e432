//! Numbers that are not metrics although they count something (ANNOTATION.md,
//! "Not metrics"): top-N lists and groups ("5 thị trường lớn nhất", "thuộc
//! nhóm 15 nền kinh tế"), slogans ("phương châm 16 chữ"), numerals that only
//! introduce the list naming the things ("ba tỉnh Hà Nội, Hưng Yên, Bắc
//! Ninh"), model names ("Boeing 737 MAX") and addresses ("Trụ sở: 37 …").
//!
//! Every check looks at a bounded window around the number.

use super::cues::{cues, find_word, is_cue};
use super::{ahead, back};
use crate::lang::Quantity;
use crate::records::Unit;
use std::ops::Range;

/// Is the quantity `q`, with what it counts (`counted`) and the words of its
/// clause before it (`before`, lower case), no metric at all?
pub fn not_a_metric(text: &str, lower: &str, q: &Quantity, before: &str, counted: Option<&Range<usize>>, sentence_end: usize) -> bool {
    if q.unit == Unit::Count && q.value == 0.0 {
        return true;
    }
    let before_t = before.trim_end();
    // "cả 5 châu lục", "cả 3 nước": all of the known ones.
    if ends_with_phrase(before_t, "cả") {
        return true;
    }
    // "3 điểm nêu trên", "hai hiệp định kể trên": things just named.
    let after = &lower[q.range.end..ahead(lower, q.range.end, 48, sentence_end.max(q.range.end))];
    if cues("named_above").iter().any(|c| find_word(after, c).is_some()) {
        return true;
    }
    // "thuộc nhóm 15 nền kinh tế", "lọt top 10", "một trong 5 …": a group or rank.
    if cues("group_before").iter().any(|c| ends_with_phrase(before_t, c)) {
        return true;
    }
    // "phương châm 16 chữ", "tinh thần 4 tốt".
    if cues("slogan_before").iter().any(|c| ends_with_phrase(before_t, c)) {
        return true;
    }
    // "trong độ tuổi 25 - 54", "lứa tuổi từ 15 đến 24": an age bracket names a group.
    if age_bracket(before_t) {
        return true;
    }
    // "Trụ sở: 37 Bà Triệu": an address (the clause starts after the colon).
    let window = lower[back(lower, q.qualifier_start, 32, 0)..q.qualifier_start].trim_end();
    if cues("address").iter().any(|c| ends_with_phrase(window, c)) {
        return true;
    }
    if q.unit == Unit::Count {
        // "hai phần ba", "phần 3": a fraction's denominator or a part's number.
        if ends_with_phrase(before_t, "phần") {
            return true;
        }
        // "bộ ba điện thoại A52, A52 5G và A72", "bộ đôi": a set, not "toàn bộ 5
        // nước", "đi bộ", "Nam Bộ".
        if let Some(c) = cues("set_noun").iter().find(|c| ends_with_phrase(before_t, c)) {
            let prev = before_t[..before_t.len() - c.len()].trim_end().rsplit(' ').next().unwrap_or("");
            if !is_cue("set_noun_not_after", prev) {
                return true;
            }
        }
        if let Some(c) = counted {
            // "5 thị trường lớn nhất", "50 đơn vị đầu tiên": a top-N list.
            if is_top_n(&lower[c.clone()]) {
                return true;
            }
        }
        if let Some(c) = counted.filter(|_| text[q.range.clone()].starts_with(char::is_alphabetic)) {
            // "…(AKFTA) và RCEP, hai hiệp định cũng đã có hiệu lực": a numeral in
            // words that points back at things just named.
            let words: Vec<&str> = lower[c.clone()].split(' ').filter(|w| !w.is_empty()).take(4).collect();
            if words.iter().skip(1).any(|w| is_cue("anaphoric_after", w)) {
                return true;
            }
        }
        // "3 cá nhân trên đã chuyển tiền", "5 người này": a count in digits of
        // people or things named before.
        if let Some(c) = counted.filter(|c| text[q.range.clone()].starts_with(|ch: char| ch.is_ascii_digit()) && c.start >= q.range.end && c.start <= q.range.end + 1) {
            if digits_point_back(&lower[c.clone()], &lower[c.end..ahead(lower, c.end, 24, sentence_end.max(c.end))]) {
                return true;
            }
        }
        if is_model_name(text, q) || before_model_suffix(text, q) {
            return true;
        }
        if let Some(c) = counted {
            // "hai nhóm còn lại", "3 đội còn lại": the rest of things already named.
            let words: Vec<&str> = lower[c.clone()].split(' ').filter(|w| !w.is_empty()).take(5).collect();
            if words.windows(2).take(3).any(|w| w[0] == "còn" && w[1] == "lại") {
                return true;
            }
            let counted_l = &lower[c.clone()];
            // "hai vợ chồng", "ba mẹ con", "ba má anh": a family group named by
            // its members, or "ba" (father) itself, not a count.
            if cues("kin_group").iter().any(|k| starts_with_phrase(counted_l, k)) {
                return true;
            }
            // "xe 7 chỗ", "khách sạn 5 sao", "hộp số sàn 5 cấp": the number names
            // a product's type.
            if cues("type_after").iter().any(|k| starts_with_phrase(counted_l, k)) && (cues("type_before").iter().any(|k| ends_with_phrase(before_t, k)) || typed_after_brand(text, lower, q)) {
                return true;
            }
            // "hai phần ba", "một phần tư": a fraction, not a count of "phần".
            let mut ws = counted_l.split(' ').filter(|w| !w.is_empty());
            if ws.next() == Some("phần") && ws.next().is_some_and(|w| is_cue("fraction_denominator", w)) {
                return true;
            }
            // "được tiêm hai liều", "tiêm đủ 2 mũi": full dosing, not a count of doses.
            if q.value <= 4.0 && cues("dose_after").iter().any(|k| starts_with_phrase(counted_l, k)) && cues("dose_before").iter().any(|k| ends_with_phrase(before_t, k)) {
                return true;
            }
            // "sau 3 hiệp đấu", "48 tiếng đồng hồ": a length of time.
            if is_duration(counted_l, before_t) {
                return true;
            }
            // "hai đứa mình", "logic của hai đứa": the two people already known.
            let mut ws = counted_l.split(' ').filter(|w| !w.is_empty());
            if ws.next() == Some("đứa") && !ws.next().is_some_and(|w| is_cue("pair_noun", w)) {
                return true;
            }
        }
        if super::lists::names_the_list(text, lower, q, before_t, sentence_end) {
            return true;
        }
    }
    false
}

/// Does `hay` start with `phrase` on a word boundary?
fn starts_with_phrase(hay: &str, phrase: &str) -> bool {
    hay.starts_with(phrase) && !hay[phrase.len()..].chars().next().is_some_and(char::is_alphanumeric)
}

/// "48 tiếng đồng hồ", "chỉ 2 tiếng": hours, unless a sound is counted
/// ("3 tiếng nổ"); "sau 3 hiệp đấu", "suốt 5 ván": the length of a bout.
fn is_duration(counted: &str, before: &str) -> bool {
    let mut words = counted.split(' ').filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    if first == "tiếng" {
        return !words.next().is_some_and(|w| is_cue("sound_counted", w));
    }
    // "trong hơn một nghìn năm", "hàng triệu năm": a scaled number of years
    // (plain "3 năm" is no quantity at all).
    if is_cue("time_span_unit", first) && !words.next().is_some_and(|w| is_cue("time_span_not_after", w)) {
        return true;
    }
    cues("bout_after").iter().any(|k| starts_with_phrase(counted, k)) && cues("span_before").iter().any(|k| ends_with_phrase(before, k))
}

/// Does the clause before a number end in an age bracket still open ("độ
/// tuổi 25 -", "lứa tuổi từ 15 đến")?
fn age_bracket(before: &str) -> bool {
    let lo = before.len().saturating_sub(40);
    let lo = (lo..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let mut tail = before[lo..].trim_end();
    // Strip the bracket's lower bound and its link, at most a few tokens.
    for _ in 0..4 {
        let t = tail.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ' ' | '.' | ','));
        let t = t.strip_suffix("đến").or_else(|| t.strip_suffix("từ")).or_else(|| t.strip_suffix("tới")).unwrap_or(t);
        if t.len() == tail.len() {
            break;
        }
        tail = t.trim_end();
    }
    cues("age_bracket").iter().any(|c| ends_with_phrase(tail, c))
}

/// Does `hay` end with `phrase` on a word boundary?
fn ends_with_phrase(hay: &str, phrase: &str) -> bool {
    hay.ends_with(phrase) && !hay[..hay.len() - phrase.len()].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// A superlative in what is counted: "lớn nhất", "hàng đầu", "đầu tiên";
/// not "thống nhất", "duy nhất", "nhất trí".
fn is_top_n(counted: &str) -> bool {
    if cues("top_n").iter().any(|c| find_word(counted, c).is_some()) {
        return true;
    }
    let words: Vec<&str> = counted.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "nhất"
            && i > 0
            && !is_cue("not_superlative_before", words[i - 1])
            && !words.get(i + 1).is_some_and(|n| is_cue("not_superlative_after", n))
    })
}

/// "Boeing 737 MAX", "Airbus A350 900 XWB": a number between a capitalised
/// word and a word in capitals is part of a name.
fn is_model_name(text: &str, q: &Quantity) -> bool {
    if q.qualifier_start != q.range.start {
        return false;
    }
    let lo = back(text, q.range.start, 40, 0);
    let before = &text[lo..q.range.start];
    let Some(prev) = before.strip_suffix(' ').and_then(|b| b.split(' ').next_back()) else { return false };
    // "iPhone 12", "iPad 9": a brand written in mixed case names a model alone.
    let mut chars = prev.chars();
    let mixed = chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.clone().any(|c| c.is_ascii_uppercase()) && prev.chars().all(|c| c.is_ascii_alphanumeric());
    if mixed {
        return true;
    }
    if !prev.chars().next().is_some_and(char::is_uppercase) || prev.chars().count() < 2 {
        return false;
    }
    let hi = ahead(text, q.range.end, 40, text.len());
    let Some(next) = text[q.range.end..hi].strip_prefix(' ').and_then(|a| a.split([' ', ',', '.', ';', ')']).next()) else { return false };
    // "Galaxy S21 Ultra", "Redmi Note 10 Pro", "Mi 11 Lite": a model suffix.
    if prev.is_ascii() && is_cue("model_suffix", &next.to_lowercase()) {
        return true;
    }
    // "HP ProBook 440 G8", "Zenbook 14 X3": a code of a capital and digits.
    let code = prev.chars().all(|c| c.is_ascii_alphabetic()) && (2..=4).contains(&next.len()) && next.starts_with(|c: char| c.is_ascii_uppercase()) && next.chars().all(|c| c.is_ascii_alphanumeric()) && next.chars().any(|c| c.is_ascii_digit());
    code || next.chars().count() >= 2 && next.chars().all(|c| c.is_ascii_uppercase()) && !cues("counted_acronym").iter().any(|a| a.eq_ignore_ascii_case(next))
}

/// "iPhone 11 hay 11 Pro Max": a number right before a capitalised model
/// suffix ("Pro", "Ultra", "Plus") names a model even without its brand.
fn before_model_suffix(text: &str, q: &Quantity) -> bool {
    let hi = ahead(text, q.range.end, 24, text.len());
    let Some(next) = text[q.range.end..hi].strip_prefix(' ').and_then(|a| a.split([' ', ',', '.', ';', ')']).next()) else { return false };
    next.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && next.len() >= 2 && is_cue("model_suffix", &next.to_lowercase())
}

/// "Xe Lexus 7 chỗ", "ôtô Toyota Innova 7 chỗ": a product noun, then a brand
/// or model of up to three capitalised words, then the number.
fn typed_after_brand(text: &str, lower: &str, q: &Quantity) -> bool {
    let lo = back(text, q.qualifier_start, 64, 0);
    let mut ws: Vec<(usize, &str)> = text[lo..q.qualifier_start].split(' ').scan(lo, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    }).filter(|(_, w)| !w.is_empty()).collect();
    for _ in 0..3 {
        match ws.pop() {
            Some((_, w)) if w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-') => {}
            _ => return false,
        }
        let Some(&(at, w)) = ws.last() else { return false };
        let head = lower[lo..at + w.len()].trim_end();
        if cues("type_before").iter().any(|k| ends_with_phrase(head, k)) {
            return true;
        }
        // "TP HCMXe Lexus 7 chỗ": the noun glued to a teaser's place label.
        let glued = w.char_indices().skip(1).filter(|&(_, c)| c.is_uppercase()).last().map(|(i, _)| &lower[at + i..at + w.len()]);
        if glued.is_some_and(|g| g.chars().count() > 1 && cues("type_before").iter().any(|k| k == g)) {
            return true;
        }
    }
    false
}

/// "3 cá nhân trên đã …", "12 đội bóng này", "5 người ấy": right after the
/// number and a noun of one or two words, "này"/"ấy" point back; "trên" does
/// when a verb or the clause's end follows it (not "3 cá nhân trên địa bàn").
/// Not "đó": "2 vấn đề đó là …" introduces a list, "sau đó" means "then".
fn digits_point_back(counted: &str, after: &str) -> bool {
    let words: Vec<&str> = counted.split(' ').filter(|w| !w.is_empty()).take(4).collect();
    let next_after = after.trim_start().split([' ', ',', '.', ';']).next().unwrap_or("");
    (1..words.len().min(3)).any(|i| {
        let w = words[i];
        let follows = words.get(i + 1).copied().unwrap_or(next_after);
        (matches!(w, "này" | "ấy") || w == "trên" && (words.get(i + 1).is_none() && after.trim_start().starts_with([',', '.', ';']) || is_cue("anaphor_verb_after", follows)))
    })
}
