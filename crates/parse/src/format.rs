//! Input formats: chosen by file extension, confirmed by sniffing the bytes.

use std::path::Path;

use crate::error::ParseError;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`).
    Text,
    /// HTML (`.html`, `.htm`).
    Html,
    /// Word (`.docx`).
    Docx,
}

impl Format {
    /// The format a file extension names, if any.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format of a path, by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
    }

    /// The format's usual name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Text => "plain text",
            Format::Html => "HTML",
            Format::Docx => "Word (.docx)",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Checks that the bytes can be of `format`: a text format that is really a
/// zip or an OLE file, or a `.docx` that is really text, is an error that
/// says so.
pub fn confirm(bytes: &[u8], format: Format) -> Result<(), ParseError> {
    let zip = bytes.starts_with(ZIP) || bytes.starts_with(b"PK\x05\x06");
    let ole = bytes.starts_with(OLE);
    match format {
        Format::Docx if ole => Err(ParseError::WrongFormat(
            "this is an OLE compound file: an encrypted (password-protected) Word document or a legacy .doc; save it as an unprotected .docx".into(),
        )),
        Format::Docx if !zip => Err(ParseError::WrongFormat(
            "this .docx is not a zip archive (a Word document is one); is it text with the wrong extension?".into(),
        )),
        Format::Docx => Ok(()),
        _ if zip => Err(ParseError::WrongFormat(format!(
            "this {} file is a zip archive (a Word document?); rename it to .docx",
            format.name()
        ))),
        _ if ole => Err(ParseError::WrongFormat(format!(
            "this {} file is an OLE compound file (a legacy Office document)",
            format.name()
        ))),
        _ if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
            && !looks_utf16(bytes) =>
        {
            Err(ParseError::WrongFormat(format!("this {} file holds binary data", format.name())))
        }
        _ => Ok(()),
    }
}

fn looks_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}
