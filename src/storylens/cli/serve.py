"""``storylens serve --store DB``: the web app and JSON API over a store."""

from __future__ import annotations

import argparse
import os

from ..errors import StorylensError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8750
TOKEN_ENV = "STORYLENS_TOKEN"


def register(sub) -> None:
    p = sub.add_parser("serve", help="read the stories in a browser; a JSON API (extra: web)",
                       description="Serve the stories of a store as web pages and a JSON API (/docs). "
                                   "Binds to 127.0.0.1 unless --host says otherwise.")
    p.add_argument("--store", metavar="DB_OR_URL", required=True,
                   help="SQLite store (created empty when missing) or a postgresql:// URL")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this "
                   "machine only; 0.0.0.0 serves the network)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--token", default=None, help=f"allow writes (uploads) with this token (or set {TOKEN_ENV}); "
                   "without one the server is read-only")
    p.add_argument("--max-body", type=int, default=None, metavar="BYTES",
                   help="largest request body accepted (default 20,000,000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .._optional import require
    from ..web.security import MAX_BODY_BYTES

    if not 0 < args.port < 65536:
        raise StorylensError(f"--port must be from 1 to 65535, got {args.port}")
    max_body = MAX_BODY_BYTES if args.max_body is None else args.max_body
    if max_body < 1:
        raise StorylensError(f"--max-body must be a positive number of bytes, got {max_body}")
    token = args.token or os.environ.get(TOKEN_ENV) or None
    uvicorn = require("uvicorn", "web", "storylens serve")
    from ..web.app import create_app

    app = create_app(args.store, token=token, max_body=max_body, create=True)
    print(startup_line(args.store, args.host, args.port, bool(token)), flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                server_header=False, timeout_graceful_shutdown=5)
    return 0


def startup_line(store: str, host: str, port: int, writable: bool) -> str:
    where = (f"on {host} only (this machine; --host 0.0.0.0 serves the network)" if host in ("127.0.0.1", "localhost")
             else f"on {host}: reachable from the network")
    shown = "[::1]" if host == "::1" else host
    writes = "uploads allowed with the token" if writable else "read-only (no --token or STORYLENS_TOKEN)"
    return f"storylens: serving {store} at http://{shown}:{port}/ {where}; {writes}; API docs at /docs"
