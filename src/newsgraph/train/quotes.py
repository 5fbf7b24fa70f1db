"""Train the cue model of stages/quotes/model.py on PolNeAR train (a development tool).

    python -m newsgraph.train.quotes ../shared/gold/quotes/polnear/train [--limit N]

Needs scikit-learn (not a runtime dependency). Each (verb, content) pair that the
lexicon rules do not cover is labelled 1 when its content overlaps a gold attribution
(shared/union >= 0.5) whose cue holds the verb. Writes lang/en/quotes_cue_model.json.
"""
from __future__ import annotations

import argparse
import json

from ..errors import ResourceError
from ..lang import get
from ..stages.quotes.candidate import subject_of
from ..stages.quotes.indirect import _span
from ..stages.quotes.marks import find_mark_spans
from ..stages.quotes.cues import MODEL_FILE, lexicon
from ..stages.quotes.model import content_heads, features


def pairs(doc, text, lex):
    """(verb, kind, head, candidate) for verbs outside quotes (``lex``: the cue lexicon)."""
    quoted = [(m.start, m.end) for m in find_mark_spans(text)]
    for verb in doc:
        if verb.pos_ != "VERB" or any(s <= verb.idx < e for s, e in quoted):
            continue
        for kind, head in content_heads(verb, lex.deps):
            cand = _span(doc, verb, head, lex)
            if cand is not None:
                yield verb, kind, head, cand


def _label(cand, verb, atts, text) -> int:
    chars = set(range(cand.start, cand.end))
    for a in atts:
        if not any(s <= verb.idx < e for s, e in a.cue_spans):
            continue
        if len(chars & a.chars) / max(1, len(chars | a.chars)) >= 0.5:
            return 1
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--docbin", help="pre-parsed spaCy DocBin of the same articles (faster)")
    ap.add_argument("--threshold", type=float, default=0.3,
                    help="acceptance probability (0.3 was best on held-out train articles)")
    a = ap.parse_args(argv)
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ResourceError("training the cue model needs scikit-learn: pip install scikit-learn") from exc
    from .. import nlp as nlp_mod
    from ..evaluate.quotes import load_gold

    docs = load_gold(a.gold, a.limit)
    nlp = nlp_mod.load()
    if a.docbin:
        from spacy.tokens import DocBin

        parsed = list(DocBin().from_disk(a.docbin).get_docs(nlp.vocab))[:len(docs)]
    else:
        parsed = nlp.pipe((t for _, t, _ in docs), batch_size=16)
    X, y = [], []
    lex = lexicon(get("en"))
    for (_, text, atts), doc in zip(docs, parsed):
        for verb, kind, head, cand in pairs(doc, text, lex):
            X.append({f: 1 for f in features(verb, kind, head, subject_of(verb, lex.deps), lex.deps)})
            y.append(_label(cand, verb, atts, text))
    vec = DictVectorizer()
    clf = LogisticRegression(C=0.5, max_iter=2000).fit(vec.fit_transform(X), y)
    table = {f: round(float(w), 4) for f, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) >= 0.02}
    out = get("en").data_dir / MODEL_FILE
    out.write_text(json.dumps({"about": "cue model of quotes.v1, trained on PolNeAR train",
                                      "pairs": len(y), "positives": int(sum(y)),
                                      "bias": round(float(clf.intercept_[0]), 4),
                                      "threshold": a.threshold, "weights": table}, indent=0) + "\n")
    print(f"{len(y)} pairs, {sum(y)} positive, {len(table)} weights -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
