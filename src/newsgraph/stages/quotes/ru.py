"""quotes.ru.v1: Russian direct, dash-dialogue and reported speech, speakers resolved.

One explicit sequence per article (cue words in lang/ru/quotes.json):
1. quotation marks: «...» (with „...“ or "..." nested inside) and „...“ spans of at least
   three words, attributed when their sentence (or the one ending in ':' before them) has a
   speech verb outside the marks;
2. dash dialogue: "— CONTENT, — сказал он. — MORE" (a cue verb right after ", —");
3. reported speech: a speech verb with "что ..." or ':' after it ("заявил, что ..."), and
   the inverted order "CONTENT, сообщает пресс-служба МВД.";
4. source phrases: "по словам X, CONTENT", "по данным X", "как сообщает X, CONTENT";
5. speakers: the cue's subject (nsubj) or the phrase's source; a pronoun (он/она/они)
   takes the latest person (or organisation) of the same gender and number; a name, title
   or organisation word resolves to the entity whose mention (or role) covers it.
Quotes are numbered Q1.. by their start; spans never overlap (earlier steps win).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import ArticleRecord, Quote
from ...resources import Context
from ...lang.ru.lexicon import key
from ..text import Labels, labels

VERSION = "quotes.ru.v1"
_OPEN_CLOSE = {"«": "»", "„": "“"}
_MIN_WORDS = 3


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None  # token range
    speaker: tuple[int, int] | None  # token range


@dataclass(frozen=True)
class Lexicon:
    """The cue words of ``quotes.json`` and the dependency labels of the language."""

    speech: set
    phrases: list
    pronouns: dict
    generic_orgs: set
    back_reference: list
    deps: Labels


def lexicon(lang) -> Lexicon:
    """Built once per process per language."""
    return lang.cached("quotes.ru", lambda: _build(lang))


def _build(lang) -> Lexicon:
    d = lang.data("quotes.json")
    return Lexicon(set(d["speech"]), [tuple(p) for p in d["phrases"]], d["pronouns"], set(d["generic_orgs"]),
                   [tuple(p) for p in d["back_reference"]], labels(lang))


def _is_cue(t, lex: Lexicon) -> bool:
    return key(t.lemma_) in lex.speech and t.pos_ in ("VERB", "ADJ", "ADV", "AUX")


def mark_spans(text: str) -> list[tuple[int, int]]:
    """Outermost «...» and „...“ spans (the marks included)."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_CLOSE:
            close, depth, j = _OPEN_CLOSE[ch], 0, i
            while j < len(text):
                if text[j] == ch:
                    depth += 1
                elif text[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                elif text[j] == "\n" and text[j:j + 2] == "\n\n":
                    j = len(text)
                    break
                j += 1
            if j < len(text):
                out.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def _tok_range(doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _subject(doc, verb, lex: Lexicon) -> tuple[int, int] | None:
    for c in verb.children:
        if c.dep_ in lex.deps.nominal_subject_or_passive:
            return c.left_edge.i, c.right_edge.i + 1
    return None


def _direct(doc, text: str, lex: Lexicon) -> list[Cand]:
    out = []
    for s, e in mark_spans(text):
        if len(text[s + 1:e - 1].split()) < _MIN_WORDS:
            continue
        qs, qe = _tok_range(doc, s, e)
        sent = doc[qs].sent
        before = doc[sent.start - 1].sent if sent.start > 0 and text[:s].rstrip().endswith(":") else None
        cue = None
        for region in (sent, before):
            if region is None:
                continue
            cue = next((t for t in region if _is_cue(t, lex) and not qs <= t.i < qe), None)
            if cue is not None:
                break
        if cue is not None:
            out.append(Cand(s, e, "direct", (cue.i, cue.i + 1), _subject(doc, cue, lex)))
    return out


_DASH = re.compile(r"[,!?.…]\s*[—–-]\s+")


def _dialogue(doc, text: str, lex: Lexicon) -> list[Cand]:
    """'— CONTENT, — сказал он.' lines; a following '. — MORE' joins the quote."""
    out = []
    for line in re.finditer(r"(?m)^[ \t]*[—–][ \t]*(.+)$", text):
        body_start = line.start(1)
        for m in _DASH.finditer(text, body_start, line.end()):
            ts, _ = _tok_range(doc, m.end(), min(m.end() + 1, line.end()))
            cue = doc[ts] if ts < len(doc) else None
            if cue is None or not _is_cue(cue, lex):
                continue
            end = m.start() + (1 if text[m.start()] in "!?…" else 0)
            speaker = _subject(doc, cue, lex)
            out.append(Cand(body_start, end, "direct", (cue.i, cue.i + 1), speaker))
            rest = re.search(r"[.!?…]\s*[—–]\s+", text[m.end():line.end()])
            if rest and line.end() > m.end() + rest.end():
                out.append(Cand(m.end() + rest.end(), line.end(), "direct", (cue.i, cue.i + 1), speaker))
            break
    return out


def _reported(doc, text: str, lex: Lexicon) -> list[Cand]:
    out = []
    for t in doc:
        if not _is_cue(t, lex):
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        after = doc[t.i + 2] if t.i + 2 < len(doc) else None
        sent = t.sent
        if nxt is not None and (nxt.text == ":" or (nxt.text == "," and after is not None and after.lower_ == "что")):
            start_tok = t.i + 2 if nxt.text == ":" else t.i + 3
            if start_tok < sent.end:
                end = _clause_end(doc, start_tok, sent)
                out.append(Cand(doc[start_tok].idx, end, "indirect", (t.i, t.i + 1), _subject(doc, t, lex)))
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        if prev is not None and prev.text == "," and t.i - 1 > sent.start:
            # "CONTENT, сообщает пресс-служба МВД." / "CONTENT, — заявил он."
            s0 = sent.start
            while s0 < t.i and (doc[s0].is_punct or doc[s0].is_space):
                s0 += 1
            if doc[t.i - 1].i - s0 >= _MIN_WORDS:
                out.append(Cand(doc[s0].idx, doc[t.i - 1].idx, "indirect", (t.i, t.i + 1), _subject(doc, t, lex)))
    return out


def _clause_end(doc, start_tok: int, sent) -> int:
    end_tok = sent.end
    while end_tok > start_tok and (doc[end_tok - 1].is_punct or doc[end_tok - 1].is_space):
        end_tok -= 1
    last = doc[end_tok - 1]
    return last.idx + len(last)


def _back_reference(doc, text: str, lex: Lexicon) -> list[Cand]:
    """'Об этом сообщила пресс-служба МВД.': the sentence before is what was reported."""
    out = []
    refs = lex.back_reference
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_space or t.is_punct)]
        low = tuple(t.lower_ for t in words[:3])
        if not any(low[:len(r)] == r for r in refs) or sent.start == 0:
            continue
        cue = next((t for t in words[:6] if _is_cue(t, lex)), None)
        prev = doc[sent.start - 1].sent
        toks = [t for t in prev if not t.is_space]
        if cue is None or len(toks) < _MIN_WORDS:
            continue
        end = toks[-1].idx + len(toks[-1]) - (1 if toks[-1].text == "." else 0)
        out.append(Cand(toks[0].idx, end, "indirect", (cue.i, cue.i + 1), _subject(doc, cue, lex)))
    return out


