//! diplo-core: typed records from Vietnamese economic-diplomacy reporting.
//!
//! diplo reads a news article and returns the **meetings**, **commitments**
//! and **metrics** it reports, each with the exact evidence span, following
//! the contract in `RECORDS.md`. The text flows through these stages:
//!
//! 1. [`text`]: decode bytes, normalise (NFC, tone marks, spaces, HTML
//!    remnants) with an offset map back to the caller's text;
//! 2. [`structure`]: header line, title, body, captions, bylines, furniture;
//! 3. [`lang`]: sentences, quantities, dates and periods;
//! 4. [`lexicon`]: partners, titles, indicators and other tables as data;
//! 5. `extract`: records;
//! 6. [`corpus`]: many documents reconciled.
//!
//! ```
//! use diplo_core::{extract, Options};
//!
//! let text = "Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.";
//! let doc = extract(text, &Options::with_id("demo")).unwrap();
//! let m = &doc.metrics[0];
//! assert_eq!(m.value, 350.0);
//! assert_eq!(&text[m.evidence.bytes()], m.evidence.text);
//! ```


pub mod corpus;
mod error;
mod extract;
pub mod lang;
pub mod lexicon;
mod options;
pub mod records;
pub mod structure;
pub mod text;

pub use error::Error;
pub use extract::{extract, extract_bytes, extract_many};
pub use options::Options;
pub use records::*;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
