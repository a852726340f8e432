//! Quantities: "hơn 16 tỷ USD", "1.700 đại biểu", "42,5%", "10/13",
//! "từ 5 đến 7%", "gấp 2,5 lần", "hàng nghìn", "hai con số".
//!
//! Digits are read Vietnamese-style first (1.700 = 1700, 205,2 = 205.2) and
//! English-style where that is the only sensible reading (18.6; 400,000).
//! Dates, clock times, codes, ordinals and numbers inside names are skipped.

use super::temporal::{find_temporals_lower, Temporal};
use super::numwords::{read_words, word_numbers};
use super::qualifier::qualifier_before;
use super::windows::DigitWindows;
use super::words::{ends_with_word, starts_with_word, WORDS};
use crate::records::{Qualifier, Unit};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A number with its scale, unit and qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number with its scale and unit ("16 tỷ USD"), without the qualifier.
    pub range: Range<usize>,
    /// Where the qualifier word starts ("hơn"), or `range.start`.
    pub qualifier_start: usize,
    /// The value with scale applied.
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// Upper end of a range ("5-7%" → 7).
    pub range_end: Option<f64>,
    /// Denominator of a fraction ("10/13" → 13).
    pub of_total: Option<f64>,
    /// Rate denominator ("USD/năm" → "year").
    pub per: Option<String>,
}

static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*").expect("static regex"));

/// Words before a number that make it an ordinal, an edition or an identifier.
pub(super) const NOT_A_COUNT_BEFORE: &[&str] = &[
    "thứ", "số", "khóa", "khoá", "kỳ", "lần", "điều", "khoản", "mục", "chương", "phiên", "tập", "trang", "top", "hạng",
    "lúc", "tuổi", "phòng", "đường", "quận", "phường", "tầng", "km", "hotline", "mã", "đợt", "vòng", "bảng", "hình", "họp",
    "giờ", "mạch", "phố", "ngõ", "ngách", "hẻm", "lô", "kiốt", "ki-ốt", "lộ", "mùng", "mồng", "ext",
];
/// Words after a bare number that make it a duration, a time or an age.
/// "mùng 9 Tết", "28 Tết": a day of the lunar new year.
pub(super) const NOT_A_COUNT_AFTER: &[&str] = &["năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "thập", "thế", "tuổi", "h", "g", "tết", "tcn", "scn"];

/// Does `rest` start with a scale or unit word?
pub fn starts_with_unit_or_scale(rest: &str) -> bool {
    WORDS.scales.iter().any(|(w, _)| starts_with_word(rest, w)) || WORDS.units.iter().any(|(w, _)| starts_with_word(rest, w) || (w == "%" && rest.starts_with('%')))
}

/// Is the year-like number at `start..end` a count: followed by a counted
/// noun ("ký kết 1950 thỏa thuận hợp tác", "2024 doanh nghiệp") and not after
/// a word that introduces a year ("đến 2030 doanh nghiệp …")?
pub fn is_count_not_year(lower: &str, start: usize, end: usize) -> bool {
    let rest = lower.get(end..).unwrap_or("").trim_start_matches(' ');
    WORDS.counted_nouns.iter().any(|n| starts_with_word(rest, n)) && !WORDS.year_intro.iter().any(|w| w == prev_word(lower, start))
}

/// Reads a digit group: Vietnamese style first, English style when unambiguous.
pub fn parse_digits(s: &str) -> Option<f64> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3) && s.split(sep).next().is_some_and(|g| (1..=3).contains(&g.len()));
    let plain = |t: &str| t.parse::<f64>().ok();
    match (dots, commas) {
        (0, 0) => plain(s),
        // 1.700 / 1.234.567 (VN thousands) or 18.6 (EN decimal)
        (_, 0) if groups_of_three('.') => plain(&s.replace('.', "")),
        (1, 0) => plain(s),
        // 205,2 (VN decimal); 400,000 and 1,234,567 (EN thousands) unless "0,125"
        (0, 1) if groups_of_three(',') && !s.starts_with("0,") => plain(&s.replace(',', "")),
        (0, 1) => plain(&s.replace(',', ".")),
        (0, _) if groups_of_three(',') => plain(&s.replace(',', "")),
        // 1.234,5 (VN) or 1,234.5 (EN): the last separator is the decimal point.
        _ => {
            let last_dot = s.rfind('.')?;
            let last_comma = s.rfind(',')?;
            if last_comma > last_dot && s[..last_comma].split('.').skip(1).all(|g| g.len() == 3) && s.matches(',').count() == 1 {
                plain(&s.replace('.', "").replace(',', "."))
            } else if last_dot > last_comma && s[..last_dot].split(',').skip(1).all(|g| g.len() == 3) && dots == 1 {
                plain(&s.replace(',', ""))
            } else {
                None
            }
        }
    }
}

