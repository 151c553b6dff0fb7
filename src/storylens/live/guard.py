"""SSRF guard: a URL's host is resolved and every address checked before a connection is made.

The fetcher then connects to the checked address itself (the host goes in
the Host header and TLS SNI), so a DNS answer that changes between the check
and the connection cannot point it elsewhere.  Every redirect is checked
again the same way.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

from ..errors import StorylensError


class BlockedAddressError(StorylensError):
    """The URL's host is, or resolves to, an address storylens does not fetch from."""


@dataclass(frozen=True)
class Target:
    """Where to connect for a URL: the checked address and the port."""

    host: str
    address: str
    port: int


def why_blocked(address: str) -> str | None:
    """The reason ``address`` may not be fetched from (None: a public address).

    >>> why_blocked("10.1.2.3"), why_blocked("8.8.8.8")
    ('private', None)
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if not ip.is_global:  # shared address space (100.64/10) and the like
        return "not globally routable"
    return None


def _allowed(address: str, networks: tuple[str, ...]) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return any(ip in ipaddress.ip_network(n, strict=False) for n in networks)


async def resolve(host: str, port: int, *, allow_private: bool, allowed_networks: tuple[str, ...] = ()) -> Target:
    """Resolve ``host`` and check every address; the first one is the one to connect to.

    ``allowed_networks`` (CIDR blocks) are let through even when private: a
    follower can reach one intranet feed server without opening the rest.
    """
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedAddressError(f"cannot resolve {host} ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise BlockedAddressError(f"cannot resolve {host}")
    if not allow_private:
        for address in addresses:
            why = why_blocked(address)
            if why and not _allowed(address, allowed_networks):
                raise BlockedAddressError(f"{host} resolves to {address}, a {why} address: refused "
                                          "(--allow-private fetches from private networks)")
    return Target(host, addresses[0], port)
