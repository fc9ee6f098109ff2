//! Round trips: `parse(markdown(doc)) == doc` in every contract field, and
//! the normalized Markdown is idempotent, for every fixture of the dev
//! corpus and of its variants.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use mresponse_export::to_markdown;
use mresponse_parse::{Document, Format, parse};

fn fixture_docs() -> Vec<(String, Document)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    let mut paths: Vec<_> = ["fixtures/dev", "fixtures/variants"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("fixtures"))
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let Some(format) = Format::from_path(&path) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("readable");
        let Ok(doc) = parse(&bytes, format) else {
            continue;
        };
        docs.push((path.display().to_string(), doc));
    }
    docs
}

#[test]
fn markdown_reads_back_to_the_same_document() {
    for (name, doc) in fixture_docs() {
        let md = to_markdown(&doc);
        let back =
            parse(md.as_bytes(), Format::Markdown).unwrap_or_else(|e| panic!("{name}: {e}\n{md}"));
        assert_eq!(
            serde_json::to_value(back.contract_view()).expect("json"),
            serde_json::to_value(doc.contract_view()).expect("json"),
            "{name}: round trip differs; markdown was:\n{md}"
        );
        let again = to_markdown(&back);
        assert_eq!(again, md, "{name}: markdown is not idempotent");
    }
}

mod generated {
    //! Generated documents: any words (Markdown and HTML punctuation,
    //! labels, numbers, non-ASCII) in every field. The few shapes that the
    //! format itself cannot tell apart are not generated; each is named
    //! where it is excluded.

