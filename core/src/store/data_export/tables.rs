//! Which tables the person's data export holds, how a date range narrows each one, and which
//! tables are left out on purpose. The list is explicit: a table added by a later migration is
//! caught by a test until it is placed here or among the exclusions, and documented in
//! `docs/EXPORT_FORMATS.md`.

/// How a date range narrows a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Reference data (catalogue, contacts, plan, settings): always exported whole.
    Whole,
    /// An entry timed by `occurred_at` (UTC millis) and `utc_offset` (seconds): in range when the
    /// person's own day of it is. Rows marked deleted are left out.
    Instant,
    /// An entry keyed by a calendar day column; rows marked deleted are left out when `live`.
    Day {
        /// The `YYYY-MM-DD` column.
        column: &'static str,
        /// Whether the table has `deleted_at`.
        live: bool,
    },
    /// Rows that belong to an exported row of `parent` through the column `key`.
    Child {
        /// The parent table (one of the entries above).
        parent: &'static str,
        /// The column holding the parent's id.
        key: &'static str,
    },
}

/// One exported table.
#[derive(Debug)]
pub(crate) struct TableSpec {
    /// The SQL table, and its name in the JSON export.
    pub name: &'static str,
    /// The migration that created it; an export of an older schema cannot hold it.
    pub since: u32,
    /// How a range narrows it.
    pub scope: Scope,
    /// Its primary key order, so exports are stable and comparable.
    pub order_by: &'static str,
    /// Columns left out of the export, each documented in `docs/EXPORT_FORMATS.md`.
    pub skip_columns: &'static [&'static str],
    /// Filled by `Store::create` (starter triggers, coping library, settings): an import
    /// replaces these rows with the export's, so ids that entries link to stay right.
    pub seeded: bool,
    /// What its rows are called in messages, e.g. "craving triggers".
    pub what: &'static str,
}

const fn table(
    name: &'static str,
    since: u32,
    scope: Scope,
    order_by: &'static str,
    what: &'static str,
) -> TableSpec {
    TableSpec {
        name,
        since,
        scope,
        order_by,
        skip_columns: &[],
        seeded: false,
        what,
    }
}

const fn seeded(mut spec: TableSpec) -> TableSpec {
    spec.seeded = true;
    spec
}

const fn child(
    name: &'static str,
    parent: &'static str,
    key: &'static str,
    order_by: &'static str,
    what: &'static str,
) -> TableSpec {
    table(name, 2, Scope::Child { parent, key }, order_by, what)
}

const fn day(column: &'static str, live: bool) -> Scope {
    Scope::Day { column, live }
}

/// Every exported table, parents before the rows that refer to them, so an import can insert
/// them in this order with foreign keys checked as it goes.
pub(crate) const TABLES: &[TableSpec] = &[
    seeded(table("profile_setting", 2, Scope::Whole, "key", "settings")),
    TableSpec {
        // How far reminders were handled belongs to the computer that handled them: on a new
        // one, reminders start afresh rather than listing a week of "missed" ones.
        skip_columns: &["checked_until"],
        ..seeded(table(
            "reminder_state",
            4,
            Scope::Whole,
            "id",
            "reminder settings",
        ))
    },
    seeded(table("trigger_item", 2, Scope::Whole, "id", "triggers")),
    seeded(table(
        "coping_strategy",
        3,
        Scope::Whole,
        "id",
        "coping strategies",
    )),
    table("craving", 1, Scope::Instant, "id", "cravings"),
    child(
        "craving_trigger",
        "craving",
        "craving_id",
        "craving_id, trigger_id",
        "craving triggers",
    ),
    child(
        "craving_coping",
        "craving",
        "craving_id",
        "craving_id, position",
        "craving coping lines",
    ),
    table("mood_checkin", 2, Scope::Instant, "id", "mood check-ins"),
    child(
        "mood_feeling",
        "mood_checkin",
        "mood_id",
        "mood_id, feeling",
        "mood feelings",
    ),
    table(
        "journal_entry",
        2,
        day("entry_date", true),
        "id",
        "journal entries",
    ),
    child(
        "journal_tag",
        "journal_entry",
        "entry_id",
        "entry_id, tag",
        "journal tags",
    ),
    table(
        "daily_checkin",
        2,
        day("checkin_date", true),
        "id",
        "daily check-ins",
    ),
    table(
        "weekly_review",
        2,
        day("week_start", true),
        "id",
        "weekly reviews",
    ),
    table("lapse", 2, Scope::Instant, "id", "lapses"),
    child(
        "lapse_trigger",
        "lapse",
        "lapse_id",
        "lapse_id, trigger_id",
        "lapse triggers",
    ),
    child(
        "lapse_feeling",
        "lapse",
        "lapse_id",
        "lapse_id, feeling",
        "lapse feelings",
    ),
    table("support_contact", 3, Scope::Whole, "id", "support contacts"),
    table("local_helpline", 3, Scope::Whole, "id", "helplines"),
    table("relapse_plan", 3, Scope::Whole, "id", "plan"),
    table("meeting", 4, Scope::Whole, "id", "meetings"),
    table(
        "meeting_exception",
        4,
        Scope::Whole,
        "meeting_id, occurrence",
        "skipped or moved meetings",
    ),
    table(
        "meeting_attendance",
        4,
        day("local_date", false),
        "meeting_id, occurrence",
        "meeting attendance records",
    ),
];

