//! Metrics: every counted or measured figure, with its indicator, qualifier,
//! period, comparison, target flag and subject.
//!
//! Works sentence by sentence over the quantities of the language layer.
//! A quantity that serves as another's comparison is not a metric of its own.

mod clause;
mod comparison;
mod counted;
mod cues;
mod direction;
mod filters;
mod goal;
mod indicator;
mod lists;
mod identifiers;
mod lookalikes;
mod period;
mod year_names;
mod subject;

use super::Context;
use clause::{ahead, back, is_clause_break, CLAUSE_REACH};
use clause::clause;
use crate::records::{Indicator, Metric, Period, Qualifier, Unit};
use counted::{classifier_named_before, counted_after, total_named_before};
use cues::{cues, has_cue};
use std::ops::Range;

/// How far after an export or import figure of its paragraph an amount may
/// be a part of that trade (bytes).
const TRADE_PART_REACH: usize = 600;

/// Is the number part of a document reference ("Nghị quyết 57, 59, 66")?
fn in_document_reference(lower: &str, start: usize) -> bool {
    let mut before = lower[back(lower, start, 160, 0)..start].trim_end();
    // Walk back over a list of numbers: "57, 59, 66 và 68".
    loop {
        let t = before.trim_end_matches([',', ' ']).trim_end_matches(" và");
        let digits = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '/' || c == '-');
        if digits.len() < t.len() && digits.ends_with([' ', ',']) {
            before = digits.trim_end();
            continue;
        }
        before = t;
        break;
    }
    let before = before.trim_end().trim_end_matches(" số").trim_end_matches(" các");
    cues::cues("document").iter().any(|c| before.ends_with(c.as_str()))
}

/// How far back "con số này" may find the figure it refers to (bytes).
const ANAPHORA_REACH: usize = 600;

/// "(tương đương ", " (", "(tức ": what stands between an amount and its
/// restatement in brackets; at most a few words, so the check is bounded.
fn restates_in_brackets(between: &str) -> bool {
    let Some(inside) = between.trim_start().strip_prefix('(') else { return false };
    let inside = inside.trim();
    inside.is_empty() || cues::is_cue("restates", inside)
}

/// How far a count may stand after the count it is coordinated with (bytes).
const COORDINATED_REACH: usize = 80;

/// "kết nối với 34 tỉnh, thành phố và 94 cơ quan đại diện": for a count joined
/// by "và" to the count right before it, the words before that one (up to
/// `COORDINATED_REACH` bytes), whose verb governs both.
fn coordinated_lead<'a>(ctx: &'a Context<'_>, qi: usize, sentence_before: &str) -> Option<&'a str> {
    let lower = ctx.lower.as_str();
    let q = &ctx.quantities[qi];
    let p = &ctx.quantities[qi.checked_sub(1)?];
    let sentence_start = q.qualifier_start - sentence_before.len();
    if p.unit != Unit::Count || p.qualifier_start < sentence_start || p.range.end > q.qualifier_start || q.qualifier_start - p.range.end > COORDINATED_REACH {
        return None;
    }
    let gap = lower[p.range.end..q.qualifier_start].trim_end();
    (gap.ends_with(" và") && !gap.contains([';', '.', '('])).then(|| &lower[back(lower, p.qualifier_start, COORDINATED_REACH, sentence_start)..p.qualifier_start])
}

