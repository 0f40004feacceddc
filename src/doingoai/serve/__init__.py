"""The web layer of doingoai (``doingoai serve``): a versioned REST API and a server-rendered dashboard over
the same library functions as the command line (``store.queries``, ``store.filters``, ``export``)."""

from __future__ import annotations

from doingoai.serve.app import create_app
from doingoai.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
