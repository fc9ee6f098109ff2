//! The follow-up report: which key actions are overdue on a given day, and
//! how the responses and actions of a set of documents break down.
//!
//! A key action is **overdue** on `as_of` when its `due` date is before
//! `as_of` and its tracking status is neither `completed` nor
//! `not_applicable` (a missing status counts as open). Due the day before
//! `as_of` is 1 day overdue; due on `as_of` is not overdue. The report goes by
//! dates only: a status of `overdue` written in the document does not by
//! itself put an action on the list, and an action without a `due` date is
//! never on it. A `due` that is no valid `YYYY-MM-DD` date cannot be judged;
//! such actions are listed in [`StatusReport::unreadable_due`] instead.
//!
//! [`status_report`] builds the report; [`render_text`], [`to_json`] and
//! [`to_csv`] write it.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::io::Write;

use mresponse_parse::{Decision, Document, KeyAction, Status, TimeFrameKind};
use serde::Serialize;

use crate::csv::{Cells, CsvOptions, RESPONSIBLE_SEPARATOR, start_csv};
use crate::date::Date;
use crate::error::{ExportError, Result};

/// The follow-up report of a set of documents as of one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StatusReport {
    /// The day the report is for.
    pub as_of: Date,
    /// How many documents, recommendations, key actions and overdue actions.
    pub totals: Totals,
    /// The overdue key actions, most overdue first, then in document order.
    pub overdue: Vec<OverdueAction>,
    /// Counts by decision, status, time-frame kind and responsible unit.
    pub summary: Summary,
    /// Key actions whose `due` is no valid date, in document order.
    pub unreadable_due: Vec<UnreadableDue>,
}

/// The sizes of what the report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Totals {
    /// Documents.
    pub documents: usize,
    /// Recommendations, over all documents.
    pub recommendations: usize,
    /// Key actions, over all documents.
    pub key_actions: usize,
    /// Overdue key actions.
    pub overdue: usize,
}

/// A key action past its due date and not closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OverdueAction {
    /// The document's name, as given to [`status_report`].
    pub document: String,
    /// The recommendation's id.
    pub recommendation_id: String,
    /// The key action's id, if it has one.
    pub key_action_id: Option<String>,
    /// What was to be done.
    pub description: String,
    /// The responsible units.
    pub responsible: Vec<String>,
    /// The due date.
    pub due: Date,
    /// Days from `due` to `as_of`; at least 1.
    pub days_overdue: i64,
    /// The tracking status as normalised, if any.
    pub status: Option<Status>,
}

/// A key action whose `due` could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UnreadableDue {
    /// The document's name.
    pub document: String,
    /// The recommendation's id.
    pub recommendation_id: String,
    /// The key action's id, if it has one.
    pub key_action_id: Option<String>,
    /// The `due` text as found.
    pub due: String,
}

/// How the recommendations and key actions break down.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// `accepted`, `partially_accepted`, `rejected`, `none`, in that order.
    pub recommendations_by_decision: Vec<Tally>,
    /// `not_started`, `ongoing`, `completed`, `overdue`, `not_applicable`,
    /// `none`, in that order.
    pub key_actions_by_status: Vec<Tally>,
    /// `deadline`, `ongoing`, `done`, `unknown`, `other`, in that order.
    pub key_actions_by_time_frame: Vec<Tally>,
    /// Overdue actions per responsible unit, most first, then by name, the
    /// actions naming no unit last. An action with several units counts
    /// once for each.
    pub overdue_by_responsible: Vec<ResponsibleCount>,
}

/// How many items have one value, and their share of all items.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Tally {
    /// The value as written in the JSON, or `none` for no value.
    pub value: &'static str,
    /// How many items have it.
    pub count: usize,
    /// `count` over the number of items, 0 to 1 (0 when there are none).
    pub share: f64,
}

/// How many overdue actions one responsible unit has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ResponsibleCount {
    /// The unit as written, or `None` for actions that name no unit.
    pub responsible: Option<String>,
    /// How many overdue actions name it.
    pub count: usize,
}

/// The word `none` stands for a missing value in tallies.
const NONE: &str = "none";

