//! diplo's compiled module, `diplo._diplo`: thin wrappers over diplo-core.
//!
//! Records cross the boundary as the contract's JSON; the Python package
//! (`python/diplo`) turns them into typed classes. Every call releases the
//! GIL while Rust works, and no panic reaches Python: it becomes a
//! `DiploError` with code `internal`.

mod corpus;
mod errors;
mod extract;
mod items;
mod lang;

use pyo3::prelude::*;

#[pymodule]
fn _diplo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add_function(wrap_pyfunction!(extract::extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract::extract_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract::extract_file_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract::decode, m)?)?;
    m.add_function(wrap_pyfunction!(lang::find_quantities, m)?)?;
    m.add_function(wrap_pyfunction!(lang::find_temporals, m)?)?;
    m.add_function(wrap_pyfunction!(lang::split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(lang::normalize, m)?)?;
    m.add_function(wrap_pyfunction!(lang::fold, m)?)?;
    Ok(())
}
