//! Bounded memory while streaming: writes 10,000 article files to a temporary
//! directory (the shared corpus cycled, read line by line; the seeds and their
//! NFD and old-tone variants when the corpus is absent), then extracts them one
//! at a time — read the file, `extract_bytes`, serialise the JSON, drop — and
//! reports peak RSS (`VmHWM`) at 1k, 5k and 10k documents.
//!
//! ```text
//! cargo run --release -p diplo-benches --example streaming -- [--docs N] [--dir DIR] [--keep]
//! ```
//! Prints one JSON line at the end (the checkpoints) for the comparison harness.

use diplo_benches::{corpus_dir, peak_rss_kb, proc_status_kb, seeds, to_nfd, to_old_tone};
use diplo_core::{extract_bytes, Options};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Streams article texts: the corpus JSONL files line by line, cycled.
struct Articles {
    files: Vec<PathBuf>,
    next_file: usize,
    reader: Option<BufReader<File>>,
    fallback: Vec<String>,
    next_fallback: usize,
}

impl Articles {
    fn new() -> Self {
        let dir = corpus_dir();
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "jsonl")).collect())
            .unwrap_or_default();
        files.sort();
        let fallback = if files.is_empty() {
            eprintln!("streaming: no corpus at {} — using the seeds and their variants", dir.display());
            seeds().docs.iter().flat_map(|d| [d.clone(), to_nfd(d), to_old_tone(d)]).collect()
        } else {
            Vec::new()
        };
        Articles { files, next_file: 0, reader: None, fallback, next_fallback: 0 }
    }

    fn next_text(&mut self) -> String {
        if self.files.is_empty() {
            let t = self.fallback[self.next_fallback % self.fallback.len()].clone();
            self.next_fallback += 1;
            return t;
        }
        let mut line = String::new();
        loop {
            if self.reader.is_none() {
                let p = &self.files[self.next_file % self.files.len()];
                self.next_file += 1;
                self.reader = File::open(p).ok().map(BufReader::new);
                continue;
            }
            line.clear();
            let n = self.reader.as_mut().map_or(Ok(0), |r| r.read_line(&mut line)).unwrap_or(0);
            if n == 0 {
                self.reader = None;
                continue;
            }
            if let Some(t) = serde_json::from_str::<serde_json::Value>(&line)
                .ok()
                .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            {
                return t;
            }
        }
    }
}

fn main() -> ExitCode {
    let mut n = 10_000usize;
    let mut dir: Option<PathBuf> = None;
    let mut keep = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--docs" => n = args.next().and_then(|v| v.parse().ok()).unwrap_or(n),
            "--dir" => dir = args.next().map(PathBuf::from),
            "--keep" => keep = true,
            _ => {
                eprintln!("usage: streaming [--docs N] [--dir DIR] [--keep]");
                return ExitCode::from(2);
            }
        }
    }
    let made_dir = dir.is_none();
    let dir = dir.unwrap_or_else(|| std::env::temp_dir().join(format!("diplo-streaming-{}", std::process::id())));
    if let Err(e) = write_articles(&dir, n) {
        eprintln!("streaming: writing {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let result = extract_all(&dir, n);
    if made_dir && !keep {
        let _ = fs::remove_dir_all(&dir);
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("streaming: {e}");
            ExitCode::FAILURE
        }
    }
}

fn path_of(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("{i:05}.txt"))
}

fn write_articles(dir: &Path, n: usize) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut src = Articles::new();
    for i in 0..n {
        fs::write(path_of(dir, i), src.next_text())?;
    }
    eprintln!("streaming: wrote {n} articles to {}", dir.display());
    Ok(())
}

fn extract_all(dir: &Path, n: usize) -> Result<(), String> {
    let base_hwm = peak_rss_kb();
    eprintln!("streaming: before extraction peak RSS {} kB", base_hwm.unwrap_or(0));
    let checkpoints = [1_000usize, 5_000, 10_000];
    let mut rows = Vec::new();
    let opts = Options { lossy: true, ..Options::default() };
    let t = Instant::now();
    let mut bytes = 0u64;
    let mut records = 0usize;
    let mut largest = 0usize;
    let mut panics = 0usize;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut sink = io::sink();
    for i in 0..n {
        let raw = fs::read(path_of(dir, i)).map_err(|e| format!("reading article {i}: {e}"))?;
        bytes += raw.len() as u64;
        largest = largest.max(raw.len());
        // A panic inside diplo (a bug) is counted and reported, not fatal.
        match std::panic::catch_unwind(|| extract_bytes(&raw, &opts)) {
            Ok(Ok(doc)) => {
                records += doc.metrics.len() + doc.meetings.len() + doc.commitments.len();
                serde_json::to_writer(&mut sink, &doc).map_err(|e| e.to_string())?;
                sink.write_all(b"\n").map_err(|e| e.to_string())?;
            }
            Ok(Err(e)) => eprintln!("streaming: article {i}: {e}"),
            Err(_) => panics += 1,
        }
        let done = i + 1;
        if checkpoints.contains(&done) || done == n {
            let secs = t.elapsed().as_secs_f64();
            let row = serde_json::json!({
                "docs": done,
                "mb": bytes as f64 / 1e6,
                "secs": secs,
                "peak_rss_kb": peak_rss_kb(),
                "rss_kb": proc_status_kb("VmRSS"),
                "largest_doc_bytes": largest,
                "records": records,
                "panics": panics,
            });
            eprintln!(
                "streaming: {done:>6} documents, {:.1} MB, {:.1} s, peak RSS {} kB, RSS {} kB, largest document {} B, {panics} panics",
                bytes as f64 / 1e6,
                secs,
                peak_rss_kb().unwrap_or(0),
                proc_status_kb("VmRSS").unwrap_or(0),
                largest
            );
            rows.push(row);
        }
    }
    std::panic::set_hook(hook);
    if panics > 0 {
        eprintln!("streaming: extract panicked on {panics} of {n} documents (a diplo bug; their memory is still counted)");
    }
    println!("{}", serde_json::json!({ "before_kb": base_hwm, "checkpoints": rows, "panics": panics }));
    Ok(())
}
