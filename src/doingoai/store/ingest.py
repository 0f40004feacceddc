"""`doingoai ingest`: read pages, extract them, and store them in the knowledge base.

Idempotent: a page whose content is stored already is skipped. Batched: every ``batch_size`` new pages
are committed together, so that killing the process at any moment leaves whole batches behind, and a
second run stores the rest. One bad page is reported and skipped; it never sinks its batch.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from doingoai import __version__
from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.errors import DoingoaiError
from doingoai.extract import extract
from doingoai.model import Article, Failure
from doingoai.read.sources import Input, expand, read_input
from doingoai.segment import segment
from doingoai.store import schema as s
from doingoai.store.engine import make_engine, migrate
from doingoai.store.write import attach_extraction, content_hash, ensure_reference_data, store_document

__all__ = ["IngestSummary", "extractor_version", "ingest", "reprocess"]

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


Progress = Callable[[Input], None]


def ingest(args: Sequence[str], db: str | None = None, config: PipelineConfig = DEFAULT_CONFIG,
           batch_size: int = DEFAULT_BATCH, on_input: Progress | None = None) -> IngestSummary:
    """Store every page named by ``args`` that is not stored yet."""
    started = time.perf_counter()
    engine = make_engine(db)
    migrate(engine)
    summary = IngestSummary()
    inputs, failures = expand(args, config)
    summary.inputs = len(inputs) + len(failures)
    summary.failed.extend(failures)
    version = extractor_version()
    with Session(engine) as session:
        ensure_reference_data(session)
        session.commit()
        pending = 0
        for item in inputs:
            if on_input is not None:
                on_input(item)
            for page in read_input(item, config):
                if isinstance(page, Failure):
                    summary.failed.append(page)
                    continue
                summary.pages += 1
                digest = content_hash(page.content)
                if session.scalar(select(s.Document.id).where(s.Document.content_hash == digest)) is not None:
                    summary.skipped += 1
                    continue
                try:
                    with session.begin_nested():
                        article = segment(page)
                        store_document(session, article, extract(article), digest, version)
                except (DoingoaiError, ValueError, TypeError, KeyError, IndexError) as exc:
                    summary.failed.append(Failure(page.source, "E200", f"could not store: {exc}"))
                    continue
                summary.new += 1
                pending += 1
                if pending >= batch_size:
                    session.commit()
                    pending = 0
        session.commit()
    summary.seconds = time.perf_counter() - started
    return summary


def _forget(session: Session, doc_id: int) -> None:
    """Remove what one document contributed; facts nobody else reports go with it."""
    for model, link in ((s.Event, s.EventSource.event_id), (s.Relation, s.RelationSource.relation_id)):
        counts = session.execute(select(link, func.count()).where(
            (s.EventSource.document_id if model is s.Event else s.RelationSource.document_id) == doc_id)
            .group_by(link)).all()
        for fact_id, n in counts:
            session.execute(update(model).where(model.id == fact_id).values(n_sources=model.n_sources - n))
    session.execute(delete(s.EventSource).where(s.EventSource.document_id == doc_id))
    session.execute(delete(s.RelationSource).where(s.RelationSource.document_id == doc_id))
    session.execute(delete(s.Figure).where(s.Figure.document_id == doc_id))
    for model in (s.Event, s.Relation):
        for row in session.scalars(select(model).where(model.n_sources <= 0)).all():
            session.delete(row)


def reprocess(db: str | None = None, batch_size: int = DEFAULT_BATCH, everything: bool = False) -> IngestSummary:
    """Re-extract stored documents whose extractor version is not the current one (or all of them)."""
    started = time.perf_counter()
    engine = make_engine(db)
    migrate(engine)
    summary = IngestSummary()
    version = extractor_version()
    with Session(engine) as session:
        query = select(s.Document.id)
        if not everything:
            query = query.where(s.Document.extractor_version != version)
        ids = list(session.scalars(query).all())
        for n, doc_id in enumerate(ids, 1):
            doc = session.get(s.Document, doc_id)
            assert doc is not None
            article = Article(source=doc.source, title=doc.title, published=doc.published, outlet=doc.outlet,
                              text=doc.text, url=doc.url, markup=doc.markup, encoding=doc.encoding)  # type: ignore[arg-type]
            with session.begin_nested():
                _forget(session, doc_id)
                attach_extraction(session, doc, article, extract(article))
                doc.extractor_version = version
            summary.reprocessed += 1
            if n % batch_size == 0:
                session.commit()
        session.commit()
    summary.seconds = time.perf_counter() - started
    return summary
