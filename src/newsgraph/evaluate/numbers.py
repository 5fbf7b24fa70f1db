"""Score the numbers stage (and quantulum3 beside it) on NewsQuant sentences.

Gold: a JSON list of ``{"text", "quantities": [{"value", "normalized_unit", ...}]}``; a
value "a-b" is a range. Each sentence runs through ``Pipeline(select(["numbers"]))`` as
one article (with the entities and quotes stages it requires).

Figures, for us and for quantulum3 from the same run on the same sentences:
- value P/R/F1: predicted and gold quantities paired one to one when the values are equal
  (relative tolerance 1e-5); a range equals a range with the same two ends (in any order);
  quantulum3 gives no ranges, so a gold range counts for it when its value is the middle
  (as NewsQuant's own scorer does for quantulum3);
- value+unit P/R/F1: pairs that also agree on the unit, after the mapping below;
- docs_per_s: sentences per second including the spaCy parse.

Unit mapping (our normalised unit -> NewsQuant's ``normalized_unit``): ``UNIT_NAMES``
gives the English name(s) of each of our unit codes ("USD" -> "dollar", "km" ->
"kilometre", "percent" -> "percentage"); a compound "USD/barrel" is "dollar per barrel";
"fraction" matches a gold unit written as a share ("% germans"). NewsQuant names counted
things as units ("13 workers" -> "worker"): when our unit is None or "person", the unit
agrees if the last word of the gold unit equals the head word of our ``counted`` phrase
(its last word before a relative clause or "of" phrase, as written or with a plural "s"
dropped), "person" also agrees with "people"/"person", and a gold "-" agrees
with no unit and nothing counted. quantulum3's unit names are compared as they are
("dimensionless" is "-").

CQE (PyPI ``cqe``) pins old torch / spacy-transformers and fetches its spaCy model from a
hub, so it lives outside this environment: install it without dependencies in a separate
venv that sees this one's packages, e.g.::

    python -m venv /tmp/cqe-venv
    echo /work/venv/lib/python3.11/site-packages > /tmp/cqe-venv/lib/python3.11/site-packages/newsgraph.pth
    /tmp/cqe-venv/bin/pip install --no-deps cqe==2.0.3 fuzzywuzzy==0.18.0 more_itertools \
        ordered-set python-Levenshtein greek emoji==1.7 inflect==5.4.0 spacy_download

then ``NEWSGRAPH_CQE_PYTHON=/tmp/cqe-venv/bin/python`` (the default when that path exists)
runs it in a subprocess with the local spaCy model in place of the hub one and an English
number locale patched in. Its units are NewsQuant's own names (compared as they are). When
no CQE interpreter is found, its published figures (full set: value F1 0.920, value+unit
F1 0.856) are reported instead, marked so.
"""
from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError

CQE_PUBLISHED = {"value_f1": 0.920, "value_unit_f1": 0.856,
                 "note": "published on the full NewsQuant set (Almasian et al. 2023)"}
CQE_DEFAULT_PYTHON = "/tmp/cqe-venv/bin/python"  # the default of settings "cqe_python"
# Runs inside the CQE venv: texts (JSON) on stdin -> {"seconds", "preds"} on stdout.
_CQE_RUNNER = r"""
import json, locale, sys, time
locale.setlocale = lambda category, loc=None: "C"   # CQE asks for en_US.UTF-8
_conv = locale.localeconv()
_conv.update({"thousands_sep": ",", "decimal_point": ".", "grouping": [3, 3, 0]})
locale.localeconv = lambda: _conv
from CQE import CQE
parser = CQE.CQE(spacy_model=sys.argv[1])
texts = json.load(sys.stdin)
t0 = time.perf_counter()
preds = []
for text in texts:
    found = []
    try:
        for q in parser.parse(text):
            v = q.value
            value = [v.lower, v.upper] if hasattr(v, "upper") else getattr(v, "value", v)
            found.append({"value": value, "unit": str(getattr(q.unit, "norm_unit", q.unit))})
    except Exception:
        pass
    preds.append(found)
json.dump({"seconds": time.perf_counter() - t0, "preds": preds}, sys.stdout)
"""

