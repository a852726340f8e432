//! The page-furniture lexicon (`data/furniture.tsv`): counters, widgets, pagers.

use regex::Regex;
use std::sync::LazyLock;

enum Rule {
    Line(String),
    Prefix(String),
    Suffix(String),
    Contains(String),
    Pattern(Regex),
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../../data/furniture.tsv"))
        .filter_map(|cols| {
            let (kind, pat) = (cols.first()?, cols.get(1)?);
            Some(match *kind {
                "line" => Rule::Line(pat.to_lowercase()),
                "prefix" => Rule::Prefix(pat.to_string()),
                "suffix" => Rule::Suffix(pat.to_string()),
                "contains" => Rule::Contains(pat.to_string()),
                // The table ships with the crate and is tested; a bad row is a build bug.
                "regex" => Rule::Pattern(Regex::new(pat).expect("furniture.tsv: bad regex")),
                _ => return None,
            })
        })
        .collect()
});

/// Is this (trimmed) line page furniture?
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    RULES.iter().any(|rule| match rule {
        Rule::Line(p) => line.to_lowercase() == *p,
        Rule::Prefix(p) => line.starts_with(p.as_str()),
        Rule::Suffix(p) => line.ends_with(p.as_str()),
        Rule::Contains(p) => line.contains(p.as_str()),
        Rule::Pattern(re) => re.is_match(line),
    })
}

#[cfg(test)]
mod tests {
    use super::is_furniture;

    #[test]
    fn furniture_lines_are_recognised() {
        for line in ["Lượt xem: 38", "Bình luận (0)", "anh tin bai", "Họ tên no image", "1 2 3 4 5  ...",
            "  • Đang truy cập: 1", "Tổng lượt truy cập: 1", "Thống kê truy cập", "![]() |", "Copy Link", "Tin khác"] {
            assert!(is_furniture(line), "{line:?} should be furniture");
        }
        for line in ["Kim Thoa", "Hôm nay, Thủ tướng chủ trì hội nghị.", "Tin khác về kinh tế được cập nhật hằng ngày."] {
            assert!(!is_furniture(line), "{line:?} is not furniture");
        }
    }
}
