//! `extract_json` and `extract_batch_json`: documents as contract JSON.

use crate::errors::{error_for, from_core, no_panic, to_py};
use crate::items::{self, Input, Item};
use diplo_core::{extract_bytes, Options};
use pyo3::prelude::*;
use pyo3::types::PyString;

fn run(inp: &Input, opts: &Options) -> Result<String, diplo_core::Error> {
    let doc = match inp {
        Input::Text(t) => diplo_core::extract(t, opts)?,
        Input::Bytes(b) => extract_bytes(b, opts)?,
    };
    Ok(doc.to_json())
}

/// Extracts one document and returns it as the contract's JSON.
///
/// A text that is neither `str` nor `bytes` is a `TypeError`; a `str` with a
/// lone surrogate is a `DiploError` with code `invalid_argument`.
#[pyfunction]
#[pyo3(signature = (text, *, id=None, date=None, lossy=false))]
pub fn extract_json(py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<String>, date: Option<String>, lossy: bool) -> PyResult<String> {
    let inp = match items::input(text) {
        Ok(i) => i,
        Err(message) if text.is_instance_of::<PyString>() => return Err(error_for(py, "invalid_argument", &message, None, id.as_deref(), None)),
        Err(message) => return Err(pyo3::exceptions::PyTypeError::new_err(message)),
    };
    let opts = Options { id, date, lossy, ..Options::default() };
    match py.detach(|| no_panic(|| run(&inp, &opts))) {
        Ok(Ok(json)) => Ok(json),
        Ok(Err(e)) => Err(from_core(py, &e)),
        Err(panic) => Err(to_py(py, "internal", &format!("internal error: {panic}"), None)),
    }
}

/// Decodes bytes as `extract_json` does (BOM dropped, strict or lossy UTF-8,
/// UTF-16 with a BOM), so Python can keep the very text that evidence
/// offsets point into.
#[pyfunction]
#[pyo3(signature = (data, *, lossy=false))]
pub fn decode(py: Python<'_>, data: &[u8], lossy: bool) -> PyResult<String> {
    match diplo_core::text::decode(data, lossy) {
        Ok((text, _)) => Ok(text),
        Err(e) => Err(from_core(py, &e)),
    }
}

/// Extracts many documents in parallel. Each item is a text, `(text, id)` or
/// `(text, id, date)`; each result is the JSON string or a `DiploError`
/// instance (with `document_id` and `index`), so one bad item never loses
/// the others. A bare `str` instead of a list is a `TypeError`.
#[pyfunction]
#[pyo3(signature = (items, *, lossy=false))]
pub fn extract_batch_json(py: Python<'_>, items: &Bound<'_, PyAny>, lossy: bool) -> PyResult<Vec<Py<PyAny>>> {
    let items = items::items(items, lossy, "extract_batch")?;
    let results: Vec<Option<Result<Result<String, diplo_core::Error>, String>>> = py.detach(|| {
        use rayon::prelude::*;
        items
            .par_iter()
            .map(|it| match it {
                Item::Job { input, opts } => Some(no_panic(|| run(input, opts))),
                Item::Bad { .. } => None,
            })
            .collect()
    });
    let mut out = Vec::with_capacity(results.len());
    for (i, (it, res)) in items.iter().zip(results).enumerate() {
        let obj: Py<PyAny> = match (it, res) {
            (Item::Bad { id, message }, _) => error_for(py, "invalid_argument", &format!("item {i}: {message}"), None, id.as_deref(), Some(i)).into_value(py).into_any(),
            (Item::Job { opts, .. }, res) => {
                let id = opts.id.as_deref();
                match res {
                    Some(Ok(Ok(json))) => PyString::new(py, &json).into_any().unbind(),
                    Some(Ok(Err(e))) => error_for(py, e.code(), &e.to_string(), e.span(), id, Some(i)).into_value(py).into_any(),
                    Some(Err(panic)) => error_for(py, "internal", &format!("internal error: {panic}"), None, id, Some(i)).into_value(py).into_any(),
                    None => error_for(py, "internal", "internal error", None, id, Some(i)).into_value(py).into_any(),
                }
            }
        };
        out.push(obj);
    }
    Ok(out)
}

/// Articles extracted per parallel batch while streaming a file.
const FILE_BATCH: usize = 256;

/// What one article of a file gives: its JSON, or an error placed at its
/// file (and line, in a JSONL file).
fn file_result(py: Python<'_>, res: Result<String, diplo_core::corpus::DocumentError>) -> Py<PyAny> {
    match res {
        Ok(json) => PyString::new(py, &json).into_any().unbind(),
        Err(e) => {
            let message = e.located();
            error_for(py, &e.code, &message, None, e.id.as_deref(), None).into_value(py).into_any()
        }
    }
}

/// Extracts every article of one file, in order, calling `sink` with each
/// result (the JSON string, or a `DiploError` naming the file and line): a
/// `.txt` file is one article, a `.jsonl` file one article per line, read as
/// the corpus report reads them. Articles are extracted in parallel batches
/// and never all held at once, so a file of any size streams through.
#[pyfunction]
#[pyo3(signature = (path, sink, *, date=None, lossy=false))]
pub fn extract_file_json(py: Python<'_>, path: std::path::PathBuf, sink: Py<PyAny>, date: Option<String>, lossy: bool) -> PyResult<()> {
    use diplo_core::corpus::{extract_guarded, input, Entry};
    use rayon::prelude::*;
    let base = Options { date, lossy, ..Options::default() };
    let mut raised: Option<PyErr> = None;
    let mut pending: Vec<Entry> = Vec::new();
    let flush = |pending: &mut Vec<Entry>, raised: &mut Option<PyErr>| {
        let results: Vec<_> = pending
            .par_drain(..)
            .map(|e| match e {
                Entry::Failed(err) => Err(err),
                Entry::Article(a) => match extract_guarded(&a.text, &a.opts) {
                    Ok(mut doc) => {
                        doc.warnings.splice(0..0, a.warnings);
                        Ok(doc.to_json())
                    }
                    Err(mut err) => {
                        err.file = a.origin.file;
                        err.line = a.origin.line;
                        Err(err)
                    }
                },
            })
            .collect();
        Python::attach(|py| {
            for r in results {
                if raised.is_some() {
                    return;
                }
                *raised = sink.call1(py, (file_result(py, r),)).err();
            }
        });
    };
    py.detach(|| {
        input::read_file(&path, &base, &mut |e| {
            if raised.is_some() {
                return;
            }
            pending.push(e);
            if pending.len() >= FILE_BATCH {
                flush(&mut pending, &mut raised);
            }
        });
        if raised.is_none() {
            flush(&mut pending, &mut raised);
        }
    });
    raised.map_or(Ok(()), Err)
}
