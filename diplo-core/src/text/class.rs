//! Character classes without Unicode table searches for the letters diplo
//! reads most: every character below U+2000 (ASCII, Latin-1, the Latin
//! extensions of Vietnamese spelling) is looked up in a table built once from
//! the standard library's own answers, so each function equals its `char`
//! method for every character.

use std::sync::LazyLock;

const ALNUM: u8 = 1;
const ALPHA: u8 = 2;
const UPPER: u8 = 4;

/// Below U+2000: all of Vietnamese, Latin, Greek and Cyrillic.
const TABLE_LEN: usize = 0x2000;

static TABLE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..TABLE_LEN as u32)
        .map(|u| {
            char::from_u32(u).map_or(0, |c| {
                (u8::from(c.is_alphanumeric()) * ALNUM) | (u8::from(c.is_alphabetic()) * ALPHA) | (u8::from(c.is_uppercase()) * UPPER)
            })
        })
        .collect()
});

#[inline]
fn flags(c: char) -> Option<u8> {
    TABLE.get(c as usize).copied()
}

/// `char::is_alphanumeric`.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    flags(c).map_or_else(|| c.is_alphanumeric(), |f| f & ALNUM != 0)
}

/// `char::is_alphabetic`.
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c).map_or_else(|| c.is_alphabetic(), |f| f & ALPHA != 0)
}

/// `char::is_uppercase`.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    flags(c).map_or_else(|| c.is_uppercase(), |f| f & UPPER != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_to_the_char_methods_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }
}
