"""The per-request database cursor: on the current snapshot, closed when the request ends."""
from __future__ import annotations

from fastapi import Request


def con(request: Request):
    with request.app.state.reader.cursor() as (snap, cur):
        request.state.snapshot = snap
        yield cur
