//! Linking people across a document: a title told without a name ("Thủ
//! tướng", "nhà lãnh đạo Trung Quốc", "Phu nhân") to the person it names, a
//! short name to the full one, a country to every mention of a name.

use super::PersonHit;

/// How many distinct names are tried after a bare title.
const MAX_KNOWN_NAMES: usize = 200;
/// How many named people before and after a bare title may hold it.
const HOLDER_WINDOW: usize = 64;
/// How many couples ("X và Phu nhân Y") are remembered.
const MAX_COUPLES: usize = 32;

fn is_spouse(h: &PersonHit) -> bool {
    matches!(h.title.as_deref(), Some("Phu nhân" | "Phu quân"))
}

fn foreign(h: &PersonHit) -> bool {
    h.partner.as_ref().is_some_and(|p| p.code != "VN")
}

/// Is the title at `pos` told as a group?
pub fn told_as_group(text: &str, pos: usize) -> bool {
    let from = crate::text::floor_char(text, pos.saturating_sub(12));
    let before = crate::text::lowercase_same_len(text[from..pos].trim_end());
    super::titles::CUES.phrases("group_before").iter().any(|w| before.strip_suffix(w.as_str()).is_some_and(|b| b.is_empty() && from == 0 || b.ends_with(' ')))
}

/// Whether `k` holds the (lower-case) title `t`, or a longer or shorter form of it.
fn same_title(k: &PersonHit, t: &str) -> bool {
    k.title.as_deref().map(crate::text::lowercase_same_len).is_some_and(|kt| kt.starts_with(t) || t.starts_with(kt.as_str()))
}

/// A name that does not start with a Vietnamese family name ("Hun Manet", not
/// "Phạm Minh Chính"): its holder may be the foreign leader the text named by country.
fn foreign_looking(k: &PersonHit) -> bool {
    k.name.as_deref().and_then(|n| n.split(' ').next()).is_some_and(|w| !super::names::is_surname(w))
}

/// "Thủ tướng Kishida Fumio" after "Thủ tướng Nhật Bản Kishida Fumio": a
/// title followed by a name another mention gives in full is that person,
/// even when the name is not Vietnamese.
pub fn attach_known_names(text: &str, hits: &mut [PersonHit]) {
    let mut names: Vec<String> = hits.iter().filter_map(|h| h.name.clone()).filter(|n| n.contains(' ')).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names.truncate(MAX_KNOWN_NAMES);
    for h in hits.iter_mut().filter(|h| h.name.is_none() && h.title.is_some()) {
        let Some(rest) = text.get(h.range.end..).and_then(|r| r.strip_prefix(' ')) else { continue };
        let found = names.iter().find(|n| rest.starts_with(n.as_str()) && !rest[n.len()..].chars().next().is_some_and(char::is_alphanumeric));
        if let Some(n) = found {
            h.range.end += 1 + n.len();
            h.name = Some(n.clone());
        }
    }
}

/// Couples named in the document: (person, spouse) for "X và Phu nhân Y", "X, Phu nhân Y".
pub fn couples(text: &str, hits: &[PersonHit]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for w in hits.windows(2) {
        let gap = text.get(w[0].range.end..w[1].range.start).map(str::trim);
        if let (Some(a), Some(b), Some("và" | "," | "cùng" | "cùng với")) = (&w[0].name, &w[1].name, gap) {
            if is_spouse(&w[1]) && !is_spouse(&w[0]) && !out.iter().any(|(x, _)| x == a) && out.len() < MAX_COUPLES {
                out.push((a.clone(), b.clone()));
            }
        }
    }
    out
}

