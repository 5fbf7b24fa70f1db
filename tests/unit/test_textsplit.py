"""Long texts parse in pieces joined back with exact offsets (issue 16 item 8)."""
from __future__ import annotations

import random

from newsgraph import nlp as nlp_mod
from newsgraph.textsplit import MAX_CHUNK, pieces, pipe, split_points

WORDS = ("the regional akimat said on Monday that flood water had reached the outskirts of Semey "
         "and that about 300 families were moved to schools").split()


def _text(n_words: int, seed: int = 0, sentences: bool = True, paragraphs: bool = False) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n_words):
        out.append(rnd.choice(WORDS))
        if sentences and i % 17 == 16:
            out[-1] += "."
        if paragraphs and i % 90 == 89:
            out[-1] += "\n\n"
    return " ".join(out)


def test_pieces_cover_the_text_within_the_limit():
    for text in (_text(3000), _text(3000, sentences=False), _text(3000, paragraphs=True), "x" * 5000,
                 "a\n" * 2000, " " * 3000):
        cuts = split_points(text, 700)
        assert cuts[0] == 0 and cuts[-1] == len(text) and all(a < b for a, b in zip(cuts, cuts[1:]))
        parts = pieces(text, 700)
        assert "".join(parts) == text and all(len(p) <= 700 for p in parts)


def test_cuts_prefer_paragraphs_then_sentences_then_spaces():
    text = _text(3000, paragraphs=True)
    assert all(p.rstrip(" ").endswith("\n\n") for p in pieces(text, 2000)[:-1])
    assert all(p.endswith(". ") for p in pieces(_text(3000), 2000)[:-1])
    assert all(p.endswith(" ") for p in pieces(_text(3000, sentences=False), 2000)[:-1])
    assert len(pieces("x" * 5000, 1000)) == 5  # no boundary at all: hard cuts


def test_short_texts_are_one_piece():
    assert pieces("Short.", MAX_CHUNK) == ["Short."]


def test_joined_doc_has_the_text_and_offsets_of_the_whole():
    nlp = nlp_mod.load()
    long_text = _text(1200, seed=3, paragraphs=True)
    texts = ["A first short one.", long_text, "Another short one in Almaty."]
    docs = list(pipe(nlp, texts, batch_size=4, max_chars=900))
    assert [d.text for d in docs] == texts
    doc = docs[1]
    assert len(list(doc.sents)) >= 1200 // 17
    for tok in doc:
        assert long_text[tok.idx:tok.idx + len(tok.text)] == tok.text
    for ent in doc.ents:
        assert long_text[ent.start_char:ent.end_char] == ent.text
    whole = nlp(long_text)
    assert [t.text for t in doc] == [t.text for t in whole]  # same tokens as one parse


def test_each_parse_call_gets_a_bounded_number_of_characters():
    import spacy

    from newsgraph import textsplit

    blank = spacy.blank("en")
    calls = []

    class Recorder:
        def pipe(self, texts, batch_size=16):
            texts = list(texts)
            calls.append(sum(map(len, texts)))
            return blank.pipe(texts, batch_size=batch_size)

    long_text = _text(60_000, seed=5)  # about 400,000 characters
    texts = ["Short one.", long_text, "Short two."]
    docs = list(textsplit.pipe(Recorder(), texts))
    assert [d.text for d in docs] == texts
    assert len(calls) > 3 and max(calls) <= textsplit.BATCH_CHARS


def test_a_long_single_line_article_goes_through_the_pipeline_in_pieces():
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    text = _text(9000, seed=7).replace(" police", ". Police")  # about 60,000 characters, one line
    assert "\n" not in text and len(pieces(text)) >= 3
    (rec,) = Pipeline().run([Article(id="long", text=text, published="2021-05-05")])
    assert not hasattr(rec, "code"), rec
    ents = rec.get("entities")
    assert ents and all(text[s:e].strip() for ent in ents for s, e in ent.mentions)
    assert any(s > 40_000 for ent in ents for s, _ in ent.mentions)  # facts from the later pieces too
