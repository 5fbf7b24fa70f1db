"""Mentions of the entities stage: spaCy's names, cleaned up within one article.

The steps, in order (each a function below):
1. ``collect``: spaCy's entities of the kept types, trimmed to the name proper (no leading
   "the", honorific or title, no trailing possessive or punctuation);
2. ``fix_norp``: nationality and group words ("Kazakh", "Syrians") become NORP;
3. ``add_acronyms``: an acronym the text defines ("... Committee (KNB)") becomes a mention
   tied to the name before it;
4. ``propagate``: a name spaCy labelled once is found again where it left it unlabelled;
5. ``extend_orgs``: "<organisation> of <place>" becomes one organisation mention (the
   place keeps its own, nested, mention).
Every mention is a token span [ts, te) of the Doc; character offsets come from ``Tokens``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .lexicon import Lexicon

KEEP = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT",
                  "WORK_OF_ART", "LANGUAGE"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_PERSON_JUNK_TAGS = frozenset({"DT", "PRP", "PRP$", "VBZ", "POS", "IN", "CC", "WP", "WDT", "EX", "MD"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBP", "VBZ"})  # finite and participle verbs
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})  # not works, laws, events
_FUNCTION_TAGS = frozenset({"IN", "CC", "DT", "TO"})  # never the last word of a name ("Committee of")
_DETERMINERS = frozenset({"DT", "PDT", "PRP$", "WDT", "WP$"})
_NOT_NORP = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON"})


@dataclass(slots=True)
class Tokens:
    """Plain-Python views of the Doc's tokens (read once; attribute access is slow), with the
    lexicon of the article's language."""

    text: list[str]
    lower: list[str]
    start: list[int]
    end: list[int]
    tag: list[str]
    sent_start: list[bool]
    lex: Lexicon

    @property
    def n(self) -> int:
        return len(self.text)

    def is_cap(self, i: int) -> bool:
        """Starts with a capital letter."""
        return self.text[i][:1].isupper()


def tokens_of(doc, source: str, lex: Lexicon) -> Tokens:
    """Token texts, offsets, tags and sentence starts from one array read of the Doc
    (``source`` is the Doc's text: ``doc.text`` rebuilds it token by token, so it is passed)."""
    from spacy.attrs import IDX, LENGTH, SENT_START, TAG

    strings = doc.vocab.strings
    tag_names: dict[int, str] = {}
    text, start, end, tag, sent_start = [], [], [], [], []
    for idx, length, tag_id, ss in doc.to_array([IDX, LENGTH, TAG, SENT_START]).tolist():
        text.append(source[idx:idx + length])
        start.append(idx)
        end.append(idx + length)
        name = tag_names.get(tag_id)
        if name is None:
            name = tag_names[tag_id] = strings[tag_id] if tag_id else ""
        tag.append(name)
        sent_start.append(ss == 1)
    if sent_start:
        sent_start[0] = True
    return Tokens(text, [t.lower() for t in text], start, end, tag, sent_start, lex)


@dataclass(slots=True)
class Mention:
    """A token span naming (or describing) an entity."""

    ts: int
    te: int
    label: str
    kind: str = "name"  # name | title (a descriptive mention such as "the Deputy Chairman")
    nested: bool = False  # inside a longer mention ("Kazakhstan" in "... Committee of Kazakhstan")
    alias_of: "Mention | None" = None  # for a defined acronym: the mention it abbreviates
    copied: bool = False  # its label was copied from another mention of the same name (no vote)


def span_text(toks: Tokens, ts: int, te: int, source: str) -> str:
    """The text of tokens [ts, te) with white space collapsed."""
    return " ".join(source[toks.start[ts]:toks.end[te - 1]].split())


def _junk(word: str, lex: Lexicon) -> bool:
    """Punctuation or a possessive ending: never the edge of a name."""
    return word in lex.words["possessive"] or not any(c.isalnum() for c in word)


