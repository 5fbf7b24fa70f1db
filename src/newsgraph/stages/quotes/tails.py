"""Attribution tails the parser misses: a sentence that ends naming its source.

A tail whose source is a news outlet is marked ``tail-outlet``: the outlet speaks there, but
"the statement", "the press service" later in the article never refer back to it.

Agency copy of the region ends sentences with its source, in forms the model parses badly
(the cue read as a noun, the outlet as the cue's object):

    "..., AKIpress reports."            the name, then the cue
    "..., reports 24.kg news agency."   the cue, then the name (and its role words)
    "Officers detained six men. The press center of the committee reports."
                                        a sentence of its own: the content is the one before
    "..., the border service was quoted as saying."
                                        a cue phrase (``tail_phrases``) after the name

The name must hold an organisation or person mention (or a proxy such as "press center");
only role words ("news agency", "correspondent"), determiners and quotation marks may
stand beside it. The cue words and the role words are language data (``tail_cues``,
``tail_role_words`` in reporting_cues.json).
"""
from __future__ import annotations

from .candidate import Candidate, inside, subject_of, trim
from .cues import Lexicon

_MAX_NAME = 7  # tokens of the source named in a tail
_MAX_OWN = 12  # tokens of a sentence that only names its source
_MAX_INFORMER = 16  # tokens of the source in "NAME informed 24.kg news agency."
_MAX_TAIL = 16  # tokens after the last comma that may still be a tail


def find_tails(doc, quoted: list[tuple[int, int]], lex: Lexicon,
               names: list[tuple[int, int]]) -> tuple[list[Candidate], set[int]]:
    """Candidates of attribution tails, and the token indices of their cues (which the verb
    rules must not read again). ``names``: the character spans of the record's organisation
    and person mentions."""
    if not lex.tail_cues:
        return [], set()
    out: list[Candidate] = []
    cues: set[int] = set()
    prev = None
    for sent in doc.sents:
        toks = _core(sent)
        cand = None
        if toks and not inside(toks[-1].idx, quoted):
            cand = _inline(doc, sent, toks, lex, names) or _own_sentence(doc, prev, toks, lex, names)
        if cand is not None:
            out.append(cand[0])
            cues.add(cand[1])
        prev = sent
    return out, cues


def _core(sent) -> list:
    """The sentence's tokens without its final punctuation, quotation marks and spaces."""
    toks = list(sent)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    return toks


def _inline(doc, sent, toks: list, lex: Lexicon, names):
    """"CONTENT, NAME cue (when)." or "CONTENT, cue NAME.": (candidate, cue index) or None."""
    comma = next((i for i in range(len(toks) - 1, max(-1, len(toks) - _MAX_TAIL), -1)
                  if toks[i].text == ","), None)
    if comma is None or comma < 3:
        return None
    tail = toks[comma + 1:]
    core = len(tail)
    while core > 1 and _trailing(tail[core - 1], lex):  # "... said in a statement on Monday"
        core -= 1
    phrase = _tail_phrase(tail[:core], lex)
    last = tail[core - 1]
    if core < 2:
        return None
    if phrase:
        cue, cue_end, name = tail[core - phrase], last, tail[:core - phrase]
    elif last.lower_ in lex.tail_cues or (last.lower_ in lex.tail_said_cues and _misparsed(last, lex)):
        cue, cue_end, name = last, last, tail[:core - 1]
    elif tail[0].lower_ in lex.tail_cues and core == len(tail):
        cue, cue_end, name = tail[0], tail[0], tail[1:]
    else:
        return None
    head = _name_head(name, lex, names) or _proxy_subject(cue, name, lex, names) or \
        (_institution_head(name, lex) if phrase else None)
    if head is None:
        return None
    start, end = trim(doc.text, sent.start_char, toks[comma].idx)
    if end - start < 8:
        return None
    return Candidate(start, end, "indirect", cue.idx, cue_end.idx + len(cue_end), speaker_tok=head,
                     rule=_rule(name, lex)), cue.i


