//! Golden tests: every document under `fixtures/dev/` converts to the gold
//! JSON beside it, field for field, and loses no line; every Word document
//! under `fixtures/docx/` (made with pandoc, LibreOffice and python-docx)
//! converts to the expected JSON beside it; so does every document under
//! `fixtures/variants/` (new documents in the dev corpus's layouts, their
//! expected JSON written from MODEL.md by hand).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use mresponse_parse::{Document, Format, Limits, parse_detailed};
use serde_json::Value;

/// Every (input, gold) pair of the dev fixtures folder.
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let pairs = pairs_in("fixtures/dev");
    assert!(pairs.len() >= 16, "expected the dev corpus in fixtures/dev");
    pairs
}

/// Every (input, expected JSON) pair of a folder under the project.
fn pairs_in(folder: &str) -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the fixtures folder exists") {
        let path = entry.expect("readable entry").path();
        if Format::from_path(&path).is_none() {
            continue;
        }
        let gold = path.with_extension("json");
        if gold.exists() {
            pairs.push((path, gold));
        }
    }
    pairs.sort();
    pairs
}

/// Lists the leaf fields where `got` differs from `want`.
fn diff(want: &Value, got: &Value, path: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                diff(
                    wv,
                    g.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                    out,
                );
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                diff(wv, gv, &format!("{path}[{i}]"), out);
            }
        }
        _ if want != got => out.push(format!("{path}: want {want} got {got}")),
        _ => {}
    }
}

#[test]
fn every_fixture_converts_to_its_gold() {
    assert_all_convert(&fixtures());
}

#[test]
fn every_docx_fixture_converts_to_its_expected_json() {
    let pairs = pairs_in("fixtures/docx");
    assert!(
        pairs.len() >= 7,
        "expected the Word fixtures in fixtures/docx"
    );
    for (input, _) in &pairs {
        assert_eq!(Format::from_path(input), Some(Format::Docx), "{input:?}");
    }
    assert_all_convert(&pairs);
}

#[test]
fn every_variant_fixture_converts_to_its_expected_json() {
    let pairs = pairs_in("fixtures/variants");
    assert!(
        pairs.len() >= 12,
        "expected the variants in fixtures/variants"
    );
    assert_all_convert(&pairs);
}

/// Converts each input and compares it with its expected JSON, field by
/// field; fails listing every differing field of every input.
fn assert_all_convert(pairs: &[(PathBuf, PathBuf)]) {
    let mut failures = Vec::new();
    for (input, gold) in pairs {
        let bytes = std::fs::read(input).expect("readable fixture");
        let format = Format::from_path(input).expect("known extension");
        let want: Value =
            serde_json::from_slice(&std::fs::read(gold).expect("gold")).expect("gold JSON");
        let got = match parse_detailed(&bytes, format, &Limits::default()) {
            Ok(r) => serde_json::to_value(r.document.contract_view()).expect("serialisable"),
            Err(e) => {
                failures.push(format!("{}: {e}", input.display()));
                continue;
            }
        };
        let mut diffs = Vec::new();
        diff(&want, &got, "", &mut diffs);
        if !diffs.is_empty() {
            failures.push(format!(
                "{}:\n    {}",
                input.display(),
                diffs.join("\n    ")
            ));
        }
        // The gold itself deserialises into the model.
        let _: Document = serde_json::from_value(want).expect("gold fits the model");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_line_of_a_text_fixture_is_lost() {
    for (input, _) in fixtures().into_iter().chain(pairs_in("fixtures/variants")) {
        let format = Format::from_path(&input).expect("known extension");
        // HTML markup lines (`<head>`, `<tr>`) hold no text; Word has no lines.
        if matches!(format, Format::Docx | Format::Html) {
            continue;
        }
        let bytes = std::fs::read(&input).expect("readable fixture");
        let r = parse_detailed(&bytes, format, &Limits::default()).expect("parses");
        let text = mresponse_parse::decode::decode(&bytes).text;
        for (n, line) in text.split('\n').enumerate() {
            let n = n as u32 + 1;
            if line.trim().is_empty() {
                continue;
            }
            let covered = r
                .claimed
                .iter()
                .chain(&r.reported)
                .any(|l| l.start <= n && n <= l.end);
            assert!(
                covered,
                "{}:{n}: line not claimed by any field nor reported: {line:?}",
                input.display()
            );
        }
    }
}

#[test]
fn the_seed_yields_no_diagnostic() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dev/unitar-minamata.md");
    let bytes = std::fs::read(path).expect("seed");
    let doc = mresponse_parse::parse(&bytes, Format::Markdown).expect("parses");
    assert_eq!(doc.diagnostics, vec![]);
}

#[test]
fn unknown_paragraph_and_column_are_reported_with_their_lines() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dev/gender-budgeting-pipe-tables.md");
    let text = std::fs::read_to_string(path).expect("fixture");
    // An unknown column in the first table, and a stray paragraph after it.
    let text = text
        .replacen(
            "| Status      | Comments",
            "| Status      | Budget | Comments",
            1,
        )
        .replacen(
            "|-------------|----------",
            "|-------------|--------|----------",
            1,
        )
        .replacen(
            "| Completed   | All three",
            "| Completed   | 12,000 | All three",
            1,
        )
        .replacen("| In progress | Modules", "| In progress |  | Modules", 1)
        .replacen(
            "# Recommendation 2.",
            "A stray remark nobody labelled.\n\n# Recommendation 2.",
            1,
        );
    let doc = mresponse_parse::parse(text.as_bytes(), Format::Markdown).expect("parses");
    let codes: Vec<(&str, u32)> = doc
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line))
        .collect();
    assert!(codes.contains(&("unknown-column", 23)), "{codes:?}");
    assert!(codes.contains(&("unclaimed-text", 26)), "{codes:?}");
    let stray = doc
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "unclaimed-text");
    assert_eq!(
        stray.and_then(|d| d.text.as_deref()),
        Some("A stray remark nobody labelled.")
    );
}
