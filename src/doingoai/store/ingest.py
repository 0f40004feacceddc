"""`doingoai ingest`: read pages, extract them, and store them in the knowledge base.

Idempotent: a page whose content is stored already is skipped. Batched: every ``batch_size`` new pages
are committed together, so that killing the process at any moment leaves whole batches behind, and a
second run stores the rest. One bad page is reported and skipped; it never sinks its batch.

Pages go through the same pipeline function as ``doingoai extract`` (``pipeline.analyse_page``): the same
stages, options (``--related``, ``--today``) and error rules.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import FrameType

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from doingoai import __version__
from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.model import Article, Extraction, Failure, Page
from doingoai.pipeline import analyse_article, analyse_page, settle
from doingoai.read.sources import Input, expand, read_input
from doingoai.store import schema as s
from doingoai.store.engine import make_engine, migrate
from doingoai.store.write import Item, Writer, content_hash, ensure_reference_data

__all__ = ["IngestInterrupted", "IngestSummary", "extractor_version", "ingest", "reprocess"]

DEFAULT_BATCH = 50


@cache
def extractor_version() -> str:
    """The package version plus a digest of the language data: a lexicon change is a new extractor."""
    digest = hashlib.sha256()
    data = resources.files("doingoai") / "data"
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith((".tsv", ".yaml"))):
        digest.update((data / name).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


@dataclass(slots=True)
class IngestSummary:
    inputs: int = 0
    pages: int = 0
    new: int = 0
    skipped: int = 0
    reprocessed: int = 0
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.new / self.seconds if self.seconds else 0.0
        return (f"read {self.pages} page(s) from {self.inputs} input(s): {self.new} new, {self.skipped} already "
                f"stored, {len(self.failed)} failed" + (f", {self.reprocessed} re-extracted" if self.reprocessed
                                                         else "") + f" ({self.seconds:.1f} s, {rate:.1f} new/s)")


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest: ``summary`` counts the pages committed before it (the batch under way is
    rolled back; a re-run stores it)."""

    def __init__(self, summary: IngestSummary) -> None:
        super().__init__(summary.line())
        self.summary = summary


Progress = Callable[[Input], None]


def _first_line(exc: Exception) -> str:
    # a database error carries its SQL statement and parameters (the whole page) after its first line
    return str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__


@contextmanager
def _interrupt_between_pages() -> Iterator[Callable[[], None]]:
    """Ctrl-C is acted on between two pages: a KeyboardInterrupt raised wherever the signal lands can be
    swallowed (inside a garbage-collection callback, "Exception ignored in ...") and the ingest would run on.
    Yields the check to call at each page boundary; a second Ctrl-C interrupts at once. Only the main thread
    can take the signal: elsewhere the default behaviour stays."""
    asked = [False]

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        if asked[0]:
            raise KeyboardInterrupt
        asked[0] = True

    def check() -> None:
        if asked[0]:
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield check
        return
    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, previous)


class _Ingest:
    """Pages flow in batches: read, checked against the store (one query a batch), extracted, and written
    ``batch_size`` new pages a commit. On a Dask cluster (``store.workers``) the workers read, check and
    extract, and the results come back here in the order of the inputs, through ``analysed``: the same
    batches are written, so that the knowledge base is the one a single process builds."""

    def __init__(self, session: Session, config: PipelineConfig, batch_size: int, summary: IngestSummary) -> None:
        self.session = session
        self.config = config
        self.batch_size = batch_size
        self.summary = summary
        self.writer = Writer(session, extractor_version(), related=config.related)
        self.read: list[tuple[Page, str]] = []  # pages read, not yet checked against the store
        self.ready: list[Item] = []  # new pages, extracted, not yet stored
        self.digests: set[str] = set()  # of pages sent to extraction: a page twice in one run is stored once
        self.settled = False

    def page(self, page: Page) -> None:
        self.summary.pages += 1
        self.read.append((page, content_hash(page.content)))
        if len(self.read) >= self.batch_size:
            self.check()

    def check(self) -> None:
        """Skip the pages stored already, extract the others."""
        digests = sorted({d for _, d in self.read})
        stored = set(self.session.scalars(select(s.Document.content_hash).where(s.Document.content_hash.in_(digests))))
        read, self.read = self.read, []
        for page, digest in read:
            if digest in stored or digest in self.digests:
                self.summary.skipped += 1
                continue
            self.digests.add(digest)
            self.extracted(digest, analyse_page(page, self.config))
            if not self.settled:
                settle()
                self.settled = True

    def analysed(self, digest: str, found: tuple[Article, Extraction] | Failure | None,
                 folded: str | None = None) -> None:
        """A page a worker read and analysed (``found`` is None when it was stored when the run began;
        ``folded``: its search key, made by the worker)."""
        self.summary.pages += 1
        if found is None or digest in self.digests:
            self.summary.skipped += 1
            return
        self.digests.add(digest)
        self.extracted(digest, found, folded)

    def extracted(self, digest: str, found: tuple[Article, Extraction] | Failure, folded: str | None = None) -> None:
        if isinstance(found, Failure):
            self.summary.failed.append(found)
            return
        self.ready.append(Item(*found, digest=digest, folded=folded))
        if len(self.ready) >= self.batch_size:
            self.store()

    def store(self) -> None:
        items, self.ready = self.ready, []
        failed = self.writer.store(items)
        self.session.commit()
        # a page that another ingest of the same knowledge base stored meanwhile (its content hash is taken
        # now) is stored: the two runs together store every page once
        taken = set(self.session.scalars(select(s.Document.content_hash).where(
            s.Document.content_hash.in_(sorted({it.digest for it, _ in failed if it.digest}))))) if failed else set()
        for item, exc in failed:
            if item.digest in taken:
                self.summary.skipped += 1
            else:
                self.summary.failed.append(Failure(item.article.source, "E200",
                                                   f"could not store: {_first_line(exc)}"))
        self.summary.new += len(items) - len(failed)

    def finish(self) -> None:
        self.check()
        self.store()


