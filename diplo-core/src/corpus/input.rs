//! Reading a collection: folders, `.txt` articles and `.jsonl` corpora, with
//! every file and every line accounted for.
//!
//! A JSONL line is an article or a [`DocumentError`] naming the file and the
//! line (malformed JSON, a value that is not an object, a `text` that is
//! missing, null or not a string, bytes that are not UTF-8); blank lines are
//! not records. A `date` field is read by [`super::hints`]: one it cannot read
//! becomes a warning on the article, never a lost article. Files are read
//! line by line, so a corpus of any size streams through. Folder walks follow
//! each directory once (no symlink loop), read only regular files (a FIFO or
//! a device named `*.txt` is skipped, not read), and take any file name the
//! system can spell, UTF-8 or not.

use super::hints::{self, Hint};
use super::types::DocumentError;
use crate::records::Warning;
use crate::text::decode;
use crate::Options;
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where an article comes from: its file and, in a JSONL file, its line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub file: Option<String>,
    pub line: Option<usize>,
    /// Its position in a caller's list (Python batches).
    pub index: Option<usize>,
}

/// One article read, not yet extracted.
#[derive(Debug, Clone)]
pub struct Article {
    pub text: String,
    pub opts: Options,
    pub origin: Origin,
    /// Found while reading (a date hint ignored, bytes replaced).
    pub warnings: Vec<Warning>,
}

/// What one file, line or item gives: an article or the reason it is none.
#[derive(Debug, Clone)]
pub enum Entry {
    Article(Article),
    Failed(DocumentError),
}

/// The files under some inputs, and what was passed over and why.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    /// Paths not read: not a regular file, a link to nowhere, a folder seen before.
    pub skipped: Vec<(PathBuf, String)>,
}

fn is_article_file(p: &Path) -> bool {
    p.extension().and_then(|x| x.to_str()).is_some_and(|x| ["txt", "jsonl", "ndjson"].contains(&x.to_ascii_lowercase().as_str()))
}

/// Whether `p` is read as JSONL (one article per line) rather than one article.
pub fn is_jsonl(p: &Path) -> bool {
    p.extension().and_then(|x| x.to_str()).is_some_and(|x| x.eq_ignore_ascii_case("jsonl") || x.eq_ignore_ascii_case("ndjson"))
}

/// Every article file under `inputs`: folders recursively (`*.txt`,
/// `*.jsonl`, sorted within each folder), other paths as given. A path named
/// on its own is read whatever it is (a pipe such as `<(zcat …)` included);
/// inside folders only regular files are read, and each folder once.
pub fn walk(inputs: &[PathBuf]) -> Walk {
    let mut w = Walk::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for p in inputs {
        if !p.is_dir() {
            w.files.push(p.clone());
            continue;
        }
        let mut stack = vec![p.clone()];
        let mut found = Vec::new();
        while let Some(d) = stack.pop() {
            let key = std::fs::canonicalize(&d).unwrap_or_else(|_| d.clone());
            if !seen.insert(key) {
                w.skipped.push((d, "folder already read (a link back into the tree)".into()));
                continue;
            }
            let Ok(rd) = std::fs::read_dir(&d) else {
                w.skipped.push((d, "folder cannot be listed".into()));
                continue;
            };
            let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            entries.sort();
            for path in entries {
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => stack.push(path),
                    Ok(m) if m.is_file() && is_article_file(&path) => found.push(path),
                    Ok(_) if is_article_file(&path) => w.skipped.push((path, "not a regular file (FIFO, socket or device)".into())),
                    Err(e) if is_article_file(&path) => w.skipped.push((path, format!("cannot be read: {e}"))),
                    _ => {}
                }
            }
        }
        found.sort();
        w.files.extend(found);
    }
    w
}

/// The id of a file's article: its stem, whatever bytes its name has.
pub fn file_id(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string())
}

fn failed(origin: &Origin, id: Option<String>, code: &str, message: String) -> Entry {
    Entry::Failed(DocumentError { id, code: code.into(), message, file: origin.file.clone(), line: origin.line, index: origin.index })
}

/// Reads the article or articles of one file, calling `f` with each entry.
pub fn read_file(path: &Path, base: &Options, f: &mut dyn FnMut(Entry)) {
    let name = path.display().to_string();
    let origin = Origin { file: Some(name.clone()), line: None, index: None };
    let mut file = match File::open(path) {
        Ok(fh) => fh,
        Err(e) => return f(failed(&origin, Some(file_id(path)), "io", format!("cannot read {name}: {e}"))),
    };
    if is_jsonl(path) {
        return read_jsonl(BufReader::new(file), &name, base, f);
    }
    let mut bytes = Vec::new();
    let limit = base.max_bytes as u64 + 1;
    if let Err(e) = (&mut file).take(limit).read_to_end(&mut bytes) {
        return f(failed(&origin, Some(file_id(path)), "io", format!("cannot read {name}: {e}")));
    }
    if bytes.len() > base.max_bytes {
        let message = format!("{name}: document over the limit of {} bytes", base.max_bytes);
        return f(failed(&origin, Some(file_id(path)), "too_large", message));
    }
    let id = Some(file_id(path));
    match decode(&bytes, base.lossy) {
        Ok((text, warnings)) => f(Entry::Article(Article { text, opts: Options { id, ..base.clone() }, origin, warnings })),
        Err(e) => f(failed(&origin, id, e.code(), e.to_string())),
    }
}

