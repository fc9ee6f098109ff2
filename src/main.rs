//! The `mresponse` command line: convert management responses to evaluations
//! into JSON, CSV, Markdown and spreadsheets.
//!
//! Exit codes: 0 success, 1 problems found (a file failed in a batch, or
//! warnings under `--strict`), 2 the command could not run (usage, unreadable
//! input, no recommendation found).

mod cmd;
mod diagnostics;
mod input;
mod output;
mod render;
mod walk;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: the parser makes many small,
/// short-lived strings, and glibc's malloc spent a fifth of a batch's time
/// on them (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn management responses to evaluations into structured data.
#[derive(Debug, Parser)]
#[command(name = "mresponse", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert one document (or `-` for standard input) and print it.
    Convert(cmd::convert::Args),
    /// Convert files and folders of documents into a folder, in parallel.
    Batch(cmd::batch::Args),
    /// Check documents and print their diagnostics like a compiler would.
    Check(cmd::check::Args),
    /// Report overdue key actions and summary counts as of a day.
    Status(cmd::status::Args),
    /// Print the JSON Schema of the JSON output.
    Schema,
    /// Print the reader's block stream of a document (for debugging).
    #[command(hide = true)]
    Blocks(cmd::blocks::Args),
}

/// What a command reports back to `main`.
pub enum Outcome {
    /// Everything went well.
    Ok,
    /// The command ran, and found problems.
    Problems,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Convert(args) => cmd::convert::run(args),
        Command::Batch(args) => cmd::batch::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Status(args) => cmd::status::run(args),
        Command::Schema => cmd::schema::run(),
        Command::Blocks(args) => cmd::blocks::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "mresponse: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`mresponse convert … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