def _trailing(tok, lex: Lexicon) -> bool:
    """A word that may follow a tail's cue: when and where it was said ("on Monday", "in a
    statement", "today")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.pos_ in ("ADP", "DET") or tok.lower_ in lex.document_speakers


def _misparsed(cue, lex: Lexicon) -> bool:
    """Whether the parse lost a "said"-type cue (read as a noun, or hung on the content as a
    modifier): only then is a tail needed; a cue parsed as the sentence's root is the verb rules'."""
    if cue.pos_ not in ("VERB", "AUX") or cue.dep_ in lex.deps.adnominal_clause or cue.dep_ in lex.deps.apposition:
        return True
    return cue.dep_ in lex.deps.clausal_complement and cue.head.i < cue.i  # hung on the verb before it


def _tail_phrase(tail: list, lex: Lexicon) -> int:
    """The length of the cue phrase ending ``tail`` ("was quoted as saying"), else 0."""
    words = [t.lower_ for t in tail]
    for phrase in lex.tail_phrases:
        n = len(phrase)
        if len(words) > n and tuple(words[-n:]) == phrase:
            return n
    return 0


def _institution_head(name: list, lex: Lexicon):
    """"the border service", "the ministry": a plain institution noun phrase."""
    last = name[-1]
    if last.lower_ not in lex.org_words and last.lower_ not in lex.generic_speakers:
        return None
    ok = all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in name)
    return last if ok and len(name) <= 4 else None


def _own_sentence(doc, prev, toks: list, lex: Lexicon, names):
    """"SENTENCE. NAME reports." or "SENTENCE. NAME informed 24.kg news agency.": the
    sentence before, in the same paragraph, is the content; a named recipient is an outlet,
    so NAME is the source (rule "tail"), never the outlet."""
    if prev is None:
        return None
    at = _recipient_cue(toks, lex, names)
    cue = toks[-1] if at is None else toks[at]
    if at is None and cue.lower_ not in lex.tail_cues:
        return None
    if "\n" in doc.text[prev.end_char:toks[0].idx]:  # read only for a tail (spaCy rebuilds the text)
        return None
    name = toks[:-1] if at is None else toks[:at]
    if len(name) >= (_MAX_OWN if at is None else _MAX_INFORMER):
        return None
    if at is not None and any(t.is_quote or t.text in ",;:" for t in name):
        return None  # '"...," the KNB told the agency': the sentence holds its own content
    head = _name_head(name, lex, names, _MAX_OWN) or _proxy_subject(cue, name, lex, names) or \
        (_subject_mention(cue, name, lex, names) if at is not None else None)
    if head is None:
        return None
    start, end = trim(doc.text, prev.start_char, prev.end_char)
    if end - start < 8 or any(t.is_quote for t in prev):
        return None
    return Candidate(start, end, "indirect", cue.idx, cue.idx + len(cue), speaker_tok=head,
                     rule="tail" if at is not None else _rule(name, lex)), cue.i


def _recipient_cue(toks: list, lex: Lexicon, names) -> int | None:
    """The index of "informed" in "NAME informed 24.kg news agency": after it only the
    outlet (a name, or a site's address the NER took for a number) with its role words and
    determiners, and at least one name or role word."""
    at = next((i for i in range(len(toks) - 2, 0, -1) if toks[i].lower_ in lex.tail_recipient_cues), None)
    if at is None:
        return None
    rest = toks[at + 1:]
    if not any(inside(t.idx, names) or t.lower_ in lex.tail_role_words for t in rest):
        return None
    ok = all(inside(t.idx, names) or t.pos_ in ("DET", "PROPN") or t.lower_ in lex.tail_role_words
             or ("." in t.text and t.text.replace(".", "").isalnum()) for t in rest)
    return at if ok else None


def _subject_mention(cue, name: list, lex: Lexicon, names):
    """The named subject of the cue: the last token of the mention holding its parsed subject
    ("The Border Service of the State Committee ... informed": "Service")."""
    subj = subject_of(cue, lex.deps) if cue.pos_ in ("VERB", "AUX") else None
    if subj is None or subj not in name or not inside(subj.idx, names):
        return None
    return subj


def _rule(name: list, lex: Lexicon) -> str:
    """"tail-outlet" when the source is a news outlet ("AKIpress", "24.kg news agency": a role
    word, or no institution word), else "tail" ("the press service of the ministry")."""
    if _proxy_end(name, lex) is not None:
        return "tail"
    low = [t.lower_ for t in name]
    if any(w in lex.tail_role_words for w in low) or not any(w in lex.org_words for w in low):
        return "tail-outlet"
    return "tail"


def _name_head(name: list, lex: Lexicon, names: list[tuple[int, int]], limit: int = _MAX_NAME):
    """The last token of the organisation or person named in ``name``, when nothing but role
    words, determiners and quotation marks stand beside it; else None."""
    if not name or len(name) > limit:
        return None
    named = [t for t in name if inside(t.idx, names)]
    if not named:
        return None
    for t in name:
        if t in named or t.is_quote or t.pos_ == "DET" or t.lower_ in lex.tail_role_words:
            continue
        return None
    return named[-1]


def _proxy_subject(cue, name: list, lex: Lexicon, names: list[tuple[int, int]]):
    """"The press center of the State Committee reports": the organisation named in a proxy
    phrase (press service, press center ...), else the cue's parsed subject in it."""
    words = " ".join(t.lower_ for t in name)
    if not any(p in words for p in lex.proxy_speakers):
        return None
    named = [t for t in name if inside(t.idx, names)]
    if named:
        return named[-1]
    subj = subject_of(cue, lex.deps) if cue.pos_ in ("VERB", "AUX") else None
    if subj is not None and subj in name:
        return subj
    end = _proxy_end(name, lex)  # the parse lost the phrase: its last word ("office")
    return name[end] if end is not None else None


def _proxy_end(name: list, lex: Lexicon) -> int | None:
    """The index of the last word of the first proxy phrase ("press office") in ``name``."""
    low = [t.lower_ for t in name]
    return next((i for i in range(1, len(low)) if " ".join(low[i - 1:i + 1]) in lex.proxy_speakers), None)
