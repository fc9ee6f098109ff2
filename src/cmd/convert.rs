//! `mresponse convert FILE --to json|csv|md`: one document to standard
//! output (or `--output FILE`, written whole or not at all).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use mresponse_parse::{Format, Limits, Severity, parse_detailed};

use crate::Outcome;
use crate::input::{parse_format, read_input};

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document to convert, or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short = 't', default_value = "json", value_parser = ["json", "md"])]
    pub to: String,
    /// Input format, when the extension does not say (md, txt, html, docx).
    #[arg(long, value_parser = parse_format)]
    pub from: Option<Format>,
    /// Treat warnings as errors: exit 1 when there are any.
    #[arg(long)]
    pub strict: bool,
    /// Largest input read, in bytes.
    #[arg(long, default_value_t = Limits::default().max_input_bytes)]
    pub max_input_bytes: u64,
}

/// Runs `convert`.
pub fn run(args: Args) -> Result<Outcome> {
    let limits = Limits {
        max_input_bytes: args.max_input_bytes,
    };
    let input = read_input(&args.file, args.from, limits.max_input_bytes)?;
    let recognised =
        parse_detailed(&input.bytes, input.format, &limits).with_context(|| input.name.clone())?;
    let doc = recognised.document;
    let rendered = match args.to.as_str() {
        "md" => mresponse_export::to_markdown(&doc),
        _ => serde_json::to_string_pretty(&doc)?,
    };
    let mut out = std::io::stdout().lock();
    out.write_all(rendered.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()?;
    let warnings = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    for d in &doc.diagnostics {
        eprintln!(
            "{}:{}: {} [{}]: {}",
            input.name,
            d.line,
            severity(d.severity),
            d.code.as_str(),
            d.message
        );
    }
    Ok(if args.strict && warnings > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}
