"""``doingoai brief``: a partner's dossier or a period's yardsticks, every line with its source (thin: the work
is in ``doingoai.brief``, imported when the command runs)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from doingoai.cli_kb import DbOption, _session
from doingoai.errors import UsageError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("brief", epilog="""Examples:

  doingoai brief PH --since 2024 --lang en

  doingoai brief "Trung Quốc" --format html --output cn.html

  doingoai brief --period 2025-H1 --lang en

Formats: md (Markdown) and html. PDF is not written: PyPI PDF writers (fpdf2, reportlab) set Vietnamese only
with a Unicode font file, which doingoai does not ship; print the HTML from a browser instead.""")
    def brief_cmd(
        state: Annotated[str | None, typer.Argument(metavar="STATE", help="A partner: ISO code (PH, PHL) or English "
                                                    "or Vietnamese name.", show_default=False)] = None,
        period: Annotated[str | None, typer.Option(metavar="PERIOD", help="Instead of a partner: the yardsticks of "
                                                   "a period (2025, 2025-H1, 2025-Q3, 2025-07) against the same "
                                                   "period a year before.")] = None,
        since: Annotated[str | None, typer.Option(metavar="DATE", help="With STATE: contacts, acts and figures from "
                                                  "this date on (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
        lang: Annotated[str, typer.Option(metavar="LANG", help="vi (Vietnamese, as printed) or en (English "
                                          "sentences built from the record).")] = "vi",
        fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="md or html.")] = "md",
        output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", dir_okay=False,
                                                    help="Write to this file (default: standard output).")] = None,
        db: DbOption = None,
    ) -> None:
        """A dated brief on a partner or a period, every line citing its source and quoting its sentence.

        For a partner: its relationship level and history, contacts by year and rank, the last top-level contact,
        acts planned ahead, targets and reported values, protests; or, with --period, the yardsticks of the
        ministry's reports against the same period a year before."""
        from doingoai.brief import partner_brief, period_brief, to_html, to_markdown
        from doingoai.brief.common import LANGS
        from doingoai.brief.write import FORMATS
        from doingoai.resolve.states import resolve_state
        from doingoai.store.filters import date_range

        if lang not in LANGS:
            raise UsageError(f"--lang {lang!r}: one of {', '.join(LANGS)}")
        if fmt == "pdf":
            raise UsageError("--format pdf: not offered (PyPI PDF writers set Vietnamese only with a Unicode "
                             "font file, which doingoai does not ship); "
                             "write --format html and print it from a browser")
        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt!r}: one of {', '.join(FORMATS)}")
        if (state is None) == (period is None):
            raise UsageError("give a partner (doingoai brief PH) or --period (doingoai brief --period 2025-H1), "
                             "one of the two")
        with _session(db) as session:
            if period is not None:
                if since is not None:
                    raise UsageError("--since goes with a partner, not with --period")
                found = period_brief(session, period, lang)
            else:
                code = resolve_state(str(state))
                start = date_range(since, None).since if since is not None else None
                found = partner_brief(session, code, lang, start)
        text = to_html(found) if fmt == "html" else to_markdown(found)
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
