//! Normalisation: one canonical spelling for matching, with a map back.
//!
//! The extractors read the normalised text; every span they find is mapped
//! back to the caller's text, so evidence always quotes the input exactly.
//! What changes: NFC composition, CR line ends, Unicode spaces, zero-width
//! characters and soft hyphens, control characters, curly quotes and dashes,
//! HTML entities and stray tags, and old tone-mark placement (hoà → hòa).

use super::offsets::{Edit, OffsetMap};
use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A normalised text and the way back to the caller's offsets.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The caller's text.
    pub original: &'a str,
    /// The normalised text (borrowed when nothing had to change).
    pub text: Cow<'a, str>,
    /// Normalised byte offsets → original byte offsets.
    pub map: OffsetMap,
}

/// Old-style tone placement on the second vowel of oa/oe/uy at the end of a
/// syllable, and its modern equivalent.
const TONE_PLACEMENT: &[(&str, &str)] = &[
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ("Oà", "Òa"), ("Oá", "Óa"), ("Oả", "Ỏa"), ("Oã", "Õa"), ("Oạ", "Ọa"),
    ("Oè", "Òe"), ("Oé", "Óe"), ("Oẻ", "Ỏe"), ("Oẽ", "Õe"), ("Oẹ", "Ọe"),
    ("Uỳ", "Ùy"), ("Uý", "Úy"), ("Uỷ", "Ủy"), ("Uỹ", "Ũy"), ("Uỵ", "Ụy"),
    ("OÀ", "ÒA"), ("OÁ", "ÓA"), ("OẢ", "ỎA"), ("OÃ", "ÕA"), ("OẠ", "ỌA"),
    ("UỲ", "ÙY"), ("UÝ", "ÚY"), ("UỶ", "ỦY"), ("UỸ", "ŨY"), ("UỴ", "ỤY"),
];

/// HTML entities worth decoding by name; numeric ones are decoded generally.
const ENTITIES: &[(&str, &str)] = &[
    ("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
    ("&apos;", "'"), ("&ndash;", "-"), ("&mdash;", "-"), ("&hellip;", "…"),
    ("&lsquo;", "'"), ("&rsquo;", "'"), ("&ldquo;", "\""), ("&rdquo;", "\""), ("&shy;", ""),
];

/// Tags that end a paragraph when left in scraped text.
const BLOCK_TAGS: &[&str] = &["p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"];

/// What one character (or entity, or tag) of the input becomes.
fn simple_replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\r' => "\n",
        '\t' | '\u{0B}' | '\u{0C}' => " ",
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{1680}' => " ",
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => "",
        '\u{2028}' | '\u{2029}' | '\u{85}' => "\n",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => "'",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        c if c.is_control() && c != '\n' => "",
        _ => return None,
    })
}

/// Could this byte start a character that needs attention?
#[inline]
fn may_need_work(b: u8) -> bool {
    // ASCII: CR, controls, '&', '<'. Non-ASCII lead bytes are checked per char.
    b == b'&' || b == b'<' || b >= 0x80 || (b < 0x20 && b != b'\n') || b == 0x7F
}

/// Decodes an HTML entity at the start of `s`; returns (length, replacement).
fn entity(s: &str) -> Option<(usize, String)> {
    for (name, rep) in ENTITIES {
        if s.get(..name.len()).is_some_and(|head| head.eq_ignore_ascii_case(name)) {
            return Some((name.len(), (*rep).to_string()));
        }
    }
    let rest = s.strip_prefix("&#")?;
    let end = rest.find(';').filter(|&e| e > 0 && e <= 8)?;
    let num = &rest[..end];
    let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        num.parse::<u32>().ok()?
    };
    let c = char::from_u32(code)?;
    let rep = simple_replacement(c).map(str::to_string).unwrap_or_else(|| c.to_string());
    Some((end + 3, rep))
}

