//! Titles (`data/titles.tsv`) chained and in apposition, with the province,
//! portfolio or partner that belongs to them ("Bộ trưởng Công Thương Lào").

use super::Context;
use crate::text::{is_alnum, is_upper};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use crate::lexicon::cues::CueTable;
use std::ops::Range;
use std::sync::LazyLock;

pub(super) struct Titles {
    pub(super) ac: AhoCorasick,
    /// (title as written in the table, scope, alias target)
    pub(super) rows: Vec<(String, String, Option<String>)>,
}

pub(super) static TITLES: LazyLock<Titles> = LazyLock::new(|| {
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

/// How many words the title opening `lower` has ("thủ tướng việt nam và …" →
/// 2), if one does: lets a count of leaders ("2 Thủ tướng Việt Nam và
/// Singapore") be read like a count of any noun. Anchored: never scans on.
pub fn opening_title_words(lower: &str) -> Option<usize> {
    let m = TITLES.ac.find(Input::new(lower).anchored(Anchored::Yes))?;
    let next = lower[m.end()..].chars().next();
    (!next.is_some_and(is_alnum)).then(|| lower[..m.end()].split_whitespace().count())
}

/// Word lists around names and titles (`data/people_cues.tsv`).
pub(super) static CUES: LazyLock<CueTable> = LazyLock::new(|| CueTable::parse(include_str!("../../../data/people_cues.tsv")));

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
    if CUES.phrases("local_unit_end").iter().any(|u| lower[pos..end].strip_suffix(u.as_str()).is_some_and(|b| b.ends_with(' '))) && lower[end..].starts_with(' ') {
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

pub(super) fn skip_comrade(text: &str, pos: usize) -> usize {
    ["đồng chí ", "Đồng chí ", "ông ", "bà ", "Ông ", "Bà ", "ngài ", "Ngài "].iter().find(|p| text[pos..].starts_with(**p)).map_or(pos, |p| pos + p.len())
}

/// Titles chained with ", " or " kiêm " from `pos`: their ranges.
pub(super) fn title_chain(ctx: &Context<'_>, mut pos: usize) -> Vec<(Range<usize>, usize)> {
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


/// A country or organisation right after a title ("Thủ tướng Lào …",
/// "Đại sứ Hoa Kỳ tại Việt Nam …"): its end and the partner.
pub(super) fn partner_after_title(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(usize, crate::records::Partner)> {
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
pub(super) fn portfolio_run(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<usize> {
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
        // "Công nghiệp, Thương mại và Đầu tư Nigeria": a comma lists the next word.
        if lower[w_end..].starts_with(", ") {
            p = w_end;
            continue;
        }
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

/// The end of a run of portfolio words right after `pos` (" Công nghiệp, Thương mại
/// và Năng lượng"), before a space.
pub(super) fn portfolio_words(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<usize> {
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

/// A title found in an apposition: its range and its entry in the title table.
pub(super) type TitleAt = (Range<usize>, usize);

/// Offices set off by commas after a name ("X, Ủy viên Bộ Chính trị, Phó Bí thư
/// Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng Việt Nam chủ trì"): where they
/// end and the titles among them. A single office before a verb ("X, Chủ tịch
/// nước nhắc lại …") is the next sentence part's subject, not an apposition.
/// A person who heads their sentence (`heads`: only a time or place lead
/// before) keeps a single office too ("Chiều 5/3, Thủ tướng X, Bí thư Ban cán sự
/// Đảng Chính phủ hội đàm …"): nobody else is there for it to introduce.
pub(super) fn apposition(ctx: &Context<'_>, pos: usize, limit: usize, heads: bool) -> Option<(usize, Vec<TitleAt>)> {
    let text = ctx.text();
    let mut end = pos;
    let mut titles = Vec::new();
    let mut segments = 0;
    // An office the table does not know, ended by the verb ("X, Bí thư Ban cán sự
    // Đảng Chính phủ hội đàm"): the person heads the sentence.
    let mut unknown_before_verb = false;
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
            // An office that introduces the next named person is theirs; one that goes on
            // with the body it belongs to ("Phó Bí thư Quân ủy Trung ương") runs to its comma.
            if text[e..].strip_prefix(' ').is_some_and(|r| r.starts_with(is_upper)) {
                let body = &ctx.lower[e + 1..];
                let of_body = CUES.phrases("office_body").iter().any(|w| body.strip_prefix(w.as_str()).is_some_and(|r| r.starts_with([' ', ','])));
                if !of_body {
                    break;
                }
                // (Not a body that leads to another person: "Chủ tịch Đảng Nhân dân
                // Campuchia Hun Sen và …" names a foreign leader.)
                match office_end(ctx, e, limit).filter(|&(cut, _)| !ctx.lower[e..cut].contains(" và ") && crate::lexicon::partners::find_partners(text, e..cut).iter().all(|h| h.partner.code == "VN")) {
                    Some((cut, _)) => e = cut,
                    None => break,
                }
            }
            titles.extend(chain);
            e
        } else {
            // A capitalised office the table does not know ("Phó Bí thư Quân ủy Trung ương").
            // (The reach cut on a character's edge: a cut inside one would end the search.)
            // Told before the verb, it counts only for a person who heads the sentence.
            let Some((k, at_verb)) = office_end(ctx, at, limit).filter(|&(_, v)| heads || !v) else { break };
            let seg = &text[at..k];
            if !seg.starts_with(is_upper) || seg.trim().is_empty() || seg.chars().any(|c| c.is_ascii_digit()) {
                break;
            }
            unknown_before_verb |= at_verb;
            k
        };
        if seg_end > limit {
            break;
        }
        end = seg_end;
        segments += 1;
    }
    let enclosed = text[end..].trim_start().starts_with([',', ';', '.', ')']);
    let known = !titles.is_empty() || unknown_before_verb;
    (known && (segments >= 2 || enclosed || heads && segments == 1)).then_some((end, titles))
}

/// How far an office set off by commas may run (bytes).
const OFFICE_REACH: usize = 80;

/// Where an office starting at `pos` ends: at the next ',', ';' or '.', or
/// right before the verb that ends the apposition ("…, Bộ trưởng Bộ Quốc
/// phòng đã hội đàm"); and whether a verb ended it. None past the reach.
fn office_end(ctx: &Context<'_>, pos: usize, limit: usize) -> Option<(usize, bool)> {
    let seg = ctx.lower.get(pos..crate::text::floor_char(&ctx.lower, limit.min(pos + OFFICE_REACH)).max(pos))?;
    let k = seg.find([',', ';', '.']).unwrap_or(seg.len());
    let verb = seg[..k].match_indices(' ').map(|(i, _)| i).find(|&i| CUES.phrases("not_in_office").iter().any(|w| seg[i + 1..].strip_prefix(w.as_str()).is_some_and(|r| r.starts_with([' ', ',', '.']))));
    match verb {
        Some(v) => Some((pos + v, true)),
        None => (k < seg.len()).then_some((pos + k, false)),
    }
}


#[cfg(test)]
mod tests {
    #[test]
    fn every_cue_kind_the_rules_read_has_phrases() {
        super::CUES.assert_kinds(&["not_in_office", "institution", "event_before_title", "place_before_title", "lead_after_name", "local_unit_end", "subnational_head", "sentence_lead", "office_body", "delegation_after", "group_before"]);
    }
}
