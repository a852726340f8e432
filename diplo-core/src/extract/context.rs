//! What every extractor reads: the normalised text, its structure, the
//! sentences, and how to quote evidence from the caller's text.

use crate::lang::{self, Date, Quantity, Sentence, Temporal};
use crate::records::{Evidence, Source};
use crate::structure::{self, Structure};
use crate::text::{lowercase_same_len, normalize, CharIndex, Normalized};
use std::ops::Range;

/// One document on its way through the pipeline.
pub struct Context<'a> {
    pub norm: Normalized<'a>,
    /// The normalised text lower-cased with byte lengths kept.
    pub lower: String,
    chars: CharIndex<'a>,
    pub structure: Structure,
    /// Sentences of the lines that yield records, in document order.
    pub sentences: Vec<Sentence>,
    /// The publication date (hint or header), for relative dates.
    pub doc_date: Option<Date>,
    /// Every date and period of the document.
    pub temporals: Vec<Temporal>,
    /// Every quantity of the document (dates excluded).
    pub quantities: Vec<Quantity>,
}

impl<'a> Context<'a> {
    pub fn new(original: &'a str, hint: Option<Date>) -> Self {
        let norm = normalize(original);
        let lower = lowercase_same_len(&norm.text);
        let structure = structure::analyse(&norm.text);
        let doc_date = hint.or_else(|| structure.header_date.as_deref().and_then(Date::parse_iso));
        let mut sentences = Vec::new();
        for line in &structure.lines {
            if let Some(source) = line.role.source() {
                sentences.extend(lang::split_sentences_in(&norm.text, line.range.clone(), source));
            }
        }
        // Where digits are: the date and number patterns run only there.
        let windows = lang::DigitWindows::new(&lower);
        let temporals = lang::find_temporals_in(&lower, doc_date, &windows);
        let quantities = lang::find_quantities_in(&norm.text, &lower, &temporals, &windows);
        Context { chars: CharIndex::new(original), norm, lower, structure, sentences, doc_date, temporals, quantities }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// Evidence quoting the caller's text at a normalised byte range.
    pub fn evidence(&self, r: Range<usize>) -> Evidence {
        let orig = self.norm.map.range(r);
        Evidence {
            text: self.norm.original[orig.clone()].to_string(),
            start: self.chars.char_offset(orig.start),
            end: self.chars.char_offset(orig.end),
            byte_start: orig.start,
            byte_end: orig.end,
        }
    }

    /// Code point offsets in the caller's text of a normalised byte range.
    pub fn char_range(&self, r: Range<usize>) -> (usize, usize) {
        let orig = self.norm.map.range(r);
        (self.chars.char_offset(orig.start), self.chars.char_offset(orig.end))
    }

    /// The source (body, title, caption) of the line holding a position.
    pub fn source_at(&self, pos: usize) -> Source {
        self.structure
            .lines
            .iter()
            .find(|l| l.range.start <= pos && pos < l.range.end.max(l.range.start + 1))
            .and_then(|l| l.role.source())
            .unwrap_or(Source::Body)
    }
}
