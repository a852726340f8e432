//! Errors, each with a stable snake_case code that Python exposes as `.code`.

/// Everything that can go wrong when diplo reads a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Bytes that are not UTF-8 (and lossy decoding was not asked for).
    #[error("invalid UTF-8 at byte offset {offset}; pass lossy=True to replace bad bytes")]
    InvalidUtf8 { offset: usize },
    /// Bytes announced as UTF-16 by their byte order mark with an unpaired surrogate.
    #[error("invalid UTF-16 at byte offset {offset}; pass lossy=True to replace bad units")]
    InvalidUtf16 { offset: usize },
    /// Bytes in a legacy Vietnamese encoding that could not be converted reliably.
    #[error("text looks like the legacy Vietnamese encoding {encoding}; convert it to UTF-8 first")]
    LegacyEncoding { encoding: String },
    /// A date hint that is not a real `YYYY-MM-DD` date.
    #[error("invalid date hint {value:?}: expected a real date as YYYY-MM-DD")]
    InvalidDate { value: String },
    /// A document beyond the size limit of [`crate::Options::max_bytes`].
    #[error("document of {len} bytes is over the limit of {limit} bytes")]
    TooLarge { len: usize, limit: usize },
    /// JSON that does not hold the expected record.
    #[error("invalid JSON: {message}")]
    Json { message: String },
    /// A file that could not be read.
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
    /// A bug in diplo met while reading this document (a caught panic). The
    /// document is lost, never the batch or corpus it came with.
    #[error("internal error while extracting this document: {message}")]
    Internal { message: String },
}

impl Error {
    /// The stable code of this error, e.g. `invalid_utf8`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::InvalidUtf16 { .. } => "invalid_utf16",
            Error::LegacyEncoding { .. } => "legacy_encoding",
            Error::InvalidDate { .. } => "invalid_date",
            Error::TooLarge { .. } => "too_large",
            Error::Json { .. } => "invalid_json",
            Error::Io { .. } => "io",
            Error::Internal { .. } => "internal",
        }
    }

    /// The byte span of the input the error is about, when it has one.
    pub fn span(&self) -> Option<(usize, usize)> {
        match self {
            Error::InvalidUtf8 { offset } => Some((*offset, *offset + 1)),
            Error::InvalidUtf16 { offset } => Some((*offset, *offset + 2)),
            _ => None,
        }
    }
}
