"""Across articles: link each article's actors to store-wide entities.

One explicit sequence per batch of new articles:
  1. group each article's entities into actors (local.py);
  2. look up the actors' name keys in ``entity_keys`` -> candidate store entities;
  3. score candidates: name agreement (given names, initials, transliteration), then
     evidence (shared titles, co-mentioned entities, a unique candidate); full names and
     unambiguous names first, surname-only persons last so they can use the article's context;
  4. link to the best candidate above ``THRESHOLD`` or create a new store entity whose id is a
     hash of its first key (stable across re-runs);
  5. write links with their evidence, roles, keys, and refresh the touched store entities.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from .db import bulk_insert, dumps
from .local import Actor, group_article, parse_rows
from .names import PersonName, given_compatible

THRESHOLD = 0.7
MARGIN = 0.1  # the best candidate must beat the second by this much
CONTEXT_MAX = 40
# A bare surname ("Clinton") with several same-surname candidates goes to the one written
# about in DOMINANT times more articles than the next (and in at least DOMINANT_MIN).
DOMINANT = 3
DOMINANT_MIN = 3
DOMINANT_BONUS = 0.2


@dataclass
class Profile:
    """What the matcher knows about one store entity."""

    id: str
    type: str
    tclass: str
    given: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    suffix: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    context: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    new: bool = False
    stored_articles: int = 0       # articles linked before this batch (the prominence prior)
    batch_articles: set[str] = field(default_factory=set)

    @property
    def articles(self) -> int:
        return self.stored_articles + len(self.batch_articles)

    def person_name(self) -> PersonName:
        return PersonName("", tuple(sorted(self.given)), tuple(sorted(self.initials))[:1],
                          next(iter(self.suffix), ""))

    def absorb(self, actor: Actor) -> None:
        self.given.update(actor.given)
        if actor.initials:
            self.initials.add(actor.initials[0])
        self.suffix.add(actor.suffix)
        self.suffix.discard("")
        self.titles |= actor.titles
        self.keys |= set(actor.keys)
        self.batch_articles.add(actor.article_id)

    def add_context(self, ids) -> None:
        self.context.update(ids)
        if len(self.context) > CONTEXT_MAX * 2:
            self.context = Counter(dict(self.context.most_common(CONTEXT_MAX)))


class Linker:
    """Links actors to profiles; holds the candidate index of this batch."""

    def __init__(self, profiles: dict[str, Profile], index: dict[str, set[str]]):
        self.profiles = profiles
        self.index = index
        self.touched: set[str] = set()

    def lookup(self, actor: Actor) -> list[Profile]:
        keys = [k for k in actor.keys if not k.startswith("OI|")]  # initials only meet acronyms
        keys += [k.replace("OI|", "OA|", 1) for k in actor.keys if k.startswith("OI|")]
        keys += [k.replace("OA|", "OI|", 1) for k in actor.keys if k.startswith("OA|")]
        if actor.tclass == "O" and actor.surname:
            keys.append(f"P|{actor.surname}")
        ids = set()
        for k in keys:
            ids |= self.index.get(k, set())
        return [self.profiles[i] for i in sorted(ids) if i in self.profiles]

    def score(self, actor: Actor, p: Profile, n_cands: int, context: list[str],
              dominant: Profile | None = None) -> tuple[float, dict]:
        """Match score of an actor against one store entity, with the features that gave it."""
        feats: dict = {}
        if actor.tclass == "P" or (actor.tclass == "O" and p.tclass == "P"):
            if p.tclass != "P":
                return 0.0, {"type": "mismatch"}
            mine = PersonName(actor.surname, actor.given, actor.initials[:1], actor.suffix)
            theirs = p.person_name()
            base = given_compatible(mine, theirs) if (p.given or p.initials) else 0.5
            if base is None:
                return 0.0, {"given": "contradicts"}
            if actor.tclass == "O":
                base = min(base, 0.5)
            feats["name"] = base
        else:
            if p.tclass != actor.tclass:
                return 0.0, {"type": "mismatch"}
            shared = {k for k in actor.keys if not k.startswith("OI|")} & p.keys
            if any(not k.startswith("OA|") for k in shared):
                feats["name"] = 1.0
            elif shared:
                feats["name"] = 0.9   # the same acronym
            else:
                feats["name"] = 0.8   # an acronym against a name's initials
            feats["keys"] = sorted(shared)[:3]
            base = feats["name"]
        bonus = 0.0
        if actor.titles & p.titles:
            feats["titles"] = sorted(actor.titles & p.titles)[:5]
            bonus += 0.2
        shared_ctx = [c for c in context if c in p.context and c != p.id]
        if shared_ctx:
            feats["context"] = shared_ctx[:5]
            bonus += min(0.3, 0.1 * len(shared_ctx))
        if n_cands == 1:
            feats["unique"] = True
            bonus += 0.1
        elif dominant is p:
            feats["prominent"] = p.articles
            bonus += DOMINANT_BONUS
        return min(1.0, base + bonus) if base < 1.0 else 1.0, feats

    def link(self, actor: Actor, context: list[str]) -> tuple[str | None, float, dict]:
        cands = self.lookup(actor)
        dominant = _dominant(cands) if actor.surname_only else None
        scored = sorted(((self.score(actor, p, len(cands), context, dominant), p) for p in cands),
                        key=lambda t: (-t[0][0], t[1].id))
        if not scored or scored[0][0][0] < THRESHOLD:
            return None, 0.0, {"candidates": len(cands)}
        (best, feats), p = scored[0]
        if len(scored) > 1 and best - scored[1][0][0] < MARGIN and best < 1.0:
            close = [t for t in scored if best - t[0][0] < MARGIN]
            pick = next((t for t in close if t[1] is dominant), None)  # relatives tie: the prominent one
            if pick is None:
                return None, 0.0, {"candidates": len(cands), "ambiguous": [s[1].id for s in scored[:3]]}
            (best, feats), p = pick
            feats = {**feats, "tie": [t[1].id for t in close if t[1] is not dominant][:3]}
        return p.id, best, feats

    def create(self, actor: Actor) -> Profile:
        base = f"{actor.tclass}|{actor.keys[0] if actor.keys else actor.name}"
        sid = "ent_" + hashlib.sha1(base.encode()).hexdigest()[:12]
        if sid in self.profiles:
            salt = f"{base}|{actor.article_id}|{actor.members[0]['id']}"
            sid = "ent_" + hashlib.sha1(salt.encode()).hexdigest()[:12]
        p = Profile(sid, actor.type, actor.tclass, new=True)
        self.profiles[sid] = p
        return p

    def assign(self, actor: Actor, context: list[str]) -> tuple[str, float, dict]:
        sid, score, feats = self.link(actor, context)
        if sid is None:
            p = self.create(actor)
            sid, score, feats = p.id, 1.0, {"rule": "new", **feats}
        else:
            feats = {"rule": "match", **feats}
        prof = self.profiles[sid]
        prof.absorb(actor)
        for k in actor.keys:
            self.index.setdefault(k, set()).add(sid)
        self.touched.add(sid)
        return sid, score, feats


def _dominant(cands: list[Profile]) -> Profile | None:
    """The person candidate far more written about than the others, if there is one."""
    people = sorted((p for p in cands if p.tclass == "P"), key=lambda p: -p.articles)
    if len(people) < 2:
        return None
    top, second = people[0], people[1]
    return top if top.articles >= DOMINANT_MIN and top.articles >= DOMINANT * max(1, second.articles) else None


def link_batch(linker: Linker, actors_by_art: dict[str, list[Actor]],
               order: list[str]) -> dict[str, list[tuple[Actor, str, float, dict]]]:
    """Link a batch: the full and unambiguous names of every article first, then the
    surname-only persons, which use the entities already linked in their article as context
    and the whole batch's full names for the prominence prior."""
    linked: dict[str, list[tuple[Actor, str, float, dict]]] = {aid: [] for aid in order}
    for aid in order:
        first = [a for a in actors_by_art[aid] if not a.surname_only]
        context = [s for s in dict.fromkeys(linker.link(a, [])[0] for a in first) if s]
        _assign_all(linker, first, context, linked[aid])
        _add_context(linker, [x[1] for x in linked[aid]], set())
    for aid in order:
        done = {x[1] for x in linked[aid]}
        later = [a for a in actors_by_art[aid] if a.surname_only]
        _assign_all(linker, later, [], linked[aid])
        _add_context(linker, [x[1] for x in linked[aid]], done)
    return linked


