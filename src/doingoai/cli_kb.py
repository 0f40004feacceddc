"""The knowledge-base commands of ``doingoai``: ingest, events, country, person, stats, search, export, db.

Thin: each command parses its options, calls a library function (``doingoai.store``, ``doingoai.export``)
and prints the result as a table for people or as JSON/CSV for programs.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich import box
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from doingoai.cli_batch import PageProgress, SchedulerOption, WorkersOption, megabytes
from doingoai.cli_text import clause, figure_anchor, level_anchor, plain
from doingoai.cli_text import console as _console
from doingoai.config import PipelineConfig
from doingoai.errors import UsageError
from doingoai.export.files import EXTENSIONS, FORMATS, STDOUT, choose_format
from doingoai.export.tables import TABLES, export
from doingoai.extract.cues import EVENT_TYPES
from doingoai.read.sources import expand
from doingoai.resolve.states import resolve_state, state_names
from doingoai.store import schema as s
from doingoai.store.engine import DEFAULT_DB_ENV, describe_url, make_engine, migrate, open_knowledge_base
from doingoai.store.filters import (
    PERIODS,
    STATUSES,
    body_keys,
    resolve_period,
)
from doingoai.store.ingest import extractor_version, ingest, reprocess
from doingoai.store.queries import (
    METRICS,
    EventRow,
    checked_filter,
    country_profile,
    ensure_person,
    find_events,
    person_profile,
    relation_levels,
    search_documents,
    stats,
)
from doingoai.store.search_syntax import SYNTAX_HELP, QueryError, parse, render

__all__ = ["register"]

DbOption = Annotated[str | None, typer.Option("--db", envvar=DEFAULT_DB_ENV, metavar="PATH|URL", help="Database: "
                     "a SQLite file path or postgresql://… (default: a file in your user data directory).")]

# The most rows a query may ask for: far more than any knowledge base holds, and within what SQLite and
# PostgreSQL take as a LIMIT (a larger number is a typo, refused with the range).
MAX_LIMIT = 1_000_000_000


class Out(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[Out, typer.Option("--format", "-f", help="table (for people), json, jsonl (one "
                                           "record per line) or csv.")]


class Lang(StrEnum):
    vi = "vi"
    en = "en"


LangOption = Annotated[Lang, typer.Option("--lang", help="vi: the record as extracted; en: also one English "
                                          "sentence per event (the table shows it; json, jsonl and csv add an "
                                          "\"en\" field).")]


def _err(message: str) -> None:
    sys.stderr.write(f"doingoai: {message}\n")


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
    elif fmt is Out.jsonl:
        for item in (data if isinstance(data, list) else [data]):
            sys.stdout.buffer.write(orjson.dumps(_plain(item)) + b"\n")
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


@contextmanager
def _session(db: str | None, create: bool = False) -> Iterator[Session]:
    """A session on an existing knowledge base (the query commands never create one; ``create``: the
    commands that write, which may); its connections are closed at the end, also when the commands run
    in-process one after another."""
    if create:
        engine = make_engine(db)
        migrate(engine)
    else:
        engine = open_knowledge_base(db)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def _documents(db: str | None) -> int:
    """How many pages the knowledge base at ``db`` holds (0 when there is none yet)."""
    try:
        with _session(db) as session:
            return session.scalar(select(func.count()).select_from(s.Document)) or 0
    except UsageError:
        return 0


def _who(e: EventRow) -> str:
    return "; ".join(f"{p['name']} ({p['country'] or '?'})" for p in e.participants)


def _events_table(events: list[EventRow], title: str, lang: Lang = Lang.vi, levels: Any = None) -> Table:
    t = Table(title=title, box=box.SIMPLE_HEAD)
    if lang is Lang.en:
        from doingoai.render.rows import event_row_sentence

        for col in ("date", "type", "event", "sources"):
            t.add_column(col, overflow="fold")
        for e in events:
            t.add_row(e.when + (f"…{e.date_end}" if e.date_end else ""), e.type, event_row_sentence(e, levels),
                      str(e.n_sources))
        return t
    for col in ("date", "type", "states", "who", "status", "sources"):
        t.add_column(col, overflow="fold")
    for e in events:
        t.add_row(e.when + (f"…{e.date_end}" if e.date_end else ""), e.type,
                  ", ".join(e.countries + e.bodies), _who(e), e.status, str(e.n_sources))
    return t


def _with_english(events: list[EventRow], lang: Lang, levels: Any = None) -> list[Any]:
    """The rows as JSON/CSV give them: with ``--lang en``, each with its English sentence."""
    if lang is not Lang.en:
        return list(events)
    from doingoai.render.rows import event_row_sentence

    return [{**_plain(e), "en": event_row_sentence(e, levels)} for e in events]


def register(app: typer.Typer) -> None:
    @app.command("ingest", epilog="""Examples:

  doingoai ingest ../shared/corpus/seeds/ --db kb.sqlite

  doingoai ingest pages.jsonl --db postgresql://postgres@127.0.0.1:5432/doingoai

  doingoai ingest --reprocess --db kb.sqlite

