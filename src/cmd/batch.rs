//! `mresponse batch INPUT... --out DIR`: a folder of documents, in parallel,
//! with progress, a report, and nothing lost.
//!
//! Workers (`--jobs`, default the number of cores) take documents in order
//! from a shared counter, write each document's own outputs, and hand the
//! document to one collector, which appends it to the combined CSVs in input
//! order whatever finished first. At most a few documents per worker are in
//! memory at once. Every file is written whole or not at all (temporary
//! file, then rename); one bad file never stops the batch.
//!
//! Exit codes: 0 every document converted, 1 some failed (the others are
//! still written), 2 usage error or nothing to read.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mresponse_export::{
    KeyActionWriter, RecommendationWriter, to_json, to_markdown, write_workbook,
};
use mresponse_parse::{Document, Limits, Severity, parse_detailed};
use serde::Serialize;

use crate::Outcome;
use crate::input::read_input;
use crate::output::write_atomic;
use crate::render::CsvFlags;
use crate::walk::{Found, walk};

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to convert (folders are walked recursively; .md,
    /// .markdown, .txt, .html, .htm and .docx files are read).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The folder to write into; it mirrors the inputs' relative paths.
    #[arg(long, short = 'o')]
    pub out: PathBuf,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Outputs, comma-separated: json and md per document; csv
    /// (key_actions.csv, recommendations.csv) and xlsx (mresponse.xlsx) for
    /// the whole batch.
    #[arg(long, value_delimiter = ',', default_value = "json,csv")]
    pub formats: Vec<BatchFormat>,
    /// Documents with warnings count as failed (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// No progress bar and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Largest input read, in bytes.
    #[arg(long, default_value_t = Limits::default().max_input_bytes)]
    pub max_input_bytes: u64,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// An output of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// One JSON file per document.
    Json,
    /// One normalized Markdown file per document.
    Md,
    /// Combined key_actions.csv and recommendations.csv.
    Csv,
    /// One workbook for the batch (holds every document in memory).
    Xlsx,
}

/// The outcome of one document, as `report.json` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The input's path relative to the input it was found under.
    pub document: String,
    /// `ok`, `warnings` or `failed`.
    pub status: &'static str,
    /// Recommendations found.
    pub recommendations: usize,
    /// Key actions found.
    pub key_actions: usize,
    /// Diagnostics, counted by code.
    pub diagnostics: BTreeMap<String, usize>,
    /// Why the document failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The outputs written for it, relative to `--out`.
    pub outputs: Vec<String>,
}

/// `report.json`, but its `files`, which are streamed to disk as documents
/// complete (one compact object a line) so that memory does not grow with
/// the batch.
#[derive(Debug, Serialize)]
struct Report {
    documents: usize,
    converted: usize,
    with_warnings: usize,
    failed: usize,
    skipped: Vec<String>,
    unreadable: Vec<String>,
    renamed_for_collisions: Vec<String>,
}

/// What the collector keeps of the files it has seen.
#[derive(Debug, Default)]
struct Tally {
    documents: usize,
    with_warnings: usize,
    /// The failed documents with their errors (for the summary).
    failures: Vec<(String, String)>,
}

/// What a worker hands the collector.
struct Done {
    report: FileReport,
    document: Option<Document>,
}

