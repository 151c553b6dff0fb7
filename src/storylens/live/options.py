"""The settings of a follower: fetch limits, retries and politeness, each stated once."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, fields, replace

from .. import __version__
from ..errors import ConfigError

# the home page named in the User-Agent when the user gives no contact URL of their own
DEFAULT_CONTACT = "https://github.com/storylens/storylens"


@dataclass(frozen=True, kw_only=True)
class FollowOptions:
    """How one follower fetches.  Times are seconds, sizes bytes.

    With ``workers`` above 0 feeds and pages are parsed in processes started
    with multiprocessing's "spawn", and with ``digest_process`` the digests
    are made in one: a script that runs a round itself needs the usual
    ``if __name__ == "__main__":`` guard (or ``workers=0, digest_process=False``).

    >>> FollowOptions().max_redirects
    5
    >>> FollowOptions(delay=-1)
    Traceback (most recent call last):
    ...
    storylens.errors.ConfigError: delay must be a number from 0 to 3600, got -1
    """

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    # one request, start to last byte: a server that drips its body ends here
    deadline: float = 60.0
    # one response body, decoded (a compressed body stops growing here)
    max_bytes: int = 10_000_000
    max_robots_bytes: int = 500_000
    max_redirects: int = 5
    # attempts after the first, on a timeout or a 5xx; the wait doubles from backoff
    retries: int = 2
    backoff: float = 1.0
    # the longest wait a Retry-After may ask for; a longer one ends the source's round
    max_retry_after: float = 120.0
    # between two requests to one host (its robots.txt Crawl-delay raises it up to max_crawl_delay)
    delay: float = 1.0
    max_crawl_delay: float = 30.0
    # hosts fetched at once (one request at a time on each)
    max_hosts: int = 16
    # a source that failed waits failure_backoff * 2**(failures - 1) before its next try, at most max_failure_backoff
    failure_backoff: float = 300.0
    max_failure_backoff: float = 86_400.0
    # an entry whose feed text is a summary: its page is fetched when the summary has fewer words than this
    full_text_below_words: int = 150
    allow_private: bool = False
    # CIDR blocks fetched from even when private (allow_private opens them all)
    allow_networks: tuple[str, ...] = ()
    robots: bool = True
    # certificates to trust for https instead of the system's (an intranet's own authority)
    ca_file: str | None = None
    contact: str = DEFAULT_CONTACT
    # processes that parse feeds and pages beside the one that fetches (0: a thread of it)
    workers: int = min(2, os.cpu_count() or 1)
    # articles per store transaction (StoryIndex.add: dedup and clustering);
    # small enough that the store takes in one batch while the next is fetched
    batch_size: int = 500
    # the changed stories' digests made by a process of its own while the round goes on (False: by the
    # follow process at the end of the round); either way each is made once per pass, not once per batch
    digest_process: bool = True

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type in ("float", "int") and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise ConfigError(f"{f.name} must be a number, got {value!r}")
        _range(self, ("delay", "backoff", "max_crawl_delay"), 0, 3600)
        _range(self, ("connect_timeout", "read_timeout", "deadline"), 0.01, 3600)
        _range(self, ("max_retry_after", "failure_backoff", "max_failure_backoff"), 0, 10**7)
        _range(self, ("max_bytes", "max_robots_bytes"), 1, 10**10)
        _range(self, ("max_redirects", "retries", "full_text_below_words", "workers"), 0, 1000)
        _range(self, ("max_hosts", "batch_size"), 1, 10**5)
        if self.ca_file is not None and not os.path.isfile(self.ca_file):
            raise ConfigError(f"no such certificate file: {self.ca_file}")
        for net in self.allow_networks:
            try:
                ipaddress.ip_network(net, strict=False)
            except ValueError:
                raise ConfigError(f"not a network (CIDR block such as 10.2.0.0/16): {net!r}") from None
        if not re.match(r"^(https?://|mailto:)\S+$", self.contact):
            raise ConfigError(f"the contact must be an http(s) or mailto: URL without spaces, got {self.contact!r}")

    @property
    def user_agent(self) -> str:
        return f"storylens/{__version__} (+{self.contact})"

    def with_(self, **changes) -> "FollowOptions":
        return replace(self, **changes)


def _range(opts: FollowOptions, names: tuple[str, ...], lo: float, hi: float) -> None:
    for name in names:
        value = getattr(opts, name)
        if not lo <= value <= hi:
            raise ConfigError(f"{name} must be a number from {lo} to {hi}, got {value!r}")


_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in '90', '30s', '15m', '2h' or '1d'; at least one second.

    >>> parse_interval("15m")
    900.0
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not m or float(m.group(1)) * _UNITS[m.group(2)] < 1:
        raise ConfigError(f"an interval is a number with s, m, h or d (15m, 1h, 30s), at least 1s; got {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]
