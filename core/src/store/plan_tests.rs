//! Tests of the relapse-prevention plan on real encrypted stores: round trips, rejection, and
//! the Markdown export with the support network.

use proptest::prelude::*;

use super::testing::{at, count, temp_store};
use super::Store;
use crate::journal::clock::FixedClock;
use crate::plan::{
    IfThenPlan, RelapsePlan, WarningSign, WarningSignKind, WarningSignStage, PLAN_TEXT_MAX_CHARS,
};
use crate::support::NewContact;
use crate::vault::DataKey;

fn clock() -> FixedClock {
    FixedClock(at("2026-11-22T18:00:00+00:00"))
}

fn full_plan() -> RelapsePlan {
    RelapsePlan {
        reasons: vec!["My daughter".into(), "Feeling well".into()],
        warning_signs: vec![
            WarningSign {
                kind: WarningSignKind::Behaviour,
                stage: WarningSignStage::Middle,
                text: "Skipping my group".into(),
            },
            WarningSign {
                kind: WarningSignKind::Thoughts,
                stage: WarningSignStage::Early,
                text: "Just the once".into(),
            },
        ],
        high_risk_situations: vec![IfThenPlan {
            situation: "it's payday".into(),
            plan: "I give my card to Jo".into(),
        }],
        people_to_call: vec!["My sister".into()],
        safe_places: vec!["The library".into()],
        safe_activities: vec!["Swimming".into(), "Cooking".into()],
        aftercare: vec![
            "NA on Tuesdays".into(),
            "Keyworker every other Friday".into(),
        ],
    }
}

#[test]
fn the_plan_starts_empty_and_round_trips() {
    let (dir, store) = temp_store();
    let empty = store.plan().unwrap();
    assert!(empty.plan.is_empty());
    assert_eq!(empty.updated_at, None);

    let saved = store.set_plan(&full_plan(), &clock()).unwrap();
    assert_eq!(saved.plan, full_plan());
    assert_eq!(saved.updated_at.as_deref(), Some("2026-11-22T18:00:00Z"));
    drop(store);
    let store = Store::open(&dir.path().join("waymark.db"), &DataKey::for_tests([7; 32])).unwrap();
    assert_eq!(store.plan().unwrap(), saved);

    // Saving again replaces the whole plan; there is only ever one.
    let smaller = RelapsePlan {
        reasons: vec![" Me ".into(), "".into()],
        ..Default::default()
    };
    let replaced = store.set_plan(&smaller, &clock()).unwrap();
    assert_eq!(replaced.plan.reasons, vec!["Me"]);
    assert!(replaced.plan.warning_signs.is_empty());
    assert_eq!(count(&store, "relapse_plan"), 1);
}

#[test]
fn a_rejected_plan_changes_nothing() {
    let (_dir, store) = temp_store();
    let saved = store.set_plan(&full_plan(), &clock()).unwrap();
    let mut bad = full_plan();
    bad.safe_places.push("x".repeat(PLAN_TEXT_MAX_CHARS + 1));
    let err = store.set_plan(&bad, &clock()).unwrap_err();
    assert_eq!(err.field(), Some("safePlaces"));
    assert_eq!(store.plan().unwrap(), saved);
}

#[test]
fn a_damaged_plan_document_is_an_internal_error_not_a_panic() {
    let (_dir, store) = temp_store();
    store
        .connection()
        .execute(
            "INSERT INTO relapse_plan (id, body, updated_at) VALUES (1, '{\"reasons\":\"x\"}', 0)",
            [],
        )
        .unwrap();
    let err = store.plan().unwrap_err();
    assert_eq!(err.code(), crate::error::ErrorCode::Internal);
    assert!(!err.to_string().contains('x'), "{err}");
}

#[test]
fn the_markdown_export_holds_the_plan_and_the_call_list() {
    let (_dir, store) = temp_store();
    store.set_plan(&full_plan(), &clock()).unwrap();
    store
        .add_contact(
            &NewContact {
                name: "Sam".into(),
                role: "sponsor".into(),
                phone: Some("07700 900123".into()),
                email: None,
                notes: Some("private detail".into()),
            },
            &clock(),
        )
        .unwrap();
    let text = store.plan_markdown().unwrap();
    assert!(text.starts_with("# My relapse-prevention plan\n"));
    assert!(text.contains("- If it's payday, then I give my card to Jo.\n"));
    assert!(text.contains("- My sister\n- Sam (Sponsor): 07700 900123\n"));
    assert!(text.contains("### Early signs\n\n**Thoughts**\n\n- Just the once\n"));
    assert!(text.contains("### Middle signs\n\n**Behaviour**\n\n- Skipping my group\n"));
    assert!(!text.contains("private detail"));
}

/// A short text of letters, spaces, accents and punctuation, not blank.
fn short() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éü'.,!? -]{0,30}[a-zA-Z]"
}

fn sign() -> impl Strategy<Value = WarningSign> {
    (0usize..3, 0usize..3, short()).prop_map(|(k, s, text)| WarningSign {
        kind: WarningSignKind::ALL[k],
        stage: WarningSignStage::ALL[s],
        text,
    })
}

fn if_then() -> impl Strategy<Value = IfThenPlan> {
    (short(), short()).prop_map(|(situation, plan)| IfThenPlan { situation, plan })
}

fn plans() -> impl Strategy<Value = RelapsePlan> {
    let list = || proptest::collection::vec(short(), 0..6);
    (
        list(),
        proptest::collection::vec(sign(), 0..6),
        proptest::collection::vec(if_then(), 0..4),
        list(),
        list(),
        list(),
        list(),
    )
        .prop_map(
            |(
                reasons,
                warning_signs,
                high_risk_situations,
                people,
                places,
                activities,
                aftercare,
            )| {
                RelapsePlan {
                    reasons,
                    warning_signs,
                    high_risk_situations,
                    people_to_call: people,
                    safe_places: places,
                    safe_activities: activities,
                    aftercare,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_plan_of_short_lists_round_trips_through_the_store(plan in plans()) {
        let (_dir, store) = temp_store();
        let expected = plan.validate().unwrap();
        let saved = store.set_plan(&plan, &clock()).unwrap();
        prop_assert_eq!(&saved.plan, &expected);
        prop_assert_eq!(store.plan().unwrap().plan, expected.clone());
        // Every item reaches the export.
        let text = expected.to_markdown(&[]);
        prop_assert_eq!(
            text.matches("\n- ").count(),
            expected.reasons.len() + expected.warning_signs.len()
                + expected.high_risk_situations.len() + expected.people_to_call.len()
                + expected.safe_places.len() + expected.safe_activities.len()
                + expected.aftercare.len()
        );
    }
}