pub(super) fn skip_spaces(text: &str, pos: usize) -> usize {
    pos + (text[pos..].len() - text[pos..].trim_start_matches(' ').len())
}

/// Scale word at `pos` (after spaces); returns (end, factor).
pub(super) fn scale_at(lower: &str, pos: usize) -> Option<(usize, f64)> {
    let p = skip_spaces(lower, pos);
    WORDS.scales.iter().find(|(w, _)| starts_with_word(&lower[p..], w)).map(|(w, f)| (p + w.len(), *f))
}

/// Unit word at `pos` (after spaces); returns (end, unit).
pub(super) fn unit_at(text: &str, lower: &str, pos: usize) -> Option<(usize, Unit)> {
    unit_scaled_at(text, lower, pos).map(|(e, u, _)| (e, u))
}

/// A currency word that is money only after a scale ("tỷ bảng"), at `pos`.
pub(super) fn scaled_currency_at(lower: &str, pos: usize) -> Option<(usize, String)> {
    let p = skip_spaces(lower, pos);
    WORDS.scaled_currencies.iter().find(|(w, _)| starts_with_word(&lower[p..], w)).map(|(w, c)| (p + w.len(), c.clone()))
}

/// A unit the contract cannot carry at `pos` (after spaces): "240 Hz",
/// "256 GB", "6,5 inch", "48 MP" name a product's specification.
pub(super) fn spec_unit_at(lower: &str, pos: usize) -> bool {
    let rest = &lower[skip_spaces(lower, pos)..];
    WORDS.spec_units.iter().any(|w| starts_with_word(rest, w))
}

/// As [`unit_at`], with the factor that converts the value to the contract's
/// unit ("11,5 mm" → 0.0115 m).
pub(super) fn unit_scaled_at(text: &str, lower: &str, pos: usize) -> Option<(usize, Unit, f64)> {
    if text[pos..].starts_with('%') {
        return Some((pos + 1, Unit::Percent, 1.0));
    }
    // Per unit: matched as written (currency codes) or lower-cased, and the form to match.
    static FORMS: LazyLock<Vec<(bool, String)>> = LazyLock::new(|| {
        WORDS
            .units
            .iter()
            .map(|(w, _)| {
                let as_written = w.chars().all(|c| c.is_ascii_uppercase() || c == '$');
                (as_written, if as_written { w.clone() } else { w.to_lowercase() })
            })
            .collect()
    });
    let p = skip_spaces(lower, pos);
    WORDS.units.iter().zip(FORMS.iter()).zip(WORDS.unit_factors.iter()).find_map(|(((w, u), (as_written, w_l)), f)| {
        // Currency codes are matched as written; words case-insensitively.
        let hay = if *as_written { &text[p..] } else { &lower[p..] };
        (starts_with_word(hay, w_l) || (w == "%" && hay.starts_with('%'))).then(|| (p + w.len(), u.clone(), *f))
    })
}