/// The indicator of the quantity `qi` in clause `cl`, and for amounts the
/// keyword that gave it (what is measured, when nothing is counted).
fn read_indicator(ctx: &Context<'_>, qi: usize, cl: &Range<usize>, counted: Option<&Range<usize>>, sentence_before: &str) -> (Indicator, Option<Range<usize>>) {
    let (text, lower, q) = (ctx.text(), ctx.lower.as_str(), &ctx.quantities[qi]);
    let before = &lower[cl.start..q.qualifier_start];
    if q.unit == Unit::Count {
        // Without a counted noun only the verb can tell ("nâng tổng số FTA … lên 17").
        let counted_l = counted.map_or("", |c| &lower[c.clone()]);
        let found = indicator::for_count(counted_l, before).unwrap_or(Indicator::Other);
        // Goods crossing the border are counted in a noun ("nhập khẩu 24 container"); a bare
        // number after "nhập khẩu" is a name's ("kho cảng nhập khẩu LNG … Nhơn Trạch 3").
        let found = if counted.is_none() && matches!(found, Indicator::Imports | Indicator::Exports) { Indicator::Other } else { found };
        let clause_after = counted.map_or("", |c| &lower[c.end.min(cl.end)..cl.end.max(c.end.min(cl.end))]);
        let refined = indicator::refine_count(found, counted_l, before, sentence_before, clause_after);
        // A count joined to the one before takes the words that govern both.
        let refined = match coordinated_lead(ctx, qi, sentence_before) {
            Some(lead) if refined == Indicator::Other => indicator::refine_count(indicator::for_count(counted_l, lead).unwrap_or(Indicator::Other), counted_l, lead, sentence_before, clause_after),
            _ => refined,
        };
        return (refined, None);
    }
    // The words before the figure, not past an earlier figure of the clause
    // ("… chiếm 90% GDP toàn cầu và đóng góp 80% tổng kim ngạch").
    let prev_end = qi.checked_sub(1).map_or(0, |p| ctx.quantities[p].range.end);
    let own = if prev_end > cl.start && prev_end <= q.qualifier_start { prev_end } else { cl.start }..q.qualifier_start;
    let after = counted_after(text, lower, q.range.end, cl.end.max(q.range.end)).unwrap_or(q.range.end..q.range.end);
    let sb = q.qualifier_start - sentence_before.len()..q.qualifier_start;
    // A value ("trị giá") is that of deals only in money, in the figure's own clause.
    let deal = matches!(q.unit, Unit::Currency(_)) && indicator::deal_context(sentence_before);
    let measure = matches!(q.unit, Unit::Measure(_));
    let keyword = |r: Range<usize>, deal: bool, weak: bool| indicator::nearest_amount(lower, r, deal, weak);
    let found = 'found: {
        if let Some(k) = keyword(own.clone(), deal, true) {
            // "thương mại hai chiều tăng gấp 5 lần, tương đương mức tăng trưởng 12%/năm":
            // a growth word alone in the clause is the growth of the sentence's noun.
            if k.yields {
                if let Some(s) = keyword(sb.start..own.start.max(sb.start), false, false).filter(|s| !s.yields && s.indicator != Indicator::Other) {
                    break 'found Some((s.indicator, k.range));
                }
            }
            break 'found Some((k.indicator, k.range));
        }
        // The noun right after the figure is what it measures ("40 tỷ USD vốn FDI",
        // "85,8% số dòng thuế"); a share takes the figure it is a share of: the
        // subject before when it names one, else the whole after ("tương đương
        // 93,4% kim ngạch nhập khẩu"). A measure ("10 tấn") looks no further.
        let after_kw = keyword(after.clone(), false, true);
        if indicator::ends_with_cue(before, "share") && !measure {
            // (Not the noun an earlier figure measures: "chiếm 30% kim ngạch xuất khẩu, nhưng
            // chiếm 64% kim ngạch nhập khẩu" is a share of imports.)
            let measured_by_prev = |k: &indicator::Keyword| prev_end > sb.start && k.range.start >= prev_end && lower[prev_end..k.range.start].trim().is_empty();
            if let Some(k) = keyword(sb.clone(), false, false).filter(|k| k.indicator != Indicator::Other && !measured_by_prev(k)) {
                break 'found Some((k.indicator, k.range));
            }
        }
        if let Some(k) = after_kw {
            break 'found Some((k.indicator, k.range));
        }
        if measure {
            break 'found None;
        }
        keyword(sb, false, false).filter(|k| k.indicator != Indicator::Other).map(|k| (k.indicator, k.range))
    };
    match found {
        // Tonnes and hectares are traded, not invested or grown.
        Some((ind, _)) if measure && !matches!(ind, Indicator::Exports | Indicator::Imports | Indicator::Other) => (Indicator::Other, None),
        Some((ind, r)) => (ind, Some(r)),
        None => (Indicator::Other, None),
    }
}

