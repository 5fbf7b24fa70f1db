"""User decisions (placeholder)."""
from __future__ import annotations


def replay(con) -> dict:
    return {}