/// The follow-up report of `docs`, each paired with its name, as of `as_of`.
pub fn status_report(docs: &[(String, Document)], as_of: Date) -> StatusReport {
    let mut overdue = Vec::new();
    let mut unreadable_due = Vec::new();
    let mut decisions: Vec<Option<Decision>> = Vec::new();
    let mut statuses: Vec<Option<Status>> = Vec::new();
    let mut kinds: Vec<TimeFrameKind> = Vec::new();

    for (name, doc) in docs {
        for rec in &doc.recommendations {
            decisions.push(rec.response.decision);
            for action in &rec.key_actions {
                statuses.push(action.tracking.status);
                kinds.push(action.time_frame.kind);
                let Some(due_text) = action.time_frame.due.as_deref() else {
                    continue;
                };
                match due_text.parse::<Date>() {
                    Ok(due) => {
                        let days_overdue = due.days_until(as_of);
                        if days_overdue > 0 && is_open(action) {
                            overdue.push(OverdueAction {
                                document: name.clone(),
                                recommendation_id: rec.id.clone(),
                                key_action_id: action.id.clone(),
                                description: action.description.clone(),
                                responsible: action.responsible.clone(),
                                due,
                                days_overdue,
                                status: action.tracking.status,
                            });
                        }
                    }
                    Err(_) => unreadable_due.push(UnreadableDue {
                        document: name.clone(),
                        recommendation_id: rec.id.clone(),
                        key_action_id: action.id.clone(),
                        due: due_text.to_string(),
                    }),
                }
            }
        }
    }
    // A stable sort keeps document order among equal days.
    overdue.sort_by_key(|action| Reverse(action.days_overdue));

    let summary = Summary {
        recommendations_by_decision: tally(
            &decisions,
            &[
                Some(Decision::Accepted),
                Some(Decision::PartiallyAccepted),
                Some(Decision::Rejected),
                None,
            ],
            |d| d.map_or(NONE, Decision::as_str),
        ),
        key_actions_by_status: tally(
            &statuses,
            &[
                Some(Status::NotStarted),
                Some(Status::Ongoing),
                Some(Status::Completed),
                Some(Status::Overdue),
                Some(Status::NotApplicable),
                None,
            ],
            |s| s.map_or(NONE, Status::as_str),
        ),
        key_actions_by_time_frame: tally(
            &kinds,
            &[
                TimeFrameKind::Deadline,
                TimeFrameKind::Ongoing,
                TimeFrameKind::Done,
                TimeFrameKind::Unknown,
                TimeFrameKind::Other,
            ],
            |k| k.as_str(),
        ),
        overdue_by_responsible: by_responsible(&overdue),
    };

    StatusReport {
        as_of,
        totals: Totals {
            documents: docs.len(),
            recommendations: decisions.len(),
            key_actions: statuses.len(),
            overdue: overdue.len(),
        },
        overdue,
        summary,
        unreadable_due,
    }
}

/// Whether `action` still needs doing: not completed, not dropped.
fn is_open(action: &KeyAction) -> bool {
    !matches!(
        action.tracking.status,
        Some(Status::Completed | Status::NotApplicable)
    )
}

/// One tally per value of `order`, in that order.
fn tally<T: PartialEq + Copy>(
    items: &[T],
    order: &[T],
    label: impl Fn(T) -> &'static str,
) -> Vec<Tally> {
    order
        .iter()
        .map(|&value| {
            let count = items.iter().filter(|&&item| item == value).count();
            Tally {
                value: label(value),
                count,
                share: share(count, items.len()),
            }
        })
        .collect()
}

fn share(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        // Counts are far below 2^53, so the conversion is exact.
        count as f64 / total as f64
    }
}

fn by_responsible(overdue: &[OverdueAction]) -> Vec<ResponsibleCount> {
    let mut counts: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for action in overdue {
        let mut units: Vec<&str> = action.responsible.iter().map(String::as_str).collect();
        units.sort_unstable();
        units.dedup();
        if units.is_empty() {
            *counts.entry(None).or_default() += 1;
        }
        for unit in units {
            *counts.entry(Some(unit)).or_default() += 1;
        }
    }
    let mut list: Vec<ResponsibleCount> = counts
        .into_iter()
        .map(|(unit, count)| ResponsibleCount {
            responsible: unit.map(str::to_string),
            count,
        })
        .collect();
    // Most first; then by name, with `None` (no unit) after every name.
    list.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.responsible.is_none().cmp(&b.responsible.is_none()))
            .then_with(|| a.responsible.cmp(&b.responsible))
    });
    list
}