def _trim(toks: Tokens, ts: int, te: int, label: str, lex: Lexicon) -> tuple[int, int]:
    lower, tag = toks.lower, toks.tag
    for i in range(ts, te):  # a name never crosses a line break ("Yuri Kushko\nTAVILDARA")
        if lower[i].isspace():
            if i > ts:
                te = i
                break
            ts = i + 1
    for i in range(ts + 1, te if label in _NAMED else ts):  # nor a lower-case verb, in the name of
        # an actor or place: "[Interior Ministry of Tajikistan informed]" (a title may hold one)
        if tag[i] in _VERB_TAGS and not toks.is_cap(i) and lower[i].isalpha():
            te = i
            break
    for i in range(ts, te):  # an unclosed bracket ends the name: "Committee of Kazakhstan (KNB"
        if lower[i] == "(" and ")" not in lower[i + 1:te]:
            te = i
            break
    while te > ts and (_junk(lower[te - 1], lex) or tag[te - 1] == "POS"
                       or tag[te - 1] in _FUNCTION_TAGS and not toks.is_cap(te - 1)):
        te -= 1
    while ts < te and (_junk(lower[ts], lex) or (tag[ts] in _DETERMINERS and not toks.is_cap(ts))
                       or lower[ts] == "the" and not (te - ts == 2 and lower[ts + 1] in lex.words["fixed_the"])):
        ts += 1
    if label == "ORG":
        ts = _after_title(toks, ts, te, lex)
    if label == "PERSON":
        while te - ts > 1 and (lower[ts] in lex.honorifics or lower[ts] in lex.heads or lower[ts] in lex.modifiers
                               or (lower[ts][-1:] == "s" and lower[ts][:-1] in lex.heads)
                               or lower[ts] in lex.norp or tag[ts] in _PERSON_JUNK_TAGS
                               or tag[ts] == "NNPS" or not toks.is_cap(ts)):
            ts += 1
    return ts, te


def _after_title(toks: Tokens, ts: int, te: int, lex: Lexicon) -> int:
    """Where an organisation name starts when the NER took the title before it too:
    "Deputy Chairman of the National Security Committee" -> "National Security Committee"."""
    lower = toks.lower
    k = ts
    while k < te and (lower[k] in lex.modifiers or lower[k] in lex.heads):
        k += 1
    if k == ts or k + 1 >= te or lower[k] not in lex.words["org_after_title"] or lower[k - 1] not in lex.heads:
        return ts
    k += 1
    return k + 1 if lower[k] == "the" and k + 1 < te else k


def _has_capital(toks: Tokens, ts: int, te: int) -> bool:
    return any(toks.text[i][:1].isupper() or toks.text[i][:1].isdigit() for i in range(ts, te))


def collect(doc, toks: Tokens, lex: Lexicon) -> tuple[list[Mention], list[bool]]:
    """spaCy's names, trimmed; also which tokens any spaCy entity (dates too) covers."""
    mentions: list[Mention] = []
    taken = [False] * toks.n
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
        label = ent.label_
        if label not in KEEP:
            continue
        ts, te = _trim(toks, ent.start, ent.end, label, lex)
        if ts < te and _has_capital(toks, ts, te):
            mentions.append(Mention(ts, te, label))
    return mentions, taken


def drop_title_words(mentions: list[Mention], toks: Tokens, lex: Lexicon) -> list[Mention]:
    """Mentions inside a multi-word title ("State" in "Secretary of State") are no names."""
    inside = [False] * toks.n
    for i, w in enumerate(toks.lower):
        for words in lex.phrases.get(w, ()):
            if tuple(toks.lower[i:i + len(words)]) == words:
                for t in range(i + 1, i + len(words)):
                    inside[t] = True
                break
    return [m for m in mentions if not all(inside[m.ts:m.te])]


def split_titled_names(mentions: list[Mention], toks: Tokens, lex: Lexicon) -> list[Mention]:
    """A person's name the NER ran into a name of another type after a title:
    "President [Kassym-Jomart Tokayev]ORG" -> a PERSON; "Deputy Chairman of the [Cabinet of
    Ministers Edil Baisalov]ORG" -> the organisation, then the PERSON "Edil Baisalov";
    "President of [Tajikistan Emomali Rahmon]ORG" -> the place, then the PERSON."""
    out: list[Mention] = []
    for m in mentions:
        if m.label == "PERSON" and m.kind == "name":
            out.extend(_person_after_linker(m, toks, lex))
            continue
        if m.label not in ("ORG", "GPE", "NORP", "FAC") or m.kind != "name":
            out.append(m)
            continue
        if m.ts > 1 and toks.lower[m.ts - 2] in lex.heads:  # "President of [Tajikistan Emomali Rahmon]ORG"
            parts = _person_after_linker(m, toks, lex)
            if len(parts) == 2 and all(_name_word(toks, w, lex) for w in _words(toks, parts[1].ts, parts[1].te)):
                out.extend(parts)
                continue
        words = _words(toks, m.ts, m.te)
        titled = m.ts > 0 and toks.lower[m.ts - 1] in lex.heads  # "his Kazakh counterpart", "Mazhilis deputy"
        if m.te < toks.n and toks.tag[m.te].startswith("NN") and not toks.is_cap(m.te):
            titled = False  # a name modifying a noun is no person: "its founder France Football magazine"
        if titled and 2 <= len(words) <= 3 and all(_name_word(toks, w, lex) for w in words):
            m.label = "PERSON"  # "President Kassym-Jomart Tokayev"
            out.append(m)
            continue
        # "... of the [Supreme Court of Kazakhstan Aslan Bekov]": an organisation (or the place
        # completing one) and two name words after it, a title shortly before
        of_org = m.ts > 1 and toks.lower[m.ts - 1] in lex.words["title_linkers"] and toks.lower[m.ts - 2] in lex.org_heads
        tail = words[-2:] if len(words) >= (3 if of_org else 4) else []
        before = tail[0][0] - 1 if tail else -1
        if tail and all(_name_word(toks, w, lex) for w in tail) and toks.is_cap(before) \
                and toks.lower[before] not in lex.words["title_linkers"] \
                and (of_org or any(toks.lower[i] in lex.org_heads for i in range(m.ts, before + 1))) \
                and any(toks.lower[i] in lex.heads for i in range(max(0, m.ts - 8), m.ts)):
            out.append(Mention(m.ts, tail[0][0], m.label))  # "... of the Cabinet of Ministers"
            out.append(Mention(tail[0][0], m.te, "PERSON"))  # "Edil Baisalov"
            continue
        out.append(m)
    return out


