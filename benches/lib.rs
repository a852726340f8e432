//! Shared helpers for the benchmarks: inputs from `seeds/` and the shared
//! corpus, the generated corpus (seeds repeated, with NFD and old-tone
//! variants), diplo's lexicon keywords, and peak memory.
//!
//! Every loader is forgiving: a missing corpus is reported on stderr and
//! skipped, never an error, so the benches run from a bare clone.

pub mod shapes;

use std::fs;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// A named set of documents measured together.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub docs: Vec<String>,
}

impl Input {
    pub fn new(name: impl Into<String>, docs: Vec<String>) -> Self {
        Input { name: name.into(), docs }
    }

    /// Total UTF-8 bytes of the documents.
    pub fn bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.len() as u64).sum()
    }

    /// The same documents through `f`, under a new name.
    pub fn map(&self, name: impl Into<String>, f: impl Fn(&str) -> String) -> Input {
        Input { name: name.into(), docs: self.docs.iter().map(|d| f(d)).collect() }
    }
}

/// The repository root (the parent of `benches/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("benches/ has a parent").to_path_buf()
}

/// The five seed articles, sorted by file name.
pub fn seeds() -> Input {
    let dir = repo_root().join("seeds");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display())))
        .collect();
    Input::new("seeds", docs)
}

/// Where the shared corpus is: `$DIPLO_CORPUS`, else `<repo>/../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("DIPLO_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => repo_root().join("..").join("shared").join("corpus"),
    }
}

/// The `text` field of every line of a JSONL file (lines without one are skipped).
pub fn read_jsonl_texts(path: &Path) -> std::io::Result<Vec<String>> {
    let raw = fs::read_to_string(path)?;
    Ok(raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect())
}

/// The real articles of the shared corpus (`*.jsonl`, field `text`), or
/// `None` with a message on stderr when the corpus is absent or empty.
pub fn corpus() -> Option<Input> {
    let dir = corpus_dir();
    let mut paths: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect(),
        Err(_) => {
            eprintln!("diplo-benches: no corpus at {} — skipping the corpus input", dir.display());
            return None;
        }
    };
    paths.sort();
    let mut docs = Vec::new();
    for p in &paths {
        match read_jsonl_texts(p) {
            Ok(t) => docs.extend(t),
            Err(e) => eprintln!("diplo-benches: cannot read {}: {e} — skipped", p.display()),
        }
    }
    if docs.is_empty() {
        eprintln!("diplo-benches: no articles in {} — skipping the corpus input", dir.display());
        return None;
    }
    Some(Input::new("corpus", docs))
}

/// Canonical decomposition (NFD): what some scrapers and Mac keyboards produce.
pub fn to_nfd(s: &str) -> String {
    s.nfd().collect()
}

/// Modern tone placement and its old-style spelling (òa → oà, ủy → uỷ …),
/// same byte length on both sides.
const OLD_TONE: &[(&str, &str)] = &[
    ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
    ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ"),
    ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
    ("Òa", "Oà"), ("Óa", "Oá"), ("Ỏa", "Oả"), ("Õa", "Oã"), ("Ọa", "Oạ"),
    ("Ùy", "Uỳ"), ("Úy", "Uý"), ("Ủy", "Uỷ"), ("Ũy", "Uỹ"), ("Ụy", "Uỵ"),
];

