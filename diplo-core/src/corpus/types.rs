//! The corpus view's records (JSON: `CorpusReport`).

use crate::records::{Comparison, CommitmentKind, Document, DocumentRef, Format, Indicator, MeetingKind, Partner, PartnershipLevel, Period, Qualifier, Source, Status, TimeOfDay, Unit};
use super::subjects::SubjectKind;
use serde::{Deserialize, Serialize};

/// A mention of something in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub document: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub source: Source,
}

/// One value a field takes, and the documents that give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    pub value: String,
    pub documents: Vec<String>,
}

/// A field on which the sources of one meeting disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub field: String,
    pub values: Vec<FieldValue>,
}

/// One real-world event reported by one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusMeeting {
    pub kind: MeetingKind,
    pub name: String,
    pub date: Option<String>,
    /// The last day, for an event over several days.
    #[serde(default)]
    pub end_date: Option<String>,
    pub time_of_day: Option<TimeOfDay>,
    pub format: Option<Format>,
    pub venue: Option<String>,
    pub chairs: Vec<String>,
    pub attendees: Vec<String>,
    pub documents: Vec<String>,
    pub sources: Vec<SourceRef>,
    pub conflicts: Vec<Conflict>,
    /// Why its documents' mentions were taken for one event ("chair Phạm
    /// Minh Chính", "venue …", "name"); empty for a single document.
    #[serde(default)]
    pub links: Vec<String>,
}

/// One stated value of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimValue {
    pub value: f64,
    pub qualifier: Qualifier,
    pub document: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub comparison: Option<Comparison>,
    /// Whose figure, as the metric wrote it.
    #[serde(default)]
    pub subject: Option<String>,
    /// What is counted, as the metric wrote it.
    #[serde(default)]
    pub counted: Option<String>,
}

/// Whether the values of a claim agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Consistent,
    Conflicting,
    Single,
}

/// Every value reported for one fact: (indicator, subject, unit, period,
/// target) and, for `other`, what is counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub indicator: Indicator,
    pub period: Period,
    pub unit: Unit,
    pub target: bool,
    /// Whose figure, normalised: a partner code (`KR`, `CN-US`), a province,
    /// an organisation as written; null for the country the articles report on.
    pub subject: Option<String>,
    pub subject_kind: Option<SubjectKind>,
    /// For `other`: what is counted (folded key).
    pub counted: Option<String>,
    pub values: Vec<ClaimValue>,
    pub documents: Vec<String>,
    pub verdict: Verdict,
}

/// What a comparison implies about its baseline, checked against what other sources state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Implied {
    pub indicator: Indicator,
    pub baseline: Period,
    pub unit: Unit,
    /// As in [`Claim`].
    pub subject: Option<String>,
    pub counted: Option<String>,
    /// The implied baseline value ("350 … gấp 2,5 lần" → 140).
    pub value: f64,
    /// The range the qualifier and the rounding of the comparison allow
    /// (null: unbounded, as for "hơn 200").
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The metric and comparison it comes from.
    pub from: ClaimValue,
    /// Values sources state for the baseline period (the first 16).
    pub stated: Vec<ClaimValue>,
    /// How many values sources state for it in all.
    #[serde(default)]
    pub stated_total: usize,
    /// Against the stated values: `consistent`, `conflicting`, or `single`
    /// when nobody states the baseline.
    pub verdict: Verdict,
    /// The index in `implied_groups` of the comparisons implying the same
    /// fact, when there are others.
    pub group: Option<usize>,
    /// Against the other implied values: `single` when there are none (or
    /// when one article implies two values, so the fact is ambiguous).
    pub peer_verdict: Verdict,
    /// The smallest and largest value implied for this fact, when several are.
    pub spread: Option<(f64, f64)>,
}

/// Comparisons that imply the same baseline: whether they agree, and how far apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpliedGroup {
    /// Indexes into `implied`.
    pub members: Vec<usize>,
    pub verdict: Verdict,
    /// The smallest and largest value they imply.
    pub spread: (f64, f64),
}

/// One commitment, merged across documents by identity (see `commitments`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusCommitment {
    pub kind: CommitmentKind,
    pub name: Option<String>,
    pub status: Option<Status>,
    pub partners: Vec<Partner>,
    pub level: Option<PartnershipLevel>,
    pub document: Option<DocumentRef>,
    pub actor: Option<String>,
    /// What a directive asks.
    #[serde(default)]
    pub content: Option<String>,
    pub documents: Vec<String>,
    pub sources: Vec<SourceRef>,
}

/// A level Vietnam reached (or proposed) with one partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelEntry {
    pub level: PartnershipLevel,
    /// `upgraded`, or `proposed` for a level announced but not yet reached.
    pub status: Option<Status>,
    /// When: the date an article states for the upgrade, else the date of
    /// the earliest article reporting it (`date_stated` false).
    pub date: Option<String>,
    pub date_stated: bool,
    pub documents: Vec<String>,
    pub sources: Vec<SourceRef>,
}

