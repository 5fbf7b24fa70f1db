"""Every error newsgraph raises, in one place. Messages say what to do.

Exception tree::

    NewsgraphError                 base; the CLI prints its message as one line, exit 2
    ├── InputError                 a path or argument the user gave cannot be used
    ├── StoreError                 the DuckDB file cannot be opened, read or written
    ├── PipelineError              stages declared inconsistently (a bug, not bad input)
    ├── ResourceError              a bundled model, gazetteer or lexicon is missing
    └── EvalError                  a gold-standard path is missing or malformed

Bad *articles* are not exceptions: they become ``model.Rejection`` records (codes below),
are counted and stored, and never stop a batch.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every newsgraph error."""


class InputError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class PipelineError(NewsgraphError):
    pass


class ResourceError(NewsgraphError):
    pass


class EvalError(NewsgraphError):
    pass


# Rejection codes -> what the user should do about it.
REJECTION_CODES: dict[str, str] = {
    "empty": "the file or record holds no text; remove it or fill in its text",
    "binary": "this looks like a binary file, not text; pass .txt, .jsonl, .csv, .html or .warc files",
    "undecodable": "the bytes are not valid UTF-8 (or the declared encoding); re-save the file as UTF-8",
    "missing-text": "the record has no 'text' field (or it is empty); add the article body as 'text'",
    "bad-date": "the publication date cannot be parsed; use YYYY-MM-DD",
    "too-large": "the article is larger than the size limit; split it or raise --max-bytes",
    "bad-json": "the line is not a JSON object; fix the line (one JSON object per line)",
    "bad-csv": "the CSV row cannot be read; check quoting and the header (id,url,source,published,title,text)",
    "bad-warc": "the WARC file is truncated or corrupt; re-download it; the other records were kept",
    "bad-html": "no main text could be extracted from the HTML; check that it is an article page",
    "unsupported": "the file type is not supported; use .txt, .jsonl, .csv, .html, .warc or .warc.gz",
    "stage-failed": "a stage failed on this article (a bug in newsgraph); report it with the article",
    "unreadable": "the file cannot be read; check that it exists and that you may read it",
    "bad-id": "the id must be a string or a whole number of at most 512 characters; fix or drop it",
    "duplicate-id": "two records share this id; give each article its own id (the first copy was kept)",
}


def rejection_message(code: str, detail: str = "") -> str:
    advice = REJECTION_CODES[code]
    return f"{detail}: {advice}" if detail else advice
