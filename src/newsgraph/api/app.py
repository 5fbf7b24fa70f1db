"""Builds the FastAPI app: the /api/v1 routers, caching headers, /docs offline, the web page.

    /                 the web page (src/newsgraph/web/index.html)
    /static/...       its scripts and styles
    /vendor/leaflet/  Leaflet, from the xstatic-leaflet package
    /vendor/swagger/  Swagger UI, from the swagger-ui-bundle-v2 package
    /docs             Swagger UI over /openapi.json, no CDN
    /api/v1/...       articles entities quotes numbers series events places countries stats clusters
"""
from __future__ import annotations

import email.utils
import hashlib
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import articles, clusters, entities, errors, events, lineage, numbers, places, quotes, series, stats
from .reader import Reader

WEB = Path(__file__).resolve().parent.parent / "web"
PREFIX = "/api/v1"


def _vendor_dirs() -> dict[str, str]:
    import swagger_ui_bundle
    import xstatic.pkg.leaflet as leaflet

    return {"leaflet": leaflet.BASE_DIR, "swagger": swagger_ui_bundle.swagger_ui_path}


def create_app(reader: Reader, tiles: str | None = None, close_reader: bool = False) -> FastAPI:
    """The app over a snapshot reader; ``tiles`` is an optional map tile URL template."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        reader.start()
        yield
        if close_reader:
            reader.close()

    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  description="Sourced, structured facts from news articles. Every error has the shape "
                              '`{"error": {"code", "message", "param"}}`.')
    app.state.reader = reader
    app.state.tiles = tiles
    errors.install(app)
    for module in (articles, entities, lineage, quotes, numbers, series, events, places, stats, clusters):
        app.include_router(module.router, prefix=PREFIX)
    app.add_middleware(CacheHeaders, reader=reader)
    _mount_static(app)
    return app


def _mount_static(app: FastAPI) -> None:
    for name, folder in _vendor_dirs().items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=folder), name=f"vendor-{name}")
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                                   swagger_js_url="/vendor/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger/swagger-ui.css",
                                   swagger_favicon_url="/vendor/swagger/favicon-32x32.png")


class CacheHeaders:
    """ETag and Last-Modified on API reads (a plain ASGI middleware, cheap per request).

    A snapshot's answers never change, so the tag is (snapshot version, URL); a matching
    If-None-Match gets 304 without touching the store."""

    def __init__(self, app, reader):
        self.app, self.reader = app, reader

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(PREFIX + "/"):
            return await self.app(scope, receive, send)
        snap = self.reader.current
        key = f"{snap.version}|{scope['path']}?{scope.get('query_string', b'').decode('latin-1')}".encode()
        etag = f'W/"{hashlib.sha1(key).hexdigest()[:20]}"'
        extra = [(b"etag", etag.encode()), (b"last-modified", email.utils.formatdate(snap.modified, usegmt=True).encode()),
                 (b"cache-control", b"no-cache")]
        asked = dict(scope["headers"]).get(b"if-none-match", b"").decode("latin-1")
        if etag in [t.strip() for t in asked.split(",")]:
            await send({"type": "http.response.start", "status": 304, "headers": extra})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start" and message["status"] == 200:
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)
