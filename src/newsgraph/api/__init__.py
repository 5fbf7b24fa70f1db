"""The REST API and web page of newsgraph: ``serve(db)`` runs them with uvicorn.

``create_app(reader)`` builds the FastAPI app (app.py); ``Reader`` serves consistent
snapshots of a store that `ingest` may be writing meanwhile (reader.py).
"""
from __future__ import annotations

from .. import settings
from ..errors import InputError
from .app import create_app
from .reader import Reader

__all__ = ["Reader", "create_app", "serve", "tile_url"]


def tile_url(tiles: str | None = None) -> str | None:
    """The map tile URL template (``NEWSGRAPH_TILE_URL``), or None: the map then draws
    country shapes only and fetches nothing from outside."""
    tiles = tiles if tiles is not None else settings.get("tile_url")
    if tiles is None:
        return None
    if not tiles.startswith(("http://", "https://")) or not all(k in tiles for k in ("{z}", "{x}", "{y}")):
        raise InputError(f"NEWSGRAPH_TILE_URL={tiles!r}: give a tile URL template such as "
                         "https://tiles.example.org/{z}/{x}/{y}.png, or unset it for the offline map")
    return tiles


def serve(db: str, host: str | None = None, port: int | None = None, tiles: str | None = None) -> None:
    """Serve the API and the page for ``db`` until interrupted."""
    import uvicorn

    tiles = tile_url(tiles)
    host = host or settings.get("host")
    port = port or settings.get("port")
    reader = Reader(db, poll=settings.get("snapshot_poll"))
    app = create_app(reader, tiles=tiles, close_reader=True)
    print(f"newsgraph: serving {db} at http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)", flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        reader.close()
