//! Substring search for short, one-off haystacks.
//!
//! `str::find` builds a Two-Way searcher for every call, which costs more
//! than the search itself on the clause-sized windows the extractors probe
//! with many lexicon phrases. This finds the same (leftmost) match with a
//! `memchr` scan for the needle's first byte and a compare.

/// Byte position of the leftmost occurrence of `needle` in `hay`, as
/// `hay.find(needle)`.
#[inline]
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// Byte position of the leftmost occurrence of `needle` in `hay`.
#[inline]
pub(crate) fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else { return Some(0) };
    if h.len() < n.len() {
        return None;
    }
    let last_start = h.len() - n.len();
    let mut at = 0;
    while let Some(i) = memchr::memchr(first, &h[at..=last_start]) {
        let p = at + i;
        if &h[p + 1..p + n.len()] == rest {
            return Some(p);
        }
        at = p + 1;
        if at > last_start {
            break;
        }
    }
    None
}

/// Start positions of the non-overlapping occurrences of `needle` in
/// `hay`, left to right, as `hay.match_indices(needle)`.
pub fn find_all<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from > hay.len() {
            return None;
        }
        if needle.is_empty() {
            // Every char boundary, the end included.
            let i = from;
            from += hay[i..].chars().next().map_or(1, char::len_utf8);
            return Some(i);
        }
        let i = from + find_str(&hay[from..], needle)?;
        from = i + needle.len();
        Some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_str_find() {
        let hays = ["", "a", "abc", "xuất khẩu tăng xuất", "tăng trưởng tăng", "ăăă", "aaab"];
        let needles = ["", "a", "b", "c", "abc", "xuất", "tăng", "ă", "ăă", "aab", "khẩu tăng", "zz", "aaaab"];
        for h in hays {
            for n in needles {
                assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(find_all(h, n).collect::<Vec<_>>(), h.match_indices(n).map(|(i, _)| i).collect::<Vec<_>>(), "{h:?} {n:?}");
            }
        }
    }
}
