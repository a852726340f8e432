//! The corpus as a readable report: the counts, the findings first, then
//! meetings, claims, implied baselines, commitments and partnerships.

use super::types::{ClaimValue, CorpusReport, Verdict};
use crate::records::Qualifier;
use std::fmt::Write;

/// An enum's contract string ("agreements_signed").
pub(crate) fn key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default()
}

/// "hơn 200", "gần 350", "253" as ">200", "≲350", "253".
pub fn show_value(v: f64, q: Qualifier) -> String {
    let n = if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") };
    let mark = match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => ">",
        Qualifier::LessThan => "<",
        Qualifier::Nearly => "≲",
        Qualifier::About => "~",
        Qualifier::AtLeast => "≥",
        Qualifier::AtMost => "≤",
    };
    format!("{mark}{n}")
}

pub(crate) fn values_line(values: &[ClaimValue]) -> String {
    values.iter().map(|v| format!("{} [{}]", show_value(v.value, v.qualifier), v.document)).collect::<Vec<_>>().join(" · ")
}

/// A number shown to one decimal at most: 126.5, 140.
pub fn short(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// "  — subject KR, counting «khach quoc te»" (empty for Vietnam's own named indicators).
fn fact_label(subject: Option<&str>, counted: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(s) = subject {
        let _ = write!(out, "  — subject {s}");
    }
    if let Some(c) = counted {
        let _ = write!(out, "{} counting «{c}»", if out.is_empty() { "  —" } else { "," });
    }
    out
}

fn period_str(p: &crate::records::Period) -> String {
    match (&p.start, &p.end) {
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => p.text.clone(),
    }
}

fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

fn header(s: &mut String, r: &CorpusReport) {
    let c = &r.counts;
    let _ = writeln!(s, "diplo report: read {}, extracted {}, with warnings {}, failed {}", c.read, c.extracted, c.with_warnings, c.failed);
    for e in &r.errors {
        let at = match (&e.file, e.line, e.index) {
            (_, _, Some(i)) => format!("item {i}"),
            (Some(f), Some(l), _) => format!("{f}:{l}"),
            (Some(f), None, _) => f.clone(),
            _ => String::new(),
        };
        let id = e.id.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
        let message: String = e.message.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let _ = writeln!(s, "  failed [{}] {at}{id}: {}", e.code, clip(&message, 200));
    }
    if !r.warnings.is_empty() {
        let w = r.warnings.iter().map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", ");
        let _ = writeln!(s, "  documents with warnings: {w}");
    }
    let merged = r.meetings.iter().filter(|m| m.documents.len() > 1).count();
    let conflicting = r.claims.iter().filter(|c| c.verdict == Verdict::Conflicting).count();
    let _ = writeln!(
        s,
        "{} findings; {} meetings ({merged} reported by several documents), {} claims ({conflicting} conflicting), {} implied baselines, {} commitments, {} partners",
        r.findings.len(),
        r.meetings.len(),
        r.claims.len(),
        r.implied.len(),
        r.commitments.len(),
        r.partnerships.len()
    );
}

fn findings(s: &mut String, r: &CorpusReport) {
    let _ = writeln!(s, "\nFINDINGS");
    if r.findings.is_empty() {
        let _ = writeln!(s, "  none: no conflicting claims, disagreeing baselines or meetings with conflicting fields");
    }
    for (n, f) in r.findings.iter().enumerate() {
        let _ = writeln!(s, "  {}. [{}] {}", n + 1, key(&f.kind), f.summary);
        for e in &f.evidence {
            let v = e.value.as_deref().map(|v| format!("{v}: ")).unwrap_or_default();
            let _ = writeln!(s, "       {} {v}«{}»", e.document, clip(&e.text, 90));
        }
    }
}

fn meetings(s: &mut String, r: &CorpusReport) {
    let _ = writeln!(s, "\nMEETINGS");
    for m in &r.meetings {
        let chairs = if m.chairs.is_empty() { String::new() } else { format!("  — chair: {}", m.chairs.join(", ")) };
        let _ = writeln!(s, "  {:<10} {:<16} {}{chairs}", m.date.as_deref().unwrap_or("?"), key(&m.kind), m.name);
        let mut docs = String::new();
        for d in &m.documents {
            let first = m.sources.iter().find(|x| &x.document == d).map(|x| x.text.as_str()).unwrap_or("");
            let _ = write!(docs, "{}{d} «{}»", if docs.is_empty() { "" } else { "; " }, clip(first, 60));
        }
        let why = if m.links.is_empty() { String::new() } else { format!(" — same event by {}", m.links.join(", ")) };
        let _ = writeln!(s, "      sources ({}): {docs}{why}", m.documents.len());
        for c in &m.conflicts {
            let vals = c.values.iter().map(|v| format!("{} [{}]", v.value, v.documents.join(", "))).collect::<Vec<_>>().join(" vs ");
            let _ = writeln!(s, "      CONFLICT {}: {vals}", c.field);
        }
    }
}

