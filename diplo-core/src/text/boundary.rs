//! Character and word boundaries near a byte position: windows of a fixed
//! byte size are cut on them, so a bounded scan never slices inside a
//! character, and scans that only start at words skip to the next one.

/// The char boundary at or before `pos` (clamped to the text).
pub fn floor_char(s: &str, pos: usize) -> usize {
    let mut pos = pos.min(s.len());
    while pos > 0 && !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The char boundary at or after `pos` (clamped to the text).
pub fn ceil_char(s: &str, pos: usize) -> usize {
    let mut pos = pos.min(s.len());
    while pos < s.len() && !s.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// The first word start after `pos` (an alphanumeric character after one
/// that is not), else `end`; `pos` is on a character boundary.
pub fn next_word_start(text: &str, pos: usize, end: usize) -> usize {
    let Some(first) = text[pos..end].chars().next() else { return end };
    let mut prev_alnum = super::is_alnum(first);
    let from = pos + first.len_utf8();
    for (i, c) in text[from..end].char_indices() {
        let alnum = super::is_alnum(c);
        if alnum && !prev_alnum {
            return from + i;
        }
        prev_alnum = alnum;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_and_char_boundaries() {
        let s = "Ông Tô Lâm, (Hà Nội)";
        assert_eq!(next_word_start(s, 0, s.len()), "Ông ".len());
        assert_eq!(next_word_start(s, "Ô".len(), s.len()), "Ông ".len(), "from inside a word");
        assert_eq!(next_word_start(s, "Ông Tô Lâm".len(), s.len()), "Ông Tô Lâm, (".len());
        assert_eq!(next_word_start(s, "Ông Tô Lâm, (Hà Nội".len(), s.len()), s.len());
        assert_eq!(floor_char(s, 1), 0);
        assert_eq!(ceil_char(s, 1), "Ô".len());
    }
}
