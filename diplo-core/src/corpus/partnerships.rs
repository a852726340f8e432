//! Partnerships: each partner's level over time, from relation upgrades.
//!
//! Every `relation_upgrade` with a level gives, for each of its partners, a
//! level reached (or proposed) on a date: the date the article states for
//! the upgrade, else the date of the earliest article reporting it. Reports
//! of one partner and level are one entry with all their sources, so "which
//! level did Vietnam hold with X on date D" has an answer with evidence
//! ([`super::CorpusReport::level_on`]).

use super::types::{LevelEntry, Partnership, SourceRef};
use crate::records::{CommitmentKind, Document, Status};
use std::collections::HashMap;

/// Each partner's levels over time.
pub fn partnerships(docs: &[Document]) -> Vec<Partnership> {
    let mut out: Vec<Partnership> = Vec::new();
    let mut by_partner: HashMap<String, usize> = HashMap::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for c in d.commitments.iter().filter(|c| c.kind == CommitmentKind::RelationUpgrade) {
            let Some(level) = c.level else { continue };
            let stated = c.date.clone();
            let src = SourceRef { document: id.to_string(), text: c.evidence.text.clone(), start: c.evidence.start, end: c.evidence.end, source: c.source };
            let mut codes: Vec<&crate::records::Partner> = c.partners.iter().filter(|p| p.code != "VN").collect();
            codes.dedup_by(|a, b| a.code == b.code);
            for p in codes {
                let i = *by_partner.entry(p.code.clone()).or_insert_with(|| {
                    out.push(Partnership { partner: crate::lexicon::partners::by_code(&p.code).filter(|x| x.kind == p.kind).unwrap_or_else(|| p.clone()), levels: Vec::new() });
                    out.len() - 1
                });
                let status = c.status.filter(|s| *s == Status::Proposed).or(Some(Status::Upgraded));
                let levels = &mut out[i].levels;
                let entry = match levels.iter_mut().find(|e| e.level == level && e.status == status) {
                    Some(e) => e,
                    None => {
                        levels.push(LevelEntry { level, status, date: None, date_stated: false, documents: Vec::new(), sources: Vec::new() });
                        let n = levels.len() - 1;
                        &mut levels[n]
                    }
                };
                if entry.documents.last().is_none_or(|x| x != id) {
                    entry.documents.push(id.to_string());
                }
                entry.sources.push(src.clone());
                match (&stated, entry.date_stated) {
                    // The most precise stated date wins; among equals, the earliest.
                    (Some(s), true) => {
                        let cur = entry.date.clone().unwrap_or_default();
                        if s.len() > cur.len() || (s.len() == cur.len() && *s < cur) {
                            entry.date = Some(s.clone());
                        }
                    }
                    (Some(s), false) => {
                        entry.date = Some(s.clone());
                        entry.date_stated = true;
                    }
                    (None, false) => {
                        if let Some(dd) = &d.date {
                            if entry.date.as_ref().is_none_or(|cur| dd < cur) {
                                entry.date = Some(dd.clone());
                            }
                        }
                    }
                    (None, true) => {}
                }
            }
        }
    }
    for p in &mut out {
        p.levels.sort_by(|a, b| (a.date.is_none(), &a.date, a.level).cmp(&(b.date.is_none(), &b.date, b.level)));
    }
    out.sort_by(|a, b| a.partner.code.cmp(&b.partner.code));
    out
}

impl super::types::CorpusReport {
    /// The level Vietnam held with a partner (code, e.g. `"JP"`) on `date`
    /// (`YYYY-MM-DD`): the latest upgrade reached on or before that day
    /// (proposed ones do not count), with its sources; `None` when no
    /// article reports one by then. A date stated as a month or year counts
    /// from its first day.
    pub fn level_on(&self, partner: &str, date: &str) -> Option<&LevelEntry> {
        let p = self.partnerships.iter().find(|p| p.partner.code.eq_ignore_ascii_case(partner))?;
        p.levels
            .iter()
            .filter(|e| e.status != Some(Status::Proposed))
            .filter(|e| e.date.as_deref().is_some_and(|d| d <= date))
            .max_by(|a, b| (&a.date, a.level).cmp(&(&b.date, b.level)))
    }
}
