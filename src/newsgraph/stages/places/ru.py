"""places.ru.v1: every place mention of the Russian entities, resolved to GeoNames.

For each GPE/LOC entity (entities.ru), each mention is looked up in the Russian place
index (resources.gazetteer_ru: hand list, ISO country names, GeoNames Cyrillic alternate names), by
the entity's nominative name first, then by the mention's own lemmas; the same GeoNames
ids as the English pipeline, so "в Алматы", "Алма-Ата" and "Almaty" meet. A name the
index lacks ("Хатлонской области") is kept with no id; "<adjective> область/район"
falls back to the city of the same stem ("Костанайская область" -> the Kostanay admin
division when the gazetteer has it, else no id).
"""
from __future__ import annotations

from ...model import ArticleRecord, Place
from ...resources import Context, gazetteer
from ...resources import gazetteer_ru as places_index
from ...lang.ru.lexicon import key

VERSION = "places.ru.v1"


def lexicon(lang) -> tuple[frozenset[str], tuple[str, ...]]:
    """(division words in comparison form, region adjective endings) of ``lang``, built once
    per process per language."""
    return lang.cached("places.ru", lambda: (frozenset(key(w) for w in lang.data("division_words.txt")),
                                             tuple(lang.data("places_words.json")["region_adjective_endings"])))


def _resolve(names: list[str], lex):
    for n in names:
        rows = places_index.lookup(n)
        if rows:
            return gazetteer.load().entry(rows[0]), 1.0 if n == names[0] else 0.8
    return _division(names[0], lex), 0.6


def _division(name: str, lex):
    """'Костанайская область' -> the admin division holding the city 'Костанай'."""
    words = name.split()
    divisions, endings = lex
    if len(words) != 2 or key(words[1]) not in divisions or not key(words[0]).endswith(endings):
        return None
    stem = words[0][:-4]
    gz = gazetteer.load()
    for cand in (stem, stem + "а", stem + "ь", stem[:-2] + "а" if stem.endswith("ин") else ""):
        rows = [r for r in places_index.lookup(cand) if gz.kind(r) == "city"] if cand else []
        if rows:
            row = gz.admin(gz.country_code(rows[0]), gz.admin1_code(rows[0]))
            return gz.entry(row) if row is not None else None
    return None


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Place]:
    text = rec.article.text if rec is not None else doc.text
    lex = lexicon(ctx.lang)
    out: list[Place] = []
    for ent in rec.get("entities"):
        if ent.type not in ("GPE", "LOC"):
            continue
        for s, e in ent.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            lemmas = " ".join(t.lemma_ for t in span) if span is not None else text[s:e]
            entry, score = _resolve([ent.name, text[s:e], lemmas], lex)
            out.append(Place(
                id="", start=s, end=e, text=text[s:e], name=entry.name if entry else ent.name,
                geonameid=entry.geonameid if entry else None, country=entry.country if entry else None,
                admin1=entry.admin1 if entry else None, lat=entry.lat if entry else None,
                lon=entry.lon if entry else None, kind=entry.place_kind if entry else "other",
                score=score, entity=ent.id))
    out.sort(key=lambda p: p.start)
    for n, p in enumerate(out, 1):
        p.id = f"P{n}"
    return out
