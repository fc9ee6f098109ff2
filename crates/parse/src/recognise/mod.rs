//! The recogniser: one walk over the block stream that finds the title,
//! contributors, overall comments, recommendations, responses, key actions
//! and notes, whatever reader produced the blocks.
//!
//! Every block is either claimed by a field or reported as
//! [`Code::UnclaimedText`] with its line: nothing is lost silently.

mod blocks_layout;
mod decision;
mod header;
mod ids;
mod matrix;
pub(crate) mod notes;
mod table;

use crate::block::{Block, BlockKind, Lines};
use crate::cleantext::clean;
use crate::diagnostic::{Code, Diagnostic};
use crate::error::ParseError;
use crate::model::{Document, Language, Layout};

pub use decision::{DecisionSplit, split_decision};
pub use ids::{split_action_id, without_bullet};

/// A recognised document, with which source lines its fields claimed.
#[derive(Debug, Clone)]
pub struct Recognised {
    /// The document, diagnostics included.
    pub document: Document,
    /// Line ranges of the blocks that fields or furniture claimed.
    pub claimed: Vec<Lines>,
    /// Line ranges of the blocks reported as unclaimed text.
    pub reported: Vec<Lines>,
}

/// Walks `blocks` and builds the document.
pub fn recognise(blocks: &[Block]) -> Result<Recognised, ParseError> {
    let mut ctx = Context::new(blocks);
    let body_start = header::read_header(&mut ctx);
    if let Some(matrix_at) = matrix::find_matrix(&ctx, body_start) {
        ctx.doc.layout = Layout::Matrix;
        matrix::read_matrix(&mut ctx, body_start, matrix_at);
    } else {
        blocks_layout::read_body(&mut ctx, body_start);
    }
    ctx.finish()
}

/// The state of one recognition: the blocks, what was claimed, the document
/// so far, and the votes for its language.
pub(crate) struct Context<'b> {
    pub blocks: &'b [Block],
    pub claimed: Vec<bool>,
    /// Blocks a diagnostic of their own already reports as not in the
    /// output (an unknown table): not reported again as unclaimed text.
    pub reported: Vec<bool>,
    pub doc: Document,
    pub votes: [u32; 3],
    pub header_group: header::Group,
    /// The last line of any missing- or unknown-decision diagnostic so far:
    /// a recommendation asks whether one stands at or after its line, and
    /// searching every diagnostic for each of thousands of recommendations
    /// was quadratic.
    pub last_decision_warning: Option<u32>,
}

impl<'b> Context<'b> {
    fn new(blocks: &'b [Block]) -> Self {
        Context {
            blocks,
            claimed: vec![false; blocks.len()],
            reported: vec![false; blocks.len()],
            doc: Document::empty(),
            votes: [0; 3],
            header_group: header::Group::default(),
            last_decision_warning: None,
        }
    }

    /// Marks block `i` as taken by a field.
    pub fn claim(&mut self, i: usize) {
        if let Some(c) = self.claimed.get_mut(i) {
            *c = true;
        }
    }

    /// Records a diagnostic.
    pub fn warn(&mut self, diagnostic: Diagnostic) {
        if matches!(
            diagnostic.code,
            Code::MissingDecision | Code::UnknownDecision
        ) {
            self.last_decision_warning = self.last_decision_warning.max(Some(diagnostic.line));
        }
        self.doc.diagnostics.push(diagnostic);
    }

    /// Reports the remark in brackets of a recommendation's label
    /// (`Recommendation 3 (high priority):`), which no field holds.
    pub fn report_qualifier(&mut self, label: &crate::labels::LabelMatch, text: &str, line: u32) {
        if let Some(remark) = label.qualifier.clone().and_then(|q| text.get(q)) {
            self.warn(
                Diagnostic::new(
                    Code::UnclaimedText,
                    line,
                    "remark in the recommendation's label; it is not in the output",
                )
                .with_text(remark),
            );
        }
    }

    /// Records a diagnostic that says block `i` is not in the output, so
    /// that the block is not reported a second time as unclaimed text.
    pub fn report(&mut self, i: usize, diagnostic: Diagnostic) {
        if let Some(r) = self.reported.get_mut(i) {
            *r = true;
        }
        self.warn(diagnostic);
    }

    /// Reports table block `i` as one whose header names no key-action
    /// columns: its text is in no field.
    pub fn report_unknown_table(&mut self, i: usize) {
        let line = self.blocks.get(i).map_or(1, |b| b.lines.start);
        self.report(
            i,
            Diagnostic::new(
                Code::UnknownTable,
                line,
                "table has no recognisable key-action header; it is not in the output",
            ),
        );
    }

