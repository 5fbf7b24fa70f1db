"""The reporting-cue lexicon of quotes.v1 (the language's ``reporting_cues.json``) and its
learned cue model (``quotes_cue_model.json``), built once per process per language."""
from __future__ import annotations

from dataclasses import dataclass

from ...errors import ResourceError
from ...lang import Language
from ..text import Labels, labels
from .model import CueModel

CUES_FILE = "reporting_cues.json"
MODEL_FILE = "quotes_cue_model.json"


@dataclass(frozen=True)
class Lexicon:
    """Lemma sets and multi-word phrases of the cue file (all lower case), and the cue model."""

    speech: frozenset[str]
    cognition: frozenset[str]
    object_cues: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    org_words: frozenset[str]
    generic_speakers: frozenset[str]
    xcomp_cues: frozenset[str]  # cues whose xcomp is the content ("urged ... to resign")
    prep_cues: dict[str, tuple[str, ...]]  # cue lemma -> prepositions whose object is the content
    parenthetical_cues: frozenset[str]  # "..., he said, ..."
    as_cues: frozenset[str]  # "as the minister said, ..."
    direct_extra_cues: frozenset[str]  # more verbs that attribute a quotation ("tweeted")
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    clause_conjunctions: frozenset[str]  # "A were detained and B seized, X said"
    model: CueModel
    content_deps: frozenset[str]  # labels of a cue's reported content (labels.json)
    proxy_speakers: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()
    document_speakers: frozenset[str] = frozenset()  # "the statement said": its institution speaks
    tail_cues: frozenset[str] = frozenset()  # "..., AKIpress reports." (tails.py)
    tail_role_words: frozenset[str] = frozenset()  # "..., reports 24.kg news agency."
    tail_said_cues: frozenset[str] = frozenset()  # "said"-type cues, used when the parse lost them
    tail_recipient_cues: frozenset[str] = frozenset()  # "SENTENCE. The service informed 24.kg."
    group_speakers: frozenset[str] = frozenset()  # "Kyrgyz officials say": the phrase speaks
    tail_phrases: tuple[tuple[str, ...], ...] = ()  # "..., the ministry was quoted as saying."
    source_markers: dict = None  # kind -> frozenset of words
    rule_words: dict = None  # role -> the single word a rule compares with ("according", "as", ...)
    deps: Labels = None  # the language's dependency labels by role

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.cognition


def lexicon(lang: Language) -> Lexicon:
    """The lexicon of ``lang``; raises ResourceError when a file is missing or malformed."""
    return lang.cached("quotes.cues", lambda: _build(lang))


def _words(raw: dict, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in raw[key])


def _build(lang: Language) -> Lexicon:
    raw = lang.data(CUES_FILE)
    try:
        return Lexicon(
            **{k: _words(raw, k) for k in ("speech", "cognition", "object_cues", "titles", "org_words",
                                           "generic_speakers", "xcomp_cues", "parenthetical_cues",
                                           "as_cues", "direct_extra_cues", "person_pronouns",
                                           "group_pronouns", "relative_pronouns", "clause_conjunctions")},
            phrases=tuple(tuple(w.lower() for w in p) for p in raw["phrases"]),
            prep_cues={k.lower(): tuple(v) for k, v in raw["prep_cues"].items()},
            model=CueModel.from_json(lang.data(MODEL_FILE)),
            content_deps=lang.deps("reported_content"),
            deps=labels(lang),
            proxy_speakers=frozenset(w.lower() for w in raw.get("proxy_speakers", ())),
            institution_words=frozenset(w.lower() for w in raw.get("institution_words", ())),
            document_speakers=frozenset(w.lower() for w in raw.get("document_speakers", ())),
            tail_cues=frozenset(w.lower() for w in raw.get("tail_cues", ())),
            tail_role_words=frozenset(w.lower() for w in raw.get("tail_role_words", ())),
            tail_said_cues=frozenset(w.lower() for w in raw.get("tail_said_cues", ())),
            tail_recipient_cues=frozenset(w.lower() for w in raw.get("tail_recipient_cues", ())),
            group_speakers=frozenset(w.lower() for w in raw.get("group_speakers", ())),
            tail_phrases=tuple(tuple(p.lower().split()) for p in raw.get("tail_phrases", ())),
            source_markers={k: frozenset(v) for k, v in raw.get("source_markers", {}).items() if k != "_about"},
            rule_words=dict(raw["rule_words"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(
            f"the reporting-cue lexicon {lang.data_dir / CUES_FILE} is malformed (missing {exc}); "
            "restore the file from the repository"
        ) from exc
