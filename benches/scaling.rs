//! `diplo_core::extract_many` on a rayon pool of 1 and of 2 threads, on the
//! generated ~10 MB corpus (`DIPLO_BENCH_MB` to change it), and on the shared
//! corpus when `DIPLO_BENCH_CORPUS=1` (it adds minutes while extraction is
//! slow): the scaling figure (target ≥ 1.8× on 2 cores). On a machine that is
//! busy with other work the 2-thread figure says more about the machine.
//!
//! ```text
//! cargo bench -p diplo-benches --bench scaling
//! ```

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use diplo_benches::{corpus, generated, without_panics, Input};
use diplo_core::{extract_many, Options};
use std::hint::black_box;
use std::time::Duration;

fn scaling(c: &mut Criterion) {
    let mb = std::env::var("DIPLO_BENCH_MB").ok().and_then(|v| v.parse::<f64>().ok()).unwrap_or(10.0);
    let mut inputs: Vec<Input> = vec![generated((mb * 1e6) as u64)];
    if std::env::var_os("DIPLO_BENCH_CORPUS").is_some_and(|v| v == "1") {
        inputs.extend(corpus());
    }
    let inputs: Vec<Input> = inputs.into_iter().map(without_panics).collect();
    let mut g = c.benchmark_group("extract_many");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    for input in &inputs {
        let items: Vec<(String, Options)> = input.docs.iter().map(|d| (d.clone(), Options::default())).collect();
        g.throughput(Throughput::Bytes(input.bytes()));
        for threads in [1usize, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a rayon pool");
            g.bench_with_input(BenchmarkId::new(format!("{threads}-thread"), &input.name), &items, |b, items| {
                b.iter(|| pool.install(|| black_box(extract_many(black_box(items)))))
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = scaling
}
criterion_main!(benches);
