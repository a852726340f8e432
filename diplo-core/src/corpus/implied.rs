//! What comparisons imply about their baselines ("350 … gấp 2,5 lần năm
//! 2024" implies 2024 ≈ 140), checked against the values sources state for
//! the baseline and against every other implied value of the same fact.
//!
//! Each implied value is an interval: the stated value's qualifier, and the
//! rounding of the comparison — half a step of its last written digit, at
//! most 5% of it ("2,5" is 2.45..2.55; "gấp đôi" or "gấp 2 lần", as reporters
//! write a round multiple, 1.9..2.1). Sources whose intervals have no common
//! point disagree, and the spread of their values is reported.

use super::claims::{fact_of, intersect, interval, value_of, Claims, FactKey};
use super::types::{ClaimValue, Implied, ImpliedGroup, Verdict};
use crate::records::{ComparisonKind, Document, Period};
use std::collections::HashMap;

/// Half the step of the last written digit (2 → 0.5, 2.5 → 0.05, 19.3 →
/// 0.05), at most 5% of the value: a round multiple is a reporter's rounding
/// of a figure near it, not of anything within ±25%.
fn tolerance(v: f64) -> f64 {
    let mut step: f64 = 1.0;
    let mut x = v.abs();
    for _ in 0..4 {
        if (x - x.round()).abs() < 1e-9 {
            break;
        }
        x *= 10.0;
        step /= 10.0;
    }
    (step / 2.0).min(v.abs() * 0.05)
}

/// At most this many stated values are copied into each implied baseline
/// (`stated_total` counts them all), so the output stays linear.
const STATED_SHOWN: usize = 16;

fn dated(p: &Option<Period>) -> Option<&Period> {
    p.as_ref().filter(|p| p.start.is_some() && p.end.is_some())
}

/// Every implied baseline, checked against stated values and against each
/// other, and the groups of comparisons that imply the same fact.
pub(crate) fn implied(docs: &[Document], claims: &Claims) -> (Vec<Implied>, Vec<ImpliedGroup>) {
    let mut out: Vec<(FactKey, Implied)> = Vec::new();
    let mut stated_bounds: HashMap<FactKey, Option<(f64, f64, usize)>> = HashMap::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for m in &d.metrics {
            let Some(c) = &m.comparison else { continue };
            let Some(base) = dated(&c.baseline) else { continue };
            if c.value == 0.0 || !c.value.is_finite() || !m.value.is_finite() {
                continue;
            }
            let Some((key, subject)) = fact_of(id, m, Some(base), false) else { continue };
            let half = tolerance(c.value);
            let count = m.unit == crate::records::Unit::Count;
            let (lo_q, hi_q) = interval(m.value, m.qualifier, &m.evidence.text, count);
            let (value, low, high) = match c.kind {
                ComparisonKind::Ratio => {
                    if c.value - half <= 0.0 {
                        continue;
                    }
                    (m.value / c.value, lo_q / (c.value + half), hi_q / (c.value - half))
                }
                ComparisonKind::PercentChange => {
                    let f = |p: f64| 1.0 + p / 100.0;
                    if f(c.value - half) <= 0.0 {
                        continue;
                    }
                    (m.value / f(c.value), lo_q / f(c.value + half), hi_q / f(c.value - half))
                }
                ComparisonKind::Difference => {
                    let half = half.max(c.value.abs() * 0.05);
                    (m.value - c.value, lo_q - c.value - half, hi_q - c.value + half)
                }
            };
            if !value.is_finite() {
                continue;
            }
            // Every stated value meets [low, high] exactly when the largest
            // lower bound is ≤ high and the smallest upper bound ≥ low: one
            // pass per fact, however many comparisons point to it.
            let bounds = *stated_bounds.entry(key.clone()).or_insert_with(|| {
                let values = claims.index.get(&key).into_iter().flatten().filter_map(|&i| claims.claims.get(i)).flat_map(|cl| cl.values.iter());
                values.fold(None, |acc: Option<(f64, f64, usize)>, s| {
                    let (lo, hi) = interval(s.value, s.qualifier, &s.text, count);
                    Some(acc.map_or((lo, hi, 1), |(a, b, n)| (a.max(lo), b.min(hi), n + 1)))
                })
            });
            let stated: Vec<ClaimValue> = claims.index.get(&key).into_iter().flatten().filter_map(|&i| claims.claims.get(i)).flat_map(|cl| cl.values.iter()).take(STATED_SHOWN).cloned().collect();
            let verdict = match bounds {
                None => Verdict::Single,
                Some((max_lo, min_hi, _)) if max_lo <= high + high.abs() * 1e-9 && min_hi >= low - low.abs() * 1e-9 => Verdict::Consistent,
                Some(_) => Verdict::Conflicting,
            };
            let stated_total = bounds.map_or(0, |b| b.2);
            let imp = Implied {
                indicator: m.indicator,
                baseline: base.clone(),
                unit: m.unit.clone(),
                subject,
                counted: key.thing.clone(),
                value,
                low: low.is_finite().then_some(low),
                high: high.is_finite().then_some(high),
                from: value_of(id, m),
                stated,
                stated_total,
                verdict,
                group: None,
                peer_verdict: Verdict::Single,
                spread: None,
            };
            out.push((key, imp));
        }
    }
    let groups = check_peers(&mut out);
    (out.into_iter().map(|(_, i)| i).collect(), groups)
}

