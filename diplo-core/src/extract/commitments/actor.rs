//! Who gives a directive: "Thủ tướng Phạm Minh Chính", "Bộ trưởng Bộ Công
//! Thương Nguyễn Hồng Diên", "Chủ tịch UBND TP.HCM Phan Văn Mãi", a bare
//! title ("Thủ tướng", "Lãnh đạo Chính phủ") whose name is the one given with
//! that title elsewhere in the article, "ông Lê Hoàng Tùng", a pronoun
//! ("Ông cũng yêu cầu") for the person named just before, and the subject
//! of a coordinated verb ("Chủ tịch nước nhắc lại … và cho rằng …").

use super::cues::{Hits, CUES};
use super::text::{cap_run_after, cap_run_before, clause_start, floor_char, is_capitalised, name_in_run, skip_back, word_count, words};
use crate::extract::Context;
use crate::text::lowercase_same_len;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

/// How many holders of a title on each side of a bare one are tried.
const HOLDER_SCAN: usize = 64;

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
    /// Named by a leader's title (or a pronoun for one), not only as "ông X".
    pub titled: bool,
}

/// Does `s` hold a mark that ends a phrase? A '.' inside a word ("TP.HCM")
/// does not.
fn has_clause_mark(s: &str) -> bool {
    let dot_ends = s.char_indices().any(|(i, c)| c == '.' && s.get(i + 1..).is_none_or(|r| r.is_empty() || r.starts_with(' ')));
    dot_ends || s.contains([',', ';', ':', '(', ')', '"'])
}

/// The leader who is the subject of the verb starting at `verb`, if any.
pub fn actor_before(ctx: &Context<'_>, verb: usize, names: &Names<'_, '_>) -> Option<Actor> {
    let text = ctx.text();
    let floor = clause_start(ctx, verb).max(floor_char(text, verb.saturating_sub(200)));
    let mut end = skip_back(text, verb, "");
    while let Some((r, ())) = CUES.adverb.ending_at(&ctx.lower, floor, end) {
        end = skip_back(text, r.start, "");
    }
    if CUES.verb_blocker.ending_at(&ctx.lower, floor, end).is_some() {
        return None;
    }
    // "Ông cũng yêu cầu": the person named just before.
    if let Some(a) = pronoun(ctx, floor, end, names) {
        return Some(a);
    }
    // "Thủ tướng Phạm Minh Chính, Trưởng Ban Chỉ đạo …, yêu cầu": the
    // subject is before the appositive.
    if text.get(..end).is_some_and(|s| s.ends_with(',')) {
        let open = text.get(floor..end - 1).and_then(|s| s.rfind(',')).map(|p| floor + p)?;
        let inner = super::text::skip_fwd(text, open + 1, "");
        CUES.title.starting_at(&ctx.lower, inner, end)?;
        // "Ông Nguyễn Văn Thắng, Bộ trưởng Bộ Tài chính, yêu cầu": the name before its title.
        let before = skip_back(text, open, "");
        return actor_ending_at(ctx, floor, before, names)
            .or_else(|| honorific(ctx, floor, before).map(|a| Actor { titled: true, title: text.get(inner..end - 1).map(|t| t.trim().to_string()), ..a }));
    }
    actor_ending_at(ctx, floor, end, names).or_else(|| honorific(ctx, floor, end)).or_else(|| short_foreign(ctx, floor, end, names))
}

/// "Ông"/"bà" right before the verb (after adverbs): the person the article
/// named last before it, within a few sentences.
fn pronoun(ctx: &Context<'_>, floor: usize, end: usize, names: &Names<'_, '_>) -> Option<Actor> {
    let text = ctx.text();
    // The pronoun that ends at `end`, as whole words ("Ông", "Đồng chí").
    let (w, ()) = CUES.pronoun.ending_at(&ctx.lower, floor, end)?;
    // The pronoun opens its clause ("Ông cũng yêu cầu", "…; bà đề nghị").
    let before = text.get(floor..w.start).unwrap_or("").trim();
    if !before.is_empty() && !before.ends_with([',', ';']) {
        return None;
    }
    // The person named last, in this sentence or the one before.
    let (i, _) = super::text::sentence_at(ctx, w.start)?;
    let from = ctx.sentences.get(i.saturating_sub(1)).map_or(0, |s| s.range.start);
    let (at, name, titled) = names.get().last_before(w.start)?;
    (at >= from).then_some(Actor { range: w, title: None, canonical: None, name: Some(name), titled })
}

