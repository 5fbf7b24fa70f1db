-- newsgraph resolve: cross-article tables, filled by newsgraph.resolve.run_incremental(store)
-- after every ingest. Everything here is derived from the per-article tables (articles,
-- entities, numbers, events, places, quotes) plus the user's decisions, so it can be rebuilt
-- with `newsgraph resolve --rebuild`. JSON columns hold JSON text.

-- Which articles are resolved, at which content hash: an article is resolved again only when
-- its content_hash changes (incremental: the cost grows with the new articles).
CREATE TABLE IF NOT EXISTS resolve_state (
    article_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    published DATE,
    version VARCHAR,               -- resolve version that made the rows
    resolved_at TIMESTAMP
);

-- Store-wide entities: one row per real actor (person, organisation, place, group).
-- id is stable across runs ("ent_" + hash of the key that created it); `articles` is how
-- many articles mention it, `mentions` how many mentions in all. aliases: JSON list of
-- the surface names seen. given/titles/context feed the matcher (folded given names, title
-- words, up to 40 co-mentioned store entity ids).
CREATE TABLE IF NOT EXISTS store_entities (
    id VARCHAR PRIMARY KEY,
    type VARCHAR,                  -- PERSON ORG GPE LOC NORP FAC ...
    name VARCHAR,                  -- canonical name: the most frequent full form
    aliases VARCHAR,               -- JSON ["Nurgali Bilisbekov", "Bilisbekov N.", ...]
    articles INTEGER,
    mentions INTEGER,
    given VARCHAR,                 -- JSON folded given names (persons)
    titles VARCHAR,                -- JSON title words seen with it
    context VARCHAR,               -- JSON co-mentioned store entity ids
    first_seen DATE,
    last_seen DATE
);

-- Candidate index: name keys (e.g. "P|bilisbekov", "O|KZ|ministry of foreign afairs",
-- "OA|knb", "G|cc:kz") -> store entity. A new article's entities look up their keys here.
CREATE TABLE IF NOT EXISTS entity_keys (
    key VARCHAR NOT NULL,
    store_entity_id VARCHAR NOT NULL,
    PRIMARY KEY (key, store_entity_id)
);

-- Each per-article entity (entities.article_id, entities.id) -> its store entity, with the
-- score and the evidence of the match: {"rule": "name|surname|acronym|new|decision",
-- "features": {...}, "local_group": [...local ids merged within the article]}.
CREATE TABLE IF NOT EXISTS entity_links (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,    -- local id (E1, E2, ...)
    store_entity_id VARCHAR NOT NULL,
    name VARCHAR,                  -- the local entity's name
    type VARCHAR,                  -- the local entity's NER type
    mentions INTEGER,              -- how many mentions the local entity has
    score DOUBLE,
    evidence VARCHAR,              -- JSON
    PRIMARY KEY (article_id, entity_id)
);

-- Roles over time: a title an article gives a store entity, with the article's date.
CREATE TABLE IF NOT EXISTS entity_roles (
    store_entity_id VARCHAR NOT NULL,
    title VARCHAR,
    org VARCHAR,                   -- store entity id of the organisation, or null
    org_name VARCHAR,
    article_id VARCHAR NOT NULL,
    published DATE
);

-- Event clusters: one row per real event reported by one or more articles.
-- date/place/actors are best estimates; evidence JSON says where each came from
-- (votes per date, per place, per actor) and the member scores.
CREATE TABLE IF NOT EXISTS event_clusters (
    id VARCHAR PRIMARY KEY,        -- "evc_" + hash of its first member
    type VARCHAR,                  -- PLOVER type
    date VARCHAR,                  -- best-estimate event date (TIMEX3 value, e.g. 2019-03-05)
    place VARCHAR,                 -- place name
    lat DOUBLE,
    lon DOUBLE,
    country VARCHAR,
    actors VARCHAR,                -- JSON [{"id": store entity id or null, "name": ...}]
    targets VARCHAR,               -- JSON, same shape
    sources VARCHAR,               -- JSON distinct outlets (article source, else article id)
    articles INTEGER,              -- member articles
    earliest VARCHAR,              -- article id of the earliest report
    earliest_published DATE,
    evidence VARCHAR               -- JSON
);

-- Member events of each cluster: (article_id, event_id) is an events row.
CREATE TABLE IF NOT EXISTS event_cluster_members (
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    type VARCHAR,
    mode VARCHAR,
    date VARCHAR,                  -- the event's own date (TIMEX3 value)
    day_lo INTEGER,                -- days since 1970-01-01: the range the date covers
    day_hi INTEGER,
    published DATE,
    place VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    country VARCHAR,
    actors VARCHAR,                -- JSON store entity ids of actor and target
    words VARCHAR,                 -- JSON words of the actor/target text
    source VARCHAR,                -- the article's outlet
    score DOUBLE,                  -- match score when it joined (1.0 for the founder)
    evidence VARCHAR,              -- JSON features matched: date, place, actors, shared, with
    PRIMARY KEY (article_id, event_id)
);

-- Claim series: one figure reported over time ("Kazakh citizens in the conflict zones").
-- key = category | normalised counted phrase | country; context = JSON content words of the
-- claims' sentences (what the figure is about, e.g. "conflict", "zone").
CREATE TABLE IF NOT EXISTS series (
    id VARCHAR PRIMARY KEY,        -- "ser_" + hash of key and first point
    category VARCHAR,              -- numbers.category (PERSONS, KILLED, ...)
    counted VARCHAR,               -- normalised counted phrase ("person")
    country VARCHAR,               -- ISO code of the counted group / claimant's country
    key VARCHAR,
    label VARCHAR,                 -- a readable name: the most frequent counted text
    context VARCHAR,               -- JSON words
    points INTEGER,
    first_date VARCHAR,
    last_date VARCHAR,
    evidence VARCHAR               -- JSON
);

-- Points of a series: one claimed figure, with who claimed it and where it is in the text.
CREATE TABLE IF NOT EXISTS series_points (
    series_id VARCHAR NOT NULL,
    date VARCHAR,                  -- the date the figure refers to (article date unless the text says)
    value DOUBLE,
    approx VARCHAR,                -- exact more_than about at_least ...
    claimant VARCHAR,              -- store entity id of the claimant, or null
    claimant_name VARCHAR,
    article_id VARCHAR NOT NULL,
    number_id VARCHAR NOT NULL,    -- numbers.id in that article
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR,                  -- the figure's words
    score DOUBLE,
    evidence VARCHAR,              -- JSON features matched
    PRIMARY KEY (article_id, number_id)
);

-- The user's decisions (`newsgraph resolve --merge A B`, `--split ID`), replayed after every
-- run so they survive re-runs and rebuilds.
CREATE TABLE IF NOT EXISTS resolve_decisions (
    seq INTEGER PRIMARY KEY,
    action VARCHAR NOT NULL,       -- merge | split
    a VARCHAR NOT NULL,            -- kept id (merge) / id to split
    b VARCHAR,                     -- id merged into a (merge)
    created_at TIMESTAMP
);

-- Ids that a merge retired: old id -> the id that holds its members now.
CREATE TABLE IF NOT EXISTS resolve_redirects (
    old_id VARCHAR PRIMARY KEY,
    new_id VARCHAR NOT NULL
);
