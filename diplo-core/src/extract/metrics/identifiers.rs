//! Numbers that name, not count (ANNOTATION.md, "Not metrics"; vocabulary in
//! `data/lookalike_cues.tsv`): units, companies and hospitals named by a
//! number ("Sư đoàn 304", "Công ty 194", "cấp 2 số 1"), parts of a proper
//! name ("An Cư 2 mở rộng"), house numbers ("ở 52 Hàng Chiếu") and phone
//! numbers. Split from `lookalikes.rs`; every check reads a bounded window.

use super::cues::{cues, is_cue};
use super::lookalikes::{ends_with_phrase, starts_with_phrase, words, HEAD_REACH};
use super::{ahead, back};
use crate::lang::Quantity;

/// "Sư đoàn 304", "Công ty 194 thi công", "mùa 1, 2, 3", "số 10 Phạm Văn
/// Bạch": a number (or the last of a list of numbers) after a naming noun.
pub(super) fn identifier(text: &str, lower: &str, q: &Quantity) -> bool {
    // A plain number, one word: not "cả một khóa hàng nghìn sinh viên". A
    // unit word with a capital mid-sentence is a name's next word ("thôn 5
    // Đồng Yên"), so the number stays plain.
    if q.qualifier_start != q.range.start || (text[q.range.clone()].contains(char::is_whitespace) && !named_unit(text, q)) {
        return false;
    }
    let lo = back(lower, q.range.start, HEAD_REACH, 0);
    let mut before = lower[lo..q.range.start].trim_end();
    // Walk back over a list of numbers: "1, 2, " / "1 và ", unless this number
    // counts a noun of its own ("bệnh nhân 2899 và 1 trường hợp").
    let hi = ahead(text, q.range.end, 8, text.len());
    let counts_noun = text[q.range.end..hi]
        .strip_prefix(' ')
        .is_some_and(|n| n.starts_with(char::is_lowercase));
    for _ in 0..if counts_noun { 0 } else { 6 } {
        let t = before.trim_end_matches([',', ' ']);
        let t = t.strip_suffix(" và").unwrap_or(t).trim_end();
        let Some((rest, last)) = t.rsplit_once(char::is_whitespace) else {
            break;
        };
        if last.chars().all(|c| c.is_ascii_digit()) && !last.is_empty() && t.len() < before.len() {
            before = rest.trim_end();
        } else {
            break;
        }
    }
    let head_at = |phrase: &str| lo + before.len() - phrase.len();
    let not_after = |phrase: &str| {
        let prev = words(&before[..before.len() - phrase.len()])
            .next_back()
            .unwrap_or("");
        is_cue("id_head_not_after", prev)
    };
    if cues("id_head")
        .iter()
        .any(|h| ends_with_phrase(before, h) && !not_after(h))
    {
        return true;
    }
    // A naming noun with a capital: "Công ty 194", "Bệnh viện 108", "Đoàn 871".
    if let Some(h) = cues("name_head")
        .iter()
        .find(|h| ends_with_phrase(before, h))
    {
        let capital = text[head_at(h)..].starts_with(char::is_uppercase);
        if capital && !not_after(h) {
            return true;
        }
        // "số 10 Phạm Văn Bạch": a house number before a street's name.
        if h == "số" {
            let prev = words(&before[..before.len() - h.len()])
                .next_back()
                .unwrap_or("");
            let hi = ahead(text, q.range.end, 16, text.len());
            let next = text[q.range.end..hi]
                .strip_prefix(' ')
                .and_then(|n| n.split(' ').next())
                .unwrap_or("");
            return !is_cue("count_before_so", prev)
                && next.starts_with(char::is_uppercase)
                && next.chars().all(char::is_alphabetic);
        }
    }
    false
}

/// "5 Đồng": digits, then a unit word with a capital, as the next word of a
/// name has ("thôn 5 Đồng Yên"); not "5 đồng" or "5 USD".
pub(super) fn named_unit(text: &str, q: &Quantity) -> bool {
    text[q.range.clone()].split_once(' ').is_some_and(|(n, w)| n.chars().all(|c| c.is_ascii_digit()) && is_titlecase(w))
}

/// "Đồng", not "đồng" or "USD".
fn is_titlecase(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.clone().next().is_some() && cs.all(char::is_lowercase)
}

/// "Bệnh viện dã chiến cấp 2 số 1", "Tổ 3 số 2": a number followed by "số N"
/// is one part of a label of two numbers.
pub(super) fn numbered_label(lower: &str, q: &Quantity) -> bool {
    let hi = ahead(lower, q.range.end, 16, lower.len());
    let Some(rest) = lower[q.range.end..hi].strip_prefix(' ') else { return false };
    cues("label_next").iter().any(|w| {
        rest.strip_prefix(w.as_str())
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// "An Cư 2 mở rộng", "Nam Cầu 1 mở rộng": a number between a proper name and
/// a word that extends it ("mở rộng", "nối dài") is part of the name.
pub(super) fn name_part(text: &str, q: &Quantity, counted: &str) -> bool {
    if !cues("name_extension")
        .iter()
        .any(|c| starts_with_phrase(counted, c))
    {
        return false;
    }
    let lo = back(text, q.range.start, 24, 0);
    words(&text[lo..q.range.start])
        .next_back()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// "ở 52 Hàng Chiếu", ", 224 Trần Duy Hưng,": a house number after a comma or
/// a place preposition, before a street's name of two capitalised words.
pub(super) fn address(text: &str, lower: &str, q: &Quantity) -> bool {
    let own = &text[q.range.clone()];
    if q.qualifier_start != q.range.start
        || own.len() > 4
        || !own.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let lo = back(lower, q.range.start, 16, 0);
    let before = lower[lo..q.range.start].trim_end();
    let placed = before.ends_with(',')
        || words(before)
            .next_back()
            .is_some_and(|w| is_cue("address_before", w));
    let hi = ahead(text, q.range.end, 48, text.len());
    let mut next = words(&text[q.range.end..hi]);
    let title = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().next().is_some()
            && cs.all(|c| c.is_lowercase())
    };
    let (Some(a), Some(b)) = (next.next(), next.next()) else {
        return false;
    };
    let b = b.trim_end_matches([',', '.', ')']);
    // "Văn phòng tại Cần Thơ 9 đường A6": a street noun and its name or code,
    // after a place name as well.
    let after_name = text[back(text, q.range.start, 16, 0)..q.range.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if (placed || after_name)
        && is_cue("street_noun", &a.to_lowercase())
        && b.starts_with(char::is_uppercase)
    {
        return true;
    }
    (placed || after_name) && title(a) && title(b) && !is_cue("address_not_street", &a.to_lowercase())
}

/// "ĐT: (028) 39316854": seven digits or more without a group separator are a
/// phone number or a code; counts that large are written "3.931.685".
pub(super) fn phone(text: &str, q: &Quantity) -> bool {
    let own = &text[q.range.clone()];
    own.len() >= 7 && own.chars().all(|c| c.is_ascii_digit())
}