/// Runs `batch`.
pub fn run(args: Args) -> Result<Outcome> {
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let found = walk(&args.inputs, Some(&args.out));
    if found.documents.is_empty() && found.unreadable.len() == args.inputs.len() {
        bail!(
            "nothing to read: {}",
            found
                .unreadable
                .iter()
                .map(|(p, e)| format!("{}: {e}", p.display()))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create", args.out.display()))?;
    let (stems, renamed) = output_stems(&found.documents);
    let progress = progress_bar(found.documents.len() as u64, args.quiet);

    let next = AtomicUsize::new(0);
    let (sender, receiver) = sync_channel::<(usize, Done)>(jobs * 4);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let collected = pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, docs, stems, args, progress) =
                (&next, &found.documents, &stems, &args, &progress);
            scope.spawn(move |_| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(doc), Some(stem)) = (docs.get(i), stems.get(i)) else {
                        break;
                    };
                    let done = convert_one(doc, stem, args);
                    progress.inc(1);
                    if sender.send((i, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        collect(receiver, &args)
    })?;
    progress.finish_and_clear();

    let (tally, files_tmp) = collected;
    let failed = tally.failures.len();
    let with_warnings = tally.with_warnings;
    let report = Report {
        documents: tally.documents,
        converted: tally.documents - failed,
        with_warnings,
        failed,
        skipped: found
            .skipped
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        unreadable: found
            .unreadable
            .iter()
            .map(|(p, e)| format!("{}: {e}", p.display()))
            .collect(),
        renamed_for_collisions: renamed,
    };
    write_report(&report, &files_tmp, &args.out.join("report.json"))?;
    if !args.quiet {
        summary(&report, &tally, &args.out);
    }
    let strict_fail = args.strict && with_warnings > 0;
    Ok(
        if failed > 0 || strict_fail || !report.unreadable.is_empty() {
            Outcome::Problems
        } else {
            Outcome::Ok
        },
    )
}

/// Output stems: the relative path without its extension, or with it where
/// two inputs would share a stem (`a.md` and `a.txt` → `a.md.*`, `a.txt.*`).
fn output_stems(docs: &[Found]) -> (Vec<PathBuf>, Vec<String>) {
    let plain: Vec<PathBuf> = docs.iter().map(|d| d.relative.with_extension("")).collect();
    let mut count: HashMap<&Path, usize> = HashMap::new();
    for p in &plain {
        *count.entry(p.as_path()).or_default() += 1;
    }
    let mut renamed = Vec::new();
    let stems = docs
        .iter()
        .zip(&plain)
        .map(|(d, p)| {
            if count.get(p.as_path()).copied().unwrap_or(0) > 1 {
                renamed.push(d.relative.display().to_string());
                d.relative.clone()
            } else {
                p.clone()
            }
        })
        .collect();
    (stems, renamed)
}

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// Converts one document and writes its own outputs.
fn convert_one(found: &Found, stem: &Path, args: &Args) -> Done {
    let name = found.relative.display().to_string();
    let mut report = FileReport {
        document: name.clone(),
        status: "failed",
        recommendations: 0,
        key_actions: 0,
        diagnostics: BTreeMap::new(),
        error: None,
        outputs: Vec::new(),
    };
    let limits = Limits {
        max_input_bytes: args.max_input_bytes,
    };
    let parsed =
        read_input(&found.path, Some(found.format), limits.max_input_bytes).and_then(|input| {
            parse_detailed(&input.bytes, input.format, &limits).map_err(anyhow::Error::from)
        });
    let doc = match parsed {
        Ok(r) => r.document,
        Err(e) => {
            report.error = Some(format!("{e:#}"));
            return Done {
                report,
                document: None,
            };
        }
    };
    report.recommendations = doc.recommendations.len();
    report.key_actions = doc
        .recommendations
        .iter()
        .map(|r| r.key_actions.len())
        .sum();
    for d in &doc.diagnostics {
        *report
            .diagnostics
            .entry(d.code.as_str().to_string())
            .or_default() += 1;
    }
    let warned = doc
        .diagnostics
        .iter()
        .any(|d| d.severity >= Severity::Warning);
    report.status = if warned { "warnings" } else { "ok" };
    for format in &args.formats {
        let (ext, bytes) = match format {
            BatchFormat::Json => (
                "json",
                to_json(&doc)
                    .map(String::into_bytes)
                    .map_err(anyhow::Error::from),
            ),
            BatchFormat::Md => ("md", Ok(format!("{}\n", to_markdown(&doc)).into_bytes())),
            _ => continue,
        };
        let rel = with_added_extension(stem, ext);
        let written = bytes.and_then(|b| write_atomic(&args.out.join(&rel), &b));
        match written {
            Ok(()) => report.outputs.push(rel.display().to_string()),
            Err(e) => {
                report.status = "failed";
                report.error = Some(format!("{e:#}"));
            }
        }
    }
    Done {
        report,
        document: Some(doc),
    }
}

fn with_added_extension(stem: &Path, ext: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// Receives documents as they complete and appends them to the combined
/// outputs in input order.
fn collect(receiver: Receiver<(usize, Done)>, args: &Args) -> Result<(Tally, PathBuf)> {
    let csv = args.formats.contains(&BatchFormat::Csv);
    let xlsx = args.formats.contains(&BatchFormat::Xlsx);
    let opts = args.csv.options();
    let key_tmp = args
        .out
        .join(format!(".key_actions.csv.{}.tmp", std::process::id()));
    let rec_tmp = args
        .out
        .join(format!(".recommendations.csv.{}.tmp", std::process::id()));
    let mut writers = if csv {
        let k = BufWriter::new(
            std::fs::File::create(&key_tmp).context("cannot create key_actions.csv")?,
        );
        let r = BufWriter::new(
            std::fs::File::create(&rec_tmp).context("cannot create recommendations.csv")?,
        );
        Some((
            KeyActionWriter::new(k, opts)?,
            RecommendationWriter::new(r, opts)?,
        ))
    } else {
        None
    };
    let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
    let files_tmp = args
        .out
        .join(format!(".report-files.{}.tmp", std::process::id()));
    let mut files =
        BufWriter::new(std::fs::File::create(&files_tmp).context("cannot create report.json")?);
    let mut tally = Tally::default();
    let mut workbook: Vec<(String, Document)> = Vec::new();
    let mut next = 0;
    for (i, done) in receiver {
        waiting.insert(i, done);
        while let Some(done) = waiting.remove(&next) {
            next += 1;
            if let (Some(doc), Some((k, r))) = (&done.document, writers.as_mut()) {
                k.write_document(&done.report.document, doc)?;
                r.write_document(&done.report.document, doc)?;
            }
            if let (true, Some(doc)) = (xlsx, done.document) {
                workbook.push((done.report.document.clone(), doc));
            }
            tally.documents += 1;
            match done.report.status {
                "failed" => tally.failures.push((
                    done.report.document.clone(),
                    done.report.error.clone().unwrap_or_default(),
                )),
                "warnings" => tally.with_warnings += 1,
                _ => {}
            }
            serde_json::to_writer(&mut files, &done.report)?;
            files.write_all(b"\n")?;
        }
    }
    files.flush()?;
    drop(files);
    if let Some((k, r)) = writers {
        finish_csv(k.into_inner()?, &key_tmp, &args.out.join("key_actions.csv"))?;
        finish_csv(
            r.into_inner()?,
            &rec_tmp,
            &args.out.join("recommendations.csv"),
        )?;
    }
    if xlsx {
        write_atomic(
            &args.out.join("mresponse.xlsx"),
            &write_workbook(&workbook)?,
        )?;
    }
    Ok((tally, files_tmp))
}

/// Writes `report.json`: the report's fields, then `files` from the lines
/// streamed to `files_tmp`, one object a line, in input order.
fn write_report(report: &Report, files_tmp: &Path, target: &Path) -> Result<()> {
    let head = serde_json::to_string_pretty(report)?;
    let head = head.strip_suffix("\n}").unwrap_or(&head);
    let tmp = target.with_extension("json.tmp");
    let result = (|| -> Result<()> {
        let mut out = BufWriter::new(std::fs::File::create(&tmp)?);
        out.write_all(head.as_bytes())?;
        out.write_all(b",\n  \"files\": [")?;
        let lines = std::io::BufReader::new(std::fs::File::open(files_tmp)?);
        let mut first = true;
        for line in std::io::BufRead::lines(lines) {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            out.write_all(line?.as_bytes())?;
            first = false;
        }
        out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        out.flush()?;
        std::fs::rename(&tmp, target)?;
        Ok(())
    })();
    let _ = std::fs::remove_file(files_tmp);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("{}: cannot write", target.display()))
}

/// Flushes a combined CSV's temporary file and renames it into place.
fn finish_csv(mut out: BufWriter<std::fs::File>, tmp: &Path, target: &Path) -> Result<()> {
    out.flush()?;
    drop(out.into_inner().map_err(|e| e.into_error())?);
    std::fs::rename(tmp, target).with_context(|| format!("{}: cannot write", target.display()))
}

fn summary(report: &Report, tally: &Tally, out: &Path) {
    eprintln!(
        "{} documents: {} converted ({} with warnings), {} failed; {} files skipped; outputs in {}",
        report.documents,
        report.converted,
        report.with_warnings,
        report.failed,
        report.skipped.len(),
        out.display()
    );
    for (document, error) in &tally.failures {
        eprintln!("  failed: {document}: {error}");
    }
    for u in &report.unreadable {
        eprintln!("  unreadable: {u}");
    }
    for r in &report.renamed_for_collisions {
        eprintln!("  renamed (another input has the same name): {r}");
    }
}