/// Links title-only mentions to their holder: the spouse of the person just
/// before a bare "Phu nhân"; for "nhà lãnh đạo Trung Quốc" a named person of
/// that country; otherwise the named holder of the title nearest before (else
/// after), a Vietnamese holder first when the mention names no country.
pub fn resolve(text: &str, hits: &mut [PersonHit]) {
    let named: Vec<(usize, PersonHit)> = hits.iter().cloned().enumerate().filter(|(_, h)| h.name.is_some()).collect();
    let couples = couples(text, hits);
    for i in 0..hits.len() {
        if hits[i].name.is_some() {
            continue;
        }
        let Some(t) = hits[i].title.clone() else { continue };
        if is_spouse(&hits[i]) {
            let before = i.checked_sub(1).and_then(|j| hits.get(j));
            let partner = before.filter(|b| matches!(text.get(b.range.end..hits[i].range.start).map(str::trim), Some("và" | "cùng" | "cùng với"))).and_then(|b| b.name.clone());
            if let Some((_, n)) = partner.and_then(|p| couples.iter().find(|(x, _)| *x == p)) {
                hits[i].name = Some(n.clone());
                hits[i].linked = true;
            }
            continue;
        }
        // "các Đại sứ", "từng Đại sứ": a group, nobody in particular.
        if told_as_group(text, hits[i].range.start) {
            continue;
        }
        let code = hits[i].partner.as_ref().map(|p| p.code.clone());
        let t = crate::text::lowercase_same_len(&t);
        let generic = t == "nhà lãnh đạo";
        let fits = |k: &PersonHit| {
            let title_ok = generic
                || same_title(k, &t)
                || k.roles.iter().any(|r| crate::text::lowercase_same_len(r).starts_with(t.as_str()));
            // "Bộ trưởng Bộ Quốc phòng Việt Nam": a Vietnamese holder told without a country fits.
            let partner_ok = match &code {
                Some(c) if c == "VN" => k.partner.as_ref().map_or(!foreign_looking(k), |p| &p.code == c),
                Some(c) => k.partner.as_ref().is_some_and(|p| &p.code == c),
                None => !generic,
            };
            title_ok && partner_ok && !is_spouse(k)
        };
        let at = named.partition_point(|(j, _)| *j < i);
        let window = &named[at.saturating_sub(HOLDER_WINDOW)..(at + HOLDER_WINDOW).min(named.len())];
        let mut cands: Vec<&(usize, PersonHit)> = window.iter().filter(|(_, k)| fits(k)).collect();
        if code.is_none() && cands.iter().any(|(_, k)| !foreign(k)) {
            cands.retain(|(_, k)| !foreign(k));
        }
        // "Chủ tịch Quốc hội" is the holder of that office, not a firm's "Chủ tịch" told
        // nearer: a holder of the whole title goes first.
        let whole = |k: &PersonHit| k.title.as_deref().map(crate::text::lowercase_same_len).is_some_and(|kt| kt.starts_with(t.as_str())) || k.roles.iter().any(|r| crate::text::lowercase_same_len(r).starts_with(t.as_str()));
        if !generic && cands.iter().any(|(_, k)| whole(k)) {
            cands.retain(|(_, k)| whole(k));
        }
        // "Thủ tướng Campuchia" and, later, "Thủ tướng Hun Manet" with no country:
        // the one foreign-named holder of the title whose country the text never gives.
        let of_country = hits[i].partner.as_ref().is_some_and(|p| p.kind == crate::records::PartnerKind::Country);
        if cands.is_empty() && of_country && !generic {
            let unplaced: Vec<&(usize, PersonHit)> = window.iter().filter(|(_, k)| k.partner.is_none() && !is_spouse(k) && same_title(k, &t) && foreign_looking(k)).collect();
            if unplaced.iter().all(|(_, k)| k.name == unplaced[0].1.name) {
                cands = unplaced;
            }
        }
        let before = cands.iter().rev().find(|(j, _)| *j < i);
        let holder = before.or_else(|| cands.iter().find(|(j, _)| *j > i));
        if let Some((_, k)) = holder {
            hits[i].name.clone_from(&k.name);
            hits[i].linked = true;
            if hits[i].partner.is_none() {
                hits[i].partner.clone_from(&k.partner);
            }
        }
    }
}

