"""The one JSON error shape of the API, for every error:

    {"error": {"code": str, "message": str, "param": str | null}}

``ApiError`` is raised by the resource modules; the handlers below turn FastAPI's own
validation errors (400, naming the parameter), unknown routes (404), wrong methods (405)
and any bug (500, logged, without details) into the same shape.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("newsgraph.api")

_CODES = {400: "bad_parameter", 404: "not_found", 405: "method_not_allowed", 406: "not_acceptable",
          413: "too_large", 429: "too_many_requests", 500: "internal", 503: "unavailable"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, param: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.param = status, code, message, param


def bad_parameter(param: str, message: str) -> ApiError:
    return ApiError(400, "bad_parameter", f"{param}: {message}", param)


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"no {what} with id {ident!r}", None)


def error_body(code: str, message: str, param: str | None = None) -> dict:
    return {"error": {"code": code, "message": message, "param": param}}


def error_response(status: int, code: str, message: str, param: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, param), status_code=status)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, exc.param)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(p) for p in first.get("loc", ())]
    param = loc[-1] if loc else None
    msg = first.get("msg", "invalid value")
    return error_response(400, "bad_parameter", f"{param}: {msg}" if param else msg, param)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such path {request.url.path!r}; see /docs for the API"
    return error_response(exc.status_code, code, message, None)


async def _bug(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s", request.url.path)
    return error_response(500, "internal", "internal error; please report it with the URL you asked for", None)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _bug)
