"""The knowledge-base commands of ``doingoai``: ingest, events, country, person, stats, search, export, db.

Thin: each command parses its options, calls a library function (``doingoai.store``, ``doingoai.export``)
and prints the result as a table for people or as JSON/CSV for programs.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import asdict, is_dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.analyse.gazetteer import gazetteer
from doingoai.config import PipelineConfig
from doingoai.errors import UsageError
from doingoai.export.tables import FORMATS, TABLES, export
from doingoai.read.sources import expand
from doingoai.store import schema as s
from doingoai.store.engine import DEFAULT_DB_ENV, make_engine, migrate, resolve_url
from doingoai.store.ingest import extractor_version, ingest, reprocess
from doingoai.store.queries import (
    METRICS,
    EventFilter,
    EventRow,
    country_profile,
    find_events,
    person_profile,
    search_documents,
    stats,
)

__all__ = ["register"]

DbOption = Annotated[str | None, typer.Option("--db", envvar=DEFAULT_DB_ENV, help="Database: a SQLite file "
                     "path or postgresql://… (default: a file in your user data directory).")]


class Out(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[Out, typer.Option("--format", "-f", help="table (for people), json or csv.")]


def _err(message: str) -> None:
    sys.stderr.write(f"doingoai: {message}\n")


def _console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=160)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _emit(data: Any, fmt: Out, table: Table | None = None) -> None:
    if fmt is Out.json:
        sys.stdout.buffer.write(orjson.dumps(_plain(data), option=orjson.OPT_INDENT_2) + b"\n")
    elif fmt is Out.csv:
        rows = _plain(data) if isinstance(data, list) else [_plain(data)]
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
            writer.writeheader()
            for r in rows:
                writer.writerow({k: (orjson.dumps(v).decode() if isinstance(v, list | dict) else v)
                                 for k, v in r.items()})
        sys.stdout.write(buf.getvalue())
    elif table is not None:
        _console().print(table)


def _session(db: str | None) -> Session:
    engine = make_engine(db)
    migrate(engine)
    return Session(engine)


def _who(e: EventRow) -> str:
    return "; ".join(f"{p['name']} ({p['country'] or '?'})" for p in e.participants)


def _events_table(events: list[EventRow], title: str) -> Table:
    t = Table(title=title, box=box.SIMPLE_HEAD)
    for col in ("date", "type", "states", "who", "status", "sources"):
        t.add_column(col, overflow="fold")
    for e in events:
        t.add_row(e.when + (f"…{e.date_end}" if e.date_end else ""), e.type,
                  ", ".join(e.countries + e.bodies), _who(e), e.status, str(e.n_sources))
    return t


def register(app: typer.Typer) -> None:
    @app.command("ingest", epilog="""Examples:

  doingoai ingest ../shared/corpus/seeds/ --db kb.sqlite

  doingoai ingest pages.jsonl --db postgresql://postgres@127.0.0.1:5432/doingoai

  doingoai ingest --reprocess --db kb.sqlite""")
    def ingest_cmd(
        paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, globs, or - for stdin.",
                                                          show_default=False)] = None,
        db: DbOption = None,
        batch: Annotated[int, typer.Option(min=1, help="Pages committed together.")] = 50,
        again: Annotated[bool, typer.Option("--reprocess", help="Re-extract stored documents whose "
                                            "extractor version is not the current one.")] = False,
        every: Annotated[bool, typer.Option("--all", help="With --reprocess: re-extract every document.")] = False,
        max_size: Annotated[float, typer.Option("--max-size", min=0.001, help="Largest page, in MB.")] = 10.0,
        related: Annotated[bool, typer.Option("--related", help="Also store the acts the teasers around each "
                                              "story report (as doingoai extract --related).")] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    ) -> None:
        """Store pages in the knowledge base: extracted, resolved across articles, searchable.

        Idempotent (a page already stored is skipped) and safe to interrupt: pages are committed in
        batches, and running the command again stores the rest."""
        if not paths and not again:
            raise UsageError("give pages to ingest, or --reprocess")
        config = PipelineConfig(max_bytes=int(max_size * 1_000_000), related=related)
        if paths:
            inputs, _ = expand(paths, config)
            if not quiet and len(inputs) > 3 and sys.stderr.isatty():
                with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                              console=Console(stderr=True), transient=True) as bar:
                    task = bar.add_task("ingest", total=len(inputs))
                    summary = ingest(paths, db, config, batch, on_input=lambda _: bar.advance(task))
            else:
                summary = ingest(paths, db, config, batch)
            for f in summary.failed:
                _err(str(f))
            _err(summary.line())
        if again:
            _err(reprocess(db, batch, every, config).line())

    @app.command("events", epilog="""Examples:

  doingoai events --country PH --since 2024

  doingoai events --person "Tô Lâm" --type talks --format json

  doingoai events --body ASEAN --since 2025-01 --until 2025-06""")
    def events_cmd(
        country: Annotated[str | None, typer.Option(help="ISO code of a state taking part (PH, US...).")] = None,
        body: Annotated[str | None, typer.Option(help="A multilateral body (ASEAN, UN, APEC...).")] = None,
        person: Annotated[str | None, typer.Option(help="A participant's name (diacritics optional).")] = None,
        type_: Annotated[str | None, typer.Option("--type", help="Event type (visit, talks, reception...).")] = None,
        status: Annotated[str | None, typer.Option(help="occurred or planned.")] = None,
        since: Annotated[str | None, typer.Option(help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Up to this date, inclusive.")] = None,
        text: Annotated[str | None, typer.Option(help="Words in the evidence or the article.")] = None,
        limit: Annotated[int, typer.Option(min=1, help="At most this many events.")] = 100,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        """Events of the knowledge base, newest first, with their sources."""
        with _session(db) as session:
            found = find_events(session, EventFilter(country, body, person, type_, status, since, until, text,
                                                     limit))
        _emit(found, fmt, _events_table(found, f"{len(found)} event(s)"))

    @app.command("country", epilog="Example:\n\n  doingoai country PH\n\n  doingoai country \"Hàn Quốc\" --format json")
    def country_cmd(
        state: Annotated[str, typer.Argument(help="ISO code (PH) or Vietnamese name (Philippines, Mỹ).")],
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        """A partner: relationship level and history, contacts by year and rank, figures and targets."""
        code = _state_code(state)
        with _session(db) as session:
            profile = country_profile(session, code)
        if fmt is not Out.table:
            _emit(profile, fmt)
            return
        console = _console()
        level = profile.current_level.replace("_", " ") if profile.current_level else "—"
        console.print(f"[bold]{profile.name or code}[/bold] ({code}): {level}"
                      + (f", since {profile.current_since}" if profile.current_since else ""))
        t = Table(title="relations", box=box.SIMPLE_HEAD)
        for col in ("with", "level", "since", "mentioned", "evidence"):
            t.add_column(col, overflow="fold")
        for r in profile.relations:
            t.add_row(r["partner"], r["level"], str(r["since"] or "—"),
                      f"{r['first_mention'] or '?'}…{r['last_mention'] or '?'} ({r['sources']})", r["evidence"] or "")
        console.print(t)
        t = Table(title="contacts by year", box=box.SIMPLE_HEAD)
        t.add_column("year")
        t.add_column("contacts", overflow="fold")
        for year, counts in profile.contacts_by_year.items():
            t.add_row(year, ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        console.print(t)
        console.print("by rank of the Vietnamese side: " + ", ".join(
            f"{k} {v}" for k, v in sorted(profile.contacts_by_rank.items())))
        if profile.last_top_level:
            e = profile.last_top_level
            console.print(f"last top-level contact: {e.when} {e.type} — {_who(e)}\n  “{e.evidence}”")
        t = Table(title="figures and targets", box=box.SIMPLE_HEAD)
        for col in ("kind", "value", "published", "sources", "evidence"):
            t.add_column(col, overflow="fold")
        for f in profile.figures:
            t.add_row(f["kind"], f"{f['value']:,.0f} {f['unit'] or ''}".strip(), f["published"] or "?",
                      str(f["n_sources"]), f["evidence"])
        console.print(t)

    @app.command("person", epilog="""Examples:

  doingoai person "Tô Lâm"

  doingoai person "to lam" -f json

  doingoai person --merge "Thongloun Sisoulith" "Thounglun Sisolith"

  doingoai person --aliases aliases.tsv   (lines: alias<TAB>canonical; see docs)""")
    def person_cmd(
        name: Annotated[str | None, typer.Argument(help="A name or part of it (diacritics optional).",
                                                   show_default=False)] = None,
        merge: Annotated[tuple[str, str] | None, typer.Option(
            "--merge", metavar="KEEP OTHER", help="Correct the knowledge base: OTHER is the same person as KEEP "
            "(merged now; every spelling of OTHER stays an alias of KEEP, through --reprocess and later "
            "ingests).")] = None,
        aliases: Annotated[Path | None, typer.Option(
            "--aliases", metavar="FILE", dir_okay=False, help="Apply an alias file: UTF-8, one correction a line, "
            "'alias<TAB>canonical', '#' comments. Stored in the knowledge base like --merge.")] = None,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        """A person: the titles the press gave them over time, and their events (or a correction of who is who)."""
        if merge or aliases:
            if name:
                raise UsageError("give a name to look up, or --merge/--aliases to correct, not both")
            from doingoai.store.corrections import apply_aliases, merge_people, read_alias_file

            corrections = read_alias_file(aliases) if aliases else []
            with _session(db) as session:
                if merge:
                    kept = merge_people(session, *merge)
                    report = [f"merged {merge[1]!r} into {kept.name!r}"]
                else:
                    report = apply_aliases(session, corrections)
                session.commit()
            for line in report:
                typer.echo(line)
            return
        if not name:
            raise UsageError("give a name (or --merge KEEP OTHER, or --aliases FILE)")
        with _session(db) as session:
            found = person_profile(session, name)
        if not found:
            raise UsageError(f"nobody called {name!r} in the knowledge base")
        if fmt is not Out.table:
            _emit(found, fmt)
            return
        console = _console()
        for p in found:
            console.print(f"[bold]{p.name}[/bold] ({p.country or '?'}); also written: {', '.join(p.names)}")
            for t in p.titles:
                console.print(f"  {t['title']}: {t['first_seen'] or '?'} … {t['last_seen'] or '?'} "
                              f"({t['mentions']} mention(s))")
            console.print(_events_table(p.events, f"{len(p.events)} event(s)"))

    @app.command("stats", epilog="""Examples:

  doingoai stats --by year

  doingoai stats --by quarter --compare 2024-Q3 --partners""")
    def stats_cmd(
        by: Annotated[str, typer.Option(help="month, quarter or year.")] = "year",
        compare: Annotated[str | None, typer.Option(help="Show this period beside the latest one "
                                                        "(2024, 2024-Q3, 2024-07).")] = None,
        partners: Annotated[bool, typer.Option("--partners", help="Also list the partners and the pillars (party, "
                                               "state, government, parliament...) behind each figure.")] = False,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        """Foreign-affairs yardsticks per period: visits abroad and received, top-level contacts,
        phone calls, agreements, upgrades (with partners and pillars)."""
        if by not in ("month", "quarter", "year"):
            raise UsageError(f"--by must be month, quarter or year, not {by!r}")
        with _session(db) as session:
            found = stats(session, by, compare)
        if fmt is not Out.table:
            _emit([{"period": r.period, **r.values, "partners": {k: dict(v) for k, v in r.partners.items()},
                    "pillars": {k: dict(v) for k, v in r.pillars.items()}} for r in found], fmt)
            return
        t = Table(title=f"by {by}", box=box.SIMPLE_HEAD)
        t.add_column("period")
        for m in METRICS:
            t.add_column(m.replace("_", " "), justify="right")
        for r in found:
            t.add_row(r.period, *(str(r.values[m]) for m in METRICS))
        _console().print(t)
        if partners:
            for r in found:
                for m, counts in r.partners.items():
                    pillars: dict[str, int] = dict(r.pillars.get(m, {}))
                    _console().print(f"{r.period} {m}: " + ", ".join(f"{c} {n}" for c, n in counts.most_common())
                                     + " | pillars: " + ", ".join(f"{p} {n}" for p, n in sorted(pillars.items())))

    @app.command("search", epilog="Examples:\n\n  doingoai search \"kim ngạch\"\n\n  doingoai search \"kim ngach\" -i")
    def search_cmd(
        query: Annotated[str, typer.Argument(help="Words to find in stored documents.")],
        ignore_diacritics: Annotated[bool, typer.Option("--ignore-diacritics", "-i",
                                                        help="Match with or without tone marks.")] = False,
        limit: Annotated[int, typer.Option(min=1)] = 20,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        """Full-text search over the stored documents."""
        with _session(db) as session:
            hits = search_documents(session, query, ignore_diacritics, limit)
        t = Table(title=f"{len(hits)} document(s)", box=box.SIMPLE_HEAD)
        for col in ("published", "title", "source", "snippet"):
            t.add_column(col, overflow="fold")
        for h in hits:
            t.add_row(h.published or "?", h.title or "", h.source, h.snippet)
        _emit(hits, fmt, t)

    @app.command("export", epilog="""Examples:

  doingoai export events --format csv --output events.csv

  doingoai export plover --format parquet --output events.parquet""")
    def export_cmd(
        table: Annotated[str, typer.Argument(help=f"One of: {', '.join(TABLES)} (plover: a CAMEO/PLOVER "
                                                  "event table, see docs/plover.md).")],
        output: Annotated[Path, typer.Option("--output", "-o", help="File to write.", dir_okay=False)],
        fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "csv",
        db: DbOption = None,
    ) -> None:
        """Write a table of the knowledge base to a file."""
        with _session(db) as session:
            n = export(session, table, fmt, output)
        _err(f"wrote {n} row(s) to {output}")

    @app.command("db", epilog="Example:\n\n  doingoai db --db kb.sqlite")
    def db_cmd(db: DbOption = None) -> None:
        """Where the knowledge base is, its schema version, and what it holds."""
        engine = make_engine(db)
        migrate(engine)
        typer.echo(f"database: {resolve_url(db)}")
        typer.echo(f"extractor version: {extractor_version()}")
        with Session(engine) as session:
            for model in (s.Document, s.Event, s.EventSource, s.Person, s.Relation, s.Figure):
                n = session.scalar(select(func.count()).select_from(model))
                typer.echo(f"{model.__tablename__}: {n}")


def _state_code(state: str) -> str:
    if len(state) == 2 and state.isalpha():
        return state.upper()
    for entry in gazetteer().lookup(state):
        if entry.kind == "state":
            return entry.value
    raise UsageError(f"unknown state {state!r}: give its ISO code (PH) or its Vietnamese name")
