//! Many articles, one picture: meetings merged across documents with their
//! sources and conflicts, metric claims identified by subject with verdicts,
//! implied baselines checked against each other, commitments merged by
//! identity, partnership levels over time, and the findings an analyst
//! should read first.
//!
//! A [`Corpus`] keeps only the records of each document, not its text, so
//! a folder of any size streams through in bounded memory; a page that
//! quotes its sources asks for their texts with [`Corpus::keep_texts`].
//! Every input is accounted for: it becomes a document or a
//! [`DocumentError`] (with its file and line), and `read = extracted +
//! failed` in [`Counts`].

mod claims;
mod commitments;
mod findings;
pub mod hints;
mod implied;
pub mod input;
mod meetings;
mod partnerships;
pub mod names;
mod report;
mod tables;
pub mod subjects;
pub mod texts;
pub mod things;
mod types;

pub use input::{Article, Entry, Origin, Walk};
pub use report::{render_text, short, show_value};
pub use tables::Table;
pub use texts::{KeptText, Texts};
pub use types::*;

use crate::records::{Document, Warning};
use crate::{extract, Error, Options};
use rayon::prelude::*;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// How many articles are extracted together (in parallel) before the next are read.
pub const BATCH: usize = 256;

/// Documents added so far (records only) and their reconciliation.
///
/// It serialises to JSON ([`Corpus::to_json`]) so that it can be saved,
/// pickled and sent to other processes.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Corpus {
    /// Each document's records that the reconciliation reads (see [`compact`]).
    docs: Vec<Document>,
    /// Each document summarised before it was compacted.
    summaries: Vec<DocumentSummary>,
    errors: Vec<DocumentError>,
    /// Every id given out, so two articles never share one.
    ids: HashMap<String, usize>,
    /// Texts kept for a page (none unless [`Corpus::keep_texts`]).
    #[serde(default)]
    texts: Texts,
}

/// Keeps of a document only what the reconciliation reads, so that a
/// corpus of any size fits in memory: metrics with a dated period or a
/// comparison with a dated baseline (the others can be no claim), meetings
/// without their speakers, bridge points and the evidence of their people
/// (the names stay), and no paragraphs or warnings (they are counted in the
/// document's summary first).
pub fn compact(doc: &mut Document) {
    let dated = |p: &Option<crate::records::Period>| p.as_ref().is_some_and(|p| p.start.is_some() && p.end.is_some());
    doc.paragraphs = Vec::new();
    doc.warnings = Vec::new();
    doc.metrics.retain(|m| dated(&m.period) || m.comparison.as_ref().is_some_and(|c| dated(&c.baseline)));
    doc.metrics.shrink_to_fit();
    for m in &mut doc.meetings {
        m.speakers = Vec::new();
        m.bridge_points = Vec::new();
        m.partners = Vec::new();
        m.topic = None;
        for p in m.chairs.iter_mut().chain(m.attendees.iter_mut()) {
            p.evidence = Default::default();
            p.roles = Vec::new();
        }
    }
    for c in &mut doc.commitments {
        c.addressees = Vec::new();
        if let Some(a) = c.actor.as_mut() {
            a.evidence = Default::default();
        }
    }
}

/// The message of a panic payload.
fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".into())
}

/// Extracts one article; an internal error (a panic) becomes an error for
/// that article alone, with its message kept.
pub fn extract_guarded(text: &str, opts: &Options) -> Result<Document, DocumentError> {
    guarded(opts, || extract(text, opts))
}

/// Runs one extraction, turning its error or panic into a [`DocumentError`].
fn guarded(opts: &Options, f: impl FnOnce() -> Result<Document, Error>) -> Result<Document, DocumentError> {
    let err = |code: &str, message: String| DocumentError { id: opts.id.clone(), code: code.into(), message, file: None, line: None, index: None };
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(err(e.code(), e.to_string())),
        Err(p) => Err(err("internal", format!("internal error: {}", panic_message(p.as_ref())))),
    }
}

impl Corpus {
    pub fn new() -> Self {
        Corpus::default()
    }

    /// An id no other document has: the one given, else `doc{n}`; a taken
    /// id gets a `#2`, `#3` … suffix and the document a `duplicate_id` warning.
    fn unique_id(&mut self, id: Option<String>) -> (String, Option<Warning>) {
        let given = id.unwrap_or_else(|| format!("doc{}", self.docs.len() + self.errors.len()));
        let n = self.ids.entry(given.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            return (given, None);
        }
        let mut k = *n;
        let renamed = loop {
            let cand = format!("{given}#{k}");
            if !self.ids.contains_key(&cand) {
                break cand;
            }
            k += 1;
        };
        self.ids.insert(renamed.clone(), 1);
        let warning = Warning {
            code: "duplicate_id".into(),
            message: format!("id {given:?} is already taken by another document; this one is {renamed:?}"),
            start: 0,
            end: 0,
        };
        (renamed, Some(warning))
    }

