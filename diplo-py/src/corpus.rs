//! `Corpus`: many documents reconciled, with the work done in Rust.

use crate::errors::{error_for, from_core, no_panic};
use crate::items::{self, Input, Item};
use diplo_core::corpus::{extract_guarded, render_text, Corpus, DocumentError};
use diplo_core::text::decode;
use diplo_core::{extract_bytes, Document, Options};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::PathBuf;

/// Documents added so far (records only) and their reconciliation.
#[pyclass(name = "Corpus", module = "diplo._diplo")]
#[derive(Default)]
pub struct PyCorpus {
    inner: Corpus,
}

fn bad(index: usize, id: Option<String>, message: &str) -> DocumentError {
    DocumentError { id, code: "invalid_argument".into(), message: format!("item {index}: {message}"), file: None, line: None, index: Some(index) }
}

/// Extracts one job, turning errors and panics into a [`DocumentError`].
fn run(input: &Input, opts: &Options) -> Result<Document, DocumentError> {
    match input {
        Input::Text(t) => extract_guarded(t, opts),
        Input::Bytes(b) => match no_panic(|| extract_bytes(b, opts)) {
            Ok(Ok(d)) => Ok(d),
            Ok(Err(e)) => Err(DocumentError { id: opts.id.clone(), code: e.code().into(), message: e.to_string(), file: None, line: None, index: None }),
            Err(p) => Err(DocumentError { id: opts.id.clone(), code: "internal".into(), message: format!("internal error: {p}"), file: None, line: None, index: None }),
        },
    }
}

/// The text a document was extracted from, when the corpus keeps texts
/// (bytes decoded again, as `extract_bytes` did).
fn text_of(input: &Input, lossy: bool) -> Option<String> {
    match input {
        Input::Text(t) => Some(t.clone()),
        Input::Bytes(b) => decode(b, lossy).ok().map(|(t, _)| t),
    }
}

fn to_error(py: Python<'_>, e: &DocumentError) -> Py<PyAny> {
    error_for(py, &e.code, &e.message, None, e.id.as_deref(), e.index).into_value(py).into_any()
}

/// Adds a document, with its text when there is one to keep.
fn add(inner: &mut Corpus, doc: Document, text: Option<String>, date: Option<&str>) {
    match text {
        Some(t) => inner.add_with_text(doc, &t, date),
        None => inner.add(doc),
    }
}

#[pymethods]
impl PyCorpus {
    /// `keep_texts`: keep the texts of documents with records, up to this
    /// many bytes, for a page that shows them (0: keep none).
    #[new]
    #[pyo3(signature = (*, keep_texts=0))]
    fn new(keep_texts: usize) -> Self {
        let mut c = PyCorpus::default();
        c.inner.keep_texts(keep_texts);
        c
    }

    /// Extracts one text (str or UTF-8 bytes) and adds it; raises DiploError on bad input
    /// (the error is also kept for the report).
    #[pyo3(signature = (text, *, id=None, date=None, lossy=false))]
    fn add_text(&mut self, py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<String>, date: Option<String>, lossy: bool) -> PyResult<()> {
        let input = match items::input(text) {
            Ok(i) => i,
            Err(message) => {
                let e = DocumentError { id, code: "invalid_argument".into(), message, file: None, line: None, index: None };
                self.inner.record(e.clone());
                return Err(error_for(py, &e.code, &e.message, None, e.id.as_deref(), None));
            }
        };
        let opts = Options { id, date, lossy, ..Options::default() };
        let inner = &mut self.inner;
        let keep = inner.texts().budget > 0;
        let res = py.detach(|| run(&input, &opts).map(|d| (d, if keep { text_of(&input, lossy) } else { None })));
        match res {
            Ok((doc, text)) => {
                add(inner, doc, text, opts.date.as_deref());
                Ok(())
            }
            Err(e) => {
                inner.record(e.clone());
                Err(error_for(py, &e.code, &e.message, None, e.id.as_deref(), None))
            }
        }
    }

