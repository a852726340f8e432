//! What a count counts: the words after the number ("1,43 triệu lượt
//! khách"), or the noun phrase a classifier or "tổng số" names before it in
//! its clause ("lượng khách … đạt 1,43 triệu lượt", "nâng tổng số FTA … lên
//! 17"). Split from `mod.rs`; every scan stays inside the clause.

use super::{cues, is_clause_break};
use std::ops::Range;

/// Words after the number that say what is counted, up to a clause break.
pub(super) fn counted_after(text: &str, lower: &str, from: usize, limit: usize) -> Option<Range<usize>> {
    const STOP: &[&str] = &["và", "so", "tăng", "giảm", "gấp", "trong", "tại", "với", "là", "đạt", "nhằm", "để", "thì", "nhưng", "bằng", "từ", "đến", "trên", "vào"];
    // A change's new level after the number: "từ 1,1 triệu lên 1,5 triệu người" counts nothing at 1,1.
    const FIRST_STOP: &[&str] = &["lên", "xuống", "còn"];
    let mut end = from;
    let mut words = 0;
    let mut pos = from;
    for w in text[from..limit].split(' ') {
        let wstart = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let lw = &lower[wstart..wstart + w.len()];
        let cut = w.find(is_clause_break).or_else(|| w.find(['.', '!', '?', '…']));
        // What follows a count must be a noun: "2 rất quan trọng", "1 hiện đang",
        // "54 26" count nothing.
        // Nor a dash or a bullet: "Vành đai 4 - Vùng Thủ đô".
        if words == 0 && (STOP.contains(&lw) || FIRST_STOP.contains(&lw) || cues::is_cue("not_counted", lw) || !lw.starts_with(char::is_alphabetic)) {
            return None;
        }
        // An apposition after a dash says what the things are, not what is counted;
        // "và" joins only the second half of a fixed pair ("quốc gia và vùng lãnh thổ").
        let joins = lw == "và" && cues::cues("and_continues").iter().any(|c| lower[wstart + w.len()..limit].trim_start().starts_with(c.as_str()));
        if words > 0 && !joins && (STOP.contains(&lw) || matches!(lw, "-" | "–" | "—")) || words >= 12 {
            break;
        }
        if let Some(c) = cut {
            if c > 0 {
                end = wstart + c;
            }
            break;
        }
        end = wstart + w.len();
        words += 1;
    }
    (end > from).then(|| from + (text[from..end].len() - text[from..end].trim_start().len())..end)
}

/// "lượng khách quốc tế đến Việt Nam đạt 1,43 triệu lượt": a count of a bare
/// classifier counts what "lượng"/"số" names before it in its clause.
pub(super) fn classifier_named_before(lower: &str, cl: &Range<usize>, at: usize, counted: Range<usize>) -> Range<usize> {
    if !cues::is_cue("classifier", &lower[counted.clone()]) {
        return counted;
    }
    let before = &lower[cl.start..at];
    let Some((i, lead)) = ["lượng", "số lượng", "số"].iter().rev().find_map(|l| cues::find_word(before, l).map(|i| (i, l.len()))) else { return counted };
    // "lực lượng quân đội" (a force), "chất lượng" (quality): a compound, not an amount of.
    if cues::cues("not_amount_lead").iter().any(|c| before[..i].trim_end().ends_with(c.as_str())) {
        return counted;
    }
    let from = cl.start + i + lead;
    let rest = &lower[from..at];
    let skip = rest.len() - rest.trim_start().len();
    let words = rest.trim_start().split(' ').take_while(|w| !w.is_empty() && !cues::is_cue("phrase_stop", w)).take(6).collect::<Vec<_>>();
    let len = words.join(" ").len();
    if len == 0 {
        return counted;
    }
    from + skip..from + skip + len
}

/// "nâng tổng số hiệp định thương mại tự do đã ký lên 17": a count with
/// nothing after it counts what "tổng số" names before it.
pub(super) fn total_named_before(lower: &str, cl: &Range<usize>, at: usize) -> Option<Range<usize>> {
    let before = &lower[cl.start..at];
    let b = before.trim_end().strip_suffix("lên")?.trim_end();
    let i = cues::find_word(b, "tổng số")?;
    let from = cl.start + i + "tổng số".len();
    let rest = &lower[from..cl.start + b.len()];
    let lead = rest.len() - rest.trim_start().len();
    // Up to a relative clause or a verb: "FTA | mà Việt Nam đã ký kết".
    let words = rest.trim_start().split(' ').take_while(|w| !cues::is_cue("phrase_stop", w) && *w != "mà").take(8).collect::<Vec<_>>();
    let len = words.join(" ").len();
    (len > 0).then(|| from + lead..from + lead + len)
}