/// Compares the implied values of each fact with each other (hash-grouped);
/// each comparison points to its group, which lists its members once, so
/// the output stays linear however many sources imply one baseline.
fn check_peers(items: &mut [(FactKey, Implied)]) -> Vec<ImpliedGroup> {
    let mut by_key: HashMap<&FactKey, Vec<usize>> = HashMap::new();
    for (i, (k, _)) in items.iter().enumerate() {
        by_key.entry(k).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    let mut out = Vec::with_capacity(groups.len());
    for g in groups {
        let bounds = |imp: &Implied| (imp.low.unwrap_or(f64::NEG_INFINITY), imp.high.unwrap_or(f64::INFINITY));
        let common = g.iter().map(|&i| bounds(&items[i].1)).try_fold((f64::NEG_INFINITY, f64::INFINITY), intersect);
        // One article implying two values for one key shows the key is too
        // coarse (two phones' sales, "tăng 32%" and "tăng 44%"): not a disagreement.
        let mut own: HashMap<&str, (f64, f64)> = HashMap::new();
        let mut ambiguous = false;
        for &i in &g {
            let b = bounds(&items[i].1);
            let doc = items[i].1.from.document.as_str();
            match own.get(doc).copied() {
                None => {
                    own.insert(doc, b);
                }
                Some(acc) => match intersect(acc, b) {
                    Some(x) => {
                        own.insert(doc, x);
                    }
                    None => ambiguous = true,
                },
            }
        }
        let verdict = if common.is_some() {
            Verdict::Consistent
        } else if ambiguous || own.len() < 2 {
            Verdict::Single
        } else {
            Verdict::Conflicting
        };
        let values: Vec<f64> = g.iter().map(|&i| items[i].1.value).collect();
        let spread = (values.iter().copied().fold(f64::INFINITY, f64::min), values.iter().copied().fold(f64::NEG_INFINITY, f64::max));
        let id = out.len();
        for &i in &g {
            let imp = &mut items[i].1;
            imp.group = Some(id);
            imp.peer_verdict = verdict;
            imp.spread = Some(spread);
        }
        out.push(ImpliedGroup { members: g, verdict, spread });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tolerance;

    #[test]
    fn rounding_of_a_written_comparison() {
        assert!((tolerance(2.5) - 0.05).abs() < 1e-12);
        assert!((tolerance(19.3) - 0.05).abs() < 1e-12);
        assert!((tolerance(2.0) - 0.1).abs() < 1e-12, "a round multiple: 5%");
        assert!((tolerance(20.0) - 0.5).abs() < 1e-12);
    }
}
