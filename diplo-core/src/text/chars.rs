//! Byte offsets to Unicode code point offsets, fast for long texts.

/// Converts byte offsets of one text into code point offsets.
///
/// Keeps the code point count at every 256th byte, so a lookup counts at most
/// 255 bytes; memory is 1/32 of the text.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 256;

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut n = 0;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(n);
            n += count_chars(chunk);
        }
        checkpoints.push(n);
        CharIndex { text, checkpoints }
    }

    /// The code point offset of a byte offset (clamped to the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = byte / STRIDE;
        self.checkpoints[k] + count_chars(&self.text.as_bytes()[k * STRIDE..byte])
    }

    /// The byte offset of a code point offset (clamped to the text).
    pub fn byte_offset(&self, chr: usize) -> usize {
        let k = self.checkpoints.partition_point(|&c| c <= chr).saturating_sub(1);
        let bytes = self.text.as_bytes();
        // Chars whose first byte lies before k*STRIDE were counted in earlier chunks.
        let mut pos = (k * STRIDE).min(bytes.len());
        while pos < bytes.len() && (bytes[pos] & 0xC0) == 0x80 {
            pos += 1;
        }
        let Some(ahead) = chr.checked_sub(self.checkpoints[k]) else { return self.text.len() };
        self.text[pos..].char_indices().nth(ahead).map_or(self.text.len(), |(i, _)| pos + i)
    }
}
