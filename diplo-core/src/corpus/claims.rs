//! Metric claims across documents: the values reported for one fact, with a
//! verdict that respects qualifiers.
//!
//! A fact is (indicator, subject, unit, period, target) and, for `other`,
//! what is counted: Vietnam's 2020 growth and Thái Lan's are two facts, and so
//! are "75 hoạt động đối ngoại" and "30 chuyến thăm" of one year. Subjects are
//! normalised by [`super::subjects`]. Facts are grouped through a hash map,
//! so the corpus is read once whatever its size.

use super::subjects::{self, SubjectKind};
use super::things;
use super::types::{Claim, ClaimValue, Verdict};
use crate::records::{Direction, Document, Indicator, Metric, Period, Qualifier, Unit};
use std::collections::HashMap;

/// How far a value written without a qualifier may be from the figure it
/// reports: half a unit of its last written digit ("13,8%" ±0.05, "14%"
/// ±0.5, "10,5 tỷ USD" ±0.05 tỷ, "4.000 tỷ đồng" ±0.5 tỷ), at most 5% of
/// it. The digits are read from `text`, the value's evidence; when it has
/// none ("hai nước"), whole counts below 10 000 are exact and other values
/// are taken to their last non-zero digit.
pub fn rounding(value: f64, text: &str, count: bool) -> f64 {
    let v = value.abs();
    if !v.is_finite() || v == 0.0 {
        return 0.0;
    }
    if let Some(half) = written_half_step(text, v) {
        return half.min(v * 0.05);
    }
    if count && v < 10_000.0 && value.fract() == 0.0 {
        return 0.0;
    }
    let mut unit = 10f64.powi(v.log10().floor() as i32);
    for _ in 0..16 {
        let q = v / unit;
        if (q - q.round()).abs() < 1e-6 {
            break;
        }
        unit /= 10.0;
    }
    (unit / 2.0).min(v * 0.05)
}

/// Half a unit of the last digit of the first number written in `text`,
/// scaled to `value` ("4.000 tỷ" of 4e12 → 0.5e9), when the written number
/// and the value agree up to a power of ten. Vietnamese digit groups: ','
/// marks decimals and '.' thousands when three digits follow it ("1.712",
/// "35,3"); "1.5" and "1,234,567" are read the English way.
fn written_half_step(text: &str, value: f64) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let run: &str = {
        let rest = &text[start..];
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
        rest[..end].trim_end_matches(['.', ','])
    };
    let (commas, dots) = (run.matches(',').count(), run.matches('.').count());
    let three_after = |sep: char| run.rsplit(sep).next().is_some_and(|g| g.len() == 3);
    let decimal = if commas > 1 {
        Some('.').filter(|_| dots == 1)
    } else if dots > 1 {
        Some(',').filter(|_| commas == 1)
    } else if commas == 1 && dots == 1 {
        Some(if run.rfind(',') > run.rfind('.') { ',' } else { '.' })
    } else if commas == 1 {
        Some(',')
    } else if dots == 1 && !three_after('.') {
        Some('.')
    } else {
        None
    };
    let (int_part, dec_part) = match decimal {
        Some(d) => {
            let (i, f) = run.rsplit_once(d)?;
            (i, f)
        }
        None => (run, ""),
    };
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let written: f64 = format!("{}.{}", if digits.is_empty() { "0" } else { &digits }, if dec_part.is_empty() { "0" } else { dec_part }).parse().ok()?;
    if written <= 0.0 || dec_part.len() > 6 {
        return None;
    }
    let scale = value / written;
    let power = scale.log10();
    if !(power.is_finite() && (power - power.round()).abs() < 1e-6 && (0.0..=15.0).contains(&power.round())) {
        return None;
    }
    Some(0.5 * 10f64.powi(-(dec_part.len() as i32)) * scale)
}

/// How far a bound may be from the figure it bounds: "hơn 200" is said of
/// 253 or 350, not of 40 times as much ("hơn 9.600 tỷ đồng" and "422.000 tỷ
/// đồng" are two facts, not one told loosely).
const BOUND_REACH: f64 = 2.0;

/// The interval of actual values a stated value admits; `text` is its
/// evidence (for the written digits), `count` whether its unit is a count.
pub fn interval(value: f64, q: Qualifier, text: &str, count: bool) -> (f64, f64) {
    let tol = value.abs() * 0.1;
    let (low, high) = if value >= 0.0 { (value / BOUND_REACH, value * BOUND_REACH) } else { (value * BOUND_REACH, value / BOUND_REACH) };
    match q {
        Qualifier::Exact => {
            let r = rounding(value, text, count);
            (value - r, value + r)
        }
        Qualifier::MoreThan | Qualifier::AtLeast => (value, high),
        Qualifier::LessThan | Qualifier::AtMost => (low, value),
        Qualifier::Nearly => (value - tol, value),
        Qualifier::About => (value - tol, value + tol),
    }
}

