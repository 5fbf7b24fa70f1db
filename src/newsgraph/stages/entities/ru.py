"""entities.ru.v1: Russian entities with nominative names, acronyms, places checked, roles.

The sequence (details in the modules named):
1. mentions from slovnet's NER (``doc.ents``) with their nominative forms; types checked
   against the gazetteer and the organisation word lists, acronyms and unlabelled repeats
   of names added (ru_spans);
2. mentions grouped into entities: a surname joins the full name, an acronym joins the
   organisation it stands for, case forms of one name join (ru_group);
3. titles from the title list attached to people as roles (ru_roles);
4. entities numbered E1.. in order of first mention, each named by its fullest nominative form.
"""
from __future__ import annotations

from ...model import ArticleRecord, Entity
from ...resources import Context
from . import ru_group as group
from . import ru_roles as roles
from . import ru_spans as spans

VERSION = "entities.ru.v1"


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Entity]:
    text = rec.article.text if rec is not None else doc.text
    lang = ctx.lang
    mentions = spans.collect(doc, text, lang)
    groups = group.group(mentions, doc, lang)
    ordered = sorted(groups, key=lambda g: min(mentions[k].start for k in g.members))
    ids = {id(g): f"E{n + 1}" for n, g in enumerate(ordered)}
    role_map = roles.attach(doc, mentions, ordered, ids, lang)
    out = []
    for g in ordered:
        gid = ids[id(g)]
        ms = sorted({(mentions[k].start, mentions[k].end) for k in g.members})
        out.append(Entity(id=gid, type=g.type, name=g.name, mentions=[list(m) for m in ms],
                          roles=role_map.get(gid, [])))
    return out
