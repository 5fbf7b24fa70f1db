"""The English model's attribute rules, applied by dictionary lookup instead of a Matcher.

spaCy's ``attribute_ruler`` maps each token's tag (and, for a few words, its lower-case form
and dependency label) to its coarse POS, morphology and sometimes its lemma. It runs a
``Matcher`` over every token and builds a ``Span`` per match: 12-15% of the model's whole pass
on news text (``benchmarks/throughput.py``), for a table lookup. ``FastAttributes`` compiles
that component's *own* patterns (``ruler.patterns``, read from the installed model, nothing
copied) into lookups keyed by tag, lower-case form, label and space, applies the matches in
the ruler's order (a later rule wins, as in spaCy), and writes the columns back with one
``Doc.from_array``. The output is the stock component's, token for token: the unit test
compares both over news articles and fails on any difference; a pattern this module cannot
compile (an operator it does not know) raises at load, so the stock ruler is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a rule may test
_INDEXED = ("TAG", "LOWER", "DEP", "IS_SPACE")  # first-token keys, tried in this order


class Unsupported(ValueError):
    """A pattern this compiler does not handle: keep spaCy's own ruler."""


@dataclass(frozen=True)
class _Rule:
    order: int                      # the ruler's attribute id: a later rule wins
    tests: tuple                    # per token: ((column, op, value), ...)
    index: int                      # which token of the match gets the attributes
    attrs: tuple                    # ((column, value id), ...)


def _test(col: str, spec, strings) -> tuple:
    if col not in _COLUMNS:
        raise Unsupported(f"attribute {col!r}")
    if col == "IS_SPACE":
        return col, "==", bool(spec)
    if not isinstance(spec, dict):
        return col, "==", strings.add(spec) if spec != "" else 0
    (op, val), = spec.items()
    if op in ("IN", "NOT_IN"):
        return col, op, frozenset(strings.add(v) if v != "" else 0 for v in val)
    if op == "REGEX":
        return col, op, re.compile(val)
    raise Unsupported(f"operator {op!r}")


def _attr_values(attrs: dict, vocab) -> tuple:
    from spacy.parts_of_speech import IDS

    out = []
    for col, value in attrs.items():
        if col == "POS":
            out.append((col, IDS[value]))
        elif col == "MORPH":
            out.append((col, vocab.morphology.add(value)))
        elif col in ("LEMMA", "TAG", "DEP"):
            out.append((col, vocab.strings.add(value)))
        else:
            raise Unsupported(f"sets {col!r}")
    return tuple(out)


def compile_rules(ruler) -> list[_Rule]:
    vocab = ruler.vocab
    rules = []
    for order, entry in enumerate(ruler.patterns):
        attrs = _attr_values(entry["attrs"], vocab)
        for pattern in entry["patterns"]:
            if any(not isinstance(tok, dict) or not tok for tok in pattern):
                raise Unsupported("empty or string pattern")
            tests = tuple(tuple(_test(c, v, vocab.strings) for c, v in sorted(tok.items())) for tok in pattern)
            rules.append(_Rule(order, tests, entry.get("index", 0) % len(pattern), attrs))
    return rules


def _key(rule: _Rule) -> tuple:
    first = {col: (op, val) for col, op, val in rule.tests[0]}
    for col in _INDEXED:
        op, val = first.get(col, (None, None))
        if op == "==":
            return col, (val,)
        if op == "IN":
            return col, tuple(val)
    return None, ()


class FastAttributes:
    """A pipeline component equal to the ruler it is built from, without its Matcher."""

    def __init__(self, ruler) -> None:
        self.rules = compile_rules(ruler)
        self.index: dict[tuple, list[_Rule]] = {}
        self.always: list[_Rule] = []
        for rule in self.rules:
            col, values = _key(rule)
            if col is None:
                self.always.append(rule)
            for v in values:
                self.index.setdefault((col, v), []).append(rule)

    def __call__(self, doc):
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        if not len(doc):
            return doc
        seen = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        cols = [POS, TAG, MORPH, LEMMA, DEP]
        out = doc.to_array(cols)
        where = {"POS": 0, "TAG": 1, "MORPH": 2, "LEMMA": 3, "DEP": 4}
        hits = []  # (rule order, target token, attributes): applied in the ruler's order
        for i, (tag, lower, dep, space) in enumerate(seen):
            keys = (("TAG", tag), ("LOWER", lower), ("DEP", dep), ("IS_SPACE", bool(space)))
            for rule in self._hits(seen, i, keys, doc.vocab.strings):
                hits.append((rule.order, i + rule.index, rule.attrs))
        hits.sort(key=lambda h: h[0])
        for _, target, attrs in hits:
            for col, value in attrs:
                out[target, where[col]] = value
        doc.from_array(cols, out)
        return doc

    def _hits(self, seen: list, i: int, keys: tuple, strings) -> list[_Rule]:
        found = {}
        for key in keys:
            for rule in self.index.get(key, ()):
                found[id(rule)] = rule
        for rule in self.always:
            found[id(rule)] = rule
        return [r for r in found.values() if _matches(r, seen, i, strings)]


def _matches(rule: _Rule, seen: list, i: int, strings) -> bool:
    if i + len(rule.tests) > len(seen):
        return False
    for k, tests in enumerate(rule.tests):
        row = seen[i + k]
        for col, op, val in tests:
            have = row[_COLUMNS.index(col)]
            if col == "IS_SPACE":
                have = bool(have)
            if op == "==" and have != val or op == "IN" and have not in val \
                    or op == "NOT_IN" and have in val \
                    or op == "REGEX" and not val.search(strings[have] if have else ""):
                return False
    return True
