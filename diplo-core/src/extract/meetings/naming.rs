//! The name and topic of an event mention: the words after its trigger up to
//! a stop word or the clause end ("Hội nghị quốc tế lần thứ tư về Tài trợ cho
//! Phát triển"), a quoted title, and the topic after "về".

use std::ops::Range;
use std::sync::LazyLock;

/// Words that end an event's name (`name_stop` in `data/meeting_cues.tsv`),
/// each with the space before it.
static NAME_STOPS: LazyLock<Vec<String>> = LazyLock::new(|| super::lexicon::cues("name_stop").iter().map(|w| format!(" {w}")).collect());

/// Where `stop` first ends a name in `rest` (lower case, starting at `base` of
/// the text): a stop word written with a capital belongs to the name ("Lễ kỷ
/// niệm 50 năm Ngày thiết lập …"), and so does "về" before a capitalised word
/// ("Hội nghị quốc tế lần thứ tư về Tài trợ cho Phát triển").
fn name_stop(text: &str, rest: &str, base: usize, clause_end: usize, stop: &str) -> Option<usize> {
    rest[..clause_end].match_indices(stop).map(|(i, _)| i).find(|&i| {
        let word = &text[base + i + 1..];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let after = &text[base + i + stop.len()..];
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        let after_stop = after.trim_start_matches(' ').chars().next().is_some_and(char::is_uppercase);
        let next_capital = stop == " về" && after_stop;
        // "hội đàm ở Jakarta" ends before the place; "… Việt Nam ở nước ngoài" does not.
        let not_a_place = stop == " ở" && !after_stop;
        !capital && !next_capital && !not_a_place
    })
}

/// The name (from the trigger on) and topic of the mention triggered at
/// `trig`, read no further than `limit` and the mention reach.
pub fn name_and_topic(text: &str, lower: &str, trig: Range<usize>, limit: usize) -> (Range<usize>, Option<Range<usize>>) {
    let limit = crate::text::floor_char(text, limit.min(trig.end + super::MENTION_REACH)).max(trig.end);
    let rest = &lower[trig.end..limit];
    let clause_end = rest.find([',', ';', '.', ':', '(', ')', '"']).unwrap_or(rest.len());
    let stop = NAME_STOPS.iter().filter_map(|s| name_stop(text, rest, trig.end, clause_end, s)).min().unwrap_or(clause_end);
    let mut end = trig.end + stop;
    // Never end on a dash or a caption marker.
    end = trig.end + text[trig.end..end].trim_end_matches([' ', '-', '…', '.']).len();
    // "tọa đàm “Ngoại giao kinh tế đồng hành cùng doanh nghiệp”": the quoted title names it.
    if let Some(q) = text[trig.end..limit].strip_prefix(" \"") {
        if let Some(close) = q.find('"').filter(|&i| i > 0 && i < 200) {
            end = trig.end + 2 + close + 1;
        }
    }
    let name = trig.start..end;
    let topic = rest[..clause_end].find(" về ").filter(|&i| i == stop).map(|i| {
        let t0 = trig.end + i + " về ".len();
        let t1 = trig.end + clause_end.max(i + 4);
        let t_end = text[t0..t1.min(limit)].find(" - ").map_or(t1.min(limit), |d| t0 + d);
        t0..t_end
    });
    (name, topic)
}
