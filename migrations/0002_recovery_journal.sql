-- Waymark schema 2: the recovery journal. Cravings in full, the trigger catalogue, mood check-ins,
-- daily journal entries, aftercare check-ins, weekly reviews, recovery time and lapses, and the
-- full-text index that lives inside the encrypted database.
-- Forward-only: once this file has landed it is never edited.
--
-- Conventions: instants are UTC milliseconds plus the person's UTC offset in seconds; calendar days
-- are ISO dates (YYYY-MM-DD) in the person's own time; yes/no answers are 0/1, NULL when skipped.
-- `deleted_at` marks an entry deleted but still undoable; such rows are purged when the vault is
-- next opened or locked, and every read ignores them.

-- Small settings about the person: recovery start date, region, medication. One row per key.
CREATE TABLE profile_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The person's own catalogue of triggers.
CREATE TABLE trigger_item (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    category   TEXT NOT NULL CHECK (category IN
                 ('people', 'places', 'feelings', 'body_states', 'times_and_situations', 'things')),
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX trigger_item_by_name ON trigger_item (name COLLATE NOCASE);

-- The details a craving can be enriched with after the quick log.
ALTER TABLE craving ADD COLUMN duration_minutes INTEGER CHECK (duration_minutes BETWEEN 0 AND 1440);
ALTER TABLE craving ADD COLUMN hungry INTEGER NOT NULL DEFAULT 0 CHECK (hungry IN (0, 1));
ALTER TABLE craving ADD COLUMN angry INTEGER NOT NULL DEFAULT 0 CHECK (angry IN (0, 1));
ALTER TABLE craving ADD COLUMN lonely INTEGER NOT NULL DEFAULT 0 CHECK (lonely IN (0, 1));
ALTER TABLE craving ADD COLUMN tired INTEGER NOT NULL DEFAULT 0 CHECK (tired IN (0, 1));
ALTER TABLE craving ADD COLUMN place TEXT;
ALTER TABLE craving ADD COLUMN with_whom TEXT;
ALTER TABLE craving ADD COLUMN activity TEXT;
ALTER TABLE craving ADD COLUMN outcome TEXT CHECK (outcome IN ('passed', 'used', 'ongoing'));
ALTER TABLE craving ADD COLUMN intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10);
ALTER TABLE craving ADD COLUMN updated_at INTEGER;
ALTER TABLE craving ADD COLUMN deleted_at INTEGER;
-- Entries marked deleted are few and short-lived; this keeps counting around them cheap.
CREATE INDEX craving_marked_deleted ON craving (id) WHERE deleted_at IS NOT NULL;

