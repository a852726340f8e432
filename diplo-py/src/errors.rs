//! All mapping from Rust errors and panics to Python exceptions lives here.

use diplo_core::Error;
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Builds a `diplo.errors.DiploError` (a `ValueError`) with `.code` and `.span`.
pub fn to_py(py: Python<'_>, code: &str, message: &str, span: Option<(usize, usize)>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("diplo.errors")?.getattr("DiploError")?;
        let value = cls.call1((message, code, span))?;
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
