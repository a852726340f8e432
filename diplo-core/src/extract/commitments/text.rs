//! Small text helpers shared by the commitment rules: word boundaries,
//! clauses, capitalised runs and personal names.
//!
//! All positions are byte offsets into the normalised text; every slice goes
//! through `get`, so a bad offset yields "nothing found", never a panic.

use super::cues::CUES;
use crate::extract::Context;
use crate::lang::Sentence;
use crate::records::Source;
use std::ops::Range;

/// Is `text[r]` a whole word sequence (no letter or digit glued on either side)?
pub fn on_boundaries(text: &str, r: &Range<usize>) -> bool {
    let before = text.get(..r.start).and_then(|s| s.chars().next_back());
    let after = text.get(r.end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

pub use crate::text::{ceil_char, floor_char};

/// The words of `text[range]` with their ranges (letters, digits and the
/// joiners inside symbols such as "59-NQ/TW").
pub fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(s) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inner = c.is_alphanumeric()
            || (start.is_some() && matches!(c, '/' | '-') && s.get(i + 1..).is_some_and(|r| r.starts_with(char::is_alphanumeric)));
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(range.start + st..range.start + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(range.start + st..range.end);
    }
    out
}

/// How many words `text[range]` holds.
pub fn word_count(text: &str, range: Range<usize>) -> usize {
    words(text, range).len()
}

/// Does a word of `text[r]` start with an upper-case letter?
pub fn is_capitalised(text: &str, r: &Range<usize>) -> bool {
    text.get(r.clone()).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
}

/// The most bytes a clause scan looks at on either side of a position, so
/// that a megabyte-long line without punctuation stays linear to read.
pub const CLAUSE_WINDOW: usize = 600;

/// The sentence (index and range) holding byte `pos` (sentences are in
/// document order, so this is a binary search).
pub fn sentence_at(ctx: &Context<'_>, pos: usize) -> Option<(usize, Range<usize>)> {
    let i = ctx.sentences.partition_point(|s| s.range.end <= pos);
    ctx.sentences.get(i).filter(|s| s.range.start <= pos).map(|s| (i, s.range.clone()))
}

/// Where the clause holding `pos` starts: after the last ';' or ':' of its
/// sentence. A sentence that opens a body line continues the previous line
/// when that line ends without punctuation (a paragraph broken mid-sentence:
/// "vận động các thành viên EU phê chuẩn⏎Hiệp định …"). Never more than
/// [`CLAUSE_WINDOW`] bytes back.
pub fn clause_start(ctx: &Context<'_>, pos: usize) -> usize {
    let text = ctx.text();
    let floor = floor_char(text, pos.saturating_sub(CLAUSE_WINDOW));
    let Some((i, sent)) = sentence_at(ctx, pos) else { return pos };
    let from = sent.start.max(floor);
    if let Some(p) = text.get(from..pos).and_then(|s| s.rfind([';', ':'])) {
        return from + p + 1;
    }
    if sent.start < floor {
        return floor;
    }
    match i.checked_sub(1).and_then(|j| ctx.sentences.get(j)) {
        Some(prev) if ctx.sentences.get(i).is_some_and(|next| continues_into(ctx, prev, next)) => {
            let from = prev.range.start.max(floor);
            text.get(from..prev.range.end).and_then(|s| s.rfind([';', ':'])).map_or(from, |p| from + p + 1)
        }
        _ => sent.start,
    }
}

/// Does the sentence `prev` run on into the sentence `next` across a line
/// break (both in body lines, `prev` ending on a letter)?
fn continues_into(ctx: &Context<'_>, prev: &Sentence, next: &Sentence) -> bool {
    let text = ctx.text();
    let gap = text.get(prev.range.end..next.range.start).unwrap_or(".");
    let last = text.get(..prev.range.end).and_then(|s| s.chars().next_back());
    gap.contains('\n')
        && gap.trim().is_empty()
        && last.is_some_and(char::is_alphanumeric)
        && prev.source == Source::Body
        && next.source == Source::Body
}

/// The source (body, title, caption) of the sentence holding `pos`.
pub fn source_at(ctx: &Context<'_>, pos: usize) -> Source {
    sentence_at(ctx, pos).and_then(|(i, _)| ctx.sentences.get(i)).map_or_else(|| ctx.source_at(pos), |s| s.source)
}

/// The end of the clause holding `pos`: the next ';' or the sentence end,
/// within [`CLAUSE_WINDOW`] bytes.
pub fn clause_end(ctx: &Context<'_>, pos: usize) -> usize {
    let Some((_, sent)) = sentence_at(ctx, pos) else { return pos };
    let end = sent.end.min(ceil_char(ctx.text(), pos + CLAUSE_WINDOW));
    ctx.text().get(pos..end).and_then(|s| s.find(';')).map_or(end, |p| pos + p)
}

/// Skips spaces and the given punctuation forward from `pos`.
pub fn skip_fwd(text: &str, pos: usize, punct: &str) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + (rest.len() - rest.trim_start_matches(|c: char| c == ' ' || punct.contains(c)).len())
}

