//! `mresponse blocks FILE`: the reader's block stream, for debugging readers.

use std::path::PathBuf;

use anyhow::Result;
use mresponse_parse::block::BlockKind;
use mresponse_parse::{Format, Limits, read_blocks};

use crate::Outcome;
use crate::input::{parse_format, read_input};

/// Arguments of `blocks`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document.
    pub file: PathBuf,
    /// Input format, when the extension does not say.
    #[arg(long, value_parser = parse_format)]
    pub from: Option<Format>,
}

/// Prints one line per block (and per table row).
pub fn run(args: Args) -> Result<Outcome> {
    let limits = Limits::default();
    let input = read_input(&args.file, args.from, limits.max_input_bytes)?;
    let (blocks, _) = read_blocks(&input.bytes, input.format, &limits)?;
    for b in blocks {
        let l = b.lines;
        match &b.kind {
            BlockKind::Table(t) => {
                println!("{}-{} TABLE", l.start, l.end);
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| format!("{:?}{:?}", c.span, c.text()))
                        .collect();
                    println!(
                        "    {}{} {}",
                        r.lines.start,
                        if r.header { "H" } else { " " },
                        cells.join(" | ")
                    );
                }
            }
            kind => println!(
                "{}-{} {:?} {:?} bold={:?} sup={:?}",
                l.start,
                l.end,
                kind,
                b.text(),
                b.inline.bold,
                b.inline.sup
            ),
        }
    }
    Ok(Outcome::Ok)
}
