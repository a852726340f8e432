//! Prints one JSON Document per article, one per line (JSONL).
//!
//! ```text
//! cargo run --release --example extract -- [--date YYYY-MM-DD] FILE...
//! ```
//! A `.txt` file is one article, its id the file stem; a `.jsonl` file holds
//! one article per line, read as the corpus report reads it (`text`, `id`,
//! `date`). An article or line that cannot be read or extracted is reported
//! on stderr (with its file and line) and the others still print; the exit
//! code is 1 if any failed.

use diplo_core::corpus::{extract_guarded, input, DocumentError, Entry};
use diplo_core::Options;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn report(e: &DocumentError) {
    eprintln!("{} [{}]", e.located(), e.code);
}

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
    let mut broken_pipe = false;
    let base = Options { date, lossy, ..Options::default() };
    for file in &files {
        input::read_file(Path::new(file), &base, &mut |entry| {
            if broken_pipe {
                return;
            }
            let article = match entry {
                Entry::Article(a) => a,
                Entry::Failed(e) => {
                    report(&e);
                    failed = true;
                    return;
                }
            };
            match extract_guarded(&article.text, &article.opts) {
                Ok(mut doc) => {
                    doc.warnings.splice(0..0, article.warnings);
                    broken_pipe = writeln!(out, "{}", doc.to_json()).is_err();
                }
                Err(mut e) => {
                    e.file = article.origin.file;
                    e.line = article.origin.line;
                    report(&e);
                    failed = true;
                }
            }
        });
        if broken_pipe {
            return ExitCode::from(1);
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