/// The common part of two intervals, when they meet (a relative 1e-9 of slack).
pub fn intersect(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let lo = a.0.max(b.0);
    let hi = a.1.min(b.1);
    (lo <= hi + hi.abs() * 1e-9).then_some((lo, hi))
}

fn verdict(values: &[ClaimValue], docs: usize, count: bool) -> Verdict {
    if docs < 2 {
        return Verdict::Single;
    }
    let all = values.iter().map(|v| interval(v.value, v.qualifier, &v.text, count)).try_fold((f64::NEG_INFINITY, f64::INFINITY), intersect);
    if all.is_some() {
        Verdict::Consistent
    } else {
        Verdict::Conflicting
    }
}

fn dated(p: &Option<Period>) -> Option<&Period> {
    p.as_ref().filter(|p| p.start.is_some() && p.end.is_some())
}

pub(crate) fn value_of(doc: &str, m: &Metric) -> ClaimValue {
    ClaimValue {
        value: m.value,
        qualifier: m.qualifier,
        document: doc.to_string(),
        text: m.evidence.text.clone(),
        start: m.evidence.start,
        end: m.evidence.end,
        comparison: m.comparison.clone(),
        subject: m.subject.clone(),
        counted: m.counted.clone(),
    }
}

/// The identity of a fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct FactKey {
    pub indicator: Indicator,
    pub subject: Option<(SubjectKind, String)>,
    pub unit: String,
    pub start: String,
    pub end: String,
    pub target: bool,
    /// What is counted, for `other`, `partners` and `participants`.
    pub thing: Option<String>,
    /// For a percentage: 1 for a rise, 2 for a fall, 0 for a rate or share
    /// ("tăng 14%" and "chiếm 14%" are two facts).
    pub direction: u8,
    /// The one document a fact belongs to, when it names nothing another
    /// article could report ("116 doanh nghiệp" with no subject).
    pub scope: Option<String>,
}

/// The largest growth rate, in percent, read as an economy's.
const GROWTH_BOUND: f64 = 25.0;

/// The fact a metric of document `doc` states, or `None` when it cannot
/// be placed (no dated period; an `other` metric that does not say what it
/// counts).
///
/// Named indicators (agreements signed, exports, growth …) name the fact
/// themselves. A count of `partners`, `participants` or `other` things is
/// also identified by what it counts, and a count that names nothing another
/// article could report — no subject and a bare noun ("2 nước", "116 doanh
/// nghiệp"); participants with no subject, who belong to one unnamed event —
/// is a fact of its document alone.
pub(crate) fn fact_of(doc: &str, m: &Metric, period: Option<&Period>, target: bool) -> Option<(FactKey, Option<String>)> {
    let p = period?;
    let (start, end) = (p.start.clone()?, p.end.clone()?);
    let subject = subjects::normalise(m.subject.as_deref());
    let counted = things::thing(m.counted.as_deref());
    let (thing, scoped) = match m.indicator {
        // A unit of measure alone ("40 độ C", "60 m") says how much, not of
        // what: the average and the highest temperature of one place are two facts.
        Indicator::Other => {
            let t = counted?;
            (Some(t.key), t.measure_only || (subject.is_none() && (!t.specific || t.entity)))
        }
        Indicator::Partners => {
            let specific = counted.as_ref().is_some_and(|t| t.specific);
            (counted.map(|t| t.key), subject.is_none() && !specific)
        }
        Indicator::Participants => (counted.map(|t| t.key), subject.is_none()),
        // A count under a money indicator counts things (projects, firms):
        // what it counts is part of the fact, as for `other`.
        Indicator::TradeTurnover | Indicator::Exports | Indicator::Imports | Indicator::Investment | Indicator::Remittances if m.unit == Unit::Count => {
            let specific = counted.as_ref().is_some_and(|t| t.specific && !t.measure_only);
            (counted.map(|t| t.key), subject.is_none() && !specific)
        }
        // A share of exports, investment … with no subject is a share of
        // something the sentence names ("chiếm 35,5%"): a fact of its article.
        // An economy grows by a few percent: a "growth" above 25% is a
        // company's or a sector's, read as GDP growth; it is compared within its article only.
        Indicator::GdpGrowth => (None, m.unit == Unit::Percent && m.value.abs() > GROWTH_BOUND),
        _ => (None, m.unit == Unit::Percent && m.direction.is_none() && subject.is_none()),
    };
    let direction = match (&m.unit, m.direction) {
        (Unit::Percent, Some(Direction::Increase)) => 1,
        (Unit::Percent, Some(Direction::Decrease)) => 2,
        _ => 0,
    };
    let label = subject.as_ref().map(|s| s.label.clone());
    let key = FactKey {
        indicator: m.indicator,
        subject: subject.map(|s| (s.kind, s.key)),
        unit: m.unit.as_str().to_string(),
        start,
        end,
        target,
        thing,
        direction,
        scope: scoped.then(|| doc.to_string()),
    };
    Some((key, label))
}

