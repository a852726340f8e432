//! The language layer's parsers for analysts who want them alone.
//! Offsets returned here are code points into the text as passed.

use diplo_core::lang::{self, Date};
use diplo_core::text::{self as dtext, CharIndex};
use pyo3::prelude::*;
use pyo3::types::PyDict;

fn char_span(ci: &CharIndex<'_>, n: &dtext::Normalized<'_>, r: std::ops::Range<usize>) -> (usize, usize) {
    let o = n.map.range(r);
    (ci.char_offset(o.start), ci.char_offset(o.end))
}

/// Sets `text`, `start` and `end` of a match found in the normalised text:
/// the words as passed (sliced by bytes, so many matches stay linear) and
/// their code point offsets.
fn set_span(d: &Bound<'_, PyDict>, text: &str, ci: &CharIndex<'_>, n: &dtext::Normalized<'_>, r: std::ops::Range<usize>) -> PyResult<()> {
    let o = n.map.range(r);
    d.set_item("text", text.get(o.clone()).unwrap_or_default())?;
    d.set_item("start", ci.char_offset(o.start))?;
    d.set_item("end", ci.char_offset(o.end))
}

fn parse_date(py: Python<'_>, date: Option<&str>) -> PyResult<Option<Date>> {
    match date {
        None => Ok(None),
        Some(s) => Date::parse_iso(s)
            .map(Some)
            .ok_or_else(|| crate::errors::from_core(py, &diplo_core::Error::InvalidDate { value: s.to_string() })),
    }
}

/// Quantities in `text` as dicts: value, unit, qualifier, range_end, of_total, per, text, start, end.
#[pyfunction]
pub fn find_quantities<'py>(py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let n = dtext::normalize(text);
    let ci = CharIndex::new(text);
    let mut out = Vec::new();
    for q in lang::find_quantities(&n.text) {
        let d = PyDict::new(py);
        d.set_item("value", q.value)?;
        d.set_item("unit", q.unit.as_str())?;
        d.set_item("qualifier", format!("{:?}", q.qualifier).chars().fold(String::new(), |mut acc, c| {
            if c.is_uppercase() && !acc.is_empty() { acc.push('_'); }
            acc.extend(c.to_lowercase());
            acc
        }))?;
        d.set_item("range_end", q.range_end)?;
        d.set_item("of_total", q.of_total)?;
        d.set_item("per", q.per)?;
        set_span(&d, text, &ci, &n, q.range.clone())?;
        out.push(d);
    }
    Ok(out)
}

/// Dates and periods in `text` as dicts: date, end_date, start, end (period), year_inferred, time_of_day, text, span.
#[pyfunction]
#[pyo3(signature = (text, date=None))]
pub fn find_temporals<'py>(py: Python<'py>, text: &str, date: Option<&str>) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let doc = parse_date(py, date)?;
    let n = dtext::normalize(text);
    let ci = CharIndex::new(text);
    let mut out = Vec::new();
    for t in lang::find_temporals(&n.text, doc) {
        let d = PyDict::new(py);
        d.set_item("date", t.date)?;
        d.set_item("end_date", t.end_date)?;
        d.set_item("period_start", t.start.map(Date::iso))?;
        d.set_item("period_end", t.end.map(Date::iso))?;
        d.set_item("year_inferred", t.year_inferred)?;
        d.set_item("time_of_day", t.time_of_day.map(|x| serde_json::to_value(x).ok().and_then(|v| v.as_str().map(str::to_string))))?;
        set_span(&d, text, &ci, &n, t.range.clone())?;
        out.push(d);
    }
    Ok(out)
}

/// Sentences of `text` as (start, end) code point offsets.
#[pyfunction]
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let n = dtext::normalize(text);
    let ci = CharIndex::new(text);
    lang::split_sentences(&n.text).into_iter().map(|s| char_span(&ci, &n, s.range)).collect()
}

/// The normalised text diplo reads (NFC, modern tone marks, plain spaces).
#[pyfunction]
pub fn normalize(text: &str) -> String {
    dtext::normalize(text).text.into_owned()
}

/// Accent-folded lower-case form, for lookups only.
#[pyfunction]
pub fn fold(text: &str) -> String {
    dtext::fold(text)
}
