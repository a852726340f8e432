//! Event mentions: an event word that names one real event, with its name.

use super::lexicon::{cues, KINDS};
use crate::extract::people::PersonHit;
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
    /// For an event told as a verb ("X hội đàm với Y"): the subject and the
    /// first person after the verb, as indices into the document's people.
    pub subject: Option<usize>,
    pub object: Option<usize>,
    /// The event word as written in lower case ("hội kiến", "tiếp").
    pub word: String,
}

impl EventMention {
    /// What to quote: from the subject (when there is one) to the end of the name.
    pub fn span(&self, people: &[PersonHit]) -> Range<usize> {
        let start = self.subject.and_then(|i| people.get(i)).map_or(self.name.start, |p| p.range.start.min(self.name.start));
        start..self.name.end
    }
}

/// Words before a lower-case visit/talks/reception word that make it an event.
const VERB_EVENT_BEFORE: &[&str] = &["sau", "cuộc", "buổi", "chuyến", "nhân dịp", "trong", "đang", "tại"];
/// Words before an event word that make it part of a place's name.
const PLACE_BEFORE: &[&str] = &["trung tâm", "cung", "nhà", "hội trường", "phòng"];

/// What may stand between a subject and its event word ("X đã có cuộc hội đàm",
/// "Y đang thăm chính thức", "Z sang thăm").
const SUBJECT_GAPS: &[&str] = &["", "đã", "sẽ", "cũng", "có", "đã có", "sẽ có", "đã có cuộc", "có cuộc", "đang", "sang", "đã sang", "sẽ sang", "tới", "đến", "bắt đầu", "đã bắt đầu"];

/// The person whose mention ends right before `pos` ("Thủ tướng X đã hội đàm").
fn subject_before(people: &[PersonHit], text: &str, pos: usize) -> Option<usize> {
    let i = people.partition_point(|p| p.range.end <= pos);
    let p = people.get(i.checked_sub(1)?)?;
    let gap = text.get(p.range.end..pos)?.trim();
    SUBJECT_GAPS.contains(&gap).then_some(i - 1)
}

/// The first person after `pos` within the clause.
fn object_after(people: &[PersonHit], text: &str, pos: usize, limit: usize) -> Option<usize> {
    let i = people.partition_point(|p| p.range.start < pos);
    let p = people.get(i)?;
    let gap = text.get(pos..p.range.start.min(limit))?;
    (p.range.start < limit && gap.len() < 60 && !gap.contains([',', ';', '.'])).then_some(i)
}

/// Verbs and nouns right before a lower-case event word that make it a definite event.
const DEFINITE_BEFORE: &[&str] = &["chỉ đạo", "chủ trì", "dự", "tham dự", "khai mạc", "bế mạc", "tại", "quang cảnh", "toàn cảnh", "kết luận", "tổ chức", "diễn ra", "phát biểu tại", "chứng kiến", "có", "bắt đầu", "kết thúc"];
/// Words that end an event's name.
const NAME_STOPS: &[&str] = &[" nhân dịp", " về ", " do ", " diễn ra", " được ", " tại ", " vào ", " đã ", " sẽ ", " theo ", " với sự ", " hồi ", " trong ", " nhằm ", " và ", " là ", " có ", " cùng ", " ngày ", " sáng ", " chiều ", " tối ", " qua đó", " để ", " - ảnh"];