/// The claims and, for each fact, the indexes of its claims.
pub(crate) struct Claims {
    pub claims: Vec<Claim>,
    pub index: HashMap<FactKey, Vec<usize>>,
}

/// Groups every dated metric by the fact it states, then splits each group
/// into the facts its values can be (see [`split`]).
pub(crate) fn claims(docs: &[Document]) -> Claims {
    let mut groups: Vec<(FactKey, Claim)> = Vec::new();
    let mut index: HashMap<FactKey, usize> = HashMap::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for m in &d.metrics {
            let Some((key, label)) = fact_of(id, m, dated(&m.period), m.target) else { continue };
            let v = value_of(id, m);
            match index.get(&key) {
                Some(&i) => groups[i].1.values.push(v),
                None => {
                    let p = dated(&m.period).cloned().unwrap_or_default();
                    let claim = Claim {
                        indicator: m.indicator,
                        period: Period { start: p.start, end: p.end, text: p.text },
                        unit: m.unit.clone(),
                        target: m.target,
                        subject: label,
                        subject_kind: key.subject.as_ref().map(|s| s.0),
                        counted: key.thing.clone(),
                        values: vec![v],
                        documents: Vec::new(),
                        verdict: Verdict::Single,
                    };
                    index.insert(key.clone(), groups.len());
                    groups.push((key, claim));
                }
            }
        }
    }
    groups.sort_by(|(a, _), (b, _)| {
        (a.indicator, &a.start, &a.end, &a.subject, &a.unit, a.target, &a.thing, a.direction, &a.scope).cmp(&(b.indicator, &b.start, &b.end, &b.subject, &b.unit, b.target, &b.thing, b.direction, &b.scope))
    });
    let mut out = Claims { claims: Vec::new(), index: HashMap::new() };
    for (key, mut proto) in groups {
        let values = std::mem::take(&mut proto.values);
        let count = proto.unit == Unit::Count;
        for part in split(values, count) {
            let mut c = proto.clone();
            c.documents = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for v in &part {
                if seen.insert(v.document.as_str()) {
                    c.documents.push(v.document.clone());
                }
            }
            c.values = part;
            c.verdict = verdict(&c.values, c.documents.len(), count);
            out.index.entry(key.clone()).or_default().push(out.claims.len());
            out.claims.push(c);
        }
    }
    out
}

/// Values more than this many times apart are two figures, not two readings of one.
const MAGNITUDE: f64 = 3.0;

