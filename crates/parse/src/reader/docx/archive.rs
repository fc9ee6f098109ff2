//! The zip container of a `.docx`: opened with limits, its parts found
//! through the package relationships and read with size caps.
//!
//! A `.docx` is an Open Packaging Conventions zip. The reader trusts none of
//! its headers: the entry count and the declared sizes are checked up front,
//! and every part is read through `take(cap + 1)` so that a lying header or a
//! compression bomb stops at the cap instead of filling memory. Relationships
//! marked `TargetMode="External"` are never followed, and nothing outside the
//! zip is ever opened.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::{CompressionMethod, ZipArchive};

use super::xml::{Tag, XEvent, XmlStream, decode};
use crate::ParseError;

/// The caps applied while opening and reading a package.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Most entries a zip may list.
    pub max_entries: usize,
    /// Most bytes the whole archive may declare, and the most bytes the
    /// reader will inflate across all the parts it reads.
    pub max_total: u64,
    /// Most bytes one part may inflate to.
    pub max_part: u64,
}

impl Limits {
    /// The limits [`super::read_docx`] uses.
    pub const DEFAULT: Limits = Limits {
        max_entries: 10_000,
        max_total: 256 * 1024 * 1024,
        max_part: 128 * 1024 * 1024,
    };
}

/// The first bytes of an OLE compound file: a legacy `.doc`, or a `.docx`
/// that Word encrypted with a password.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The parts of a Word document the reader uses, by zip entry name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Parts {
    /// The main document (`word/document.xml`).
    pub document: String,
    /// Styles, numbering, footnotes and endnotes, where present.
    pub styles: String,
    pub numbering: String,
    pub footnotes: String,
    pub endnotes: String,
}

/// An opened zip with its entry names indexed case-insensitively.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    names: HashMap<String, usize>,
    limits: Limits,
    inflated: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip, refusing what is not one, encrypted or legacy
    /// files, and archives over the limits.
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, ParseError> {
        if bytes.is_empty() {
            return Err(ParseError::Empty);
        }
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(ParseError::Docx(
                "the file is an encrypted (password-protected) Word document or a legacy .doc \
                 (OLE) file; save it from Word as an unprotected .docx"
                    .to_string(),
            ));
        }
        let zip = match ZipArchive::new(Cursor::new(bytes)) {
            Ok(zip) => zip,
            Err(e) if bytes.starts_with(b"PK") => {
                return Err(ParseError::Docx(format!(
                    "the zip archive is truncated or damaged ({e})"
                )));
            }
            Err(_) => return Err(ParseError::WrongFormat(not_a_zip(bytes))),
        };
        if zip.len() > limits.max_entries {
            return Err(ParseError::Docx(format!(
                "the zip archive lists {} entries, over the limit of {}",
                zip.len(),
                limits.max_entries
            )));
        }
        let mut names = HashMap::new();
        let mut declared: u64 = 0;
        for i in 0..zip.len() {
            let entry = zip
                .by_index_data(i)
                .map_err(|e| ParseError::Docx(format!("the zip archive is damaged ({e})")))?;
            declared = declared.saturating_add(entry.size());
            let name = normalise_name(&String::from_utf8_lossy(entry.name_raw()));
            names.entry(name).or_insert(i);
        }
        if declared > limits.max_total {
            return Err(ParseError::Docx(format!(
                "the zip archive would unpack to {declared} bytes, over the limit of {} bytes",
                limits.max_total
            )));
        }
        Ok(Package {
            zip,
            names,
            limits,
            inflated: 0,
        })
    }

    /// True when the archive holds an entry of that name (any case).
    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(&normalise_name(name))
    }

    /// The bytes of the entry `name`, or `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ParseError> {
        let Some(&index) = self.names.get(&normalise_name(name)) else {
            return Ok(None);
        };
        let damaged = |e: &dyn std::fmt::Display| {
            ParseError::Docx(format!("{name} cannot be read from the zip archive ({e})"))
        };
        let declared = {
            let entry = self.zip.by_index_data(index).map_err(|e| damaged(&e))?;
            if entry.encrypted() {
                return Err(ParseError::Docx(format!(
                    "{name} is encrypted (the zip is password-protected)"
                )));
            }
            let method = entry.compression();
            if !matches!(
                method,
                CompressionMethod::Stored | CompressionMethod::Deflated
            ) {
                return Err(ParseError::Docx(format!(
                    "{name} uses the unsupported compression method {method}"
                )));
            }
            entry.size()
        };
        let cap = self
            .limits
            .max_part
            .min(self.limits.max_total.saturating_sub(self.inflated));
        let file = self.zip.by_index(index).map_err(|e| damaged(&e))?;
        let mut buf = Vec::with_capacity(declared.min(cap).min(1 << 20) as usize);
        file.take(cap.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| damaged(&e))?;
        let len = buf.len() as u64;
        if len > cap {
            return Err(ParseError::Docx(format!(
                "{name} unpacks to more than {cap} bytes, over the limit"
            )));
        }
        self.inflated += len;
        Ok(Some(buf))
    }

    /// The decoded text of the entry `name`, or `None` when there is none.
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, ParseError> {
        match self.read(name)? {
            Some(bytes) => decode(bytes, name).map(Some),
            None => Ok(None),
        }
    }

    /// Finds the main document and its styles, numbering and notes.
    pub fn parts(&mut self) -> Result<Parts, ParseError> {
        let mut document = None;
        if let Some(rels) = self.read_text("_rels/.rels")? {
            for (kind, target) in relationships(&rels, "", "_rels/.rels")? {
                if kind == "officeDocument"
                    && target.to_ascii_lowercase().starts_with("word/")
                    && self.has(&target)
                {
                    document = Some(target);
                    break;
                }
            }
        }
        let document = match document {
            Some(d) => d,
            None if self.has("word/document.xml") => "word/document.xml".to_string(),
            None => return Err(ParseError::WrongFormat(self.not_word())),
        };
        let (dir, file) = match document.rsplit_once('/') {
            Some((dir, file)) => (dir.to_string(), file.to_string()),
            None => (String::new(), document.clone()),
        };
        let beside = |name: &str| join(&dir, name);
        let mut parts = Parts {
            styles: beside("styles.xml"),
            numbering: beside("numbering.xml"),
            footnotes: beside("footnotes.xml"),
            endnotes: beside("endnotes.xml"),
            document,
        };
        let rels_name = join(&join(&dir, "_rels"), &format!("{file}.rels"));
        if let Some(rels) = self.read_text(&rels_name)? {
            for (kind, target) in relationships(&rels, &dir, &rels_name)? {
                match kind.as_str() {
                    "styles" => parts.styles = target,
                    "numbering" => parts.numbering = target,
                    "footnotes" => parts.footnotes = target,
                    "endnotes" => parts.endnotes = target,
                    _ => {}
                }
            }
        }
        Ok(parts)
    }

    /// The message for a zip that holds no Word document.
    fn not_word(&self) -> String {
        let hint = if self.has("xl/workbook.xml") {
            " (it is an Excel workbook)"
        } else if self.has("ppt/presentation.xml") {
            " (it is a PowerPoint presentation)"
        } else if self.has("word/vbaProject.bin") {
            " (it holds only macros)"
        } else {
            ""
        };
        format!("the file is a zip but not a Word document: it has no word/document.xml{hint}")
    }
}