def _add_context(linker: Linker, ids: list[str], known: set[str]) -> None:
    """Co-mentions of one article's store entities (pairs within ``known`` are counted already)."""
    ids = list(dict.fromkeys(ids))
    for sid in ids:
        linker.profiles[sid].add_context(o for o in ids if o != sid and not (sid in known and o in known))


def _assign_all(linker: Linker, actors: list[Actor], context: list[str], out: list) -> None:
    for a in actors:
        ctx = list(dict.fromkeys(context + [x[1] for x in out]))
        sid, score, feats = linker.assign(a, ctx)
        out.append((a, sid, score, feats))


# ---------------------------------------------------------------- store I/O

def load_profiles(con, keys: set[str]) -> tuple[dict[str, Profile], dict[str, set[str]]]:
    """Candidate store entities for a batch's keys, with the full key index for them."""
    if not keys:
        return {}, {}
    from .db import temp_ids
    temp_ids(con, "_resolve_keys", sorted(keys))
    rows = con.execute("SELECT k.key, k.store_entity_id FROM entity_keys k "
                       "JOIN _resolve_keys q ON q.id = k.key").fetchall()
    index: dict[str, set[str]] = {}
    for k, sid in rows:
        index.setdefault(k, set()).add(sid)
    profiles = load_profile_rows(con, {sid for _, sid in rows})
    for k, sid in rows:
        if sid in profiles:
            profiles[sid].keys.add(k)
    return profiles, index


