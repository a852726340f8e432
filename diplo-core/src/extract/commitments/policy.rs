//! Numbered Party and State documents: "Nghị quyết (số) 59-NQ/TW(, ngày
//! 24/01/2025) (của Bộ Chính trị)", "Chỉ thị 15 của Ban Bí thư", "văn bản
//! số 88/TB-VPCP", lists ("các Nghị quyết 57, 59, 66 và 68": one record per
//! number, one shared span), and laws by name and number ("Luật Điều ước
//! quốc tế số 108/2016/QH13"). Unnumbered laws and programmes are none.
//!
//! Every mention is its own record: a document cited twice is two records.

use super::cues::CUES;
use super::symbol::normalise;
use super::text::{is_capitalised, on_boundaries, skip_back, skip_fwd, words};
use crate::extract::Context;
use crate::records::{Commitment, CommitmentKind, DocumentKind, DocumentRef, Warning};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// " số 59", " 57": the number right after the kind word.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ (?:số )?(\d{1,5})\b").expect("number pattern"));
/// "-NQ/TW", " - NQ/TW", "/2023/NĐ-CP": the rest of a symbol.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s?[-/]\s?(?:\p{Lu}[\p{L}\d]*|\d+))+").expect("symbol pattern"));
/// ", 59", " và 68": the next number of a list.
static MORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:, | và )(\d{1,5})\b").expect("list pattern"));
/// Words that end a law's name ("Luật Đầu tư số …", "Luật Đầu tư 2020").
const LAW_NAME_STOPS: &[&str] = &[
    "số", "năm", "của", "và", "được", "đã", "có", "theo", "khi", "thì", "nhằm", "để", "tại", "trong", "với", "về", "này", "mới", "sửa",
    "quy", "cho", "là",
];

/// Every policy reference; symbols rewritten to their issuer's form add a
/// `symbol_normalised` warning.
pub fn extract(ctx: &Context<'_>, warnings: &mut Vec<Warning>) -> Vec<Commitment> {
    let mut out = Vec::new();
    for sent in &ctx.sentences {
        for (kind_r, (kind, needs_cap)) in CUES.doc_kind.find(&ctx.lower, sent.range.clone()) {
            if needs_cap && !is_capitalised(ctx.text(), &kind_r) {
                continue;
            }
            if !numbered(ctx, &kind_r, kind, sent.range.end, warnings, &mut out) && kind == DocumentKind::Law {
                out.extend(law_by_name(ctx, &kind_r, sent.range.end));
            }
        }
    }
    out
}

/// A numbered mention (or list) after the kind word at `kind_r`; false when
/// no number follows.
fn numbered(
    ctx: &Context<'_>,
    kind_r: &Range<usize>,
    kind: DocumentKind,
    end: usize,
    warnings: &mut Vec<Warning>,
    out: &mut Vec<Commitment>,
) -> bool {
    let text = ctx.text();
    let rest = text.get(kind_r.end..end).unwrap_or("");
    let Some(m) = NUMBER.captures(rest) else { return false };
    let (Some(all), Some(num)) = (m.get(0), m.get(1)) else { return false };
    let after = rest.get(all.end()..).unwrap_or("");
    // "57,5" is a decimal, not a document.
    if after.starts_with([',', '.']) && after.get(1..).is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit())) {
        return false;
    }
    let first_num = kind_r.end + num.start()..kind_r.end + num.end();
    let (symbol, mut pos) = symbol_at(ctx, first_num, end, warnings);
    let bare = symbol.is_none() && !all.as_str().contains("số");
    if bare && !matches!(kind, DocumentKind::Resolution | DocumentKind::Directive | DocumentKind::Conclusion | DocumentKind::Decree) {
        return false;
    }
    let mut items = vec![(num.as_str().to_string(), symbol)];
    // "57, 59, 66 và 68" or "57-NQ/TW, 59-NQ/TW và 66-NQ/TW": one shape throughout.
    let with_symbols = items[0].1.is_some();
    while let Some(c) = text.get(pos..end).and_then(|r| MORE.captures(r)) {
        let (Some(a), Some(n)) = (c.get(0), c.get(1)) else { break };
        let (sym, next) = symbol_at(ctx, pos + n.start()..pos + n.end(), end, warnings);
        if sym.is_some() != with_symbols || !ends_item(text.get(next..end).unwrap_or("")) {
            break;
        }
        items.push((n.as_str().to_string(), sym));
        pos = next.max(pos + a.end());
    }
    let start = list_start(ctx, kind_r.start, items.len() > 1);
    let (date, issuer, span_end) = date_and_issuer(ctx, pos, end);
    let issuer = issuer.or_else(|| issuer_before(ctx, start));
    for (number, symbol) in items {
        let mut c = super::record(ctx, CommitmentKind::PolicyReference, start..span_end);
        c.document = Some(DocumentRef { kind, number, symbol, issuer: issuer.clone(), date: date.clone() });
        out.push(c);
    }
    true
}

