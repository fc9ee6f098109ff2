//! The JSON Schema of the JSON that [`to_json`](crate::to_json) writes.
//!
//! Generated from the model types themselves (the `schema` feature of
//! `mresponse-parse` derives `schemars::JsonSchema` on them), so it cannot
//! drift from the code: it covers the contract of `MODEL.md` and the extra
//! fields (`line`, `diagnostics`). The repository keeps a generated copy at
//! `schema/mresponse.schema.json`, and a test checks that it is current.
//!
//! The text form has its object keys sorted, so that it is byte-identical
//! whatever `serde_json` features other crates in a build switch on.

use mresponse_parse::Document;
use schemars::generate::SchemaSettings;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

/// The title the schema carries.
pub const SCHEMA_TITLE: &str = "mresponse management response document";

/// The JSON Schema (draft 2020-12) of a [`Document`] as JSON.
///
/// It describes what the writer produces (schemars' serialize contract):
/// fields that are always written, `null` or not, are required; the extra
/// fields that are skipped when empty are optional.
pub fn json_schema() -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Document>();
    schema.insert("title".to_string(), Value::from(SCHEMA_TITLE));
    schema.to_value()
}

/// [`json_schema`] as pretty JSON with sorted keys, ending in a newline.
pub fn schema_json() -> String {
    let mut text = String::new();
    let sorted = Sorted(&json_schema());
    // Serialising a `Value` to memory cannot fail: its keys are strings.
    if let Ok(json) = serde_json::to_string_pretty(&sorted) {
        text = json;
    }
    text.push('\n');
    text
}

/// Serialises a `Value` with the keys of every object in sorted order.
struct Sorted<'a>(&'a Value);

impl Serialize for Sorted<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(map) => {
                let mut entries: Vec<_> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                let mut out = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    out.serialize_entry(key, &Sorted(value))?;
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    out.serialize_element(&Sorted(item))?;
                }
                out.end()
            }
            other => other.serialize(serializer),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn text_form_is_the_value_with_sorted_keys() {
        let text = schema_json();
        assert!(text.ends_with("}\n"));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, json_schema());
        assert_eq!(back["title"], SCHEMA_TITLE);
        let keys: Vec<_> = text
            .lines()
            .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }
}
