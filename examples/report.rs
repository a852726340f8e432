//! diplo's main job: read many articles and report what they say together.
//!
//! ```text
//! cargo run --release --example report                  # the bundled seeds/
//! cargo run --release --example report -- DIR FILE.txt CORPUS.jsonl
//! cargo run --release --example report -- --json        # the corpus as one JSON object
//! cargo run --release --example report -- --out out/    # CSV and JSONL tables
//! ```
//! Folders are read recursively (`*.txt`, `*.jsonl`); a `.jsonl` file holds
//! one article per line as `{"id", "text", "date"?}`. Articles are read and
//! extracted in batches, so memory stays bounded however many there are;
//! when stderr is a terminal (and `CI` is unset) a progress line counts
//! them there, and a pipe or a log file gets none. Every file and line is accounted for: the first
//! line of the report says how many articles were read, extracted (with
//! warnings) and failed, and lists each failure with its code, file and line.

use diplo_core::corpus::{render_text, Corpus};
use diplo_core::Options;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Args {
    inputs: Vec<PathBuf>,
    json: bool,
    out: Option<PathBuf>,
    date: Option<String>,
    lossy: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args { inputs: Vec::new(), json: false, out: None, date: None, lossy: false };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--json" => a.json = true,
            "--lossy" => a.lossy = true,
            "--out" => a.out = Some(it.next().ok_or("--out needs a folder")?.into()),
            "--date" => a.date = Some(it.next().ok_or("--date needs YYYY-MM-DD")?),
            "-h" | "--help" => return Err(String::new()),
            _ if x.starts_with("--") => return Err(format!("unknown option {x}")),
            _ => a.inputs.push(x.into()),
        }
    }
    if a.inputs.is_empty() {
        a.inputs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds"));
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("usage: report [--json] [--out DIR] [--date YYYY-MM-DD] [--lossy] [FILE|DIR ...]");
            return ExitCode::from(2);
        }
    };
    let mut corpus = Corpus::new();
    let base = Options { date: args.date.clone(), lossy: args.lossy, ..Options::default() };
    let show = progress_wanted();
    let started = std::time::Instant::now();
    let walk = corpus.add_files(&args.inputs, &base, &mut |n| {
        if show {
            let rate = n as f64 / started.elapsed().as_secs_f64().max(1e-3);
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\rextracting: {n} articles ({rate:.0}/s)\x1b[K");
            let _ = err.flush();
        }
    });
    if show {
        eprintln!();
    }
    for (path, why) in &walk.skipped {
        eprintln!("skipped {}: {why}", path.display());
    }
    // The text view shows no per-document summaries: it needs no copy of them.
    let report = if args.json || args.out.is_some() { corpus.report() } else { corpus.report_without_documents() };
    if let Some(dir) = &args.out {
        if let Err(e) = write_tables(&report, dir) {
            eprintln!("error: cannot write tables to {}: {e}", dir.display());
            return ExitCode::from(1);
        }
        eprintln!("wrote corpus.json and {} tables (CSV + JSONL) to {}", report.tables().len(), dir.display());
    }
    if args.json {
        println!("{}", report.to_json());
    } else if args.out.is_none() {
        print!("{}", render_text(&report));
    }
    ExitCode::SUCCESS
}

/// A progress line only for a person watching: stderr is a terminal and not under CI.
fn progress_wanted() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none_or(|v| v.is_empty())
}

fn write_tables(report: &diplo_core::corpus::CorpusReport, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("corpus.json"), report.to_json())?;
    for t in report.tables() {
        let mut w = csv::Writer::from_path(dir.join(format!("{}.csv", t.name)))?;
        w.write_record(&t.header)?;
        let mut jsonl = String::new();
        for row in &t.rows {
            w.write_record(row)?;
            let obj: serde_json::Map<String, serde_json::Value> = t.header.iter().zip(row).map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone()))).collect();
            jsonl.push_str(&serde_json::Value::Object(obj).to_string());
            jsonl.push('\n');
        }
        w.flush()?;
        std::fs::write(dir.join(format!("{}.jsonl", t.name)), jsonl)?;
    }
    Ok(())
}
