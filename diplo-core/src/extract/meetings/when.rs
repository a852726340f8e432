//! When an event took place: a date told with it, or one it takes from the
//! event told before ("Chiều cùng ngày", "Ngày hôm sau", "Sau hội đàm, …").

use super::group::Group;
use super::lexicon::{cue_before, cues, ends_with_word};
use super::mentions::EventMention;
use crate::extract::people::PersonHit;
use crate::extract::Context;
use crate::lang::{Date, Temporal};
use std::ops::Range;

/// Temporals inside `r` (temporals are sorted by position).
pub fn temporals_in<'a>(ctx: &'a Context<'_>, r: &Range<usize>) -> impl Iterator<Item = &'a Temporal> {
    let r = r.clone();
    let first = ctx.temporals.partition_point(|t| t.range.start < r.start);
    ctx.temporals[first..].iter().take_while(move |t| t.range.start < r.end).filter(move |t| t.range.end <= r.end)
}

/// "kéo dài đến ngày 28/6": an end, not the event's date.
fn until(ctx: &Context<'_>, t: &Temporal) -> bool {
    let b = ctx.lower[..t.range.start].trim_end();
    ["đến", "tới", "đến ngày", "tới ngày", "hết"].iter().any(|w| ends_with_word(b, w))
}

/// "Nghị quyết số 18/NQ-CP ngày 23/1/2026", "Quyết định 493/QĐ-TTg ngày …": the day a
/// document was issued, never an event's.
fn dates_document(ctx: &Context<'_>, t: &Temporal) -> bool {
    let b = ctx.lower[..t.range.start].trim_end();
    // "ngày" is part of the temporal's text or right before it.
    let b = if ctx.lower[t.range.clone()].starts_with("ngày") { Some(b) } else { b.strip_suffix("ngày").filter(|r| !r.chars().next_back().is_some_and(char::is_alphanumeric)) };
    let Some(b) = b else { return false };
    let token = b.trim_end().rsplit(' ').next().unwrap_or("");
    // A symbol ("18/nq-cp", "59-nq/tw") or a bare number after a document's name.
    let symbol = token.contains('/') && token.chars().any(char::is_alphabetic);
    let numbered = token.chars().all(|c| c.is_ascii_digit()) && !token.is_empty() && {
        let head = b.trim_end()[..b.trim_end().len() - token.len()].trim_end();
        let head = head.strip_suffix(" số").unwrap_or(head);
        cues("document_head").iter().any(|d| ends_with_word(head, d))
    };
    symbol || numbered
}

/// A day, a range of days or a month: what can date an event.
fn dates_event(t: &Temporal) -> bool {
    t.date.is_some() && (t.is_day || t.date.as_deref().is_some_and(|d| d.len() == 7 || d.starts_with("--") && d.len() == 4))
}

/// A ',' or ';' that ends a clause: not the comma of a list of numbers
/// ("lần thứ 44, 45", "Điều 3, 4").
fn is_break(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    !(b[i] == b',' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1) == Some(&b' ') && b.get(i + 2).is_some_and(u8::is_ascii_digit))
}

/// The first clause break in `from..to`.
fn first_break(text: &str, from: usize, to: usize) -> Option<usize> {
    text[from..to].match_indices([',', ';']).map(|(i, _)| from + i).find(|&i| is_break(text, i))
}

/// The last clause break in `from..to`.
fn last_break(text: &str, from: usize, to: usize) -> Option<usize> {
    text[from..to].rmatch_indices([',', ';']).map(|(i, _)| from + i).find(|&i| is_break(text, i))
}

/// The clause of a mention: from the last ',' or ';' before the event word to
/// the first after its name and people.
pub fn clause(ctx: &Context<'_>, m: &EventMention) -> Range<usize> {
    let text = ctx.text();
    let lower = ctx.lower.as_str();
    let head = m.span.start.min(m.trigger.start);
    let tail = m.span.end.max(m.name.end).max(m.trigger.end).min(m.sentence.end);
    let s = &m.reach(text);
    let start = last_break(text, s.start, head).map_or(s.start, |i| i + 1);
    let mut end = first_break(text, tail, s.end).unwrap_or(s.end);
    // "Hội nghị …, dự kiến diễn ra ngày 16/5 tại Hà Nội": what is said of the event goes with it.
    if text[end..s.end].starts_with(',') {
        let next = lower[end + 1..s.end].trim_start();
        if ["diễn ra", "dự kiến diễn ra", "sẽ diễn ra", "được tổ chức", "dự kiến tổ chức", "tổ chức tại", "được tổ chức tại"].iter().any(|w| next.starts_with(w)) {
            end = first_break(text, end + 1, s.end).unwrap_or(s.end);
        }
    }
    start..end
}

