//! Whether an event word names one real event told in its sentence: a rule per
//! genre (witnessed signings, calls, meetings with people or groups, visits,
//! numbered congresses, receptions, meetings, ceremonies, other event words).

use super::lexicon::{cue_after, cue_before, cues, starts_with_word, KindRow, Roles};
use super::mentions::{word_before, Told};
use super::naming::name_and_topic;
use super::parties::sentence_subject;
use crate::extract::people::PersonHit;
use crate::extract::Context;
use crate::records::MeetingKind;
use std::ops::Range;

/// How far (bytes) before a rite's verb a delegation may be told as its subject.
const DELEGATION_REACH: usize = 240;
/// An event word and what its sentence tells around it, as read by `mentions`.
pub(super) struct Candidate<'a> {
    pub trig: Range<usize>,
    pub row: KindRow,
    /// The event word in lower case.
    pub word: &'a str,
    /// Written with a capital: part of a name.
    pub capital: bool,
    /// The lower-case sentence after the word, from its first non-space.
    pub after: &'a str,
    pub clause_end: usize,
    /// Told as a verb (or "có cuộc họp với"), not as a noun.
    pub verbal: bool,
    /// "dự hội đàm", "Tại hội đàm": a noun told without its people.
    pub noun_use: bool,
    /// After a verb that makes it one event ("chủ trì", "dự", "tại" …).
    pub definite: bool,
    /// Coordinated with the event told before ("lễ đón … và hội đàm").
    pub coordinated: bool,
    pub sentence_start: bool,
    /// "dưới sự chứng kiến của …".
    pub under_witness: bool,
    pub witness_pair: Option<&'static str>,
    pub told: Option<&'a Told>,
    pub objects: &'a [usize],
}

/// The genre's rule for `c` in sentence `s`.
pub(super) fn accepted(ctx: &Context<'_>, people: &[PersonHit], s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let lower = ctx.lower.as_str();
    let (row, word) = (c.row, c.word);
    // "Tiếp đón Real Betis trên sân nhà": a home match, not a reception.
    let sports = row.roles == Roles::Host && cues("sports_frame").iter().any(|f| lower[c.trig.end..c.clause_end].contains(f.as_str()));
    // "Bộ Lễ chuẩn bị": the Ministry of Rites, not a ceremony.
    let ministry = row.kind == MeetingKind::Ceremony && c.capital && word_before(lower, c.trig.start, "bộ");
    if sports || ministry {
        false
    } else if row.roles == Roles::Witness {
        witnessed(lower, s, c)
    } else if row.roles == Roles::Guest {
        // "A chào B", "A trình Quốc thư lên B": B right after the verb; "đến chào từ biệt"
        // is the purpose of a reception.
        c.told.is_some() && host_after(lower, people, c) && !word_before(lower, c.trig.start, "đến") && !word_before(lower, c.trig.start, "tới")
    } else if row.verb_only && row.roles == Roles::Both {
        met(lower, people, s, c)
    } else if row.verb_only && row.roles == Roles::Lead {
        visited(ctx, people, s, c)
    } else if row.verb_only {
        c.told.is_some()
    } else if row.roles == Roles::Named {
        numbered(ctx, s, c)
    } else if word == "tiếp" {
        received(ctx.text(), people, c)
    } else if word == "lễ" && cues("not_ceremony_after").iter().any(|w| starts_with_word(c.after, w)) {
        false
    } else if word.starts_with("chuyến") {
        // "chuyến thăm …", "chuyến công tác …": a trip is specific; generic ones were dropped before.
        true
    } else if matches!(word, "cuộc gặp" | "cuộc gặp gỡ") && (!c.objects.is_empty() || c.told.is_none()) {
        meeting_noun(lower, c)
    } else if matches!(word, "cuộc điện đàm" | "cuộc hội đàm") && !c.objects.is_empty() && !c.capital {
        // "nhắc đến cuộc điện đàm cùng ngày với Tổng thư ký NATO X": a call with a named person.
        true
    } else if row.kind == MeetingKind::Ceremony && !c.verbal {
        // Ceremonies ("lễ") only when written as a name or after a verb that makes
        // them definite ("chủ trì lễ đón"), or a signing told as held. A bare "lễ"
        // in lower case is too wide.
        c.capital || (c.definite && word != "lễ" && word != "lễ trao") || c.coordinated && word != "lễ" || signing_held(ctx, s, c)
    } else if row.kind == MeetingKind::Visit && word.starts_with("thăm") {
        // "thăm chính thức", "thăm cấp Nhà nước": a visit told as a verb phrase.
        true
    } else if c.verbal {
        c.capital || c.definite || c.sentence_start || c.coordinated || c.noun_use || c.told.is_some() || cues("verb_event_before").iter().any(|d| word_before(lower, c.trig.start, d))
    } else {
        c.capital || c.definite || c.sentence_start || c.coordinated || held_numbered(ctx, s, c)
    }
}

