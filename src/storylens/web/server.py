"""Run the app with uvicorn in a background thread on a loopback port (tests, benchmarks).

The socket is bound before the server starts (port 0: the system picks a free
one), so there is no race for the port and the URL is known at once.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Iterator

from .._optional import require
from ..errors import StorylensError


@contextlib.contextmanager
def background_server(app, host: str = "127.0.0.1", port: int = 0, *, start_timeout: float = 30.0) -> Iterator[str]:
    """Serve ``app`` while the block runs; yields its base URL (``http://127.0.0.1:PORT``)."""
    uvicorn = require("uvicorn", "web", "serving the web app")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(256)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", backlog=256,
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise StorylensError("the web server did not start (see its log above)")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
