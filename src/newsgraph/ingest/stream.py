"""Streaming helpers: bounded line reading inside a byte span, and standard input with its
first bytes put back after the format is guessed."""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from .common import Span


def read_lines(stream: BinaryIO, span: Span, cap: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(byte offset, line number, the line with its ``\\n``) for every line that starts inside
    ``span``; the line is None when it is longer than ``cap`` (the rest of it is skipped, so
    memory stays bounded). Lines end at ``\\n`` only."""
    pos, n = span.start, span.first
    while span.end is None or pos < span.end:
        raw = stream.readline(cap + 1)
        if not raw:
            return
        start = pos
        pos += len(raw)
        if len(raw) > cap and not raw.endswith(b"\n"):
            while more := stream.readline(1 << 20):
                pos += len(more)
                if more.endswith(b"\n"):
                    break
            yield start, n, None
        else:
            yield start, n, raw
        n += 1


class _Prefixed(io.RawIOBase):
    """A raw stream that serves ``head`` first, then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._rest, "read1", self._rest.read)
        data = read1(len(b))
        b[:len(data)] = data
        return len(data)


def peek_head(stream: BinaryIO, n: int = 4096) -> tuple[bytes, BinaryIO]:
    """The first ``n`` bytes of a stream (or fewer at its end) and a stream that still
    yields every byte from the start."""
    head = b""
    while len(head) < n:
        more = stream.read(n - len(head))
        if not more:
            break
        head += more
    return head, io.BufferedReader(_Prefixed(head, stream), 1 << 16)
