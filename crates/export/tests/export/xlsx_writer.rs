//! The XLSX writer, read back with calamine.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use mresponse_export::csv::{KEY_ACTION_COLUMNS, RECOMMENDATION_COLUMNS};
use mresponse_export::write_workbook;
use mresponse_export::xlsx::{DIAGNOSTIC_COLUMNS, DOCUMENT_COLUMNS};

use crate::common::{hostile_document, named_docs};

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn header(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|cell| cell.to_string())
        .collect()
}

/// The all-fixture workbook plus the hostile document last.
fn docs() -> Vec<(String, mresponse_parse::Document)> {
    let mut docs = named_docs();
    docs.push(("hostile".to_string(), hostile_document()));
    docs
}

#[test]
fn sheets_rows_and_headers() {
    let docs = docs();
    let mut book = open(write_workbook(&docs).unwrap());
    assert_eq!(
        book.sheet_names(),
        ["Key actions", "Recommendations", "Documents", "Diagnostics"]
    );

    let rows: usize = docs
        .iter()
        .flat_map(|(_, d)| &d.recommendations)
        .map(|r| r.key_actions.len().max(1))
        .sum();
    let recs: usize = docs.iter().map(|(_, d)| d.recommendations.len()).sum();
    let diagnostics: usize = docs.iter().map(|(_, d)| d.diagnostics.len()).sum();
    assert_eq!(diagnostics, 2);

    for (sheet, columns, data_rows) in [
        ("Key actions", &KEY_ACTION_COLUMNS[..], rows),
        ("Recommendations", &RECOMMENDATION_COLUMNS[..], recs),
        ("Documents", &DOCUMENT_COLUMNS[..], docs.len()),
        ("Diagnostics", &DIAGNOSTIC_COLUMNS[..], diagnostics),
    ] {
        let range = book.worksheet_range(sheet).unwrap();
        assert_eq!(range.start(), Some((0, 0)), "{sheet}");
        assert_eq!(range.height(), 1 + data_rows, "{sheet}");
        assert_eq!(header(&range), columns, "{sheet}");
    }

    let documents = book.worksheet_range("Documents").unwrap();
    let last = documents.rows().next_back().unwrap();
    assert_eq!(last[0], Data::String("hostile".into()));
    assert_eq!(last[4], Data::Float(2.0)); // recommendations
    assert_eq!(last[5], Data::Float(2.0)); // key actions
    assert_eq!(last[6], Data::Float(2.0)); // diagnostics
    let diagnostics = book.worksheet_range("Diagnostics").unwrap();
    let first = diagnostics.rows().nth(1).unwrap();
    assert_eq!(first[1], Data::String("warning".into()));
    assert_eq!(first[2], Data::String("unknown-status".into()));
    assert_eq!(first[3], Data::Float(14.0));
}

#[test]
fn due_is_a_date_cell() {
    let docs = named_docs();
    let (name, doc) = docs.iter().find(|(n, _)| n == "unitar-minamata").unwrap();
    let due = doc.recommendations[0].key_actions[0]
        .time_frame
        .due
        .as_deref();
    assert_eq!(due, Some("2020-03-30"));
    let mut book = open(write_workbook(&[(name.clone(), doc.clone())]).unwrap());
    let range = book.worksheet_range("Key actions").unwrap();
    let col = KEY_ACTION_COLUMNS.iter().position(|c| *c == "due").unwrap();
    let cell = range.get((1, col)).unwrap();
    let Data::DateTime(date) = cell else {
        panic!("due is not a date cell: {cell:?}");
    };
    assert!(date.is_datetime());
    // Excel's serial number of 2020-03-30 in the 1900 date system.
    assert_eq!(date.as_f64(), 43_920.0);
}

#[test]
fn formula_like_text_is_stored_as_text() {
    let docs = vec![("=doc".to_string(), hostile_document())];
    let mut book = open(write_workbook(&docs).unwrap());
    let range = book.worksheet_range("Key actions").unwrap();
    let ka = KEY_ACTION_COLUMNS
        .iter()
        .position(|c| *c == "key_action")
        .unwrap();
    assert_eq!(
        range.get((1, ka)),
        Some(&Data::String("=HYPERLINK(\"http://x\")".into()))
    );
    assert_eq!(range.get((2, ka)), Some(&Data::String("+SUM(A1)".into())));
    assert_eq!(range.get((1, 0)), Some(&Data::String("=doc".into())));
    // No cell of any sheet holds a formula.
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has a formula"
        );
    }
    let documents = book.worksheet_range("Documents").unwrap();
    assert_eq!(
        documents.get((1, 1)),
        Some(&Data::String("=cmd|' /C calc'!A0".into()))
    );
    // The actionless recommendation: its line, empty action cells.
    let line = KEY_ACTION_COLUMNS.len() - 1;
    assert_eq!(range.get((3, line)), Some(&Data::Float(20.0)));
    assert_eq!(range.get((3, ka)), Some(&Data::Empty));
}

#[test]
fn same_documents_same_bytes() {
    let docs = docs();
    assert_eq!(
        write_workbook(&docs).unwrap(),
        write_workbook(&docs).unwrap()
    );
}
