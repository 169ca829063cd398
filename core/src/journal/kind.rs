//! The kinds of journal entry, and the views that mix them: the timeline and search results.

use serde::{Deserialize, Serialize};
use specta::Type;

/// Every kind of entry the journal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A craving.
    Craving,
    /// A mood check-in.
    Mood,
    /// A daily journal entry.
    Journal,
    /// A daily aftercare check-in.
    Checkin,
    /// A weekly review.
    Review,
    /// A lapse.
    Lapse,
}

impl EntryKind {
    /// Every kind, in the order filters show them.
    pub const ALL: [EntryKind; 6] = [
        EntryKind::Craving,
        EntryKind::Mood,
        EntryKind::Journal,
        EntryKind::Checkin,
        EntryKind::Review,
        EntryKind::Lapse,
    ];

    /// The key used in the database's search index and the CLI.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Craving => "craving",
            EntryKind::Mood => "mood",
            EntryKind::Journal => "journal",
            EntryKind::Checkin => "checkin",
            EntryKind::Review => "review",
            EntryKind::Lapse => "lapse",
        }
    }

    /// Reads a key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Its name in plain words.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Craving => "Craving",
            EntryKind::Mood => "Mood check-in",
            EntryKind::Journal => "Journal entry",
            EntryKind::Checkin => "Daily check-in",
            EntryKind::Review => "Weekly review",
            EntryKind::Lapse => "Lapse",
        }
    }
}

/// Points at one entry of any kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryRef {
    /// Its kind.
    pub kind: EntryKind,
    /// Its id within that kind.
    pub id: i64,
}

/// One line of the timeline or of search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineItem {
    /// Which entry.
    pub entry: EntryRef,
    /// The person's calendar day it belongs to, YYYY-MM-DD.
    pub day: String,
    /// The instant, RFC 3339, for kinds logged at a time (cravings, moods, lapses).
    pub at: Option<String>,
    /// A one-line summary in plain words, e.g. "Craving 7/10, passed without using".
    pub summary: String,
    /// A short excerpt of its text, if any. In search results, matches are wrapped in
    /// [`MATCH_START`] and [`MATCH_END`].
    pub excerpt: Option<String>,
}

/// Marks the start of a search match inside an excerpt. A control character, which entries
/// can never contain, so the UI can split on it safely without parsing HTML.
pub const MATCH_START: char = '\u{2}';
/// Marks the end of a search match inside an excerpt.
pub const MATCH_END: char = '\u{3}';

/// Which part of the timeline to show.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineQuery {
    /// First day, YYYY-MM-DD; `None` means 30 days before `to`.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD; `None` means today.
    #[serde(default)]
    pub to: Option<String>,
    /// Kinds to include; empty means every kind.
    #[serde(default)]
    pub kinds: Vec<EntryKind>,
}

/// The longest stretch one timeline request may cover, in days.
pub const TIMELINE_MAX_DAYS: i64 = 366;