    /// Extracts many items in parallel with the GIL released. Each item is a
    /// text, `(text, id)` or `(text, id, date)`; `start` is the index of the
    /// first (for batches of a longer stream). Returns a `DiploError` for
    /// each item that failed (also kept for the report); the rest are added.
    #[pyo3(signature = (items, *, lossy=false, start=0))]
    fn add_texts(&mut self, py: Python<'_>, items: &Bound<'_, PyAny>, lossy: bool, start: usize) -> PyResult<Vec<Py<PyAny>>> {
        let items = items::items(items, lossy, "Corpus.add_texts")?;
        let keep = self.inner.texts().budget > 0;
        // Each item: its document, its text when the corpus keeps texts, its date.
        type Extracted = (Document, Option<String>, Option<String>);
        let results: Vec<Result<Extracted, DocumentError>> = py.detach(|| {
            use rayon::prelude::*;
            items
                .par_iter()
                .enumerate()
                .map(|(i, it)| match it {
                    Item::Job { input, opts } => run(input, opts)
                        .map(|d| (d, if keep { text_of(input, lossy) } else { None }, opts.date.clone()))
                        .map_err(|mut e| {
                            e.index = Some(start + i);
                            e
                        }),
                    Item::Bad { id, message } => Err(bad(start + i, id.clone(), message)),
                })
                .collect()
        });
        let mut failed = Vec::new();
        for r in results {
            match r {
                Ok((doc, text, date)) => add(&mut self.inner, doc, text, date.as_deref()),
                Err(e) => {
                    failed.push(to_error(py, &e));
                    self.inner.record(e);
                }
            }
        }
        Ok(failed)
    }

    /// Reads every article under the paths (folders recursively: *.txt,
    /// *.jsonl), extracting in batches with the GIL released. `progress`,
    /// when given, is called with the number of articles read so far after
    /// each batch (an exception it raises is raised at the end). Returns the
    /// paths a folder walk passed over, with why.
    #[pyo3(signature = (paths, *, date=None, lossy=false, progress=None))]
    fn add_files(&mut self, py: Python<'_>, paths: Vec<PathBuf>, date: Option<String>, lossy: bool, progress: Option<Py<PyAny>>) -> PyResult<Vec<(PathBuf, String)>> {
        let base = Options { date, lossy, ..Options::default() };
        let inner = &mut self.inner;
        let mut raised: Option<PyErr> = None;
        let walk = py.detach(|| {
            inner.add_files(&paths, &base, &mut |n| {
                if let (Some(cb), None) = (&progress, &raised) {
                    raised = Python::attach(|py| cb.call1(py, (n,)).err());
                }
            })
        });
        match raised {
            Some(e) => Err(e),
            None => Ok(walk.skipped),
        }
    }

    /// Adds a document already extracted (its JSON, as `Document.to_json()`
    /// gives), and the text it was extracted from when known (kept as for
    /// the other ways in, with the document's date as the hint).
    #[pyo3(signature = (json, text=None))]
    fn add_document_json(&mut self, json: &str, text: Option<String>) -> PyResult<()> {
        let doc = Document::from_json(json).map_err(|e| Python::attach(|py| from_core(py, &e)))?;
        let date = doc.date.clone();
        add(&mut self.inner, doc, text, date.as_deref());
        Ok(())
    }

    /// The texts kept (see `keep_texts`): `(id, date hint, text)` for each.
    fn kept_texts(&self) -> Vec<(String, Option<String>, String)> {
        self.inner.texts().kept.iter().map(|k| (k.id.clone(), k.date.clone(), k.text.clone())).collect()
    }

    /// `(budget, bytes used, texts kept, documents with records past the budget)`.
    fn texts_info(&self) -> (usize, usize, usize, usize) {
        let t = self.inner.texts();
        (t.budget, t.used, t.kept.len(), t.over_budget)
    }

    /// The reconciled corpus as JSON.
    fn report_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.report().to_json())
    }

    /// The reconciled corpus as the readable report of `python -m diplo report`.
    fn report_text(&self, py: Python<'_>) -> String {
        py.detach(|| render_text(&self.inner.report_without_documents()))
    }

    /// Flat tables: a list of `(name, header, rows)`.
    fn tables(&self, py: Python<'_>) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
        let r = py.detach(|| self.inner.report());
        r.tables().into_iter().map(|t| (t.name.to_string(), t.header.iter().map(|h| h.to_string()).collect(), t.rows)).collect()
    }

    /// `(read, extracted, with_warnings, failed)`.
    fn counts(&self) -> (usize, usize, usize, usize) {
        let c = self.inner.counts();
        (c.read, c.extracted, c.with_warnings, c.failed)
    }

    /// The level Vietnam held with `partner` (a code such as "JP") on `date`
    /// (YYYY-MM-DD), as JSON (null when no article reports one by then).
    fn level_on_json(&self, py: Python<'_>, partner: &str, date: &str) -> String {
        py.detach(|| {
            let r = self.inner.report();
            serde_json::to_string(&r.level_on(partner, date)).unwrap_or_else(|_| "null".into())
        })
    }

    /// The corpus state (records, errors, ids) as JSON bytes, for pickling.
    fn __getstate__<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let json = py.detach(|| self.inner.to_json());
        PyBytes::new(py, json.as_bytes())
    }

    fn __setstate__(&mut self, py: Python<'_>, state: &[u8]) -> PyResult<()> {
        let json = std::str::from_utf8(state).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        self.inner = Corpus::from_json(json).map_err(|e| from_core(py, &e))?;
        Ok(())
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }
}