/// The message for bytes that are not a zip at all.
fn not_a_zip(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let hint = if head.starts_with("{\\rtf") {
        " (it looks like RTF)"
    } else if head.starts_with('<') {
        " (it looks like HTML or XML)"
    } else {
        ""
    };
    format!("the input is not a zip/Word file (.docx){hint}")
}

/// Entry names compare without case, with `/` separators and no leading `/`.
fn normalise_name(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

/// `dir/name`, or `name` when `dir` is empty.
fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// Resolves a relationship target against the source part's folder.
fn resolve(base_dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => join(base_dir, target),
    };
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The internal relationships of a `.rels` part: the last segment of each
/// `Type` (`officeDocument`, `styles`, …) and the resolved target.
fn relationships(
    xml: &str,
    base_dir: &str,
    part: &str,
) -> Result<Vec<(String, String)>, ParseError> {
    let mut out = Vec::new();
    let mut stream = XmlStream::new(xml, part);
    loop {
        match stream.next()? {
            XEvent::Start(e) if e.tag == Tag::Relationship => {
                let external = e
                    .attr("TargetMode")
                    .is_some_and(|m| m.eq_ignore_ascii_case("external"));
                let (Some(kind), Some(target)) = (e.attr("Type"), e.attr("Target")) else {
                    continue;
                };
                if external || target.contains("://") {
                    continue;
                }
                let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                out.push((kind, resolve(base_dir, &target)));
            }
            XEvent::Eof => return Ok(out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "../../../x.xml"), "x.xml");
    }

    #[test]
    fn external_relationships_are_not_followed() {
        let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://x/styles" Target="file:///etc/passwd" TargetMode="External"/><Relationship Id="b" Type="http://x/numbering" Target="numbering.xml"/></Relationships>"#;
        let got = relationships(rels, "word", "r").unwrap_or_default();
        assert_eq!(
            got,
            vec![("numbering".to_string(), "word/numbering.xml".to_string())]
        );
    }
}
