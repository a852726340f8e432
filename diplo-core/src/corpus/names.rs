//! Event names: which are specific enough to join two articles' mentions.
//!
//! "Hội nghị Cấp cao ASEAN lần thứ 36", "Tọa đàm “Vì sao …”" and
//! "Hội nghị tổng kết công tác ngoại giao kinh tế" name one event; "cuộc
//! họp", "phiên họp này", "Lễ khai mạc" or a fragment such as "Hội thảo
//! cũng" name any. A name is read as syllables: classifiers and the kind word
//! (`data/meeting_kinds.tsv`) are dropped, then anaphora, words of the
//! sentence and generic words (`data/event_names.tsv`); what is left is its
//! content. It is specific when the content has a proper word (a capital or
//! an acronym), an ordinal ("lần thứ 36", "khóa XV"), a quoted title, or
//! at least four words of topic.

use crate::text::fold;
use std::collections::HashSet;
use std::sync::LazyLock;

struct Table {
    classifiers: Vec<Vec<String>>,
    kinds: Vec<Vec<String>>,
    anaphora: Vec<Vec<String>>,
    skip: Vec<Vec<String>>,
    fragment: Vec<Vec<String>>,
}

fn syllables(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn longest_first(mut v: Vec<Vec<String>>) -> Vec<Vec<String>> {
    v.retain(|w| !w.is_empty());
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v.dedup();
    v
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut classifiers = Vec::new();
    let mut anaphora = Vec::new();
    let mut skip = Vec::new();
    let mut fragment = Vec::new();
    for r in crate::lexicon::rows(include_str!("../../data/event_names.tsv")) {
        let (Some(kind), Some(words)) = (r.first(), r.get(1)) else { continue };
        let list: Vec<Vec<String>> = words.split('|').map(syllables).collect();
        match *kind {
            "classifier" => classifiers.extend(list),
            "anaphora" => anaphora.extend(list),
            "function" | "generic" => skip.extend(list),
            "fragment" => fragment.extend(list),
            _ => {}
        }
    }
    let kinds = crate::lexicon::rows(include_str!("../../data/meeting_kinds.tsv")).filter_map(|r| r.first().map(|s| syllables(s))).collect();
    Table {
        classifiers: longest_first(classifiers),
        kinds: longest_first(kinds),
        anaphora: longest_first(anaphora),
        skip: longest_first(skip),
        fragment: longest_first(fragment),
    }
});

fn match_len(words: &[String], list: &[Vec<String>]) -> usize {
    list.iter().find(|p| words.len() >= p.len() && words[..p.len()] == p[..]).map_or(0, Vec::len)
}

/// What an event name says, read once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventName {
    /// Folded content syllables, in order (at most 12).
    pub content: Vec<String>,
    /// Ordinals written in the name ("lần thứ 36" → 36; "khóa XV" → xv).
    pub ordinals: Vec<String>,
    /// Years written in the name ("Oscar 2021").
    pub years: Vec<String>,
    /// Whether the name points back to an event named elsewhere ("phiên họp này").
    pub anaphoric: bool,
    /// Whether its content has a proper word (a capital, an acronym) or a quoted title.
    pub proper: bool,
    /// Whether it names one event (see the module docs).
    pub specific: bool,
    /// Whom the event is with, when the name says it with a proper name
    /// ("làm việc với Bộ Kế hoạch và Đầu tư" → "bo ke hoach"): its first
    /// three folded syllables. One chair's sessions of a day with different
    /// counterparts are different events.
    pub counterpart: Option<String>,
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Whether the text has punctuation right after its first `n` syllables.
fn kind_then_punctuation(text: &str, n: usize) -> bool {
    let mut seen = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                if seen == n {
                    return false;
                }
                seen += 1;
                in_word = true;
            }
        } else {
            in_word = false;
            if seen == n && matches!(c, '-' | '–' | '—' | ',' | ':' | ';' | ')' | '.') {
                return true;
            }
        }
    }
    false
}

