//! Items of a batch as Python passes them, read one at a time so that a bad
//! one costs only itself.
//!
//! An item is a text (`str` or UTF-8 `bytes`), or a tuple or list `(text,
//! id)` / `(text, id, date)`. Anything else — a `None` text, an `int` date,
//! a lone surrogate in a `str` (it has no UTF-8 form, and replacing it would
//! shift every offset after it) — is an `invalid_argument` error for that
//! item, with its index. A bare `str` or `bytes` where the list of items is
//! expected is a `TypeError`: iterating it would make each character a document.

use diplo_core::Options;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

/// Text or bytes from Python, copied so Rust can work without the GIL.
pub enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

/// One item of a batch: a job, or why it is not one.
pub enum Item {
    Job { input: Input, opts: Options },
    Bad { id: Option<String>, message: String },
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// The code point index of the first lone surrogate of a `str`, if it has one.
fn lone_surrogate(s: &Bound<'_, PyString>) -> Option<usize> {
    if s.to_cow().is_ok() {
        return None;
    }
    // "surrogatepass" spells a surrogate as the three bytes ED A0..BF xx.
    let bytes = s.call_method1("encode", ("utf-8", "surrogatepass")).ok()?;
    let bytes = bytes.cast::<PyBytes>().ok()?.as_bytes();
    let mut chars = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0xED && bytes.get(i + 1).is_some_and(|n| (0xA0..=0xBF).contains(n)) {
            return Some(chars);
        }
        chars += 1;
        i += match b {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    Some(chars)
}

/// A text argument: `str` (without lone surrogates) or `bytes`.
pub fn input(obj: &Bound<'_, PyAny>) -> Result<Input, String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_cow() {
            Ok(t) => Ok(Input::Text(t.into_owned())),
            Err(_) => {
                let at = lone_surrogate(s).unwrap_or(0);
                Err(format!("the text has a lone surrogate at index {at}, which has no UTF-8 form; remove or replace it first (e.g. text.encode('utf-8', 'replace').decode('utf-8'))"))
            }
        };
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    Err(format!("the text must be str or bytes, not {}", type_name(obj)))
}

/// An optional string argument (`id`, `date`).
fn opt_str(obj: Option<Bound<'_, PyAny>>, what: &str) -> Result<Option<String>, String> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => match o.cast::<PyString>() {
            Ok(s) => s.to_cow().map(|c| Some(c.into_owned())).map_err(|_| format!("the {what} has a lone surrogate, which has no UTF-8 form")),
            Err(_) => Err(format!("the {what} must be str or None, not {}", type_name(&o))),
        },
    }
}

/// Reads one item.
pub fn item(obj: &Bound<'_, PyAny>, lossy: bool) -> Item {
    let parts: Option<Vec<Bound<'_, PyAny>>> = if obj.is_instance_of::<PyTuple>() || obj.is_instance_of::<PyList>() {
        obj.try_iter().ok().map(|it| it.filter_map(Result::ok).collect())
    } else {
        None
    };
    let (text, id, date) = match parts {
        None => (obj.clone(), None, None),
        Some(p) if (1..=3).contains(&p.len()) => {
            let mut it = p.into_iter();
            let text = it.next().expect("checked length");
            (text, it.next(), it.next())
        }
        Some(p) => {
            return Item::Bad { id: None, message: format!("an item must be a text or (text, id[, date]), not a sequence of {}", p.len()) };
        }
    };
    let id = match opt_str(id, "id") {
        Ok(id) => id,
        Err(message) => return Item::Bad { id: None, message },
    };
    let date = match opt_str(date, "date") {
        Ok(d) => d,
        Err(message) => return Item::Bad { id, message },
    };
    match input(&text) {
        Ok(input) => Item::Job { input, opts: Options { id, date, lossy, ..Options::default() } },
        Err(message) => Item::Bad { id, message },
    }
}

/// Reads every item of `items`, refusing a bare `str`/`bytes` (a list was meant).
pub fn items(items: &Bound<'_, PyAny>, lossy: bool, what: &str) -> PyResult<Vec<Item>> {
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "{what} expects an iterable of texts or (text, id, date) tuples, not a single {}; wrap one text in a list: [text]",
            type_name(items)
        )));
    }
    let it = items.try_iter().map_err(|_| PyTypeError::new_err(format!("{what} expects an iterable of texts or (text, id, date) tuples, not {}", type_name(items))))?;
    let mut out = Vec::new();
    for x in it {
        out.push(item(&x?, lossy));
    }
    Ok(out)
}