fn word_before(lower: &str, pos: usize, phrase: &str) -> bool {
    let b = lower[..pos].trim_end();
    b.ends_with(phrase) && !b[..b.len() - phrase.len()].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Every event mention in the document's sentences.
pub fn find(ctx: &Context<'_>, people: &[PersonHit]) -> Vec<EventMention> {
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
            let word = lower[trig.clone()].to_string();
            let capital = text[trig.clone()].chars().next().is_some_and(char::is_uppercase);
            if cues("generic").iter().any(|g| word_before(lower, trig.start, g)) || PLACE_BEFORE.iter().any(|g| word_before(lower, trig.start, g)) {
                continue;
            }
            // "việc tham dự lễ kỷ niệm …" speaks of an activity in general, not of one event.
            let definite = DEFINITE_BEFORE.iter().filter(|d| word_before(lower, trig.start, d)).max_by_key(|d| d.len()).is_some_and(|d| {
                let b = lower[..trig.start].trim_end();
                !b[..b.len() - d.len()].trim_end().ends_with("việc")
            });
            let sentence_start = text[s.start..trig.start].trim().is_empty();
            let subject = subject_before(people, text, trig.start);
            // "A có cuộc họp với B", "A có buổi làm việc với B" are told like talks.
            let session_verb = kind == MeetingKind::Session && subject.is_some() && matches!(word.as_str(), "cuộc họp" | "buổi làm việc");
            let verb_event = matches!(kind, MeetingKind::Talks | MeetingKind::Reception | MeetingKind::Visit) || session_verb;
            let ok = match kind {
                // "tiếp" is a reception only between a host and a named guest ("tiếp tục" is not).
                _ if word == "tiếp" => {
                    let next = text[trig.end..].trim_start();
                    subject.is_some() && (next.starts_with(char::is_uppercase) || ["ông ", "bà ", "ngài ", "đoàn ", "xã giao", "và làm việc"].iter().any(|w| next.starts_with(w)))
                }
                // Ceremonies ("lễ") only when written as a name or after a verb that makes
                // them definite ("chứng kiến lễ ký", "chủ trì lễ đón").
                // A bare "lễ" in lower case is too wide (lễ cưới, lễ tốt nghiệp, lễ hội).
                MeetingKind::Ceremony => capital || (definite && word != "lễ" && word != "lễ trao"),
                // "thăm chính thức", "thăm cấp Nhà nước": a visit told as a verb phrase
                // is specific enough on its own (plurals were dropped above).
                MeetingKind::Visit if word.starts_with("thăm") => true,
                _ if verb_event => capital || definite || sentence_start || subject.is_some() || VERB_EVENT_BEFORE.iter().any(|d| word_before(lower, trig.start, d)),
                _ => capital || definite || sentence_start,
            };
            if !ok {
                continue;
            }
            let (mut name, topic) = name_and_topic(text, lower, trig.clone(), s.end);
            // A name never runs into a person: "lễ đón chính thức Quốc vương Campuchia …",
            // "Chuyến thăm chính thức Pháp của Tổng Bí thư Tô Lâm".
            // (Talks and receptions told as verbs keep their object: they are merged by it.)
            let verb_told = matches!(kind, MeetingKind::Talks | MeetingKind::Reception) || (kind == MeetingKind::Visit && word.starts_with("thăm"));
            let first_person = people.iter().filter(|_| !verb_told).find(|p| p.range.start >= trig.end && p.range.start < name.end && p.title.is_some() && p.name.as_deref().is_some_and(|n| text[p.range.clone()].ends_with(n)));
            if let Some(p) = first_person {
                let cut = text[name.start..p.range.start].trim_end();
                let cut = cut.strip_suffix(" của").unwrap_or(cut);
                name.end = name.start + cut.len();
            }
            // "Diễn đàn Kinh tế thế giới (WEF)" names an organisation, not an event.
            if crate::lexicon::partners::lookup(&text[name.clone()]).is_some_and(|p| p.kind != crate::records::PartnerKind::Country) {
                continue;
            }
            let clause_end = text[trig.end..s.end].find([',', ';', '.']).map_or(s.end, |i| trig.end + i);
            let welcome = kind == MeetingKind::Ceremony && word.starts_with("lễ đón");
            // The visitor after "Chuyến thăm … của", the guest after "lễ đón".
            let of_visit = kind == MeetingKind::Visit && text[name.end..].starts_with(" của ");
            let object = if verb_event || welcome || of_visit { object_after(people, text, trig.end, clause_end) } else { None };
            let next = text[trig.end..].trim_start().chars().next();
            let proper = text[trig.end..].starts_with(' ') && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && name.end > trig.end;
            let subject = if verb_event { subject } else { None };
            out.push(EventMention { kind, trigger: trig, name, topic, proper, sentence: s.clone(), source: *source, subject, object, word });
        }
    }
    out
}

/// Where `stop` first ends a name in `rest` (lower case, starting at `base` of
/// the text): a stop word written with a capital belongs to the name ("Lễ kỷ
/// niệm 50 năm Ngày thiết lập …"), and so does "về" before a capitalised word
/// ("Hội nghị quốc tế lần thứ tư về Tài trợ cho Phát triển").
fn name_stop(text: &str, rest: &str, base: usize, clause_end: usize, stop: &str) -> Option<usize> {
    rest[..clause_end].match_indices(stop).map(|(i, _)| i).find(|&i| {
        let word = &text[base + i + 1..];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let next_capital = stop == " về " && text[base + i + stop.len()..].chars().next().is_some_and(char::is_uppercase);
        !capital && !next_capital
    })
}

fn name_and_topic(text: &str, lower: &str, trig: Range<usize>, limit: usize) -> (Range<usize>, Option<Range<usize>>) {
    let rest = &lower[trig.end..limit];
    let clause_end = rest.find([',', ';', '.', ':', '(', ')', '"']).unwrap_or(rest.len());
    let stop = NAME_STOPS.iter().filter_map(|s| name_stop(text, rest, trig.end, clause_end, s)).min().unwrap_or(clause_end);
    let mut end = trig.end + stop;
    // Never end on a dash or a caption marker.
    end = trig.end + text[trig.end..end].trim_end_matches([' ', '-', '…', '.']).len();
    // "tọa đàm “Ngoại giao kinh tế đồng hành cùng doanh nghiệp”": the quoted title names it.
    if let Some(q) = text[trig.end..limit].strip_prefix(" \"") {
        if let Some(close) = q.find('"').filter(|&i| i > 0 && i < 200) {
            end = trig.end + 2 + close + 1;
        }
    }
    let name = trig.start..end;
    let topic = rest[..clause_end].find(" về ").filter(|&i| i == stop).map(|i| {
        let t0 = trig.end + i + " về ".len();
        let t1 = trig.end + clause_end.max(i + 4);
        let t_end = text[t0..t1.min(limit)].find(" - ").map_or(t1.min(limit), |d| t0 + d);
        t0..t_end
    });
    (name, topic)
}
