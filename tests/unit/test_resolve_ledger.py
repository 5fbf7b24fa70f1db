"""Pure comparisons behind the cluster disagreements, the claim ledger and quote lineage."""
from newsgraph.resolve import ledger, lineage, reports


def _pt(value, approx, claimant, date, article):
    return {"value": value, "approx": approx, "claimant_id": claimant, "claimant": claimant, "date": date,
            "article": article, "number": "N1"}


def test_hedged_figures_as_intervals():
    assert ledger.compatible(ledger.interval(40, "more_than"), ledger.interval(50, "exact"))
    assert not ledger.compatible(ledger.interval(100, "about"), ledger.interval(300, "exact"))
    assert ledger.compatible(ledger.interval(100, "about"), ledger.interval(108, "exact"))
    assert not ledger.compatible(ledger.interval(50, "at_most"), ledger.interval(51, "exact"))
    assert ledger.compatible(ledger.interval(None, "range", 40, 60), ledger.interval(55, "exact"))


def test_conflicts_need_two_claimants_the_same_period_and_incompatible_values():
    pts = [_pt(50, "exact", "police", "2022-03-12", "a"), _pt(120, "about", "activist", "2022-03-13", "b"),
           _pt(48, "exact", "police", "2022-03-13", "c"),           # same claimant as a: never a conflict
           _pt(300, "exact", "activist", "2022-06-01", "d"),        # months later: another period
           _pt(45, "more_than", "mayor", "2022-03-12", "e")]        # compatible with 50 and 120
    got = ledger.conflicts(pts)
    pairs = {tuple(sorted(v["article"] for v in k["values"])) for k in got}
    assert pairs == {("a", "b"), ("b", "c")}
    assert got[0]["date_range"] == ["2022-03-12", "2022-03-13"]


def test_disagreements_by_field():
    reps = [{"id": "a/V1", "date": "2022-03-12", "date_source": "time", "place": "Almaty", "country": "KZ",
             "figures": [{"value": 50, "approx": "exact", "category": "ARRESTED", "text": "50"}]},
            {"id": "b/V1", "date": "2022-03-13", "date_source": "time", "place": "Kazakhstan", "country": "KZ",
             "figures": [{"value": 120, "approx": "about", "category": "ARRESTED", "text": "about 120"}]},
            {"id": "c/V1", "date": "2022-03", "date_source": "time", "place": "Almaty", "country": "KZ",
             "figures": [{"value": 40, "approx": "more_than", "category": "ARRESTED", "text": "more than 40"}]}]
    got = {d["field"]: d for d in reports.disagreements(reps)}
    assert set(got) == {"date", "figures"}           # Kazakhstan holds Almaty: no place disagreement
    assert [v["value"] for v in got["date"]["values"]] == ["2022-03", "2022-03-12", "2022-03-13"]
    assert [v["value"] for v in got["figures"]["values"]] == [40, 50, 120]
    reps[1]["place"], reps[1]["country"] = "Bishkek", "KG"
    assert {d["field"] for d in reports.disagreements(reps)} == {"date", "place", "figures"}
    assert reports.disagreements(reps[:1]) == []


def test_lineage_matches_rewordings_and_other_languages_of_one_speaker():
    origin = {"article": "a", "id": "Q1", "text": "The detained will be released once their identities are established",
              "lang": "en", "published": "2022-03-13", "speaker_id": "ent_p", "kind": "direct", "clusters": ["evc_1"]}
    reworded = {**origin, "article": "b", "text": "the detained would be released once their identities are established",
                "kind": "indirect", "clusters": []}
    russian = {**origin, "article": "c", "text": "Задержанных отпустят после установления личности", "lang": "ru"}
    other = {**origin, "article": "d", "text": "Fuel prices rose again in March", "speaker_id": "ent_q"}
    late = {**reworded, "article": "e", "published": "2022-05-01"}
    got = lineage.lineage(origin, [reworded, russian, other, late])
    assert [r["article"] for r in got] == ["a", "b", "c"]
    assert got[1]["attribution"] == "same" and 0 < got[1]["wording"] < 0.5
    assert got[2]["wording"] is None
    assert lineage.match(origin, {**russian, "clusters": []}) is None   # nothing shared across languages
