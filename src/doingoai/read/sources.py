"""Turn command-line arguments (files, directories, globs, ``-``) into pages to process.

Every input yields either a ``Page`` or a ``Failure`` that names it and says why: one bad file never
stops a batch.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import orjson

from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Failure, Markup, Page
from doingoai.read.decode import decode

__all__ = ["LINE_EXT", "WIDE_BOMS", "Input", "expand", "read_input", "read_inputs", "sniff_markup", "stream_records"]

_GLOB_CHARS = re.compile(r"[*?\[]")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_RECORD_EXT = {".jsonl", ".ndjson", ".json"}
LINE_EXT = {".jsonl", ".ndjson"}  # one record a line: read a line at a time
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_HTML_TAGS = re.compile(r"<(?:div|p|body|head|meta|script|article|span|a|br|li|h1|h2|table)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a file path, or ``-`` for standard input."""

    name: str
    path: Path | None = None  # None for stdin


def expand(args: Sequence[str], config: PipelineConfig = DEFAULT_CONFIG) -> tuple[list[Input], list[Failure]]:
    """Resolve arguments to inputs, in the order given; directories are walked in sorted order."""
    inputs: list[Input] = []
    failures: list[Failure] = []
    seen: set[Path] = set()

    def add(path: Path, name: str) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a loop of links: reading it fails, in its turn, with its reason
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            inputs.append(Input(name, path))

    for arg in args:
        if arg == "-":
            inputs.append(Input("-"))
            continue
        if _URL.match(arg):
            failures.append(Failure(arg, InputError.NOT_FOUND,
                                    "URLs are not fetched (doingoai works offline): save the page and pass the file"))
            continue
        path = Path(arg)
        if path.is_dir():
            found, unreadable = _walk(path, config.extensions)
            failures.extend(Failure(str(d), InputError.UNREADABLE, f"cannot read this folder: {why}")
                            for d, why in unreadable)
            if not found and not unreadable:
                failures.append(Failure(arg, InputError.NOT_FOUND,
                                        "directory holds no .txt, .html or .jsonl files"))
            for p in found:
                add(p, str(p))
        elif path.exists() or path.is_symlink():
            add(path, arg)
        elif _GLOB_CHARS.search(arg):
            files = [m for m in _glob(arg) if m.is_file()]
            if not files:
                failures.append(Failure(arg, InputError.NOT_FOUND, "no file matches this pattern"))
            for p in files:
                add(p, str(p))
        else:
            failures.append(Failure(arg, InputError.NOT_FOUND, "no such file or directory"))
    return inputs, failures


def _glob(pattern: str) -> list[Path]:
    """The paths a pattern matches, sorted, ``**`` included. Not ``glob.glob``: under ``**`` it follows
    links to folders, and a link back up (``ln -s . loop``) makes it run for ever; pathlib's ``**`` does
    not follow them. As the shell does, ``*`` and ``?`` match no hidden name (one starting with a dot)."""
    parts = Path(pattern).parts
    first = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    root = Path(*parts[:first]) if first else Path()
    rest = parts[first:]
    if not rest:
        return [root] if root.exists() else []
    hidden_asked = any(part.startswith(".") for part in rest)
    try:
        found = root.glob(str(Path(*rest)))
        return sorted(m for m in found
                      if hidden_asked or not any(p.startswith(".") for p in m.relative_to(root).parts))
    except (OSError, ValueError):  # an unreadable root, a pattern pathlib refuses ("a**b" is fine, "**/" alone not)
        return []


