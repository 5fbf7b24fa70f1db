"""Helper tables the API server builds in its private snapshot copy (never in the user's file).

``prepare(con)`` runs once per snapshot (see reader.py):
- ``api_entity_map``: each per-article entity with its store-wide id: resolve/'s
  ``entity_links`` when it has run, else a hash of (type, lower(name));
- ``api_entities``: store-wide entities with article and mention counts, names for search;
- ``api_records``: every article's record as one JSON text (what ``queries.get_record``
  returns, built in bulk), so serving a record is one primary-key lookup;
- ``api_quotes``: quotes with speaker and article, and its full-text index;
- the articles' full-text index, rebuilt when the snapshot caught the writer before it
  re-indexed.
"""
from __future__ import annotations

import duckdb

from ..model import FACT_LISTS, SCHEMA_VERSION
from .api_queries import RESOLVE_ENTITIES, RESOLVE_LINKS, has_columns, has_table
from . import fts_ru
from .writer import fts_ru as fts_ru_writer
from .columns import JSON_FIELDS, fact_columns


_GROUP_ID = "'e' || substr(md5(e.type || '|' || lower(e.name)), 1, 12)"


def _entity_map_sql(con) -> str:
    if has_columns(con, *RESOLVE_LINKS):
        return f"""SELECT e.article_id, e.id, coalesce(l.store_entity_id, {_GROUP_ID}) AS eid,
                   e.type, e.name, e.mentions, e.roles
                   FROM entities e LEFT JOIN entity_links l ON l.article_id = e.article_id AND l.entity_id = e.id"""
    return f"SELECT e.article_id, e.id, {_GROUP_ID} AS eid, e.type, e.name, e.mentions, e.roles FROM entities e"


def _entities_sql(con) -> str:
    name = "max(m.name)"
    join = ""
    if has_columns(con, *RESOLVE_ENTITIES):
        name, join = "coalesce(max(s.name), max(m.name))", "LEFT JOIN store_entities s ON s.id = m.eid"
    return f"""SELECT m.eid, mode(m.type) AS type, {name} AS name, count(DISTINCT m.article_id) AS articles,
               sum(json_array_length(m.mentions)) AS mentions, lower(string_agg(DISTINCT m.name, ' | ')) AS names
               FROM api_entity_map m {join} GROUP BY m.eid"""


def prepare(con) -> None:
    """Build the API's helper tables and indexes in a private snapshot."""
    try:
        con.execute(f"CREATE OR REPLACE TABLE api_entity_map AS {_entity_map_sql(con)} ORDER BY article_id, id")
        con.execute(f"CREATE OR REPLACE TABLE api_entities AS {_entities_sql(con)} "
                    "ORDER BY articles DESC, mentions DESC, name, eid")
    except duckdb.Error:  # resolve/ tables of another shape: fall back to grouping by name
        con.execute(f"CREATE OR REPLACE TABLE api_entity_map AS SELECT e.article_id, e.id, {_GROUP_ID} AS eid, "
                    "e.type, e.name, e.mentions, e.roles FROM entities e ORDER BY article_id, id")
        con.execute("""CREATE OR REPLACE TABLE api_entities AS SELECT eid, mode(type) AS type, max(name) AS name,
                       count(DISTINCT article_id) AS articles, sum(json_array_length(mentions)) AS mentions,
                       lower(string_agg(DISTINCT name, ' | ')) AS names FROM api_entity_map GROUP BY eid
                       ORDER BY articles DESC, mentions DESC, name, eid""")
    _build_records(con)
    con.execute("""CREATE OR REPLACE TABLE api_quotes AS
        SELECT q.article_id || ':' || q.id AS qkey, q.article_id AS article, q.id, q.start, q."end", q.text,
               q.kind, q.speaker, m.eid AS speaker_id, m.name AS speaker_name, q.cue,
               a.published, a.title
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN api_entity_map m ON m.article_id = q.article_id AND m.id = q.speaker
        ORDER BY a.published DESC NULLS LAST, q.article_id, q.start, q.id""")
    if con.execute("SELECT count(*) FROM api_quotes").fetchone()[0]:
        con.execute("PRAGMA create_fts_index('api_quotes', 'qkey', 'text', overwrite=1)")
    if _articles_index_stale(con):  # a snapshot taken mid-ingest, before the writer re-indexed
        con.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'text', overwrite=1)")
    if fts_ru.stale(con):
        fts_ru_writer.rebuild(con)


def _articles_index_stale(con) -> bool:
    if not con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        return False
    if not has_table(con, "docs", "fts_main_articles"):
        return True
    return con.execute("""SELECT (SELECT count(*) FROM fts_main_articles.docs) <> (SELECT count(*) FROM articles)
        OR EXISTS (SELECT 1 FROM articles a ANTI JOIN fts_main_articles.docs d ON d.name = a.id)""").fetchone()[0]


def _fact_json(name: str) -> str:
    """Per article, its list of ``name`` facts as JSON, fields in contract order."""
    fields = []
    for c in fact_columns(name)[1:-1]:
        fields.append(f'"{c}" := json("{c}")' if c in JSON_FIELDS else f'"{c}" := "{c}"')
    return f"""SELECT article_id, to_json(list(struct_pack({', '.join(fields)})
                   ORDER BY try_cast(substr(id, 2) AS INTEGER), id)) AS j FROM {name} GROUP BY article_id"""


def _build_records(con) -> None:
    """Every article's record as one JSON text (what queries.get_record returns, built in
    bulk), so serving a record is one primary-key lookup."""
    joins = " ".join(f"LEFT JOIN ({_fact_json(n)}) {n} ON {n}.article_id = a.id" for n in FACT_LISTS)
    lists = ", ".join(f"{n} := coalesce({n}.j, '[]'::JSON)" for n in FACT_LISTS)
    con.execute(f"""CREATE OR REPLACE TABLE api_records (id VARCHAR PRIMARY KEY, record VARCHAR)""")
    con.execute(f"""INSERT INTO api_records SELECT a.id, to_json(struct_pack(
            "schema" := {int(SCHEMA_VERSION)}, id := a.id, url := a.url, source := a.source,
            published := strftime(a.published, '%Y-%m-%d'), title := a.title, lang := a.lang, text := a.text,
            text_offset := a.text_offset, content_hash := a.content_hash,
            stages := json(coalesce(a.stages, '{{}}')), {lists}))
        FROM articles a {joins}""")
