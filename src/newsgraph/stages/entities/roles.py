"""Titles of people ("Deputy Chairman of the National Security Committee of Kazakhstan").

A title phrase is found left to right: modifiers and head words from the title list
("Deputy Chairman", "former Secretary of State"), then an optional organisation after
"of"/"for"/"at" (an ORG or GPE mention) or before it ("FBI Director",
"Kazakhstan's Foreign Minister"). The phrase becomes a role of a person when
- it stands right before the person's name (pre-nominal title);
- it follows "<person>, " (apposition: "Bilisbekov, deputy chairman of ...");
and, when it follows "the" and neither holds, it is a mention of the one person already
named with that title and organisation ("The Deputy Chairman of ... has also talked").
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Role
from .lexicon import Lexicon
from .spans import Mention, Tokens, cover

_ORG_TYPES = frozenset({"ORG", "GPE", "LOC", "NORP"})  # regions are often LOC ("the akim of Kostanai region"), countries NORP ("President of Uzbekistan")


@dataclass(slots=True)
class Title:
    """A title phrase: the title words [ts, te), the whole phrase [ps, pe), its organisation group."""

    ts: int
    te: int
    ps: int
    pe: int
    org: int | None


class _View:
    """Which mention and which group each token belongs to."""

    def __init__(self, toks: Tokens, mentions: list[Mention], group_of: list[int], types: list[str]):
        self.toks = toks
        self.mentions = mentions
        self.owner = cover(mentions, toks.n)
        self.group_of = group_of
        self.types = types

    def group_at(self, i: int) -> int | None:
        k = self.owner[i] if 0 <= i < self.toks.n else -1
        return None if k < 0 else self.group_of[k]

    def type_at(self, i: int) -> str | None:
        g = self.group_at(i)
        return None if g is None else self.types[g]

    def mention_at(self, i: int) -> Mention | None:
        k = self.owner[i] if 0 <= i < self.toks.n else -1
        return None if k < 0 else self.mentions[k]


def _is_head(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """A title head; a common word ("head", "chief") only capitalised or before "of"."""
    w = toks.lower[i]
    return w in lex.heads and (w not in lex.capitalized or toks.is_cap(i)
                               or i + 1 < toks.n and toks.lower[i + 1] == "of")


def _phrase_at(toks: Tokens, i: int, lex: Lexicon) -> int:
    """Length of the multi-word head starting at token i (0 if none)."""
    for words in lex.phrases.get(toks.lower[i], ()):
        if tuple(toks.lower[i:i + len(words)]) == words:
            return len(words)
    return 0


def _chain_word(view: _View, i: int, lex: Lexicon) -> bool:
    w = view.toks.lower[i]
    if w == "-":  # "front-runner", "President-elect"
        return 0 < i < view.toks.n - 1 and view.toks.end[i - 1] == view.toks.start[i] \
            and _chain_word(view, i - 1, lex) and _chain_word(view, i + 1, lex)
    k = view.owner[i]
    if k < 0:
        return w in lex.modifiers or w in lex.heads or w in lex.phrases
    return view.types[view.group_of[k]] == "NORP"  # "Republican nominee"; other names end a title


def _parse(view: _View, i: int, lex: Lexicon) -> tuple[Title | None, int]:
    """The title phrase starting at token i, and where to go on scanning."""
    toks, n = view.toks, view.toks.n
    k, head_end = i, -1
    while k < n and _chain_word(view, k, lex):
        length = _phrase_at(toks, k, lex)
        if length and not any(view.owner[t] >= 0 for t in range(k, k + length)):
            k += length
            head_end = k
            continue
        if _is_head(toks, k, lex):
            head_end = k + 1
        k += 1
    if head_end < 0:
        return None, max(k, i + 1)
    ts, te = i, head_end
    while ts < te and view.type_at(ts) == "NORP":  # "Republican nominee": the group is no title word
        ts += 1
    while ts < te and toks.lower[ts] not in lex.modifiers and not _is_head(toks, ts, lex):
        ts += 1
    org, pe = _org_after(view, te)
    if org is not None:  # "Ambassador of Kazakhstan to Kyrgyzstan", "the akim of Almaty region"
        pe = _org_tail(view, pe)
    ps = ts
    if org is None:
        org, ps = _org_before(view, ts)
    return Title(ts, te, ps, pe if org is not None else te, org), head_end


def _org_after(view: _View, te: int) -> tuple[int | None, int]:
    toks = view.toks
    if te >= toks.n or toks.lower[te] not in toks.lex.words["title_linkers"]:
        return None, te
    j = te + 1
    if j < toks.n and toks.lower[j] == "the":
        j += 1
    m = view.mention_at(j)
    if m is not None and m.ts == j and view.type_at(j) in _ORG_TYPES:
        return view.group_at(j), m.te
    return None, te


def _org_tail(view: _View, pe: int) -> int:
    """Past a place word and a second organisation after the title's organisation."""
    toks = view.toks
    if pe < toks.n and toks.lower[pe] in toks.lex.words["title_tail_start"] \
            and toks.lower[pe] not in toks.lex.words["title_linkers"]:
        pe += 1  # "of Almaty region"
    second, end = _org_after(view, pe)
    return end if second is not None else pe


