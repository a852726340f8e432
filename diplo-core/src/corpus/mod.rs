//! Many articles, one picture: meetings merged across documents with their
//! sources and conflicts, metric claims with verdicts, implied baselines, and
//! commitments deduplicated.
//!
//! A [`Corpus`] keeps only the records of each document, never its text, so
//! a folder of any size streams through in bounded memory.

mod claims;
mod commitments;
mod meetings;
mod report;
mod types;

pub use report::render_text;
pub use types::*;

use crate::records::Document;
use crate::{extract, Error, Options};
use rayon::prelude::*;

/// Documents added so far (records only) and their reconciliation.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    docs: Vec<Document>,
    errors: Vec<DocumentError>,
}

impl Corpus {
    pub fn new() -> Self {
        Corpus::default()
    }

    /// Adds an extracted document; its text is not kept.
    pub fn add(&mut self, mut doc: Document) {
        doc.paragraphs.clear();
        if doc.id.is_none() {
            doc.id = Some(format!("doc{}", self.docs.len() + self.errors.len()));
        }
        self.docs.push(doc);
    }

    /// Extracts a text and adds it; an error is recorded for the report and returned.
    ///
    /// # Errors
    /// As [`crate::extract`].
    pub fn add_text(&mut self, text: &str, opts: &Options) -> Result<(), Error> {
        match extract(text, opts) {
            Ok(doc) => {
                self.add(doc);
                Ok(())
            }
            Err(e) => {
                self.record_error(opts.id.clone(), &e);
                Err(e)
            }
        }
    }

    /// Extracts many texts in parallel and adds them in order; failures are
    /// recorded per document and the others still land.
    pub fn add_texts(&mut self, items: &[(String, Options)]) {
        let results: Vec<Result<Document, Error>> = items.par_iter().map(|(t, o)| extract(t, o)).collect();
        for ((_, opts), r) in items.iter().zip(results) {
            match r {
                Ok(doc) => self.add(doc),
                Err(e) => self.record_error(opts.id.clone(), &e),
            }
        }
    }

    /// Records a document that could not be read (bad bytes, missing file …).
    pub fn record_error(&mut self, id: Option<String>, e: &Error) {
        self.errors.push(DocumentError { id, code: e.code().to_string(), message: e.to_string() });
    }

    /// Records a failure known only by its code and message (from a binding).
    pub fn record_failure(&mut self, id: Option<String>, code: &str, message: &str) {
        self.errors.push(DocumentError { id, code: code.to_string(), message: message.to_string() });
    }

    /// How many documents were added successfully.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The documents' records.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Reconciles everything added so far.
    pub fn report(&self) -> CorpusReport {
        let claims = claims::claims(&self.docs);
        let implied = claims::implied(&self.docs, &claims);
        CorpusReport {
            documents: self.docs.iter().map(DocumentSummary::of).collect(),
            errors: self.errors.clone(),
            meetings: meetings::merge(&self.docs),
            claims,
            implied,
            commitments: commitments::dedupe(&self.docs),
        }
    }
}