    /// Counts a label of `language` towards the document's language.
    pub fn vote(&mut self, language: Language) {
        let slot = match language {
            Language::En => 0,
            Language::Fr => 1,
            Language::Es => 2,
        };
        self.votes[slot] += 1;
    }

    fn finish(mut self) -> Result<Recognised, ParseError> {
        let mut claimed = Vec::new();
        let mut reported = Vec::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if self.claimed[i] {
                claimed.push(block.lines);
                continue;
            }
            reported.push(block.lines);
            if self.reported[i] {
                continue;
            }
            let text = match block.table() {
                Some(t) => t
                    .rows
                    .iter()
                    .map(|r| {
                        r.cells
                            .iter()
                            .map(|c| c.text())
                            .collect::<Vec<_>>()
                            .join(" | ")
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                None => clean(block.text()),
            };
            let what = match block.kind {
                BlockKind::Table(_) => "a table",
                BlockKind::Caption => "this table caption",
                _ => "this text",
            };
            self.doc.diagnostics.push(
                Diagnostic::new(
                    Code::UnclaimedText,
                    block.lines.start,
                    format!("no field claims {what}; it is not in the output"),
                )
                .with_text(text),
            );
        }
        if self.doc.recommendations.is_empty() {
            let line = self.blocks.last().map_or(1, |b| b.lines.end);
            let unknown_table = self
                .doc
                .diagnostics
                .iter()
                .find(|d| d.code == Code::UnknownTable)
                .map(|d| d.line);
            return Err(ParseError::NoRecommendations {
                line,
                unknown_table,
            });
        }
        self.doc.language = match self.votes {
            [en, fr, es] if fr > en && fr >= es => Language::Fr,
            [en, fr, es] if es > en && es > fr => Language::Es,
            _ => Language::En,
        };
        check_ids(&mut self.doc);
        self.doc.diagnostics.sort_by_key(|d| d.line);
        Ok(Recognised {
            document: self.doc,
            claimed,
            reported,
        })
    }
}

/// Duplicate recommendation ids, and numbers out of sequence (`3a` and `3b`
/// both count as 3). A
/// duplicate is reported once, as a duplicate, and does not break the
/// sequence (1, 2, 2, 3 is one diagnostic, not three).
fn check_ids(doc: &mut Document) {
    let mut seen = std::collections::HashSet::new();
    let mut previous: Option<u64> = None;
    let mut found = Vec::new();
    for rec in &doc.recommendations {
        let line = rec.line.unwrap_or(1);
        if !seen.insert(rec.id.clone()) {
            found.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    line,
                    format!("recommendation id `{}` is used more than once", rec.id),
                )
                .with_text(rec.id.clone()),
            );
            continue;
        }
        // `3a`, `3b` are parts of recommendation 3: the sequence goes on
        // with 3, then 4.
        let digits = rec.id.len()
            - rec
                .id
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let suffix = &rec.id[digits..];
        let part = suffix.len() == 1 && suffix.chars().all(|c| c.is_ascii_lowercase());
        if let Ok(n) = rec.id[..digits].parse::<u64>()
            && (suffix.is_empty() || part)
        {
            if let Some(p) = previous
                && n != p + 1
                && !(part && n == p)
            {
                found.push(
                    Diagnostic::new(
                        Code::IdSequence,
                        line,
                        format!("recommendation {} follows recommendation {p}", rec.id),
                    )
                    .with_text(rec.id.clone()),
                );
            }
            previous = Some(n);
        }
    }
    doc.diagnostics.extend(found);
}

/// Joins text pieces the way MODEL.md's text rules say: consecutive list
/// items one per line, any other boundary a blank line.
#[derive(Debug, Default, Clone)]
pub(crate) struct TextJoin {
    text: String,
    last_item: bool,
}

