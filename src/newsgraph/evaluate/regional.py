"""The "who" on Central Asian English-language reporting (issue 13): our own regional articles.

Gold: ``tests/golden/regional/rNN.json``, one article per file (format in the README there).
The articles are split up front: odd numbers are the tuning half (``tune``), even numbers the
held-out half (``held``); scores are printed for both, never pooled only.

Measures (each with the count it is taken over):
    quote_speaker      speaker correct, on gold quotes the system found (span overlap)
    figure_claimant    claimant correct, on gold figures found (no claimant expected = none given)
    figure_counted     the counted head word agrees, on gold figures found
    title_found        people with a title: the person is found and carries that title
    org_f1             ORG mention precision / recall / F1 (character Jaccard >= 0.5, one to one)
    event_trigger_f1   event trigger precision / recall / F1 (trigger spans overlap, one to one)
    event_type         type correct, on found events
    event_date         TIMEX3 value equal, on found events with a gold date
    event_place        place name agrees, on found events with a gold place
    event_actor        actor name agrees, on found events with a gold actor
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

from ..errors import EvalError

HALVES = ("tune", "held")
# heads too generic to identify an institution on their own ("the ministry" vs "Interior Ministry")
GENERIC = {"ministry", "committee", "court", "service", "agency", "office", "department", "police",
           "directorate", "administration", "government", "sources", "source", "president", "minister"}
_PRESS = re.compile(r"\b(?:press (?:service|center|centre|office)|news agency)\b(?: of)?")
# words that may follow a name and leave it the same ("Kostanai region", "Committee of Kazakhstan")
_TAILS = {"of", "region", "district", "province", "city", "oblast", "area", "village"}
_CUT = {"who", "which", "that", "of", "from", "in", "at", "on", "with", "for", "to", "among", "including"}
_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "people", "persons": "people",
              "person": "people", "citizens": "citizen", "kilograms": "kilogram", "kg": "kilogram"}


def read_gold(path: str | Path) -> list[dict]:
    """Every gold article under ``path`` (a folder of rNN.json or one file), spans checked."""
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if not files:
        raise EvalError(f"no regional gold articles (*.json) under {p}; pass --gold tests/golden/regional")
    arts = []
    for f in files:
        try:
            art = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise EvalError(f"{f}: not a readable JSON article ({exc}); fix or remove the file") from exc
        _check(f, art)
        arts.append(art)
    return arts


def _check(f: Path, art: dict) -> None:
    text = art.get("text")
    if not isinstance(text, str) or art.get("half") not in HALVES:
        raise EvalError(f"{f}: an article needs 'text' and 'half' (tune or held); see the README")
    spans = [*art.get("quotes", []), *art.get("figures", []), *art.get("orgs", []),
             *(e["trigger"] for e in art.get("events", []))]
    for s in spans:
        if text[s["start"]:s["end"]] != s["text"]:
            raise EvalError(f"{f} ({art.get('id')}): span {s['start']}:{s['end']} is not {s['text']!r}; "
                            "rebuild the offsets after editing the text")


# ---------------------------------------------------------------- matching helpers
def norm(s: str | None) -> str:
    s = (s or "").lower().replace("\u2019", "'")
    s = _PRESS.sub(" ", s)
    s = re.sub(r"'s\b", " ", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    s = re.sub(r"^\s*(?:the|a|an)\s+|\s+the\s*$", " ", s)
    return " ".join(s.split())


def names_match(system: list[str], gold: list[str] | None) -> bool:
    """A system name agrees with a gold alternative: equal, or one ends the other ("Tokayev",
    "Kazakhstan's Interior Ministry") unless the shorter is only a generic head ("ministry")."""
    for g in gold or ():
        gt = norm(g).split()
        for s in system:
            st = norm(s).split()
            if not gt or not st:
                continue
            short, long_ = sorted((gt, st), key=len)
            if short == long_:
                return True
            if len(short) == 1 and short[0] in GENERIC:
                continue
            if long_[-len(short):] == short or (long_[:len(short)] == short and long_[len(short)] in _TAILS):
                return True
    return False


def head(word: str | None) -> str:
    """The head noun of a counted phrase: its last word before a relative clause or a
    prepositional tail ("Tajik citizens who had crossed ..." -> citizen)."""
    toks = norm(word).split()
    cut = next((i for i, w in enumerate(toks) if i and w in _CUT), len(toks))
    toks = toks[:cut]
    if not toks:
        return ""
    w = toks[-1]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def title_match(system: str, gold: list[str]) -> bool:
    st = norm(system).split()
    for g in gold:
        gt = norm(g).split()
        if gt and st and (set(gt) <= set(st) or (set(st) <= set(gt) and st[-1] == gt[-1])):
            return True
    return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pair(gold: list[tuple[int, int]], system: list[tuple[int, int]], ok) -> dict[int, int]:
    """One-to-one greedy pairing by overlap: gold index -> system index."""
    cands = sorted(((_overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system)
                    if ok(g, s)), reverse=True)
    pairs, used = {}, set()
    for _, gi, si in cands:
        if gi not in pairs and si not in used:
            pairs[gi] = si
            used.add(si)
    return pairs


def _found(g, s) -> bool:
    ov = _overlap(g, s)
    return ov > 0 and ov >= 0.5 * min(g[1] - g[0], s[1] - s[0])


def _jaccard(g, s) -> bool:
    ov = _overlap(g, s)
    return ov > 0 and ov / (max(g[1], s[1]) - min(g[0], s[0])) >= 0.5


def _span(d: dict) -> tuple[int, int]:
    return d["start"], d["end"]


# ---------------------------------------------------------------- one article
class Tally:
    """Counts per measure: ``ok[m]`` correct of ``n[m]``; P/R counts for the F1 measures."""

    def __init__(self) -> None:
        self.ok: dict[str, int] = {}
        self.n: dict[str, int] = {}
        self.prf: dict[str, list[int]] = {}  # measure -> [matched, system, gold]
        self.misses: list[str] = []

    def hit(self, measure: str, good: bool, why: str = "") -> None:
        self.n[measure] = self.n.get(measure, 0) + 1
        self.ok[measure] = self.ok.get(measure, 0) + int(good)
        if not good and why:
            self.misses.append(f"{measure}: {why}")

    def pr(self, measure: str, matched: int, system: int, gold: int) -> None:
        c = self.prf.setdefault(measure, [0, 0, 0])
        c[0] += matched
        c[1] += system
        c[2] += gold

    def add(self, other: "Tally") -> None:
        for m, v in other.n.items():
            self.n[m] = self.n.get(m, 0) + v
            self.ok[m] = self.ok.get(m, 0) + other.ok[m]
        for m, (a, b, c) in other.prf.items():
            self.pr(m, a, b, c)
        self.misses += other.misses

    def scores(self) -> dict:
        out = {m: {"accuracy": round(self.ok[m] / self.n[m], 3), "n": self.n[m]} for m in sorted(self.n)}
        for m, (a, s, g) in sorted(self.prf.items()):
            p, r = (a / s if s else 0.0), (a / g if g else 0.0)
            out[m] = {"precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "gold": g, "system": s}
        return out


def _entity_names(rec: dict, eid: str | None) -> list[str]:
    for e in rec["entities"]:
        if e["id"] == eid:
            return [e["name"], *(rec["text"][a:b] for a, b in e["mentions"])]
    return []


def _speaker_names(rec: dict, q: dict) -> list[str]:
    names = _entity_names(rec, q.get("speaker"))
    if q.get("speaker_start") is not None:
        names.append(rec["text"][q["speaker_start"]:q["speaker_end"]])
    return names


def score_article(gold: dict, rec: dict) -> Tally:
    t = Tally()
    tag = gold["id"]
    _quotes(gold, rec, t, tag)
    _figures(gold, rec, t, tag)
    _titles(gold, rec, t, tag)
    orgs = [tuple(m) for e in rec["entities"] if e["type"] == "ORG" for m in e["mentions"]]
    g_orgs = [_span(o) for o in gold["orgs"]]
    pairs = _pair(g_orgs, orgs, _jaccard)
    t.pr("org_f1", len(pairs), len(orgs), len(g_orgs))
    for gi, o in enumerate(gold["orgs"]):
        if gi not in pairs:
            t.misses.append(f"org_f1: {tag} missed {o['text']!r}")
    for si in set(range(len(orgs))) - set(pairs.values()):
        t.misses.append(f"org_f1: {tag} spurious {rec['text'][orgs[si][0]:orgs[si][1]]!r}")
    _events(gold, rec, t, tag)
    return t


def _quotes(gold: dict, rec: dict, t: Tally, tag: str) -> None:
    sys_q = rec["quotes"]
    pairs = _pair([_span(q) for q in gold["quotes"]], [(q["start"], q["end"]) for q in sys_q], _found)
    for gi, g in enumerate(gold["quotes"]):
        if gi not in pairs:
            t.misses.append(f"quote_found: {tag} {g['text'][:50]!r}")
            continue
        names = _speaker_names(rec, sys_q[pairs[gi]])
        t.hit("quote_speaker", names_match(names, g["speaker"]),
              f"{tag} {g['text'][:40]!r}: {names[:1] or None} for {g['speaker'][0]!r}")


def _figures(gold: dict, rec: dict, t: Tally, tag: str) -> None:
    nums = rec["numbers"]
    quotes = {q["id"]: q for q in rec["quotes"]}
    pairs = _pair([_span(f) for f in gold["figures"]], [(n["start"], n["end"]) for n in nums],
                  lambda g, s: _overlap(g, s) > 0)
    for gi, g in enumerate(gold["figures"]):
        if gi not in pairs:
            t.misses.append(f"figure_found: {tag} {g['text']!r}")
            continue
        n = nums[pairs[gi]]
        names = _entity_names(rec, n.get("claimant"))
        if not names and n.get("quote") in quotes:
            names = _speaker_names(rec, quotes[n["quote"]])
        good = (not names) if g["claimant"] is None else names_match(names, g["claimant"])
        t.hit("figure_claimant", good, f"{tag} {g['text']!r}: {names[:1] or None} for {g['claimant']}")
        # the counted noun, or the unit as written in the figure ("15 million tenge" has unit KZT)
        heads = {head(n.get("counted")), head(n.get("unit")), head(n.get("text")) if n.get("unit") else ""} - {""}
        t.hit("figure_counted", head(g["counted"]) in heads,
              f"{tag} {g['text']!r}: {n.get('counted')!r} for {g['counted']!r}")


def _titles(gold: dict, rec: dict, t: Tally, tag: str) -> None:
    for g in gold["titled"]:
        roles = [r["title"] for e in rec["entities"] if names_match(_entity_names(rec, e["id"])[:1], [g["name"]])
                 for r in e.get("roles", [])]
        t.hit("title_found", any(title_match(r, g["title"]) for r in roles),
              f"{tag} {g['name']!r}: {roles} for {g['title'][0]!r}")


def _place_names(rec: dict, pid: str | None) -> list[str]:
    return [x for p in rec["places"] if p["id"] == pid for x in (p["name"], p["text"])]


def _events(gold: dict, rec: dict, t: Tally, tag: str) -> None:
    evs = rec["events"]
    pairs = _pair([_span(e["trigger"]) for e in gold["events"]], [tuple(e["trigger"]) for e in evs],
                  lambda g, s: _overlap(g, s) > 0)
    t.pr("event_trigger_f1", len(pairs), len(evs), len(gold["events"]))
    for si in set(range(len(evs))) - set(pairs.values()):
        a, b = evs[si]["trigger"]
        t.misses.append(f"event_trigger_f1: {tag} spurious {evs[si]['type']} {rec['text'][a:b]!r}")
    for gi, g in enumerate(gold["events"]):
        word = f"{tag} {g['trigger']['text']!r}"
        if gi not in pairs:
            t.misses.append(f"event_trigger_f1: {word} missed ({g['type']})")
            continue
        e = evs[pairs[gi]]
        t.hit("event_type", e["type"] == g["type"], f"{word}: {e['type']} for {g['type']}")
        if g["date"]:
            t.hit("event_date", e.get("date") == g["date"], f"{word}: {e.get('date')} for {g['date']}")
        if g["place"]:
            got = _place_names(rec, e.get("place"))
            t.hit("event_place", names_match(got, g["place"]), f"{word}: {got[:1] or None} for {g['place'][0]}")
        if g["actor"]:
            got = _entity_names(rec, e.get("actor")) + ([e["actor_text"]] if e.get("actor_text") else [])
            t.hit("event_actor", names_match(got, g["actor"]), f"{word}: {got[:1] or None} for {g['actor'][0]}")


# ---------------------------------------------------------------- the run
def extract(arts: list[dict]) -> list[dict]:
    """Our records for the gold articles, through the same pipeline as ``newsgraph extract``."""
    from ..model import Article, ArticleRecord
    from ..pipeline import Pipeline

    articles = [Article(id=a["id"], text=a["text"], published=a["published"], source=a.get("source"))
                for a in arts]
    recs = {}
    for out in Pipeline().run(articles):
        if not isinstance(out, ArticleRecord):
            raise EvalError(f"the pipeline rejected a regional gold article: {out}")
        d = out.to_dict()
        recs[d["id"]] = d
    return [recs[a["id"]] for a in arts]


def run(gold: str | Path, limit: int | None = None) -> tuple[dict[str, Tally], float]:
    arts = read_gold(gold)[:limit]
    t0 = time.perf_counter()
    recs = extract(arts)
    secs = time.perf_counter() - t0
    halves = {h: Tally() for h in HALVES}
    for art, rec in zip(arts, recs):
        halves[art["half"]].add(score_article(art, rec))
    return halves, len(arts) / secs if secs else 0.0


def evaluate(gold: str, limit: int | None = None, peers: bool = False) -> dict:
    """Scores per half (tune = odd articles, held = even articles); no peers for this set."""
    halves, aps = run(gold, limit)
    return {"gold": str(gold), "split": "tune = odd article numbers, held = even (held out)",
            "tune": halves["tune"].scores(), "held": halves["held"].scores(),
            "articles_per_second": round(aps, 2)}