/// Reads JSONL from any reader: one entry per non-blank line. A file that
/// starts with a UTF-16 byte order mark is decoded whole first.
pub fn read_jsonl<R: BufRead>(mut r: R, name: &str, base: &Options, f: &mut dyn FnMut(Entry)) {
    let utf16 = r.fill_buf().map(|b| b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF")).unwrap_or(false);
    if utf16 {
        let mut bytes = Vec::new();
        if let Err(e) = r.read_to_end(&mut bytes) {
            let origin = Origin { file: Some(name.into()), ..Origin::default() };
            return f(failed(&origin, None, "io", format!("cannot read {name}: {e}")));
        }
        match decode(&bytes, base.lossy) {
            Ok((text, _)) => {
                for (n, line) in text.split('\n').enumerate() {
                    if let Some(e) = record(line.as_bytes(), name, n + 1, base) {
                        f(e);
                    }
                }
            }
            Err(e) => f(failed(&Origin { file: Some(name.into()), ..Origin::default() }, None, e.code(), format!("{name}: {e}"))),
        }
        return;
    }
    let mut buf = Vec::new();
    let mut n = 0;
    // A line may hold one document of up to `max_bytes` (and its JSON around it).
    let cap = base.max_bytes.saturating_add(64 * 1024);
    loop {
        buf.clear();
        n += 1;
        match read_line_capped(&mut r, &mut buf, cap) {
            Ok((0, _)) => break,
            Ok((_, false)) => {
                if let Some(e) = record(&buf, name, n, base) {
                    f(e);
                }
            }
            Ok((len, true)) => {
                let origin = Origin { file: Some(name.into()), line: Some(n), index: None };
                f(failed(&origin, None, "too_large", format!("a line of {len} bytes is over the limit of {cap} bytes")));
            }
            Err(e) => {
                let origin = Origin { file: Some(name.into()), line: Some(n), index: None };
                f(failed(&origin, None, "io", format!("cannot read: {e}")));
                break;
            }
        }
    }
}

/// Reads one line (through its `\n`) into `buf`, keeping at most `cap`
/// bytes: a longer line is read to its end but not kept. Returns the line's
/// length and whether it was over the cap.
fn read_line_capped<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<(usize, bool)> {
    let mut len = 0;
    let mut over = false;
    loop {
        let (done, used) = {
            let chunk = match r.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok((len, over));
            }
            let (part, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..=i], true),
                None => (chunk, false),
            };
            if !over && buf.len() + part.len() <= cap {
                buf.extend_from_slice(part);
            } else {
                over = true;
                buf.clear();
            }
            (done, part.len())
        };
        r.consume(used);
        len += used;
        if done {
            return Ok((len, over));
        }
    }
}

