#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

/// Asserts the kind and due date a text reads as.
#[track_caller]
fn check(text: &str, kind: TimeFrameKind, due: Option<&str>) {
    let parsed = parse_time_frame(text);
    assert_eq!(parsed.frame.kind, kind, "kind of {text:?}");
    assert_eq!(parsed.frame.due.as_deref(), due, "due of {text:?}");
    assert_eq!(parsed.frame.text.as_deref(), Some(text.trim()), "text");
}

#[track_caller]
fn due(text: &str, due: &str) {
    check(text, TimeFrameKind::Deadline, Some(due));
}

#[track_caller]
fn other(text: &str) {
    check(text, TimeFrameKind::Other, None);
}

#[test]
fn empty_cell_is_unknown_without_text() {
    for text in ["", "   ", "\n\t "] {
        let parsed = parse_time_frame(text);
        assert_eq!(
            parsed.frame,
            TimeFrame {
                text: None,
                kind: TimeFrameKind::Unknown,
                due: None
            }
        );
        assert!(!parsed.ambiguous);
    }
}

#[test]
fn text_is_kept_as_written_trimmed() {
    let parsed = parse_time_frame("  End of  March 2020. \n");
    assert_eq!(parsed.frame.text.as_deref(), Some("End of  March 2020."));
    assert_eq!(parsed.frame.due.as_deref(), Some("2020-03-31"));
}

#[test]
fn model_examples() {
    due("By 30 March 2020", "2020-03-30");
    due("March 2020", "2020-03-31");
    due("End of March 2020", "2020-03-31");
    due("Q2 2021", "2021-06-30");
    due("Mid-2021", "2021-06-30");
    due("H1 2021", "2021-06-30");
    due("June 2021", "2021-06-30");
    due("2021", "2021-12-31");
    due("End of 2021", "2021-12-31");
    due("December 2021", "2021-12-31");
    due("2021-2022", "2022-12-31");
    due("2021–2022", "2022-12-31");
    due("2020-12-31", "2020-12-31");
    due("31/12/2020", "2020-12-31");
    due("31.12.2020", "2020-12-31");
    due("12/31/2020", "2020-12-31");
    due("D'ici le 30 juin 2021", "2021-06-30");
    due("Juin 2021", "2021-06-30");
    due("T2 2021", "2021-06-30");
    due("Para el 30 de junio de 2021", "2021-06-30");
    due("Junio de 2021", "2021-06-30");
    due("Fin de 2021", "2021-12-31");
    due("D'ici fin 2022", "2022-12-31");
    due("Finales de 2021", "2021-12-31");
    due("2019/03", "2019-03-31");
    due("03/2019", "2019-03-31");
    due("Dec 2009", "2009-12-31");
    due("1st Quarter, 2018", "2018-03-31");
}

#[test]
fn model_word_lists() {
    use TimeFrameKind::*;
    let lists: [(Vec<&str>, TimeFrameKind); 3] = [
        (
            vec![
                "Ongoing",
                "Continuous",
                "Continuing",
                "Permanent",
                "Recurrent",
                "Annual",
                "Regular",
                "En cours",
                "Continu",
                "Permanente",
                "En curso",
                "Continuo",
            ],
            Ongoing,
        ),
        (
            vec![
                "Done",
                "Completed",
                "Already implemented",
                "Achevé",
                "Réalisé",
                "Terminé",
                "Completado",
                "Realizado",
            ],
            Done,
        ),
        (
            vec![
                "Unknown",
                "TBD",
                "To be determined",
                "Subject to funding",
                "No due date",
                "À déterminer",
                "Por determinar",
            ],
            Unknown,
        ),
    ];
    for (words, kind) in lists {
        for word in words {
            check(word, kind, None);
            check(&format!("{word}."), kind, None);
            check(&word.to_uppercase(), kind, None);
        }
    }
}

