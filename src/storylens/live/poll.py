"""One polling round: every due source fetched, new entries (full text where the feed has a summary only)
added through dedup and the incremental clusterer.

Outcomes are committed in batches: the articles first (one StoryIndex
transaction), then the sources' new state (ETag, Last-Modified, the entries
taken) in a second one.  A round killed between the two only fetches those
sources again next time; their articles are already stored and are not added
twice.  The changed stories' digests are not made per batch but by the
round's :class:`~.digester.Digester` (a process of its own), and the round
ends when they are all made.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from ..errors import InputError
from ..ingest import feeds as feed_reader
from ..models import Article, Skipped
from .digester import Digester
from .fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError, Response
from .options import FollowOptions
from .polite import HostGate, Robots
from .readers import Readers, read_feed, read_page
from .table import FeedTable, SourceRow, SourceUpdate
from .urls import canonical_url, check_url, host_key

if TYPE_CHECKING:
    from ..stories.store.index import StoryIndex


@dataclass
class RoundReport:
    """What a round did; ``line()`` is its progress line."""

    sources: int = 0
    done: int = 0
    fetched: int = 0
    unchanged: int = 0
    failed: int = 0
    deferred: int = 0
    new_articles: int = 0
    copies: int = 0
    new_stories: int = 0
    grown_stories: int = 0
    pages: int = 0
    pages_failed: int = 0
    pages_refused: int = 0
    digests: int = 0  # story digests made in this round
    digest_problem: str | None = None  # why some were not (the next round makes them)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def line(self) -> str:
        head = f"{self.done:,}/{self.sources:,} sources" if self.done < self.sources else f"{self.sources:,} sources"
        deferred = f", {self.deferred} backing off" if self.deferred else ""
        pages = ""
        if self.pages or self.pages_failed or self.pages_refused:
            pages = f"; {self.pages:,} pages read for full text"
            if self.pages_failed or self.pages_refused:
                pages += f" ({self.pages_failed} failed, {self.pages_refused} refused by robots.txt)"
        skipped = f"; {self.skipped_count:,} entries skipped" if self.skipped else ""
        digests = f"; {self.digests:,} digests made" if self.digests else ""
        return (f"{head}: {self.fetched:,} fetched, {self.unchanged:,} unchanged, {self.failed:,} failed{deferred}; "
                f"{self.new_articles:,} new articles ({self.copies:,} copies); "
                f"{self.new_stories:,} new stories, {self.grown_stories:,} grown{pages}{skipped}{digests}")

    @property
    def skipped_count(self) -> int:
        return len(self.skipped)


@dataclass
class _Outcome:
    update: SourceUpdate
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _words(text: str) -> int:
    return len(text.split())


class Round:
    """One round over ``table``'s sources into ``index``; ``progress`` is called with the report as it grows."""

    def __init__(self, table: FeedTable, index: Callable[[], "StoryIndex"], options: FollowOptions,
                 progress: Callable[[RoundReport], None] | None = None,
                 digester: Callable[[], Digester] | None = None):
        """``index`` makes the story index (without digests when a ``digester`` makes them)."""
        self.table = table
        self._make_digester = digester
        self._make_index = index  # loaded on the first new article: a round of 304s never reads the stories
        self._index: "StoryIndex | None" = None
        self.options = options
        self.progress = progress
        self.report = RoundReport()
        self._taken: set[str] = set()
        self._pages: dict[str, asyncio.Future[Article | None]] = {}
        self._new_story_ids: set[str] = set()
        self._grown: set[str] = set()

    def run(self) -> RoundReport:
        rows = self.table.sources()
        self._taken = self.table.taken()
        self.report.sources = len(rows)
        asyncio.run(self._run(rows))
        return self.report

    async def _run(self, rows: list[SourceRow]) -> None:
        o = self.options
        gate = HostGate(o.delay)
        self.fetcher = Fetcher(o, gate)
        self.robots = Robots(self.fetcher, gate, max_bytes=o.max_robots_bytes, max_crawl_delay=o.max_crawl_delay)
        groups: dict[str, list[tuple[int, SourceRow]]] = {}
        for i, row in enumerate(rows):
            groups.setdefault(host_key(row.url), []).append((i, row))
        queue: asyncio.Queue[tuple[int, _Outcome | BaseException]] = asyncio.Queue()
        slots = asyncio.Semaphore(o.max_hosts)

        async def worker(group: list[tuple[int, SourceRow]]) -> None:
            async with slots:
                for i, row in group:
                    try:
                        await queue.put((i, await self._source(row)))
                    except BaseException as exc:  # handed to the round, which stops and raises it
                        await queue.put((i, exc))
                        raise

        self.readers = Readers(o.workers)
        self.digester = self._make_digester() if self._make_digester else None
        tasks = [asyncio.create_task(worker(g)) for g in groups.values()]
        try:
            await self._collect(queue, len(rows))
            if self.digester is not None:
                self.report.digests = await self.digester.finish()
                self.report.digest_problem = self.digester.problem
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.fetcher.aclose()
            self.readers.close()
            if self.digester is not None:
                self.digester.close()

    async def _collect(self, queue: asyncio.Queue, total: int) -> None:
        """Outcomes committed in the sources' order, whatever order they arrive in: the same sources and
        answers give the same batches, the same claims on an article two feeds carry, the same stories."""
        arrived: dict[int, _Outcome] = {}
        pending: list[_Outcome] = []
        claimed: set[str] = set()
        n_articles = 0
        nxt = 0
        for _ in range(total):
            i, got = await queue.get()
            if isinstance(got, BaseException):
                raise got
            self._count(got)
            arrived[i] = got
            while nxt in arrived:
                out = arrived.pop(nxt)
                nxt += 1
                out.articles = [a for a in out.articles if a.id not in claimed]  # the first source has it
                claimed.update(a.id for a in out.articles)
                pending.append(out)
                n_articles += len(out.articles)
                if n_articles >= self.options.batch_size:
                    await self._commit_batch(pending)
                    pending, n_articles = [], 0
        if pending:
            await self._commit_batch(pending)

    async def _commit_batch(self, outcomes: list[_Outcome]) -> None:
        if await asyncio.to_thread(self._commit, outcomes) and self.digester is not None:
            self.digester.poke()

    def _count(self, got: _Outcome) -> None:
        r = self.report
        r.done += 1
        status = got.update.status
        setattr(r, status, getattr(r, status) + 1)
        if status == "failed":
            r.failures.append((got.update.url, got.update.error or ""))
        r.skipped.extend(got.skipped)
        if self.progress:
            self.progress(r)

    def _commit(self, outcomes: list[_Outcome]) -> int:
        """The articles in one transaction, then the sources' state in another; the articles added."""
        from ..stories.store.index import IndexResult

        articles = [a for o in outcomes for a in o.articles]
        if articles and self._index is None:
            self._index = self._make_index()
        res = self._index.add(articles, batch_size=len(articles)) if self._index and articles else IndexResult()
        source_of = {a.id: o.update.url for o in outcomes for a in o.articles}
        new: dict[str, int] = {}
        for x in res.assignments:
            new[source_of[x.article_id]] = new.get(source_of[x.article_id], 0) + 1
            if x.new_story:
                self._new_story_ids.add(x.story_id)
            elif x.story_id not in self._new_story_ids:
                self._grown.add(x.story_id)
        self.table.record([replace(o.update, new=new.get(o.update.url, 0), entries=tuple(a.id for a in o.articles))
                           for o in outcomes if o.update.status != "deferred"])
        r = self.report
        r.new_articles += res.added
        r.copies += res.duplicates
        r.new_stories, r.grown_stories = len(self._new_story_ids), len(self._grown)
        if self.progress:
            self.progress(r)
        return res.added

    # -- one source ------------------------------------------------------------------------------------------
    async def _source(self, row: SourceRow) -> _Outcome:
        now = time.time()
        if row.next_try > now:
            return _Outcome(SourceUpdate(row.url, "deferred", now, next_try=row.next_try))
        accept = {"feed": FEED_TYPES, "page": PAGE_TYPES}.get(row.kind, FEED_TYPES | PAGE_TYPES)
        try:
            if row.kind != "feed" and self.options.robots and not await self.robots.allowed(row.url):
                return self._failed(row, now, FetchError(row.url, "robots.txt disallows fetching this page"))
            resp = await self.fetcher.get(row.url, accept=accept, etag=row.etag, last_modified=row.last_modified)
        except FetchError as exc:
            return self._failed(row, now, exc)
        if resp.status == 304:
            return _Outcome(SourceUpdate(row.url, "unchanged", now, http_status=304))
        kind = row.kind if row.kind != "auto" else self._kind_of(resp)
        try:
            if kind == "feed":
                articles, skipped, title = await self._feed(row, resp)
            else:
                articles, skipped, title = [await self._page(resp)], [], ""
        except InputError as exc:
            return self._failed(row, now, FetchError(row.url, exc.problem, status=200))
        update = SourceUpdate(row.url, "fetched", now, kind=kind, title=title, http_status=200, etag=resp.etag,
                              last_modified=resp.last_modified)
        return _Outcome(update, articles, skipped)

    def _failed(self, row: SourceRow, now: float, exc: FetchError) -> _Outcome:
        o = self.options
        wait = min(o.failure_backoff * 2 ** min(row.failures, 30), o.max_failure_backoff)
        if exc.retry_after is not None:
            wait = max(wait, exc.retry_after)
        return _Outcome(SourceUpdate(row.url, "failed", now, http_status=exc.status, error=exc.problem,
                                     next_try=now + wait))

    @staticmethod
    def _kind_of(resp: Response) -> str:
        if resp.content_type in FEED_TYPES:
            return "feed"
        if resp.content_type in PAGE_TYPES:
            return "page"
        return "feed" if feed_reader._looks_like_feed(resp.body) else "page"

    @staticmethod
    def _canonical(article: Article, source: str) -> Article:
        """The article under its canonical URL (an entry without a link: its id within its feed)."""
        aid = article.id
        url = article.url
        try:
            url = canonical_url(check_url(url)) if url else ""
        except InputError:
            url = ""
        if url:
            aid = url
        elif aid.startswith(("http://", "https://")):
            aid = canonical_url(aid)
        else:
            aid = f"{canonical_url(source)}#{aid}"
        return replace(article, id=aid, url=url or article.url)

    async def _feed(self, row: SourceRow, resp: Response) -> tuple[list[Article], list[Skipped], str]:
        items = await self.readers.run(read_feed, resp.body, row.url)
        if isinstance(items, str):
            raise InputError(row.url, items)
        articles: list[Article] = []
        skipped: list[Skipped] = []
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            art = self._canonical(item, row.url)
            if art.id not in self._taken:  # taken from a feed in an earlier round
                articles.append(art)
        wanted = [i for i, a in enumerate(articles) if a.meta.get("feed_text") == "summary" and a.url
                  and _words(a.text) < self.options.full_text_below_words]
        fuller = await asyncio.gather(*(self._full_text(articles[i]) for i in wanted))
        for i, art in zip(wanted, fuller):
            articles[i] = art
        title = next((a.outlet for a in articles if a.outlet), "")
        return articles, skipped, title

    async def _full_text(self, entry: Article) -> Article:
        """The entry with its linked page's main text, or as it is when the page cannot be had."""
        task = self._pages.get(entry.url)
        if task is None:  # two feeds linking one page: it is fetched once
            task = self._pages[entry.url] = asyncio.ensure_future(self._linked_page(entry.url, entry.id))
        page = await task
        if page is None or _words(page.text) <= _words(entry.text):
            return entry
        return replace(page, id=entry.id, url=entry.url, path=entry.path, title=entry.title or page.title,
                       outlet=entry.outlet or page.outlet, published=entry.published or page.published,
                       published_inferred=entry.published_inferred if entry.published else page.published_inferred,
                       meta={**page.meta, "feed_text": "page"})

    async def _linked_page(self, url: str, aid: str) -> Article | None:
        r = self.report
        try:
            if self.options.robots and not await self.robots.allowed(url):
                r.pages_refused += 1
                return None
            resp = await self.fetcher.get(url, accept=PAGE_TYPES)
            page = await self.readers.run(read_page, resp.body, resp.url, aid)
        except FetchError:
            page = "not fetched"
        if isinstance(page, str):
            r.pages_failed += 1
            return None
        r.pages += 1
        return page

    async def _page(self, resp: Response) -> Article:
        aid = canonical_url(resp.url)
        page = await self.readers.run(read_page, resp.body, resp.url, aid)
        if isinstance(page, str):
            raise InputError(resp.url, page)
        return replace(page, url=aid)


def add_sources(table: FeedTable, sources, now: float | None = None) -> int:
    return table.add(sources, time.time() if now is None else now)


def run_round(store_path: str, options: FollowOptions,
              progress: Callable[[RoundReport], None] | None = None) -> RoundReport:
    """One round over the sources the store at ``store_path`` follows."""
    from ..stories.store import open_store
    from ..stories.store.index import StoryIndex

    with open_store(store_path) as store:
        return Round(FeedTable(store), lambda: StoryIndex(store, digests=False), options, progress,
                     lambda: Digester(store_path, store, process=options.digest_process)).run()