def load_profile_rows(con, ids: set[str]) -> dict[str, Profile]:
    """Profiles of the given store entities (without their keys)."""
    from .db import temp_ids
    profiles: dict[str, Profile] = {}
    if not ids:
        return profiles
    temp_ids(con, "_resolve_cands", sorted(ids))
    for sid, typ, given, titles, context, n_art in con.execute(
            "SELECT e.id, e.type, e.given, e.titles, e.context, e.articles FROM store_entities e "
            "JOIN _resolve_cands c ON c.id = e.id").fetchall():
        g = json.loads(given or "{}")
        profiles[sid] = Profile(sid, typ, _tclass(typ), set(g.get("given", [])), set(g.get("initials", [])),
                                set(g.get("suffix", [])), set(json.loads(titles or "[]")),
                                Counter(json.loads(context or "{}")), stored_articles=int(n_art or 0))
    return profiles


def _tclass(typ: str) -> str:
    from .names import TYPE_CLASS
    return TYPE_CLASS.get(typ, typ)


def load_actors(con, ids_table: str) -> dict[str, list[Actor]]:
    """Every pending article's actors, grouped within the article."""
    rows = con.execute(f"""
        SELECT e.article_id, e.id, e.type, e.name, e.mentions, e.roles,
               e.type = 'PERSON' AND instr(a.text, chr(10)) > 0 AND json_array_length(e.mentions) > 0
               AND coalesce(list_max(json_extract(e.mentions, '$[*][1]')::INTEGER[]), 0)
                   < instr(a.text, chr(10))
               AND NOT contains(substr(a.text, instr(a.text, chr(10))), e.name) AS headline_only
        FROM entities e JOIN articles a ON a.id = e.article_id
        WHERE e.article_id IN (SELECT id FROM {ids_table})
        ORDER BY e.article_id, TRY_CAST(substr(e.id, 2) AS INTEGER), e.id""").fetchall()
    by_art: dict[str, list[tuple]] = {}
    for r in rows:
        by_art.setdefault(r[0], []).append(r[1:])
    pc, pid, names = _place_maps(con, ids_table)
    return {aid: group_article(aid, parse_rows(rs), pc.get(aid), pid.get(aid), names.get(aid))
            for aid, rs in by_art.items()}


def _place_maps(con, ids_table: str) -> tuple[dict, dict, dict]:
    """article -> {entity id: country}, {entity id: geonameid}, {place names} from the places stage."""
    countries: dict[str, dict] = {}
    gids: dict[str, dict] = {}
    names: dict[str, set] = {}
    rows = con.execute(f"SELECT article_id, entity, country, geonameid, text FROM places "
                       f"WHERE article_id IN (SELECT id FROM {ids_table})").fetchall()
    for aid, ent, cc, gid, text in rows:
        if text:
            names.setdefault(aid, set()).add(text.lower())
        if ent is None:
            continue
        if cc:
            countries.setdefault(aid, {})[ent] = cc
        if gid:
            gids.setdefault(aid, {})[ent] = int(gid)
    return countries, gids, names


