//! The counsellor summary: requests are checked, sections come in print order, and nothing
//! private the person did not choose reaches the value (and so the file).

use super::super::testing::temp_store;
use super::fixture::{
    clock, month, CHECKIN_NOTE, CRAVING_NOTE, JOURNAL_TEXT, LAPSE_NOTE, MOOD_NOTE, OWN_TRIGGER,
    PLAN_TEXT,
};
use super::range;
use crate::error::Error;
use crate::export::{NoteKind, SummaryRequest, SummarySection};
use crate::insights::DayRange;

const MARKERS: [&str; 7] = [
    CRAVING_NOTE,
    MOOD_NOTE,
    CHECKIN_NOTE,
    LAPSE_NOTE,
    JOURNAL_TEXT,
    PLAN_TEXT,
    OWN_TRIGGER,
];

/// The sections notes belong to (cravings, mood, check-ins, lapses).
const NOTE_SECTIONS: [SummarySection; 4] = [
    SummarySection::CravingsAndTriggers,
    SummarySection::Mood,
    SummarySection::CheckinsAndMedication,
    SummarySection::Lapses,
];

fn request(from: &str, to: &str, sections: &[SummarySection], notes: bool) -> SummaryRequest {
    SummaryRequest {
        range: DayRange {
            from: from.into(),
            to: to.into(),
        },
        sections: sections.to_vec(),
        include_notes: notes,
    }
}

fn november(sections: &[SummarySection], notes: bool) -> SummaryRequest {
    request("2026-11-01", "2026-11-30", sections, notes)
}

#[test]
fn a_summary_of_figures_only_holds_no_private_text() {
    let m = month();
    use SummarySection::*;
    let req = november(
        &[Mood, Overview, Mood, CheckinsAndMedication, Meetings],
        false,
    );
    let report = m.store.summary_report(&req, &clock()).unwrap();
    assert_eq!(
        report.sections,
        vec![Overview, Mood, CheckinsAndMedication, Meetings]
    );
    assert_eq!(report.generated_on, "2026-12-01");
    let json = serde_json::to_string(&report).unwrap();
    for marker in MARKERS {
        assert!(!json.contains(marker), "{marker} leaked");
    }
    let i = &report.insights;
    assert!(i.top_triggers.is_empty() && i.lapses.is_empty() && i.what_works.is_empty());
    assert_eq!(report.plan, None);
    assert!(report.journal.is_empty() && report.notes.is_empty());
    // The figures themselves are all there.
    let full = m.store.insights(range("2026-11-01", "2026-11-30")).unwrap();
    assert_eq!(i.totals, full.totals);
    assert_eq!(i.mood_per_day, full.mood_per_day);
    assert_eq!(i.checkins, full.checkins);
    assert_eq!(i.attendance, full.attendance);
}

#[test]
fn each_section_brings_only_its_own_private_parts() {
    let m = month();
    let c = clock();
    let only = |s: SummarySection| m.store.summary_report(&november(&[s], false), &c).unwrap();

    let triggers = only(SummarySection::CravingsAndTriggers);
    assert!(triggers
        .insights
        .top_triggers
        .iter()
        .any(|t| t.name == OWN_TRIGGER));
    assert!(triggers.insights.lapses.is_empty());
    assert!(!serde_json::to_string(&triggers)
        .unwrap()
        .contains(LAPSE_NOTE));

    let lapses = only(SummarySection::Lapses);
    assert!(lapses.insights.top_triggers.is_empty());
    let days: Vec<&str> = lapses
        .insights
        .lapses
        .iter()
        .map(|l| l.day.as_str())
        .collect();
    assert_eq!(days, vec!["2026-11-10", "2026-11-25"]);
    assert!(lapses.insights.lapses[0]
        .triggers
        .contains(&OWN_TRIGGER.to_string()));
    // Days and triggers only: the reflections are notes.
    assert!(!serde_json::to_string(&lapses).unwrap().contains(LAPSE_NOTE));

    let coping = only(SummarySection::Coping);
    assert!(!coping.insights.what_works.is_empty());
    assert!(coping.insights.top_triggers.is_empty());

    let plan = only(SummarySection::Plan);
    let reasons = &plan.plan.as_ref().expect("the plan is written").reasons;
    assert!(reasons[0].contains(PLAN_TEXT));

    let journal = only(SummarySection::JournalExcerpts);
    let want: Vec<String> = m
        .journal
        .iter()
        .filter(|(d, _)| d.to_string().starts_with("2026-11"))
        .map(|(_, body)| body.clone())
        .collect();
    let got: Vec<String> = journal.journal.iter().map(|j| j.text.clone()).collect();
    assert_eq!(got, want);
    assert!(journal.journal.windows(2).all(|w| w[0].day < w[1].day));
    assert_eq!(journal.journal[0].went_well.as_deref(), Some("A walk"));
    assert!(journal.notes.is_empty());
}

