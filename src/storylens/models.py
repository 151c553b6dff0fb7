"""The types every stage takes and returns.

All are frozen dataclasses: a stage never mutates what it was given, it
returns new objects.  Offsets (``start``/``end``) are character offsets into
``Article.text`` (the *cleaned* text), so every summary sentence, fact and
quote can point at its exact source span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


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

    @property
    def label(self) -> str:
        """A short human name: outlet, else title, else id."""
        return self.outlet or self.title or self.id


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


@dataclass(frozen=True)
class Digest:
    """Everything storylens says about one story."""

    title: str
    summary: Summary
    articles: tuple[Article, ...]
    facts: tuple[FactGroup, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    coverage: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    skipped: tuple[Skipped, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
