//! Whose figure a metric is: "thương mại Việt Nam - Hàn Quốc" (a pair),
//! "của Việt Nam", "tỉnh Bắc Ninh", a partner named before the number, or a
//! short sentence-initial noun phrase ("Các cơ quan đại diện … đã triển khai").

use crate::extract::Context;
use crate::lexicon::partners::find_partners;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "của Việt Nam", "của tỉnh Bắc Ninh", "của TP.HCM", "trên địa bàn tỉnh Lào Cai".
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:của|tại|ở|địa bàn)\s+(?P<x>(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?:TP\.HCM|TPHCM|[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3}))").expect("static regex")
});
/// "tỉnh Bắc Ninh", "thành phố Hải Phòng", "TP.HCM".
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<x>(?:tỉnh|thành phố|TP\.?)\s*[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3}|TP\.HCM|TPHCM)").expect("static regex")
});

/// The subject of the metric at `at` in `sentence` (searching the 240 bytes
/// before it); a sentence-initial noun phrase holding that place wins
/// ("Thương vụ Việt Nam tại Hàn Quốc đã tổ chức 37 sự kiện").
pub fn subject(ctx: &Context<'_>, sentence: &Range<usize>, at: usize) -> Option<String> {
    let np = initial_noun_phrase(ctx.text(), sentence, at);
    match owner(ctx, sentence, at) {
        Some(o) if np.as_deref().is_some_and(|n| n.contains(o.as_str())) => np,
        Some(o) => Some(o),
        None => np,
    }
}

/// A place or partner the figure belongs to.
fn owner(ctx: &Context<'_>, sentence: &Range<usize>, at: usize) -> Option<String> {
    let text = ctx.text();
    let mut from = at.saturating_sub(240).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    // A bilateral pair: "Việt Nam - Hàn Quốc", "giữa Việt Nam và EU".
    let hits = find_partners(text, from..at);
    for w in hits.windows(2) {
        let gap = &text[w[0].range.end..w[1].range.start];
        if matches!(gap.trim(), "-" | "và" | "với") {
            return Some(text[w[0].range.start..w[1].range.end].to_string());
        }
    }
    if let Some(m) = OWNER.captures_iter(before).last().and_then(|c| c.name("x")) {
        return Some(m.as_str().to_string());
    }
    if let Some(m) = PLACE.captures_iter(before).last().and_then(|c| c.name("x")) {
        return Some(m.as_str().to_string());
    }
    hits.last().map(|h| text[h.range.clone()].to_string())
}

/// "Các cơ quan đại diện Việt Nam ở nước ngoài đã triển khai …": a short
/// sentence-initial noun phrase before "đã"/"đạt".
fn initial_noun_phrase(text: &str, s: &Range<usize>, at: usize) -> Option<String> {
    let mut end = (s.start + 160).min(at);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[s.start..end];
    let cut = [" đã ", " đạt ", " tiếp tục "].iter().filter_map(|v| head.find(v)).min()?;
    let np = head[..cut].trim();
    let words = np.split_whitespace().count();
    (np.chars().next().is_some_and(char::is_uppercase) && (2..=9).contains(&words) && !np.contains(',')).then(|| np.to_string())
}
