//! Who gives a directive: "Thủ tướng Phạm Minh Chính", "Bộ trưởng Bộ Công
//! Thương Nguyễn Hồng Diên", "Chủ tịch UBND tỉnh Nghệ An Lê Hồng Vinh", or a
//! bare title ("Thủ tướng", "Người đứng đầu Chính phủ") whose name is the
//! one given with that title elsewhere in the article.

use super::cues::CUES;
use super::text::{cap_run_after, cap_run_before, clause_start, floor_char, is_capitalised, name_in_run, skip_back, word_count, words};
use crate::extract::Context;
use crate::text::lowercase_same_len;
use std::collections::HashMap;
use std::ops::Range;

/// How far before a name its title may stand ("Chủ tịch UBND tỉnh Nghệ An").
const MAX_QUALIFIER_WORDS: usize = 6;

/// A leader found before a directive verb.
#[derive(Debug, Clone)]
pub struct Actor {
    /// From the title (or name) to the end of the name (or title).
    pub range: Range<usize>,
    /// The title as written, with its qualifier ("Bộ trưởng Bộ Công Thương").
    pub title: Option<String>,
    /// The canonical title, for finding the name elsewhere ("Thủ tướng").
    pub canonical: Option<String>,
    pub name: Option<String>,
}

fn has_clause_mark(s: &str) -> bool {
    s.contains([',', ';', ':', '(', ')', '"', '.'])
}

/// The leader who is the subject of the verb starting at `verb`, if any.
pub fn actor_before(ctx: &Context<'_>, verb: usize) -> Option<Actor> {
    let text = ctx.text();
    let floor = clause_start(ctx, verb).max(floor_char(text, verb.saturating_sub(200)));
    let mut end = skip_back(text, verb, "");
    while let Some((r, ())) = CUES.adverb.ending_at(&ctx.lower, floor, end) {
        end = skip_back(text, r.start, "");
    }
    if CUES.verb_blocker.ending_at(&ctx.lower, floor, end).is_some() {
        return None;
    }
    // "Thủ tướng Phạm Minh Chính, Trưởng Ban Chỉ đạo …, yêu cầu": the
    // subject is before the appositive.
    if text.get(..end).is_some_and(|s| s.ends_with(',')) {
        let open = text.get(floor..end - 1).and_then(|s| s.rfind(',')).map(|p| floor + p)?;
        let inner = super::text::skip_fwd(text, open + 1, "");
        CUES.title.starting_at(&ctx.lower, inner, end)?;
        return actor_ending_at(ctx, floor, skip_back(text, open, ""));
    }
    actor_ending_at(ctx, floor, end)
}

/// The leader whose mention ends at `end` (the verb's subject).
fn actor_ending_at(ctx: &Context<'_>, floor: usize, end: usize) -> Option<Actor> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    if end <= floor {
        return None;
    }
    let (t, canonical) = CUES.title.find(lower, floor..end).into_iter().last()?;
    let gap = t.end..end;
    let gap_text = text.get(gap.clone())?;
    let title_text = |to: usize| text.get(t.start..to).map(|s| s.trim().to_string());
    let actor = |range: Range<usize>, title_end: usize, name: Option<String>| Actor {
        range,
        title: title_text(title_end),
        canonical: Some(canonical.clone()),
        name,
    };
    if gap_text.trim().is_empty() {
        return Some(actor(t.clone(), t.end, None));
    }
    if has_clause_mark(gap_text) {
        return None;
    }
    let run = cap_run_before(text, t.end, end);
    if let Some(name) = name_in_run(text, &run) {
        let qualifier_ok = word_count(text, t.end..name.start) <= MAX_QUALIFIER_WORDS
            && !text.get(t.end..name.start).is_some_and(|s| s.chars().any(|c| c.is_ascii_digit()));
        if qualifier_ok {
            let name_text = text.get(name.clone()).map(str::to_string);
            return Some(actor(t.start..name.end, name.start, name_text));
        }
    }
    let gap_words = words(text, gap.clone());
    // "Bộ trưởng Ngoại giao nêu rõ": a title with its qualifier and no name.
    // A gap that names someone ("Chủ tịch nước Võ Văn Thưởng phát biểu chỉ
    // đạo") is a person doing something else, not a qualifier.
    let names_someone = gap_words.iter().any(|w| name_in_run(text, &cap_run_after(text, w.start, end)).is_some_and(|n| n.start == w.start));
    let qualifier = gap_words.len() <= MAX_QUALIFIER_WORDS
        && gap_words.first().is_some_and(|w| is_capitalised(text, w))
        && !gap_text.chars().any(|c| c.is_ascii_digit())
        && !names_someone;
    if qualifier {
        return Some(actor(t.start..end, end, None));
    }
    // "Thủ tướng Chính phủ vừa ký Công điện số 84/CĐ-TTg yêu cầu …": the
    // document the leader signed gives the directive on his behalf.
    let padded = format!(" {} ", lower.get(gap).unwrap_or(""));
    let signs = [" ký ", " ban hành "].iter().any(|w| padded.contains(w));
    (signs && gap_words.len() <= 12).then(|| actor(t.clone(), t.end, None))
}

/// Every "title + name" of the article ("Thủ tướng Phạm Minh Chính"), by
/// canonical title and in document order, built once per document.
pub struct NamedTitles(HashMap<String, Vec<(usize, String)>>);

impl NamedTitles {
    pub fn new(ctx: &Context<'_>) -> Self {
        let (text, lower) = (ctx.text(), &ctx.lower);
        let mut map: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (t, canon) in CUES.title.find(lower, 0..lower.len()) {
            if let Some(name) = name_after(text, t.end) {
                map.entry(canon).or_default().push((t.start, name));
            }
        }
        NamedTitles(map)
    }

    /// The name given with `canonical` title: the nearest mention before
    /// `pos` ("Thủ tướng Phạm Minh Chính … Thủ tướng yêu cầu"), else the
    /// first one after it.
    pub fn resolve(&self, canonical: &str, pos: usize) -> Option<String> {
        let found = self.0.get(canonical)?;
        let i = found.partition_point(|(at, _)| *at < pos);
        i.checked_sub(1).and_then(|j| found.get(j)).or_else(|| found.get(i)).map(|(_, n)| n.clone())
    }
}

/// A name with a known surname within a few words after a title, across
/// an optional qualifier ("Bộ trưởng Ngoại giao Lê Hoài Trung").
fn name_after(text: &str, from: usize) -> Option<String> {
    let limit = floor_char(text, (from + 120).min(text.len()));
    for (n, w) in words(text, from..limit).into_iter().enumerate() {
        if n > MAX_QUALIFIER_WORDS || text.get(from..w.start).is_none_or(has_clause_mark) {
            return None;
        }
        if !is_capitalised(text, &w) {
            // A title is followed by a name or by a capitalised qualifier
            // ("Bộ trưởng Ngoại giao"), never by a verb.
            let lower = lowercase_same_len(text.get(w.start..limit).unwrap_or(""));
            let verb = [&CUES.directive_verb, &CUES.statement_verb, &CUES.content_start]
                .iter()
                .any(|p| p.starting_at(&lower, 0, lower.len()).is_some());
            if n == 0 || verb {
                return None;
            }
            continue;
        }
        let run = cap_run_after(text, w.start, limit);
        let has_surname = |r: &Range<usize>| text.get(r.clone()).is_some_and(|s| CUES.surnames.iter().any(|x| x == s));
        if let Some(name) = name_in_run(text, &run).filter(|r| words(text, r.clone()).first().is_some_and(has_surname)) {
            return text.get(name).map(str::to_string);
        }
    }
    None
}
