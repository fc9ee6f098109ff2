//! Round trips: `parse(markdown(doc)) == doc` in every contract field, and
//! the normalized Markdown is idempotent, for every fixture.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use mresponse_export::to_markdown;
use mresponse_parse::{Document, Format, parse};

fn fixture_docs() -> Vec<(String, Document)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dev");
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let Some(format) = Format::from_path(&path) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("readable");
        let Ok(doc) = parse(&bytes, format) else {
            continue;
        };
        docs.push((path.display().to_string(), doc));
    }
    docs
}

#[test]
fn markdown_reads_back_to_the_same_document() {
    for (name, doc) in fixture_docs() {
        let md = to_markdown(&doc);
        let back =
            parse(md.as_bytes(), Format::Markdown).unwrap_or_else(|e| panic!("{name}: {e}\n{md}"));
        assert_eq!(
            serde_json::to_value(back.contract_view()).expect("json"),
            serde_json::to_value(doc.contract_view()).expect("json"),
            "{name}: round trip differs; markdown was:\n{md}"
        );
        let again = to_markdown(&back);
        assert_eq!(again, md, "{name}: markdown is not idempotent");
    }
}
