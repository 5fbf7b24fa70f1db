"""Mentions of one event within an article share what each knows.

An article often names an event twice: "the recent special operation in Almaty in which
foreign nationals were detained" and later "the detention of a group in early January in
Almaty". Two mentions of the same type and mode, at the same place, neither negated nor
hypothetical, are taken as one event: an undated mention takes the other's date, and a
vague target ("a group", "them") takes the other's named one. Both mentions stay listed.
A headline's event ("Border guards seize 80 kg of hashish") is the lead's: it takes the date
of the first body mention of its type and mode (``headline``), wherever each names the place.
"""
from __future__ import annotations

from .lexicon import Lexicon


def _vague(role, lex: Lexicon) -> bool:
    return role is None or role.text is None or lex.is_("vague_role_words", role.text.lower().split()[-1])


def share(events: list[dict], place_names: dict[str, str], lex: Lexicon) -> None:
    """Fill dates and targets across mentions of one event (in place)."""
    groups: dict[tuple, list[dict]] = {}
    for ev in events:
        name = place_names.get(ev["place"]) if ev["place"] else None
        if name is None or not lex.is_("real_factuality", ev["fact"]):
            continue
        groups.setdefault((ev["type"], ev["mode"], name.lower()), []).append(ev)
    for group in groups.values():
        if len(group) < 2:
            continue
        dated = next((e for e in group if e["date_source"] == "time"), None)
        named = next((e for e in group if not _vague(e["target"], lex)), None)
        for ev in group:
            if dated is not None and ev["date_source"] != "time":
                ev["time"], ev["date"], ev["date_source"] = dated["time"], dated["date"], "time"
            if named is not None and _vague(ev["target"], lex):
                ev["target"] = named["target"]


def place_back(events: list[dict], lex: Lexicon) -> None:
    """"Police detained 5 people on Friday. The detentions took place in Osh.": a definite
    mention of an event that names its place gives it to the earlier real mentions of the same
    type and mode that name none (in place; before the discourse fills places)."""
    for i, ev in enumerate(events):
        trig = ev["trig"]
        if trig.kind != "noun" or ev["place"] is None or not lex.is_("real_factuality", ev["fact"]):
            continue
        if not any(c.dep_ in lex.dep("determiner") and lex.is_("definite_determiners", c.lower_)
                   for c in trig.tok.children):
            continue
        for prior in events[:i]:
            if prior["place"] is None and lex.is_("real_factuality", prior["fact"]) and \
                    (prior["type"], prior["mode"]) == (ev["type"], ev["mode"]):
                prior["place"] = ev["place"]


def headline(events: list[dict], end: int, countries: set[str] = frozenset()) -> None:
    """Headline events (trigger before ``end``) without a date of their own take the date of
    the first real body event of the same type and mode that has one, and, when they have no
    place or only a country (``countries``: place ids), the first such event's place below
    the country level ("Kyrgyz border guards detain two" -> "near the village of X") (in place)."""
    if not end:
        return
    for ev in events:
        if ev["trig"].start >= end:
            continue
        same = [b for b in events if b["trig"].start >= end and b["type"] == ev["type"]
                and b["mode"] == ev["mode"] and b["fact"] == ev["fact"]]
        lead = next((b for b in same if b["date_source"] == "time"), None)
        if lead is not None and ev["date_source"] != "time":
            ev["time"], ev["date"], ev["date_source"] = lead["time"], lead["date"], "time"
        placed = next((b for b in same if b["place"] and b["place"] not in countries), None)
        if placed is not None and (ev["place"] is None or ev["place"] in countries):
            ev["place"] = placed["place"]
