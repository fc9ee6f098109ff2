//! Diagnostics: what the parser doubted or could not place, with its line.
//!
//! Codes are stable: tools match on them, and `docs/diagnostics.md` lists
//! each with an example. Rendering lives in the binary, not here.

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// The output may not say what the document meant.
    Warning,
    /// The document could not be read as a management response.
    Error,
}

/// The stable code of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// A non-blank line that no field claimed.
    UnclaimedText,
    /// A recommendation whose response states no decision.
    MissingDecision,
    /// A word stands where the decision should, but it is in no vocabulary.
    UnknownDecision,
    /// A time frame that is no date, period or known word.
    OtherTimeFrame,
    /// A date whose day and month could be read either way.
    AmbiguousDate,
    /// A tracking status in no vocabulary.
    UnknownStatus,
    /// A table row with more or fewer cells than its header.
    CellCount,
    /// A table column whose header names no known field.
    UnknownColumn,
    /// A table with no recognisable header.
    UnknownTable,
    /// Two recommendations with the same id.
    DuplicateId,
    /// Recommendation numbers that skip or go back.
    IdSequence,
    /// The input was not UTF-8 and was read as Windows-1252.
    EncodingFallback,
    /// No recommendation was found.
    NoRecommendations,
}

impl Code {
    /// The code as written in JSON and in rendered diagnostics.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnclaimedText => "unclaimed-text",
            Code::MissingDecision => "missing-decision",
            Code::UnknownDecision => "unknown-decision",
            Code::OtherTimeFrame => "other-time-frame",
            Code::AmbiguousDate => "ambiguous-date",
            Code::UnknownStatus => "unknown-status",
            Code::CellCount => "cell-count",
            Code::UnknownColumn => "unknown-column",
            Code::UnknownTable => "unknown-table",
            Code::DuplicateId => "duplicate-id",
            Code::IdSequence => "id-sequence",
            Code::EncodingFallback => "encoding-fallback",
            Code::NoRecommendations => "no-recommendations",
        }
    }

    /// Every code, in the order of the documentation table.
    pub const ALL: [Code; 13] = [
        Code::UnclaimedText,
        Code::MissingDecision,
        Code::UnknownDecision,
        Code::OtherTimeFrame,
        Code::AmbiguousDate,
        Code::UnknownStatus,
        Code::CellCount,
        Code::UnknownColumn,
        Code::UnknownTable,
        Code::DuplicateId,
        Code::IdSequence,
        Code::EncodingFallback,
        Code::NoRecommendations,
    ];

    /// A short help line: what to do about a diagnostic of this code.
    pub fn help(self) -> &'static str {
        match self {
            Code::UnclaimedText => {
                "label it (Recommendation, Management response, Key actions…) or move it into a field"
            }
            Code::MissingDecision => {
                "start the response with Accepted, Partially accepted or Rejected"
            }
            Code::UnknownDecision => {
                "use Accepted, Partially accepted or Rejected (or add the word to the vocabulary)"
            }
            Code::OtherTimeFrame => {
                "write a date or period (30 June 2022, Q3 2022, 2022), or Ongoing / TBD"
            }
            Code::AmbiguousDate => "write the month as a word (05 June 2021) or use YYYY-MM-DD",
            Code::UnknownStatus => {
                "use Not started, Ongoing, Completed, Overdue or No longer applicable"
            }
            Code::CellCount => "give the row as many cells as its header",
            Code::UnknownColumn => {
                "name the column Key action(s), Time frame, Responsible unit(s), Status or Comments"
            }
            Code::UnknownTable => {
                "give the table a header row such as Key action(s) | Time frame | Responsible unit(s)"
            }
            Code::DuplicateId => "give each recommendation its own number",
            Code::IdSequence => "check that no recommendation is missing",
            Code::EncodingFallback => "save the file as UTF-8",
            Code::NoRecommendations => "label each recommendation (Recommendation 1: …)",
        }
    }

    /// The severity a diagnostic of this code has.
    pub fn severity(self) -> Severity {
        match self {
            Code::NoRecommendations => Severity::Error,
            Code::IdSequence => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// One thing the parser doubted, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Its stable code.
    pub code: Code,
    /// The 1-based source line (for Word files, the paragraph number).
    pub line: u32,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The text concerned, as read, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of `code` at `line`, with its code's severity.
    pub fn new(code: Code, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            line,
            message: message.into(),
            text: None,
        }
    }

    /// The same diagnostic, naming the text it concerns.
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }
}
