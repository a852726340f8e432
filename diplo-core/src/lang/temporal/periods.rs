//! Periods: months, quarters, halves, years, year ranges and relative
//! periods ("năm qua", "6 tháng đầu năm 2025", "quý I/2025"), with their
//! bounds. Days and day ranges are read by the parent module.

use super::*;

pub(super) fn collect_periods(text: &str, r: &Resolver, windows: &DigitWindows, out: &mut Vec<Temporal>) {
    for c in MONTH.captures_iter(text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let m = match c.name("m").map(|m| m.as_str()) {
            Some("giêng") => 1,
            Some("chạp") => 12,
            s => s.and_then(|s| s.parse().ok()).unwrap_or(0),
        };
        if !(1..=12).contains(&m) || !boundary_ok(text, &m0) || prev_word(text, m0.start).chars().all(|c| c.is_ascii_digit()) && !prev_word(text, m0.start).is_empty() {
            continue;
        }
        let stated = num(c.name("y")).or(num(c.name("y2"))).filter(|&y| year_ok(y)).map(|y| y as i32);
        let year = match c.name("rel") {
            Some(rel) => relative_year(r, rel.as_str()),
            None => stated.or_else(|| r.year_for_month(m)),
        };
        let mut t = blank(m0);
        t.year_inferred = stated.is_none() && year.is_some();
        if let Some(y) = year {
            t.start = Date::new(y, m, 1);
            t.end = Some(Date::month_end(y, m));
            t.date = Some(format!("{y:04}-{m:02}"));
        } else {
            t.date = Some(format!("--{m:02}"));
        }
        out.push(t);
    }
    for c in MONTH_RANGE.captures_iter(text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let (Some(m1), Some(m2)) = (num(c.name("m1")), num(c.name("m2"))) else { continue };
        if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || !boundary_ok(text, &m0) || text[m0.end..].starts_with(['/', '.']) {
            continue;
        }
        let y2 = num(c.name("y2")).or(num(c.name("y3"))).filter(|&y| year_ok(y)).map(|y| y as i32);
        let y1 = num(c.name("y1")).filter(|&y| year_ok(y)).map(|y| y as i32).or_else(|| y2.map(|y| if m1 > m2 { y - 1 } else { y }));
        let mut t = blank(m0);
        let (y1, y2) = match (y1, y2.or(y1)) {
            (Some(a), Some(b)) => (a, b),
            _ => match r.current_year() {
                Some(y) => {
                    t.year_inferred = true;
                    (y, y)
                }
                None => continue,
            },
        };
        if (y1, m1) > (y2, m2) {
            continue;
        }
        t.start = Date::new(y1, m1, 1);
        t.end = Some(Date::month_end(y2, m2));
        t.date = Some(format!("{y1:04}-{m1:02}"));
        t.end_date = Some(format!("{y2:04}-{m2:02}"));
        out.push(t);
    }
    for c in QUARTER.captures_iter(text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        if !boundary_ok(text, &m0) {
            continue;
        }
        let q = roman_quarter(c.name("q").map_or("1", |m| m.as_str()));
        let stated = num(c.name("y")).or(num(c.name("y2"))).filter(|&y| year_ok(y)).map(|y| y as i32);
        let mut t = blank(m0);
        if let Some(y) = stated.or_else(|| r.current_year()) {
            t.year_inferred = stated.is_none();
            t.start = Date::new(y, 3 * q - 2, 1);
            t.end = Some(Date::month_end(y, 3 * q));
        }
        out.push(t);
    }
    for c in MONTHS.captures_iter(text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let n = match c.name("n").map(|m| m.as_str()) {
            Some("ba") => 3,
            Some("sáu") => 6,
            Some("chín") => 9,
            s => s.and_then(|s| s.parse().ok()).unwrap_or(0),
        };
        let said_year = c.name("y").is_some() || c.name("rel").is_some() || text[m0.clone()].contains("năm");
        // "xuất khẩu 7 tháng đạt …": the months a figure covers, told by its verb;
        // "Tính chung 11 tháng, …" by the comma; "trong vòng 1 tháng, …" is a length.
        let before = prev_word(text, m0.start);
        let duration = TIME_CUES.contains("months_duration_before", before);
        let by_verb = || TIME_CUES.contains("months_follower", next_word(text, m0.end)) && !TIME_CUES.contains("months_verb_not_before", before);
        let framed = c.name("edge").is_some() || said_year || !duration && (c.name("comma").is_some() || by_verb());
        let end = m0.start + text[m0.clone()].trim_end_matches([',', ' ']).len();
        if !(1..=11).contains(&n) || !framed || !boundary_ok(text, &(m0.start..end)) {
            continue;
        }
        let mut t = blank(m0.start..end);
        let year = stated_year(r, &c, &mut t);
        if let Some(y) = year {
            let last = c.name("edge").map(|m| m.as_str()) == Some("cuối");
            let (m1, m2) = if last { (13 - n, 12) } else { (1, n) };
            t.start = Date::new(y, m1, 1);
            t.end = Some(Date::month_end(y, m2));
        }
        out.push(t);
    }
    for c in HALF.captures_iter(text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let mut t = blank(m0);
        let year = stated_year(r, &c, &mut t);
        if let Some(y) = year {
            let first = c.name("edge").map(|m| m.as_str()) == Some("đầu");
            t.start = Date::new(y, if first { 1 } else { 7 }, 1);
            t.end = Some(Date::month_end(y, if first { 6 } else { 12 }));
        }
        out.push(t);
    }
    for c in YEAR.captures_iter(text) {
        let Some(ym) = c.name("y") else { continue };
        let Some(y) = num(Some(ym)).filter(|&y| year_ok(y)) else { continue };
        let start = c.name("edge").map_or_else(|| c.get(0).map_or(0, |m| m.start() + m.as_str().len() - m.as_str().trim_start().len()), |m| m.start());
        let m0 = start..ym.end();
        if !boundary_ok(text, &m0) {
            continue;
        }
        let t = year_period(blank(m0), y as i32);
        // "đầu năm 2025" names the year but not a precise period.
        out.push(if c.name("edge").is_some() { Temporal { start: None, end: None, ..t } } else { t });
    }
    for c in windows.captures_iter(&YEAR_RANGE, text) {
        let m0 = c.get(0).map_or(0..0, |m| m.range());
        let (Some(y1), Some(y2)) = (num(c.name("y1")), num(c.name("y2"))) else { continue };
        if !year_ok(y1) || !year_ok(y2) || y1 >= y2 || y2 - y1 > 100 || !boundary_ok(text, &m0) {
            continue;
        }
        let mut t = blank(m0);
        t.start = Date::new(y1 as i32, 1, 1);
        t.end = Date::new(y2 as i32, 12, 31);
        t.date = Some(format!("{y1:04}"));
        t.end_date = Some(format!("{y2:04}"));
        out.push(t);
    }
    for (c, off) in relative_matches(text) {
        let m0 = c.get(0).map_or(0..0, |m| off + m.start()..off + m.end());
        let mut t = blank(m0.clone());
        if c.name("whole").is_some() {
            // "cả năm" (the whole year) before a verb or a break; not "cả năm nước" (all five).
            let next = next_word(text, m0.end);
            let at_break = text[m0.end..].trim_start().chars().next().is_none_or(|ch| !ch.is_alphanumeric());
            if !at_break && !TIME_CUES.contains("whole_year_follower", next) {
                continue;
            }
            // Only as a period that resolves: unanchored, it says nothing.
            let Some(y) = r.current_year() else { continue };
            t.relative = Some(Relative::ThisYear);
            t = year_period(t, y);
            t.year_inferred = true;
        } else if let Some(rel) = c.name("year").map(|m| m.as_str()) {
            // "5 năm qua", "trong hai năm tới", "những năm qua": a span of
            // years counted back or on, not the year before or after.
            // Kept as a stated span with no dates, from the count on.
            let prev = prev_word(text, m0.start);
            let prev_start = text[..m0.start].trim_end().len() - prev.len();
            // Not a multiple or a quarter/month's number: "gấp đôi năm trước", "quý 1 năm nay".
            let before_count = prev_word(text, prev_start);
            if counted_years(prev) && !matches!(before_count, "gấp" | "quý" | "tháng" | "tuần" | "ngày") && prev != "đôi" {
                t.range.start = prev_start;
                out.push(t);
                continue;
            }
            t.relative = Some(match rel {
                "nay" => Relative::ThisYear,
                "qua" | "vừa qua" => Relative::PastYear,
                "trước" | "ngoái" => Relative::PreviousYear,
                _ => Relative::NextYear,
            });
            if let Some(y) = relative_year(r, rel) {
                t = year_period(t, y);
                t.year_inferred = true;
            }
        } else if let Some(rel) = c.name("month") {
            // "hai tháng trước" is a duration ago, not the previous month.
            let prev = prev_word(text, m0.start);
            if prev.chars().next().is_some_and(|ch| ch.is_ascii_digit()) || crate::lang::words::numword_at(prev).is_some_and(|(n, _)| n == prev.len()) {
                continue;
            }
            t.relative = Some(match rel.as_str() {
                "này" => Relative::ThisMonth,
                "trước" => Relative::PreviousMonth,
                _ => Relative::NextMonth,
            });
            if let Some(doc) = r.doc {
                let (y, m) = match t.relative {
                    Some(Relative::PreviousMonth) if doc.month == 1 => (doc.year - 1, 12),
                    Some(Relative::PreviousMonth) => (doc.year, doc.month - 1),
                    Some(Relative::NextMonth) if doc.month == 12 => (doc.year + 1, 1),
                    Some(Relative::NextMonth) => (doc.year, doc.month + 1),
                    _ => (doc.year, doc.month),
                };
                t.start = Date::new(y, m, 1);
                t.end = Some(Date::month_end(y, m));
                t.date = Some(format!("{y:04}-{m:02}"));
                t.year_inferred = true;
            }
        } else if c.name("ytd").is_some() || text[t.range.clone()].starts_with("từ") {
            t.relative = Some(Relative::YearToDate);
            let stated = c.name("ytd").and_then(|m| m.as_str().parse::<i32>().ok());
            if let Some(y) = stated.or_else(|| r.current_year()) {
                t.start = Date::new(y, 1, 1);
                t.end = r.stated.filter(|d| d.year == y);
                t.date = Some(format!("{y:04}"));
                t.year_inferred = stated.is_none();
            }
        } else {
            let word = c.name("day").or(c.name("todrel")).or(c.name("tomorrow")).map_or("nay", |m| m.as_str());
            t.relative = Some(match word {
                "qua" => Relative::Yesterday,
                "mai" => Relative::Tomorrow,
                _ => Relative::Today,
            });
            t.time_of_day = c.name("tod").and_then(|m| tod(m.as_str()));
            if let Some(doc) = r.doc {
                let day = match word {
                    "qua" => prev_day(doc),
                    "mai" => next_day(doc),
                    _ => doc,
                };
                t.start = Some(day);
                t.end = Some(day);
                t.date = Some(day.iso());
                t.is_day = true;
                t.year_inferred = true;
            }
        }
        out.push(t);
    }
    for c in BARE_YEAR.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let m0 = m.range();
        let prev = text[..m0.start].chars().next_back();
        let next = text[m0.end..].trim_start().chars().next();
        if prev.is_some_and(|p| matches!(p, '/' | '-' | '.' | ',' | ':')) || text[m0.end..].starts_with(['/', '-', '.', ',']) && text[m0.end + 1..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        if next == Some('%') || crate::lang::quantity::starts_with_unit_or_scale(text[m0.end..].trim_start()) || crate::lang::quantity::is_count_not_year(text, m0.start, m0.end) {
            continue;
        }
        let y: i32 = m.as_str().parse().unwrap_or(0);
        out.push(year_period(blank(m0), y));
    }
}

