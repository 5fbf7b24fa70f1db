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

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a rule may test, in the order read per token
_OUT = ("POS", "TAG", "MORPH", "LEMMA", "DEP")  # what a rule may set, in the order written back


class Unsupported(ValueError):
    """A pattern this compiler does not handle: keep spaCy's own ruler."""


@dataclass(frozen=True)
class _Rule:
    order: int                      # the ruler's attribute id: a later rule wins
    tests: tuple                    # per token: ((position in _COLUMNS, op, value), ...)
    index: int                      # which token of the match gets the attributes
    attrs: tuple                    # ((position in _OUT, value id), ...)


def _test(col: str, spec, strings) -> tuple:
    if col not in _COLUMNS:
        raise Unsupported(f"attribute {col!r}")
    at = _COLUMNS.index(col)
    if col == "IS_SPACE":
        return at, "==", int(bool(spec))  # the column holds 0/1
    if not isinstance(spec, dict):
        return at, "==", strings.add(spec) if spec != "" else 0
    (op, val), = spec.items()
    if op in ("IN", "NOT_IN"):
        return at, op, frozenset(strings.add(v) if v != "" else 0 for v in val)
    if op == "REGEX":
        return at, op, re.compile(val)
    raise Unsupported(f"operator {op!r}")


def _attr_values(attrs: dict, vocab) -> tuple:
    from spacy.parts_of_speech import IDS

    out = []
    for col, value in attrs.items():
        if col not in _OUT:
            raise Unsupported(f"sets {col!r}")
        at = _OUT.index(col)
        if col == "POS":
            out.append((at, IDS[value]))
        elif col == "MORPH":
            out.append((at, vocab.morphology.add(value)))
        else:
            out.append((at, vocab.strings.add(value)))
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
    first = {at: (op, val) for at, op, val in rule.tests[0]}
    for at in range(len(_COLUMNS)):  # the first of TAG, LOWER, DEP, IS_SPACE the rule tests exactly
        op, val = first.get(at, (None, None))
        if op == "==":
            return at, (val,)
        if op == "IN":
            return at, tuple(val)
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
        seen = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()  # in _COLUMNS order
        cols = [POS, TAG, MORPH, LEMMA, DEP]  # in _OUT order
        out = doc.to_array(cols)
        hits = []  # (rule order, target token, attributes): applied in the ruler's order
        for i, row in enumerate(seen):
            for rule in self._hits(seen, i, enumerate(row), doc.vocab.strings):
                hits.append((rule.order, i + rule.index, rule.attrs))
        hits.sort(key=lambda h: h[0])
        for _, target, attrs in hits:
            for at, value in attrs:
                out[target, at] = value
        doc.from_array(cols, out)
        return doc

    def _hits(self, seen: list, i: int, keys, strings) -> list[_Rule]:
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
        for at, op, val in tests:
            have = row[at]
            if op == "==" and have != val or op == "IN" and have not in val \
                    or op == "NOT_IN" and have in val \
                    or op == "REGEX" and not val.search(strings[have] if have else ""):
                return False
    return True
