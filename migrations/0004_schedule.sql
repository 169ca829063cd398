-- Schema 4: meetings and appointments, their exceptions and attendance, and reminders.
-- Wall-clock times are stored with the meeting's IANA time zone so that a weekly 19:00 meeting
-- stays at 19:00 across clock changes; instants are computed, never stored.

CREATE TABLE meeting (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    -- The first occurrence's local start, 'YYYY-MM-DDTHH:MM', in time_zone.
    start_local      TEXT    NOT NULL,
    time_zone        TEXT    NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    -- The recurrence as JSON (see core::schedule::Recurrence).
    recurrence       TEXT    NOT NULL,
    -- The last day an occurrence may fall on, 'YYYY-MM-DD', inclusive; NULL = no end.
    until_date       TEXT,
    place            TEXT,
    link             TEXT,
    notes            TEXT,
    -- Minutes before the start at which to remind, as a JSON array, largest first.
    reminder_minutes TEXT    NOT NULL DEFAULT '[]',
    -- The calendar UID it was imported with or exported under, so re-imports are recognised.
    ics_uid          TEXT    NOT NULL UNIQUE,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER
);

-- One occurrence skipped (moved_to NULL) or moved to another local start.
CREATE TABLE meeting_exception (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    occurrence TEXT    NOT NULL,
    moved_to   TEXT,
    PRIMARY KEY (meeting_id, occurrence)
);

-- Whether the person went, per occurrence (keyed by its original local start).
CREATE TABLE meeting_attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    occurrence  TEXT    NOT NULL,
    attended    INTEGER NOT NULL CHECK (attended IN (0, 1)),
    -- The local day the occurrence took place on, for the check-in and insights.
    local_date  TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, occurrence)
);
CREATE INDEX meeting_attendance_by_day ON meeting_attendance (local_date);

-- The reminder settings (JSON, see core::schedule::ReminderSettings) and how far reminders
-- have been handled, so those that fell due while the app was closed can be listed.
CREATE TABLE reminder_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    settings      TEXT    NOT NULL,
    checked_until INTEGER
);

-- Reminders already shown or listed, so none is shown twice.
CREATE TABLE reminder_delivery (
    reminder_key TEXT    PRIMARY KEY,
    due_at       INTEGER NOT NULL,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('shown', 'failed', 'missed')),
    recorded_at  INTEGER NOT NULL
);
CREATE INDEX reminder_delivery_by_due ON reminder_delivery (due_at);

-- Everything off until the person chooses: serde fills the defaults from an empty object.
INSERT INTO reminder_state (id, settings, checked_until) VALUES (1, '{}', NULL);
