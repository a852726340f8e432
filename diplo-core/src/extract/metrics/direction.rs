//! Whether a figure is itself a change: "xuất khẩu tăng 14%", "giảm 42,5%",
//! "tăng bình quân 12%/năm", "kiều hối tăng trưởng gần 6%". A level with a
//! change after it ("đạt 81,5 tỷ USD, tăng 6,5%") keeps no direction: the
//! change is its comparison. A growth rate (`gdp_growth`) told as "tăng
//! trưởng 7%" has none either; "GDP tăng 7%" goes up.

use super::cues::cues;
use crate::lang::Quantity;
use crate::records::{Direction, Indicator, Unit};
use std::ops::Range;

/// Does `hay` end with a phrase of cue `kind` on a word boundary?
fn ends_with(hay: &str, kind: &str) -> bool {
    cues(kind).iter().any(|c| hay.ends_with(c.as_str()) && !hay[..hay.len() - c.len()].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Strips the adverbs that may stand between a verb and its figure
/// ("tăng bình quân", "giảm mạnh", "tăng đến").
fn strip_adverbs(mut b: &str) -> &str {
    for _ in 0..3 {
        let t = b.trim_end();
        match cues("change_adverb").iter().find(|a| t.ends_with(a.as_str()) && !t[..t.len() - a.len()].chars().next_back().is_some_and(char::is_alphanumeric)) {
            Some(a) => b = &t[..t.len() - a.len()],
            None => return t,
        }
    }
    b.trim_end()
}

/// The direction of the figure `q` whose clause words before it are
/// `before` (lower case), measuring `indicator`; `keyword` is the amount
/// keyword that named it ("phấn đấu tăng kim ngạch thương mại ít nhất 10%").
pub fn of(lower: &str, q: &Quantity, before: &str, indicator: Indicator, keyword: Option<&Range<usize>>) -> Option<Direction> {
    // A count changes only when it counts points ("VN-Index tăng 9,8 điểm",
    // "mức giảm 2 điểm"); "tăng 3 dự án" stays a plain count.
    if q.unit == Unit::Count && !starts_points(&lower[q.range.end..]) {
        return None;
    }
    // The verb may sit inside the qualifier ("ước giảm 5%").
    let qual = lower[q.qualifier_start..q.range.start].trim_end();
    let b = if qual.ends_with("tăng") || qual.ends_with("giảm") { qual } else { strip_adverbs(before) };
    if ends_with(b, "decrease") {
        return Some(Direction::Decrease);
    }
    if ends_with(b, "growth") {
        return (indicator != Indicator::GdpGrowth).then_some(Direction::Increase);
    }
    if ends_with(b, "increase") {
        return Some(Direction::Increase);
    }
    if let Some(d) = change_noun(b, indicator) {
        return Some(d);
    }
    if q.unit == Unit::Percent && discount(b) {
        return Some(Direction::Decrease);
    }
    if q.unit == Unit::Percent {
        // Past the clause's commas ("giảm 16,91 điểm", "tăng 2 tỷ USD, tương đương").
        let window = &lower[super::back(lower, q.qualifier_start, RESTATE_REACH, 0)..q.qualifier_start];
        if let Some(d) = restated_change(window) {
            return Some(d);
        }
    }
    // "tăng kim ngạch thương mại ít nhất 10%": the verb before the noun.
    let k = keyword.filter(|k| k.end <= q.qualifier_start && k.start >= q.qualifier_start - before.len())?;
    let rest = lower[k.end..q.qualifier_start].trim();
    if rest.split(' ').filter(|w| !w.is_empty()).count() > 3 {
        return None;
    }
    verb_direction(strip_adverbs(&lower[q.qualifier_start - before.len()..k.start]))
}

/// The direction a change verb ending `verb` names ("giảm", "tăng thêm").
fn verb_direction(verb: &str) -> Option<Direction> {
    if ends_with(verb, "decrease") {
        Some(Direction::Decrease)
    } else if ends_with(verb, "increase") {
        Some(Direction::Increase)
    } else {
        None
    }
}

/// How many words a change noun may stand before "với/là" and its figure.
const CHANGE_NOUN_WORDS: usize = 8;

/// "mức tăng cao nhất thuộc về hạng C với 8%", "mức giảm mạnh nhất là 12%":
/// a change noun ("mức tăng", data `increase_noun`/`decrease_noun`) a few
/// words before "với/là" makes the figure that change. `b` is the clause
/// before the figure.
fn change_noun(b: &str, indicator: Indicator) -> Option<Direction> {
    let t = b.trim_end();
    let head = t.strip_suffix("với").or_else(|| t.strip_suffix("là")).filter(|h| h.ends_with(' '))?;
    // The last few words before "với/là", on a char boundary.
    let start = head.trim_end().char_indices().rev().filter(|&(_, c)| c == ' ').nth(CHANGE_NOUN_WORDS - 1).map_or(0, |(i, _)| i);
    let tail = head.get(start..)?;
    let has = |kind: &str| cues(kind).iter().any(|c| tail.match_indices(c.as_str()).any(|(i, _)| !tail[..i].chars().next_back().is_some_and(char::is_alphanumeric) && !tail[i + c.len()..].chars().next().is_some_and(char::is_alphanumeric)));
    if has("decrease_noun") {
        Some(Direction::Decrease)
    } else if has("increase_noun") && !(indicator == Indicator::GdpGrowth && tail.contains("tăng trưởng")) {
        Some(Direction::Increase)
    } else {
        None
    }
}

/// Does the text after a count start with points ("điểm", not "điểm trường")?
fn starts_points(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.strip_prefix("điểm").is_some_and(|r| {
        let r = r.trim_start_matches(' ');
        r.is_empty() || !r.starts_with(char::is_alphabetic) || r.starts_with("phần trăm") || r.starts_with("tương ứng") || r.starts_with("lên") || r.starts_with("xuống") || r.starts_with("còn") || r.starts_with("so với")
    })
}

/// Is a multiple ("gấp 2,4 lần", "gấp đôi") the growth its clause states
/// ("xuất khẩu sang Canada tăng gấp 2,4 lần", "tăng gần gấp đôi")? `before`
/// is the clause up to the multiple's qualifier.
pub fn is_growth_multiple(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix("gấp").filter(|r| !r.chars().next_back().is_some_and(char::is_alphanumeric)).unwrap_or(b);
    let b = strip_adverbs(b);
    ends_with(b, "increase") || ends_with(b, "growth")
}

/// How many words may stand between two coordinated percents ("về lượng và").
const COORDINATED_WORDS: usize = 5;

/// "tăng 14,4% về lượng và 35,3% về giá trị", "giảm 12% và 18%": a percent
/// joined by "và" to a percent change before it shares its direction.
/// `prev_before` is the clause words before `prev`; a GDP growth rate has no direction.
pub fn coordinated(lower: &str, prev: &Quantity, q: &Quantity, prev_before: &str, indicator: Indicator) -> Option<Direction> {
    if prev.unit != Unit::Percent || q.unit != Unit::Percent || prev.range.end > q.qualifier_start {
        return None;
    }
    let gap = lower.get(prev.range.end..q.qualifier_start)?.trim();
    let aspect = gap.strip_suffix("và")?.trim_end().trim_end_matches(',').trim_end();
    let words = aspect.split_whitespace().count();
    let ok = aspect.is_empty() || (aspect.starts_with("về ") && words <= COORDINATED_WORDS && !aspect.contains(|c: char| c.is_ascii_digit()));
    if !ok {
        return None;
    }
    let qual = lower[prev.qualifier_start..prev.range.start].trim_end();
    let b = if qual.ends_with("tăng") || qual.ends_with("giảm") { qual } else { strip_adverbs(prev_before) };
    if ends_with(b, "decrease") {
        Some(Direction::Decrease)
    } else if ends_with(b, "increase") || (ends_with(b, "growth") && indicator != Indicator::GdpGrowth) {
        Some(Direction::Increase)
    } else {
        None
    }
}

/// How many words may stand between a price cut and its percent.
const DISCOUNT_WORDS: usize = 8;

/// "giảm giá 20%", "chính sách giảm giá đối với các sản phẩm du lịch từ
/// 10-30%", "chiết khấu 5%": a price cut (`discount`) a few words before the
/// percent, with no comma or other figure between, is a decrease.
fn discount(b: &str) -> bool {
    let t = b.trim_end();
    let start = t.char_indices().rev().filter(|&(_, c)| c == ' ').nth(DISCOUNT_WORDS).map_or(0, |(i, _)| i);
    let Some(tail) = t.get(start..) else { return false };
    cues("discount").iter().any(|c| {
        tail.match_indices(c.as_str()).any(|(i, _)| {
            let rest = &tail[i + c.len()..];
            !tail[..i].chars().next_back().is_some_and(char::is_alphanumeric)
                && !rest.starts_with(char::is_alphanumeric)
                && !rest.contains(|ch: char| ch.is_ascii_digit() || matches!(ch, ',' | ';' | ':'))
        })
    })
}

/// How far back a restated change is read (bytes).
const RESTATE_REACH: usize = 80;

/// "VN30-Index giảm 16,91 điểm tương ứng 1,3%", "tăng 2 tỷ USD, tương đương
/// 8%": a percent that restates the change just before it takes its direction.
fn restated_change(before: &str) -> Option<Direction> {
    let before = before.rsplit(['.', ';', ':', '(', ')']).next().unwrap_or(before);
    let t = before.trim_end().trim_end_matches(',').trim_end();
    let t = cues("restates").iter().find_map(|c| t.strip_suffix(c.as_str()).filter(|r| r.ends_with([' ', ','])))?;
    let t = t.trim_end().trim_end_matches(',').trim_end();
    // The change's unit (at most two words: "điểm", "tỷ USD"), then its number.
    let mut rest = t;
    for _ in 0..2 {
        match rest.rsplit_once(' ') {
            Some((head, w)) if !w.starts_with(|c: char| c.is_ascii_digit()) => rest = head,
            _ => break,
        }
    }
    let (head, num) = rest.rsplit_once(' ')?;
    if !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    verb_direction(strip_adverbs(head))
}
