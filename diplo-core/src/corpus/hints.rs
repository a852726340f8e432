//! Publication-date hints as crawlers and data sets write them.
//!
//! A corpus record's `date` comes in many shapes: VnExpress's "Thứ tư,
//! 7/2/2024, 23:41 (GMT+7)", "07/02/2024", "24-04-2021", "20210424" (a
//! string or a JSON number), ISO date-times with offsets, "N/A", "". Each is
//! read as the calendar date it writes, or refused: a hint that cannot be
//! read for certain is dropped (the caller warns), never guessed, so a bad
//! hint never loses an article and never becomes a wrong date.

use crate::lang::Date;

/// What a hint says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// A real date, as `YYYY-MM-DD`.
    Date(String),
    /// No date given (null, "", "N/A", "-"): nothing to warn about.
    Missing,
    /// A value that is not a date diplo can read for certain.
    Unreadable(String),
}

/// Years a publication date can have; anything else is a misread.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn date(y: i64, m: i64, d: i64) -> Option<Date> {
    let y = i32::try_from(y).ok().filter(|y| YEARS.contains(y))?;
    Date::new(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// Markers data sets use for "no date".
fn is_missing(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    matches!(l.as_str(), "" | "n/a" | "na" | "n.a." | "none" | "null" | "nan" | "-" | "--" | "?" | "unknown" | "không rõ")
}

/// Reads a hint given as text.
pub fn parse_str(s: &str) -> Hint {
    if is_missing(s) {
        return Hint::Missing;
    }
    match read(s.trim()) {
        Some(d) => Hint::Date(d.iso()),
        None => Hint::Unreadable(s.chars().take(80).collect()),
    }
}

/// Reads a hint given as a JSON value: a string, or a number such as
/// `20210424` (YYYYMMDD) or a Unix time in seconds or milliseconds.
pub fn parse_json(v: &serde_json::Value) -> Hint {
    match v {
        serde_json::Value::Null => Hint::Missing,
        serde_json::Value::String(s) => parse_str(s),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => number(i).map_or_else(|| Hint::Unreadable(n.to_string()), |d| Hint::Date(d.iso())),
            None => Hint::Unreadable(n.to_string()),
        },
        other => Hint::Unreadable(other.to_string().chars().take(80).collect()),
    }
}

/// 20210424 → 2021-04-24; 10 digits: Unix seconds; 13 digits: milliseconds (UTC).
fn number(i: i64) -> Option<Date> {
    match i {
        10_000_000..=99_999_999 => date(i / 10_000, i / 100 % 100, i % 100),
        1_000_000_000..=9_999_999_999 => unix_days(i.div_euclid(86_400)),
        1_000_000_000_000..=9_999_999_999_999 => unix_days(i.div_euclid(86_400_000)),
        _ => None,
    }
}

/// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn unix_days(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    date(yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A run of ASCII digits in the hint, with what separates it from the next.
#[derive(Debug, Clone, Copy)]
struct Group<'a> {
    digits: &'a str,
    /// The separator after the group ('/', '-', '.', ':', 'T', ' ' …), if any.
    sep: Option<char>,
}

fn groups(s: &str) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(Group { digits: &s[st..i], sep: Some(c) });
                start = None;
            }
            _ => {}
        }
        if out.len() > 12 {
            break;
        }
    }
    if let Some(st) = start {
        out.push(Group { digits: &s[st..], sep: None });
    }
    out
}

fn num(g: &Group<'_>) -> Option<i64> {
    (g.digits.len() <= 9).then(|| g.digits.parse().ok()).flatten()
}

/// The first date written in `s`: the first run of digit groups joined by one
/// date separator (`/`, `-` or `.`) that reads as a real date. Times
/// ("23:41"), offsets ("GMT+7", "+07:00") and weekday names around it are
/// ignored; a run that could be two dates (a two-digit year) is refused.
fn read(s: &str) -> Option<Date> {
    let gs = groups(s);
    // One group: YYYYMMDD (or a Unix time written as text).
    if let [g] = gs.as_slice() {
        return num(g).and_then(number);
    }
    // "24 tháng 4 năm 2021" / "ngày 24 tháng 04, 2021".
    if let Some(d) = spelled(s) {
        return Some(d);
    }
    for (i, g) in gs.iter().enumerate() {
        let Some(sep) = g.sep.filter(|c| matches!(c, '/' | '-' | '.')) else { continue };
        let (Some(b), Some(c)) = (gs.get(i + 1), gs.get(i + 2)) else { break };
        if b.sep != Some(sep) {
            continue;
        }
        let (x, y, z) = (num(g)?, num(b)?, num(c)?);
        let d = if g.digits.len() == 4 {
            // 2021-04-24, 2021/04/24, 2021.04.24
            date(x, y, z)
        } else if c.digits.len() == 4 && g.digits.len() <= 2 && b.digits.len() <= 2 {
            // Vietnamese order day/month/year; month/day only when the day
            // could not be a month (02/24/2024).
            date(z, y, x).or_else(|| if y > 12 { date(z, x, y) } else { None })
        } else {
            None
        };
        return d;
    }
    None
}