def ingest(args: Sequence[str], db: str | None = None, config: PipelineConfig = DEFAULT_CONFIG,
           batch_size: int = DEFAULT_BATCH, on_input: Progress | None = None, workers: int = 1,
           scheduler: str | None = None, on_page: Progress | None = None) -> IngestSummary:
    """Store every page named by ``args`` that is not stored yet. ``workers`` > 1 or a ``scheduler``
    address: pages are read and extracted on a Dask cluster and written here, by one writer, in the order
    of the inputs (the knowledge base is the one a single process builds). ``on_input`` is called as each
    input begins, ``on_page`` after each page."""
    started = time.perf_counter()
    engine = make_engine(db)
    migrate(engine)
    summary = IngestSummary()
    inputs, failures = expand(args, config)
    summary.inputs = len(inputs) + len(failures)
    summary.failed.extend(failures)
    with Session(engine) as session:
        try:
            ensure_reference_data(session)
            session.commit()
        except IntegrityError:
            session.rollback()  # another ingest of this knowledge base wrote them at the same moment
        run = _Ingest(session, config, batch_size, summary)
        try:
            with _interrupt_between_pages() as check:
                if workers > 1 or scheduler:
                    from doingoai.store.workers import ingest_on_cluster  # Dask only when asked for

                    stored = frozenset(session.scalars(select(s.Document.content_hash)))
                    ingest_on_cluster(run, inputs, stored, workers, scheduler, check, on_input, on_page)
                else:
                    for item in inputs:
                        if on_input is not None:
                            on_input(item)
                        for page in read_input(item, config):
                            check()
                            if isinstance(page, Failure):
                                summary.failed.append(page)
                            else:
                                run.page(page)
                            if on_page is not None:
                                on_page(item)
                check()
                run.finish()
        except KeyboardInterrupt:
            session.rollback()
            summary.seconds = time.perf_counter() - started
            raise IngestInterrupted(summary) from None
    engine.dispose()
    summary.seconds = time.perf_counter() - started
    return summary


def reprocess(db: str | None = None, batch_size: int = DEFAULT_BATCH, everything: bool = False,
              config: PipelineConfig = DEFAULT_CONFIG) -> IngestSummary:
    """Re-extract stored documents whose extractor version is not the current one (or all of them)."""
    started = time.perf_counter()
    engine = make_engine(db)
    migrate(engine)
    summary = IngestSummary()
    version = extractor_version()
    with Session(engine) as session:
        writer = Writer(session, version, related=config.related)
        query = select(s.Document.id)
        if not everything:
            query = query.where(s.Document.extractor_version != version)
        ids = list(session.scalars(query.order_by(s.Document.id)).all())
        if everything and ids:
            # every title is re-derived: start from none (a base built before person_mentions existed cannot
            # take back the titles of one document, only all of them)
            session.execute(delete(s.PersonMention))
            session.execute(delete(s.PersonTitle))
            session.commit()
        for at in range(0, len(ids), batch_size):
            items = []
            for doc in session.execute(select(s.Document).where(s.Document.id.in_(ids[at:at + batch_size]))
                                       .order_by(s.Document.id)).scalars():
                article = Article(source=doc.source, title=doc.title, published=doc.published, outlet=doc.outlet,
                                  text=doc.text, url=doc.url, markup=doc.markup,  # type: ignore[arg-type]
                                  encoding=doc.encoding)
                found = analyse_article(article, config)
                if isinstance(found, Failure):
                    summary.failed.append(found)
                    continue
                items.append(Item(article, found, doc_id=doc.id))
            session.expunge_all()
            failed = writer.store(items)
            session.commit()
            summary.failed += [Failure(it.article.source, "E200", f"could not store: {_first_line(exc)}")
                               for it, exc in failed]
            summary.reprocessed += len(items) - len(failed)
    engine.dispose()
    summary.seconds = time.perf_counter() - started
    return summary