def _person_after_linker(m: Mention, toks: Tokens, lex: Lexicon) -> list[Mention]:
    """"Ambassador of Uzbekistan to [Tajikistan Oybek Usmonov]PERSON": the word after the
    title's linker is the place, the last two words the person."""
    words = _words(toks, m.ts, m.te)
    if len(words) < 3 or m.ts < 2 or toks.lower[m.ts - 1] not in lex.words["title_linkers"] \
            or not any(toks.lower[i] in lex.heads for i in range(max(0, m.ts - 6), m.ts - 1)):
        return [m]
    cut = words[-2][0]
    return [Mention(m.ts, cut, "GPE"), Mention(cut, m.te, "PERSON")]


def _words(toks: Tokens, ts: int, te: int) -> list[tuple[int, int]]:
    """Token ranges of the words of [ts, te), a hyphenated name one word ("Kassym-Jomart")."""
    out: list[list[int]] = []
    for i in range(ts, te):
        if out and (toks.text[i] == "-" or toks.text[i - 1] == "-") and toks.start[i] == toks.end[i - 1]:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return [(a, b) for a, b in out]


def _name_word(toks: Tokens, w: tuple[int, int], lex: Lexicon) -> bool:
    """A capitalised word that is no organisation, title or group word."""
    a, b = w
    low = toks.lower[a]
    return toks.is_cap(a) and toks.tag[a].startswith("NNP") and low not in lex.org_heads \
        and low not in lex.heads and low not in lex.modifiers and low not in lex.norp


def fix_region_names(mentions: list[Mention], toks: Tokens, lex: Lexicon) -> None:
    """A name right before a lower-case region word is a place: "[Khatlon] region", "[Batken]
    region", which the model often takes for an organisation or a person."""
    heads = lex.words.get("region_heads", frozenset())
    for m in mentions:
        if m.label in ("ORG", "PERSON") and m.kind == "name" and m.te < toks.n \
                and toks.lower[m.te] in heads and toks.text[m.te].islower():
            m.label = "GPE"


def fix_norp(mentions: list[Mention], toks: Tokens, lex: Lexicon, source: str) -> None:
    """Nationality and group words are NORP, never ORG, GPE, LOC, FAC (or PERSON)."""
    for m in mentions:
        if m.label in _NOT_NORP and m.te - m.ts <= 3:
            word = span_text(toks, m.ts, m.te, source).lower()
            if word in lex.norp and not (m.label == "PERSON" and word in lex.words["norp_or_name"]):
                m.label = "NORP"


def cover(mentions: list[Mention], n: int) -> list[int]:
    """Token -> index of the outermost mention covering it, else -1."""
    owner = [-1] * n
    for k, m in enumerate(mentions):
        if m.nested:
            continue
        for i in range(m.ts, m.te):
            owner[i] = k
    return owner


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 \
        and letters[0].isupper()


def add_acronyms(mentions: list[Mention], toks: Tokens, taken: list[bool]) -> None:
    """"<name> (ACR)": ACR becomes a mention of the same type, an alias of the name."""
    text = toks.text
    starts = {m.ts: k for k, m in enumerate(mentions)}
    for k in range(len(mentions)):
        m = mentions[k]
        if m.label not in ("ORG", "GPE", "LOC", "FAC", "NORP") or m.te - m.ts < 2:
            continue
        i = m.te
        if i + 2 < toks.n and text[i] == "(" and text[i + 2] == ")" and _is_acronym(text[i + 1]):
            j = starts.get(i + 1)
            if j is not None and mentions[j].te == i + 2:
                mentions[j].label, mentions[j].alias_of = m.label, m
            elif not taken[i + 1] or not any(o.ts <= i + 1 < o.te for o in mentions):
                # free, or cut off a name by its unclosed bracket: "Committee (KNB"
                mentions.append(Mention(i + 1, i + 2, m.label, alias_of=m))
                taken[i + 1] = True


