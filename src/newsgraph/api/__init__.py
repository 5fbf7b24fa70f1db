"""The REST API and web page of newsgraph: ``serve(db)`` runs them with uvicorn.

``create_app(reader)`` builds the FastAPI app (app.py); ``Reader`` serves consistent
snapshots of a store that `ingest` may be writing meanwhile (reader.py).
"""
from __future__ import annotations

from .app import create_app
from .reader import Reader

__all__ = ["Reader", "create_app", "serve"]


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, tiles: str | None = None) -> None:
    """Serve the API and the page for ``db`` until interrupted."""
    import uvicorn

    reader = Reader(db)
    app = create_app(reader, tiles=tiles, close_reader=True)
    print(f"newsgraph: serving {db} at http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)", flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        reader.close()
