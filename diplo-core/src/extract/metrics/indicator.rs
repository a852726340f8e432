//! Which indicator a figure measures (`data/indicators.tsv`).
//!
//! Counts take the first table row that fits what they count or the verb
//! before them. Amounts, percentages and rates take the indicator keyword
//! nearest before them in their clause (the words after an amount, the rest
//! of the sentence, and for shares the whole they are a share of, as
//! fallbacks), so "xuất khẩu đạt 405 tỷ USD, nhập khẩu 380 tỷ USD, xuất siêu
//! 24 tỷ USD" gives each figure its own noun.

use super::cues::{cues, find_word, has_cue, is_cue, ByteSet, Scope, INDICATORS, INDICATOR_BYTES};
use crate::records::Indicator;
use std::ops::Range;

/// The indicator a count takes from what it counts (`counted`, lower case)
/// and the words of its clause before it: the first table row that fits.
pub fn for_count(counted: &str, before: &str) -> Option<Indicator> {
    let (counted_bytes, before_bytes) = (ByteSet::of(counted), ByteSet::of(before));
    for (rule, kw_bytes) in INDICATORS.iter().zip(INDICATOR_BYTES.iter()) {
        let hit = match rule.scope {
            Scope::Counted | Scope::Head if !counted_bytes.holds(kw_bytes) => false,
            Scope::Verb | Scope::Before if !before_bytes.holds(kw_bytes) => false,
            Scope::Counted => find_word(counted, &rule.keyword).is_some(),
            Scope::Head => find_word(counted, &rule.keyword) == Some(0),
            Scope::Before => {
                let b = before.trim_end();
                b.ends_with(rule.keyword.as_str()) && !b[..b.len() - rule.keyword.len()].chars().next_back().is_some_and(char::is_alphanumeric)
            }
            // "hàng xuất khẩu Việt Nam đã là đối tượng của 245 vụ việc": a noun's modifier, not the verb.
            Scope::Verb => find_word(before, &rule.keyword).is_some_and(|i| !ends_with_cue(&before[..i], "modified_noun")),
            _ => false,
        };
        if hit {
            return Some(rule.indicator);
        }
    }
    None
}

/// How far from the figure a generic word ("thương mại") may stand (bytes).
const WEAK_GAP: usize = 40;

/// How far a noun may stand before the growth word it governs (bytes).
const GROWTH_GAP: usize = 48;

/// An amount keyword found in a text: its indicator and byte range.
#[derive(Debug, Clone)]
pub struct Keyword {
    pub indicator: Indicator,
    pub range: Range<usize>,
    /// A bare growth word ("tăng trưởng") or "kim ngạch": another noun's, when one governs it.
    pub yields: bool,
}

/// The last occurrence of `word` in `hay` on word boundaries.
fn rfind_word(hay: &str, word: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(i) = find_word(&hay[from..], word).map(|i| i + from) {
        last = Some(i);
        from = i + word.len();
        if from >= hay.len() {
            break;
        }
    }
    last
}

