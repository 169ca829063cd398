-- Waymark schema 1: the craving log.
-- Forward-only: once this file has landed it is never edited; later changes go in 0002_... onward.

CREATE TABLE craving (
    id          INTEGER PRIMARY KEY,
    -- When the craving started, as a UTC instant in milliseconds since the Unix epoch.
    occurred_at INTEGER NOT NULL,
    -- The person's offset from UTC at that moment, in seconds, so the wall-clock time is kept.
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -86399 AND 86399),
    intensity   INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    note        TEXT,
    -- When the entry was saved, UTC milliseconds.
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX craving_by_time ON craving (occurred_at DESC, id DESC);
