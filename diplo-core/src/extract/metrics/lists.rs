//! Numerals that only introduce the list naming the things (ANNOTATION.md:
//! "ba tỉnh Hà Nội, Hưng Yên, Bắc Ninh đã …" is referential), against counts
//! stated as the fact with a list after ("công du 3 nước châu Á gồm …").
//!
//! The list is read within `LIST_REACH` bytes after the number.

use super::ahead;
use super::cues::{cues, is_cue};
use crate::lang::Quantity;
use std::ops::Range;

/// How far after a number a list of names may run (bytes).
const LIST_REACH: usize = 200;
/// How many words the counted noun may have ("dự án khu dân cư").
const MAX_NOUN_WORDS: usize = 6;
/// How many lower-case words may follow a name inside one item ("An Cư 2 mở
/// rộng - An Cư 3 mở rộng").
const MAX_ITEM_TAIL: usize = 2;
/// How many capitalised words a noun may carry before its list ("hãng
/// smartphone Trung Quốc là …").
const MAX_PROPER_WORDS: usize = 3;

/// "ba tỉnh, thành phố Hà Nội, Hưng Yên, Bắc Ninh đã …", "2 tỉnh Tây Ninh và
/// Bình Phước, …", "Hai phó chủ tịch là A và B": the numeral only introduces
/// the names that follow its noun, as many names as it counts. A list after
/// "là"/"gồm" is the fact when the numeral is the object of a verb ("có 3 đối
/// tác là …", "công du 3 nước gồm …"), and referential when the numeral opens
/// its clause or follows a preposition or copula (`before`, lower case).
pub fn names_the_list(text: &str, lower: &str, q: &Quantity, before: &str, sentence_end: usize) -> bool {
    if q.value < 2.0 || q.value > 12.0 || q.value.fract() != 0.0 {
        return false;
    }
    // "Real Madrid có tổng cộng 3 trận đấu …, trước A, B và C": after "có",
    // "tổng cộng" the count is the fact, whatever follows.
    if before.split_whitespace().next_back().is_some_and(|w| is_cue("list_fact_before", w)) {
        return false;
    }
    let hi = ahead(text, q.range.end, LIST_REACH, sentence_end.max(q.range.end));
    let tokens: Vec<&str> = text[q.range.end..hi].split_inclusive([' ', ',']).map(str::trim).filter(|t| !t.is_empty()).collect();
    let is_name_word = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let is_sep = |w: &str| matches!(w, "và" | "-" | "–");
    let referential = referential_position(before);
    // "2 Thủ tướng Việt Nam và Singapore": a leader's title, capitals and
    // all, is the counted noun before the names.
    let title_words = crate::extract::people::opening_title_words(lower[q.range.end..hi].trim_start()).unwrap_or(0);
    let mut nouns = title_words;
    let mut i = title_words;
    // The counted noun, possibly a pair ("tỉnh, thành phố"), and a "là"/"gồm"
    // when the position allows it.
    while let Some(&tok) = tokens.get(i) {
        let word = tok.trim_end_matches(',');
        if is_name_word(word) {
            // "Hai hãng smartphone Trung Quốc là Xiaomi và Oppo": a proper
            // adjective inside the noun, when "là"/"gồm" follows it.
            let proper = tokens[i..].iter().take(MAX_PROPER_WORDS + 1).position(|t| !is_name_word(t) || t.ends_with(','));
            let intro = proper.filter(|&k| k > 0 && referential && nouns > 0).and_then(|k| tokens.get(i + k)).is_some_and(|t| matches!(*t, "là" | "gồm"));
            if intro {
                i += proper.unwrap_or(0);
                continue;
            }
            break;
        }
        if is_cue("list_intro", word) {
            // After a comma ("4 đối tác, gồm …") the list is an apposition to a count.
            let after_comma = i > 0 && tokens[i - 1].ends_with(',');
            if !(referential && !after_comma && matches!(word, "là" | "gồm" | "bao")) {
                return false;
            }
            i += 1 + usize::from(word == "bao" && tokens.get(i + 1).is_some_and(|t| t.trim_end_matches(',') == "gồm"));
            break;
        }
        nouns += 1;
        if nouns > MAX_NOUN_WORDS || is_cue("list_noun_stop", word) || !word.chars().all(char::is_alphabetic) {
            return false;
        }
        i += 1;
    }
    if nouns == 0 {
        return false;
    }
    let names = count_items(&tokens[i.min(tokens.len())..], is_name_word, is_sep);
    names as f64 == q.value
}

