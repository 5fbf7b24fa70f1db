"""Direct quotes: attribute each quotation-mark span to a cue and a speaker.

Looks after the closing mark first (`"...," said X`, `"...," X said`, dash `— X`), then
before the opening mark (`X said: "..."`, a quote introduced by a colon), then inherits
from the quote before it (a quote split by its cue, or a paragraph that continues one).
"""
from __future__ import annotations

import re

from ..text import token_index_at
from .candidate import Candidate, nearby_speaker, nominal_head, subject_of
from .cues import Lexicon
from .marks import MarkSpan

_DASH = re.compile(r"\s*[—–]\s*")
_AFTER_TOKENS = 16
_BEFORE_TOKENS = 25
_MIN_WORDS = 4


def _cue_verb(tok, verbs) -> bool:
    return tok.lemma_.lower() in verbs and tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD"


def _after(doc, m: MarkSpan, limit: int, verbs, d):
    """(cue token, speaker token) after the closing mark, within the sentence.

    Right after a quote that ends in `,` `?` or `!`, any verb is the cue (`"...," he barked`).
    """
    text = doc.text
    i0 = token_index_at(doc, m.end)
    for i in range(i0, min(len(doc), i0 + _AFTER_TOKENS)):
        tok = doc[i]
        if tok.idx >= limit or "\n" in tok.text or "\n" in text[m.end:tok.idx]:
            break
        if _cue_verb(tok, verbs) or (i - i0 <= 3 and tok.pos_ == "VERB" and _comma_end(text, m)):
            if _own_content(tok, d) and not _comma_end(text, m):
                break
            spk = subject_of(tok, d)
            if spk is None or spk.idx < m.end or spk.idx >= limit:
                spk = nearby_speaker(doc, tok, m.end, limit, d)
            return tok, spk
        if tok.text in (".", "?", "!") or tok.is_quote:
            break
    return None, None


def _own_content(verb, d) -> bool:
    """The cue takes its own clause or object after it (`"..." Cruz says he is ...`)."""
    return any(c.dep_ in d.clausal_or_open_complement and c.i > verb.i and not c.is_punct
               for c in verb.children)


def _dash(doc, m: MarkSpan, d):
    """(dash span, speaker token) for `"..." — Name`."""
    dm = _DASH.match(doc.text, m.end)
    if not dm or "\n" in dm.group() or dm.end() >= len(doc.text):
        return None, None
    i = token_index_at(doc, dm.end())
    if i >= len(doc) or doc[i].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None, None
    head = doc[i]
    while head.dep_ in d.name_part and head.head.i > head.i:
        head = head.head
    dash = dm.group().strip()
    ds = doc.text.index(dash, m.end)
    return (ds, ds + len(dash)), head


def _before(doc, m: MarkSpan, floor: int, verbs, d):
    """(cue token or None, speaker token, colon span) before the opening mark.

    Only for a quote introduced by `:` or `,` or one that ends its sentence; a quoted
    fragment inside a reported clause is left to the indirect finder (kind mixed).
    A quote opening a paragraph may take the cue of a previous paragraph ending in `:`.
    """
    text = doc.text
    para = text.rfind("\n", 0, m.start) + 1
    if para > 0 and not text[para:m.start].strip() and text[:para].rstrip().endswith(":"):
        para = text.rfind("\n", 0, len(text[:para].rstrip())) + 1
    lo = max(floor, para)
    lead = text[lo:m.start].rstrip()
    intro = lead.endswith((":", ","))
    if not intro and not _ends_sentence(text, m):
        return None, None, None
    i1 = token_index_at(doc, m.start) - 1
    for i in range(i1, max(-1, i1 - _BEFORE_TOKENS), -1):
        tok = doc[i]
        if tok.idx < lo or tok.is_quote:
            break
        if _cue_verb(tok, verbs):
            if not intro and i1 - i > 3:
                break
            spk = subject_of(tok, d)
            if spk is None or spk.idx >= m.start:
                spk = nearby_speaker(doc, tok, lo, m.start, d)
            return tok, spk, None
    if lead.endswith(":") and len(lead) > 1:
        colon = text.rindex(":", lo, m.start)
        j = token_index_at(doc, colon) - 1
        subj = doc[j].sent.root if j >= 0 else None
        subj = subject_of(subj, d) if subj is not None else None
        return None, subj, (colon, colon + 1)
    return None, None, None


def _ends_sentence(text: str, m: MarkSpan) -> bool:
    """The quote closes its sentence: end punctuation inside the marks or right after."""
    inner = text[m.start:m.end].rstrip("\"”’»'' ")
    after = text[m.end:m.end + 3].lstrip(" ")
    return inner.endswith((".", "?", "!", "…")) or not after or after[0] in ".?!\n"




def _words(doc, m: MarkSpan) -> int:
    return sum(1 for w in doc.text[m.start:m.end].split() if any(ch.isalnum() for ch in w))


