//! Legacy encodings: the UTF-16 LE, UTF-16 BE (both with a byte-order mark)
//! and Windows-1252 copies of dev fixtures under `fixtures/encodings/` read
//! as the UTF-8 original does: the same document, lines and diagnostics,
//! the Windows-1252 one with exactly one `encoding-fallback` warning more.
//! `fixtures/encodings/README.md` says how the copies were made.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use mresponse_parse::{Document, Format, Severity, parse};
use serde_json::Value;

/// The encoded copies: (file, the UTF-8 original in `fixtures/dev/`, the
/// suffix that names the encoding).
fn copies() -> Vec<(PathBuf, PathBuf, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root.join("fixtures/encodings")).expect("folder") {
        let path = entry.expect("entry").path();
        let (Some(stem), Some(ext)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        for suffix in ["-utf16le", "-utf16be", "-cp1252"] {
            if let Some(base) = stem.strip_suffix(suffix) {
                let original = root.join(format!("fixtures/dev/{base}.{ext}"));
                assert!(original.exists(), "{original:?}");
                out.push((path.clone(), original, suffix));
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("readable");
    let format = Format::from_path(path).expect("known extension");
    parse(&bytes, format).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The contract JSON (MODEL.md's fields only).
fn contract(doc: &Document) -> Value {
    serde_json::to_value(doc.contract_view()).expect("serialisable")
}

#[test]
fn every_encoding_of_a_fixture_is_there() {
    let suffixes: Vec<&str> = copies().iter().map(|c| c.2).collect();
    for suffix in ["-utf16le", "-utf16be", "-cp1252"] {
        assert!(suffixes.contains(&suffix), "no {suffix} copy: {suffixes:?}");
    }
}

#[test]
fn encoded_copies_are_not_utf8_on_disk() {
    for (path, original, suffix) in copies() {
        let bytes = std::fs::read(&path).expect("readable");
        let utf8 = std::fs::read(&original).expect("readable");
        assert_ne!(bytes, utf8, "{}", path.display());
        match suffix {
            "-utf16le" => assert!(bytes.starts_with(&[0xFF, 0xFE])),
            "-utf16be" => assert!(bytes.starts_with(&[0xFE, 0xFF])),
            _ => assert!(std::str::from_utf8(&bytes).is_err(), "{}", path.display()),
        }
    }
}

#[test]
fn each_encoding_reads_as_the_utf8_original() {
    for (path, original, suffix) in copies() {
        let want = read(&original);
        let got = read(&path);
        let name = path.display();
        assert_eq!(contract(&got), contract(&want), "{name}");
        // The gold beside the original, too.
        let gold: Value =
            serde_json::from_slice(&std::fs::read(original.with_extension("json")).expect("gold"))
                .expect("gold JSON");
        assert_eq!(contract(&got), gold, "{name}");
        // Same source lines for every recommendation and action.
        assert_eq!(
            serde_json::to_value(&got.recommendations).expect("json"),
            serde_json::to_value(&want.recommendations).expect("json"),
            "{name}"
        );
        let mut diagnostics = got.diagnostics.clone();
        if suffix == "-cp1252" {
            let fallbacks: Vec<_> = diagnostics
                .iter()
                .filter(|d| d.code.as_str() == "encoding-fallback")
                .collect();
            assert_eq!(fallbacks.len(), 1, "{name}: {diagnostics:?}");
            assert_eq!(fallbacks[0].severity, Severity::Warning, "{name}");
            assert!(
                fallbacks[0].message.contains("windows-1252"),
                "{name}: {}",
                fallbacks[0].message
            );
            diagnostics.retain(|d| d.code.as_str() != "encoding-fallback");
        }
        assert_eq!(diagnostics, want.diagnostics, "{name}");
    }
}

#[test]
fn the_cli_warns_once_for_windows_1252_and_not_for_utf16() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/encodings");
    for (name, warnings) in [
        ("decentralisation-benin-fr-cp1252.md", 1),
        ("decentralisation-benin-fr-utf16le.md", 0),
        ("decentralisation-benin-fr-utf16be.md", 0),
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_mresponse"))
            .arg("convert")
            .arg(dir.join(name))
            .output()
            .expect("the binary runs");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{name}: {err}");
        assert_eq!(
            err.matches("encoding-fallback").count(),
            warnings,
            "{name}: {err}"
        );
        let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(
            doc["recommendations"][0]["text"]
                .as_str()
                .map(|t| t.contains("élaboration")),
            Some(true),
            "{name}"
        );
    }
}
