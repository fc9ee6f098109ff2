#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(split_responsible(text), expected, "{text:?}");
}

#[test]
fn model_examples() {
    check("UNITAR CWM and PPME", &["UNITAR CWM", "PPME"]);
    check("Government and UNDP", &["Government", "UNDP"]);
    check(
        "Monitoring and Evaluation Unit",
        &["Monitoring and Evaluation Unit"],
    );
}

#[test]
fn a_cell_listing_its_units_gives_the_units_without_their_markers() {
    check(
        "- UNITAR CWM\n- UNDP Country Offices",
        &["UNITAR CWM", "UNDP Country Offices"],
    );
    check("1. UNITAR CWM\n2. WHO", &["UNITAR CWM", "WHO"]);
    check("• PMU, M&E", &["PMU", "M&E"]);
    // A number or dash that is the unit's own stays.
    check("2030 Agenda Unit", &["2030 Agenda Unit"]);
    check("-PMU", &["-PMU"]);
}

#[test]
fn every_dev_corpus_cell() {
    // Each responsible cell of the dev corpus inputs (entities decoded,
    // `<br>` given as a line break) with its gold array.
    let cases: &[(&str, &[&str])] = &[
        ("CWM", &["CWM"]),
        (
            "Climate Resilience Unit and Pacific Regional Hub",
            &["Climate Resilience Unit", "Pacific Regional Hub"],
        ),
        ("Climate Resilience Unit", &["Climate Resilience Unit"]),
        ("Communications Unit", &["Communications Unit"]),
        (
            "Country Office\nRegional Bureau Bangkok",
            &["Country Office", "Regional Bureau Bangkok"],
        ),
        (
            "Country Office\nRegional Office\nDivision for Human Resources",
            &[
                "Country Office",
                "Regional Office",
                "Division for Human Resources",
            ],
        ),
        (
            "Country Office\nRegional Office",
            &["Country Office", "Regional Office"],
        ),
        ("Country Office", &["Country Office"]),
        (
            "Education Section and WASH Section",
            &["Education Section", "WASH Section"],
        ),
        (
            "Fisheries Monitoring Unit/National Coast Guards",
            &["Fisheries Monitoring Unit/National Coast Guards"],
        ),
        (
            "Gender Focal Point and national partners",
            &["Gender Focal Point", "national partners"],
        ),
        ("M&E Unit", &["M&E Unit"]),
        (
            "Ministry of Health; Project Management Unit",
            &["Ministry of Health", "Project Management Unit"],
        ),
        (
            "Population Dynamics Unit\nNational Statistics Office",
            &["Population Dynamics Unit", "National Statistics Office"],
        ),
        (
            "Project Management Unit and Department of Local Government",
            &["Project Management Unit", "Department of Local Government"],
        ),
        (
            "Project Management Unit and Ministry of Health",
            &["Project Management Unit", "Ministry of Health"],
        ),
        (
            "Project Management Unit; Ministry of Public Utilities",
            &["Project Management Unit", "Ministry of Public Utilities"],
        ),
        (
            "Regional Coordination Unit & Communications Unit",
            &["Regional Coordination Unit", "Communications Unit"],
        ),
        (
            "Regional Office, Country Offices",
            &["Regional Office", "Country Offices"],
        ),
        (
            "Regional Office; Policy Division",
            &["Regional Office", "Policy Division"],
        ),
        (
            "Programme Manager; Regional Office",
            &["Programme Manager", "Regional Office"],
        ),
        (
            "Resilience Unit, district administrations",
            &["Resilience Unit", "district administrations"],
        ),
        (
            "Skills Unit and training providers",
            &["Skills Unit", "training providers"],
        ),
        (
            "Supply Chain Unit; Programme Unit",
            &["Supply Chain Unit", "Programme Unit"],
        ),
        ("UNITAR CWM and UNDP MPU", &["UNITAR CWM", "UNDP MPU"]),
        ("UNDP MPU and UNITAR CWM", &["UNDP MPU", "UNITAR CWM"]),
        ("UNITAR CWM & PPME", &["UNITAR CWM", "PPME"]),
        ("UNITAR CWM, PPME", &["UNITAR CWM", "PPME"]),
        ("UNITAR CWM\nUNDP MPU", &["UNITAR CWM", "UNDP MPU"]),
        (
            "Unidad de Agua y ente regulador",
            &["Unidad de Agua", "ente regulador"],
        ),
        (
            "Unidad de Agua, oficinas municipales",
            &["Unidad de Agua", "oficinas municipales"],
        ),
        (
            "Unité de communication ; Unité de gouvernance",
            &["Unité de communication", "Unité de gouvernance"],
        ),
        (
            "Unité de gouvernance, Unité de communication",
            &["Unité de gouvernance", "Unité de communication"],
        ),
        (
            "Unité de gouvernance et ministère de la Décentralisation",
            &["Unité de gouvernance", "ministère de la Décentralisation"],
        ),
        (
            "Unité de gouvernance\nUnité de communication",
            &["Unité de gouvernance", "Unité de communication"],
        ),
        ("Unité de suivi-évaluation", &["Unité de suivi-évaluation"]),
        (
            "WASH Section, District Councils",
            &["WASH Section", "District Councils"],
        ),
        (
            "WASH Section; Social Policy Section",
            &["WASH Section", "Social Policy Section"],
        ),
        ("WMO", &["WMO"]),
        ("Youth Programme Unit", &["Youth Programme Unit"]),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn the_rule_at_each_conjunction() {
    // One non-acronym word before, no acronym after: kept whole.
    check(
        "Research and Development Unit",
        &["Research and Development Unit"],
    );
    check("Suivi et évaluation", &["Suivi et évaluation"]);
    check("Agua y Saneamiento", &["Agua y Saneamiento"]);
    check(
        "Monitoring & Evaluation Unit",
        &["Monitoring & Evaluation Unit"],
    );
    // An acronym before or after splits.
    check("UNDP and Government", &["UNDP", "Government"]);
    check(
        "Government and UNDP Country Office",
        &["Government", "UNDP Country Office"],
    );
    check("Ministry and DHIS2 team", &["Ministry", "DHIS2 team"]);
    check("Ministry and eLMIS team", &["Ministry and eLMIS team"]);
    check("Ministry and (UNDP)", &["Ministry", "(UNDP)"]);
    // Several conjunctions: left to right, the part before being the text
    // since the previous split, the part after ending at the next one.
    check(
        "Research and Development Unit and UNDP",
        &["Research and Development Unit", "UNDP"],
    );
    check(
        "Monitoring and Evaluation Unit and Programme Unit",
        &["Monitoring and Evaluation Unit", "Programme Unit"],
    );
    check("UNDP and UNICEF and WHO", &["UNDP", "UNICEF", "WHO"]);
    check(
        "Finance and Administration, UNDP",
        &["Finance and Administration", "UNDP"],
    );
}

#[test]
fn separators_and_edges() {
    check("", &[]);
    check("  \n ; , ", &[]);
    check("  Country Office  ", &["Country Office"]);
    check("A;;B,,\n\nC", &["A", "B", "C"]);
    check(
        "Country Office\r\nRegional Office",
        &["Country Office", "Regional Office"],
    );
    check("Unit A/Unit B", &["Unit A/Unit B"]);
    check("and UNDP", &["and UNDP"]);
    check("UNDP and", &["UNDP and"]);
    check("UNDP AND UNICEF", &["UNDP AND UNICEF"]);
    check("Landmark Standing Unit", &["Landmark Standing Unit"]);
    check("Office\tand\tUNDP", &["Office", "UNDP"]);
}

#[test]
fn acronyms() {
    for word in [
        "UNDP", "CWM", "M&E", "DHIS2", "UN", "(UNDP)", "UNDP.", "ÉTAT",
    ] {
        assert!(is_acronym(word), "{word}");
    }
    for word in ["eLMIS", "U", "Unit", "2024", "&", "A&", "M2", "", "UNDPs"] {
        assert!(!is_acronym(word), "{word}");
    }
}

/// Whether the parts, in order, with only separators (whitespace, `,`, `;`,
/// line breaks) and at most one conjunction between them, make up the text.
fn accounts_for(text: &str, parts: &[String]) -> bool {
    let is_gap = |gap: &str| {
        let stripped: String = gap
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, ',' | ';'))
            .collect();
        stripped.is_empty() || is_conjunction(&stripped)
    };
    if parts.is_empty() {
        return is_gap(text) && !text.chars().any(|c| c.is_alphanumeric());
    }
    accounts_for_rest(text, parts, &is_gap)
}

