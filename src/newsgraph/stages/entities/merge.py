"""Grouping an article's mentions into entities (one entity per real name).

Rules, in order:
- people: a full name ("Nurgali Bilisbekov", "Donald J. Trump") is keyed by first and last
  name; a lone surname or first name joins the one person it can belong to, whatever label
  spaCy gave it ("Bilisbekov" as ORG), and is found again where spaCy left it unlabelled
  or after "Mr."; a surname shared by two people ("Clinton" with both Bill and Hillary
  Clinton) joins neither and stays an entity of its own;
- other names group by their text (without "the"); the type is the most frequent label;
- organisations: "X" joins "X of <place>"; a defined acronym joins its full name, and so
  does an all-capitals word spelling the name's initials ("FBI"); a capitalised head word
  ("the Committee") joins the one organisation named with that head.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .spans import Mention, Tokens, span_text

_JOINABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


@dataclass
class Group:
    """Mentions that name one entity."""

    type: str
    mentions: list[int] = field(default_factory=list)
    key: str = ""


def person_key(toks: Tokens, m: Mention) -> tuple[str, str, str] | None:
    """(first, last, suffix) of a name of two or more words, ignoring initials."""
    words = [toks.lower[i] for i in range(m.ts, m.te) if toks.text[i][:1].isalpha()]
    suffix = words.pop() if len(words) > 2 and words[-1] in toks.lex.words["name_suffixes"] else ""
    words = [w for w in words if not (len(w) <= 2 and w.endswith(".")) and not (len(w) == 1)]
    if len(words) < 2:
        return None
    return words[0], words[-1], suffix


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def join(self, a: int, b: int) -> None:
        """Join a's group into b's (b's root stays the root)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


class _People:
    """Full names of the article and the short forms that point at them."""

    def __init__(self, toks: Tokens, mentions: list[Mention]) -> None:
        self.keys: dict[tuple[str, str, str], int] = {}  # key -> index of its first mention
        votes: dict[tuple[str, ...], Counter] = {}  # a name mostly labelled otherwise is no person
        for m in mentions:
            if not m.copied:
                votes.setdefault(tuple(toks.lower[m.ts:m.te]), Counter())[m.label] += 1
        for k, m in enumerate(mentions):
            if m.label == "PERSON" and m.kind == "name":
                key = person_key(toks, m)
                counter = votes.get(tuple(toks.lower[m.ts:m.te]))
                if key is not None and (not counter or counter["PERSON"] * 2 > sum(counter.values())):
                    self.keys.setdefault(key, k)
        self.last: dict[str, set[tuple]] = {}
        self.first: dict[str, set[tuple]] = {}
        self.middle: dict[str, set[tuple]] = {}
        for key, k in self.keys.items():
            self.last.setdefault(key[1], set()).add(key)
            self.first.setdefault(key[0], set()).add(key)
            for word in _middle_names(toks, mentions[k]):
                self.middle.setdefault(word, set()).add(key)
        for last, keys in self.last.items():  # "Trump" means Donald Trump, not Donald Trump Jr.
            plain = {k for k in keys if not k[2]}
            if plain and len(plain) < len(keys):
                self.last[last] = plain

    def surnames(self) -> set[str]:
        """Last names, and middle names of three-word names ("Acosta" in "Melba Acosta Febo")."""
        return set(self.last) | set(self.middle)

    def short(self, word: str, label: str) -> tuple | str | None:
        """The person key a one-word name points at; "ambiguous"; or None."""
        keys = self.last.get(word)
        if keys:
            return next(iter(keys)) if len(keys) == 1 else "ambiguous"
        keys = self.middle.get(word)
        if keys:
            return next(iter(keys)) if len(keys) == 1 else "ambiguous"
        keys = self.first.get(word)
        if keys and label == "PERSON":
            return next(iter(keys)) if len(keys) == 1 else "ambiguous"
        return None


def _middle_names(toks: Tokens, m: Mention) -> list[str]:
    words = [toks.lower[i] for i in range(m.ts + 1, m.te - 1)
             if toks.text[i][:1].isupper() and len(toks.text[i]) > 2 and not toks.text[i].endswith(".")]
    return words if m.te - m.ts == 3 else []


def _is_place_use(toks: Tokens, m: Mention) -> bool:
    return m.ts > 0 and toks.lower[m.ts - 1] in toks.lex.words["place_preps"]


def add_person_mentions(mentions: list[Mention], toks: Tokens, taken: list[bool], lex: Lexicon) -> None:
    """Surnames spaCy left unlabelled, names after "Mr."/"Mrs."/"Dr.", and two or three
    unlabelled name words with a title right before or after them ("as acting deputy
    chairman", ", a deputy minister") become PERSON mentions."""
    people = _People(toks, mentions)
    known = {toks.text[m.ts] for m in mentions if m.te - m.ts == 1 and m.label == "PERSON"}
    known |= {w for w in (s.capitalize() for s in people.surnames())}
    text, n = toks.text, toks.n
    for i in range(n):
        if taken[i] or not toks.is_cap(i) or not toks.tag[i].startswith("NNP"):
            continue
        after_honorific = i > 0 and toks.lower[i - 1] in lex.honorifics and toks.is_cap(i - 1)
        run = _name_run(toks, taken, i)
        titled = 2 <= run - i <= 3 and (i > 0 and toks.lower[i - 1] in lex.heads and toks.is_cap(i - 1)
                                        or _title_follows(toks, run, lex))
        if text[i] in known or after_honorific or titled:
            j = run if after_honorific or titled else i + 1
            mentions.append(Mention(i, j, "PERSON"))
            for t in range(i, j):
                taken[t] = True


def _name_run(toks: Tokens, taken: list[bool], i: int) -> int:
    """End of the run of unlabelled capitalised proper nouns starting at token i."""
    j = i
    while j < toks.n and not taken[j] and toks.is_cap(j) and toks.tag[j].startswith("NNP") \
            and toks.lower[j] not in toks.lex.heads and toks.lower[j] not in toks.lex.modifiers:
        j += 1
    return j


def _title_follows(toks: Tokens, j: int, lex: Lexicon) -> bool:
    """ "appointed Aziz Surakmatov as acting deputy chairman", "Aigul Serikova, a deputy minister" """
    if j >= toks.n or toks.lower[j] not in lex.words["title_introducers"]:
        return False
    k = j + 1
    if k < toks.n and toks.lower[k] in lex.words["articles"]:
        k += 1
    head = False
    while k < toks.n and (toks.lower[k] in lex.modifiers or toks.lower[k] in lex.heads):
        head = head or toks.lower[k] in lex.heads
        k += 1
    return head


def group(mentions: list[Mention], toks: Tokens, lex: Lexicon, source: str) -> list[Group]:
    """Mentions grouped into entities (nested and title mentions included)."""
    people = _People(toks, mentions)
    companies = company_short_forms(mentions, toks, source)
    keys = [_key(m, toks, people, companies, source) for m in mentions]
    order: dict[str, int] = {}
    for k, key in enumerate(keys):
        order.setdefault(key, k)
    uf = _Union(len(mentions))
    for k, key in enumerate(keys):
        uf.join(k, order[key])
    roots = _types(mentions, keys, uf, people, set(companies.values()))
    _merge_orgs(mentions, toks, lex, source, keys, uf, roots)
    return _collect(mentions, keys, uf, roots)


def _key(m: Mention, toks: Tokens, people: _People, companies: dict[str, str], source: str) -> str:
    if m.label not in _JOINABLE or m.nested and m.label != "PERSON":
        return "T:" + span_text(toks, m.ts, m.te, source).lower()
    if m.te - m.ts > 1:
        key = person_key(toks, m)
        if key in people.keys:
            return "P:" + "|".join(key)
        return "T:" + span_text(toks, m.ts, m.te, source).lower()
    word = toks.lower[m.ts]
    if m.label in ("GPE", "LOC", "FAC") and _is_place_use(toks, m):
        return "T:" + word
    target = people.short(word, m.label)
    if isinstance(target, tuple):
        return "P:" + "|".join(target)
    if target == "ambiguous":
        return "A:" + word
    company = companies.get(word)
    return "T:" + (company if company else word)


def company_short_forms(mentions: list[Mention], toks: Tokens, source: str) -> dict[str, str]:
    """"cofinec" -> "cofinec s.a.": a company's name without its legal or group suffix,
    when exactly one organisation of the article is so named."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "ORG" and m.te - m.ts >= 2 and all(w in toks.lex.words["company_suffixes"] for w in toks.lower[m.ts + 1:m.te]):
            found.setdefault(toks.lower[m.ts], set()).add(span_text(toks, m.ts, m.te, source).lower())
    return {w: names.pop() for w, names in found.items() if len(names) == 1}


def _types(mentions: list[Mention], keys: list[str], uf: _Union, people: _People,
           companies: set[str]) -> dict[int, str]:
    """Root mention -> entity type: PERSON for people keys, ORG for companies, else the most
    frequent label."""
    votes: dict[int, Counter] = {}
    for k, m in enumerate(mentions):
        votes.setdefault(uf.find(k), Counter())[m.label] += 0 if m.copied else 1
    out: dict[int, str] = {}
    for root, counter in votes.items():
        key = keys[root]
        if key.startswith(("P:", "A:")) or (key[2:] in people.last and counter["PERSON"]):
            out[root] = "PERSON"
        elif key[2:] in companies:
            out[root] = "ORG"
        else:
            out[root] = max(counter.items(), key=lambda kv: (kv[1], kv[0] == mentions[root].label))[0]
    return out


def _org_name_parts(name: str) -> tuple[str, str]:
    """(name before " of ", its last word): ("national security committee", "committee")."""
    base = name.split(" of ", 1)[0]
    return base, base.rsplit(" ", 1)[-1]


def _initials(name: str, lex: Lexicon) -> str:
    words = [w for w in name.replace("-", " ").split() if w.lower() not in lex.words["org_stop"]]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def _acronym_key(text: str) -> str:
    """"U.S." -> "us", "FBI" -> "fbi"; "" when the text is no all-capitals word."""
    bare = text.replace(".", "")
    return bare.lower() if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper() else ""


def _merge_orgs(mentions, toks, lex, source, keys, uf, roots) -> None:
    names = {r: keys[r][2:] for r, t in roots.items() if t != "PERSON" and keys[r].startswith("T:")}
    by_base: dict[str, list[int]] = {}
    by_head: dict[str, list[int]] = {}
    by_initials: dict[str, list[int]] = {}
    for r, name in names.items():
        if roots[r] == "ORG":
            base, head = _org_name_parts(name)
            if base != name:
                by_base.setdefault(base, []).append(r)
            if " " in name:
                by_head.setdefault(head, []).append(r)
        ini = _initials(span_text(toks, mentions[r].ts, mentions[r].te, source), lex)
        if ini:
            by_initials.setdefault(ini, []).append(r)
    for r, name in names.items():
        m = mentions[r]
        if roots[r] == "ORG":
            if _join_unique(uf, r, by_base.get(name, ())):
                continue
            if name in lex.org_heads and toks.is_cap(m.ts) and _join_unique(uf, r, by_head.get(name, ())):
                continue
        acronym = _acronym_key(toks.text[m.ts]) if m.te - m.ts == 1 else ""
        if acronym:
            _join_unique(uf, r, by_initials.get(acronym, ()))
    index = {id(m): k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):  # a defined acronym (its later uses share its key)
        if m.alias_of is not None and id(m.alias_of) in index:
            uf.join(k, index[id(m.alias_of)])


def _join_unique(uf: _Union, r: int, targets) -> bool:
    targets = [t for t in targets if t != r]
    if len(targets) == 1:
        uf.join(r, targets[0])
        return True
    return False


def add_org_short_forms(mentions: list[Mention], toks: Tokens, taken: list[bool], lex: Lexicon) -> None:
    """An unlabelled "the Committee" becomes an ORG mention when exactly one organisation
    of the article is named with that head word (it then joins it in ``group``)."""
    names: dict[str, set[str]] = {}  # head word -> organisation names (before " of ")
    for m in mentions:
        if m.label == "ORG" and m.te - m.ts > 1:
            base, head = _org_name_parts(" ".join(toks.lower[m.ts:m.te]))
            names.setdefault(head, set()).add(base)
    for i in range(1, toks.n):
        w = toks.lower[i]
        if not taken[i] and w in lex.org_heads and toks.is_cap(i) and toks.lower[i - 1] == "the" \
                and len(names.get(w, ())) == 1:
            mentions.append(Mention(i, i + 1, "ORG"))
            taken[i] = True


def _collect(mentions, keys, uf, roots) -> list[Group]:
    groups: dict[int, Group] = {}
    for k in range(len(mentions)):
        r = uf.find(k)
        g = groups.get(r)
        if g is None:
            g = groups[r] = Group(type="", key=keys[r])
        g.mentions.append(k)
    for r, g in groups.items():
        g.type = _group_type(g, mentions, keys, roots)
    return list(groups.values())


def _group_type(g: Group, mentions, keys, roots) -> str:
    """The type of the longest-named member (roots of merged groups vote by name length)."""
    best = max((k for k in g.mentions if k in roots),
               key=lambda k: (mentions[k].te - mentions[k].ts, -k))
    return roots[best]
