//! The CSV writers: golden files per fixture, read-back checks, formula
//! neutralisation and the BOM.

use mresponse_export::csv::{KEY_ACTION_COLUMNS, RECOMMENDATION_COLUMNS, UTF8_BOM};
use mresponse_export::{
    CsvOptions, KeyActionWriter, RecommendationWriter, key_actions_csv, recommendations_csv,
};
use mresponse_parse::Document;

use crate::common::{check_golden, fixtures, golden_dir, hostile_document};

fn key_actions(name: &str, doc: &Document, opts: CsvOptions) -> Vec<u8> {
    let mut out = Vec::new();
    key_actions_csv([(name, doc)], &mut out, opts).unwrap();
    out
}

fn recommendations(name: &str, doc: &Document, opts: CsvOptions) -> Vec<u8> {
    let mut out = Vec::new();
    recommendations_csv([(name, doc)], &mut out, opts).unwrap();
    out
}

/// The records of `csv` (header first), read with the csv crate.
fn read(csv: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn column(name: &str) -> usize {
    KEY_ACTION_COLUMNS.iter().position(|c| *c == name).unwrap()
}

#[test]
fn golden_csv_for_every_fixture() {
    let dir = golden_dir().join("csv");
    for fixture in fixtures() {
        let opts = CsvOptions::default();
        check_golden(
            &dir.join(format!("{}.csv", fixture.name)),
            &key_actions(&fixture.name, &fixture.doc, opts),
        );
        check_golden(
            &dir.join(format!("{}.recommendations.csv", fixture.name)),
            &recommendations(&fixture.name, &fixture.doc, opts),
        );
    }
}

#[test]
fn one_row_per_key_action_or_actionless_recommendation() {
    for fixture in fixtures() {
        let doc = &fixture.doc;
        let records = read(&key_actions(&fixture.name, doc, CsvOptions::default()));
        assert_eq!(records[0], KEY_ACTION_COLUMNS, "{}", fixture.name);
        let actions: usize = doc
            .recommendations
            .iter()
            .map(|r| r.key_actions.len())
            .sum();
        let bare = doc
            .recommendations
            .iter()
            .filter(|r| r.key_actions.is_empty())
            .count();
        assert_eq!(records.len() - 1, actions + bare, "{}", fixture.name);

        // The cells say what the document says, row by row.
        let mut rows = records[1..].iter();
        for rec in &doc.recommendations {
            let expected: Vec<Option<&str>> = if rec.key_actions.is_empty() {
                vec![None]
            } else {
                rec.key_actions
                    .iter()
                    .map(|a| Some(a.description.as_str()))
                    .collect()
            };
            for description in expected {
                let row = rows.next().unwrap();
                assert_eq!(row[column("document")], fixture.name);
                assert_eq!(row[column("recommendation_id")], rec.id);
                assert_eq!(row[column("recommendation")], rec.text);
                assert_eq!(row[column("key_action")], description.unwrap_or(""));
            }
        }

        let records = read(&recommendations(&fixture.name, doc, CsvOptions::default()));
        assert_eq!(records[0], RECOMMENDATION_COLUMNS);
        assert_eq!(records.len() - 1, doc.recommendations.len());
        for (row, rec) in records[1..].iter().zip(&doc.recommendations) {
            assert_eq!(row[1], rec.id);
            assert_eq!(row[6], rec.key_actions.len().to_string());
        }
    }
}

#[test]
fn streaming_writer_writes_the_header_once() {
    let fixtures = fixtures();
    let mut writer = KeyActionWriter::new(Vec::new(), CsvOptions::default()).unwrap();
    let mut expected = format!("{}\n", KEY_ACTION_COLUMNS.join(","));
    for fixture in &fixtures {
        writer.write_document(&fixture.name, &fixture.doc).unwrap();
        writer.flush().unwrap();
        let single = key_actions(&fixture.name, &fixture.doc, CsvOptions::default());
        let single = String::from_utf8(single).unwrap();
        expected.push_str(single.split_once('\n').unwrap().1);
    }
    assert_eq!(
        String::from_utf8(writer.into_inner().unwrap()).unwrap(),
        expected
    );

    let docs: Vec<(&str, &Document)> = fixtures.iter().map(|f| (f.name.as_str(), &f.doc)).collect();
    let mut writer = RecommendationWriter::new(Vec::new(), CsvOptions::default()).unwrap();
    for (name, doc) in &docs {
        writer.write_document(name, doc).unwrap();
    }
    let mut one_call = Vec::new();
    recommendations_csv(docs, &mut one_call, CsvOptions::default()).unwrap();
    assert_eq!(writer.into_inner().unwrap(), one_call);
}

#[test]
fn formulas_are_neutralised_by_default_and_verbatim_on_opt_out() {
    let doc = hostile_document();
    let neutral = read(&key_actions("=doc", &doc, CsvOptions::default()));
    let verbatim = read(&key_actions(
        "=doc",
        &doc,
        CsvOptions {
            neutralise_formulas: false,
            ..CsvOptions::default()
        },
    ));
    let (ka, comments, status_text, doc_col) = (
        column("key_action"),
        column("comments"),
        column("status_text"),
        column("document"),
    );
    assert_eq!(neutral[1][ka], "'=HYPERLINK(\"http://x\")");
    assert_eq!(verbatim[1][ka], "=HYPERLINK(\"http://x\")");
    assert_eq!(neutral[2][ka], "'+SUM(A1)");
    assert_eq!(verbatim[2][ka], "+SUM(A1)");
    assert_eq!(neutral[2][comments], "'@SUM(1+1)\tx");
    assert_eq!(neutral[2][status_text], "'-");
    assert_eq!(verbatim[2][status_text], "-");
    assert_eq!(neutral[1][doc_col], "'=doc");
    assert_eq!(
        neutral[1][column("response_comment")],
        "'- first item\n- second item"
    );
    // Harmless cells are left alone; numbers are never touched.
    assert_eq!(neutral[1][column("due")], "2021-06-30");
    assert_eq!(
        neutral[1][column("recommendation")],
        "Strengthen, \"clearly\", the M&E unit"
    );
    let recs = read(&recommendations("=doc", &doc, CsvOptions::default()));
    assert_eq!(recs[1][0], "'=doc");
    assert_eq!(recs[1][5], "'- first item\n- second item");
}

#[test]
fn lines_responsible_and_empty_action_columns() {
    let doc = hostile_document();
    let records = read(&key_actions("d", &doc, CsvOptions::default()));
    assert_eq!(records.len(), 4);
    let line = column("line");
    assert_eq!(records[1][line], "12");
    assert_eq!(records[2][line], "14");
    // The actionless recommendation points at its own line.
    assert_eq!(records[3][line], "20");
    assert_eq!(records[1][column("responsible")], "UNDP; Government");
    assert_eq!(records[2][column("responsible")], "");
    for name in [
        "key_action_id",
        "key_action",
        "time_frame_kind",
        "status",
        "responsible",
    ] {
        assert_eq!(records[3][column(name)], "", "{name}");
    }
    assert_eq!(records[3][column("decision")], "rejected");
    // RFC 4180 quoting of commas, quotes and line breaks, \n terminators.
    let raw = String::from_utf8(key_actions("d", &doc, CsvOptions::default())).unwrap();
    assert!(raw.contains(",\"Strengthen, \"\"clearly\"\", the M&E unit\","));
    assert!(!raw.contains('\r'));
}

#[test]
fn bom_only_with_excel_bom() {
    let doc = hostile_document();
    let plain = key_actions("d", &doc, CsvOptions::default());
    assert!(plain.starts_with(b"document,"));
    let excel = CsvOptions {
        excel_bom: true,
        ..CsvOptions::default()
    };
    let with_bom = key_actions("d", &doc, excel);
    assert!(with_bom.starts_with(UTF8_BOM));
    assert_eq!(&with_bom[UTF8_BOM.len()..], plain.as_slice());
    let recs = recommendations("d", &doc, excel);
    assert!(recs.starts_with(UTF8_BOM));
    assert!(!recs[UTF8_BOM.len()..].starts_with(UTF8_BOM));
    // The BOM is written once, before the header, by the streaming writer too.
    let mut writer = KeyActionWriter::new(Vec::new(), excel).unwrap();
    writer.write_document("a", &doc).unwrap();
    writer.write_document("b", &doc).unwrap();
    let out = writer.into_inner().unwrap();
    assert_eq!(out.windows(3).filter(|w| *w == UTF8_BOM).count(), 1);
}
