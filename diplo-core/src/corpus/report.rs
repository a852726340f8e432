//! The corpus as a readable report and as flat tables (for CSV / DataFrames).

use super::types::{ClaimValue, CorpusReport, Verdict};
use crate::records::Qualifier;
use std::fmt::Write;

fn key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default()
}

/// "hơn 200", "gần 350", "253".
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

fn values_line(values: &[ClaimValue]) -> String {
    values.iter().map(|v| format!("{} [{}]", show_value(v.value, v.qualifier), v.document)).collect::<Vec<_>>().join(" · ")
}

/// A number shown to one decimal at most: 126.5, 140.
pub fn short(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 && r.abs() < 1e15 { format!("{}", r as i64) } else { format!("{r:.1}") }
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

/// The report as text: meetings with sources and conflicts, claims with
/// verdicts, implied baselines, commitments.
pub fn render_text(r: &CorpusReport) -> String {
    let mut s = String::new();
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
        let _ = writeln!(s, "  failed [{}] {at}{id}: {}", e.code, e.message);
    }
    if !r.warnings.is_empty() {
        let w = r.warnings.iter().map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", ");
        let _ = writeln!(s, "  documents with warnings: {w}");
    }
    let _ = writeln!(s, "{} meetings, {} claims, {} implied checks, {} commitments", r.meetings.len(), r.claims.len(), r.implied.len(), r.commitments.len());
    let _ = writeln!(s, "\nMEETINGS");
    for m in &r.meetings {
        let _ = writeln!(
            s,
            "  {:<10} {:<16} {}{}",
            m.date.as_deref().unwrap_or("?"),
            key(&m.kind),
            m.name,
            if m.chairs.is_empty() { String::new() } else { format!("  — chair: {}", m.chairs.join(", ")) }
        );
        let mut docs = String::new();
        for d in &m.documents {
            let first = m.sources.iter().find(|x| &x.document == d).map(|x| x.text.as_str()).unwrap_or("");
            let short: String = first.chars().take(60).collect();
            let _ = write!(docs, "{}{d} «{short}»", if docs.is_empty() { "" } else { "; " });
        }
        let _ = writeln!(s, "      sources ({}): {docs}", m.documents.len());
        for c in &m.conflicts {
            let vals = c.values.iter().map(|v| format!("{} [{}]", v.value, v.documents.join(", "))).collect::<Vec<_>>().join(" vs ");
            let _ = writeln!(s, "      CONFLICT {}: {vals}", c.field);
        }
    }
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
    let _ = writeln!(s, "\nIMPLIED BASELINES");
    for i in &r.implied {
        let cmp = i.from.comparison.as_ref().map(|c| c.text.clone()).unwrap_or_default();
        let stated = if i.stated.is_empty() { "no source states it".to_string() } else { format!("stated {}", values_line(&i.stated)) };
        let verdict = if i.verdict == Verdict::Single { "unchecked".to_string() } else { key(&i.verdict) };
        let peers = match (i.peer_verdict, i.spread) {
            (Verdict::Single, _) | (_, None) => String::new(),
            (v, Some((lo, hi))) => format!("; other comparisons imply {} → {} (spread {}–{})", i.peers.iter().map(|p| format!("≈{} [{}]", short(p.value), p.document)).collect::<Vec<_>>().join(" · "), if v == Verdict::Conflicting { "disagree" } else { "agree" }, short(lo), short(hi)),
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
    let _ = writeln!(s, "\nCOMMITMENTS");
    for c in &r.commitments {
        let what = c
            .document
            .as_ref()
            .map(|d| format!("{} {}", key(&d.kind), d.symbol.clone().unwrap_or_else(|| d.number.clone())))
            .or_else(|| c.name.clone())
            .or_else(|| c.actor.clone())
            .unwrap_or_default();
        let partners = c.partners.iter().map(|p| p.code.as_str()).collect::<Vec<_>>().join(",");
        let _ = writeln!(
            s,
            "  {:<17} {:<22} {:<28} {:<20} [{}]",
            key(&c.kind),
            c.status.as_ref().map(key).unwrap_or_default(),
            what.chars().take(28).collect::<String>(),
            partners,
            c.documents.join(", ")
        );
    }
    s
}

/// A flat table: a name, a header and rows of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl CorpusReport {
    /// The report as flat tables: documents, meetings, meeting_sources, claims
    /// (one row per value), implied, commitments.
    pub fn tables(&self) -> Vec<Table> {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let docs = Table {
            name: "documents",
            header: vec!["id", "title", "date", "source_url", "author", "meetings", "metrics", "commitments", "warnings"],
            rows: self.documents.iter().map(|d| vec![d.id.clone(), opt(&d.title), opt(&d.date), opt(&d.source_url), opt(&d.author), d.meetings.to_string(), d.metrics.to_string(), d.commitments.to_string(), d.warnings.to_string()]).collect(),
        };
        let meetings = Table {
            name: "meetings",
            header: vec!["meeting", "kind", "name", "date", "time_of_day", "format", "venue", "chairs", "attendees", "documents", "conflicts"],
            rows: self
                .meetings
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    vec![
                        i.to_string(),
                        key(&m.kind),
                        m.name.clone(),
                        opt(&m.date),
                        m.time_of_day.as_ref().map(key).unwrap_or_default(),
                        m.format.as_ref().map(key).unwrap_or_default(),
                        opt(&m.venue),
                        m.chairs.join("; "),
                        m.attendees.join("; "),
                        m.documents.join("; "),
                        m.conflicts.iter().map(|c| format!("{}: {}", c.field, c.values.iter().map(|v| format!("{} [{}]", v.value, v.documents.join(","))).collect::<Vec<_>>().join(" vs "))).collect::<Vec<_>>().join(" | "),
                    ]
                })
                .collect(),
        };
        let sources = Table {
            name: "meeting_sources",
            header: vec!["meeting", "document", "text", "start", "end", "source"],
            rows: self.meetings.iter().enumerate().flat_map(|(i, m)| m.sources.iter().map(move |s| vec![i.to_string(), s.document.clone(), s.text.clone(), s.start.to_string(), s.end.to_string(), key(&s.source)])).collect(),
        };
        let claims = Table {
            name: "claims",
            header: vec!["claim", "indicator", "period_start", "period_end", "unit", "target", "verdict", "value", "qualifier", "document", "text", "start", "end"],
            rows: self
                .claims
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    c.values.iter().map(move |v| {
                        vec![i.to_string(), key(&c.indicator), c.period.start.clone().unwrap_or_default(), c.period.end.clone().unwrap_or_default(), c.unit.as_str().to_string(), c.target.to_string(), key(&c.verdict), v.value.to_string(), key(&v.qualifier), v.document.clone(), v.text.clone(), v.start.to_string(), v.end.to_string()]
                    })
                })
                .collect(),
        };
        let implied = Table {
            name: "implied",
            header: vec!["indicator", "baseline_start", "baseline_end", "implied", "low", "high", "from_document", "from_text", "stated", "verdict"],
            rows: self
                .implied
                .iter()
                .map(|i| vec![key(&i.indicator), opt(&i.baseline.start), opt(&i.baseline.end), format!("{:.3}", i.value), i.low.map(|x| format!("{x:.3}")).unwrap_or_default(), i.high.map(|x| format!("{x:.3}")).unwrap_or_default(), i.from.document.clone(), i.from.text.clone(), values_line(&i.stated), key(&i.verdict)])
                .collect(),
        };
        let commitments = Table {
            name: "commitments",
            header: vec!["kind", "name", "status", "partners", "level", "document_kind", "number", "symbol", "issuer", "actor", "documents"],
            rows: self
                .commitments
                .iter()
                .map(|c| {
                    let d = c.document.as_ref();
                    vec![
                        key(&c.kind),
                        opt(&c.name),
                        c.status.as_ref().map(key).unwrap_or_default(),
                        c.partners.iter().map(|p| p.code.clone()).collect::<Vec<_>>().join(";"),
                        c.level.as_ref().map(key).unwrap_or_default(),
                        d.map(|d| key(&d.kind)).unwrap_or_default(),
                        d.map(|d| d.number.clone()).unwrap_or_default(),
                        d.and_then(|d| d.symbol.clone()).unwrap_or_default(),
                        d.and_then(|d| d.issuer.clone()).unwrap_or_default(),
                        opt(&c.actor),
                        c.documents.join("; "),
                    ]
                })
                .collect(),
        };
        vec![docs, meetings, sources, claims, implied, commitments]
    }
}
