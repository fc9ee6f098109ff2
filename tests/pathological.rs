//! Hostile inputs of issue 8 parse in time proportional to their size.
//!
//! Each test builds one pathological input (thousands of unclosed `<b>`
//! tags, a table row of 100,000 cells, 10,000 nested lists or quotes, a
//! document on one line, thousands of recommendations) and a normal
//! document of the same size and format, made by repeating a bundled
//! sample, and times both in the same test. The assertion is a ratio, never
//! an absolute time, so it holds on a slow or busy machine and in debug
//! builds alike.
//!
//! The bound is [`RATIO`] = 20. Content differs in cost per byte even when
//! every path is linear: a byte of table cell or of nested-container markup
//! is worth more events, blocks and diagnostics than a byte of prose, and
//! measured ratios of the linear paths stay below 10 here. A quadratic path
//! is not a constant factor off: at these sizes (tens of kilobytes to
//! megabytes) it costs hundreds to thousands of times the normal document,
//! so 20 keeps a wide margin on both sides.
//!
//! Small inputs are timed over enough repetitions to take a few
//! milliseconds, the normal and the pathological document alternately, and
//! the best of several samples of each is compared, so that one scheduling
//! hiccup cannot decide a test. The tests of this file run one at a time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mresponse_parse::{Format, Limits, ParseError, parse_detailed, read_blocks};

/// The most a pathological input may cost, as a multiple of the time to
/// parse a normal document of the same size and format.
const RATIO: f64 = 20.0;

/// The most samples of each document; the best of them counts.
const SAMPLES: usize = 5;

/// Shortest time one sample should take, so the clock's grain and the
/// scheduler do not dominate it.
const SAMPLE_FLOOR: Duration = Duration::from_millis(4);

/// One timing test at a time: tests running side by side would time each
/// other.
static SERIAL: Mutex<()> = Mutex::new(());

