//! Newtype ids, one per kind of record, so an id of one kind can never be used for another.

/// Declares an `i64` newtype id that serialises as a plain number.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, specta::Type,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies a craving.
    CravingId
);
id_type!(
    /// Identifies a trigger in the person's catalogue.
    TriggerId
);
id_type!(
    /// Identifies a mood check-in.
    MoodId
);
id_type!(
    /// Identifies a daily journal entry.
    JournalEntryId
);
id_type!(
    /// Identifies a daily aftercare check-in.
    CheckinId
);
id_type!(
    /// Identifies a weekly review.
    ReviewId
);
id_type!(
    /// Identifies a lapse.
    LapseId
);
id_type!(
    /// Identifies a coping strategy, built in or the person's own.
    StrategyId
);
id_type!(
    /// Identifies a person in the support network.
    ContactId
);
id_type!(
    /// Identifies one of the person's own local helplines.
    LocalHelplineId
);
id_type!(
    /// Identifies a meeting or appointment in the person's schedule.
    MeetingId
);
