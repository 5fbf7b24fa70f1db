"""The PLOVER trigger lexicon of events.v1, built once per process per language.

The words live in the language's ``events_lexicon.json`` (``lang/en/``) (lemmas written from the PLOVER
manual's type and mode definitions); this module turns them into lookup tables:
verb lemma -> (type, mode), noun lemma -> (type, mode), verb -> phrase completions, and
the word sets the roles and factuality modules use.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...errors import ResourceError
from ...lang import Language

DATA = "events_lexicon.json"  # in the language's data folder

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[tuple[str, str | None]]]
    nouns: dict[str, tuple[str, str | None]]
    phrases: dict[str, list[tuple[str, str, str | None]]]  # verb lemma -> [(word, type, mode)]
    noun_requires: dict[str, str]
    verb_requires: dict[str, list[str]]
    words: dict[str, frozenset[str]]  # named word sets (light_verbs, reporting_verbs, ...)
    intent: dict[str, frozenset[str]]
    threat_modes: dict[str, dict[str, str]]
    weapon_cues: dict[str, frozenset[str]]
    # lemma -> patient kind -> (type, mode), or None: no event ("released a statement")
    retype: dict[str, dict[str, tuple[str, str | None] | None]] = None
    article_prefixes: tuple[str, ...] = ()  # stripped off a role's text, in this order ("the ", "a ")
    # "air strike" / "suicide *" (modifier + event noun, or any noun) -> (type, mode)
    compound_triggers: dict[str, tuple[str, str | None]] = dataclasses.field(default_factory=dict)

    deps: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)  # role -> labels (labels.json)

    def dep(self, role: str) -> frozenset[str]:
        """The dependency labels of ``role`` in the language's scheme (labels.json)."""
        try:
            return self.deps[role]
        except KeyError:
            raise ResourceError(f"the language's labels.json has no role {role!r}; add it "
                                f"(roles: {', '.join(sorted(self.deps))})") from None

    def is_(self, set_name: str, word: str) -> bool:
        """Whether ``word`` is in the word set ``set_name`` (a missing set is an error, not False)."""
        try:
            return word in self.words[set_name]
        except KeyError:
            raise ResourceError(f"the events lexicon has no word set {set_name!r}; "
                                f"add it to events_lexicon.json (sets: {', '.join(sorted(self.words))})") from None


def _mode(m: str) -> str | None:
    return None if m == "_" else m


def _build(raw: dict, where: str) -> Lexicon:
    verbs: dict[str, list[tuple[str, str | None]]] = {}
    for typ, modes in raw["verbs"].items():
        _check_type(typ, where)
        for mode, lemmas in modes.items():
            for lem in lemmas:
                verbs.setdefault(lem, []).append((typ, _mode(mode)))
    nouns: dict[str, tuple[str, str | None]] = {}
    for typ, modes in raw["nouns"].items():
        _check_type(typ, where)
        for mode, lemmas in modes.items():
            for lem in lemmas:
                nouns.setdefault(lem, (typ, _mode(mode)))
    phrases: dict[str, list[tuple[str, str, str | None]]] = {}
    for typ, modes in raw["phrases"].items():
        _check_type(typ, where)
        for mode, items in modes.items():
            for item in items:
                verb, word = item.split(" ", 1)
                phrases.setdefault(verb, []).append((word, typ, _mode(mode)))
    sets = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}
    intent = {k: frozenset(v) for k, v in raw["intent"].items() if not k.startswith("_")}
    return Lexicon(
        verbs=verbs, nouns=nouns, phrases=phrases,
        noun_requires={k: v for k, v in raw["noun_requires"].items() if not k.startswith("_")},
        verb_requires={k: v for k, v in raw["verb_requires"].items() if not k.startswith("_")},
        words=sets, intent=intent, threat_modes=raw["threat_modes"],
        weapon_cues={k: frozenset(v) for k, v in raw["weapon_cues"].items()},
        retype={lem: {kind: (tm[0], _mode(tm[1])) if tm else None for kind, tm in kinds.items()}
                for lem, kinds in raw.get("retype", {}).items() if not lem.startswith("_")},
        article_prefixes=tuple(raw.get("article_prefixes", ())),
        compound_triggers=_compound_triggers(raw.get("compound_triggers", {}), where),
    )


def _compound_triggers(raw: dict, where: str) -> dict[str, tuple[str, str | None]]:
    out = {}
    for pair, value in raw.items():
        if not pair.startswith("_"):
            typ, mode = value
            _check_type(typ, where)
            out[pair] = (typ, _mode(mode))
    return out


def _check_type(typ: str, where: str) -> None:
    if typ not in PLOVER_TYPES:
        raise ResourceError(f"events lexicon {where} names an unknown PLOVER type {typ!r}; "
                            f"valid: {', '.join(PLOVER_TYPES)}")


def load(lang: Language) -> Lexicon:
    """The lexicon of ``lang``, parsed once per process (a bad file raises ResourceError)."""
    return lang.cached("events.lexicon", lambda: _with_deps(_build(lang.data(DATA), str(lang.data_dir / DATA)),
                                                           lang))


def _with_deps(lex: Lexicon, lang: Language) -> Lexicon:
    """The lexicon with every role of the language's labels.json (looked up once, here)."""
    roles = [r for r, v in lang.data("labels.json").items() if not r.startswith("_") and isinstance(v, list)]
    return dataclasses.replace(lex, deps={r: lang.deps(r) for r in roles})