fn per_at(lower: &str, pos: usize) -> Option<(usize, String)> {
    let rest = &lower[pos..];
    let after = ["/", " mỗi ", " một "].iter().find_map(|p| rest.strip_prefix(p).map(|r| (p.len(), r)))?;
    WORDS.pers.iter().find(|(w, _)| starts_with_word(after.1, w)).map(|(w, p)| (pos + after.0 + w.len(), p.clone()))
}

/// How far a word is looked for around a number (bytes): a longer run of
/// letters is no word of the lexicons, and a page without spaces must not
/// make every number scan it.
const WORD_REACH: usize = 64;

/// The word that ends before `pos` (within [`WORD_REACH`] bytes).
pub(super) fn prev_word(lower: &str, pos: usize) -> &str {
    let before = lower[..pos].trim_end();
    let mut from = before.len().saturating_sub(WORD_REACH);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let start = tail.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + tail[i..].chars().next().map_or(1, char::len_utf8));
    &tail[start..]
}

/// Does a price word ("giá", "giá bán", "giá thuê") end right before the
/// number at `pos`, past a qualifier ("giá chỉ khoảng", "giá từ")?
fn after_price_word(lower: &str, pos: usize) -> bool {
    let mut at = pos;
    for _ in 0..2 {
        match qualifier_before(lower, at) {
            Some((qs, _)) if qs < at => at = qs,
            _ => break,
        }
    }
    let w = prev_word(lower, at);
    let w = if matches!(w, "chỉ" | "từ" | "là" | "ở" | "mức") { prev_word(lower, lower[..at].trim_end().len() - w.len()) } else { w };
    (w == "giá" && prev_word(lower, lower[..at].trim_end().len() - w.len()) != "đánh") || (matches!(w, "bán" | "thuê" | "mua") && prev_word(lower, lower[..at].trim_end().len().saturating_sub(w.len())).ends_with("giá"))
}

/// The word that starts after `pos` (within [`WORD_REACH`] bytes).
pub(super) fn next_word(lower: &str, pos: usize) -> &str {
    let after = lower[pos..].trim_start();
    let mut to = after.len().min(WORD_REACH);
    while !after.is_char_boundary(to) {
        to -= 1;
    }
    let head = &after[..to];
    let end = head.find(|c: char| !c.is_alphanumeric()).unwrap_or(head.len());
    &head[..end]
}

/// Finds every quantity in `text` (dates and periods are found first and skipped).
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let lower = crate::text::lowercase_same_len(text);
    let temporals = find_temporals_lower(&lower, None);
    find_quantities_with(text, &lower, &temporals)
}

/// As [`find_quantities`], with the lower-cased text and temporals at hand.
pub fn find_quantities_with(text: &str, lower: &str, temporals: &[Temporal]) -> Vec<Quantity> {
    find_quantities_in(text, lower, temporals, &DigitWindows::new(lower))
}

/// As [`find_quantities_with`], with the digit windows of `lower` at hand.
pub(crate) fn find_quantities_in(text: &str, lower: &str, temporals: &[Temporal], windows: &DigitWindows) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    // Temporals are sorted and do not overlap: look only at the one before `r.end`.
    let in_temporal = |r: &Range<usize>| {
        let i = temporals.partition_point(|t| t.range.start < r.end);
        i > 0 && temporals[i - 1].range.end > r.start
    };
    let mut skip_until = 0;
    // Digits sit where they do in `lower`, so its windows hold every match in `text`.
    for (m, _) in windows.find_iter(&DIGITS, text) {
        if m.start() < skip_until {
            continue;
        }
        // Phone numbers and codes with a leading zero ("0981 234 567", "mã HS 0901"),
        // with the digit groups that continue them.
        if m.as_str().len() >= 3 && m.as_str().starts_with('0') && m.as_str().as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
            skip_until = code_end(text, m.end());
            continue;
        }
        if let Some(q) = read_digits(text, lower, m.range(), &in_temporal) {
            skip_until = q.range.end;
            out.push(q);
        }
    }
    // Digit quantities are sorted and do not overlap: check the one before `r.end`.
    let digits_len = out.len();
    for m in word_numbers(lower) {
        let Some(q) = read_words(text, lower, m) else { continue };
        let number = q.range.start..q.range.end;
        let i = out[..digits_len].partition_point(|o| o.range.start < number.end);
        if (i > 0 && out[i - 1].range.end > number.start) || in_temporal(&number) {
            continue;
        }
        out.push(q);
    }
    out.sort_by_key(|q| q.range.start);
    out
}