def resolve_entities(con, ids_table: str, published: dict[str, object], stale: set[str] = frozenset()) -> dict:
    """Link the pending articles' entities; ``stale`` are store entities that lost links (an
    article whose text changed) and need their counts refreshed. Returns counts."""
    actors_by_art = load_actors(con, ids_table)
    keys = {k for acts in actors_by_art.values() for a in acts for k in a.keys}
    keys |= {f"P|{a.surname}" for acts in actors_by_art.values() for a in acts if a.tclass == "O" and a.surname}
    keys |= {k.replace("OI|", "OA|") for k in list(keys) if k.startswith("OI|")}
    keys |= {k.replace("OA|", "OI|") for k in list(keys) if k.startswith("OA|")}
    profiles, index = load_profiles(con, keys)
    missing = set(stale) - set(profiles)
    profiles.update(load_profile_rows(con, missing))
    linker = Linker(profiles, index)
    linker.touched |= set(stale) & set(profiles)
    links, roles = [], []
    order = sorted(actors_by_art, key=lambda a: (str(published.get(a) or "9999"), a))
    batch = link_batch(linker, actors_by_art, order)
    for aid in order:
        local_to_store: dict[str, str] = {}
        results = batch[aid]
        for actor, sid, score, feats in results:
            ev = dumps({**feats, "grouped": actor.reasons} if actor.reasons else feats)
            for m in actor.members:
                local_to_store[m["id"]] = sid
                links.append((aid, m["id"], sid, m["name"], m["type"], len(m["mentions"]), round(score, 3), ev))
        for actor, sid, _, _ in results:
            for m in actor.members:
                for r in m["roles"]:
                    org = r.get("org")
                    roles.append((sid, r.get("title"), local_to_store.get(org) if org else None,
                                  _name_of(actors_by_art[aid], org), aid, published.get(aid)))
    bulk_insert(con, "entity_links", ["article_id", "entity_id", "store_entity_id", "name", "type",
                                      "mentions", "score", "evidence"], links)
    bulk_insert(con, "entity_roles", ["store_entity_id", "title", "org", "org_name", "article_id", "published"],
                roles)
    key_rows = [(k, sid) for sid in linker.touched for k in linker.profiles[sid].keys]
    bulk_insert(con, "entity_keys", ["key", "store_entity_id"], key_rows, ignore=True)
    refresh_entities(con, linker.profiles, linker.touched)
    return {"links": len(links), "entities_touched": len(linker.touched),
            "entities_new": sum(1 for s in linker.touched if linker.profiles[s].new)}


def _name_of(actors: list[Actor], local_id: str | None) -> str | None:
    for a in actors:
        for m in a.members:
            if m["id"] == local_id:
                return m["name"]
    return None


def refresh_entities(con, profiles: dict[str, Profile], ids: set[str]) -> None:
    """Recompute name, aliases and counts of the touched store entities from their links."""
    if not ids:
        return
    from .db import temp_ids
    temp_ids(con, "_resolve_touched", sorted(ids))
    stats = con.execute(
        "SELECT l.store_entity_id, count(DISTINCT l.article_id), sum(l.mentions), min(a.published), "
        "max(a.published), mode(l.type) FROM entity_links l JOIN _resolve_touched t ON t.id = l.store_entity_id "
        "LEFT JOIN articles a ON a.id = l.article_id GROUP BY 1").fetchall()
    names: dict[str, Counter] = {}
    for sid, name, n in con.execute(
            "SELECT l.store_entity_id, l.name, count(*) FROM entity_links l "
            "JOIN _resolve_touched t ON t.id = l.store_entity_id GROUP BY 1, 2").fetchall():
        names.setdefault(sid, Counter())[name] = n
    rows = []
    for sid, n_art, n_men, first, last, typ in stats:
        p = profiles.get(sid)
        counter = names.get(sid, Counter())
        rows.append((sid, _entity_type(p, typ), canonical_name(counter), dumps(sorted(counter)[:50]), n_art,
                     int(n_men or 0), dumps(_given_json(p)), dumps(sorted(p.titles) if p else []),
                     dumps(dict(p.context.most_common(CONTEXT_MAX)) if p else {}), first, last))
    from ..store.writer.resolve import replace_rows
    replace_rows(con, "store_entities", "_resolve_touched", ["id", "type", "name", "aliases", "articles", "mentions", "given", "titles",
                                        "context", "first_seen", "last_seen"], rows)


def _entity_type(p: Profile | None, mode_type: str | None) -> str:
    if p and p.tclass == "P":
        return "PERSON"
    return (p.type if p else None) or mode_type or ""


def _given_json(p: Profile | None) -> dict:
    if not p:
        return {}
    return {"given": sorted(p.given), "initials": sorted(p.initials), "suffix": sorted(p.suffix)}


def canonical_name(names: Counter) -> str:
    """The most frequent multi-word name (ties: the longest), else the most frequent name."""
    if not names:
        return ""
    multi = [(n, c) for n, c in names.items() if " " in n.strip() and "(" not in n]
    pool = multi or list(names.items())
    return max(pool, key=lambda t: (t[1], len(t[0]), t[0]))[0]
