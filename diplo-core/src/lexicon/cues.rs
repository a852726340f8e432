//! Word lists by kind: the small lexicons that rules read as a set of words
//! or phrases (`kind<TAB>phrase` rows), so that vocabulary lives in `data/`
//! and grammar in code.

use std::collections::{HashMap, HashSet};

/// The phrases of one TSV table grouped by kind.
pub struct CueTable {
    by_kind: HashMap<String, (Vec<String>, HashSet<String>)>,
}

impl CueTable {
    /// Reads `kind<TAB>phrase` rows; other rows are ignored (the table tests
    /// check their shape). Phrases keep table order, longest first.
    pub fn parse(table: &str) -> Self {
        let mut by_kind: HashMap<String, (Vec<String>, HashSet<String>)> = HashMap::new();
        for row in super::rows(table) {
            let [kind, phrase] = row[..] else { continue };
            let (list, set) = by_kind.entry(kind.to_string()).or_default();
            if set.insert(phrase.to_string()) {
                list.push(phrase.to_string());
            }
        }
        for (list, _) in by_kind.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        CueTable { by_kind }
    }

    /// The phrases of `kind`, longest first (empty for an unknown kind).
    pub fn phrases(&self, kind: &str) -> &[String] {
        self.by_kind.get(kind).map_or(&[], |(list, _)| list.as_slice())
    }

    /// Is `word` exactly one of the phrases of `kind`?
    pub fn contains(&self, kind: &str, word: &str) -> bool {
        self.by_kind.get(kind).is_some_and(|(_, set)| set.contains(word))
    }

    /// Test support: every kind in `read` has phrases (a misspelt kind would
    /// silently read as an empty list), and every phrase is lower case, as the
    /// text the rules compare it with.
    #[cfg(test)]
    pub fn assert_kinds(&self, read: &[&str]) {
        for kind in read {
            assert!(!self.phrases(kind).is_empty(), "no phrases of kind {kind}");
        }
        for (kind, (list, _)) in &self.by_kind {
            for p in list {
                assert_eq!(*p, p.to_lowercase(), "{kind}: {p} is not lower case");
            }
        }
    }
}

/// Byte position of `word` in `hay` on word boundaries.
pub fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = crate::text::find_str(&hay[from..], word).map(|i| i + from) {
        let before_ok = !hay[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !hay[i + word.len()..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + word.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_kind_longest_first_without_duplicates() {
        let t = CueTable::parse("# comment\na\tđến\na\tđến năm\na\tđến\nb\tx\nbad row\n");
        assert_eq!(t.phrases("a"), ["đến năm", "đến"]);
        assert!(t.contains("b", "x"));
        assert!(!t.contains("a", "x"));
        assert!(t.phrases("missing").is_empty());
    }
}
