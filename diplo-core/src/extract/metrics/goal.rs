//! Sentence-level readings of the target flag that the clause cues miss
//! (ANNOTATION.md: forecasts and plans are `target: true`):
//! - a sentence headed by a plan ("Dự kiến sau sáp nhập, trường có 11 khoa",
//!   "Theo kế hoạch, …") is a plan for every figure in it, plain counts too;
//! - the result clause of a condition with no figure of its own ("Nếu đề án
//!   được thông qua, tỉnh có 5 thành phố") is a projected outcome;
//! - the content of a draft ("theo dự thảo, … bảo đảm 6 nguyên tắc") is a
//!   rule's content, no goal: sentence-wide goal cues do not reach past it.

use super::cues::{cue_spans, cues, find_word, has_cue};
use std::ops::Range;

/// How far into a sentence a condition clause may run before its comma or
/// "thì" (bytes): a longer one is no fronted condition.
const CONDITION_REACH: usize = 200;

/// How far after a condition a figure may stand and still be its result (bytes).
const RESULT_REACH: usize = 240;

/// What a sentence says about the goals of its figures.
#[derive(Debug, Default)]
pub struct SentenceGoal {
    /// The sentence is headed by a plan or forecast.
    pub planned: bool,
    /// Where the result clause of a fronted condition starts, and whether
    /// the condition itself is a plan's approval ("Nếu đề án được thông qua").
    pub result_from: Option<(usize, bool)>,
    /// Where a draft is cited: sentence-wide goal cues do not reach figures after it.
    pub draft_at: Option<usize>,
}

impl SentenceGoal {
    /// Is the figure at `at` a projected outcome of the sentence's condition?
    /// Its result clause must be near, in the same sentence (no quote or
    /// full stop between), projected (a plan's approval, or "sẽ"/"có thể"),
    /// and neither advice ("nên", "cần", "phải") nor a counterfactual past ("đã").
    pub fn projected(&self, lower: &str, at: usize) -> bool {
        let Some((from, plan)) = self.result_from else { return false };
        if from > at || at - from > RESULT_REACH {
            return false;
        }
        let Some(result) = lower.get(from..at) else { return false };
        if result.contains(['.', '"', '\u{201d}', ';']) || has_cue(result, "not_projected") {
            return false;
        }
        plan || has_cue(result, "projected")
    }
}

/// Reads the sentence `s` of `lower` once.
pub fn read(lower: &str, s: &Range<usize>) -> SentenceGoal {
    let Some(hay) = lower.get(s.clone()) else { return SentenceGoal::default() };
    let lead = hay.len() - hay.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let head = &hay[lead..];
    let starts = |kind: &str| cues(kind).iter().any(|c| head.starts_with(c.as_str()) && !head[c.len()..].starts_with(char::is_alphanumeric));
    let planned = starts("plan_head");
    let result_from = if starts("condition_head") && !starts("condition_not") {
        let reach = crate::text::floor_char(head, CONDITION_REACH.min(head.len()));
        let window = &head[..reach];
        // "Nếu như trước đây, A có 3 con thì nay …": the condition runs to "thì" when there is one.
        let end = find_word(window, "thì").or_else(|| window.find(','));
        // A condition holding a figure or a year is a contrast of facts
        // ("Nếu như năm 2020 … 5 tỷ USD thì năm nay …"), not a hypothesis.
        end.filter(|&e| !window[..e].contains(|c: char| c.is_ascii_digit())).map(|e| (s.start + lead + e, has_cue(&window[..e], "condition_plan")))
    } else {
        None
    };
    let draft_at = cue_spans(hay, s.start, "draft").first().map(|r| r.start);
    SentenceGoal { planned, result_from, draft_at }
}

/// "Trung tâm Dự báo … cho biết miền Bắc sẽ tăng nhiệt. Đến ngày 21-22/2,
/// Hà Nội … lên 32 độ C": a sentence headed by a time to come
/// (`forecast_followup_head`) right after a sentence that reports a forecast
/// goes on with that forecast. `prev` is the sentence before `s`.
pub fn continues_forecast(lower: &str, prev: &Range<usize>, s: &Range<usize>) -> bool {
    let (Some(hay), Some(before)) = (lower.get(s.clone()), lower.get(prev.clone())) else { return false };
    let head = hay.trim_start_matches(|c: char| !c.is_alphanumeric());
    let starts = cues("forecast_followup_head").iter().any(|c| head.starts_with(c.as_str()) && !head[c.len()..].starts_with(char::is_alphanumeric));
    starts && has_cue(before, "forecast_body") && !has_cue(hay, "not_projected")
}

/// How many words may stand between "để" and a figure of a proposal's purpose.
const PURPOSE_WORDS: usize = 2;

/// "đề nghị đóng 18 chiếc tàu … để mang 36 máy bay": the purpose of a
/// proposal or plan (`proposal` in the sentence before the figure) is planned,
/// not done. `before` is the clause before the figure, `sentence_before` the
/// sentence before it.
pub fn proposal_purpose(before: &str, sentence_before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(PURPOSE_WORDS + 1).collect();
    words.iter().skip(1).any(|w| *w == "để" || *w == "nhằm") && has_cue(sentence_before, "proposal")
}

/// Does the sentence `s` open on the parts of what the sentence before
/// counted ("Trong đó, …", "Cụ thể, …": `parts_head`)?
pub fn opens_parts(lower: &str, s: &Range<usize>) -> bool {
    let Some(hay) = lower.get(s.clone()) else { return false };
    let head = hay.trim_start_matches(|c: char| !c.is_alphanumeric());
    cues("parts_head").iter().any(|c| head.starts_with(c.as_str()) && !head[c.len()..].starts_with(char::is_alphanumeric))
}
