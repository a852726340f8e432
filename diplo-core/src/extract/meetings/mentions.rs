//! Event mentions: an event word that names one real event, with its name and
//! the people told with it.

use super::accept::{accepted, Candidate};
use super::naming::name_and_topic;
use super::lexicon::{cue_after, cue_before, cues, ends_with_word, starts_with_word, Roles, KINDS};
use super::parties::{delegation_leaders, objects_after, pair_before, sentence_subject, subject_before};
use crate::extract::people::PersonHit;
use crate::extract::Context;
use crate::lang::Sentence;
use crate::records::{MeetingKind, Source};
use std::ops::Range;

/// One mention of an event in a sentence.
#[derive(Debug, Clone)]
pub struct EventMention {
    pub kind: MeetingKind,
    pub roles: Roles,
    /// The event word ("Hội nghị").
    pub trigger: Range<usize>,
    /// The event as named ("Hội nghị với các Trưởng Cơ quan đại diện …").
    pub name: Range<usize>,
    pub topic: Option<Range<usize>>,
    /// The name continues with a capitalised word: a proper name ("Diễn đàn Tương lai ASEAN").
    pub proper: bool,
    pub sentence: Range<usize>,
    pub source: Source,
    /// The event word as written in lower case ("hội kiến", "tiếp").
    pub word: String,
    /// People told before the verb ("Thủ tướng X hội đàm"), indices into the document's people.
    pub subject: Vec<usize>,
    /// People told after it ("… với Tổng thống Y").
    pub object: Vec<usize>,
    /// "hai nhà lãnh đạo", "hai Thủ tướng": the two of an event told before.
    pub pair: Option<&'static str>,
    /// People told as attending ("X dự Diễn đàn …", "…; dự Diễn đàn …" after X's other verbs).
    pub attend: Vec<usize>,
    /// A bare word that refers to an event told before ("Tại hội đàm", "cuộc họp này").
    pub anaphoric: bool,
    /// A described event after "tại", "dự" … that is the event of its kind told before
    /// when there is one, else an event of its own ("tại họp báo chung sau hội đàm").
    pub soft: bool,
    /// What to quote as evidence.
    pub span: Range<usize>,
}

impl EventMention {
    /// A mention told with the people who take part ("A hội đàm với B").
    pub fn told_with_people(&self) -> bool {
        !self.subject.is_empty() || !self.object.is_empty() || self.pair.is_some()
    }

    /// The name is only the event word ("hội đàm", "Hội nghị").
    pub fn bare(&self) -> bool {
        self.name.end - self.name.start <= self.trigger.end - self.trigger.start
    }

    /// The part of its sentence a mention's fields are read from: the whole
    /// sentence, up to [`super::MENTION_REACH`] bytes either side of the
    /// mention, so the work per mention is bounded whatever the sentence.
    pub fn reach(&self, text: &str) -> Range<usize> {
        let head = self.span.start.min(self.trigger.start);
        let tail = self.span.end.max(self.name.end).max(self.trigger.end).min(self.sentence.end);
        let start = crate::text::ceil_char(text, head.saturating_sub(super::MENTION_REACH)).max(self.sentence.start).min(head);
        let end = crate::text::floor_char(text, tail + super::MENTION_REACH).min(self.sentence.end).max(tail);
        start..end
    }
}

