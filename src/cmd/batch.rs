//! `mresponse batch INPUT... --out DIR`: a folder of documents, in parallel,
//! with progress, a report, and nothing lost.
//!
//! Workers (`--jobs`, default the number of cores) take documents in order
//! from a shared counter, write each document's own outputs and its rows of
//! the combined CSVs, and hand those in; whichever worker completes the next
//! document in input order appends it, and any that waited for it, to the
//! combined outputs, so they are in input order whatever finished first
//! (with one job, all on one thread). A worker starts no document more
//! than 8 per worker ahead of the next one to append, so memory is bounded
//! by the documents in flight, not by the batch. Every file is written whole or not at all (temporary
//! file, then rename); one bad file never stops the batch.
//!
//! Exit codes: 0 every document converted, 1 some failed (the others are
//! still written), 2 usage error or nothing to read.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mresponse_export::{
    KeyActionWriter, RecommendationWriter, to_json_bytes, to_markdown, write_workbook,
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

/// What a worker hands the collector: the report entry and the document's
/// rows of the combined tables, already written out, so the collector only
/// appends bytes and every document is freed by the thread that made it.
struct Done {
    report: FileReport,
    /// Rows of `key_actions.csv` (no header).
    key_rows: Vec<u8>,
    /// Rows of `recommendations.csv` (no header).
    recommendation_rows: Vec<u8>,
    /// The document, kept only when the batch writes a workbook.
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

    let order = InOrder::new(Collector::new(&args)?, jobs);
    let next = AtomicUsize::new(0);
    // A worker: take the next document, convert it, hand it in.
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let (Some(doc), Some(stem)) = (found.documents.get(i), stems.get(i)) else {
                break;
            };
            if !order.wait_for_room(i) {
                break;
            }
            let done = convert_one(doc, stem, &args);
            progress.inc(1);
            if !order.hand_in(i, done) {
                break;
            }
        }
    };
    if jobs == 1 {
        work();
    } else {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
        pool.in_place_scope(|scope| {
            for _ in 0..jobs {
                scope.spawn(|_| work());
            }
        });
    }
    let collector = order.into_collector()?;
    progress.finish_and_clear();

    let (tally, files_tmp) = collector.finish()?;
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
                key_rows: Vec::new(),
                recommendation_rows: Vec::new(),
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
            BatchFormat::Json => ("json", to_json_bytes(&doc).map_err(anyhow::Error::from)),
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
    let (key_rows, recommendation_rows) = if args.formats.contains(&BatchFormat::Csv) {
        match csv_rows(&name, &doc, args) {
            Ok(rows) => rows,
            Err(e) => {
                report.status = "failed";
                report.error = Some(format!("{e:#}"));
                (Vec::new(), Vec::new())
            }
        }
    } else {
        (Vec::new(), Vec::new())
    };
    let keep = args.formats.contains(&BatchFormat::Xlsx);
    Done {
        report,
        key_rows,
        recommendation_rows,
        document: keep.then_some(doc),
    }
}

/// A document's rows of the two combined tables.
fn csv_rows(name: &str, doc: &Document, args: &Args) -> Result<(Vec<u8>, Vec<u8>)> {
    let opts = args.csv.options();
    let mut keys = KeyActionWriter::rows_only(Vec::new(), opts);
    keys.write_document(name, doc)?;
    let mut recs = RecommendationWriter::rows_only(Vec::new(), opts);
    recs.write_document(name, doc)?;
    Ok((keys.into_inner()?, recs.into_inner()?))
}