/// Forms of MODEL.md's words that say the same: `Annually`, `Every year`
/// and `Chaque année` are ongoing as `Annual` is; `Not yet determined` and
/// `Sin fecha` are unknown as `To be determined` and `No due date` are;
/// `Throughout 2025` is due at its end as `Courant 2025` is. A frequency
/// in no list (`Quarterly`) is other, as MODEL.md says of anything else.
#[test]
fn forms_of_the_listed_words() {
    use TimeFrameKind::*;
    for word in [
        "Annually",
        "Every year",
        "Regularly",
        "Chaque année",
        "Régulièrement",
        "Anualmente",
        "Regularmente",
    ] {
        check(word, Ongoing, None);
    }
    for word in ["Quarterly", "Monthly", "Trimestriel", "Mensual"] {
        other(word);
    }
    for word in [
        "Not yet determined",
        "To be decided",
        "Pending funding",
        "Non déterminé",
        "Sans date",
        "À préciser",
        "Sin fecha",
        "Sin definir",
        "Sujeto a disponibilidad de fondos",
    ] {
        check(word, Unknown, None);
    }
    for text in [
        "Throughout 2025",
        "In the course of 2025",
        "Tout au long de 2025",
        "Durant 2025",
        "A lo largo de 2025",
        "En el transcurso de 2025",
    ] {
        due(text, "2025-12-31");
    }
}

#[test]
fn day_month_order() {
    let amb = |t: &str| parse_time_frame(t).ambiguous;
    due("05/06/2021", "2021-06-05");
    assert!(amb("05/06/2021"));
    due("05.06.2021", "2021-06-05");
    assert!(amb("05.06.2021"));
    due("06/06/2021", "2021-06-06");
    assert!(!amb("06/06/2021"));
    assert!(!amb("31/12/2020"));
    assert!(!amb("12/31/2020"));
    assert!(!amb("2020-12-31"));
    due("13/01/2021", "2021-01-13");
    due("1/13/2021", "2021-01-13");
    due("31-12-2020", "2020-12-31");
    other("31/31/2020");
    other("30/02/2021");
    other("02/30/2021");
    other("00/01/2021");
    other("31/12/20");
}

#[test]
fn leap_years() {
    due("End of February 2024", "2024-02-29");
    due("February 2023", "2023-02-28");
    due("February 2000", "2000-02-29");
    due("February 2100", "2100-02-28");
    due("29/02/2024", "2024-02-29");
    other("29/02/2023");
    other("2023-02-29");
}

#[test]
fn every_dev_corpus_time_frame() {
    // Every distinct time frame of the dev corpus golds.
    let cases: &[(&str, TimeFrameKind, Option<&str>)] = {
        use TimeFrameKind::*;
        &[
            ("12/31/2021", Deadline, Some("2021-12-31")),
            ("2021-2022", Deadline, Some("2022-12-31")),
            ("2021–2023", Deadline, Some("2023-12-31")),
            ("2021–2024", Deadline, Some("2024-12-31")),
            ("2022", Deadline, Some("2022-12-31")),
            ("2022-09-15", Deadline, Some("2022-09-15")),
            ("2022-2023", Deadline, Some("2023-12-31")),
            ("2023–2025", Deadline, Some("2025-12-31")),
            ("30.06.2022", Deadline, Some("2022-06-30")),
            ("31/12/2021", Deadline, Some("2021-12-31")),
            ("Already implemented", Done, None),
            ("Annual", Ongoing, None),
            ("By 15 March 2022", Deadline, Some("2022-03-15")),
            ("By 30 June 2020", Deadline, Some("2020-06-30")),
            ("By 30 March 2020", Deadline, Some("2020-03-30")),
            ("By 30 September 2020", Deadline, Some("2020-09-30")),
            ("By 30 September 2021", Deadline, Some("2021-09-30")),
            ("By 31 March 2022", Deadline, Some("2022-03-31")),
            ("Completed", Done, None),
            ("Continuous", Ongoing, None),
            ("D'ici le 30 juin 2021", Deadline, Some("2021-06-30")),
            ("December 2021", Deadline, Some("2021-12-31")),
            ("December 2022", Deadline, Some("2022-12-31")),
            ("Done", Done, None),
            ("Décembre 2021", Deadline, Some("2021-12-31")),
            ("En cours", Ongoing, None),
            ("En curso", Ongoing, None),
            ("End of 2020", Deadline, Some("2020-12-31")),
            ("End of 2022", Deadline, Some("2022-12-31")),
            ("End of February 2024", Deadline, Some("2024-02-29")),
            ("Fin de 2021", Deadline, Some("2021-12-31")),
            ("Finales de 2022", Deadline, Some("2022-12-31")),
            ("H1 2022", Deadline, Some("2022-06-30")),
            ("H2 2022", Deadline, Some("2022-12-31")),
            ("Immediately", Other, None),
            ("June 2021", Deadline, Some("2021-06-30")),
            ("Junio de 2022", Deadline, Some("2022-06-30")),
            ("March 2023", Deadline, Some("2023-03-31")),
            ("Mars 2022", Deadline, Some("2022-03-31")),
            ("Marzo de 2023", Deadline, Some("2023-03-31")),
            ("Mid-2022", Deadline, Some("2022-06-30")),
            ("Mid-2023", Deadline, Some("2023-06-30")),
            ("October 2022", Deadline, Some("2022-10-31")),
            ("Ongoing", Ongoing, None),
            ("Para el 30 de junio de 2023", Deadline, Some("2023-06-30")),
            (
                "Para el 31 de diciembre de 2021",
                Deadline,
                Some("2021-12-31"),
            ),
            ("Por determinar", Unknown, None),
            ("Q1 2022", Deadline, Some("2022-03-31")),
            ("Q1 2023", Deadline, Some("2023-03-31")),
            ("Q1 2025", Deadline, Some("2025-03-31")),
            ("Q2 2021", Deadline, Some("2021-06-30")),
            ("Q2 2022", Deadline, Some("2022-06-30")),
            ("Q2 2023", Deadline, Some("2023-06-30")),
            ("Q3 2021", Deadline, Some("2021-09-30")),
            ("Q3 2022", Deadline, Some("2022-09-30")),
            ("Q4 2021", Deadline, Some("2021-12-31")),
            ("Q4 2022", Deadline, Some("2022-12-31")),
            ("Recurrent", Ongoing, None),
            ("Subject to funding", Unknown, None),
            ("T3 2022", Deadline, Some("2022-09-30")),
            ("TBD", Unknown, None),
            ("Unknown", Unknown, None),
            ("À déterminer", Unknown, None),
        ]
    };
    for (text, kind, due) in cases {
        check(text, *kind, *due);
    }
}

