"""Indirect (reported) speech: a cue verb with its reported clause, and `according to X`.

The content is the reported clause (with its `that`), the object of an endorsement or
demand cue (`called for more investment`), or, for `according to X`, the rest of the
sentence. A reported clause that holds a quoted fragment is kind `mixed`.
"""
from __future__ import annotations

from .candidate import Candidate, cited_source, inside, nearby_speaker, strip_dateline, subject_of, trim
from . import model
from .cues import Lexicon
from .tails import find_tails

_MIN_CONTENT_TOKENS = 3
_MAX_PARENTHETICAL = 14


def find_indirect(doc, quoted: list[tuple[int, int]], direct: list[Candidate],
                  used: set[int], lex: Lexicon, names: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Indirect and mixed candidates; skips cues inside quotes or already used. ``names``:
    spans of the organisation and person mentions (for the attribution tails of tails.py)."""
    verbs = lex.verbs | lex.object_cues
    taken = [(c.start, c.end) for c in direct]
    tails, tail_cues = find_tails(doc, quoted, lex, list(names))
    tail_spans = [(c.start, c.end) for c in tails]
    out: list[Candidate] = [c for c in tails if not _mostly_taken(c, taken)]
    for tok in doc:
        low = tok.lower_
        if tok.i in tail_cues:
            continue
        if low == lex.rule_words["according"]:
            cand = _according(doc, tok, lex.deps, lex.rule_words["to"])
        elif tok.pos_ == "VERB" and tok.i not in used and not inside(tok.idx, quoted):
            cand = _clause(doc, tok, lex) if tok.lemma_.lower() in verbs else None
            if cand is None:
                cand = _learned(doc, tok, lex)
        else:
            continue
        if cand is None or _mostly_taken(cand, taken) or _mostly_taken(cand, tail_spans):
            continue
        if any(cand.start <= c.cue_start < cand.end for c in tails):
            continue  # content that holds a tail's source and cue is a misparse of that tail
        if low != lex.rule_words["according"]:
            cand.speaker_tok = cited_source(tok, lex.source_markers, lex.deps) or cand.speaker_tok
        _clip_paragraph(doc.text, cand)
        cand.start = strip_dateline(doc.text, cand.start, cand.end)
        if cand.end - cand.start < 8:
            continue
        if any(s < cand.end and cand.start < e for s, e in quoted):
            cand.kind = "mixed"
        out.append(cand)
    return _drop_nested_learned(out)


def _drop_nested_learned(cands: list[Candidate]) -> list[Candidate]:
    """A learned cue inside the content of a lexicon cue is part of that content."""
    ruled = [(c.start, c.end) for c in cands if c.rule != "model"]
    return [c for c in cands if c.rule != "model" or not inside(c.cue_start, ruled)]


def _clause(doc, verb, lex) -> Candidate | None:
    """The content a cue verb governs: a mid-sentence cue's sentence, its reported clause,
    its `to` clause, its prepositional or direct object; else `as X said` or `..., X said`."""
    lemma = verb.lemma_.lower()
    d = lex.deps
    if lemma in lex.speech:
        middle = _middle(doc, verb, d)
        if middle is not None:
            return middle
    content = _content_head(verb, lemma, lex)
    if content is None:
        return _as_clause(doc, verb, lex) or _parenthetical(doc, verb, lex)
    cand = _span(doc, verb, content, lex)
    if cand is None:
        return None
    cand.rule = content.dep_
    if content.dep_ in d.object:  # `called Trump "a fascist"`: object and predicate together
        pred = next((c for c in verb.children if c.dep_ in d.object_predicate and c.i > content.i), None)
        if pred is not None:
            edge = pred.right_edge
            cand.end = max(cand.end, trim(doc.text, pred.idx, edge.idx + len(edge))[1])
            cand.rule = "oprd"
    return cand


def _content_head(verb, lemma: str, lex):
    """The token heading the content: ccomp, then xcomp / prepositional object / object."""
    d = lex.deps
    for child in verb.children:
        if child.dep_ in d.clausal_complement and lemma in lex.verbs:
            return child
    for child in verb.children:
        if child.dep_ in d.open_complement and lemma in lex.xcomp_cues:
            return child
        if child.dep_ in d.preposition and child.lower_ in lex.prep_cues.get(lemma, ()):
            return next((g for g in child.children if g.dep_ in d.prep_complement), None)
        if child.dep_ in d.object and lemma in lex.object_cues and child.pos_ != "PRON" and not _agent_like(child, lex):
            return child
    return None


def _agent_like(tok, lex: Lexicon) -> bool:
    """An object that is someone, not something said ("dismissed the government", "denied
    the minister"): a name, an institution word or a title."""
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.lower_ in lex.org_words or tok.lower_ in lex.titles


def _middle(doc, verb, d) -> Candidate | None:
    """`In the long run, many economists say, costs will rise.`: a cue set off by commas in
    the middle of its sentence; the content is the whole sentence, as PolNeAR marks it."""
    sent = verb.sent
    j = verb.i + 1
    while j < sent.end and doc[j].dep_ in d.adverbial and doc[j].head.i == verb.i:
        j += 1
    if j >= sent.end - 2 or doc[j].text != ",":
        return None
    k = verb.i - 1
    while k > sent.start and verb.i - k <= 6 and doc[k].text != ",":
        if doc[k].pos_ in ("VERB", "AUX", "SCONJ") or doc[k].is_quote:
            return None
        k -= 1
    if doc[k].text != "," or k - sent.start < 2 or k == verb.i - 1:
        return None
    start, end = trim(doc.text, sent[0].idx, sent[-1].idx + len(sent[-1]))
    spk = nearby_speaker(doc, verb, doc[k].idx + 1, verb.idx + len(verb) + 20, d)
    return Candidate(start, end, "indirect", verb.idx, verb.idx + len(verb), speaker_tok=spk, rule="middle")


def _as_clause(doc, verb, lex: Lexicon) -> Candidate | None:
    """`As X said, CONTENT`: the content is the main clause around the cue's clause."""
    d = lex.deps
    if verb.lemma_.lower() not in lex.as_cues or verb.dep_ not in d.adverbial_clause \
            or not any(c.dep_ in d.marker and c.lower_ == lex.rule_words["as"] for c in verb.children):
        return None
    head = verb.head
    lo, hi = verb.left_edge.i, verb.right_edge.i
    if lo <= head.left_edge.i:
        c_lo, c_hi = hi + 1, head.right_edge.i
    else:
        c_lo, c_hi = head.left_edge.i, lo - 1
    if c_hi - c_lo + 1 < _MIN_CONTENT_TOKENS:
        return None
    start, end = trim(doc.text, doc[c_lo].idx, doc[c_hi].idx + len(doc[c_hi]))
    return Candidate(start, end, "indirect", verb.idx, verb.idx + len(verb), speaker_tok=subject_of(verb, d),
                     rule="as")


def _parenthetical(doc, verb, lex) -> Candidate | None:
    """`CONTENT, X said (at ...).` when the parser missed the reported clause."""
    if verb.lemma_.lower() not in lex.parenthetical_cues or any(c.dep_ in lex.content_deps for c in verb.children):
        return None
    sent = verb.sent
    comma = None
    for i in range(verb.i - 1, max(sent.start, verb.i - _MAX_PARENTHETICAL) - 1, -1):
        t = doc[i]
        if t.text == ",":
            comma = t
            break
        if t.pos_ in ("VERB", "AUX") or t.is_quote or "\n" in t.text:
            return None
    if comma is None or comma.i - sent.start < _MIN_CONTENT_TOKENS + 1:
        return None
    spk = nearby_speaker(doc, verb, comma.idx + 1, sent.end_char, lex.deps)
    if spk is None:
        return None
    start, end = trim(doc.text, sent.start_char, comma.idx)
    return Candidate(start, end, "indirect", verb.idx, verb.idx + len(verb), speaker_tok=spk,
                     rule="parenthetical")


def _span(doc, verb, content, lex: Lexicon) -> Candidate | None:
    """The content subtree as a trimmed span, with the cue's subject as speaker."""
    d = lex.deps
    toks = list(content.subtree)
    lo, hi = toks[0].i, toks[-1].i
    if content.dep_ in d.clausal_complement and content.i < verb.i:  # "A were detained and B seized, X said": two ccomps
        for c in verb.children:
            if c.dep_ in d.clausal_complement and c.i < verb.i:
                lo, hi = min(lo, c.left_edge.i), max(hi, c.right_edge.i)
    if lo <= verb.i <= hi:  # a non-projective parse swallowed the cue: keep the side after it
        lo = verb.i + 1
    tail_speaker = None
    if hi == verb.i - 1:  # "CONTENT, Deputy Chairman ... Nurgali Bilisbekov told ...": the
        cut = _speaker_tail(doc, lo, hi, verb, d)  # parse hung the speaker on the content
        if cut is not None:
            hi, tail_speaker = cut
    lo = _coordinated_start(doc, lo, hi, verb, lex)
    if hi - lo + 1 < _MIN_CONTENT_TOKENS:
        return None
    start, end = trim(doc.text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
    if end - start < 8:
        return None
    spk = tail_speaker or subject_of(verb, d)
    if spk is not None and start <= spk.idx < end:
        spk = None
    return Candidate(start, end, "indirect", verb.idx, verb.idx + len(verb), speaker_tok=spk)


def _coordinated_start(doc, lo: int, hi: int, verb, lex: Lexicon) -> int:
    """"A were detained and B were seized, the ministry said": a content before its cue that the
    parse began at the second of two coordinated clauses starts with the sentence."""
    sent = verb.sent
    if hi >= verb.i or lo <= sent.start or doc[lo - 1].lower_ not in lex.clause_conjunctions:
        return lo
    left = doc[sent.start:lo - 1]
    verbs = [t for t in left if t.pos_ in ("VERB", "AUX")]
    if verbs and not any(t.is_quote for t in left) and not any(t.lemma_.lower() in lex.verbs for t in verbs):
        return sent.start
    return lo


def _speaker_tail(doc, lo: int, hi: int, verb, d):
    """The content's last comma-separated run when it is a named speaker right before the
    cue (no verb in it, a PERSON or ORG name at its end): (new content end, speaker)."""
    for i in range(hi, max(lo, hi - _MAX_PARENTHETICAL) - 1, -1):
        t = doc[i]
        if t.text == ",":
            if i - 1 - lo + 1 < _MIN_CONTENT_TOKENS or doc[hi].ent_type_ not in ("PERSON", "ORG"):
                return None
            spk = nearby_speaker(doc, verb, t.idx + 1, verb.idx, d)
            return (i - 1, spk) if spk is not None else None
        if t.pos_ in ("VERB", "AUX") or t.is_quote or "\n" in t.text:
            return None
    return None


def _according(doc, tok, d, to_word: str) -> Candidate | None:
    to = next((c for c in tok.children if c.lower_ == to_word), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == to_word:
        to = doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ in d.prep_object), None)
    if pobj is None:
        return None
    sent = tok.sent
    p_lo = tok.i
    p_hi = max(pobj.right_edge.i, to.i)
    before = (sent.start, p_lo)
    after = (p_hi + 1, sent.end)
    lo, hi = max(before, after, key=lambda r: r[1] - r[0])
    if hi - lo < _MIN_CONTENT_TOKENS:
        return None
    start, end = trim(doc.text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    cue_end = to.idx + len(to)
    return Candidate(start, end, "indirect", tok.idx, cue_end, speaker_tok=pobj, rule="according")


def _mostly_taken(cand: Candidate, taken: list[tuple[int, int]]) -> bool:
    size = cand.end - cand.start
    for s, e in taken:
        shared = min(e, cand.end) - max(s, cand.start)
        if shared > 0 and shared >= 0.5 * size:
            return True
    return False


def _clip_paragraph(text: str, cand: Candidate) -> None:
    """Reported content stays in the paragraph of its cue."""
    cue = cand.cue_start if cand.cue_start is not None else cand.start
    para_lo = text.rfind("\n", 0, cue) + 1
    para_hi = text.find("\n", cue)
    para_hi = len(text) if para_hi < 0 else para_hi
    cand.start, cand.end = trim(text, max(cand.start, para_lo), min(cand.end, para_hi))


def _learned(doc, verb, lex: Lexicon) -> Candidate | None:
    """The best content of a verb the lexicon rules leave out, if the cue model accepts it."""
    cue_model = lex.model
    d = lex.deps
    subj = subject_of(verb, d)
    best, best_p = None, cue_model.threshold
    for kind, head in model.content_heads(verb, d):
        p = cue_model.score(model.features(verb, kind, head, subj, d))
        if p >= best_p:
            best, best_p = head, p
    if best is None:
        return None
    cand = _span(doc, verb, best, lex)
    if cand is not None:
        cand.rule = "model"
    return cand
