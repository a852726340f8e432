//! The text layer: decoding bytes, normalising with an offset map back to the
//! caller's text, code point offsets, and an accent-folded form for lookups.

mod boundary;
mod chars;
mod class;
mod decode;
mod find;
mod fold;
mod normalize;
mod offsets;

pub use boundary::{ceil_char, floor_char, next_word_start};
pub use chars::CharIndex;
pub use class::{is_alnum, is_alpha, is_upper};
pub use decode::decode;
pub(crate) use find::{find_all, find_str};
pub use fold::fold;
pub use normalize::{lowercase_same_len, normalize, Normalized};
pub use offsets::OffsetMap;