/// Recognises an HTML tag or comment at the start of `s`; returns (length, replacement).
///
/// A tag is `<name …>` or `</name>` with an ASCII name followed by a space,
/// `/` or `>`; characters normalisation removes anyway (NUL, zero-width) are
/// skipped, so that normalising twice gives the same text.
fn tag(s: &str) -> Option<(usize, &'static str)> {
    if let Some(rest) = s.strip_prefix("<!--") {
        let end = rest.find("-->")?;
        return Some((end + 7, ""));
    }
    let removable = |c: char| simple_replacement(c) == Some("");
    let mut chars = s.char_indices().skip(1).filter(|&(_, c)| !removable(c)).peekable();
    if chars.peek().is_some_and(|&(_, c)| c == '/') {
        chars.next();
    }
    let mut name = String::new();
    let mut after = None;
    for (i, c) in chars.by_ref() {
        if c.is_ascii_alphabetic() || (!name.is_empty() && c.is_ascii_digit()) {
            name.push(c.to_ascii_lowercase());
        } else {
            after = Some((i, c));
            break;
        }
    }
    let (i, c) = after?;
    // Anything normalised to a space counts as one (a vertical tab, NBSP …).
    if name.is_empty() || !(c == '>' || c == '/' || c.is_whitespace() || simple_replacement(c) == Some(" ")) {
        return None;
    }
    let window = s.char_indices().take_while(|(j, _)| *j < 512).last().map_or(0, |(j, ch)| j + ch.len_utf8());
    let close = i + s.get(i..window)?.find('>')?;
    if s[1..close].contains('<') || s[1..close].contains('\n') {
        return None;
    }
    let is_block = BLOCK_TAGS.contains(&name.as_str());
    Some((close + 1, if is_block { "\n" } else { "" }))
}

/// Does `c` compose with the character before it (a combining mark, or a
/// Hangul medial/final jamo of a decomposed syllable)?
fn joins_previous(c: char) -> bool {
    is_combining_mark(c) || ('\u{1160}'..='\u{11FF}').contains(&c)
}

/// True when the text has no combining mark at all (checked on bytes).
fn has_combining_marks(bytes: &[u8]) -> bool {
    // U+0300..U+036F start with 0xCC/0xCD; rarer blocks start with 0xE1 0xAA/0xB7,
    // 0xE2 0x83, 0xEF 0xB8.
    bytes.windows(2).any(|w| {
        matches!(w[0], 0xCC | 0xCD)
            || (w[0] == 0xE1 && matches!(w[1], 0x85..=0x87 | 0xAA | 0xB7))
            || (w[0] == 0xE2 && w[1] == 0x83)
            || (w[0] == 0xEF && w[1] == 0xB8)
    })
}

