//! The scaling benchmark for adversarial shapes: for each shape of
//! `diplo_benches::shapes`, one document at 1 MB and at 10 MB through
//! `diplo_core::extract`, timed in a child process (killed after a budget),
//! and the table of time per MB at both sizes, their ratio (1.0 = linear),
//! and output JSON bytes per input byte.
//!
//! ```text
//! cargo run --release -p diplo-benches --example shapes -- [--sizes 1,10] [--budget 300] [--only NAME,...]
//! ```
//! Prints a Markdown table (the one in `benches/RESULTS.md`) on stdout and
//! progress on stderr. A measurement over budget is shown as `> budget`.

use diplo_benches::{peak_rss_kb, shapes};
use diplo_core::{extract, Options};
use std::io::Read;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// One measurement, as the child prints it.
#[derive(Debug, Clone, Copy)]
struct Run {
    secs: f64,
    in_bytes: usize,
    out_bytes: usize,
    records: usize,
    rss_kb: u64,
}

/// Child mode: build the shape, extract once, print the measurement.
fn one(name: &str, bytes: usize) -> ExitCode {
    let Some(shape) = shapes::all().into_iter().find(|s| s.name == name) else {
        eprintln!("no shape {name}");
        return ExitCode::from(2);
    };
    let text = shape.make(bytes);
    let opts = Options { max_bytes: usize::MAX, ..Options::default() };
    let t = Instant::now();
    let doc = extract(&text, &opts);
    let json = doc.as_ref().map(|d| d.to_json()).unwrap_or_default();
    let secs = t.elapsed().as_secs_f64();
    let records = doc.as_ref().map_or(0, |d| d.meetings.len() + d.metrics.len() + d.commitments.len());
    println!("{secs} {} {} {records} {}", text.len(), json.len(), peak_rss_kb().unwrap_or(0));
    ExitCode::SUCCESS
}

/// Runs one measurement in a child process, `None` when over `budget`.
fn measure(name: &str, mb: f64, budget: Duration) -> Option<Run> {
    let exe = std::env::current_exe().ok()?;
    let mut child = Command::new(exe)
        .args(["--one", name, &((mb * 1e6) as usize).to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > budget => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return None,
        }
    }
    let mut out = String::new();
    child.stdout.take()?.read_to_string(&mut out).ok()?;
    let f: Vec<&str> = out.split_whitespace().collect();
    Some(Run {
        secs: f.first()?.parse().ok()?,
        in_bytes: f.get(1)?.parse().ok()?,
        out_bytes: f.get(2)?.parse().ok()?,
        records: f.get(3)?.parse().ok()?,
        rss_kb: f.get(4)?.parse().ok()?,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        let (Some(name), Some(bytes)) = (args.get(1), args.get(2).and_then(|b| b.parse().ok())) else {
            return ExitCode::from(2);
        };
        return one(name, bytes);
    }
    let mut sizes = vec![1.0, 10.0];
    let mut budget = Duration::from_secs(300);
    let mut only: Option<Vec<String>> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => sizes = it.next().map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or(sizes),
            "--budget" => budget = Duration::from_secs(it.next().and_then(|s| s.parse().ok()).unwrap_or(300)),
            "--only" => only = it.next().map(|s| s.split(',').map(str::to_string).collect()),
            _ => {
                eprintln!("usage: shapes [--sizes 1,10] [--budget SECS] [--only NAME,...]");
                return ExitCode::from(2);
            }
        }
    }
    let (small, large) = (sizes.first().copied().unwrap_or(1.0), sizes.last().copied().unwrap_or(10.0));
    println!("| shape | what | s/MB at {small} MB | s/MB at {large} MB | ratio | output bytes per input byte | records per KB | peak RSS at {large} MB |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    let mut worst: f64 = 0.0;
    for shape in shapes::all() {
        if only.as_ref().is_some_and(|o| !o.iter().any(|n| n == shape.name)) {
            continue;
        }
        eprintln!("shapes: {} …", shape.name);
        let a = measure(shape.name, small, budget);
        let b = a.and_then(|_| measure(shape.name, large, budget));
        let per_mb = |r: &Run| r.secs / (r.in_bytes as f64 / 1e6);
        let cell = |r: Option<&Run>| r.map_or(format!("> {} s", budget.as_secs()), |r| format!("{:.3}", per_mb(r)));
        let ratio = match (&a, &b) {
            (Some(a), Some(b)) => {
                let r = per_mb(b) / per_mb(a).max(1e-9);
                worst = worst.max(r);
                format!("{r:.2}")
            }
            _ => "—".into(),
        };
        let last = b.or(a);
        let out = last.map_or("—".into(), |r| format!("{:.2}", r.out_bytes as f64 / r.in_bytes as f64));
        let recs = last.map_or("—".into(), |r| format!("{:.2}", r.records as f64 / (r.in_bytes as f64 / 1e3)));
        let rss = b.map_or("—".into(), |r| format!("{:.0} MB", r.rss_kb as f64 / 1e3));
        println!("| `{}` | {} | {} | {} | {ratio} | {out} | {recs} | {rss} |", shape.name, shape.what, cell(a.as_ref()), cell(b.as_ref()));
    }
    eprintln!("shapes: worst ratio {worst:.2}");
    ExitCode::SUCCESS
}
