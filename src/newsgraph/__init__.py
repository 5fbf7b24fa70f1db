"""newsgraph: turn dated news articles into sourced, structured facts.

Public API (also what the CLI, the REST API and the Dask runner use)::

    from newsgraph import extract, ingest, Options
    for rec in extract(["articles/"]): ...
"""
from __future__ import annotations

__version__ = "0.1.0"

from .model import SCHEMA_VERSION, Article, ArticleRecord, Rejection  # noqa: E402
from .service import Options, extract, ingest, search, stats  # noqa: E402

__all__ = ["__version__", "SCHEMA_VERSION", "Article", "ArticleRecord", "Rejection", "Options",
           "extract", "ingest", "search", "stats"]