/// The items of a list of names: each opens with a capital, may carry digits,
/// a parenthesis and a short lower-case tail, and ends at a comma, "và" or a
/// dash; the item after "và" is the last.
fn count_items(tokens: &[&str], is_name_word: impl Fn(&str) -> bool, is_sep: impl Fn(&str) -> bool) -> usize {
    let mut names = 0;
    let mut in_item = false;
    let mut last = false;
    let mut i = 0;
    while let Some(&tok) = tokens.get(i) {
        let word = tok.trim_end_matches(',');
        let mut ends = tok.ends_with(',');
        if !in_item {
            // "là ông Lê Văn Hùng và bà Trần Thị Mai": a title before a name.
            if is_cue("list_item_title", word) && tokens.get(i + 1).is_some_and(|t| is_name_word(t)) {
                i += 1;
                continue;
            }
            if !is_name_word(word) {
                break;
            }
            names += 1;
            in_item = true;
            i += 1;
        } else if word.starts_with('(') {
            // "Andrea Agnelli (chủ tịch của Juventus)": skip the parenthesis.
            let Some(c) = tokens[i..].iter().take(12).position(|t| t.trim_end_matches(',').ends_with(')')) else { break };
            ends = tokens[i + c].ends_with(',');
            i += c + 1;
        } else if is_sep(word) {
            if last {
                break;
            }
            last = word == "và";
            in_item = false;
            i += 1;
            continue;
        } else if is_name_word(word) || word.chars().all(|c| c.is_ascii_digit() || c == '.') {
            i += 1;
        } else {
            // A short lower-case tail ("An Cư 2 mở rộng - …") only before a separator.
            // Not past a "gồm"/"là" that states the count: "3 nước châu Âu gồm …".
            if last || is_cue("list_intro", word) {
                break;
            }
            let Some(k) = tokens[i..].iter().take(MAX_ITEM_TAIL + 1).position(|t| is_sep(t.trim_end_matches(',')) || t.ends_with(',')) else { break };
            if is_sep(tokens[i + k].trim_end_matches(',')) {
                if k == 0 {
                    break;
                }
                i += k;
                continue;
            }
            if k + 1 > MAX_ITEM_TAIL {
                break;
            }
            i += k + 1;
            ends = true;
        }
        if ends {
            in_item = false;
            if last {
                break;
            }
        }
    }
    names
}

/// Does the numeral open its clause, or follow a preposition or a copula
/// ("tại 2 thành phố lớn là …", "Hai phó chủ tịch là …")?
fn referential_position(before: &str) -> bool {
    let before = before.trim();
    before.is_empty() || before.split_whitespace().next_back().is_some_and(|w| is_cue("list_ref_before", w))
}

/// How far after its noun an apposition "…, đó là" may come (bytes).
const APPOSITION_REACH: usize = 120;
/// How many words one item of a list of kinds may have ("tình thương").
const MAX_KIND_WORDS: usize = 4;

