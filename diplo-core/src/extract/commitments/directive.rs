//! Directives: a named leader asks someone to do something, one record per
//! sentence in which the leader is the actor.
//! - requests: "Thủ tướng (Phạm Minh Chính) yêu cầu/đề nghị/chỉ đạo/giao/
//!   kêu gọi/quán triệt/nhắc nhở/mời <addressees> <content>", "lưu ý <whom>";
//! - obligations: "Thủ tướng nêu rõ/nhấn mạnh/cho rằng/lưu ý, … phải/cần …",
//!   also when the "phải" comes in the next sentence that has no actor of
//!   its own ("… nhắc lại mục tiêu … . Bên cạnh đó, phải …");
//! - the leader after the words: "\"Phải …\" - Thủ tướng nhấn mạnh", "…,
//!   Thủ tướng chỉ đạo", "Theo Thủ tướng, … phải …", "… phải …, theo yêu
//!   cầu của Thủ tướng".
//!
//! The leader must be the verb's subject: "theo chỉ đạo của Tổng Bí thư, Bộ
//! đã …" is a noun, "Các doanh nghiệp kiến nghị" has no leader, "Bộ Ngoại
//! giao yêu cầu" is a body. A verb inside an earlier directive's content is
//! part of it, not a second directive; "mời … thăm" is an invitation.

use super::actor::{actor_before, coordinated_actor, Actor, Names};
use super::cues::{Hits, CUES};
use super::directive_content::{clean, obliging, request, split_addressees, Found};
use super::text::{ceil_char, is_capitalised, skip_back, skip_fwd, word_count};
use crate::extract::Context;
use crate::records::{Commitment, CommitmentKind, Person};
use std::ops::Range;

/// How much of a sentence a directive's content may take.
const MAX_CONTENT_BYTES: usize = 3000;

/// Every directive, in document order.
pub fn extract(ctx: &Context<'_>) -> Vec<Commitment> {
    let mut out = Vec::new();
    let names = &Names::new(ctx);
    let lower = &ctx.lower;
    let verbs = Hits::of(&CUES.any_directive_verb, lower);
    let by_request = Hits::of(&CUES.by_request, lower);
    for (si, sent) in ctx.sentences.iter().enumerate() {
        let mut made = false;
        for (verb, statement) in verbs.within(sent.range.clone()).iter().cloned() {
            if verb.start > sent.range.start && is_capitalised(ctx.text(), &verb) {
                continue;
            }
            let Some(actor) = actor_before(ctx, verb.start, names).or_else(|| coordinated_actor(ctx, sent.range.clone(), verb.start, names))
            else {
                continue;
            };
            if let Some(c) = one(ctx, si, &verb, statement, actor, names) {
                out.push(c);
                made = true;
                break;
            }
        }
        let opens_with_theo = CUES.according_to.starting_at(lower, sent.range.start, sent.range.end).is_some();
        if !made && (opens_with_theo || by_request.any_within(sent.range.clone())) {
            out.extend(leader_after(ctx, sent.range.clone(), names));
        }
    }
    out
}

