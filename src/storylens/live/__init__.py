"""Following live sources: feeds and pages fetched over HTTP into the store.

``sources`` reads what the user gives (OPML, URL lists, URLs), ``table``
keeps it in the store file, ``fetch`` gets one URL within its limits (with
``guard`` refusing private addresses and ``polite`` spacing requests per
host), and ``poll`` runs one round: every due source fetched, its new
entries (with their pages' full text) added through dedup and the
incremental clusterer.  httpx is imported only when a round runs.
"""

from __future__ import annotations

from .options import FollowOptions

__all__ = ["FollowOptions"]
