//! Foreign partners: countries, blocs and organisations (`data/partners.tsv`),
//! and the region names that must never be read as one (`data/regions.tsv`).
//!
//! Every stage that names a partner (meetings, commitments) goes through
//! [`find_partners`], so "Mỹ Latinh" is never the United States anywhere.
//! Matching is leftmost-longest over partner *and* region names at once: a
//! region that covers a partner name ("Ấn Độ Dương", "Trung Đông") wins and
//! yields nothing. Single-syllable names ("Mỹ", "Anh", "EU") are matched
//! case-sensitively, since their lower-case forms are ordinary words ("mỹ
//! phẩm", "anh em"); longer names are matched case-insensitively.

use crate::records::{Partner, PartnerKind};
use crate::text::lowercase_same_len;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// One partner found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerHit {
    /// Byte range in the normalised text.
    pub range: Range<usize>,
    /// The partner; `name` is the text as written at the hit.
    pub partner: Partner,
}

/// One row of `partners.tsv`.
#[derive(Debug)]
struct Entry {
    code: String,
    kind: PartnerKind,
    /// The usual name (first in the row).
    name: String,
}

/// What a pattern stands for: a partner (index into `entries`) or a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Partner(usize),
    Region,
}

/// A place name found in the text: a partner or a region (which blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceHit {
    pub range: Range<usize>,
    /// `None` for a region: it is a list item but not a partner.
    pub partner: Option<Partner>,
}

struct Lexicon {
    entries: Vec<Entry>,
    /// Multi-syllable names, lower-cased, matched on lower-cased text.
    folded: AhoCorasick,
    folded_targets: Vec<Target>,
    /// Single-syllable names, matched as written.
    exact: AhoCorasick,
    exact_targets: Vec<Target>,
    /// For [`lookup`]: lower-cased multi-syllable names and exact single ones.
    by_folded: HashMap<String, Target>,
    by_exact: HashMap<String, Target>,
}

/// A name of one syllable: no space and no hyphen ("Mỹ", "EU", "G20").
fn is_single_syllable(name: &str) -> bool {
    !name.contains([' ', '-'])
}

