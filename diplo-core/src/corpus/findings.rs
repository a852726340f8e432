//! Findings: what an analyst should read first, ranked.
//!
//! Four kinds: claims whose sources conflict, comparisons that imply
//! different baselines for one fact, an implied baseline that contradicts a
//! stated one, and merged meetings whose sources disagree on a field. Each
//! carries its documents and evidence. The rank is the number of documents
//! involved times (1 + how far apart the values are, as a share of the
//! largest, capped at 1); a meeting's spread is ½ for a date, ¼ for another
//! field. Ties keep the kinds in the order above.

use super::report::{short, show_value};
use super::types::{Claim, CorpusMeeting, Finding, FindingEvidence, FindingKind, Implied, ImpliedGroup, Verdict};
use std::collections::HashSet;

fn key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default()
}

fn period(p: &crate::records::Period) -> String {
    let year = |s: &str| s.get(0..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).map(str::to_string);
    match (&p.start, &p.end) {
        (Some(s), Some(e)) if year(s).is_some() && year(s) == year(e) && s.ends_with("-01-01") && e.ends_with("-12-31") => year(s).unwrap_or_default(),
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => p.text.clone(),
    }
}

/// (max − min) / max of positive values, in 0..=1.
fn spread(values: &[f64]) -> f64 {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    if max > 0.0 && min.is_finite() {
        ((max - min) / max).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

fn fact(indicator: crate::records::Indicator, subject: Option<&str>, counted: Option<&str>, p: &crate::records::Period) -> String {
    let mut s = format!("{} {}", key(&indicator), period(p));
    if let Some(x) = subject {
        s.push_str(&format!(" of {x}"));
    }
    if let Some(x) = counted {
        s.push_str(&format!(" («{x}»)"));
    }
    s
}

fn distinct(docs: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    docs.into_iter().filter(|d| seen.insert(d.clone())).collect()
}

fn claim_finding(i: usize, c: &Claim) -> Finding {
    let values: Vec<f64> = c.values.iter().map(|v| v.value).collect();
    let line = c.values.iter().map(|v| format!("{} [{}]", show_value(v.value, v.qualifier), v.document)).collect::<Vec<_>>().join(" vs ");
    let documents = distinct(c.values.iter().map(|v| v.document.clone()));
    Finding {
        kind: FindingKind::ConflictingClaim,
        score: documents.len() as f64 * (1.0 + spread(&values)),
        summary: format!("{}{}: sources disagree: {line}", fact(c.indicator, c.subject.as_deref(), c.counted.as_deref(), &c.period), if c.target { " (target)" } else { "" }),
        documents,
        evidence: c.values.iter().map(|v| FindingEvidence { document: v.document.clone(), text: v.text.clone(), start: v.start, end: v.end, value: Some(show_value(v.value, v.qualifier)) }).collect(),
        claim: Some(i),
        meeting: None,
        implied: Vec::new(),
    }
}

fn implied_findings(implied: &[Implied], groups: &[ImpliedGroup]) -> Vec<Finding> {
    let mut out = Vec::new();
    for g in groups.iter().filter(|g| g.verdict == Verdict::Conflicting) {
        let Some(first) = g.members.first().and_then(|&i| implied.get(i)) else { continue };
        let what = fact(first.indicator, first.subject.as_deref(), first.counted.as_deref(), &first.baseline);
        let members: Vec<&Implied> = g.members.iter().filter_map(|&i| implied.get(i)).collect();
        let vals: Vec<f64> = members.iter().map(|x| x.value).collect();
        let documents = distinct(members.iter().map(|x| x.from.document.clone()));
        let line = members.iter().map(|x| format!("≈{} [{}]", short(x.value), x.from.document)).collect::<Vec<_>>().join(" · ");
        out.push(Finding {
            kind: FindingKind::ImpliedDisagreement,
            score: documents.len() as f64 * (1.0 + spread(&vals)),
            summary: format!("{what}: comparisons imply different values: {line} (spread {}–{})", short(g.spread.0), short(g.spread.1)),
            documents,
            evidence: members
                .iter()
                .map(|x| {
                    let cmp = x.from.comparison.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                    FindingEvidence { document: x.from.document.clone(), text: x.from.text.clone(), start: x.from.start, end: x.from.end, value: Some(format!("{} «{cmp}» → ≈{}", show_value(x.from.value, x.from.qualifier), short(x.value))) }
                })
                .collect(),
            claim: None,
            meeting: None,
            implied: g.members.clone(),
        });
    }
    for (i, imp) in implied.iter().enumerate() {
        let what = fact(imp.indicator, imp.subject.as_deref(), imp.counted.as_deref(), &imp.baseline);
        if imp.verdict == Verdict::Conflicting {
            let mut vals: Vec<f64> = imp.stated.iter().map(|s| s.value).collect();
            vals.push(imp.value);
            let documents = distinct(std::iter::once(imp.from.document.clone()).chain(imp.stated.iter().map(|s| s.document.clone())));
            let stated = imp.stated.iter().map(|s| format!("{} [{}]", show_value(s.value, s.qualifier), s.document)).collect::<Vec<_>>().join(" · ");
            let cmp = imp.from.comparison.as_ref().map(|c| c.text.clone()).unwrap_or_default();
            let mut evidence = vec![FindingEvidence { document: imp.from.document.clone(), text: imp.from.text.clone(), start: imp.from.start, end: imp.from.end, value: Some(format!("{} «{cmp}» → ≈{}", show_value(imp.from.value, imp.from.qualifier), short(imp.value))) }];
            evidence.extend(imp.stated.iter().map(|s| FindingEvidence { document: s.document.clone(), text: s.text.clone(), start: s.start, end: s.end, value: Some(show_value(s.value, s.qualifier)) }));
            out.push(Finding {
                kind: FindingKind::ImpliedVsStated,
                score: documents.len() as f64 * (1.0 + spread(&vals)),
                summary: format!("{what}: ≈{} implied by {} «{cmp}» [{}], but stated {stated}", short(imp.value), show_value(imp.from.value, imp.from.qualifier), imp.from.document),
                documents,
                evidence,
                claim: None,
                meeting: None,
                implied: vec![i],
            });
        }
    }
    out
}

fn meeting_finding(i: usize, m: &CorpusMeeting) -> Finding {
    let fields = m
        .conflicts
        .iter()
        .map(|c| format!("{} {}", c.field, c.values.iter().map(|v| format!("{} [{}]", v.value, v.documents.join(", "))).collect::<Vec<_>>().join(" vs ")))
        .collect::<Vec<_>>()
        .join("; ");
    let spread = if m.conflicts.iter().any(|c| c.field == "date") { 0.5 } else { 0.25 };
    let mut evidence = Vec::new();
    let mut seen = HashSet::new();
    for s in &m.sources {
        if seen.insert(s.document.clone()) {
            evidence.push(FindingEvidence { document: s.document.clone(), text: s.text.clone(), start: s.start, end: s.end, value: None });
        }
    }
    Finding {
        kind: FindingKind::MeetingConflict,
        score: m.documents.len() as f64 * (1.0 + spread),
        summary: format!("{} {} «{}»: sources disagree on {fields}", key(&m.kind), m.date.as_deref().unwrap_or("undated"), m.name),
        documents: m.documents.clone(),
        evidence,
        claim: None,
        meeting: Some(i),
        implied: Vec::new(),
    }
}

/// The findings of a report's parts, highest rank first.
pub fn findings(claims: &[Claim], implied: &[Implied], groups: &[ImpliedGroup], meetings: &[CorpusMeeting]) -> Vec<Finding> {
    let mut out: Vec<Finding> = claims.iter().enumerate().filter(|(_, c)| c.verdict == Verdict::Conflicting).map(|(i, c)| claim_finding(i, c)).collect();
    out.extend(implied_findings(implied, groups));
    out.extend(meetings.iter().enumerate().filter(|(_, m)| m.documents.len() > 1 && !m.conflicts.is_empty()).map(|(i, m)| meeting_finding(i, m)));
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.kind.cmp(&b.kind)).then(a.summary.cmp(&b.summary)));
    out
}
