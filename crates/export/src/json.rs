//! The JSON writer: the model as pretty JSON.
//!
//! Two-space indentation, keys in the order of the model's fields (the order
//! of `MODEL.md`), UTF-8 written as is (no `\u` escapes for non-ASCII text),
//! and a final newline, so that the output is byte-identical to the gold
//! files under `fixtures/` and deserialises back to an equal [`Document`].
//! The extra fields (`line`, `diagnostics`) appear only when set.

use std::io::{self, Write};

use mresponse_parse::Document;
use serde::Serialize;
use serde_json::ser::Formatter;

use crate::error::Result;

/// Bytes reserved for a document's JSON at first: most documents fit, so
/// the buffer is seldom copied as it grows.
const INITIAL_CAPACITY: usize = 32 * 1024;

/// The document as pretty JSON, ending in a newline.
pub fn to_json(doc: &Document) -> Result<String> {
    String::from_utf8(to_json_bytes(doc)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e).into())
}

/// [`to_json`]'s output as UTF-8 bytes, for writing to a file: the bytes
/// are not checked again as a `String` would be.
pub fn to_json_bytes(doc: &Document) -> Result<Vec<u8>> {
    let mut json = Vec::with_capacity(INITIAL_CAPACITY);
    write_json(doc, &mut json)?;
    Ok(json)
}

/// Writes [`to_json`]'s output to `out`.
///
/// `out` is used as given: wrap a file in a `BufWriter` for speed.
pub fn write_json<W: Write>(doc: &Document, mut out: W) -> Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    doc.serialize(&mut serializer)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// A line break and the indentation of up to 32 levels.
const BREAK: &[u8] = b"\n                                                                ";

/// serde_json's `PrettyFormatter` with two-space indentation, byte for
/// byte, writing each line break with its indentation at once rather than
/// a level at a time.
#[derive(Debug, Default)]
struct Pretty {
    /// How many objects and arrays are open.
    depth: usize,
    /// The innermost open object or array has a member.
    has_value: bool,
}

impl Pretty {
    /// A line break and the indentation of the current depth.
    fn line_break<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        match BREAK.get(..=2 * self.depth) {
            Some(line) => out.write_all(line),
            None => {
                out.write_all(b"\n")?;
                (0..self.depth).try_for_each(|_| out.write_all(b"  "))
            }
        }
    }

    /// Opens an object or array with `mark`.
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(mark)
    }

    /// Closes an object or array with `mark`, on a line of its own if it
    /// has members.
    fn close<W: ?Sized + Write>(&mut self, out: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.line_break(out)?;
        }
        out.write_all(mark)
    }

    /// Starts a member: after a comma unless it is the first, on a new line.
    fn member<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.line_break(out)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.member(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.member(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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

    #[test]
    fn the_layout_is_serde_jsons_pretty_one_at_any_depth() {
        // Empty and full objects and arrays, nested deeper than the
        // indentation written at once (32 levels).
        let mut value = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": "e\"\n"}]});
        for depth in 0..40 {
            value = serde_json::json!({"depth": depth, "inner": [value, [], {}]});
        }
        let mut ours = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut ours, Pretty::default());
        value.serialize(&mut serializer).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
