"""The ``doingoai`` command: a thin layer that parses arguments, calls the library, reports errors.

Every error reaches the user as one line naming the input and the reason; no traceback leaves here.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import stat
import sys
from collections.abc import Iterator, MutableMapping
from contextlib import ExitStack, suppress
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import orjson
import typer
from typer.core import TyperCommand

from doingoai import __version__
from doingoai.cli_batch import PageProgress, SchedulerOption, WorkersOption, megabytes
from doingoai.cli_help import Command, Group
from doingoai.config import DEFAULT_PAGE_TIMEOUT, PipelineConfig
from doingoai.errors import DoingoaiError, UsageError, WriteError
from doingoai.export.files import atomic_file, output_target

# The knowledge-base commands (``cli_kb``) and what `doingoai --help` says of each. They are loaded, with
# SQLAlchemy, only to run one of them or show its own help: `doingoai --help` and `doingoai extract` never
# import the database layer (a test holds this list to the commands' own first paragraphs).
KB_COMMANDS = {
    "ingest": "Store pages in the knowledge base: extracted, resolved across articles, searchable.",
    "events": "Events of the knowledge base, newest first, with their sources.",
    "country": "A partner: relationship level and history, contacts by year and rank, figures and targets.",
    "person": "A person: the titles the press gave them over time, and their events (or a correction of who is "
              "who).",
    "stats": "Foreign-affairs yardsticks per period: visits abroad and received, top-level contacts,\nphone calls, "
             "agreements, upgrades (with partners and pillars).",
    "search": "Search the stored documents (title and text).",
    "export": "Write a table of the knowledge base to a file (replaced whole, or left as it was on failure).",
    "db": "Where the knowledge base is, its schema version, and what it holds.",
    "serve": "Serve the REST API (/api/v1, docs at /docs) and the dashboard over a knowledge base.",
    "brief": "A dated brief on a partner or a period, every line citing its source and quoting its sentence.",
    "watch": "Follow news feeds and sitemaps: fetch the articles not seen before and ingest them.",
}


def _database_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLAlchemy's (looked up only once SQLAlchemy is loaded: a command that never
    touched a database cannot have raised one, and need not import it)."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.SQLAlchemyError)


def kb_commands() -> dict[str, Any]:
    """The knowledge-base commands, as click commands (imports ``cli_kb``)."""
    from doingoai.cli_brief import register as register_brief
    from doingoai.cli_kb import register
    from doingoai.cli_serve import register as register_serve
    from doingoai.cli_watch import register as register_watch

    kb = typer.Typer(cls=Group)
    register(kb)
    register_serve(kb)  # fastapi itself only when `serve` runs
    register_brief(kb)
    register_watch(kb)
    for info in kb.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = Command
    group = typer.main.get_command(kb)
    return dict(group.commands)  # type: ignore[attr-defined]


class _Commands(MutableMapping[str, Any]):
    """The root group's commands: the knowledge-base ones are names until a command is looked up (to run it,
    or by a program that walks the commands), when ``cli_kb`` is loaded. Listing the names loads nothing."""

    def __init__(self, loaded: dict[str, Any]) -> None:
        self.loaded = dict(loaded)
        self.pending = [name for name in KB_COMMANDS if name not in self.loaded]

    def load(self) -> None:
        if self.pending:
            self.pending = []
            for name, command in kb_commands().items():
                self.loaded.setdefault(name, command)

    def summary(self, name: str) -> Any:
        """The command, or a stand-in that only shows its summary when it is not loaded yet."""
        if name in self.pending:
            return TyperCommand(name, help=KB_COMMANDS[name])
        return self.loaded.get(name)

    def __getitem__(self, name: str) -> Any:
        if name in self.pending:
            self.load()
        return self.loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if name in self.pending:
            self.pending.remove(name)
        else:
            del self.loaded[name]

    def __contains__(self, name: object) -> bool:
        return name in self.loaded or name in self.pending

    def __iter__(self) -> Iterator[str]:
        yield from self.loaded
        yield from (n for n in self.pending if n not in self.loaded)

    def __len__(self) -> int:
        return len(self.loaded) + len([n for n in self.pending if n not in self.loaded])


class _App(Group):
    """The root group: a user's mistake or a database failure becomes one line and an exit status here,
    so that the app run in-process (tests, other programs) behaves as the installed command does.

    The knowledge-base commands are listed by name and summary, and loaded when one of them is run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = _Commands(dict(self.commands))
        self.commands = self.lazy  # click reads it as a mapping

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.lazy)  # the names, in the order of registration, loading nothing

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        # a help page lists the commands: their summaries are enough
        return self.lazy.summary(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] in self.lazy.pending:
            self.lazy.load()
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DoingoaiError as exc:
            _err(exc.message)
            raise typer.Exit(exc.exit_status) from exc
        except BrokenPipeError:
            # the reader went away (`doingoai extract ... | head -1`): what it wanted was written; end quietly,
            # with stdout pointed at nothing so that the interpreter's last flush cannot fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as exc:
            if exc.errno not in _WRITE_REFUSED:
                raise
            # standard output on a full disk (`> /dev/full`), a quota, a read-only file system
            _err(f"{exc.filename or 'standard output'}: cannot write: {exc.strerror or exc}")
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(WriteError.exit_status) from None
        except Exception as exc:
            if not _database_error(exc):
                raise
            _err(f"database error: {str(exc).splitlines()[0]}")
            raise typer.Exit(1) from exc