fn sample(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/dev")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A normal document of `format` of at least `size` bytes: a bundled sample
/// repeated.
fn normal(format: Format, size: usize) -> Vec<u8> {
    let text = match format {
        Format::Markdown => sample("unitar-minamata.md"),
        Format::Text => sample("healthcare-waste-plain.txt"),
        Format::Html => sample("school-feeding-matrix.html"),
        Format::Docx => unreachable!("the pathological inputs are text"),
    };
    let mut out = String::with_capacity(size + text.len());
    while out.len() < size {
        out.push_str(&text);
        out.push('\n');
    }
    out.into_bytes()
}

fn parse_once(bytes: &[u8], format: Format) {
    // Ok or Err, both are fine: the time is what is measured.
    let _ = parse_detailed(bytes, format, &Limits::default());
}

/// Time of `reps` parses of `bytes`.
fn time(bytes: &[u8], format: Format, reps: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..reps {
        parse_once(bytes, format);
    }
    start.elapsed()
}

/// Times `input` against a normal document of its size and format, prints
/// the ratio, and fails when it is over [`RATIO`]. Returns the ratio.
fn assert_proportional(name: &str, input: &[u8], format: Format) -> f64 {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let reference = normal(format, input.len());
    // Repetitions so that one sample of the normal document takes long
    // enough to measure.
    let mut reps = 1u32;
    while reps < 1024 && time(&reference, format, reps) < SAMPLE_FLOOR {
        reps *= 2;
    }
    // One sample of each, alternately, while they take long; more (the
    // best counts) for short ones, and whenever the bound is crossed, so
    // that one scheduling hiccup cannot fail a test.
    let mut best_normal = Duration::MAX;
    let mut best_input = Duration::MAX;
    for n in 0..SAMPLES {
        best_normal = best_normal.min(time(&reference, format, reps));
        best_input = best_input.min(time(input, format, reps));
        let within = best_input.as_secs_f64() <= RATIO * best_normal.as_secs_f64();
        let short = best_normal < SAMPLE_FLOOR * 4;
        let hopeless = best_input.as_secs_f64() > 10.0 * RATIO * best_normal.as_secs_f64();
        if hopeless || within && !(short && n < 2) {
            break;
        }
    }
    let ratio = best_input.as_secs_f64() / best_normal.as_secs_f64().max(1e-9);
    eprintln!(
        "{name}: {} bytes ({format:?}), normal {:?}, pathological {:?} per parse, ratio {ratio:.2}",
        input.len(),
        best_normal / reps,
        best_input / reps,
    );
    assert!(
        ratio <= RATIO,
        "{name}: {ratio:.1}× the time of a normal {format:?} document of {} bytes (bound {RATIO}×)",
        input.len()
    );
    ratio
}

/// A Markdown document whose first recommendation's text is `payload`.
fn in_markdown(payload: &str) -> Vec<u8> {
    format!(
        "# Management Response to the Evaluation\n\nRecommendation 1: Do it.\n\n{payload}\n\n\
         Management response: Accepted. We will.\n"
    )
    .into_bytes()
}

/// An HTML page whose first recommendation's text is `payload`.
fn in_html(payload: &str) -> Vec<u8> {
    format!(
        "<html><body><h1>Management Response</h1><p>Recommendation 1: Do it.</p>\n{payload}\n\
         <p>Management response: Accepted. We will.</p></body></html>\n"
    )
    .into_bytes()
}

/// A plain-text document whose first recommendation's text is `payload`.
fn in_text(payload: &str) -> Vec<u8> {
    format!(
        "Management Response\n\nRecommendation 1:\nDo it.\n\n{payload}\n\n\
         Management response: Accepted. We will.\n"
    )
    .into_bytes()
}

/// `debug` in debug builds, `release` otherwise. Debug builds parse some
/// twenty times slower, and the tests must stay fast there; the counts the
/// issue names (100,000 cells, 10,000 levels) are kept in both, and only
/// the sizes of prose and of repeated structures shrink.
fn sized(debug: usize, release: usize) -> usize {
    if cfg!(debug_assertions) {
        debug
    } else {
        release
    }
}

#[test]
fn thousands_of_unclosed_bold_tags_in_markdown() {
    let n = sized(5_000, 50_000);
    let payload = "<b>unclosed ".repeat(n);
    assert_proportional(
        "markdown <b> unclosed",
        &in_markdown(&payload),
        Format::Markdown,
    );
    let payload = "**unclosed ".repeat(n);
    assert_proportional(
        "markdown ** unclosed",
        &in_markdown(&payload),
        Format::Markdown,
    );
}

#[test]
fn thousands_of_unclosed_bold_tags_in_html() {
    let n = sized(5_000, 50_000);
    let payload = "<b>unclosed ".repeat(n);
    assert_proportional("html <b> unclosed", &in_html(&payload), Format::Html);
    let payload = "<p><b>unclosed</p>\n".repeat(n / 2);
    assert_proportional("html <p><b> unclosed", &in_html(&payload), Format::Html);
}

#[test]
fn a_pipe_table_row_of_100_000_cells() {
    let cells = 100_000;
    let header = format!("|Key action|Time frame{}|\n", "|x".repeat(cells - 2));
    let rule = format!("{}|\n", "|-".repeat(cells));
    let doc = in_markdown(&format!("{header}{rule}|a|2024|b\n"));
    assert_proportional("markdown pipe row x 100,000", &doc, Format::Markdown);
}

#[test]
fn a_wide_header_over_many_short_rows() {
    // A wide header over as many one-cell rows: a grid of their product
    // would be 400 million cells (GFM fills short rows up to the header's
    // width); the reader reads such a table as text.
    let n = 20_000;
    let header = format!("|Key action|Time frame{}|\n", "|x".repeat(n - 2));
    let rule = format!("{}|\n", "|-".repeat(n));
    let body = "|a\n".repeat(n);
    let doc = in_markdown(&format!("{header}{rule}{body}"));
    assert_proportional("markdown wide header, short rows", &doc, Format::Markdown);
    let wide = format!("1.1 Do it | Responsible: UNDP {}\n", unlabelled_fields(n));
    let short = "1.2 Do more | Status: Ongoing\n".repeat(n / 4);
    let doc = in_text(&format!("Key actions\n{wide}{short}"));
    assert_proportional("text wide action line, short lines", &doc, Format::Text);
}

#[test]
fn many_tables_of_mostly_filled_cells() {
    // 512 columns over 512 one-cell rows, many times: GFM fills each to
    // 262,144 cells. Found by this file's release run (42× at first), then
    // measured in pulldown-cmark alone: 160 such tables, 575 KB, took 2 GB.
    let width = 512;
    let table = format!(
        "{}|\n{}|\n{}\n",
        "|x".repeat(width),
        "|-".repeat(width),
        "|a\n".repeat(width)
    );
    let doc = in_markdown(&table.repeat(sized(40, 160)));
    assert_proportional("markdown sparse tables", &doc, Format::Markdown);
}

#[test]
fn a_tab_row_of_100_000_cells() {
    let row = "c\t".repeat(100_000);
    let doc = in_markdown(&format!("Key action\tTime frame\n{row}x\n"));
    assert_proportional("markdown tab row x 100,000", &doc, Format::Markdown);
}

/// Starts of dash-ruled tables that never close: a full rule, a header
/// line, a rule of groups, a row, and no closing rule anywhere.
fn unclosed_dash_tables(n: usize) -> String {
    "\n-----------\nHead  Head\n----- -----\nrow   row\n".repeat(n)
}

#[test]
fn thousands_of_dash_tables_that_never_close() {
    let tables = unclosed_dash_tables(sized(2_000, 20_000));
    let doc = in_markdown(&tables);
    assert_proportional("markdown unclosed dash tables", &doc, Format::Markdown);
    let doc = in_text(&tables);
    assert_proportional("text unclosed dash tables", &doc, Format::Text);
}

#[test]
fn a_dash_rule_of_100_000_groups_over_short_rows() {
    let rule = "--- ".repeat(100_000);
    let rows = "x\n".repeat(sized(20_000, 100_000));
    let table = format!("Head\n{rule}\n{rows}");
    assert_proportional(
        "markdown dash rule x 100,000",
        &in_markdown(&table),
        Format::Markdown,
    );
    let multiline = format!(
        "{}\nHead\n{rule}\n{rows}{}\n",
        "-".repeat(50),
        "-".repeat(50)
    );
    assert_proportional(
        "text dash rule x 100,000",
        &in_text(&multiline),
        Format::Text,
    );
}

#[test]
fn spans_of_many_classes_under_a_style_sheet_of_many() {
    let css: String = (0..3_000)
        .map(|i| format!(".c{i}{{font-weight:700}}"))
        .collect();
    let classes: String = (0..200).map(|i| format!("c{i} x{i} ")).collect();
    let spans = format!("<span class=\"{classes}\">w</span>").repeat(sized(200, 2_000));
    let doc = in_html(&format!("<style>{css}</style><p>{spans}</p>"));
    assert_proportional("html spans of many classes", &doc, Format::Html);
}

/// `n` unlabelled `|`-separated fields, each different: the text reader
/// makes each a column of its own.
fn unlabelled_fields(n: usize) -> String {
    (0..n).map(|i| format!("|f{i}")).collect()
}

#[test]
fn a_text_action_line_of_100_000_fields() {
    let line = format!(
        "1.1 Do it | Responsible: UNDP {}",
        unlabelled_fields(100_000)
    );
    let doc = in_text(&format!("Key actions\n{line}\n"));
    assert_proportional("text action line x 100,000", &doc, Format::Text);
}

#[test]
fn an_html_row_of_100_000_cells() {
    let row = format!(
        "<table><tr><th>Key action</th><th>Time frame</th></tr><tr>{}</tr></table>",
        "<td>a".repeat(100_000)
    );
    assert_proportional("html row x 100,000", &in_html(&row), Format::Html);
}

#[test]
fn ten_thousand_nested_lists() {
    let depth = 10_000;
    let doc = in_markdown(&format!("{}deep", "- ".repeat(depth)));
    assert_proportional("markdown - x 10,000", &doc, Format::Markdown);
    let doc = in_markdown(&format!("{}deep", "1. ".repeat(depth)));
    assert_proportional("markdown 1. x 10,000", &doc, Format::Markdown);
    let doc = in_html(&format!("{}deep", "<ul><li>".repeat(depth)));
    assert_proportional("html <ul><li> x 10,000", &doc, Format::Html);
    let doc = in_text(&format!("{}deep", "- ".repeat(depth)));
    assert_proportional("text - x 10,000", &doc, Format::Text);
}

#[test]
fn ten_thousand_nested_blockquotes() {
    let depth = 10_000;
    let doc = in_markdown(&format!("{} deep", ">".repeat(depth)));
    assert_proportional("markdown > x 10,000", &doc, Format::Markdown);
    let doc = in_markdown(&format!("{}deep\n", "> ".repeat(depth)).repeat(2));
    assert_proportional("markdown > x 10,000, 2 lines", &doc, Format::Markdown);
    let doc = in_html(&format!("{}deep", "<blockquote>".repeat(depth)));
    assert_proportional("html <blockquote> x 10,000", &doc, Format::Html);
}

#[test]
fn a_whole_document_on_one_line() {
    // The 50 MB in release builds.
    let size = sized(256 << 10, 50 << 20);
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let flat: String = String::from_utf8(normal(format, size))
            .unwrap()
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        let doc = format!("Recommendation 1: {flat}\n\nManagement response: Accepted.\n");
        assert_proportional("one line", doc.as_bytes(), format);
    }
}

