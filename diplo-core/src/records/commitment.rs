//! Commitments: FTAs, agreements, relation upgrades, directives, policy documents.

use super::{Evidence, Person, Source};
use serde::{Deserialize, Serialize};

/// What kind of commitment a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    Fta,
    Agreement,
    RelationUpgrade,
    Directive,
    PolicyReference,
}

/// Where an agreement stands, from the verb that governs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Negotiating,
    Signed,
    RatificationPending,
    InForce,
    Proposed,
    Upgraded,
}

/// Whether a partner is a state, a bloc or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Country,
    Bloc,
    Organization,
}

/// A foreign country, bloc or organisation, as written and as a code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Partner {
    /// As written in the text ("Ai Cập").
    pub name: String,
    /// ISO 3166-1 alpha-2 for countries, the usual acronym otherwise.
    pub code: String,
    pub kind: PartnerKind,
}

/// Vietnam's partnership levels, ordered from lowest to highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipLevel {
    /// Đối tác toàn diện
    ComprehensivePartnership,
    /// Đối tác chiến lược
    StrategicPartnership,
    /// Đối tác chiến lược sâu rộng (Japan 2014-2023): above strategic, below
    /// comprehensive strategic.
    ExtensiveStrategicPartnership,
    /// Đối tác chiến lược toàn diện
    ComprehensiveStrategicPartnership,
    /// Special levels above (Lào, Cuba; "quan hệ đặc biệt").
    SpecialRelationship,
}

/// The kind of a numbered Party or State document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Resolution,
    Directive,
    Decision,
    Conclusion,
    Decree,
    Law,
    Other,
}

/// A numbered Party or State document ("Nghị quyết 59-NQ/TW").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentRef {
    pub kind: DocumentKind,
    pub number: String,
    /// The normalised symbol ("59-NQ/TW"), when written.
    pub symbol: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
}

/// One commitment mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub kind: CommitmentKind,
    /// The agreement as named, for `agreement`.
    pub name: Option<String>,
    pub status: Option<Status>,
    pub partners: Vec<Partner>,
    pub level: Option<PartnershipLevel>,
    /// When a relation upgrade took effect, as precise as written
    /// (`2023-09-10`, `2023-09`, `2008`, `--10-28`), for `relation_upgrade`.
    #[serde(default)]
    pub date: Option<String>,
    /// Who gave a directive.
    pub actor: Option<Person>,
    /// Whom a directive addresses.
    pub addressees: Vec<String>,
    /// What a directive asks.
    pub content: Option<String>,
    pub document: Option<DocumentRef>,
    pub source: Source,
    #[serde(flatten)]
    pub evidence: Evidence,
}