/// Extracts every metric of the document.
pub fn extract(ctx: &Context<'_>) -> Vec<Metric> {
    let text = ctx.text();
    let lower = ctx.lower.as_str();
    let qs = &ctx.quantities;
    let mut consumed = vec![false; qs.len()];
    let mut out: Vec<Metric> = Vec::new();
    // The end of the last metric and its indicator, for "con số này".
    let mut last: Option<(usize, Indicator)> = None;
    // The last count read, for "trong số này": its end and value.
    let mut last_count: Option<(usize, f64)> = None;
    // The period that governs the paragraph so far, and where the last sentence ended.
    let mut carried: Option<period::Candidate> = None;
    // What the last paragraph carried: the first sentence of the next one may take it.
    let mut carried_before: Option<period::Candidate> = None;
    // The period the last sentence handed on, and that sentence's source.
    let mut last_sentence: Option<period::Candidate> = None;
    let mut prev_source = None;
    // Did the last sentence hand on only a period it inherited, and did a typed
    // figure of this paragraph take a period?
    let mut handed_on_only = false;
    let mut typed_in_paragraph = false;
    let mut prev_end = 0;
    let reference = period::reference_date(ctx);
    let mut prev_range: Option<Range<usize>> = None;
    // Were all the figures of the last sentence with figures goals or forecasts?
    let mut prev_planned = false;
    for sentence in &ctx.sentences {
        let s = sentence.range.clone();
        let prev_s = prev_range.replace(s.clone());
        // A new line is a new paragraph: nothing carries over.
        // The period the sentence right before hands on may cross a paragraph
        // break ("Trong năm 2025, … ." / "Thông qua sáp nhập, … giảm 42,5%").
        if text.get(prev_end.min(s.start)..s.start).is_some_and(|gap| gap.contains('\n')) {
            carried = None;
            // A period the last sentence only took on crosses only from a statistics
            // account (a typed indicator took it): a story's "Năm 2001, …" does not
            // date the weights and prices told in the next paragraph.
            let crosses = !handed_on_only || typed_in_paragraph;
            carried_before = last_sentence.take().filter(|c| crosses && period::carries_across_paragraphs(c) && prev_source == Some(sentence.source) && sentence.source == crate::records::Source::Body);
            typed_in_paragraph = false;
        }
        prev_source = Some(sentence.source);
        // Stocks in this sentence ("có 400 dự án … với tổng vốn 1 tỷ USD"), and the
        // last period a figure of it took from the sentence itself.
        let mut sentence_stock = false;
        let mut used: Option<period::Candidate> = None;
        // The inherited period a figure of this sentence took: the account goes on in it.
        let mut went_on: Option<period::Candidate> = None;
        prev_end = s.end;
        let first_in_sentence = out.len();
        let first_q = qs.partition_point(|q| q.qualifier_start < s.start);
        // Most sentences hold no figure: they only hand on their period.
        let has_figure = qs[first_q..].iter().take_while(|q| q.range.start < s.end).next().is_some();
        let sentence_periods = period::candidates(ctx, s.clone(), reference, has_figure);
        // A day outside the carried period, or an event's date, moves the account to another time.
        if carried.as_ref().is_some_and(|c| period::day_outside(ctx, &s, c)) || (has_figure && (carried.is_some() || carried_before.is_some()) && year_names::dates_event_in(ctx, &s)) {
            carried = None;
            carried_before = None;
        }
        let sentence_goal = if has_figure { goal::read(lower, &s) } else { goal::SentenceGoal::default() };
        let forecast_goes_on = has_figure && prev_s.as_ref().is_some_and(|p| goal::continues_forecast(lower, p, &s));
        // "Năm nay, Việt Nam dự kiến sản xuất trên 43 triệu tấn lúa. Trong đó,
        // khoảng 14 triệu tấn … dành cho xuất khẩu": the parts of a planned figure are planned.
        let parts_of_plan = has_figure && prev_planned && goal::opens_parts(lower, &s);
        let (event_sentence, goal_cues, future_cues) = if has_figure {
            // Cues that govern the rest of their sentence, found once per sentence
            // in one pass (`sentence_governs` holds both kinds).
            let hay = &lower[s.clone()];
            let (goal, future): (Vec<_>, Vec<_>) = cues::cue_spans(hay, s.start, "sentence_governs").into_iter().filter(|r| !cues::opens_goal_not(lower, r.start)).partition(|r| cues::is_cue("target_sentence", &lower[r.clone()]));
            (has_cue(hay, "event"), goal, future)
        } else {
            (false, Vec::new(), Vec::new())
        };
        for (qi, q) in qs.iter().enumerate().skip(first_q) {
            if q.range.start >= s.end {
                break;
            }
            if q.range.start < s.start || q.range.end > s.end || consumed[qi] {
                continue;
            }
            if in_document_reference(lower, q.range.start) {
                continue;
            }
            let cl = clause(lower, &s, q.qualifier_start..q.range.end);
            let before = &lower[cl.start..q.qualifier_start];
            // A multiple not taken as another figure's comparison is a metric only
            // as the main predicate: "xuất khẩu tăng gấp 2,4 lần" (a count, up).
            let multiple = q.unit == Unit::Times;
            if multiple && !direction::is_growth_multiple(before) {
                continue;
            }
            let counted = if q.unit == Unit::Count {
                counted_after(text, lower, q.range.end, cl.end.max(q.range.end))
                    .map(|c| classifier_named_before(lower, &cl, q.qualifier_start, c))
                    .or_else(|| total_named_before(lower, &cl, q.qualifier_start))
            } else {
                None
            };
            let sentence_before = &lower[back(lower, q.qualifier_start, 240, s.start)..q.qualifier_start];
            let (mut indicator, amount_kw) = read_indicator(ctx, qi, &cl, counted.as_ref(), sentence_before);
            // "Về cơ cấu, điện thoại … dẫn đầu với 12,6 tỷ USD; giày dép đạt 5,8 tỷ USD": an
            // amount naming no measure of its own, told in the paragraph of an export or
            // import figure, is a part of that trade.
            if indicator == Indicator::Other && amount_kw.is_none() && matches!(q.unit, Unit::Currency(_)) {
                if let Some(prev) = last.filter(|(end, ind)| {
                    matches!(ind, Indicator::Exports | Indicator::Imports) && *end <= q.qualifier_start && q.qualifier_start - *end <= TRADE_PART_REACH && !text[*end..q.qualifier_start].contains('\n')
                }) {
                    indicator = prev.1;
                }
            }
            // "hơn 120 tỷ yên (tương đương khoảng 800 triệu USD)": an amount restated in
            // another currency measures what the amount before it measured.
            if matches!(q.unit, Unit::Currency(_)) {
                if let Some(prev) = last.filter(|(end, _)| *end <= q.qualifier_start && q.qualifier_start - *end <= 40 && restates_in_brackets(&lower[*end..q.qualifier_start])) {
                    indicator = prev.1;
                }
            }
            // "con số này đạt 1,9 tỷ USD": what the figure before measured.
            if has_cue(before, "anaphora") {
                if let Some(prev) = last.filter(|(end, ind)| *end + ANAPHORA_REACH >= q.qualifier_start && *end <= q.qualifier_start && *ind != Indicator::Other) {
                    indicator = prev.1;
                }
            }
            // A percent change right after a figure is that figure's comparison,
            // handled when the figure is read; alone it is a metric with a direction.
            let direction = if multiple { Some(crate::records::Direction::Increase) } else { direction::of(lower, q, before, indicator, amount_kw.as_ref()) };
            // "tăng 14,4% về lượng và 35,3% về giá trị": the second percent shares the verb.
            let direction = direction.or_else(|| {
                let prev = qi.checked_sub(1).map(|p| &qs[p]).filter(|p| p.range.start >= s.start && q.unit == Unit::Percent)?;
                let prev_before = &lower[clause(lower, &s, prev.qualifier_start..prev.range.end).start..prev.qualifier_start];
                direction::coordinated(lower, prev, q, prev_before, indicator)
            });
            // A count of nothing ("70", a score, a list number) is no metric.
            if q.unit == Unit::Count && counted.is_none() && indicator == Indicator::Other {
                continue;
            }
            if filters::not_a_metric(text, lower, q, before, counted.as_ref(), s.end) || lookalikes::lookalike(text, lower, q, before, counted.as_ref(), indicator, s.end).is_some() {
                continue;
            }
            // Growth is a rate: an amount near "tăng trưởng" is not gdp_growth.
            if indicator == Indicator::GdpGrowth && !matches!(q.unit, Unit::Percent) {
                indicator = Indicator::Other;
            }
            let is_growth_words = q.unit == Unit::Percent && q.qualifier == Qualifier::AtLeast && q.value == 10.0 && lower[q.range.clone()].contains("con số");
            if is_growth_words {
                indicator = Indicator::GdpGrowth;
            }
            // "(cả năm 2024 là 59 hoạt động)": same head noun as an earlier metric → same indicator.
            if indicator == Indicator::Other {
                if let Some(c) = counted.as_ref().and_then(|r| text[r.clone()].split(' ').next()) {
                    if let Some(prev) = out[first_in_sentence..].iter().rev().take(8).find(|m| m.counted.as_deref().and_then(|x| x.split(' ').next()) == Some(c)) {
                        indicator = prev.indicator;
                    }
                }
            }
            let figure_end = counted.as_ref().map_or(q.range.end, |r| r.end.max(q.range.end));
            let place = period::Place { qi, clause: &cl, sentence: &s, end: figure_end };
            let inherited = carried.as_ref().or(carried_before.as_ref()).filter(|_| !sentence_stock);
            // A goal ("phấn đấu nâng kim ngạch lên 20 tỷ USD") takes no period it does not state;
            // nor does a figure dated by a day ("Ngày 28/10/2024, …").
            let lead = back(lower, q.qualifier_start, CLAUSE_REACH, s.start)..q.qualifier_start;
            // Counts of plain things ("sẽ tập trung vào 6 trọng tâm") are no forecasts.
            let plain_count = q.unit == Unit::Count && indicator == Indicator::Other;
            // "bắn trúng mục tiêu cách 30 km": a thing shot at, not a goal (looked
            // for only when a goal cue fired: goals are rare).
            // Sentence-wide cues do not reach past a cited draft ("theo dự thảo").
            let sentence_lead = sentence_goal.draft_at.filter(|&d| d < q.qualifier_start).map_or(lead.clone(), |d| d.max(lead.start)..lead.end);
            let projected = (sentence_goal.planned && !period::present_between(lower, lead.clone())) || sentence_goal.projected(lower, q.qualifier_start);
            // "công suất kế hoạch là 400.000 tấn và đến nay đạt 320.000 tấn": a
            // figure reached by now, after the planned one, is no goal.
            let clause_goal = cues::cue_spans(before, cl.start, "target").into_iter().rfind(|k| !cues::opens_goal_not(lower, k.start)).is_some_and(|k| {
                let after = &lower[k.end..q.qualifier_start];
                !has_cue(after, "reached_now") && !period::present_between(lower, k.end..q.qualifier_start)
            });
            let goal = (clause_goal || projected || cues::any_within(&goal_cues, sentence_lead.clone()) || (!plain_count && cues::any_within(&future_cues, sentence_lead)))
                && !has_cue(&lower[lead], "shot_target");
            // A figure inherits only a period that heads a sentence before it
            // ("Trong năm 2024, …", "Quý I/2025, …"), not one a sentence merely
            // mentions: a comparison's baseline, a plan's quarter, the year a
            // thing was launched or a rule was issued.
            let inherited = inherited.filter(|c| !goal && c.heads && !period::day_before(ctx, &s, q.qualifier_start));
            let read = read_period(ctx, &place, &sentence_periods, indicator, inherited, event_sentence);
            let outside = read.own.as_ref().is_none_or(|c| c.range.end <= cl.start || c.range.start >= cl.end);
            let apart = read.own.as_ref().is_none_or(|c| c.range.end <= cl.start && lower[c.range.end..cl.start].contains(';'));
            sentence_stock |= read.stock;
            typed_in_paragraph |= read.period.is_some() && indicator != Indicator::Other;
            if read.own.is_some() {
                used = read.own;
            } else if read.period.is_some() && (carried.is_some() || indicator != Indicator::Other) {
                // Taken over a paragraph break, only a statistics account (a typed
                // figure) runs on through the new paragraph.
                went_on = went_on.or_else(|| inherited.cloned());
            }
            // "Năm 2021, …; Hungary mỗi năm dành 200 suất học bổng": a yearly rate told
            // in its own clause is no figure of a single year told in another sentence or
            // across a ';'; a span stays ("Giai đoạn 2016-2020, … bình quân 12% mỗi năm").
            // The plan a future period makes of it stays too.
            let single_year = read.period.as_ref().is_some_and(|p| p.start.as_deref().zip(p.end.as_deref()).is_some_and(|(a, b)| a.get(..4) == b.get(..4)));
            let rate_elsewhere = outside && apart && single_year && has_cue(&lower[cl.clone()], "rate_every");
            // The dropped period still says whether the figure is a plan (`timing`).
            let (period, timing) = if rate_elsewhere { (None, read.period) } else { (read.period, None) };
            let found = if multiple { None } else { comparison::find(ctx, qs, qi, &s, period.as_ref()) };
            let mut end = counted.as_ref().map_or(q.range.end, |r| r.end.max(q.range.end));
            let mut comparison = None;
            if let Some(f) = found {
                consumed[f.quantity] = true;
                end = end.max(f.range.end.min(s.end)).max(end);
                comparison = Some(f.comparison);
            }
            // "đặt mục tiêu tăng trưởng 8-10%, thu ngân sách tăng tối thiểu 10%": some cues
            // govern the rest of their sentence, not only their clause.
            let estimated = lower[q.qualifier_start..q.range.start].starts_with("ước") || indicator::ends_with_cue(before, "estimate");
            let target = goal
                || parts_of_plan
                || (!plain_count && (has_cue(before, "forecast") || forecast_goes_on))
                || goal::proposal_purpose(before, sentence_before)
                || (is_growth_words && has_cue(&lower[cl.start..cl.end], "target"))
                || is_future(period.as_ref().or(timing.as_ref()), ctx.doc_date, estimated.then_some(reference).flatten());
            let whole = q.of_total.or_else(|| of_whole(ctx, qi, &s, &cl, last_count));
            let counted_text = counted
                .map(|r| text[r].to_string())
                .or_else(|| amount_kw.map(|r| text[indicator::noun_phrase(text, lower, r, s.end)].to_string()))
                // "tối đa 50% chi phí thuê gian hàng": what a percentage is of.
                .or_else(|| (q.unit == Unit::Percent).then(|| counted_after(text, lower, q.range.end, cl.end.max(q.range.end))).flatten().map(|r| text[r].to_string()))
                .or_else(|| (q.unit != Unit::Count && !multiple).then(|| clause_subject(text, lower, &cl, q.qualifier_start)).flatten());
            let evidence_end = end.max(q.range.end);
            out.push(Metric {
                value: q.value,
                unit: if is_growth_words { Unit::Percent } else if multiple { Unit::Count } else { q.unit.clone() },
                value_max: q.range_end,
                counted: counted_text.or_else(|| is_growth_words.then(|| "tăng trưởng".to_string())),
                of_total: whole,
                qualifier: q.qualifier,
                direction,
                indicator,
                period,
                comparison,
                target,
                subject: subject::subject(ctx, &s, cl.start, q.qualifier_start),
                source: sentence.source,
                evidence: ctx.evidence(q.qualifier_start..evidence_end),
            });
            last = Some((evidence_end, indicator));
            if q.unit == Unit::Count && !multiple {
                last_count = Some((evidence_end, q.value));
            }
        }
        // Only the sentence right before: one without figures breaks the run.
        prev_planned = out.len() > first_in_sentence && out[first_in_sentence..].iter().all(|m| m.target);
        // The period this sentence hands on: the one its figures took, else its
        // own; a stock with none of its own stops the one before.
        carried_before = None;
        // A sentence whose figures took the period it inherited hands it on, so a
        // statistics report's period runs on across paragraphs until another one.
        let stated = used.or_else(|| period::governing(ctx, &s, &sentence_periods));
        handed_on_only = stated.is_none() && went_on.is_some() && !sentence_stock;
        last_sentence = stated.or(went_on.filter(|_| !sentence_stock)).filter(|c| period::carries(c, ctx.doc_date) || period::heads_list(ctx, &s, c));
        match &last_sentence {
            Some(g) => carried = Some(g.clone()),
            None if sentence_stock => carried = None,
            None => {}
        }
    }
    out
}

