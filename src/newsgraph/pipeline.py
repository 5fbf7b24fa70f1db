"""Run each article's language's stages: its NLP once per article, then each stage in order.

The sequence, step by step:
1. check the stage declarations of each language (every ``requires`` produced earlier);
2. route each article by ``Article.lang`` (detected from the text when the input gave
   none, ``lang.detect``); one batch may mix languages;
3. per language, parse its texts with the language's ``nlp().pipe`` (loaded once per
   process) and run its stages on each Doc, filling the record lists they declare, timing each;
4. an article whose language has no pipeline keeps its text and metadata, gets no facts,
   and is counted in ``Timings.unsupported``;
5. a stage that raises on one article turns that article into a Rejection; the batch goes on.
With ``n_process > 1`` whole batches go to worker processes that each load the models once.
"""
from __future__ import annotations

import json
import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from . import lang as lang_mod, nlp as nlp_mod, textsplit
from .errors import PipelineError
from .lang.detect import detect
from .model import Article, ArticleRecord, FACT_LISTS, Rejection
from .resources import Context
from .stages.base import Stage


@dataclass
class Timings:
    """Seconds spent per step ("spacy" = the language's NLP, and each stage name), summed over
    articles; ``unsupported`` counts articles per language code that has no pipeline."""

    seconds: dict[str, float] = field(default_factory=dict)
    articles: int = 0
    unsupported: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, secs: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + secs

    def merge(self, other: "Timings") -> None:
        for k, v in other.seconds.items():
            self.add(k, v)
        self.articles += other.articles
        for code, n in other.unsupported.items():
            self.unsupported[code] = self.unsupported.get(code, 0) + n


def check_stages(stages: Sequence[Stage]) -> None:
    produced: set[str] = set()
    for st in stages:
        if st.produces not in FACT_LISTS:
            raise PipelineError(f"stage {st.name!r} produces {st.produces!r}; valid: {', '.join(FACT_LISTS)}")
        missing = [r for r in st.requires if r not in produced]
        if missing:
            raise PipelineError(
                f"stage {st.name!r} requires {missing} but no earlier stage produces them; "
                f"order so far: {[s.name for s in stages]}"
            )
        produced.add(st.produces)


def select(names: Iterable[str] | None, available: Sequence[Stage] | None = None) -> list[Stage]:
    """The stages to run out of ``available`` (English's by default): all of them, or the
    named ones with what they require."""
    pool = list(lang_mod.get("en").stages() if available is None else available)
    if names is None:
        return pool
    wanted = set(names)
    unknown = wanted - {s.name for s in pool}
    if unknown:
        raise PipelineError(f"unknown stage(s) {sorted(unknown)}; valid: {[s.name for s in pool]}")
    by_list = {s.produces: s for s in pool}
    todo = list(wanted)
    while todo:
        current = todo.pop()
        for req in next(s for s in pool if s.name == current).requires:
            name = by_list[req].name
            if name not in wanted:
                wanted.add(name)
                todo.append(name)
    return [s for s in pool if s.name in wanted]


def route(article: Article) -> str:
    """The article's language code: the one given (normalised), else detected from its text.
    Sets ``article.lang`` so the record and the store hold it."""
    code = lang_mod.normalize_code(article.lang) or detect(article.text)
    article.lang = code
    return code


