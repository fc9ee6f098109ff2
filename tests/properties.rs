//! Properties of the whole parse (issue 8): any bytes in any format give a
//! document or a typed error, never a panic; generated Markdown documents
//! made of the pieces real ones are made of (labels in three languages,
//! pipe and tab tables, nested lists, inline and block HTML, emphasis,
//! quotes, random text) never panic either; and parsing time grows in
//! proportion to size.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use mresponse_parse::{Format, Limits, parse_detailed};
use proptest::collection::vec;
use proptest::prelude::*;

const FORMATS: [Format; 4] = [Format::Markdown, Format::Text, Format::Html, Format::Docx];

fn parse(bytes: &[u8], format: Format) {
    // Ok or Err: either is an answer; a panic fails the property.
    let _ = parse_detailed(bytes, format, &Limits::default());
}

/// Labels as documents write them, in English, French and Spanish, with
/// the markup around them that real documents use.
fn label() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Recommendation 1:",
        "Recommendation 2.",
        "Recommendation 3a:",
        "**Recommendation 4:**",
        "<b>Recommendation 5:</b>",
        "Recommandation 1 :",
        "Recomendación 2.",
        "Management response:",
        "**Management Response:** Accepted",
        "Réponse de la direction : Acceptée",
        "Respuesta de la gerencia: Aceptada",
        "Key actions",
        "Key action(s):",
        "Actions clés",
        "Time frame:",
        "Responsible unit(s):",
        "Status:",
        "Comments:",
        "Tracking*",
        "Overall comments:",
        "Prepared by:",
        "Position:",
        "Unit/Bureau:",
        "Note:",
        "Management Response to the Evaluation of",
        "Accepted",
        "Partially accepted –",
        "Rejected.",
        "Q2 2024",
        "December 2023",
        "Ongoing",
        "Completed",
    ]);
    (words, text()).prop_map(|(w, t)| format!("{w} {t}"))
}

/// Short random text, heavy in the characters that open Markdown and HTML
/// constructs.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Zéñ0-9 .,:;*_<>|#&\\[\\]()!`~\\-\\t\u{a0}]{0,40}"
}

/// A pipe table of random shape.
fn pipe_table() -> impl Strategy<Value = String> {
    (1usize..6, 0usize..5, vec(text(), 0..30)).prop_map(|(cols, rows, cells)| {
        let mut cells = cells.into_iter().cycle();
        let mut out = String::from("| Key action | Time frame |");
        for _ in 2..cols {
            out.push_str(" Responsible |");
        }
        out.push('\n');
        out.push_str(&"|---".repeat(cols.max(2)));
        out.push_str("|\n");
        for _ in 0..rows {
            for _ in 0..cols {
                out.push_str("| ");
                out.push_str(&cells.next().unwrap_or_default().replace('|', "/"));
                out.push(' ');
            }
            out.push_str("|\n");
        }
        out
    })
}

/// A tab-separated row, as pasted from Word.
fn tab_row() -> impl Strategy<Value = String> {
    vec(text(), 1..6).prop_map(|cells| cells.join("\t"))
}

/// A list, nested to a random depth.
fn list() -> impl Strategy<Value = String> {
    vec((0usize..6, prop::bool::ANY, text()), 1..8).prop_map(|items| {
        items
            .into_iter()
            .map(|(depth, numbered, t)| {
                let marker = if numbered { "1." } else { "-" };
                format!("{}{marker} {t}", "   ".repeat(depth))
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Inline and block HTML, closed or not.
fn html() -> impl Strategy<Value = String> {
    let tags = prop::sample::select(vec![
        "<b>",
        "</b>",
        "<strong>",
        "<br>",
        "<sup>1</sup>",
        "<p>",
        "</p>",
        "<table><tr><th>Key action</th><th>Time frame</th></tr>",
        "<tr><td>",
        "</td><td colspan=\"3\">",
        "<td rowspan=\"0\">",
        "</table>",
        "<ul><li>",
        "</li></ul>",
        "<!-- comment",
        "-->",
        "&amp;",
        "&#x2014;",
        "&nbsp;",
    ]);
    vec((tags, text()), 1..8).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(tag, t)| format!("{tag}{t}"))
            .collect()
    })
}

/// One piece of a generated document.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => label(),
        2 => text(),
        1 => pipe_table(),
        1 => tab_row(),
        1 => list(),
        1 => html(),
        1 => text().prop_map(|t| format!("> {t}")),
        1 => text().prop_map(|t| format!("# {t}")),
        1 => Just(String::new()),
        1 => Just("---".to_string()),
        1 => Just("Page 2 of 9".to_string()),
    ]
}

