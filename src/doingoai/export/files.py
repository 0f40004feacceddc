"""Writing a table to a file or to standard output, in the format asked for or named by the extension.

A file is written beside its target under a temporary name and renamed over it at the end, so that a
failed export leaves the previous file as it was (or no file), never half of one.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from doingoai.errors import UsageError, WriteError

__all__ = ["EXTENSIONS", "FORMATS", "STDOUT", "atomic_file", "choose_format", "output_target", "write_rows"]

FORMATS = ("csv", "jsonl", "json", "parquet")
# The extensions that name a format; any other needs --format.
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet"}
STDOUT = "-"


def choose_format(fmt: str | None, output: str) -> str:
    """The format of an export: ``--format`` and the extension of ``output`` must agree when both say one."""
    if fmt is not None and fmt.lower() not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    asked = fmt.lower() if fmt else None
    if output == STDOUT:
        chosen = asked or "csv"
        if chosen == "parquet":
            raise UsageError("Parquet is a binary file format and is not written to standard output: give a file "
                             "(--output table.parquet)")
        return chosen
    suffix = Path(output).suffix.lower()
    named = EXTENSIONS.get(suffix)
    if asked and named and asked != named:
        raise UsageError(f"--format {asked} does not match the extension of {output} ({named}): change one of them")
    if asked or named:
        return str(asked or named)
    raise UsageError(f"cannot tell the format of {output}: give --format ({', '.join(FORMATS)}) or an extension "
                     f"({', '.join(EXTENSIONS)})")


def _cell(value: Any) -> Any:
    return orjson.dumps(value).decode() if isinstance(value, list | dict) else value


def _csv(data: list[dict[str, Any]], columns: Sequence[str]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(columns))
    writer.writeheader()  # an empty result still says its columns
    writer.writerows({k: _cell(v) for k, v in r.items()} for r in data)
    return buf.getvalue().encode("utf-8")


def _parquet(data: list[dict[str, Any]], columns: Sequence[str], fh: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(data) if data else pa.table({c: pa.array([], pa.string()) for c in columns})
    pq.write_table(table.select(list(columns)), fh)


def _write(data: list[dict[str, Any]], columns: Sequence[str], fmt: str, fh: BinaryIO) -> None:
    if fmt == "jsonl":
        fh.write(b"".join(orjson.dumps(r) + b"\n" for r in data))
    elif fmt == "json":
        fh.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    elif fmt == "csv":
        fh.write(_csv(data, columns))
    else:
        _parquet(data, columns, fh)


def output_target(out: Path) -> Path:
    if out.is_dir():
        raise UsageError(f"{out} is a folder: give a file name (--output {out / 'table.csv'})")
    if not out.parent.is_dir():
        raise UsageError(f"cannot write {out}: the folder {out.parent} does not exist")
    if out.exists() and not os.access(out, os.W_OK):
        raise WriteError(f"cannot write {out}: the file is read-only")
    return out


def write_rows(data: list[dict[str, Any]], columns: Sequence[str], fmt: str, out: Path | None) -> None:
    """Write ``data`` (rows with ``columns``) as ``fmt`` to ``out``, or to standard output when ``out`` is None."""
    if out is None:
        if fmt == "parquet":
            raise UsageError("Parquet is a binary file format and is not written to standard output")
        _write(data, columns, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with atomic_file(output_target(out)) as fh:
        _write(data, columns, fmt, fh)


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """A file to write ``target`` through: written beside it under a temporary name and renamed over it
    when the block ends without error, so that a failure (a full disk, an interruption) leaves the
    previous file as it was, or no file, never half of one. A refused write is a :class:`WriteError`.
    A target that is not a regular file (a device such as /dev/null, a named pipe) is written in place:
    renaming over it would replace the device with a file."""
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as fh:
                yield fh
        except OSError as exc:
            raise WriteError(f"cannot write {target}: {exc.strerror or exc}") from None
        return
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        if target.exists():
            Path(temp).chmod(target.stat().st_mode & 0o777)
        else:
            # mkstemp makes the file private (0600): give it the permissions a plain open() would
            umask = os.umask(0)
            os.umask(umask)
            Path(temp).chmod(0o666 & ~umask)
        Path(temp).replace(target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise WriteError(f"cannot write {target}: {exc.strerror or exc}; the file was left as it was") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