/// "ông Lê Hoàng Tùng đề nghị": an honorific and a Vietnamese name.
pub(super) fn honorific(ctx: &Context<'_>, floor: usize, end: usize) -> Option<Actor> {
    let text = ctx.text();
    let run = cap_run_before(text, floor, end);
    let name = name_in_run(text, &run)?;
    let surname = words(text, name.clone()).first().and_then(|w| text.get(w.clone())).is_some_and(|s| CUES.surnames.iter().any(|x| x == s));
    let before = skip_back(text, name.start, "");
    let (hon, ()) = CUES.honorific.ending_at(&ctx.lower, floor, before)?;
    // The name is the whole run, or the run after a sentence-initial "Ông"/"Bà"/"Đồng chí".
    let whole = run.first().is_some_and(|f| f.start == name.start || f.start == hon.start);
    (surname && whole)
        .then(|| Actor { range: hon.start..name.end, title: None, canonical: None, name: text.get(name).map(str::to_string), titled: false })
}

/// "Ông Putin kêu gọi": an honorific and one foreign word that ends the full
/// name a leader's title gave earlier in the article ("Tổng thống Nga Vladimir Putin").
fn short_foreign(ctx: &Context<'_>, floor: usize, end: usize, names: &Names<'_, '_>) -> Option<Actor> {
    let text = ctx.text();
    let run = cap_run_before(text, floor, end);
    // One word, after a lower-case honorific or a sentence-initial "Ông".
    let word = match run.as_slice() {
        [w] | [_, w] => w,
        _ => return None,
    };
    let before = skip_back(text, word.start, "");
    let hon = words(text, floor..before).into_iter().last().filter(|w| w.end == before)?;
    if !ctx.lower.get(hon.clone()).is_some_and(|h| h == "ông" || h == "bà") || word.end != skip_back(text, end, "") {
        return None;
    }
    let short = text.get(word.clone())?;
    let full = names.get().full_name(short).filter(|n| n.split(' ').next().is_some_and(|w| !CUES.surnames.iter().any(|x| x == w)))?;
    names.get().titled_name(&full).then_some(Actor { range: hon.start..word.end, title: None, canonical: None, name: Some(full), titled: false })
}

/// Is the title at `t` part of an office's name ("Văn phòng Chủ tịch nước",
/// "Trợ lý Thủ tướng") rather than the leader?
fn blocked_title(ctx: &Context<'_>, t: &Range<usize>) -> bool {
    let floor = floor_char(&ctx.lower, t.start.saturating_sub(40));
    CUES.title_blocker.ending_at(&ctx.lower, floor, skip_back(&ctx.lower, t.start, "")).is_some()
}