/// The facts the values of one key can be.
///
/// One article does not contradict itself: when a document gives values for
/// a key that cannot all be true at once ("657.000 tỷ đồng" and "422.000 tỷ
/// đồng" of investment in 2024), the key is too coarse to tell its facts
/// apart, so the values are grouped only where they agree (each group
/// `consistent` or `single`, never `conflicting`). Otherwise the values are
/// cut where one is more than [`MAGNITUDE`] times the next: sources
/// reporting one figure differ by rounding or revision, not by orders of
/// magnitude ("2 nước" and "1.097 thành viên" are not one count).
fn split(mut values: Vec<ClaimValue>, count: bool) -> Vec<Vec<ClaimValue>> {
    values.sort_by(|a, b| a.value.total_cmp(&b.value).then_with(|| a.document.cmp(&b.document)));
    let mut own: HashMap<&str, (f64, f64)> = HashMap::new();
    let mut self_contradicting = false;
    for v in &values {
        let iv = interval(v.value, v.qualifier, &v.text, count);
        match own.get(v.document.as_str()) {
            None => {
                own.insert(&v.document, iv);
            }
            Some(&acc) => match intersect(acc, iv) {
                Some(x) => {
                    own.insert(&v.document, x);
                }
                None => self_contradicting = true,
            },
        }
    }
    let mut parts: Vec<Vec<ClaimValue>> = Vec::new();
    let mut common = (f64::NEG_INFINITY, f64::INFINITY);
    let mut last = f64::NAN;
    for v in values {
        let iv = interval(v.value, v.qualifier, &v.text, count);
        let new_part = match parts.last() {
            None => true,
            Some(_) if self_contradicting => intersect(common, iv).is_none(),
            Some(_) => last > 0.0 && v.value > last * MAGNITUDE,
        };
        if new_part {
            common = iv;
            parts.push(Vec::new());
        } else {
            common = intersect(common, iv).unwrap_or(iv);
        }
        last = v.value;
        if let Some(p) = parts.last_mut() {
            p.push(v);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_values_are_rounded_to_their_last_digit() {
        assert!((rounding(13.8, "13,8%", false) - 0.05).abs() < 1e-9);
        assert!((rounding(14.0, "14%", false) - 0.5).abs() < 1e-9);
        assert!((rounding(1.05e10, "10,5 tỷ USD", false) - 0.05e9).abs() < 1.0);
        assert!((rounding(4e12, "4.000 tỷ đồng", false) - 0.5e9).abs() < 1.0, "the written digits, not the trailing zeros");
        assert!((rounding(1.712e12, "1.712 tỷ đồng", false) - 0.5e9).abs() < 1.0);
        assert!((rounding(1.5e6, "1.5 million", false) - 0.05e6).abs() < 1.0);
        assert_eq!(rounding(17.0, "hai mươi", true), 0.0, "whole counts without digits are exact");
        assert!((rounding(17.0, "17 nước", true) - 0.5).abs() < 1e-9);
        assert!(rounding(9e6, "chín triệu", true) > 0.0, "9 triệu lượt khách is rounded");
        assert!((rounding(10e9, "10 tỷ USD", false) - 0.5e9).abs() < 1.0, "at most 5%");
        let iv = |v: f64, t: &str| interval(v, Qualifier::Exact, t, false);
        let consistent = |a: (f64, f64), b: (f64, f64)| intersect(a, b).is_some();
        assert!(consistent(iv(14.0, "14%"), iv(13.8, "13,8%")));
        assert!(consistent(iv(1.05e10, "10,5 tỷ"), iv(1.047e10, "10,47 tỷ")));
        assert!(!consistent(iv(34.7, "34,7%"), iv(35.3, "35,3%")));
        assert!(!consistent(iv(4e12, "4.000 tỷ đồng"), iv(4.2e12, "4.200 tỷ đồng")));
    }

    fn v(doc: &str, value: f64, qualifier: Qualifier) -> ClaimValue {
        ClaimValue { value, qualifier, document: doc.into(), text: String::new(), start: 0, end: 0, comparison: None, subject: None, counted: None }
    }

    fn shapes(parts: &[Vec<ClaimValue>]) -> Vec<Vec<(String, f64)>> {
        parts.iter().map(|p| p.iter().map(|v| (v.document.clone(), v.value)).collect()).collect()
    }

    #[test]
    fn one_figure_read_by_several_sources_stays_one_fact() {
        let parts = split(vec![v("a", 200.0, Qualifier::MoreThan), v("b", 253.0, Qualifier::Exact), v("c", 10.0, Qualifier::Exact)], true);
        assert_eq!(shapes(&parts), [vec![("c".to_string(), 10.0)], vec![("a".to_string(), 200.0), ("b".to_string(), 253.0)]]);
        let parts = split(vec![v("a", 10.0, Qualifier::Exact), v("b", 17.0, Qualifier::Exact)], true);
        assert_eq!(parts.len(), 1, "10 and 17 are a disagreement, not two figures");
        assert_eq!(verdict(&parts[0], 2, true), Verdict::Conflicting);
    }

    #[test]
    fn a_bound_reaches_twice_its_figure_not_forty_times() {
        let near = [v("a", 200.0, Qualifier::MoreThan), v("b", 350.0, Qualifier::Exact)];
        assert_eq!(verdict(&near, 2, true), Verdict::Consistent);
        let far = [v("a", 9_600.0, Qualifier::MoreThan), v("b", 422_000.0, Qualifier::Exact)];
        assert_ne!(verdict(&far, 2, true), Verdict::Consistent);
        let below = [v("a", 50.0, Qualifier::LessThan), v("b", 48.0, Qualifier::Exact)];
        assert_eq!(verdict(&below, 2, true), Verdict::Consistent);
        let parts = split(vec![v("a", 9_600.0, Qualifier::MoreThan), v("a2", 9_600.0, Qualifier::MoreThan), v("b", 422_000.0, Qualifier::Exact), v("b2", 422_000.0, Qualifier::Exact)], false);
        assert_eq!(parts.len(), 2, "two facts, each told by two sources: {:?}", shapes(&parts));
    }

    #[test]
    fn a_document_with_two_figures_for_one_key_never_makes_a_conflict() {
        let parts = split(vec![v("a", 657.0, Qualifier::Exact), v("a", 422.0, Qualifier::Exact), v("b", 657.0, Qualifier::Exact), v("c", 500.0, Qualifier::Exact)], true);
        for p in &parts {
            let docs: std::collections::HashSet<&str> = p.iter().map(|x| x.document.as_str()).collect();
            assert_ne!(verdict(p, docs.len(), true), Verdict::Conflicting);
        }
        assert!(shapes(&parts).contains(&vec![("a".to_string(), 657.0), ("b".to_string(), 657.0)]));
    }
}