#[test]
fn long_lines_of_markup_characters() {
    // Runs of the characters that open constructs, a line of each.
    let size = sized(32 << 10, 1 << 20);
    for unit in [
        "<", "*", "_", "[", "](", "`", "&", "<b", "|", "\t", "\u{a0}",
    ] {
        let line = unit.repeat(size / unit.len());
        let doc = in_markdown(&line);
        assert_proportional(&format!("markdown {unit:?} line"), &doc, Format::Markdown);
    }
    // In a list item, block HTML is rendered by the Markdown reader itself.
    let doc = in_markdown(&format!("- <div>{}", "&".repeat(size)));
    assert_proportional("markdown & in item html", &doc, Format::Markdown);
    for unit in ["<", "<b", "&", "<td>"] {
        let line = unit.repeat(size / unit.len());
        assert_proportional(
            &format!("html {unit:?} line"),
            &in_html(&line),
            Format::Html,
        );
    }
}

#[test]
fn a_paragraph_of_many_bold_runs() {
    // Bold from end to end, so every character is checked against the spans.
    let doc = format!(
        "Intro.\n\n{}\n\nRecommendation 1: Do it.\n\nManagement response: Accepted.\n",
        "**bold** ".repeat(sized(10_000, 100_000))
    );
    assert_proportional(
        "markdown paragraph of bold runs",
        doc.as_bytes(),
        Format::Markdown,
    );
}

