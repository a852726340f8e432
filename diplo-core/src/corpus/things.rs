//! What a figure counts, as part of the fact it states.
//!
//! For `other` (and `partners`, whose counted noun says which partners:
//! "đối tác chiến lược" or "nước") the counted phrase is part of the fact:
//! "75 hoạt động đối ngoại" and "30 chuyến thăm" of one year are two facts.
//! The key is the folded phrase up to its first number, classifiers dropped
//! ("lượt khách" → "khách") and spellings of one thing merged ("quốc gia" →
//! "nước"), at most five words: when in doubt, two facts
//! (`data/counted.tsv` holds the words).

use crate::text::fold;
use std::sync::LazyLock;

struct Table {
    /// (variant words, canonical words), longest variants first.
    same: Vec<(Vec<String>, Vec<String>)>,
    classifiers: Vec<Vec<String>>,
    measures: Vec<Vec<String>>,
    entities: Vec<Vec<String>>,
}

fn split(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric() && c != '%').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table { same: Vec::new(), classifiers: Vec::new(), measures: Vec::new(), entities: Vec::new() };
    for r in crate::lexicon::rows(include_str!("../../data/counted.tsv")) {
        let (Some(kind), Some(canonical), Some(words)) = (r.first(), r.get(1), r.get(2)) else { continue };
        for w in words.split('|').map(split).filter(|w| !w.is_empty()) {
            match *kind {
                "same" => t.same.push((w, split(canonical))),
                "classifier" => t.classifiers.push(w),
                "measure" => t.measures.push(w),
                "entity" => t.entities.push(w),
                _ => {}
            }
        }
    }
    for list in [&mut t.classifiers, &mut t.measures, &mut t.entities] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    t.same.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    t
});

/// How many leading words of `words` one of `list` covers (longest first).
fn prefix_len(words: &[String], list: &[Vec<String>]) -> usize {
    list.iter().find(|p| words.len() >= p.len() && words[..p.len()] == p[..]).map_or(0, Vec::len)
}

/// A counted thing read into its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thing {
    /// Folded words, classifiers dropped, spellings merged.
    pub key: String,
    /// Whether it names a thing another article could count too: at least
    /// three syllables beyond a unit of measure ("khách quốc tế", "đối tác
    /// chiến lược"), not a bare noun ("doanh nghiệp", "tấn").
    pub specific: bool,
    /// Only a unit of measure ("độ C", "km", "tấn"): how much, not of what.
    pub measure_only: bool,
    /// A measure of one company or body ("lợi nhuận trước thuế", "vốn điều
    /// lệ"): without a subject, nothing says whose.
    pub entity: bool,
}

/// The key of what `counted` counts; `None` when it says nothing.
pub fn thing(counted: Option<&str>) -> Option<Thing> {
    let t = &*TABLE;
    let mut words: Vec<String> = Vec::new();
    for w in split(counted?) {
        if w.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        words.push(w);
        if words.len() >= 12 {
            break;
        }
    }
    let mut start = 0;
    for _ in 0..4 {
        let n = prefix_len(&words[start..], &t.classifiers);
        if n == 0 {
            break;
        }
        start += n;
    }
    let mut words: Vec<String> = words.split_off(start.min(words.len()));
    if let Some((variant, canonical)) = t.same.iter().find(|(v, _)| words.len() >= v.len() && words[..v.len()] == v[..]) {
        words.splice(0..variant.len(), canonical.iter().cloned());
    }
    words.truncate(5);
    if words.is_empty() {
        return None;
    }
    let measure = prefix_len(&words, &t.measures);
    let entity = prefix_len(&words, &t.entities) > 0;
    Some(Thing { specific: words.len() - measure >= 3, measure_only: measure == words.len(), entity, key: words.join(" ") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Option<String> {
        thing(Some(s)).map(|t| t.key)
    }

    #[test]
    fn keys_merge_spellings_and_drop_classifiers() {
        assert_eq!(key("lượt khách quốc tế").as_deref(), Some("khach quoc te"));
        assert_eq!(key("Khách quốc tế"), key("lượt du khách quốc tế"));
        assert_eq!(key("quốc gia và vùng lãnh thổ"), key("nước và vùng lãnh thổ"));
        assert_eq!(key("hoạt động đối ngoại 6 tháng đầu").as_deref(), Some("hoat dong doi ngoai"));
        assert_ne!(key("hoạt động đối ngoại"), key("chuyến thăm"));
        assert_ne!(key("đối tác chiến lược"), key("đối tác chiến lược toàn diện"));
        assert_eq!(key(""), None);
        assert_eq!(thing(None), None);
    }

    #[test]
    fn bare_nouns_and_units_are_not_specific() {
        for s in ["doanh nghiệp", "nước", "tấn", "tấn gạo", "độ C", "điểm", "học sinh"] {
            assert!(!thing(Some(s)).unwrap().specific, "{s}");
        }
        assert!(thing(Some("độ C")).unwrap().measure_only);
        assert!(!thing(Some("tấn gạo")).unwrap().measure_only);
        for s in ["lượt khách quốc tế", "đối tác chiến lược", "hoạt động đối ngoại", "doanh nghiệp có vốn FDI"] {
            assert!(thing(Some(s)).unwrap().specific, "{s}");
        }
    }

    #[test]
    fn a_company_measure_says_it_is_one_body_s() {
        for s in ["lợi nhuận trước thuế", "tổng lợi nhuận trước thuế", "vốn điều lệ", "doanh thu thuần"] {
            assert!(thing(Some(s)).unwrap().entity, "{s}");
        }
        for s in ["lãi suất điều hành", "lượt khách quốc tế", "đối tác chiến lược"] {
            assert!(!thing(Some(s)).unwrap().entity, "{s}");
        }
    }
}
