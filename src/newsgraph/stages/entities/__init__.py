"""entities.v1: spaCy NER, then within-article clean-up (one entity per real name).

The sequence (details in the modules named):
1. mentions from spaCy's entities, trimmed; persons run into a title-case headline's words
   cut back to the name (headline); group words made NORP; defined acronyms,
   unlabelled repeats of names and "<organisation> of <place>" handled, the place inside
   an organisation's name kept as a nested mention; a name the NER ran into an
   organisation after a title split off as the person (spans);
2. unlabelled surnames and names after "Mr." added; mentions grouped into entities:
   surnames join full names, short forms and acronyms join organisations (merge);
3. titles attached to people as roles; "the <title>" referring back to a person added as
   that person's mention (roles);
4. entities numbered E1.. in order of first mention, each named by its longest proper form.
"""
from __future__ import annotations

from ...model import ArticleRecord, Entity, Role
from ...resources import Context
from . import merge
from . import spans
from ..base import Stage
from .headline import fix_headline
from .dateline import apply_dateline
from .lexicon import lexicon
from .orgnames import add_org_names
from .roles import attach


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Entity]:
    lex = lexicon(ctx.lang)
    source = rec.article.text if rec is not None else doc.text  # the same string; doc.text is slow
    toks = spans.tokens_of(doc, source, lex)
    mentions, taken = spans.collect(doc, toks, lex)
    mentions = spans.drop_title_words(mentions, toks, lex)
    mentions = spans.split_titled_names(mentions, toks, lex)
    mentions = fix_headline(mentions, toks, source)
    mentions = add_org_names(mentions, toks, lex, source)
    mentions = apply_dateline(mentions, toks, source)
    spans.fix_norp(mentions, toks, lex, source)
    spans.fix_region_names(mentions, toks, lex)
    spans.add_acronyms(mentions, toks, taken)
    mentions = spans.propagate(mentions, toks, taken, lex)
    spans.extend_orgs(mentions, toks, taken, lex)
    spans.nest_places(mentions, toks)
    merge.add_org_short_forms(mentions, toks, taken, lex)
    merge.add_person_mentions(mentions, toks, taken, lex)
    groups = merge.group(mentions, toks, lex, source)
    group_of = [0] * len(mentions)
    for g_index, g in enumerate(groups):
        for k in g.mentions:
            group_of[k] = g_index
    roles, extra = attach(toks, mentions, group_of, [g.type for g in groups], lex, source)
    for g_index, m in extra:
        mentions.append(m)
        groups[g_index].mentions.append(len(mentions) - 1)
    return _entities(groups, roles, mentions, toks, source)


def _entities(groups, roles, mentions, toks, source) -> list[Entity]:
    def first(g):
        return min(toks.start[mentions[k].ts] for k in g.mentions)

    ordered = sorted(range(len(groups)), key=lambda i: first(groups[i]))
    ids = {g_index: f"E{n + 1}" for n, g_index in enumerate(ordered)}
    out = []
    for g_index in ordered:
        g = groups[g_index]
        spans_ = sorted({(toks.start[mentions[k].ts], toks.end[mentions[k].te - 1]) for k in g.mentions})
        ent_roles = [Role(r.title, ids.get(r.org) if r.org is not None else None, r.start, r.end)
                     for r in roles.get(g_index, [])]
        out.append(Entity(id=ids[g_index], type=g.type, name=_name(g, mentions, toks, source),
                          mentions=[list(s) for s in spans_], roles=ent_roles))
    return out


def _name(g, mentions, toks, source) -> str:
    """The longest name mention of the entity's own type (any name mention if none)."""
    names = [mentions[k] for k in g.mentions if mentions[k].kind == "name"]
    own = [m for m in names if m.label == g.type] or names
    best = max(own, key=lambda m: (toks.end[m.te - 1] - toks.start[m.ts], -m.ts))
    name = spans.span_text(toks, best.ts, best.te, source)
    if best.te - best.ts == 1 and g.type == "ORG" and toks.lower[best.ts] in toks.lex.org_heads \
            and all(m.ts > 0 and toks.lower[m.ts - 1] == "the" for m in names):
        name = "the " + name  # a bare head word always written "the Committee" keeps its article
    return name


STAGE = Stage(name="entities", version="entities.v5", produces="entities", run=run)
