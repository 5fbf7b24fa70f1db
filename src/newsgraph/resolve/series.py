"""Claim series (placeholder until the events stage lands)."""
from __future__ import annotations


def resolve_series(con, ids_table: str) -> dict:
    return {}