/// Tables deliberately left out of the export, with the reason (also in the docs). Checked
/// against the schema by a test.
#[cfg(test)]
pub(crate) const EXCLUDED: &[(&str, &str)] = &[
    (
        "reminder_delivery",
        "which reminders this computer already showed: a delivery log, kept 30 days",
    ),
    (
        "search_craving",
        "full-text search index, rebuilt from the entries on import",
    ),
    (
        "search_mood",
        "full-text search index, rebuilt from the entries on import",
    ),
    (
        "search_journal",
        "full-text search index, rebuilt from the entries on import",
    ),
    (
        "search_checkin",
        "full-text search index, rebuilt from the entries on import",
    ),
    (
        "search_review",
        "full-text search index, rebuilt from the entries on import",
    ),
    (
        "search_lapse",
        "full-text search index, rebuilt from the entries on import",
    ),
];

/// The full-text indexes and the view each is rebuilt from after an import.
pub(crate) const SEARCH_INDEXES: &[(&str, &str)] = &[
    ("search_craving", "craving_search_text"),
    ("search_mood", "mood_search_text"),
    ("search_journal", "journal_search_text"),
    ("search_checkin", "checkin_search_text"),
    ("search_review", "review_search_text"),
    ("search_lapse", "lapse_search_text"),
];

/// The tables FTS5 keeps behind each index (`<index>_data`, `_idx`, ...).
#[cfg(test)]
const FTS_SHADOW_SUFFIXES: &[&str] = &["_data", "_idx", "_content", "_docsize", "_config"];

/// Why `name` is not exported, if it is deliberately left out. SQLite's own tables
/// (`sqlite_*`) are never user data.
#[cfg(test)]
pub(crate) fn excluded_reason(name: &str) -> Option<&'static str> {
    if name.starts_with("sqlite_") {
        return Some("SQLite's own bookkeeping");
    }
    if let Some((_, why)) = EXCLUDED.iter().find(|(t, _)| *t == name) {
        return Some(why);
    }
    SEARCH_INDEXES.iter().find_map(|(index, _)| {
        let suffix = name.strip_prefix(index)?;
        FTS_SHADOW_SUFFIXES
            .contains(&suffix)
            .then_some("storage of a full-text search index")
    })
}

/// The exported table called `name`, if any.
pub(crate) fn spec(name: &str) -> Option<&'static TableSpec> {
    TABLES.iter().find(|t| t.name == name)
}

/// The SQL condition selecting a table's exported rows, and whether it takes the range: then
/// `?1` and `?2` are the range's first and last day as `YYYY-MM-DD`. Reference tables ignore a
/// range. Everything here is built from this file's constants, never from input.
pub(crate) fn condition(spec: &TableSpec, ranged: bool) -> (String, bool) {
    match spec.scope {
        Scope::Whole => ("1".to_string(), false),
        Scope::Instant if ranged => (
            "deleted_at IS NULL AND date(occurred_at / 1000.0 + utc_offset, 'unixepoch') \
             BETWEEN ?1 AND ?2"
                .to_string(),
            true,
        ),
        Scope::Instant => ("deleted_at IS NULL".to_string(), false),
        Scope::Day { column, live } => {
            let mut parts = Vec::new();
            if live {
                parts.push("deleted_at IS NULL".to_string());
            }
            if ranged {
                parts.push(format!("{column} BETWEEN ?1 AND ?2"));
            }
            if parts.is_empty() {
                ("1".to_string(), false)
            } else {
                (parts.join(" AND "), ranged)
            }
        }
        Scope::Child { parent, key } => {
            let (parent_condition, uses_range) = TABLES
                .iter()
                .find(|t| t.name == parent)
                .map_or_else(|| ("1".to_string(), false), |p| condition(p, ranged));
            (
                format!("{key} IN (SELECT id FROM {parent} WHERE {parent_condition})"),
                uses_range,
            )
        }
    }
}

/// A kind of record as the person sees it: one CSV file, one line of the export preview.
#[derive(Debug)]
pub(crate) struct KindSpec {
    /// Its key, as the CSV file is named (`cravings` for `cravings.csv`).
    pub key: &'static str,
    /// Its label in the preview.
    pub label: &'static str,
    /// The table whose exported rows it counts.
    pub table: &'static str,
}

const fn kind(key: &'static str, label: &'static str, table: &'static str) -> KindSpec {
    KindSpec { key, label, table }
}

/// Every kind, in the order the preview lists them.
pub(crate) const KINDS: &[KindSpec] = &[
    kind("cravings", "Cravings", "craving"),
    kind("moods", "Mood check-ins", "mood_checkin"),
    kind("journal", "Journal entries", "journal_entry"),
    kind("checkins", "Daily check-ins", "daily_checkin"),
    kind("weekly_reviews", "Weekly reviews", "weekly_review"),
    kind("lapses", "Lapses", "lapse"),
    kind("meetings", "Meetings and appointments", "meeting"),
    kind(
        "meeting_attendance",
        "Meeting attendance",
        "meeting_attendance",
    ),
    kind("triggers", "Triggers", "trigger_item"),
    kind(
        "coping_strategies",
        "Coping strategies (the library and your own)",
        "coping_strategy",
    ),
    kind("contacts", "Support contacts", "support_contact"),
    kind("helplines", "Your own helplines", "local_helpline"),
    kind("plan", "Relapse-prevention plan", "relapse_plan"),
];