#[test]
fn fixture_golds_agree() {
    // Reads every gold of the dev fixtures and checks each time frame.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut seen = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for rec in json["recommendations"].as_array().unwrap() {
            for action in rec["key_actions"].as_array().unwrap() {
                let gold: TimeFrame = serde_json::from_value(action["time_frame"].clone()).unwrap();
                let text = gold.text.clone().unwrap_or_default();
                assert_eq!(parse_time_frame(&text).frame, gold, "{}", path.display());
                seen += 1;
            }
        }
    }
    assert!(seen > 50, "only {seen} time frames in {}", dir.display());
}

#[test]
fn french_and_spanish_forms() {
    due("Décembre 2021", "2021-12-31");
    due("Mars 2022", "2022-03-31");
    due("T3 2022", "2022-09-30");
    due("D’ici fin 2022", "2022-12-31");
    due("D'ici la fin de 2022", "2022-12-31");
    due("Fin juin 2022", "2022-06-30");
    due("Au plus tard le 15 mars 2022", "2022-03-15");
    due("1er trimestre 2022", "2022-03-31");
    due("Premier trimestre 2022", "2022-03-31");
    due("2e semestre 2022", "2022-12-31");
    due("Deuxième semestre de 2022", "2022-12-31");
    due("S1 2022", "2022-06-30");
    due("Mi-2022", "2022-06-30");
    due("Courant 2022", "2022-12-31");
    due("Le 1er juin 2021", "2021-06-01");
    due("Para el 31 de diciembre de 2021", "2021-12-31");
    due("Junio de 2022", "2022-06-30");
    due("Marzo de 2023", "2023-03-31");
    due("Finales de 2022", "2022-12-31");
    due("A finales de 2022", "2022-12-31");
    due("Para finales de 2022", "2022-12-31");
    due("Primer trimestre de 2022", "2022-03-31");
    due("Segundo semestre de 2022", "2022-12-31");
    due("Trimestre 2 2022", "2022-06-30");
    due("1º de julio de 2022", "2022-07-01");
    due("Mediados de 2022", "2022-06-30");
    due("A más tardar el 30 de septiembre de 2022", "2022-09-30");
    due("Septiembre de 2022", "2022-09-30");
}