/// Normalises `original` (see the module docs) and keeps the offset map.
pub fn normalize(original: &str) -> Normalized<'_> {
    let bytes = original.as_bytes();
    let compose = has_combining_marks(bytes);
    let mut out = String::new();
    let mut edits: Vec<Edit> = Vec::new();
    let mut copied = 0;
    let mut i = 0;

    let mut replace = |out: &mut String, copied: &mut usize, from: usize, to: usize, rep: &str| {
        out.push_str(&original[*copied..from]);
        let ns = out.len();
        out.push_str(rep);
        edits.push(Edit { norm_start: ns, norm_end: out.len(), orig_start: from, orig_end: to });
        *copied = to;
    };

    while i < bytes.len() {
        let b = bytes[i];
        if !may_need_work(b) {
            i += 1;
            continue;
        }
        // Vietnamese letters need nothing: U+00C0..U+02FF (lead bytes
        // C3..CB) and U+1E00..U+1EFF (E1 B8..BB) are neither replaced nor
        // combining, so skip them without decoding.
        match b {
            0xC3..=0xCB => {
                i += 2;
                continue;
            }
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => {
                i += 3;
                continue;
            }
            _ => {}
        }
        let rest = &original[i..];
        if b == b'&' {
            if let Some((len, rep)) = entity(rest) {
                replace(&mut out, &mut copied, i, i + len, &rep);
                i += len;
                continue;
            }
            i += 1;
            continue;
        }
        if b == b'<' {
            if let Some((len, rep)) = tag(rest) {
                replace(&mut out, &mut copied, i, i + len, rep);
                i += len;
                continue;
            }
            i += 1;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        let clen = c.len_utf8();
        if c == '\r' && rest.as_bytes().get(1) == Some(&b'\n') {
            replace(&mut out, &mut copied, i, i + 2, "\n");
            i += 2;
            continue;
        }
        if let Some(rep) = simple_replacement(c) {
            replace(&mut out, &mut copied, i, i + clen, rep);
            i += clen;
            continue;
        }
        if compose && joins_previous(c) {
            // Combining marks after a base letter (often ASCII, skipped above):
            // compose the base with all its marks, unless the base was already replaced.
            let base = original[..i].char_indices().next_back().map_or(i, |(p, _)| p).max(copied);
            let mut end = i + clen;
            while let Some(m) = original[end..].chars().next().filter(|&m| joins_previous(m)) {
                end += m.len_utf8();
            }
            let cluster = &original[base..end];
            let composed: String = cluster.nfc().collect();
            if composed != cluster {
                replace(&mut out, &mut copied, base, end, &composed);
            }
            i = end;
            continue;
        }
        i += clen;
    }

    let mut text: Cow<'_, str> = if edits.is_empty() {
        Cow::Borrowed(original)
    } else {
        out.push_str(&original[copied..]);
        Cow::Owned(out)
    };
    let mut map = OffsetMap::new(edits);
    // A mark whose base was a removed character ("i\0\u{301}") composes only now.
    if compose && has_combining_marks(text.as_bytes()) {
        let (second, edits2) = compose_pass(&text);
        if !edits2.is_empty() {
            map.push_layer(edits2);
            text = Cow::Owned(second);
        }
    }
    if let Some((modern, edits3)) = modernise_tone_marks(&text) {
        map.push_layer(edits3);
        text = Cow::Owned(modern);
    }
    Normalized { original, text, map }
}

/// Composes every base-plus-marks cluster of `s`; returns the text and its edits.
fn compose_pass(s: &str) -> (String, Vec<Edit>) {
    let mut out = String::with_capacity(s.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, _)) = iter.next() {
        let mut end = None;
        while let Some(&(j, m)) = iter.peek() {
            if !joins_previous(m) {
                break;
            }
            end = Some(j + m.len_utf8());
            iter.next();
        }
        let Some(end) = end else { continue };
        let composed: String = s[i..end].nfc().collect();
        if composed != s[i..end] {
            out.push_str(&s[copied..i]);
            let ns = out.len();
            out.push_str(&composed);
            edits.push(Edit { norm_start: ns, norm_end: out.len(), orig_start: i, orig_end: end });
            copied = end;
        }
    }
    out.push_str(&s[copied..]);
    (out, edits)
}

