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

/// One step of normalisation: a piecewise map from its output to its input.
///
/// Between edits the texts are identical, so offsets shift by a constant;
/// inside an edit a start snaps to the edit's start and an end to its end,
/// so a mapped span always covers whole original characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Layer {
    edits: Vec<Edit>,
}

impl Layer {
    fn last_edit_at_or_before(&self, pos: usize) -> Option<&Edit> {
        let i = self.edits.partition_point(|e| e.norm_start <= pos);
        i.checked_sub(1).map(|i| &self.edits[i])
    }

    fn start(&self, pos: usize) -> usize {
        match self.last_edit_at_or_before(pos) {
            None => pos,
            Some(e) if pos < e.norm_end => e.orig_start,
            Some(e) => e.orig_end + (pos - e.norm_end),
        }
    }

    fn end(&self, pos: usize) -> usize {
        if pos == 0 {
            return 0;
        }
        match self.last_edit_at_or_before(pos - 1) {
            None => pos,
            Some(e) if pos <= e.norm_end => e.orig_end,
            Some(e) => e.orig_end + (pos - e.norm_end),
        }
    }
}

/// Map from normalised byte offsets back to the caller's byte offsets:
/// the layers of normalisation applied in reverse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    layers: Vec<Layer>,
}

impl OffsetMap {
    pub(crate) fn new(edits: Vec<Edit>) -> Self {
        let mut m = OffsetMap::default();
        m.push_layer(edits);
        m
    }

    /// Adds a later normalisation step (its edits map its output to the previous output).
    pub(crate) fn push_layer(&mut self, edits: Vec<Edit>) {
        if !edits.is_empty() {
            self.layers.push(Layer { edits });
        }
    }

    /// True when normalisation changed nothing.
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// The original offset of a span start.
    pub fn start(&self, pos: usize) -> usize {
        self.layers.iter().rev().fold(pos, |p, l| l.start(p))
    }

    /// The original offset of a span end.
    pub fn end(&self, pos: usize) -> usize {
        self.layers.iter().rev().fold(pos, |p, l| l.end(p))
    }

    /// The original byte range of a normalised byte range.
    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        let s = self.start(r.start);
        let e = self.end(r.end).max(s);
        s..e
    }
}
