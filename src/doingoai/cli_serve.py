"""``doingoai serve``: the web API and the dashboard (``doingoai.serve``), started with uvicorn.

FastAPI and uvicorn are imported only when the command runs, so that ``doingoai --help`` and the other
commands start as fast as before.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Annotated

import typer

from doingoai.errors import UsageError
from doingoai.store.engine import DEFAULT_DB_ENV

__all__ = ["register"]

LOOPBACK = "127.0.0.1"


def _err(message: str) -> None:
    sys.stderr.write(f"doingoai: {message}\n")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def register(app: typer.Typer) -> None:
    @app.command("serve", epilog="""Examples:

  doingoai serve --db kb.sqlite

  doingoai serve --demo

  DOINGOAI_API_TOKEN=secret doingoai serve --db kb.sqlite --allow-ingest

The API is under /api/v1 (OpenAPI description at /docs), the dashboard at /. Read-only unless
--allow-ingest is given; POST /api/v1/ingest then needs "Authorization: Bearer $DOINGOAI_API_TOKEN".""")
    def serve_cmd(
        db: Annotated[str | None, typer.Option("--db", envvar=DEFAULT_DB_ENV, metavar="PATH|URL",
                                               help="The knowledge base: a SQLite file path or postgresql://… "
                                               "(with --demo: where the demo is built).")] = None,
        host: Annotated[str, typer.Option(metavar="HOST", help="Address to listen on (loopback by default: "
                                          "another address opens the server to the network).")] = LOOPBACK,
        port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")] = 8000,
        allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Enable POST /api/v1/ingest, "
                                                   "with the bearer token of DOINGOAI_API_TOKEN.")] = False,
        demo: Annotated[bool, typer.Option("--demo", help="First ingest the example pages and the shared corpus "
                                           "(when present) into a demo knowledge base, then serve it.")] = False,
        max_body: Annotated[float, typer.Option("--max-body", metavar="MB", min=0.001, max=1000.0,
                                                help="Largest request body, in MB.")] = 10.0,
    ) -> None:
        """Serve the REST API (/api/v1, docs at /docs) and the dashboard over a knowledge base."""
        from doingoai.serve.settings import INGEST_TOKEN_ENV, ServeSettings

        token = os.environ.get(INGEST_TOKEN_ENV) or None
        if allow_ingest and not token:
            raise UsageError(f"--allow-ingest needs a bearer token in the environment variable {INGEST_TOKEN_ENV}")
        if demo:
            from doingoai.serve.demo import build_demo, default_demo_db, demo_inputs

            db = db or default_demo_db()
            _err(f"building the demo knowledge base at {db} from {', '.join(demo_inputs()) or 'nothing'}")
            _err(build_demo(db).line())
        import uvicorn

        from doingoai.serve.app import create_app

        settings = ServeSettings(db=db, allow_ingest=allow_ingest, ingest_token=token,
                                 max_body=int(max_body * 1_000_000))
        application = create_app(settings)  # no knowledge base: the CLI's one-line error, before listening
        if not _loopback(host):
            _err(f"listening on {host}: the server is reachable from the network"
                 + (" and accepts ingests with the token" if allow_ingest else " (read-only)"))
        shown = f"[{host}]" if ":" in host else host
        _err(f"serving http://{shown}:{port}/ (API /api/v1, docs /docs){' with ingest' if allow_ingest else ''}; "
             "Ctrl-C stops")
        uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False,
                    proxy_headers=False)