/// The old tone placement (hòa → hoà, thủy → thuỷ) at the end of a syllable.
pub fn to_old_tone(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    'outer: while i < s.len() {
        let rest = &s[i..];
        for (modern, old) in OLD_TONE {
            if let Some(after) = rest.strip_prefix(modern) {
                if !after.chars().next().is_some_and(char::is_alphabetic) {
                    out.push_str(old);
                    i += modern.len();
                    continue 'outer;
                }
            }
        }
        let c = rest.chars().next().expect("i is on a char boundary");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// `docs` repeated (in order, cycling) until at least `target` bytes.
pub fn repeat_to(docs: &[String], target: u64) -> Vec<String> {
    assert!(!docs.is_empty(), "nothing to repeat");
    let mut out = Vec::new();
    let mut total = 0u64;
    for d in docs.iter().cycle() {
        if total >= target {
            break;
        }
        total += d.len() as u64;
        out.push(d.clone());
    }
    out
}

/// The generated corpus: the seeds repeated to about `target` bytes, one
/// document in three as is, one decomposed (NFD), one in old tone placement.
pub fn generated(target: u64) -> Input {
    let seeds = seeds();
    let variants: Vec<[String; 3]> =
        seeds.docs.iter().map(|d| [d.clone(), to_nfd(d), to_old_tone(d)]).collect();
    let mut docs = Vec::new();
    let mut total = 0u64;
    let mut k = 0usize;
    while total < target {
        let v = &variants[k % variants.len()][(k / variants.len()) % 3];
        total += v.len() as u64;
        docs.push(v.clone());
        k += 1;
    }
    Input::new(format!("generated-{}mb", target / 1_000_000), docs)
}

/// The input without the documents on which `diplo_core::extract` panics
/// (a diplo bug: each one is reported on stderr with the panic message), so
/// a benchmark still measures the rest instead of aborting.
pub fn without_panics(input: Input) -> Input {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let opts = diplo_core::Options::default();
    let mut kept = Vec::with_capacity(input.docs.len());
    let mut dropped = 0usize;
    for (i, d) in input.docs.into_iter().enumerate() {
        match std::panic::catch_unwind(|| diplo_core::extract(&d, &opts).map(|_| ())) {
            Ok(_) => kept.push(d),
            Err(e) => {
                dropped += 1;
                let msg = e
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                if dropped <= 5 {
                    eprintln!("diplo-benches: {} document {i}: extract panicked ({msg}) — left out", input.name);
                }
            }
        }
    }
    std::panic::set_hook(hook);
    if dropped > 0 {
        eprintln!("diplo-benches: {}: {dropped} document(s) left out because extract panics on them", input.name);
    }
    Input { name: input.name, docs: kept }
}

/// The inputs of the stage benches: seeds, the shared corpus when present,
/// and the generated corpus of `generated_bytes`.
/// Documents on which `extract` panics are left out (see [`without_panics`]).
pub fn bench_inputs(generated_bytes: u64) -> Vec<Input> {
    let mut v = vec![seeds()];
    v.extend(corpus());
    v.push(generated(generated_bytes));
    v.into_iter().map(without_panics).collect()
}

/// Every keyword of diplo's lexicons (`diplo-core/data/*.tsv`), lower-cased
/// and de-duplicated: the words a single-pass scanner has to find.
pub fn lexicon_keywords() -> Vec<String> {
    keywords_of(|_| true)
}

/// The keywords of the cue tables only (`*_cues.tsv`, `quantity_words.tsv`):
/// the words rules are triggered by.
pub fn cue_keywords() -> Vec<String> {
    keywords_of(|stem| stem.ends_with("_cues") || stem == "quantity_words")
}

fn keywords_of(wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let dir = repo_root().join("diplo-core").join("data");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    let mut words: Vec<String> = Vec::new();
    for p in &paths {
        let table = fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if !wanted(stem) {
            continue;
        }
        for row in diplo_core::lexicon::rows(&table) {
            let cell = |i: usize| row.get(i).copied().unwrap_or("");
            // Which column(s) hold the words, per table (see each file's header).
            let cells: Vec<&str> = match stem {
                "agreements" => vec![cell(0), cell(2)],
                "furniture" if cell(0) != "regex" => vec![cell(1)],
                "furniture" => vec![],
                "indicators" => vec![cell(2)],
                "partners" => vec![cell(2)],
                "commitment_cues" | "meeting_cues" | "metric_cues" | "quantity_words" => vec![cell(1)],
                _ => vec![cell(0)], // meeting_kinds, regions, surnames, titles, and any new table
            };
            for c in cells {
                for w in c.split('|') {
                    let w = w.trim();
                    if !w.is_empty() {
                        words.push(diplo_core::text::lowercase_same_len(&diplo_core::text::normalize(w).text));
                    }
                }
            }
        }
    }
    words.sort();
    words.dedup();
    words
}

/// A field of `/proc/self/status` in kB (`VmHWM` = peak RSS, `VmRSS` = now).
pub fn proc_status_kb(field: &str) -> Option<u64> {
    let s = fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}

/// Peak resident memory of this process, kB (Linux; `None` elsewhere).
pub fn peak_rss_kb() -> Option<u64> {
    proc_status_kb("VmHWM")
}

/// CPU time (user + system, all threads) of this process so far, seconds
/// (Linux, 1/100 s resolution). Wall time on a busy machine says little;
/// MB per CPU second still does.
pub fn cpu_secs() -> Option<f64> {
    let s = fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Megabytes (10^6 bytes) per second.
pub fn mb_per_s(bytes: u64, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

/// The median of some measurements (sorted in place).
pub fn median(xs: &mut [f64]) -> f64 {
    assert!(!xs.is_empty());
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 }
}

/// The physical references diplo is compared with: what one pass of the
/// plainest tool costs on the same bytes.
pub mod reference {
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
    use regex::Regex;

    /// One automaton over every lexicon keyword, leftmost-longest, of the
    /// given kind (`ContiguousNFA` or `DFA`).
    pub fn lexicon_automaton(kind: AhoCorasickKind) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(super::lexicon_keywords())
            .expect("the lexicon keywords build an automaton")
    }

    /// Matches of one automaton pass over `text`.
    pub fn count_keywords(ac: &AhoCorasick, text: &str) -> usize {
        ac.find_iter(text).count()
    }

    /// One plain number regex (digit groups with `.` or `,`).
    pub fn number_regex() -> Regex {
        Regex::new(r"\d+(?:[.,]\d+)*").expect("a valid regex")
    }

    /// True when the bytes hold a combining mark (U+0300..U+036F and the rarer
    /// blocks): the cheap test that lets NFC be skipped on NFC text.
    pub fn has_combining_marks(bytes: &[u8]) -> bool {
        bytes.windows(2).any(|w| {
            matches!(w[0], 0xCC | 0xCD)
                || (w[0] == 0xE1 && matches!(w[1], 0xAA | 0xB7))
                || (w[0] == 0xE2 && w[1] == 0x83)
                || (w[0] == 0xEF && w[1] == 0xB8)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_tone_swaps_at_syllable_end_only() {
        assert_eq!(to_old_tone("hòa bình, Ủy ban, thủy"), "hoà bình, Uỷ ban, thuỷ");
        assert_eq!(to_old_tone("khỏe"), "khoẻ");
        let s = "Thủ tướng hòa";
        assert_eq!(to_old_tone(s).len(), s.len());
    }

    #[test]
    fn generated_has_three_variants_and_normalises_back() {
        let g = generated(200_000);
        assert!(g.bytes() >= 200_000);
        let seeds = seeds();
        let n = seeds.docs.len();
        // Document n is seed 0 in NFD; 2n is seed 0 in old tone placement.
        assert_ne!(g.docs[n], seeds.docs[0]);
        assert_eq!(g.docs[n], to_nfd(&seeds.docs[0]));
        assert_ne!(g.docs[2 * n], seeds.docs[0]);
        assert_eq!(diplo_core::text::normalize(&g.docs[2 * n]).text, diplo_core::text::normalize(&seeds.docs[0]).text);
    }

    #[test]
    fn lexicon_has_keywords() {
        let k = lexicon_keywords();
        assert!(k.len() > 300, "{}", k.len());
        assert!(k.iter().any(|w| w == "thủ tướng"));
    }

    #[test]
    fn corpus_absent_is_none() {
        // A directory that does not exist is skipped, not an error.
        std::env::set_var("DIPLO_CORPUS", "/nonexistent/diplo-corpus");
        assert!(corpus().is_none());
        std::env::remove_var("DIPLO_CORPUS");
    }
}
