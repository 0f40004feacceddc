"""A JSON Lines file cut into spans of whole lines, so that each span can be read where it is worked on (a
Dask worker) instead of every record being read, parsed and shipped by one process.

The cut is made on the bytes: a scan of the file for line ends, at the speed of ``bytes.find``; no record is
decoded here. A span's records are read by the same code as the whole file's (``stream_records``), numbered
as they would be there (``name:line N``), so a failure reads the same whichever way the file was read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from doingoai.config import PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Failure, Page
from doingoai.read.sources import LINE_EXT, WIDE_BOMS, Input, stream_records

__all__ = ["SPAN_BYTES", "Span", "read_span", "record_spans"]

# About a second of extraction for the genre's records (a few KB each): large enough that the scheduler's
# few milliseconds a task are nothing, small enough that the last spans of a run leave no worker idle long
SPAN_BYTES = 256 * 1024
_BLOCK = 1 << 20  # bytes read at a time while looking for line ends


@dataclass(frozen=True, slots=True)
class Span:
    """Whole lines of a JSON Lines file: bytes ``start`` to ``end``, the first being line ``first_line``."""

    source: Input
    start: int
    end: int
    first_line: int


def record_spans(item: Input, size: int = SPAN_BYTES) -> list[Span] | None:
    """``item`` cut into spans of about ``size`` bytes (a span ends at the first line end past that size);
    None where the file is to be read whole, as one process reads it: not a JSON Lines file by its name,
    standard input, a file that cannot be opened (its reader reports why), one in UTF-16/32 or with NUL bytes
    (no line ends to cut at), or a blank one (reported as such)."""
    path = item.path
    if path is None or path.suffix.lower() not in LINE_EXT:
        return None
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
            if not head or head.startswith(WIDE_BOMS) or b"\x00" in head:
                return None
            stream.seek(0)
            spans, content = _cut(stream, item, size)
    except OSError:
        return None
    return spans if content else None


def _cut(stream: BinaryIO, item: Input, size: int) -> tuple[list[Span], bool]:
    """The spans of ``stream``, and whether it holds anything but white space."""
    spans: list[Span] = []
    start = offset = 0  # where the current span starts; where the current block starts
    line = 1  # the number of the current span's first line
    pending = 0  # line ends of the current span in the blocks before this one
    content = False
    while block := stream.read(_BLOCK):
        content = content or bool(block.strip())
        at = 0  # where the current span's part of this block starts
        while True:
            cut = max(start + size - offset, at)
            end = block.find(b"\n", cut) if cut < len(block) else -1
            if end < 0:
                break
            spans.append(Span(item, start, offset + end + 1, line))
            line += pending + block.count(b"\n", at, end + 1)
            pending = 0
            start, at = offset + end + 1, end + 1
        pending += block.count(b"\n", at)
        offset += len(block)
    if offset > start:
        spans.append(Span(item, start, offset, line))
    return spans, content


class _Bounded(io.RawIOBase):
    """At most ``left`` bytes of a stream, from where it stands."""

    def __init__(self, stream: BinaryIO, left: int) -> None:
        self._stream = stream
        self._left = left

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            return 0
        data = self._stream.read(min(len(buffer), self._left))
        buffer[:len(data)] = data
        self._left -= len(data)
        return len(data)


def read_span(span: Span, config: PipelineConfig) -> Iterator[Page | Failure]:
    """The pages (or failures) of the records in ``span``, named as a reading of the whole file names them."""
    path = span.source.path
    assert path is not None  # record_spans cuts files only
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the generator's last record)
    except OSError as exc:
        yield Failure(span.source.name, InputError.UNREADABLE, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        stream.seek(span.start)
        part = io.BufferedReader(_Bounded(stream, span.end - span.start))
        yield from stream_records(part, span.source.name, config, first_line=span.first_line, whole=False)