/// The nearest char boundary at or before `pos`.
fn floor_boundary(text: &str, pos: usize) -> usize {
    (0..=pos.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// `phrase` ends, as whole words, right before `pos` (spaces skipped).
pub(super) fn word_before(lower: &str, pos: usize, phrase: &str) -> bool {
    ends_with_word(lower[..pos].trim_end(), phrase)
}

/// How far (bytes) before "của" + event word a document's number may stand.
const ISSUER_REACH: usize = 120;

/// "Nghị quyết số 06-NQ/TW ngày 5/11/2016 của Hội nghị Trung ương 4", "Nghị quyết Đại hội
/// XIII": the event word names who issued a document, not an event the article tells.
fn names_a_document(text: &str, lower: &str, pos: usize) -> bool {
    let before = lower[..pos].trim_end();
    // Right before: only a document's name, capitalised, naming a numbered session
    // ("Nghị quyết Hội nghị Trung ương 8", "Nghị quyết Đại hội XIII"), not a verb ("Kết luận
    // Hội nghị, Thủ tướng …").
    let numbered = || {
        let after = &text[pos..floor_boundary(text, pos + ISSUER_REACH / 2)];
        let clause = &after[..after.find([',', ';', '.']).unwrap_or(after.len())];
        clause.split(' ').any(|w| w.chars().any(|c| c.is_ascii_digit()) || w.len() > 1 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
    };
    if cues("document_head").iter().any(|d| ends_with_word(before, d) && text[before.len() - d.len()..].starts_with(char::is_uppercase)) && numbered() {
        return true;
    }
    let Some(rest) = before.strip_suffix(" của") else { return false };
    let window = &lower[floor_boundary(lower, rest.len().saturating_sub(ISSUER_REACH))..rest.len()];
    // The document's head, then its number, with no clause break between.
    cues("document_head")
        .iter()
        .filter_map(|d| window.rmatch_indices(d.as_str()).find(|(i, _)| !window[..*i].chars().next_back().is_some_and(char::is_alphanumeric)).map(|(i, _)| &window[i + d.len()..]))
        .any(|tail| !tail.contains([',', ';']) && tail.chars().any(|c| c.is_ascii_digit()))
}

/// "hơn 60 chuyến thăm", "hai cuộc hội đàm": a number of events is a count, no one event.
fn counted(lower: &str, pos: usize) -> bool {
    let b = lower[..pos].trim_end();
    let b = ["cuộc", "chuyến", "buổi", "lần"].iter().find_map(|w| b.strip_suffix(w)).map_or(b, str::trim_end);
    let w = b.rsplit(' ').next().unwrap_or("");
    // A number ends with a digit: "… năm 1982. Cuộc gặp" ends a sentence.
    let number = w.bytes().all(|c| c.is_ascii_digit() || c == b'.') && w.bytes().next().is_some_and(|c| c.is_ascii_digit()) && w.bytes().last().is_some_and(|c| c.is_ascii_digit());
    number || COUNT_WORDS.contains(&w)
}

/// Number words that count events ("hai cuộc hội đàm"); "năm" (five, or a year) is left out.
const COUNT_WORDS: &[&str] = &["hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "chục", "trăm"];

/// The mention's subject, pair or carried-over subject of a series, with where
/// the quote starts.
pub(super) struct Told {
    pub(super) subject: Vec<usize>,
    pub(super) pair: Option<&'static str>,
    pub(super) start: usize,
    pub(super) series: bool,
}

/// The verb told just before in the same sentence: its subject, and where it ended.
struct Previous {
    subject: Vec<usize>,
    pair: Option<&'static str>,
    end: usize,
}

/// Every event mention in the document's sentences.
pub fn find(ctx: &Context<'_>, people: &[PersonHit]) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    // Event words of the whole text in one pass, then read sentence by sentence.
    let words: Vec<(Range<usize>, usize)> = KINDS.ac.find_iter(ctx.lower.as_str()).map(|m| (m.range(), m.pattern().as_usize())).collect();
    if words.is_empty() {
        return out;
    }
    for sentence in &ctx.sentences {
        let r = &sentence.range;
        let from = words.partition_point(|(w, _)| w.start < r.start);
        let to = from + words[from..].partition_point(|(w, _)| w.end <= r.end);
        if from == to {
            continue;
        }
        let first = out.len();
        in_sentence(ctx, people, sentence, &words[from..to], &mut out);
        trim_spans(&mut out[first..]);
    }
    out
}

/// A quote never runs into the next event word of its sentence ("X chủ trì
/// lễ đón và hội đàm với Y": the welcome's quote stops before "hội đàm").
fn trim_spans(ms: &mut [EventMention]) {
    for i in 1..ms.len() {
        // One verb told with each of its objects ("lần lượt gặp A và B") shares the trigger.
        let next = if ms[i].trigger == ms[i - 1].trigger { ms[i].span.start } else { ms[i].trigger.start.min(ms[i].span.start) };
        let m = &mut ms[i - 1];
        if m.span.start < next && m.span.end > next {
            m.span.end = m.name.end.max(m.trigger.end).min(m.span.end).max(m.span.start);
            if m.span.end > next {
                m.span.end = next.max(m.trigger.end);
            }
        }
    }
}

/// The end of the part of the sentence a mention's people belong to: the next
/// ',', ';' or '.' after `pos`.
fn clause_end_after(text: &str, pos: usize, end: usize) -> usize {
    text[pos..end].find([',', ';', '.']).map_or(end, |i| pos + i)
}

fn in_sentence(ctx: &Context<'_>, people: &[PersonHit], sentence: &Sentence, words: &[(Range<usize>, usize)], out: &mut Vec<EventMention>) {
    let text = ctx.text();
    let lower = ctx.lower.as_str();
    let Sentence { range: s, source } = sentence;
    let mut previous: Option<Previous> = None;
    // The name's end and kind of the event told last in this sentence.
    let mut last_name_end: Option<usize> = None;
    for (mut trig, pattern) in words.iter().cloned() {
        // "lễ ký", "lễ khai mạc": the ceremony's own word belongs to the event word.
        if lower.get(trig.clone()) == Some("lễ") && lower[trig.end..].starts_with(' ') {
            // The sentence may end at the space ("dự lễ "): then no head follows.
            if let Some(h) = lower.get(trig.end + 1..s.end).and_then(|rest| cue_after("ceremony_head", rest)) {
                trig.end += 1 + h.len();
            }
        }
        // "trao tặng Huân chương": the award's verb belongs to the event word.
        if lower.get(trig.clone()) == Some("huân chương") {
            let b = lower[s.start..trig.start].trim_end();
            let Some(v) = cue_before("award_verb", b) else { continue };
            trig.start = s.start + b.len() - v.len();
        }
        let before_ok = !text[..trig.start].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !text[trig.end..].chars().next().is_some_and(char::is_alphanumeric);
        if !before_ok || !after_ok {
            continue;
        }
        let row = KINDS.rows[pattern];
        let kind = row.kind;
        let word = lower[trig.clone()].to_string();
        let capital = text[trig.clone()].chars().next().is_some_and(char::is_uppercase);
        // "các chuyến thăm", "một chuyến công tác" are no one event; "cùng một chuyến công du" is.
        let generic = cues("generic").iter().any(|g| word_before(lower, trig.start, g)) && !word_before(lower, trig.start, "cùng một") || counted(lower, trig.start);
        // "tại Trung tâm Văn hóa - Hội nghị tỉnh": an event word inside a place's name.
        let place = capital && {
            // "Trung tâm" or "Cung" (capitalised: a name) at most four words before the event word.
            let b = text[s.start..trig.start].trim_end();
            let mut words = b.rsplit(' ');
            let mut found = false;
            for _ in 0..5 {
                let Some(w) = words.next() else { break };
                if w.ends_with([',', ';', ':']) {
                    break;
                }
                if w == "tâm" && words.clone().next() == Some("Trung") || w == "Cung" {
                    found = true;
                    break;
                }
            }
            found
        };
        if generic || place || cues("place_before").iter().any(|g| word_before(lower, trig.start, g)) || names_a_document(text, lower, trig.start) {
            continue;
        }
        // "chứng kiến lễ ký": the witnessing mention carries the ceremony.
        if kind == MeetingKind::Ceremony && row.roles != Roles::Witness && word_before(lower, trig.start, "chứng kiến") {
            continue;
        }
        let clause_end = clause_end_after(text, trig.end, s.end);
        // "A có cuộc họp (trực tuyến) với B", "A có buổi làm việc với B": told like talks.
        let had = kind == MeetingKind::Session && row.roles == Roles::Noun && ["có", "đã có", "sẽ có"].iter().any(|w| word_before(lower, trig.start, w));
        let verbal = row.roles != Roles::Noun && row.roles != Roles::Named || had;
        let told = told_before(ctx, people, s, &trig, previous.as_ref(), verbal);
        let mut row = row;
        if had && told.is_some() {
            row.roles = Roles::Both;
        }
        // "việc tham dự lễ kỷ niệm …" speaks of an activity in general, not of one event.
        let definite = cues("definite_before").iter().filter(|d| word_before(lower, trig.start, d)).max_by_key(|d| d.len()).is_some_and(|d| {
            let b = lower[..trig.start].trim_end();
            !b[..b.len() - d.len()].trim_end().ends_with("việc")
        });
        // "chủ trì lễ đón … và hội đàm với …": an event coordinated with the one before.
        let coordinated = last_name_end.is_some_and(|e| e <= trig.start && matches!(lower[e..trig.start].trim(), "và" | "," | "và sau đó" | ", sau đó" | "rồi" | "và tiến hành"));
        let sentence_start = text[s.start..trig.start].trim().is_empty();
        let after = lower[trig.end..s.end].trim_start();
        // "dự hội đàm", "Tại hội đàm", "Sau hội đàm": the word is a noun, told without its people.
        let noun_use = told.is_none() && ["attend_before", "follow", "during"].iter().any(|c| cue_before(c, &lower[s.start..trig.start]).is_some());
        // A visit's objects are places; its visitor comes with "của" (below).
        let mut objects = if verbal && !noun_use && row.roles != Roles::Lead { objects_after(ctx, people, trig.end, clause_end, s.end) } else { Vec::new() };
        // "Tiếp Đại sứ X, Chủ tịch nước …": the host is the subject after the comma.
        let mut told = told;
        if told.is_none() && sentence_start && matches!(row.roles, Roles::Host | Roles::CallOn | Roles::Both) {
            if let Some(&o) = objects.first() {
                let after_obj = clause_end_after(text, people[o].range.end, s.end);
                let k = people.partition_point(|p| p.range.start < after_obj);
                if let Some(j) = (k..people.len()).take(1).find(|&j| people[j].range.start < s.end && text[after_obj..people[j].range.start].trim_matches([',', ' ']).is_empty()) {
                    told = Some(Told { subject: vec![j], pair: None, start: trig.start, series: false });
                }
            }
        }
        // "Tại cuộc gặp (với) Thủ tướng X, Thủ tướng Y khẳng định …": the noun names the side
        // met, and whoever speaks right after the comma is the other side.
        if noun_use && row.roles == Roles::Both && word.starts_with("cuộc") && objects.is_empty() {
            objects = objects_after(ctx, people, trig.end, clause_end, clause_end);
            if let Some(&o) = objects.last() {
                let after_obj = clause_end_after(text, people[o].range.end, s.end);
                let k = people.partition_point(|p| p.range.start < after_obj);
                // (Only a named speaker: a bare title may be the side already counted.)
                if people.get(k).is_some_and(|p| p.name.is_some() && p.range.start < s.end && text[after_obj..p.range.start].trim_matches([',', ' ']).is_empty()) {
                    told = Some(Told { subject: vec![k], pair: None, start: trig.start, series: false });
                }
            }
        }
        // "dưới sự chứng kiến của A và B": the witnesses follow.
        let under_witness = row.roles == Roles::Witness && ends_with_word(lower[..trig.start].trim_end(), "dưới sự") && after.starts_with("của ");
        let witness_pair = if under_witness { cue_after("pair", &after["của ".len()..]) } else { None };
        // "Đoàn A do X làm Trưởng đoàn hội đàm với Đoàn B do Y làm Trưởng đoàn": the two leaders.
        if row.roles == Roles::Both && told.is_none() && objects.is_empty() && !noun_use {
            let leaders = delegation_leaders(ctx, people, s);
            let before: Vec<usize> = leaders.iter().filter(|(_, at)| *at <= trig.start).map(|(j, _)| *j).take(1).collect();
            let after: Vec<usize> = leaders.iter().filter(|(j, _)| people[*j].range.start > trig.end).map(|(j, _)| *j).take(1).collect();
            if !before.is_empty() && !after.is_empty() {
                told = Some(Told { subject: before, pair: None, start: trig.start, series: false });
                objects = after;
            }
        }
        let candidate = Candidate { trig: trig.clone(), row, word: &word, capital, after, clause_end, verbal, noun_use, definite, coordinated, sentence_start, under_witness, witness_pair, told: told.as_ref(), objects: &objects };
        if !accepted(ctx, people, s, &candidate) {
            continue;
        }
        if under_witness {
            // The witnesses are the principals; the quote starts at "dưới sự".
            let start = lower[..trig.start].trim_end().len() - "dưới sự".len();
            let pair_end = witness_pair.map(|p| lower[trig.end..].find(p).map_or(trig.end, |i| trig.end + i + p.len()));
            let end = objects.last().map_or(pair_end.unwrap_or(trig.end), |&o| people[o].range.end);
            let subject = if witness_pair.is_some() { Vec::new() } else { std::mem::take(&mut objects) };
            out.push(mention(kind, row.roles, trig.clone(), trig.clone(), None, false, s, *source, &word, subject, Vec::new(), witness_pair, false, start..end));
            last_name_end = Some(end);
            continue;
        }
        let (mut name, topic) = name_and_topic(text, lower, trig.clone(), s.end);
        // A name never runs into a person: "lễ đón chính thức Quốc vương Campuchia …".
        if !verbal || matches!(row.roles, Roles::Lead | Roles::Host) && told.is_none() {
            let first_person = people.iter().skip(people.partition_point(|p| p.range.start < trig.end)).take_while(|p| p.range.start < name.end).find(|p| p.title.is_some() && p.name.as_deref().is_some_and(|n| text[p.range.clone()].ends_with(n)));
            if let Some(p) = first_person {
                let cut = text[name.start..p.range.start].trim_end();
                let cut = cut.strip_suffix(" của").unwrap_or(cut);
                name.end = name.start + cut.len();
            }
        }
        // "cuộc họp này", "chuyến thăm lần này": the word refers back; the name is the word.
        let refers_back = cue_after("anaphora_after", after).is_some();
        // "để chuyến thăm đạt kết quả …": a trip word followed by what is said of it.
        let told_of = word.starts_with("chuyến") && !after.is_empty() && !cues("visit_qualifier").iter().any(|q| starts_with_word(after, q)) && !text[trig.end..].trim_start().starts_with(char::is_uppercase);
        if refers_back || told_of {
            name.end = trig.end;
        }
        // "Diễn đàn Kinh tế thế giới (WEF)", "Hội nghị Liên Hợp Quốc về Thương mại và Phát
        // triển (UNCTAD)" name organisations, not events.
        let organisation = |n: &str| crate::lexicon::partners::lookup(n).is_some_and(|p| p.kind != crate::records::PartnerKind::Country);
        // The words from the event word up to a bracket ("… và Phát triển (UNCTAD)") may be
        // an organisation's full name even when the event's name stops earlier.
        let window = floor_boundary(text, s.end.min(trig.start + 160)).max(trig.start);
        let upto_bracket = text[trig.start..window].find(" (").map(|i| text[trig.start..trig.start + i].trim_end());
        if organisation(&text[name.clone()]) || upto_bracket.is_some_and(organisation) {
            continue;
        }
        let bare = name.end <= trig.end;
        let proper = text[trig.end..].starts_with(' ') && text[trig.end..].trim_start().chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && name.end > trig.end;
        // The visitor after "Chuyến thăm … của" ("chuyến thăm làm việc tại Việt Nam của X").
        if row.roles == Roles::Lead && objects.is_empty() {
            // Only a destination may stand between: "chuyến thăm làm việc tại Việt Nam của X",
            // not "thăm … theo lời mời của X".
            let of = lower[trig.end..clause_end].find(" của ").filter(|&i| {
                let gap = &lower[trig.end..trig.end + i];
                i < 100 && !["mời", "theo", "kết quả", "nhân dịp"].iter().any(|w| gap.contains(w))
            });
            let of = of.map(|i| trig.end + i + " của ".len());
            if let Some(at) = of {
                objects = objects_after(ctx, people, at, clause_end_after(text, at, s.end).max(at + 1), at + 1);
            }
        }
        if matches!(row.roles, Roles::Lead) && told.is_none() && objects.is_empty() {
            if let Some((leader, at)) = delegation_leaders(ctx, people, s).into_iter().next() {
                if at <= trig.start {
                    objects.push(leader);
                }
            }
        }
        // "Thượng tướng X và Đoàn đại biểu … sang thăm": X heads the delegation that visits.
        if matches!(row.roles, Roles::Lead) && told.is_none() && objects.is_empty() {
            let b = &lower[s.start..trig.start];
            if let Some(d) = b.rfind(" và đoàn ").or_else(|| b.rfind(" cùng đoàn ")) {
                let at = s.start + d;
                // "Thủ tướng X và Phu nhân Y cùng Đoàn …": the first of the list leads.
                let list = subject_before(ctx, people, s.start, at);
                if let Some(&j) = list.first().filter(|&&j| people[j].name.is_some() && trig.start - at < 160) {
                    objects.push(j);
                }
            }
        }
        // "nhắc lại cuộc gặp với Tổng thống X": the sentence's subject met X.
        if told.is_none() && row.roles == Roles::Both && !objects.is_empty() && word.starts_with("cuộc") {
            if let Some(j) = sentence_subject(ctx, people, s.start, trig.start) {
                told = Some(Told { subject: vec![j], pair: None, start: trig.start, series: false });
            }
        }
        if told.is_none() && row.roles == Roles::Lead && objects.is_empty() && !(word.starts_with("chuyến") && name.end <= trig.end) {
            if let Some(j) = sentence_subject(ctx, people, s.start, trig.start) {
                told = Some(Told { subject: vec![j], pair: None, start: trig.start, series: false });
            }
        }
        // A bare word told after "Tại", "Sau", "dự" … or before "này", "đó" refers back.
        let anaphoric = refers_back
            || bare
                && told.is_none()
                && objects.is_empty()
                && (cue_before("follow", &lower[s.start..trig.start]).is_some()
                    || cue_before("during", &lower[s.start..trig.start]).is_some()
                    || cue_before("attend_before", &lower[s.start..trig.start]).is_some()
                    || word_before(lower, trig.start, "cuộc") && !after.starts_with("với"));
        // "tại tiệc chiêu đãi Đoàn Ngoại giao": a described event told after "tại", "dự" …
        // is the one of its kind told before, when there is one.
        let soft = !anaphoric && noun_use && !proper && !capital && objects.is_empty();
        // "lần lượt hội kiến A, B và C": one meeting with each.
        let one_each = told.is_some()
            && lower[s.start..trig.start].trim_end().ends_with("lần lượt")
            && objects.len() > 1
            && matches!(row.roles, Roles::Both | Roles::Host | Roles::Guest | Roles::CallOn);
        let (subject, pair, start, series) = match told {
            Some(t) => (t.subject, t.pair, t.start, t.series),
            None => (Vec::new(), None, trig.start, false),
        };
        // "X dự Diễn đàn …", "…; dự Diễn đàn …" in a series of X's verbs: X attends.
        let attend = attend_told(ctx, people, s, &trig, previous.as_ref());
        let first_end = objects.first().map_or(name.end, |&o| people[o].range.end.max(name.end));
        let span_start = if series { trig.start } else { start.min(name.start) };
        let is_verb = !subject.is_empty() || pair.is_some();
        if one_each {
            let rest = objects.split_off(1);
            out.push(mention(kind, row.roles, trig.clone(), name.clone(), topic.clone(), proper, s, *source, &word, subject.clone(), objects.clone(), pair, false, span_start..first_end));
            let mut end = first_end;
            for o in rest {
                let r = people[o].range.clone();
                end = r.end;
                out.push(mention(kind, row.roles, trig.clone(), name.clone(), None, false, s, *source, &word, subject.clone(), vec![o], pair, false, r));
            }
            previous = Some(Previous { subject, pair, end });
            last_name_end = Some(end);
            continue;
        }
        let end = objects.last().map_or(first_end, |&o| people[o].range.end.max(first_end));
        let span_end = if objects.len() > 1 { first_end } else { end };
        let mut mention = mention(kind, row.roles, trig.clone(), name.clone(), topic, proper, s, *source, &word, subject.clone(), objects, pair, anaphoric, span_start..span_end);
        mention.attend = attend;
        mention.soft = soft;
        out.push(mention);
        last_name_end = Some(name.end);
        if is_verb {
            previous = Some(Previous { subject, pair, end });
        } else if let Some(p) = previous.as_mut() {
            // "…; dự Diễn đàn X và gặp gỡ …": the series goes on after a noun it attends.
            if cue_before("attend_before", &lower[s.start..trig.start]).is_some() {
                p.end = clause_end_after(text, name.end, s.end).min(name.end);
            }
        }
    }
}

/// "X (sẽ) dự Diễn đàn …": the people who attend an event told as a noun.
fn attend_told(ctx: &Context<'_>, people: &[PersonHit], s: &Range<usize>, trig: &Range<usize>, previous: Option<&Previous>) -> Vec<usize> {
    let lower = ctx.lower.as_str();
    let b = lower[s.start..trig.start].trim_end();
    let Some(c) = cue_before("attend_before", b) else { return Vec::new() };
    let at = s.start + b.len() - c.len();
    let mut who = subject_before(ctx, people, s.start, at);
    if who.is_empty() {
        // "…; dự Diễn đàn …": the subject of the series.
        if let Some(p) = previous {
            let gap = lower[p.end.min(at)..at].trim();
            if p.end <= at && (gap.is_empty() || cues("series").iter().any(|c| c == gap)) {
                who = p.subject.clone();
            }
        }
    }
    // "sau đó cùng Tổng Bí thư Tô Lâm dự …": the companion attends too.
    if let Some(&first) = who.first() {
        if ends_with_word(lower[s.start..people[first].range.start].trim_end(), "cùng") {
            if let Some(p) = previous {
                who.extend(p.subject.iter().copied().filter(|j| !who.contains(j)).collect::<Vec<_>>());
            }
        }
    }
    who
}

#[allow(clippy::too_many_arguments)]
fn mention(kind: MeetingKind, roles: Roles, trigger: Range<usize>, name: Range<usize>, topic: Option<Range<usize>>, proper: bool, s: &Range<usize>, source: Source, word: &str, subject: Vec<usize>, object: Vec<usize>, pair: Option<&'static str>, anaphoric: bool, span: Range<usize>) -> EventMention {
    EventMention { kind, roles, trigger, name, topic, proper, sentence: s.clone(), source, word: word.to_string(), subject, object, pair, attend: Vec::new(), anaphoric, soft: false, span }
}

/// The subject of a verb at `trig`: people right before it, "hai nhà lãnh
/// đạo", or the subject of the verb told just before in a series ("hội kiến
/// A; hội kiến B và gặp C"). For a noun, only the chair of "X chủ trì <noun>".
fn told_before(ctx: &Context<'_>, people: &[PersonHit], s: &Range<usize>, trig: &Range<usize>, previous: Option<&Previous>, verbal: bool) -> Option<Told> {
    let lower = ctx.lower.as_str();
    let b = lower[s.start..trig.start].trim_end();
    // "X (đã) chủ trì lễ đón Y", "hai Thủ tướng đồng chủ trì Hội nghị …": the chair is the subject.
    if let Some(c) = cue_before("chair", b) {
        let at = s.start + b.len() - c.len();
        if let Some(p) = pair_before(ctx, s.start, at) {
            let pb = lower[..at].trim_end();
            return Some(Told { subject: Vec::new(), pair: Some(p), start: pb.rfind(p).unwrap_or(at), series: false });
        }
        let subject = subject_before(ctx, people, s.start, at);
        if let Some(&first) = subject.first() {
            return Some(Told { start: people[first].range.start, subject, pair: None, series: false });
        }
    }
    if !verbal {
        return None;
    }
    if let Some(p) = pair_before(ctx, s.start, trig.start) {
        let at = lower[..trig.start].trim_end().rfind(p).unwrap_or(trig.start);
        return Some(Told { subject: Vec::new(), pair: Some(p), start: at, series: false });
    }
    let subject = subject_before(ctx, people, s.start, trig.start);
    if let Some(&first) = subject.first() {
        return Some(Told { start: people[first].range.start, subject, pair: None, series: false });
    }
    // "Tổng thống X, người đang có chuyến thăm …": the person the relative clause is about.
    for rel in [", người", ", người đang", ", người đã", ", người đang có", ", người đã có", ", người sẽ", ", người vừa"] {
        if b.ends_with(rel) {
            let at = s.start + b.len() - rel.len();
            let k = people.partition_point(|p| p.range.end <= at);
            if let Some(j) = k.checked_sub(1).filter(|&j| people[j].range.end == at && people[j].range.start >= s.start) {
                return Some(Told { start: trig.start, subject: vec![j], pair: None, series: false });
            }
        }
    }
    // "mời Thủ tướng X (sớm) thăm …": the invited one visits.
    if let Some(i) = b.rfind("mời ") {
        let at = s.start + i + "mời ".len();
        let k = people.partition_point(|p| p.range.start < at);
        if let Some(p) = people.get(k).filter(|p| p.range.start == at && p.range.end <= trig.start) {
            let gap = lower[p.range.end..trig.start].trim();
            if super::parties::is_subject_gap(gap) {
                return Some(Told { subject: vec![k], pair: None, start: p.range.start, series: false });
            }
        }
    }
    // "A …, sau đó (cùng) gặp gỡ báo chí": the sentence's own subject goes on; so it does
    // in "hai Thủ tướng thông qua … và chứng kiến trao đổi …".
    let witnessing = lower[trig.clone()].starts_with("chứng kiến");
    // "X thăm cấp Nhà nước Mông Cổ và lần lượt hội kiến …": a second verb of the subject.
    let and_then = !witnessing && b.rsplit_once(" và ").is_some_and(|(_, gap)| !gap.trim().is_empty() && super::parties::is_subject_gap(gap));
    if ["sau đó", "sau đó cùng", "rồi", "đồng thời", "sau đó đã", "và cùng"].iter().any(|w| ends_with_word(b, w)) || witnessing && ends_with_word(b, "và") || and_then {
        let head = lower[s.start..trig.start].trim_start();
        if let Some(p) = cue_after("pair", head) {
            return Some(Told { subject: Vec::new(), pair: Some(p), start: trig.start, series: false });
        }
        if let Some(j) = sentence_subject(ctx, people, s.start, trig.start) {
            return Some(Told { subject: vec![j], pair: None, start: trig.start, series: false });
        }
    }
    let prev = previous?;
    if prev.end > trig.start {
        return None;
    }
    // "hội kiến A; hội kiến B và gặp C", "tiếp A (…office…); tiếp B": the verb before
    // goes on when what stands between ends with a separator and names nobody new.
    let gap = lower.get(prev.end..trig.start)?.trim();
    // "hội kiến A; chiều cùng ngày thăm …": a separator and the time of the next step.
    let timed = gap.strip_prefix([';', ',']).map(str::trim).is_some_and(|t| {
        let at = trig.start - t.len() - (lower[..trig.start].len() - lower[..trig.start].trim_end().len());
        ctx.temporals.iter().any(|x| x.range.start == at && x.range.end == at + t.len()) || cues("series_time").iter().any(|c| c == t)
    });
    let separated = gap.is_empty() || timed || cues("series").iter().any(|c| gap == c || gap.ends_with(&format!(" {c}")) || c.len() == 1 && gap.ends_with(c.as_str()));
    let k = people.partition_point(|p| p.range.start < prev.end);
    let nobody = people.get(k).is_none_or(|p| p.range.start >= trig.start || p.name.is_none());
    (separated && nobody).then(|| Told { subject: prev.subject.clone(), pair: prev.pair, start: trig.start, series: true })
}
