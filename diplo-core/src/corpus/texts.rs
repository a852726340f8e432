//! Article texts kept so that a page can show each source with its evidence
//! highlighted and every quote linked to its span.
//!
//! Off by default: a corpus keeps records, not texts, so any collection
//! streams through in bounded memory. Turned on ([`super::Corpus::keep_texts`])
//! it keeps the texts of documents that have records (an article with none
//! has nothing to point at), first come first kept, up to a byte budget;
//! the documents past the budget are counted so that a page can say so.

use serde::{Deserialize, Serialize};

/// One article's text, with the date hint it was extracted with, so that
/// extracting it again gives the same records and offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptText {
    /// The document's id in the corpus (unique).
    pub id: String,
    pub date: Option<String>,
    pub text: String,
}

/// The texts kept and what the budget left out.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    /// At most this many bytes of text are kept; 0 keeps none.
    pub budget: usize,
    /// Bytes kept so far.
    pub used: usize,
    pub kept: Vec<KeptText>,
    /// Documents with records whose text did not fit in the budget.
    pub over_budget: usize,
}

impl Texts {
    /// Keeps `text` when it fits in the budget (and counts it when not).
    pub fn offer(&mut self, id: &str, date: Option<&str>, text: &str) {
        if self.budget == 0 {
            return;
        }
        match self.used.checked_add(text.len()) {
            Some(used) if used <= self.budget => {
                self.used = used;
                self.kept.push(KeptText { id: id.to_string(), date: date.map(String::from), text: text.to_string() });
            }
            _ => self.over_budget += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_holds() {
        let mut t = Texts::default();
        t.offer("a", None, "abc");
        assert!(t.kept.is_empty());
        t.budget = 5;
        t.offer("a", Some("2025-01-01"), "abc");
        t.offer("b", None, "abc");
        t.offer("c", None, "ab");
        assert_eq!(t.kept.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!((t.used, t.over_budget), (5, 1));
        assert_eq!(t.kept[0].date.as_deref(), Some("2025-01-01"));
    }
}