#[test]
fn a_title_of_many_connectors() {
    let doc = format!(
        "# Management Response {}x\n\nRecommendation 1: Do it.\n\nManagement response: Accepted.\n",
        "to the ".repeat(sized(10_000, 100_000))
    );
    assert_proportional(
        "markdown title of connectors",
        doc.as_bytes(),
        Format::Markdown,
    );
}

#[test]
fn a_matrix_row_continued_thousands_of_times() {
    let rows = "| | More of the response. | |\n".repeat(sized(5_000, 50_000));
    let doc = format!(
        "| Recommendation | Management response | Key action |\n|---|---|---|\n\
         | Recommendation 1: Do it. | Accepted. We will. | Train staff |\n{rows}"
    );
    assert_proportional("matrix continuation rows", doc.as_bytes(), Format::Markdown);
}

#[test]
fn thousands_of_recommendations() {
    let n = sized(2_000, 20_000);
    let mut answered = String::from("# Management Response\n\n");
    let mut unanswered = answered.clone();
    let mut text = String::from("Management Response\n\n");
    for i in 1..=n {
        answered.push_str(&format!(
            "Recommendation {i}: Strengthen the programme.\n\n\
             Management response: Accepted. We agree.\n\n\
             | Key action | Time frame | Responsible |\n|---|---|---|\n\
             | {i}.1 Train staff | Q2 2024 | UNDP |\n\n"
        ));
        unanswered.push_str(&format!(
            "Recommendation {i}: Strengthen the programme and its monitoring.\n\n"
        ));
        text.push_str(&format!(
            "Recommendation {i}:\nStrengthen the programme.\n\nManagement response: Accepted.\n\n"
        ));
    }
    assert_proportional("recommendations", answered.as_bytes(), Format::Markdown);
    assert_proportional(
        "recommendations, no responses",
        unanswered.as_bytes(),
        Format::Markdown,
    );
    assert_proportional("recommendations", text.as_bytes(), Format::Text);
}

#[test]
fn input_over_the_size_limit_is_too_large() {
    let limits = Limits {
        max_input_bytes: 1000,
    };
    let bytes = normal(Format::Markdown, 2000);
    for format in [Format::Markdown, Format::Text, Format::Html, Format::Docx] {
        match read_blocks(&bytes, format, &limits) {
            Err(ParseError::TooLarge { size, limit }) => {
                assert_eq!((size, limit), (bytes.len() as u64, 1000));
            }
            other => panic!("{format:?}: expected TooLarge, got {other:?}"),
        }
        assert!(matches!(
            parse_detailed(&bytes, format, &limits),
            Err(ParseError::TooLarge { .. })
        ));
    }
    // At the limit is not over it.
    let at = Limits {
        max_input_bytes: bytes.len() as u64,
    };
    assert!(parse_detailed(&bytes, Format::Markdown, &at).is_ok());
    // The default limit is 64 MiB.
    let limit = Limits::default().max_input_bytes;
    assert_eq!(limit, 64 << 20);
    let huge = vec![b'a'; (limit + 1) as usize];
    assert!(matches!(
        parse_detailed(&huge, Format::Text, &Limits::default()),
        Err(ParseError::TooLarge { size, .. }) if size == limit + 1
    ));
}