/// How far (bytes) past a signing's name its parties may run before "diễn ra"
/// ("lễ ký kết thỏa thuận giữa A và B (gọi chung là …) diễn ra").
const PARTIES_REACH: usize = 200;

/// "lễ ký kết thỏa thuận giữa A và B diễn ra", "buổi lễ ký kết … đã diễn ra tại Tokyo":
/// a signing told as held in its own clause is one event, even in lower case.
fn signing_held(ctx: &Context<'_>, s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let (text, lower) = (ctx.text(), ctx.lower.as_str());
    if !["lễ ký", "lễ ký kết"].iter().any(|w| starts_with_word(&lower[c.trig.start..s.end], w)) {
        return false;
    }
    let (name, _) = name_and_topic(text, lower, c.trig.clone(), s.end);
    let from = name.end.clamp(c.trig.end, s.end);
    let reach = crate::text::floor_char(text, (from + PARTIES_REACH).min(s.end)).max(from);
    let clause = &lower[from..reach];
    let clause = &clause[..clause.find([',', ';', '.']).unwrap_or(clause.len())];
    cues("held_after").iter().any(|h| crate::lexicon::cues::find_word(clause, h).is_some())
}

/// "phiên đàm phán thứ ba sẽ được tổ chức tại Brasília": an event named with its
/// ordinal and told as held (or to be held) right after its name is a definite one.
fn held_numbered(ctx: &Context<'_>, s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let (text, lower) = (ctx.text(), ctx.lower.as_str());
    let (name, _) = name_and_topic(text, lower, c.trig.clone(), s.end);
    let words: Vec<&str> = lower[c.trig.end..name.end].split_whitespace().collect();
    let ordinal = words.windows(2).any(|w| w[0] == "thứ" && (w[1].chars().all(|ch| ch.is_ascii_digit()) || cues("ordinal_word").iter().any(|o| o == w[1])));
    ordinal && cue_after("held_after", &lower[name.end..s.end]).is_some()
}

/// The first person after the word stands right after it ("chào B", "gặp Thủ tướng X").
fn object_right_after(people: &[PersonHit], c: &Candidate<'_>) -> bool {
    c.objects.first().is_some_and(|&o| people[o].range.start <= c.trig.end + 1)
}

/// The host a guest calls on, right after the verb or after "lên", "cho", "tới"
/// ("trình Quốc thư lên Nhà vua …").
fn host_after(lower: &str, people: &[PersonHit], c: &Candidate<'_>) -> bool {
    c.objects.first().is_some_and(|&o| {
        let start = people[o].range.start;
        start >= c.trig.end && lower.get(c.trig.end..start).is_some_and(|gap| matches!(gap.trim(), "" | "lên" | "cho" | "tới"))
    })
}

/// "A chứng kiến lễ ký …", "dưới sự chứng kiến của A và B": a witnessed signing.
fn witnessed(lower: &str, s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let signing_after = cue_after("signing", c.after).is_some();
    let signing_in_sentence = cues("signing").iter().any(|w| lower[s.clone()].contains(&format!(" {w} ")));
    (c.told.is_some() && signing_after) || (c.under_witness && (!c.objects.is_empty() || c.witness_pair.is_some()) && signing_in_sentence)
}

/// "gặp A", or "gặp (gỡ) cộng đồng …, kiều bào …": a person or a group met by a leader.
fn met(lower: &str, people: &[PersonHit], s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let word = c.word;
    // "… khi gặp Thủ tướng X": a meeting told as the time of what was said.
    let when_met = word == "gặp" && word_before(lower, c.trig.start, "khi") && c.objects.first().is_some_and(|&o| people[o].range.start <= c.trig.end + 1 && people[o].title.is_some() && people[o].name.is_some());
    // "dự Chương trình gặp gỡ hữu nghị …": a programme attended, named by its verb.
    let programme = word_before(lower, c.trig.start, "chương trình")
        && lower[s.start..c.trig.start].trim_end().strip_suffix("chương trình").is_some_and(|b| cue_before("attend_before", b.trim_end()).is_some());
    c.told.is_some() && (word != "gặp" || !c.objects.is_empty() || cue_after("met_group", c.after).is_some()) || when_met || programme
}

