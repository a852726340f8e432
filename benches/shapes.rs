//! Adversarial input shapes: one document each, of any requested size, built
//! to make a stage that is not linear show it. Used by the scaling program
//! (`examples/shapes.rs`: time per MB at 1 and 10 MB, output per input byte)
//! and by the CI test (`tests/shapes.rs`: output size and record counts at
//! small sizes, never time).
//!
//! Each shape repeats a unit that exercises one kind of candidate (event
//! words, titles, numbers, dates, cue verbs, list separators …) with no
//! sentence or line boundary to stop a scan, or with boundaries everywhere.
//! Units vary a counter so that no dedup or cache hides the work.

use crate::seeds;

/// One adversarial shape.
pub struct Shape {
    pub name: &'static str,
    /// What it stresses, for the results table.
    pub what: &'static str,
    make: fn(usize) -> String,
}

impl Shape {
    /// A document of at least `bytes` bytes (and at most one unit more).
    pub fn make(&self, bytes: usize) -> String {
        (self.make)(bytes)
    }
}

/// `unit(i)` repeated until `bytes`.
fn repeat(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&unit(i));
        i += 1;
    }
    out
}

/// The seeds joined into one text, transformed by `f`, repeated to `bytes`.
fn seeds_repeated(bytes: usize, f: impl Fn(&str) -> String) -> String {
    let all = seeds().docs.join("\n\n");
    let unit = f(&all);
    repeat(bytes, |_| unit.clone())
}

/// A fixed-seed xorshift: the same soup on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Pieces that are not lexicon words: numbers in every convention, dates,
/// line breaks, tags, entities, punctuation, marks.
pub const SOUP_PIECES: &[&str] = &[
    "1", "2", "17", "253", "1.700", "205,2", "10/13", "22/7", "25-28/6/2023", "2024", "1950", "năm", "gấp", "lần", "%", "tỷ",
    "USD", "hơn", "khoảng", "từ", "đến", "\n", "\n\n", ". ", ", ", "; ", ": ", " - ", "(", ")", "\"", "“", "”", "[2]", "<p>",
    "</div>", "&nbsp;", ">>", "Ảnh:", "\u{0301}", "\u{200B}", "\u{FEFF}", "quý I/2025", "6 tháng đầu năm", "Tối", "Chiều",
    "ngày", "tháng", "thứ", "lên", "với", "và", "của", "tại", "về", "Việt Nam", "Nguyễn", "Văn", "A", "B", "q", "x",
];

/// Token soup: diplo's cue words and lexicon keywords (as written and
/// capitalised), numbers, dates, line breaks and tags, joined by a space or
/// nothing. Cue words and pieces come often, so that the short sequences
/// rules look for (a number, a word, "gấp", a line break, "năm") turn up in
/// a few thousand documents.
pub fn soup(bytes: usize, seed: u64, cues: &[String], words: &[String]) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        let roll = rng.below(10);
        let w: &str = match roll {
            0..=3 => SOUP_PIECES[rng.below(SOUP_PIECES.len())],
            4..=7 if !cues.is_empty() => &cues[rng.below(cues.len())],
            _ if !words.is_empty() => &words[rng.below(words.len())],
            _ => SOUP_PIECES[rng.below(SOUP_PIECES.len())],
        };
        if rng.below(4) == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(w);
        }
        if rng.below(5) != 0 {
            out.push(' ');
        }
    }
    out
}