def _org_before(view: _View, ts: int) -> tuple[int | None, int]:
    toks = view.toks
    j = ts - 1
    if j >= 0 and toks.lower[j] in toks.lex.words["role_possessive"]:
        j -= 1
    m = view.mention_at(j)
    if m is not None and m.te == j + 1 and view.type_at(j) in _ORG_TYPES:
        return view.group_at(j), m.ts
    return None, ts


def find_titles(view: _View, lex: Lexicon) -> list[Title]:
    out: list[Title] = []
    i, n = 0, view.toks.n
    while i < n:
        if _chain_word(view, i, lex):
            title, i = _parse(view, i, lex)
            if title is not None:
                out.append(title)
        else:
            i += 1
    return out


def _name_at(view: _View, i: int, end: bool = False) -> int | None:
    """The person group whose name mention starts (or, with ``end``, ends) at token i."""
    m = view.mention_at(i)
    if m is None or view.type_at(i) != "PERSON" or m.kind != "name" or (m.te - 1 if end else m.ts) != i:
        return None
    return view.group_at(i)


def _holder(view: _View, t: Title) -> int | None:
    """The person group the title belongs to: the name right after it ("President X"), after
    ", " in apposition ("the akim of Turkestan, X,"), or before it ("X, a 34-year-old
    teacher", "appointed X as acting deputy chairman")."""
    toks = view.toks
    person = _name_at(view, t.pe)
    if person is not None:
        return person
    comma = _comma_after(toks, t.pe)
    if comma is not None and t.ps > 0 and toks.lower[t.ps - 1] in toks.lex.words["articles"]:
        person = _name_at(view, comma + 1)
        if person is not None:
            return person
    j = _skip_age(toks, t.ps - 1)
    if j >= 0 and toks.lower[j] in toks.lex.words["articles"]:
        j -= 1
    if j >= 1 and (toks.text[j] == "," or toks.lower[j] in toks.lex.words["holder_before_title"]):
        return _name_at(view, j - 1, end=True)
    return None


def _comma_after(toks: Tokens, k: int) -> int | None:
    """The comma that ends a title phrase at k, past a short "of ..." tail or a place word
    ("the akim of Turkestan city, X", "the head of the ministry's press service, X")."""
    limit = min(toks.n - 1, k + 8)
    if k < toks.n and (toks.lower[k] in toks.lex.words["title_tail_start"]
                       or toks.lower[k] in toks.lex.words["role_possessive"]):  # "the Foreign Ministry's press service, X"
        while k < limit and toks.text[k] != "," and not toks.tag[k].startswith("VB"):
            k += 1
    return k if k < toks.n - 1 and toks.text[k] == "," else None


def _skip_age(toks: Tokens, j: int) -> int:
    """Back over an age before a title: "a 34-year-old teacher"."""
    k = j
    while k >= 0 and (toks.lower[k] in toks.lex.words["age_words"] or toks.lower[k].isdigit()):
        k -= 1
    return k if k < j and toks.lower[k + 1].isdigit() else j


def attach(toks: Tokens, mentions: list[Mention], group_of: list[int], types: list[str],
           lex: Lexicon, source: str) -> tuple[dict[int, list[Role]], list[tuple[int, Mention]]]:
    """Roles by person group, and title mentions (group, mention) that refer back to a person."""
    view = _View(toks, mentions, group_of, types)
    roles: dict[int, list[Role]] = {}
    seen: dict[tuple[str, object], set[int]] = {}  # (title, org or "any") -> persons named with it
    extra: list[tuple[int, Mention]] = []
    for t in find_titles(view, lex):
        title = " ".join(source[toks.start[t.ts]:toks.end[t.te - 1]].split())
        person = _holder(view, t)
        key = (title.lower(), t.org)
        if person is not None:
            _add_role(roles, person, Role(title, None, toks.start[t.ts], toks.end[t.te - 1]), t.org)
            seen.setdefault(key, set()).add(person)
            seen.setdefault((title, "any"), set()).add(person)
            continue
        if t.ps > 0 and toks.lower[t.ps - 1] == "the" and not _before_possessive(toks, t.pe):
            holders = set(seen.get(key if t.org is not None else _bare_key(title), ()))
            if len(holders) == 1:
                extra.append((holders.pop(), Mention(t.ps, t.pe, "PERSON", kind="title")))
    return roles, extra


def _bare_key(title: str) -> tuple[str, str] | None:
    """"the Deputy Chairman" (capitalised, two words or more) may refer back without its
    organisation; a bare "the governor" may not (it is as often someone else)."""
    words = title.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return title, "any"
    return None


def _before_possessive(toks: Tokens, i: int) -> bool:
    return i < toks.n and toks.lower[i] in toks.lex.words["role_possessive"]


def _add_role(roles: dict[int, list[Role]], person: int, role: Role, org: int | None) -> None:
    """Keep the first occurrence of each (title, organisation) of a person; org holds a group index."""
    role.org = org  # a group index until the stage turns it into an entity id
    have = roles.setdefault(person, [])
    if not any(r.title.lower() == role.title.lower() and r.org == org for r in have):
        have.append(role)


def is_title_mention(text: str, lex: Lexicon) -> bool:
    """Whether a PERSON mention's text is a title phrase ("Deputy Chairman of ...") rather
    than a name: names lose their leading title words in spans, so a mention that
    still starts with one was added here as a descriptive mention."""
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    return first in lex.heads or first in lex.modifiers