def _phrases(doc, text: str, lex: Lexicon) -> list[Cand]:
    out = []
    phrases = lex.phrases
    low = [t.lower_ for t in doc]
    for i in range(len(doc)):
        for p in phrases:
            if tuple(low[i:i + len(p)]) != p:
                continue
            sent = doc[i].sent
            j = i + len(p)
            src_end = next((k for k in range(j, sent.end) if doc[k].text == ","), None)
            if src_end is None or src_end == j:
                continue
            cue = (i, j)
            speaker = (j, src_end)
            if i == sent.start or (i > sent.start and all(doc[k].is_punct or doc[k].is_space
                                                           for k in range(sent.start, i))):
                if src_end + 1 < sent.end:
                    out.append(Cand(doc[src_end + 1].idx, _clause_end(doc, src_end + 1, sent), "indirect",
                                    cue, speaker))
            elif i > sent.start and doc[i - 1].text == ",":
                s0 = sent.start
                out.append(Cand(doc[s0].idx, doc[i - 1].idx, "indirect", cue, (j, _clause_stop(doc, j, sent))))
            break
    return out


def _clause_stop(doc, j: int, sent) -> int:
    k = j
    while k < sent.end and doc[k].text not in ",.;!?":
        k += 1
    return k


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Quote]:
    text = rec.article.text if rec is not None else doc.text
    lex = lexicon(ctx.lang)
    cands: list[Cand] = []
    for step in (_direct, _dialogue, _back_reference, _phrases, _reported):
        for c in step(doc, text, lex):
            if c.end > c.start and not any(c.start < o.end and o.start < c.end for o in cands):
                cands.append(c)
    cands.sort(key=lambda c: c.start)
    resolver = _Speakers(doc, rec.get("entities") if rec is not None else [], lex)
    out = []
    for n, c in enumerate(cands, 1):
        sp_id, sp_s, sp_e = resolver.resolve(c.speaker)
        cue_s = cue_e = None
        if c.cue is not None:
            cue_s, cue_e = doc[c.cue[0]].idx, doc[c.cue[1] - 1].idx + len(doc[c.cue[1] - 1])
        out.append(Quote(id=f"Q{n}", start=c.start, end=c.end, text=text[c.start:c.end], kind=c.kind,
                         speaker=sp_id, speaker_start=sp_s, speaker_end=sp_e,
                         cue=text[cue_s:cue_e] if cue_s is not None else None, cue_start=cue_s, cue_end=cue_e))
    return out


