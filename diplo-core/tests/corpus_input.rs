//! Every input accounted for: files, folders and JSONL lines become documents
//! or listed errors, date hints never lose an article, ids stay unique.

use diplo_core::corpus::{Corpus, CorpusReport};
use diplo_core::Options;
use std::path::{Path, PathBuf};

/// A fresh folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("corpus_input_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read(inputs: &[PathBuf], lossy: bool) -> CorpusReport {
    let mut c = Corpus::new();
    c.add_files(inputs, &Options { lossy, ..Options::default() }, &mut |_| {});
    c.report()
}

const ARTICLE: &str = "Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.";

fn line(id: &str, date: &str) -> String {
    format!("{{\"id\": \"{id}\", \"text\": \"{ARTICLE}\", \"date\": {date}}}\n")
}

#[test]
fn every_jsonl_line_is_a_document_or_an_error_with_file_and_line() {
    let dir = scratch("lines");
    let mut src = String::new();
    src += &line("a", "\"Thứ tư, 7/2/2024, 23:41 (GMT+7)\"");
    src += "\n";
    src += "{\"id\": \"broken\", \"text\": \n";
    src += "[\"an\", \"array\"]\n";
    src += "{\"id\": \"no-text\"}\n";
    src += "{\"id\": \"null-text\", \"text\": null}\n";
    src += "{\"id\": \"number-text\", \"text\": 42}\n";
    src += &line("b", "20210424");
    src += "\"just a string\"\n";
    let path = dir.join("c.jsonl");
    std::fs::write(&path, src).unwrap();
    let r = read(std::slice::from_ref(&path), false);
    assert_eq!((r.counts.read, r.counts.extracted, r.counts.failed), (8, 2, 6));
    let lines: Vec<(Option<usize>, &str)> = r.errors.iter().map(|e| (e.line, e.code.as_str())).collect();
    assert_eq!(
        lines,
        [(Some(3), "invalid_json"), (Some(4), "invalid_record"), (Some(5), "invalid_record"), (Some(6), "invalid_record"), (Some(7), "invalid_record"), (Some(9), "invalid_record")]
    );
    assert!(r.errors.iter().all(|e| e.file.as_deref() == Some(path.display().to_string().as_str())));
    let text = diplo_core::corpus::render_text(&r);
    assert!(text.starts_with("diplo report: read 8, extracted 2, with warnings 0, failed 6\n"), "{text}");
    assert!(text.contains(&format!("failed [invalid_record] {}:5 (no-text)", path.display())), "{text}");
    let dates: Vec<Option<&str>> = r.documents.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(dates, [Some("2024-02-07"), Some("2021-04-24")]);
}

#[test]
fn a_date_hint_never_loses_an_article_nor_becomes_a_wrong_date() {
    let dir = scratch("dates");
    let hints = ["\"Thứ sáu, 1/10/2021, 1:05 (GMT+7)\"", "\"07/02/2024\"", "\"24-04-2021\"", "20210424", "\"2021-04-24T23:41:00+07:00\"", "\"N/A\"", "\"\"", "null", "\"7220-24-23\"", "\"1 ngày trước\"", "[1]"];
    let src: String = hints.iter().enumerate().map(|(i, h)| line(&format!("d{i}"), h)).collect();
    let path = dir.join("dates.jsonl");
    std::fs::write(&path, src).unwrap();
    let r = read(&[path], false);
    assert_eq!((r.counts.read, r.counts.extracted, r.counts.failed), (11, 11, 0));
    let dates: Vec<Option<&str>> = r.documents.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(dates, [Some("2021-10-01"), Some("2024-02-07"), Some("2021-04-24"), Some("2021-04-24"), Some("2021-04-24"), None, None, None, None, None, None]);
    let warned: Vec<&str> = r.documents.iter().filter(|d| d.warning_codes.contains(&"date_hint_ignored".to_string())).map(|d| d.id.as_str()).collect();
    assert_eq!(warned, ["d8", "d9", "d10"], "N/A, empty and null say there is no date: no warning");
    assert_eq!(r.counts.with_warnings, 3);
}

