"""How polnear_entities.json was made (kept so the selection can be checked and redone).

Gold mentions of real people and organisations across PolNeAR train articles (2016 US
election). Labelling rules, applied by us and spot-checked by reading the articles:
  * a full name ("Hillary Clinton", "Donald J. Trump") names that person;
  * a bare surname ("Clinton") is labelled only in an article that names the person in full
    and names no relative sharing the surname (no "Bill", "Chelsea" for Hillary Clinton; no
    "Jr.", "Ivanka", "Melania", "Eric" for Donald Trump), so its referent is certain;
  * same-surname relatives (Bill/Hillary/Chelsea Clinton, Jeb/George W. Bush, Barack/Michelle
    Obama, Donald Trump/Ivanka/Melania/Eric Trump, Rand Paul/Paul Ryan) are separate entities:
    the hard "different" pairs.
Each mention is {"doc", "text", "occ"}: the occ-th occurrence of text in the article.

    python tests/data/resolve_gold/make_polnear_entities.py ../shared/gold/quotes/polnear
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# entity label -> (full forms, surname, words that, when present, make a bare surname ambiguous)
PEOPLE = {
    "Hillary Clinton": (["Hillary Clinton", "Hillary Rodham Clinton"], "Clinton", ["Bill", "Chelsea"]),
    "Bill Clinton": (["Bill Clinton"], None, []),
    "Chelsea Clinton": (["Chelsea Clinton"], None, []),
    "Donald Trump": (["Donald Trump", "Donald J. Trump"], "Trump", ["Jr", "Ivanka", "Melania", "Eric", "Barron"]),
    "Ivanka Trump": (["Ivanka Trump"], None, []),
    "Melania Trump": (["Melania Trump"], None, []),
    "Eric Trump": (["Eric Trump"], None, []),
    "Jeb Bush": (["Jeb Bush"], "Bush", ["George", "Billy", "Barbara", "Laura"]),
    "George W. Bush": (["George W. Bush"], None, []),
    "Barack Obama": (["Barack Obama"], "Obama", ["Michelle"]),
    "Michelle Obama": (["Michelle Obama"], None, []),
    "Ted Cruz": (["Ted Cruz"], "Cruz", ["Heidi", "Rafael"]),
    "Bernie Sanders": (["Bernie Sanders"], "Sanders", ["Jane"]),
    "Marco Rubio": (["Marco Rubio"], "Rubio", []),
    "John Kasich": (["John Kasich"], "Kasich", []),
    "Ben Carson": (["Ben Carson"], "Carson", []),
    "Chris Christie": (["Chris Christie"], "Christie", []),
    "Paul Ryan": (["Paul Ryan"], "Ryan", []),
    "Rand Paul": (["Rand Paul"], None, []),
    "Mitt Romney": (["Mitt Romney"], "Romney", ["Ann"]),
    "Paul Manafort": (["Paul Manafort"], "Manafort", []),
    "Corey Lewandowski": (["Corey Lewandowski"], "Lewandowski", []),
    "James Comey": (["James Comey"], "Comey", []),
    "Mike Pence": (["Mike Pence"], "Pence", []),
    "Elizabeth Warren": (["Elizabeth Warren"], "Warren", []),
}
ORGS = {
    "FBI": ["FBI", "Federal Bureau of Investigation"],
    "Democratic National Committee": ["Democratic National Committee", "DNC"],
    "Republican National Committee": ["Republican National Committee", "RNC"],
}
PER_ENTITY = 4       # articles per full form
BARE_PER_ENTITY = 3  # articles with a bare-surname mention


def occurrences(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def bare_surname_occ(text: str, full_forms: list[str], surname: str) -> int | None:
    """Index (among occurrences of the surname string) of the first bare use of the surname."""
    covered = set()
    for f in full_forms:
        for i in occurrences(text, f):
            covered.add(i + f.rindex(surname))
    for k, i in enumerate(occurrences(text, surname)):
        if i in covered:
            continue
        before = text[max(0, i - 12):i]
        if re.search(r"[A-Z][a-z]+\.? $", before) and not re.search(r"(Mr|Mrs|Ms|Sen|Gov)\. $", before):
            continue  # preceded by another first name: not a bare use
        after = text[i + len(surname):i + len(surname) + 1]
        if after.isalpha():
            continue
        return k
    return None


def main(root: str) -> None:
    docs = sorted((Path(root) / "train" / "text").glob("*.txt"))
    texts = {d.name: d.read_text(encoding="utf-8") for d in docs}
    clusters = []
    for label, (forms, surname, blockers) in PEOPLE.items():
        mentions = []
        for form in forms:
            hits = [n for n, t in texts.items() if form in t]
            step = max(1, len(hits) // PER_ENTITY)
            for n in hits[::step][:PER_ENTITY]:
                mentions.append({"doc": f"polnear/train/text/{n}", "text": form, "occ": 0})
        if surname:
            bare = []
            for n, t in texts.items():
                if not any(f in t for f in forms) or any(re.search(rf"\b{b}\b", t) for b in blockers):
                    continue
                k = bare_surname_occ(t, forms, surname)
                if k is not None:
                    bare.append({"doc": f"polnear/train/text/{n}", "text": surname, "occ": k})
            step = max(1, len(bare) // BARE_PER_ENTITY)
            mentions += bare[::step][:BARE_PER_ENTITY]
        clusters.append({"entity": label, "mentions": mentions})
    for label, forms in ORGS.items():
        mentions = []
        for form in forms:
            hits = [n for n, t in texts.items() if re.search(rf"\b{re.escape(form)}\b", t)]
            step = max(1, len(hits) // 3)
            for n in hits[::step][:3]:
                k = next(j for j, i in enumerate(occurrences(texts[n], form))
                         if not texts[n][i + len(form):i + len(form) + 1].isalpha())
                mentions.append({"doc": f"polnear/train/text/{n}", "text": form, "occ": k})
        clusters.append({"entity": label, "mentions": mentions})
    out = Path(__file__).with_name("polnear_entities.json")
    out.write_text(json.dumps({"source": "PolNeAR v1.0 train (read from ../shared/gold/quotes/polnear)",
                               "clusters": clusters}, indent=1) + "\n", encoding="utf-8")
    print(out, sum(len(c["mentions"]) for c in clusters), "mentions in", len(clusters), "entities")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/gold/quotes/polnear")
