"""The user's corrections: merge two groupings, split one; replayed after every run.

Ids name what they act on by prefix: ``ent_`` store entities, ``evc_`` event clusters,
``ser_`` claim series.

    merge A B       B's members move to A; B's id redirects to A (resolve_redirects)
    split ID        an entity: one entity per name variant (the biggest keeps ID);
                    a cluster or series: one per article (the earliest keeps ID)
    split ID@ART    only article ART's members leave ID, for a new id of their own

Decisions are rows of ``resolve_decisions``; ``replay`` applies all of them, in order, after
each incremental run, so they also hold for articles ingested later and after --rebuild.
"""
from __future__ import annotations

import hashlib
from collections import Counter

from ..errors import NewsgraphError
from ..store.writer.resolve import add_decision, merge_entity_rows, reassign, redirect
from .db import temp_ids

KINDS = {"ent_": "entity", "evc_": "cluster", "ser_": "series"}


class DecisionError(NewsgraphError):
    """A --merge/--split id that does not exist or mixes kinds."""


def kind_of(id_: str) -> str:
    for prefix, kind in KINDS.items():
        if id_.startswith(prefix):
            return kind
    raise DecisionError(f"{id_!r} is not a resolve id; ids start with ent_ (entities), evc_ (event clusters) "
                        f"or ser_ (series): see 'newsgraph resolve --db FILE --json' or the API")


def record(con, action: str, a: str, b: str | None = None) -> dict:
    """Validate, store and apply one decision."""
    base = a.split("@")[0]
    kind = kind_of(base)
    if action == "merge":
        if not b or kind_of(b) != kind:
            raise DecisionError(f"--merge needs two ids of the same kind, got {a!r} and {b!r}")
        if a == b:
            raise DecisionError("--merge needs two different ids")
    for i in filter(None, (base, b)):
        if not _exists(con, i):
            raise DecisionError(f"{i}: no such {KINDS[i[:4]]}; check the id (merged ids redirect: "
                                f"see resolve_redirects)")
    add_decision(con, action, a, b)
    return apply(con, action, a, b)


def replay(con) -> dict:
    rows = con.execute("SELECT action, a, b FROM resolve_decisions ORDER BY seq").fetchall()
    moved = 0
    for action, a, b in rows:
        moved += apply(con, action, a, b).get("moved", 0)
    return {"decisions": len(rows), "moved": moved}


def apply(con, action: str, a: str, b: str | None) -> dict:
    a = _current(con, a)
    if action == "merge":
        b = _current(con, b)
        return {"moved": _merge(con, a, b)} if a != b else {"moved": 0}
    base, _, article = a.partition("@")
    return {"moved": _split(con, base, article or None)}


def _current(con, id_: str) -> str:
    """Follow redirects left by earlier merges."""
    base, at, rest = id_.partition("@")
    for _ in range(20):
        row = con.execute("SELECT new_id FROM resolve_redirects WHERE old_id = ?", [base]).fetchone()
        if not row:
            break
        base = row[0]
    return base + at + rest


def _exists(con, id_: str) -> bool:
    table = {"entity": "store_entities", "cluster": "event_clusters", "series": "series"}[kind_of(id_)]
    if con.execute(f"SELECT 1 FROM {table} WHERE id = ?", [id_]).fetchone():
        return True
    return con.execute("SELECT 1 FROM resolve_redirects WHERE old_id = ?", [id_]).fetchone() is not None


# ---------------------------------------------------------------- merge

def _merge(con, a: str, b: str) -> int:
    kind = kind_of(a)
    if kind == "entity":
        n = merge_entity_rows(con, a, b)
        _refresh_entities(con, {a, b})
    elif kind == "cluster":
        n = reassign(con, "event_cluster_members", "cluster_id", a, b)
        _refresh_clusters(con, {a, b})
    else:
        n = reassign(con, "series_points", "series_id", a, b)
        _refresh_series(con, {a, b})
    redirect(con, b, a)
    return n


# ---------------------------------------------------------------- split

def _split(con, id_: str, article: str | None) -> int:
    kind = kind_of(id_)
    table, col, key_col = {"entity": ("entity_links", "store_entity_id", "name"),
                           "cluster": ("event_cluster_members", "cluster_id", "article_id"),
                           "series": ("series_points", "series_id", "article_id")}[kind]
    rows = con.execute(f"SELECT article_id, {key_col} FROM {table} WHERE {col} = ?", [id_]).fetchall()
    if article:
        groups = {article: [r for r in rows if r[0] == article]}
        keep = None
    else:
        groups = {}
        for aid, key in rows:
            groups.setdefault(_variant(key) if kind == "entity" else aid, []).append((aid, key))
        sizes = Counter({g: len({r[0] for r in rs}) for g, rs in groups.items()})
        keep = sizes.most_common(1)[0][0] if sizes else None
    moved, new_ids = 0, {id_}
    for g, rs in groups.items():
        if g == keep or not rs:
            continue
        new = id_[:4] + hashlib.sha1(f"{id_}|split|{g}".encode()).hexdigest()[:12]
        new_ids.add(new)
        temp_ids(con, "_resolve_split", sorted({r[0] for r in rs}))
        if kind == "entity":
            names = sorted({r[1] for r in rs})
            moved += reassign(con, table, col, new, id_, articles_table="_resolve_split",
                              names=None if article else names)
        else:
            moved += reassign(con, table, col, new, id_, articles_table="_resolve_split")
    if moved:
        {"entity": _refresh_entities, "cluster": _refresh_clusters, "series": _refresh_series}[kind](con, new_ids)
    return moved


def _variant(name: str) -> str:
    from .names import clean
    return clean(name or "").lower()


# ---------------------------------------------------------------- refresh helpers

def _refresh_entities(con, ids: set[str]) -> None:
    from .entities import Profile, load_profile_rows, refresh_entities
    from .names import TYPE_CLASS, person_name
    profiles = load_profile_rows(con, ids)
    rows = con.execute("SELECT store_entity_id, name, type FROM entity_links WHERE store_entity_id IN "
                       "(SELECT unnest(?))", [sorted(ids)]).fetchall()
    for sid, name, typ in rows:
        p = profiles.setdefault(sid, Profile(sid, typ, TYPE_CLASS.get(typ, typ)))
        if p.tclass == "P":
            p.given.update(person_name(name or "").given)
    refresh_entities(con, profiles, ids)


def _refresh_clusters(con, ids: set[str]) -> None:
    from .events import refresh_clusters
    refresh_clusters(con, ids)


def _refresh_series(con, ids: set[str]) -> None:
    import json
    from .series import refresh_series
    state = {}
    for sid, key, ctx in con.execute("SELECT id, key, context FROM series WHERE id IN (SELECT unnest(?))",
                                     [sorted(ids)]).fetchall():
        state[sid] = {"key": key, "words": Counter(json.loads(ctx or "{}"))}
    base = next(iter(state.values()), {"key": None, "words": Counter()})
    for sid in ids:
        state.setdefault(sid, {"key": base["key"], "words": Counter(base["words"])})
    refresh_series(con, ids, state)
