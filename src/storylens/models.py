"""The types every stage takes and returns.

All are frozen dataclasses: a stage never mutates what it was given, it
returns new objects.  Offsets (``start``/``end``) are character offsets into
``Article.text`` (the *cleaned* text), so every summary sentence, fact and
quote can point at its exact source span.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import ArticleError

# Article fields that hold text; each must be a str
_TEXT_FIELDS = ("id", "text", "title", "url", "outlet", "author", "agency", "dateline", "path")


@dataclass(frozen=True)
class Article:
    """One news report, cleaned.

    ``published`` is an ISO date (``YYYY-MM-DD``) or ``None``;
    ``published_inferred`` says it was read off the text (a dateline, a dated
    caption) rather than given by the source's metadata; ``title_inferred``
    says the title was made from the URL's last path segment
    ("heaviest-russian-raids-days-syrias-aleppo") for want of a headline.
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: str | None = None
    author: str = ""
    agency: str = ""
    dateline: str = ""
    path: str = ""
    published_inferred: bool = False
    title_inferred: bool = False
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    lang: str | None = None  # ISO 639-1 code ("en", "de"), None when not known (storylens.text.language)

    def __post_init__(self) -> None:
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str):
                raise ArticleError(f"Article {name} must be a string, got {type(value).__name__} {_short(value)}")
        if self.published is not None:
            object.__setattr__(self, "published", _iso_day(self.published))
        if not isinstance(self.meta, Mapping):
            raise ArticleError(f"Article meta must be a mapping, got {type(self.meta).__name__}")

    @classmethod
    def from_text(cls, raw: str, *, id: str = "", **metadata: Any) -> "Article":
        """An Article made from raw text as the file readers make one: mojibake repaired, a dateline
        ("Yangon (Reuters) -") and credits moved into metadata, captions and share lines dropped.

        ``metadata``: ``url``, ``title``, ``outlet``, ``published``, ``author``, ``path``, ``meta``
        (given values win over what the text says).  Without ``id``, one is made from the text.
        """
        from .ingest.build import article_from_text  # cleaning lives in ingest

        if not isinstance(raw, str):
            raise ArticleError(f"Article.from_text needs a string, got {type(raw).__name__}")
        if isinstance(metadata.get("published"), (_dt.date, _dt.datetime)):
            metadata["published"] = metadata["published"].isoformat()[:10]
        if not id:
            import hashlib

            id = "text-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return article_from_text(raw, id=id, **metadata)

    @property
    def label(self) -> str:
        """A short human name: outlet, else title, else id."""
        return self.outlet or self.title or self.id


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _iso_day(value: Any) -> str:
    """``published`` as ``YYYY-MM-DD``: a date or datetime, or an ISO string (a time after the day
    is dropped).  Anything else raises ArticleError: a date that cannot be read is not guessed."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return _dt.date.fromisoformat(value).isoformat()
            if len(value) > 10 and value[10] in "T ":
                return _dt.datetime.fromisoformat(value).date().isoformat()
        except ValueError:
            pass
    raise ArticleError(f"Article published must be an ISO date (YYYY-MM-DD) or a datetime.date, "
                       f"got {_short(value)}")


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article, located by character offsets."""

    doc_index: int
    article_id: str
    start: int
    end: int
    text: str
    position: int  # 0-based index of the sentence within its article
    paragraph: int = 0


@dataclass(frozen=True)
class Citation:
    """A pointer to the span of an article that supports a statement."""

    article_id: str
    doc_index: int
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    """One summary sentence and every source that carries its content.

    ``citations`` holds 0-based indices into the documents given to the
    summarizer, the sentence's own source first; ``evidence`` the exact spans.
    """

    text: str
    citations: tuple[int, ...]
    evidence: tuple[Citation, ...] = ()
    score: float = 0.0
    # sources that carry the claim with a different figure: never cited, listed so a reader can compare
    conflicts: tuple[Citation, ...] = ()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Summary:
    sentences: tuple[SummarySentence, ...]
    method: str = ""
    max_words: int = 0

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.sentences)


@dataclass(frozen=True)
class Claim:
    """One numeric claim in one article."""

    value: float
    qualifier: str
    text: str
    what: str
    attributed_to: str
    date: str | None
    article_id: str
    start: int
    end: int
    unit: str = ""  # "" (a count), "%" or a currency code
    sentence: str = ""  # the sentence the claim was read from
    high: float | None = None  # a range's upper bound ("2 million to 5 million adults": value 2e6, high 5e6)
    per: float | None = None  # a rate's base ("1 out of 500 children": value 1, per 500)


@dataclass(frozen=True)
class FactGroup:
    """The same quantity as reported by one or more sources.

    ``status`` is ``agree`` | ``differ`` | ``updated`` | ``single``.
    """

    what: str
    status: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    role: str = ""
    article_ids: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()
    # how the speaker was found: "named" (beside the quote), "context" (a pronoun or title resolved from
    # the sentences before) or "unresolved" (then ``speaker`` is None and ``mention`` says who the text names)
    resolution: str = ""
    mention: str = ""
    # 1 for the quotation most worth showing first (more outlets, a more prominent speaker), 2 next...; 0 unranked
    rank: int = 0
    # the summary states this quotation in full: the Quotes lists leave it out (no word-for-word repeat), the
    # JSON keeps it, so that who said the summary's quoted words stays known
    in_summary: bool = False


@dataclass(frozen=True)
class Event:
    date: str | None
    date_precision: str  # day | week | month | year | unresolved
    text: str
    article_ids: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()
    expression: str = ""  # the words that gave the date ("on Tuesday")
    inferred: bool = False  # resolved against a publication date read off the text


