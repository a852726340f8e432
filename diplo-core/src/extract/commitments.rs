//! Commitments (filled in by the commitments stage).
use super::Context;
use crate::records::{Commitment, Warning};

pub fn extract(_ctx: &Context<'_>, _warnings: &mut Vec<Warning>) -> Vec<Commitment> {
    Vec::new()
}