Exit status: 0 when pages were stored (or were stored already), 2 when nothing could be ingested,
130 when interrupted (Ctrl-C): the pages stored so far stay, and the same command stores the rest.""")
    def ingest_cmd(
        paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, globs, or - for stdin.",
                                                          metavar="PATH", show_default=False)] = None,
        db: DbOption = None,
        batch: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, metavar="N",
                                           help="Pages committed together.")] = 50,
        again: Annotated[bool, typer.Option("--reprocess", help="Re-extract stored documents whose "
                                            "extractor version is not the current one.")] = False,
        every: Annotated[bool, typer.Option("--all", help="With --reprocess: re-extract every document.")] = False,
        max_size: Annotated[float, typer.Option("--max-size", metavar="MB", callback=megabytes,
                                                help="Largest page, in MB (each record of a JSON Lines file "
                                                     "is a page).")] = 10.0,
        related: Annotated[bool, typer.Option("--related", help="Also store the acts the teasers around each "
                                              "story report (as doingoai extract --related).")] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
        workers: WorkersOption = 1,
        scheduler: SchedulerOption = None,
    ) -> None:
        """Store pages in the knowledge base: extracted, resolved across articles, searchable.

        Idempotent (a page already stored is skipped) and safe to interrupt: pages are committed in
        batches, and running the command again stores the rest."""
        if not paths and not again:
            raise UsageError("give pages to ingest, or --reprocess")
        config = PipelineConfig(max_bytes=int(max_size * 1_000_000), related=related)
        if paths:
            before = _documents(db)
            try:
                inputs, _ = expand(paths, config)
                if not quiet and (len(inputs) > 3 or workers > 1) and sys.stderr.isatty():
                    with PageProgress("ingest", len(inputs)) as bar:
                        summary = ingest(paths, db, config, batch, workers=workers, scheduler=scheduler,
                                         on_input=lambda _: bar.input_done(),
                                         on_page=lambda item: bar.page(Path(item.name).name))
                else:
                    summary = ingest(paths, db, config, batch, workers=workers, scheduler=scheduler)
            except KeyboardInterrupt:
                # the batch in progress is rolled back; every committed batch stays
                after = _documents(db)
                _err(f"interrupted: {after - before} page(s) stored by this run ({after} in the knowledge base); "
                     "run the same command again to store the rest")
                raise typer.Exit(130) from None
            for f in summary.failed:
                _err(str(f))
            _err(summary.line())
            if summary.new + summary.skipped == 0:
                _err("nothing was ingested" + (": every input failed" if summary.failed else ": no pages found"))
                raise typer.Exit(2)
        if again:
            if not paths:
                open_knowledge_base(db).dispose()  # --reprocess alone on no knowledge base: say so, create nothing
            _err(reprocess(db, batch, every, config).line())

    @app.command("events", epilog="""Examples:

  doingoai events --country PH --since 2024

  doingoai events --person "Tô Lâm" --type talks --format json

  doingoai events --body ASEAN --since 2025-01 --until 2025-06

  doingoai events --country Mỹ --type "courtesy call" --format jsonl

