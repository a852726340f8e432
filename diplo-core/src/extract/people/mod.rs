//! People: titles (from `data/titles.tsv`), Vietnamese names (a known family
//! name and two to four syllables, `data/surnames.tsv`), foreign names after
//! foreign titles, appositions in both orders, "đồng chí", and mentions by
//! title alone ("Thủ tướng nhấn mạnh") linked to the named holder.

mod link;

pub use link::{attach_known_names, couples, drop_appositions, link_short_names, resolve, share_partners};

use super::Context;
use crate::records::Person;
use crate::text::{is_alnum, is_alpha, is_upper};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
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

struct Titles {
    ac: AhoCorasick,
    /// (title as written in the table, scope, alias target)
    rows: Vec<(String, String, Option<String>)>,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    let mut rows = Vec::new();
    for row in crate::lexicon::rows(include_str!("../../../data/titles.tsv")) {
        let [title, scope] = row[..] else { continue };
        let alias = scope.strip_prefix("alias:").map(str::to_string);
        rows.push((title.to_string(), scope.to_string(), alias));
    }
    let pats: Vec<String> = rows.iter().map(|(t, _, _)| crate::text::lowercase_same_len(t)).collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&pats)
        .expect("titles table builds");
    Titles { ac, rows }
});

/// Family names, sorted for binary search.
static SURNAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = crate::lexicon::rows(include_str!("../../../data/surnames.tsv")).filter_map(|r| r.first().map(|s| s.to_string())).collect();
    v.sort();
    v.dedup();
    v
});

fn is_surname(w: &str) -> bool {
    SURNAMES.binary_search_by(|s| s.as_str().cmp(w)).is_ok()
}

fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(is_upper) && cs.all(|c| is_alpha(c) || c == '-' || c == '\'') && !w.chars().all(is_upper)
}