#[test]
fn generous_variants() {
    due("by end-2021", "2021-12-31");
    due("By the end of 2021", "2021-12-31");
    due("by end of Q3 2022", "2022-09-30");
    due("end June 2022", "2022-06-30");
    due("30 June 2021", "2021-06-30");
    due("30th June 2021", "2021-06-30");
    due("30th of June 2021", "2021-06-30");
    due("June 30, 2021", "2021-06-30");
    due("June 30th, 2021", "2021-06-30");
    due("Dec. 31, 2021", "2021-12-31");
    due("30-Jun-2021", "2021-06-30");
    due("Sept. 2022", "2022-09-30");
    due("Abr. 2026", "2026-04-30");
    due("Ago 2025", "2025-08-31");
    due("fév. 2026", "2026-02-28");
    due("15 ago. 2025", "2025-08-15");
    due("Q1-2022", "2022-03-31");
    due("Q1/2022", "2022-03-31");
    due("Q1 of 2022", "2022-03-31");
    due("2022 Q1", "2022-03-31");
    due("first quarter of 2022", "2022-03-31");
    due("Fourth Quarter 2022", "2022-12-31");
    due("mid 2022", "2022-06-30");
    due("By mid-2022", "2022-06-30");
    due("Middle of 2022", "2022-06-30");
    due("second half of 2022", "2022-12-31");
    due("First half 2022", "2022-06-30");
    due("H2 2022.", "2022-12-31");
    due("Late 2022", "2022-12-31");
    due("In 2022", "2022-12-31");
    due("During Q2 2022", "2022-06-30");
    due("No later than 31 March 2022", "2022-03-31");
    due("Until June 2022", "2022-06-30");
    due("2021 - 2023", "2023-12-31");
    due("2021/2022", "2022-12-31");
    due("2021-22", "2022-12-31");
    due("2021 to 2023", "2023-12-31");
    due("2021 à 2023", "2023-12-31");
    due("2021 a 2023", "2023-12-31");
    due("Q1 2022 - Q3 2022", "2022-09-30");
    due("January 2022 – June 2022", "2022-06-30");
    due("2022-01-01 - 2022-06-30", "2022-06-30");
    due("Q4 2021/Q1 2022", "2022-03-31");
    due("December 2021 / January 2022", "2022-01-31");
    due("2019-3", "2019-03-31");
    due("3/2019", "2019-03-31");
    due("2022\u{a0}Q3", "2022-09-30");
    due("Q3\u{a0}2022", "2022-09-30");
}

#[test]
fn ranges_whose_first_end_leaves_its_year_to_the_second() {
    due("Jan–Mar 2023", "2023-03-31");
    due("Jan-Mar 2023", "2023-03-31");
    due("March–June 2022", "2022-06-30");
    due("January to June 2023", "2023-06-30");
    due("From January to June 2023", "2023-06-30");
    due("Q3-Q4 2020", "2020-12-31");
    due("Q1–Q2 2024", "2024-06-30");
    due("Juin–décembre 2023", "2023-12-31");
    due("Janvier à mars 2024", "2024-03-31");
    due("Enero a marzo de 2024", "2024-03-31");
    due("De enero a junio de 2024", "2024-06-30");
    // The borrowed year must make a valid range.
    other("Dec–Jan 2023");
}

#[test]
fn words_around_a_date_that_mean_by_it() {
    due("D'ici à mai 2024", "2024-05-31");
    due("D'ici à fin 2023", "2023-12-31");
    due("D'ici au 30 juin 2024", "2024-06-30");
    due("D'ici à la fin de 2023", "2023-12-31");
    due("Au 31 décembre 2023", "2023-12-31");
    due("Décembre 2023 au plus tard", "2023-12-31");
    due("June 2024 at the latest", "2024-06-30");
    due("Al 31 de enero de 2024", "2024-01-31");
    due("Fin du T2 2024", "2024-06-30");
    due("Fin du premier semestre 2024", "2024-06-30");
    due("Fin del primer semestre de 2024", "2024-06-30");
    due("Within 2023", "2023-12-31");
    due("Q2 2023*", "2023-06-30");
    other("Within six months");
    other("au plus tard");
}

#[test]
fn period_nouns_before_their_number() {
    due("Quarter 3 2023", "2023-09-30");
    due("Semestre 2 2024", "2024-12-31");
    due("II trimestre de 2023", "2023-06-30");
    due("IV trimestre 2023", "2023-12-31");
    other("Quarter 5 2023");
}

#[test]
fn more_words_of_kinds() {
    for (text, kind) in [
        ("Récurrent", TimeFrameKind::Ongoing),
        ("En continu", TimeFrameKind::Ongoing),
        ("Recurring", TimeFrameKind::Ongoing),
        ("Recurrente", TimeFrameKind::Ongoing),
        ("Already completed", TimeFrameKind::Done),
        ("À définir", TimeFrameKind::Unknown),
        ("Por definir", TimeFrameKind::Unknown),
    ] {
        check(text, kind, None);
    }
}