/// What kind of JSON value a field holds, for messages.
fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// One JSONL line as an entry; `None` for a blank line.
pub fn record(raw: &[u8], file: &str, line: usize, base: &Options) -> Option<Entry> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let raw = if line == 1 { raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw) } else { raw };
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let origin = Origin { file: Some(file.into()), line: Some(line), index: None };
    let at = format!("{file}:{line}");
    let mut warnings = Vec::new();
    let owned;
    let text = match std::str::from_utf8(raw) {
        Ok(s) => s,
        Err(e) if base.lossy => {
            owned = String::from_utf8_lossy(raw).into_owned();
            warnings.push(Warning {
                code: "invalid_utf8_replaced".into(),
                message: format!("{at}: invalid UTF-8 from byte {} of the line replaced with U+FFFD", e.valid_up_to()),
                start: 0,
                end: 0,
            });
            owned.as_str()
        }
        Err(e) => {
            let message = format!("invalid UTF-8 at byte {} of the line; pass --lossy (lossy=True) to replace bad bytes", e.valid_up_to());
            return Some(failed(&origin, None, "invalid_utf8", message));
        }
    };
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Some(failed(&origin, None, "invalid_json", format!("malformed JSON: {e}"))),
    };
    let serde_json::Value::Object(mut obj) = v else {
        return Some(failed(&origin, None, "invalid_record", format!("the line is {}, not a JSON object", json_kind(&v))));
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => at.clone(),
    };
    let text = match obj.remove("text") {
        Some(serde_json::Value::String(s)) => s,
        None => return Some(failed(&origin, Some(id), "invalid_record", "the record has no \"text\" field".to_string())),
        Some(other) => {
            let message = format!("\"text\" is {}, not a string", json_kind(&other));
            return Some(failed(&origin, Some(id), "invalid_record", message));
        }
    };
    let mut date = base.date.clone();
    if let Some(v) = obj.get("date") {
        match hints::parse_json(v) {
            Hint::Date(d) => date = Some(d),
            Hint::Missing => {}
            Hint::Unreadable(s) => warnings.push(Warning {
                code: "date_hint_ignored".into(),
                message: format!("{at}: date {s:?} is not a date diplo can read for certain; ignored"),
                start: 0,
                end: 0,
            }),
        }
    }
    Some(Entry::Article(Article { text, opts: Options { id: Some(id), date, ..base.clone() }, origin, warnings }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(jsonl: &str, lossy: bool) -> Vec<Entry> {
        let mut out = Vec::new();
        read_jsonl(jsonl.as_bytes(), "c.jsonl", &Options { lossy, ..Options::default() }, &mut |e| out.push(e));
        out
    }

    fn codes(es: &[Entry]) -> Vec<String> {
        es.iter()
            .map(|e| match e {
                Entry::Article(a) => format!("ok:{}", a.opts.id.clone().unwrap_or_default()),
                Entry::Failed(d) => format!("{}@{}", d.code, d.line.unwrap_or(0)),
            })
            .collect()
    }

    #[test]
    fn every_line_is_an_article_or_an_error() {
        let src = concat!(
            "{\"id\": \"a\", \"text\": \"Hội nghị\"}\n",
            "\n",
            "{\"id\": \"b\", \"text\": \n",
            "[1, 2]\n",
            "{\"id\": \"c\"}\n",
            "{\"id\": \"d\", \"text\": null}\n",
            "{\"id\": 7, \"text\": 5}\n",
            "{\"text\": \"không có id\"}\r\n",
        );
        let es = entries(src, false);
        assert_eq!(
            codes(&es),
            ["ok:a", "invalid_json@3", "invalid_record@4", "invalid_record@5", "invalid_record@6", "invalid_record@7", "ok:c.jsonl:8"]
        );
        let Entry::Failed(e) = &es[5] else { panic!() };
        assert_eq!(e.id.as_deref(), Some("7"));
        assert_eq!((e.file.as_deref(), e.line), (Some("c.jsonl"), Some(7)));
        assert!(e.message.contains("a number"), "{}", e.message);
    }

    #[test]
    fn date_hints_are_read_or_warned_never_fatal() {
        let src = concat!(
            "{\"id\": \"a\", \"text\": \"x\", \"date\": \"Thứ tư, 7/2/2024, 23:41 (GMT+7)\"}\n",
            "{\"id\": \"b\", \"text\": \"x\", \"date\": 20210424}\n",
            "{\"id\": \"c\", \"text\": \"x\", \"date\": \"N/A\"}\n",
            "{\"id\": \"d\", \"text\": \"x\", \"date\": \"7220-24-23\"}\n",
        );
        let es = entries(src, false);
        let arts: Vec<&Article> = es.iter().filter_map(|e| if let Entry::Article(a) = e { Some(a) } else { None }).collect();
        assert_eq!(arts.len(), 4);
        let dates: Vec<Option<&str>> = arts.iter().map(|a| a.opts.date.as_deref()).collect();
        assert_eq!(dates, [Some("2024-02-07"), Some("2021-04-24"), None, None]);
        assert!(arts[2].warnings.is_empty(), "N/A says there is no date");
        assert_eq!(arts[3].warnings[0].code, "date_hint_ignored");
    }

    #[test]
    fn invalid_bytes_in_a_line_are_an_error_or_a_lossy_warning() {
        let mut src = b"{\"id\": \"a\", \"text\": \"Kim ng\xffch\"}\n".to_vec();
        src.extend_from_slice(b"{\"id\": \"b\", \"text\": \"ok\"}\n");
        let mut strict = Vec::new();
        read_jsonl(&src[..], "c.jsonl", &Options::default(), &mut |e| strict.push(e));
        assert_eq!(codes(&strict), ["invalid_utf8@1", "ok:b"]);
        let mut lossy = Vec::new();
        read_jsonl(&src[..], "c.jsonl", &Options { lossy: true, ..Options::default() }, &mut |e| lossy.push(e));
        let Entry::Article(a) = &lossy[0] else { panic!() };
        assert_eq!(a.text, "Kim ng\u{FFFD}ch");
        assert_eq!(a.warnings[0].code, "invalid_utf8_replaced");
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_and_the_next_is_read() {
        let src = format!("{{\"id\": \"big\", \"text\": \"{}\"}}\n{{\"id\": \"b\", \"text\": \"ok\"}}\n", "x".repeat(200_000));
        let mut out = Vec::new();
        read_jsonl(src.as_bytes(), "c.jsonl", &Options { max_bytes: 1000, ..Options::default() }, &mut |e| out.push(e));
        assert_eq!(codes(&out), ["too_large@1", "ok:b"]);
    }

    #[test]
    fn utf16_jsonl_is_decoded() {
        let text = "{\"id\": \"a\", \"text\": \"Hội nghị\"}\n{\"id\": \"b\", \"text\": \"Việt Nam\"}\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut es = Vec::new();
        read_jsonl(&bytes[..], "c.jsonl", &Options::default(), &mut |e| es.push(e));
        assert_eq!(codes(&es), ["ok:a", "ok:b"]);
    }
}
