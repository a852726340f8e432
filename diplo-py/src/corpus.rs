//! `Corpus`: many documents reconciled, with the work done in Rust.

use crate::errors::{from_core, no_panic, to_py};
use diplo_core::corpus::{render_text, Corpus};
use diplo_core::{Document, Options};
use pyo3::prelude::*;

/// Documents added so far (records only) and their reconciliation.
#[pyclass(name = "Corpus", module = "diplo._diplo")]
#[derive(Default)]
pub struct PyCorpus {
    inner: Corpus,
}

#[pymethods]
impl PyCorpus {
    #[new]
    fn new() -> Self {
        PyCorpus::default()
    }

    /// Extracts one text (str or UTF-8 bytes) and adds it; raises DiploError on bad input.
    #[pyo3(signature = (text, *, id=None, date=None, lossy=false))]
    fn add_text(&mut self, py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<String>, date: Option<String>, lossy: bool) -> PyResult<()> {
        let json = crate::extract::extract_json(py, text, id.clone(), date, lossy);
        match json {
            Ok(j) => self.add_document_json(&j),
            Err(e) => {
                let code = e.value(py).getattr("code").ok().and_then(|c| c.extract::<String>().ok()).unwrap_or_else(|| "internal".into());
                self.inner.record_failure(id, &code, &e.value(py).to_string());
                Err(e)
            }
        }
    }

    /// Extracts many `(text, id, date)` items in parallel with the GIL released;
    /// documents that fail are recorded as errors and the rest are added.
    #[pyo3(signature = (items, *, lossy=false))]
    fn add_texts(&mut self, py: Python<'_>, items: Vec<(String, Option<String>, Option<String>)>, lossy: bool) -> PyResult<()> {
        let jobs: Vec<(String, Options)> = items.into_iter().map(|(t, id, date)| (t, Options { id, date, lossy, ..Options::default() })).collect();
        let inner = &mut self.inner;
        let outcome = py.detach(|| no_panic(|| {
            inner.add_texts(&jobs);
            Ok(())
        }));
        match outcome {
            Ok(_) => Ok(()),
            Err(p) => Err(to_py(py, "internal", &format!("internal error: {p}"), None)),
        }
    }

    /// Adds a document already extracted (its JSON, as `Document.to_json()` gives).
    fn add_document_json(&mut self, json: &str) -> PyResult<()> {
        let doc = Document::from_json(json).map_err(|e| Python::attach(|py| from_core(py, &e)))?;
        self.inner.add(doc);
        Ok(())
    }

    /// The reconciled corpus as JSON.
    fn report_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.report().to_json())
    }

    /// The reconciled corpus as the readable report of `python -m diplo report`.
    fn report_text(&self, py: Python<'_>) -> String {
        py.detach(|| render_text(&self.inner.report()))
    }

    /// Flat tables: a list of `(name, header, rows)`.
    fn tables(&self, py: Python<'_>) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
        let r = py.detach(|| self.inner.report());
        r.tables().into_iter().map(|t| (t.name.to_string(), t.header.iter().map(|h| h.to_string()).collect(), t.rows)).collect()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }
}
