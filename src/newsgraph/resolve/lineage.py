"""Quote lineage: the same statement as several outlets and languages report it.

A candidate quote is the same statement as the origin quote when
  * same language: its content words (cross-script keys of words of 4+ letters) overlap the
    origin's by ``MIN_WORDS`` (Jaccard), or by ``MIN_WORDS_SPEAKER`` when the speaker is the
    same store entity;
  * another language: the speaker is the same store entity, it was published within
    ``WINDOW_DAYS``, and it shares an anchor with the origin - a figure, a name
    (capitalised words compared by their cross-script key: "Tokayev" = "Токаев"), or an
    event cluster (both articles report the same event).
One report per article: the best match (same kind as the origin first).
Each report says how it drifted: ``wording`` (1 - word overlap with the origin, same
language only) and ``attribution`` ("same" speaker, "other" speaker, "none" when the
report names no speaker).
"""
from __future__ import annotations

import datetime as dt
import re

from .translit import skeleton

MIN_WORDS = 0.4
MIN_WORDS_SPEAKER = 0.2
WINDOW_DAYS = 14
_WORD = re.compile(r"\w{4,}")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁ][\w-]{2,}")
_NUM = re.compile(r"\d+(?:[.,]\d+)?")


def words(text: str) -> set[str]:
    return {skeleton(w) for w in _WORD.findall(text or "") if not w.isdigit()}


def anchors(text: str) -> set[str]:
    nums = {n.replace(",", ".") for n in _NUM.findall(text or "")}
    names = {skeleton(w) for w in _NAME.findall(text or "")}
    return nums | names


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _near(a, b) -> bool:
    da, db = _date(a), _date(b)
    return da is None or db is None or abs((da - db).days) <= WINDOW_DAYS


def _date(v) -> dt.date | None:
    if v is None:
        return None
    try:
        return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def match(origin: dict, cand: dict) -> dict | None:
    """How ``cand`` reports ``origin``'s statement, or None when it is another statement.
    Quotes are {article, id, text, lang, published, speaker_id, speaker, source}."""
    if (cand["article"], cand["id"]) == (origin["article"], origin["id"]) or not _near(origin["published"],
                                                                                     cand["published"]):
        return None
    same_speaker = bool(origin.get("speaker_id")) and cand.get("speaker_id") == origin.get("speaker_id")
    if (cand.get("lang") or "en") == (origin.get("lang") or "en"):
        sim = jaccard(words(origin["text"]), words(cand["text"]))
        if sim < (MIN_WORDS_SPEAKER if same_speaker else MIN_WORDS):
            return None
        wording = round(1 - sim, 3)
    else:
        shared = (anchors(origin["text"]) & anchors(cand["text"])
                  or set(origin.get("clusters") or ()) & set(cand.get("clusters") or ()))
        if not (same_speaker and shared):
            return None
        sim, wording = None, None
    attribution = "same" if same_speaker else ("none" if not cand.get("speaker_id") else "other")
    return {"similarity": None if sim is None else round(sim, 3), "wording": wording, "attribution": attribution}


def lineage(origin: dict, candidates: list[dict]) -> list[dict]:
    """The reports of ``origin``'s statement (itself first), oldest first after it."""
    out = [{**_report(origin), "similarity": 1.0, "wording": 0.0, "attribution": "origin"}]
    best: dict[str, tuple] = {}
    for c in candidates:
        m = match(origin, c)
        if m:
            rank = (c.get("kind") == origin.get("kind"), m["similarity"] or 0.0, len(c["text"] or ""))
            if c["article"] not in best or rank > best[c["article"]][0]:
                best[c["article"]] = (rank, {**_report(c), **m})
    found = [r for _, r in best.values()]
    found.sort(key=lambda r: (str(r["published"] or ""), r["article"], r["quote"]))
    return out + found


def _report(q: dict) -> dict:
    pub = q.get("published")
    return {"article": q["article"], "quote": q["id"], "source": q.get("source"), "lang": q.get("lang"),
            "published": pub.isoformat() if isinstance(pub, dt.date) else pub, "text": q["text"],
            "speaker": q.get("speaker"), "speaker_id": q.get("speaker_id"), "start": q.get("start"),
            "end": q.get("end")}
