//! Rows of an FTA table ("STT | Hiệp định | Đối tác | Tình trạng", then
//! "7 | AANZFTA | ASEAN, Australia, New Zealand | Có hiệu lực từ 2010"):
//! one `fta` record per row, the whole row as evidence.
//!
//! A table is a run of lines with cells split by '|' (or tabs). It is an
//! FTA table when its header or the line before names FTAs ("Hiệp định",
//! "FTA"), or when most rows name a known FTA. A row's partners are the
//! partners its cells name outside the agreement's own cell (else the
//! acronym's parties), its status the first status cue of its cells.

use super::cues::CUES;
use super::known::KNOWN;
use super::list::{is_qualifier, push_unique};
use crate::extract::Context;
use crate::lexicon::partners::{by_code, find_partners};
use crate::records::{Commitment, CommitmentKind, Status};
use crate::structure::LineRole;
use std::ops::Range;

/// Marks that open an item of a list ("- CPTPP: Có hiệu lực từ 14/1/2019").
const BULLETS: &[char] = &['-', '–', '•', '+', '*'];

/// The cells of a line, as byte ranges, or `None` for a line that is not
/// a table row (fewer than three cells). A list item "- X: status" is a row
/// of two cells, the item and what follows its colon.
fn cells(text: &str, line: &Range<usize>) -> Option<Vec<Range<usize>>> {
    let s = text.get(line.clone())?;
    if let Some(item) = s.strip_prefix(BULLETS).filter(|r| r.starts_with(' ')) {
        let from = line.start + (s.len() - item.len());
        let colon = item.find(": ")?;
        let label = from + (item.len() - item.trim_start().len())..from + colon;
        let value = from + colon + 2..line.end;
        return (label.len() < 120 && !text.get(value.clone())?.trim().is_empty()).then(|| vec![label, value]);
    }
    let sep = if s.contains('|') { '|' } else { '\t' };
    let mut out = Vec::new();
    let mut from = line.start;
    for part in s.split(sep) {
        let lead = part.len() - part.trim_start().len();
        let r = from + lead..from + lead + part.trim().len();
        from += part.len() + sep.len_utf8();
        out.push(r);
    }
    // A table row: at least three cells, the first ones short.
    (out.len() >= 3 && out.iter().take(2).all(|c| c.len() < 120)).then_some(out)
}

/// Every FTA table row of the document.
pub fn extract(ctx: &Context<'_>) -> (Vec<Commitment>, Vec<Range<usize>>) {
    let text = ctx.text();
    let lines = &ctx.structure.lines;
    let (mut out, mut spans) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines.get(i).filter(|l| l.role == LineRole::Body).and_then(|l| cells(text, &l.range)) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while lines.get(j).is_some_and(|l| l.role == LineRole::Body && cells(text, &l.range).is_some()) {
            j += 1;
        }
        let rows = lines.get(i..j).unwrap_or(&[]);
        let header_is_fta = first.iter().any(|c| names_ftas(ctx, c.clone()))
            || i.checked_sub(1).and_then(|p| lines.get(p)).is_some_and(|l| names_ftas(ctx, l.range.clone()));
        let known_rows = rows.iter().filter(|l| !KNOWN.acronyms_in(text, l.range.clone()).is_empty()).count();
        if header_is_fta || known_rows * 2 > rows.len() {
            for line in rows {
                if let Some(c) = row(ctx, &line.range) {
                    spans.push(line.range.clone());
                    out.push(c);
                }
            }
        }
        i = j;
    }
    (out, spans)
}

/// Does `text[r]` speak of FTAs ("Hiệp định", "FTA", "hiệp định thương mại tự do")?
fn names_ftas(ctx: &Context<'_>, r: Range<usize>) -> bool {
    let lower = ctx.lower.get(r.clone()).unwrap_or("");
    CUES.fta_head.any_in(&ctx.lower, r) || lower.contains("hiệp định")
}

/// One row: an FTA when one cell names one (a known acronym, or "Việt Nam -
/// X" with a status); a header row (no partner, no status) is none.
fn row(ctx: &Context<'_>, line: &Range<usize>) -> Option<Commitment> {
    let text = ctx.text();
    let cells = cells(text, line)?;
    // The agreement's cell: a known acronym or name, else the first cell
    // with letters that names a partner ("Việt Nam - EFTA").
    let known_cell = cells.iter().position(|c| !KNOWN.acronyms_in(text, c.clone()).is_empty() || !KNOWN.names_in(&ctx.lower, c.clone()).is_empty());
    let named_cell = || cells.iter().position(|c| !find_partners(text, c.clone()).is_empty());
    let at = known_cell.or_else(named_cell)?;
    // The status cell's word wins over one inside the name ("Nghị định thư nâng cấp
    // Hiệp định … (ACFTA 3.0): đã ký …, đang chờ phê chuẩn").
    let status = cells.iter().enumerate().filter(|(k, _)| *k != at).find_map(|(_, c)| row_status(ctx, c.clone())).or_else(|| row_status(ctx, cells[at].clone()));
    let mut partners = Vec::new();
    for (_, c) in cells.iter().enumerate().filter(|(k, _)| *k != at) {
        if row_status(ctx, c.clone()).is_none() {
            let hits = find_partners(text, c.clone());
            // "Hồng Kông (Trung Quốc)": the sovereign in parentheses qualifies the item.
            let kept = hits.iter().enumerate().filter(|(i, h)| !(*i > 0 && is_qualifier(text, hits[i - 1].range.end, &h.range)));
            push_unique(&mut partners, kept.map(|(_, h)| h.partner.clone()).filter(|p| !KNOWN.is_agreement_code(&p.code)));
        }
    }
    let cell = cells.get(at)?.clone();
    if partners.is_empty() {
        for hit in KNOWN.acronyms_in(text, cell.clone()) {
            push_unique(&mut partners, KNOWN.get(&hit).into_iter().flat_map(|k| k.partners.iter().filter_map(|c| by_code(c))));
        }
        // (Not the agreement's own acronym read as a bloc: "CPTPP" names no party.)
        push_unique(&mut partners, find_partners(text, cell.clone()).into_iter().map(|h| h.partner).filter(|p| !KNOWN.is_agreement_code(&p.code)));
    }
    // A header row names nothing; a row with neither status nor partner is no record.
    if known_cell.is_none() && (status.is_none() || partners.is_empty()) {
        return None;
    }
    let mut c = super::record(ctx, CommitmentKind::Fta, line.clone());
    c.name = text.get(cell).map(str::to_string);
    c.status = status;
    c.partners = partners;
    Some(c)
}

/// The status a cell states ("Có hiệu lực từ 2010", "Đã ký tháng 10/2024",
/// "Đang đàm phán").
fn row_status(ctx: &Context<'_>, cell: Range<usize>) -> Option<Status> {
    let lower = &ctx.lower;
    let all = CUES.status.find(lower, cell.clone());
    let first = all.first().map(|(_, s)| *s);
    let after = CUES.status_after.find(lower, cell).into_iter().next().map(|(_, s)| s);
    // "Đã ký ngày 25/7/2023, đang chờ phê chuẩn": signed, now awaiting ratification.
    let awaiting = all.iter().any(|(_, s)| *s == Status::RatificationPending);
    match (first, after) {
        (_, Some(Status::InForce)) | (Some(Status::InForce), _) => Some(Status::InForce),
        (Some(Status::Signed), _) if awaiting => Some(Status::RatificationPending),
        (Some(s), _) | (None, Some(s)) => Some(s),
        (None, None) => None,
    }
}