/// Reads an event name.
pub fn read(name: &str) -> EventName {
    let t = &*TABLE;
    let text = crate::text::normalize(name).text.into_owned();
    let quoted = text.contains(['“', '"', '«']) && text.chars().filter(|c| c.is_alphabetic()).count() > 6;
    // Syllables as written (for capitals) and folded (for lists), in step.
    let raw: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(40).collect();
    let folded: Vec<String> = raw.iter().map(|w| fold(w)).collect();
    let mut i = 0;
    for _ in 0..3 {
        let n = match_len(&folded[i..], &t.classifiers);
        if n == 0 {
            break;
        }
        i += n;
    }
    i += match_len(&folded[i..], &t.kinds);
    let mut out = EventName::default();
    let mut proper = false;
    // "Lễ - Bến Tre cho biết": the kind word, then punctuation: the name ended there.
    let mut fragment = i < folded.len() && kind_then_punctuation(&text, i);
    while i < folded.len() {
        let w = &folded[i];
        if match_len(&folded[i..], &t.fragment) > 0 {
            fragment = true;
            break;
        }
        if (w == "thu" || w == "khoa") && i + 1 < folded.len() && (folded[i + 1].chars().all(|c| c.is_ascii_digit()) || is_roman(raw[i + 1])) {
            out.ordinals.push(folded[i + 1].clone());
            i += 2;
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
                out.years.push(w.clone());
            }
            i += 1;
            continue;
        }
        let a = match_len(&folded[i..], &t.anaphora);
        if a > 0 {
            out.anaphoric = true;
            i += a;
            continue;
        }
        let s = match_len(&folded[i..], &t.skip);
        if s > 0 {
            i += s;
            continue;
        }
        let r = raw[i];
        let upper = r.chars().filter(|c| c.is_uppercase()).count();
        if r.chars().next().is_some_and(char::is_uppercase) || upper >= 2 {
            proper = true;
        }
        if out.content.len() < 12 {
            out.content.push(w.clone());
        }
        i += 1;
    }
    out.counterpart = counterpart(&raw, &folded);
    let topic = out.content.len() >= 4;
    out.proper = !fragment && !out.content.is_empty() && (proper || quoted);
    out.specific = !fragment && !out.content.is_empty() && (proper || !out.ordinals.is_empty() || quoted || (topic && !out.anaphoric));
    out
}

