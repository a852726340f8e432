//! From text to a [`Document`]: the pipeline that runs every extractor.

mod commitments;
mod context;
mod meetings;
mod metrics;
mod people;

pub(crate) use context::Context;

use crate::lang::Date;
use crate::records::{Document, Paragraph, Warning};
use crate::text::decode;
use crate::{Error, Options};
use rayon::prelude::*;

/// Extracts every record from one article.
///
/// # Errors
/// [`Error::InvalidDate`] for a date hint that is not a real `YYYY-MM-DD`
/// date; [`Error::TooLarge`] beyond [`Options::max_bytes`];
/// [`Error::Internal`] if a bug in a stage panics on this text (the panic is
/// caught here so that a batch or a corpus loses this document only).
pub fn extract(text: &str, opts: &Options) -> Result<Document, Error> {
    // The pipeline only reads `text` and `opts` and builds a fresh Document,
    // so nothing shared is left half-updated when a stage unwinds.
    guarded(|| extract_unguarded(text, opts))
}

/// Runs `f`, turning a panic into [`Error::Internal`] with its message.
fn guarded<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|payload| Err(Error::Internal { message: panic_message(payload.as_ref()) }))
}

/// The text of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic without a message".to_string())
}

fn extract_unguarded(text: &str, opts: &Options) -> Result<Document, Error> {
    if text.len() > opts.max_bytes {
        return Err(Error::TooLarge { len: text.len(), limit: opts.max_bytes });
    }
    let hint = match opts.date.as_deref() {
        Some(s) => Some(Date::parse_iso(s).ok_or_else(|| Error::InvalidDate { value: s.to_string() })?),
        None => None,
    };
    let ctx = Context::new(text, hint);
    let st = &ctx.structure;
    let paragraphs = st
        .lines
        .iter()
        .map(|l| {
            let (start, end) = ctx.char_range(l.range.clone());
            Paragraph { kind: l.role.kind(), start, end }
        })
        .collect();
    let mut warnings: Vec<Warning> = Vec::new();
    let commitments = commitments::extract(&ctx, &mut warnings);
    Ok(Document {
        id: opts.id.clone(),
        title: st.title.clone().map(|r| ctx.text()[r].to_string()),
        date: ctx.doc_date.map(|d| d.iso()),
        source_url: st.source_url.clone(),
        author: st.author.clone().map(|r| ctx.text()[r].to_string()),
        meetings: meetings::extract(&ctx),
        metrics: metrics::extract(&ctx),
        commitments,
        warnings,
        paragraphs,
    })
}

/// Extracts from bytes: UTF-8 with or without BOM; invalid bytes are an
/// error, or replaced with a warning when [`Options::lossy`] is set.
///
/// # Errors
/// As [`extract`], plus [`Error::InvalidUtf8`].
pub fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    if bytes.len() > opts.max_bytes {
        return Err(Error::TooLarge { len: bytes.len(), limit: opts.max_bytes });
    }
    let (text, warnings) = guarded(|| decode(bytes, opts.lossy))?;
    let mut doc = extract(&text, opts)?;
    doc.warnings.splice(0..0, warnings);
    Ok(doc)
}

/// Extracts many texts in parallel; one result per input, in order, so one
/// bad document never loses the others.
pub fn extract_many(items: &[(String, Options)]) -> Vec<Result<Document, Error>> {
    items.par_iter().map(|(text, opts)| extract(text, opts)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_with_its_message() {
        let r: Result<(), Error> = guarded(|| panic!("slice {} > {}", 5, 3));
        assert_eq!(r, Err(Error::Internal { message: "slice 5 > 3".into() }));
        assert_eq!(r.unwrap_err().code(), "internal");
        let r: Result<(), Error> = guarded(|| std::panic::panic_any(7_u8));
        assert_eq!(r, Err(Error::Internal { message: "panic without a message".into() }));
        assert_eq!(guarded(|| Ok(3)), Ok(3));
    }
}
