"""The server-rendered pages: Stories, a story, an article, Add articles, the API's documentation.

Every page works without JavaScript; the one script (``/static/app.js``)
only offers a "new since your last visit" link from local storage.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..ingest import READERS
from .api import MAX_ID_CHARS, story_query, too_large_is_422
from ..errors import EmptyDigestError
from ..stories.store import NothingNewError, StoreError, UnknownVersionError
from .listing import MAX_PER_PAGE, MAX_QUERY_CHARS, PER_PAGE, StoryPage, list_stories
from .security import safe_href, token_ok
from .story_view import StoryView, article_link, story_link


def router(ctx) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse, response_model=None)
    def stories_page(q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
                     outlet: Annotated[str, Query(max_length=200)] = "",
                     date_from: Annotated[str, Query(alias="from")] = "",
                     date_to: Annotated[str, Query(alias="to")] = "",
                     since: str = "",
                     page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                     per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = PER_PAGE) -> str | HTMLResponse:
        query = story_query(q, outlet, date_from, date_to, since, page, per_page)
        try:
            result = list_stories(ctx.access, query)
        except StoreError as exc:  # a malformed search: the list page again, with the reason
            return HTMLResponse(ctx.render("stories.html", page=StoryPage([], 0, 1, 1, []), query=query,
                                           counts=ctx.access.counts(), newest="", since_link="", prev_link="",
                                           next_link="", error=str(exc)), status_code=400)
        counts = ctx.access.counts()
        dates = [row.story.last_seen for row in result.rows if row.story.last_seen]
        newest = max(dates) if dates and page == 1 and not (q or outlet or date_from or date_to) else ""

        def link(p: int) -> str:
            return "/?" + urlencode(query.params(page=p if p > 1 else None))

        return ctx.render("stories.html", page=result, query=query, counts=counts, newest=newest, error="",
                          since_link="/?" + urlencode({"since": newest}) if newest else "",
                          prev_link=link(page - 1) if page > 1 else "",
                          next_link=link(page + 1) if page < result.pages else "")

    @r.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: Annotated[str, Path(min_length=1, max_length=MAX_ID_CHARS)],
                   since_version: Annotated[int | None, Query(ge=0, le=2**62)] = None) -> str:
        return ctx.render("story.html", **_story_values(ctx, story_id, since_version))

    @r.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article_page(article_id: Annotated[str, Path(min_length=1, max_length=MAX_ID_CHARS)],
                     start: Annotated[int | None, Query(ge=0)] = None,
                     end: Annotated[int | None, Query(ge=0)] = None) -> str:
        v = ctx.access.article(article_id)
        return ctx.render("article.html", **_article_values(ctx, v, start, end))

    _upload_routes(r, ctx)
    return r


def _upload_routes(r: APIRouter, ctx) -> None:
    """Add articles (the form and its result) and the API's documentation."""

    @r.get("/upload", response_class=HTMLResponse)
    def upload_form() -> str:
        return _upload_page(ctx)

    @r.post("/upload", response_class=HTMLResponse)
    async def upload(request: Request) -> HTMLResponse:
        from starlette.concurrency import run_in_threadpool

        from ..errors import StorylensError
        from .upload import read_uploads

        form = await request.form()
        given = form.get("token")
        if not token_ok(ctx.token, given if isinstance(given, str) else None):
            error = ("wrong or missing write token" if ctx.writable else
                     "writing is disabled: start storylens serve with --token or STORYLENS_TOKEN")
            return HTMLResponse(_upload_page(ctx, error=error), status_code=401)
        files = [(v.filename or "", await v.read()) for k, v in form.multi_items() if k == "files" and
                 not isinstance(v, str) and (v.filename or v.size)]
        try:
            up = await run_in_threadpool(read_uploads, files)
        except StorylensError as exc:
            return HTMLResponse(_upload_page(ctx, error=str(exc)), status_code=400)
        result = await run_in_threadpool(ctx.access.add, up.articles, up.skipped)
        titles = {}
        for sid in result.new_stories + result.joined_stories:
            titles[sid] = ctx.access.story(sid).title
        return HTMLResponse(_upload_page(ctx, result=result, titles=titles))

    @r.get("/docs", response_class=HTMLResponse)
    def docs(request: Request) -> str:
        return ctx.render("docs.html", spec=request.app.openapi())



MAX_VERSION_LINKS = 5  # the earlier versions a story page links to ("what is new since version N")


def _story_values(ctx, story_id: str, since_version: int | None) -> dict[str, Any]:
    """The story page's values: the story's digest, or with ``since_version`` its update digest (what the
    articles after that version add, as ``storylens digest --since-version``); a version with nothing
    after it, or that the story never had, is said on the page above the whole digest."""
    story = ctx.access.story(story_id)
    versions = ctx.access.story_versions(story_id)
    update, note = None, ""
    if since_version is not None:
        try:
            update = too_large_is_422(lambda: ctx.access.update_digest(story_id, since_version))
        except NothingNewError:
            note = f"Nothing new since version {since_version}: it is this story's latest version."
        except UnknownVersionError as exc:
            note = f"{exc.reason[0].upper()}{exc.reason[1:]}."
        except EmptyDigestError as exc:
            note = f"{str(exc)[0].upper()}{str(exc)[1:]}."
    if update is not None:
        digest, current = update, True
    else:
        digest, current = too_large_is_422(lambda: ctx.access.story_digest(story_id))
    view = StoryView(story_id, digest)
    # the cited spans' words, for the markers' hover text: read as spans, not as whole texts
    texts = ctx.access.span_texts(view.summary_spans())
    earlier = [v for v in versions if v != story.version][-MAX_VERSION_LINKS:]
    return {"story": story, "d": digest, "current": current, "view": view, "summary": view.summary_view(texts),
            "since_version": since_version if update is not None else None, "note": note,
            "since_links": [(v, story_link(story_id, v)) for v in earlier], "whole_link": story_link(story_id)}


def _upload_page(ctx, **values: Any) -> str:
    from .security import MAX_BODY_BYTES

    limit = ctx.max_body if ctx.max_body else MAX_BODY_BYTES
    return ctx.render("upload.html", writable=ctx.writable, formats=", ".join(sorted(READERS)),
                      limit=f"{limit / 1e6:g} MB", error=values.get("error", ""), result=values.get("result"),
                      titles=values.get("titles", {}))


def _article_values(ctx, v, start: int | None, end: int | None) -> dict[str, Any]:
    """The article page's values: the text cut around the highlighted span when one is asked for."""
    a = v.article
    text = a.text
    before, hl, after, bad = text, "", "", ""
    if start is not None or end is not None:
        if start is None or end is None or not start < end <= len(text):
            bad = (f"The cited span {start}-{end} is not inside this article's text ({len(text)} characters); "
                   "the whole text is shown.")
        else:
            before, hl, after = text[:start], text[start:end], text[end:]
    try:
        story_title = ctx.access.story(v.story_id).title
    except KeyError:  # the story went away between two reads
        story_title = ""
    original = {"id": v.duplicate_of, "href": article_link(v.duplicate_of)} if v.duplicate_of else None
    copies = [{"id": c, "href": article_link(c)} for c in v.copies]
    return {"a": a, "view": v, "before": before, "hl": hl, "after": after, "bad_span": bad, "href": safe_href(a.url),
            "story_title": story_title, "original": original, "copies": copies,
            "api_link": "/api/v1/articles/" + article_link(a.id).removeprefix("/articles/")}
