"""The date of an event: the time expression that governs its verb, else the publication date.

Shared by the times and events families (events read the times stage's facts through it).

``event_date(trigger, times, ctx)`` is what the events stage calls for each trigger token.
The steps:
1. the trigger's verb: the trigger itself when it is a verb, else its nearest verb ancestor;
2. the time expressions of the same sentence that carry a calendar value (DATE or TIME,
   value starting with a digit or ``X``; ``PAST_REF`` and the like say nothing of the day),
   less those that modify another ("this year" in "on March 12 of this year");
3. one whose own verb (nearest verb ancestor of its root token) is the trigger's verb wins;
   failing that, one whose head chain passes through the trigger's verb; failing that, the
   DATE nearest to the trigger in the sentence;
4. with none, ``(None, ctx.published, "published")``; a time of day gives its day
   ("on Friday evening" -> the Friday).
"""
from __future__ import annotations

_VERBAL = {"VERB", "AUX"}


def _verb_of(tok):
    """The token itself when verbal, else its nearest verbal ancestor (or the sentence root)."""
    t = tok
    while t.pos_ not in _VERBAL and t.head.i != t.i:
        t = t.head
    return t if t.pos_ in _VERBAL else tok.sent.root


def _root_token(doc, t):
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _calendar(value: str | None) -> bool:
    return bool(value) and (value[0].isdigit() or value[0] == "X")


def _chain(tok):
    """Tokens on the head chain above ``tok`` (excluding it), up to the sentence root."""
    out = []
    t = tok
    while t.head.i != t.i:
        t = t.head
        out.append(t)
    return out


def _heads_only(cands: list) -> list:
    """Drop an expression that modifies another one ("this year" in "on March 12 of this year"):
    the one it modifies is the date."""
    spans = [(t.start, t.end) for t, _ in cands]
    out = []
    for t, root in cands:
        up, inside = root, False
        for _ in range(3):
            if up.head.i == up.i:
                break
            up = up.head
            if any(a <= up.idx < b and (a, b) != (t.start, t.end) for a, b in spans):
                inside = True
                break
        if not inside:
            out.append((t, root))
    return out


def event_date(trigger, times, ctx) -> tuple[str | None, str | None, str]:
    """(time id, TIMEX3 value, source) for the event whose trigger token is ``trigger``.

    ``source`` is ``"time"`` when the value comes from a time expression of the trigger's
    sentence, else ``"published"`` with ``ctx.published`` (possibly None) as the value.
    """
    sent = trigger.sent
    doc = trigger.doc
    cands = []
    for t in times or ():
        if t.type not in ("DATE", "TIME") or not _calendar(t.value):
            continue
        if t.start < sent.start_char or t.end > sent.end_char:
            continue
        root = _root_token(doc, t)
        if root is not None:
            cands.append((t, root))
    cands = _heads_only(cands)
    if not cands:
        return None, ctx.published, "published"
    verb = _verb_of(trigger)
    best = None
    for rank, test in enumerate((
        lambda r: _verb_of(r).i == verb.i,
        lambda r: verb.i in {a.i for a in _chain(r)},
    )):
        hits = [(t, r) for t, r in cands if test(r)]
        if hits:
            best = min(hits, key=lambda tr: abs(tr[1].i - trigger.i))
            break
    if best is None:
        dates = [(t, r) for t, r in cands if t.type == "DATE"] or cands
        best = min(dates, key=lambda tr: abs(tr[1].i - trigger.i))
    t = best[0]
    return t.id, _day(t.value), "time"


def _day(value: str) -> str:
    """An event's date is a day at the finest: "2025-02-07TEV" ("on Friday evening") -> "2025-02-07"."""
    return value[:10] if len(value) > 10 and value[10] == "T" else value
