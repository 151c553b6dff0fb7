"""Politeness: one request at a time per host with a delay between them, and robots.txt for pages."""

from __future__ import annotations

import asyncio
import math
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, AsyncIterator
from urllib.robotparser import RobotFileParser

from .urls import host_key, origin

if TYPE_CHECKING:
    from .fetch import Fetcher

# the product token robots.txt rules are matched against
ROBOTS_AGENT = "storylens"


class HostGate:
    """A queue per host: requests to one host one at a time, ``delay`` seconds apart; other hosts run meanwhile."""

    def __init__(self, delay: float):
        self.delay = delay
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def slow_down(self, key: str, delay: float) -> None:
        """Space this host's requests at least ``delay`` apart (its robots.txt asked for it)."""
        self._delays[key] = max(self.delay, delay)

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        key = host_key(url)
        lock = self._locks.setdefault(key, asyncio.Lock())
        loop = asyncio.get_running_loop()
        async with lock:
            wait = self._last.get(key, -math.inf) + self._delays.get(key, self.delay) - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._last[key] = loop.time()


class Robots:
    """robots.txt of each origin, fetched once per round (RFC 9309: a 4xx allows all, no answer disallows all)."""

    def __init__(self, fetcher: "Fetcher", gate: HostGate, *, max_bytes: int, max_crawl_delay: float):
        self._fetcher = fetcher
        self._gate = gate
        self._max_bytes = max_bytes
        self._max_crawl_delay = max_crawl_delay
        self._rules: dict[str, RobotFileParser | bool] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        site = origin(url)
        async with self._locks.setdefault(site, asyncio.Lock()):
            if site not in self._rules:
                self._rules[site] = await self._load(site)
        rules = self._rules[site]
        return rules if isinstance(rules, bool) else rules.can_fetch(ROBOTS_AGENT, url)

    async def _load(self, site: str) -> RobotFileParser | bool:
        from .fetch import FetchError

        try:
            resp = await self._fetcher.get(site + "/robots.txt", accept=None, max_bytes=self._max_bytes, retries=0)
        except FetchError as exc:
            return exc.status is not None and 400 <= exc.status < 500
        parser = RobotFileParser()
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._gate.slow_down(host_key(site), min(float(delay), self._max_crawl_delay))
        return parser
