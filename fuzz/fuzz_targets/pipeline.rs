//! Fuzz target: the whole pipeline. Any bytes are parsed as Markdown, the
//! document goes through every writer (JSON, both CSV tables, normalized
//! Markdown, XLSX), and the normalized Markdown is parsed again: a document
//! that was read once must read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mresponse_export::{
    CsvOptions, key_actions_csv, recommendations_csv, to_json, to_markdown, write_workbook,
};
use mresponse_parse::{Format, Limits, parse_detailed};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let Ok(first) = parse_detailed(data, Format::Markdown, &limits) else {
        return;
    };
    let doc = first.document;
    let json = to_json(&doc).expect("JSON of a parsed document");
    assert!(!json.is_empty());
    let mut csv = Vec::new();
    key_actions_csv([("fuzz", &doc)], &mut csv, CsvOptions::default())
        .expect("key-action CSV of a parsed document");
    let mut csv = Vec::new();
    recommendations_csv([("fuzz", &doc)], &mut csv, CsvOptions::default())
        .expect("recommendation CSV of a parsed document");
    let markdown = to_markdown(&doc);
    write_workbook(&[("fuzz".to_string(), doc)]).expect("workbook of a parsed document");
    if let Err(e) = parse_detailed(markdown.as_bytes(), Format::Markdown, &limits) {
        panic!("the normalized Markdown does not read back: {e}\n---\n{markdown}");
    }
});