/// One partner's levels over time, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partnership {
    pub partner: Partner,
    pub levels: Vec<LevelEntry>,
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A claim whose sources state values that cannot all be true.
    ConflictingClaim,
    /// Comparisons implying different values for one baseline.
    ImpliedDisagreement,
    /// A baseline implied by a comparison that a stated value contradicts.
    ImpliedVsStated,
    /// A merged meeting whose sources disagree on a field.
    MeetingConflict,
}

/// One piece of evidence of a finding: a quote from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingEvidence {
    pub document: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The value this quote gives, as shown ("≈140", ">200").
    pub value: Option<String>,
}

/// Something an analyst should look at, with its rank and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Documents involved × (1 + spread of the values, 0..1): higher first.
    pub score: f64,
    pub summary: String,
    pub documents: Vec<String>,
    pub evidence: Vec<FindingEvidence>,
    /// Index into `claims`, `meetings` or `implied` of what it is about.
    pub claim: Option<usize>,
    pub meeting: Option<usize>,
    pub implied: Vec<usize>,
}

/// One document in the corpus, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source_url: Option<String>,
    pub author: Option<String>,
    pub meetings: usize,
    pub metrics: usize,
    pub commitments: usize,
    pub warnings: usize,
    /// The codes of its warnings (`date_hint_ignored`, `duplicate_id` …).
    #[serde(default)]
    pub warning_codes: Vec<String>,
}

impl DocumentSummary {
    pub fn of(d: &Document) -> Self {
        DocumentSummary {
            id: d.id.clone().unwrap_or_default(),
            title: d.title.clone(),
            date: d.date.clone(),
            source_url: d.source_url.clone(),
            author: d.author.clone(),
            meetings: d.meetings.len(),
            metrics: d.metrics.len(),
            commitments: d.commitments.len(),
            warnings: d.warnings.len(),
            warning_codes: {
                let mut c: Vec<String> = d.warnings.iter().map(|w| w.code.clone()).collect();
                c.dedup();
                c
            },
        }
    }
}

/// A document that could not be read; the rest of the corpus still is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentError {
    pub id: Option<String>,
    /// Stable snake_case code (`invalid_json`, `invalid_record`, `invalid_utf8`, `internal` …).
    pub code: String,
    pub message: String,
    /// The file it came from, and the line in a JSONL file.
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub line: Option<usize>,
    /// Its position in a caller's list (Python batches).
    #[serde(default)]
    pub index: Option<usize>,
}

impl DocumentError {
    /// Where the document came from: "file:line" in a JSONL file, else the file.
    pub fn place(&self) -> Option<String> {
        match (&self.file, self.line) {
            (Some(f), Some(l)) => Some(format!("{f}:{l}")),
            (Some(f), None) => Some(f.clone()),
            _ => None,
        }
    }

    /// The message led by `place` (or by `id` when there is no file), unless
    /// the message already names it: what a command line prints.
    pub fn located(&self) -> String {
        match self.place().or_else(|| self.id.clone()) {
            Some(p) if !p.is_empty() && !self.message.contains(&p) => format!("{p}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

/// Every input accounted for: `read` = `extracted` + `failed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Counts {
    pub read: usize,
    pub extracted: usize,
    /// Extracted documents that carry at least one warning.
    pub with_warnings: usize,
    pub failed: usize,
}

/// The whole corpus view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusReport {
    pub counts: Counts,
    /// What to read first, ranked.
    pub findings: Vec<Finding>,
    /// How many extracted documents carry each warning code.
    pub warnings: Vec<(String, usize)>,
    pub documents: Vec<DocumentSummary>,
    pub errors: Vec<DocumentError>,
    pub meetings: Vec<CorpusMeeting>,
    pub claims: Vec<Claim>,
    pub implied: Vec<Implied>,
    /// Comparisons grouped by the baseline they imply (two or more each).
    pub implied_groups: Vec<ImpliedGroup>,
    pub commitments: Vec<CorpusCommitment>,
    pub partnerships: Vec<Partnership>,
}

impl CorpusReport {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}

#[cfg(test)]
mod tests {
    use super::DocumentError;

    fn error(file: Option<&str>, line: Option<usize>, id: Option<&str>, message: &str) -> DocumentError {
        DocumentError { id: id.map(Into::into), code: "invalid_json".into(), message: message.into(), file: file.map(Into::into), line, index: None }
    }

    #[test]
    fn an_error_names_its_file_and_line_once() {
        assert_eq!(error(Some("a.jsonl"), Some(7), None, "malformed JSON").located(), "a.jsonl:7: malformed JSON");
        assert_eq!(error(Some("a.txt"), None, None, "a.txt is not UTF-8").located(), "a.txt is not UTF-8");
        assert_eq!(error(None, None, Some("doc-3"), "empty text").located(), "doc-3: empty text");
        assert_eq!(error(None, None, None, "empty text").located(), "empty text");
    }
}
