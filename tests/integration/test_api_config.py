"""The serve configuration: the map tile URL is optional and checked."""
from __future__ import annotations

import pytest

from newsgraph.api import tile_url
from newsgraph.errors import InputError


def test_tile_url(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_TILE_URL", raising=False)
    assert tile_url() is None
    monkeypatch.setenv("NEWSGRAPH_TILE_URL", "https://t.example/{z}/{x}/{y}.png")
    assert tile_url() == "https://t.example/{z}/{x}/{y}.png"
    monkeypatch.setenv("NEWSGRAPH_TILE_URL", "file:///etc/passwd")
    with pytest.raises(InputError, match="NEWSGRAPH_TILE_URL"):
        tile_url()