/// The first three syllables after "với" when a capital follows it.
fn counterpart(raw: &[&str], folded: &[String]) -> Option<String> {
    let j = folded.iter().position(|w| w == "voi")?;
    raw.get(j + 1).filter(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    Some(folded[j + 1..(j + 4).min(folded.len())].join(" "))
}

/// Whether two names say the event is with different counterparts (neither
/// begins the other: "bo ke hoach" and "bo giao thong", not "bo" and "bo ke hoach").
pub fn other_counterparts(a: &EventName, b: &EventName) -> bool {
    match (&a.counterpart, &b.counterpart) {
        (Some(x), Some(y)) => !x.starts_with(y.as_str()) && !y.starts_with(x.as_str()),
        _ => false,
    }
}

/// Whether two names can be one event's: the same specific content, or
/// the content of one beginning the other's when the shorter has a proper
/// word ("Hội nghị cấp cao ASEAN" and "… ASEAN lần thứ 36", not "hội nghị
/// hiệp thương lần thứ 3" and "Hội nghị Hiệp thương chính trị Hồ Nam"); and
/// no ordinal or year that differs.
pub fn compatible(a: &EventName, b: &EventName) -> bool {
    let (short, long) = if a.content.len() <= b.content.len() { (a, b) } else { (b, a) };
    let names_meet = if short.content.len() == long.content.len() { short.specific && short.content == long.content } else { short.proper && long.content.starts_with(&short.content) };
    names_meet && !clash(&a.ordinals, &b.ordinals) && !clash(&a.years, &b.years)
}

/// Both say something and nothing in common: "lần thứ 36" and "lần thứ 37".
pub fn clash(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let sa: HashSet<&String> = a.iter().collect();
    !b.iter().any(|x| sa.contains(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_with_other_counterparts_are_other_events() {
        let a = read("cuộc làm việc với Bộ Kế hoạch và Đầu tư");
        let b = read("buổi làm việc đầu tiên với Bộ Giao thông vận tải");
        assert_eq!(a.counterpart.as_deref(), Some("bo ke hoach"));
        assert!(other_counterparts(&a, &b));
        // The same counterpart, told shorter or longer; or none told.
        assert!(!other_counterparts(&a, &read("buổi làm việc với Bộ Kế hoạch và Đầu tư (KH&ĐT)")));
        assert!(!other_counterparts(&read("hội đàm với Thủ tướng"), &read("hội đàm với Thủ tướng Lý Cường")));
        assert!(!other_counterparts(&a, &read("buổi làm việc")));
        assert_eq!(read("hội đàm với các đối tác").counterpart, None);
    }

    #[test]
    fn generic_and_anaphoric_names_are_not_specific() {
        for n in ["cuộc họp", "Phiên họp này", "phiên họp đó", "chuyến công tác", "chuyến thăm", "buổi làm việc", "Lễ khai mạc", "lễ ký kết", "cuộc họp báo", "Hội thảo cũng", "cuộc họp khẩn", "Phiên họp thường kỳ tiếp", "cuộc họp HĐQT", "phiên họp ĐHĐCĐ", "Tọa đàm trực tuyến bắt đầu", "hội nghị này", "Kỳ họp thứ 5", "Hội nghị thượng đỉnh", "Lễ - Bến Tre cho biết"] {
            assert!(!read(n).specific, "{n:?} → {:?}", read(n));
        }
        assert!(read("phiên họp này").anaphoric);
    }

    #[test]
    fn specific_names() {
        for n in ["Hội nghị Cấp cao ASEAN lần thứ 36", "Diễn đàn Tương lai ASEAN", "Hội nghị Thượng đỉnh P4G", "Lễ trao giải Oscar 2021", "hội nghị tổng kết công tác ngoại giao kinh tế năm 2025", "Tọa đàm \"Vì sao nên giáo dục trẻ em về tiền ngay từ bé?\"", "Kỳ họp thứ 5 Quốc hội khóa XV", "cuộc họp báo thường kỳ Bộ Tài nguyên"] {
            assert!(read(n).specific, "{n:?} → {:?}", read(n));
        }
    }

    #[test]
    fn compatibility() {
        let c = |a: &str, b: &str| compatible(&read(a), &read(b));
        assert!(c("Hội nghị Cấp cao ASEAN lần thứ 36", "Hội nghị cấp cao ASEAN"));
        assert!(c("Hội nghị thượng đỉnh P4G", "Hội nghị Thượng đỉnh P4G"));
        assert!(c("Lễ hội Hadaka Matsuri còn", "Lễ hội Hadaka Matsuri"));
        assert!(!c("Hội nghị Cấp cao ASEAN lần thứ 36", "Hội nghị Cấp cao ASEAN lần thứ 37"));
        assert!(!c("Lễ trao giải Oscar 2021", "Lễ trao giải Oscar 2020"));
        assert!(!c("chuyến công tác", "chuyến công tác"), "generic names never join");
        assert!(!c("phiên họp ĐHĐCĐ", "phiên họp ĐHĐCĐ thường niên Công ty cổ phần chứng khoán BOS"));
        assert!(!c("hội nghị hiệp thương lần thứ 3", "Hội nghị Hiệp thương chính trị Hồ Nam"));
        assert!(!c("buổi họp báo của chính quyền TP tổ chức", "buổi họp báo của chính quyền TP Đà Nẵng"));
        assert!(c("hội nghị tổng kết công tác ngoại giao kinh tế năm 2025", "Hội nghị tổng kết công tác ngoại giao kinh tế"));
    }
}
