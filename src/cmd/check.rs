//! `mresponse check FILE|FOLDER...`: diagnostics a person can act on,
//! rendered like a compiler's, or as JSON Lines for tools (`--format json`).
//!
//! Folders are walked recursively (in a stable order) for `.md`,
//! `.markdown`, `.txt`, `.html`, `.htm` and `.docx` files; other files in
//! them are skipped. `docs/diagnostics.md` lists every code.
//!
//! Exit codes:
//!
//! - 0: clean. Infos never fail a run; warnings do not either, unless
//!   `--strict`.
//! - 1: problems found: a document that could not be read as a management
//!   response (an error diagnostic), a file among several that could not be
//!   opened, or warnings under `--strict`.
//! - 2: could not run: usage error, or no file could be opened at all.
//!
//! # Human format
//!
//! One block per diagnostic, then a summary line per file:
//!
//! ```text
//! warning[unknown-status]: tracking status is in no vocabulary
//!  --> plan.md:9:74
//!   |
//! 9 | | 1.1 Train district data officers | Q4 2021 | Health Information Unit | Stalled | …
//!   |                                                                          ^^^^^^^
//!   = help: use Not started, Ongoing, Completed, Overdue or No longer applicable
//!
//! plan.md: 1 warning, 0 errors
//! ```
//!
//! Source lines are shown at most [`WIDTH`] characters wide (tabs as four
//! spaces), cut with `…` around the underlined text, whatever the terminal:
//! the output of a run does not depend on where it runs.
//!
//! # JSON Lines format
//!
//! One [`JsonDiagnostic`] object per line, nothing else on standard output
//! (no summary); files in the order given, diagnostics in line order.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use mresponse_parse::{Code, Diagnostic, Format, Limits, ParseError, Severity, parse_detailed};
use serde::Serialize;

use crate::Outcome;
use crate::diagnostics::severity_word;
use crate::input::read_input;
use crate::walk::walk;

/// The widest a source line is shown, in characters.
pub const WIDTH: usize = 120;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents to check, or folders of them (walked recursively).
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
///
/// `code` is one of the codes of `docs/diagnostics.md`: a
/// [`mresponse_parse::Code`], or `unreadable` for a file that is empty, too
/// large, not of its extension's format, or a broken Word file.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct JsonDiagnostic {
    /// The file as given on the command line (or found under a folder given).
    pub file: String,
    /// The stable code (`docs/diagnostics.md`).
    pub code: String,
    /// `info`, `warning` or `error`.
    pub severity: String,
    /// 1-based line (for Word files, the paragraph number).
    pub line: u32,
    /// 1-based column of the text concerned, in characters (1 when unknown,
    /// and always 1 for Word files).
    pub column: u32,
    /// What is wrong.
    pub message: String,
    /// The text concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What to do about it.
    pub help: String,
}

/// What `check` reports, from a parser diagnostic or from a failure.
struct Item<'a> {
    severity: Severity,
    code: &'static str,
    line: u32,
    message: Cow<'a, str>,
    text: Option<&'a str>,
    help: &'static str,
    /// Show the source line (not for a file that could not be read).
    snippet: bool,
}

impl<'a> Item<'a> {
    fn of(d: &'a Diagnostic) -> Self {
        Item {
            severity: d.severity,
            code: d.code.as_str(),
            line: d.line,
            message: Cow::Borrowed(&d.message),
            text: d.text.as_deref(),
            help: d.code.help(),
            snippet: true,
        }
    }

