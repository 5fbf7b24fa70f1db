"""Run the stages over articles: spaCy once per article, then each stage in order.

The sequence, step by step:
1. check the stage declarations (every ``requires`` produced by an earlier stage);
2. parse texts with ``nlp.pipe`` in batches (the model is loaded once per process);
3. run each stage on the Doc, filling the record list it declares, timing each;
4. a stage that raises on one article turns that article into a Rejection; the batch goes on.
With ``n_process > 1`` whole batches go to worker processes that each load the model once.
"""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from . import nlp as nlp_mod, textsplit
from .errors import PipelineError
from .model import Article, ArticleRecord, FACT_LISTS, Rejection
from .resources import Context
from .stages import STAGES
from .stages.base import Stage


@dataclass
class Timings:
    """Seconds spent per step ("spacy" and each stage name), summed over articles."""

    seconds: dict[str, float] = field(default_factory=dict)
    articles: int = 0

    def add(self, name: str, secs: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + secs

    def merge(self, other: "Timings") -> None:
        for k, v in other.seconds.items():
            self.add(k, v)
        self.articles += other.articles


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


def select(names: Iterable[str] | None) -> list[Stage]:
    """The stages to run: all of them, or the named ones (with what they require)."""
    if names is None:
        return list(STAGES)
    wanted = set(names)
    unknown = wanted - {s.name for s in STAGES}
    if unknown:
        raise PipelineError(f"unknown stage(s) {sorted(unknown)}; valid: {[s.name for s in STAGES]}")
    by_list = {s.produces: s for s in STAGES}
    todo = list(wanted)
    while todo:
        current = todo.pop()
        for req in next(s for s in STAGES if s.name == current).requires:
            name = by_list[req].name
            if name not in wanted:
                wanted.add(name)
                todo.append(name)
    return [s for s in STAGES if s.name in wanted]


class Pipeline:
    def __init__(self, stages: Sequence[Stage] | None = None, batch_size: int = 16):
        self.stages = list(STAGES if stages is None else stages)
        check_stages(self.stages)
        self.batch_size = batch_size
        self.timings = Timings()

    def process_one(self, doc, article: Article, timings: Timings) -> ArticleRecord | Rejection:
        rec = ArticleRecord(article=article)
        ctx = Context(published=article.published)
        for st in self.stages:
            t0 = time.perf_counter()
            try:
                rec.facts[st.produces] = st.run(doc, ctx, rec)
            except Exception as exc:  # one article's failure never stops the batch
                return Rejection(article.origin or article.id, "stage-failed",
                                 f"stage {st.version} failed: {type(exc).__name__}: {exc}"[:500])
            timings.add(st.name, time.perf_counter() - t0)
            rec.stages[st.name] = st.version
        timings.articles += 1
        return rec

    def process_batch(self, articles: Sequence[Article]) -> tuple[list[ArticleRecord | Rejection], Timings]:
        nlp = nlp_mod.load()
        timings = Timings()
        t0 = time.perf_counter()
        # long texts are parsed in pieces and joined (textsplit): linear time, exact offsets
        docs = list(textsplit.pipe(nlp, (a.text for a in articles), batch_size=self.batch_size))
        timings.add("spacy", time.perf_counter() - t0)
        out = [self.process_one(doc, a, timings) for doc, a in zip(docs, articles)]
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
                                 initializer=_worker_init,
                                 initargs=([s.name for s in self.stages], self.batch_size)) as pool:
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


def _worker_init(stage_names: list[str], batch_size: int) -> None:
    global _WORKER
    _WORKER = Pipeline(select(stage_names), batch_size=batch_size)
    nlp_mod.load()


def _worker_batch(batch: list[Article]):
    assert _WORKER is not None
    return _WORKER.process_batch(batch)