#[test]
fn two_articles_under_one_id_are_both_kept() {
    let dir = scratch("ids");
    let path = dir.join("dup.jsonl");
    let other = "Năm 2025, Việt Nam đã nâng cấp quan hệ với 17 nước.";
    std::fs::write(&path, format!("{}{{\"id\": \"a\", \"text\": \"{other}\"}}\n{}", line("a", "null"), line("a", "null"))).unwrap();
    let r = read(&[path], false);
    let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a#2", "a#3"]);
    assert_eq!(r.documents[1].warning_codes, ["duplicate_id"]);
    let up = r.claims.iter().find(|c| c.indicator == diplo_core::Indicator::RelationsUpgraded).unwrap();
    assert_eq!(up.documents, ["a#2"], "never merged into one source");
}

#[test]
fn invalid_bytes_in_a_jsonl_text_are_an_error_or_a_lossy_warning() {
    let dir = scratch("bytes");
    let path = dir.join("bad.jsonl");
    let mut bytes = b"{\"id\": \"bad\", \"text\": \"Kim ng\xffch 5 t\xe1 USD\"}\n".to_vec();
    bytes.extend_from_slice(line("good", "null").as_bytes());
    std::fs::write(&path, bytes).unwrap();
    let strict = read(std::slice::from_ref(&path), false);
    assert_eq!((strict.counts.extracted, strict.counts.failed), (1, 1));
    assert_eq!((strict.errors[0].code.as_str(), strict.errors[0].line), ("invalid_utf8", Some(1)));
    let lossy = read(&[path], true);
    assert_eq!((lossy.counts.extracted, lossy.counts.failed, lossy.counts.with_warnings), (2, 0, 1));
    assert_eq!(lossy.documents[0].warning_codes, ["invalid_utf8_replaced"]);
}

#[test]
fn utf16_files_with_a_bom_are_decoded() {
    let dir = scratch("utf16");
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in ARTICLE.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    std::fs::write(dir.join("le.txt"), le).unwrap();
    std::fs::write(dir.join("be.txt"), be).unwrap();
    let r = read(&[dir], false);
    assert_eq!((r.counts.extracted, r.counts.failed), (2, 0));
    assert!(r.claims.iter().any(|c| c.values.len() == 2 && c.values.iter().all(|v| v.value == 350.0)));
}

#[cfg(unix)]
#[test]
fn folder_walks_follow_no_link_loop_and_read_no_fifo() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/one.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("sub"), dir.join("again")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("broken.txt")).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    // A file name that is not UTF-8.
    use std::os::unix::ffi::OsStrExt;
    let odd = dir.join(std::ffi::OsStr::from_bytes(b"b\xe1o-c\xe1o.txt"));
    std::fs::write(&odd, ARTICLE).unwrap();
    let walk = diplo_core::corpus::input::walk(std::slice::from_ref(&dir));
    assert_eq!(walk.files.len(), 2, "{:?}", walk.files);
    if made {
        assert!(walk.skipped.iter().any(|(p, why)| p == &fifo && why.contains("not a regular file")), "{:?}", walk.skipped);
    }
    let r = read(&[dir], false);
    assert_eq!((r.counts.read, r.counts.extracted), (2, 2));
    assert!(r.documents.iter().any(|d| d.id.starts_with('b') && d.id.contains('\u{FFFD}')));
}

#[test]
fn a_missing_file_is_a_listed_error() {
    let r = read(&[PathBuf::from("/nonexistent/diplo/x.txt")], false);
    assert_eq!((r.counts.read, r.counts.failed), (1, 1));
    assert_eq!(r.errors[0].code, "io");
}

/// The shared corpus (3,448 real articles): every one accounted for, and
/// none lost to its date field. Skipped when `../shared/corpus` is absent.
#[test]
fn shared_corpus_every_article_accounted_for() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let files: Vec<PathBuf> = ["vnexpress-phenikaa.jsonl", "dantri-unc.jsonl"].iter().map(|f| dir.join(f)).collect();
    if !files.iter().all(|f| f.is_file()) {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let r = read(&files, false);
    assert_eq!(r.counts.read, 3448);
    assert_eq!(r.counts.read, r.counts.extracted + r.counts.failed);
    let date_faults = r.errors.iter().filter(|e| e.code == "invalid_date").count();
    assert_eq!(date_faults, 0, "{:?}", &r.errors[..r.errors.len().min(5)]);
    assert_eq!(r.counts.failed, 0, "{:?}", &r.errors[..r.errors.len().min(5)]);
    // No period from a misread date hint (the year 2442 of "Thứ tư, 24/4/…").
    assert!(r.claims.iter().all(|c| c.period.start.as_deref().is_none_or(|s| s < "2100")));
}