    /// Adds an extracted document; its text is not kept, nor the records
    /// the reconciliation does not read (see [`compact`]). A missing or
    /// taken id is replaced by a unique one (with a warning).
    pub fn add(&mut self, doc: Document) {
        self.add_kept(doc, None);
    }

    /// Adds a document extracted from `text` with the date hint `date`;
    /// the text is kept when [`Corpus::keep_texts`] asked for it and the
    /// document has records.
    pub fn add_with_text(&mut self, doc: Document, text: &str, date: Option<&str>) {
        self.add_kept(doc, Some((text, date)));
    }

    fn add_kept(&mut self, mut doc: Document, text: Option<(&str, Option<&str>)>) {
        let (id, warning) = self.unique_id(doc.id.take());
        doc.warnings.extend(warning);
        let has_records = !(doc.meetings.is_empty() && doc.metrics.is_empty() && doc.commitments.is_empty());
        if let Some((text, date)) = text.filter(|_| has_records) {
            self.texts.offer(&id, date, text);
        }
        doc.id = Some(id);
        self.summaries.push(DocumentSummary::of(&doc));
        compact(&mut doc);
        self.docs.push(doc);
    }

    /// Keeps the texts of the documents added from now on that have
    /// records, up to `budget` bytes in all (0: none, the default), so that
    /// a page can show them with their evidence highlighted.
    pub fn keep_texts(&mut self, budget: usize) {
        self.texts.budget = budget;
    }

    /// The texts kept, and how many documents the budget left out.
    pub fn texts(&self) -> &Texts {
        &self.texts
    }

    /// Extracts a text and adds it; an error is recorded for the report and returned.
    ///
    /// # Errors
    /// As [`crate::extract`].
    pub fn add_text(&mut self, text: &str, opts: &Options) -> Result<(), Error> {
        match extract(text, opts) {
            Ok(doc) => {
                self.add_with_text(doc, text, opts.date.as_deref());
                Ok(())
            }
            Err(e) => {
                self.record_error(opts.id.clone(), &e);
                Err(e)
            }
        }
    }

    /// Extracts many texts in parallel and adds them in order; failures
    /// (internal errors included) are recorded per document and the others still land.
    pub fn add_texts(&mut self, items: &[(String, Options)]) {
        let results: Vec<Result<Document, DocumentError>> = items.par_iter().map(|(t, o)| extract_guarded(t, o)).collect();
        for ((t, o), r) in items.iter().zip(results) {
            match r {
                Ok(doc) => self.add_with_text(doc, t, o.date.as_deref()),
                Err(e) => self.errors.push(e),
            }
        }
    }

    /// Extracts articles read by [`input`] in parallel and adds them in
    /// order, with the warnings found while reading and their origin on errors.
    pub fn add_articles(&mut self, items: Vec<Article>) {
        let results: Vec<Result<Document, DocumentError>> = items.par_iter().map(|a| extract_guarded(&a.text, &a.opts)).collect();
        for (a, r) in items.into_iter().zip(results) {
            match r {
                Ok(mut doc) => {
                    doc.warnings.splice(0..0, a.warnings);
                    self.add_with_text(doc, &a.text, a.opts.date.as_deref());
                }
                Err(mut e) => {
                    e.file = a.origin.file;
                    e.line = a.origin.line;
                    e.index = a.origin.index;
                    self.errors.push(e);
                }
            }
        }
    }

    /// Reads every article under `inputs` (see [`input::walk`]) in batches of
    /// [`BATCH`], extracting each batch in parallel; `progress` is called
    /// with the number of articles read so far after each batch. Returns
    /// what the folder walk passed over.
    pub fn add_files(&mut self, inputs: &[PathBuf], base: &Options, progress: &mut dyn FnMut(usize)) -> Walk {
        let walk = input::walk(inputs);
        let mut batch: Vec<Article> = Vec::new();
        let mut seen = 0;
        for path in &walk.files {
            input::read_file(path, base, &mut |e| match e {
                Entry::Article(a) => {
                    batch.push(a);
                    if batch.len() >= BATCH {
                        seen += batch.len();
                        self.add_articles(std::mem::take(&mut batch));
                        progress(seen);
                    }
                }
                Entry::Failed(err) => self.errors.push(err),
            });
        }
        seen += batch.len();
        self.add_articles(batch);
        progress(seen);
        walk
    }

    /// Records a document that could not be read (bad bytes, missing file …).
    pub fn record_error(&mut self, id: Option<String>, e: &Error) {
        self.record_failure(id, e.code(), &e.to_string());
    }

