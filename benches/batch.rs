//! `make bench`: throughput of `mresponse batch` against a baseline run in
//! the same process, and the scaling of one parse with input size.
//!
//! 1. Generates corpora of 1,000 and 10,000 documents by varying the
//!    Markdown, text and HTML fixtures (deterministic: same bytes every run),
//!    about 14 KB each.
//! 2. Baseline: read each file and run pulldown-cmark's full event parse over
//!    it, on one thread.
//! 3. The project: `mresponse batch --formats json,csv` with `--jobs 1` and
//!    `--jobs 2`, as a child process; its peak memory (`VmHWM`) sampled
//!    from `/proc`, and the CPU time it used (user and kernel), which the
//!    file system's speed on the day changes less than the wall time.
//! 4. The I/O floor: reading every input and writing the bytes `batch`
//!    wrote (a JSON file per document, the two CSV tables), nothing parsed:
//!    what any implementation producing those outputs must spend.
//! 5. Stages: where the time goes in process (readers, recogniser,
//!    writers), document by document, against pulldown-cmark alone.
//! 6. Scaling: parse time of one generated 5 MB and one 50 MB document.
//! 7. `mresponse check` over the whole `fixtures/` tree (issue 7: well
//!    under a second), best of three.
//!
//! Prints documents/s, MB/s, peak memory and the ratios as a Markdown table
//! (pasted into `BENCHMARKS.md`). `BENCH_SIZES=1000` runs a smaller set,
//! `BENCH_SIZES=" "` none (stages and scaling only), `BENCH_SCALING=0`
//! skips the scaling part.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mresponse_parse::{Format, parse};

/// The binary's allocator, so that the in-process stages cost what they
/// cost in `mresponse batch`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use pulldown_cmark::{Options, Parser};