/// Lower-case particles that may stand inside a foreign name, never first.
const NAME_PARTICLES: &[&str] = &["bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "du", "dos", "das", "di", "la", "le"];

/// The capitalised run at `pos` (up to `max` words): its end and word count.
fn name_run(text: &str, pos: usize, max: usize) -> (usize, usize) {
    let mut end = pos;
    let mut n = 0;
    let mut p = pos;
    while n < max {
        let rest = &text[p..];
        let w_end = rest.find(|c: char| c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '(' || c == '"' || c == '\n').unwrap_or(rest.len());
        let w = &rest[..w_end];
        // "Mohamed bin Zayed Al Nahyan", "Ursula von der Leyen": particles inside a foreign name.
        let particle = n >= 1 && NAME_PARTICLES.contains(&w) && rest[w_end..].strip_prefix(' ').is_some_and(|r| r.starts_with(is_upper) || NAME_PARTICLES.iter().any(|p| r.starts_with(p)));
        if w.is_empty() || !(is_name_word(w) || particle) {
            break;
        }
        if !particle {
            n += 1;
        }
        end = p + w_end;
        if !rest[w_end..].starts_with(' ') {
            break;
        }
        p = end + 1;
    }
    (end, n)
}

/// Letters of Vietnamese spelling that foreign names written in Vietnamese
/// news do not carry (Latin-1 accents such as á, é, ç do occur in them).
fn vietnamese_letter(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'â' | 'Â' | 'đ' | 'Đ' | 'ê' | 'Ê' | 'ô' | 'Ô' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ') || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Words that start an organisation's or an office's name, never a person's.
const NOT_NAME_START: &[&str] = &["Bộ", "Ủy", "Sở", "Cục", "Vụ", "Ban", "Viện", "Hội", "Liên", "Quỹ", "Tập", "Công", "Tổng", "Chính", "Quốc", "Nhà", "Văn", "Đại", "Phái", "Cơ", "Trung", "Ngân", "Thành", "Tỉnh", "Hoàng", "Hạ", "Thượng"];

/// A foreign name after a title: two to four capitalised words spelled
/// without Vietnamese letters ("Lawrence Wong", "Rodrigo Álvarez Vega").
fn foreign_name(text: &str, pos: usize) -> Option<Range<usize>> {
    let (end, n) = name_run(text, pos, 4);
    let run = &text[pos..end];
    let first = run.split(' ').next().unwrap_or("");
    let all_caps = run.split(' ').any(|w| w.len() > 1 && w.chars().all(|c| is_upper(c) || c == '-'));
    (n >= 2 && !run.chars().any(vietnamese_letter) && !NOT_NAME_START.contains(&first) && !all_caps && crate::lexicon::partners::lookup(run).is_none()).then_some(pos..end)
}

/// A Vietnamese name at `pos`: family name first, two to four syllables.
fn vietnamese_name(text: &str, pos: usize) -> Option<Range<usize>> {
    let first_end = text[pos..].find([' ', ',', '.', ';', ':', ')', '(', '"', '\n']).map_or(text.len(), |i| pos + i);
    if !is_surname(&text[pos..first_end]) {
        return None;
    }
    let (end, _) = name_run(text, pos, 4);
    // Word boundaries of the run, without allocating.
    let mut bounds: [(usize, usize); 4] = [(0, 0); 4];
    let mut n = 0;
    let mut p = pos;
    for w in text[pos..end].split(' ') {
        if n == 4 {
            break;
        }
        bounds[n] = (p, p + w.len());
        p += w.len() + 1;
        n += 1;
    }
    // "Đoàn Ngoại giao" (the diplomatic corps) is no "Đoàn" by name.
    if n >= 2 && &text[bounds[1].0..bounds[1].1] == "Ngoại" {
        return None;
    }
    // Two names side by side ("Hoàng Phong Nguyễn Trãi"), or an honorific inside
    // the run ("… Ông Sang"): the first name ends there.
    let mut k = n;
    for (i, &(x, y)) in bounds.iter().enumerate().take(n).skip(1) {
        let w = &text[x..y];
        if matches!(w, "Ông" | "Bà" | "Ngài") || i >= 2 && is_surname(w) && n - i >= 2 {
            k = i;
            break;
        }
    }
    (k >= 2).then(|| pos..bounds[k - 1].1)
}

/// Title endings naming a local unit whose province follows ("… tỉnh Bắc Ninh", "… Thành ủy Hà Nội").
const LOCAL_UNIT_ENDS: [&str; 5] = [" tỉnh", " thành phố", " tp", " thành ủy", " tỉnh ủy"];

/// Title rows matching at `pos` (case-insensitive, first letter as written).
fn title_at(ctx: &Context<'_>, pos: usize) -> Option<(Range<usize>, usize)> {
    let lower = &ctx.lower;
    // Anchored: a title must start exactly here; never scan the rest of the text.
    let m = TITLES.ac.find(Input::new(&lower[pos..]).anchored(Anchored::Yes))?;
    let mut end = pos + m.end();
    let next = ctx.text()[end..].chars().next();
    if next.is_some_and(is_alnum) {
        return None;
    }
    // "Chủ tịch UBND tỉnh Bắc Ninh", "Bí thư Thành ủy Hà Nội": the province belongs to the
    // title, not to the name after it.
    if LOCAL_UNIT_ENDS.iter().any(|u| lower[pos..end].ends_with(u)) && lower[end..].starts_with(' ') {
        if let Some(e) = crate::lexicon::provinces::province_at(lower, end + 1) {
            end = e;
        }
    } else if ["ubnd", "hđnd", "ủy ban nhân dân", "hội đồng nhân dân"].iter().any(|u| lower[pos..end].ends_with(u)) {
        // "Phó Chủ tịch UBND TP. Hồ Chí Minh Vũ Quốc Thái".
        let unit = [" tỉnh ", " thành phố ", " tp. ", " tp "].iter().find(|u| lower[end..].starts_with(**u));
        if let Some(e) = unit.and_then(|u| crate::lexicon::provinces::province_at(lower, end + u.len())) {
            end = e;
        }
    }
    Some((pos..end, m.pattern().as_usize()))
}

fn skip_comrade(text: &str, pos: usize) -> usize {
    ["đồng chí ", "Đồng chí ", "ông ", "bà ", "Ông ", "Bà ", "ngài ", "Ngài "].iter().find(|p| text[pos..].starts_with(**p)).map_or(pos, |p| pos + p.len())
}

/// Titles chained with ", " or " kiêm " from `pos`: their ranges.
fn title_chain(ctx: &Context<'_>, mut pos: usize) -> Vec<(Range<usize>, usize)> {
    let text = ctx.text();
    let mut out = Vec::new();
    while let Some((r, row)) = title_at(ctx, pos) {
        out.push((r.clone(), row));
        let after = &text[r.end..];
        // ", nguyên Bộ trưởng …": a former office is listed like the others.
        let sep = [", nguyên ", ", ", " kiêm ", " - ", ", kiêm "].iter().find(|s| after.starts_with(**s) && title_at(ctx, r.end + s.len()).is_some()).map(|s| s.len());
        match sep {
            Some(l) => pos = r.end + l,
            None => break,
        }
    }
    out
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

/// A country or organisation right after a title ("Thủ tướng Lào …",
/// "Đại sứ Hoa Kỳ tại Việt Nam …"): its end and the partner.
fn partner_after_title(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(usize, crate::records::Partner)> {
    let text = ctx.text();
    let window_end = (pos + 80).min(limit);
    let window_end = (window_end..=limit).find(|&i| text.is_char_boundary(i)).unwrap_or(limit);
    let hit = crate::lexicon::partners::find_partners(text, pos..window_end).into_iter().next().filter(|h| h.range.start == pos);
    let (mut end, partner) = match hit {
        Some(h) => (h.range.end, h.partner),
        None => partner_name_at(text, pos, window_end)?,
    };
    // "Đại diện Thương mại Hoa Kỳ (USTR) Jamieson Greer": an acronym in brackets.
    if let Some(r) = text[end..window_end].strip_prefix(" (") {
        let inner = r.split(')').next().unwrap_or("");
        if r.len() > inner.len() && !inner.is_empty() && inner.len() <= 10 && inner.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            end += " (".len() + inner.len() + 1;
        }
    }
    // "… tại Việt Nam", "… tại TP Hồ Chí Minh": where the envoy serves.
    if let Some(rest) = text[end..window_end].strip_prefix(" tại ") {
        let at = end + " tại ".len();
        if let Some(h2) = crate::lexicon::partners::find_partners(text, at..window_end).into_iter().next().filter(|h| h.range.start == at) {
            end = h2.range.end;
        } else {
            let _ = rest;
        }
    }
    Some((end, partner))
}

/// A partner named by the whole of the next one to four words at `pos`: after a
/// title, "Lào" in "Bộ trưởng Công Thương Lào" is the country even though the
/// word before it is capitalised.
fn partner_name_at(text: &str, pos: usize, limit: usize) -> Option<(usize, crate::records::Partner)> {
    let rest = text.get(pos..limit)?;
    let ends: Vec<usize> = rest.match_indices(' ').map(|(i, _)| i).chain([rest.len()]).take(4).collect();
    ends.iter().rev().find_map(|&e| {
        let name = rest[..e].trim_end_matches([',', '.', ';', ':', ')']);
        crate::lexicon::partners::lookup(name).map(|p| (pos + name.len(), p))
    })
}

/// Portfolio words (`data/portfolios.tsv`), longest first.
static PORTFOLIO: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = crate::lexicon::rows(include_str!("../../../data/portfolios.tsv")).filter_map(|r| r.first().map(|s| s.to_string())).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
});

/// "Bộ trưởng Thương mại Campuchia": a run of portfolio words (joined by
/// "và" or ",") from `pos`, ending right before a country; the run's end.
fn portfolio_run(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<usize> {
    let lower = &ctx.lower;
    let mut p = pos;
    for _ in 0..8 {
        let rest = lower.get(p..limit)?;
        let joiner = ["và ", ", "].iter().find(|j| rest.starts_with(**j));
        if let Some(j) = joiner {
            p += j.len();
            continue;
        }
        let w = PORTFOLIO.iter().find(|w| rest.starts_with(w.as_str()) && !rest[w.len()..].chars().next().is_some_and(is_alnum))?;
        let w_end = p + w.len();
        if !lower[w_end..].starts_with(' ') {
            return None;
        }
        let next = w_end + 1;
        if partner_name_at(ctx.text(), next, limit).is_some_and(|(_, p)| p.code != "VN") {
            return Some(w_end);
        }
        p = next;
    }
    None
}

/// Words naming an institution or a place: a capitalised run after them is its
/// name, not a person's ("Bệnh viện Bạch Mai", "Trường Lê Quý Đôn", "phố Hàng Bài").
const INSTITUTION_WORDS: &[&str] = &["bệnh viện", "trường", "đại học", "công ty", "tập đoàn", "ngân hàng", "huyện", "quận", "xã", "phường", "phố", "đường", "cầu", "sân bay", "cảng", "khu", "chùa", "đền", "làng", "trung tâm", "viện", "nhà máy", "hãng", "thôn", "sông", "núi", "hồ"];

/// The end of a run of portfolio words right after `pos` (" Công nghiệp, Thương mại
/// và Năng lượng"), before a space.
fn portfolio_words(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<usize> {
    let lower = &ctx.lower;
    let mut p = pos;
    let mut end = None;
    for _ in 0..8 {
        let rest = lower.get(p..limit)?;
        if let Some(j) = [" và ", ", ", " "].iter().find(|j| rest.starts_with(**j)) {
            let after = &rest[j.len()..];
            let Some(w) = PORTFOLIO.iter().find(|w| after.starts_with(w.as_str()) && !after[w.len()..].chars().next().is_some_and(is_alnum)) else { break };
            p += j.len() + w.len();
            end = Some(p);
        } else {
            break;
        }
    }
    end.filter(|&e| lower[e..].starts_with(' '))
}

/// Offices set off by commas after a name ("X, Ủy viên Bộ Chính trị, Phó Bí thư
/// Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng Việt Nam chủ trì"): where they
/// end and the titles among them. A single office before a verb ("X, Chủ tịch
/// nước nhắc lại …") is the next sentence part's subject, not an apposition.
fn apposition(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(usize, Vec<(Range<usize>, usize)>)> {
    let text = ctx.text();
    let mut end = pos;
    let mut titles = Vec::new();
    let mut segments = 0;
    while segments < 6 {
        let Some(l) = [", nguyên ", ", "].iter().find(|p| text[end..].starts_with(**p)).map(|p| p.len()) else { break };
        let at = end + l;
        let chain = title_chain(ctx, at);
        let seg_end = if let Some(e) = chain.last().map(|(r, _)| r.end) {
            let mut e = e;
            if text[e..].starts_with(' ') {
                if let Some((pe, _)) = partner_after_title(ctx, e + 1, limit) {
                    e = pe;
                }
            }
            // An office that introduces the next named person is theirs.
            if text[e..].strip_prefix(' ').is_some_and(|r| r.starts_with(is_upper)) {
                break;
            }
            titles.extend(chain);
            e
        } else {
            // A capitalised office the table does not know ("Phó Bí thư Quân ủy Trung ương").
            let seg = text.get(at..limit.min(at + 80))?;
            let Some(k) = seg.find([',', ';', '.']) else { break };
            let words = crate::text::lowercase_same_len(&seg[..k]);
            if !seg.starts_with(is_upper) || words.split(' ').any(|w| NOT_IN_OFFICE.contains(&w)) || seg[..k].chars().any(|c| c.is_ascii_digit()) {
                break;
            }
            at + k
        };
        if seg_end > limit {
            break;
        }
        end = seg_end;
        segments += 1;
    }
    let enclosed = text[end..].trim_start().starts_with([',', ';', '.', ')']);
    (!titles.is_empty() && (segments >= 2 || enclosed)).then_some((end, titles))
}

/// Words that tell an action or a relation, never part of an office's name.
const NOT_IN_OFFICE: &[&str] = &["đã", "sẽ", "đang", "vừa", "lần lượt", "gặp", "hội đàm", "hội kiến", "tiếp", "cho biết", "nói", "phát biểu", "khẳng định", "nhấn mạnh", "thăm", "dự", "tham dự", "chủ trì", "cùng", "với", "có", "là", "được", "đến", "sang", "tới", "mời", "đề nghị", "khai mạc", "bế mạc", "diễn ra", "tổ chức", "lần thứ"];

/// Words of a building or seat that make a title after them part of its name.
const PLACE_WORDS_BEFORE_TITLE: &[&str] = &["dinh", "phủ", "điện", "trụ sở", "nhà khách", "tòa nhà", "văn phòng"];

/// A foreign name closing a long office told after a title, within its clause:
/// the capitalised words at the end spelled without Vietnamese letters, after
/// the organisation ("… Quỹ đầu tư Mubadala Khaldoon Al Mubarak").
fn trailing_foreign_name(ctx: &Context<'_>, from: usize, limit: usize) -> Option<Range<usize>> {
    let text = ctx.text();
    // "Đại sứ, Trưởng Phái đoàn … Pierre Lambert": an office in apposition to the title.
    let from = if text[from..].starts_with(", ") { from + 2 } else { from };
    // The office and its name end a clause: no clause end in reach, no name.
    let window = (from..=limit.min(from + 120)).rev().find(|&i| text.is_char_boundary(i))?;
    let end = from + text.get(from..window)?.find([',', ';', '.', ':', '(', '"'])?;
    let chunk = text.get(from..end)?;
    // "… A và Bộ trưởng B", "… A và bà B": "và" before a title or an honorific lists the next person.
    let next_person = |i: usize| {
        let at = from + i + " và ".len();
        ["ông ", "bà ", "ngài "].iter().any(|h| ctx.lower[at..].starts_with(h)) || TITLES.ac.find(Input::new(&ctx.lower[at..]).anchored(Anchored::Yes)).is_some()
    };
    let cut = chunk.match_indices(" và ").map(|(i, _)| i).find(|&i| next_person(i));
    let chunk = cut.map_or(chunk, |i| &chunk[..i]).trim_end();
    // The name closes the office: the last word must be capitalised.
    if chunk.is_empty() || !chunk.contains(' ') || !chunk.rsplit(' ').next().is_some_and(|w| w.starts_with(is_upper)) {
        return None;
    }
    // An office names no other person and tells no action: "… lần lượt gặp Thủ tướng X"
    // is a verb and its object, not an office.
    let lower_chunk = crate::text::lowercase_same_len(chunk);
    let words_l: Vec<&str> = lower_chunk.split(' ').collect();
    let acts = words_l.iter().enumerate().any(|(i, w)| {
        NOT_IN_OFFICE.iter().any(|x| match x.split_once(' ') {
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
    if n < 2 || lead == 0 || after_place_word || NAME_PARTICLES.contains(&name_words[0]) || crate::lexicon::partners::lookup(&name_words.join(" ")).is_some() {
        return None;
    }
    // The office's own words come first: lower case or an organisation's name.
    let start = from + chunk.len() - name_words.join(" ").len();
    Some(start..from + chunk.len())
}

/// Event words that make a title after them part of the event's name.
const EVENT_WORDS_BEFORE_TITLE: &[&str] = &["hội nghị", "cuộc họp", "phiên họp", "diễn đàn", "hội nghị cấp cao", "cuộc gặp"];

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
                    vietnamese_name(text, name_pos).or_else(|| {
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
                    if let Some((e, more)) = apposition(ctx, end, range.end) {
                        chain.extend(more);
                        end = e;
                    }
                }
                // "Hội nghị Bộ trưởng Kinh tế ASEAN": a title inside an event's name is nobody;
                // neither is "Dinh Tổng thống", "Phủ Thủ tướng", "Thủ tướng phủ" (places) nor
                // "Đại sứ các nước" (a group).
                let before = ctx.lower[..pos].trim_end();
                let in_event_name = name.is_none() && EVENT_WORDS_BEFORE_TITLE.iter().any(|w| before.ends_with(w));
                let in_place = PLACE_WORDS_BEFORE_TITLE.iter().any(|w| before.ends_with(w) && !before[..before.len() - w.len()].chars().next_back().is_some_and(is_alnum))
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
            let institution = || INSTITUTION_WORDS.iter().any(|w| ctx.lower[..start].trim_end().ends_with(w));
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
