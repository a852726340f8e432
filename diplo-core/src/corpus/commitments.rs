//! Commitments across documents, merged only by identity.
//!
//! - a policy document by its symbol ("59-NQ/TW"), or by kind and number
//!   when its issuer (or the symbol's suffix) agrees; an unnumbered one
//!   ("Luật Đất đai", "nghị quyết") is never merged with another article's;
//! - an agreement by its name and partners; an FTA by its partners or its
//!   name; an upgrade by partner and level;
//! - a directive by its actor and what it asks (one with no content stays alone).
//!
//! Identities are hash keys, so the corpus is read once.

use super::types::{CorpusCommitment, SourceRef};
use crate::records::{Commitment, CommitmentKind, Document, DocumentRef};
use crate::text::fold;
use std::collections::HashMap;

fn words(s: &str) -> String {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn partner_key(c: &Commitment) -> String {
    let mut p: Vec<&str> = c.partners.iter().map(|p| p.code.as_str()).collect();
    p.sort_unstable();
    p.dedup();
    p.join(",")
}

/// "59-NQ/TW", "59/NQ-TW" and "59 - NQ/TW" are one symbol.
fn symbol_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// Who issued a document, as its symbol's suffix says ("NQ/TW" → TW), or
/// as its issuer is named.
fn issuer_class(d: &DocumentRef) -> Option<&'static str> {
    if let Some(s) = &d.symbol {
        let up = symbol_key(s);
        for (suffix, class) in [("TW", "TW"), ("TTG", "TTG"), ("CP", "CP"), ("QH", "QH"), ("UBTVQH", "QH")] {
            if up.ends_with(suffix) {
                return Some(class);
            }
        }
    }
    let issuer = words(d.issuer.as_deref()?);
    let table = [("bo chinh tri", "TW"), ("ban chap hanh trung uong", "TW"), ("trung uong", "TW"), ("ban bi thu", "TW"), ("thu tuong", "TTG"), ("chinh phu", "CP"), ("quoc hoi", "QH")];
    table.iter().find(|(k, _)| issuer.contains(k)).map(|(_, v)| *v)
}

/// The identity keys of a commitment: it joins a group holding any of them.
/// An empty list means it joins nothing (an unnumbered document, a
/// directive without content, an agreement without a name).
fn keys(doc: &str, c: &Commitment) -> Vec<String> {
    match c.kind {
        CommitmentKind::PolicyReference => {
            let Some(d) = c.document.as_ref().filter(|d| !d.number.trim().is_empty()) else { return Vec::new() };
            let kind = format!("{:?}", d.kind);
            let number = d.number.trim().trim_start_matches('0');
            let mut out = Vec::new();
            if let Some(s) = &d.symbol {
                out.push(format!("sym|{}", symbol_key(s)));
            }
            match issuer_class(d) {
                Some(cls) => out.push(format!("num|{kind}|{number}|{cls}")),
                // A number with no issuer: one document in this article; across
                // articles only where the number, kind and year are all written.
                None => out.push(format!("num|{kind}|{number}|?|{doc}")),
            }
            out
        }
        CommitmentKind::Agreement => match c.name.as_deref().map(words).filter(|n| !n.is_empty()) {
            Some(n) => vec![format!("agr|{n}|{}", partner_key(c))],
            None => Vec::new(),
        },
        CommitmentKind::Fta => {
            let mut out = Vec::new();
            let p = partner_key(c);
            if !p.is_empty() {
                out.push(format!("fta-p|{p}"));
            }
            if let Some(n) = c.name.as_deref().map(words).filter(|n| !n.is_empty()) {
                out.push(format!("fta-n|{n}"));
            }
            out
        }
        CommitmentKind::RelationUpgrade => {
            let p = partner_key(c);
            if p.is_empty() {
                return Vec::new();
            }
            vec![format!("up|{p}|{:?}|{:?}", c.level, c.status)]
        }
        CommitmentKind::Directive => {
            let Some(content) = c.content.as_deref().map(words).filter(|w| !w.is_empty()) else { return Vec::new() };
            let actor = c.actor.as_ref().and_then(|a| a.name.as_deref().or(a.title.as_deref())).map(words).unwrap_or_default();
            vec![format!("dir|{actor}|{content}")]
        }
    }
}

fn source(doc: &str, c: &Commitment) -> SourceRef {
    SourceRef { document: doc.to_string(), text: c.evidence.text.clone(), start: c.evidence.start, end: c.evidence.end, source: c.source }
}

fn new_record(doc: &str, c: &Commitment) -> CorpusCommitment {
    CorpusCommitment {
        kind: c.kind,
        name: c.name.clone(),
        status: c.status,
        partners: c.partners.clone(),
        level: c.level,
        document: c.document.clone(),
        actor: c.actor.as_ref().and_then(|a| a.name.clone().or_else(|| a.title.clone())),
        content: c.content.clone(),
        documents: vec![doc.to_string()],
        sources: vec![source(doc, c)],
    }
}

/// Merges the commitments of all documents by identity.
pub fn merge(docs: &[Document]) -> Vec<CorpusCommitment> {
    let mut out: Vec<CorpusCommitment> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for c in &d.commitments {
            let ks = keys(id, c);
            match ks.iter().find_map(|k| index.get(k).copied()) {
                Some(i) => {
                    let cc = &mut out[i];
                    // Documents are read in turn: a document already listed is the last one.
                    if cc.documents.last().is_none_or(|x| x != id) {
                        cc.documents.push(id.to_string());
                    }
                    cc.sources.push(source(id, c));
                    cc.status = cc.status.or(c.status);
                    cc.name = cc.name.take().or_else(|| c.name.clone());
                    if let (Some(a), Some(b)) = (cc.document.as_mut(), c.document.as_ref()) {
                        a.symbol = a.symbol.take().or_else(|| b.symbol.clone());
                        a.issuer = a.issuer.take().or_else(|| b.issuer.clone());
                        a.date = a.date.take().or_else(|| b.date.clone());
                    }
                    for k in ks {
                        index.entry(k).or_insert(i);
                    }
                }
                None => {
                    for k in ks {
                        index.entry(k).or_insert(out.len());
                    }
                    out.push(new_record(id, c));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_and_issuers() {
        assert_eq!(symbol_key("59-NQ/TW"), symbol_key("59/NQ-TW"));
        let d = |symbol: Option<&str>, issuer: Option<&str>| DocumentRef { kind: crate::records::DocumentKind::Resolution, number: "59".into(), symbol: symbol.map(String::from), issuer: issuer.map(String::from), date: None };
        assert_eq!(issuer_class(&d(Some("59-NQ/TW"), None)), Some("TW"));
        assert_eq!(issuer_class(&d(None, Some("Bộ Chính trị"))), Some("TW"));
        assert_eq!(issuer_class(&d(Some("59/NQ-CP"), None)), Some("CP"));
        assert_eq!(issuer_class(&d(None, None)), None);
    }
}
