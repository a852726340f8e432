//! Sentence splitting that respects Vietnamese numbers, abbreviations,
//! dates, URLs and ellipses inside lists.

use crate::records::Source;
use std::ops::Range;

/// A sentence of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub source: Source,
}

/// Tokens that end with a period without ending a sentence (lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "tp", "ts", "pgs", "gs", "ths", "th.s", "bs", "ks", "pgs.ts", "gs.ts", "gs.tskh", "tskh", "v.v", "vv",
    "mr", "mrs", "ms", "dr", "st", "no", "tr", "q", "p", "ng", "ông", "bà", "u.s", "e.g", "i.e", "vs", "etc", "co",
    "ltd", "inc", "jr", "sr", "tt", "nxb", "cn", "sđd", "bs", "ls", "ncs", "kts",
];

/// Abbreviations that close a list ("v.v.", "etc."): they end the sentence
/// when an uppercase word follows.
const LIST_ENDINGS: &[&str] = &["v.v", "vv", "etc"];

fn is_abbreviation(token: &str) -> bool {
    let t = token.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if ABBREVIATIONS.contains(&t.as_str()) {
        return true;
    }
    // Chained titles: "PGS.TS", "TS.BS", "GS.TSKH" (but not "TP.HCM").
    if t.contains('.') && t.split('.').all(|p| !p.is_empty() && ABBREVIATIONS.contains(&p)) {
        return true;
    }
    // Initials: "J." in "Donald J. Trump", "A.B." chains; "Đ." too, but not a
    // one-letter word with a tone mark ("khu vực Trung Á.", "châu Á."), which
    // ends a place name.
    let letters: Vec<char> = t.chars().filter(|c| *c != '.').collect();
    letters.len() == 1 && (letters[0].is_ascii_alphabetic() || letters[0] == 'đ') && token.chars().next().is_some_and(char::is_uppercase)
}

/// Can `c` open a new sentence?
fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[' | '-' | '•')
}

/// Splits `text[range]` into sentences; `range` is one line of the document.
pub fn split_sentences_in(text: &str, range: Range<usize>, source: Source) -> Vec<Sentence> {
    let line = &text[range.clone()];
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Byte positions of characters (no per-line vector of chars): terminators
    // are ASCII or '…' (E2 80 A6), so a byte scan finds them on boundaries.
    let is_terminator_at = |p: usize| match bytes[p] {
        b'.' | b'!' | b'?' => true,
        0xE2 => bytes.get(p + 1..p + 3) == Some(&[0x80, 0xA6]),
        _ => false,
    };
    let mut i = 0;
    while i < bytes.len() {
        let Some(off) = (i..bytes.len()).find(|&p| is_terminator_at(p)) else { break };
        let pos = off;
        let c = line[pos..].chars().next().unwrap_or('.');
        // Take the whole run of terminators and closing quotes/brackets.
        let mut j = pos + c.len_utf8();
        while let Some(d) = line[j..].chars().next().filter(|d| matches!(d, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']')) {
            j += d.len_utf8();
        }
        let end = j;
        let mut k = j;
        while bytes.get(k) == Some(&b' ') {
            k += 1;
        }
        let spaced = k > j;
        let next = line[k..].chars().next();
        let ellipsis = c == '…' || line[pos..end].starts_with("..");
        // The token before the terminator; a token longer than 64 bytes is no abbreviation.
        let from = (pos.saturating_sub(64)..=pos).find(|&i| line.is_char_boundary(i)).unwrap_or(pos);
        let token_start = line[from..pos].rfind(' ').map_or(from, |p| from + p + 1);
        let token = &line[token_start..end];
        let word = &line[token_start..pos];
        let split = match next {
            None => true,
            Some(n) if !opens_sentence(n) => false,
            // "95%.Chủ trì": a paragraph glued to the next one; not "Th.S", "H.Củ Chi".
            Some(n) if !spaced => {
                let window = (pos + 64..=line.len()).find(|&i| line.is_char_boundary(i)).unwrap_or(line.len());
                let glued_end = line[pos..window].find(' ').map_or(window, |p| pos + p);
                let whole = line[token_start..glued_end].trim_end_matches(|c: char| !c.is_alphanumeric());
                c == '.' && n.is_uppercase() && !token.contains("://") && !is_abbreviation(word) && !is_abbreviation(whole) && !word.contains('.') && !word.chars().all(char::is_uppercase)
            }
            Some(_) if c == '.' && is_list_marker(line, token_start, pos) => false,
            Some(n) if c == '.' && LIST_ENDINGS.contains(&word.to_lowercase().as_str()) => n.is_uppercase(),
            Some(_) if c == '.' && !ellipsis && is_abbreviation(word) => false,
            Some(_) => true,
        };
        if split {
            push(&mut out, text, range.start + start, range.start + end, source);
            start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push(&mut out, text, range.start + start, range.end, source);
    out
}

/// "1." / "10." opening a line, or after ":" / ";": a list marker.
fn is_list_marker(line: &str, token_start: usize, dot: usize) -> bool {
    let word = &line[token_start..dot];
    if word.is_empty() || word.len() > 2 || !word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let before = line[..token_start].trim_end();
    before.is_empty() || before.ends_with([':', ';'])
}

/// The longest sentence handed to the extractors, in bytes. Real sentences
/// stay far below it (in the shared corpus, 3 of 91,000 exceed 2 KB, and
/// those are page furniture); a run of text without a full stop (a scraped page without
/// punctuation, a list without end) is cut into pieces of at most this size, so
/// that every per-sentence scan is bounded by a constant and the work per
/// document stays linear in its length.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push(out: &mut Vec<Sentence>, text: &str, mut start: usize, end: usize, source: Source) {
    while end - start > MAX_SENTENCE_BYTES {
        let cut = piece_end(text, start, start + MAX_SENTENCE_BYTES);
        push_one(out, text, start, cut, source);
        start = cut;
    }
    push_one(out, text, start, end, source);
}

/// Where a piece of an over-long sentence starting at `start` ends, at most at
/// `limit`: after the last ';' or ',' of its second half, else at its last
/// space, else at a character boundary.
fn piece_end(text: &str, start: usize, limit: usize) -> usize {
    let limit = (start + 1..=limit).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(limit);
    let half = (start + (limit - start) / 2..limit).find(|&i| text.is_char_boundary(i)).unwrap_or(limit);
    let second = &text[half..limit];
    second
        .rfind([';', ','])
        .map(|i| half + i + 1)
        .or_else(|| second.rfind(' ').map(|i| half + i + 1))
        .unwrap_or(limit)
}

fn push_one(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, source: Source) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(Sentence { range: start + lead..end - trail, source });
    }
}

/// Splits a whole text (every line) into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        out.extend(split_sentences_in(text, pos..pos + line.len(), Source::Body));
        pos += line.len() + 1;
    }
    out
}