fn with_added_extension(stem: &Path, ext: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// Documents handed in by the workers, passed to the collector in input
/// order by whichever worker completes the next one: no collecting thread,
/// no channel, no wake-up per document.
struct InOrder {
    state: Mutex<OrderState>,
    /// Signalled when the next document to collect moves on.
    moved: Condvar,
    /// How far ahead of the next document to collect a worker may start
    /// one: memory is bounded by the documents in flight, however slow one
    /// of them is.
    window: usize,
}

struct OrderState {
    collector: Collector,
    /// Completed documents waiting for those before them.
    waiting: BTreeMap<usize, Done>,
    /// The index of the next document to collect.
    next: usize,
    /// The first error of the collector; the batch stops at it.
    error: Option<anyhow::Error>,
}

impl InOrder {
    fn new(collector: Collector, jobs: usize) -> Self {
        InOrder {
            state: Mutex::new(OrderState {
                collector,
                waiting: BTreeMap::new(),
                next: 0,
                error: None,
            }),
            moved: Condvar::new(),
            window: jobs.saturating_mul(8),
        }
    }

    fn lock(&self) -> MutexGuard<'_, OrderState> {
        // A worker that panicked leaves the state as it was between two
        // documents: still consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until document `i` is within the window; false if the batch
    /// stopped.
    fn wait_for_room(&self, i: usize) -> bool {
        let mut state = self.lock();
        while state.error.is_none() && i >= state.next.saturating_add(self.window) {
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.error.is_none()
    }

    /// Hands in document `i`, collecting it and any that waited for it;
    /// false if the batch stopped.
    fn hand_in(&self, i: usize, done: Done) -> bool {
        let mut state = self.lock();
        if state.error.is_some() {
            return false;
        }
        state.waiting.insert(i, done);
        let before = state.next;
        loop {
            let next = state.next;
            let Some(done) = state.waiting.remove(&next) else {
                break;
            };
            state.next += 1;
            if let Err(e) = state.collector.accept(done) {
                state.error = Some(e);
                break;
            }
        }
        let (moved, ok) = (state.next != before, state.error.is_none());
        drop(state);
        if moved || !ok {
            self.moved.notify_all();
        }
        ok
    }

    /// The collector, once every worker is done, or the error that stopped
    /// the batch.
    fn into_collector(self) -> Result<Collector> {
        let state = self
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        match state.error {
            Some(e) => Err(e),
            None => Ok(state.collector),
        }
    }
}

/// Appends documents, in input order, to the combined outputs: the two
/// CSV tables, the report's file list and the workbook.
///
/// Its temporary files are removed if it is dropped unfinished (a write
/// failed): a batch that stops leaves no partial table behind.
struct Collector {
    out: PathBuf,
    /// The two tables' temporary files, when the batch writes CSV; `None`
    /// once finished.
    tables: Option<[(BufWriter<std::fs::File>, PathBuf); 2]>,
    /// The report's file list, one line a document; `None` once finished.
    files: Option<BufWriter<std::fs::File>>,
    files_tmp: PathBuf,
    workbook: Option<Vec<(String, Document)>>,
    tally: Tally,
}

impl Collector {
    fn new(args: &Args) -> Result<Self> {
        let tmp = |name: &str| args.out.join(format!(".{name}.{}.tmp", std::process::id()));
        let create = |path: &Path, what: &str| -> Result<BufWriter<std::fs::File>> {
            Ok(BufWriter::new(
                std::fs::File::create(path).with_context(|| format!("cannot create {what}"))?,
            ))
        };
        let tables = if args.formats.contains(&BatchFormat::Csv) {
            let opts = args.csv.options();
            let (key_tmp, rec_tmp) = (tmp("key_actions.csv"), tmp("recommendations.csv"));
            // The header (and BOM) of each table; workers write rows only.
            let keys = KeyActionWriter::new(create(&key_tmp, "key_actions.csv")?, opts)?;
            let recs = RecommendationWriter::new(create(&rec_tmp, "recommendations.csv")?, opts)?;
            Some([(keys.into_inner()?, key_tmp), (recs.into_inner()?, rec_tmp)])
        } else {
            None
        };
        let files_tmp = tmp("report-files");
        Ok(Collector {
            out: args.out.clone(),
            tables,
            files: Some(create(&files_tmp, "report.json")?),
            files_tmp,
            workbook: args.formats.contains(&BatchFormat::Xlsx).then(Vec::new),
            tally: Tally::default(),
        })
    }

    /// Takes the next document in input order.
    fn accept(&mut self, done: Done) -> Result<()> {
        if let Some([(keys, _), (recs, _)]) = self.tables.as_mut() {
            keys.write_all(&done.key_rows)?;
            recs.write_all(&done.recommendation_rows)?;
        }
        if let (Some(book), Some(doc)) = (self.workbook.as_mut(), done.document) {
            book.push((done.report.document.clone(), doc));
        }
        self.tally.documents += 1;
        match done.report.status {
            "failed" => self.tally.failures.push((
                done.report.document.clone(),
                done.report.error.clone().unwrap_or_default(),
            )),
            "warnings" => self.tally.with_warnings += 1,
            _ => {}
        }
        if let Some(files) = self.files.as_mut() {
            serde_json::to_writer(&mut *files, &done.report)?;
            files.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Puts the combined outputs in place; gives back the tally and the
    /// file holding the report's file list. On an error no temporary file
    /// is left.
    fn finish(mut self) -> Result<(Tally, PathBuf)> {
        let result = self.put_in_place();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.files_tmp);
        }
        result.map(|()| (std::mem::take(&mut self.tally), self.files_tmp.clone()))
    }

    fn put_in_place(&mut self) -> Result<()> {
        if let Some(mut files) = self.files.take() {
            files.flush()?;
        }
        if let Some(tables) = self.tables.take() {
            let mut result = Ok(());
            for ((out, tmp), name) in tables
                .into_iter()
                .zip(["key_actions.csv", "recommendations.csv"])
            {
                if result.is_ok() {
                    result = finish_csv(out, &tmp, &self.out.join(name));
                }
                if result.is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
            }
            result?;
        }
        if let Some(book) = self.workbook.take() {
            write_atomic(&self.out.join("mresponse.xlsx"), &write_workbook(&book)?)?;
        }
        Ok(())
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        if let Some(tables) = self.tables.take() {
            for (out, tmp) in tables {
                drop(out);
                let _ = std::fs::remove_file(tmp);
            }
        }
        if self.files.take().is_some() {
            let _ = std::fs::remove_file(&self.files_tmp);
        }
    }
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