/// The symbol written after the number at `num` ("-NQ/TW"), normalised,
/// and where it ends (the number's end without one). A form that changes
/// more than spacing is reported as a `symbol_normalised` warning.
fn symbol_at(ctx: &Context<'_>, num: Range<usize>, end: usize, warnings: &mut Vec<Warning>) -> (Option<String>, usize) {
    let text = ctx.text();
    let (Some(number), Some(after)) = (text.get(num.clone()), text.get(num.end..end)) else { return (None, num.end) };
    let Some(s) = SYMBOL.find(after).filter(|s| s.as_str().chars().any(char::is_alphabetic)) else { return (None, num.end) };
    let (sym, changed) = normalise(number, s.as_str());
    let stop = num.end + s.end();
    if changed {
        let (start, end_c) = ctx.char_range(num.start..stop);
        let message = format!("symbol {number}{} written in the wrong form; read as {sym}", s.as_str());
        warnings.push(Warning { code: "symbol_normalised".into(), message, start, end: end_c });
    }
    (Some(sym), stop)
}

/// Does a list item end here ("57, 59 của Bộ Chính trị", not "57, 10 năm")?
fn ends_item(rest: &str) -> bool {
    const FOLLOW: &[&str] = &["và", "của", "về", "ngày", "đã", "được", "là", "trong", "nhằm", "cùng", "với", "cũng", "đều", "mà", "thì"];
    let word = rest.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    rest.trim().is_empty() || rest.starts_with([',', ';', '.', ')', ':', '"', '…']) || FOLLOW.contains(&word.to_lowercase().as_str())
}

/// "các Nghị quyết 57, 59": a list's span starts at "các".
fn list_start(ctx: &Context<'_>, kind_start: usize, list: bool) -> usize {
    let before = skip_back(ctx.text(), kind_start, "");
    let det =
        before.checked_sub("các".len()).filter(|&s| ctx.lower.get(s..before) == Some("các") && on_boundaries(&ctx.lower, &(s..before)));
    match det {
        Some(s) if list => s,
        _ => kind_start,
    }
}

/// ", ngày 24/01/2025" and " của Bộ Chính trị" after a symbol: the ISO date,
/// the issuer as written, and where the mention ends.
fn date_and_issuer(ctx: &Context<'_>, pos: usize, end: usize) -> (Option<String>, Option<String>, usize) {
    let mut span_end = pos;
    let mut date = None;
    let at = skip_fwd(ctx.text(), pos, ",");
    // Temporals are in document order.
    let i = ctx.temporals.partition_point(|t| t.range.start < at);
    if let Some(t) = ctx.temporals.get(i).filter(|t| t.is_day && t.range.start == at) {
        date = t.date.clone().filter(|d| d.len() == 10 && !d.starts_with('-'));
        span_end = t.range.end;
    }
    let at = skip_fwd(ctx.text(), span_end, ",");
    let issuer =
        ctx.lower.get(at..end).filter(|s| s.starts_with("của ")).and_then(|_| CUES.issuer.starting_at(&ctx.lower, at + "của ".len(), end));
    let issuer = issuer.and_then(|(r, ())| {
        span_end = r.end;
        ctx.text().get(r).map(str::to_string)
    });
    (date, issuer, span_end)
}