UNIT_NAMES: dict[str, tuple[str, ...]] = {
    "USD": ("dollar", "united states dollar"), "AUD": ("australian dollar",),
    "CAD": ("canadian dollar",), "HKD": ("hong kong dollar",), "SGD": ("singapore dollar",),
    "NZD": ("new zealand dollar",), "EUR": ("euro",), "GBP": ("pound sterling",),
    "JPY": ("japanese yen",), "CNY": ("chinese yuan", "renminbi"), "ILS": ("shekel",),
    "INR": ("indian rupee",), "RUB": ("russian ruble",), "KZT": ("kazakhstani tenge",),
    "MYR": ("malaysian ringgit",), "DKK": ("danish krone",), "SEK": ("swedish krona",),
    "CHF": ("swiss franc",), "HRK": ("croatian kuna",), "KRW": ("south korean won",),
    "cent": ("cent",), "sen": ("sen",), "pence": ("penny", "pence", "point"),
    "percent": ("percentage",), "percentage_point": ("percentage point",),
    "basis_point": ("basis point",), "point": ("point",), "times": ("count",),
    "km": ("kilometre",), "m": ("metre",), "cm": ("centimetre",), "mm": ("millimetre",),
    "nm": ("nanometre",), "um": ("micrometre",), "mile": ("mile",), "ft": ("foot",),
    "inch": ("inch",), "yard": ("yard",), "km2": ("square kilometre",),
    "sq_mile": ("square mile",), "m2": ("square metre",), "sq_ft": ("square foot",),
    "hectare": ("hectare",), "acre": ("acre",), "cu_ft": ("cubic foot",),
    "m3": ("cubic metre",), "kg": ("kilogram",), "g": ("gram",), "mg": ("milligram",),
    "tonne": ("tonne",), "lb": ("pound-mass",), "oz": ("ounce",), "litre": ("litre",),
    "ml": ("millilitre",), "gallon": ("gallon",), "barrel": ("barrel", "barrel of oil"),
    "pint": ("pint",), "quart": ("quart",), "mph": ("mile per hour",),
    "km/h": ("kilometre per hour",), "knot": ("knot",), "mpg": ("mile per gallon",),
    "W": ("watt",), "kW": ("kilowatt",), "MW": ("megawatt",), "GW": ("gigawatt",),
    "kWh": ("kilowatt hour",), "MWh": ("megawatt hour",), "GWh": ("gigawatt hour",),
    "TWh": ("terawatt hour",), "hp": ("horsepower",), "bhp": ("brake horsepower",),
    "Nm": ("newton metre",), "lb_ft": ("pound-foot", "foot pound-force"),
    "mAh": ("milliampere-hour",), "V": ("volt",), "Hz": ("hertz",), "kHz": ("kilohertz",),
    "MHz": ("megahertz",), "GHz": ("gigahertz",), "GB": ("gigabyte",), "MB": ("megabyte",),
    "TB": ("terabyte",), "Mbps": ("megabit per second",), "Gbps": ("gigabit per second",),
    "dB": ("decibel",), "ppb": ("parts-per-billion",), "ppm": ("parts-per-million",),
    "GPa": ("gigapascal",), "psi": ("pound per square inch",),
    "A/cm2": ("ampere per square centimetre",), "kcal": ("kilocalorie",),
    "celsius": ("celsius",), "fahrenheit": ("fahrenheit",), "degree": ("degree",),
    "year_of_age": ("year of age",), "month_of_age": ("month of age",),
    "week_of_age": ("week of age",), "decade": ("decade",), "century": ("century",),
    "year": ("year",), "month": ("month",), "week": ("week",), "day": ("day",),
    "hour": ("hour",), "minute": ("minute",), "second": ("second",),
}


@dataclass
class Quantity:
    value: float | tuple[float, float]
    unit: str  # NewsQuant-style unit name(s) joined by "|", or our counted head
    counted: str | None = None


