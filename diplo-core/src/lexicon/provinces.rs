//! Vietnamese provinces and cities (`data/provinces.tsv`), matched on the
//! lower-cased normalised text.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use std::sync::LazyLock;

static PROVINCES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let names: Vec<String> = super::rows(include_str!("../../data/provinces.tsv")).filter_map(|r| r.first().map(|n| n.to_lowercase())).collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(names)
        .expect("provinces table builds")
});

/// The end of a province name starting exactly at `pos` of `lower`, when it
/// ends at a word boundary.
pub fn province_at(lower: &str, pos: usize) -> Option<usize> {
    let m = PROVINCES.find(Input::new(lower.get(pos..)?).anchored(Anchored::Yes))?;
    let end = pos + m.end();
    (!lower[end..].chars().next().is_some_and(char::is_alphanumeric)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::province_at;

    #[test]
    fn finds_a_province_before_a_name() {
        let s = "bắc ninh vương quốc tuấn";
        assert_eq!(province_at(s, 0), Some("bắc ninh".len()));
        assert_eq!(province_at("bắc ninhx", 0), None);
        assert_eq!(province_at("vương quốc tuấn", 0), None);
    }

    #[test]
    fn longest_name_wins() {
        let s = "thừa thiên huế";
        assert_eq!(province_at(s, 0), Some(s.len()));
    }
}