def find_direct(doc, marks: list[MarkSpan], lex: Lexicon) -> tuple[list[Candidate], set[int], list[MarkSpan]]:
    """Direct candidates, the cue token indexes they use, and the quotes left unattributed."""
    verbs = lex.speech | lex.direct_extra_cues
    out: list[Candidate] = []
    used: set[int] = set()
    fragments: list[MarkSpan] = []
    prev_end = 0
    for k, m in enumerate(marks):
        nxt = marks[k + 1].start if k + 1 < len(marks) else len(doc.text)
        cand = _attribute(doc, m, prev_end, nxt, verbs, used, lex.deps, lex.rule_words["that"])
        short = _words(doc, m) < _MIN_WORDS
        if cand is None and not short and out and _continues(doc.text, out[-1], m):
            cand = Candidate(m.start, m.end, "direct", inherit=out[-1])
        if cand is None or (short and cand.cue_start is None):
            fragments.append(m)
        else:
            out.append(cand)
        prev_end = m.end
    return out, used, fragments


def _attribute(doc, m, prev_end, nxt, verbs, used, d, that_word: str) -> Candidate | None:
    cue, spk = _after(doc, m, nxt, verbs, d) if _starts_clause(doc.text, m) else (None, None)
    if cue is not None and _words(doc, m) < _MIN_WORDS and not _comma_end(doc.text, m):
        cue = None
    if cue is not None:
        used.add(cue.i)
        return Candidate(m.start, m.end, "direct", cue.idx, cue.idx + len(cue), speaker_tok=spk)
    dash, spk = _dash(doc, m, d)
    if dash is not None:
        return Candidate(m.start, m.end, "direct", dash[0], dash[1], speaker_tok=spk)
    cue, spk, colon = _before(doc, m, prev_end, verbs, d)
    if cue is not None:
        used.add(cue.i)
        that = _that_before(doc, m, that_word)
        if that is not None:  # `said that "..."`: a reported clause made of a quote
            return Candidate(that, m.end, "mixed", cue.idx, cue.idx + len(cue), speaker_tok=spk)
        return Candidate(m.start, m.end, "direct", cue.idx, cue.idx + len(cue), speaker_tok=spk)
    if colon is not None and spk is not None:
        return Candidate(m.start, m.end, "direct", colon[0], colon[1], speaker_tok=spk)
    return None


def _that_before(doc, m: MarkSpan, that_word: str) -> int | None:
    """Start of a `that` right before the opening mark, if any."""
    i = token_index_at(doc, m.start) - 1
    if i >= 0 and doc[i].lower_ == that_word and doc[i].idx + len(that_word) >= m.start - 1:
        return doc[i].idx
    return None


def _starts_clause(text: str, m: MarkSpan) -> bool:
    """The quote opens its sentence or follows a colon, dash or another quote; a quote that
    follows a word sits inside a clause (`is "peanuts," he said` is a fragment, kind mixed)."""
    if not m.opened:
        return True
    before = text[max(0, m.start - 40):m.start].rstrip(" \t\xa0")
    return not before or before[-1] in "\n.?!:;—–\"”’(["


def _comma_end(text: str, m: MarkSpan) -> bool:
    """`"No," he said`: a short quote counts only when it ends with , ? or ! ."""
    inner = text[m.start:m.end].rstrip("\"”’»'' ")
    return inner.endswith((",", "?", "!")) or text[m.end:m.end + 1] == ","


def _continues(text: str, prev: Candidate, m: MarkSpan) -> bool:
    """The quote follows the previous quote in its paragraph or opens the next paragraph."""
    between = text[prev.end:m.start]
    return between.count("\n") <= 2 and (len(between) < 300 or "\n" in between)


_COLON_LINE = re.compile(r"(?m)^[ \t]*(?P<who>[A-Z][^\n:\d]{0,40}?):[ \t]+(?P<what>[^\n]+?)[ \t]*$")


def find_colon_lines(doc, taken: list[tuple[int, int]], d) -> list[Candidate]:
    """Headline-style attribution `Name: what they said` (the cue is the colon)."""
    text = doc.text
    out = []
    for m in _COLON_LINE.finditer(text):
        who, what = m.span("who"), m.span("what")
        words = text[who[0]:who[1]].split()
        if len(words) > 5 or not all(w[:1].isupper() for w in words if w[:1].isalpha()):
            continue
        if len(text[what[0]:what[1]].split()) < 3 or any(s < what[1] and what[0] < e for s, e in taken):
            continue
        i = token_index_at(doc, who[1]) - 1
        if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN"):
            continue
        start, end = what[0], what[1]
        while end > start and text[end - 1] in ".":
            end -= 1
        kind = "direct" if text[start] in "\"“‘'«" else "indirect"
        out.append(Candidate(start, end, kind, who[1], who[1] + 1, speaker_tok=nominal_head(doc[i], d),
                             rule="colon-line"))
    return out