def _walk(folder: Path, extensions: Iterable[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of a folder and its subfolders with one of ``extensions``, in sorted order, and the
    subfolders that could not be read. Links to folders are not followed (a link back up would loop
    forever); links to files are taken, a dangling one included, so that it gets its own error line."""
    wanted = {e.lower() for e in extensions}
    found: list[Path] = []
    unreadable: list[tuple[Path, str]] = []

    def on_error(exc: OSError) -> None:
        unreadable.append((Path(exc.filename or folder), exc.strerror or str(exc)))

    for root, _dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        found += [Path(root) / f for f in files if Path(f).suffix.lower() in wanted]
    return sorted(found), sorted(unreadable)


# Characters a name or a URL never holds, which a database may refuse (PostgreSQL stores no NUL) and a
# terminal may act on: the controls of C0 and C1. Cleaned at the edge, so that the page is stored.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _field(value: object) -> str | None:
    """A record's ``source`` or ``url``: a string without control characters, or None."""
    return _CONTROLS.sub("", value).strip() or None if isinstance(value, str) else None


def sniff_markup(text: str) -> Markup:
    """HTML or plain text, from the content itself (for stdin and files without a telling extension)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head[:512]:
        return "html"
    return "html" if len(_HTML_TAGS.findall(text[:20000])) >= 5 else "text"


def _read_bytes(stream: BinaryIO, name: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(name, f"input is larger than the {limit / 1e6:.0f} MB limit (see --max-size)",
                         code=InputError.TOO_LARGE)
    return data


def _load(item: Input, config: PipelineConfig) -> bytes:
    if item.path is None:
        return _read_bytes(sys.stdin.buffer, item.name, config.max_bytes)
    path = item.path
    try:
        if path.is_dir():
            raise InputError(item.name, "is a directory", code=InputError.UNREADABLE)
        size = path.stat().st_size
        if size > config.max_bytes:
            raise InputError(item.name, f"file is {size / 1e6:.1f} MB, over the {config.max_bytes / 1e6:.0f} MB "
                                        "limit for one page (see --max-size)", code=InputError.TOO_LARGE)
        with open(path, "rb") as stream:
            return _read_bytes(stream, item.name, config.max_bytes)
    except FileNotFoundError as exc:
        raise InputError(item.name, "no such file (or a broken link)", code=InputError.NOT_FOUND) from exc
    except OSError as exc:
        raise InputError(item.name, f"cannot read: {exc.strerror or exc}", code=InputError.UNREADABLE) from exc


class _Prefixed(io.RawIOBase):
    """Bytes already read (the head that was sniffed), then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


# Encodings whose line ends are not the byte 0x0A: such record files are read whole.
WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _line_text(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return decode(raw, where)[0]  # a legacy-encoded archive: the same detection as for a page


def stream_records(stream: BinaryIO, name: str, config: PipelineConfig, first_line: int = 1,
                   whole: bool = True) -> Iterator[Page | Failure]:
    """The records of a JSON Lines stream, one line at a time: ``--max-size`` limits each record (a page),
    not the file, and memory holds one line. ``first_line``: the number of the stream's first line in its
    file; ``whole``: the stream is the whole file (a blank one is reported as such), not a part of it."""
    limit = config.max_bytes
    number = first_line - 1
    blank = True
    while True:
        raw = stream.readline(limit + 2)  # the record, its newline, and one byte to tell it is too long
        if not raw:
            break
        number += 1
        where = f"{name}:line {number}"
        if len(raw.rstrip(b"\r\n")) > limit:
            blank = False  # a record, too long to read: the file is not blank
            while raw and not raw.endswith(b"\n"):  # skip the rest of the overlong line
                raw = stream.readline(1 << 20)
            yield Failure(where, InputError.TOO_LARGE, f"record is larger than the {limit / 1e6:g} MB limit for "
                                                       "one page (see --max-size)")
            continue
        if not raw.strip():
            continue
        blank = False
        try:
            value = orjson.loads(_line_text(raw, where))
            yield _record_page(value, where, config)
        except orjson.JSONDecodeError as exc:
            yield Failure(where, InputError.BAD_RECORD, f"invalid JSON: {exc}")
        except InputError as exc:
            yield Failure(exc.source, exc.code, exc.message)
    if blank and whole:
        yield Failure(name, InputError.EMPTY, "empty file" if number == 0 else "file holds only white space")


def _record_head(head: bytes) -> bool:
    """Whether a head of bytes opens a JSON Lines file of page records (its first line is one)."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if not first.startswith(b"{"):
        return False
    try:
        value = orjson.loads(first)
    except orjson.JSONDecodeError:
        return False
    return isinstance(value, dict) and ("text" in value or "html" in value)


def _read_large(item: Input, config: PipelineConfig) -> Iterator[Page | Failure] | None:
    """The pages of an input that is a JSON Lines file (by its extension, or, past the size limit of one
    page, by its first line), read a record at a time; None for an input to read whole."""
    suffix = item.path.suffix.lower() if item.path else ""
    by_name = suffix in LINE_EXT
    if suffix in _HTML_EXT or suffix == ".json":
        return None
    try:
        if item.path is not None and not by_name and (item.path.is_dir() or
                                                      item.path.stat().st_size <= config.max_bytes):
            return None  # a page: read whole
        stream: BinaryIO = open(item.path, "rb") if item.path is not None else sys.stdin.buffer  # noqa: SIM115
    except FileNotFoundError as exc:
        raise InputError(item.name, "no such file (or a broken link)", code=InputError.NOT_FOUND) from exc
    except OSError as exc:
        raise InputError(item.name, f"cannot read: {exc.strerror or exc}", code=InputError.UNREADABLE) from exc
    head = stream.read(config.max_bytes + 1)
    records = by_name or (len(head) > config.max_bytes and _record_head(head))
    if head.startswith(WIDE_BOMS) or b"\x00" in head[:4096] or not records:
        # a page, a UTF-16/32 record file or a binary file: read whole (and refused past the limit)
        if item.path is not None:
            stream.close()
            return None
        if len(head) > config.max_bytes:
            raise InputError(item.name, f"input is larger than the {config.max_bytes / 1e6:.0f} MB limit "
                                        "(see --max-size)", code=InputError.TOO_LARGE)
        return iter(_from_bytes(head, item, config))

    def pages() -> Iterator[Page | Failure]:
        try:
            yield from stream_records(io.BufferedReader(_Prefixed(head, stream)), item.name, config)
        finally:
            if item.path is not None:
                stream.close()
    return pages()


def _looks_like_records(text: str) -> bool:
    first = text.lstrip()[:1]
    if first not in "{[" or not first:
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return first == "[" and text.rstrip().endswith("]")
    return isinstance(value, dict) and ("text" in value or "html" in value)


def _on_calendar(published: str) -> bool:
    """"2024-02-29", "2024-11", "2024" exist; "2024-02-30", "2024-13", "0000" do not."""
    year, month, day = ([int(p) for p in published.split("-")] + [1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _record_page(value: object, name: str, config: PipelineConfig) -> Page:
    if not isinstance(value, dict):
        raise InputError(name, "record is not a JSON object", code=InputError.BAD_RECORD)
    content, markup = value.get("html"), "html"
    if content is None:
        content, markup = value.get("text"), "text"
    if not isinstance(content, str):
        raise InputError(name, 'record has no "text" or "html" string', code=InputError.BAD_RECORD)
    if not content.strip():
        raise InputError(name, 'record\'s "text"/"html" is empty', code=InputError.EMPTY)
    if len(content) > config.max_bytes:
        raise InputError(name, "record is larger than the page size limit (see --max-size)",
                         code=InputError.TOO_LARGE)
    published = value.get("published")
    if published is not None and not (isinstance(published, str) and _PARTIAL_DATE.match(published.strip())):
        raise InputError(name, f'"published" must be "YYYY-MM-DD", "YYYY-MM" or "YYYY", not {published!r}',
                         code=InputError.BAD_RECORD)
    if published is not None and not _on_calendar(published.strip()):
        raise InputError(name, f'"published" {published!r} is not a date on the calendar', code=InputError.BAD_RECORD)
    url = _field(value.get("url"))
    source = _field(value.get("source")) or url
    if markup == "text" and sniff_markup(content) == "html":
        markup = "html"
    return Page(source=source or name, content=content, markup=markup,  # type: ignore[arg-type]
                url=url, published=published.strip() if published else None, encoding="utf-8")


def _records(text: str, name: str, config: PipelineConfig) -> Iterator[Page | Failure]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            values = orjson.loads(stripped)
        except orjson.JSONDecodeError as exc:
            yield Failure(name, InputError.BAD_RECORD, f"invalid JSON: {exc}")
            return
        lines: Iterable[tuple[int, object]] = enumerate(values if isinstance(values, list) else [values], 1)
        label = "item"
    else:
        lines = ((n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip())
        label = "line"
    for number, raw in lines:
        where = f"{name}:{label} {number}"
        try:
            value = orjson.loads(raw) if isinstance(raw, str) else raw
            yield _record_page(value, where, config)
        except orjson.JSONDecodeError as exc:
            yield Failure(where, InputError.BAD_RECORD, f"invalid JSON: {exc}")
        except InputError as exc:
            yield Failure(exc.source, exc.code, exc.message)


def read_input(item: Input, config: PipelineConfig = DEFAULT_CONFIG) -> Iterator[Page | Failure]:
    """Read one input: a page, or the pages of a JSON Lines file, or the failure that stopped it."""
    try:
        records = _read_large(item, config)
        if records is None:
            yield from _from_bytes(_load(item, config), item, config)
            return
    except InputError as exc:
        yield Failure(exc.source, exc.code, exc.message)
        return
    yield from records


def _from_bytes(data: bytes, item: Input, config: PipelineConfig) -> list[Page | Failure]:
    """The page, or the records, of an input read whole."""
    try:
        text, encoding = decode(data, item.name)
    except InputError as exc:
        return [Failure(exc.source, exc.code, exc.message)]
    return list(_pages_of(text, encoding, item, config))


def _pages_of(text: str, encoding: str, item: Input, config: PipelineConfig) -> Iterator[Page | Failure]:
    suffix = item.path.suffix.lower() if item.path else ""
    if suffix in _RECORD_EXT or (suffix not in _HTML_EXT and _looks_like_records(text)):
        yield from _records(text, item.name, config)
        return
    markup: Markup = "html" if suffix in _HTML_EXT else sniff_markup(text)
    yield Page(source=item.name, content=text, markup=markup, encoding=encoding)


def read_inputs(args: Sequence[str], config: PipelineConfig = DEFAULT_CONFIG) -> Iterator[Page | Failure]:
    """Every page named by ``args``, with a ``Failure`` in place of each input that cannot be read."""
    inputs, failures = expand(args, config)
    yield from failures
    for item in inputs:
        yield from read_input(item, config)