#[test]
fn notes_are_shared_only_when_asked_and_oldest_first() {
    let m = month();
    let report = m
        .store
        .summary_report(&november(&NOTE_SECTIONS, true), &clock())
        .unwrap();
    let r = range("2026-11-01", "2026-11-30");
    let count = |kind: NoteKind| report.notes.iter().filter(|n| n.kind == kind).count();
    let cravings = m
        .cravings
        .iter()
        .filter(|p| p.note.is_some() && r.contains(p.at.date_naive()))
        .count();
    let moods = m
        .moods
        .iter()
        .filter(|(at, _, note)| note.is_some() && r.contains(at.date_naive()))
        .count();
    let checkins = m
        .checkins
        .iter()
        .filter(|c| c.3.is_some() && r.contains(c.0))
        .count();
    assert!(cravings > 0 && moods > 0 && checkins > 0);
    assert_eq!(count(NoteKind::Craving), cravings);
    assert_eq!(count(NoteKind::Mood), moods);
    assert_eq!(count(NoteKind::Checkin), checkins);
    // One lapse in November has reflections; the other has none, the deleted one never counts.
    assert_eq!(count(NoteKind::Lapse), 1);
    let lapse = report
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::Lapse)
        .unwrap();
    assert_eq!(lapse.day, "2026-11-10");
    assert_eq!(
        lapse.text,
        format!(
            "Situation: {LAPSE_NOTE} situation\nWhat I learned: Called too late\nNext time: Call \
             earlier"
        )
    );
    assert!(report.notes.windows(2).all(|w| w[0].day <= w[1].day));
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        !json.contains("deleted"),
        "a deleted entry's note was shared"
    );
    assert!(!json.contains(JOURNAL_TEXT) && !json.contains(PLAN_TEXT));
    for n in &report.notes {
        assert!(n.day.starts_with("2026-11"), "{}", n.day);
    }
}

#[test]
fn notes_are_shared_only_with_their_own_sections() {
    let m = month();
    let c = clock();
    use SummarySection::*;
    let kinds = |sections: &[SummarySection]| {
        let report = m
            .store
            .summary_report(&november(sections, true), &c)
            .unwrap();
        let mut kinds: Vec<String> = report
            .notes
            .iter()
            .map(|n| format!("{:?}", n.kind))
            .collect();
        kinds.sort();
        kinds.dedup();
        (kinds, serde_json::to_string(&report).unwrap())
    };
    // Ticking notes without any section they belong to shares none.
    let (none, json) = kinds(&[Overview, Meetings, Coping, Plan]);
    assert!(none.is_empty(), "{none:?}");
    for marker in [CRAVING_NOTE, MOOD_NOTE, CHECKIN_NOTE, LAPSE_NOTE] {
        assert!(!json.contains(marker), "{marker} leaked");
    }
    // Left out of the lapses section, a lapse's reflections stay private too.
    let (shared, json) = kinds(&[CravingsAndTriggers, Mood, CheckinsAndMedication]);
    assert_eq!(shared, ["Checkin", "Craving", "Mood"]);
    assert!(!json.contains(LAPSE_NOTE), "a lapse reflection leaked");
    let (lapses, json) = kinds(&[Lapses]);
    assert_eq!(lapses, ["Lapse"]);
    assert!(json.contains(LAPSE_NOTE));
    assert!(!json.contains(CRAVING_NOTE) && !json.contains(MOOD_NOTE));
}

#[test]
fn a_summary_request_is_checked() {
    let m = month();
    let c = clock();
    let field = |req: SummaryRequest| match m.store.summary_report(&req, &c) {
        Err(Error::Invalid(v)) => (v.field, v.message),
        other => panic!("expected a validation error, got {other:?}"),
    };
    let (f, message) = field(november(&[], false));
    assert_eq!(f, "sections");
    assert_eq!(message, "Choose at least one section to include.");
    assert_eq!(
        field(request(
            "2026-13-01",
            "2026-11-30",
            &[SummarySection::Overview],
            false
        ))
        .0,
        "from"
    );
    assert_eq!(
        field(request(
            "2026-11-30",
            "2026-11-01",
            &[SummarySection::Overview],
            false
        ))
        .0,
        "to"
    );
}

#[test]
fn recovery_is_as_of_the_range_end_or_today() {
    let m = month();
    let c = clock();
    let overview = |from: &str, to: &str| {
        m.store
            .summary_report(&request(from, to, &[SummarySection::Overview], false), &c)
            .unwrap()
    };
    // The counter restarted on Nov 10: 5 days by Nov 15.
    assert_eq!(
        overview("2026-10-01", "2026-11-15").recovery.current_days,
        5
    );
    // On Oct 15 the period from Sep 1 was still running: 44 days.
    assert_eq!(
        overview("2026-10-01", "2026-10-15").recovery.current_days,
        44
    );
    // A range reaching past today stops at today (Dec 1): 21 days.
    let future = overview("2026-11-01", "2026-12-31");
    assert_eq!(future.recovery.current_days, 21);
    assert_eq!(future.insights.cravings_per_day.len(), 61);
}

#[test]
fn an_empty_vault_gives_an_empty_summary() {
    let (_dir, store) = temp_store();
    let report = store
        .summary_report(&november(&SummarySection::ALL, true), &clock())
        .unwrap();
    assert_eq!(report.sections, SummarySection::ALL.to_vec());
    assert_eq!(report.plan, None, "an unwritten plan is left out");
    assert!(report.journal.is_empty() && report.notes.is_empty());
    assert_eq!(report.insights.totals.cravings, 0);
}
