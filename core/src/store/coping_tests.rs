//! Tests of the coping library in the vault: seeding and content updates, the person's own
//! strategies, star and hide, links from cravings' coping lines (the upgrade from schema 2
//! included), and "what works for me" on hand-computed fixtures.

use rusqlite::Connection;

use super::testing::{at, count, soft_delete, temp_store};
use super::Store;
use crate::error::ErrorCode;
use crate::insights::WhatWorks;
use crate::journal::clock::FixedClock;
use crate::journal::{CravingId, CravingOutcome, NewCraving};
use crate::library::{coping_library, NewStrategy, Strategy, StrategyId};
use crate::vault::DataKey;

fn clock() -> FixedClock {
    FixedClock(at("2026-11-22T18:00:00+00:00"))
}

fn reopen(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("waymark.db"), &DataKey::for_tests([7; 32])).unwrap()
}

/// The stored built-in strategy with this content key.
fn builtin(store: &Store, key: &str) -> Strategy {
    store
        .list_strategies(true)
        .unwrap()
        .into_iter()
        .find(|s| s.key.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no built-in {key}"))
}

fn own(title: &str, steps: &[&str], category: &str) -> NewStrategy {
    NewStrategy {
        title: title.into(),
        summary: Some("Mine.".into()),
        steps: steps.iter().map(|s| s.to_string()).collect(),
        category: category.into(),
    }
}

fn craving(
    intensity: i32,
    after: Option<i32>,
    outcome: Option<CravingOutcome>,
    coping: &[&str],
) -> NewCraving {
    NewCraving {
        intensity,
        intensity_after: after,
        outcome,
        coping: coping.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    }
}

/// The strategy ids a craving's coping lines are linked to, in order.
fn links(store: &Store, id: CravingId) -> Vec<Option<i64>> {
    let mut stmt = store
        .connection()
        .prepare("SELECT strategy_id FROM craving_coping WHERE craving_id = ?1 ORDER BY position")
        .unwrap();
    stmt.query_map([id.0], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_library_is_seeded_once_and_flags_survive_reopening() {
    let (dir, store) = temp_store();
    let content = &coping_library().strategy;
    let all = store.list_strategies(true).unwrap();
    assert_eq!(all.len(), content.len());
    assert!(all
        .iter()
        .all(|s| !s.custom && s.key.is_some() && !s.starred && !s.hidden));
    let reach = builtin(&store, &content[0].key);
    assert_eq!(reach.title, content[0].title);
    assert_eq!(reach.steps, content[0].steps);
    assert_eq!(reach.source.as_deref(), Some(content[0].source.as_str()));

    let other = builtin(&store, &content[1].key);
    store.set_strategy_starred(reach.id, true).unwrap();
    store.set_strategy_hidden(other.id, true).unwrap();
    store.seed_coping_library().unwrap();
    drop(store);

    let store = reopen(&dir);
    assert_eq!(count(&store, "coping_strategy"), content.len() as i64);
    let reach_again = store.strategy(reach.id).unwrap();
    assert!(reach_again.starred && !reach_again.hidden);
    assert!(store.strategy(other.id).unwrap().hidden);
    assert_eq!(
        store.list_strategies(false).unwrap().len(),
        content.len() - 1,
        "the hidden one is left out"
    );
}

#[test]
fn a_content_update_flows_in_while_the_persons_flags_survive() {
    let (_dir, store) = temp_store();
    let content = &coping_library().strategy[2];
    let stored = builtin(&store, &content.key);
    store.set_strategy_starred(stored.id, true).unwrap();
    store.set_strategy_hidden(stored.id, true).unwrap();
    // As if an older release had shipped different wording.
    store
        .connection()
        .execute(
            "UPDATE coping_strategy SET title = 'An older title', steps = '[\"Old.\"]', \
             category = 'daily_habits' WHERE id = ?1",
            [stored.id.0],
        )
        .unwrap();
    // A craving logged under the new title while the old wording was stored: free text for now.
    let logged = store
        .add_craving(&craving(6, None, None, &[&content.title]), &clock())
        .unwrap();
    assert_eq!(links(&store, logged.id), vec![None]);

    store.seed_coping_library().unwrap();
    let updated = store.strategy(stored.id).unwrap();
    assert_eq!(updated.title, content.title);
    assert_eq!(updated.steps, content.steps);
    assert_eq!(updated.category, content.category);
    assert!(
        updated.starred && updated.hidden,
        "the person's flags survive"
    );
    assert_eq!(updated.id, stored.id);
    assert_eq!(
        links(&store, logged.id),
        vec![Some(stored.id.0)],
        "coping under the new title now counts for it"
    );
}

#[test]
fn own_strategies_can_be_added_changed_and_deleted() {
    let (_dir, store) = temp_store();
    let added = store
        .add_strategy(
            &own(
                " Cold water ",
                &["Run the tap.", " ", "Splash my face."],
                "in_the_moment",
            ),
            &clock(),
        )
        .unwrap();
    assert!(added.custom && added.key.is_none() && !added.starred);
    assert_eq!(added.title, "Cold water");
    assert_eq!(added.steps, vec!["Run the tap.", "Splash my face."]);
    assert_eq!(store.strategy(added.id).unwrap(), added);
    assert!(store.list_strategies(false).unwrap().contains(&added));

    let changed = store
        .update_strategy(
            added.id,
            &own("Cold water on my face", &["Splash."], "body_and_health"),
            &clock(),
        )
        .unwrap();
    assert_eq!(changed.title, "Cold water on my face");
    assert_eq!(changed.steps, vec!["Splash."]);
    assert_eq!(changed.id, added.id);
    // Keeping its own title (in another case) is not a clash with itself.
    store
        .update_strategy(
            added.id,
            &own("COLD WATER ON MY FACE", &["Splash."], "body_and_health"),
            &clock(),
        )
        .unwrap();

    let c = store
        .add_craving(
            &craving(7, None, None, &["cold water on my face"]),
            &clock(),
        )
        .unwrap();
    assert_eq!(links(&store, c.id), vec![Some(added.id.0)]);
    store.delete_strategy(added.id).unwrap();
    assert_eq!(
        store.strategy(added.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        links(&store, c.id),
        vec![None],
        "the line stays as free text"
    );
    assert_eq!(
        store.craving(c.id).unwrap().coping,
        vec!["cold water on my face"]
    );
    assert_eq!(
        store.delete_strategy(added.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn rejected_strategies_write_nothing() {
    let (_dir, store) = temp_store();
    let before = count(&store, "coping_strategy");
    let taken = coping_library().strategy[0].title.to_uppercase();
    let cases = [
        (own("  ", &["a"], "connection"), "title"),
        (own("Walk", &[], "connection"), "steps"),
        (
            own("Walk", &["1", "2", "3", "4", "5", "6"], "connection"),
            "steps",
        ),
        (own("Walk", &["a"], "gardening"), "category"),
        (own(&taken, &["a"], "connection"), "title"),
    ];
    for (input, field) in &cases {
        let err = store.add_strategy(input, &clock()).unwrap_err();
        assert_eq!(err.field(), Some(*field), "{input:?}");
    }
    assert_eq!(count(&store, "coping_strategy"), before);

    let mine = store
        .add_strategy(&own("Walk", &["Out."], "daily_habits"), &clock())
        .unwrap();
    for (input, field) in &cases {
        let err = store.update_strategy(mine.id, input, &clock()).unwrap_err();
        assert_eq!(err.field(), Some(*field), "{input:?}");
    }
    assert_eq!(store.strategy(mine.id).unwrap(), mine, "nothing changed");
}

#[test]
fn built_in_strategies_can_be_hidden_but_not_changed_or_deleted() {
    let (_dir, store) = temp_store();
    let reach = builtin(&store, &coping_library().strategy[0].key);
    let err = store.delete_strategy(reach.id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("id"));
    assert!(err.to_string().contains("can't be deleted"), "{err}");
    assert!(err.to_string().contains("hide"), "{err}");
    let err = store
        .update_strategy(reach.id, &own("Mine now", &["a"], "connection"), &clock())
        .unwrap_err();
    assert!(err.to_string().contains("can't be changed"), "{err}");
    assert_eq!(store.strategy(reach.id).unwrap(), reach);
    assert!(store.set_strategy_hidden(reach.id, true).unwrap().hidden);
    assert!(!store.set_strategy_hidden(reach.id, false).unwrap().hidden);
    assert_eq!(
        store
            .set_strategy_starred(StrategyId(99_999), true)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn the_library_is_ordered_by_category_then_content_then_own_titles() {
    let (_dir, store) = temp_store();
    store
        .add_strategy(&own("zebra crossing", &["a"], "in_the_moment"), &clock())
        .unwrap();
    store
        .add_strategy(&own("Apple", &["a"], "in_the_moment"), &clock())
        .unwrap();
    let list = store.list_strategies(false).unwrap();
    let in_the_moment: Vec<&Strategy> = list
        .iter()
        .filter(|s| s.category.key() == "in_the_moment")
        .collect();
    let content_order: Vec<&str> = coping_library()
        .strategy
        .iter()
        .filter(|s| s.category.key() == "in_the_moment")
        .map(|s| s.title.as_str())
        .collect();
    let shown: Vec<&str> = in_the_moment.iter().map(|s| s.title.as_str()).collect();
    let mut expected = content_order.clone();
    expected.extend(["Apple", "zebra crossing"]);
    assert_eq!(shown, expected);
    assert_eq!(list[0].category.key(), "in_the_moment");
}

#[test]
fn coping_lines_are_linked_to_strategies_by_title_whatever_the_case() {
    let (_dir, store) = temp_store();
    let reach = builtin(&store, &coping_library().strategy[0].key);
    let saved = store
        .add_craving(
            &craving(
                8,
                None,
                None,
                &[&reach.title.to_lowercase(), "Walk the dog"],
            ),
            &clock(),
        )
        .unwrap();
    assert_eq!(
        saved.coping[0],
        reach.title.to_lowercase(),
        "the text is kept as typed"
    );
    assert_eq!(links(&store, saved.id), vec![Some(reach.id.0), None]);

    // Adding a strategy with that title links the free text already logged.
    let walk = store
        .add_strategy(
            &own("walk the DOG", &["Lead on."], "daily_habits"),
            &clock(),
        )
        .unwrap();
    assert_eq!(
        links(&store, saved.id),
        vec![Some(reach.id.0), Some(walk.id.0)]
    );

    // Renamed, it keeps the lines it had, also when the craving is saved again.
    store
        .update_strategy(
            walk.id,
            &own("Dog walk", &["Lead on."], "daily_habits"),
            &clock(),
        )
        .unwrap();
    let again = craving(8, None, None, &[&reach.title, "Walk the dog", "Bath"]);
    store.update_craving(saved.id, &again, &clock()).unwrap();
    assert_eq!(
        links(&store, saved.id),
        vec![Some(reach.id.0), Some(walk.id.0), None]
    );
    // Every way in sets links: the bulk import too.
    store
        .add_cravings(&[craving(3, None, None, &["DOG WALK"])], &clock())
        .unwrap();
    assert_eq!(
        count_sql(
            &store,
            "SELECT count(*) FROM craving_coping WHERE strategy_id = ",
            walk.id
        ),
        2
    );
}

fn count_sql(store: &Store, prefix: &str, id: StrategyId) -> i64 {
    store
        .connection()
        .query_row(&format!("{prefix}{}", id.0), [], |r| r.get(0))
        .unwrap()
}

/// A vault as schema 2 left it, with cravings whose coping lines are free text.
fn schema_2_vault(path: &std::path::Path, key: &DataKey, coping: &[&[&str]]) {
    let conn = Connection::open(path).unwrap();
    super::apply_key(&conn, key).unwrap();
    super::configure(&conn).unwrap();
    for (_, sql) in &super::migrations::MIGRATIONS[..2] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 2).unwrap();
    for (i, lines) in coping.iter().enumerate() {
        conn.execute(
            "INSERT INTO craving (occurred_at, utc_offset, intensity, outcome, created_at) \
             VALUES (?1, 0, 5, 'passed', ?1)",
            [1_763_800_000_000i64 + i as i64 * 60_000],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        for (position, line) in lines.iter().enumerate() {
            conn.execute(
                "INSERT INTO craving_coping (craving_id, position, strategy) VALUES (?1, ?2, ?3)",
                rusqlite::params![id, position as i64, line],
            )
            .unwrap();
        }
    }
}

#[test]
fn a_schema_2_vault_gets_its_coping_lines_linked_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("waymark.db");
    let key = DataKey::for_tests([9; 32]);
    let content = &coping_library().strategy;
    let (first, second) = (content[0].title.as_str(), content[1].title.as_str());
    let upper = second.to_uppercase();
    schema_2_vault(
        &path,
        &key,
        &[&[first, "Hot bath"], &[&upper], &["Hot bath"]],
    );

    let store = Store::open(&path, &key).unwrap();
    assert_eq!(
        super::migrations::current_version(store.connection()).unwrap(),
        super::migrations::latest_version()
    );
    let id_of = |title: &str| {
        store
            .list_strategies(true)
            .unwrap()
            .into_iter()
            .find(|s| s.title == title)
            .unwrap()
            .id
            .0
    };
    assert_eq!(links(&store, CravingId(1)), vec![Some(id_of(first)), None]);
    assert_eq!(links(&store, CravingId(2)), vec![Some(id_of(second))]);
    assert_eq!(links(&store, CravingId(3)), vec![None]);
    assert_eq!(
        store.craving(CravingId(2)).unwrap().coping,
        vec![upper.clone()]
    );
    let works = store.what_works().unwrap();
    assert_eq!(works.len(), 2);
    assert!(works.iter().all(|w| w.tried == 1 && w.passed == 1));
}

#[test]
fn what_works_matches_hand_computed_figures() {
    let (_dir, store) = temp_store();
    let a = builtin(&store, &coping_library().strategy[0].key);
    let b = builtin(&store, &coping_library().strategy[1].key);
    let c = store
        .add_strategy(&own("Cold water", &["Splash."], "in_the_moment"), &clock())
        .unwrap();
    let (a_title, b_title) = (a.title.as_str(), b.title.as_str());
    let a_lower = a_title.to_lowercase();
    use CravingOutcome::*;
    let add = |input: NewCraving| store.add_craving(&input, &clock()).unwrap();
    add(craving(8, Some(3), Some(Passed), &[a_title])); // A: drop 5, passed
    add(craving(6, Some(3), Some(Used), &[a_title, b_title])); // A, B: drop 3, used
    add(craving(7, None, Some(Passed), &[&a_lower, "Free text"])); // A: passed, no drop
    add(craving(5, None, Some(Ongoing), &[a_title])); // A: tried, no outcome, no drop
    let deleted = add(craving(9, Some(0), Some(Passed), &[a_title, "Cold water"]));
    soft_delete(&store, "craving", deleted.id.0); // never counts
    add(craving(10, Some(4), Some(Passed), &["cold water"])); // C: drop 6, passed
    add(craving(6, Some(6), Some(Passed), &["Cold Water"])); // C: drop 0, passed
    add(craving(4, Some(2), None, &["Hot bath"])); // free text only: no strategy

    // Hidden strategies still count in "what works".
    store.set_strategy_hidden(b.id, true).unwrap();

    let expected = vec![
        // C: tried 2; 2 of 2 with an outcome passed; drops 6 and 0 average 3.
        WhatWorks {
            strategy_id: c.id,
            title: "Cold water".into(),
            tried: 2,
            with_outcome: 2,
            passed: 2,
            pass_rate: Some(1.0),
            with_drop: 2,
            average_drop: Some(3.0),
        },
        // A: tried 4; 3 with an outcome (the ongoing one doesn't count), 2 passed; drops 5 and 3
        // average 4.
        WhatWorks {
            strategy_id: a.id,
            title: a.title.clone(),
            tried: 4,
            with_outcome: 3,
            passed: 2,
            pass_rate: Some(2.0 / 3.0),
            with_drop: 2,
            average_drop: Some(4.0),
        },
        // B: tried once, used; drop 3.
        WhatWorks {
            strategy_id: b.id,
            title: b.title.clone(),
            tried: 1,
            with_outcome: 1,
            passed: 0,
            pass_rate: Some(0.0),
            with_drop: 1,
            average_drop: Some(3.0),
        },
    ];
    assert_eq!(store.what_works().unwrap(), expected);
}

#[test]
fn a_craving_naming_a_strategy_twice_counts_once() {
    let (_dir, store) = temp_store();
    let mine = store
        .add_strategy(&own("Dog walk", &["Lead on."], "daily_habits"), &clock())
        .unwrap();
    let c = store
        .add_craving(
            &craving(6, None, Some(CravingOutcome::Passed), &["Walk the dog"]),
            &clock(),
        )
        .unwrap();
    // Linked to the strategy by an earlier name, and by its title: still one craving.
    store
        .connection()
        .execute(
            "UPDATE craving_coping SET strategy_id = ?1 WHERE craving_id = ?2",
            [mine.id.0, c.id.0],
        )
        .unwrap();
    store
        .update_craving(
            c.id,
            &craving(
                6,
                None,
                Some(CravingOutcome::Passed),
                &["Walk the dog", "Dog walk"],
            ),
            &clock(),
        )
        .unwrap();
    assert_eq!(links(&store, c.id), vec![Some(mine.id.0), Some(mine.id.0)]);
    let works = store.what_works().unwrap();
    assert_eq!((works[0].tried, works[0].passed), (1, 1));
}

#[test]
fn the_hot_queries_use_their_indexes() {
    let (_dir, store) = temp_store();
    let plan = |sql: &str| -> String {
        let mut stmt = store
            .connection()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        stmt.query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let free =
        plan("SELECT craving_id, position, strategy FROM craving_coping WHERE strategy_id IS NULL");
    assert!(free.contains("craving_coping_unlinked"), "{free}");
    let tried = plan(super::what_works::TRIED_SQL);
    assert!(tried.contains("craving_coping_by_strategy"), "{tried}");
    assert!(
        !tried.contains("TEMP B-TREE"),
        "what works needs no sort: {tried}"
    );
}
