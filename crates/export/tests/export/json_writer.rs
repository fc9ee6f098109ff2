//! The JSON writer against the gold fixtures.

use mresponse_export::{to_json, write_json};
use mresponse_parse::Document;

use crate::common::{fixtures, hostile_document};

#[test]
fn every_fixture_is_written_byte_for_byte_and_reads_back_equal() {
    for fixture in fixtures() {
        let json = to_json(&fixture.doc).unwrap();
        assert_eq!(json, fixture.text, "{}", fixture.name);
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, fixture.doc, "{}", fixture.name);
    }
}

#[test]
fn lines_and_diagnostics_round_trip() {
    let doc = hostile_document();
    let json = to_json(&doc).unwrap();
    assert!(json.contains("\"line\": 12"));
    assert!(json.contains("\"diagnostics\": ["));
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    // Extra fields come after the contract's, in model order.
    let recommendations = json.find("\"recommendations\"").unwrap();
    let notes = json.find("\"notes\"").unwrap();
    let diagnostics = json.find("\"diagnostics\"").unwrap();
    assert!(recommendations < notes && notes < diagnostics);

    let mut out = Vec::new();
    write_json(&doc, &mut out).unwrap();
    assert_eq!(out, json.as_bytes());
}
