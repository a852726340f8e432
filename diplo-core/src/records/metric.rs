//! Metrics: every counted or measured quantity, with what it counts.

use super::{Evidence, Source};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a metric's value is measured in: `count`, `percent`, an ISO 4217
/// code, or a unit of measure (`km`, `t`, `°C` …).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    Count,
    Percent,
    /// A multiplier ("gấp 2,5 lần"); used by comparisons, rarely by metrics.
    Times,
    /// An ISO 4217 currency code such as `USD` or `VND`.
    Currency(String),
    /// A unit of measure of the contract: one of [`Unit::MEASURES`].
    Measure(String),
}

impl Unit {
    /// The units of measure of the contract ("654 km", "39 độ" → `°C`, "tấn" → `t`).
    pub const MEASURES: [&'static str; 9] = ["km", "m", "ha", "t", "kg", "°C", "MW", "kWh", "m3"];

    /// The contract's string for this unit.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Times => "times",
            Unit::Currency(code) | Unit::Measure(code) => code,
        }
    }

    /// Reads a unit string of the contract.
    pub fn parse(s: &str) -> Unit {
        match s {
            "count" => Unit::Count,
            "percent" => Unit::Percent,
            "times" => Unit::Times,
            code if Unit::MEASURES.contains(&code) => Unit::Measure(code.to_string()),
            code => Unit::Currency(code.to_string()),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Unit::parse(&s))
    }
}

/// How the text bounds the number ("hơn 200" is `more_than`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    MoreThan,
    LessThan,
    Nearly,
    About,
    AtLeast,
    AtMost,
}

impl Qualifier {
    /// Whether `actual` is compatible with a stated value under this qualifier.
    pub fn admits(self, stated: f64, actual: f64) -> bool {
        let tol = stated.abs() * 0.1;
        match self {
            Qualifier::Exact => (actual - stated).abs() <= stated.abs() * 1e-9,
            Qualifier::MoreThan => actual > stated || (actual - stated).abs() <= 1e-9,
            Qualifier::AtLeast => actual >= stated,
            Qualifier::LessThan | Qualifier::AtMost => actual <= stated,
            Qualifier::Nearly => actual <= stated && actual >= stated - tol,
            Qualifier::About => (actual - stated).abs() <= tol,
        }
    }
}

/// Whether the figure went up or down ("giảm 42,5%" → decrease).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
}

/// The economic-diplomacy indicator a metric measures (RECORDS.md table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    LeaderForeignActivities,
    Delegations,
    AgreementsSigned,
    RelationsUpgraded,
    Partners,
    TradePromotionActivities,
    Ftas,
    TradeTurnover,
    Exports,
    Imports,
    Investment,
    Remittances,
    GdpGrowth,
    Participants,
    #[default]
    Other,
}

impl Indicator {
    /// Every indicator, in contract order.
    pub const ALL: [Indicator; 15] = [
        Indicator::LeaderForeignActivities,
        Indicator::Delegations,
        Indicator::AgreementsSigned,
        Indicator::RelationsUpgraded,
        Indicator::Partners,
        Indicator::TradePromotionActivities,
        Indicator::Ftas,
        Indicator::TradeTurnover,
        Indicator::Exports,
        Indicator::Imports,
        Indicator::Investment,
        Indicator::Remittances,
        Indicator::GdpGrowth,
        Indicator::Participants,
        Indicator::Other,
    ];

    /// The contract's key for this indicator.
    pub fn key(self) -> &'static str {
        match self {
            Indicator::LeaderForeignActivities => "leader_foreign_activities",
            Indicator::Delegations => "delegations",
            Indicator::AgreementsSigned => "agreements_signed",
            Indicator::RelationsUpgraded => "relations_upgraded",
            Indicator::Partners => "partners",
            Indicator::TradePromotionActivities => "trade_promotion_activities",
            Indicator::Ftas => "ftas",
            Indicator::TradeTurnover => "trade_turnover",
            Indicator::Exports => "exports",
            Indicator::Imports => "imports",
            Indicator::Investment => "investment",
            Indicator::Remittances => "remittances",
            Indicator::GdpGrowth => "gdp_growth",
            Indicator::Participants => "participants",
            Indicator::Other => "other",
        }
    }

    /// Reads a contract key; `None` for an unknown key.
    pub fn from_key(key: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.key() == key)
    }
}

/// A span of time: "6 tháng đầu năm 2025" is 2025-01-01..2025-06-30.
/// Unresolvable periods keep `text` with null dates.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Period {
    pub start: Option<String>,
    pub end: Option<String>,
    pub text: String,
}

/// How a comparison relates the metric to its baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonKind {
    /// "gấp 2,5 lần năm 2024": value = metric / baseline.
    Ratio,
    /// "tăng 19,3%": signed change in percent.
    PercentChange,
    /// "tăng 5 tỷ USD": signed absolute change.
    Difference,
}

/// A comparison qualifying a metric ("gấp 2,5 lần năm 2024").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub kind: ComparisonKind,
    pub value: f64,
    pub baseline: Option<Period>,
    pub text: String,
}

/// One mention of a counted or measured quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// The value with its scale applied (`900 tỷ USD` is 9e11).
    pub value: f64,
    pub unit: Unit,
    /// The upper bound of a range ("2-3%", "từ 5 đến 7 tỷ USD"); `value` is then the lower bound.
    #[serde(default)]
    pub value_max: Option<f64>,
    /// What is counted, as written ("thỏa thuận hợp tác").
    pub counted: Option<String>,
    /// 13 in "10/13 đối tác chiến lược toàn diện".
    pub of_total: Option<f64>,
    pub qualifier: Qualifier,
    pub direction: Option<Direction>,
    pub indicator: Indicator,
    pub period: Option<Period>,
    pub comparison: Option<Comparison>,
    /// A goal rather than an outcome.
    pub target: bool,
    /// Whose figure it is, when stated.
    pub subject: Option<String>,
    pub source: Source,
    #[serde(flatten)]
    pub evidence: Evidence,
}