impl TextJoin {
    /// Appends a piece; `item` when it is a list item.
    pub fn push(&mut self, piece: &str, item: bool) {
        let piece = clean(piece);
        if piece.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text
                .push_str(if item && self.last_item { "\n" } else { "\n\n" });
        }
        self.text.push_str(&piece);
        self.last_item = item;
    }

    /// The joined text, or `None` when empty.
    pub fn finish(self) -> Option<String> {
        (!self.text.is_empty()).then_some(self.text)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Format, parse};

    fn codes(text: &str) -> Vec<(Code, u32)> {
        let doc = parse(text.as_bytes(), Format::Markdown).unwrap_or_else(|e| panic!("{e}"));
        doc.diagnostics.iter().map(|d| (d.code, d.line)).collect()
    }

    /// A contributor as (role, name, position, unit).
    type Person<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    /// Each contributor of `doc`.
    fn people(doc: &crate::Document) -> Vec<Person<'_>> {
        doc.contributors
            .iter()
            .map(|c| {
                (
                    c.role.as_str(),
                    c.name.as_deref(),
                    c.position.as_deref(),
                    c.unit.as_deref(),
                )
            })
            .collect()
    }

    const REC: &str = "### Recommendation 1: Do it.\n\n**Management response:** Accepted.\n\n";

    #[test]
    fn header_lines_no_contributor_takes_are_reported_with_their_lines() {
        // The second column's role is no known role: its name, position and
        // unit have no place, and each says so on its own line.
        let text = format!(
            "Prepared by: A B  \nLiaison officer: E F\n\nPosition: Manager  \nPosition: Analyst\n\n\
             Unit/Bureau: CWM  \nUnit/Bureau: PPME\n\n{REC}"
        );
        assert_eq!(
            codes(&text),
            [
                (Code::UnclaimedText, 2),
                (Code::UnclaimedText, 5),
                (Code::UnclaimedText, 8)
            ]
        );
    }

    #[test]
    fn text_under_a_second_column_of_a_kind_is_reported() {
        let text = format!(
            "{REC}| Key action(s) | Comments | Comments |\n|---|---|---|\n| Act | first | second |\n"
        );
        assert_eq!(codes(&text), [(Code::UnknownColumn, 7)]);
    }

    #[test]
    fn a_table_with_an_unknown_header_is_one_unknown_table() {
        let text = format!("{REC}| Province | Loans |\n|---|---|\n| North | 120 |\n");
        assert_eq!(codes(&text), [(Code::UnknownTable, 5)]);
    }

    #[test]
    fn text_under_a_blank_header_is_an_unknown_column() {
        let text = format!(
            "{REC}| Key action(s) | | Time frame |\n|---|---|---|\n| Act | aside | 2022 |\n"
        );
        assert_eq!(codes(&text), [(Code::UnknownColumn, 7)]);
    }

    #[test]
    fn lettered_parts_of_a_recommendation_keep_the_sequence() {
        let ids = |doc: &str| {
            let d = crate::parse(doc.as_bytes(), crate::Format::Markdown).unwrap();
            d.diagnostics
                .iter()
                .filter(|x| x.code == Code::IdSequence)
                .map(|x| x.text.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        let rec = |id: &str| {
            format!("### Recommendation {id}: Do it.\n\n**Management response:** Accepted.\n\n")
        };
        let doc: String = ["1", "2", "3a", "3b", "4"].map(rec).concat();
        assert_eq!(ids(&doc), Vec::<String>::new());
        let doc: String = ["1", "3a", "3b", "4", "6"].map(rec).concat();
        assert_eq!(ids(&doc), ["3a", "6"]);
    }

    #[test]
    fn a_duplicate_id_is_not_also_out_of_sequence() {
        let text = format!(
            "{REC}### Recommendation 2: Two.\n\n**Management response:** Accepted.\n\n\
             ### Recommendation 2: Again.\n\n**Management response:** Accepted.\n\n\
             ### Recommendation 3: Three.\n\n**Management response:** Accepted.\n"
        );
        assert_eq!(codes(&text), [(Code::DuplicateId, 9)]);
    }

    #[test]
    fn a_table_caption_is_reported_not_read_as_overall_comments() {
        for layout in ["matrix", "blocks"] {
            let table = match layout {
                "matrix" => {
                    "<tr><th>Recommendation</th><th>Management response</th><th>Key actions</th></tr>\n\
                     <tr><td>Recommendation 1: Do it.</td><td>Accepted.</td><td>Act</td></tr>"
                }
                _ => {
                    "<tr><th>Key action(s)</th><th>Time frame</th></tr>\n<tr><td>Act</td><td>2025</td></tr>"
                }
            };
            let rec = if layout == "blocks" {
                "<p>Recommendation 1: Do it.</p>\n<p>Management response: Accepted.</p>\n"
            } else {
                ""
            };
            let html = format!(
                "<p>Overall comments: Welcome.</p>\n{rec}<table>\n<caption>Table 1. Matrix</caption>\n{table}\n</table>\n"
            );
            let doc = crate::parse(html.as_bytes(), crate::Format::Html).unwrap();
            assert_eq!(
                doc.overall_comments.as_deref(),
                Some("Welcome."),
                "{layout}"
            );
            let caption: Vec<_> = doc
                .diagnostics
                .iter()
                .map(|d| (d.code, d.line, d.text.clone().unwrap_or_default()))
                .collect();
            let line = if layout == "blocks" { 5 } else { 3 };
            assert_eq!(
                caption,
                [(Code::UnclaimedText, line, "Table 1. Matrix".to_string())],
                "{layout}"
            );
        }
    }

    #[test]
    fn none_under_key_actions_is_no_action_and_no_note() {
        for none in ["None.", "N/A", "Aucune.", "Ninguna"] {
            let text = format!(
                "Recommendation 1: Do it.\n\nManagement response: Rejected. Not ours.\n\nKey actions\n{none}\n\n* Status as at 15 January 2020.\n"
            );
            let doc = crate::parse(text.as_bytes(), crate::Format::Text).unwrap();
            assert!(doc.recommendations[0].key_actions.is_empty(), "{none}");
            let notes: Vec<_> = doc.notes.iter().map(|n| n.text.as_str()).collect();
            assert_eq!(notes, ["Status as at 15 January 2020."], "{none}");
            assert!(doc.diagnostics.is_empty(), "{none}: {:?}", doc.diagnostics);
        }
    }

    #[test]
    fn a_label_alone_in_a_contributors_cell_takes_the_next_cell() {
        let html = "<table><tr><th>Prepared by:</th><td>A B</td><th>Cleared by:</th><td>C D</td></tr>\n\
            <tr><th>Position:</th><td>Manager</td><th>Position:</th><td>Director</td></tr>\n\
            <tr><th>Office:</th><td>X</td><th>Office:</th><td></td></tr></table>\n\
            <p><b>Recommendation 1:</b> Do it.</p><p><b>Management response:</b> Accepted.</p>";
        let doc = crate::parse(html.as_bytes(), crate::Format::Html).unwrap();
        let people = people(&doc);
        assert_eq!(
            people,
            [
                ("Prepared by", Some("A B"), Some("Manager"), Some("X")),
                ("Cleared by", Some("C D"), Some("Director"), None),
            ]
        );
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    }

    #[test]
    fn a_contributors_table_with_roles_in_its_header_row_is_read_by_column() {
        let text = format!(
            "| | Prepared by | Cleared by |\n|---|---|---|\n| Name | A B | C D |\n\
             | Position | Manager | Director |\n| Unit/Bureau | X | Y |\n| Date | 2024 | 2025 |\n\n{REC}"
        );
        let doc = crate::parse(text.as_bytes(), crate::Format::Markdown).unwrap();
        let people = people(&doc);
        assert_eq!(
            people,
            [
                ("Prepared by", Some("A B"), Some("Manager"), Some("X")),
                ("Cleared by", Some("C D"), Some("Director"), Some("Y")),
            ]
        );
        // The row no field takes is reported with its line.
        assert_eq!(codes(&text), [(Code::UnclaimedText, 6)]);
        // Without the column of field names: name, position, unit by row.
        let text = format!(
            "| Prepared by | Cleared by |\n|---|---|\n| A B | C D |\n| Manager | Director |\n\n{REC}"
        );
        let doc = crate::parse(text.as_bytes(), crate::Format::Markdown).unwrap();
        let people: Vec<_> = doc
            .contributors
            .iter()
            .map(|c| (c.role.as_str(), c.name.as_deref(), c.position.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("Prepared by", Some("A B"), Some("Manager")),
                ("Cleared by", Some("C D"), Some("Director")),
            ]
        );
        assert_eq!(codes(&text), []);
    }

    #[test]
    fn no_recommendation_names_the_table_no_header_word_opened() {
        let html = "<p>Intro.</p>\n<table><tr><th>Recomendación X</th><th>Gestión</th></tr>\n<tr><td>Text</td><td>Yes</td></tr></table>\n";
        match crate::parse(html.as_bytes(), crate::Format::Html) {
            Err(
                e @ crate::ParseError::NoRecommendations {
                    unknown_table: Some(2),
                    ..
                },
            ) => assert!(e.to_string().contains("the table at line 2"), "{e}"),
            other => panic!("{other:?}"),
        }
        match crate::parse(b"Just text.\n", crate::Format::Markdown) {
            Err(
                e @ crate::ParseError::NoRecommendations {
                    unknown_table: None,
                    ..
                },
            ) => assert!(e.to_string().ends_with("is this a management response?")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_matrix_broken_into_two_tables_reads_both() {
        let header = "| Recommendation | Management response | Key actions | Timeframe |\n|---|---|---|---|\n";
        let text = format!(
            "# Title\n\n{header}| 1. Do A. | Accepted. | Act A | 2025 |\n\n\
             ## Operational recommendations\n\n\
             {header}| 2. Do B. | Rejected. | | |\n\n* A note.\n"
        );
        let doc = parse(text.as_bytes(), Format::Markdown).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = doc.recommendations.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        // The heading between the tables is no note: reported.
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(codes(&text), [(Code::UnclaimedText, 7)]);
    }
}
