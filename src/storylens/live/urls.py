"""URLs: what may be fetched, and one spelling per article (tracking parameters, fragment and case dropped)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import InputError

SCHEMES = ("http", "https")
_DEFAULT_PORT = {"http": 80, "https": 443}
# query keys that say where a reader came from, not what they read
_TRACKING = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
             "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "cmpid",
             "ito", "at_medium", "at_campaign", "ns_mchannel", "ns_source", "ns_campaign", "ncid", "ocid", "sr_share"}
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")


def check_url(url: str) -> str:
    """``url`` stripped, when it is an absolute http(s) URL with a host; else InputError."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(url, f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(url, "only http:// and https:// URLs can be followed")
    if not parts.hostname:
        raise InputError(url, "the URL has no host")
    if port == 0:
        raise InputError(url, "port 0 cannot be fetched")
    return url


def _tracking(key: str) -> bool:
    k = key.lower()
    return k in _TRACKING or k.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """One spelling of ``url``: scheme and host lowercased, default port, fragment and tracking parameters dropped.

    >>> canonical_url("HTTPS://News.Example.ORG:443/a/b?utm_source=x&id=3&fbclid=Y#top")
    'https://news.example.org/a/b?id=3'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORT.get(scheme)) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))


def host_key(url: str) -> str:
    """The host a politeness queue is kept for: host and port (two ports are two servers)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return f"{(parts.hostname or '').lower()}:{parts.port or _DEFAULT_PORT.get(scheme, 0)}"


def origin(url: str) -> str:
    """scheme://host[:port], where robots.txt lives."""
    parts = urlsplit(canonical_url(url))
    return f"{parts.scheme}://{parts.netloc}"
