"""The digest of one story: summarize, then lay out the evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import PurePath
from typing import Callable, Collection, Sequence

import numpy as np

from .ingest.clean import headline_titles
from .config import Options
from .digest_language import choose_language, cite_other_languages, in_language, languages_meta, with_languages
from .limits import check_story
from .errors import ArticleError, ConfigError, EmptyDigestError, NoArticlesError
from .models import Article, Citation, Coverage, Digest, DigestMeta, Skipped, Summary, SummarySentence, Update
from .prepare import PreparedDocument, prepare_documents
from .summarizers import get_summarizer
from .summarizers.update import summarize_update
from .text.dates import parse_iso
from .text.tfidf import TfidfSpace, content_terms


def digest(articles: Sequence[Article | str] | str, max_words: int | None = None, *,
           options: Options | None = None, skipped: Sequence[Skipped] = (), check_mixed: bool = True,
           title: str | None = None, progress: Callable[[str], None] | None = None,
           since: str | None = None, new_ids: Collection[str] | None = None,
           since_label: str | None = None) -> Digest:
    """Everything storylens says about the story told by ``articles``.

    ``articles``: Articles, or strings (each cleaned as a file's text is, see :meth:`Article.from_text`);
    one string is one article.  With ``check_mixed``, the articles are also clustered (as ``storylens
    cluster`` would, without its time window): when they tell several stories of two or more articles
    each, ``meta.stories_in_input`` lists the stories' article ids, largest first, so that a caller can
    say the digest mixes them.  ``title`` replaces the title the digest would choose (a stored story's
    own).  ``progress(step)`` is called as each step starts ("summary", "evidence", "stories").

    ``since`` (an ISO date, "2016-10-10"): an update digest.  The summary says what the articles published
    after that day add to those of that day or before (or undated), citing only the new ones, and
    ``update`` names them and the ``updated`` figures they give a value in; the figures, quotes and
    timeline are still the whole story's.  Raises :class:`ConfigError` for a malformed date, and when no
    article is dated or none is after ``since``.

    ``new_ids`` (article ids, instead of ``since``): the same update digest of what those articles add to
    the others, for a caller that knows which are new (a stored story's articles after one of its
    versions); ``since_label`` says in ``update.since`` what they are new since ("version 4").

    Raises :class:`~storylens.errors.LimitError` when the articles are over ``options.limits``' story
    limits (``max_story_articles``, ``max_story_chars``), :class:`NoArticlesError` when no article has
    text and :class:`EmptyDigestError` when no summary sentence can be made (a navigation page, an error
    page, a table).
    """
    opts = options or Options()
    if max_words is not None and max_words != opts.max_words:
        opts = opts.with_(max_words=max_words)
    arts = _story_articles(articles, opts)
    step = progress or (lambda _: None)
    step("summary")
    arts = with_languages(arts)
    lang = choose_language(arts, opts.lang)  # the summary's language: its sentences come from sources in it
    copies = find_copies(arts)
    originals = [i for i in in_language(arts, lang) if i not in copies]
    docs = prepare_documents(arts)  # sentences and dates, once: the summarizer and the evidence read them
    label = _since_label(since, new_ids, since_label)
    summary, cited, fresh_ids = _summary(arts, docs, originals, opts, label, since, new_ids)
    summary = cite_copies(summary, arts, cited, copies)
    summary = cite_other_languages(summary, docs, lang)
    extra, analysis_meta = _evidence(docs, summary, opts, step) if opts.extract_facts else ({}, {})
    if check_mixed:
        step("stories")
    mixed = mixed_stories([arts[i] for i in in_language(arts, lang)]) if check_mixed else []  # lexical: one language
    meta = _meta(summary, opts, arts, copies, analysis_meta, mixed, lang)
    update = None if label is None else _update(label, fresh_ids, extra.get("facts", ()))
    return Digest(title=title or story_title(arts, summary), summary=summary, articles=tuple(arts),
                  skipped=tuple(skipped), meta=meta, update=update, **extra)


def _story_articles(articles: Sequence[Article | str] | str, opts: Options) -> list[Article]:
    """The articles with text, within the story limits (one message source: limits.py, whatever path the
    articles came by)."""
    given = as_articles(articles)
    arts: list[Article] = [a for a in given if a.text.strip()]
    if not arts:
        raise NoArticlesError(f"{_names(given)}: no article text to digest" if given else "no article to digest")
    check_story(_names(given), len(arts), sum(len(a.text) for a in arts), opts.limits)
    return arts


def _meta(summary: Summary, opts: Options, arts: Sequence[Article], copies: dict[int, int], analysis_meta: dict,
          mixed: list[list[str]], lang: str | None) -> DigestMeta:
    """How the digest was made: its method and budget, the copies folded, the evidence's backends, the
    stories the input mixes and the languages."""
    return DigestMeta(
        method=summary.method, max_words=opts.max_words,
        copies={arts[c].id: arts[o].id for c, o in sorted(copies.items())},
        entities_backend=analysis_meta.pop("entities_backend", None),
        inferred_dates=analysis_meta.pop("inferred_dates", None),
        stories_in_input=tuple(tuple(g) for g in mixed) or None,
        extra={**analysis_meta, **languages_meta(arts, lang)})


def _summary(arts: Sequence[Article], docs: Sequence[PreparedDocument], originals: Sequence[int], opts: Options,
             label: str | None, since: str | None, new_ids: Collection[str] | None,
             ) -> tuple[Summary, list[int], tuple[str, ...]]:
    """``(summary, cited, fresh ids)``: the summary of the ``originals`` (indices into ``arts``), or with a
    ``label`` the update summary of what the new ones add to the rest; ``cited``: the indices its
    sentences' citations count in; the new articles' ids (none when not an update)."""
    if label is None:
        summary = get_summarizer(opts.method).summarize([docs[i] for i in originals], opts.max_words,
                                                        options=opts)
        fresh_ids: tuple[str, ...] = ()
        cited = list(originals)
    else:
        new = given_new(arts, new_ids) if new_ids is not None else articles_after(docs, since_date(str(since)))
        fresh_ids = tuple(arts[i].id for i in new)
        cited = [i for i in originals if i in new]
        summary = summarize_update([docs[i] for i in originals if i not in new], [docs[i] for i in cited],
                                   options=opts)
        if not summary.sentences:
            raise EmptyDigestError(f"nothing new since {label}: the {len(new)} article(s) after it "
                                   "repeat what the earlier ones said")
    if not summary.sentences:
        raise EmptyDigestError(empty_reason(arts, opts))
    return summary, cited, fresh_ids


def _evidence(docs: Sequence[PreparedDocument], summary: Summary, opts: Options,
              step: Callable[[str], None]) -> tuple[dict, dict]:
    """``(fields, meta)``: the digest's evidence fields (figures, quotes, timeline, entities, coverage),
    each quote the summary states in full flagged ``in_summary``, and what the analysis says of itself."""
    from .evidence import DIGEST_FIELDS, analyze

    step("evidence")
    found = analyze(docs, summary, opts)
    extra = {k: found[k] for k in DIGEST_FIELDS}
    extra["coverage"] = Coverage.from_dict(extra["coverage"])
    said = [_plain(s.text) for s in summary.sentences]  # once, not once per quotation
    extra["quotes"] = tuple(replace(q, in_summary=True) if _stated(q.text, said) else q for q in extra["quotes"])
    return extra, dict(found["meta"])


def _update(label: str, fresh_ids: tuple[str, ...], facts: Sequence) -> Update:
    """What an update digest is new since, its new articles and the figures they give a new value."""
    fresh = set(fresh_ids)
    changed = tuple(k for k, g in enumerate(facts)
                    if g.status == "updated" and any(c.article_id in fresh for c in g.claims))
    return Update(since=label, new_article_ids=fresh_ids, changed_figures=changed)


_QUOTE_MARKS = str.maketrans("", "", "\"'\u201c\u201d\u2018\u2019\u2026")


def _plain(text: str) -> str:
    return " ".join(text.translate(_QUOTE_MARKS).lower().split()).strip(" .,;:!?")


def stated_in(quotation: str, summary: Summary) -> bool:
    """Whether a sentence of ``summary`` states ``quotation`` in full (quote marks, case and spacing aside):
    the Quotes list then leaves it out rather than repeat the summary word for word."""
    return _stated(quotation, [_plain(s.text) for s in summary.sentences])


def _stated(quotation: str, said: Sequence[str]) -> bool:
    """:func:`stated_in` against the summary's sentences already made plain (:func:`_plain`)."""
    q = _plain(quotation)
    return bool(q) and any(q in s for s in said)


def since_date(value: str, name: str = "since") -> date:
    """``value`` as a day (an ISO date, YYYY-MM-DD); a one-line error naming ``name`` otherwise."""
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{name} must be an ISO date (YYYY-MM-DD, e.g. 2016-10-10), got {value!r}") from None


def _since_label(since: str | None, new_ids: Collection[str] | None, label: str | None) -> str | None:
    """What an update digest is new since (None: not an update)."""
    if since is not None and new_ids is not None:
        raise ConfigError("an update digest takes since (a date) or new_ids (the new articles), not both")
    if new_ids is not None:
        return label or "the earlier articles"
    return None if since is None else str(since_date(since))


def given_new(articles: Sequence[Article], new_ids: Collection[str]) -> list[int]:
    """Indices of ``articles`` among ``new_ids``; a one-line error when none of them has text here."""
    wanted = set(new_ids)
    new = [i for i, a in enumerate(articles) if a.id in wanted]
    if not new:
        raise ConfigError(f"nothing new to summarize: none of the {len(wanted)} new article(s) has text")
    return new


def article_day(doc: PreparedDocument) -> date | None:
    """The day ``doc`` was published: its own date, or one read off its text (not the story's)."""
    return parse_iso(doc.article.published) or (None if doc.coarse else doc.anchor)


def articles_after(docs: Sequence[PreparedDocument], day: date) -> list[int]:
    """Indices of the articles published after ``day``; a one-line error when none is, or none is dated."""
    days = [article_day(d) for d in docs]
    dated = [x for x in days if x is not None]
    if not dated:
        raise ConfigError("no article is dated, so none can be told to be new: --since needs publication dates")
    new = [i for i, x in enumerate(days) if x is not None and x > day]
    if not new:
        raise ConfigError(f"nothing new since {day}: the newest article is of {max(dated)}")
    return new


def in_source_order(articles: Sequence[Article]) -> list[Article]:
    """``articles`` in the order a folder of their files gives them (by path; the records of one file in
    their order, as the sort is stable), so that a story's source numbers are the same whether it is
    digested from its files or from a store (``storylens digest --store``, the web app)."""
    return sorted(articles, key=lambda a: PurePath(a.path).parts)


def as_articles(items: Sequence[Article | str] | str) -> list[Article]:
    """Articles as given; a string is an article's raw text (``text-1``, ``text-2``, ... by position)."""
    if isinstance(items, (str, Article)):
        items = [items]
    out = []
    for i, a in enumerate(items, 1):
        if isinstance(a, str):
            out.append(Article.from_text(a, id=f"text-{i}"))
        elif isinstance(a, Article):
            out.append(a)
        else:
            raise ArticleError(f"digest() takes Articles or strings, got {type(a).__name__} at position {i}")
    return out


def _names(articles: Sequence[Article]) -> str:
    """The input named for a message: its file (else its id), or how many and the first three."""
    names = list(dict.fromkeys(a.path or a.id for a in articles))
    if len(names) == 1:
        return names[0]
    return f"{len(articles)} articles ({', '.join(names[:3])}" + (", ...)" if len(names) > 3 else ")")


def empty_reason(articles: Sequence[Article], opts: Options) -> str:
    """Why nothing could be summarized, naming the input (its file, else its id)."""
    return (f"{_names(articles)}: nothing to digest: no sentence of {opts.min_sentence_words} to "
            f"{opts.max_sentence_words} words in the text (a page of navigation, an error page or a table?)")


def mixed_stories(articles: Sequence[Article]) -> list[list[str]]:
    """The stories ``articles`` fall into (article ids, largest story first) when two or more of them
    have two or more articles; else ``[]`` (one story, perhaps with a few strays)."""
    if len(articles) < 4:
        return []
    from .stories.clusterer import NO_WINDOW, ClusterOptions, cluster

    stories = cluster(articles, ClusterOptions(window_days=NO_WINDOW), dedup=False)  # copies join by similarity
    groups = sorted((list(s.article_ids) for s in stories), key=lambda ids: (-len(ids), ids[0]))
    return groups if sum(1 for g in groups if len(g) >= 2) >= 2 else []


def find_copies(articles: Sequence[Article]) -> dict[int, int]:
    """``{index of a copy: index of its original}``: syndicated copies (the same
    wire story under another masthead), as marked by the store
    (``meta["duplicate_of"]``) or found here by MinHash; chains resolve to
    the earliest copy."""
    index = {a.id: i for i, a in enumerate(articles)}
    parent: dict[int, int] = {}
    for i, a in enumerate(articles):
        orig = a.meta.get("duplicate_of") if a.meta else None
        if orig in index and index[orig] != i:
            parent[i] = index[orig]
    rest = [a for i, a in enumerate(articles) if i not in parent]
    if len(rest) > 1:
        from .stories.dedup import find_duplicates

        for aid, orig in find_duplicates(rest).items():
            if orig and orig in index and orig != aid:
                parent[index[aid]] = index[orig]
    roots = {}
    for i in parent:
        j, seen = i, {i}
        while j in parent and parent[j] not in seen:
            j = parent[j]
            seen.add(j)
        if j != i:
            roots[i] = j
    return roots


def cite_copies(summary: Summary, articles: Sequence[Article], originals: Sequence[int],
                copies: dict[int, int]) -> Summary:
    """Map a summary of ``originals`` back to indices of ``articles`` and let each
    sentence cite every copy of the articles it cites (one report, several outlets)."""
    copies_of: dict[int, list[int]] = {}
    for c, o in sorted(copies.items()):
        copies_of.setdefault(o, []).append(c)
    out = []
    for s in summary.sentences:
        cites: list[int] = []
        evidence: list[Citation] = []
        for ev in s.evidence:
            i = originals[ev.doc_index]
            evidence.append(Citation(ev.article_id, i, ev.start, ev.end))
        for d in s.citations:
            i = originals[d]
            for j in [i] + copies_of.get(i, []):
                if j not in cites:
                    cites.append(j)
                if j != i:
                    at = articles[j].text.find(s.text)
                    if at >= 0:
                        evidence.append(Citation(articles[j].id, j, at, at + len(s.text)))
        conflicts = tuple(Citation(c.article_id, originals[c.doc_index], c.start, c.end) for c in s.conflicts)
        out.append(SummarySentence(s.text, tuple(cites), tuple(evidence), s.score, conflicts))
    return Summary(tuple(out), method=summary.method, max_words=summary.max_words)


def story_title(articles: Sequence[Article], summary: Summary) -> str:
    """The article headline closest to the summary's content (a title made
    from a URL only when no article has a headline); else the first summary
    sentence, shortened."""
    titles = headline_titles(articles)
    if titles and summary.sentences:
        terms = [content_terms(t) for t in titles] + [content_terms(summary.text)]
        space = TfidfSpace(terms)
        sims = (space.matrix[:-1] @ space.matrix[-1].T).toarray().ravel()
        return titles[int(np.argmax(sims))]
    if titles:
        return titles[0]
    if summary.sentences:
        words = summary.sentences[0].text.split()
        return " ".join(words[:12]) + ("\u2026" if len(words) > 12 else "")
    return "Untitled story"
