"""The web app and HTTP API over a store (extra: ``web``).

``create_app(store, token=...)`` returns the FastAPI application;
``storylens serve --store DB`` runs it with uvicorn.  Nothing is imported
until used, so ``import storylens.web`` needs no extra.
"""

from __future__ import annotations


def create_app(*args, **kwargs):
    """See :func:`storylens.web.app.create_app`."""
    from .app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
