//! Character boundaries near a byte position: windows of a fixed byte
//! size are cut on them, so a bounded scan never slices inside a character.

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
