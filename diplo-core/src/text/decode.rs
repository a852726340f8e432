//! Bytes to text: UTF-8 with or without BOM, strict or lossy.

use crate::{Error, Warning};

/// Decodes `bytes` as UTF-8, dropping a leading BOM.
///
/// # Errors
/// [`Error::InvalidUtf8`] naming the first bad byte, unless `lossy`, in which
/// case bad bytes become U+FFFD and a warning says where the first one was.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<(String, Vec<Warning>), Error> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bom = bytes.len() - body.len();
    match std::str::from_utf8(body) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(e) if lossy => {
            let offset = bom + e.valid_up_to();
            let text = String::from_utf8_lossy(body).into_owned();
            let at = text[..].char_indices().take_while(|(i, _)| *i < e.valid_up_to()).count();
            let warning = Warning {
                code: "invalid_utf8_replaced".into(),
                message: format!("invalid UTF-8 from byte offset {offset} replaced with U+FFFD"),
                start: at,
                end: at + 1,
            };
            Ok((text, vec![warning]))
        }
        Err(e) => Err(Error::InvalidUtf8 { offset: bom + e.valid_up_to() }),
    }
}
