//! Metric claims across documents: values grouped by indicator and period,
//! a verdict that respects qualifiers, and what comparisons imply about
//! their baselines.

use super::types::{Claim, ClaimValue, Implied, Verdict};
use crate::records::{ComparisonKind, Document, Indicator, Metric, Period, Qualifier};

/// The interval of actual values a stated value admits.
pub fn interval(value: f64, q: Qualifier) -> (f64, f64) {
    let tol = value.abs() * 0.1;
    match q {
        Qualifier::Exact => (value, value),
        Qualifier::MoreThan | Qualifier::AtLeast => (value, f64::INFINITY),
        Qualifier::LessThan | Qualifier::AtMost => (f64::NEG_INFINITY, value),
        Qualifier::Nearly => (value - tol, value),
        Qualifier::About => (value - tol, value + tol),
    }
}

fn intersect(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let lo = a.0.max(b.0);
    let hi = a.1.min(b.1);
    (lo <= hi + hi.abs() * 1e-9).then_some((lo, hi))
}

fn verdict(values: &[ClaimValue], docs: usize) -> Verdict {
    if docs < 2 {
        return Verdict::Single;
    }
    let all = values.iter().map(|v| interval(v.value, v.qualifier)).try_fold((f64::NEG_INFINITY, f64::INFINITY), intersect);
    if all.is_some() { Verdict::Consistent } else { Verdict::Conflicting }
}

fn dated(p: &Option<Period>) -> Option<&Period> {
    p.as_ref().filter(|p| p.start.is_some() && p.end.is_some())
}

fn value_of(doc: &str, m: &Metric) -> ClaimValue {
    ClaimValue {
        value: m.value,
        qualifier: m.qualifier,
        document: doc.to_string(),
        text: m.evidence.text.clone(),
        start: m.evidence.start,
        end: m.evidence.end,
        comparison: m.comparison.clone(),
    }
}

fn same_period(a: &Period, b: &Period) -> bool {
    a.start == b.start && a.end == b.end
}

/// Groups every dated metric of a named indicator by (indicator, period, unit, target).
pub fn claims(docs: &[Document]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for m in &d.metrics {
            let Some(p) = dated(&m.period) else { continue };
            if m.indicator == Indicator::Other {
                continue;
            }
            let v = value_of(id, m);
            match out.iter_mut().find(|c| c.indicator == m.indicator && c.unit == m.unit && c.target == m.target && same_period(&c.period, p)) {
                Some(c) => {
                    if !c.documents.iter().any(|x| x == id) {
                        c.documents.push(id.to_string());
                    }
                    c.values.push(v);
                }
                None => out.push(Claim {
                    indicator: m.indicator,
                    period: Period { start: p.start.clone(), end: p.end.clone(), text: p.text.clone() },
                    unit: m.unit.clone(),
                    target: m.target,
                    values: vec![v],
                    documents: vec![id.to_string()],
                    verdict: Verdict::Single,
                }),
            }
        }
    }
    for c in &mut out {
        c.verdict = verdict(&c.values, c.documents.len());
    }
    out.sort_by(|a, b| (a.indicator, &a.period.start, &a.period.end).cmp(&(b.indicator, &b.period.start, &b.period.end)));
    out
}

/// What each comparison with a dated baseline implies, checked against the claims.
pub fn implied(docs: &[Document], claims: &[Claim]) -> Vec<Implied> {
    let mut out = Vec::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for m in &d.metrics {
            let Some(c) = &m.comparison else { continue };
            let Some(base) = dated(&c.baseline) else { continue };
            if m.indicator == Indicator::Other || c.value == 0.0 {
                continue;
            }
            // A comparison is rounded to its last written digit: "1,5" is 1.45..1.55.
            let half = rounding_half_step(c.value);
            let (lo_q, hi_q) = interval(m.value, m.qualifier);
            let (value, low, high) = match c.kind {
                ComparisonKind::Ratio => (m.value / c.value, lo_q / (c.value + half), hi_q / (c.value - half).max(f64::MIN_POSITIVE)),
                ComparisonKind::PercentChange => {
                    let f = |p: f64| 1.0 + p / 100.0;
                    (m.value / f(c.value), lo_q / f(c.value + half), hi_q / f(c.value - half))
                }
                ComparisonKind::Difference => (m.value - c.value, lo_q - c.value - half, hi_q - c.value + half),
            };
            let stated: Vec<ClaimValue> = claims
                .iter()
                .filter(|cl| cl.indicator == m.indicator && cl.unit == m.unit && !cl.target && same_period(&cl.period, base))
                .flat_map(|cl| cl.values.iter().cloned())
                .collect();
            let verdict = if stated.is_empty() {
                Verdict::Single
            } else if stated.iter().all(|s| intersect(interval(s.value, s.qualifier), (low, high)).is_some()) {
                Verdict::Consistent
            } else {
                Verdict::Conflicting
            };
            out.push(Implied {
                indicator: m.indicator,
                baseline: base.clone(),
                unit: m.unit.clone(),
                value,
                low: low.is_finite().then_some(low),
                high: high.is_finite().then_some(high),
                from: value_of(id, m),
                stated,
                verdict,
            });
        }
    }
    out
}

/// Half the step of the last written digit: 2 → 0.5, 2.5 → 0.05, 19.3 → 0.05.
fn rounding_half_step(v: f64) -> f64 {
    let mut step = 1.0;
    let mut x = v.abs();
    for _ in 0..4 {
        if (x - x.round()).abs() < 1e-9 {
            break;
        }
        x *= 10.0;
        step /= 10.0;
    }
    step / 2.0
}