/// "X thăm Việt Nam", "X đến thăm Trường …", "mời X sớm thăm lại Việt Nam": a visit
/// to a named place (not "thăm hỏi", "thăm đồng", "thăm người thân"); also a rite
/// or an award handed by a leader or a delegation.
fn visited(ctx: &Context<'_>, people: &[PersonHit], s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let (text, lower) = (ctx.text(), ctx.lower.as_str());
    let (trig, word, after) = (&c.trig, c.word, c.after);
    let leader = c.told.is_some() || sentence_subject(ctx, people, s.start, trig.start).is_some() || word_before(lower, trig.start, "mời");
    // "Đoàn đại biểu … (sẽ) đặt vòng hoa": a delegation lays the wreath.
    let delegation = c.row.kind == MeetingKind::Ceremony && {
        let from = crate::text::ceil_char(text, trig.start.saturating_sub(DELEGATION_REACH)).max(s.start).min(trig.start);
        let b = &lower[from..trig.start];
        cues("delegation").iter().any(|d| b.contains(d.as_str()))
    };
    let rest = text[trig.end..s.end].trim_start();
    let rest = rest.strip_prefix("lại ").unwrap_or(rest);
    // "X đã thăm, tặng quà công nhân": a leader's visit to people at work or at home.
    let with_gifts = word == "thăm" && leader && {
        let r = after.strip_prefix(',').or_else(|| after.strip_prefix("và ")).map(str::trim_start);
        r.is_some_and(|r| cue_after("visit_gift", r).is_some())
    };
    // "thăm tỉnh Fukushima", "thăm Nhà máy …": a named place below the country.
    let unit_place = || {
        let lower_rest = crate::text::lowercase_same_len(&rest[..crate::text::floor_char(rest, rest.len().min(48))]);
        cues("visit_place_unit").iter().chain(cues("venue")).any(|u| lower_rest.strip_prefix(u.as_str()).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| r.starts_with(char::is_alphabetic)) && rest[u.len()..].trim_start().starts_with(char::is_uppercase))
    };
    let place = word != "thăm" || rest.starts_with(char::is_uppercase) || with_gifts || unit_place();
    // "được trao Huân chương": the subject received an award, at no event told here.
    let received = c.row.kind == MeetingKind::Ceremony && ["được", "đã được", "sẽ được", "nhận"].iter().any(|w| word_before(lower, trig.start, w));
    // An award handed ("trao huân chương") needs its giver right before it: in a
    // series ("cam kết thăng cấp …, trao huân chương") it is a promise, not an event.
    let leader = if word.ends_with("huân chương") { c.told.is_some_and(|t| !t.series) } else { leader || delegation } && !received;
    leader && place && !after.is_empty()
}

/// "Đại hội XIII", "Hội nghị … lần thứ 7": an event named with its number (a year
/// is not enough: "Đại hội đồng cổ đông 2021").
fn numbered(ctx: &Context<'_>, s: &Range<usize>, c: &Candidate<'_>) -> bool {
    let (text, lower) = (ctx.text(), ctx.lower.as_str());
    let (name, _) = name_and_topic(text, lower, c.trig.clone(), s.end);
    let n = &lower[name];
    let ordinal = n.contains("lần thứ") || n.split(' ').skip(2).any(|w| !w.is_empty() && w.chars().all(|ch| matches!(ch, 'i' | 'v' | 'x' | 'l')));
    // "Hội chợ Gulfood 2025": some events are numbered by their year.
    let by_year = cues("named_by_year").iter().any(|w| w == c.word) && n.split(' ').any(|w| w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()));
    // "dự Đối thoại trực tuyến giữa các Nhà lãnh đạo APEC với ABAC": some are one event
    // when someone attends them by name.
    let attended = cues("named_when_attended").iter().any(|w| w == c.word) && c.noun_use;
    let ordinal = ordinal || by_year || attended;
    c.capital && ordinal && !starts_with_word(c.after, "đồng") && cue_before("not_named", &lower[s.start..c.trig.start]).is_none()
}

/// "tiếp" is a reception only between a host and a named guest ("tiếp tục" is not).
fn received(text: &str, people: &[PersonHit], c: &Candidate<'_>) -> bool {
    let next = text[c.trig.end..].trim_start();
    c.told.is_some() && (next.starts_with(char::is_uppercase) || cue_after("received_after", c.after).is_some())
        || c.sentence_start && c.capital && object_right_after(people, c)
}

/// "nhắc lại cuộc gặp với Tổng thống X": a meeting with a named person; without its
/// people, only as the frame of what follows ("trong cuộc gặp bên lề …", "tại cuộc gặp").
fn meeting_noun(lower: &str, c: &Candidate<'_>) -> bool {
    if !c.objects.is_empty() {
        return true;
    }
    c.told.is_none() && (["trong", "tại", "sau", "trước"].iter().any(|w| word_before(lower, c.trig.start, w)) || c.after.starts_with("bên lề"))
}
