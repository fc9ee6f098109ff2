//! The follow-up report over all dev fixtures, as of 2022-07-01.

use mresponse_export::status::{self, OVERDUE_COLUMNS};
use mresponse_export::{CsvOptions, Date, status_report};
use serde_json::Value;

use crate::common::{check_golden, golden_dir, named_docs};

fn as_of() -> Date {
    "2022-07-01".parse().unwrap()
}

#[test]
fn golden_report_in_three_formats() {
    let report = status_report(&named_docs(), as_of());
    let dir = golden_dir().join("status");
    check_golden(
        &dir.join("dev-2022-07-01.txt"),
        status::render_text(&report).as_bytes(),
    );
    check_golden(
        &dir.join("dev-2022-07-01.json"),
        status::to_json(&report).unwrap().as_bytes(),
    );
    check_golden(
        &dir.join("dev-2022-07-01.csv"),
        status::to_csv(&report, CsvOptions::default())
            .unwrap()
            .as_bytes(),
    );
}

#[test]
fn report_is_consistent_with_the_documents() {
    let docs = named_docs();
    let report = status_report(&docs, as_of());
    let json: Value = serde_json::from_str(&status::to_json(&report).unwrap()).unwrap();
    assert_eq!(json["as_of"], "2022-07-01");

    let actions = docs
        .iter()
        .flat_map(|(_, d)| &d.recommendations)
        .flat_map(|r| &r.key_actions);
    let expected_overdue = actions
        .filter(|a| {
            a.time_frame
                .due
                .as_deref()
                .is_some_and(|d| d < "2022-07-01")
                && !matches!(
                    a.tracking.status,
                    Some(
                        mresponse_parse::Status::Completed | mresponse_parse::Status::NotApplicable
                    )
                )
        })
        .count();
    assert!(expected_overdue > 0);
    assert_eq!(report.totals.overdue, expected_overdue);
    assert_eq!(report.overdue.len(), expected_overdue);
    assert!(report.unreadable_due.is_empty());

    // Most overdue first; every one really overdue.
    for pair in report.overdue.windows(2) {
        assert!(pair[0].days_overdue >= pair[1].days_overdue);
    }
    for action in &report.overdue {
        assert!(action.days_overdue >= 1);
        assert_eq!(action.due.days_until(as_of()), action.days_overdue);
    }

    // Tallies add up to the totals.
    let summary = &report.summary;
    let sum = |t: &[status::Tally]| t.iter().map(|t| t.count).sum::<usize>();
    assert_eq!(
        sum(&summary.recommendations_by_decision),
        report.totals.recommendations
    );
    assert_eq!(
        sum(&summary.key_actions_by_status),
        report.totals.key_actions
    );
    assert_eq!(
        sum(&summary.key_actions_by_time_frame),
        report.totals.key_actions
    );
    let shares: f64 = summary.key_actions_by_status.iter().map(|t| t.share).sum();
    assert!((shares - 1.0).abs() < 1e-9);

    // The CSV holds the overdue rows only, in the same order.
    let csv = status::to_csv(&report, CsvOptions::default()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap(), &OVERDUE_COLUMNS[..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), report.overdue.len());
    for (row, action) in rows.iter().zip(&report.overdue) {
        assert_eq!(&row[0], action.document);
        assert_eq!(row[6].parse::<i64>().unwrap(), action.days_overdue);
    }
}