def load_gold(gold: str | Path, limit: int | None = None) -> list[tuple[str, list[Quantity]]]:
    path = Path(gold)
    if path.is_dir():
        path = path / "numbers" / "newsquant_dev.json"
    if not path.is_file():
        raise EvalError(f"NewsQuant gold not found at {path}; pass ../shared/gold/numbers/newsquant_dev.json")
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise EvalError(f"{path} is not JSON ({exc}); pass the NewsQuant JSON list") from exc
    out = []
    for item in items[:limit] if limit else items:
        qs = [Quantity(_gold_value(q["value"]), q["normalized_unit"].strip().lower())
              for q in item["quantities"]]
        out.append((item["text"], qs))
    return out


def _gold_value(text: str) -> float | tuple[float, float]:
    text = str(text).strip()
    if "-" in text[1:] and "E" not in text.upper():
        a, b = text[0] + text[1:].split("-", 1)[0], text[1:].split("-", 1)[1]
        return float(a), float(b)
    return float(text)


def unit_names(unit: str | None) -> set[str]:
    """NewsQuant-style names of one of our units (compounds joined with " per ")."""
    if unit is None:
        return set()
    if unit in UNIT_NAMES:
        return set(UNIT_NAMES[unit])
    parts = unit.split("/")
    names = set(UNIT_NAMES.get(parts[0], (parts[0].lower(),)))
    for den in parts[1:]:
        dens = UNIT_NAMES.get(den, (den.lower(),))
        names = {f"{n} per {d}" for n in names for d in dens}
    return names