def propagate(mentions: list[Mention], toks: Tokens, taken: list[bool], lex: Lexicon) -> list[Mention]:
    """A name labelled somewhere in the article is a mention wherever it recurs unlabelled.

    A recurring longer name also replaces shorter mentions inside it ("Islamic State"
    where spaCy labelled only "Islamic"). Lone title or organisation words ("State",
    "Committee") are not spread.
    """
    votes: dict[tuple[str, ...], Counter] = {}
    for m in mentions:
        if m.label not in _NAME_TYPES or m.kind != "name":
            continue
        words = tuple(toks.text[m.ts:m.te])
        if len(words) == 1 and _generic(words[0].lower(), lex):
            continue
        votes.setdefault(words, Counter())[m.label] += 1
    names: dict[str, dict[tuple[str, ...], str]] = {}
    for words, counter in votes.items():
        names.setdefault(words[0], {})[words] = counter.most_common(1)[0][0]
    if not names:
        return mentions
    owner = cover(mentions, toks.n)
    dropped: set[int] = set()
    text, n = toks.text, toks.n
    i = 0
    while i < n:
        cands = names.get(text[i]) if toks.is_cap(i) else None
        if cands and (not taken[i] or owner[i] >= 0 and mentions[owner[i]].ts == i):
            for words, label in sorted(cands.items(), key=lambda kv: -len(kv[0])):
                j = i + len(words)
                if j <= n and tuple(text[i:j]) == words and _free(i, j, taken, owner, mentions):
                    dropped.update(owner[t] for t in range(i, j) if owner[t] >= 0)
                    mentions.append(Mention(i, j, label, copied=True))
                    for t in range(i, j):
                        taken[t] = True
                    i = j - 1
                    break
        i += 1
    return [m for k, m in enumerate(mentions) if k not in dropped]


def _generic(word: str, lex: Lexicon) -> bool:
    return word in lex.org_heads or word in lex.heads or word in lex.modifiers


def _free(i: int, j: int, taken: list[bool], owner: list[int], mentions: list[Mention]) -> bool:
    """Tokens [i, j) hold no entity, or only mentions lying inside [i, j) that are shorter."""
    for t in range(i, j):
        if not taken[t]:
            continue
        k = owner[t]
        if k < 0 or mentions[k].ts < i or mentions[k].te > j or mentions[k].te - mentions[k].ts == j - i:
            return False
    return True


def extend_orgs(mentions: list[Mention], toks: Tokens, taken: list[bool], lex: Lexicon) -> None:
    """"the National Security Committee" + "of Kazakhstan" -> one ORG mention.

    Only for an organisation whose name ends in an organisation head word ("Committee",
    "Ministry"). The place keeps its own mention, marked nested.
    """
    lower, n = toks.lower, toks.n
    starts = {m.ts: m for m in mentions}
    for m in mentions:
        if m.label != "ORG" or m.nested or lower[m.te - 1] not in lex.org_heads or not toks.is_cap(m.te - 1):
            continue
        i = m.te
        if i >= n or lower[i] != "of" or taken[i]:
            continue
        j = i + 1
        if j < n and lower[j] == "the" and not taken[j]:
            j += 1
        place = starts.get(j)
        if place is not None and place.label in ("GPE", "LOC", "ORG") and not place.nested:
            place.nested = True
            m.te = place.te
        else:
            k = j
            while k < n and k - j < 3 and not taken[k] and toks.is_cap(k) and toks.tag[k].startswith("NNP"):
                k += 1
            if k == j:
                continue
            m.te = k
        for t in range(i, m.te):
            taken[t] = True


def nest_places(mentions: list[Mention], toks: Tokens) -> None:
    """"Kazakhstan" in "National Security Committee of Kazakhstan" is also a (nested)
    mention of the place, when the article names that place elsewhere."""
    places = {tuple(toks.text[m.ts:m.te]): m.label for m in mentions
              if m.label in ("GPE", "LOC") and not m.nested}
    have = {(m.ts, m.te) for m in mentions}
    for m in list(mentions):
        if m.label != "ORG" or m.nested:
            continue
        for p in range(m.ts + 1, m.te - 1):
            if toks.lower[p] == "of":
                j = p + 2 if toks.lower[p + 1] == "the" else p + 1
                label = places.get(tuple(toks.text[j:m.te]))
                if label and (j, m.te) not in have:
                    mentions.append(Mention(j, m.te, label, nested=True, copied=True))
                break
