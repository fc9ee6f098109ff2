//! Normalized Markdown: one canonical rendering of a [`Document`], whatever
//! the input, that the parser reads back to the same document.
//!
//! ```text
//! # Management Response: TITLE
//!
//! Prepared by: NAME
//! Position: POSITION
//! Unit/Bureau: UNIT
//!
//! ## Overall comments
//!
//! ## Recommendation ID
//!
//! TEXT
//!
//! **Management response: DECISION**
//!
//! COMMENT
//!
//! | # | Key action(s) | Time frame | Responsible unit(s) | Status | Comments |
//! ```
//!
//! Matrix documents stay a matrix: one table whose first two columns are the
//! recommendation and the response. Notes follow a horizontal rule, each with
//! its marker (`\*`, `<sup>1</sup>`) or a `Note:` label.
//!
//! Text is escaped so that it reads back as written: Markdown punctuation
//! behind a backslash, a first character that would make a line a label, a
//! list item or page furniture as a character reference, line breaks as
//! hard breaks (`\` at the end of a line) or `<br>` in table cells.

use mresponse_parse::cleantext::is_page_furniture;
use mresponse_parse::labels::find_label;
use mresponse_parse::recognise::{split_action_id, without_bullet};
use mresponse_parse::vocab::{self, WritingLabels};
use mresponse_parse::{Contributor, Document, KeyAction, Layout, Note, Recommendation};