    use mresponse_export::to_markdown;
    use mresponse_parse::responsible::split_responsible;
    use mresponse_parse::timeframe::parse_time_frame;
    use mresponse_parse::vocab;
    use mresponse_parse::{
        Contributor, Document, Format, KeyAction, Language, Layout, Note, Recommendation, Response,
        Tracking, cleantext::clean, parse,
    };
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "plan",
        "UNDP",
        "Unit",
        "é",
        "Évaluation",
        "中文",
        "naïve",
        "|",
        "*",
        "**",
        "_",
        "<b>",
        "</b>",
        "<br>",
        "&amp;",
        "&",
        "\\",
        "#",
        "[x]",
        "`code`",
        "1.",
        "2)",
        "-",
        "+",
        "–",
        "“quoted”",
        "Recommendation",
        "Status:",
        "Comments",
        "Page",
        "3",
        "of",
        "10",
        "Q2",
        "2021",
        "Accepted",
        "Note:",
        "Position:",
        "by",
        "x:",
        "!",
        "~",
        "=",
        ">",
        "1.1",
        "a)",
        "•",
        "†",
        "Réponse",
        "Recomendacion",
    ];

    fn line() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 1..8).prop_map(|w| clean(&w.join(" ")))
    }

    /// A text field: paragraphs of lines. Excluded: a paragraph that starts
    /// with a footnote marker (`*`, `†`, `3 Status…`), which MODEL.md reads
    /// as a note.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::collection::vec(line(), 1..3), 1..3)
            .prop_map(|paras| {
                let paras: Vec<String> = paras.into_iter().map(|lines| lines.join("\n")).collect();
                clean(&paras.join("\n\n"))
            })
            // Excluded: a paragraph that starts with a footnote marker (MODEL.md
            // reads it as a note) or with a label (`Recommendation 3`, `Note:`,
            // `Key actions`), which opens that field.
            .prop_filter("a paragraph starting with a marker or a label", |t| {
                t.split("\n\n").all(|p| {
                    !p.starts_with(['*', '†', '‡'])
                        && !starts_with_number_marker(p)
                        && mresponse_parse::labels::find_label(p).is_none()
                        && mresponse_parse::labels::find_title_label(p).is_none()
                })
            })
    }

    /// A footnote's number (`3 UNDP`: one or two digits, a space, a
    /// capital), which MODEL.md reads as a note's marker.
    fn starts_with_number_marker(p: &str) -> bool {
        let digits = p.bytes().take_while(u8::is_ascii_digit).count();
        let mut after = p[digits..].chars();
        (1..=2).contains(&digits)
            && after.next() == Some(' ')
            && after.next().is_some_and(char::is_uppercase)
    }

    fn single_line() -> impl Strategy<Value = String> {
        line().prop_filter("not empty", |l| !l.is_empty())
    }

    /// A contributor's name, position or unit. Excluded: a colon, since a
    /// header line that holds `Position:` or `Unit:` further on is read as
    /// several fields (pandoc joins a two-line header into one line).
    fn header_value() -> impl Strategy<Value = String> {
        single_line().prop_filter("a colon in a header value", |v| !v.contains(':'))
    }

    /// A key action's description. Excluded: one that only says there is
    /// nothing (`–`, `N/A`), which with empty cells is no key action.
    fn description() -> impl Strategy<Value = String> {
        single_line().prop_filter("a placeholder description", |d| {
            let d = d.trim_end_matches('.').to_lowercase();
            !["-", "–", "—", "n/a", "na", "none", "nil", "...", "…", ""].contains(&d.as_str())
        })
    }

    fn action(lang: Language) -> impl Strategy<Value = KeyAction> {
        let v = vocab::of(lang);
        let statuses: Vec<&'static str> = v.statuses.iter().map(|(w, _)| *w).collect();
        (
            prop::option::of("[1-9]\\.[1-9]"),
            description(),
            prop::option::of(prop::sample::select(vec![
                "Q2 2021",
                "By 30 March 2020",
                "Ongoing",
                "TBD",
                "Immediately",
                "2021–2022",
                "31/12/2021",
            ])),
            prop::collection::vec("[A-Z]{2,5}( [A-Z][a-z]{2,8})?", 0..3),
            prop::option::of(prop::sample::select(statuses)),
            prop::option::of(single_line()),
        )
            .prop_map(|(id, description, time, responsible, status, comments)| {
                let responsible: Vec<String> = responsible
                    .into_iter()
                    .flat_map(|r| split_responsible(&r))
                    .collect();
                KeyAction {
                    id,
                    description,
                    time_frame: parse_time_frame(time.unwrap_or("")).frame,
                    responsible,
                    tracking: Tracking {
                        status: status.and_then(vocab::status),
                        status_text: status.map(str::to_string),
                        comments,
                    },
                    line: None,
                }
            })
    }

    fn recommendation(lang: Language) -> impl Strategy<Value = Recommendation> {
        let decisions: Vec<&'static str> =
            vocab::of(lang).decisions.iter().map(|(w, _)| *w).collect();
        (
            "[1-9][0-9]?[a-c]?",
            text(),
            prop::option::of(prop::sample::select(decisions)),
            prop::option::of(text()),
            prop::collection::vec(action(lang), 0..3),
        )
            .prop_map(
                |(id, text, decision, comment, key_actions)| Recommendation {
                    id,
                    text,
                    response: Response {
                        decision: decision.and_then(vocab::decision).map(|(d, _)| d),
                        decision_text: decision.map(str::to_string),
                        comment,
                    },
                    key_actions,
                    line: None,
                },
            )
            // Excluded: no decision and a comment that starts with a decision
            // word, which then reads as the decision.
            .prop_filter(
                "a comment starting with a decision word reads as one",
                |r| {
                    r.response.decision.is_some()
                        || r.response.comment.as_deref().is_none_or(|c| {
                            let first: Vec<&str> = c.split_whitespace().take(3).collect();
                            (1..=first.len()).all(|n| {
                                vocab::decision(
                                    first[..n].join(" ").trim_end_matches([',', '.', ':', ';']),
                                )
                                .is_none()
                            })
                        })
                },
            )
    }

    fn document() -> impl Strategy<Value = Document> {
        prop::sample::select(vec![Language::En, Language::Fr, Language::Es]).prop_flat_map(|lang| {
            let roles: Vec<&'static str> = vocab::of(lang).roles.to_vec();
            (
                prop::option::of(
                    single_line().prop_filter(
                        "a title starts and ends with a letter or digit",
                        |t| {
                            t.starts_with(char::is_alphanumeric)
                                && t.ends_with(char::is_alphanumeric)
                        },
                    ),
                ),
                prop::collection::vec(
                    (
                        prop::sample::select(roles),
                        prop::option::of(header_value()),
                        prop::option::of(header_value()),
                        prop::option::of(header_value()),
                    ),
                    0..3,
                ),
                prop::option::of(text()),
                prop::collection::vec(recommendation(lang), 1..4),
                // Excluded: a note text that starts with a `Note:` label, which
                // MODEL.md strips.
                prop::collection::vec(
                    (
                        prop::sample::select(vec![
                            None,
                            Some("*"),
                            Some("**"),
                            Some("1"),
                            Some("†"),
                        ]),
                        single_line().prop_filter("starts with Note:", |t| {
                            mresponse_parse::labels::find_label(t)
                                .is_none_or(|m| m.label != vocab::Label::Note)
                        }),
                    ),
                    0..3,
                ),
                any::<bool>(),
            )
                .prop_map(
                    move |(title, people, overall, recommendations, notes, matrix)| {
                        let mut doc = Document::empty();
                        doc.language = lang;
                        doc.layout = if matrix {
                            Layout::Matrix
                        } else {
                            Layout::Blocks
                        };
                        doc.title = title;
                        doc.contributors = people
                            .into_iter()
                            .map(|(role, name, position, unit)| Contributor {
                                role: capitalise(role),
                                name,
                                position,
                                unit,
                            })
                            .collect();
                        doc.overall_comments = overall;
                        doc.recommendations = recommendations;
                        doc.notes = notes
                            .into_iter()
                            .map(|(m, text)| Note {
                                marker: m.map(str::to_string),
                                text,
                            })
                            .collect();
                        doc
                    },
                )
        })
    }

    fn capitalise(s: &str) -> String {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    fn json(doc: &Document) -> serde_json::Value {
        serde_json::to_value(doc.contract_view()).expect("serialisable")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn generated_documents_read_back(doc in document()) {
            let md = to_markdown(&doc);
            let back = parse(md.as_bytes(), Format::Markdown);
            prop_assert!(back.is_ok(), "{:?}\n{md}", back.err());
            let back = back.expect("checked");
            prop_assert_eq!(json(&back), json(&doc), "markdown was:\n{}", md);
            prop_assert_eq!(to_markdown(&back), md);
        }
    }
}
