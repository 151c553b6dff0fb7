"""The FastAPI application: :func:`create_app` over a store.

Pages (``/``, ``/stories/ID``, ``/articles/ID``, ``/upload``, ``/docs``) and the JSON API
(``/api/v1/...``, ``/healthz``) share one :class:`WebContext`.  Errors become
a page or a JSON object with a one-line message, never a traceback.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._optional import require
from ..errors import StorylensError
from ..stories.store import NothingNewError, UnknownStoryError, UnknownVersionError
from .access import NoDigestError, StoreAccess, UnknownArticleError
from .listing import BadQuery, PageOutOfRange
from .security import MAX_BODY_BYTES, SecurityMiddleware
from .story_view import article_link

HERE = Path(__file__).resolve().parent
REPORT_TEMPLATES = HERE.parent / "report" / "templates"
log = logging.getLogger("storylens.web")


@dataclass
class WebContext:
    access: StoreAccess
    token: str | None
    max_body: int
    templates: Any  # a jinja2.Environment

    def render(self, name: str, **values: Any) -> str:
        return self.templates.get_template(name).render(**values)

    @property
    def writable(self) -> bool:
        return bool(self.token)


def _templates():
    jinja2 = require("jinja2", "web", "the web app's pages")
    loaders = [jinja2.FileSystemLoader(str(HERE / "templates"))]
    if REPORT_TEMPLATES.is_dir():  # the report's partials, for pages that include them
        report = jinja2.FileSystemLoader(str(REPORT_TEMPLATES))
        # "report/NAME" for a page; the partials a report partial includes by its bare name come from the web's
        # own templates first (its _macros.html links citations to their spans), else from the report's
        loaders += [jinja2.PrefixLoader({"report": report}), report]
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False)
    env.globals["article_link"] = article_link  # the citation links of the report's partials (_macros.html)
    return env


def create_app(store: str | StoreAccess, *, token: str | None = None, max_body: int = MAX_BODY_BYTES,
               create: bool = False):
    """The app over the store at ``store`` (a SQLite path or a URL ``open_store`` takes).

    Writes (``POST /api/v1/articles``, ``POST /upload``) need ``token``; without one they are refused.
    """
    fastapi = require("fastapi", "web", "storylens serve")
    from fastapi.staticfiles import StaticFiles

    from . import api, pages

    if isinstance(max_body, bool) or not isinstance(max_body, int) or max_body < 1:
        raise StorylensError(f"the request body limit must be a positive number of bytes, got {max_body!r}")
    access = store if isinstance(store, StoreAccess) else StoreAccess(store, create=create)
    ctx = WebContext(access, token or None, max_body, _templates())

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        access.close()

    app = fastapi.FastAPI(title="storylens", version=_version(), docs_url=None, redoc_url=None, lifespan=lifespan,
                          description="Stories from many news reports, each summary sentence cited to its sources.")
    app.state.ctx = ctx
    app.include_router(api.router(ctx))
    app.include_router(pages.router(ctx))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    _handle_errors(app, ctx)
    app.add_middleware(SecurityMiddleware, max_body=max_body)
    return app


# errors whose own message is the answer, with their HTTP status
_STATUS = ((PageOutOfRange, 404), (BadQuery, 422), (NothingNewError, 422), (NoDigestError, 503),
           (StorylensError, 400))


def _handle_errors(app, ctx: WebContext) -> None:
    """Every error as a page or a JSON object with a one-line message and its status, never a traceback."""
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        return _error(ctx, request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request, exc):
        return _error(ctx, request, 422, _validation_message(exc))

    @app.exception_handler(UnknownStoryError)
    async def unknown(request, exc):  # said without the store's path or the CLI's hint
        message = str(exc) if isinstance(exc, UnknownArticleError) else f"no story {exc.story_id!r} in this store"
        return _error(ctx, request, 404, message)

    @app.exception_handler(UnknownVersionError)
    async def unknown_version(request, exc):  # without the CLI's hint
        return _error(ctx, request, 404, exc.reason)

    def said_as_it_is(status: int):
        async def handler(request, exc):
            return _error(ctx, request, status, str(exc))
        return handler

    for kind, status in _STATUS:  # the most specific class's handler answers (Starlette looks up the MRO)
        app.add_exception_handler(kind, said_as_it_is(status))

    @app.exception_handler(Exception)
    async def server_error(request, exc):  # a bug: logged with its traceback here, one line for the client
        log.exception("error serving %s", request.url.path)
        return _error(ctx, request, 500, "internal error (the server's log has the details)")


def _version() -> str:
    from .. import __version__

    return __version__


REASONS = {400: "bad request", 401: "not allowed", 404: "not found", 405: "method not allowed",
           413: "too large", 422: "invalid parameter", 500: "server error", 503: "not available yet"}


def _wants_json(request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/healthz"


def _error(ctx: WebContext, request, status: int, message: str):
    from fastapi.responses import HTMLResponse, JSONResponse

    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if _wants_json(request):
        body: dict = {"error": message, "status": status}
        if status == 413:
            body["limit"] = ctx.max_body
        return JSONResponse(body, status_code=status, headers=headers)
    html = ctx.render("error.html", status=status, reason=REASONS.get(status, "error"), message=message)
    return HTMLResponse(html, status_code=status, headers=headers)


def _validation_message(exc) -> str:
    """FastAPI's validation errors as one line: "page: Input should be greater than or equal to 1"."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"