/// Rewrites old tone placement (hoà, thuỷ) to the modern one (hòa, thủy)
/// where the pair ends a syllable and "uy" is not the "qu" onset. Returns
/// the new text and its edits, or `None` when nothing changed. (Pairs do not
/// all keep their byte length: "uỳ" is four bytes, "ùy" three.)
fn modernise_tone_marks(s: &str) -> Option<(String, Vec<Edit>)> {
    let bytes = s.as_bytes();
    let mut out = String::new();
    let mut edits = Vec::new();
    let mut copied = 0;
    // The second letter of every old pair starts with byte C3 (à, á, ã, è,
    // é, ý and capitals) or E1 (ả, ạ, ẻ, ẽ, ẹ, ỳ, ỷ, ỹ, ỵ and capitals): look
    // for those bytes right after an o/O/u/U, in text order.
    for after_pos in memchr::memchr2_iter(0xC3, 0xE1, bytes) {
        let Some(pos) = after_pos.checked_sub(1) else { continue };
        if pos < copied || !matches!(bytes[pos], b'o' | b'O' | b'u' | b'U') {
            continue;
        }
        let Some((old, new)) = TONE_PLACEMENT.iter().find(|(old, _)| s[pos..].starts_with(old)) else { continue };
        let after = s[pos + old.len()..].chars().next();
        let before = s[..pos].chars().next_back();
        let ends_syllable = !after.is_some_and(|c| c.is_alphabetic() || is_combining_mark(c));
        let is_qu = old.starts_with(['u', 'U']) && before.is_some_and(|c| c == 'q' || c == 'Q');
        if ends_syllable && !is_qu {
            out.push_str(&s[copied..pos]);
            let ns = out.len();
            out.push_str(new);
            edits.push(Edit { norm_start: ns, norm_end: out.len(), orig_start: pos, orig_end: pos + old.len() });
            copied = pos + old.len();
        }
    }
    if edits.is_empty() {
        return None;
    }
    out.push_str(&s[copied..]);
    Some((out, edits))
}

/// Lower-cases `s` character by character, keeping every character's byte
/// length, so offsets into the result are offsets into `s`.
pub fn lowercase_same_len(s: &str) -> String {
    // ASCII in one pass over the bytes (non-ASCII bytes are left alone), then
    // each non-ASCII character in place: lengths never change, so the bytes
    // of a lower-cased character overwrite those of the original.
    let mut out = s.to_string();
    out.make_ascii_lowercase();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        // Decoded by hand: `s` is valid UTF-8, so the continuation bytes are there.
        let (len, code) = match b {
            0xC0..=0xDF => (2, u32::from(b & 0x1F) << 6 | u32::from(bytes[i + 1] & 0x3F)),
            0xE0..=0xEF => (3, u32::from(b & 0x0F) << 12 | u32::from(bytes[i + 1] & 0x3F) << 6 | u32::from(bytes[i + 2] & 0x3F)),
            _ => (4, u32::from(b & 0x07) << 18 | u32::from(bytes[i + 1] & 0x3F) << 12 | u32::from(bytes[i + 2] & 0x3F) << 6 | u32::from(bytes[i + 3] & 0x3F)),
        };
        let Some(c) = char::from_u32(code) else { break };
        let l = lower_same_len(c);
        if l != c {
            out.replace_range(i..i + len, l.encode_utf8(&mut [0; 4]));
        }
        i += len;
    }
    out
}

/// `c` lower-cased when that is one character of the same UTF-8 length, else `c`.
#[inline]
fn lower_same_len(c: char) -> char {
    /// Below U+2000 (all of Vietnamese), looked up in a table built once.
    const TABLE_LEN: usize = 0x2000;
    static TABLE: std::sync::LazyLock<Vec<char>> =
        std::sync::LazyLock::new(|| (0..TABLE_LEN as u32).map(|u| char::from_u32(u).map_or('\0', lower_same_len_slow)).collect());
    match TABLE.get(c as usize) {
        Some(&l) => l,
        None => lower_same_len_slow(c),
    }
}

fn lower_same_len_slow(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain per-character definition the fast version must equal.
    fn lowercase_reference(s: &str) -> String {
        s.chars().map(lower_same_len_slow).collect()
    }

    #[test]
    fn lowercase_same_len_matches_the_definition_for_every_char() {
        let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        assert_eq!(lowercase_same_len(&all), lowercase_reference(&all));
        for s in ["", "ABC xyz", "THỦ TƯỚNG Phạm Minh Chính", "İSTANBUL ẞ Ω K Å", "ĐẢNG 𝐀 ǅ"] {
            assert_eq!(lowercase_same_len(s), lowercase_reference(s), "{s:?}");
            assert_eq!(lowercase_same_len(s).len(), s.len());
        }
    }
}
