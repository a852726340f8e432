//! Event words (`data/meeting_kinds.tsv`) and meeting cues (`data/meeting_cues.tsv`).

use crate::records::MeetingKind;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

pub struct Kinds {
    pub ac: AhoCorasick,
    pub kinds: Vec<MeetingKind>,
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

pub static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let rows: Vec<(String, MeetingKind)> = crate::lexicon::rows(include_str!("../../../data/meeting_kinds.tsv"))
        .filter_map(|r| Some((r.first()?.to_string(), kind(r.get(1)?))))
        .collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(rows.iter().map(|(s, _)| s.as_str()))
        .expect("meeting kinds table builds");
    Kinds { ac, kinds: rows.into_iter().map(|(_, k)| k).collect() }
});

/// Phrases of one cue kind (`chair`, `attend`, `speak`, `venue`, `generic`), longest first.
pub fn cues(kind: &str) -> &'static [String] {
    static CUES: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
        let mut by: Vec<(String, Vec<String>)> = Vec::new();
        for r in crate::lexicon::rows(include_str!("../../../data/meeting_cues.tsv")) {
            let [k, p] = r[..] else { continue };
            match by.iter_mut().find(|(kk, _)| kk == k) {
                Some((_, v)) => v.push(p.to_string()),
                None => by.push((k.to_string(), vec![p.to_string()])),
            }
        }
        for (_, v) in &mut by {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        by
    });
    CUES.iter().find(|(k, _)| k == kind).map_or(&[], |(_, v)| v.as_slice())
}