#[test]
fn before_means_strictly_before() {
    due("Before 2022", "2021-12-31");
    due("Before June 2022", "2022-05-31");
    due("Before 30 June 2022", "2022-06-29");
    due("Before 1 January 2022", "2021-12-31");
    due("Before Q3 2022", "2022-06-30");
    due("Before the end of 2022", "2022-12-31");
    due("Avant le 30 juin 2022", "2022-06-29");
    due("Antes de 2023", "2022-12-31");
}

#[test]
fn unsure_texts_are_other() {
    for text in [
        "Immediately",
        "early 2022",
        "Beginning of 2022",
        "Within six months",
        "FY2022",
        "December",
        "Q5 2022",
        "H3 2022",
        "Q0 2022",
        "2022-2021",
        "32 March 2022",
        "Mid-June 2022",
        "June 2021 (tentative)",
        "Q1 2022\nQ2 2022",
        "1899",
        "12345",
        "end",
        "by",
        "Mid-",
        "2022 2023",
        "-",
        "Q2 2021 and Q3 2021",
    ] {
        other(text);
    }
}

/// The last day of a month.
fn last_day(year: u32, month: u32) -> u32 {
    days_in_month(year, month)
}

fn month_name() -> impl Strategy<Value = (String, u32)> {
    let names: Vec<(String, u32)> = ALL
        .iter()
        .flat_map(|v| v.months.iter())
        .flat_map(|(name, m)| {
            let mut title = name.to_string();
            if let Some(first) = title.get(..1) {
                title = first.to_uppercase() + title.get(1..).unwrap_or("");
            }
            [(name.to_string(), *m), (title, *m)]
        })
        .collect();
    proptest::sample::select(names)
}

fn quarter_letter() -> impl Strategy<Value = (String, u32)> {
    let letters: Vec<(String, u32)> = ALL
        .iter()
        .flat_map(|v| v.period_letters.iter())
        .map(|(l, len)| (l.to_string(), *len))
        .collect();
    proptest::sample::select(letters)
}

/// Asserts that a text reads as a deadline due on `expected`, not before
/// `start`, and that the due date is a real date.
fn assert_due(text: &str, start: (u32, u32, u32), expected: (u32, u32, u32)) {
    let parsed = parse_time_frame(text);
    let expected = format!("{:04}-{:02}-{:02}", expected.0, expected.1, expected.2);
    let start = format!("{:04}-{:02}-{:02}", start.0, start.1, start.2);
    assert_eq!(parsed.frame.kind, TimeFrameKind::Deadline, "{text:?}");
    let due = parsed.frame.due.unwrap();
    assert!(due >= start, "{text:?}: {due} before {start}");
    assert_eq!(due, expected, "{text:?}");
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,80}") {
        let parsed = parse_time_frame(&text);
        if let Some(due) = parsed.frame.due {
            prop_assert_eq!(parsed.frame.kind, TimeFrameKind::Deadline);
            prop_assert!(real_date(&due), "{}", due);
        } else {
            prop_assert_ne!(parsed.frame.kind, TimeFrameKind::Deadline);
        }
    }

    #[test]
    fn date_like_text_never_panics(
        text in "[0-9 /.,\\-–QqHhTtSs]{0,20}( ?(June|juin|junio|de|of|mid|by|end|before|avant|Q|T|H|S|1st|2e|º|a|to|-)){0,4}[0-9 /.\\-]{0,12}"
    ) {
        let parsed = parse_time_frame(&text);
        if let Some(due) = parsed.frame.due {
            prop_assert!(real_date(&due), "{}", due);
        }
    }

    #[test]
    fn quarters_and_halves((letter, len) in quarter_letter(), index in 1u32..=4, year in 1900u32..=2199) {
        prop_assume!(index * len <= 12);
        let last = index * len;
        let text = format!("{} {year}", format!("{}{index}", letter.trim_end()).to_uppercase());
        let text = if letter.ends_with(' ') { format!("{}{index} {year}", letter) } else { text };
        assert_due(&text, (year, last - len + 1, 1), (year, last, last_day(year, last)));
    }

    #[test]
    fn month_year((name, month) in month_name(), year in 1900u32..=2199, de in proptest::bool::ANY) {
        let text = if de { format!("{name} de {year}") } else { format!("{name} {year}") };
        assert_due(&text, (year, month, 1), (year, month, last_day(year, month)));
    }

    #[test]
    fn day_month_year((name, month) in month_name(), year in 1900u32..=2199, day in 1u32..=31) {
        prop_assume!(day <= last_day(year, month));
        let text = format!("{day} {name} {year}");
        assert_due(&text, (year, month, day), (year, month, day));
        let text = format!("By {day} {name} {year}");
        assert_due(&text, (year, month, day), (year, month, day));
    }

    #[test]
    fn year_alone(year in 1900u32..=2199) {
        assert_due(&year.to_string(), (year, 1, 1), (year, 12, 31));
        assert_due(&format!("End of {year}"), (year, 1, 1), (year, 12, 31));
    }

    #[test]
    fn year_ranges(first in 1900u32..=2199, span in 0u32..=5, dash in proptest::sample::select(vec!["-", "–", " - ", " – ", "/"])) {
        let last = first + span;
        prop_assume!(last <= 2199);
        let text = format!("{first}{dash}{last}");
        assert_due(&text, (first, 1, 1), (last, 12, 31));
    }

    #[test]
    fn numeric_day_first(year in 1900u32..=2199, month in 1u32..=12, day in 1u32..=31, sep in proptest::sample::select(vec!['/', '.', '-'])) {
        prop_assume!(day <= last_day(year, month));
        let text = format!("{day:02}{sep}{month:02}{sep}{year}");
        assert_due(&text, (year, month, day), (year, month, day));
        let parsed = parse_time_frame(&text);
        prop_assert_eq!(parsed.ambiguous, day <= 12 && day != month);
    }
}