/// Renders `doc` as normalized Markdown.
pub fn to_markdown(doc: &Document) -> String {
    let words = &vocab::of(doc.language).writing;
    let mut out = String::new();
    if let Some(title) = &doc.title {
        out.push_str(&format!("# {}: {}\n\n", words.title, title_text(title)));
    }
    for person in &doc.contributors {
        contributor(&mut out, person, words);
    }
    if let Some(overall) = &doc.overall_comments {
        out.push_str(&format!("## {}\n\n", words.overall));
        paragraphs(&mut out, overall);
    }
    match doc.layout {
        Layout::Blocks => {
            for rec in &doc.recommendations {
                recommendation(&mut out, rec, words);
            }
        }
        Layout::Matrix => matrix(&mut out, &doc.recommendations, words),
    }
    if !doc.notes.is_empty() {
        out.push_str("---\n\n");
        for note in &doc.notes {
            note_line(&mut out, note, words);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn title_text(title: &str) -> String {
    let line = title.replace('\n', " ");
    // A title that starts like a connector or a quote is quoted, so that the
    // reader's stripping of "to the", quotes and dashes leaves it whole.
    let escaped = escape_inline(&line);
    let first = line.chars().next();
    let folded = vocab::fold(&line);
    let risky = first.is_some_and(|c| !c.is_alphanumeric())
        || [
            "to ", "for ", "on ", "of ", "à ", "au ", "aux ", "a ", "al ", "de ", "del ", "du ",
            "des ",
        ]
        .iter()
        .any(|w| folded.starts_with(w));
    if risky {
        format!("“{escaped}”")
    } else {
        escaped
    }
}

fn contributor(out: &mut String, person: &Contributor, words: &WritingLabels) {
    let value = |v: &Option<String>| {
        v.as_deref()
            .map(|v| escape_inline(&v.replace('\n', " ")))
            .unwrap_or_default()
    };
    out.push_str(&guarded(
        &format!("{}: ", escape_inline(&person.role)),
        &value(&person.name),
    ));
    out.push('\n');
    out.push_str(&guarded(
        &format!("{}: ", words.position),
        &value(&person.position),
    ));
    out.push('\n');
    out.push_str(&guarded(&format!("{}: ", words.unit), &value(&person.unit)));
    out.push_str("\n\n");
}

/// `prefix` then `value`, with the value defused if the line would read as
/// page furniture.
fn guarded(prefix: &str, value: &str) -> String {
    let line = format!("{prefix}{value}");
    if is_page_furniture(&line) {
        format!("{prefix}{}", defuse(value))
    } else {
        line
    }
}

fn recommendation(out: &mut String, rec: &Recommendation, words: &WritingLabels) {
    out.push_str(&format!("## {} {}\n\n", words.recommendation, rec.id));
    paragraphs(out, &rec.text);
    let response = &rec.response;
    match &response.decision_text {
        Some(decision) => {
            out.push_str(&format!(
                "**{}: {}**\n\n",
                words.response,
                escape_inline(decision)
            ));
            if let Some(comment) = &response.comment {
                paragraphs(out, comment);
            }
        }
        None => {
            out.push_str(&format!("**{}:**\n\n", words.response));
            if let Some(comment) = &response.comment {
                paragraphs(out, comment);
            }
        }
    }
    if !rec.key_actions.is_empty() {
        let ids = needs_id_column(&rec.key_actions);
        action_header(out, words, false, ids);
        for action in &rec.key_actions {
            out.push_str(&action_cells(action, ids));
            out.push_str(" |\n");
        }
        out.push('\n');
    }
}

/// An id column is written when an action has an id, or when a description
/// would otherwise be read as starting with one or with a bullet (with an
/// id column, descriptions are read whole).
fn needs_id_column(actions: &[KeyAction]) -> bool {
    actions.iter().any(|a| {
        a.id.is_some()
            || split_action_id(&a.description).0.is_some()
            || without_bullet(&a.description).len() != a.description.len()
    })
}

fn action_header(out: &mut String, words: &WritingLabels, matrix: bool, ids: bool) {
    let lead = if matrix {
        format!("| {} | {} ", words.recommendation, words.response)
    } else {
        String::new()
    };
    let cols = [
        words.key_action,
        words.time_frame,
        words.responsible,
        words.status,
        words.comments,
    ];
    let id = if ids { "| # " } else { "" };
    out.push_str(&format!("{lead}{id}| {} |\n", cols.join(" | ")));
    let n = cols.len() + usize::from(ids) + if matrix { 2 } else { 0 };
    out.push_str(&format!("|{}\n", "---|".repeat(n)));
}

fn action_cells(a: &KeyAction, ids: bool) -> String {
    let mut cells = vec![
        a.id.clone().unwrap_or_default(),
        a.description.clone(),
        a.time_frame.text.clone().unwrap_or_default(),
        a.responsible.join("; "),
        a.tracking.status_text.clone().unwrap_or_default(),
        a.tracking.comments.clone().unwrap_or_default(),
    ];
    if !ids {
        cells.remove(0);
    }
    let cells: Vec<String> = cells.iter().map(|c| escape_cell(c)).collect();
    format!("| {}", cells.join(" | "))
}

fn matrix(out: &mut String, recs: &[Recommendation], words: &WritingLabels) {
    let all: Vec<KeyAction> = recs
        .iter()
        .flat_map(|r| r.key_actions.iter().cloned())
        .collect();
    let ids = needs_id_column(&all);
    action_header(out, words, true, ids);
    for rec in recs {
        // A text that starts with a dash goes in a paragraph of its own: on
        // the label's line, the dash would read as the label's separator
        // (`Recomendación 1: – Texto`).
        let gap = if rec.text.starts_with(['-', '–', '—']) {
            "<br><br>"
        } else {
            " "
        };
        let head = format!(
            "{} {}:{gap}{}",
            words.recommendation,
            rec.id,
            escape_cell(&rec.text)
        );
        let mut response = String::new();
        if let Some(d) = &rec.response.decision_text {
            response.push_str(&escape_cell(d));
        }
        if let Some(c) = &rec.response.comment {
            if !response.is_empty() {
                response.push_str("<br><br>");
            }
            response.push_str(&escape_cell(c));
        }
        let first = format!("| {} | {} ", head.trim_end(), response);
        if rec.key_actions.is_empty() {
            out.push_str(&format!("{first}{}|\n", "|  ".repeat(5 + usize::from(ids))));
        }
        for (i, action) in rec.key_actions.iter().enumerate() {
            let lead = if i == 0 {
                first.clone()
            } else {
                "|  |  ".to_string()
            };
            out.push_str(&format!("{lead}{} |\n", action_cells(action, ids)));
        }
    }
    out.push('\n');
}

fn note_line(out: &mut String, note: &Note, words: &WritingLabels) {
    let text = note_text(&note.text);
    let line = match note.marker.as_deref() {
        Some(m) if m.chars().all(|c| matches!(c, '*' | '†' | '‡')) => {
            format!("{} {text}", escape_inline(m))
        }
        Some(m) => format!("<sup>{}</sup> {text}", escape_inline(m)),
        None => format!("{}: {text}", words.note),
    };
    // A note that would read as a running header is kept as text.
    let line = if is_page_furniture(&line) {
        line.replacen(text.as_str(), &defuse(&text), 1)
    } else {
        line
    };
    out.push_str(&line);
    out.push_str("\n\n");
}

/// Escaped text that no longer reads as page furniture: its first
/// character and its dashes written as character references.
fn defuse(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, c) in escaped.chars().enumerate() {
        if i == 0 && c != '\\' || matches!(c, '-' | '–' | '—') {
            out.push_str(&format!("&#{};", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn note_text(text: &str) -> String {
    let mut out = String::new();
    block_lines(&mut out, text, true);
    out.trim_end().to_string()
}

/// Writes a text field as paragraphs: `\n\n` between paragraphs, a hard
/// break for each `\n` inside one.
fn paragraphs(out: &mut String, text: &str) {
    block_lines(out, text, false);
    out.push_str("\n\n");
}

fn block_lines(out: &mut String, text: &str, inline_first: bool) {
    let mut previous_was_list = false;
    for (p, para) in text.split("\n\n").enumerate() {
        if p > 0 {
            out.push_str("\n\n");
        }
        let lines: Vec<&str> = para
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let as_list = !(previous_was_list || inline_first && p == 0) && is_list(&lines);
        previous_was_list = as_list;
        for (i, line) in lines.iter().enumerate() {
            if as_list {
                let (marker, body) = split_marker(line).unwrap_or(("- ", line));
                out.push_str(marker);
                out.push_str(&escape_line(body.trim_start(), true));
                if i + 1 < lines.len() {
                    out.push('\n');
                }
                continue;
            }
            let start_of_block = i > 0 || p > 0 || !inline_first;
            out.push_str(&escape_line(line, start_of_block));
            if i + 1 < lines.len() {
                out.push_str("\\\n");
            }
        }
    }
}

/// A list line's marker (`1. `, `- `) and its text.
fn split_marker(line: &str) -> Option<(&str, &str)> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some(("- ", rest));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered =
        digits > 0 && digits <= 9 && !line.starts_with('0') && line[digits..].starts_with(". ");
    numbered.then(|| line.split_at(digits + 2))
}

/// True when every line is a list item, and the numbered ones count up in
/// runs the way a Markdown list would number them again.
fn is_list(lines: &[&str]) -> bool {
    let mut expected: Option<u64> = None;
    for line in lines {
        let Some((marker, _)) = split_marker(line) else {
            return false;
        };
        if marker == "- " {
            expected = None;
            continue;
        }
        let n: u64 = marker.trim_end_matches(". ").parse().unwrap_or(0);
        if expected.is_some_and(|e| e != n) {
            return false;
        }
        expected = Some(n + 1);
    }
    !lines.is_empty()
}

/// Escapes a line of text that starts a Markdown line: what would make it a
/// label, a list item, a heading, a quote, a note or furniture is
/// neutralised.
fn escape_line(line: &str, start_of_block: bool) -> String {
    let escaped = escape_inline(line);
    if !start_of_block {
        return escaped;
    }
    if is_page_furniture(line) {
        return defuse(&escaped);
    }
    // A line that starts with a footnote marker would start a note, one
    // with a bullet character a list item.
    let needs_reference = find_label(line).is_some()
        || starts_block_syntax(line)
        || line.starts_with(['*', '†', '‡', '•', '◦', '▪', '·', '\u{f0b7}']);
    match line.chars().next() {
        Some(c) if needs_reference => {
            format!("&#{};{}", c as u32, escape_inline(&line[c.len_utf8()..]))
        }
        _ => escaped,
    }
}

/// True when a line would start a list item, a rule or a setext underline.
fn starts_block_syntax(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return line[digits..].starts_with(['.', ')']);
    }
    let rule = line
        .chars()
        .all(|c| matches!(c, '-' | '=' | '_' | '*' | ' ' | '\t'));
    rule || ["- ", "+ ", "* "].iter().any(|m| line.starts_with(m)) || line == "-" || line == "+"
}

/// Escapes Markdown punctuation inside a line.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a table cell: pipes, and line breaks as `<br>`.
fn escape_cell(text: &str) -> String {
    text.split('\n')
        .map(|l| escape_inline(l.trim()))
        .collect::<Vec<_>>()
        .join("<br>")
}