/// The leader whose mention ends at `end` (the verb's subject).
fn actor_ending_at(ctx: &Context<'_>, floor: usize, end: usize, names: &Names<'_, '_>) -> Option<Actor> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    if end <= floor {
        return None;
    }
    let (t, canonical) = names.titles().last_within(floor, end)?.clone();
    if blocked_title(ctx, &t) {
        return None;
    }
    let gap = t.end..end;
    let gap_text = text.get(gap.clone())?;
    let title_text = |to: usize| text.get(t.start..to).map(|s| s.trim().to_string());
    let actor = |range: Range<usize>, title_end: usize, name: Option<String>| Actor {
        range,
        title: title_text(title_end),
        canonical: Some(canonical.clone()),
        name,
        titled: true,
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
    // đạo") is a person doing something else, not a qualifier; a qualifier
    // ends with a proper name ("Chủ tịch UBND tỉnh Nghệ An", not "Chủ tịch
    // UBND tỉnh thành": the chairs of every province).
    let names_someone = gap_words.iter().any(|w| name_in_run(text, &cap_run_after(text, w.start, end)).is_some_and(|n| n.start == w.start));
    let qualifier = gap_words.len() <= MAX_QUALIFIER_WORDS
        && gap_words.first().is_some_and(|w| is_capitalised(text, w))
        && gap_words.last().is_some_and(|w| is_capitalised(text, w))
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

/// The subject of a sentence whose later verb is coordinated with its first
/// ("Tiếp Đại sứ Chile, Chủ tịch nước nhắc lại … và cho rằng …", "…,
/// Chủ tịch nước ghi nhận …; đề nghị …"): the leader that opens the main
/// clause, when the verb at `verb` follows "và", "," or ";".
pub fn coordinated_actor(ctx: &Context<'_>, sent: Range<usize>, verb: usize, names: &Names<'_, '_>) -> Option<Actor> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let mut end = skip_back(text, verb, "");
    while let Some((r, ())) = CUES.adverb.ending_at(lower, sent.start, end) {
        end = skip_back(text, r.start, "");
    }
    let joined = text.get(..end).is_some_and(|s| s.ends_with([',', ';'])) || lower.get(..end).is_some_and(|s| s.ends_with(" và"));
    if !joined || CUES.verb_blocker.ending_at(lower, sent.start, end).is_some() {
        return None;
    }
    for (t, _) in names.titles().within(sent.start..verb).iter().cloned() {
        if blocked_title(ctx, &t) {
            continue;
        }
        // A subject opens the sentence or follows a comma, and a verb (a
        // lower-case word) follows it and its name.
        let opener = text.get(sent.start..t.start).unwrap_or("x").trim_end();
        if !(opener.is_empty() || opener.ends_with(',')) {
            continue;
        }
        let run = cap_run_after(text, t.end, verb);
        let name_end = name_in_run(text, &run).map_or(t.end, |n| n.end);
        let next = words(text, name_end..verb).into_iter().next()?;
        if is_capitalised(text, &next) {
            continue;
        }
        let after = actor_before(ctx, next.start, names)?;
        return (after.range.start == t.start).then_some(after);
    }
    None
}

/// The article's [`NamedTitles`], built when first needed.
pub struct Names<'a, 'c> {
    ctx: &'a Context<'c>,
    cell: OnceCell<NamedTitles>,
    titles: OnceCell<Hits<String>>,
}

impl<'a, 'c> Names<'a, 'c> {
    pub fn new(ctx: &'a Context<'c>) -> Self {
        Names { ctx, cell: OnceCell::new(), titles: OnceCell::new() }
    }

    pub fn get(&self) -> &NamedTitles {
        self.cell.get_or_init(|| NamedTitles::new(self.ctx, self.titles()))
    }

    /// Every leader's title in the document (one search, read by position).
    pub fn titles(&self) -> &Hits<String> {
        self.titles.get_or_init(|| Hits::of(&CUES.title, &self.ctx.lower))
    }
}

/// Every "title + name" of the article ("Thủ tướng Phạm Minh Chính"), by
/// canonical title and in document order, built once per document.
pub struct NamedTitles {
    by_title: HashMap<String, Vec<(usize, String)>>,
    /// Names given with a foreign country after their title ("Thủ tướng Ấn Độ
    /// Narendra Modi"): a bare "Thủ tướng" in a Vietnamese article names the
    /// Vietnamese holder first.
    foreign: std::collections::HashSet<String>,
    /// Every name given with a leader's title.
    titled: std::collections::HashSet<String>,
    /// Every person mentioned, in document order (for pronouns): a name
    /// (with whether a title came with it) or a bare title.
    all: Vec<(usize, Mention)>,
}

enum Mention {
    Named(String, bool),
    Title(String),
}

impl NamedTitles {
    pub fn new(ctx: &Context<'_>, titles: &Hits<String>) -> Self {
        let text = ctx.text();
        let mut by_title: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        let mut foreign = std::collections::HashSet::new();
        let mut all = Vec::new();
        for (t, canon) in titles.within(0..text.len()).iter().cloned() {
            if blocked_title(ctx, &t) {
                continue;
            }
            match name_after(text, t.end) {
                Some(name) => {
                    let between = text.get(t.end..).and_then(|r| r.find(name.as_str())).map(|k| t.end..t.end + k);
                    if between.is_some_and(|b| crate::lexicon::partners::find_partners(text, b).iter().any(|h| h.partner.code != "VN")) {
                        foreign.insert(name.clone());
                    }
                    by_title.entry(canon).or_default().push((t.start, name.clone()));
                    all.push((t.start, Mention::Named(name, true)));
                }
                None => all.push((t.start, Mention::Title(canon))),
            }
        }
        // "ông Lê Hoàng Tùng" without a title is a named person too.
        for p in CUES.pronouns.iter().filter(|p| p.starts_with(char::is_lowercase)) {
            for at in crate::text::find_all(text, p.as_str()) {
                let r = at..at + p.len();
                if !super::text::on_boundaries(text, &r) {
                    continue;
                }
                let run = cap_run_after(text, r.end, floor_char(text, (r.end + 80).min(text.len())));
                if let Some(name) = name_in_run(text, &run).filter(|n| run.first().is_some_and(|f| f.start == n.start)) {
                    all.extend(text.get(name).map(|n| (at, Mention::Named(n.to_string(), false))));
                }
            }
        }
        all.sort_by_key(|(at, _)| *at);
        let titled = by_title.values().flatten().map(|(_, n)| n.clone()).collect();
        NamedTitles { by_title, foreign, titled, all }
    }

    /// The name given with `canonical` title: the nearest mention before
    /// `pos` ("Thủ tướng Phạm Minh Chính … Thủ tướng yêu cầu"), else the
    /// first one after it — a Vietnamese holder first, when the article names one
    /// ("Thủ tướng có cuộc gặp với Thủ tướng Canada X. Thủ tướng đề nghị …").
    pub fn resolve(&self, canonical: &str, pos: usize) -> Option<String> {
        let found = self.by_title.get(canonical)?;
        let home = |n: &String| !self.foreign.contains(n) && n.split(' ').next().is_some_and(|w| CUES.surnames.iter().any(|x| x == w));
        let pick = |ok: &dyn Fn(&String) -> bool| {
            let i = found.partition_point(|(at, _)| *at < pos);
            found[..i].iter().rev().take(HOLDER_SCAN).find(|(_, n)| ok(n)).or_else(|| found[i..].iter().take(HOLDER_SCAN).find(|(_, n)| ok(n))).map(|(_, n)| n.clone())
        };
        pick(&home).or_else(|| pick(&|_| true))
    }

    /// The person mentioned last before `pos`: where, the name, and whether
    /// a leader's title named them.
    pub fn last_before(&self, pos: usize) -> Option<(usize, String, bool)> {
        let i = self.all.partition_point(|(at, _)| *at < pos);
        let (at, m) = self.all.get(i.checked_sub(1)?)?;
        match m {
            Mention::Named(n, titled) => Some((*at, n.clone(), *titled)),
            Mention::Title(canon) => self.resolve(canon, *at).map(|n| (*at, n, true)),
        }
    }

    /// Was `name` given with a leader's title somewhere in the article?
    pub fn titled_name(&self, name: &str) -> bool {
        self.titled.contains(name)
    }

    /// The longest name the article gives that ends with `short` ("Lula da
    /// Silva" → "Luiz Inácio Lula da Silva").
    pub fn full_name(&self, short: &str) -> Option<String> {
        self.all
            .iter()
            .filter_map(|(_, m)| match m {
                Mention::Named(n, _) => Some(n),
                Mention::Title(_) => None,
            })
            .filter(|n| n.len() > short.len() && n.ends_with(short) && n.get(..n.len() - short.len()).is_some_and(|p| p.ends_with(' ')))
            .max_by_key(|n| n.len())
            .cloned()
    }
}

/// A name with a known surname within a few words after a title, across
/// an optional qualifier ("Bộ trưởng Ngoại giao Lê Hoài Trung") and a chain
/// of titles ("Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn"); or a
/// foreign name right after a foreign title ("Tổng thống Luiz Inácio Lula da
/// Silva").
fn name_after(text: &str, from: usize) -> Option<String> {
    let limit = floor_char(text, (from + 160).min(text.len()));
    let mut base = from;
    let mut prev_cap = false;
    for (n, w) in words(text, from..limit).into_iter().enumerate() {
        let gap = text.get(base..w.start)?;
        if n > MAX_QUALIFIER_WORDS * 2 {
            return None;
        }
        if has_clause_mark(gap) {
            // ", Bộ trưởng …": another title of the same person.
            let lower = lowercase_same_len(text.get(w.start..limit).unwrap_or(""));
            let chained = gap.trim() == "," && CUES.title.starting_at(&lower, 0, lower.len()).is_some();
            if !chained {
                return None;
            }
        }
        base = w.end;
        let after_cap = std::mem::replace(&mut prev_cap, is_capitalised(text, &w));
        if !is_capitalised(text, &w) {
            // A title is followed by a name or by a capitalised qualifier
            // ("Bộ trưởng Ngoại giao": "giao" ends the qualifier), never by a verb.
            let lower = lowercase_same_len(text.get(w.start..limit).unwrap_or(""));
            let verb = [&CUES.directive_verb, &CUES.statement_verb, &CUES.content_start]
                .iter()
                .any(|p| p.starting_at(&lower, 0, lower.len()).is_some());
            if n == 0 || (verb && !after_cap) {
                return None;
            }
            continue;
        }
        let run = cap_run_after(text, w.start, limit);
        let has_surname = |r: &Range<usize>| text.get(r.clone()).is_some_and(|s| CUES.surnames.iter().any(|x| x == s));
        let name = name_in_run(text, &run);
        // A foreign name right after the title (and its country): the whole run.
        let org = run.first().is_some_and(|f| CUES.addressee_head.starting_at(&lowercase_same_len(text.get(f.start..limit).unwrap_or("")), 0, f.len()).is_some());
        let foreign = |r: &Range<usize>| n == 0 && !org && run.last().is_some_and(|l| l.end == r.end);
        if let Some(name) = name.filter(|r| words(text, r.clone()).first().is_some_and(has_surname) || foreign(r)) {
            return text.get(name).map(str::to_string);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::{extract, Options};

    fn actors(text: &str) -> Vec<Option<String>> {
        let doc = extract(text, &Options::default()).expect("extracts");
        doc.commitments.iter().filter_map(|c| c.actor.as_ref()).map(|a| a.name.clone()).collect()
    }

    #[test]
    fn titles_chains_pronouns_and_particles() {
        let t = "Phát biểu tại hội nghị, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn cho rằng cần đổi mới. \
                 Phó Thủ tướng yêu cầu các cơ quan đại diện theo dõi sát tình hình.";
        assert_eq!(actors(t), [Some("Bùi Thanh Sơn".to_string()), Some("Bùi Thanh Sơn".to_string())]);
        let t = "Thứ trưởng Công Thương Trần Văn Nam dự họp. Ông cũng yêu cầu các đơn vị đẩy nhanh số hóa.";
        assert_eq!(actors(t), [Some("Trần Văn Nam".to_string())]);
        let t = "Tổng thống Brazil Luiz Inácio Lula da Silva hội đàm với Chủ tịch nước. Tổng thống Lula da Silva đề nghị hai nước tăng cường phối hợp.";
        assert_eq!(actors(t), [Some("Luiz Inácio Lula da Silva".to_string())]);
        // The office of the President is not the President.
        let t = "Có mặt Chủ nhiệm Văn phòng Chủ tịch nước Lê Khánh Hải. Chủ tịch nước Lương Cường tiếp Đại sứ. Chủ tịch nước đề nghị phía Hà Lan hỗ trợ.";
        assert_eq!(actors(t), [Some("Lương Cường".to_string())]);
    }
}
