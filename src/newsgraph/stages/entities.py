"""entities.v1: spaCy NER, then within-article clean-up (one entity per real name)."""
from __future__ import annotations

from ..model import ArticleRecord, Entity
from ..resources import Context
from .base import Stage

_KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Entity]:
    groups: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in _KEEP:
            continue
        name = ent.text.strip()
        key = (ent.label_, name.lower())
        e = groups.get(key)
        if e is None:
            e = groups[key] = Entity(id=f"E{len(groups) + 1}", type=ent.label_, name=name, mentions=[])
        e.mentions.append([ent.start_char, ent.end_char])
    return list(groups.values())


STAGE = Stage(name="entities", version="entities.v1", produces="entities", run=run)
