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
//! progress goes to stderr. A file that cannot be read is reported and the
//! others still are.

use diplo_core::corpus::{render_text, Corpus};
use diplo_core::{Error, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const BATCH: usize = 256;

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

/// Every article file under the inputs, sorted within each folder.
fn files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else { continue };
                for e in rd.filter_map(Result::ok) {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|x| x == "txt" || x == "jsonl") {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// "20201001" or "2020-10-01" → "2020-10-01".
fn iso_date(s: &str) -> Option<String> {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    (d.len() >= 8).then(|| format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8]))
}

struct Feeder<'a> {
    corpus: &'a mut Corpus,
    batch: Vec<(String, Options)>,
    seen: usize,
    progress: bool,
}

impl Feeder<'_> {
    fn push(&mut self, text: String, opts: Options) {
        self.batch.push((text, opts));
        if self.batch.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.seen += self.batch.len();
        self.corpus.add_texts(&self.batch);
        self.batch.clear();
        if self.progress {
            eprint!("\rextracted {} articles", self.seen);
        }
    }
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
    let paths = files(&args.inputs);
    let mut corpus = Corpus::new();
    let mut feeder = Feeder { corpus: &mut corpus, batch: Vec::new(), seen: 0, progress: paths.len() > 200 || paths.iter().any(|p| p.extension().is_some_and(|x| x == "jsonl")) };
    for path in &paths {
        let name = path.display().to_string();
        let base = Options { date: args.date.clone(), lossy: args.lossy, ..Options::default() };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                feeder.corpus.record_error(Some(name.clone()), &Error::Io { path: name, message: e.to_string() });
                continue;
            }
        };
        if path.extension().is_some_and(|x| x == "jsonl") {
            for (n, line) in String::from_utf8_lossy(&bytes).lines().enumerate() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
                let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
                let id = v.get("id").and_then(|x| x.as_str()).map_or_else(|| format!("{name}:{}", n + 1), str::to_string);
                let date = v.get("date").and_then(|x| x.as_str()).and_then(iso_date).or_else(|| base.date.clone());
                feeder.push(text.to_string(), Options { id: Some(id), date, ..base.clone() });
            }
        } else {
            let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            match diplo_core::text::decode(&bytes, args.lossy) {
                Ok((text, _)) => feeder.push(text, Options { id, ..base }),
                Err(e) => feeder.corpus.record_error(id, &e),
            }
        }
    }
    feeder.flush();
    if feeder.progress {
        eprintln!();
    }
    let report = corpus.report();
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
