//! People and unnamed groups taking part in a meeting or issuing a directive.

use super::{Evidence, Partner};
use serde::{Deserialize, Serialize};

/// A named person ("Thủ tướng Chính phủ Phạm Minh Chính") or an unnamed,
/// possibly counted group ("98 Đại sứ, Trưởng Cơ quan đại diện …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Person {
    /// The main title as written before or after the name, normalised.
    pub title: Option<String>,
    /// The name without titles, or null for a group.
    pub name: Option<String>,
    /// Further positions named with the person.
    #[serde(default)]
    pub roles: Vec<String>,
    /// For an unnamed group: what the group is.
    #[serde(default)]
    pub group: Option<String>,
    /// For a counted group: how many.
    #[serde(default)]
    pub count: Option<f64>,
    /// The country or organisation a foreign title names ("Tổng thống Mỹ").
    #[serde(default)]
    pub partner: Option<Partner>,
    #[serde(flatten)]
    pub evidence: Evidence,
}
