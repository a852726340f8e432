//! Commitments across documents, deduplicated by kind, partners and document.

use super::types::{CorpusCommitment, SourceRef};
use crate::records::{Commitment, CommitmentKind, Document};

fn key(c: &Commitment) -> String {
    let mut partners: Vec<&str> = c.partners.iter().map(|p| p.code.as_str()).collect();
    partners.sort_unstable();
    partners.dedup();
    let doc = c.document.as_ref().map(|d| format!("{:?}:{}", d.kind, d.number)).unwrap_or_default();
    let name = match c.kind {
        CommitmentKind::Agreement => c.name.as_deref().map(crate::text::fold).unwrap_or_default(),
        CommitmentKind::Directive => c.actor.as_ref().and_then(|a| a.name.clone()).unwrap_or_default() + "|" + &c.content.as_deref().map(crate::text::fold).unwrap_or_default(),
        _ => String::new(),
    };
    format!("{:?}|{}|{}|{}|{:?}", c.kind, partners.join(","), doc, name, c.level)
}

pub fn dedupe(docs: &[Document]) -> Vec<CorpusCommitment> {
    let mut out: Vec<(String, CorpusCommitment)> = Vec::new();
    for d in docs {
        let id = d.id.as_deref().unwrap_or("");
        for c in &d.commitments {
            let k = key(c);
            let src = SourceRef { document: id.to_string(), text: c.evidence.text.clone(), start: c.evidence.start, end: c.evidence.end, source: c.source };
            match out.iter_mut().find(|(kk, _)| *kk == k) {
                Some((_, cc)) => {
                    if !cc.documents.iter().any(|x| x == id) {
                        cc.documents.push(id.to_string());
                    }
                    cc.sources.push(src);
                    if cc.status.is_none() {
                        cc.status = c.status;
                    }
                    if let (Some(a), Some(b)) = (cc.document.as_mut(), c.document.as_ref()) {
                        a.symbol = a.symbol.take().or_else(|| b.symbol.clone());
                        a.issuer = a.issuer.take().or_else(|| b.issuer.clone());
                        a.date = a.date.take().or_else(|| b.date.clone());
                    }
                }
                None => out.push((
                    k,
                    CorpusCommitment {
                        kind: c.kind,
                        name: c.name.clone(),
                        status: c.status,
                        partners: c.partners.clone(),
                        level: c.level,
                        document: c.document.clone(),
                        actor: c.actor.as_ref().and_then(|a| a.name.clone().or_else(|| a.title.clone())),
                        documents: vec![id.to_string()],
                        sources: vec![src],
                    },
                )),
            }
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}
