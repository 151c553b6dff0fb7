"""Bounds on what one run reads: every input limit stated once, with its CLI flag.

A reader never reads past these; an input over a limit is refused (a single
input) or skipped with its reason (an item of a batch), with a message that
names the limit and the flag that raises it.  Imports no stage.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import ConfigError


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

    # one file as stored on disk (compressed or not)
    max_input_bytes: int = 50_000_000
    # what a compressed file may expand to (decompression stops here)
    max_expanded_bytes: int = 200_000_000
    # records (articles, JSONL lines, feed entries, WARC records) in one file
    max_records: int = 200_000
    # one line of a line-based format (JSONL, Multi-News)
    max_line_bytes: int = 20_000_000
    # nesting depth of JSON, HTML and XML
    max_depth: int = 100
    # files read from the folders named on the command line
    max_files: int = 100_000

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10**12:
                raise ConfigError(f"{f.name} must be an integer from 1 to {10**12}, got {value!r}")


# the command-line flag of each limit, for messages ("raise it with --max-input-bytes")
FLAGS = {f.name: "--" + f.name.replace("_", "-") for f in fields(Limits)}


def flag(name: str) -> str:
    """The CLI flag that sets limit ``name``."""
    return FLAGS[name]