    /// Records a failure known only by its code and message (from a binding).
    pub fn record_failure(&mut self, id: Option<String>, code: &str, message: &str) {
        self.errors.push(DocumentError { id, code: code.to_string(), message: message.to_string(), file: None, line: None, index: None });
    }

    /// Records a failure with everything known about it.
    pub fn record(&mut self, e: DocumentError) {
        self.errors.push(e);
    }

    /// How many documents were added successfully.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The documents' records that the reconciliation reads (see [`compact`]).
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Every document added, summarised (its counts of records and warnings).
    pub fn summaries(&self) -> &[DocumentSummary] {
        &self.summaries
    }

    /// The documents that failed, in the order they were read.
    pub fn errors(&self) -> &[DocumentError] {
        &self.errors
    }

    /// The corpus as JSON: its documents' records, errors and ids.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// Reads a corpus back from [`Corpus::to_json`].
    ///
    /// # Errors
    /// [`Error::Json`] when the JSON does not hold a corpus.
    pub fn from_json(json: &str) -> Result<Corpus, Error> {
        serde_json::from_str(json).map_err(|e| Error::Json { message: e.to_string() })
    }

    /// Read, extracted, with warnings, failed.
    pub fn counts(&self) -> Counts {
        Counts {
            read: self.docs.len() + self.errors.len(),
            extracted: self.docs.len(),
            with_warnings: self.summaries.iter().filter(|d| d.warnings > 0).count(),
            failed: self.errors.len(),
        }
    }

    /// Reconciles everything added so far.
    pub fn report(&self) -> CorpusReport {
        let mut r = self.report_without_documents();
        r.documents = self.summaries.clone();
        r
    }

    /// The report without its per-document summaries (`documents` empty):
    /// what the text view reads, without a copy of every summary (tens of MB
    /// on a collection of 50,000 articles).
    pub fn report_without_documents(&self) -> CorpusReport {
        let claims = claims::claims(&self.docs);
        let (implied, implied_groups) = implied::implied(&self.docs, &claims);
        let claims = claims.claims;
        let mut warnings: HashMap<&str, usize> = HashMap::new();
        for d in &self.summaries {
            let mut codes: Vec<&str> = d.warning_codes.iter().map(String::as_str).collect();
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                *warnings.entry(c).or_default() += 1;
            }
        }
        let mut warnings: Vec<(String, usize)> = warnings.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        warnings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let meetings = meetings::merge(&self.docs);
        let findings = findings::findings(&claims, &implied, &implied_groups, &meetings);
        CorpusReport {
            counts: self.counts(),
            findings,
            warnings,
            documents: Vec::new(),
            errors: self.errors.clone(),
            meetings,
            claims,
            implied,
            implied_groups,
            commitments: commitments::merge(&self.docs),
            partnerships: partnerships::partnerships(&self.docs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_of_that_document() {
        let opts = Options::with_id("x");
        let e = guarded(&opts, || panic!("index out of bounds")).unwrap_err();
        assert_eq!((e.id.as_deref(), e.code.as_str()), (Some("x"), "internal"));
        assert!(e.message.contains("index out of bounds"));
        let e = guarded(&opts, || Err(Error::InvalidDate { value: "x".into() })).unwrap_err();
        assert_eq!(e.code, "invalid_date");
    }

    #[test]
    fn ids_are_unique() {
        let mut c = Corpus::new();
        for id in [Some("a"), Some("a"), None, Some("a#2"), Some("doc2")] {
            c.add(Document { id: id.map(String::from), ..Document::default() });
        }
        let ids: Vec<&str> = c.documents().iter().filter_map(|d| d.id.as_deref()).collect();
        assert_eq!(ids, ["a", "a#2", "doc2", "a#2#2", "doc2#2"]);
        assert_eq!(c.counts().with_warnings, 3);
        assert_eq!(c.summaries().len(), 5);
    }

    #[test]
    fn texts_are_kept_only_when_asked_and_only_with_records() {
        let text = "Năm 2025, Việt Nam ký kết 350 thỏa thuận hợp tác.";
        let items = vec![(text.to_string(), Options::with_id("a").date("2025-12-30")), ("Trời mưa.".to_string(), Options::with_id("b"))];
        let mut c = Corpus::new();
        c.add_texts(&items);
        assert!(c.texts().kept.is_empty());
        let mut c = Corpus::new();
        c.keep_texts(1 << 20);
        c.add_texts(&items);
        c.add_texts(&items[..1]);
        let kept: Vec<(&str, Option<&str>)> = c.texts().kept.iter().map(|k| (k.id.as_str(), k.date.as_deref())).collect();
        assert_eq!(kept, [("a", Some("2025-12-30")), ("a#2", Some("2025-12-30"))]);
        assert_eq!(c.texts().kept[0].text, text);
        let back = Corpus::from_json(&c.to_json()).unwrap();
        assert_eq!(back.texts(), c.texts());
    }
}
