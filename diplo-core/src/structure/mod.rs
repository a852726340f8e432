//! Document structure: header line, title, body, captions, bylines, source
//! lines, related links and page furniture.
//!
//! Works line by line on the normalised text. Every later stage asks the
//! structure which lines to read and what [`Source`] to give their records.

mod furniture;

pub use furniture::is_furniture;

use crate::records::{ParagraphKind, Source};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What a line is, in more detail than [`ParagraphKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// The " date YYYY-MM-DD" header (only the date part).
    Header,
    Title,
    Body,
    Caption,
    /// A related-article link (">>…") and the headlines that follow it.
    Related,
    /// "Nguồn: https://…"
    SourceLine,
    Byline,
    Furniture,
}

impl LineRole {
    /// The paragraph kind reported to users.
    pub fn kind(self) -> ParagraphKind {
        match self {
            LineRole::Title => ParagraphKind::Title,
            LineRole::Body => ParagraphKind::Body,
            LineRole::Caption => ParagraphKind::Caption,
            _ => ParagraphKind::Furniture,
        }
    }

    /// The record source for text on this line, or `None` when it yields no records.
    pub fn source(self) -> Option<Source> {
        match self {
            LineRole::Title => Some(Source::Title),
            LineRole::Body => Some(Source::Body),
            LineRole::Caption => Some(Source::Caption),
            _ => None,
        }
    }
}

/// One non-empty line of the normalised text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub role: LineRole,
}

/// The structure of one document.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub lines: Vec<Line>,
    /// Date from a " date YYYY-MM-DD" header.
    pub header_date: Option<String>,
    pub source_url: Option<String>,
    pub title: Option<Range<usize>>,
    pub author: Option<Range<usize>>,
}

static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*").expect("static regex"));
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:nguồn|source)\s*:\s*(https?://\S+)\s*$").expect("static regex"));
static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: \s[-|]\s*(?i:ảnh|ảnh\sminh\shọa|nguồn\sảnh|video|đồ\shọa)\s*:[^|]{1,80}\|?$   # ' - Ảnh: VGP/Nhật Bắc'
          | \((?i:ảnh|nguồn\sảnh)\b[^()]{0,80}\)\s*\|?$                      # '(Ảnh TTXVN)', '(ảnh chụp qua màn hình)'
          | [.!?]\s*(?i:ảnh|nguồn\sảnh)\s*:[^.]{1,80}$                      # '… nước. Ảnh: RIA Novosti, TTXVN'
          | \s\|$                                                          # markdown table cell after an image
        )",
    )
    .expect("static regex")
});
static CAPTION_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Quang cảnh|Toàn cảnh|Ảnh\s*:|Ảnh minh họa)").expect("static regex"));
static IMAGE_PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:anh tin bai|ảnh tin bài|!\[[^\]]*\]\([^)]*\)\s*\|?)$").expect("static regex"));

/// A cheap necessary condition for [`CAPTION_END`]: every alternative
/// holds "ảnh"/"video"/"đồ họa" in some case and a ':' or ')', or the text
/// ends with '|'.
/// The regex needs its Unicode `\b`, which sends it to the slow PikeVM on
/// non-ASCII text, so most lines are ruled out here first.
fn may_end_caption(s: &str) -> bool {
    let b = s.as_bytes();
    // "ảnh": ả U+1EA3 / Ả U+1EA2 (E1 BA A3/A2), then n, h in either case.
    // "đồ": đ U+0111 / Đ U+0110 (C4 91/90), then ồ U+1ED3 / Ồ U+1ED2 (E1 BB 93/92).
    if b.last() == Some(&b'|') {
        return true;
    }
    // The other alternatives need a ':' or a ')' after the word.
    if memchr::memchr2(b':', b')', b).is_none() {
        return false;
    }
    memchr::memchr_iter(0xE1, b).any(|i| match b.get(i + 1..i + 3) {
        Some([0xBA, 0xA2 | 0xA3]) => b.get(i + 3..i + 5).is_some_and(|w| w.eq_ignore_ascii_case(b"nh")),
        Some([0xBB, 0x92 | 0x93]) => i >= 2 && matches!(b[i - 2..i], [0xC4, 0x90 | 0x91]),
        _ => false,
    }) || b.windows(5).any(|w| w.eq_ignore_ascii_case(b"video"))
}

/// The last `n` bytes of `s` (on a char boundary): caption markers end a line,
/// and an end-anchored regex over a whole long line is slow.
fn tail(s: &str, n: usize) -> &str {
    let mut p = s.len().saturating_sub(n);
    while !s.is_char_boundary(p) {
        p += 1;
    }
    &s[p..]
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', ')', ' ']).ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A short line of capitalised words without punctuation: "Kim Thoa", "Anh Thơ".
fn looks_like_byline(s: &str) -> bool {
    // Counting past five words cannot change the answer.
    let n = s.split_whitespace().take(5).count();
    (1..=4).contains(&n)
        && s.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
}

/// Reads the structure of a normalised text.
pub fn analyse(text: &str) -> Structure {
    let mut st = Structure::default();
    let mut pos = 0;
    let mut first_content = true;
    let mut after_image = false;
    for raw in text.split('\n') {
        let line_start = pos;
        pos += raw.len() + 1;
        let lead = raw.len() - raw.trim_start().len();
        let mut range = line_start + lead..line_start + raw.trim_end().len();
        if range.is_empty() {
            continue;
        }
        if first_content {
            if let Some(m) = HEADER.captures(&text[range.clone()]) {
                let whole = m.get(0).map_or(0, |g| g.end());
                st.header_date = m.get(1).map(|g| g.as_str().to_string());
                st.lines.push(Line { range: range.start..range.start + whole, role: LineRole::Header });
                range.start += whole;
                if range.is_empty() {
                    continue;
                }
            }
        }
        let line = &text[range.clone()];
        let prev_role = st.lines.last().map(|l| l.role);
        let role = if IMAGE_PLACEHOLDER.is_match(line) {
            after_image = true;
            st.lines.push(Line { range, role: LineRole::Furniture });
            continue;
        } else if is_furniture(line) {
            LineRole::Furniture
        } else if line.starts_with(">>") || line.starts_with('»') {
            LineRole::Related
        } else if let Some(c) = SOURCE_LINE.captures(line) {
            st.source_url = c.get(1).map(|g| g.as_str().to_string());
            LineRole::SourceLine
        } else if { let t = tail(line, 160); may_end_caption(t) && CAPTION_END.is_match(t) } || CAPTION_START.is_match(line) || (after_image && words(line) <= 40) {
            LineRole::Caption
        } else if prev_role == Some(LineRole::Related) && !ends_sentence(line) {
            LineRole::Related
        } else if first_content && words(line) <= 35 && !ends_sentence(line) {
            LineRole::Title
        } else {
            LineRole::Body
        };
        after_image = false;
        if role == LineRole::Title {
            st.title = Some(range.clone());
        }
        if !matches!(role, LineRole::Furniture | LineRole::Related | LineRole::Header) {
            first_content = false;
        }
        st.lines.push(Line { range, role });
    }
    mark_byline(text, &mut st);
    st
}

/// The last short capitalised line after the body, before the source line or
/// the furniture at the end, is the byline.
fn mark_byline(text: &str, st: &mut Structure) {
    let mut seen_body = false;
    let mut candidate = None;
    for (i, line) in st.lines.iter().enumerate() {
        match line.role {
            LineRole::Body if looks_like_byline(&text[line.range.clone()]) && seen_body => candidate = Some(i),
            LineRole::Body | LineRole::Caption => {
                seen_body = true;
                candidate = None;
            }
            _ => {}
        }
    }
    if let Some(i) = candidate {
        st.lines[i].role = LineRole::Byline;
        st.author = Some(st.lines[i].range.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, LineRole)> {
        let st = analyse(text);
        st.lines.iter().map(|l| (text[l.range.clone()].to_string(), l.role)).collect()
    }

    #[test]
    fn header_title_caption_byline_source() {
        let text = " date 2026-01-10 Thủ tướng chủ trì hội nghị\n\nChiều tối 10/1, Thủ tướng chủ trì.\nThủ tướng phát biểu. (Ảnh TTXVN)\nAnh Thơ\nNguồn: https://example.vn/a.htm\nBình luận (0)";
        let st = analyse(text);
        assert_eq!(st.header_date.as_deref(), Some("2026-01-10"));
        assert_eq!(st.title.clone().map(|r| &text[r]), Some("Thủ tướng chủ trì hội nghị"));
        assert_eq!(st.author.clone().map(|r| &text[r]), Some("Anh Thơ"));
        assert_eq!(st.source_url.as_deref(), Some("https://example.vn/a.htm"));
        let r = roles(text);
        assert_eq!(r[2].1, LineRole::Body);
        assert_eq!(r[3].1, LineRole::Caption);
        assert_eq!(r[6].1, LineRole::Furniture);
    }

    #[test]
    fn caption_prefilter_never_hides_a_caption() {
        for line in ["Thủ tướng phát biểu - Ảnh: VGP/Nhật Bắc", "Quang cảnh | ẢNH MINH HỌA: TTXVN", "Hội nghị. (Ảnh TTXVN)",
            "Hội nghị (ảnh chụp qua màn hình) |", "… nước. Ảnh: RIA Novosti, TTXVN", "Toàn cảnh - VIDEO: VTV", "Toàn cảnh - Video: VTV",
            "Biểu đồ - Đồ họa: Minh Hà", "Biểu đồ - ĐỒ HỌA: Minh Hà", "![x](y) |", "a | b |", "Ông phát biểu. Nguồn ảnh: TTXVN", "Ông phát biểu (Nguồn ảnh Bộ Công Thương)"] {
            assert!(CAPTION_END.is_match(line), "{line:?}");
            assert!(may_end_caption(line), "{line:?}");
        }
        assert!(!may_end_caption("Thủ tướng chủ trì hội nghị (Hà Nội): kết quả tốt, đông."));
        assert!(!may_end_caption("ẢN Hồ"));
    }

    #[test]
    fn long_first_sentence_is_not_a_title() {
        let text = " date 2026-01-01 Hòa mình vào nỗ lực chung, các lực lượng đối ngoại đã phát huy tinh thần trách nhiệm.";
        assert!(analyse(text).title.is_none());
    }

    #[test]
    fn related_links_and_following_headlines() {
        let text = "Nội dung chính.\n>>Tổng Bí thư: Vươn mình\nBộ Ngoại giao cập nhật thông tin về đàm phán";
        let r = roles(text);
        assert_eq!(r[1].1, LineRole::Related);
        assert_eq!(r[2].1, LineRole::Related);
    }
}