/// Skips spaces and the given punctuation backward from `pos`.
pub fn skip_back(text: &str, pos: usize, punct: &str) -> usize {
    text.get(..pos).map_or(pos, |s| s.trim_end_matches(|c: char| c == ' ' || punct.contains(c)).len())
}

/// The capitalised words that end exactly at `end` (no punctuation between
/// them), as word ranges. Lower-case name particles between capitalised
/// words are part of the run ("Lula da Silva", "Mohamed bin Zayed").
pub fn cap_run_before(text: &str, floor: usize, end: usize) -> Vec<Range<usize>> {
    let ws = words(text, floor..end);
    let mut run: Vec<Range<usize>> = Vec::new();
    let mut expect_end = end;
    let mut i = ws.len();
    while i > 0 {
        i -= 1;
        let w = &ws[i];
        let glue = text.get(w.end..expect_end).unwrap_or("x");
        let joined = if run.is_empty() { glue.is_empty() } else { glue == " " };
        let particle = !run.is_empty()
            && is_particle(text, w)
            && i.checked_sub(1).and_then(|j| ws.get(j)).is_some_and(|p| is_capitalised(text, p) && text.get(p.end..w.start) == Some(" "));
        if !joined || !(is_capitalised(text, w) || particle) || text.get(w.clone()).is_some_and(|s| s.contains(['/', '-'])) {
            break;
        }
        expect_end = w.start;
        run.push(w.clone());
    }
    run.reverse();
    run
}

/// Is the word at `w` a lower-case particle of a foreign name ("da", "bin")?
fn is_particle(text: &str, w: &Range<usize>) -> bool {
    text.get(w.clone()).is_some_and(|s| CUES.name_particles.iter().any(|p| p == s))
}

/// The capitalised words that start at the first word at or after `start`
/// (with name particles between them, as [`cap_run_before`]).
pub fn cap_run_after(text: &str, start: usize, limit: usize) -> Vec<Range<usize>> {
    let ws = words(text, start..limit);
    let mut run: Vec<Range<usize>> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let from = run.last().map_or(start, |r| r.end);
        let glue = text.get(from..w.start).unwrap_or("x");
        let joined = if run.is_empty() { glue.trim().is_empty() } else { glue == " " };
        let particle = !run.is_empty()
            && is_particle(text, w)
            && ws.get(i + 1).is_some_and(|n| is_capitalised(text, n) && text.get(w.end..n.start) == Some(" "));
        if !joined || !(is_capitalised(text, w) || particle) {
            break;
        }
        run.push(w.clone());
    }
    run
}

/// Capitalised words that start the name of a body, never of a person.
const BODY_WORDS: &[&str] = &["Bộ", "Sở", "Cục", "Ban", "Vụ", "UBND", "Viện", "Trường"];