/// "ba khoảng thời gian, đó là: hiện tại, quá khứ và tương lai", "2 cặp đấu
/// nữa, …, đó là trận A gặp B và trận C gặp D": an apposition "đó là" that
/// names exactly as many things as the numeral counts, to the end of the
/// sentence, only introduces them (ANNOTATION: referential).
/// The numeral must open its clause or follow a preposition or copula
/// (`before`), unless the items are lower-case kinds, not named things ("có 5
/// thị trường mới, đó là Lào, …" states the count).
pub fn named_after_apposition(text: &str, q: &Quantity, before: &str, counted: Option<&Range<usize>>, sentence_end: usize) -> bool {
    if q.value < 2.0 || q.value > 12.0 || q.value.fract() != 0.0 {
        return false;
    }
    let from = counted.map_or(q.range.end, |c| c.end.max(q.range.end));
    let end = sentence_end.max(from);
    let hi = ahead(text, from, APPOSITION_REACH, end);
    let Some(at) = cues("apposition").iter().filter_map(|c| text[from..hi].find(c.as_str()).map(|i| from + i + c.len())).min() else { return false };
    // Nothing between states another figure ("2 cặp đấu nữa, diễn ra …, đó là").
    if text[q.range.end..at].contains(|c: char| c.is_ascii_digit() || matches!(c, ';' | '(')) {
        return false;
    }
    let list_end = ahead(text, at, LIST_REACH, end);
    if list_end < end {
        return false;
    }
    let list = text[at..list_end].trim_start_matches([' ', ':']).trim_end_matches(['.', ' ', '!', '?', '"', '”', '…']);
    enumerated(list, usize::MAX).is_some_and(|(n, lower_case)| n == q.value as usize && (lower_case || referential_position(before)))
}

/// "gồm hai yếu tố tình bạn (…) và tình thương (…)": after a list verb, a
/// numeral and a noun of kinds (`kind_noun`) followed by as many short
/// lower-case items, to the end of the sentence, only introduce them.
pub fn kinds_listed(text: &str, q: &Quantity, before: &str, counted: Option<&Range<usize>>, counted_l: &str, sentence_end: usize) -> bool {
    if q.value < 2.0 || q.value > 12.0 || q.value.fract() != 0.0 || counted.is_none_or(|c| c.start < q.range.end) {
        return false;
    }
    if !before.split_whitespace().next_back().is_some_and(|w| is_cue("kind_list_verb", w)) {
        return false;
    }
    let Some(c) = counted else { return false };
    let Some(kind) = cues("kind_noun").iter().find(|k| counted_l.starts_with(k.as_str()) && !counted_l[k.len()..].starts_with(char::is_alphanumeric)) else { return false };
    let from = c.start + kind.len();
    if !text.is_char_boundary(from) || from > sentence_end {
        return false;
    }
    let list_end = ahead(text, from, LIST_REACH, sentence_end.max(from));
    if list_end < sentence_end {
        return false;
    }
    let list = text[from..list_end].trim_start_matches([' ', ':']).trim_end_matches(['.', ' ', '!', '?', '"', '”', '…']);
    if list.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    enumerated(list, MAX_KIND_WORDS).is_some_and(|(n, _)| n == q.value as usize)
}

/// How many items `list` names, and whether all are lower case: parentheses
/// dropped, items split on commas with the last after "và"; `None` without a
/// "và" before the last item, when an item holds a digit or more than
/// `max_words` words.
fn enumerated(list: &str, max_words: usize) -> Option<(usize, bool)> {
    let mut flat = String::with_capacity(list.len());
    let mut depth = 0usize;
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => flat.push(c),
            _ => {}
        }
    }
    if depth != 0 || flat.contains(|c: char| c.is_ascii_digit() || matches!(c, ';' | ':')) {
        return None;
    }
    let (head, last) = flat.rsplit_once(" và ")?;
    let mut items: Vec<&str> = head.split(',').map(str::trim).collect();
    items.push(last.trim());
    let ok = items.iter().all(|i| {
        let n = i.split_whitespace().count();
        n > 0 && n <= max_words
    });
    let lower_case = items.iter().all(|i| i.starts_with(char::is_lowercase));
    ok.then_some((items.len(), lower_case))
}