/// The report as pretty JSON (two-space indent), ending in a newline.
pub fn to_json(report: &StatusReport) -> Result<String> {
    let mut json = serde_json::to_string_pretty(report)?;
    json.push('\n');
    Ok(json)
}

/// The columns of the overdue CSV, in order.
pub const OVERDUE_COLUMNS: [&str; 8] = [
    "document",
    "recommendation_id",
    "key_action_id",
    "key_action",
    "responsible",
    "due",
    "days_overdue",
    "status",
];

/// One row of the overdue CSV; field names are the column names.
#[derive(Serialize)]
struct OverdueRow<'a> {
    document: Cow<'a, str>,
    recommendation_id: Cow<'a, str>,
    key_action_id: Option<Cow<'a, str>>,
    key_action: Cow<'a, str>,
    responsible: Cow<'a, str>,
    due: Date,
    days_overdue: i64,
    status: Option<&'static str>,
}

/// Writes the overdue list of `report` as CSV: the [`OVERDUE_COLUMNS`]
/// header, then one row per overdue action in the report's order. Only the
/// overdue rows: the summary tables are in [`render_text`] and [`to_json`].
/// The format is that of the [`csv`](crate::csv) module, formula
/// neutralisation and BOM included.
pub fn write_csv<W: Write>(report: &StatusReport, out: W, opts: CsvOptions) -> Result<()> {
    let cells = Cells::new(opts);
    let mut csv = start_csv(out, opts, &OVERDUE_COLUMNS)?;
    for action in &report.overdue {
        csv.serialize(OverdueRow {
            document: cells.text(&action.document),
            recommendation_id: cells.text(&action.recommendation_id),
            key_action_id: cells.opt(action.key_action_id.as_deref()),
            key_action: cells.text(&action.description),
            responsible: cells.owned(action.responsible.join(RESPONSIBLE_SEPARATOR)),
            due: action.due,
            days_overdue: action.days_overdue,
            status: action.status.map(Status::as_str),
        })?;
    }
    csv.into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))?;
    Ok(())
}