/// The end of a code's run of digit groups separated by single spaces,
/// dots or hyphens.
fn code_end(text: &str, mut end: usize) -> usize {
    while let Some(rest) = text.get(end..) {
        let after_sep = rest.strip_prefix([' ', '.', '-']).unwrap_or("");
        match DIGITS.find(after_sep).filter(|d| d.start() == 0 && !d.as_str().contains(',')) {
            Some(d) => end += 1 + d.end(),
            None => break,
        }
    }
    end
}

/// Is the number at `start` an identifier: after "Nghị quyết", "Trung ương",
/// possibly within a list ("các nghị quyết 57, 59, 66 và 68")?
fn after_identifier_word(lower: &str, start: usize) -> bool {
    let mut before = lower[..start].trim_end();
    // A list of at most a dozen numbers.
    for _ in 0..12 {
        let t = before.trim_end_matches([',', ' ']);
        let t = t.strip_suffix(" và").or_else(|| t.strip_suffix(" hoặc")).unwrap_or(t).trim_end();
        let digits = t.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'));
        if digits.len() < t.len() && (digits.is_empty() || digits.ends_with([' ', ','])) && t.len() < before.len() {
            before = digits.trim_end();
            continue;
        }
        break;
    }
    let before = before.strip_suffix(" số").unwrap_or(before);
    WORDS.identifiers.iter().any(|w| ends_with_word(before, w))
}

/// The second figure of a range whose unit is written twice: after the
/// first unit at `pos`, "đến 7%" / "- 7%" → (7, end).
fn second_of_range(text: &str, lower: &str, pos: usize, unit: &Unit) -> Option<(f64, usize)> {
    let p = skip_spaces(lower, pos);
    let sep = ["đến", "tới", "-", "–"].into_iter().find(|s| lower[p..].starts_with(s))?;
    let q = skip_spaces(lower, p + sep.len());
    let m = DIGITS.find(&text[q..]).filter(|m| m.start() == 0)?;
    let v = parse_digits(m.as_str())?;
    let mut e = q + m.end();
    let mut f = 1.0;
    if let Some((e2, f2)) = scale_at(lower, e) {
        (e, f) = (e2, f2);
    }
    let (e, u, uf) = unit_scaled_at(text, lower, e)?;
    (u == *unit).then_some((v * f * uf, e))
}

/// Words that may stand before the upper figure of "từ A đến … B".
const UPPER_BOUND_WORDS: &[&str] = &["hơn ", "gần ", "khoảng ", "trên ", "xấp xỉ ", "ngót "];

