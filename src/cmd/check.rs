//! `mresponse check FILE...`: diagnostics a person can act on, rendered like
//! a compiler's, or as JSON Lines for tools (`--format json`).
//!
//! Exit codes: 0 clean (infos allowed; warnings too unless `--strict`),
//! 1 problems found (a document that could not be read as a management
//! response, or warnings under `--strict`), 2 could not run.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use mresponse_parse::{Diagnostic, Limits, ParseError, Severity, parse_detailed};
use serde::Serialize;

use crate::Outcome;
use crate::diagnostics::severity_word;
use crate::input::read_input;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// `human` (rendered like a compiler's) or `json` (JSON Lines).
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Warnings count as errors: exit 1 when there are any.
    #[arg(long)]
    pub strict: bool,
    /// Colour: auto (when standard output is a terminal), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
}

/// How `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Rendered for people.
    Human,
    /// One JSON object per diagnostic, per line.
    Json,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// When standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// One diagnostic as a JSON line: what `check --format json` prints.
///
/// ```json
/// {"file":"a.md","code":"unknown-status","severity":"warning","line":12,"column":5,
///  "message":"tracking status is in no vocabulary","text":"Stalled","help":"use …"}
/// ```
#[derive(Debug, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct JsonDiagnostic {
    /// The file as given on the command line.
    pub file: String,
    /// The stable code (`docs/diagnostics.md`).
    pub code: String,
    /// `info`, `warning` or `error`.
    pub severity: String,
    /// 1-based line (for Word files, the paragraph number).
    pub line: u32,
    /// 1-based column of the text concerned, in characters (1 when unknown).
    pub column: u32,
    /// What is wrong.
    pub message: String,
    /// The text concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What to do about it.
    pub help: String,
}

/// Runs `check`.
pub fn run(args: Args) -> Result<Outcome> {
    let colour = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut out = std::io::stdout().lock();
    let mut problems = false;
    let mut could_not_run = 0;
    for path in &args.files {
        let limits = Limits::default();
        let input = match read_input(path, None, limits.max_input_bytes) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("mresponse: error: {e:#}");
                could_not_run += 1;
                continue;
            }
        };
        let source = mresponse_parse::decode::decode(&input.bytes).text;
        let (diagnostics, failure) = match parse_detailed(&input.bytes, input.format, &limits) {
            Ok(r) => (r.document.diagnostics, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let text_source = input.format != mresponse_parse::Format::Docx;
        let lines: Vec<&str> = if text_source {
            source.split('\n').collect()
        } else {
            Vec::new()
        };
        let warnings = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        problems |= failure.is_some() || args.strict && warnings > 0;
        match args.format {
            CheckFormat::Json => {
                for d in &diagnostics {
                    let line = json_line(&input.name, d, &lines);
                    writeln!(out, "{}", serde_json::to_string(&line)?)?;
                }
                if let Some(e) = &failure {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string(&failure_line(&input.name, e))?
                    )?;
                }
            }
            CheckFormat::Human => {
                for d in &diagnostics {
                    write!(out, "{}", render(&input.name, d, &lines, colour))?;
                }
                if let Some(e) = &failure {
                    writeln!(out, "{}: {}\n", paint("error", RED, colour), e)?;
                }
                let errors = usize::from(failure.is_some());
                writeln!(
                    out,
                    "{}: {} warning{}, {} error{}",
                    input.name,
                    warnings,
                    plural(warnings),
                    errors,
                    plural(errors)
                )?;
            }
        }
    }
    out.flush()?;
    if could_not_run == args.files.len() {
        anyhow::bail!("no file could be read");
    }
    Ok(if problems || could_not_run > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn failure_line(file: &str, e: &ParseError) -> JsonDiagnostic {
    let (code, line) = match e {
        ParseError::NoRecommendations { line } => ("no-recommendations", *line),
        _ => ("unreadable", 1),
    };
    JsonDiagnostic {
        file: file.to_string(),
        code: code.to_string(),
        severity: "error".to_string(),
        line,
        column: 1,
        message: e.to_string(),
        text: None,
        help: mresponse_parse::Code::NoRecommendations.help().to_string(),
    }
}

/// The 1-based column and the width, in characters, of the diagnostic's
/// text in its source line.
fn locate(d: &Diagnostic, lines: &[&str]) -> (u32, usize) {
    let Some(line) = lines.get(d.line.saturating_sub(1) as usize) else {
        return (1, 0);
    };
    let wanted = d
        .text
        .as_deref()
        .and_then(|t| t.split('\n').next())
        .unwrap_or("");
    let wanted = wanted.trim();
    match (!wanted.is_empty()).then(|| line.find(wanted)).flatten() {
        Some(at) => (
            line[..at].chars().count() as u32 + 1,
            wanted.chars().count(),
        ),
        None => {
            let lead = line.len() - line.trim_start().len();
            (
                line[..lead].chars().count() as u32 + 1,
                line.trim().chars().count(),
            )
        }
    }
}

fn json_line(file: &str, d: &Diagnostic, lines: &[&str]) -> JsonDiagnostic {
    JsonDiagnostic {
        file: file.to_string(),
        code: d.code.as_str().to_string(),
        severity: severity_word(d.severity).to_string(),
        line: d.line,
        column: locate(d, lines).0,
        message: d.message.clone(),
        text: d.text.clone(),
        help: d.code.help().to_string(),
    }
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";

fn paint(text: &str, colour: &str, on: bool) -> String {
    if on {
        format!("{colour}{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Renders one diagnostic in the style of rustc: header, location, the
/// source line with the text underlined, and a help line.
pub fn render(file: &str, d: &Diagnostic, lines: &[&str], colour: bool) -> String {
    let (word, c) = match d.severity {
        Severity::Error => ("error", RED),
        Severity::Warning => ("warning", YELLOW),
        Severity::Info => ("info", BLUE),
    };
    let (column, width) = locate(d, lines);
    let number = d.line.to_string();
    let pad = " ".repeat(number.len());
    let bar = paint("|", BLUE, colour);
    let mut s = format!(
        "{}{}\n{pad}{} {file}:{}:{column}\n",
        paint(&format!("{word}[{}]", d.code.as_str()), c, colour),
        paint(&format!(": {}", d.message), BOLD, colour),
        paint("-->", BLUE, colour),
        d.line
    );
    match lines.get(d.line.saturating_sub(1) as usize) {
        Some(line) => {
            let shown: String = line.replace('\t', "    ").chars().take(120).collect();
            let before: String = line
                .chars()
                .take(column.saturating_sub(1) as usize)
                .collect();
            let indent = before.replace('\t', "    ").chars().count();
            let width = width.clamp(1, 120usize.saturating_sub(indent).max(1));
            s.push_str(&format!(
                "{pad} {bar}\n{} {bar} {}\n",
                paint(&number, BLUE, colour),
                shown.trim_end()
            ));
            s.push_str(&format!(
                "{pad} {bar} {}{}\n",
                " ".repeat(indent),
                paint(&"^".repeat(width), c, colour)
            ));
        }
        None => {
            if let Some(text) = &d.text {
                let shown: String = text.chars().take(120).collect();
                s.push_str(&format!("{pad} {bar}\n{pad} {bar} {shown}\n"));
            }
        }
    }
    s.push_str(&format!(
        "{pad} {} {}: {}\n\n",
        paint("=", BLUE, colour),
        paint("help", BOLD, colour),
        d.code.help()
    ));
    s
}