fn kind_of(s: &str) -> Option<PartnerKind> {
    match s {
        "country" => Some(PartnerKind::Country),
        "bloc" => Some(PartnerKind::Bloc),
        "organization" => Some(PartnerKind::Organization),
        _ => None,
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let mut names: Vec<(String, Target)> = Vec::new();
    for row in super::rows(include_str!("../../data/partners.tsv")) {
        let [code, kind, list] = row[..] else { continue };
        let Some(kind) = kind_of(kind) else { continue };
        let target = Target::Partner(entries.len());
        let usual = list.split('|').next().unwrap_or(code).trim().to_string();
        entries.push(Entry { code: code.to_string(), kind, name: usual });
        names.extend(list.split('|').map(str::trim).filter(|n| !n.is_empty()).map(|n| (n.to_string(), target)));
    }
    for row in super::rows(include_str!("../../data/regions.tsv")) {
        let Some(list) = row.first() else { continue };
        names.extend(list.split('|').map(str::trim).filter(|n| !n.is_empty()).map(|n| (n.to_string(), Target::Region)));
    }
    let (mut by_folded, mut by_exact) = (HashMap::new(), HashMap::new());
    for (name, target) in names {
        // The first row that names a surface wins, so data order decides.
        if is_single_syllable(&name) {
            by_exact.entry(name).or_insert(target);
        } else {
            by_folded.entry(lowercase_same_len(&name)).or_insert(target);
        }
    }
    let build = |map: &HashMap<String, Target>| {
        let (pats, targets): (Vec<&String>, Vec<Target>) = map.iter().map(|(k, v)| (k, *v)).unzip();
        // Standard semantics so that every overlapping candidate is seen; the
        // leftmost-longest choice is made after the word-boundary check.
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(pats).expect("partner patterns build");
        (ac, targets)
    };
    let (folded, folded_targets) = build(&by_folded);
    let (exact, exact_targets) = build(&by_exact);
    Lexicon { entries, folded, folded_targets, exact, exact_targets, by_folded, by_exact }
});

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Is `text[r]` a whole word sequence (no letter or digit glued on either side)?
fn on_boundaries(text: &str, r: &Range<usize>) -> bool {
    let before = text.get(..r.start).and_then(|s| s.chars().next_back());
    let after = text.get(r.end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Words that name a company's kind before its name.
const COMPANY_HEADS: &[&str] = &["tập đoàn", "công ty", "tổng công ty", "hãng"];

/// A single capitalised syllable right after another capitalised word is part
/// of a personal or place name ("Nguyễn Tuấn Anh", "Minh Đức", "Chủ Nhật"),
/// not a country — unless that word is capitalised only because it opens
/// the sentence ("Phía Bangladesh đề xuất …").
fn inside_proper_name(text: &str, r: &Range<usize>) -> bool {
    let Some(before) = text.get(..r.start) else { return false };
    // "Ảnh: VGP/Nhật Bắc": a name in a photo credit.
    if before.ends_with('/') {
        return true;
    }
    let Some(prev) = before.strip_suffix(' ') else { return false };
    // "Công ty CP Tập đoàn Đức Khải", "Tập đoàn Mỹ Lan": a company's name after its kind
    // (not "một hãng Mỹ", an American firm: the name goes on with a capital).
    let name_goes_on = text.get(r.end..).and_then(|t| t.strip_prefix(' ')).is_some_and(|t| t.starts_with(char::is_uppercase));
    let from = (prev.len().saturating_sub(24)..=prev.len()).find(|&i| prev.is_char_boundary(i)).unwrap_or(prev.len());
    let prev_lower = lowercase_same_len(&prev[from..]);
    if name_goes_on && COMPANY_HEADS.iter().any(|h| prev_lower.ends_with(h) && !prev_lower[..prev_lower.len() - h.len()].chars().next_back().is_some_and(char::is_alphanumeric)) {
        return true;
    }
    let word = prev.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let name = text.get(r.clone()).unwrap_or("");
    let acronym = name.chars().all(|c| !c.is_lowercase());
    let opener = prev.get(..prev.len() - word.len()).unwrap_or("").trim_end().trim_end_matches(['"', '\'', '(', '-', '•']).trim_end();
    let sentence_initial = opener.is_empty() || opener.ends_with(['.', '!', '?', ':', '\n', ';']);
    !acronym && !sentence_initial && word.chars().next().is_some_and(char::is_uppercase)
}

/// Every partner and region name in `text[range]`, leftmost-longest.
pub(crate) fn scan(text: &str, range: Range<usize>) -> Vec<PlaceHit> {
    let lex = &*LEXICON;
    // A window cut inside a character is snapped back to the character's start.
    let end = (range.start..=range.end.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(range.start);
    let range = range.start..end;
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let lower = lowercase_same_len(slice);
    let mut cands: Vec<(Range<usize>, Target)> = Vec::new();
    for m in lex.folded.find_overlapping_iter(lower.as_str()) {
        cands.push((range.start + m.start()..range.start + m.end(), lex.folded_targets[m.pattern().as_usize()]));
    }
    for m in lex.exact.find_overlapping_iter(slice) {
        let r = range.start + m.start()..range.start + m.end();
        let target = lex.exact_targets[m.pattern().as_usize()];
        if target == Target::Region || !inside_proper_name(text, &r) {
            cands.push((r, target));
        }
    }
    cands.retain(|(r, _)| on_boundaries(text, r));
    cands.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out = Vec::new();
    let mut end = range.start;
    for (r, target) in cands {
        if r.start < end {
            continue;
        }
        end = r.end;
        let partner = match target {
            Target::Region => None,
            Target::Partner(i) => lex.entries.get(i).map(|e| Partner {
                name: text.get(r.clone()).unwrap_or_default().to_string(),
                code: e.code.clone(),
                kind: e.kind,
            }),
        };
        out.push(PlaceHit { range: r, partner });
    }
    out
}

/// Partners named in `text[range]` (byte offsets into the normalised
/// `text`): non-overlapping, leftmost-longest, on word boundaries, with
/// names inside region names ("Mỹ Latinh", "Trung Đông") left out.
pub fn find_partners(text: &str, range: Range<usize>) -> Vec<PartnerHit> {
    scan(text, range).into_iter().filter_map(|h| h.partner.map(|partner| PartnerHit { range: h.range, partner })).collect()
}

/// The partner a whole name stands for ("Ai Cập" → EG), or `None` for an
/// unknown name or a region.
pub fn lookup(name: &str) -> Option<Partner> {
    let lex = &*LEXICON;
    let name = name.trim();
    let target = if is_single_syllable(name) { lex.by_exact.get(name) } else { lex.by_folded.get(&lowercase_same_len(name)) }?;
    match *target {
        Target::Region => None,
        Target::Partner(i) => {
            let e = lex.entries.get(i)?;
            Some(Partner { name: name.to_string(), code: e.code.clone(), kind: e.kind })
        }
    }
}

/// The partner with a code ("EG" → Ai Cập), named by its usual name; for
/// partners implied rather than written (an agreement's acronym).
///
/// `AU` is both Australia (country) and the African Union (bloc): the country comes first.
pub fn by_code(code: &str) -> Option<Partner> {
    LEXICON.entries.iter().find(|e| e.code == code).map(|e| Partner { name: e.name.clone(), code: e.code.clone(), kind: e.kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ISO codes of the 193 member states of the United Nations.
    const UN_MEMBERS: &str = "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH \
        CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR \
        GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML \
        MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW \
        KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA \
        AE GB US UY UZ VU VE VN YE ZM ZW";

    fn table() -> Vec<(String, String, Vec<String>)> {
        super::super::rows(include_str!("../../data/partners.tsv"))
            .filter(|r| r.len() == 3)
            .map(|r| (r[0].to_string(), r[1].to_string(), r[2].split('|').map(|s| s.trim().to_string()).collect()))
            .collect()
    }

    #[test]
    fn every_row_and_name_resolves_to_its_own_code() {
        for (code, kind, names) in table() {
            assert!(kind_of(&kind).is_some(), "{code}: bad kind {kind}");
            for name in names {
                let p = lookup(&name).unwrap_or_else(|| panic!("{code}: «{name}» does not resolve"));
                assert_eq!(p.code, code, "«{name}» is claimed by two rows");
            }
        }
    }

    #[test]
    fn all_un_members_and_the_main_blocs_are_present() {
        let rows = table();
        let countries = rows.iter().filter(|r| r.1 == "country").count();
        assert!(countries >= 193, "only {countries} country rows");
        let members: Vec<&str> = UN_MEMBERS.split_whitespace().collect();
        assert_eq!(members.len(), 193);
        for code in members {
            assert!(rows.iter().any(|r| r.0 == code && r.1 == "country"), "UN member {code} missing");
        }
        for bloc in [
            "EU", "ASEAN", "MERCOSUR", "EFTA", "AU", "SACU", "GCC", "G20", "APEC", "BRICS", "UN", "WEF", "WTO", "CPTPP", "RCEP", "EAEU",
            "SCO",
        ] {
            assert_eq!(lookup(bloc).map(|p| p.code).as_deref(), Some(bloc));
        }
    }

    fn codes(text: &str) -> Vec<String> {
        find_partners(text, 0..text.len()).into_iter().map(|h| h.partner.code).collect()
    }

    #[test]
    fn regions_block_and_names_are_kept_as_written() {
        assert_eq!(codes("các khu vực như Trung Đông, Mỹ Latinh, Ấn Độ Dương"), Vec::<String>::new());
        assert_eq!(codes("Liên minh thuế quan miền Nam Châu Phi (SACU), Qatar, Ai Cập..."), ["SACU", "SACU", "QA", "EG"]);
        assert_eq!(codes("mỹ phẩm, anh em, Mỹ và Anh"), ["US", "GB"]);
        assert_eq!(codes("ông Nguyễn Tuấn Anh"), Vec::<String>::new());
        assert_eq!(codes("Phía Bangladesh đề xuất. Phía Anh"), ["BD", "GB"]);
        let t = "với hoa kỳ";
        let hits = find_partners(t, 0..t.len());
        assert_eq!(hits[0].partner.name, "hoa kỳ");
        assert_eq!(lookup("Mỹ Latinh"), None);
        assert_eq!(lookup("mỹ"), None);
        assert_eq!(by_code("EG").map(|p| p.name).as_deref(), Some("Ai Cập"));
    }

    #[test]
    fn ranges_and_odd_input_never_panic() {
        let t = "Việt Nam - EU";
        assert!(find_partners(t, 3..5).is_empty());
        // A window past the end is clipped to the text, not dropped.
        assert_eq!(find_partners(t, 0..999).len(), 2);
        assert_eq!(codes(t), ["VN", "EU"]);
    }
}
