//! The command line, run as a user would: exit codes, batch folders with bad
//! files, determinism across thread counts, and outputs whole or absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mresponse"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dev")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The dev documents (inputs, not gold files).
fn dev_inputs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| mresponse_parse::Format::from_path(p).is_some())
        .collect();
    v.sort();
    v
}

#[test]
fn convert_prints_json_and_exits_zero() {
    let o = run(bin()
        .args(["convert"])
        .arg(fixtures().join("unitar-minamata.md")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: mresponse_parse::Document = serde_json::from_slice(&o.stdout).expect("JSON document");
    assert_eq!(doc.recommendations.len(), 5);
}

#[test]
fn convert_reads_standard_input() {
    let o = run(bin()
        .args(["convert", "-", "--from", "md"])
        .stdin(std::fs::File::open(fixtures().join("unitar-minamata.md")).expect("seed")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn convert_errors_name_the_file_and_exit_two() {
    let dir = TempDir::new().expect("tempdir");
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").expect("write");
    let prose = dir.path().join("prose.md");
    std::fs::write(&prose, "Just a note about something else.\n").expect("write");
    for (path, words) in [
        (empty, "empty"),
        (prose.clone(), "no recommendation found"),
        (dir.path().join("missing.md"), "cannot open"),
    ] {
        let o = run(bin().arg("convert").arg(&path));
        assert_eq!(o.status.code(), Some(2), "{}", path.display());
        let err = stderr(&o);
        assert!(
            err.contains(&*path.to_string_lossy()) && err.contains(words),
            "{err}"
        );
    }
}

#[test]
fn strict_turns_warnings_into_exit_one() {
    let zoo = fixtures().join("fisheries-timeframe-zoo.md");
    assert_eq!(run(bin().arg("convert").arg(&zoo)).status.code(), Some(0));
    assert_eq!(
        run(bin().args(["convert", "--strict"]).arg(&zoo))
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = TempDir::new().expect("tempdir");
    let out = dir.path().join("sub/seed.csv");
    let o = run(bin()
        .args(["convert", "--to", "csv", "-o"])
        .arg(&out)
        .arg(fixtures().join("unitar-minamata.md")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("document,recommendation_id,"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
        .expect("dir")
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

/// A folder of good documents, a subfolder, and every kind of bad file.
fn messy_folder(dir: &Path) -> Vec<String> {
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).expect("mkdir");
    let mut good = Vec::new();
    for (i, path) in dev_inputs().into_iter().enumerate() {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let rel = if i % 3 == 0 {
            format!("sub/{name}")
        } else {
            name
        };
        std::fs::copy(&path, input.join(&rel)).expect("copy");
        good.push(rel);
    }
    std::fs::write(input.join("empty.md"), "").expect("write");
    std::fs::write(input.join("binary.md"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
    std::fs::write(input.join("notes.pdf"), "%PDF-1.4").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(input.join("gone.md"), input.join("dangling.md")).expect("symlink");
    good.sort();
    good
}

#[test]
fn batch_converts_the_good_files_and_reports_the_bad() {
    let dir = TempDir::new().expect("tempdir");
    let good = messy_folder(dir.path());
    let out = dir.path().join("out");
    let o = run(bin()
        .args(["batch", "--quiet", "--formats", "json,csv"])
        .arg(dir.path().join("in"))
        .arg("--out")
        .arg(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    let status = |name: &str| {
        report["files"]
            .as_array()
            .and_then(|f| f.iter().find(|f| f["document"] == name))
            .map(|f| {
                (
                    f["status"].as_str().unwrap_or("").to_string(),
                    f["error"].as_str().unwrap_or("").to_string(),
                )
            })
    };
    for name in &good {
        let (s, e) = status(name).unwrap_or_default();
        assert!(s == "ok" || s == "warnings", "{name}: {s} {e}");
    }
    assert!(status("empty.md").is_some_and(|(s, e)| s == "failed" && e.contains("empty")));
    assert!(status("binary.md").is_some_and(|(s, e)| s == "failed" && e.contains("binary")));
    assert!(status("dangling.md").is_some_and(|(s, e)| s == "failed" && e.contains("cannot open")));
    assert!(report["skipped"].as_array().is_some_and(|s| {
        s.iter()
            .any(|p| p.as_str().is_some_and(|p| p.ends_with("notes.pdf")))
    }));

    // The combined CSV holds exactly the rows of the good files.
    let mut reader = csv::Reader::from_path(out.join("key_actions.csv")).expect("csv");
    let mut documents = std::collections::BTreeMap::<String, usize>::new();
    for row in reader.records() {
        let row = row.expect("row");
        *documents.entry(row[0].to_string()).or_default() += 1;
    }
    assert_eq!(documents.keys().cloned().collect::<Vec<_>>(), good);
    for name in &good {
        let path = dir.path().join("in").join(name);
        let doc = mresponse_parse::parse(
            &std::fs::read(&path).expect("read"),
            mresponse_parse::Format::from_path(&path).expect("format"),
        )
        .expect("parses");
        let rows: usize = doc
            .recommendations
            .iter()
            .map(|r| r.key_actions.len().max(1))
            .sum();
        assert_eq!(documents[name], rows, "{name}");
    }
    // Per-document outputs mirror the input tree.
    assert!(out.join("sub").is_dir());
}

fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under").to_path_buf();
                files.push((rel, std::fs::read(&p).expect("read")));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn batch_output_is_the_same_whatever_the_jobs() {
    let dir = TempDir::new().expect("tempdir");
    messy_folder(dir.path());
    // Many more documents than the workers' window (8 a worker), small and
    // large alternating, so that workers finish out of order.
    let many = dir.path().join("in/many");
    std::fs::create_dir_all(&many).expect("mkdir");
    let small = std::fs::read(fixtures().join("rural-wash-matrix.md")).expect("read");
    let large = std::fs::read(fixtures().join("unitar-minamata.md")).expect("read");
    for i in 0..120 {
        let body = if i % 7 == 0 {
            large.repeat(20)
        } else {
            small.clone()
        };
        std::fs::write(many.join(format!("doc{i:03}.md")), body).expect("write");
    }
    let mut trees = Vec::new();
    for jobs in ["1", "2", "3"] {
        let out = dir.path().join(format!("out{jobs}"));
        run(bin()
            .args([
                "batch",
                "--quiet",
                "--formats",
                "json,md,csv,xlsx",
                "--jobs",
                jobs,
            ])
            .arg(dir.path().join("in"))
            .arg("--out")
            .arg(&out));
        trees.push(tree(&out));
    }
    assert!(!trees[0].is_empty());
    assert_eq!(trees[0], trees[1]);
    assert_eq!(trees[0], trees[2]);
}

#[test]
fn batch_failing_write_loses_one_document_not_the_batch() {
    let dir = TempDir::new().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("blocked")).expect("mkdir");
    std::fs::copy(
        fixtures().join("unitar-minamata.md"),
        input.join("blocked/seed.md"),
    )
    .expect("copy");
    std::fs::copy(
        fixtures().join("rural-wash-matrix.md"),
        input.join("wash.md"),
    )
    .expect("copy");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    // A file where the output folder `blocked/` must go: that write fails.
    std::fs::write(out.join("blocked"), "in the way").expect("write");
    let o = run(bin()
        .args(["batch", "--quiet"])
        .arg(&input)
        .arg("--out")
        .arg(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(out.join("wash.json").is_file());
    let names: Vec<String> = std::fs::read_dir(&out)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn batch_failing_table_write_leaves_no_temporary_file() {
    let dir = TempDir::new().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::copy(fixtures().join("unitar-minamata.md"), input.join("seed.md")).expect("copy");
    let out = dir.path().join("out");
    // A folder where the combined table must go: putting it in place fails.
    std::fs::create_dir_all(out.join("key_actions.csv")).expect("mkdir");
    for jobs in ["1", "2"] {
        let o = run(bin()
            .args(["batch", "--quiet", "--jobs", jobs])
            .arg(&input)
            .arg("--out")
            .arg(&out));
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("key_actions.csv"), "{}", stderr(&o));
        let names: Vec<String> = std::fs::read_dir(&out)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        assert!(!out.join("recommendations.csv").exists());
    }
}

#[test]
fn batch_killed_midway_leaves_only_whole_files() {
    let dir = TempDir::new().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let seed = std::fs::read(fixtures().join("unitar-minamata.md")).expect("seed");
    for i in 0..3000 {
        std::fs::write(input.join(format!("doc{i:04}.md")), &seed).expect("write");
    }
    let out = dir.path().join("out");
    let mut child = bin()
        .args([
            "batch",
            "--quiet",
            "--jobs",
            "1",
            "--formats",
            "json,md,csv",
        ])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .spawn()
        .expect("spawn");
    // Kill it once some outputs exist.
    for _ in 0..400 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        if std::fs::read_dir(&out)
            .map(|d| d.count() > 20)
            .unwrap_or(false)
        {
            break;
        }
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    let mut checked = 0;
    for (rel, bytes) in tree(&out) {
        let name = rel.to_string_lossy();
        if name.starts_with('.') {
            continue; // a temporary file: never an output
        }
        if name.ends_with(".json") {
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("{name} is partial: {e}"));
            checked += 1;
        } else if name.ends_with(".md") {
            assert!(bytes.ends_with(b"\n"), "{name} is partial");
        }
    }
    assert!(checked > 0);
    assert!(
        !out.join("key_actions.csv").exists() || std::fs::read(out.join("key_actions.csv")).is_ok()
    );
}

/// `status` over the dev fixtures as of 2022-07-01, in each format, equals
/// its reviewed golden file (`UPDATE_GOLDEN=1` rewrites them).
#[test]
fn status_matches_its_golden_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (format, ext) in [("text", "txt"), ("json", "json"), ("csv", "csv")] {
        let o = run(bin().current_dir(root).args([
            "status",
            "fixtures/dev",
            "--as-of",
            "2022-07-01",
            "--format",
            format,
        ]));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let golden = root.join(format!("tests/golden/status.{ext}"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(golden.parent().expect("parent")).expect("mkdir");
            std::fs::write(&golden, &o.stdout).expect("write golden");
        }
        let want = std::fs::read(&golden).expect("golden file");
        assert!(
            want == o.stdout,
            "status --format {format} differs from {}",
            golden.display()
        );
    }
}

#[test]
fn status_counts_the_day_before_as_overdue_and_the_day_itself_not() {
    let dir = TempDir::new().expect("tempdir");
    let doc = "Recommendation 1: Do it.\n\nManagement response: Accepted.\n\nKey actions\n1.1 First | Responsible: PMU | Time frame: 30 June 2022\n1.2 Second | Responsible: PMU | Time frame: 1 July 2022\n";
    std::fs::write(dir.path().join("r.txt"), doc).expect("write");
    let o = run(bin()
        .args(["status", "--format", "json", "--as-of", "2022-07-01"])
        .arg(dir.path().join("r.txt")));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let overdue = report["overdue"].as_array().expect("list");
    assert_eq!(overdue.len(), 1, "{report}");
    assert_eq!(overdue[0]["key_action_id"], "1.1");
    assert_eq!(overdue[0]["days_overdue"], 1);
}
