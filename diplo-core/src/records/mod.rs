//! The output contract of `../shared/spec/RECORDS.md` as plain Rust types.
//!
//! Field names and enum values are the JSON contract: serde renames nothing
//! but enum variants (to `snake_case`). Every record that quotes the text
//! carries an [`Evidence`]: the quoted text, code-point offsets for JSON and
//! Python, and byte offsets for Rust, all into the text as the caller passed it.

mod commitment;
mod document;
mod evidence;
mod meeting;
mod metric;
mod person;

pub use commitment::{Commitment, CommitmentKind, DocumentKind, DocumentRef, Partner, PartnerKind, PartnershipLevel, Status};
pub use document::{Document, Paragraph, ParagraphKind, Warning};
pub use evidence::{Evidence, Mention, Source};
pub use meeting::{BridgePoint, Format, Meeting, MeetingKind, TimeOfDay};
pub use metric::{Comparison, ComparisonKind, Direction, Indicator, Metric, Period, Qualifier, Unit};
pub use person::Person;