/// The directive of the verb at `verb` whose actor is `actor`.
fn one(ctx: &Context<'_>, si: usize, verb: &Range<usize>, statement: bool, actor: Actor, names: &Names<'_, '_>) -> Option<Commitment> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let sent = ctx.sentences.get(si)?.range.clone();
    let end = sent.end.min(ceil_char(text, verb.end + MAX_CONTENT_BYTES));
    let after = skip_fwd(text, verb.end, "");
    // "…, Thủ tướng chỉ đạo." / "\"Phải …\" - Thủ tướng nhấn mạnh.": the words come first.
    let rest = text.get(after..sent.end).unwrap_or("").trim_matches(|c: char| c.is_whitespace() || ".!…\"”".contains(c));
    let attribution = CUES.attribution_verb.starting_at(lower, verb.start, verb.end).is_some_and(|(r, _)| r.end == verb.end);
    if attribution && !rest.is_empty() {
        return None;
    }
    if rest.is_empty() {
        // Only an attribution after the words ("…, Thủ tướng chỉ đạo", "\"…\" -
        // Thủ tướng nhấn mạnh"), not "nhiệm vụ được Thủ tướng giao".
        let before = text.get(sent.start..actor.range.start).unwrap_or("").trim_end();
        let attributed = before.ends_with([',', '-', '–', '"', '”', ')']);
        let content = clean(Some(before.trim_end_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())));
        let must = super::directive_content::has_must(ctx, sent.start..actor.range.start);
        if !attributed || !actor.titled || content.is_none() || (statement && !must) {
            return None;
        }
        return make(ctx, sent.start..verb.end, actor, verb.start, Found { addressees: Vec::new(), addressee_end: verb.end, content }, names);
    }
    // "lưu ý, …" / "lưu ý Israel không có …" state something; "lưu ý các địa
    // phương …", "lưu ý 3 vấn đề" ask it.
    let comma_statement = CUES.comma_statement.starting_at(lower, verb.start, verb.end).is_some_and(|(r, _)| r.end == verb.end)
        && !(super::directive_content::starts_addressee(ctx, after) || text.get(after..).is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit())));
    // Views of someone named only as "ông X" are no leader's directive; a
    // company's or club's head gives none at all.
    if ((statement || comma_statement) && !actor.titled) || business(ctx, &actor, verb.start) {
        return None;
    }
    let found = if statement || comma_statement { obliging(ctx, verb, end) } else { request(ctx, verb, end) };
    let found = match found {
        Some(f) => f,
        // "… nhắc lại mục tiêu … . Bên cạnh đó, phải …": the obligation goes on.
        None if statement || comma_statement => continued(ctx, si, verb, end)?,
        None => fronted(ctx, sent.start, actor.range.start, verb, end)?,
    };
    // "mời Tổng thống … thăm Việt Nam" is an invitation, not a directive.
    if lower.get(verb.clone()) == Some("mời") {
        let window = verb.end..super::text::clause_end(ctx, verb.start).min(ceil_char(text, verb.end + 160));
        if CUES.invite_visit.any_in(lower, window) || found.addressees.is_empty() {
            return None;
        }
    }
    make(ctx, actor.range.start..found.addressee_end.max(verb.end), actor, verb.start, found, names)
}

/// "Đối với Bộ Công Thương, Phó Thủ tướng giao chủ trì …": the addressee told
/// first, as the sentence's topic, and the task after the verb.
fn fronted(ctx: &Context<'_>, sent_start: usize, actor_start: usize, verb: &Range<usize>, end: usize) -> Option<Found> {
    let text = ctx.text();
    let head = text.get(sent_start..actor_start)?.trim();
    let topic = head.strip_suffix(',')?;
    let lower_topic = crate::text::lowercase_same_len(topic);
    let at = CUES.fronted_topic.iter().find(|t| lower_topic.starts_with(t.as_str()))?.len();
    let addressee = topic.get(at..)?.trim();
    if addressee.is_empty() || addressee.contains([',', ';']) || !addressee.starts_with(char::is_uppercase) {
        return None;
    }
    let content = clean(text.get(skip_fwd(text, verb.end, ",:")..end));
    content.is_some().then(|| Found { addressees: vec![addressee.to_string()], addressee_end: verb.end, content })
}

/// A statement whose obligation is in the next sentence, which has no
/// actor of its own ("… nhắc lại mục tiêu cao nhất … . Bên cạnh đó, phải
/// tập trung …").
fn continued(ctx: &Context<'_>, si: usize, verb: &Range<usize>, end: usize) -> Option<Found> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    let next = ctx.sentences.get(si + 1)?.range.clone();
    let (must, ()) = CUES.must.find(lower, next.clone()).into_iter().next()?;
    if word_count(lower, next.start..must.start) > 12 || CUES.title.any_in(lower, next.start..must.start) {
        return None;
    }
    let gap = text.get(end..next.start).unwrap_or("x");
    if gap.matches('\n').count() > 1 {
        return None;
    }
    let content = clean(text.get(skip_fwd(text, verb.end, ",:")..next.end));
    Some(Found { addressees: Vec::new(), addressee_end: verb.end, content })
}

/// Sentences where the leader comes after the obligation's words: "Theo
/// Thủ tướng, trước mắt, phải …", "Các bộ ngành phải …, theo yêu cầu của
/// Thủ tướng".
fn leader_after(ctx: &Context<'_>, sent: Range<usize>, names: &Names<'_, '_>) -> Option<Commitment> {
    let (text, lower) = (ctx.text(), &ctx.lower);
    // "Theo Thủ tướng, …"
    if let Some((th, ())) = CUES.according_to.starting_at(lower, sent.start, sent.end) {
        let comma = text.get(th.end..sent.end).and_then(|s| s.find(',')).map(|p| th.end + p)?;
        let actor = actor_before(ctx, comma, names)?;
        if actor.range.start != skip_fwd(text, th.end, "") || !actor.titled {
            return None;
        }
        let verb = th.start..comma;
        let found = obliging(ctx, &verb, sent.end)?;
        return make(ctx, sent.start..comma, actor, comma, found, names);
    }
    // "…, theo yêu cầu của Thủ tướng."
    let (by, ()) = CUES.by_request.find(lower, sent.clone()).into_iter().last()?;
    let tail = skip_back(text, sent.end, ".!…");
    let actor = actor_before(ctx, tail, names).filter(|a| a.range.start == skip_fwd(text, by.end, ""))?;
    let (must, ()) = CUES.must.find(lower, sent.start..by.start).into_iter().next()?;
    let subject = sent.start..skip_back(text, must.start, "");
    let addressees = if word_count(text, subject.clone()) <= 10 { split_addressees(ctx, subject) } else { Vec::new() };
    let content = clean(text.get(skip_fwd(text, must.end, "")..skip_back(text, by.start, ",")));
    make(ctx, sent.start..tail, actor, by.start, Found { addressees, addressee_end: tail, content }, names)
}

