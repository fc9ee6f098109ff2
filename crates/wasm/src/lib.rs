//! mresponse in the browser: the same parser and exporters as the command
//! line, behind a small API that a web page calls through wasm-bindgen.
//!
//! The logic lives in plain Rust functions here, which the native tests
//! exercise; the `bindings` module (compiled only for `wasm32`) is a thin
//! layer that hands them to JavaScript.
//!
//! Documents cross the boundary as JSON: [`convert`] returns an envelope
//! holding the document (with its source lines and diagnostics), and the
//! exporters take that document JSON back. The JSON deserialises to an equal
//! [`Document`], so an export from the page is byte for byte what
//! `mresponse convert FILE --to …` writes for a file of the same name.
//!
//! ```
//! let text = "Recommendation 1: Do it.\n\nManagement response: Accepted. We will.\n";
//! let envelope = mresponse_wasm::convert(text.as_bytes(), "seed.md");
//! let value: serde_json::Value = serde_json::from_str(&envelope).unwrap();
//! assert_eq!(value["ok"], true);
//! let doc = value["document"].to_string();
//! let csv = mresponse_wasm::to_csv(&doc, "seed.md").unwrap();
//! assert!(csv.starts_with("document,recommendation_id,"));
//! ```

use mresponse_export::{CsvOptions, key_actions_csv, write_workbook};
use mresponse_parse::{Document, Format, Limits, parse_detailed};
use serde::{Deserialize, Serialize};

#[cfg(target_arch = "wasm32")]
mod bindings;

/// What [`convert`] returns, as JSON: the document or why there is none.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Envelope<'a> {
    /// The file was read.
    Converted {
        /// Always `true`.
        ok: bool,
        /// The file name, as given.
        name: &'a str,
        /// The input format's usual name.
        format: &'static str,
        /// The document, with its source lines and diagnostics.
        document: &'a Document,
    },
    /// The file could not be read at all.
    Failed {
        /// Always `false`.
        ok: bool,
        /// The file name, as given.
        name: &'a str,
        /// Why, in a sentence for the reader.
        error: String,
    },
}

/// One named document, as the exporters of many documents take them.
#[derive(Debug, Deserialize)]
pub struct Named {
    /// The document's name: its file name.
    pub name: String,
    /// The document.
    pub document: Document,
}

/// The input format of a file name, by its extension.
pub fn format_of(file_name: &str) -> Option<Format> {
    let (_, ext) = file_name.rsplit_once('.')?;
    Format::from_extension(ext)
}

/// Reads one file: its bytes and its name (whose extension gives the format).
///
/// The error is a sentence for the reader, starting with the file name.
pub fn convert_document(bytes: &[u8], file_name: &str) -> Result<Document, String> {
    let format = format_of(file_name).ok_or_else(|| {
        format!("{file_name}: unknown file type; the page reads .docx, .md, .txt and .html files")
    })?;
    parse_detailed(bytes, format, &Limits::default())
        .map(|recognised| recognised.document)
        .map_err(|e| format!("{file_name}: {e}"))
}

/// Reads one file and returns the JSON envelope the page reads:
/// `{"ok": true, "name", "format", "document"}` or
/// `{"ok": false, "name", "error"}`.
pub fn convert(bytes: &[u8], file_name: &str) -> String {
    let envelope = match convert_document(bytes, file_name) {
        Ok(document) => {
            let format = format_of(file_name).map_or("", Format::name);
            return serialise(&Envelope::Converted {
                ok: true,
                name: file_name,
                format,
                document: &document,
            });
        }
        Err(error) => Envelope::Failed {
            ok: false,
            name: file_name,
            error,
        },
    };
    serialise(&envelope)
}