/// A Markdown document of generated pieces, one or two newlines apart.
fn document() -> impl Strategy<Value = String> {
    vec((piece(), prop::bool::ANY), 1..40).prop_map(|pieces| {
        let mut out = String::new();
        for (p, blank) in pieces {
            out.push_str(&p);
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_in_any_format_never_panic(bytes in vec(any::<u8>(), 0..4096)) {
        for format in FORMATS {
            parse(&bytes, format);
        }
        // Random bytes nearly always hold a NUL, which the sniffing refuses
        // as binary at once: the same bytes without it reach the readers.
        let no_nul: Vec<u8> = bytes.iter().map(|&b| if b == 0 { b'\n' } else { b }).collect();
        for format in [Format::Markdown, Format::Text, Format::Html] {
            parse(&no_nul, format);
        }
        // Past the zip sniffing, into the zip reader.
        let mut zipish = b"PK\x03\x04".to_vec();
        zipish.extend_from_slice(&bytes);
        parse(&zipish, Format::Docx);
    }

    #[test]
    fn any_text_in_any_text_format_never_panics(text in "\\PC{0,600}") {
        for format in [Format::Markdown, Format::Text, Format::Html] {
            parse(text.as_bytes(), format);
        }
    }

    #[test]
    fn generated_markdown_never_panics(doc in document()) {
        parse(doc.as_bytes(), Format::Markdown);
        // The same pieces read as plain text and inside an HTML page.
        parse(doc.as_bytes(), Format::Text);
        parse(format!("<html><body>{doc}</body></html>").as_bytes(), Format::Html);
    }
}

/// Time of `reps` parses of `bytes`, best of three.
fn best_time(bytes: &[u8], reps: u32) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..reps {
                parse(bytes, Format::Markdown);
            }
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

proptest! {
    // Timing is costly: fewer cases, each measuring four sizes.
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A generated document repeated once and 8 times, three doublings:
    /// each should roughly double the time. The bound is generous for a
    /// busy machine, 3× per doubling (27× from 1 to 8 copies, where linear
    /// is 8× and quadratic 64×).
    #[test]
    fn parse_time_grows_in_proportion_to_size(doc in document()) {
        // At least 8 KB per copy, so that there is something to time.
        let mut unit = doc.clone();
        while unit.len() < 8 * 1024 {
            unit.push_str(&doc);
            unit.push('\n');
        }
        let one = unit.as_bytes();
        let mut reps = 1u32;
        while reps < 256 && best_time(one, reps) < Duration::from_millis(3) {
            reps *= 2;
        }
        // A busy machine only ever slows a measurement down, a quadratic
        // path slows every one: the smallest growth of three attempts counts.
        let copies: Vec<String> = [1usize, 8].iter().map(|&n| unit.repeat(n)).collect();
        let mut growth = f64::INFINITY;
        let mut times = (0.0, 0.0);
        for _ in 0..3 {
            let small = best_time(copies[0].as_bytes(), reps).as_secs_f64();
            let large = best_time(copies[1].as_bytes(), reps).as_secs_f64();
            if large / small.max(1e-9) < growth {
                growth = large / small.max(1e-9);
                times = (small, large);
            }
            if growth <= 27.0 {
                break;
            }
        }
        prop_assert!(
            growth <= 27.0,
            "8 copies took {growth:.1}× the time of one ({} bytes each; seconds {times:?})",
            one.len()
        );
    }
}
