//! Fixture loading, sample documents and golden-file comparison.

use std::fs;
use std::path::{Path, PathBuf};

use mresponse_parse::{
    Code, Decision, Diagnostic, Document, KeyAction, Recommendation, Response, Status, TimeFrame,
    TimeFrameKind, Tracking,
};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// This crate's golden folder.
pub fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// A dev fixture: its name (file stem), its JSON text, and the document.
pub struct Fixture {
    pub name: String,
    pub text: String,
    pub doc: Document,
}

/// Every `fixtures/dev/*.json`, sorted by name (the file stem, so that
/// `unitar-minamata` comes before `unitar-minamata-word`).
pub fn fixtures() -> Vec<Fixture> {
    let dir = repo_root().join("fixtures/dev");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort_by_key(|p| p.file_stem().map(|s| s.to_os_string()));
    assert!(paths.len() >= 10, "expected the dev fixtures in {dir:?}");
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let doc =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            Fixture { name, text, doc }
        })
        .collect()
}

/// The fixtures as `(name, document)` pairs, as the batch writers take them.
pub fn named_docs() -> Vec<(String, Document)> {
    fixtures().into_iter().map(|f| (f.name, f.doc)).collect()
}

/// Compares `actual` with the golden file at `path`, or writes it when
/// `UPDATE_GOLDEN=1`.
pub fn check_golden(path: &Path, actual: &[u8]) {
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let expected = String::from_utf8_lossy(&expected);
        let actual = String::from_utf8_lossy(actual);
        let line = expected
            .split('\n')
            .zip(actual.split('\n'))
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.split('\n').count().min(actual.split('\n').count()));
        panic!(
            "{} differs from the output at line {}:\n  golden: {:?}\n  output: {:?}\n\
             (run with UPDATE_GOLDEN=1 to rewrite, then review the diff)",
            path.display(),
            line + 1,
            expected.split('\n').nth(line).unwrap_or("<end>"),
            actual.split('\n').nth(line).unwrap_or("<end>"),
        );
    }
}

/// A key action with the given description, due date and line.
pub fn action(description: &str, due: Option<&str>, line: Option<u32>) -> KeyAction {
    KeyAction {
        id: Some("1.1".into()),
        description: description.into(),
        time_frame: TimeFrame {
            text: due.map(str::to_string),
            kind: if due.is_some() {
                TimeFrameKind::Deadline
            } else {
                TimeFrameKind::Unknown
            },
            due: due.map(str::to_string),
        },
        responsible: vec!["UNDP".into(), "Government".into()],
        tracking: Tracking {
            status: Some(Status::Ongoing),
            status_text: Some("In progress".into()),
            comments: None,
        },
        line,
    }
}

/// A document with source lines, diagnostics and cells that a spreadsheet
/// would read as formulas: recommendation 1 has two actions, 2 has none.
pub fn hostile_document() -> Document {
    let mut doc = Document::empty();
    doc.title = Some("=cmd|' /C calc'!A0".into());
    let mut second = action("+SUM(A1)", None, Some(14));
    second.id = None;
    second.responsible = vec![];
    second.tracking = Tracking {
        status: None,
        status_text: Some("-".into()),
        comments: Some("@SUM(1+1)\tx".into()),
    };
    doc.recommendations = vec![
        Recommendation {
            id: "1".into(),
            text: "Strengthen, \"clearly\", the M&E unit".into(),
            response: Response {
                decision: Some(Decision::PartiallyAccepted),
                decision_text: Some("Partially accepted".into()),
                comment: Some("- first item\n- second item".into()),
            },
            key_actions: vec![
                action("=HYPERLINK(\"http://x\")", Some("2021-06-30"), Some(12)),
                second,
            ],
            line: Some(10),
        },
        Recommendation {
            id: "2".into(),
            text: "Rejected one".into(),
            response: Response {
                decision: Some(Decision::Rejected),
                decision_text: Some("Rejected".into()),
                comment: None,
            },
            key_actions: vec![],
            line: Some(20),
        },
    ];
    doc.diagnostics = vec![
        Diagnostic::new(Code::UnknownStatus, 14, "status '-' is in no vocabulary").with_text("-"),
        Diagnostic::new(Code::IdSequence, 20, "=1+1 is not a formula here"),
    ];
    doc
}