/// "GDP" at `at` in `lower` as the whole a figure is divided by ("3,4% GDP",
/// "phát thải trên tổng GDP") is no growth rate.
fn is_denominator(lower: &str, at: usize) -> bool {
    let b = lower[super::back(lower, at, 24, 0)..at].trim_end();
    b.ends_with(['%', '/']) || cues("per_whole").iter().any(|c| b.ends_with(c.as_str()) && !b[..b.len() - c.len()].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// The amount keyword of `hay` nearest its end (the figure follows `hay`).
/// Weak keywords ("thương mại") count only when no other is found; a bare
/// growth word ("tăng trưởng") yields to the noun that grows ("xuất khẩu
/// tăng trưởng 10%"); a value word ("trị giá") counts when `deal` (the
/// sentence speaks of agreements signed).
pub fn nearest_amount(lower: &str, within: Range<usize>, deal: bool, weak_ok: bool) -> Option<Keyword> {
    let hay = &lower[within.clone()];
    let bytes = ByteSet::of(hay);
    // (end, start, indicator, scope) of the best hit per kind.
    let mut strong: Option<(usize, usize, Indicator)> = None;
    let mut growth: Option<(usize, usize, Indicator)> = None;
    let mut weak: Option<(usize, usize, Indicator)> = None;
    for (rule, kw_bytes) in INDICATORS.iter().zip(INDICATOR_BYTES.iter()) {
        let slot = match rule.scope {
            Scope::Amount => &mut strong,
            Scope::AmountYield => &mut growth,
            Scope::AmountWeak if weak_ok => &mut weak,
            Scope::AmountDeal if deal => &mut strong,
            _ => continue,
        };
        if !bytes.holds(kw_bytes) {
            continue;
        }
        let Some(i) = rfind_word(hay, &rule.keyword) else { continue };
        if matches!(rule.indicator, Indicator::GdpGrowth) && is_denominator(lower, within.start + i) {
            continue;
        }
        // "khu vực có vốn đầu tư nước ngoài đạt 155 tỷ USD" (of exports): a sector
        // named by its capital, not the capital measured.
        if rule.indicator == Indicator::Investment && ends_with_cue(&lower[super::back(lower, within.start + i, 32, 0)..within.start + i], "sector_before") {
            continue;
        }
        let end = i + rule.keyword.len();
        // A generic word names the figure only right next to it.
        if rule.scope == Scope::AmountWeak && hay.len() - end > WEAK_GAP && i > WEAK_GAP / 4 {
            continue;
        }
        // Nearest end wins; at the same end the longer keyword (earlier start).
        if slot.is_none_or(|(e, s, _)| end > e || (end == e && i < s)) {
            *slot = Some((end, i, rule.indicator));
        }
    }
    let pick = match (strong, growth) {
        // "kim ngạch thương mại Việt Nam – Chile tăng trưởng bình quân 7%/năm":
        // the growth word after a noun is that noun's growth.
        (Some(s), Some(g)) if g.0 > s.0 && !(s.0 <= g.1 && g.1 - s.0 <= GROWTH_GAP) => Some((g, true)),
        (Some(s), _) => Some((s, false)),
        (None, Some(g)) => Some((g, true)),
        (None, None) => weak.map(|w| (w, false)),
    };
    pick.map(|((end, start, indicator), growth)| Keyword { indicator, range: within.start + start..within.start + end, yields: growth })
}

/// Does the sentence before a figure speak of agreements signed, so that a
/// value ("trị giá khoảng 10 tỷ USD") is the value of the deals?
pub fn deal_context(sentence_before: &str) -> bool {
    has_cue(sentence_before, "agreement_noun")
}


/// Does `hay` (trimmed) end with a phrase of cue `kind` on a word boundary?
pub fn ends_with_cue(hay: &str, kind: &str) -> bool {
    let h = hay.trim_end();
    cues(kind).iter().any(|c| h.ends_with(c.as_str()) && !h[..h.len() - c.len()].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Counts whose indicator depends on more than their noun:
/// - members that are firms or members of an association are no partners;
/// - partners that "được nâng cấp" or were added ("có thêm 4 đối tác chiến
///   lược toàn diện") are relations upgraded;
/// - "N hiệp định" in a sentence about FTAs are FTAs;
/// - businesses travelling with a delegation are participants.
pub fn refine_count(indicator: Indicator, counted: &str, before: &str, sentence_before: &str, clause_after: &str) -> Indicator {
    match indicator {
        Indicator::Partners if has_cue(clause_after, "upgraded_after") => Indicator::RelationsUpgraded,
        // "130 thành viên là đại diện các doanh nghiệp lữ hành": members of
        // an association or firms, not partner countries or organisations.
        Indicator::Partners if counted.starts_with("thành viên") && (has_cue(counted, "member_not_partner") || has_cue(clause_after, "member_not_partner")) => Indicator::Other,
        Indicator::Partners if ends_with_cue(before, "added_before") && find_word(counted, "đối tác").is_some() => Indicator::RelationsUpgraded,
        Indicator::AgreementsSigned if counted.starts_with("hiệp định") && has_cue(sentence_before, "fta_context") => Indicator::Ftas,
        Indicator::Other if counted.starts_with("doanh nghiệp") && has_cue(sentence_before, "delegation") => Indicator::Participants,
        // "kết nối với 34 tỉnh, thành phố và 94 cơ quan đại diện": places a conference connects.
        Indicator::Other if cues("connected_place").iter().any(|p| counted.starts_with(p.as_str())) && ends_with_cue(before, "connect_before") => Indicator::Participants,
        // "Đoàn gồm gần 150 thành viên": the size of a delegation.
        Indicator::Partners if counted.starts_with("thành viên") && has_cue(sentence_before, "delegation") => Indicator::Participants,
        // "đại diện … của 22 quốc gia", "thu hút lãnh đạo từ 170 quốc gia": the
        // countries an event's guests come from, not partners.
        Indicator::Partners if cues("guest_country").iter().any(|p| counted.starts_with(p.as_str())) && ends_with_cue(before, "guest_origin") && has_cue(sentence_before, "guests") => Indicator::Participants,
        // "quy tụ lãnh đạo các thành viên G20 cùng 8 nước khách mời và 9 tổ chức quốc tế":
        // guest countries and organisations gathered at an event attend it.
        Indicator::Partners if find_word(counted, "khách mời").is_some() || has_cue(before, "gather_verb") => Indicator::Participants,
        // "Hàng nghìn người dân … đã đổ về quảng trường theo dõi lễ khai mạc".
        // "552.000 người theo dõi trên TikTok": followers of an account attend nothing.
        Indicator::Participants | Indicator::Other if cues("followers").iter().any(|p| counted.starts_with(p.as_str())) => Indicator::Other,
        Indicator::Other if cues("people").iter().any(|p| counted.starts_with(p.as_str())) && has_cue(clause_after_or_counted(counted, clause_after), "attend_after") => Indicator::Participants,
        other => other,
    }
}

/// The noun phrase an amount keyword heads, as written: "Xuất khẩu cà phê",
/// "vốn FDI đăng ký", "Kim ngạch xuất khẩu gỗ và sản phẩm gỗ". Grows back
/// over a measure word right before the keyword ("vốn", "kim ngạch") and on
/// over lowercase words (or capitals: "FDI") up to a verb, a preposition, a
/// period word, a number or a proper name; at most a few words each way.
pub fn noun_phrase(text: &str, lower: &str, kw: Range<usize>, limit: usize) -> Range<usize> {
    let mut start = kw.start;
    for _ in 0..2 {
        let from = super::back(lower, start, 24, 0);
        let before = lower[from..start].trim_end();
        match cues("phrase_head").iter().find(|h| before.ends_with(h.as_str()) && !before[..before.len() - h.len()].chars().next_back().is_some_and(char::is_alphanumeric)) {
            Some(h) => start = from + before.len() - h.len(),
            None => break,
        }
    }
    let mut end = kw.end;
    let hi = super::ahead(text, kw.end, 80, limit.max(kw.end));
    let mut pos = kw.end;
    let mut words = 0;
    for w in text[kw.end..hi].split(' ') {
        let wstart = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let lw = &lower[wstart..wstart + w.len()];
        let clean = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let acronym = clean.len() >= 2 && clean.chars().all(|c| c.is_ascii_uppercase());
        let proper = clean.chars().next().is_some_and(char::is_uppercase) && !acronym;
        if words >= 6 || clean.is_empty() || proper || !clean.chars().all(char::is_alphabetic) || is_cue("phrase_stop", lw.trim_end_matches(|c: char| !c.is_alphanumeric())) {
            break;
        }
        // "và" joins two nouns only when a noun follows ("gỗ và sản phẩm gỗ").
        if lw == "và" {
            let next = lower[pos.min(hi)..hi].split(' ').next().unwrap_or("");
            if next.is_empty() || is_cue("phrase_stop", next) || INDICATORS.iter().any(|r| r.keyword == next) {
                break;
            }
        }
        end = wstart + clean.len();
        words += 1;
        if clean.len() < w.len() {
            break;
        }
    }
    start..end
}

/// What follows a count in its clause, or what it counts when its clause
/// ends there ("người dân và du khách đã đổ về quảng trường").
fn clause_after_or_counted<'a>(counted: &'a str, clause_after: &'a str) -> &'a str {
    if clause_after.trim().is_empty() { counted } else { clause_after }
}
