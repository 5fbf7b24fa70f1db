"""The seed article: every quote of Nurgali Bilisbekov is found and attributed to him."""


def _bilisbekov(rec):
    full = [e for e in rec["entities"] if e["type"] == "PERSON" and e["name"].endswith("Nurgali Bilisbekov")]
    assert full, "the entities stage should find Nurgali Bilisbekov"
    return full[0]["id"]


def test_at_least_four_quotes_by_bilisbekov(seed_record):
    who = _bilisbekov(seed_record)
    assert sum(q["speaker"] == who for q in seed_record["quotes"]) >= 4


def test_quotes_closed_by_said_bilisbekov(seed_record):
    who, text = _bilisbekov(seed_record), seed_record["text"]
    closed = [q for q in seed_record["quotes"]
              if text[q["end"]:q["end"] + 18].startswith(" said Bilisbekov")]
    assert len(closed) == 2
    for q in closed:
        assert q["kind"] == "direct" and q["speaker"] == who and q["cue"] == "said"
        assert q["text"] == text[q["start"]:q["end"]]
        # no opening mark: the quote runs from the start of its paragraph
        assert text[q["start"] - 2:q["start"]] == "\n\n" and q["text"].endswith('"')
        assert text[q["speaker_start"]:q["speaker_end"]] == "Bilisbekov"


def test_pronoun_speaker(seed_record):
    who, text = _bilisbekov(seed_record), seed_record["text"]
    (q,) = [q for q in seed_record["quotes"] if q["text"].startswith("that women would travel")]
    assert q["kind"] == "indirect" and q["speaker"] == who
    assert text[q["speaker_start"]:q["speaker_end"]] == "He" and q["cue"] == "noted"


def test_opening_quote_said_nurgali_bilisbekov(seed_record):
    who = _bilisbekov(seed_record)
    (q,) = [q for q in seed_record["quotes"] if q["text"].startswith("Now over 300 persons")]
    assert q["speaker"] == who and q["kind"] == "direct"


def test_no_quote_of_the_article_goes_to_anyone_else(seed_record):
    who = _bilisbekov(seed_record)
    assert all(q["speaker"] == who for q in seed_record["quotes"] if q["speaker"])