fn read_digits(text: &str, lower: &str, r: Range<usize>, in_temporal: &dyn Fn(&Range<usize>) -> bool) -> Option<Quantity> {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    // Glued to a word or code: G20, COP28, Covid-19, 5G, 10h30, A80.
    if before.is_some_and(|c| c.is_alphabetic() || matches!(c, '-' | '/' | '_' | '#' | '@' | '.' | ':' | '+'))
        || after.is_some_and(|c| c.is_alphabetic() || c == ':')
    {
        return None;
    }
    // Document numbers "59-NQ/TW", "21/NQ-CP", "13/2023/NĐ-CP".
    let rest = &text[r.end..];
    if rest.starts_with(['-', '/']) && rest[1..].starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    if rest.starts_with('/') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) && DIGITS.find(&rest[1..]).is_some_and(|d| rest[1 + d.end()..].starts_with('/')) {
        return None;
    }
    if in_temporal(&r) {
        return None;
    }
    // A licence plate "36A- 485.67", "51G - 123.45": the serial after the
    // province code and its dash.
    if after_plate_code(text, r.start) {
        return None;
    }
    // A road chainage "Km 164 + 300": the metres after the plus.
    if text[..r.start].trim_end_matches(' ').strip_suffix('+').is_some_and(|b| b.trim_end_matches(' ').ends_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    // A footnote marker: "Philippines[2]", "[12]".
    if text[..r.start].ends_with('[') && rest.starts_with(']') {
        return None;
    }
    // A month written "11/2024" is a date, not a fraction.
    if let Some(den) = rest.strip_prefix('/').and_then(|d| DIGITS.find(d).filter(|m| m.start() == 0)) {
        let month_like = text[r.clone()].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
        let year_like = den.as_str().len() == 4 && den.as_str().parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        if month_like && year_like {
            return None;
        }
    }
    let mut value = parse_digits(&text[r.clone()])?;
    // "17/2 Lazio …": a day and month (a larger number over a month) is a
    // date, never a fraction ("8/10 trận" stays one).
    if let Some(den) = rest.strip_prefix('/').and_then(|d| DIGITS.find(d).filter(|m| m.start() == 0)) {
        let day = text[r.clone()].parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        let month = den.as_str().parse::<u32>().ok().filter(|m| (1..=12).contains(m));
        if day.zip(month).is_some_and(|(d, m)| d > m) {
            return None;
        }
    }
    // "2 con số": growth of at least ten percent.
    let digits_phrase = [" con số", " chữ số"].into_iter().find(|p| lower[r.end..].starts_with(p));
    if let (2.0, Some(p)) = (value, digits_phrase) {
        let (qualifier_start, range) = (r.start, r.start..r.end + p.len());
        return Some(Quantity { range, qualifier_start, value: 10.0, unit: Unit::Percent, qualifier: Qualifier::AtLeast, range_end: None, of_total: None, per: None });
    }
    let prev = prev_word(lower, r.start);
    // "trong số 12 đối tác": among a count, not a number.
    let among = prev == "số" && prev_word(lower, lower[..r.start].trim_end().len() - "số".len()) == "trong";
    if (NOT_A_COUNT_BEFORE.contains(&prev) && !among) || after_identifier_word(lower, r.start) {
        return None;
    }
    let mut end = r.end;
    let mut of_total = None;
    let mut range_end = None;
    // Fraction "10/13".
    if let Some(den) = rest.strip_prefix('/').and_then(|d| DIGITS.find(d).filter(|m| m.start() == 0)) {
        of_total = parse_digits(den.as_str());
        end = r.end + 1 + den.end();
        // "trực 24/24h", "24/24 giờ": round the clock, no count out of a total.
        let hours = lower[end..].starts_with('h') && !lower[end + 1..].starts_with(char::is_alphanumeric) || starts_with_word(lower[end..].trim_start(), "giờ");
        if of_total == Some(24.0) && value == 24.0 && hours {
            return None;
        }
    }
    let mut scale = 1.0;
    if let Some((e, f)) = scale_at(lower, end) {
        scale = f;
        end = e;
        if let Some(e2) = Some(skip_spaces(lower, end)).filter(|&p| starts_with_word(&lower[p..], "rưỡi")) {
            value += 0.5;
            end = e2 + "rưỡi".len();
        }
    }
    // Range "5-7%", "8 - 10 tỷ", "từ 5 đến 7%".
    let after_num = skip_spaces(lower, end);
    let sep_len = ["-", "đến", "tới", "–"].iter().find(|s| lower[after_num..].starts_with(**s)).map(|s| s.len());
    if let (Some(sl), None) = (sep_len, of_total) {
        let mut p = skip_spaces(lower, after_num + sl);
        // "từ 50 triệu đến hơn 60 triệu đồng": a bound word on the upper figure
        // of a worded range still makes one range.
        if sl > 1 {
            if let Some(w) = UPPER_BOUND_WORDS.iter().find(|w| lower[p..].starts_with(**w)) {
                p = skip_spaces(lower, p + w.len());
            }
        }
        if let Some(m2) = DIGITS.find(&text[p..]).filter(|m| m.start() == 0) {
            if let Some(v2) = parse_digits(m2.as_str()) {
                let mut e2 = p + m2.end();
                let mut s2 = scale;
                if let Some((e, f)) = scale_at(lower, e2) {
                    s2 = f;
                    e2 = e;
                    if scale == 1.0 {
                        scale = f;
                    }
                }
                let unit_follows = unit_at(text, lower, e2).is_some() || s2 != 1.0;
                // "10-15 doanh nghiệp": a hyphen glued to both numbers.
                let glued = after_num == end && sl == 1 && p == after_num + 1 && !text[e2..].starts_with(|c: char| c.is_alphanumeric());
                // "6 - 10 lao động": a spaced dash between two counts of one lowercase noun
                // (not a score "thắng 3 - 1", not "Vành đai 4 - Vùng").
                let spaced = scale == 1.0
                    && lower[after_num..].starts_with(['-', '–'])
                    && text[e2..].strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
                    && !NOT_A_COUNT_AFTER.contains(&next_word(lower, e2))
                    && v2 <= value * 20.0;
                if v2 > value && (unit_follows || glued || spaced || lower[after_num..].starts_with("đến") || lower[after_num..].starts_with("tới")) && !text[p + m2.end()..].starts_with(['/', '.', '-']) {
                    range_end = Some(v2 * s2);
                    end = e2;
                    // "250 - 300.000 đồng": the lower bound is written without the
                    // upper's thousands ("250" for 250.000), when it is smaller than
                    // the upper's leading group and of its magnitude.
                    let b = m2.as_str();
                    let groups = b.matches('.').count() as i32;
                    let written = groups > 0 && b.split('.').skip(1).all(|g| g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit()));
                    if written && unit_follows && !text[r.start..r.end].contains(['.', ',']) {
                        let lead = v2 / 1000f64.powi(groups);
                        if value.fract() == 0.0 && value < lead && value * 10.0 >= lead {
                            value *= 1000f64.powi(groups);
                        }
                    }
                }
            }
        }
        // "Boeing 787-9", "1-2-3": a hyphenated code, not a range.
        if range_end.is_none() && scale == 1.0 && after_num == end && lower[end..].starts_with('-') && lower[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    // A specification unit first: "120 km/h" is a speed, not "120 km".
    if spec_unit_at(lower, end) {
        return None;
    }
    let mut unit = Unit::Count;
    if let Some((e, u, f)) = unit_scaled_at(text, lower, end) {
        // "nhìn hết 360 độ", "quay ngoắt 180 độ": an angle written with a bare "độ" is no
        // temperature and no figure.
        if matches!(&u, Unit::Measure(m) if m == "°C") && lower[end..e].trim() == "độ" && (value == 360.0 || WORDS.degree_not_heat.iter().any(|w| ends_with_word(lower[..super::qualifier::start_guess(lower, r.start)].trim_end(), w))) {
            return None;
        }
        unit = u;
        end = e;
        // "11,5 mm" → 0.0115 m; a range's upper end likewise.
        if f != 1.0 {
            scale *= f;
            range_end = range_end.map(|v| v * f);
        }
        // "từ 6,5% đến 7%", "5 tỷ USD - 7 tỷ USD": the unit written twice.
        if range_end.is_none() && of_total.is_none() {
            if let Some((v2, e2)) = second_of_range(text, lower, e, &unit) {
                if v2 > value * scale {
                    range_end = Some(v2);
                    end = e2;
                }
            }
        }
    } else if let Some((e, code)) = (scale != 1.0).then(|| scaled_currency_at(lower, end)).flatten() {
        // "5 tỷ bảng", "405 triệu bảng": money only after a scale.
        unit = Unit::Currency(code);
        end = e;
    } else if scale >= 1000.0
        && of_total.is_none()
        && (range_end.is_some() || scale_at(lower, r.end).is_some())
        && range_end.is_none_or(|e| e >= value * scale)
        && !text[skip_spaces(lower, end)..].starts_with(char::is_uppercase)
        && after_price_word(lower, r.start)
    {
        // Not before a capitalised word: "120 triệu Đài tệ" is another currency.
        // "giá 700-800 nghìn", "có giá chỉ khoảng 3 triệu": a price in đồng
        // left unwritten.
        unit = Unit::Currency("VND".to_string());
    } else if prev == "gấp" && scale == 1.0 && of_total.is_none() {
        // "cao gấp 3 so với năm trước".
        unit = Unit::Times;
    }
    let mut per = None;
    if unit != Unit::Count {
        if let Some((e, p)) = per_at(lower, end) {
            per = Some(p);
            end = e;
        }
    }
    let raw = &text[r.clone()];
    let is_year_like = raw.len() == 4 && !raw.contains(['.', ',']) && (1900.0..=2100.0).contains(&value) && !is_count_not_year(lower, r.start, end);
    if unit == Unit::Count && scale == 1.0 && of_total.is_none() {
        let next = next_word(lower, end);
        if NOT_A_COUNT_AFTER.contains(&next) || is_year_like {
            return None;
        }
        // A phone number or a code: many separators.
        if raw.matches(['.', ',']).count() >= 2 && raw.len() >= 10 {
            return None;
        }
        // A version: "công nghiệp 4.0", "Web 3.0".
        if raw.ends_with(".0") && raw.matches('.').count() == 1 {
            return None;
        }
    }
    let (qualifier_start, qualifier) = super::qualifier::read(text, lower, r.start, end, range_end, &unit);
    // "gần 3/4 diện tích", "1/3 dân số": halves, thirds and quarters are a
    // share of a whole (`fraction_whole`), not a count of 3 out of 4;
    // "2/3 điều kiện", "2/3 (tổng) số đại biểu" stay counts out of a total.
    let of_whole = of_total.is_some() && WORDS.fraction_wholes.iter().any(|w| starts_with_word(&lower[skip_spaces(lower, end)..], w));
    if let Some(den) = of_total.filter(|&d| of_whole && unit == Unit::Count && scale == 1.0 && (2.0..=4.0).contains(&d) && value >= 1.0 && value < d && d.fract() == 0.0 && value.fract() == 0.0) {
        let pct = (value / den * 10_000.0).round() / 100.0;
        return Some(Quantity { range: r.start..end, qualifier_start, value: pct, unit: Unit::Percent, qualifier, range_end: None, of_total: None, per: None });
    }
    // "mức âm 111 độ C", "âm 5 độ": a temperature below zero.
    if range_end.is_none() && matches!(&unit, Unit::Measure(u) if u == "°C") && prev_word(lower, qualifier_start) == "âm" {
        value = -value;
    }
    Some(Quantity { range: r.start..end, qualifier_start, value: value * scale, unit, qualifier, range_end, of_total, per })
}

/// Does a licence plate's province code and dash ("36A-", "51G -", "29LD-")
/// end right before `pos`?
fn after_plate_code(text: &str, pos: usize) -> bool {
    let Some(b) = text[..pos].trim_end_matches(' ').strip_suffix('-') else { return false };
    let b = b.trim_end_matches(' ');
    let code = &b[b.len() - b.bytes().rev().take(6).take_while(u8::is_ascii_alphanumeric).count()..];
    let digits = code.bytes().take_while(u8::is_ascii_digit).count();
    digits == 2 && code.len() > 2 && code.len() <= 5 && code[2..].starts_with(|c: char| c.is_ascii_uppercase()) && code[2..].bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}