/// Does `prev`, the word before "năm qua/tới/trước/sau", count the years
/// ("5", "hai", "những", "nhiều")?
fn counted_years(prev: &str) -> bool {
    const PLURAL: &[&str] = &["những", "các", "nhiều", "mấy", "vài", "mươi", "chục"];
    prev.chars().next().is_some_and(|ch| ch.is_ascii_digit()) || PLURAL.contains(&prev) || crate::lang::words::numword_at(prev).is_some_and(|(n, _)| n == prev.len())
}

/// The year of a period match: its digits ("năm 2025"), its relative year
/// ("năm nay"), or else the resolver's current year, marked inferred.
fn stated_year(r: &Resolver, c: &regex::Captures<'_>, t: &mut Temporal) -> Option<i32> {
    match (num(c.name("y")), c.name("rel").map(|m| m.as_str())) {
        (Some(y), _) => Some(y as i32),
        (None, Some(rel)) => relative_year(r, rel),
        _ => {
            t.year_inferred = true;
            r.current_year()
        }
    }
}

fn relative_year(r: &Resolver, rel: &str) -> Option<i32> {
    let doc = r.doc?;
    Some(match rel {
        "nay" => doc.year,
        // "năm qua" early in a year is the year just ended.
        "qua" | "vừa qua" => {
            if doc.month <= 3 {
                doc.year - 1
            } else {
                doc.year
            }
        }
        "trước" | "ngoái" => doc.year - 1,
        _ => doc.year + 1,
    })
}
