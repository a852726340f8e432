//! Physical references on the generated ~10 MB corpus, normalised and
//! lower-cased (what diplo's scanners read): one aho-corasick pass over every
//! keyword of `diplo-core/data/*.tsv` (contiguous NFA and DFA), one number
//! regex, `unicode-normalization` NFC on text already NFC, and the byte scan
//! for combining marks that lets diplo skip NFC.
//!
//! ```text
//! cargo bench -p diplo-benches --bench reference
//! ```

use aho_corasick::AhoCorasickKind;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use diplo_benches::reference::{count_keywords, has_combining_marks, lexicon_automaton, number_regex};
use diplo_benches::{generated, lexicon_keywords};
use diplo_core::text::{lowercase_same_len, normalize};
use std::hint::black_box;
use std::time::Duration;
use unicode_normalization::UnicodeNormalization;

fn reference(c: &mut Criterion) {
    let mb = std::env::var("DIPLO_BENCH_MB").ok().and_then(|v| v.parse::<f64>().ok()).unwrap_or(10.0);
    let input = generated((mb * 1e6) as u64);
    let lower: Vec<String> = input.docs.iter().map(|d| lowercase_same_len(&normalize(d).text)).collect();
    let bytes: u64 = lower.iter().map(|d| d.len() as u64).sum();
    eprintln!("reference: {} keywords, {:.2} MB", lexicon_keywords().len(), bytes as f64 / 1e6);

    let mut g = c.benchmark_group("reference");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).throughput(Throughput::Bytes(bytes));
    for (name, kind) in [("aho-corasick-nfa", AhoCorasickKind::ContiguousNFA), ("aho-corasick-dfa", AhoCorasickKind::DFA)] {
        let ac = lexicon_automaton(kind);
        g.bench_function(name, |b| b.iter(|| lower.iter().map(|d| count_keywords(&ac, black_box(d))).sum::<usize>()));
    }
    let re = number_regex();
    g.bench_function("number-regex", |b| b.iter(|| lower.iter().map(|d| re.find_iter(black_box(d)).count()).sum::<usize>()));
    g.bench_function("unicode-normalization-nfc", |b| {
        b.iter(|| lower.iter().map(|d| black_box(d).nfc().collect::<String>().len()).sum::<usize>())
    });
    g.bench_function("combining-mark-scan", |b| {
        b.iter(|| lower.iter().filter(|d| has_combining_marks(black_box(d).as_bytes())).count())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = reference
}
criterion_main!(benches);
