//! Mapping normalised byte offsets back to the caller's byte offsets.

use std::ops::Range;

/// One replacement made by normalisation: `norm` in the normalised text
/// stands for `orig` in the caller's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    pub norm_start: usize,
    pub norm_end: usize,
    pub orig_start: usize,
    pub orig_end: usize,
}

/// Piecewise map from normalised to original byte offsets.
///
/// Between edits the texts are identical, so offsets shift by a constant;
/// inside an edit a start snaps to the edit's start and an end to its end,
/// so a mapped span always covers whole original characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    pub(crate) fn new(edits: Vec<Edit>) -> Self {
        OffsetMap { edits }
    }

    /// True when normalisation changed nothing.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    fn last_edit_at_or_before(&self, pos: usize) -> Option<&Edit> {
        let i = self.edits.partition_point(|e| e.norm_start <= pos);
        i.checked_sub(1).map(|i| &self.edits[i])
    }

    /// The original offset of a span start.
    pub fn start(&self, pos: usize) -> usize {
        match self.last_edit_at_or_before(pos) {
            None => pos,
            Some(e) if pos < e.norm_end => e.orig_start,
            Some(e) => e.orig_end + (pos - e.norm_end),
        }
    }

    /// The original offset of a span end.
    pub fn end(&self, pos: usize) -> usize {
        if pos == 0 {
            return 0;
        }
        // An end inside (or at the end of) an edit maps to the edit's end.
        match self.last_edit_at_or_before(pos - 1) {
            None => pos,
            Some(e) if pos <= e.norm_end => e.orig_end,
            Some(e) => e.orig_end + (pos - e.norm_end),
        }
    }

    /// The original byte range of a normalised byte range.
    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        let s = self.start(r.start);
        let e = self.end(r.end).max(s);
        s..e
    }
}
