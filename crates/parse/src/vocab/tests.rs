use super::*;

#[test]
fn fold_lowers_and_straightens() {
    assert_eq!(
        fold("  N\u{2019}est\u{a0}plus   Applicable "),
        "n'est plus applicable"
    );
}

#[test]
fn decisions_in_three_languages() {
    assert_eq!(
        decision("Partially Accepted"),
        Some((Decision::PartiallyAccepted, Language::En))
    );
    assert_eq!(
        decision("Disagree"),
        Some((Decision::Rejected, Language::En))
    );
    assert_eq!(
        decision("Partiellement acceptée"),
        Some((Decision::PartiallyAccepted, Language::Fr))
    );
    assert_eq!(
        decision("No aceptada"),
        Some((Decision::Rejected, Language::Es))
    );
    // Agreeing and disagreeing, as French and Spanish write them.
    assert_eq!(
        decision("Pas d’accord"),
        Some((Decision::Rejected, Language::Fr))
    );
    assert_eq!(
        decision("Non retenue"),
        Some((Decision::Rejected, Language::Fr))
    );
    assert_eq!(
        decision("Parcialmente de acuerdo"),
        Some((Decision::PartiallyAccepted, Language::Es))
    );
    assert_eq!(decision("Noted"), None);
}

#[test]
fn statuses_in_three_languages() {
    assert_eq!(status("Overdue-Initiated"), Some(Status::Overdue));
    assert_eq!(status("N/A"), Some(Status::NotApplicable));
    assert_eq!(status("Achevé"), Some(Status::Completed));
    assert_eq!(status("Terminée"), Some(Status::Completed));
    assert_eq!(status("En curso"), Some(Status::Ongoing));
    assert_eq!(status("Completado"), Some(Status::Completed));
    assert_eq!(status("Vencido"), Some(Status::Overdue));
    assert_eq!(status("Retardée"), Some(Status::Overdue));
    assert_eq!(status("En ejecución"), Some(Status::Ongoing));
    assert_eq!(status("Whatever"), None);
}

#[test]
fn months_and_time_words() {
    assert_eq!(month("Décembre"), Some(12));
    assert_eq!(month("Sept."), Some(9));
    assert_eq!(month("junio"), Some(6));
    // Abbreviated months, with or without their full stop.
    assert_eq!(month("Abr."), Some(4));
    assert_eq!(month("Ago"), Some(8));
    assert_eq!(month("fév."), Some(2));
    assert_eq!(time_word("À déterminer"), Some(TimeFrameKind::Unknown));
    assert_eq!(time_word("Por determinar"), Some(TimeFrameKind::Unknown));
    assert_eq!(time_word("Continuous"), Some(TimeFrameKind::Ongoing));
}

#[test]
fn every_entry_is_folded() {
    for v in ALL {
        for (w, _) in v.labels {
            assert_eq!(fold(w), *w);
        }
        for (w, _) in v.decisions {
            assert_eq!(fold(w), *w);
        }
        for (w, _) in v.statuses {
            assert_eq!(fold(w), *w);
        }
        for (w, _) in v.time_words {
            assert_eq!(fold(w), *w);
        }
        for w in v.roles {
            assert_eq!(fold(w), *w);
        }
    }
}

#[test]
fn overdue_with_what_it_is_overdue_in_is_overdue() {
    for text in [
        "Overdue-Not initiated",
        "Overdue – not initiated",
        "En retard - non initiée",
    ] {
        assert_eq!(status(text), Some(Status::Overdue), "{text}");
    }
    assert_eq!(status("Not yet initiated"), Some(Status::NotStarted));
    assert_eq!(status("No comenzada"), Some(Status::NotStarted));
}

#[test]
fn a_status_word_with_a_remark_set_apart_is_that_status() {
    for (text, want) in [
        ("Completed (June 2023)", Status::Completed),
        ("Completed – June 2023", Status::Completed),
        ("Completed, June 2023", Status::Completed),
        ("Ongoing - see comments", Status::Ongoing),
        ("Overdue (new date: Q2 2024)", Status::Overdue),
        ("En cours (60 %)", Status::Ongoing),
    ] {
        assert_eq!(status(text), Some(want), "{text}");
    }
    // The word before the remark must be a listed one.
    assert_eq!(status("Partially completed (June 2023)"), None);
    assert_eq!(status("Quarterly - on track"), None);
}

#[test]
fn accents_and_ligatures_fold_away() {
    assert_eq!(fold("Réponse de la Dirección"), "reponse de la direccion");
    assert_eq!(fold("MISE EN ŒUVRE"), "mise en oeuvre");
    assert_eq!(decision("Acceptee"), decision("Acceptée"));
    assert_eq!(time_word("A determiner"), Some(TimeFrameKind::Unknown));
}

#[test]
fn every_date_word_is_folded_and_nonempty() {
    for v in ALL {
        let d = &v.dates;
        let words = v
            .months
            .iter()
            .map(|(w, _)| *w)
            .chain(v.period_prefixes.iter().copied())
            .chain(v.period_letters.iter().map(|(w, _)| w.trim_end()))
            .chain(v.conjunctions.iter().copied())
            .chain(d.before.iter().copied())
            .chain(d.mid.iter().copied())
            .chain(d.ordinals.iter().map(|(w, _)| *w))
            .chain(d.ordinal_suffixes.iter().copied())
            .chain(d.periods.iter().map(|(w, _)| *w))
            .chain(d.fillers.iter().copied())
            .chain(d.range_words.iter().copied())
            .chain(d.after.iter().copied());
        for w in words {
            assert!(!w.is_empty());
            assert_eq!(fold(w), w);
        }
    }
}

proptest::proptest! {
    /// Folding folded text changes nothing: the date reader looks tokens
    /// of folded text up without folding them again.
    #[test]
    fn folding_is_idempotent(text in "[a-zA-ZÉéÈœŒÆßİΣ’`‐ \u{a0}\t\n.,1-]{0,30}") {
        let once = fold(&text);
        proptest::prop_assert_eq!(fold(&once), once);
    }
}