class Pipeline:
    """Runs the named stages (or all) of each article's language, in declared order."""

    def __init__(self, stages: Iterable[Stage | str] | None = None, batch_size: int = 16):
        self.names = None if stages is None else [s if isinstance(s, str) else s.name for s in stages]
        self.batch_size = batch_size
        self.timings = Timings()
        self._plans: dict[str, list[Stage]] = {}
        if self.names is not None:
            known = [s.name for code in lang_mod.LANGUAGES for s in lang_mod.get(code).stages()]
            unknown = set(self.names) - set(known)
            if unknown:
                raise PipelineError(f"unknown stage(s) {sorted(unknown)}; valid: {list(dict.fromkeys(known))}")
        self.stages = self.plan(lang_mod.get("en"))  # English's, for callers reporting versions

    def plan(self, language: lang_mod.Language) -> list[Stage]:
        """The checked stage list of ``language`` (the requested names it has, with requirements)."""
        if language.code not in self._plans:
            own = list(language.stages())
            names = None if self.names is None else [n for n in self.names if n in {s.name for s in own}]
            stages = select(names, own)
            check_stages(stages)
            self._plans[language.code] = stages
        return self._plans[language.code]

    def versions(self, article: Article) -> str:
        """The stage versions an up-to-date stored record of ``article`` carries (as stored)."""
        language = lang_mod.get(route(article))
        plan = self.plan(language) if language is not None else []
        versions = {s.name: s.version for s in plan}
        if language is not None and language.nlp_version:
            versions["nlp"] = language.nlp_version
        return json.dumps(versions, sort_keys=True)

    def process_one(self, doc, article: Article, timings: Timings,
                    language: lang_mod.Language | None = None) -> ArticleRecord | Rejection:
        language = language or lang_mod.get(route(article))
        rec = ArticleRecord(article=article)
        if language is None:  # no pipeline for its language: the record keeps no facts
            return rec
        ctx = Context(published=article.published, lang=language)
        for st in self.plan(language):
            t0 = time.perf_counter()
            try:
                rec.facts[st.produces] = st.run(doc, ctx, rec)
            except Exception as exc:  # one article's failure never stops the batch
                return Rejection(article.origin or article.id, "stage-failed",
                                 f"stage {st.version} failed: {type(exc).__name__}: {exc}"[:500])
            timings.add(st.name, time.perf_counter() - t0)
            rec.stages[st.name] = st.version
        if language.nlp_version:
            rec.stages["nlp"] = language.nlp_version
        timings.articles += 1
        return rec

    def process_batch(self, articles: Sequence[Article]) -> tuple[list[ArticleRecord | Rejection], Timings]:
        """Records in input order; each language's articles go through its NLP together."""
        timings = Timings()
        out: list[ArticleRecord | Rejection | None] = [None] * len(articles)
        groups: dict[str, list[int]] = {}
        for i, a in enumerate(articles):
            groups.setdefault(route(a), []).append(i)
        for code, idx in groups.items():
            language = lang_mod.get(code)
            if language is None:  # no pipeline: stored with text, metadata and lang, no facts
                for i in idx:
                    out[i] = ArticleRecord(article=articles[i])
                timings.unsupported[code] = timings.unsupported.get(code, 0) + len(idx)
                continue
            self.plan(language)
            t0 = time.perf_counter()
            # long texts are parsed in pieces and joined (textsplit): linear time, exact offsets
            with nlp_mod.one_blas_thread():
                docs = list(textsplit.pipe(language.nlp(), (articles[i].text for i in idx),
                                           batch_size=self.batch_size))
            timings.add("spacy", time.perf_counter() - t0)
            for i, doc in zip(idx, docs):
                out[i] = self.process_one(doc, articles[i], timings, language)
        return out, timings

    def run(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[ArticleRecord | Rejection]:
        """Records (or Rejections) in input order."""
        batches = _chunks(articles, self.batch_size)
        if n_process <= 1:
            for batch in batches:
                out, t = self.process_batch(batch)
                self.timings.merge(t)
                yield from out
            return
        # "spawn": a fresh interpreter per worker; forking a process that already ran the
        # model (or serves HTTP) can stall on inherited thread-pool state.
        with ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_worker_init, initargs=(self.names, self.batch_size)) as pool:
            pending: list = []
            for batch in batches:
                pending.append(pool.submit(_worker_batch, batch))
                if len(pending) >= n_process * 3:
                    yield from self._collect(pending.pop(0))
            while pending:
                yield from self._collect(pending.pop(0))

    def _collect(self, fut) -> list[ArticleRecord | Rejection]:
        out, t = fut.result()
        self.timings.merge(t)
        return out


def _chunks(items: Iterable[Article], n: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


_WORKER: Pipeline | None = None


def _worker_init(stage_names: list[str] | None, batch_size: int) -> None:
    global _WORKER
    _WORKER = Pipeline(stage_names, batch_size=batch_size)
    lang_mod.get("en").nlp()


def _worker_batch(batch: list[Article]):
    assert _WORKER is not None
    return _WORKER.process_batch(batch)