/// Is the actor the head of a company or club ("Giám đốc đầu tư …",
/// "Chủ tịch … của Real Madrid", "Chủ tịch … Sài Gòn FC")?
fn business(ctx: &Context<'_>, actor: &Actor, verb: usize) -> bool {
    let head = |t: &str| {
        let l = crate::text::lowercase_same_len(t);
        CUES.business_title.find(&l, 0..l.len()).first().is_some_and(|(r, _)| r.start == 0)
    };
    if actor.canonical.as_deref().is_some_and(head) || actor.title.as_deref().is_some_and(head) {
        return true;
    }
    // The subject up to the verb: the title's body and anything said of it ("… của Real Madrid").
    let title_body = actor.title.as_deref().is_some_and(|t| {
        let l = crate::text::lowercase_same_len(t);
        CUES.names_org(&l, 0..l.len())
    });
    title_body || CUES.names_org(&ctx.lower, actor.range.start..verb.max(actor.range.start))
}

/// The directive record, or none when the leader stays unnamed: a bare title counts only
/// when the article names its holder (`ANNOTATION.md`), "Thủ tướng yêu cầu …" in an
/// article that never says which Prime Minister does not.
fn make(ctx: &Context<'_>, span: Range<usize>, actor: Actor, verb: usize, found: Found, names: &Names<'_, '_>) -> Option<Commitment> {
    // A title told in full ("Chủ tịch UBND tỉnh Ninh Bình") names one office; a bare one
    // ("Thủ tướng", "Chủ tịch UBND tỉnh") needs its holder named.
    let bare = CUES.title.starting_at(&ctx.lower, actor.range.start, actor.range.end).is_some_and(|(t, _)| t.end == actor.range.end);
    let actor = person(ctx, actor, verb, names);
    if bare && actor.name.is_none() {
        return None;
    }
    let mut c = super::record(ctx, CommitmentKind::Directive, span);
    c.actor = Some(actor);
    c.addressees = found.addressees;
    c.content = found.content;
    Some(c)
}

/// The actor as a [`Person`]; a bare title takes the name given with it
/// elsewhere in the article, a short foreign name the full one.
fn person(ctx: &Context<'_>, actor: Actor, verb: usize, names: &Names<'_, '_>) -> Person {
    // "Tổng thống Zelensky kêu gọi": a short foreign name closing the title is the full
    // one the article gives (not "… tỉnh Quảng Nam" read as "Trần Văn Nam").
    let foreign = |n: &String| n.split(' ').next().is_some_and(|w| !CUES.surnames.iter().any(|x| x == w));
    let short = || actor.title.as_deref().and_then(|t| t.rsplit(' ').next()).filter(|w| w.starts_with(char::is_uppercase)).and_then(|w| names.get().full_name(w)).filter(foreign);
    // "Ông Trần Văn Hiệp, Chủ tịch UBND tỉnh Lâm Đồng yêu cầu", "Ông X - Phó Chủ tịch …": the
    // name set before the title.
    let apposed = || {
        let text = ctx.text();
        let before = text.get(..actor.range.start)?.trim_end();
        let mark = before.strip_suffix(',').or_else(|| before.strip_suffix('-')).or_else(|| before.strip_suffix('–'))?.trim_end();
        let (_, sentence) = super::text::sentence_at(ctx, mark.len().saturating_sub(1))?;
        super::actor::honorific(ctx, sentence.start, mark.len())?.name
    };
    let name = actor.name.clone().or_else(short).or_else(apposed).or_else(|| actor.canonical.as_deref().and_then(|c| names.get().resolve(c, verb)));
    let name = name.map(|n| names.get().full_name(&n).unwrap_or(n));
    Person { title: actor.title, name, evidence: ctx.evidence(actor.range), ..Person::default() }
}