/// The whole a count is part of: "Trong số 12 đối tác …, có 3 nước ASEAN"
/// (a count earlier in the sentence after "trong số"), "10 đối tác trong số
/// này" (the count just before).
fn of_whole(ctx: &Context<'_>, qi: usize, s: &Range<usize>, cl: &Range<usize>, last_count: Option<(usize, f64)>) -> Option<f64> {
    let (lower, q) = (ctx.lower.as_str(), &ctx.quantities[qi]);
    if q.unit != Unit::Count {
        return None;
    }
    let rest = &lower[q.range.end..ahead(lower, q.range.end, 64, cl.end.max(q.range.end))];
    let among_this = cues("among_this").iter().any(|p| cues::find_word(rest, p).is_some());
    if among_this {
        return last_count.filter(|(end, v)| *end <= q.qualifier_start && *end + ANAPHORA_REACH >= q.qualifier_start && *v > q.value).map(|(_, v)| v);
    }
    let prev = qi.checked_sub(1).map(|p| &ctx.quantities[p])?;
    // The part opens its own clause: ", có 3 nước ASEAN", ", 40.000 người …".
    let before = lower[cl.start..q.qualifier_start].trim();
    let opens = before.is_empty() || cues::is_cue("stock_before", before);
    let among = opens
        && prev.unit == Unit::Count
        && prev.range.start >= s.start
        && prev.range.end <= cl.start
        && prev.value > q.value
        && indicator::ends_with_cue(&lower[back(lower, prev.qualifier_start, 24, s.start)..prev.qualifier_start], "among");
    among.then_some(prev.value)
}