fn claims(s: &mut String, r: &CorpusReport) {
    let _ = writeln!(s, "\nCLAIMS");
    for c in &r.claims {
        let _ = writeln!(
            s,
            "  {:<27} {:<23} {:<7} {:<11} {}{}{}",
            key(&c.indicator),
            period_str(&c.period),
            c.unit.as_str(),
            key(&c.verdict),
            values_line(&c.values),
            fact_label(c.subject.as_deref(), c.counted.as_deref()),
            if c.target { "  (target)" } else { "" }
        );
    }
}

fn implied(s: &mut String, r: &CorpusReport) {
    let _ = writeln!(s, "\nIMPLIED BASELINES");
    for i in &r.implied {
        let cmp = i.from.comparison.as_ref().map(|c| c.text.clone()).unwrap_or_default();
        let stated = if i.stated.is_empty() { "no source states it".to_string() } else { format!("stated {}", values_line(&i.stated)) };
        let verdict = if i.verdict == Verdict::Single { "unchecked".to_string() } else { key(&i.verdict) };
        let peers = match (i.peer_verdict, i.spread, i.group.and_then(|g| r.implied_groups.get(g))) {
            (Verdict::Single, _, _) | (_, None, _) | (_, _, None) => String::new(),
            (v, Some((lo, hi)), Some(g)) => format!(
                "; {} other comparison{} of the same fact {} (spread {}–{})",
                g.members.len() - 1,
                if g.members.len() == 2 { "" } else { "s" },
                if v == Verdict::Conflicting { "disagree" } else { "agree" },
                short(lo),
                short(hi)
            ),
        };
        let _ = writeln!(
            s,
            "  {:<27} {:<23} ≈{} (from {} «{}» [{}]); {stated} → {verdict}{peers}{}",
            key(&i.indicator),
            period_str(&i.baseline),
            short(i.value),
            show_value(i.from.value, i.from.qualifier),
            cmp,
            i.from.document,
            fact_label(i.subject.as_deref(), i.counted.as_deref()),
        );
    }
}

fn commitments(s: &mut String, r: &CorpusReport) {
    let _ = writeln!(s, "\nCOMMITMENTS");
    for c in &r.commitments {
        let what = c
            .document
            .as_ref()
            .filter(|d| !d.number.is_empty())
            .map(|d| format!("{} {}", key(&d.kind), d.symbol.clone().unwrap_or_else(|| d.number.clone())))
            .or_else(|| c.name.clone())
            .or_else(|| c.document.as_ref().map(|d| key(&d.kind)))
            .unwrap_or_default();
        let what = match (&c.actor, &c.content) {
            (Some(a), Some(x)) => format!("{a}: {x}"),
            (Some(a), None) if what.is_empty() => a.clone(),
            _ => what,
        };
        let partners = c.partners.iter().map(|p| p.code.as_str()).collect::<Vec<_>>().join(",");
        let level = c.level.as_ref().map(key).unwrap_or_default();
        let _ = writeln!(
            s,
            "  {:<17} {:<20} {:<40} {:<20} {level}[{}]",
            key(&c.kind),
            c.status.as_ref().map(key).unwrap_or_default(),
            clip(&what, 40),
            partners,
            c.documents.join(", ")
        );
    }
}

fn partnerships(s: &mut String, r: &CorpusReport) {
    let _ = writeln!(s, "\nPARTNERSHIPS");
    for p in &r.partnerships {
        let levels = p
            .levels
            .iter()
            .map(|e| {
                let when = match (&e.date, e.date_stated) {
                    (Some(d), true) => d.clone(),
                    (Some(d), false) => format!("reported {d}"),
                    (None, _) => "undated".into(),
                };
                let proposed = if e.status == Some(crate::records::Status::Proposed) { " (proposed)" } else { "" };
                format!("{}{proposed} {when} [{}]", key(&e.level), e.documents.join(", "))
            })
            .collect::<Vec<_>>()
            .join(" → ");
        let _ = writeln!(s, "  {:<8} {:<20} {levels}", p.partner.code, p.partner.name);
    }
}

/// The report as text: counts, findings, meetings with sources and
/// conflicts, claims with verdicts, implied baselines, commitments,
/// partnerships.
pub fn render_text(r: &CorpusReport) -> String {
    let mut s = String::new();
    header(&mut s, r);
    findings(&mut s, r);
    meetings(&mut s, r);
    claims(&mut s, r);
    implied(&mut s, r);
    commitments(&mut s, r);
    partnerships(&mut s, r);
    s
}