const TARGET_DOC_BYTES: usize = 14_000;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The fixtures the corpus varies: (file name, text).
fn fixtures() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(root().join("fixtures/dev"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("md" | "txt" | "html")
            )
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Where a Markdown or text document's recommendations start.
fn body_start(text: &str) -> usize {
    ["Recommendation", "Recommandation", "Recomendación"]
        .iter()
        .filter_map(|w| text.find(&format!("{w} 1")))
        .min()
        .map(|i| text[..i].rfind('\n').map_or(0, |n| n + 1))
        .unwrap_or(text.len())
}

/// Document `n` of the corpus: a fixture, its recommendations repeated with
/// new numbers until it is about 14 KB, and a few words varied.
fn document(n: usize, fixtures: &[(String, String)]) -> (String, String) {
    let (name, text) = &fixtures[n % fixtures.len()];
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("md");
    let mut rng = Lcg(n as u64 + 1);
    let mut doc = text.replacen("Evaluation", &format!("Evaluation {n}"), 1);
    if ext != "html" {
        let body = &text[body_start(text)..];
        let mut round = 1;
        while doc.len() < TARGET_DOC_BYTES && !body.is_empty() {
            let mut part = body.to_string();
            for i in (1..=9).rev() {
                for w in ["Recommendation", "Recommandation", "Recomendación"] {
                    part = part.replace(&format!("{w} {i}"), &format!("{w} {}", i + 10 * round));
                }
            }
            let year = 2020 + (rng.next() % 6);
            part = part.replace("2022", &year.to_string());
            doc.push_str("\n\n");
            doc.push_str(&part);
            round += 1;
        }
    }
    (format!("doc{n:05}.{ext}"), doc)
}

fn generate(dir: &Path, count: usize) -> u64 {
    let fixtures = fixtures();
    let marker = dir.join(".complete");
    if marker.exists() {
        return dir_bytes(dir);
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for n in 0..count {
        let (name, text) = document(n, &fixtures);
        let sub = dir.join(format!("{:02}", n % 50));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(name), text).unwrap();
    }
    std::fs::write(&marker, "").unwrap();
    dir_bytes(dir)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if !p.file_name().unwrap().to_string_lossy().starts_with('.') {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn dir_bytes(dir: &Path) -> u64 {
    files(dir)
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum()
}

/// The I/O any batch must do, timed with nothing parsed or serialised: read
/// every input, write the JSON file `batch` wrote for it (temporary file,
/// then rename, as `batch` does) and the two combined CSV tables, the same
/// bytes, taken beforehand from a batch's output folder `done`.
fn io_floor(input: &Path, done: &Path, out: &Path) -> Duration {
    let inputs = files(input);
    let outputs: Vec<(PathBuf, Vec<u8>)> = inputs
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(input).unwrap().with_extension("json");
            (
                out.join(&rel),
                std::fs::read(done.join(&rel)).unwrap_or_default(),
            )
        })
        .collect();
    let tables: Vec<(PathBuf, Vec<u8>)> = ["key_actions.csv", "recommendations.csv"]
        .iter()
        .map(|name| (out.join(name), std::fs::read(done.join(name)).unwrap()))
        .collect();
    let start = Instant::now();
    std::fs::create_dir_all(out).unwrap();
    for (source, (target, bytes)) in inputs.iter().zip(&outputs) {
        std::hint::black_box(std::fs::read(source).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let tmp = target.with_extension("json.tmp");
        std::fs::write(&tmp, bytes).unwrap();
        std::fs::rename(&tmp, target).unwrap();
    }
    for (target, bytes) in &tables {
        std::fs::write(target, bytes).unwrap();
    }
    start.elapsed()
}

/// Writes every dirty page back to disk, so that the next measurement does
/// not share the machine with the last one's writeback.
fn sync() {
    let _ = Command::new("sync").status();
}

/// Reads every file and runs pulldown-cmark's full event parse over it.
fn baseline(dir: &Path) -> Duration {
    let start = Instant::now();
    let mut events = 0usize;
    for p in files(dir) {
        let text = std::fs::read_to_string(&p).unwrap();
        events += Parser::new_ext(&text, Options::ENABLE_TABLES).count();
    }
    assert!(events > 0);
    start.elapsed()
}

struct Run {
    elapsed: Duration,
    peak_kb: u64,
    /// CPU time the child spent in user mode and in the kernel.
    cpu: Cpu,
}

/// User and system CPU time.
#[derive(Clone, Copy, Default)]
struct Cpu {
    user: f64,
    system: f64,
}

impl Cpu {
    fn total(self) -> f64 {
        self.user + self.system
    }
}

/// The CPU time of this process's children that have been waited for, from
/// `/proc/self/stat` (`cutime`, `cstime`, in clock ticks of 10 ms).
fn children_cpu() -> Cpu {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may
    // hold spaces: `cutime` and `cstime` are fields 16 and 17 of the line.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let field = |n: usize| {
        after
            .split_whitespace()
            .nth(n - 3)
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(0.0, |ticks| ticks / 100.0)
    };
    Cpu {
        user: field(16),
        system: field(17),
    }
}

/// Runs the binary, sampling its peak RSS (`VmHWM`) from `/proc`.
fn run_batch(bin: &Path, input: &Path, out: &Path, jobs: usize) -> Run {
    let _ = std::fs::remove_dir_all(out);
    let cpu_before = children_cpu();
    let start = Instant::now();
    let mut child = Command::new(bin)
        .args([
            "batch",
            "--quiet",
            "--formats",
            "json,csv",
            "--jobs",
            &jobs.to_string(),
        ])
        .arg(input)
        .arg("--out")
        .arg(out)
        .spawn()
        .expect("spawn batch");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status_path)
            && let Some(kb) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(
                status.code().is_some_and(|c| c <= 1),
                "batch failed: {status}"
            );
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let elapsed = start.elapsed();
    let cpu_after = children_cpu();
    Run {
        elapsed,
        peak_kb,
        cpu: Cpu {
            user: cpu_after.user - cpu_before.user,
            system: cpu_after.system - cpu_before.system,
        },
    }
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

fn scaling() {
    let seed = std::fs::read_to_string(root().join("fixtures/dev/unitar-minamata.md")).unwrap();
    let head_end = body_start(&seed);
    let (head, body) = seed.split_at(head_end);
    let make = |target: usize| {
        let mut doc = head.to_string();
        let mut round = 0usize;
        while doc.len() < target {
            let mut part = body.to_string();
            for i in (1..=5).rev() {
                part = part.replace(
                    &format!("Recommendation {i}"),
                    &format!("Recommendation {}", i + 5 * round),
                );
            }
            doc.push_str("\n\n");
            doc.push_str(&part);
            round += 1;
        }
        doc
    };
    println!("\n| document | size | parse time | MB/s |\n|---|---|---|---|");
    let mut times = Vec::new();
    let mut base = Vec::new();
    for size in [5_000_000usize, 50_000_000] {
        let doc = make(size);
        let mut fastest = f64::MAX;
        for _ in 0..3 {
            let base_start = Instant::now();
            std::hint::black_box(Parser::new_ext(&doc, Options::ENABLE_TABLES).count());
            fastest = fastest.min(base_start.elapsed().as_secs_f64());
        }
        base.push(fastest);
        let t0 = Instant::now();
        let (blocks, _) = mresponse_parse::read_blocks(
            doc.as_bytes(),
            Format::Markdown,
            &mresponse_parse::Limits::default(),
        )
        .unwrap();
        let t1 = Instant::now();
        let _ = mresponse_parse::recognise::recognise(&blocks).unwrap();
        let t2 = Instant::now();
        eprintln!(
            "  {} MB: readers {:.3} s, recogniser {:.3} s, pulldown-cmark alone {:.3} s",
            size / 1_000_000,
            (t1 - t0).as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            base.last().copied().unwrap_or(0.0)
        );
        drop(blocks);
        // Best of three: the quietest run is the one the algorithm owns.
        let mut t = Duration::MAX;
        for _ in 0..3 {
            let start = Instant::now();
            let parsed = parse(doc.as_bytes(), Format::Markdown).expect("parses");
            t = t.min(start.elapsed());
            assert!(parsed.recommendations.len() > 100);
        }
        println!(
            "| generated seed | {:.1} MB | {:.3} s | {:.1} |",
            mb(doc.len() as u64),
            t.as_secs_f64(),
            mb(doc.len() as u64) / t.as_secs_f64()
        );
        times.push(t.as_secs_f64());
    }
    println!(
        "\nscaling ratio (50 MB time / 5 MB time): {:.2} (at most 12)",
        times[1] / times[0]
    );
    println!(
        "pulldown-cmark alone on the same two documents: {:.2} (the memory hierarchy's share of the ratio)",
        base[1] / base[0]
    );
}

/// Where the time goes, in process and on one thread: reading the files,
/// pulldown-cmark alone, the readers, the recogniser, and the writers.
/// The in-process times, over 1,000 documents, that every program producing
/// these outputs with these libraries spends whatever its design: one
/// pulldown-cmark parse, and the JSON and CSV writers.
struct Unavoidable {
    pulldown: f64,
    writers: f64,
}

fn stages(dir: &Path) -> Unavoidable {
    use mresponse_parse::{Limits, read_blocks, recognise::recognise};
    let paths = files(dir);
    let texts: Vec<(Format, Vec<u8>)> = paths
        .iter()
        .map(|p| (Format::from_path(p).unwrap(), std::fs::read(p).unwrap()))
        .collect();
    let bytes: usize = texts.iter().map(|(_, b)| b.len()).sum();
    // Best of three runs of each stage: single runs vary by 10%.
    let time = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let pulldown = time(&mut || {
        for (_, b) in &texts {
            let text = std::str::from_utf8(b).unwrap();
            std::hint::black_box(Parser::new_ext(text, Options::ENABLE_TABLES).count());
        }
    });
    // Document by document, as `batch` does (keeping every block stream
    // and document of the corpus at once would time the page faults of
    // growing memory instead): each stage's time summed over the corpus,
    // best of three passes.
    let mut best = [f64::INFINITY; 4];
    for _ in 0..3 {
        let mut sum = [0f64; 4];
        let mut csv_out = Vec::new();
        for (format, b) in &texts {
            let t0 = Instant::now();
            let blocks = read_blocks(b, *format, &Limits::default()).unwrap().0;
            let t1 = Instant::now();
            let Ok(recognised) = recognise(&blocks) else {
                continue;
            };
            let doc = recognised.document;
            let t2 = Instant::now();
            std::hint::black_box(mresponse_export::to_json(&doc).unwrap());
            let t3 = Instant::now();
            csv_out.clear();
            let opts = mresponse_export::CsvOptions::default();
            let mut keys = mresponse_export::KeyActionWriter::rows_only(&mut csv_out, opts);
            keys.write_document("x", &doc).unwrap();
            keys.flush().unwrap();
            drop(keys);
            let mut recs = mresponse_export::RecommendationWriter::rows_only(&mut csv_out, opts);
            recs.write_document("x", &doc).unwrap();
            recs.flush().unwrap();
            drop(recs);
            let t4 = Instant::now();
            for (s, d) in sum.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3]) {
                *s += d.as_secs_f64();
            }
        }
        for (b, s) in best.iter_mut().zip(sum) {
            *b = b.min(s);
        }
    }
    let [read, recog, json, csv] = best;
    println!(
        "\n| stage (in process, 1 thread, {} documents, {:.0} MB) | time | MB/s | × pulldown-cmark |\n|---|---|---|---|",
        texts.len(),
        mb(bytes as u64)
    );
    for (name, t) in [
        ("pulldown-cmark event parse", pulldown),
        ("readers (block stream)", read),
        ("recogniser", recog),
        ("JSON writer", json),
        ("CSV writers (both tables)", csv),
    ] {
        println!(
            "| {name} | {t:.3} s | {:.0} | {:.1} |",
            mb(bytes as u64) / t,
            t / pulldown
        );
    }
    Unavoidable {
        pulldown: pulldown * 1_000.0 / texts.len() as f64,
        writers: (json + csv) * 1_000.0 / texts.len() as f64,
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000]);
    let bin = root().join("target/release/mresponse");
    assert!(
        bin.exists(),
        "build the release binary first (make bench does)"
    );
    let work = root().join("target/bench");
    // Outputs go to folders no earlier run used, removed when the run ends:
    // on ext4 without a journal, creating files right after deleting many
    // scans the recently deleted inodes (a quarter of a batch's time when
    // the bench removed the last run's outputs just before the next).
    let runs = work.join(format!(
        "runs-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    ));
    println!(
        "| documents | MB | baseline (pulldown-cmark, 1 thread) | I/O floor | batch --jobs 1 | batch --jobs 2 | floor / baseline | jobs 1 / baseline | jobs 1 CPU (user + sys) | jobs 1 CPU / baseline | jobs 1 / jobs 2 | peak memory jobs 1 | peak memory jobs 2 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut measured = Vec::new();
    for count in sizes {
        let dir = work.join(format!("corpus-{count}"));
        let bytes = generate(&dir, count);
        // Warm the page cache, then measure; every measurement starts with
        // no dirty pages (`sync`), so none pays for the one before it.
        let _ = baseline(&dir);
        sync();
        let base = baseline(&dir);
        sync();
        let one = run_batch(&bin, &dir, &runs.join(format!("{count}-jobs1")), 1);
        sync();
        let two = run_batch(&bin, &dir, &runs.join(format!("{count}-jobs2")), 2);
        sync();
        let floor = io_floor(
            &dir,
            &runs.join(format!("{count}-jobs1")),
            &runs.join(format!("{count}-floor")),
        );
        let rate = |d: Duration| {
            format!(
                "{:.2} s ({:.0} docs/s, {:.0} MB/s)",
                d.as_secs_f64(),
                count as f64 / d.as_secs_f64(),
                mb(bytes) / d.as_secs_f64()
            )
        };
        println!(
            "| {count} | {:.0} | {} | {:.2} s | {} | {} | {:.2} | {:.2} | {:.2} s ({:.2} + {:.2}) | {:.2} | {:.2} | {:.1} MB | {:.1} MB |",
            mb(bytes),
            rate(base),
            floor.as_secs_f64(),
            rate(one.elapsed),
            rate(two.elapsed),
            floor.as_secs_f64() / base.as_secs_f64(),
            one.elapsed.as_secs_f64() / base.as_secs_f64(),
            one.cpu.total(),
            one.cpu.user,
            one.cpu.system,
            one.cpu.total() / base.as_secs_f64(),
            one.elapsed.as_secs_f64() / two.elapsed.as_secs_f64(),
            one.peak_kb as f64 / 1024.0,
            two.peak_kb as f64 / 1024.0,
        );
        measured.push((count, base.as_secs_f64(), floor.as_secs_f64()));
    }
    let _ = std::fs::remove_dir_all(&runs);
    let corpus = work.join("corpus-1000");
    generate(&corpus, 1_000);
    let unavoidable = stages(&corpus);
    // What a program with a free reader and a free recogniser would still
    // take: the I/O floor, one pulldown-cmark parse and the two writers
    // (their in-process times per 1,000 documents, scaled to the corpus).
    for (count, base, floor) in measured {
        let per = count as f64 / 1_000.0;
        let least = floor + (unavoidable.pulldown + unavoidable.writers) * per;
        println!(
            "\n{count} documents: I/O floor {floor:.2} s + pulldown-cmark parse {:.2} s + JSON and CSV writers {:.2} s = {least:.2} s, {:.2}× the baseline: the least any design with these outputs and libraries takes here",
            unavoidable.pulldown * per,
            unavoidable.writers * per,
            least / base
        );
    }
    if std::env::var("BENCH_SCALING").as_deref() != Ok("0") {
        scaling();
    }
    check_fixtures(&bin);
}

/// Times `mresponse check` over the whole `fixtures/` tree, best of three.
fn check_fixtures(bin: &Path) {
    let fixtures = root().join("fixtures");
    let files = walk(&fixtures).len();
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            let out = Command::new(bin)
                .args(["check", "--color", "never"])
                .arg(&fixtures)
                .output()
                .expect("run mresponse check");
            // The err_ fixtures are errors: exit 1, never a crash.
            assert_eq!(out.status.code(), Some(1), "check fixtures/");
            start.elapsed()
        })
        .min()
        .unwrap_or_default();
    println!(
        "\ncheck over fixtures/ ({files} files): {:.3} s (issue 7: well under a second)",
        best.as_secs_f64()
    );
}

/// Every file under `dir`, recursively.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}