fn serialise(envelope: &Envelope<'_>) -> String {
    serde_json::to_string(envelope).unwrap_or_else(|e| {
        let error = serde_json::Value::String(format!("internal error: {e}"));
        format!(r#"{{"ok":false,"name":"","error":{error}}}"#)
    })
}

/// A document from its JSON.
pub fn parse_document(document_json: &str) -> Result<Document, String> {
    serde_json::from_str(document_json).map_err(|e| format!("not a document: {e}"))
}

/// Named documents from a JSON array of `{"name", "document"}`.
pub fn parse_named(documents_json: &str) -> Result<Vec<Named>, String> {
    serde_json::from_str(documents_json).map_err(|e| format!("not a list of documents: {e}"))
}

/// The document as the command line's `--to json` writes it.
pub fn to_json(document_json: &str) -> Result<String, String> {
    let doc = parse_document(document_json)?;
    mresponse_export::to_json(&doc).map_err(|e| e.to_string())
}

/// The document as the command line's `--to md` writes it: normalized
/// Markdown that reads back to the same document, ending in a newline.
pub fn to_markdown(document_json: &str) -> Result<String, String> {
    let doc = parse_document(document_json)?;
    let mut md = mresponse_export::to_markdown(&doc);
    md.push('\n');
    Ok(md)
}

/// The key-action CSV of one document named `name`, as the command line's
/// `--to csv` writes it (formulas neutralised, no byte-order mark).
pub fn to_csv(document_json: &str, name: &str) -> Result<String, String> {
    let doc = parse_document(document_json)?;
    csv_of(&[(name, &doc)])
}

/// The key-action CSV of many documents: one header, then each document's rows.
pub fn to_csv_many(documents_json: &str) -> Result<String, String> {
    let named = parse_named(documents_json)?;
    let docs: Vec<(&str, &Document)> = named
        .iter()
        .map(|n| (n.name.as_str(), &n.document))
        .collect();
    csv_of(&docs)
}

fn csv_of(docs: &[(&str, &Document)]) -> Result<String, String> {
    let mut out = Vec::new();
    key_actions_csv(docs.iter().copied(), &mut out, CsvOptions::default())
        .map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// The workbook of one or more documents: a JSON array of `{"name", "document"}`.
pub fn to_xlsx(documents_json: &str) -> Result<Vec<u8>, String> {
    let docs: Vec<(String, Document)> = parse_named(documents_json)?
        .into_iter()
        .map(|n| (n.name, n.document))
        .collect();
    write_workbook(&docs).map_err(|e| e.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const SEED: &str = "Recommendation 1: Do it.\n\nManagement response: Accepted. We will.\n";

    fn envelope(bytes: &[u8], name: &str) -> serde_json::Value {
        serde_json::from_str(&convert(bytes, name)).expect("json")
    }

    #[test]
    fn converts_by_extension() {
        let v = envelope(SEED.as_bytes(), "seed.TXT");
        assert_eq!(v["ok"], true);
        assert_eq!(v["name"], "seed.TXT");
        assert_eq!(v["format"], "plain text");
        assert_eq!(v["document"]["recommendations"][0]["id"], "1");
    }

    #[test]
    fn unknown_extension_is_an_error_not_a_panic() {
        for name in ["seed.pdf", "seed", ""] {
            let v = envelope(SEED.as_bytes(), name);
            assert_eq!(v["ok"], false, "{name}");
            assert!(v["error"].as_str().unwrap().contains("unknown file type"));
        }
    }

    #[test]
    fn unreadable_input_is_an_error() {
        let v = envelope(b"", "empty.md");
        assert_eq!(v["ok"], false);
        assert_eq!(v["error"], "empty.md: the input is empty");
        let v = envelope(b"hello", "fake.docx");
        assert_eq!(v["ok"], false);
        assert!(v["error"].as_str().unwrap().starts_with("fake.docx: "));
    }

    #[test]
    fn exports_reject_bad_json() {
        assert!(to_csv("{", "x.md").is_err());
        assert!(to_markdown("[]").is_err());
        assert!(to_xlsx("{}").is_err());
        assert!(to_csv_many("[{}]").is_err());
    }

    #[test]
    fn many_documents_share_one_header() {
        let doc = envelope(SEED.as_bytes(), "a.md")["document"].clone();
        let list = serde_json::json!([
            {"name": "a.md", "document": doc},
            {"name": "b.md", "document": doc},
        ]);
        let csv = to_csv_many(&list.to_string()).unwrap();
        assert_eq!(csv.matches("document,recommendation_id").count(), 1);
        assert_eq!(csv.lines().count(), 3);
        let xlsx = to_xlsx(&list.to_string()).unwrap();
        assert!(xlsx.starts_with(b"PK\x03\x04"));
    }
}