CREATE TABLE craving_trigger (
    craving_id INTEGER NOT NULL REFERENCES craving (id) ON DELETE CASCADE,
    trigger_id INTEGER NOT NULL REFERENCES trigger_item (id),
    PRIMARY KEY (craving_id, trigger_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX craving_trigger_by_trigger ON craving_trigger (trigger_id);

-- Coping strategies tried during a craving, as the person named them, in the order given.
CREATE TABLE craving_coping (
    craving_id INTEGER NOT NULL REFERENCES craving (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    strategy   TEXT NOT NULL,
    PRIMARY KEY (craving_id, position)
) STRICT, WITHOUT ROWID;

-- Mood check-ins, several a day.
CREATE TABLE mood_checkin (
    id          INTEGER PRIMARY KEY,
    occurred_at INTEGER NOT NULL,
    utc_offset  INTEGER NOT NULL CHECK (utc_offset BETWEEN -86399 AND 86399),
    mood        INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 10),
    note        TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER,
    deleted_at  INTEGER
) STRICT;
CREATE INDEX mood_checkin_by_time ON mood_checkin (occurred_at DESC, id DESC);

CREATE TABLE mood_feeling (
    mood_id INTEGER NOT NULL REFERENCES mood_checkin (id) ON DELETE CASCADE,
    feeling TEXT NOT NULL,
    PRIMARY KEY (mood_id, feeling)
) STRICT, WITHOUT ROWID;

-- The daily journal: at most one live entry per day.
CREATE TABLE journal_entry (
    id         INTEGER PRIMARY KEY,
    entry_date TEXT NOT NULL CHECK (entry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body       TEXT NOT NULL,
    went_well  TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    deleted_at INTEGER
) STRICT;
CREATE UNIQUE INDEX journal_entry_one_per_day ON journal_entry (entry_date) WHERE deleted_at IS NULL;

CREATE TABLE journal_tag (
    entry_id INTEGER NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) STRICT, WITHOUT ROWID;

-- The daily aftercare check-in: at most one live check-in per day.
CREATE TABLE daily_checkin (
    id                  INTEGER PRIMARY KEY,
    checkin_date        TEXT NOT NULL CHECK (checkin_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    slept_well          INTEGER CHECK (slept_well IN (0, 1)),
    ate_well            INTEGER CHECK (ate_well IN (0, 1)),
    took_medication     INTEGER CHECK (took_medication IN (0, 1)),
    attended_support    INTEGER CHECK (attended_support IN (0, 1)),
    contacted_someone   INTEGER CHECK (contacted_someone IN (0, 1)),
    healthy_activity    INTEGER CHECK (healthy_activity IN (0, 1)),
    high_risk_situation INTEGER CHECK (high_risk_situation IN (0, 1)),
    used_today          INTEGER CHECK (used_today IN (0, 1)),
    day_rating          INTEGER CHECK (day_rating BETWEEN 1 AND 10),
    note                TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER,
    deleted_at          INTEGER
) STRICT;
CREATE UNIQUE INDEX daily_checkin_one_per_day ON daily_checkin (checkin_date) WHERE deleted_at IS NULL;

-- The weekly review: answers keyed by the question keys in core/content/journal.toml.
CREATE TABLE weekly_review (
    id         INTEGER PRIMARY KEY,
    week_start TEXT NOT NULL CHECK (week_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    answers    TEXT NOT NULL CHECK (json_valid(answers)),
    note       TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    deleted_at INTEGER
) STRICT;
CREATE UNIQUE INDEX weekly_review_one_per_week ON weekly_review (week_start) WHERE deleted_at IS NULL;

-- Lapses. Recovery periods are derived, never stored: they start at the recovery start date and
-- at every lapse the person chose to restart the counter with, so editing or deleting a lapse
-- can never leave the history inconsistent.
CREATE TABLE lapse (
    id               INTEGER PRIMARY KEY,
    occurred_at      INTEGER NOT NULL,
    utc_offset       INTEGER NOT NULL CHECK (utc_offset BETWEEN -86399 AND 86399),
    situation        TEXT,
    learned          TEXT,
    next_time        TEXT,
    restarts_counter INTEGER NOT NULL CHECK (restarts_counter IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER,
    deleted_at       INTEGER
) STRICT;
CREATE INDEX lapse_by_time ON lapse (occurred_at DESC, id DESC);
CREATE INDEX lapse_marked_deleted ON lapse (id) WHERE deleted_at IS NOT NULL;

CREATE TABLE lapse_trigger (
    lapse_id   INTEGER NOT NULL REFERENCES lapse (id) ON DELETE CASCADE,
    trigger_id INTEGER NOT NULL REFERENCES trigger_item (id),
    PRIMARY KEY (lapse_id, trigger_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE lapse_feeling (
    lapse_id INTEGER NOT NULL REFERENCES lapse (id) ON DELETE CASCADE,
    feeling  TEXT NOT NULL,
    PRIMARY KEY (lapse_id, feeling)
) STRICT, WITHOUT ROWID;

-- Full-text search over every kind of entry, inside the encrypted database: there is no index
-- anywhere else. One FTS5 table per kind, keyed by the entry's own id (the rowid), so keeping an
-- entry's row current is a lookup, and "newest matches first" can stop after the first few.
-- Kept current by the triggers below; deleted entries leave the index at once.
CREATE VIRTUAL TABLE search_craving USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_mood USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_journal USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_checkin USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_review USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_lapse USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');

-- What each kind of entry contributes to the index: its own text plus, for cravings and lapses,
-- the names of their triggers and the coping strategies tried, and for journal entries their tags.
CREATE VIEW craving_search_text AS
SELECT c.id, concat_ws(char(10), c.note, c.place, c.with_whom, c.activity,
    (SELECT group_concat(strategy, char(10)) FROM craving_coping WHERE craving_id = c.id),
    (SELECT group_concat(t.name, char(10)) FROM craving_trigger ct
        JOIN trigger_item t ON t.id = ct.trigger_id WHERE ct.craving_id = c.id)) AS body
FROM craving c WHERE c.deleted_at IS NULL;

CREATE VIEW mood_search_text AS
SELECT id, coalesce(note, '') AS body FROM mood_checkin WHERE deleted_at IS NULL;

CREATE VIEW journal_search_text AS
SELECT j.id, concat_ws(char(10), j.body, j.went_well,
    (SELECT group_concat(tag, ' ') FROM journal_tag WHERE entry_id = j.id)) AS body
FROM journal_entry j WHERE j.deleted_at IS NULL;

CREATE VIEW checkin_search_text AS
SELECT id, coalesce(note, '') AS body FROM daily_checkin WHERE deleted_at IS NULL;

CREATE VIEW review_search_text AS
SELECT id, coalesce(note, '') AS body FROM weekly_review WHERE deleted_at IS NULL;

CREATE VIEW lapse_search_text AS
SELECT l.id, concat_ws(char(10), l.situation, l.learned, l.next_time,
    (SELECT group_concat(t.name, char(10)) FROM lapse_trigger lt
        JOIN trigger_item t ON t.id = lt.trigger_id WHERE lt.lapse_id = l.id)) AS body
FROM lapse l WHERE l.deleted_at IS NULL;

-- Every change to an entry, or to what it links to, refreshes that entry's row in the index. A
-- deleted (or marked deleted) entry is not in its view, so the refresh leaves it out.
CREATE TRIGGER craving_search_insert AFTER INSERT ON craving BEGIN
    DELETE FROM search_craving WHERE rowid = NEW.id;
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER craving_search_update AFTER UPDATE ON craving BEGIN
    DELETE FROM search_craving WHERE rowid = OLD.id;
    DELETE FROM search_craving WHERE rowid = NEW.id;
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER craving_search_delete AFTER DELETE ON craving BEGIN
    DELETE FROM search_craving WHERE rowid = OLD.id;
END;

CREATE TRIGGER mood_search_insert AFTER INSERT ON mood_checkin BEGIN
    DELETE FROM search_mood WHERE rowid = NEW.id;
    INSERT INTO search_mood (rowid, body) SELECT id, body FROM mood_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER mood_search_update AFTER UPDATE ON mood_checkin BEGIN
    DELETE FROM search_mood WHERE rowid = OLD.id;
    DELETE FROM search_mood WHERE rowid = NEW.id;
    INSERT INTO search_mood (rowid, body) SELECT id, body FROM mood_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER mood_search_delete AFTER DELETE ON mood_checkin BEGIN
    DELETE FROM search_mood WHERE rowid = OLD.id;
END;

CREATE TRIGGER journal_search_insert AFTER INSERT ON journal_entry BEGIN
    DELETE FROM search_journal WHERE rowid = NEW.id;
    INSERT INTO search_journal (rowid, body) SELECT id, body FROM journal_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER journal_search_update AFTER UPDATE ON journal_entry BEGIN
    DELETE FROM search_journal WHERE rowid = OLD.id;
    DELETE FROM search_journal WHERE rowid = NEW.id;
    INSERT INTO search_journal (rowid, body) SELECT id, body FROM journal_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER journal_search_delete AFTER DELETE ON journal_entry BEGIN
    DELETE FROM search_journal WHERE rowid = OLD.id;
END;

CREATE TRIGGER checkin_search_insert AFTER INSERT ON daily_checkin BEGIN
    DELETE FROM search_checkin WHERE rowid = NEW.id;
    INSERT INTO search_checkin (rowid, body) SELECT id, body FROM checkin_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER checkin_search_update AFTER UPDATE ON daily_checkin BEGIN
    DELETE FROM search_checkin WHERE rowid = OLD.id;
    DELETE FROM search_checkin WHERE rowid = NEW.id;
    INSERT INTO search_checkin (rowid, body) SELECT id, body FROM checkin_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER checkin_search_delete AFTER DELETE ON daily_checkin BEGIN
    DELETE FROM search_checkin WHERE rowid = OLD.id;
END;

CREATE TRIGGER review_search_insert AFTER INSERT ON weekly_review BEGIN
    DELETE FROM search_review WHERE rowid = NEW.id;
    INSERT INTO search_review (rowid, body) SELECT id, body FROM review_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER review_search_update AFTER UPDATE ON weekly_review BEGIN
    DELETE FROM search_review WHERE rowid = OLD.id;
    DELETE FROM search_review WHERE rowid = NEW.id;
    INSERT INTO search_review (rowid, body) SELECT id, body FROM review_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER review_search_delete AFTER DELETE ON weekly_review BEGIN
    DELETE FROM search_review WHERE rowid = OLD.id;
END;

CREATE TRIGGER lapse_search_insert AFTER INSERT ON lapse BEGIN
    DELETE FROM search_lapse WHERE rowid = NEW.id;
    INSERT INTO search_lapse (rowid, body) SELECT id, body FROM lapse_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER lapse_search_update AFTER UPDATE ON lapse BEGIN
    DELETE FROM search_lapse WHERE rowid = OLD.id;
    DELETE FROM search_lapse WHERE rowid = NEW.id;
    INSERT INTO search_lapse (rowid, body) SELECT id, body FROM lapse_search_text WHERE id = NEW.id;
END;
CREATE TRIGGER lapse_search_delete AFTER DELETE ON lapse BEGIN
    DELETE FROM search_lapse WHERE rowid = OLD.id;
END;

CREATE TRIGGER coping_search_insert AFTER INSERT ON craving_coping BEGIN
    DELETE FROM search_craving WHERE rowid = NEW.craving_id;
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text WHERE id = NEW.craving_id;
END;
CREATE TRIGGER coping_search_delete AFTER DELETE ON craving_coping BEGIN
    DELETE FROM search_craving WHERE rowid = OLD.craving_id;
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text WHERE id = OLD.craving_id;
END;

CREATE TRIGGER craving_trigger_search_insert AFTER INSERT ON craving_trigger BEGIN
    DELETE FROM search_craving WHERE rowid = NEW.craving_id;
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text WHERE id = NEW.craving_id;
END;
CREATE TRIGGER craving_trigger_search_delete AFTER DELETE ON craving_trigger BEGIN
    DELETE FROM search_craving WHERE rowid = OLD.craving_id;
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text WHERE id = OLD.craving_id;
END;

CREATE TRIGGER journal_tag_search_insert AFTER INSERT ON journal_tag BEGIN
    DELETE FROM search_journal WHERE rowid = NEW.entry_id;
    INSERT INTO search_journal (rowid, body) SELECT id, body FROM journal_search_text WHERE id = NEW.entry_id;
END;
CREATE TRIGGER journal_tag_search_delete AFTER DELETE ON journal_tag BEGIN
    DELETE FROM search_journal WHERE rowid = OLD.entry_id;
    INSERT INTO search_journal (rowid, body) SELECT id, body FROM journal_search_text WHERE id = OLD.entry_id;
END;

CREATE TRIGGER lapse_trigger_search_insert AFTER INSERT ON lapse_trigger BEGIN
    DELETE FROM search_lapse WHERE rowid = NEW.lapse_id;
    INSERT INTO search_lapse (rowid, body) SELECT id, body FROM lapse_search_text WHERE id = NEW.lapse_id;
END;
CREATE TRIGGER lapse_trigger_search_delete AFTER DELETE ON lapse_trigger BEGIN
    DELETE FROM search_lapse WHERE rowid = OLD.lapse_id;
    INSERT INTO search_lapse (rowid, body) SELECT id, body FROM lapse_search_text WHERE id = OLD.lapse_id;
END;

-- A renamed trigger is found under its new name.
CREATE TRIGGER trigger_rename_search AFTER UPDATE OF name ON trigger_item BEGIN
    DELETE FROM search_craving WHERE rowid IN
        (SELECT craving_id FROM craving_trigger WHERE trigger_id = NEW.id);
    INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text
        WHERE id IN (SELECT craving_id FROM craving_trigger WHERE trigger_id = NEW.id);
    DELETE FROM search_lapse WHERE rowid IN
        (SELECT lapse_id FROM lapse_trigger WHERE trigger_id = NEW.id);
    INSERT INTO search_lapse (rowid, body) SELECT id, body FROM lapse_search_text
        WHERE id IN (SELECT lapse_id FROM lapse_trigger WHERE trigger_id = NEW.id);
END;

-- Existing cravings from schema 1 join the index.
INSERT INTO search_craving (rowid, body) SELECT id, body FROM craving_search_text;
