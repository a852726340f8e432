//! `extract_json` and `extract_batch_json`: documents as contract JSON.

use crate::errors::{from_core, no_panic, to_py};
use diplo_core::{extract_bytes, Options};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// Text or bytes from Python, copied so Rust can work without the GIL.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

fn input(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(s) = obj.cast::<PyString>() {
        // Lone surrogates cannot be UTF-8: encode them replaced, like bad bytes.
        return match s.to_cow() {
            Ok(t) => Ok(Input::Text(t.into_owned())),
            Err(_) => Ok(Input::Bytes(s.to_string_lossy().into_owned().into_bytes())),
        };
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    Err(pyo3::exceptions::PyTypeError::new_err("text must be str or bytes"))
}

fn run(inp: &Input, opts: &Options) -> Result<String, diplo_core::Error> {
    let doc = match inp {
        Input::Text(t) => diplo_core::extract(t, opts)?,
        Input::Bytes(b) => extract_bytes(b, opts)?,
    };
    Ok(doc.to_json())
}

/// Extracts one document and returns it as the contract's JSON.
#[pyfunction]
#[pyo3(signature = (text, *, id=None, date=None, lossy=false))]
pub fn extract_json(py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<String>, date: Option<String>, lossy: bool) -> PyResult<String> {
    let inp = input(text)?;
    let opts = Options { id, date, lossy, ..Options::default() };
    match py.detach(|| no_panic(|| run(&inp, &opts))) {
        Ok(Ok(json)) => Ok(json),
        Ok(Err(e)) => Err(from_core(py, &e)),
        Err(panic) => Err(to_py(py, "internal", &format!("internal error: {panic}"), None)),
    }
}

/// Decodes bytes as `extract_json` does (BOM dropped, strict or lossy UTF-8),
/// so Python can keep the very text that evidence offsets point into.
#[pyfunction]
#[pyo3(signature = (data, *, lossy=false))]
pub fn decode(py: Python<'_>, data: &[u8], lossy: bool) -> PyResult<String> {
    match diplo_core::text::decode(data, lossy) {
        Ok((text, _)) => Ok(text),
        Err(e) => Err(from_core(py, &e)),
    }
}

/// Extracts many documents in parallel. Each item is `(text, id, date)`;
/// each result is either the JSON string or a `DiploError` instance, so one
/// bad document never loses the others.
#[pyfunction]
#[pyo3(signature = (items, *, lossy=false))]
pub fn extract_batch_json(py: Python<'_>, items: Vec<(Bound<'_, PyAny>, Option<String>, Option<String>)>, lossy: bool) -> PyResult<Vec<Py<PyAny>>> {
    let jobs: Vec<(PyResult<Input>, Options)> = items
        .iter()
        .map(|(t, id, date)| (input(t), Options { id: id.clone(), date: date.clone(), lossy, ..Options::default() }))
        .collect();
    let results: Vec<Option<Result<Result<String, diplo_core::Error>, String>>> = py.detach(|| {
        use rayon::prelude::*;
        jobs.par_iter().map(|(inp, opts)| inp.as_ref().ok().map(|i| no_panic(|| run(i, opts)))).collect()
    });
    let mut out = Vec::with_capacity(results.len());
    for ((inp, _), res) in jobs.iter().zip(results) {
        let obj: Py<PyAny> = match (inp, res) {
            (Err(e), _) => to_py(py, "invalid_input", &e.to_string(), None).into_value(py).into_any(),
            (_, Some(Ok(Ok(json)))) => PyString::new(py, &json).into_any().unbind(),
            (_, Some(Ok(Err(e)))) => from_core(py, &e).into_value(py).into_any(),
            (_, _) => to_py(py, "internal", "internal error", None).into_value(py).into_any(),
        };
        out.push(obj);
    }
    Ok(out)
}
