//! Commitments: FTAs, named agreements, relation upgrades, directives and
//! policy references, one record per mention.
//!
//! Each kind has its own rule file; the vocabulary they share (status verbs,
//! levels, document kinds, titles …) is in `data/commitment_cues.tsv` and
//! `data/agreements.tsv`, partners come from [`crate::lexicon::partners`].
//! Rules read the normalised text and its lower-cased copy (same offsets)
//! and quote evidence through [`Context::evidence`].

mod actor;
mod agreement;
mod cues;
mod directive;
mod directive_content;
mod fta;
mod fta_table;
mod known;
mod list;
mod named;
mod party;
mod policy;
mod signing;
mod symbol;
mod text;
mod title;
mod upgrade;
mod upgrade_fields;

use super::Context;
use crate::records::{Commitment, CommitmentKind, Warning};
use std::ops::Range;

/// Every commitment of the document, in document order.
pub fn extract(ctx: &Context<'_>, warnings: &mut Vec<Warning>) -> Vec<Commitment> {
    let counterpart = party::Counterpart::default();
    let mut out = policy::extract(ctx, warnings);
    let (rows, mut taken) = fta_table::extract(ctx);
    out.extend(rows);
    let (ftas, fta_spans) = fta::extract(ctx, &counterpart, &taken);
    out.extend(ftas);
    merge(&mut taken, fta_spans);
    let lists = signing::lists(ctx, &counterpart);
    let (named, named_spans) = named::extract(ctx, &taken, &counterpart, &lists);
    out.extend(named);
    merge(&mut taken, named_spans);
    let (objects, object_spans) = agreement::extract(ctx, &taken, &lists, &counterpart);
    out.extend(objects);
    merge(&mut taken, object_spans);
    out.extend(signing::records(ctx, &lists, &taken));
    out.extend(upgrade::extract(ctx, &counterpart));
    out.extend(directive::extract(ctx));
    out.sort_by_key(|c| (c.evidence.start, c.evidence.end));
    listed_status(ctx, &mut out);
    out
}

/// "đang đàm phán … CEPA với UAE, FTA với EFTA và FTA ASEAN – Canada": FTAs listed
/// one after another (only ",", "và" between) share the status told with the first.
fn listed_status(ctx: &Context<'_>, out: &mut [Commitment]) {
    for i in 1..out.len() {
        let (prev, this) = (&out[i - 1], &out[i]);
        if this.kind != CommitmentKind::Fta || prev.kind != CommitmentKind::Fta || this.status.is_some() || prev.status.is_none() {
            continue;
        }
        let gap = ctx.norm.original.get(prev.evidence.byte_end..this.evidence.byte_start).unwrap_or(";");
        let gap = gap.trim().trim_start_matches(')').trim();
        if matches!(gap, "," | "và" | ", và") {
            out[i].status = prev.status;
        }
    }
}

/// Adds spans to a sorted list of spans, keeping it sorted.
fn merge(taken: &mut Vec<Range<usize>>, more: Vec<Range<usize>>) {
    taken.extend(more);
    taken.sort_by_key(|s| s.start);
}

