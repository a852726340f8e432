//! Event mentions: an event word that names one real event, with its name.

use super::lexicon::{cues, KINDS};
use crate::extract::Context;
use crate::lang::Sentence;
use crate::records::{MeetingKind, Source};
use std::ops::Range;

/// One mention of an event in a sentence.
#[derive(Debug, Clone)]
pub struct EventMention {
    pub kind: MeetingKind,
    /// The event word ("Hội nghị").
    pub trigger: Range<usize>,
    /// The event as named ("Hội nghị với các Trưởng Cơ quan đại diện …").
    pub name: Range<usize>,
    pub topic: Option<Range<usize>>,
    /// The name continues with a capitalised word: a proper name ("Diễn đàn Tương lai ASEAN").
    pub proper: bool,
    pub sentence: Range<usize>,
    pub source: Source,
}

/// Verbs and nouns right before a lower-case event word that make it a definite event.
const DEFINITE_BEFORE: &[&str] = &["chủ trì", "dự", "tham dự", "khai mạc", "bế mạc", "tại", "quang cảnh", "toàn cảnh", "kết luận", "tổ chức", "diễn ra", "phát biểu tại"];
/// Words that end an event's name.
const NAME_STOPS: &[&str] = &[" về ", " do ", " diễn ra", " được ", " tại ", " vào ", " đã ", " sẽ ", " theo ", " với sự ", " hồi ", " trong ", " nhằm ", " và ", " là ", " có ", " cùng ", " ngày ", " sáng ", " chiều ", " tối ", " qua đó", " để "];

fn word_before(lower: &str, pos: usize, phrase: &str) -> bool {
    let b = lower[..pos].trim_end();
    b.ends_with(phrase) && !b[..b.len() - phrase.len()].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Every event mention in the document's sentences.
pub fn find(ctx: &Context<'_>) -> Vec<EventMention> {
    let text = ctx.text();
    let lower = ctx.lower.as_str();
    let mut out = Vec::new();
    for Sentence { range: s, source } in &ctx.sentences {
        for m in KINDS.ac.find_iter(&lower[s.clone()]) {
            let trig = s.start + m.start()..s.start + m.end();
            let before_ok = !text[..trig.start].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = !text[trig.end..].chars().next().is_some_and(char::is_alphanumeric);
            if !before_ok || !after_ok {
                continue;
            }
            let kind = KINDS.kinds[m.pattern().as_usize()];
            let capital = text[trig.clone()].chars().next().is_some_and(char::is_uppercase);
            if cues("generic").iter().any(|g| word_before(lower, trig.start, g)) {
                continue;
            }
            let definite = DEFINITE_BEFORE.iter().any(|d| word_before(lower, trig.start, d));
            let sentence_start = text[s.start..trig.start].trim().is_empty();
            // Ceremonies ("lễ") only when written as a name; other kinds also after a definite verb.
            let ok = match kind {
                MeetingKind::Ceremony => capital,
                _ => capital || definite || sentence_start,
            };
            if !ok {
                continue;
            }
            let (name, topic) = name_and_topic(text, lower, trig.clone(), s.end);
            let next = text[trig.end..].trim_start().chars().next();
            let proper = text[trig.end..].starts_with(' ') && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && name.end > trig.end;
            out.push(EventMention { kind, trigger: trig, name, topic, proper, sentence: s.clone(), source: *source });
        }
    }
    out
}

fn name_and_topic(text: &str, lower: &str, trig: Range<usize>, limit: usize) -> (Range<usize>, Option<Range<usize>>) {
    let rest = &lower[trig.end..limit];
    let clause_end = rest.find([',', ';', '.', ':', '(', ')', '"']).unwrap_or(rest.len());
    let stop = NAME_STOPS.iter().filter_map(|s| rest[..clause_end].find(s)).min().unwrap_or(clause_end);
    let mut end = trig.end + stop;
    // Never end on a dash or a caption marker.
    end = trig.end + text[trig.end..end].trim_end_matches([' ', '-', '…', '.']).len();
    let name = trig.start..end;
    let topic = rest[..clause_end].find(" về ").filter(|&i| i == stop).map(|i| {
        let t0 = trig.end + i + " về ".len();
        let t1 = trig.end + clause_end.max(i + 4);
        let t_end = text[t0..t1.min(limit)].find(" - ").map_or(t1.min(limit), |d| t0 + d);
        t0..t_end
    });
    (name, topic)
}