# What the system answers when it will not take what we write: the environment's fault, not ours.
_WRITE_REFUSED = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO})


app = typer.Typer(
    name="doingoai",
    help="Read Vietnamese foreign-affairs news and turn it into structured records (doingoai/1).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=_App,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Show a progress bar only for batches larger than this, and only when stderr is a terminal.
PROGRESS_MIN_INPUTS = 3


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _own_output(output: Path | None) -> set[tuple[int, int]]:
    """The files this run writes its records to: standard output when it is a file, and ``--output``."""
    stats: list[os.stat_result] = []
    with suppress(OSError, ValueError, io.UnsupportedOperation):
        stats.append(os.fstat(sys.stdout.fileno()))
    if output is not None:
        with suppress(OSError):
            stats.append(output.stat())
    return {(st.st_dev, st.st_ino) for st in stats if stat.S_ISREG(st.st_mode)}


def _without_own_output(paths: list[str], config: PipelineConfig, output: Path | None) -> list[str]:
    """``paths`` with a folder that holds this run's own output file replaced by its other files: ``doingoai extract
    pages/ > pages/out.jsonl`` must not read back the file the shell has just created for the records."""
    own = _own_output(output)
    if not own:
        return paths
    from doingoai.read.sources import expand

    out: list[str] = []
    for arg in paths:
        if arg != "-" and Path(arg).is_dir():
            inputs, _ = expand([arg], config)
            files = [(i.name, i.path) for i in inputs if i.path is not None]
            kept = [name for name, path in files if _identity(path) not in own]
            if len(kept) < len(files):
                _err(f"note: {arg}: leaving out {len(files) - len(kept)} file(s) this run writes its records to")
                out.extend(kept)
                continue
        out.append(arg)
    return out


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _err(message: str) -> None:
    sys.stderr.write(f"doingoai: {message}\n")
    sys.stderr.flush()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"doingoai {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Read Vietnamese foreign-affairs news and turn it into structured records (doingoai/1).

    Run `doingoai COMMAND --help` for the options of a command.
    """


def _dump(record: dict[str, Any] | bytes) -> bytes:
    return record if isinstance(record, bytes) else orjson.dumps(record)


def _table(records: list[dict[str, Any]], out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

    from doingoai.cli_text import PageConsole
    from doingoai.cli_text import console as fitted_console

    table = Table(title="doingoai extract", show_lines=False, box=box.SIMPLE_HEAD)
    table.add_column("source", overflow="ellipsis", no_wrap=True, max_width=28)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=44)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, min_width=12)
    for column in ("chars", "events", "relations", "figures"):
        table.add_column(column, justify="right", no_wrap=True, min_width=len(column) + 1)
    for r in records:
        a = r["article"]
        table.add_row(Path(r["source"]).name, a["title"] or "—", a["published"] or "—", a["outlet"] or "—",
                      str(len(a["text"])), str(len(r["events"])), str(len(r["relations"])), str(len(r["figures"])))
    fitted = fitted_console()  # the terminal's width, or COLUMNS, or a wide page for a file or a pipe
    PageConsole(file=out, width=fitted.width).print(table)


def _day(value: str | None) -> dt.date | None:
    """A --today value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--today {value!r}: not a date; write it as YYYY-MM-DD") from exc


@app.command(
    epilog="""Examples:

  doingoai extract examples/*.txt --format table

  doingoai extract ../shared/corpus/seeds/ --format jsonl --output seeds.jsonl

  doingoai extract pages.jsonl --format json > pages.json

  cat page.html | doingoai extract -

Inputs: plain-text pages, HTML files, JSON Lines records {"source"?, "url"?, "html"|"text", "published"?},
directories (walked for .txt, .html, .jsonl), globs, and - for standard input. Text may be UTF-8,
UTF-16, Windows-1258, VNI or TCVN3; it is normalized (NFC, "hòa" tone placement) before anything else.

Exit status: 0 when at least one page was processed, 2 when none was (each failure is reported on
stderr as "doingoai: INPUT: reason")."""
)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.",
                                               metavar="PATH", show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format: jsonl (one "
                             "record per line), json (one array) or table (a summary for people).")] =
    OutputFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write here instead of "
                                                "stdout.", dir_okay=False, writable=True)] = None,
    max_size: Annotated[float, typer.Option("--max-size", metavar="MB", callback=megabytes, help="Refuse pages "
                                            "larger than this many megabytes (each record of a JSON Lines "
                                            "file is a page).")] = 10.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    related: Annotated[bool, typer.Option("--related", help="Also extract the acts the teasers around each story "
                                          "report (marked section: related).")] = False,
    today: Annotated[str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="The day to read undated "
                                              "stories against: officeholders still in office are so until then, "
                                              "and no story is told after it. Default: the day the language data "
                                              "were reviewed (never the machine's clock).")] = None,
    page_timeout: Annotated[float, typer.Option("--page-timeout", metavar="SECONDS", min=0.0, help="Give up a page "
                                                "that takes longer than this many seconds, report it and go on "
                                                "with the batch; 0: no limit.")] = DEFAULT_PAGE_TIMEOUT,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
) -> None:
    """Extract the doingoai/1 record (article, events, relations, figures) of each page."""
    try:
        config = PipelineConfig(max_bytes=int(max_size * 1_000_000), related=related, today=_day(today),
                                page_timeout=page_timeout or None)
    except DoingoaiError as exc:
        _err(exc.message)
        raise typer.Exit(2) from exc
    from doingoai.model import Failure
    from doingoai.pipeline import extract_paths

    paths = _without_own_output(paths, config, output)
    inputs, failures, results = extract_paths(paths, config, workers, scheduler,
                                               encoded=output_format is not OutputFormat.table)
    for f in failures:
        _err(str(f))
    done = failed = 0
    table_rows: list[dict[str, Any]] = []
    with ExitStack() as stack:
        # a file is written whole or not at all (a full disk leaves the previous one as it was)
        out: IO[bytes] = stack.enter_context(atomic_file(output_target(output))) if output else sys.stdout.buffer
        progress = None
        if not quiet and (len(inputs) > PROGRESS_MIN_INPUTS or workers > 1) and sys.stderr.isatty():
            progress = stack.enter_context(PageProgress("extract", len(inputs)))
        first = True
        last_input = None
        if output_format is OutputFormat.json:
            out.write(b"[\n")
        for item, result in results:
            if progress is not None:
                if item is not last_input and last_input is not None:
                    progress.input_done()
                progress.page(Path(item.name).name)
                last_input = item
            if isinstance(result, Failure):
                failed += 1
                _err(str(result))
                continue
            done += 1
            if output_format is OutputFormat.jsonl:
                out.write(_dump(result) + b"\n")
            elif output_format is OutputFormat.json:
                out.write((b"" if first else b",\n") + _dump(result))
            elif isinstance(result, dict):  # not encoded for a table
                table_rows.append(result)
            first = False
        if output_format is OutputFormat.json:
            out.write(b"\n]\n")
        if output_format is OutputFormat.table and output:
            text_out = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
            _table(table_rows, text_out)
            text_out.detach()  # the file is closed (and renamed into place) by its own context
        out.flush()
    if output_format is OutputFormat.table and not output:
        _table(table_rows, sys.stdout)
    failed += len(failures)
    if not quiet and (failed or output):
        _err(f"{done} page(s) extracted, {failed} input(s) failed" + (f"; wrote {output}" if output else ""))
    if done == 0:
        raise typer.Exit(2)


# every command shows its options in the user's words (cli_help), also commands added later
for _info in app.registered_commands:
    if _info.cls in (None, TyperCommand):  # typer's default, not a class a command chose
        _info.cls = Command


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except DoingoaiError as exc:
        _err(exc.message)
        sys.exit(exc.exit_status)
    except Exception as exc:
        if _database_error(exc):
            _err(f"database error: {str(exc).splitlines()[0]}")
            sys.exit(1)
        _err(f"internal error ({type(exc).__name__}: {exc}); please report it with the input that caused it")
        sys.exit(1)
