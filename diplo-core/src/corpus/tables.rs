//! The corpus as flat tables, for CSV, JSONL, Parquet and DataFrames.

use super::report::{key, values_line};
use super::types::CorpusReport;

/// A flat table: a name, a header and rows of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl CorpusReport {
    /// The report as flat tables: findings, documents, errors, meetings,
    /// meeting_sources, claims (one row per value), implied, commitments,
    /// partnerships (one row per partner and level).
    pub fn tables(&self) -> Vec<Table> {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let docs = Table {
            name: "documents",
            header: vec!["id", "title", "date", "source_url", "author", "meetings", "metrics", "commitments", "warnings", "warning_codes"],
            rows: self.documents.iter().map(|d| vec![d.id.clone(), opt(&d.title), opt(&d.date), opt(&d.source_url), opt(&d.author), d.meetings.to_string(), d.metrics.to_string(), d.commitments.to_string(), d.warnings.to_string(), d.warning_codes.join("; ")]).collect(),
        };
        let meetings = Table {
            name: "meetings",
            header: vec!["meeting", "kind", "name", "date", "end_date", "time_of_day", "format", "venue", "chairs", "attendees", "documents", "links", "conflicts"],
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
                        opt(&m.end_date),
                        m.time_of_day.as_ref().map(key).unwrap_or_default(),
                        m.format.as_ref().map(key).unwrap_or_default(),
                        opt(&m.venue),
                        m.chairs.join("; "),
                        m.attendees.join("; "),
                        m.documents.join("; "),
                        m.links.join("; "),
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
            header: vec!["claim", "indicator", "period_start", "period_end", "unit", "target", "subject", "counted", "verdict", "value", "qualifier", "document", "text", "start", "end"],
            rows: self
                .claims
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    c.values.iter().map(move |v| {
                        vec![i.to_string(), key(&c.indicator), c.period.start.clone().unwrap_or_default(), c.period.end.clone().unwrap_or_default(), c.unit.as_str().to_string(), c.target.to_string(), opt(&c.subject), opt(&c.counted), key(&c.verdict), v.value.to_string(), key(&v.qualifier), v.document.clone(), v.text.clone(), v.start.to_string(), v.end.to_string()]
                    })
                })
                .collect(),
        };
        let implied = Table {
            name: "implied",
            header: vec!["indicator", "baseline_start", "baseline_end", "subject", "counted", "implied", "low", "high", "from_document", "from_text", "stated", "verdict", "group", "peer_verdict", "spread_low", "spread_high"],
            rows: self
                .implied
                .iter()
                .map(|i| {
                    vec![
                        key(&i.indicator),
                        opt(&i.baseline.start),
                        opt(&i.baseline.end),
                        opt(&i.subject),
                        opt(&i.counted),
                        format!("{:.3}", i.value),
                        i.low.map(|x| format!("{x:.3}")).unwrap_or_default(),
                        i.high.map(|x| format!("{x:.3}")).unwrap_or_default(),
                        i.from.document.clone(),
                        i.from.text.clone(),
                        values_line(&i.stated),
                        key(&i.verdict),
                        i.group.map(|g| g.to_string()).unwrap_or_default(),
                        key(&i.peer_verdict),
                        i.spread.map(|x| format!("{:.3}", x.0)).unwrap_or_default(),
                        i.spread.map(|x| format!("{:.3}", x.1)).unwrap_or_default(),
                    ]
                })
                .collect(),
        };
        let commitments = Table {
            name: "commitments",
            header: vec!["kind", "name", "status", "partners", "level", "document_kind", "number", "symbol", "issuer", "actor", "content", "documents"],
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
                        opt(&c.content),
                        c.documents.join("; "),
                    ]
                })
                .collect(),
        };
        let findings = Table {
            name: "findings",
            header: vec!["rank", "kind", "score", "summary", "documents", "claim", "meeting", "implied"],
            rows: self
                .findings
                .iter()
                .enumerate()
                .map(|(n, f)| {
                    vec![
                        (n + 1).to_string(),
                        key(&f.kind),
                        format!("{:.3}", f.score),
                        f.summary.clone(),
                        f.documents.join("; "),
                        f.claim.map(|i| i.to_string()).unwrap_or_default(),
                        f.meeting.map(|i| i.to_string()).unwrap_or_default(),
                        f.implied.iter().map(usize::to_string).collect::<Vec<_>>().join(";"),
                    ]
                })
                .collect(),
        };
        let partnerships = Table {
            name: "partnerships",
            header: vec!["partner", "partner_name", "partner_kind", "level", "status", "date", "date_stated", "documents", "evidence"],
            rows: self
                .partnerships
                .iter()
                .flat_map(|p| {
                    p.levels.iter().map(move |e| {
                        vec![
                            p.partner.code.clone(),
                            p.partner.name.clone(),
                            key(&p.partner.kind),
                            key(&e.level),
                            e.status.as_ref().map(key).unwrap_or_default(),
                            opt(&e.date),
                            e.date_stated.to_string(),
                            e.documents.join("; "),
                            e.sources.first().map(|s| s.text.clone()).unwrap_or_default(),
                        ]
                    })
                })
                .collect(),
        };
        let errors = Table {
            name: "errors",
            header: vec!["id", "code", "message", "file", "line", "index"],
            rows: self
                .errors
                .iter()
                .map(|e| vec![opt(&e.id), e.code.clone(), e.message.clone(), opt(&e.file), e.line.map(|l| l.to_string()).unwrap_or_default(), e.index.map(|l| l.to_string()).unwrap_or_default()])
                .collect(),
        };
        vec![findings, docs, errors, meetings, sources, claims, implied, commitments, partnerships]
    }
}
