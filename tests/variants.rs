//! Variations on the dev corpus's layouts that no fixture shows as such:
//! the parser must read the variant, not the file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mresponse_parse::{Decision, Format, Status, TimeFrameKind, parse};

#[test]
fn key_recommendation_labels_agreed_and_lettered_actions() {
    let doc = "Management Response to the Final Evaluation of the Coastal Livelihoods Project

Prepared by: A. Person
Position: Officer
Unit/Bureau: Country Office

**Key Recommendation 1:** Do the first thing.

**Management Response:** Agreed – we will do it.

| Key actions | Timeframe | Responsible unit | Status | Comments |
|---|---|---|---|---|
| a) Draft the plan | End of June 2023 | Country Office & UNDP | Ongoing | |
| b) Adopt the plan | 2024 | Ministry of Environment and UNDP | | |

**Key Recommendation 2:** Do the second thing.

**Management Response:** Not agreed. We will not.
";
    let d = parse(doc.as_bytes(), Format::Markdown).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("Final Evaluation of the Coastal Livelihoods Project")
    );
    assert_eq!(d.recommendations.len(), 2);
    let r1 = &d.recommendations[0];
    assert_eq!(
        (r1.id.as_str(), r1.response.decision),
        ("1", Some(Decision::Accepted))
    );
    assert_eq!(r1.response.comment.as_deref(), Some("we will do it."));
    let a = &r1.key_actions[0];
    assert_eq!(a.id.as_deref(), Some("a"));
    assert_eq!(a.time_frame.due.as_deref(), Some("2023-06-30"));
    assert_eq!(a.responsible, ["Country Office", "UNDP"]);
    assert_eq!(a.tracking.status, Some(Status::Ongoing));
    assert_eq!(
        r1.key_actions[1].responsible,
        ["Ministry of Environment", "UNDP"]
    );
    let r2 = &d.recommendations[1];
    assert_eq!(r2.response.decision, Some(Decision::Rejected));
    assert_eq!(r2.response.comment.as_deref(), Some("We will not."));
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn plain_text_with_the_decision_on_the_line_after_its_label() {
    let doc = "Management Response: Mid-term review of the Water Programme

Overall comments:
The team welcomes the review.

Recommendation 1:
The programme should do something
that spans two lines.

Management response:
Partially agreed
Only part of it can be done.

Key actions:
1.1 Do a part | Time frame: Q3 2023 | Responsible: PMU | Status: Not started
1.2 Do another part | Responsible: PMU, Government | Time frame: 2023-2024 | Status: Initiated | Comments: Started in May.

Recommendation 2:
Another thing.

Management response: Rejected
It cannot be done.
";
    let d = parse(doc.as_bytes(), Format::Text).unwrap();
    assert_eq!(
        d.overall_comments.as_deref(),
        Some("The team welcomes the review.")
    );
    let r1 = &d.recommendations[0];
    assert_eq!(
        r1.text,
        "The programme should do something that spans two lines."
    );
    assert_eq!(
        r1.response.decision_text.as_deref(),
        Some("Partially agreed")
    );
    assert_eq!(
        r1.response.comment.as_deref(),
        Some("Only part of it can be done.")
    );
    assert_eq!(r1.key_actions.len(), 2);
    assert_eq!(
        r1.key_actions[1].tracking.comments.as_deref(),
        Some("Started in May.")
    );
    assert_eq!(
        r1.key_actions[1].time_frame.due.as_deref(),
        Some("2024-12-31")
    );
    assert_eq!(
        d.recommendations[1].response.comment.as_deref(),
        Some("It cannot be done.")
    );
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn french_inline_decision_and_second_header_row() {
    let doc = "# Réponse de la direction à l'évaluation finale du programme pays

**Recommandation 1 :** Le programme devrait faire quelque chose.

**Réponse de la direction :** Acceptée – la direction approuve.

| Action(s) clé(s) | Calendrier | Unité(s) responsable(s) | Suivi | |
|---|---|---|---|---|
| | | | État | Commentaires |
| 1.1 Faire une chose | D'ici fin 2022 | PNUD et Gouvernement | Non initiée | |

**Recommandation 2 :** Autre chose.

**Réponse de la direction :** Partiellement acceptée

Les moyens manquent.
";
    let d = parse(doc.as_bytes(), Format::Markdown).unwrap();
    assert_eq!(d.language, mresponse_parse::Language::Fr);
    assert_eq!(
        d.title.as_deref(),
        Some("évaluation finale du programme pays")
    );
    let a = &d.recommendations[0].key_actions[0];
    assert_eq!(a.time_frame.kind, TimeFrameKind::Deadline);
    assert_eq!(a.time_frame.due.as_deref(), Some("2022-12-31"));
    assert_eq!(a.responsible, ["PNUD", "Gouvernement"]);
    assert_eq!(a.tracking.status, Some(Status::NotStarted));
    assert_eq!(
        d.recommendations[1].response.comment.as_deref(),
        Some("Les moyens manquent.")
    );
}

#[test]
fn html_matrix_with_a_number_column_and_other_header_words() {
    let doc = r#"<html><body>
<h2>Management Response</h2>
<h1>Evaluation of the Nutrition Programme</h1>
<table>
<tr><th>#</th><th>Evaluation recommendation</th><th>Management response</th><th>Key actions</th><th>Lead unit</th><th>Due date</th><th>Implementation status</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">Scale up the pilot.</td><td rowspan="2"><b>Accepted</b> &ndash; the pilot worked.</td><td>Prepare plan</td><td>Nutrition &amp; Health</td><td>Q1 2024</td><td>Ongoing</td></tr>
<tr><td>Fund plan</td><td>Finance Unit</td><td>December 2024</td><td></td></tr>
<tr><td>2b</td><td>Stop the old scheme.</td><td>Partially accepted<br>Some parts continue.</td><td>Review scheme</td><td>PMU</td><td>TBD</td><td>Not started</td></tr>
</table>
<p>* Status as of March 2024.</p>
</body></html>"#;
    let d = parse(doc.as_bytes(), Format::Html).unwrap();
    assert_eq!(d.layout, mresponse_parse::Layout::Matrix);
    assert_eq!(
        d.title.as_deref(),
        Some("Evaluation of the Nutrition Programme")
    );
    let ids: Vec<&str> = d.recommendations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1", "2b"]);
    let r1 = &d.recommendations[0];
    assert_eq!(r1.response.comment.as_deref(), Some("the pilot worked."));
    assert_eq!(r1.key_actions.len(), 2);
    assert_eq!(r1.key_actions[0].id, None);
    assert_eq!(r1.key_actions[0].responsible, ["Nutrition & Health"]);
    assert_eq!(
        r1.key_actions[1].time_frame.due.as_deref(),
        Some("2024-12-31")
    );
    let r2 = &d.recommendations[1];
    assert_eq!(r2.response.comment.as_deref(), Some("Some parts continue."));
    assert_eq!(r2.key_actions[0].time_frame.kind, TimeFrameKind::Unknown);
    assert_eq!(d.notes.len(), 1);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn form_feeds_and_running_headers_belong_to_no_field() {
    let doc = "**Management Response “Test Project”**\r\n\r\nPrepared by: X\r\n\r\n**Recommendation 1:** Do it now\r\nand continue.\r\n\x0c\r\nManagement Response – page 2\r\n**Management Response: Accepted** – fine.\r\nKey Action(s)\tTime Frame\tResponsible Unit(s)\tTracking*\t\r\n\t\t\tStatus\tComments\r\n1.1 Act\tQ1 2022\tUNDP\tCompleted\t\r\nPage 3 of 4\r\n**Recommendation 2:** More\r\n**Management Response: Noted** – we will see.\r\n";
    let d = parse(doc.as_bytes(), Format::Markdown).unwrap();
    assert_eq!(d.title.as_deref(), Some("Test Project"));
    let r1 = &d.recommendations[0];
    assert_eq!(r1.text, "Do it now and continue.");
    assert_eq!(r1.response.comment.as_deref(), Some("fine."));
    assert_eq!(r1.key_actions[0].tracking.status, Some(Status::Completed));
    let r2 = &d.recommendations[1];
    assert_eq!(r2.text, "More");
    assert_eq!(r2.response.decision, None);
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["unknown-decision"]);
}

#[test]
fn bold_labels_closed_by_their_bold_alone() {
    let doc = "# Management Response to the Evaluation of the Mercury Project

Prepared by: A. Person

**Recommendation 1** UNITAR should publish the guidance.

**Management Response** Accepted. It will be online by June.

**Recommendation 2** UNITAR should close the office.

**Management Response:** Rejected.
";
    let d = parse(doc.as_bytes(), Format::Markdown).unwrap();
    let got: Vec<(&str, &str, Option<Decision>)> = d
        .recommendations
        .iter()
        .map(|r| (r.id.as_str(), r.text.as_str(), r.response.decision))
        .collect();
    assert_eq!(
        got,
        [
            (
                "1",
                "UNITAR should publish the guidance.",
                Some(Decision::Accepted)
            ),
            (
                "2",
                "UNITAR should close the office.",
                Some(Decision::Rejected)
            ),
        ]
    );
    assert_eq!(
        d.recommendations[0].response.comment.as_deref(),
        Some("It will be online by June.")
    );
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn html_matrix_label_paragraph_and_action_cells_merged_over_rows() {
    let doc = r#"<html><body>
<h2>Management Response</h2>
<h1>Evaluation of the Nutrition Programme</h1>
<table>
<tr><th>Recommendation</th><th>Management response</th><th>Key actions</th><th>Responsible</th><th>Time frame</th><th>Status</th></tr>
<tr><td rowspan="3"><p>Recommendation 1</p><p>Scale up the pilot.</p></td><td rowspan="3">Accepted</td><td>Prepare plan</td><td rowspan="2">Nutrition Unit</td><td rowspan="3">Q1 2024</td><td>Ongoing</td></tr>
<tr><td>Fund plan</td><td>Not started</td></tr>
<tr><td>Review plan</td><td>PMU</td><td>Completed</td></tr>
</table>
</body></html>"#;
    let d = parse(doc.as_bytes(), Format::Html).unwrap();
    assert_eq!(d.recommendations.len(), 1);
    let r = &d.recommendations[0];
    assert_eq!(
        (r.id.as_str(), r.text.as_str()),
        ("1", "Scale up the pilot.")
    );
    type ActionCells<'a> = (&'a str, Vec<String>, Option<&'a str>, Option<Status>);
    let rows: Vec<ActionCells<'_>> = r
        .key_actions
        .iter()
        .map(|a| {
            (
                a.description.as_str(),
                a.responsible.clone(),
                a.time_frame.due.as_deref(),
                a.tracking.status,
            )
        })
        .collect();
    let unit = || vec!["Nutrition Unit".to_string()];
    assert_eq!(
        rows,
        [
            (
                "Prepare plan",
                unit(),
                Some("2024-03-31"),
                Some(Status::Ongoing)
            ),
            (
                "Fund plan",
                unit(),
                Some("2024-03-31"),
                Some(Status::NotStarted)
            ),
            (
                "Review plan",
                vec!["PMU".to_string()],
                Some("2024-03-31"),
                Some(Status::Completed)
            ),
        ]
    );
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn plain_text_lone_title_label_date_line_and_wrapped_response() {
    let doc = "Management Response

Mid-term Review of the Hospital Waste
Project in Laos

Date: 12 March 2024

Prepared by: Somchai Phommavong
Position: Project Coordinator

Overall comments:
The team agrees with the review.

Recommendation 1:
The project should train nurses.

Management response: Agree. Training will start in the
second quarter.

Recommendation 2:
The project should buy an incinerator.

Management response: Disagree
Incineration is being phased out.
";
    let d = parse(doc.as_bytes(), Format::Text).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("Mid-term Review of the Hospital Waste Project in Laos")
    );
    assert_eq!(d.contributors.len(), 1);
    assert_eq!(
        d.contributors[0].name.as_deref(),
        Some("Somchai Phommavong")
    );
    assert_eq!(
        d.overall_comments.as_deref(),
        Some("The team agrees with the review.")
    );
    let responses: Vec<(Option<Decision>, Option<&str>)> = d
        .recommendations
        .iter()
        .map(|r| (r.response.decision, r.response.comment.as_deref()))
        .collect();
    assert_eq!(
        responses,
        [
            (
                Some(Decision::Accepted),
                Some("Training will start in the second quarter.")
            ),
            (
                Some(Decision::Rejected),
                Some("Incineration is being phased out.")
            ),
        ]
    );
    // The date has no field: it is reported with its line, nothing more.
    let reported: Vec<(u32, Option<&str>)> = d
        .diagnostics
        .iter()
        .map(|x| (x.line, x.text.as_deref()))
        .collect();
    assert_eq!(reported, [(6, Some("Date: 12 March 2024"))]);
}

#[test]
fn plain_text_action_fields_of_no_column_are_reported_not_dropped() {
    let doc = "Management Response: Review of the Water Project

Prepared by: Ram Sharma
Office: UNDP Nepal
Date: 15 April 2023

Recommendation 1:
Do it.

Management response: Agree

Key actions
1.1 Act | Responsible: UNDP | Budget: USD 5,000 | Status: Ongoing | see annex
";
    let d = parse(doc.as_bytes(), Format::Text).unwrap();
    assert_eq!(d.contributors[0].unit.as_deref(), Some("UNDP Nepal"));
    let a = &d.recommendations[0].key_actions[0];
    assert_eq!(
        (a.description.as_str(), a.tracking.status),
        ("Act", Some(Status::Ongoing))
    );
    let reported: Vec<(u32, &str)> = d
        .diagnostics
        .iter()
        .map(|x| (x.line, x.code.as_str()))
        .collect();
    assert_eq!(
        reported,
        [
            (5, "unclaimed-text"),
            (13, "unknown-column"),
            (13, "unknown-column")
        ]
    );
}

#[test]
fn html_matrix_footnote_row_is_a_note() {
    let doc = r#"<html><body>
<h1>Management Response: Evaluation of the Nutrition Programme</h1>
<table>
<thead><tr><th>Recommendation</th><th>Management response</th><th>Key actions</th><th>Time frame</th></tr></thead>
<tbody><tr><td>Recommendation 1. Scale up.</td><td>Accepted</td><td>Plan</td><td>2024</td></tr></tbody>
<tfoot><tr><td colspan="4"><sup>1</sup> Status as of 30 September 2024.</td></tr></tfoot>
</table>
</body></html>"#;
    let d = parse(doc.as_bytes(), Format::Html).unwrap();
    assert_eq!(d.recommendations.len(), 1);
    let notes: Vec<(Option<&str>, &str)> = d
        .notes
        .iter()
        .map(|n| (n.marker.as_deref(), n.text.as_str()))
        .collect();
    assert_eq!(notes, [(Some("1"), "Status as of 30 September 2024.")]);
}

#[test]
fn a_row_of_comments_alone_continues_the_action_above() {
    let doc = "## Recommendation 1\n\nDo.\n\n**Management response:** Accepted.\n\n| Key action(s) | Time frame | Responsible unit(s) | Status | Comments |\n|---|---|---|---|---|\n| 1.1 A | 2024 | UNDP | Ongoing | First part. |\n| | | | | Second part. |\n| 1.2 B | 2025 | UNDP | | |\n";
    let d = parse(doc.as_bytes(), Format::Markdown).unwrap();
    let actions = &d.recommendations[0].key_actions;
    assert_eq!(actions.len(), 2);
    assert_eq!(
        actions[0].tracking.comments.as_deref(),
        Some("First part.\n\nSecond part.")
    );
}
