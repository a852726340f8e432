//! Event words (`data/meeting_kinds.tsv`) and meeting cues (`data/meeting_cues.tsv`).

use crate::records::MeetingKind;
use crate::lexicon::cues::CueTable;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// Who the people told with an event word are (`roles` in `meeting_kinds.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// An event noun: principals come from cues ("X chủ trì Hội nghị").
    Noun,
    /// An event noun only when its name carries an ordinal or a year.
    Named,
    /// Subject and object are both principals (hội đàm, điện đàm, gặp).
    Both,
    /// The subject hosts, the object is the guest (tiếp, chiêu đãi, lễ đón).
    Host,
    /// The subject calls on the object, who hosts (chào).
    Guest,
    /// hội kiến: the host is whichever side is not on a visit.
    CallOn,
    /// The subject leads: the visitor of a visit.
    Lead,
    /// The subject witnesses a signing or an exchange (chứng kiến).
    Witness,
}

/// One row of the event-word table.
#[derive(Debug, Clone, Copy)]
pub struct KindRow {
    pub kind: MeetingKind,
    pub roles: Roles,
    /// An event only as a verb with a subject ("Thủ tướng gặp …").
    pub verb_only: bool,
}

pub struct Kinds {
    pub ac: AhoCorasick,
    pub rows: Vec<KindRow>,
}

fn kind(key: &str) -> MeetingKind {
    match key {
        "conference" => MeetingKind::Conference,
        "session" => MeetingKind::Session,
        "talks" => MeetingKind::Talks,
        "reception" => MeetingKind::Reception,
        "visit" => MeetingKind::Visit,
        "forum" => MeetingKind::Forum,
        "summit" => MeetingKind::Summit,
        "ceremony" => MeetingKind::Ceremony,
        "press_conference" => MeetingKind::PressConference,
        _ => MeetingKind::Other,
    }
}

fn roles(key: &str) -> Roles {
    match key {
        "named" => Roles::Named,
        "both" => Roles::Both,
        "host" => Roles::Host,
        "guest" => Roles::Guest,
        "callon" => Roles::CallOn,
        "lead" => Roles::Lead,
        "witness" => Roles::Witness,
        _ => Roles::Noun,
    }
}

pub static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let rows: Vec<(String, KindRow)> = crate::lexicon::rows(include_str!("../../../data/meeting_kinds.tsv"))
        .filter_map(|r| {
            let how = r.get(2).copied().unwrap_or("noun");
            let verb_only = how.starts_with("verb:");
            let row = KindRow { kind: kind(r.get(1)?), roles: roles(how.trim_start_matches("verb:")), verb_only };
            Some((r.first()?.to_string(), row))
        })
        .collect();
    // One pass over the whole text (see `mentions::find`); kept under 64 words so that
    // the fast packed prefilter applies.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(rows.iter().map(|(s, _)| s.as_str()))
        .expect("meeting kinds table builds");
    Kinds { ac, rows: rows.into_iter().map(|(_, k)| k).collect() }
});

/// The meeting cue table (`data/meeting_cues.tsv`).
pub static CUES: LazyLock<CueTable> = LazyLock::new(|| CueTable::parse(include_str!("../../../data/meeting_cues.tsv")));

/// Phrases of one cue kind (`chair`, `attend`, `speak`, `venue`, `generic`, …), longest first.
pub fn cues(kind: &str) -> &'static [String] {
    CUES.phrases(kind)
}

/// Is an event word a phone call's ("điện đàm", "cuộc điện đàm")? A call is online, and
/// never the same event as a meeting in person of the same two people.
pub fn is_call_word(word: &str) -> bool {
    cues("call_word").iter().any(|c| word.contains(c.as_str()))
}

/// Does `before` (trimmed, lower case) end with `phrase` as whole words?
pub fn ends_with_word(before: &str, phrase: &str) -> bool {
    before.ends_with(phrase) && !before[..before.len() - phrase.len()].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Does `after` (lower case) start with `phrase` as whole words?
pub fn starts_with_word(after: &str, phrase: &str) -> bool {
    after.starts_with(phrase) && !after[phrase.len()..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The cue of `kind` that `before` ends with, as whole words (longest first).
pub fn cue_before(kind: &str, before: &str) -> Option<&'static str> {
    let b = before.trim_end();
    cues(kind).iter().find(|c| ends_with_word(b, c)).map(String::as_str)
}

/// The cue of `kind` that `after` starts with, as whole words (longest first).
pub fn cue_after(kind: &str, after: &str) -> Option<&'static str> {
    let a = after.trim_start();
    cues(kind).iter().find(|c| starts_with_word(a, c)).map(String::as_str)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_cue_kind_the_rules_read_has_phrases() {
        super::CUES.assert_kinds(&["anaphora_after", "attend", "attend_before", "attend_lead", "award_verb", "call_word", "ceremony_head", "chair", "chair_lead", "definite_before", "delegation", "document_head", "during", "entourage", "follow", "generic", "met_group", "name_stop", "named_by_year", "not_ceremony_after", "not_named", "not_venue", "pair", "place_before", "received_after", "same_office", "series", "signing", "speak", "sports_frame", "subject_gap", "summit_word", "venue", "venue_stop", "verb_event_before", "visit_gift", "visit_qualifier", "press_reply", "act_before_date", "named_when_attended", "visit_place_unit", "series_time"]);
    }
}
