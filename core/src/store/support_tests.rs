//! Tests of the support network, local helplines and the SOS summary on real encrypted stores.

use super::testing::{at, count, temp_store};
use super::Store;
use crate::error::ErrorCode;
use crate::journal::clock::FixedClock;
use crate::journal::{CravingOutcome, NewCraving, ProfileInput};
use crate::library::{coping_library, helplines_for, NewStrategy};
use crate::plan::{IfThenPlan, RelapsePlan};
use crate::support::{
    ContactId, ContactLinkKind, ContactRole, LocalHelplineId, NewContact, NewLocalHelpline,
    SOS_STRATEGY_LIMIT,
};

fn clock() -> FixedClock {
    FixedClock(at("2026-11-22T18:00:00+00:00"))
}

fn person(name: &str, role: &str, phone: Option<&str>, email: Option<&str>) -> NewContact {
    NewContact {
        name: name.into(),
        role: role.into(),
        phone: phone.map(Into::into),
        email: email.map(Into::into),
        notes: None,
    }
}

fn names(store: &Store) -> Vec<String> {
    store
        .list_contacts()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[test]
fn contacts_are_added_in_call_order_changed_and_deleted() {
    let (_dir, store) = temp_store();
    let sam = store
        .add_contact(
            &NewContact {
                notes: Some(" Any time ".into()),
                ..person(" Sam ", "sponsor", Some("07700 900123"), None)
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(sam.name, "Sam");
    assert_eq!(sam.role, ContactRole::Sponsor);
    assert_eq!(sam.notes.as_deref(), Some("Any time"));
    assert_eq!(sam.call_order, 0);
    let lee = store
        .add_contact(
            &person("Dr Lee", "gp", None, Some("lee@example.org")),
            &clock(),
        )
        .unwrap();
    let jo = store
        .add_contact(
            &person("Jo", "family", Some("+44 7700 900456"), None),
            &clock(),
        )
        .unwrap();
    assert_eq!((lee.call_order, jo.call_order), (1, 2));
    assert_eq!(names(&store), ["Sam", "Dr Lee", "Jo"]);

    let lee = store
        .update_contact(
            lee.id,
            &person(
                "Dr Lee",
                "gp",
                Some("0161 000 0000"),
                Some("lee@example.org"),
            ),
            &clock(),
        )
        .unwrap();
    assert_eq!(lee.phone.as_deref(), Some("0161 000 0000"));
    assert_eq!(lee.call_order, 1, "editing keeps the place in the order");
    assert_eq!(store.contact(lee.id).unwrap(), lee);

    store.delete_contact(sam.id).unwrap();
    let left = store.list_contacts().unwrap();
    assert_eq!(
        left.iter()
            .map(|c| (c.name.as_str(), c.call_order))
            .collect::<Vec<_>>(),
        [("Dr Lee", 0), ("Jo", 1)],
        "the order closes up"
    );
    assert_eq!(
        store.delete_contact(sam.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        store
            .update_contact(sam.id, &person("Sam", "peer", None, None), &clock())
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn reordering_needs_every_contact_exactly_once() {
    let (_dir, store) = temp_store();
    let ids: Vec<ContactId> = ["A", "B", "C"]
        .iter()
        .map(|n| {
            store
                .add_contact(&person(n, "friend", None, None), &clock())
                .unwrap()
                .id
        })
        .collect();
    let reordered = store.reorder_contacts(&[ids[2], ids[0], ids[1]]).unwrap();
    assert_eq!(
        reordered
            .iter()
            .map(|c| (c.name.as_str(), c.call_order))
            .collect::<Vec<_>>(),
        [("C", 0), ("A", 1), ("B", 2)]
    );
    for bad in [
        vec![ids[0], ids[1]],
        vec![ids[0], ids[1], ids[1]],
        vec![ids[0], ids[1], ids[2], ContactId(999)],
        vec![ids[0], ids[1], ContactId(999)],
    ] {
        assert_eq!(
            store.reorder_contacts(&bad).unwrap_err().field(),
            Some("ids")
        );
    }
    assert_eq!(
        names(&store),
        ["C", "A", "B"],
        "a refused order changes nothing"
    );
}

#[test]
fn bad_contact_details_name_their_field_and_write_nothing() {
    let (_dir, store) = temp_store();
    let cases = [
        (person("", "friend", None, None), "name"),
        (person("Sam", "landlord", None, None), "role"),
        (person("Sam", "friend", Some("12"), None), "phone"),
        (person("Sam", "friend", Some("0770 ext 5"), None), "phone"),
        (
            person("Sam", "friend", Some(&"1".repeat(31)), None),
            "phone",
        ),
        (person("Sam", "friend", None, Some("sam@home")), "email"),
        (
            person("Sam", "friend", None, Some("sam@example.org?cc=x@y.z")),
            "email",
        ),
    ];
    for (input, field) in &cases {
        assert_eq!(
            store.add_contact(input, &clock()).unwrap_err().field(),
            Some(*field)
        );
    }
    assert_eq!(count(&store, "support_contact"), 0);
    let sam = store
        .add_contact(
            &person("Sam", "friend", Some("07700 900123"), None),
            &clock(),
        )
        .unwrap();
    for (input, field) in &cases {
        assert_eq!(
            store
                .update_contact(sam.id, input, &clock())
                .unwrap_err()
                .field(),
            Some(*field)
        );
    }
    assert_eq!(store.contact(sam.id).unwrap(), sam);
}

#[test]
fn contact_links_are_built_from_what_is_stored() {
    let (_dir, store) = temp_store();
    let sam = store
        .add_contact(
            &person(
                "Sam",
                "sponsor",
                Some("+44 (0)7700 900-123"),
                Some("sam@example.org"),
            ),
            &clock(),
        )
        .unwrap();
    assert_eq!(
        store.contact_link(sam.id, ContactLinkKind::Call).unwrap(),
        "tel:+4407700900123"
    );
    assert_eq!(
        store.contact_link(sam.id, ContactLinkKind::Email).unwrap(),
        "mailto:sam@example.org"
    );
    let ana = store
        .add_contact(&person("Ana", "peer", None, None), &clock())
        .unwrap();
    assert_eq!(
        store
            .contact_link(ana.id, ContactLinkKind::Call)
            .unwrap_err()
            .field(),
        Some("how")
    );
    assert_eq!(
        store
            .contact_link(ContactId(404), ContactLinkKind::Call)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

fn line(name: &str, number: &str, note: Option<&str>) -> NewLocalHelpline {
    NewLocalHelpline {
        name: name.into(),
        number: number.into(),
        note: note.map(Into::into),
    }
}

#[test]
fn local_helplines_can_be_added_changed_and_deleted() {
    let (_dir, store) = temp_store();
    let service = store
        .add_local_helpline(
            &line(" My drug service ", "0161 000 0000", Some("Ask for Pat")),
            &clock(),
        )
        .unwrap();
    assert_eq!(service.name, "My drug service");
    let keyworker = store
        .add_local_helpline(&line("Keyworker", "07700 900789", None), &clock())
        .unwrap();
    assert_eq!(
        store.list_local_helplines().unwrap(),
        vec![service.clone(), keyworker.clone()]
    );
    let changed = store
        .update_local_helpline(
            service.id,
            &line("Drug service", "0161 000 0001", None),
            &clock(),
        )
        .unwrap();
    assert_eq!(
        (changed.number.as_str(), changed.note.as_deref()),
        ("0161 000 0001", None)
    );
    for (bad, field) in [
        (line("", "0161", None), "name"),
        (line("X", "none", None), "number"),
        (line("X", "", None), "number"),
    ] {
        assert_eq!(
            store
                .add_local_helpline(&bad, &clock())
                .unwrap_err()
                .field(),
            Some(field)
        );
        assert_eq!(
            store
                .update_local_helpline(keyworker.id, &bad, &clock())
                .unwrap_err()
                .field(),
            Some(field)
        );
    }
    assert_eq!(count(&store, "local_helpline"), 2);
    store.delete_local_helpline(keyworker.id).unwrap();
    assert_eq!(store.list_local_helplines().unwrap(), vec![changed]);
    assert_eq!(
        store
            .delete_local_helpline(LocalHelplineId(404))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

fn set_region(store: &Store, region: Option<&str>) {
    store
        .set_profile(
            &ProfileInput {
                region: region.map(Into::into),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
}

#[test]
fn helplines_follow_the_profiles_region_and_add_the_persons_own() {
    let (_dir, store) = temp_store();
    let own = store
        .add_local_helpline(&line("Drug service", "0161 000 0000", None), &clock())
        .unwrap();
    let none = store.region_helplines().unwrap();
    assert_eq!(none.region, None);
    assert!(none.builtin.is_empty());
    assert_eq!(none.local, vec![own.clone()]);

    set_region(&store, Some("uk"));
    let uk = store.region_helplines().unwrap();
    assert_eq!(uk.region.as_deref(), Some("uk"));
    let expected: Vec<_> = helplines_for("uk").into_iter().cloned().collect();
    assert_eq!(uk.builtin, expected);
    assert_eq!(uk.builtin[0].number, "999");
    assert_eq!(uk.local, vec![own.clone()]);

    set_region(&store, Some("us"));
    assert_eq!(store.region_helplines().unwrap().builtin[0].number, "911");
    set_region(&store, Some("other"));
    assert!(store.region_helplines().unwrap().builtin.is_empty());
}

#[test]
fn the_sos_summary_holds_everything_in_order() {
    let (_dir, store) = temp_store();
    set_region(&store, Some("uk"));
    let library = store.list_strategies(false).unwrap();
    // Star the fourth, hide the first, and make a strategy of the person's own that has helped.
    let starred = store.set_strategy_starred(library[3].id, true).unwrap();
    store.set_strategy_hidden(library[0].id, true).unwrap();
    let mine = store
        .add_strategy(
            &NewStrategy {
                title: "Cold water".into(),
                summary: None,
                steps: vec!["Splash.".into()],
                category: "body_and_health".into(),
            },
            &clock(),
        )
        .unwrap();
    store
        .add_craving(
            &NewCraving {
                intensity: 8,
                intensity_after: Some(2),
                outcome: Some(CravingOutcome::Passed),
                coping: vec!["Cold water".into(), library[0].title.clone()],
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let sam = store
        .add_contact(
            &person("Sam", "sponsor", Some("07700 900123"), None),
            &clock(),
        )
        .unwrap();
    let jo = store
        .add_contact(
            &person("Jo", "family", Some("07700 900456"), None),
            &clock(),
        )
        .unwrap();
    store.reorder_contacts(&[jo.id, sam.id]).unwrap();
    let own_line = store
        .add_local_helpline(&line("Drug service", "0161 000 0000", None), &clock())
        .unwrap();
    let plan = RelapsePlan {
        reasons: vec!["My kids".into()],
        high_risk_situations: vec![IfThenPlan {
            situation: "It's payday".into(),
            plan: "Give my card to Jo".into(),
        }],
        people_to_call: vec!["My sister".into()],
        ..Default::default()
    };
    store.set_plan(&plan, &clock()).unwrap();

    let sos = store.sos_summary().unwrap();
    let titles: Vec<&str> = sos.strategies.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sos.strategies.len(), SOS_STRATEGY_LIMIT);
    assert_eq!(sos.strategies[0], starred, "starred first");
    assert_eq!(sos.strategies[1].id, mine.id, "then what has helped");
    // Then the rest in library order, the hidden one never.
    let rest: Vec<&str> = library[1..]
        .iter()
        .filter(|s| s.id != starred.id)
        .take(SOS_STRATEGY_LIMIT - 2)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(&titles[2..], rest.as_slice());
    assert!(!sos.strategies.iter().any(|s| s.id == library[0].id));
    assert_eq!(
        sos.call_list
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Jo", "Sam"]
    );
    assert_eq!(sos.if_then_plans, plan.high_risk_situations);
    assert_eq!(sos.people_to_call, vec!["My sister"]);
    assert_eq!(sos.reasons, vec!["My kids"]);
    assert_eq!(sos.helplines.builtin[0].number, "999");
    assert_eq!(sos.helplines.local, vec![own_line]);
    assert_eq!(sos.helplines.builtin.len(), helplines_for("uk").len());
    assert!(coping_library().strategy.len() > SOS_STRATEGY_LIMIT);
}

#[test]
fn an_empty_vault_still_offers_strategies_in_a_crisis() {
    let (_dir, store) = temp_store();
    let sos = store.sos_summary().unwrap();
    assert_eq!(sos.strategies.len(), SOS_STRATEGY_LIMIT);
    assert_eq!(sos.strategies[0].category.key(), "in_the_moment");
    assert!(sos.call_list.is_empty() && sos.reasons.is_empty() && sos.if_then_plans.is_empty());
    assert_eq!(sos.helplines.region, None);
}