/// [`write_csv`] into a string.
pub fn to_csv(report: &StatusReport, opts: CsvOptions) -> Result<String> {
    let mut out = Vec::new();
    write_csv(report, &mut out, opts)?;
    String::from_utf8(out)
        .map_err(|e| ExportError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// The widest a description gets in the text report, in characters.
const DESCRIPTION_WIDTH: usize = 60;
/// The widest a list of responsible units gets in the text report.
const RESPONSIBLE_WIDTH: usize = 32;

/// The report as plain text for a terminal: aligned tables, no colour.
///
/// Long descriptions and lists of units are cut (ending in `…`) and line
/// breaks inside them shown as spaces, so that each action is one line; the
/// JSON and CSV forms keep them whole. Widths are counted in characters.
pub fn render_text(report: &StatusReport) -> String {
    let totals = &report.totals;
    let mut out = format!("Follow-up status as of {}\n\n", report.as_of);
    out.push_str(&format!(
        "Documents: {}  Recommendations: {}  Key actions: {}  Overdue: {}\n",
        totals.documents, totals.recommendations, totals.key_actions, totals.overdue
    ));

    out.push_str("\nOverdue key actions");
    if report.overdue.is_empty() {
        out.push_str(": none\n");
    } else {
        out.push('\n');
        let rows = report
            .overdue
            .iter()
            .map(|a| {
                vec![
                    a.days_overdue.to_string(),
                    a.due.to_string(),
                    a.document.clone(),
                    a.recommendation_id.clone(),
                    a.key_action_id.clone().unwrap_or_default(),
                    a.status.map_or(NONE, Status::as_str).to_string(),
                    clip(
                        &a.responsible.join(RESPONSIBLE_SEPARATOR),
                        RESPONSIBLE_WIDTH,
                    ),
                    clip(&a.description, DESCRIPTION_WIDTH),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                ("days", Align::Right),
                ("due", Align::Left),
                ("document", Align::Left),
                ("rec", Align::Left),
                ("action", Align::Left),
                ("status", Align::Left),
                ("responsible", Align::Left),
                ("description", Align::Left),
            ],
            rows,
        ));
    }

    let summary = &report.summary;
    let sections = [
        (
            "Recommendations by decision",
            "decision",
            &summary.recommendations_by_decision,
            totals.recommendations,
        ),
        (
            "Key actions by status",
            "status",
            &summary.key_actions_by_status,
            totals.key_actions,
        ),
        (
            "Key actions by time frame",
            "time frame",
            &summary.key_actions_by_time_frame,
            totals.key_actions,
        ),
    ];
    for (title, column, tallies, total) in sections {
        out.push_str(&format!("\n{title}\n"));
        let mut rows: Vec<Vec<String>> = tallies
            .iter()
            .map(|t| vec![t.value.to_string(), t.count.to_string(), percent(t.share)])
            .collect();
        rows.push(vec![
            "total".to_string(),
            total.to_string(),
            percent(if total == 0 { 0.0 } else { 1.0 }),
        ]);
        out.push_str(&table(
            &[
                (column, Align::Left),
                ("count", Align::Right),
                ("share", Align::Right),
            ],
            rows,
        ));
    }

    out.push_str("\nOverdue key actions by responsible unit");
    if summary.overdue_by_responsible.is_empty() {
        out.push_str(": none\n");
    } else {
        out.push('\n');
        let rows = summary
            .overdue_by_responsible
            .iter()
            .map(|r| {
                vec![
                    r.responsible
                        .clone()
                        .unwrap_or_else(|| "(none)".to_string()),
                    r.count.to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[("responsible", Align::Left), ("overdue", Align::Right)],
            rows,
        ));
    }

    if !report.unreadable_due.is_empty() {
        out.push_str("\nKey actions whose due date could not be read\n");
        let rows = report
            .unreadable_due
            .iter()
            .map(|u| {
                vec![
                    u.document.clone(),
                    u.recommendation_id.clone(),
                    u.key_action_id.clone().unwrap_or_default(),
                    u.due.clone(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                ("document", Align::Left),
                ("rec", Align::Left),
                ("action", Align::Left),
                ("due", Align::Left),
            ],
            rows,
        ));
    }
    out
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// `text` on one line, cut to `width` characters with a final `…`.
fn clip(text: &str, width: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(width.saturating_sub(1)).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        cut
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// An aligned table: the header, a rule of dashes, the rows; columns two
/// spaces apart, no trailing spaces.
fn table(columns: &[(&str, Align)], rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = columns.iter().map(|(h, _)| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header: Vec<String> = columns.iter().map(|(h, _)| h.to_string()).collect();
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    let mut out = String::new();
    for row in [header, rule].into_iter().chain(rows) {
        let mut line = String::new();
        for (i, ((cell, &width), (_, align))) in row.iter().zip(&widths).zip(columns).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            match align {
                Align::Left => {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                Align::Right => {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use mresponse_parse::{Recommendation, Response, TimeFrame, Tracking};

    fn action(due: Option<&str>, status: Option<Status>, responsible: &[&str]) -> KeyAction {
        KeyAction {
            id: None,
            description: "Act".into(),
            time_frame: TimeFrame {
                text: due.map(str::to_string),
                kind: if due.is_some() {
                    TimeFrameKind::Deadline
                } else {
                    TimeFrameKind::Ongoing
                },
                due: due.map(str::to_string),
            },
            responsible: responsible.iter().map(|r| r.to_string()).collect(),
            tracking: Tracking {
                status,
                status_text: None,
                comments: None,
            },
            line: None,
        }
    }

    fn docs(actions: Vec<KeyAction>) -> Vec<(String, Document)> {
        let mut doc = Document::empty();
        doc.recommendations.push(Recommendation {
            id: "1".into(),
            text: "Do it".into(),
            response: Response {
                decision: Some(Decision::Accepted),
                decision_text: Some("Accepted".into()),
                comment: None,
            },
            key_actions: actions,
            line: None,
        });
        vec![("doc".to_string(), doc)]
    }

    fn as_of() -> Date {
        "2022-07-01".parse().unwrap()
    }

    #[test]
    fn due_on_as_of_is_not_overdue() {
        let report = status_report(&docs(vec![action(Some("2022-07-01"), None, &[])]), as_of());
        assert!(report.overdue.is_empty());
        assert_eq!(report.totals.overdue, 0);
    }

    #[test]
    fn due_the_day_before_is_one_day_overdue() {
        let report = status_report(&docs(vec![action(Some("2022-06-30"), None, &[])]), as_of());
        assert_eq!(report.overdue.len(), 1);
        assert_eq!(report.overdue[0].days_overdue, 1);
    }

    #[test]
    fn closed_actions_are_never_overdue() {
        let report = status_report(
            &docs(vec![
                action(Some("2020-01-01"), Some(Status::Completed), &[]),
                action(Some("2020-01-01"), Some(Status::NotApplicable), &[]),
                action(Some("2020-01-01"), Some(Status::Ongoing), &[]),
                action(Some("2020-01-01"), Some(Status::Overdue), &[]),
                action(None, Some(Status::Overdue), &[]),
            ]),
            as_of(),
        );
        let statuses: Vec<_> = report.overdue.iter().map(|a| a.status).collect();
        assert_eq!(statuses, [Some(Status::Ongoing), Some(Status::Overdue)]);
    }

    #[test]
    fn sorted_by_days_then_document_order() {
        let mut actions = vec![
            action(Some("2022-06-01"), None, &[]),
            action(Some("2021-06-01"), None, &[]),
            action(Some("2022-06-01"), None, &[]),
        ];
        for (i, a) in actions.iter_mut().enumerate() {
            a.id = Some(i.to_string());
        }
        let report = status_report(&docs(actions), as_of());
        let ids: Vec<_> = report
            .overdue
            .iter()
            .map(|a| a.key_action_id.as_deref().unwrap())
            .collect();
        assert_eq!(ids, ["1", "0", "2"]);
    }

    #[test]
    fn responsible_counts_sorted_by_count_then_name_none_last() {
        let report = status_report(
            &docs(vec![
                action(Some("2022-01-01"), None, &["UNDP", "Government"]),
                action(Some("2022-01-01"), None, &["UNDP", "UNDP"]),
                action(Some("2022-01-01"), None, &[]),
                action(Some("2022-01-01"), None, &["Alpha"]),
            ]),
            as_of(),
        );
        let counts: Vec<_> = report
            .summary
            .overdue_by_responsible
            .iter()
            .map(|r| (r.responsible.as_deref(), r.count))
            .collect();
        assert_eq!(
            counts,
            [
                (Some("UNDP"), 2),
                (Some("Alpha"), 1),
                (Some("Government"), 1),
                (None, 1)
            ]
        );
    }

    #[test]
    fn unreadable_due_is_reported_not_judged() {
        let report = status_report(&docs(vec![action(Some("June 2021"), None, &[])]), as_of());
        assert!(report.overdue.is_empty());
        assert_eq!(report.unreadable_due.len(), 1);
        assert!(render_text(&report).contains("June 2021"));
    }

    #[test]
    fn shares_are_fractions_and_zero_when_empty() {
        let report = status_report(&[], as_of());
        assert!(
            report
                .summary
                .key_actions_by_status
                .iter()
                .all(|t| t.share == 0.0)
        );
        let report = status_report(
            &docs(vec![
                action(None, None, &[]),
                action(None, Some(Status::Ongoing), &[]),
            ]),
            as_of(),
        );
        let ongoing = &report.summary.key_actions_by_status[1];
        assert_eq!(
            (ongoing.value, ongoing.count, ongoing.share),
            ("ongoing", 1, 0.5)
        );
        let decision = &report.summary.recommendations_by_decision[0];
        assert_eq!((decision.value, decision.share), ("accepted", 1.0));
    }

    #[test]
    fn clip_keeps_one_line_within_width() {
        assert_eq!(clip("a\nb  c", 10), "a b c");
        assert_eq!(clip("abcdefghij", 5), "abcd…");
        assert_eq!(clip("abc defgh", 5), "abc…");
    }
}