/// Whether a `YYYY-MM-DD` text is a real date.
fn real_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    text.len() == 10 && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

#[test]
fn french_and_spanish_year_ends_abbreviations_and_ordinal_forms() {
    due("Fin de l'année 2024", "2024-12-31");
    due("Fin d’année 2025", "2025-12-31");
    due("D'ici la fin de l'année 2024", "2024-12-31");
    due("Jusqu’en juin 2025", "2025-06-30");
    due("1er trim. 2025", "2025-03-31");
    due("Fin de año 2024", "2024-12-31");
    due("2do semestre de 2024", "2024-12-31");
    due("2.º semestre de 2023", "2023-12-31");
    due("1.er trimestre de 2025", "2025-03-31");
    due("Para el 1.º de julio de 2025", "2025-07-01");
}

/// Every word of the dates of every language, as written in the tables and
/// capitalised, for texts built of the grammar's own parts.
fn date_word() -> impl Strategy<Value = String> {
    let words: Vec<String> = ALL
        .iter()
        .flat_map(|v| {
            let d = &v.dates;
            let plain = v.period_prefixes.iter().chain(d.before).chain(d.mid);
            let plain = plain
                .chain(d.ordinal_suffixes)
                .chain(d.fillers)
                .chain(d.range_words)
                .chain(d.after);
            let paired = v.months.iter().chain(v.period_letters).chain(d.ordinals);
            let paired = paired.chain(d.periods);
            plain.copied().chain(paired.map(|(w, _)| *w))
        })
        .flat_map(|w| [w.to_string(), w.to_uppercase()])
        .collect();
    proptest::sample::select(words)
}

/// A piece of a text that looks like a date without being one for sure: a
/// word, one to three digits, or a separator.
fn date_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        date_word(),
        "[0-9]{1,3}",
        proptest::sample::select(vec![" ", "-", "–", "/", ".", ",", " - ", "*", "'", "º"])
            .prop_map(String::from),
    ]
}

proptest! {
    /// The quick rejection of texts without four digits in a row rejects
    /// only texts the whole grammar reads as no date.
    #[test]
    fn no_year_digits_no_date(pieces in proptest::collection::vec(date_piece(), 0..12)) {
        let text = normalise(&vocab::fold(&pieces.concat()));
        if !has_year_digits(&text) {
            prop_assert_eq!(read_deadline(&text), None, "{:?}", text);
            prop_assert_eq!(numeric(&text), None, "{:?}", text);
            prop_assert_eq!(words(&text), None, "{:?}", text);
        }
    }
}

#[test]
fn year_digits_are_four_in_a_row() {
    assert!(has_year_digits("2021"));
    assert!(has_year_digits("q2 2021"));
    assert!(has_year_digits("by 12345"));
    assert!(!has_year_digits("q2 21"));
    assert!(!has_year_digits("12/05/21"));
    assert!(!has_year_digits("20 21"));
    assert!(!has_year_digits(""));
}
