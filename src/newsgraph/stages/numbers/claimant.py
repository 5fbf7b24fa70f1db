"""Who claimed a figure: the speaker of the quote it sits in, the subject of "X said /
reported / estimated", or the source of "according to X"; None in the article's own voice.

``Claimants(doc, rec)`` indexes the record's quotes and entity mentions once per article;
``find(start, end)`` answers for one figure with (entity id or None, quote id or None).
"""
from __future__ import annotations

import bisect

from .lexicon import Lexicon

_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}


class Claimants:
    def __init__(self, doc, rec, text: str, lex: Lexicon, org_words: frozenset[str] = frozenset()):
        """``org_words``: institution and group nouns ("police", "ministry", "officials"; the
        quotes lexicon's): a people or place that only modifies one claims nothing."""
        self.doc = doc
        self.lex = lex
        self.org_words = org_words
        self.deps = lex.deps
        self.text = text  # doc.text, read once (Doc.text rebuilds the string on each call)
        self.quotes = sorted(rec.get("quotes"), key=lambda q: q.start)
        mentions = []
        for ent in rec.get("entities"):
            for s, e in ent.mentions:
                mentions.append((s, e, ent.id, ent.type))
        mentions.sort()
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]

    def find(self, start: int, end: int) -> tuple[str | None, str | None]:
        quote = next((q for q in self.quotes if q.start <= start and end <= q.end), None)
        if quote is not None and quote.speaker:
            return quote.speaker, quote.id
        span = self.doc.char_span(start, end, alignment_mode="expand")
        who = self._cue_source(span) if span is not None else None
        return who, quote.id if quote is not None else None

    def _cue_source(self, span) -> str | None:
        sent = span.sent
        say = self.lex.say_lemmas
        first, second = self.lex.cues.source_cue
        cues = []
        for tok in sent:
            if tok.lower_ == first and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == second:
                cues.append(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in say:
                cues.append(tok)
        cues.sort(key=lambda t: abs(t.i - span.start))
        for cue in cues:
            source = self._source_tokens(cue)
            if source is None:
                who = self._entity_before(cue)
            elif source.start <= span.start < source.end:
                continue  # the figure is part of who speaks ("300 residents said ...")
            else:
                who = self._entity_in(source)
            if who:
                return who
        return None

    def _source_tokens(self, cue):
        doc = self.doc
        if cue.lower_ == self.lex.cues.source_cue[0]:
            objs = [c for c in doc[cue.i + 1].children if c.dep_ in self.deps.prep_object]
            return doc[objs[0].left_edge.i:objs[0].right_edge.i + 1] if objs else None
        subj = [c for c in cue.children if c.dep_ in self.deps.nominal_subject]
        if not subj:
            return None
        return doc[subj[0].left_edge.i:subj[0].right_edge.i + 1]

    def _entity_in(self, toks) -> str | None:
        if len(toks) == 1 and toks[0].lower_ in self.lex.pronoun_types:
            return self._antecedent(toks[0])
        s, e = toks.start_char, toks.end_char
        head = toks.root.idx
        hits = self._overlapping(s, e)
        if not hits:
            return None
        hits.sort(key=lambda m: (_TYPE_RANK.get(m[3], 9), not (m[0] <= head < m[1]), -m[0]))
        best = hits[0]
        if best[3] in ("NORP", "GPE") and not best[0] <= head < best[1] and toks.root.lower_ in self.org_words:
            return None  # "Tajik police said", "Kyrgyz officials say": not the country
        return best[2]

    def _entity_before(self, cue) -> str | None:
        """Parser missed the subject: take the named speaker just before the cue word."""
        i = bisect.bisect_left(self.mention_starts, cue.idx) - 1
        if i >= 0:
            s, e, eid, etype = self.mentions[i]
            if self.text[e:cue.idx].strip() == "" and etype in ("PERSON", "ORG"):
                return eid
        return None

    def _overlapping(self, s: int, e: int) -> list:
        hi = bisect.bisect_left(self.mention_starts, e)
        return [m for m in self.mentions[max(0, hi - 50):hi] if m[1] > s and m[0] < e]

    def _antecedent(self, pron) -> str | None:
        want = self.lex.pronoun_types[pron.lower_]
        i = bisect.bisect_left(self.mention_starts, pron.idx) - 1
        while i >= 0:
            s, e, eid, etype = self.mentions[i]
            if etype == (want or etype) and etype in ("PERSON", "ORG"):
                return eid
            i -= 1
        return None