/// Every shape, in the order of the results table.
pub fn all() -> Vec<Shape> {
    vec![
        Shape { name: "seeds-one-document", what: "ordinary article text, all in one document", make: |n| seeds_repeated(n, |s| s.to_string()) },
        Shape {
            name: "no-line-breaks",
            what: "article sentences with no newline at all",
            make: |n| seeds_repeated(n, |s| s.replace('\n', " ")),
        },
        Shape {
            name: "one-line-no-spaces",
            what: "one line, no whitespace",
            make: |n| seeds_repeated(n, |s| s.chars().filter(|c| !c.is_whitespace()).collect()),
        },
        Shape { name: "count-list", what: "'hơn 200 thỏa thuận, ' repeated: counts with one cue each", make: |n| repeat(n, |i| format!("hơn {} thỏa thuận, ", 200 + i % 97)) },
        Shape {
            name: "percent-chain",
            what: "'tăng 5%, 6%, …': a comparison chain in one sentence",
            make: |n| format!("Xuất khẩu tăng {}", repeat(n, |i| format!("{}%, ", 1 + i % 89))),
        },
        Shape { name: "event-words", what: "'Hội nghị ' repeated: event mentions without end", make: |n| repeat(n, |_| "Hội nghị ".to_string()) },
        Shape {
            name: "meeting-sentences",
            what: "a chaired meeting per sentence, one paragraph",
            make: |n| repeat(n, |i| format!("Tối {}/7, Thủ tướng Phạm Minh Chính chủ trì Hội nghị với các Đại sứ. ", 1 + i % 28)),
        },
        Shape { name: "titled-names", what: "'Thủ tướng Phạm Minh Chính, ' repeated: people mentions", make: |n| repeat(n, |_| "Thủ tướng Phạm Minh Chính, ".to_string()) },
        Shape {
            name: "capitalised-run",
            what: "capitalised words without punctuation: one endless name candidate",
            make: |n| repeat(n, |i| ["Nguyễn ", "Văn ", "An ", "Bình ", "Hoa ", "Kỳ ", "Đà ", "Nẵng "][i % 8].to_string()),
        },
        Shape { name: "date-chain", what: "'ngày 22/7, 23/7, …': dates without end", make: |n| repeat(n, |i| format!("ngày {}/{}, ", 1 + i % 28, 1 + i % 12)) },
        Shape { name: "number-run", what: "bare numbers and digit groups", make: |n| repeat(n, |i| format!("{}.{:03} {},{} ", i % 1000, i % 997, i % 90, i % 9)) },
        Shape {
            name: "comparison-chain",
            what: "'gấp 2 lần năm 2024 ' repeated: comparisons and baselines",
            make: |n| repeat(n, |i| format!("gấp {} lần năm {} ", 2 + i % 7, 1990 + i % 35)),
        },
        Shape { name: "policy-list", what: "'Nghị quyết 59-NQ/TW, ' repeated: document references", make: |n| repeat(n, |i| format!("Nghị quyết {}-NQ/TW, ", 1 + i % 150)) },
        Shape {
            name: "fta-partners",
            what: "'đàm phán FTA với ASEAN, EU, Nhật Bản, ' repeated: partner lists",
            make: |n| repeat(n, |_| "đàm phán FTA với ASEAN, EU, Nhật Bản, ".to_string()),
        },
        Shape {
            name: "directive-chain",
            what: "'Thủ tướng yêu cầu các bộ, ngành ' without a full stop",
            make: |n| repeat(n, |_| "Thủ tướng yêu cầu các bộ, ngành ".to_string()),
        },
        Shape {
            name: "bridge-points",
            what: "'điểm cầu tỉnh Cao Bằng, ' repeated",
            make: |n| format!("Thủ tướng chủ trì Hội nghị trực tuyến với {}", repeat(n, |_| "điểm cầu tỉnh Cao Bằng, ".to_string())),
        },
        Shape {
            name: "mixed-scripts",
            what: "Latin, Cyrillic, CJK, Arabic with RTL marks, mixed with Vietnamese",
            make: |n| repeat(n, |i| ["Hội nghị ", "Москва ", "北京会议 ", "\u{200F}مؤتمر\u{200E} ", "Thủ tướng ", "Ελλάδα ", "12% "][i % 7].to_string()),
        },
        Shape {
            name: "html-soup",
            what: "tags and entities around short words",
            make: |n| repeat(n, |i| format!("<div class=\"a{i}\"><p>Hội&nbsp;nghị {} tỷ USD</p></div>", i % 50)),
        },
        Shape {
            name: "nfd-old-tone",
            what: "decomposed text in old tone placement: every character rewritten",
            make: |n| seeds_repeated(n, |s| crate::to_nfd(&crate::to_old_tone(s))),
        },
        Shape { name: "short-lines", what: "one word per line", make: |n| repeat(n, |i| ["Hội nghị\n", "12%\n", "Thủ tướng\n", "22/7\n"][i % 4].to_string()) },
        Shape { name: "open-brackets", what: "unbalanced brackets and quotes", make: |n| repeat(n, |i| ["(((", "“", "Hội nghị ", "\"", "[", "12 tỷ USD "][i % 6].to_string()) },
        Shape { name: "token-soup", what: "lexicon words, numbers, dates, breaks and tags at random", make: |n| soup(n, 0x5eed, &crate::cue_keywords(), &crate::lexicon_keywords()) },
    ]
}
