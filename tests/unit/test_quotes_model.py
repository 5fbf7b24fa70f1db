"""The bundled cue model: loads, scores in [0, 1], and widens the lexicon."""
import dataclasses

import pytest

from newsgraph import nlp
from newsgraph.errors import ResourceError
from newsgraph.lang import get
from newsgraph.stages.quotes import model as quotes_model
from newsgraph.stages.quotes.candidate import subject_of
from newsgraph.stages.quotes.cues import lexicon

MODEL = lexicon(get("en")).model
D = lexicon(get("en")).deps


def test_model_is_bundled_and_scores_probabilities():
    assert len(MODEL.weights) > 100 and 0.0 < MODEL.threshold < 1.0
    doc = nlp.load()("The senator slammed the new trade agreement on Monday.")
    verb = doc[2]
    heads = quotes_model.content_heads(verb, D)
    assert [k for k, _ in heads][0] == "dobj"
    p = MODEL.score(quotes_model.features(verb, "dobj", heads[0][1], subject_of(verb, D), D))
    assert 0.0 <= p <= 1.0


def test_reported_clause_scores_above_a_plain_object():
    doc = nlp.load()("Garcia insisted that the vote was rigged. Garcia painted the fence.")
    said, painted = doc[1], doc[9]
    (k1, h1), = quotes_model.content_heads(said, D)
    (k2, h2), = quotes_model.content_heads(painted, D)
    p1 = MODEL.score(quotes_model.features(said, k1, h1, subject_of(said, D), D))
    p2 = MODEL.score(quotes_model.features(painted, k2, h2, subject_of(painted, D), D))
    assert p1 > p2


def test_a_missing_cue_model_is_an_error_not_a_disabled_model(tmp_path):
    en = get("en")
    (tmp_path / "reporting_cues.json").write_text((en.data_dir / "reporting_cues.json").read_text())
    with pytest.raises(ResourceError, match="quotes_cue_model.json"):
        lexicon(dataclasses.replace(en, data_dir=tmp_path))
