-- newsgraph store: one table per list of the record, keyed by article id.
-- Columns mirror the record's field names (DESIGN.md); nested lists are JSON text.
-- Every fact row carries the version of the stage that made it.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    url VARCHAR,
    source VARCHAR,
    published DATE,
    title VARCHAR,
    lang VARCHAR,
    text VARCHAR NOT NULL,
    text_offset INTEGER,
    stages VARCHAR,            -- JSON: stage name -> version
    origin VARCHAR,            -- the file (and line) it was read from
    ingested_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL,
    type VARCHAR, name VARCHAR,
    mentions VARCHAR,          -- JSON [[start, end], ...]
    roles VARCHAR,             -- JSON [{"title","org","start","end"}, ...]
    stage_version VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL,
    "start" INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
    speaker VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
    cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
    stage_version VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS numbers (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL,
    "start" INTEGER, "end" INTEGER, text VARCHAR,
    value DOUBLE, low DOUBLE, high DOUBLE, approx VARCHAR, unit VARCHAR,
    counted VARCHAR, counted_start INTEGER, counted_end INTEGER,
    category VARCHAR, claimant VARCHAR, quote VARCHAR,
    stage_version VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL,
    "start" INTEGER, "end" INTEGER, text VARCHAR,
    type VARCHAR, value VARCHAR, mod VARCHAR, freq VARCHAR, quant VARCHAR,
    stage_version VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL,
    "start" INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR,
    geonameid BIGINT, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    kind VARCHAR, score DOUBLE, entity VARCHAR, scene BOOLEAN,
    stage_version VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL, id VARCHAR NOT NULL,
    type VARCHAR, mode VARCHAR,
    trigger VARCHAR,           -- JSON [start, end]
    sentence VARCHAR,          -- JSON [start, end]
    actor VARCHAR, target VARCHAR, place VARCHAR, time VARCHAR,
    date VARCHAR, date_source VARCHAR, factuality VARCHAR, quote VARCHAR,
    confidence DOUBLE,
    actor_text VARCHAR, target_text VARCHAR,
    stage_version VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS rejections (
    origin VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR,
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    PRIMARY KEY (origin, code)
);