/// The opening clauses of the sentence, before its subject and the event word
/// ("Chiều 22/7, tại Trụ sở Chính phủ, Thủ tướng …"): they govern the whole sentence.
pub fn opening(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> Option<Range<usize>> {
    let text = ctx.text();
    let s = &m.sentence;
    // The opening words end at the sentence's first person (its subject); a date
    // nearest the event word wins among them ("Năm 2009, …; tháng 3/2018, nhân chuyến thăm …").
    let first_person = people.get(people.partition_point(|p| p.range.start < s.start)).map_or(s.end, |p| p.range.start);
    let limit = m.trigger.start.min(m.span.start).min(first_person).max(s.start);
    let end = text[s.start..limit].rfind(',').map(|i| s.start + i)?;
    Some(s.start..end)
}

/// The date told with one mention.
fn own(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> Option<Temporal> {
    // A month inside the name is what the event covers ("họp báo thường kỳ tháng 5/2025"), not its date.
    let in_name = |t: &Temporal| t.range.start >= m.trigger.end && t.range.end <= m.name.end;
    // "… chiêu đãi Tổng thống X đang thăm cấp Nhà nước Việt Nam từ ngày 14-16/8": a day
    // after the guest's ongoing trip, told after this event's word, dates the trip.
    let nested = |t: &Temporal| {
        t.range.start > m.trigger.end && {
            let between = &ctx.lower[m.trigger.end..t.range.start];
            super::lexicon::cues("ongoing_trip").iter().any(|c| crate::lexicon::cues::find_word(between, c).is_some())
        }
    };
    // "Tối cùng ngày, … điện đàm … cuộc bầu cử ngày 3/4": an event told as on the day of
    // the one before takes no day told after its word (`refers` gives its day).
    let same_day = same_day_opening(ctx, m, people);
    // "Hoa Kỳ (9/2023), Nhật Bản (11/2023)": months in brackets away from the event's
    // name belong to list items ("kỳ họp 6 (tháng 10)" dates the session).
    let bracketed = |t: &Temporal| {
        let before = ctx.text()[..t.range.start].trim_end();
        !t.is_day && before.ends_with('(') && ctx.text()[t.range.end..].trim_start().starts_with(')') && before.len() > m.name.end + 2
    };
    let nearest = |r: Range<usize>, day: bool| {
        temporals_in(ctx, &r)
            .filter(|t| dates_event(t) && t.is_day == day && !until(ctx, t) && !in_name(t) && !nested(t) && !bracketed(t) && !(same_day && t.range.start > m.trigger.start) && !dates_document(ctx, t))
            .min_by_key(|t| t.range.start.abs_diff(m.trigger.start))
            .cloned()
    };
    // A trip's day opens the sentence only when the sentence tells the trip ("Sáng 30/7,
    // Thủ tướng lên đường thăm …", "… bắt đầu chuyến thăm"), not when it names it in passing.
    let named_in_passing = ["về", "cho", "để", "của", "chuẩn bị cho"].iter().any(|w| ends_with_word(ctx.lower[m.sentence.start..m.trigger.start].trim_end(), w));
    let trip_told = m.kind != crate::records::MeetingKind::Visit || !named_in_passing;
    let c = clause(ctx, m);
    if let Some(t) = nearest(c.clone(), true).or_else(|| nearest(c, false)) {
        // "Sáng 21/11, … chủ trì Lễ đón Tổng thống X … thăm cấp Nhà nước từ ngày 20 đến
        // 22/11": a range told after a one-day event's word is the guest's trip; the day
        // opening the sentence is the event's.
        let trip_range = t.end_date.is_some() && t.range.start > m.trigger.start && m.kind != crate::records::MeetingKind::Visit;
        let opening_day = || opening(ctx, m, people).and_then(|o| nearest(o, true)).filter(|o| o.end_date.is_none());
        return Some(if trip_range { opening_day().unwrap_or(t) } else { t });
    }
    if let Some(o) = opening(ctx, m, people).filter(|_| trip_told) {
        // The opening clause's date, and a "tại" of its own, govern the sentence.
        if let Some(t) = nearest(o.clone(), true).or_else(|| nearest(o, false)) {
            return Some(t);
        }
    }
    if let Some(t) = nearest(m.sentence.clone(), true).filter(|_| trip_told) {
        return Some(t);
    }
    // "hồi tháng 10", "vào tháng 3/2025".
    // ("… quan hệ được hai nước thiết lập vào tháng 3-2018": the month of another act.)
    let month = temporals_in(ctx, &m.sentence).filter(|t| !(same_day && t.range.start > m.trigger.start)).find(|t| {
        let before = ctx.lower[..t.range.start].trim_end();
        let lead = ["hồi", "vào", "trong", "từ"].iter().find(|w| ends_with_word(before, w));
        t.date.as_deref().is_some_and(|d| d.len() == 7) && lead.is_some_and(|w| !super::lexicon::cues("act_before_date").iter().any(|a| ends_with_word(before[..before.len() - w.len()].trim_end(), a)))
    });
    month.cloned().or_else(|| {
        // A year inside the name ("Đại lễ Phật đản Vesak 2025"); "tổng kết công tác năm
        // 2024" is the year the event reviews, not its date.
        let name_end = m.sentence.end.min(m.name.end + 24);
        // A span of years ("giai đoạn 2011-2022") is what it covers, not a date either.
        temporals_in(ctx, &(m.name.start..name_end)).find(|t| t.date.as_deref().is_some_and(|d| d.len() == 4) && t.end_date.is_none() && !ctx.lower[t.range.clone()].contains("năm")).cloned()
    })
}

/// "ASEAN và Trung Quốc đã ký Nghị định thư. Lễ ký diễn ra dưới sự chứng kiến …":
/// an event word opening a sentence of its own is the event of the sentence
/// before, when that one opens with its day.
fn previous_sentence(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> Option<Refers> {
    if !ctx.text()[m.sentence.start..m.trigger.start].trim().is_empty() || !m.bare() {
        return None;
    }
    let i = ctx.sentences.partition_point(|s| s.range.start < m.sentence.start);
    let prev = ctx.sentences.get(i.checked_sub(1)?)?;
    // Only within a paragraph.
    if ctx.text()[prev.range.end..m.sentence.start].contains('\n') {
        return None;
    }
    let first_person = people.get(people.partition_point(|p| p.range.start < prev.range.start)).map_or(prev.range.end, |p| p.range.start);
    let opening = prev.range.start..ctx.text()[prev.range.start..first_person.min(prev.range.end)].rfind(',').map(|j| prev.range.start + j)?;
    temporals_in(ctx, &opening).find(|t| t.is_day && t.date.is_some()).map(|t| Refers::Opening(t.clone()))
}

/// How a mention refers to the day of an event told before it.
enum Refers {
    /// The day opening the sentence before (time of day included).
    Opening(Temporal),
    SameDay(usize),
    NextDay(usize),
    /// "Sau hội đàm": the day of the event named (its mention's position), not its time.
    After(usize),
    /// "Tại hội nghị": part of the event, its day and time.
    During(usize),
}

/// The sentence's opening words, before its subject and the event word (lower case).
fn opening_words<'a>(ctx: &'a Context<'_>, m: &EventMention, people: &[PersonHit]) -> &'a str {
    let first_person = people.get(people.partition_point(|p| p.range.start < m.sentence.start)).map_or(m.sentence.end, |p| p.range.start);
    let head_end = m.trigger.start.min(m.span.start).min(first_person).max(m.sentence.start);
    &ctx.lower[m.sentence.start..head_end]
}

/// Does the sentence's opening say "cùng ngày" or "hôm sau"?
fn same_day_opening(ctx: &Context<'_>, m: &EventMention, people: &[PersonHit]) -> bool {
    let before = opening_words(ctx, m, people);
    ["same_day", "next_day"].iter().any(|cue| super::lexicon::cues(cue).iter().any(|c| before.contains(c.as_str())))
}

fn refers(ctx: &Context<'_>, m: &EventMention, all: &[(usize, &EventMention)], k: usize, people: &[PersonHit]) -> Option<Refers> {
    let lower = ctx.lower.as_str();
    // "Chiều cùng ngày, …", "Cùng ngày, X cũng tiếp …": in the sentence's opening words only
    // ("… hạ cánh lúc 13 giờ 40 cùng ngày, ngay sau khi ông dự …" dates the landing).
    let before = opening_words(ctx, m, people);
    for cue in ["same_day", "next_day"] {
        for c in super::lexicon::cues(cue) {
            if let Some(i) = before.find(c.as_str()) {
                let at = m.sentence.start + i;
                return Some(if cue == "same_day" { Refers::SameDay(at) } else { Refers::NextDay(at) });
            }
        }
    }
    // "tại họp báo chung sau hội đàm": after an event named right after this one.
    if let Some((_, next)) = all.get(k + 1).filter(|(_, e)| e.sentence == m.sentence && e.trigger.start > m.trigger.start && e.trigger.start <= m.name.end + 16) {
        if ["sau", "ngay sau"].iter().any(|w| ends_with_word(lower[..next.trigger.start].trim_end(), w)) {
            return Some(Refers::After(next.trigger.start));
        }
    }
    let all = &all[..k];
    // An event word of the same sentence before this one, told after "Sau", "Tại" …
    // `all` is sorted by position: the sentence's earlier mentions are its tail.
    let earlier = all.iter().rev().take_while(|(_, e)| e.sentence == m.sentence).find(|(_, e)| e.trigger.end <= m.trigger.start && e.span.end <= m.span.start.max(m.trigger.start))?;
    let b = &lower[m.sentence.start..earlier.1.trigger.start];
    if cue_before("follow", b).is_some() {
        return Some(Refers::After(earlier.1.trigger.start));
    }
    if cue_before("during", b).is_some() {
        return Some(Refers::During(earlier.1.trigger.start));
    }
    None
}

/// One dated point of the document: where it is told and its date.
struct Anchor {
    at: usize,
    t: Temporal,
    group: usize,
}

/// The date of every group: its own, else one taken from the event it refers to.
pub fn dates(ctx: &Context<'_>, groups: &[Group], people: &[PersonHit]) -> Vec<Option<Temporal>> {
    // A day told with any mention beats a month, and a month a year.
    let precision = |t: &Temporal| if t.is_day { 0 } else if t.date.as_deref().is_some_and(|d| d.len() == 4) { 2 } else { 1 };
    let mut out: Vec<Option<Temporal>> = groups.iter().map(|g| g.mentions.iter().filter_map(|m| own(ctx, m, people)).min_by_key(|t| precision(t))).collect();
    let mut all: Vec<(usize, &EventMention)> = groups.iter().enumerate().flat_map(|(i, g)| g.mentions.iter().map(move |m| (i, m))).collect();
    all.sort_by_key(|(_, m)| m.trigger.start);
    let mut anchors: Vec<Anchor> = Vec::new();
    for (k, &(gi, m)) in all.iter().enumerate() {
        if let Some(t) = own(ctx, m, people).filter(|t| t.start.is_some() || t.date.as_deref().is_some_and(|d| d.starts_with("--"))) {
            anchors.push(Anchor { at: m.trigger.start, t, group: gi });
            continue;
        }
        if out[gi].is_some() {
            if let Some(t) = out[gi].clone() {
                anchors.push(Anchor { at: m.trigger.start, t, group: gi });
            }
            continue;
        }
        let Some(r) = refers(ctx, m, &all, k, people).or_else(|| previous_sentence(ctx, m, people)) else { continue };
        let found = match r {
            Refers::Opening(t) => Some(t),
            Refers::SameDay(at) | Refers::NextDay(at) => {
                // The day of the event told before: a range (a trip) is no one day.
                let prev = anchors.iter().rev().take(64).find(|a| a.at < at && a.group != gi && a.t.is_day && a.t.end_date.is_none()).map(|a| a.t.clone()).or_else(|| last_day_before(ctx, at));
                prev.and_then(|p| {
                    let mut t = day_of(&p)?;
                    if matches!(r, Refers::NextDay(_)) {
                        t = next_day(&t)?;
                    }
                    // "Chiều cùng ngày" names the part of the day before the cue, "cùng chiều" in it.
                    let word = time_word_before(ctx, at);
                    // … and "cùng chiều", "(trong) buổi trưa" name it inside the cue.
                    let inside = ctx.lower.get(at..).map(|r| r.strip_prefix("cùng ").or_else(|| r.strip_prefix("trong ")).unwrap_or(r)).and_then(|r| {
                        let r = r.strip_prefix("buổi ");
                        r.or_else(|| ctx.lower.get(at..).and_then(|x| x.strip_prefix("cùng ")))
                    }).and_then(|r| r.split([' ', ',']).next());
                    t.time_of_day = word.and_then(crate::lang::tod).or_else(|| inside.and_then(crate::lang::tod));
                    Some(t)
                })
            }
            Refers::After(at) | Refers::During(at) => {
                let during = matches!(r, Refers::During(_));
                let referred = all.get(all.partition_point(|(_, e)| e.trigger.start < at)).filter(|(_, e)| e.trigger.start == at).map(|(g, _)| *g);
                referred.and_then(|g| out[g].clone()).filter(|t| t.is_day && t.end_date.is_none() && groups[referred.unwrap_or(0)].kind() != crate::records::MeetingKind::Visit).and_then(|p| {
                    let mut t = day_of(&p)?;
                    if during {
                        t.time_of_day = p.time_of_day;
                    }
                    Some(t)
                })
            }
        };
        if let Some(t) = found {
            anchors.push(Anchor { at: m.trigger.start, t: t.clone(), group: gi });
            out[gi] = Some(t);
        }
    }
    out
}

/// The last single day written before `at` (bounded to the temporals before it).
fn last_day_before(ctx: &Context<'_>, at: usize) -> Option<Temporal> {
    let i = ctx.temporals.partition_point(|t| t.range.end <= at);
    ctx.temporals[..i].iter().rev().take(16).find(|t| t.is_day && t.date.is_some() && t.relative.is_none()).cloned()
}

/// "Chiều cùng ngày": the time word right before the cue.
fn time_word_before(ctx: &Context<'_>, at: usize) -> Option<&'static str> {
    let b = ctx.lower[..at].trim_end();
    ["chiều tối", "rạng sáng", "sáng", "trưa", "chiều", "tối", "đêm"].into_iter().find(|w| ends_with_word(b, w))
}

/// The first day of a dated point, as a single day.
fn day_of(t: &Temporal) -> Option<Temporal> {
    let mut d = t.clone();
    if let Some(iso) = t.date.as_deref() {
        d.date = Some(iso.to_string());
    }
    d.end_date = None;
    d.end = d.start;
    d.time_of_day = None;
    d.year_inferred = true;
    Some(d)
}

fn next_day(t: &Temporal) -> Option<Temporal> {
    let mut d = t.clone();
    match t.start {
        Some(s) => {
            let n = if s.day < crate::lang::days_in_month(s.year, s.month) {
                Date { day: s.day + 1, ..s }
            } else if s.month < 12 {
                Date { year: s.year, month: s.month + 1, day: 1 }
            } else {
                Date { year: s.year + 1, month: 1, day: 1 }
            };
            d.start = Some(n);
            d.end = Some(n);
            d.date = Some(n.iso());
        }
        None => {
            // "--MM-DD": the next day, within the month when it exists.
            let iso = t.date.as_deref()?;
            let (m, day): (u32, u32) = (iso.get(2..4)?.parse().ok()?, iso.get(5..7)?.parse().ok()?);
            let (m, day) = if day < crate::lang::days_in_month(2001, m) { (m, day + 1) } else { (m % 12 + 1, 1) };
            d.date = Some(format!("--{m:02}-{day:02}"));
        }
    }
    Some(d)
}
