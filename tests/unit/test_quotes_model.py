"""The bundled cue model: loads, scores in [0, 1], and widens the lexicon."""
from newsgraph import nlp
from newsgraph.stages.quotes import model as quotes_model
from newsgraph.stages.quotes.candidate import subject_of


def test_model_is_bundled_and_scores_probabilities():
    w = quotes_model.weights()
    assert w is not None, "data/quotes_cue_model.json should ship with the package"
    table, bias, threshold = w
    assert len(table) > 100 and 0.0 < threshold < 1.0
    doc = nlp.load()("The senator slammed the new trade agreement on Monday.")
    verb = doc[2]
    heads = quotes_model.content_heads(verb)
    assert [k for k, _ in heads][0] == "dobj"
    p = quotes_model.score(quotes_model.features(verb, "dobj", heads[0][1], subject_of(verb)))
    assert 0.0 <= p <= 1.0


def test_reported_clause_scores_above_a_plain_object():
    doc = nlp.load()("Garcia insisted that the vote was rigged. Garcia painted the fence.")
    said, painted = doc[1], doc[9]
    (k1, h1), = quotes_model.content_heads(said)
    (k2, h2), = quotes_model.content_heads(painted)
    p1 = quotes_model.score(quotes_model.features(said, k1, h1, subject_of(said)))
    p2 = quotes_model.score(quotes_model.features(painted, k2, h2, subject_of(painted)))
    assert p1 > p2
