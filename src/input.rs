//! Reading an input: a path or `-` for standard input, its format from its
//! extension (or `--from`).

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use mresponse_parse::Format;

/// One input's bytes, name and format.
pub struct Input {
    /// The name used in messages: the path as given, or `<stdin>`.
    pub name: String,
    /// The bytes read.
    pub bytes: Vec<u8>,
    /// The format to read it as.
    pub format: Format,
}

/// Reads `path` (or standard input for `-`), at most `limit` bytes.
pub fn read_input(path: &Path, from: Option<Format>, limit: u64) -> Result<Input> {
    let stdin = path == Path::new("-");
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let format = match from.or_else(|| Format::from_path(path)) {
        Some(f) => f,
        None if stdin => Format::Markdown,
        None => bail!("{name}: unknown file type; use --from md|txt|html|docx"),
    };
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if stdin {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("{name}: cannot open"))?;
        // A file's size known, one read fills it (and one more finds its end).
        if let Ok(meta) = file.metadata() {
            let size = usize::try_from(meta.len().min(limit)).unwrap_or(0);
            bytes.reserve_exact(size.saturating_add(1));
        }
        Box::new(file)
    };
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .with_context(|| format!("{name}: cannot read"))?;
    Ok(Input {
        name,
        bytes,
        format,
    })
}

/// Parses a `--from` value.
pub fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_extension(s).ok_or_else(|| format!("unknown format `{s}` (md, txt, html, docx)"))
}
