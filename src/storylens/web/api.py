"""The JSON API under ``/api/v1`` and ``/healthz``.

A story comes with its digest in the JSON report's schema
(``storylens.digest/1``, the output of ``storylens digest --format json``).
``POST /api/v1/articles`` takes a JSONL body or uploaded files, needs
``Authorization: Bearer TOKEN`` and returns the assignments.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Callable, TypeVar

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import JSONResponse

from ..errors import StorylensError
from .access import ArticleView, StoryTooLargeError
from .listing import MAX_PER_PAGE, MAX_QUERY_CHARS, PER_PAGE, StoryQuery, list_stories
from .security import bearer, token_ok
from .upload import read_uploads

MAX_ID_CHARS = 512
T = TypeVar("T")
MAX_SEARCH_LIMIT = 200

StoryId = Annotated[str, Path(min_length=1, max_length=MAX_ID_CHARS, description="a story id")]
ArticleId = Annotated[str, Path(min_length=1, max_length=MAX_ID_CHARS, description="an article id")]


def story_json(story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "size": story.size, "outlets": list(story.outlets),
            "first_seen": story.first_seen, "last_seen": story.last_seen, "article_ids": list(story.article_ids),
            "version": story.version}


def article_json(v: ArticleView) -> dict[str, Any]:
    a = v.article
    meta = {k: val for k, val in (a.meta or {}).items() if k not in ("story_id", "duplicate_of")}
    return {"id": a.id, "title": a.title, "title_inferred": a.title_inferred, "url": a.url, "outlet": a.outlet,
            "published": a.published, "published_inferred": a.published_inferred, "author": a.author,
            "agency": a.agency, "dateline": a.dateline, "text": a.text, "story_id": v.story_id,
            "duplicate_of": v.duplicate_of, "copies": list(v.copies), "meta": meta}


def story_query(q: str, outlet: str, date_from: str, date_to: str, since: str, page: int,
                per_page: int) -> StoryQuery:
    return StoryQuery(q=q, outlet=outlet, date_from=date_from, date_to=date_to, since=since, page=page,
                      per_page=per_page)


def too_large_is_422(make: Callable[[], T]) -> T:
    """``make()``, a story over a story limit answered 422 with its one-line message (the limit named).

    422, not 413: the request is small and well formed (413 would ask the client for a smaller body,
    which it cannot send); what it asks for, this story's digest, cannot be made under the server's
    stated limit; and not 503 either, which says "later": the story stays too large until the limit
    is raised."""
    from fastapi import HTTPException

    try:
        return make()
    except StoryTooLargeError as exc:
        raise HTTPException(422, str(exc)) from None


def router(ctx) -> APIRouter:
    r = APIRouter()

    @r.get("/healthz", summary="Liveness and the store's counts", tags=["meta"])
    def healthz() -> dict[str, Any]:
        return {"status": "ok", **ctx.access.counts(), "writable": ctx.writable}

    @r.get("/api/v1/stories", summary="Stories, newest first, with search, filters and pages", tags=["stories"])
    def stories(q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="full-text search")] = "",
                outlet: Annotated[str, Query(max_length=200, description="only stories this outlet reported")] = "",
                date_from: Annotated[str, Query(alias="from", description="YYYY-MM-DD: dated on or after")] = "",
                date_to: Annotated[str, Query(alias="to", description="YYYY-MM-DD: stories dated on or before")] = "",
                since: Annotated[str, Query(description="YYYY-MM-DD: mark stories with articles since as new")] = "",
                page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = PER_PAGE) -> dict[str, Any]:
        return list_stories(ctx.access, story_query(q, outlet, date_from, date_to, since, page, per_page)).to_dict()

    @r.get("/api/v1/stories/{story_id}", summary="One story and its digest (schema storylens.digest/1)",
           description="`digest` follows the schema at /api/v1/schema/digest; `digest_current` is false while "
                       "the story's new digest is being made (the previous one is sent meanwhile). "
                       "With `since_version=N` (one of the story's `versions`; `story.version` is the "
                       "latest), `digest` is the update digest of what the articles that joined after "
                       "version N add to those before: its summary cites only them, and its `update` names "
                       "them and the figures they change (as `storylens digest --since-version N`).",
           tags=["stories"], response_class=JSONResponse,
           responses={404: {"description": "no such story, or the story never had version `since_version`"},
                      422: {"description": "nothing joined the story after `since_version` (its latest), or the "
                                           "story is over a story limit (max_story_articles, max_story_chars)"},
                      400: {"description": "the new articles only repeat what the earlier ones said"}})
    def story(story_id: StoryId,
              since_version: Annotated[int | None, Query(ge=0, le=2**62, description=(
                  "a version of the story: the update since it, instead of the whole digest"))] = None
              ) -> JSONResponse:
        s = ctx.access.story(story_id)
        if since_version is not None:
            update = too_large_is_422(lambda: ctx.access.update_digest(story_id, since_version))
            return JSONResponse({"story": story_json(s), "versions": ctx.access.story_versions(story_id),
                                 "since_version": since_version, "digest": update, "digest_current": True})
        digest, current = too_large_is_422(lambda: ctx.access.story_digest(story_id))
        # digest_current is false for the moment between a write to the story and its new digest;
        # the digest is plain JSON already: sent as it is, without FastAPI's per-value encoding
        return JSONResponse({"story": story_json(s), "versions": ctx.access.story_versions(story_id),
                             "digest": digest, "digest_current": current})

    @r.get("/api/v1/schema/digest", summary="The JSON schema of a story's digest (the JSON report's)",
           tags=["stories"], response_class=JSONResponse)
    def digest_schema() -> JSONResponse:
        from pathlib import Path as FilePath

        schema = FilePath(__file__).resolve().parents[1] / "report" / "schema.json"
        if not schema.is_file():
            raise StorylensError("this installation has no report/schema.json")
        return JSONResponse(json.loads(schema.read_text(encoding="utf-8")))

    _article_routes(r, ctx)
    return r


def _article_routes(r: APIRouter, ctx) -> None:
    """The articles: one by id, search, and adding them."""

    @r.get("/api/v1/articles/{article_id:path}", summary="One article: cleaned text, metadata, story, copies",
           tags=["articles"], responses={404: {"description": "no such article"}})
    def article(article_id: ArticleId) -> dict[str, Any]:
        return article_json(ctx.access.article(article_id))

    @r.get("/api/v1/search", summary="Full-text search over the articles", tags=["articles"])
    def search(q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                       description='words, "a phrase", AND, OR, NOT, parentheses')],
               limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_LIMIT)] = 20,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        hits, total = ctx.access.search_page(q, limit, offset)
        rows = [{"article_id": h.article_id, "story_id": h.story_id, "title": h.title,
                 "title_inferred": h.title_inferred, "outlet": h.outlet, "published": h.published,
                 "snippet": " ".join(h.snippet.split()), "score": h.score} for h in hits]
        return {"query": q, "total": total, "offset": offset, "hits": rows}

    @r.post("/api/v1/articles", summary="Add articles (a JSONL body, or files in the CLI's formats)",
            tags=["articles"], status_code=200,
            description="Authorization: Bearer TOKEN. The articles join stories as with `storylens cluster --store`; "
                        "a bad item is skipped with its reason and the rest is stored.",
            responses={401: {"description": "no or wrong token"}, 413: {"description": "body over the limit"}},
            openapi_extra={"requestBody": {"content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "multipart/form-data": {"schema": {"type": "object", "properties": {
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}})
    async def add_articles(request: Request,
                           authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        from fastapi import HTTPException
        from starlette.concurrency import run_in_threadpool

        if not token_ok(ctx.token, bearer(authorization)):
            raise HTTPException(401, "writing needs Authorization: Bearer TOKEN (the token storylens serve was "
                                     "started with)" if ctx.writable else
                                "writing is disabled: start storylens serve with --token or STORYLENS_TOKEN")
        files = await uploaded(request)
        upload = await run_in_threadpool(read_uploads, files)
        result = await run_in_threadpool(ctx.access.add, upload.articles, upload.skipped)
        return result.to_dict()



async def uploaded(request: Request) -> list[tuple[str, bytes]]:
    """The request's files: each file of a multipart form, or else the body as one JSONL file."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        form = await request.form()
        files = []
        for _key, value in form.multi_items():
            if not isinstance(value, str):
                files.append((value.filename or "", await value.read()))
        if not files:
            raise StorylensError("the form holds no files (send them as 'files')")
        return files
    # any other body is read as JSONL, whatever it is labelled (curl --data-binary says form-urlencoded)
    body = await request.body()
    if not body.strip():
        raise StorylensError("empty body: send one JSON article a line ({\"id\", \"text\", ...})")
    # named by its content, so that lines without an id get ids of their own ("body-1a2b3c4d5e-3")
    return [(f"body-{hashlib.sha1(body).hexdigest()[:10]}.jsonl", body)]
