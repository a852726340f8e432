//! The Vietnamese language layer: sentences, quantities, dates and periods.
//!
//! Each parser works on normalised text (see [`crate::text::normalize`]) and
//! returns byte ranges into it. They are public so analysts can use them alone.

mod date;
mod numwords;
#[cfg(test)]
mod oracle;
mod qualifier;
mod quantity;
mod sentences;
mod temporal;
mod windows;
mod words;
mod year_context;

pub use date::{day_month_valid, days_in_month, Date};
pub use numwords::words_value;
pub use quantity::{find_quantities, find_quantities_with, parse_digits, Quantity};
pub use sentences::{split_sentences, split_sentences_in, Sentence};
pub use temporal::{find_temporals, find_temporals_lower, tod, Relative, Temporal};
pub(crate) use quantity::find_quantities_in;
pub(crate) use temporal::find_temporals_in;
pub(crate) use windows::DigitWindows;
