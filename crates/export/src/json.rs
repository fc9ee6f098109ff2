//! The JSON writer: the model as pretty JSON.
//!
//! Two-space indentation, keys in the order of the model's fields (the order
//! of `MODEL.md`), UTF-8 written as is (no `\u` escapes for non-ASCII text),
//! and a final newline, so that the output is byte-identical to the gold
//! files under `fixtures/` and deserialises back to an equal [`Document`].
//! The extra fields (`line`, `diagnostics`) appear only when set.

use std::io::Write;

use mresponse_parse::Document;

use crate::error::Result;

/// The document as pretty JSON, ending in a newline.
pub fn to_json(doc: &Document) -> Result<String> {
    let mut json = serde_json::to_string_pretty(doc)?;
    json.push('\n');
    Ok(json)
}

/// Writes [`to_json`]'s output to `out`.
///
/// `out` is used as given: wrap a file in a `BufWriter` for speed.
pub fn write_json<W: Write>(doc: &Document, mut out: W) -> Result<()> {
    serde_json::to_writer_pretty(&mut out, doc)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use mresponse_parse::{Code, Diagnostic};

    #[test]
    fn extra_fields_only_when_set() {
        let mut doc = Document::empty();
        let json = to_json(&doc).unwrap();
        assert!(json.ends_with("}\n"));
        assert!(!json.contains("diagnostics"));
        assert!(json.starts_with("{\n  \"schema_version\": \"1\",\n  \"language\": \"en\""));

        doc.diagnostics.push(Diagnostic::new(
            Code::NoRecommendations,
            1,
            "no recommendation found",
        ));
        let json = to_json(&doc).unwrap();
        assert!(json.contains("\"code\": \"no-recommendations\""));
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);

        let mut buffer = Vec::new();
        write_json(&doc, &mut buffer).unwrap();
        assert_eq!(String::from_utf8(buffer).unwrap(), json);
    }
}