fn accounts_for_rest(text: &str, parts: &[String], is_gap: &dyn Fn(&str) -> bool) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | ';'));
    };
    text.char_indices().any(|(at, _)| {
        text.get(at..)
            .is_some_and(|tail| tail.starts_with(first.as_str()))
            && text.get(..at).is_some_and(is_gap)
            && text
                .get(at + first.len()..)
                .is_some_and(|after| accounts_for_rest(after, rest, is_gap))
    })
}

fn cell() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("UNDP".to_string()),
        Just("M&E".to_string()),
        Just("eLMIS".to_string()),
        Just("Unit".to_string()),
        Just("Office".to_string()),
        Just("de".to_string()),
        Just("and".to_string()),
        Just("&".to_string()),
        Just("et".to_string()),
        Just("y".to_string()),
        Just("A/B".to_string()),
        Just("é".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\n".to_string()),
        "[a-zA-Z]{1,4}",
    ];
    let space = prop_oneof![Just(" "), Just(" "), Just(""), Just("  "), Just("\t")];
    proptest::collection::vec((piece, space), 0..12).prop_map(|items| {
        items
            .into_iter()
            .map(|(piece, space)| piece + space)
            .collect()
    })
}

proptest! {
    #[test]
    fn never_panics_on_anything(text in "\\PC{0,60}|[\\s\\S]{0,40}") {
        let parts = split_responsible(&text);
        for part in &parts {
            prop_assert!(!part.is_empty());
            prop_assert_eq!(part.trim(), part.as_str());
        }
    }

    #[test]
    fn parts_are_clean_and_complete(text in cell()) {
        let parts = split_responsible(&text);
        for part in &parts {
            prop_assert!(!part.is_empty());
            prop_assert_eq!(part.trim(), part.as_str());
            prop_assert!(!part.contains([',', ';', '\n', '\r']), "{:?}", part);
        }
        prop_assert!(accounts_for(&text, &parts), "{:?} -> {:?}", text, parts);
    }

    #[test]
    fn no_conjunction_no_split_within_a_piece(words in proptest::collection::vec("[A-Za-z&/]{1,6}", 1..6)) {
        let text = words.join(" ");
        prop_assume!(!words.iter().any(|w| is_conjunction(w)));
        prop_assert_eq!(split_responsible(&text), vec![text.clone()]);
    }
}