/// An empty record of `kind` quoting the normalised byte range `span`.
fn record(ctx: &Context<'_>, kind: CommitmentKind, span: Range<usize>) -> Commitment {
    Commitment {
        kind,
        name: None,
        status: None,
        partners: Vec::new(),
        level: None,
        date: None,
        actor: None,
        addressees: Vec::new(),
        content: None,
        document: None,
        source: text::source_at(ctx, span.start),
        evidence: ctx.evidence(span),
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, Options};

    /// One line per behaviour found on real pages, beyond the case table:
    /// text, then `kind:field` facts that must hold for some record, or an
    /// empty list for "no commitment at all".
    const ROWS: &[(&str, &[&str])] = &[
        ("Lễ ký kết Bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Thương mại Ấn Độ về hợp tác thương mại.", &["agreement:IN", "agreement:signed"]),
        ("Tổng Bí thư hội đàm với Tổng thống Indonesia. Hai bên nhất trí nâng cấp quan hệ lên Đối tác chiến lược toàn diện.", &["relation_upgrade:ID"]),
        ("Việt Nam - EAEU FTA đã có hiệu lực từ năm 2016.", &["fta:EAEU", "fta:in_force"]),
        ("Các FTA thế hệ mới đang được thực thi như CPTPP, EVFTA hay UKVFTA.", &["fta:in_force", "fta:EU", "fta:GB"]),
        ("Các Nghị quyết số 57-NQ/TW, 59-NQ/TW và 68-NQ/TW của Bộ Chính trị.", &["policy_reference:68-NQ/TW", "policy_reference:Bộ Chính trị"]),
        ("Tổng thống Pháp Emmanuel Macron đề nghị Việt Nam tham gia sáng kiến.", &["directive:Emmanuel Macron"]),
        ("Thủ tướng Phạm Minh Chính, Trưởng Ban Chỉ đạo quốc gia, yêu cầu các bộ khẩn trương hành động.", &["directive:Phạm Minh Chính"]),
        ("Chủ tịch UBND tỉnh Thanh Hóa yêu cầu các sở tăng cường kiểm tra.", &["directive:"]),
        ("Trưởng Ban chỉ đạo phòng chống dịch đã làm việc với lãnh đạo tỉnh.", &[]),
        // A named agreement is a record even without a status (ANNOTATION.md).
        ("Việt Nam luôn tuân thủ Công ước Liên Hợp Quốc về Luật Biển năm 1982 (UNCLOS).", &["agreement:UN"]),
        ("Ngành xe hơi Úc sụp đổ bởi xe giá rẻ từ Thái Lan tràn vào khi nước này ký FTA.", &[]),
        ("Thủ tướng giao lưu với cộng đồng người Việt tại Pháp.", &[]),
    ];

    /// The facts a record offers: its status, partner codes, actor name,
    /// document symbol and issuer.
    fn facts(c: &crate::records::Commitment) -> Vec<String> {
        let kind = serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let mut f: Vec<String> = c.partners.iter().map(|p| p.code.clone()).collect();
        f.extend(c.status.and_then(|s| serde_json::to_value(s).ok()).and_then(|v| v.as_str().map(String::from)));
        f.extend(c.actor.as_ref().map(|a| a.name.clone().unwrap_or_default()));
        f.extend(c.document.as_ref().and_then(|d| d.symbol.clone()));
        f.extend(c.document.as_ref().and_then(|d| d.issuer.clone()));
        f.into_iter().map(|x| format!("{kind}:{x}")).collect()
    }

    #[test]
    fn rows_from_real_pages() {
        for (text, want) in ROWS {
            let doc = extract(text, &Options::default()).expect("extracts");
            let got: Vec<String> = doc.commitments.iter().flat_map(facts).collect();
            if want.is_empty() {
                assert!(doc.commitments.is_empty(), "«{text}»: expected nothing, got {got:?}");
            }
            for w in *want {
                assert!(got.iter().any(|g| g == w), "«{text}»: missing {w} in {got:?}");
            }
        }
    }

    #[test]
    fn a_rewritten_symbol_warns_at_its_code_points() {
        let text = "Triển khai Nghị quyết số 71-NQ/CP về khoa học.";
        let doc = extract(text, &Options::default()).expect("extracts");
        let w = doc.warnings.iter().find(|w| w.code == "symbol_normalised").expect("a warning");
        let quoted: String = text.chars().skip(w.start).take(w.end - w.start).collect();
        assert_eq!(quoted, "71-NQ/CP");
        assert_eq!(doc.commitments[0].document.as_ref().and_then(|d| d.symbol.as_deref()), Some("71/NQ-CP"));
    }
}