/// Writes short forms of a name as the full name another mention gives: "ông
/// Orban" → "Viktor Orban", "ông Chính" → "Phạm Minh Chính", a cut "Phạm Minh"
/// → "Phạm Minh Chính", "Lula da Silva" → "Luiz Inácio Lula da Silva" — only
/// when exactly one full name fits. Names are compared once per distinct name.
pub fn link_short_names(hits: &mut [PersonHit]) {
    let mut names: Vec<String> = hits.iter().filter_map(|h| h.name.clone()).collect();
    names.sort();
    names.dedup();
    names.truncate(MAX_KNOWN_NAMES);
    let extends = |n: &str, m: &str| -> bool {
        if m.len() <= n.len() {
            return false;
        }
        let head = m.starts_with(n) && m.as_bytes()[n.len()] == b' ';
        let tail = m.ends_with(n) && m.as_bytes()[m.len() - n.len() - 1] == b' ';
        // "Tổng thống Lula": a single foreign word inside one full name.
        let inner = !n.contains(' ') && !n.chars().any(super::vietnamese_letter) && m.match_indices(n).any(|(i, _)| {
            i > 0 && m.as_bytes()[i - 1] == b' ' && m.as_bytes().get(i + n.len()) == Some(&b' ')
        });
        head || tail || inner
    };
    // The longest names a short one extends; a short one linked only when its
    // longest fits agree (the full name and its own shorter forms).
    let target = |n: &str| -> Option<String> {
        let fits: Vec<&String> = names.iter().filter(|m| extends(n, m)).collect();
        let longest = fits.iter().max_by_key(|m| m.len())?;
        fits.iter().all(|m| m.as_str() == longest.as_str() || extends(m, longest)).then(|| (*longest).to_string())
    };
    let map: Vec<(String, String)> = names.iter().filter_map(|n| target(n).map(|t| (n.clone(), t))).collect();
    for h in hits.iter_mut() {
        if let Some((_, full)) = h.name.as_ref().and_then(|n| map.iter().find(|(k, _)| k == n)) {
            h.name = Some(full.clone());
        }
    }
}

/// Gives every mention of a name the country another mention of it states
/// ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường" … "Thủ tướng Lý Cường").
/// One pass to learn each name's first stated country, one to give it.
pub fn share_partners(hits: &mut [PersonHit]) {
    let mut stated: std::collections::HashMap<String, crate::records::Partner> = std::collections::HashMap::new();
    for h in hits.iter() {
        if let (Some(n), Some(p)) = (&h.name, &h.partner) {
            stated.entry(n.clone()).or_insert_with(|| p.clone());
        }
    }
    for h in hits.iter_mut().filter(|h| h.partner.is_none()) {
        h.partner = h.name.as_ref().and_then(|n| stated.get(n)).cloned();
    }
}

/// Drops a title told without a name right after a named person ("Phó Thủ
/// tướng Trần Lưu Quang, Chủ tịch Phân ban Việt Nam, …"): it is that person's
/// office, not someone else.
pub fn drop_appositions(text: &str, hits: &mut Vec<PersonHit>) {
    let mut keep = vec![true; hits.len()];
    for i in 1..hits.len() {
        let (a, b) = (&hits[i - 1], &hits[i]);
        let gap = text.get(a.range.end..b.range.start).map(str::trim);
        // Set off by commas on both sides ("X, Chủ tịch Phân ban, …"), or a former office
        // ("…, nguyên Bộ trưởng Bộ Quốc phòng").
        let enclosed = text.get(b.range.end..).is_some_and(|r| r.trim_start().starts_with([',', ';', '.', ')']) || r.trim().is_empty());
        let former = gap.is_some_and(|g| g.ends_with("nguyên") && g.starts_with(','));
        if b.linked && b.title.is_some() && a.name.is_some() && !a.linked && (gap == Some(",") && enclosed || former) {
            keep[i] = false;
        }
    }
    let mut k = 0;
    hits.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}
