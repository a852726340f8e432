//! People: titles (from `data/titles.tsv`), Vietnamese names (a known family
//! name and two to four syllables, `data/surnames.tsv`), foreign names after
//! foreign titles, appositions in both orders, "đồng chí", and mentions by
//! title alone ("Thủ tướng nhấn mạnh") linked to the named holder.

mod link;
mod names;
mod titles;

pub use link::{attach_known_names, couples, drop_appositions, link_short_names, resolve, share_partners, told_as_group};
pub use titles::opening_title_words;

use super::Context;
use names::{foreign_name, is_surname, name_run, vietnamese_letter, vietnamese_name, NAME_PARTICLES, NOT_NAME_START};
use titles::{apposition, partner_after_title, portfolio_run, portfolio_words, skip_comrade, title_chain, CUES, TITLES};
use crate::records::Person;
use crate::text::{is_alnum, is_alpha, is_upper};
use aho_corasick::{Anchored, Input};
use std::ops::Range;
use std::sync::LazyLock;

/// A person found in the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonHit {
    /// Whole mention: titles, name and appositions.
    pub range: Range<usize>,
    pub title: Option<String>,
    pub name: Option<String>,
    pub roles: Vec<String>,
    /// The country or organisation a title names ("Tổng thống Mỹ" → US).
    pub partner: Option<crate::records::Partner>,
    /// The name was not written here: it was linked from another mention
    /// ("Thủ tướng nhấn mạnh", "Chủ tịch ASEAN năm 2025" as an apposition).
    pub linked: bool,
}


fn make_hit(ctx: &Context<'_>, range: Range<usize>, titles: &[(Range<usize>, usize)], name: Option<Range<usize>>, partner: Option<crate::records::Partner>) -> PersonHit {
    let text = ctx.text();
    let label = |(r, row): &(Range<usize>, usize)| TITLES.rows[*row].2.clone().unwrap_or_else(|| text[r.clone()].to_string());
    let is_role = |(_, row): &&(Range<usize>, usize)| TITLES.rows[*row].1 == "role";
    let main = titles.iter().find(|t| !is_role(t)).or(titles.first());
    PersonHit {
        range,
        title: main.map(label),
        name: name.map(|r| text[r].to_string()),
        roles: titles.iter().filter(|t| Some(*t) != main).map(label).collect(),
        partner,
        linked: false,
    }
}

/// Verbs of leading a delegation that follow its leader's name, each with the space before it.
static LEADS_AFTER_NAME: LazyLock<Vec<String>> = LazyLock::new(|| CUES.phrases("lead_after_name").iter().map(|v| format!(" {v}")).collect());

/// How far (bytes) an office told after a title may run to its clause's end.
const OFFICE_REACH: usize = 120;
/// The longest bracketed gloss (bytes) an office may carry before its holder's name.
const GLOSS_MAX: usize = 40;

