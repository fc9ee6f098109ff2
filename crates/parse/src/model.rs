//! The document model: plain data matching `MODEL.md`, with serde.
//!
//! Every type here carries at least the fields of the JSON contract, with the
//! same names and meanings. The extra fields (`line`, `diagnostics`) say where
//! a value came from and what the parser doubted; they are skipped when empty
//! so that the JSON stays close to the contract.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

/// The version of the JSON contract this crate writes.
pub const SCHEMA_VERSION: &str = "1";

/// One converted management response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    #[cfg_attr(feature = "schema", schemars(extend("const" = "1")))]
    pub schema_version: String,
    /// Language of the labels (not of the prose).
    pub language: Language,
    /// Whether recommendations are blocks with their own tables, or rows of one table.
    pub layout: Layout,
    /// The evaluation or project title, without the "Management Response" label.
    pub title: Option<String>,
    /// People named in the header, in document order.
    pub contributors: Vec<Contributor>,
    /// General remarks before the first recommendation.
    pub overall_comments: Option<String>,
    /// The recommendations, in document order.
    pub recommendations: Vec<Recommendation>,
    /// Footnotes and trailing remarks.
    pub notes: Vec<Note>,
    /// What the parser doubted or could not place, each with its line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// An empty English blocks-layout document, the starting point of a parse.
    pub fn empty() -> Self {
        Document {
            schema_version: SCHEMA_VERSION.to_string(),
            language: Language::En,
            layout: Layout::Blocks,
            title: None,
            contributors: Vec::new(),
            overall_comments: None,
            recommendations: Vec::new(),
            notes: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// A copy holding only the fields of the JSON contract: source lines and
    /// diagnostics cleared. Two documents that read the same to a consumer of
    /// `MODEL.md` have equal contract views.
    pub fn contract_view(&self) -> Document {
        let mut doc = self.clone();
        doc.diagnostics.clear();
        for rec in &mut doc.recommendations {
            rec.line = None;
            for action in &mut rec.key_actions {
                action.line = None;
            }
        }
        doc
    }
}

/// Language of the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Language {
    /// The ISO 639-1 code, as in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
        }
    }
}

/// How recommendations are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// One block per recommendation, each followed by its own key-action table.
    Blocks,
    /// One table whose rows are recommendations.
    Matrix,
}

/// A person named in the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contributor {
    /// The label as written, without the colon: `Prepared by`, `Cleared by`.
    pub role: String,
    /// The person's name.
    pub name: Option<String>,
    /// Their position.
    pub position: Option<String>,
    /// The `Unit/Bureau`, `Division` or `Office` value as written.
    pub unit: Option<String>,
}

/// One recommendation of the evaluation and management's answer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recommendation {
    /// The recommendation's own number or label as written (`1`, `3a`, `R4`),
    /// or its 1-based position when the document numbers none.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: String,
    /// The recommendation itself.
    pub text: String,
    /// Management's answer.
    pub response: Response,
    /// The key actions, in document order.
    pub key_actions: Vec<KeyAction>,
    /// The 1-based source line the recommendation starts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// Management's answer to a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Response {
    /// The normalised decision, or `None` when the document states none.
    pub decision: Option<Decision>,
    /// The decision as written, without trailing punctuation.
    pub decision_text: Option<String>,
    /// Management's explanation.
    pub comment: Option<String>,
}

/// A normalised decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Accepted, Agree, Acceptée, Aceptada…
    Accepted,
    /// Partially accepted, Partially agree…
    PartiallyAccepted,
    /// Rejected, Not accepted, Disagree…
    Rejected,
}

impl Decision {
    /// The value as written in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::PartiallyAccepted => "partially_accepted",
            Decision::Rejected => "rejected",
        }
    }
}

/// One action management commits to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyAction {
    /// The action's own number as written (`1.1`, `a`), if any.
    pub id: Option<String>,
    /// What will be done.
    pub description: String,
    /// By when.
    pub time_frame: TimeFrame,
    /// The responsible units, in order.
    pub responsible: Vec<String>,
    /// How far the action has got.
    pub tracking: Tracking,
    /// The 1-based source line the action starts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// When an action is due, as written and as understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeFrame {
    /// The time frame as written; `None` when the cell is empty.
    pub text: Option<String>,
    /// What kind of time frame the text names.
    pub kind: TimeFrameKind,
    /// The last day the text allows, `YYYY-MM-DD`; only for deadlines.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
    )]
    pub due: Option<String>,
}

/// The kind of a time frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeFrameKind {
    /// A date or period; `due` is its last day.
    Deadline,
    /// Ongoing, continuous, annual…
    Ongoing,
    /// Already done.
    Done,
    /// Unknown, TBD, subject to funding, or empty.
    Unknown,
    /// Anything else.
    Other,
}

impl TimeFrameKind {
    /// The value as written in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeFrameKind::Deadline => "deadline",
            TimeFrameKind::Ongoing => "ongoing",
            TimeFrameKind::Done => "done",
            TimeFrameKind::Unknown => "unknown",
            TimeFrameKind::Other => "other",
        }
    }
}

/// The implementation status of an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tracking {
    /// The normalised status.
    pub status: Option<Status>,
    /// The status as written.
    pub status_text: Option<String>,
    /// Tracking comments.
    pub comments: Option<String>,
}

impl Tracking {
    /// No status and no comments.
    pub fn empty() -> Self {
        Tracking {
            status: None,
            status_text: None,
            comments: None,
        }
    }
}

/// A normalised tracking status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started, pending.
    NotStarted,
    /// Initiated, ongoing, in progress.
    Ongoing,
    /// Completed, done, implemented.
    Completed,
    /// Overdue, delayed.
    Overdue,
    /// No longer applicable.
    NotApplicable,
}

impl Status {
    /// The value as written in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
            Status::Overdue => "overdue",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// A footnote or trailing remark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Note {
    /// The marker as written (`*`, `1`), if any.
    pub marker: Option<String>,
    /// The note without its marker.
    pub text: String,
}
