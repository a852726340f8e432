//! One criterion group per stage of the pipeline, in bytes per second:
//!
//! - `normalize`: `text::normalize` on NFC text and on NFD text;
//! - `structure`: `structure::analyse` on normalised text;
//! - `lang`: `find_temporals`, `find_quantities`, `split_sentences` on normalised text;
//! - `extract`: `diplo_core::extract` end to end (normalisation, structure,
//!   language layer, metrics, meetings and commitments).
//!
//! Inputs: the seeds, the real articles of `../shared/corpus/` (skipped with
//! a message when absent) and a generated ~10 MB corpus (seeds repeated; one
//! document in three decomposed, one in three with old tone placement).
//! Set `DIPLO_BENCH_MB` to change the generated size (e.g. 2 for a quick run).
//!
//! ```text
//! cargo bench -p diplo-benches --bench stages
//! ```

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};
use diplo_benches::{bench_inputs, to_nfd, Input};
use diplo_core::{extract, lang, structure, text, Options};
use std::hint::black_box;
use std::time::Duration;
use unicode_normalization::UnicodeNormalization;

fn generated_bytes() -> u64 {
    std::env::var("DIPLO_BENCH_MB").ok().and_then(|v| v.parse::<f64>().ok()).map_or(10_000_000, |mb| (mb * 1e6) as u64)
}

/// Throughput in bytes; large inputs use flat sampling (few long iterations).
fn setup(g: &mut BenchmarkGroup<'_, WallTime>, input: &Input) {
    let bytes = input.bytes();
    g.throughput(Throughput::Bytes(bytes));
    if bytes > 1_000_000 {
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
    } else {
        g.sampling_mode(SamplingMode::Auto).sample_size(20);
    }
}

fn normalised(input: &Input) -> Input {
    input.map(input.name.clone(), |d| text::normalize(d).text.into_owned())
}

fn stages(c: &mut Criterion) {
    let inputs = bench_inputs(generated_bytes());
    for i in &inputs {
        eprintln!("input {}: {} documents, {:.2} MB", i.name, i.docs.len(), i.bytes() as f64 / 1e6);
    }

    let mut g = c.benchmark_group("normalize");
    for input in &inputs {
        for (form, variant) in [
            ("nfc", input.map(input.name.clone(), |d| d.nfc().collect())),
            ("nfd", input.map(input.name.clone(), to_nfd)),
        ] {
            setup(&mut g, &variant);
            g.bench_with_input(BenchmarkId::new(form, &input.name), &variant.docs, |b, docs| {
                b.iter(|| {
                    for d in docs {
                        black_box(text::normalize(black_box(d)));
                    }
                })
            });
        }
    }
    g.finish();

    let norm: Vec<Input> = inputs.iter().map(normalised).collect();

    let mut g = c.benchmark_group("structure");
    for input in &norm {
        setup(&mut g, input);
        g.bench_with_input(BenchmarkId::new("analyse", &input.name), &input.docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(structure::analyse(black_box(d)));
                }
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("lang");
    for input in &norm {
        setup(&mut g, input);
        g.bench_with_input(BenchmarkId::new("temporals", &input.name), &input.docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(lang::find_temporals(black_box(d), None));
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("quantities", &input.name), &input.docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(lang::find_quantities(black_box(d)));
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("sentences", &input.name), &input.docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(lang::split_sentences(black_box(d)));
                }
            })
        });
    }
    g.finish();

    let opts = Options::default();
    let mut g = c.benchmark_group("extract");
    for input in &inputs {
        setup(&mut g, input);
        g.bench_with_input(BenchmarkId::new("extract", &input.name), &input.docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    let _ = black_box(extract(black_box(d), &opts));
                }
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = stages
}
criterion_main!(benches);