Multilateral bodies (--body: a key, an acronym or a name): """ + ", ".join(body_keys()) + ".")
    def events_cmd(
        country: Annotated[str | None, typer.Option(metavar="STATE", help="A state taking part: ISO code (PH, PHL) "
                                                    "or English or Vietnamese name (Philippines, Mỹ).")] = None,
        body: Annotated[str | None, typer.Option(metavar="BODY", help="A multilateral body: key, acronym or name "
                                                 "(ASEAN, UN, Liên hợp quốc...; all keys below).")] = None,
        person: Annotated[str | None, typer.Option(metavar="NAME", help="A participant's name (diacritics "
                                                   "optional).")] = None,
        type_: Annotated[str | None, typer.Option("--type", metavar="TYPE", help="Event type, one of: "
                                                  + ", ".join(EVENT_TYPES) + " (any case; \"courtesy call\" is "
                                                  "courtesy_call).")] = None,
        status: Annotated[str | None, typer.Option(metavar="STATUS", help="One of: "
                                                   + ", ".join(STATUSES) + ".")] = None,
        since: Annotated[str | None, typer.Option(metavar="DATE", help="Events still going on at or after this "
                                                  "date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(metavar="DATE", help="Events begun by this date, inclusive "
                                                  "(a multi-day event overlapping the range is in it).")] = None,
        text: Annotated[str | None, typer.Option(metavar="WORDS", help="Words in the evidence or the "
                                                 "article.")] = None,
        limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, metavar="N",
                                           help="At most this many events.")] = 100,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Events of the knowledge base, newest first, with their sources."""
        query = checked_filter(country, body, person, type_, status, since, until, text, limit)
        with _session(db) as session:
            ensure_person(session, query)
            found = find_events(session, query)
            levels = relation_levels(session) if lang is Lang.en else None
        _emit(_with_english(found, lang, levels), fmt, _events_table(found, f"{len(found)} event(s)", lang, levels))

    @app.command("country", epilog="Example:\n\n  doingoai country PH\n\n  doingoai country \"Hàn Quốc\" --format json"
                 "\n\n  doingoai country Úc")
    def country_cmd(
        state: Annotated[str, typer.Argument(metavar="STATE", help="ISO code (PH, PHL) or English or Vietnamese "
                                             "name (Philippines, Mỹ, Úc).", show_default=False)],
        db: DbOption = None,
        fmt: FormatOption = Out.table,
        lang: LangOption = Lang.vi,
    ) -> None:
        """A partner: relationship level and history, contacts by year and rank, figures and targets."""
        code = resolve_state(state)
        with _session(db) as session:
            profile = country_profile(session, code)
        known = state_names(code)
        name = profile.name or (known.name if known else None) or code
        if not (profile.relations or profile.contacts_by_year or profile.figures or profile.upgrades):
            # a real state the knowledge base has nothing on: say so, so that it does not read as a typo
            _err(f"the knowledge base holds nothing on {name} ({code}) yet")
        if fmt is not Out.table:
            _emit(profile, fmt)
            return
        console = _console()
        level = profile.current_level.replace("_", " ") if profile.current_level else "—"
        console.print(Text.assemble((name, "bold"), f" ({code}): {level}")
                      + (f", since {profile.current_since}" if profile.current_since else ""))
        t = Table(title="relations", box=box.SIMPLE_HEAD)
        for col in ("with", "level", "since", "mentioned", "evidence"):
            t.add_column(col, overflow="fold")
        for r in profile.relations:
            t.add_row(r["partner"], r["level"], str(r["since"] or "—"),
                      f"{r['first_mention'] or '?'}…{r['last_mention'] or '?'} ({r['sources']})",
                      clause(r["evidence"], level_anchor(r["level"])))
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
            if lang is Lang.en:
                from doingoai.render.rows import event_row_sentence

                console.print(f"last top-level contact: {event_row_sentence(e)}\n  “{clause(e.evidence)}”")
            else:
                console.print(f"last top-level contact: {e.when} {e.type} — {_who(e)}\n  “{clause(e.evidence)}”")
        t = Table(title="figures and targets", box=box.SIMPLE_HEAD)
        for col in ("kind", "value", "published", "sources", "evidence"):
            t.add_column(col, overflow="fold")
        for f in profile.figures:
            t.add_row(f["kind"], f"{f['value']:,.0f} {f['unit'] or ''}".strip(), f["published"] or "?",
                      str(f["n_sources"]), clause(f["evidence"], figure_anchor(f["evidence"], f["value"])))
        console.print(t)

    @app.command("person", epilog="""Examples:

  doingoai person "Tô Lâm"

  doingoai person "to lam" -f json

  doingoai person --merge "Thongloun Sisoulith" "Thounglun Sisolith"

  doingoai person --aliases aliases.tsv   (lines: alias<TAB>canonical; see docs)""")
    def person_cmd(
        name: Annotated[str | None, typer.Argument(metavar="NAME", help="A name or part of it (diacritics "
                                                   "optional).", show_default=False)] = None,
        merge: Annotated[tuple[str, str] | None, typer.Option(
            "--merge", metavar="KEEP OTHER", help="Correct the knowledge base: OTHER is the same person as KEEP "
            "(merged now; every spelling of OTHER stays an alias of KEEP, through --reprocess and later "
            "ingests).")] = None,
        aliases: Annotated[Path | None, typer.Option(
            "--aliases", metavar="FILE", dir_okay=False, help="Apply an alias file: UTF-8, one correction a line, "
            "'alias<TAB>canonical', '#' comments. Stored in the knowledge base like --merge.")] = None,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
        lang: LangOption = Lang.vi,
    ) -> None:
        """A person: the titles the press gave them over time, and their events (or a correction of who is who)."""
        if merge or aliases:
            if name:
                raise UsageError("give a name to look up, or --merge/--aliases to correct, not both")
            from doingoai.store.corrections import apply_aliases, merge_people, read_alias_file

            corrections = read_alias_file(aliases) if aliases else []
            # an alias file may come before the pages it corrects: it creates the knowledge base if need be
            with _session(db, create=aliases is not None) as session:
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
            _emit([{**_plain(p), "events": _plain(_with_english(p.events, lang))} for p in found], fmt)
            return
        console = _console()
        for p in found:
            heading = plain(p.name)
            heading.stylize("bold")
            heading.append(f" ({p.country or '?'}); also written: {', '.join(p.names)}")
            console.print(heading)
            for t in p.titles:
                console.print(f"  {t['title']}: {t['first_seen'] or '?'} … {t['last_seen'] or '?'} "
                              f"({t['mentions']} mention(s))")
            console.print(_events_table(p.events, f"{len(p.events)} event(s)", lang))

    @app.command("stats", epilog="""Examples:

  doingoai stats --by year

  doingoai stats --by quarter --compare 2024-Q3 --partners""")
    def stats_cmd(
        by: Annotated[str, typer.Option(metavar="PERIOD", help="One of: " + ", ".join(PERIODS) + ".")] = "year",
        compare: Annotated[str | None, typer.Option(metavar="PERIOD", help="Show this period beside the latest "
                                                    "one, and the change between them; written as the --by "
                                                    "periods are (2024, 2024-Q3, 2024-07).")] = None,
        partners: Annotated[bool, typer.Option("--partners", help="Also list the partners and the pillars (party, "
                                               "state, government, parliament...) behind each figure.")] = False,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        """Foreign-affairs yardsticks per period: visits abroad and received, top-level contacts,
        phone calls, agreements, upgrades (with partners and pillars)."""
        if by.strip().casefold() not in PERIODS:
            raise UsageError(f"--by {by!r}: one of {', '.join(PERIODS)}")
        by = by.strip().casefold()
        period = resolve_period(compare, by) if compare is not None else None
        with _session(db) as session:
            found = stats(session, by, period)
        # with --compare: the compared period, the latest one, and the change from the first to the second
        change = ({m: found[1].values[m] - found[0].values[m] for m in METRICS} if period and len(found) == 2
                  else None)
        if fmt is not Out.table:
            rows = [{"period": r.period, **r.values, "partners": {k: dict(v) for k, v in r.partners.items()},
                     "pillars": {k: dict(v) for k, v in r.pillars.items()}} for r in found]
            if change is not None:
                rows.append({"period": f"change {found[0].period}→{found[1].period}", **change,
                             "partners": {}, "pillars": {}})
            _emit(rows, fmt)
            return
        t = Table(title=f"by {by}", box=box.SIMPLE_HEAD)
        t.add_column("period")
        for m in METRICS:
            t.add_column(m.replace("_", " "), justify="right")
        for r in found:
            t.add_row(r.period, *(str(r.values[m]) for m in METRICS))
        if change is not None:
            t.add_row(f"change {found[0].period}→{found[1].period}", *(f"{change[m]:+d}" for m in METRICS))
        _console().print(t)
        if partners:
            for r in found:
                for m, counts in r.partners.items():
                    pillars: dict[str, int] = dict(r.pillars.get(m, {}))
                    _console().print(f"{r.period} {m}: " + ", ".join(f"{c} {n}" for c, n in counts.most_common())
                                     + " | pillars: " + ", ".join(f"{p} {n}" for p, n in sorted(pillars.items())))

    @app.command("search", help="Search the stored documents (title and text).\n\n" + SYNTAX_HELP,
                 epilog="""Examples:

  doingoai search '"Tô Lâm" Lào'

  doingoai search 'kim ngach' -i

  doingoai search '(Lào OR Campuchia) "hợp tác" -"quốc phòng"'

  doingoai search 'Montealegre*' --format json""")
    def search_cmd(
        query: Annotated[str, typer.Argument(metavar="QUERY", help="What to find: words, \"phrases\", prefix*, "
                                                  "OR, NOT/-, (groups).", show_default=False)],
        ignore_diacritics: Annotated[bool, typer.Option("--ignore-diacritics", "-i",
                                                        help="Match with or without tone marks.")] = False,
        limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, metavar="N",
                                           help="At most this many documents, newest first.")] = 20,
        db: DbOption = None,
        fmt: FormatOption = Out.table,
    ) -> None:
        try:
            tree = parse(query)
        except QueryError as exc:
            shown = query if len(query) <= 80 else query[:77] + "…"  # a pasted page is not echoed whole
            raise UsageError(f"cannot read the query {shown!r}: {exc}") from None
        with _session(db) as session:
            hits = search_documents(session, query, ignore_diacritics, limit)
        t = Table(title=f"{len(hits)} document(s) for {render(tree)}"
                  + (" (tone marks ignored)" if ignore_diacritics else ""), box=box.SIMPLE_HEAD)
        for col in ("published", "title", "source", "snippet"):
            t.add_column(col, overflow="fold")
        for h in hits:
            # page text goes in as Text, never as markup: "[bold]" in an article is printed as it is
            snippet = plain(h.snippet)
            for start, end in h.matches:
                snippet.stylize("bold reverse", start, end)
            t.add_row(h.published or "?", plain(h.title or ""), plain(h.source), snippet)
        _emit(hits, fmt, t)

    @app.command("export", epilog="""Examples:

  doingoai export events --output events.csv

  doingoai export plover --output events.parquet

  doingoai export relations --format jsonl --output - | jq .level""")
    def export_cmd(
        table: Annotated[str, typer.Argument(metavar="TABLE", help=f"One of: {', '.join(TABLES)} (plover: a "
                                             "CAMEO/PLOVER event table, see docs/plover.md).", show_default=False)],
        output: Annotated[str, typer.Option("--output", "-o", metavar="FILE",
                                            help="File to write, or - for standard output. "
                                            "Its extension names the format: "
                                            f"{', '.join(f'{k} ({v})' for k, v in EXTENSIONS.items())}.",
                                            show_default=False)],
        fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT",
                                                help=f"One of: {', '.join(FORMATS)}; must agree "
                                                "with the extension of --output (default: the extension's, "
                                                "csv on standard output).", show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """Write a table of the knowledge base to a file (replaced whole, or left as it was on failure)."""
        if table not in TABLES:
            raise UsageError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
        chosen = choose_format(fmt, output)
        with _session(db) as session:
            n = export(session, table, chosen, None if output == STDOUT else Path(output))
        _err(f"wrote {n} row(s) to {'standard output' if output == STDOUT else output} ({chosen})")

    @app.command("db", epilog="Example:\n\n  doingoai db --db kb.sqlite")
    def db_cmd(db: DbOption = None) -> None:
        """Where the knowledge base is, its schema version, and what it holds."""
        with _session(db) as session:
            bind = session.get_bind()
            typer.echo(f"database: {describe_url(bind if isinstance(bind, Engine) else bind.engine)}")
            typer.echo(f"extractor version: {extractor_version()}")
            for model in (s.Document, s.Event, s.EventSource, s.Person, s.Relation, s.Figure):
                n = session.scalar(select(func.count()).select_from(model))
                typer.echo(f"{model.__tablename__}: {n}")