def _singular(word: str) -> str:
    word = word.lower()
    for suffix, repl in (("ies", "y"), ("men", "man"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) > 3:
            return word[: -len(suffix)] + repl
    return word


def _ours_unit_ok(pred: dict, gold_unit: str) -> bool:
    unit, counted = pred["unit"], pred["counted"]
    if unit == "fraction":
        return gold_unit.startswith("%")
    if unit not in (None, "person"):
        return gold_unit in unit_names(unit)
    if gold_unit == "-":
        return unit is None and counted is None
    if unit == "person" and gold_unit in ("people", "person"):
        return True
    if not counted:
        return False
    ours = _head_word(counted)
    theirs = gold_unit.split()[-1]
    return theirs in (ours, _singular(ours))


def _head_word(counted: str) -> str:
    """The last word of a counted phrase before a relative clause or "of" phrase."""
    words = re.split(r"\s+", counted.lower())
    for i, w in enumerate(words):
        if w in ("who", "whom", "whose", "which", "that", "of", "to") and i:
            words = words[:i]
            break
    return words[-1].strip(",.;:")


def _equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _value_ok(pred_value, gold_value, midpoint: bool) -> bool:
    if isinstance(gold_value, tuple):
        if isinstance(pred_value, tuple):
            return sorted(pred_value) == sorted(gold_value) or all(
                _equal(x, y) for x, y in zip(sorted(pred_value), sorted(gold_value)))
        return midpoint and _equal(pred_value, sum(gold_value) / 2)
    return not isinstance(pred_value, tuple) and _equal(pred_value, gold_value)


def _pairs(preds: list[dict], golds: list[Quantity], unit_ok, midpoint: bool) -> tuple[int, int]:
    """(value matches, value+unit matches), each paired one to one, greedily in gold order."""
    def count(need_unit: bool) -> int:
        used: set[int] = set()
        hits = 0
        for g in golds:
            for i, p in enumerate(preds):
                if i in used or not _value_ok(p["value"], g.value, midpoint):
                    continue
                if need_unit and not unit_ok(p, g.unit):
                    continue
                used.add(i)
                hits += 1
                break
        return hits
    return count(False), count(True)


class Tally:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.value = self.value_unit = 0
        self.seconds = 0.0
        self.errors: list[tuple[str, list, list]] = []

    def add(self, text: str, preds: list[dict], golds: list[Quantity], unit_ok, midpoint=False):
        v, vu = _pairs(preds, golds, unit_ok, midpoint)
        self.n_gold += len(golds)
        self.n_pred += len(preds)
        self.value += v
        self.value_unit += vu
        if vu < max(len(golds), len(preds)):
            self.errors.append((text, preds, golds))

    def scores(self, docs: int) -> dict:
        out = {}
        for name, hits in (("value", self.value), ("value_unit", self.value_unit)):
            p = hits / self.n_pred if self.n_pred else 0.0
            r = hits / self.n_gold if self.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out.update({f"{name}_p": round(p, 4), f"{name}_r": round(r, 4), f"{name}_f1": round(f, 4)})
        out.update({"gold": self.n_gold, "predicted": self.n_pred,
                    "docs_per_s": round(docs / self.seconds, 2) if self.seconds else None})
        return out


def _ours(rec) -> list[dict]:
    out = []
    for n in rec.get("numbers"):
        value = (n.low, n.high) if n.low is not None and n.high is not None and n.low != n.high else n.value
        out.append({"value": value, "unit": n.unit, "counted": n.counted, "text": n.text})
    return out


def evaluate(gold: str | Path, limit: int | None = None, peers: bool = True, errors: bool = False) -> dict:
    """Scores of numbers.v1 (and quantulum3 when ``peers``) on NewsQuant sentences."""
    from ..model import Article
    from ..pipeline import Pipeline, select

    data = load_gold(gold, limit)
    pipe = Pipeline(select(["numbers"]))
    articles = [Article(id=f"s{i}", text=text, lang="en") for i, (text, _) in enumerate(data)]
    ours = Tally()
    t0 = time.perf_counter()
    records = list(pipe.run(articles))
    ours.seconds = time.perf_counter() - t0
    for rec, (text, golds) in zip(records, data):
        if not hasattr(rec, "facts"):
            raise EvalError(f"the pipeline rejected a sentence: {rec.message}")
        ours.add(text, _ours(rec), golds, _ours_unit_ok)
    out = {"stage": "numbers", "version": pipe.stages[-1].version, "gold": str(gold),
           "docs": len(data), "ours": ours.scores(len(data)),
           "stage_seconds": {k: round(v, 3) for k, v in pipe.timings.seconds.items()}}
    if peers:
        out["peers"] = {"quantulum3": _run_quantulum(data).scores(len(data))}
        cqe = _run_cqe(data)
        out["peers"]["cqe"] = cqe.scores(len(data)) if cqe else dict(CQE_PUBLISHED)
        out["peers"]["cqe (published, full set)"] = dict(CQE_PUBLISHED)
    if errors:
        out["errors"] = ours.errors
    return out


def quantulum_classifier() -> str:
    """Path of a quantulum3 classifier trained with the installed scikit-learn.

    quantulum3's shipped model does not load with current scikit-learn, so it is
    retrained offline once (about a minute) into the user cache directory.
    """
    import sklearn
    from quantulum3 import classifier

    from .. import settings

    cache = settings.get("cache_dir")
    path = cache / f"quantulum3-clf-sklearn{sklearn.__version__}.joblib"
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        classifier.train_classifier(store=True, n_jobs=1, output_path=str(path))
    return str(path)


def _run_quantulum(data) -> Tally:
    try:
        from quantulum3 import parser
    except ImportError as exc:
        raise EvalError("quantulum3 is not installed; pip install 'newsgraph[eval]' or run with --no-peers") from exc
    clf = quantulum_classifier()
    tally = Tally()
    for text, golds in data:
        t0 = time.perf_counter()
        try:
            found = parser.parse(text, classifier_path=clf)
        except Exception:  # the peer fails on some inputs; that sentence yields nothing
            found = []
        tally.seconds += time.perf_counter() - t0
        preds = [{"value": q.value, "unit": q.unit.name.lower(), "counted": None} for q in found]
        tally.add(text, preds, golds, _peer_unit_ok, midpoint=True)
    return tally


def _run_cqe(data) -> Tally | None:
    """CQE in its own interpreter (see module docstring), or None when there is none."""
    import subprocess

    from ..nlp import MODEL

    from .. import settings

    python = str(settings.get("cqe_python"))
    if not Path(python).is_file():
        return None
    proc = subprocess.run([python, "-c", _CQE_RUNNER, MODEL], input=json.dumps([t for t, _ in data]),
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise EvalError(f"CQE failed in {python}: {proc.stderr.strip().splitlines()[-1:]}; "
                        "fix that venv or unset NEWSGRAPH_CQE_PYTHON")
    result = json.loads(proc.stdout)
    tally = Tally()
    tally.seconds = result["seconds"]
    for (text, golds), preds in zip(data, result["preds"]):
        for p in preds:
            p["value"] = tuple(p["value"]) if isinstance(p["value"], list) else p["value"]
            p["unit"] = p["unit"].strip().lower()
        tally.add(text, preds, golds, lambda p, g: p["unit"] == g)
    return tally


def _peer_unit_ok(pred: dict, gold_unit: str) -> bool:
    unit = "-" if pred["unit"] == "dimensionless" else pred["unit"]
    return unit == gold_unit


FIELDS = ("value", "approx", "unit", "counted", "category", "claimant", "quote")


def evaluate_own(path: str | Path) -> dict:
    """Scores on our own written sentences (tests/data/numbers_gold.jsonl).

    Each line: ``{"text", "published", "numbers": [{"text", "value", "approx", "unit",
    "counted", "category", "claimant", "quote"}]}`` where ``text`` is the figure as
    written, ``claimant`` a name (or null) and ``quote`` whether the figure sits in a
    quote. A figure is found when a predicted number overlaps its text with the same
    value; each field is then scored as the share of found figures that get it right
    (``claimant``: the claimant entity's name contains the expected name or the other way
    round). Sentences with no figures check that nothing is made of dates, names, ages.
    """
    from ..model import Article
    from ..pipeline import Pipeline

    lines = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
    pipe = Pipeline()
    arts = [Article(id=f"g{i}", text=g["text"], published=g.get("published"), lang="en") for i, g in enumerate(lines)]
    n_gold = n_pred = found = 0
    right = dict.fromkeys(FIELDS, 0)
    misses: list = []
    for g, rec in zip(lines, pipe.run(arts)):
        if not hasattr(rec, "facts"):
            raise EvalError(f"the pipeline rejected {g['text']!r}: {rec.message}")
        names = {e.id: e.name for e in rec.get("entities")}
        preds = list(rec.get("numbers"))
        n_gold += len(g["numbers"])
        n_pred += len(preds)
        for exp in g["numbers"]:
            hit = _find(g["text"], exp, preds)
            if hit is None:
                misses.append((g["text"], exp["text"], "not found"))
                continue
            preds.remove(hit)
            found += 1
            for f in FIELDS:
                if _field_ok(f, exp, hit, names):
                    right[f] += 1
                else:
                    misses.append((g["text"], exp["text"], f))
        misses.extend((g["text"], p.text, "extra") for p in preds)
    p = found / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    out = {"sentences": len(lines), "figures": n_gold, "predicted": n_pred,
           "figure_p": round(p, 4), "figure_r": round(r, 4),
           "figure_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    out.update({f"{f}_acc": round(right[f] / found, 4) if found else 0.0 for f in FIELDS})
    out["misses"] = misses
    return out


def _find(text: str, exp: dict, preds: list):
    s = text.find(exp["text"])
    e = s + len(exp["text"])
    for n in preds:
        if n.start < e and s < n.end and _equal(n.value, exp["value"]):
            return n
    return None


def _field_ok(field: str, exp: dict, n, names: dict) -> bool:
    if field == "value":
        return _equal(n.value, exp["value"])
    if field == "quote":
        return (n.quote is not None) == bool(exp["quote"])
    if field == "claimant":
        if exp["claimant"] is None:
            return n.claimant is None
        name = names.get(n.claimant, "") if n.claimant else ""
        return bool(name) and (exp["claimant"] in name or name in exp["claimant"])
    if field == "counted":
        return (n.counted or None) == exp["counted"]
    return getattr(n, field) == exp[field]