/// The personal name inside a capitalised run: from the leftmost surname
/// that leaves two to four syllables to the end of the run ("Bộ Công
/// Thương Nguyễn Hồng Diên" → "Nguyễn Hồng Diên"; "Hà Nội Trần Sỹ Thanh" →
/// "Trần Sỹ Thanh"). Without a known surname, a short run is taken whole,
/// less a country before it ("Pháp Emmanuel Macron" → "Emmanuel Macron").
/// A partner's name ("Hàn Quốc") is never a person's.
pub fn name_in_run(text: &str, run: &[Range<usize>]) -> Option<Range<usize>> {
    let (first, last) = (run.first()?, run.last()?);
    let mut from = first.start;
    if let Some(h) =
        crate::lexicon::partners::find_partners(text, first.start..last.end).into_iter().next().filter(|h| h.range.start == first.start)
    {
        from = h.range.end;
    }
    // "tỉnh Quảng Ninh Cao Tường Huy": a province before the name is not part of it.
    for place in CUES.places.iter() {
        let at = text.get(from..).unwrap_or("");
        if at.starts_with(place.as_str()) && text.get(from + place.len()..).is_some_and(|r| r.starts_with(' ')) {
            from += place.len() + 1;
            break;
        }
    }
    let run: Vec<&Range<usize>> = run.iter().filter(|r| r.start >= from).collect();
    let is_surname = |r: &Range<usize>| text.get(r.clone()).is_some_and(|w| CUES.surnames.iter().any(|s| s == w));
    // "Ông Nguyễn Văn Thắng" opening a sentence: the honorific, not the surname Ông.
    let honorific = run.first().and_then(|r| text.get((*r).clone())).is_some_and(|w| CUES.pronouns.iter().any(|p| p == w));
    let run: Vec<&Range<usize>> = if honorific && run.len() >= 3 && run.get(1).is_some_and(|r| is_surname(r)) { run[1..].to_vec() } else { run };
    let n = run.len();
    let is_person = |r: &Range<usize>| {
        text.get(r.clone()).is_some_and(|s| crate::lexicon::partners::lookup(s).is_none() && !CUES.places.iter().any(|p| p == s))
    };
    let by_surname = (0..n).filter(|&i| (2..=4).contains(&(n - i)) && is_surname(run[i])).map(|i| run[i].start..last.end).find(is_person);
    // A foreign name: two or three words, up to five with particles ("Mohamed bin Zayed Al Nahyan").
    let max = if run.iter().any(|r| is_particle(text, r)) { 5 } else { 3 };
    // A body's name ("Bộ Tài chính", "Sở Y tế") is no person's.
    let body = run.first().and_then(|r| text.get((*r).clone())).is_some_and(|w| BODY_WORDS.contains(&w));
    let whole = ((2..=max).contains(&n) && !body && !run.iter().any(|r| is_surname(r))).then(|| run[0].start..last.end).filter(is_person);
    by_surname.or(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_text(t: &str, run: &[Range<usize>]) -> Vec<String> {
        run.iter().map(|r| t[r.clone()].to_string()).collect()
    }

    #[test]
    fn runs_and_names() {
        let t = "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên chỉ đạo";
        let end = t.find(" chỉ").unwrap();
        let run = cap_run_before(t, 0, end);
        assert_eq!(run_text(t, &run), ["Bộ", "Công", "Thương", "Nguyễn", "Hồng", "Diên"]);
        assert_eq!(&t[name_in_run(t, &run).unwrap()], "Nguyễn Hồng Diên");
        let t = "Chủ tịch UBND thành phố Hà Nội Trần Sỹ Thanh";
        let run = cap_run_before(t, 0, t.len());
        assert_eq!(&t[name_in_run(t, &run).unwrap()], "Trần Sỹ Thanh");
        let t = "Tổng Bí thư Tô Lâm";
        let run = cap_run_after(t, "Tổng Bí thư".len(), t.len());
        assert_eq!(&t[name_in_run(t, &run).unwrap()], "Tô Lâm");
        assert_eq!(word_count("Nghị quyết 59-NQ/TW, ngày", 0..27), 4);
    }
}
