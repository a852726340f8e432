//! Clauses inside a sentence: where the words that belong to a number start
//! and end (commas, semicolons, brackets; not a decimal comma nor the comma
//! of a word pair), within a bounded reach.

use super::cues;
use std::ops::Range;

/// Characters that end a clause inside a sentence (and the cells of a table row).
pub(super) fn is_clause_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '&' | '|' | '\t')
}

/// How far a clause may reach on either side of a number (bytes): long
/// unpunctuated runs must not make every number scan the whole sentence.
pub(super) const CLAUSE_REACH: usize = 400;

/// A char boundary of `text` at most `reach` bytes before `pos`, not before `floor`.
pub(super) fn back(text: &str, pos: usize, reach: usize, floor: usize) -> usize {
    crate::text::ceil_char(text, pos.saturating_sub(reach).max(floor))
}

/// A char boundary of `text` at most `reach` bytes after `pos`, not after `ceil`.
pub(super) fn ahead(text: &str, pos: usize, reach: usize, ceil: usize) -> usize {
    crate::text::floor_char(text, (pos + reach).min(ceil))
}

/// The clause of `sentence` holding `pos`.
/// (`text` is the lower-cased text.)
pub(super) fn clause(text: &str, sentence: &Range<usize>, pos: Range<usize>) -> Range<usize> {
    let lo = back(text, pos.start, CLAUSE_REACH, sentence.start);
    let hi = ahead(text, pos.end, CLAUSE_REACH, sentence.end);
    // Cut by the reach inside a long unpunctuated run, the clause starts and
    // ends at a word's edge, never inside a word.
    let lo = if lo > sentence.start { text[lo..pos.start].find(' ').map_or(pos.start, |i| lo + i + 1) } else { lo };
    let hi = if hi < sentence.end { text[pos.end..hi].rfind(' ').map_or(pos.end, |i| pos.end + i) } else { hi };
    let breaks = |at: usize, c: char| is_clause_break(c) && !decimal_comma(text, at) && !paired_words(text, at);
    let start = text[lo..pos.start].char_indices().rev().find(|&(i, c)| breaks(lo + i, c)).map_or(lo, |(i, _)| lo + i + 1);
    let end = text[pos.end..hi].char_indices().find(|&(i, c)| breaks(pos.end + i, c)).map_or(hi, |(i, _)| pos.end + i);
    start..end
}

/// A comma inside a paired word ("xuất, nhập khẩu": both ways) joins, not breaks.
fn paired_words(lower: &str, at: usize) -> bool {
    lower.as_bytes().get(at) == Some(&b',')
        && cues::cues("comma_pair").iter().any(|p| p.split_once(", ").is_some_and(|(a, b)| lower[..at].ends_with(a) && lower[at + 1..].strip_prefix(' ').is_some_and(|r| r.starts_with(b))))
}

/// A comma between digits is a decimal mark ("tăng 8,1% và 5,5%"), not a clause break.
fn decimal_comma(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    b.get(at) == Some(&b',') && at > 0 && b[at - 1].is_ascii_digit() && b.get(at + 1).is_some_and(u8::is_ascii_digit)
}