/// A date spelled with "tháng" and "năm" (or a comma before the year).
fn spelled(s: &str) -> Option<Date> {
    let lower = s.to_lowercase();
    let at = lower.find("tháng")?;
    let before = lower.get(..at)?;
    let after = lower.get(at + "tháng".len()..)?;
    let day: i64 = before.split(|c: char| !c.is_ascii_digit()).rfind(|w| !w.is_empty())?.parse().ok()?;
    let mut nums = after.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty());
    let month: i64 = nums.next()?.parse().ok()?;
    let year_str = nums.next()?;
    if year_str.len() != 4 {
        return None;
    }
    date(year_str.parse().ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn iso(s: &str) -> Option<String> {
        match parse_str(s) {
            Hint::Date(d) => Some(d),
            _ => None,
        }
    }

    #[test]
    fn vietnamese_site_forms() {
        assert_eq!(iso("Thứ tư, 7/2/2024, 23:41 (GMT+7)").as_deref(), Some("2024-02-07"));
        assert_eq!(iso("Thứ sáu, 1/10/2021, 1:05 (GMT+7)").as_deref(), Some("2021-10-01"));
        assert_eq!(iso("Chủ nhật, 31/12/2023 - 08:00").as_deref(), Some("2023-12-31"));
        assert_eq!(iso("07/02/2024").as_deref(), Some("2024-02-07"));
        assert_eq!(iso("24-04-2021").as_deref(), Some("2021-04-24"));
        assert_eq!(iso("24.04.2021").as_deref(), Some("2021-04-24"));
        assert_eq!(iso("ngày 24 tháng 4 năm 2021").as_deref(), Some("2021-04-24"));
        assert_eq!(iso("08:15 ngày 24/04/2021").as_deref(), Some("2021-04-24"));
    }

    #[test]
    fn data_set_forms() {
        assert_eq!(iso("20210424").as_deref(), Some("2021-04-24"));
        assert_eq!(parse_json(&json!(20210424)), Hint::Date("2021-04-24".into()));
        assert_eq!(iso("2021-04-24").as_deref(), Some("2021-04-24"));
        assert_eq!(iso("2021-04-24T23:41:00+07:00").as_deref(), Some("2021-04-24"));
        assert_eq!(iso("2021-04-24 23:41:00Z").as_deref(), Some("2021-04-24"));
        assert_eq!(iso("2021/04/24").as_deref(), Some("2021-04-24"));
        assert_eq!(parse_json(&json!(1_619_222_400)), Hint::Date("2021-04-24".into()));
        assert_eq!(parse_json(&json!(1_619_222_400_000_i64)), Hint::Date("2021-04-24".into()));
        assert_eq!(iso("02/24/2024").as_deref(), Some("2024-02-24"), "month/day only when the day cannot be a month");
    }

    #[test]
    fn missing_is_not_a_warning() {
        for s in ["", "  ", "N/A", "n/a", "null", "-"] {
            assert_eq!(parse_str(s), Hint::Missing, "{s:?}");
        }
        assert_eq!(parse_json(&serde_json::Value::Null), Hint::Missing);
    }

    #[test]
    fn never_a_wrong_date() {
        for s in ["7220-24-23", "32/13/2024", "2442", "hôm qua", "7/2/24", "1/10", "99999999", "31/02/2024", "Thứ tư", "0/0/0"] {
            assert!(matches!(parse_str(s), Hint::Unreadable(_)), "{s:?} → {:?}", parse_str(s));
        }
        assert!(matches!(parse_json(&json!(1.5)), Hint::Unreadable(_)));
        assert!(matches!(parse_json(&json!([2024])), Hint::Unreadable(_)));
        assert!(matches!(parse_json(&json!(24)), Hint::Unreadable(_)));
    }
}
