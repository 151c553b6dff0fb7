"""One URL fetched within its limits (httpx): every failure becomes a :class:`FetchError` here.

Each hop of a request is checked by the SSRF guard and connects to the
checked address; the body is read raw and decoded here, so that neither its
transfer size nor its decoded size can pass ``max_bytes`` (a gzip bomb stops
at the cap); the whole hop runs under one deadline, so a server that drips its
body one byte at a time ends there too.
"""

from __future__ import annotations

import asyncio
import email.utils
import ssl
import time
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from .._optional import require
from ..errors import InputError, StorylensError
from .guard import BlockedAddressError, resolve
from .options import FollowOptions
from .polite import HostGate
from .urls import check_url

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/x-rss+xml", "application/x-atom+xml"})
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(StorylensError):
    """A URL could not be fetched; ``retryable`` for timeouts and 5xx, ``retry_after`` when the server said when."""

    def __init__(self, url: str, problem: str, *, status: int | None = None, retryable: bool = False,
                 retry_after: float | None = None):
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional request answered "not modified"
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A Retry-After header's wait: delta-seconds or an HTTP date.

    >>> retry_after_seconds("7")
    7.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Decoder:
    """A Content-Encoding undone with a cap on the output."""

    def __init__(self, encoding: str, url: str):
        enc = encoding.strip().lower()
        self._url = url
        if enc in ("", "identity"):
            self._z = None
        elif enc in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise FetchError(url, f"unsupported content encoding {encoding!r}")

    def feed(self, chunk: bytes, room: int) -> bytes:
        """At most ``room + 1`` bytes of output (one over says the cap is passed)."""
        if self._z is None:
            return chunk
        try:
            out = self._z.decompress(chunk, room + 1)
        except zlib.error as exc:
            raise FetchError(self._url, f"corrupt compressed body ({exc})") from None
        if self._z.unconsumed_tail:
            return out + b"\0"  # output stopped at the cap with input left: over the cap
        return out


def _content_type(headers: Any) -> str:
    return (headers.get("content-type") or "").split(";", 1)[0].strip().lower()


class Fetcher:
    """GET with the follower's limits, through the host gate; one client (connection pool) per round."""

    def __init__(self, options: FollowOptions, gate: HostGate):
        httpx = require("httpx", "live", "following feeds and pages over HTTP")
        self._httpx = httpx
        self.options = options
        self._gate = gate
        o = options
        verify: Any = True
        if o.ca_file:
            verify = ssl.create_default_context(cafile=o.ca_file)
        self._client = httpx.AsyncClient(
            verify=verify,
            timeout=httpx.Timeout(connect=o.connect_timeout, read=o.read_timeout, write=o.read_timeout,
                                  pool=o.deadline),
            follow_redirects=False, trust_env=False,
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=4 * o.max_hosts, max_keepalive_connections=2 * o.max_hosts),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, *, accept: frozenset[str] | None, etag: str | None = None,
                  last_modified: str | None = None, max_bytes: int | None = None,
                  retries: int | None = None) -> Response:
        """Fetch ``url``: retries on timeouts and 5xx with a doubling wait, Retry-After honoured up to its cap."""
        o = self.options
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        tries = o.retries if retries is None else retries
        for attempt in range(tries + 1):
            try:
                return await self._follow(url, headers, accept, max_bytes or o.max_bytes)
            except FetchError as exc:
                wait = exc.retry_after if exc.retry_after is not None else o.backoff * 2 ** attempt
                if exc.retry_after is not None and exc.retry_after > o.max_retry_after:
                    raise FetchError(url, f"{exc.problem}; asked to retry after {exc.retry_after:.0f} s, over the "
                                          f"{o.max_retry_after:.0f} s this follower waits (tried again next round)",
                                     status=exc.status, retry_after=exc.retry_after) from None
                if not exc.retryable or attempt == tries:
                    raise
                await asyncio.sleep(min(wait, o.max_retry_after))
        raise AssertionError("unreachable")  # pragma: no cover

    async def _follow(self, url: str, headers: dict, accept: frozenset[str] | None, max_bytes: int) -> Response:
        o = self.options
        current = url
        for _hop in range(o.max_redirects + 1):
            try:
                check_url(current)
            except InputError as exc:
                raise FetchError(url, f"redirected to {current}: {exc.problem}") from None
            async with self._gate.slot(current):
                try:
                    async with asyncio.timeout(o.deadline):
                        result = await self._hop(current, headers, accept, max_bytes)
                except TimeoutError:
                    raise FetchError(url, f"no complete response within the {o.deadline:g} s deadline",
                                     retryable=True) from None
            if isinstance(result, Response):
                return result
            current = result
        raise FetchError(url, f"more than {o.max_redirects} redirects (last to {current})")

    async def _hop(self, url: str, headers: dict, accept: frozenset[str] | None, max_bytes: int) -> Response | str:
        """One request: a Response, or the URL a redirect points to."""
        httpx = self._httpx
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        port = parts.port or (443 if scheme == "https" else 80)
        try:
            target = await resolve(parts.hostname or "", port, allow_private=self.options.allow_private,
                                   allowed_networks=self.options.allow_networks)
        except BlockedAddressError as exc:
            raise FetchError(url, str(exc)) from None
        pinned = httpx.URL(url).copy_with(host=target.address)
        extensions = {"sni_hostname": target.host} if scheme == "https" else {}
        host = f"[{target.host}]" if ":" in target.host else target.host
        if parts.port and parts.port != (443 if scheme == "https" else 80):
            host += f":{parts.port}"
        try:
            async with self._client.stream("GET", pinned, headers={**headers, "Host": host},
                                           extensions=extensions) as resp:
                status = resp.status_code
                if status in _REDIRECTS and resp.headers.get("location"):
                    return urljoin(url, resp.headers["location"])
                if status == 304 and headers:
                    return Response(url, 304, "", b"", resp.headers.get("etag"), resp.headers.get("last-modified"))
                if status != 200:
                    raise self._status_error(url, status, resp.headers)
                ctype = _content_type(resp.headers)
                if accept is not None and ctype and ctype not in accept:
                    raise FetchError(url, f"wrong content type {ctype} (expected {', '.join(sorted(accept))})")
                body = await self._read(url, resp, max_bytes)
                return Response(url, 200, ctype, body, resp.headers.get("etag"), resp.headers.get("last-modified"))
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})", retryable=True) from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None

    def _status_error(self, url: str, status: int, headers: Any) -> FetchError:
        after = retry_after_seconds(headers.get("retry-after")) if status in (429, 503) else None
        retryable = status >= 500 or status == 429
        return FetchError(url, f"HTTP {status}", status=status, retryable=retryable, retry_after=after)

    async def _read(self, url: str, resp: Any, max_bytes: int) -> bytes:
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(url, f"body of {int(declared):,} bytes is over the {max_bytes:,}-byte limit")
        decoder = _Decoder(resp.headers.get("content-encoding") or "", url)
        out = bytearray()
        raw = 0
        async for chunk in resp.aiter_raw():
            raw += len(chunk)
            if raw > max_bytes:
                raise FetchError(url, f"body over the {max_bytes:,}-byte limit (stopped reading there)")
            out += decoder.feed(chunk, max_bytes - len(out))
            if len(out) > max_bytes:
                raise FetchError(url, f"body over the {max_bytes:,}-byte limit (stopped reading there)")
        return bytes(out)