    fn failure(e: &ParseError) -> Self {
        let (code, line, message, help, snippet) = match e {
            ParseError::NoRecommendations {
                line,
                unknown_table,
            } => (
                Code::NoRecommendations.as_str(),
                *line,
                match unknown_table {
                    Some(at) => format!(
                        "no recommendation found by the end of the document; the table at line {at} has no header the vocabularies know"
                    ),
                    None => "no recommendation found by the end of the document: is this a management response?".to_string(),
                },
                Code::NoRecommendations.help(),
                true,
            ),
            other => (
                "unreadable",
                1,
                other.to_string(),
                match other {
                    ParseError::Empty => "give the file the text of the management response",
                    ParseError::TooLarge { .. } => "split the document into smaller files",
                    ParseError::Docx(_) => "open the document in Word and save it again as .docx",
                    _ => "save the file in the format its extension names (.md, .txt, .html, .docx)",
                },
                false,
            ),
        };
        Item {
            severity: Severity::Error,
            code,
            line,
            message: Cow::Owned(message),
            text: None,
            help,
            snippet,
        }
    }
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
    let mut opened = 0;
    for (path, format) in inputs(&args.files, &mut could_not_run) {
        let limits = Limits::default();
        let input = match read_input(&path, format, limits.max_input_bytes) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("mresponse: error: {e:#}");
                could_not_run += 1;
                continue;
            }
        };
        opened += 1;
        let (diagnostics, failure) = match parse_detailed(&input.bytes, input.format, &limits) {
            Ok(r) => (r.document.diagnostics, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let source = if input.format == Format::Docx {
            String::new()
        } else {
            mresponse_parse::decode::decode(&input.bytes).text
        };
        // Word files have paragraphs, not lines: no source line is shown.
        let lines: Vec<&str> = if input.format == Format::Docx {
            Vec::new()
        } else {
            source.split('\n').collect()
        };
        let mut items: Vec<Item<'_>> = diagnostics.iter().map(Item::of).collect();
        items.extend(failure.as_ref().map(Item::failure));
        let count = |s: Severity| items.iter().filter(|i| i.severity == s).count();
        let (errors, warnings, infos) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        problems |= errors > 0 || args.strict && warnings > 0;
        match args.format {
            CheckFormat::Json => {
                for item in &items {
                    let line = json_line(&input.name, item, &lines);
                    writeln!(out, "{}", serde_json::to_string(&line)?)?;
                }
            }
            CheckFormat::Human => {
                for item in &items {
                    write!(out, "{}", render(&input.name, item, &lines, colour))?;
                }
                let infos = if infos > 0 {
                    format!(", {infos} info{}", plural(infos))
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{}: {warnings} warning{}, {errors} error{}{infos}",
                    input.name,
                    plural(warnings),
                    plural(errors),
                )?;
            }
        }
    }
    out.flush()?;
    if opened == 0 {
        anyhow::bail!("no file could be read");
    }
    Ok(if problems || could_not_run > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

/// The files to check, in order: files as given (their format from their
/// extension), and the documents found under folders. Folder entries that
/// cannot be read are reported and counted in `could_not_run`.
fn inputs(args: &[PathBuf], could_not_run: &mut usize) -> Vec<(PathBuf, Option<Format>)> {
    let mut files = Vec::new();
    for arg in args {
        if !arg.is_dir() {
            files.push((arg.clone(), None));
            continue;
        }
        let found = walk(std::slice::from_ref(arg), None);
        for (path, e) in &found.unreadable {
            eprintln!("mresponse: error: {}: {e}", path.display());
            *could_not_run += 1;
        }
        files.extend(
            found
                .documents
                .into_iter()
                .map(|d| (d.path, Some(d.format))),
        );
    }
    files
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Where an item's text is in its source line: the byte offset and length
/// of the span to underline (the whole trimmed line when the text is not
/// found, or there is none).
fn span(item: &Item<'_>, line: &str) -> (usize, usize) {
    let wanted = item
        .text
        .and_then(|t| t.split('\n').next())
        .unwrap_or("")
        .trim();
    if let Some(at) = (!wanted.is_empty())
        .then(|| find_text(line, wanted))
        .flatten()
    {
        return (at, wanted.len());
    }
    let lead = line.len() - line.trim_start().len();
    (lead, line.trim().len())
}

/// The byte offset of `wanted` in `line`: the first occurrence that fills a
/// table cell (between `|`, tabs or tags) if there is one, so that a status
/// `Pending` is found in its cell and not in a description that mentions
/// it; otherwise the first occurrence.
fn find_text(line: &str, wanted: &str) -> Option<usize> {
    let mut first = None;
    for (at, _) in line.match_indices(wanted) {
        first.get_or_insert(at);
        let before = line[..at]
            .trim_end_matches([' ', '*', '_'])
            .chars()
            .next_back();
        let after = line[at + wanted.len()..]
            .trim_start_matches([' ', '*', '_'])
            .chars()
            .next();
        if matches!(before, None | Some('|' | '\t' | '>'))
            && matches!(after, None | Some('|' | '\t' | '<'))
        {
            return Some(at);
        }
    }
    first
}

/// The 1-based column, in characters, of an item in its source line.
fn column(item: &Item<'_>, lines: &[&str]) -> u32 {
    match lines.get(item.line.saturating_sub(1) as usize) {
        Some(line) if item.snippet => {
            let (at, _) = span(item, line);
            u32::try_from(line[..at].chars().count() + 1).unwrap_or(u32::MAX)
        }
        _ => 1,
    }
}

fn json_line(file: &str, item: &Item<'_>, lines: &[&str]) -> JsonDiagnostic {
    JsonDiagnostic {
        file: file.to_string(),
        code: item.code.to_string(),
        severity: severity_word(item.severity).to_string(),
        line: item.line,
        column: column(item, lines),
        message: item.message.to_string(),
        text: item.text.map(str::to_string),
        help: item.help.to_string(),
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

/// A source line as shown, at most [`WIDTH`] characters, and where the
/// underline goes in it: (shown line, indent, width), in characters.
fn window(line: &str, at: usize, len: usize) -> (String, usize, usize) {
    let expand = |s: &str| s.replace('\t', "    ").chars().collect::<Vec<char>>();
    let chars = expand(line);
    let indent = expand(&line[..at]).len();
    let width = expand(&line[..at + len]).len() - indent;
    let total = chars.len();
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let (shown, indent, room) = if total <= WIDTH {
        (text(0, total), indent, WIDTH)
    } else if indent + width.min(WIDTH / 2) < WIDTH - 1 {
        // The span starts well inside the window: cut the line (and a long
        // span) at the end.
        (format!("{}…", text(0, WIDTH - 1)), indent, WIDTH - 1)
    } else {
        // Start a little before the span; the span may still be cut at the end.
        let from = indent.saturating_sub(16).min(total - (WIDTH - 1));
        let (to, tail) = if from + WIDTH > total {
            (total, "")
        } else {
            (from + WIDTH - 2, "…")
        };
        (
            format!("…{}{tail}", text(from, to)),
            indent - from + 1,
            to - from + 1,
        )
    };
    let width = width.clamp(1, room.saturating_sub(indent).max(1));
    (shown.trim_end().to_string(), indent, width)
}

/// Renders one item in the style of rustc: header, location, the source
/// line with the text underlined, and a help line.
fn render(file: &str, item: &Item<'_>, lines: &[&str], colour: bool) -> String {
    let (word, c) = match item.severity {
        Severity::Error => ("error", RED),
        Severity::Warning => ("warning", YELLOW),
        Severity::Info => ("info", BLUE),
    };
    let number = item.line.to_string();
    let pad = " ".repeat(number.len());
    let bar = paint("|", BLUE, colour);
    let source = lines
        .get(item.line.saturating_sub(1) as usize)
        .filter(|_| item.snippet);
    let column = column(item, lines);
    let mut s = format!(
        "{}{}\n{pad}{} {file}:{}:{column}\n",
        paint(&format!("{word}[{}]", item.code), c, colour),
        paint(&format!(": {}", item.message), BOLD, colour),
        paint("-->", BLUE, colour),
        item.line
    );
    match source {
        Some(line) => {
            let (at, len) = span(item, line);
            let (shown, indent, width) = window(line, at, len);
            s.push_str(&format!(
                "{pad} {bar}\n{} {bar} {shown}\n",
                paint(&number, BLUE, colour),
            ));
            s.push_str(&format!(
                "{pad} {bar} {}{}\n",
                " ".repeat(indent),
                paint(&"^".repeat(width), c, colour)
            ));
        }
        None => {
            if let Some(text) = item.text {
                let shown: String = text.chars().take(WIDTH).collect();
                s.push_str(&format!("{pad} {bar}\n{pad} {bar} {shown}\n"));
            }
        }
    }
    s.push_str(&format!(
        "{pad} {} {}: {}\n\n",
        paint("=", BLUE, colour),
        paint("help", BOLD, colour),
        item.help
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::{WIDTH, find_text, window};

    #[test]
    fn text_in_its_cell_wins_over_an_earlier_mention() {
        let line = "| Follow up Pending cases | Q3 2022 | Unit | Pending |";
        assert_eq!(find_text(line, "Pending"), line.rfind("Pending"));
        assert_eq!(find_text("Noted. We note", "Noted"), Some(0));
        assert_eq!(find_text("a\tStalled\tb", "Stalled"), Some(2));
    }

    #[test]
    fn short_lines_are_shown_whole_with_tabs_as_spaces() {
        let line = "a\tStalled\t";
        let (shown, indent, width) = window(line, 2, 7);
        assert_eq!(shown, "a    Stalled");
        assert_eq!((indent, width), (5, 7));
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}TARGET{}", "x".repeat(200), "y".repeat(200));
        let (shown, indent, width) = window(&line, 200, 6);
        assert_eq!(shown.chars().count(), WIDTH);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let under: String = shown.chars().skip(indent).take(width).collect();
        assert_eq!(under, "TARGET");

        let (shown, indent, width) = window(&"z".repeat(300), 0, 300);
        assert_eq!(shown.chars().count(), WIDTH);
        assert!(shown.ends_with('…'));
        assert_eq!((indent, width), (0, WIDTH - 1));

        let line = format!("{}END", "x".repeat(200));
        let (shown, indent, width) = window(&line, 200, 3);
        assert!(shown.starts_with('…') && shown.ends_with("END"));
        let under: String = shown.chars().skip(indent).take(width).collect();
        assert_eq!(under, "END");
    }
}
