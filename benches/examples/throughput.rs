//! Times one tool over an input, single pass per run, and prints one JSON
//! line (MB/s, documents/s, peak RSS). The comparison harness
//! (`benches/compare/run.sh`) runs it once per tool so that each peak memory
//! figure is that tool's own.
//!
//! ```text
//! cargo run --release -p diplo-benches --example throughput -- \
//!     [--tool extract|extract-many|ac-nfa|ac-dfa|number-regex|nfc] \
//!     [--threads N] [--runs K] [--mb MB] [INPUT.jsonl | FILE.txt ...]
//! ```
//! Without input files the seeds are repeated to `--mb` megabytes (default 10).
//! `.jsonl` inputs are read for their `text` field.
//!
//! - `extract`: `diplo_core::extract` per document on this thread;
//! - `extract-many`: `diplo_core::extract_many` on a rayon pool of `--threads`;
//! - `ac-nfa`, `ac-dfa`: one aho-corasick pass over every lexicon keyword,
//!   on the normalised lower-cased text (prepared before timing);
//! - `number-regex`: one `\d+(?:[.,]\d+)*` pass;
//! - `nfc`: `unicode-normalization` NFC of each document.

use aho_corasick::AhoCorasickKind;
use diplo_benches::reference::{count_keywords, lexicon_automaton, number_regex};
use diplo_benches::{cpu_secs, mb_per_s, median, peak_rss_kb, read_jsonl_texts, repeat_to, seeds, without_panics, Input};
use diplo_core::text::{lowercase_same_len, normalize};
use diplo_core::{extract, extract_many, Options};
use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use unicode_normalization::UnicodeNormalization;

fn usage() -> ExitCode {
    eprintln!(
        "usage: throughput [--tool extract|extract-many|ac-nfa|ac-dfa|number-regex|nfc] [--threads N] [--runs K] [--mb MB] [INPUT.jsonl | FILE.txt ...]"
    );
    ExitCode::from(2)
}

fn load(files: &[String], mb: f64) -> Result<Input, String> {
    if files.is_empty() {
        let s = seeds();
        return Ok(Input::new(format!("seeds x{:.0} MB", mb), repeat_to(&s.docs, (mb * 1e6) as u64)));
    }
    let mut docs = Vec::new();
    for f in files {
        let p = Path::new(f);
        if p.extension().is_some_and(|x| x == "jsonl") {
            docs.extend(read_jsonl_texts(p).map_err(|e| format!("{f}: {e}"))?);
        } else {
            docs.push(std::fs::read_to_string(p).map_err(|e| format!("{f}: {e}"))?);
        }
    }
    Ok(Input::new(files.join(" "), docs))
}

fn main() -> ExitCode {
    let mut tool = "extract".to_string();
    let mut threads = 1usize;
    let mut runs = 3usize;
    let mut mb = 10.0f64;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let r: Result<(), String> = match a.as_str() {
            "--tool" => value("--tool").map(|v| tool = v),
            "--threads" => value("--threads").and_then(|v| v.parse().map_err(|e| format!("--threads: {e}"))).map(|v| threads = v),
            "--runs" => value("--runs").and_then(|v| v.parse().map_err(|e| format!("--runs: {e}"))).map(|v| runs = v),
            "--mb" => value("--mb").and_then(|v| v.parse().map_err(|e| format!("--mb: {e}"))).map(|v| mb = v),
            "-h" | "--help" => return usage(),
            _ => {
                files.push(a);
                Ok(())
            }
        };
        if let Err(e) = r {
            eprintln!("throughput: {e}");
            return usage();
        }
    }
    let input = match load(&files, mb) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Documents that make extract panic (a diplo bug) are reported and left out.
    let input = if tool.starts_with("extract") { without_panics(input) } else { input };
    let bytes = input.bytes();
    let docs = input.docs.len();
    let opts = Options::default();

    // Each tool: a closure doing one full pass and returning a count to report.
    let lower: Vec<String>;
    let items: Vec<(String, Options)>;
    let mut pass: Box<dyn FnMut() -> usize> = match tool.as_str() {
        "extract" => Box::new(|| {
            input
                .docs
                .iter()
                .map(|d| extract(black_box(d), &opts).map_or(0, |doc| doc.metrics.len() + doc.meetings.len() + doc.commitments.len()))
                .sum()
        }),
        "extract-many" => {
            items = input.docs.iter().map(|d| (d.clone(), Options::default())).collect();
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a rayon pool");
            let items = &items;
            Box::new(move || {
                pool.install(|| extract_many(black_box(items)))
                    .iter()
                    .map(|r| r.as_ref().map_or(0, |doc| doc.metrics.len() + doc.meetings.len() + doc.commitments.len()))
                    .sum()
            })
        }
        "ac-nfa" | "ac-dfa" => {
            lower = input.docs.iter().map(|d| lowercase_same_len(&normalize(d).text)).collect();
            let kind = if tool == "ac-dfa" { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
            let ac = lexicon_automaton(kind);
            let lower = &lower;
            Box::new(move || lower.iter().map(|d| count_keywords(&ac, black_box(d))).sum())
        }
        "number-regex" => {
            let re = number_regex();
            let input = &input;
            Box::new(move || input.docs.iter().map(|d| re.find_iter(black_box(d)).count()).sum())
        }
        "nfc" => Box::new(|| input.docs.iter().map(|d| black_box(d).nfc().collect::<String>().len()).sum()),
        other => {
            eprintln!("throughput: unknown tool {other}");
            return usage();
        }
    };

    let mut secs = Vec::with_capacity(runs.max(1));
    let mut count = 0;
    let cpu0 = cpu_secs();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        count = black_box(pass());
        secs.push(t.elapsed().as_secs_f64());
    }
    let cpu = cpu_secs().zip(cpu0).map(|(b, a)| (b - a) / secs.len() as f64);
    let med = median(&mut secs);
    let threads_used = if tool == "extract-many" { threads } else { 1 };
    eprintln!(
        "{tool} ({threads_used} thread(s)): {:.2} MB in {docs} documents, median of {} runs {:.3} s: {:.1} MB/s, {:.0} docs/s; {:.2} CPU s per run",
        bytes as f64 / 1e6,
        secs.len(),
        med,
        mb_per_s(bytes, med),
        docs as f64 / med,
        cpu.unwrap_or(f64::NAN)
    );
    println!(
        "{}",
        serde_json::json!({
            "tool": tool,
            "threads": threads_used,
            "input": input.name,
            "docs": docs,
            "bytes": bytes,
            "runs": secs.len(),
            "secs_median": med,
            "mb_s": mb_per_s(bytes, med),
            "docs_s": docs as f64 / med,
            "count": count,
            "cpu_s_per_run": cpu,
            "mb_per_cpu_s": cpu.filter(|c| *c > 0.0).map(|c| mb_per_s(bytes, c)),
            "peak_rss_kb": peak_rss_kb(),
        })
    );
    ExitCode::SUCCESS
}
