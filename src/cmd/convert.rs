//! `mresponse convert FILE --to json|csv|md|xlsx`: one document to standard
//! output, or to `--output FILE` (written whole or not at all).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use mresponse_parse::{Format, Limits, Severity, parse_detailed};

use crate::Outcome;
use crate::diagnostics::print_short;
use crate::input::{parse_format, read_input};
use crate::output::write_output;
use crate::render::{CsvFlags, To, render};

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document to convert, or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short = 't', value_enum, default_value = "json")]
    pub to: To,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Input format, when the extension does not say (md, txt, html, docx).
    #[arg(long, value_parser = parse_format)]
    pub from: Option<Format>,
    /// Treat warnings as errors: exit 1 when there are any.
    #[arg(long)]
    pub strict: bool,
    /// Do not print diagnostics on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Largest input read, in bytes.
    #[arg(long, default_value_t = Limits::default().max_input_bytes)]
    pub max_input_bytes: u64,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// Runs `convert`.
pub fn run(args: Args) -> Result<Outcome> {
    let limits = Limits {
        max_input_bytes: args.max_input_bytes,
    };
    if args.to == To::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        bail!("a workbook is binary: give --output FILE.xlsx (or pipe standard output)");
    }
    let input = read_input(&args.file, args.from, limits.max_input_bytes)?;
    let recognised =
        parse_detailed(&input.bytes, input.format, &limits).with_context(|| input.name.clone())?;
    let doc = recognised.document;
    let bytes = render(&doc, &input.name, args.to, args.csv)?;
    write_output(args.output.as_deref(), &bytes)?;
    if !args.quiet {
        print_short(&input.name, &doc.diagnostics);
    }
    let warnings = doc
        .diagnostics
        .iter()
        .any(|d| d.severity >= Severity::Warning);
    Ok(if args.strict && warnings {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
