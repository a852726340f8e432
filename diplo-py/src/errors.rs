//! All mapping from Rust errors and panics to Python exceptions lives here.

use diplo_core::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Builds a `diplo.errors.DiploError` (a `ValueError`) with `.code` and `.span`.
pub fn to_py(py: Python<'_>, code: &str, message: &str, span: Option<(usize, usize)>) -> PyErr {
    error_for(py, code, message, span, None, None)
}

/// A `DiploError` for one document of a batch: its id and its index in the batch.
pub fn error_for(py: Python<'_>, code: &str, message: &str, span: Option<(usize, usize)>, document_id: Option<&str>, index: Option<usize>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("diplo.errors")?.getattr("DiploError")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("document_id", document_id)?;
        kwargs.set_item("index", index)?;
        let value = cls.call((message, code, span), Some(&kwargs))?;
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|e| e)
}

/// Maps a diplo-core error.
pub fn from_core(py: Python<'_>, e: &Error) -> PyErr {
    to_py(py, e.code(), &e.to_string(), e.span())
}

/// Runs `f`, turning a panic into an `internal` error instead of a `PanicException`.
pub fn no_panic<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<Result<T, Error>, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".into())
    })
}