/// Does the count `q` count turns ("600 lượt doanh nghiệp")?
fn counted_turns(lower: &str, q: &crate::lang::Quantity, cl: &Range<usize>) -> bool {
    lower[q.range.end..cl.end.max(q.range.end)].trim_start().starts_with("lượt")
}

/// "Tổng thu từ khách du lịch năm 2024 ước đạt 840.000 tỷ đồng": an amount
/// no keyword names measures the noun phrase that opens its clause.
fn clause_subject(text: &str, lower: &str, cl: &Range<usize>, at: usize) -> Option<String> {
    let head = &lower[cl.start..at];
    let skip = head.len() - head.trim_start().len();
    let mut end = None;
    let mut pos = cl.start + skip;
    for (n, w) in lower[pos..at].split(' ').enumerate() {
        if n >= 8 || w.is_empty() || !w.chars().all(char::is_alphabetic) || cues::is_cue("subject_stop", w) {
            break;
        }
        pos += w.len();
        end = Some(pos);
        pos += 1;
    }
    let e = end?;
    let np = &text[cl.start + skip..e];
    (np.split(' ').count() >= 2).then(|| np.to_string())
}

/// Is a figure with this period a forecast? Its period starts after the
/// document's date (`doc`: "vào năm 2030" in 2021), or, for an estimate
/// ("ước đạt"), the period is not over at the date the document speaks from
/// (`estimate_from`): ANNOTATION.md, "ước đạt for a year not yet over".
fn is_future(period: Option<&Period>, doc: Option<crate::lang::Date>, estimate_from: Option<crate::lang::Date>) -> bool {
    let Some(p) = period else { return false };
    let date = |s: Option<&String>| s.and_then(|s| crate::lang::Date::parse_iso(s));
    let starts_after = matches!((date(p.start.as_ref()), doc), (Some(s), Some(d)) if s > d);
    let not_over = matches!((date(p.end.as_ref()), estimate_from), (Some(e), Some(d)) if e > d);
    starts_after || not_over
}

