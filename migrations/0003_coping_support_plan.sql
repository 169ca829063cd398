-- Waymark schema 3: the coping library inside the vault and what works for the person, their
-- support network, their own local helplines, and their relapse-prevention plan.
-- Forward-only: once this file has landed it is never edited.
--
-- Conventions as in schema 2: instants are UTC milliseconds; yes/no flags are 0/1.

-- Coping strategies. Built-in ones carry the stable key of `core/content/coping.toml` and are
-- refreshed from it each time the vault opens, so content updates flow in; the person's own have
-- no key. `starred` and `hidden` belong to the person and survive content updates. Built-in
-- strategies are never deleted, only hidden. `steps` is a JSON array of strings.
CREATE TABLE coping_strategy (
    id          INTEGER PRIMARY KEY,
    builtin_key TEXT UNIQUE,
    title       TEXT NOT NULL,
    summary     TEXT,
    steps       TEXT NOT NULL CHECK (json_valid(steps) AND json_type(steps) = 'array'),
    category    TEXT NOT NULL CHECK (category IN
                  ('in_the_moment', 'daily_habits', 'connection', 'professional_help', 'body_and_health')),
    source      TEXT,
    -- Display order of built-in strategies within the content file; 0 for the person's own.
    position    INTEGER NOT NULL DEFAULT 0,
    starred     INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER
) STRICT;
CREATE INDEX coping_strategy_by_title ON coping_strategy (title COLLATE NOCASE);

-- The strategy a craving's coping line names: matched by title, ignoring case, whenever the
-- craving is saved; NULL for free text that names no strategy. Lines saved before this schema are
-- linked by the app when the library is first loaded into the vault, right after this migration
-- (the built-in titles live in the content file, not here). Deleting one of the person's own
-- strategies leaves the line as free text.
ALTER TABLE craving_coping ADD COLUMN strategy_id INTEGER
    REFERENCES coping_strategy (id) ON DELETE SET NULL;
-- "What works for me" counts cravings per strategy.
CREATE INDEX craving_coping_by_strategy ON craving_coping (strategy_id, craving_id)
    WHERE strategy_id IS NOT NULL;
-- Linking free text to a strategy added or renamed later reads only the free-text lines, here.
CREATE INDEX craving_coping_unlinked ON craving_coping (strategy) WHERE strategy_id IS NULL;

-- The support network, in the order the person would call them.
CREATE TABLE support_contact (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('sponsor', 'counsellor', 'keyworker', 'gp', 'family',
                 'friend', 'peer', 'group', 'other')),
    phone      TEXT,
    email      TEXT,
    notes      TEXT,
    -- 0 is called first; kept dense (0, 1, 2, ...) by the app.
    call_order INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER
) STRICT;
CREATE INDEX support_contact_by_order ON support_contact (call_order, id);

-- The person's own helplines (their drug service, their keyworker's line), shown beside the
-- built-in ones for their region.
CREATE TABLE local_helpline (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    number     TEXT NOT NULL,
    note       TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER
) STRICT;

-- The relapse-prevention plan: one per vault, the whole plan as one JSON document whose shape is
-- `RelapsePlan` in core/src/plan. New fields are only ever added with defaults, so an older plan
-- always reads.
CREATE TABLE relapse_plan (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    body       TEXT NOT NULL CHECK (json_valid(body)),
    updated_at INTEGER NOT NULL
) STRICT;
