//! Meetings: one record per distinct event in a document.

use super::{Evidence, Mention, Partner, Person, Source};
use serde::{Deserialize, Serialize};

/// The kind of event, from the word that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// hội nghị
    Conference,
    /// phiên họp, cuộc họp
    Session,
    /// hội đàm
    Talks,
    /// tiếp, tiếp kiến, hội kiến
    Reception,
    /// thăm, chuyến thăm, chuyến công tác
    Visit,
    /// diễn đàn, tọa đàm
    Forum,
    /// hội nghị thượng đỉnh
    Summit,
    /// lễ …
    Ceremony,
    /// họp báo
    PressConference,
    #[default]
    Other,
}

/// Time of day as the text names it ("Tối 22/7" → evening).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    Morning,
    Noon,
    Afternoon,
    LateAfternoon,
    Evening,
    Night,
}

/// How people took part: in person, online, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    InPerson,
    Online,
    Hybrid,
}

/// A linked location of an online or hybrid meeting ("điểm cầu tỉnh Cao Bằng").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BridgePoint {
    /// The place without "điểm cầu" ("tỉnh Cao Bằng").
    pub place: String,
    /// Who chaired at that point, when stated.
    pub chair: Option<Person>,
    /// Who attended at that point.
    #[serde(default)]
    pub attendees: Vec<Person>,
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// One real-world event, with every mention of it in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub kind: MeetingKind,
    /// The event as named ("Hội nghị với các Trưởng Cơ quan đại diện …").
    pub name: String,
    /// What it is about ("về …").
    pub topic: Option<String>,
    /// ISO date: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`.
    pub date: Option<String>,
    /// The date as written ("Tối 22/7").
    pub date_text: Option<String>,
    /// The year was not stated where the date was.
    pub year_inferred: bool,
    pub end_date: Option<String>,
    pub time_of_day: Option<TimeOfDay>,
    pub format: Option<Format>,
    pub venue: Option<String>,
    pub chairs: Vec<Person>,
    pub attendees: Vec<Person>,
    pub speakers: Vec<Person>,
    pub bridge_points: Vec<BridgePoint>,
    pub partners: Vec<Partner>,
    /// Every mention of this event; the top-level evidence is the first.
    pub mentions: Vec<Mention>,
    pub source: Source,
    #[serde(flatten)]
    pub evidence: Evidence,
}
