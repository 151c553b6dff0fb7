"""Bounds on what one run reads: every input limit stated once, with its CLI flag.

A reader never reads past these; an input over a limit is refused (a single
input) or skipped with its reason (an item of a batch), with a message that
names the limit and the flag that raises it.  Imports no stage.

Files read whole (text, HTML, feeds) are bounded by ``max_input_bytes`` as
they are on disk.  Streams (JSONL, WARC, compressed or not) are read record by
record: what they expand to is bounded by ``max_expanded_bytes`` (reading
stops there), one line by ``max_line_bytes``, one WARC page by
``max_input_bytes``, and the records of one file by ``max_records``.

What one digest takes in, all its inputs together, is bounded by ``max_story_articles`` and
``max_story_chars`` (``STORY_LIMITS``): the digest holds every article and its prepared sentences, so
these keep its memory bounded (under 1 GB at the defaults).  They apply wherever one digest is made:
counted while reading (``load(..., story=True)``: ``storylens digest FILES``), and checked whole
(:func:`check_story`) by ``storylens.digest``, ``digest --store DB --story ID``, the store's digests and
the web app's; not by ``cluster``, which reads many stories.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import ConfigError, LimitError


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Input limits.

    >>> Limits().max_input_bytes
    50000000
    >>> Limits(max_input_bytes=0)
    Traceback (most recent call last):
    ...
    storylens.errors.ConfigError: max_input_bytes must be an integer from 1 to 1000000000000, got 0
    """

    # one file read whole (text, HTML, feed) as stored on disk; one page of a WARC file
    max_input_bytes: int = 50_000_000
    # what one stream (JSONL, WARC, gzip or not) may expand to: decompression and reading stop here
    max_expanded_bytes: int = 500_000_000
    # records (JSONL lines, feed entries, WARC records, Multi-News lines) in one file
    max_records: int = 200_000
    # one line of a line-based format (JSONL, Multi-News)
    max_line_bytes: int = 20_000_000
    # nesting depth of JSON, HTML and XML
    max_depth: int = 100
    # files read from the folders named on the command line
    max_files: int = 100_000
    # articles one digest takes in (all its inputs together: one story), counted while reading
    max_story_articles: int = 10_000
    # characters of article text one digest takes in (all its articles together), counted while reading
    max_story_chars: int = 10_000_000

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10**12:
                raise ConfigError(f"{f.name} must be an integer from 1 to {10**12}, got {value!r}")


# the command-line flag of each limit, for messages ("raise it with --max-input-bytes")
FLAGS = {f.name: "--" + f.name.replace("_", "-") for f in fields(Limits)}

# what each limit counts, for messages
_UNITS = {"max_input_bytes": "bytes", "max_expanded_bytes": "bytes", "max_records": "records",
          "max_line_bytes": "bytes", "max_depth": "levels", "max_files": "files",
          "max_story_articles": "articles", "max_story_chars": "characters"}

# the limits on one story (what ``storylens digest`` takes in), not on one file: reading stops at them
STORY_LIMITS = ("max_story_articles", "max_story_chars")


def flag(name: str) -> str:
    """The CLI flag that sets limit ``name``."""
    return FLAGS[name]


def over(name: str, limits: Limits, what: str) -> str:
    """The message for ``what`` going past limit ``name``.

    >>> over("max_records", Limits(max_records=10), "more than 10 records")
    'more than 10 records: over the limit of 10 records (max_records; raise it with --max-records)'
    """
    value = getattr(limits, name)
    return f"{what}: over the limit of {value:,} {_UNITS[name]} ({name}; raise it with {FLAGS[name]})"


def story_over(articles: int, chars: int, limits: Limits) -> tuple[str, str] | None:
    """``(limit, problem)`` when one story of ``articles`` articles and ``chars`` characters of text is
    over a story limit (articles first), else None.

    >>> story_over(7, 10, Limits(max_story_articles=5))[1]
    '7 articles in one digest: over the limit of 5 articles (max_story_articles; raise it with --max-story-articles)'
    >>> story_over(5, 10, Limits(max_story_articles=5)) is None
    True
    """
    if articles > limits.max_story_articles:
        return "max_story_articles", over("max_story_articles", limits, f"{articles:,} articles in one digest")
    if chars > limits.max_story_chars:
        return "max_story_chars", over("max_story_chars", limits, f"{chars:,} characters of text in one digest")
    return None


def check_story(where: str, articles: int, chars: int, limits: Limits) -> None:
    """Raise :class:`LimitError` (``where: problem``) when the story is over a story limit."""
    found = story_over(articles, chars, limits)
    if found is not None:
        raise LimitError(where, found[1], found[0])


def story_limit_in(message: str) -> str | None:
    """The story limit a message made here names (a story's recorded digest error), else None.

    >>> story_limit_in(story_over(0, 9, Limits(max_story_chars=5))[1])
    'max_story_chars'
    """
    return next((name for name in STORY_LIMITS if f"({name}; raise it with {FLAGS[name]})" in message), None)