@dataclass(frozen=True)
class Entity:
    name: str
    label: str  # PERSON | ORG | PLACE
    mentions: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Story:
    """A set of articles that tell the same story (see ``cluster``)."""

    id: str
    article_ids: tuple[str, ...]
    title: str = ""
    first_seen: str | None = None
    last_seen: str | None = None
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # of the members (ISO 639-1), sorted


@dataclass(frozen=True)
class SentenceCoverage:
    """Which articles carry one summary sentence (``index`` into the summary)."""

    index: int
    text: str
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactCoverage:
    """Which articles report one figure group."""

    what: str
    status: str
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """A sentence of one article, with its character offsets into the cleaned text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceCoverage:
    """What one source carries alone: sentences no other source comes close to, the figures only it
    reports (their ``what``) and how many quotes only it has."""

    label: str
    only_here: tuple[Span, ...] = ()
    facts_only_here: tuple[str, ...] = ()
    quotes_only_here: int = 0
    lang: str | None = None  # the source's language (ISO 639-1)


@dataclass(frozen=True)
class Coverage:
    """Which sources carry what: per summary sentence, per figure group, per source (by article id)."""

    summary: tuple[SentenceCoverage, ...] = ()
    facts: tuple[FactCoverage, ...] = ()
    sources: Mapping[str, SourceCoverage] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Coverage":
        """From the mapping the evidence stage returns (the JSON's ``coverage`` has the same shape)."""
        return cls(
            summary=tuple(SentenceCoverage(r["index"], r["text"], tuple(r.get("article_ids", ())))
                          for r in data.get("summary", ())),
            facts=tuple(FactCoverage(r["what"], r["status"], tuple(r.get("article_ids", ())))
                        for r in data.get("facts", ())),
            sources={aid: SourceCoverage(
                label=info.get("label", ""),
                only_here=tuple(Span(x["text"], x["start"], x["end"]) for x in info.get("only_here", ())),
                facts_only_here=tuple(info.get("facts_only_here", ())),
                quotes_only_here=int(info.get("quotes_only_here", 0)),
                lang=info.get("lang"))
                for aid, info in data.get("sources", {}).items()},
        )


@dataclass(frozen=True)
class DigestMeta:
    """How a digest was made.

    ``copies``: ``{copy's article id: original's id}``; ``entities_backend``:
    "rules" or "spacy (MODEL)" (None when the evidence was not extracted);
    ``inferred_dates``: ``{article id: ISO date}`` read off the text;
    ``stories_in_input``: the stories the input falls into (article ids,
    largest first) when it looked like several, else None; ``extra``: keys
    a stage added that have no field yet (written to the JSON after the others).
    """

    method: str = ""
    max_words: int = 0
    copies: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    entities_backend: str | None = None
    inferred_dates: Mapping[str, str] | None = field(default=None, compare=False, hash=False)
    stories_in_input: tuple[tuple[str, ...], ...] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DigestMeta":
        known = {"method", "max_words", "copies", "entities_backend", "inferred_dates", "stories_in_input"}
        mixed = data.get("stories_in_input")
        return cls(method=data.get("method", ""), max_words=data.get("max_words", 0),
                   copies=dict(data.get("copies", {})), entities_backend=data.get("entities_backend"),
                   inferred_dates=data.get("inferred_dates"),
                   stories_in_input=tuple(tuple(g) for g in mixed) if mixed else None,
                   extra={k: v for k, v in data.items() if k not in known})

    def get(self, key: str, default: Any = None) -> Any:
        """Read a key as from the mapping this used to be (``meta.get("copies", {})``)."""
        if key in self.extra:
            return self.extra[key]
        value = getattr(self, key, None) if key != "extra" else None
        return default if value is None else value


@dataclass(frozen=True)
class Update:
    """What an update digest (``digest(..., since=DATE)``) adds to what was known on ``since``.

    ``new_article_ids``: the articles published after ``since`` (the summary cites only them);
    ``changed_figures``: indices into :attr:`Digest.facts` of the ``updated`` groups that a new article
    gives a value in.
    """

    since: str
    new_article_ids: tuple[str, ...] = ()
    changed_figures: tuple[int, ...] = ()


@dataclass(frozen=True)
class Digest:
    """Everything storylens says about one story.

    ``coverage`` and ``meta`` are typed (:class:`Coverage`, :class:`DigestMeta`); a mapping given
    for either is read into its type.
    """

    title: str
    summary: Summary
    articles: tuple[Article, ...]
    facts: tuple[FactGroup, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    coverage: Coverage = field(default_factory=Coverage, compare=False, hash=False)
    skipped: tuple[Skipped, ...] = ()
    meta: DigestMeta = field(default_factory=DigestMeta, compare=False, hash=False)
    update: Update | None = None  # set for an update digest (what is new since a date)

    def __post_init__(self) -> None:
        if not isinstance(self.coverage, Coverage):
            object.__setattr__(self, "coverage", Coverage.from_dict(self.coverage or {}))
        if not isinstance(self.meta, DigestMeta):
            object.__setattr__(self, "meta", DigestMeta.from_dict(self.meta or {}))

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The digest as the JSON report writes it (see ``report/schema.json``)."""
        from .report.json_ import to_dict

        return to_dict(self, include_text=include_text)

    def to_dataframe(self, what: str = "facts") -> Any:
        """A pandas DataFrame of ``what``: "facts" (one row a claim), "quotes" or "timeline"
        (extra: dataframe)."""
        from .report.tables import to_dataframe

        return to_dataframe(self, what)