/// "các chủ trương lớn của Bộ Chính trị như các Nghị quyết …": the issuer
/// named just before the mention.
fn issuer_before(ctx: &Context<'_>, start: usize) -> Option<String> {
    let lower = &ctx.lower;
    let floor = super::text::clause_start(ctx, start);
    let mut end = skip_back(lower, start, ",");
    if let Some((r, ())) = CUES.list_lead.ending_at(lower, floor, end) {
        end = skip_back(lower, r.start, ",");
    }
    let (r, ()) = CUES.issuer.ending_at(lower, floor, end)?;
    lower.get(..r.start).filter(|s| s.ends_with("của ")).and_then(|_| ctx.text().get(r).map(str::to_string))
}

/// Is the word at `pos` inside a capitalised title ("Pháp Luật Không Phải
/// …"), i.e. right after a capitalised word that does not open a sentence?
fn inside_title(ctx: &Context<'_>, pos: usize) -> bool {
    let text = ctx.text();
    let Some(prev) = text.get(..pos).and_then(|s| s.strip_suffix(' ')) else { return false };
    let word = words(text, super::text::floor_char(text, prev.len().saturating_sub(40))..prev.len()).pop();
    let Some(w) = word.filter(|w| w.end == prev.len()) else { return false };
    let opener = text.get(..w.start).unwrap_or("").trim_end();
    is_capitalised(text, &w) && !(opener.is_empty() || opener.ends_with(['.', '!', '?', ':', '\n', ';', '"']))
}

/// "Luật Điều ước quốc tế số 108/2016/QH13": a law by name and number
/// ("Luật Đầu tư 2020" is unnumbered: none).
fn law_by_name(ctx: &Context<'_>, kind_r: &Range<usize>, end: usize) -> Option<Commitment> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let end = end.min(super::text::ceil_char(text, kind_r.end + 200));
    let floor = super::text::clause_start(ctx, kind_r.start);
    let before = skip_back(lower, kind_r.start, "");
    if CUES.law_blocker.ending_at(lower, floor, before).is_some() || inside_title(ctx, kind_r.start) {
        return None;
    }
    let mut name_end = kind_r.end;
    for (i, w) in words(text, kind_r.end..end).into_iter().enumerate() {
        let word = lower.get(w.clone()).unwrap_or("");
        let glued = text.get(name_end..w.start) == Some(" ");
        let first_ok = i > 0 || is_capitalised(text, &w);
        if i >= 6 || !glued || !first_ok || LAW_NAME_STOPS.contains(&word) || word.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        name_end = w.end;
    }
    if name_end == kind_r.end {
        return None;
    }
    let mut span_end = name_end;
    let (mut number, mut symbol) = (String::new(), None);
    let rest = text.get(name_end..end).unwrap_or("");
    if let Some(m) = NUMBER.captures(rest).filter(|m| m.get(0).is_some_and(|a| a.as_str().contains("số"))) {
        if let (Some(a), Some(n)) = (m.get(0), m.get(1)) {
            number = n.as_str().to_string();
            span_end = name_end + a.end();
            if let Some(s) = SYMBOL.find(&rest[a.end()..]) {
                symbol = Some(normalise(n.as_str(), s.as_str()).0);
                span_end += s.end();
            }
        }
    } else {
        // An unnumbered law ("Luật Đầu tư 2020") is no policy reference.
        return None;
    }
    let mut c = super::record(ctx, CommitmentKind::PolicyReference, kind_r.start..span_end);
    c.name = text.get(kind_r.start..name_end).map(str::to_string);
    c.document = Some(DocumentRef { kind: DocumentKind::Law, number, symbol, issuer: None, date: None });
    Some(c)
}