/// A figure's period, the candidate of its sentence it took, and whether
/// it is a stock.
struct ReadPeriod {
    period: Option<Period>,
    own: Option<period::Candidate>,
    stock: bool,
}

/// How far after a "by the end of" period its stock verb may stand (bytes).
const HELD_REACH: usize = 240;

/// "Đến hết tháng 9/2025, toàn tỉnh có … 612 dự án FDI với tổng vốn 11,8 tỷ
/// USD": what is held by the end of a period (its "có", not "có thêm") is a
/// stock counted at that date, with no period (ANNOTATION.md); "Đến hết
/// tháng 9, xuất khẩu đạt …" is a figure of the period.
fn held_by(lower: &str, c: &period::Candidate, q: &crate::lang::Quantity) -> bool {
    let text = lower.get(c.range.clone()).unwrap_or("");
    if !cues("to_end").iter().any(|e| text.starts_with(e.as_str())) || c.range.end > q.qualifier_start || q.qualifier_start - c.range.end > HELD_REACH {
        return false;
    }
    let between = &lower[c.range.end..q.qualifier_start];
    cues::find_word(between, "có").is_some_and(|i| !between[i + "có".len()..].trim_start().starts_with("thêm")) && !has_cue(between, "flow_verb")
}

/// How far before a span of days an event that it dates may be told (bytes).
const EVENT_DAYS_REACH: usize = 80;
/// The longest span of days that is an event's, not a period of statistics.
const EVENT_DAYS_MAX: i64 = 7;

