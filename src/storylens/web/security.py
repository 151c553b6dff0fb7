"""What keeps the app safe to point at hostile articles: headers, the token, body limits, links.

Article-derived text only reaches a page through the templates' autoescape;
this module adds the rest: a Content-Security-Policy that allows no inline
or remote script, style or image, a request body limit enforced while the
body streams in (a missing or false Content-Length does not get past it), a
write token compared in constant time, and :func:`safe_href`, the one place
that decides whether an article's URL may become a live link.
"""

from __future__ import annotations

import hmac
import json
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException

# The policy of every response: our own stylesheet and script only, no plug-ins, no framing,
# forms post only here.  Nothing inline, so a planted <script> or style= in an article is inert
# even if the escaping ever failed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

# the default request body limit (an upload of articles); ``storylens serve --max-body`` changes it
MAX_BODY_BYTES = 20_000_000

ASGIApp = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


class BodyTooLarge(HTTPException):
    """Raised inside ``receive`` when a request body passes the limit (an HTTP error, so that FastAPI's body
    parsing passes it on as the 413 it is rather than a 400)."""

    def __init__(self, limit: int):
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    return f"request body over the limit of {limit:,} bytes (storylens serve --max-body raises it)"


class SecurityMiddleware:
    """Adds the security headers to every response and refuses bodies over ``max_body`` with 413."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in present]
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._too_large(scope, send_with_headers)
            return
        seen = 0

        async def limited_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await self._too_large(scope, send_with_headers)

    async def _too_large(self, scope: dict, send) -> None:
        message = too_large_message(self.max_body)
        if scope.get("path", "").startswith("/api/"):
            body = json.dumps({"error": message, "limit": self.max_body}).encode()
            ctype = b"application/json"
        else:
            from html import escape

            body = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too large</title>"
                    f"<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><h1>413: too large</h1>"
                    f"<p>{escape(message)}</p></main></body></html>").encode()
            ctype = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: dict) -> int | None:
    for k, v in scope.get("headers", []):
        if k == b"content-length":
            try:
                return int(v)
            except ValueError:
                return None
    return None


def token_ok(configured: str | None, given: str | None) -> bool:
    """Whether ``given`` is the server's write token (constant time; no token configured: never)."""
    if not configured or given is None:
        return False
    return hmac.compare_digest(configured.encode("utf-8"), given.encode("utf-8"))


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def safe_href(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL that may be a live link, else None (javascript:, data:,
    vbscript:, relative and malformed URLs stay text)."""
    if not isinstance(url, str) or not url or len(url) > 4000:
        return None
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in url):  # control characters and spaces hide schemes
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
