//! What the caller tells diplo about a document.

/// Options for one extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The document's id, copied to [`crate::Document::id`].
    pub id: Option<String>,
    /// Publication date hint, `YYYY-MM-DD`; resolves "năm qua", "22/7" and the like.
    pub date: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.
    pub lossy: bool,
    /// Documents longer than this many bytes are refused with [`crate::Error::TooLarge`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { id: None, date: None, lossy: false, max_bytes: 128 * 1024 * 1024 }
    }
}

impl Options {
    /// Options with an id.
    pub fn with_id(id: impl Into<String>) -> Self {
        Options { id: Some(id.into()), ..Options::default() }
    }

    /// The same options with a date hint.
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }
}