/// "Hội chợ … diễn ra từ ngày 12 đến 15/9 … với 420 gian hàng", "nhân chuyến thăm
/// … ngày 12-13/12, … ký kết 36 văn kiện": a few days told right after an event
/// date the event; the counts told with it are bound to it (ANNOTATION.md: no period).
fn event_days(lower: &str, c: &period::Candidate, floor: usize) -> bool {
    let day = |d: &Option<String>| d.as_deref().filter(|d| d.len() == 10).and_then(crate::lang::Date::parse_iso);
    let (Some(a), Some(b)) = (day(&c.period.start), day(&c.period.end)) else { return false };
    let span = b.ordinal() - a.ordinal();
    (0..=EVENT_DAYS_MAX).contains(&span) && has_cue(&lower[back(lower, c.range.start, EVENT_DAYS_REACH, floor)..c.range.start], "event_days_before")
}

/// The period of a figure (ANNOTATION.md, "Periods"): its own, else the one
/// its paragraph carries (`inherited`); none for stocks ("còn hiệu lực",
/// "tính đến …", "đã có 13 đối tác"), participants, and counts bound to one event.
fn read_period(ctx: &Context<'_>, at: &period::Place<'_>, cands: &[period::Candidate], indicator: Indicator, inherited: Option<&period::Candidate>, event_sentence: bool) -> ReadPeriod {
    let lower = ctx.lower.as_str();
    let q = &ctx.quantities[at.qi];
    let none = |stock| ReadPeriod { period: None, own: None, stock };
    // Participants are bound to their event; "600 lượt doanh nghiệp" (turns over
    // many events) are counted over a period like any other figure.
    let turns = counted_turns(lower, q, at.clause);
    if indicator == Indicator::Participants && !turns {
        return none(false);
    }
    if has_cue(&lower[at.clause.start..at.clause.end.max(q.range.end)], "stock") {
        return none(true);
    }
    let before = &lower[at.clause.start..q.qualifier_start];
    let stock_before = q.unit == Unit::Count && indicator::ends_with_cue(before, "stock_before");
    if indicator == Indicator::Partners && stock_before {
        return none(true);
    }
    if let Some(c) = period::baseline_of_figure(ctx, at, cands) {
        // Its own, not the sentence's: it is handed on to no later sentence.
        // "cùng kỳ năm 2020" in a sentence about quý I/2021 is quý I/2020.
        let current = period::own(ctx, at, cands).map(|o| &o.period).or(inherited.map(|i| &i.period));
        let period = current.and_then(|p| period::same_part_of_year(p, &c.period)).unwrap_or_else(|| c.period.clone());
        return ReadPeriod { period: Some(period), own: None, stock: false };
    }
    if let Some(c) = period::own(ctx, at, cands) {
        if held_by(lower, c, q) {
            return none(true);
        }
        if q.unit == Unit::Count && event_days(lower, c, at.sentence.start) {
            return none(false);
        }
        let period = (!c.as_of).then(|| c.period.clone());
        return ReadPeriod { period, own: Some(c.clone()), stock: c.as_of };
    }
    // "Hiện nay, …", "…, đang sống cùng hai con": a sentence that speaks of
    // the present takes no past period from the sentences before it.
    let lead = lower[back(lower, q.qualifier_start, 240, at.sentence.start)..q.qualifier_start].trim_start();
    let head = lower[at.sentence.start..q.qualifier_start].trim_start_matches(|c: char| !c.is_alphanumeric());
    let now = has_cue(lead, "now") || lead.starts_with("hiện ") || lead.starts_with("hiện,") || cues("now_head").iter().any(|c| head.starts_with(c.as_str()));
    let inherits = !stock_before && indicator != Indicator::Partners && !event_sentence && !now;
    ReadPeriod { period: inherited.filter(|c| inherits && !c.as_of).map(|c| c.period.clone()), own: None, stock: stock_before }
}
