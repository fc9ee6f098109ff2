//! `mresponse status [FILES|DIRS] --as-of YYYY-MM-DD`: the follow-up
//! report. Which key actions are overdue, and how the responses and actions
//! break down, as evaluation offices report them to their boards.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, anyhow};
use mresponse_export::status::{render_text, to_csv, to_json};
use mresponse_export::{Date, status_report};
use mresponse_parse::{Limits, parse};

use crate::Outcome;
use crate::input::read_input;
use crate::output::write_output;
use crate::render::CsvFlags;
use crate::walk::walk;

/// Arguments of `status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents and folders (walked recursively).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The day to judge due dates against (default: today, UTC).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// `text` (a terminal table), `json` or `csv` (the overdue actions).
    #[arg(long, value_enum, default_value = "text")]
    pub format: StatusFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// How `status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// Aligned tables for a terminal.
    Text,
    /// The whole report as JSON.
    Json,
    /// The overdue actions as CSV.
    Csv,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

fn today() -> Result<Date> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400)?)
        .ok_or_else(|| anyhow!("the clock is out of range"))
}

/// Runs `status`.
pub fn run(args: Args) -> Result<Outcome> {
    let as_of = match args.as_of {
        Some(d) => d,
        None => today()?,
    };
    let found = walk(&args.inputs, None);
    let mut docs = Vec::new();
    let mut failed = 0;
    for doc in &found.documents {
        let limits = Limits::default();
        let parsed = read_input(&doc.path, Some(doc.format), limits.max_input_bytes)
            .and_then(|i| parse(&i.bytes, i.format).with_context(|| i.name.clone()));
        match parsed {
            Ok(d) => docs.push((doc.path.display().to_string(), d)),
            Err(e) => {
                eprintln!("mresponse: skipped: {e:#}");
                failed += 1;
            }
        }
    }
    for (path, e) in &found.unreadable {
        eprintln!("mresponse: skipped: {}: {e}", path.display());
        failed += 1;
    }
    if docs.is_empty() {
        anyhow::bail!("no document could be read");
    }
    let report = status_report(&docs, as_of);
    let text = match args.format {
        StatusFormat::Text => render_text(&report),
        StatusFormat::Json => to_json(&report)?,
        StatusFormat::Csv => to_csv(&report, args.csv.options())?,
    };
    write_output(args.output.as_deref(), text.as_bytes())?;
    Ok(if failed > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