class _Speakers:
    """Speaker token ranges -> entity ids: covering mention, role, or (for a pronoun) the
    latest person or organisation before it that agrees in gender and number."""

    def __init__(self, doc, entities, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.mentions = sorted(((s, e, ent) for ent in entities for s, e in ent.mentions), key=lambda m: m[:2])
        self.roles = [(r.start, r.end, ent) for ent in entities for r in ent.roles]

    def resolve(self, rng):
        if rng is None or rng[1] <= rng[0]:
            return None, None, None
        doc = self.doc
        s, e = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])
        head = doc[rng[0]] if rng[1] - rng[0] == 1 else _root(doc, rng)
        pron = self.lex.pronouns.get(head.lower_)
        if pron is not None:
            ent = self._antecedent(s, pron)
            return (ent.id if ent else None), s, e
        inside = [m for m in self.mentions if s <= m[0] and m[1] <= e]
        at_head = [m for m in inside if m[0] <= head.idx < m[1]]
        case = head.morph.get("Case")
        appos = [m for m in inside if m[2].type == "PERSON" and self._case(m) == case]
        orgs = [m for m in inside if m[2].type == "ORG"]
        pick = (at_head or appos or orgs or [None])[0]
        if pick is None and key(head.lemma_) in self.lex.generic_orgs:
            pick = next(((0, 0, ent) for ms, me, ent in reversed(self.mentions) if me <= s and ent.type == "ORG"), None)
        if pick is None:
            role = next((r for r in self.roles if r[0] <= head.idx < r[1]), None)
            pick = (0, 0, role[2]) if role else None
        return (pick[2].id if pick else None), s, e

    def _case(self, m):
        span = self.doc.char_span(m[0], m[1], alignment_mode="expand")
        return span[-1].morph.get("Case") if span is not None else []

    def _antecedent(self, pos: int, pron):
        gender, number = pron
        for s, e, ent in reversed(self.mentions):
            if s >= pos:
                continue
            if number == "Plur":
                if ent.type == "ORG":
                    return ent
                continue
            if ent.type != "PERSON":
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            g = span[-1].morph.get("Gender") if span is not None else []
            if not g or g == [gender]:
                return ent
        return None


def _root(doc, rng):
    for i in range(*rng):
        h = doc[i].head.i
        if h < rng[0] or h >= rng[1] or h == i:
            return doc[i]
    return doc[rng[0]]