/// A foreign name closing a long office told after a title, within its clause:
/// the capitalised words at the end spelled without Vietnamese letters, after
/// the organisation ("… Quỹ đầu tư Mubadala Khaldoon Al Mubarak"), also past a
/// short gloss in brackets ("Tổng Giám đốc JETRO (Nhật Bản) Ishiguro Norihiko",
/// "Chủ tịch Đại Khural Quốc gia (Quốc hội) Mông Cổ X").
fn trailing_foreign_name(ctx: &Context<'_>, from: usize, limit: usize) -> Option<Range<usize>> {
    let text = ctx.text();
    // "Đại sứ, Trưởng Phái đoàn … Pierre Lambert": an office in apposition to the title.
    let from = if text[from..].starts_with(", ") { from + 2 } else { from };
    // The office and its name end a clause: no clause end in reach, no name.
    let reach = |n: usize| (from..=limit.min(from + n)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(from);
    let clause_end = |at: usize, window: usize| text.get(at..window).and_then(|t| t.find([',', ';', '.', ':', '(', '"'])).map(|k| at + k);
    let end = clause_end(from, reach(OFFICE_REACH))?;
    name_closing_office(ctx, from, end).or_else(|| {
        let close = text.get(end..limit)?.strip_prefix('(')?.find(')').filter(|&k| k < GLOSS_MAX)?;
        let after = end + 1 + close + 1;
        text[after..].starts_with(' ').then_some(())?;
        name_closing_office(ctx, from, clause_end(after, reach(OFFICE_REACH + GLOSS_MAX))?)
    })
}

/// How many capitalised words a place and the name after it may run to.
const PLACE_AND_NAME_WORDS: usize = 8;

/// "Thống đốc bang California Gavin Newsom", "Thủ hiến bang Gujarat Bhupendra Patel": a
/// place below the country between the title and the name. The place is the run's first
/// words; the name is a Vietnamese-spelled name that ends the run, else its last two words.
fn name_after_place(ctx: &Context<'_>, from: usize, limit: usize) -> Option<Range<usize>> {
    let text = ctx.text();
    let rest = ctx.lower.get(from..)?;
    let head = CUES.phrases("subnational_head").iter().find(|h| rest.strip_prefix(h.as_str()).is_some_and(|r| r.starts_with(' ')))?;
    let run_start = from + head.len() + 1;
    let (end, n) = name_run(text, run_start, PLACE_AND_NAME_WORDS);
    if n < 3 || end > limit {
        return None;
    }
    let starts: Vec<usize> = std::iter::once(run_start).chain(text[run_start..end].match_indices(' ').map(|(i, _)| run_start + i + 1)).collect();
    let vietnamese = starts.iter().skip(1).find_map(|&s| vietnamese_name(text, s).filter(|r| r.end == end));
    vietnamese.or_else(|| {
        let s = *starts.get(starts.len().checked_sub(2)?)?;
        foreign_name(text, s).filter(|r| r.end == end)
    })
}

/// The name that closes the office told in `from..end`, if any.
fn name_closing_office(ctx: &Context<'_>, from: usize, end: usize) -> Option<Range<usize>> {
    let text = ctx.text();
    let chunk = text.get(from..end)?;
    // "… A và Bộ trưởng B", "… A và bà B": "và" before a title or an honorific lists the next person.
    let next_person = |i: usize| {
        let at = from + i + " và ".len();
        ["ông ", "bà ", "ngài "].iter().any(|h| ctx.lower[at..].starts_with(h)) || TITLES.ac.find(Input::new(&ctx.lower[at..]).anchored(Anchored::Yes)).is_some()
    };
    let cut = chunk.match_indices(" và ").map(|(i, _)| i).find(|&i| next_person(i));
    let chunk = cut.map_or(chunk, |i| &chunk[..i]).trim_end();
    // "do Chủ tịch Hội đồng … Ted Osius dẫn đầu": the leader's verb closes the office too.
    let lower_chunk = &ctx.lower[from..from + chunk.len()];
    let chunk = LEADS_AFTER_NAME.iter().filter_map(|v| lower_chunk.find(v.as_str())).min().map_or(chunk, |i| &chunk[..i]);
    // The name closes the office: the last word must be capitalised.
    if chunk.is_empty() || !chunk.contains(' ') || !chunk.rsplit(' ').next().is_some_and(|w| w.starts_with(is_upper)) {
        return None;
    }
    // An office names no other person and tells no action: "… lần lượt gặp Thủ tướng X"
    // is a verb and its object, not an office.
    let lower_chunk = crate::text::lowercase_same_len(chunk);
    let words_l: Vec<&str> = lower_chunk.split(' ').collect();
    let acts = words_l.iter().enumerate().any(|(i, w)| {
        CUES.phrases("not_in_office").iter().any(|x| match x.split_once(' ') {
            Some((a, b)) => a == *w && words_l.get(i + 1) == Some(&b),
            None => x == w,
        })
    });
    let titled = (1..words_l.len()).any(|k| {
        let at = from + words_l[..k].iter().map(|w| w.len() + 1).sum::<usize>();
        at < from + chunk.len() && TITLES.ac.find(Input::new(&ctx.lower[at..]).anchored(Anchored::Yes)).is_some()
    });
    let numbered = chunk.chars().any(|c| c.is_ascii_digit());
    if acts || titled || numbered {
        return None;
    }
    let words: Vec<&str> = chunk.split(' ').collect();
    // "Giám đốc Cục Xúc tiến thương mại Vũ Bá Phú": a Vietnamese name closing the office.
    for k in words.len().saturating_sub(4)..words.len().saturating_sub(1) {
        if k > 0 && is_surname(words[k]) && words[k..].iter().all(|w| w.starts_with(is_upper)) {
            let len = words[k..].join(" ").len();
            let at = from + chunk.len() - len;
            // "… Sở Công Thương Hà Nội": a province, not a person.
            if crate::lexicon::provinces::province_at(&ctx.lower, at).is_some() {
                return None;
            }
            return Some(at..from + chunk.len());
        }
    }
    let mut n = 0;
    for (k, w) in words.iter().enumerate().rev() {
        let foreign = w.starts_with(is_upper) && w.chars().all(|c| is_alpha(c) || c == '-' || c == '\'') && !w.chars().any(vietnamese_letter);
        let particle = n > 0 && NAME_PARTICLES.contains(w);
        // "… Việt Nam Pierre Lambert": a country ends the office, not the name.
        let place = k > 0 && crate::lexicon::partners::lookup(&format!("{} {}", words[k - 1], w)).is_some() || crate::lexicon::partners::lookup(w).is_some();
        if !(foreign || particle) || place || n >= 4 {
            break;
        }
        n += 1;
    }
    let name_words = &words[words.len() - n..];
    let lead = words.len() - n;
    // "… khai mạc tại Kuala Lumpur": a place, not a name.
    let after_place_word = lead > 0 && matches!(words[lead - 1], "tại" | "ở" | "từ");
    // "Chủ tịch HĐQT Tập đoàn Sun Group, Đặng Minh Trường": the run names the company.
    let lead_lower = &ctx.lower[from..from + chunk.len() - name_words.join(" ").len()];
    let lead_lower = lead_lower.trim_end();
    let after_institution = CUES.phrases("institution").iter().any(|w| lead_lower.strip_suffix(w.as_str()).is_some_and(|b| !b.chars().next_back().is_some_and(is_alnum)));
    if n < 2 || lead == 0 || after_place_word || after_institution || NAME_PARTICLES.contains(&name_words[0]) || crate::lexicon::partners::lookup(&name_words.join(" ")).is_some() {
        return None;
    }
    // The office's own words come first: lower case or an organisation's name.
    let start = from + chunk.len() - name_words.join(" ").len();
    Some(start..from + chunk.len())
}


/// Every person mentioned in `range` of the normalised text.
pub fn find_people(ctx: &Context<'_>, range: Range<usize>) -> Vec<PersonHit> {
    let text = ctx.text();
    let mut out: Vec<PersonHit> = Vec::new();
    let mut pos = range.start;
    while pos < range.end {
        let at_word = pos == 0 || !text[..pos].chars().next_back().is_some_and(is_alnum);
        let start = skip_comrade(text, pos);
        let c0 = text[start..].chars().next();
        // "nhà lãnh đạo Trung Quốc": a leader named by country, in lower case.
        let leader = at_word && ctx.lower[start..].starts_with("nhà lãnh đạo ");
        if at_word && (c0.is_some_and(is_upper) || leader) {
            // Title(s) first: "Tổng Bí thư, Chủ tịch nước Tô Lâm", "Tổng thống Mỹ Donald Trump".
            let chain = title_chain(ctx, start);
            if let Some(mut last) = chain.last().map(|(r, _)| r.end) {
                // Foreign offices, ranks held on either side and spouses may precede a foreign name.
                let mut foreign = chain.iter().any(|(_, row)| matches!(TITLES.rows[*row].1.as_str(), "foreign" | "any" | "spouse"));
                let mut partner = None;
                // A foreign minister's portfolio before the country ("Bộ trưởng Công Thương Lào").
                if text[last..].starts_with(' ') && partner_after_title(ctx, last + 1, range.end).is_none() {
                    if let Some(e) = portfolio_run(ctx, last + 1, range.end) {
                        last = e;
                    }
                }
                if text[last..].starts_with(' ') {
                    if let Some((end, p)) = partner_after_title(ctx, last + 1, range.end) {
                        foreign |= p.code != "VN";
                        partner = Some(p);
                        last = end;
                    }
                }
                // "Tổng Thư ký Liên Hợp Quốc", "Tổng Giám đốc WTO": the title names the organisation.
                if partner.is_none() {
                    let titles = chain.first().map_or(last, |(r, _)| r.start)..last;
                    partner = crate::lexicon::partners::find_partners(text, titles).into_iter().map(|h| h.partner).find(|p| p.code != "VN");
                    foreign |= partner.is_some();
                }
                let name_pos = last + 1;
                let name = if text[last..].starts_with(' ') && name_pos < range.end {
                    foreign.then(|| name_after_place(ctx, name_pos, range.end)).flatten().or_else(|| vietnamese_name(text, name_pos)).or_else(|| {
                        let (e, n) = name_run(text, name_pos, 4);
                        // "… Quốc vụ khanh, Giám đốc Ban Thư ký …": an office, unless a country
                        // was just named ("Chủ tịch nước Trung Quốc Tập Cận Bình").
                        let first = text[name_pos..e].split(' ').next().unwrap_or("");
                        (foreign && n >= 1 && (partner.is_some() || !NOT_NAME_START.contains(&first))).then_some(name_pos..e)
                    })
                    // "Thủ tướng Lawrence Wong": a foreign name after any title.
                    .or_else(|| foreign_name(text, name_pos))
                } else {
                    None
                };
                // "Bộ trưởng Công nghiệp, Thương mại và Năng lượng Lee Chang-yang": a portfolio,
                // then a foreign name.
                let name = name.or_else(|| {
                    let e = portfolio_words(ctx, last, range.end)?;
                    let n = foreign_name(text, e + 1)?;
                    Some(n)
                });
                // "Giám đốc điều hành Quỹ đầu tư Mubadala Khaldoon Al Mubarak": an office told
                // at length, the name last.
                let name = name.or_else(|| trailing_foreign_name(ctx, last, range.end));
                let mut end = name.as_ref().map_or(last, |r| r.end);
                // "Thượng tướng X, Ủy viên Bộ Chính trị, …, Bộ trưởng Bộ Quốc phòng Việt Nam chủ trì":
                // offices set off after the name are this person's.
                let mut chain = chain;
                if name.is_some() {
                    let lead = ctx.lower[range.start..pos].trim_end();
                    // Heads its sentence: nothing before, or only a time or place lead ("Chiều 5/3, tại Hà Nội,").
                    // (A dateline before the lead: "QĐND - Chiều 5-3".)
                    let lead_part = |part: &str| {
                        let part = part.rsplit(" - ").next().unwrap_or(part).trim();
                        part.is_empty() || CUES.phrases("sentence_lead").iter().any(|w| part.strip_prefix(w.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' ')))
                    };
                    let heads = lead.is_empty() || lead.ends_with(',') && !lead.contains(';') && lead.split(',').all(lead_part);
                    if let Some((e, more)) = apposition(ctx, end, range.end, heads) {
                        chain.extend(more);
                        end = e;
                    }
                }
                // "Hội nghị Bộ trưởng Kinh tế ASEAN": a title inside an event's name is nobody;
                // neither is "Dinh Tổng thống", "Phủ Thủ tướng", "Thủ tướng phủ" (places) nor
                // "Đại sứ các nước" (a group).
                let before = ctx.lower[..pos].trim_end();
                let in_event_name = name.is_none() && CUES.phrases("event_before_title").iter().any(|w| before.ends_with(w.as_str()));
                let in_place = CUES.phrases("place_before_title").iter().any(|w| before.ends_with(w.as_str()) && !before[..before.len() - w.len()].chars().next_back().is_some_and(is_alnum))
                    || name.is_none() && [" phủ", " các ", " những "].iter().any(|w| ctx.lower[last..].starts_with(w));
                let nameless_leader = leader && !c0.is_some_and(is_upper) && partner.is_none();
                if in_place {
                    // "Phủ Chủ tịch, Chủ tịch nước Lương Cường": only the place's word is skipped.
                    pos = chain.first().map_or(pos + 1, |(r, _)| r.end.max(pos + 1));
                    continue;
                }
                if !in_event_name && !nameless_leader {
                    out.push(make_hit(ctx, pos..end, &chain, name, partner));
                }
                pos = end.max(pos + 1);
                continue;
            }
            // Name first: "Lê Hoài Trung, Bí thư Trung ương Đảng, Bộ trưởng Bộ Ngoại giao";
            // after "ông/bà/ngài" a foreign name too: "ông Ono Masuo, Tổng Lãnh sự …".
            let honorific = start > pos;
            // "Hà Nội", "Nam Định" read like family name + given name: a province is no person.
            // So are "Thái Lan" (a country) and "Bệnh viện Bạch Mai" (a name after an institution word).
            // … and so is "Hà Nội Nguyễn Hoàng": a run that starts with a province.
            let province = |r: &Range<usize>| crate::lexicon::provinces::province_at(&ctx.lower, r.start).is_some_and(|e| e <= r.end);
            let country = |r: &Range<usize>| crate::lexicon::partners::lookup(&text[r.clone()]).is_some();
            let institution = || CUES.phrases("institution").iter().any(|w| ctx.lower[..start].trim_end().ends_with(w.as_str()));
            // Each test runs only when the ones before it pass (most capitalised words are no name).
            let name_first = vietnamese_name(text, start).filter(|r| !province(r) && !country(r) && !institution()).or_else(|| {
                if !honorific {
                    return None;
                }
                let (e, n) = name_run(text, start, 4);
                // "ông Orban cho biết": after an honorific any capitalised name is a person
                // ("Bà Rịa - Vũng Tàu" is a province, not "bà Rịa").
                (n >= 1 && crate::lexicon::provinces::province_at(&ctx.lower, pos).is_none()).then_some(start..e)
            });
            if let Some(name) = name_first {
                let after = &text[name.end..];
                let sep = [", ", " - "].iter().find(|s| after.starts_with(**s)).map(|s| s.len());
                let mut chain = sep.map(|l| title_chain(ctx, name.end + l)).unwrap_or_default();
                let mut end = chain.last().map_or(name.end, |(r, _)| r.end);
                // "ông Ono Masuo, Tổng Lãnh sự Nhật Bản tại TP Hồ Chí Minh".
                let mut partner = None;
                if !chain.is_empty() && text[end..].starts_with(' ') {
                    if let Some((e, p)) = partner_after_title(ctx, end + 1, range.end) {
                        partner = Some(p);
                        end = e;
                    }
                }
                // "A, Bộ trưởng B …": a capitalised word right after the titles means
                // they introduce the next person, not an apposition of this one.
                if !chain.is_empty() && text[end..].strip_prefix(' ').is_some_and(|r| r.starts_with(is_upper)) {
                    chain.clear();
                    partner = None;
                    end = name.end;
                }
                out.push(make_hit(ctx, pos..end, &chain, Some(name), partner));
                pos = end.max(pos + 1);
                continue;
            }
        }
        // A person only ever begins at a word start.
        pos = crate::text::next_word_start(text, pos, range.end);
    }
    out.retain(|h| h.range.end <= range.end);
    out
}

/// A record for a person hit.
pub fn to_person(ctx: &Context<'_>, h: &PersonHit) -> Person {
    Person { title: h.title.clone(), name: h.name.clone(), roles: h.roles.clone(), partner: h.partner.clone(), evidence: ctx.evidence(h.range.clone()), ..Person::default() }
}
