//! Names: Vietnamese names (a known family name and two to four syllables,
//! `data/surnames.tsv`) and foreign names (capitalised runs with particles).

use crate::text::{is_alpha, is_upper};
use std::ops::Range;
use std::sync::LazyLock;

/// Family names, sorted for binary search.
static SURNAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = crate::lexicon::rows(include_str!("../../../data/surnames.tsv")).filter_map(|r| r.first().map(|s| s.to_string())).collect();
    v.sort();
    v.dedup();
    v
});

pub(super) fn is_surname(w: &str) -> bool {
    SURNAMES.binary_search_by(|s| s.as_str().cmp(w)).is_ok()
}

fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(is_upper) && cs.all(|c| is_alpha(c) || c == '-' || c == '\'') && !w.chars().all(is_upper)
}

/// Lower-case particles that may stand inside a foreign name, never first.
pub(super) const NAME_PARTICLES: &[&str] = &["bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "du", "dos", "das", "di", "la", "le"];

/// The capitalised run at `pos` (up to `max` words): its end and word count.
pub(super) fn name_run(text: &str, pos: usize, max: usize) -> (usize, usize) {
    let mut end = pos;
    let mut n = 0;
    let mut p = pos;
    while n < max {
        let rest = &text[p..];
        let w_end = rest.find([' ', ',', '.', ';', ':', ')', '(', '"', '\n']).unwrap_or(rest.len());
        let w = &rest[..w_end];
        // "Mohamed bin Zayed Al Nahyan", "Ursula von der Leyen": particles inside a foreign name.
        let particle = n >= 1 && NAME_PARTICLES.contains(&w) && rest[w_end..].strip_prefix(' ').is_some_and(|r| r.starts_with(is_upper) || NAME_PARTICLES.iter().any(|p| r.starts_with(p)));
        if w.is_empty() || !(is_name_word(w) || particle) {
            break;
        }
        if !particle {
            n += 1;
        }
        end = p + w_end;
        if !rest[w_end..].starts_with(' ') {
            break;
        }
        p = end + 1;
    }
    (end, n)
}

/// Letters of Vietnamese spelling that foreign names written in Vietnamese
/// news do not carry (Latin-1 accents such as á, é, ç do occur in them).
pub(super) fn vietnamese_letter(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'â' | 'Â' | 'đ' | 'Đ' | 'ê' | 'Ê' | 'ô' | 'Ô' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ') || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Words that start an organisation's or an office's name, never a person's.
pub(super) const NOT_NAME_START: &[&str] = &["Bộ", "Ủy", "Sở", "Cục", "Vụ", "Ban", "Viện", "Hội", "Liên", "Quỹ", "Tập", "Công", "Tổng", "Chính", "Quốc", "Nhà", "Văn", "Đại", "Phái", "Cơ", "Trung", "Ngân", "Thành", "Tỉnh", "Hoàng", "Hạ", "Thượng"];

/// A foreign name after a title: two to four capitalised words spelled
/// without Vietnamese letters ("Lawrence Wong", "Rodrigo Álvarez Vega").
pub(super) fn foreign_name(text: &str, pos: usize) -> Option<Range<usize>> {
    let (end, n) = name_run(text, pos, 4);
    let run = &text[pos..end];
    let first = run.split(' ').next().unwrap_or("");
    let all_caps = run.split(' ').any(|w| w.len() > 1 && w.chars().all(|c| is_upper(c) || c == '-'));
    (n >= 2 && !run.chars().any(vietnamese_letter) && !NOT_NAME_START.contains(&first) && !all_caps && crate::lexicon::partners::lookup(run).is_none()).then_some(pos..end)
}

/// A Vietnamese name at `pos`: family name first, two to four syllables.
pub(super) fn vietnamese_name(text: &str, pos: usize) -> Option<Range<usize>> {
    let first_end = text[pos..].find([' ', ',', '.', ';', ':', ')', '(', '"', '\n']).map_or(text.len(), |i| pos + i);
    if !is_surname(&text[pos..first_end]) {
        return None;
    }
    let (end, _) = name_run(text, pos, 4);
    // Word boundaries of the run, without allocating.
    let mut bounds: [(usize, usize); 4] = [(0, 0); 4];
    let mut n = 0;
    let mut p = pos;
    for w in text[pos..end].split(' ') {
        if n == 4 {
            break;
        }
        bounds[n] = (p, p + w.len());
        p += w.len() + 1;
        n += 1;
    }
    // "Đoàn Ngoại giao" (the diplomatic corps), "Đoàn Hội đồng Kinh doanh …" (a
    // delegation) are no "Đoàn" by name.
    if n >= 2 && &text[bounds[0].0..bounds[0].1] == "Đoàn" {
        let rest = crate::text::lowercase_same_len(&text[bounds[1].0..crate::text::floor_char(text, text.len().min(bounds[1].0 + 32)).max(bounds[1].0)]);
        if super::titles::CUES.phrases("delegation_after").iter().any(|w| rest.strip_prefix(w.as_str()).is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.']))) {
            return None;
        }
    }
    // Two names side by side ("Hoàng Phong Nguyễn Trãi"), or an honorific inside
    // the run ("… Ông Sang"): the first name ends there.
    let mut k = n;
    for (i, &(x, y)) in bounds.iter().enumerate().take(n).skip(1) {
        let w = &text[x..y];
        // (Not after a middle name: "Nguyễn Thị Kim Ngân", "Trần Văn Kim Long" are one name.)
        let after_middle = matches!(&text[bounds[i - 1].0..bounds[i - 1].1], "Thị" | "Văn");
        if matches!(w, "Ông" | "Bà" | "Ngài") || i >= 2 && is_surname(w) && n - i >= 2 && !after_middle {
            k = i;
            break;
        }
    }
    (k >= 2).then(|| pos..bounds[k - 1].1)
}
