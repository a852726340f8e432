//! Prints one JSON Document per input file, one per line (JSONL).
//!
//! ```text
//! cargo run --release --example extract -- [--date YYYY-MM-DD] FILE...
//! ```
//! The id of each document is its file stem. A file that cannot be read or
//! extracted is reported on stderr and the others still print; the exit code
//! is 1 if any failed.

use diplo_core::{extract_bytes, Options};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: extract [--date YYYY-MM-DD] [--lossy] FILE...");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut date = None;
    let mut lossy = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--date" => match args.next() {
                Some(d) => date = Some(d),
                None => return usage(),
            },
            "--lossy" => lossy = true,
            "-h" | "--help" => return usage(),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return usage();
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for file in &files {
        let path = Path::new(file);
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let opts = Options { id, date: date.clone(), lossy, ..Options::default() };
        let result = std::fs::read(path)
            .map_err(|e| diplo_core::Error::Io { path: file.clone(), message: e.to_string() })
            .and_then(|bytes| extract_bytes(&bytes, &opts));
        match result {
            Ok(doc) => {
                if writeln!(out, "{}", doc.to_json()).is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e) => {
                eprintln!("{file}: {e} [{}]", e.code());
                failed = true;
            }
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
