"""Title-case headlines: a person's name the NER ran into the headline's other capitalised
words ("Clinton Plan for Taxes", "Obama Seeks More Refugees", "Rip Donald Trump As ...")
is cut back to the name, or dropped when no word of it is a name.

In a headline where most words are capitalised (title case), a PERSON or ORG mention whose
text the body never names as one ("Kazakh Gets", "Calls Opposition Group") is trimmed to
  1. the longest run of its words that the body names as such (a full name; for a person
     also one of its words: "Clinton" when the body names "Hillary Clinton"), else
  2. its words without the edge words that are verbs (by tag) or that the body writes in
     lower case ("Sell Coal": "sell" and "coal" are common words), and dropped if none is left.
"""
from __future__ import annotations

MIN_TITLE_SHARE = 0.9  # of the words of 5+ letters: title case leaves only short words lower case
_TRIMMED = ("PERSON", "ORG")


def headline_end(source: str) -> int:
    """Where the headline ends (the first line break), or -1 when the text has none."""
    return source.find("\n")


def is_title_case(toks, end_tok: int) -> bool:
    words = [i for i in range(1, end_tok) if toks.text[i].isalpha() and len(toks.text[i]) >= 5]
    if len(words) < 2:
        return False
    return sum(1 for i in words if toks.text[i][:1].isupper()) / len(words) >= MIN_TITLE_SHARE


def title_case_end(toks, source: str) -> int:
    """The first token after a title-case headline that opens the text, else 0 (no such
    headline)."""
    end = headline_end(source)
    if end <= 0:
        return 0
    end_tok = next((i for i in range(toks.n) if toks.start[i] >= end), toks.n)
    return end_tok if is_title_case(toks, end_tok) else 0


def fix_headline(mentions: list, toks, source: str) -> list:
    end_tok = title_case_end(toks, source)
    if not end_tok:
        return mentions
    lower = {toks.lower[i] for i in range(end_tok, toks.n) if toks.text[i][:1].islower()}
    named = {}
    for label in _TRIMMED:
        body = [m for m in mentions if m.ts >= end_tok and m.label == label and m.kind == "name"]
        names = {tuple(toks.text[m.ts:m.te]) for m in body}
        # a person's single word the body names ("Clinton") stands; an organisation's does not
        named[label] = (names, {w for n in names for w in n} if label == "PERSON" else set())
    out = []
    for m in mentions:
        if m.label not in named or m.kind != "name" or m.te > end_tok or tuple(toks.text[m.ts:m.te]) in named[m.label][0]:
            out.append(m)
            continue
        ts, te = _trim(m, toks, *named[m.label], lower)
        if ts < te:
            m.ts, m.te = ts, te
            out.append(m)
    return out


def _trim(m, toks, names: set, words: set, lower: set) -> tuple[int, int]:
    best = None
    for i in range(m.ts, m.te):
        for j in range(m.te, i, -1):
            run = tuple(toks.text[i:j])
            if run in names or (j - i == 1 and run[0] in words):
                if best is None or j - i > best[1] - best[0]:
                    best = (i, j)
                break
    if best:
        return best
    ts, te = m.ts, m.te
    common = lambda i: toks.tag[i].startswith("VB") or toks.lower[i] in lower  # noqa: E731
    while ts < te and common(ts):
        ts += 1
    while te > ts and common(te - 1):
        te -= 1
    return ts, te
