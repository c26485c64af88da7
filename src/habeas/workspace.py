"""The one object every shell uses: settings + store + pipeline.

The CLI, the tests (and later the web app) build a ``Habeas`` and call its methods; none of them
touches the store or the pipeline directly (datasette's ``Datasette`` object is the model).
Each article is one transaction: a crash leaves every article either fully stored or not at all,
and a rerun picks up where the last one stopped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import exc
from sqlalchemy.orm import Session

from .config import Settings, get_settings
from .errors import ExtractionError, Reason, StoreError, UsageError
from .model import Document, Extraction, Rejected
from .sources import read_sources
from .store import changes, crud, db

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
T = TypeVar("T")
# Articles read from the store per round of extraction: bounds memory on a large archive.
EXTRACT_CHUNK = 256
# Articles ingested per transaction: a crash loses at most these (a rerun stores them), and
# each article no longer pays a transaction of its own (the write lock, the change mark, the
# commit).
INGEST_CHUNK = 64


@dataclass
class IngestReport:
    ingested: int = 0
    already: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Something was read: new, or already in the store."""
        return self.ingested > 0 or bool(self.already)


@dataclass
class ExtractReport:
    articles: int = 0
    persons: int = 0
    events: int = 0
    claims: int = 0
    statistics: int = 0
    event_types: Counter = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Articles another process extracted while this one was reading them (not done twice).
    elsewhere: int = 0
    # Articles left pending because the database stayed busy (a rerun extracts them).
    busy: list[tuple[str, str]] = field(default_factory=list)
    # Articles stored but not extracted, per language without a pipeline ("no extraction for
    # LANG yet").
    unsupported: Counter = field(default_factory=Counter)


@dataclass
class ReextractReport:
    """What ``Habeas.reextract`` did: per article, what it kept and lost (``resolve.keep.Kept``);
    the articles it could not extract again (left as they were, with the reason)."""

    articles: list = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def total(self, what: str) -> int:
        return sum(len(getattr(kept, what)) for kept in self.articles)


class Habeas:
    def __init__(self, settings: Settings | None = None, *, database_url: str | None = None,
                 model: str | None = None) -> None:
        self.settings = settings or get_settings()
        self.database_url = database_url or self.settings.resolved_database_url()
        self.model = model or self.settings.model
        self._engine = None
        self._sessionmaker = None
        self._writer = None
        self._nlp = None
        # the stored names, for resolution (``resolve.article.save_extraction``)
        self._names = None

    # ------------------------------------------------------------ resources

    @property
    def engine(self):
        if self._engine is None:
            self._engine = db.make_engine(self.database_url)
            db.migrate(self._engine)
            self._sessionmaker = db.make_sessionmaker(self._engine)
            self._writer = db.make_sessionmaker(self._engine, write=True)
            from .resolve.persons import index_missing

            with self._writer() as session, session.begin():
                index_missing(session)  # persons stored before resolution had no keys
        return self._engine

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session whose transaction the caller ends (``with session.begin():``).

        ``write=True`` for a transaction that writes: it takes the write lock when it begins
        (SQLite ``BEGIN IMMEDIATE``, waiting for another writer; a PostgreSQL advisory lock),
        so it never fails half-way for a lock another process holds. Reads need no lock.
        """
        self.engine  # noqa: B018  (creates and migrates on first use)
        with (self._writer if write else self._sessionmaker)() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A writer's session in a transaction that commits when the block ends (a database
        error comes out as ``StoreError``)."""
        self.engine  # noqa: B018
        with db.unit_of_work(self._writer) as session:
            yield session

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp.pipeline import load_nlp

            self._nlp = load_nlp(self.model)
        return self._nlp

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    # ------------------------------------------------------------ work

    def read(self, paths: Iterable[str | Path], *, overrides: dict | None = None,
             encoding: str | None = None) -> Iterator[Document | Rejected]:
        return read_sources(paths, overrides=overrides, max_bytes=self.settings.max_bytes,
                            encoding=encoding)

    def ingest(self, paths: Iterable[str | Path], *, overrides: dict | None = None,
               encoding: str | None = None, progress: Progress | None = None) -> IngestReport:
        """Store every readable article once; report the rest with their reasons."""
        return self.ingest_documents(self.read(paths, overrides=overrides, encoding=encoding),
                                     progress=progress)

    def ingest_documents(self, items: Iterable[Document | Rejected], *,
                         progress: Progress | None = None) -> IngestReport:
        """``ingest`` for Documents already read (``habeas watch`` reads its own sources)."""
        report = IngestReport()
        chunk: list[Document] = []

        def write() -> None:
            for document, created in zip(chunk, self._add_articles(chunk)):
                if created:
                    report.ingested += 1
                else:
                    report.already.append(document.source)
                if progress:
                    progress(1)
            chunk.clear()

        try:
            for item in items:
                if isinstance(item, Rejected):
                    report.rejected.append(item)
                    if progress:
                        progress(1)
                    continue
                chunk.append(item)
                if len(chunk) >= INGEST_CHUNK:
                    write()
        except Exception:
            if chunk:  # what was read before a source failed is stored, as one by one
                write()
            raise
        if chunk:
            write()
        if report.ingested:
            self.index()
        return report

    def _add_articles(self, documents: list[Document]) -> list[bool]:
        """Store the articles in one transaction (``crud.add_articles``): whether each was
        new. When another process stored one of their texts meanwhile (the unique key says
        so), one transaction each (``_add_article``)."""

        def once() -> list[bool] | None:
            with self.session(write=True) as session:
                try:
                    with session.begin():
                        return crud.add_articles(session=session, documents=documents)
                except exc.IntegrityError:
                    return None

        created = _store_errors(lambda: db.retrying(once))
        if created is None:
            return [self._add_article(document) for document in documents]
        return created

    def index(self) -> int:
        """Bring the search index up to date (new articles and events); how many were added.
        Called by ingest and extraction, never by a read."""
        from .store import search_index

        with self.session() as session:
            return search_index.sync_index(session)

    def _add_article(self, document: Document) -> bool:
        """Store one article in its own transaction; False when its text was already stored,
        also when another process stored it a moment before (the unique key said so)."""

        def once() -> bool:
            with self.session(write=True) as session:
                try:
                    with session.begin():
                        return crud.add_article(session=session, document=document)[1]
                except exc.IntegrityError:
                    pass
                with session.begin():  # the other writer's row is there now
                    return crud.add_article(session=session, document=document)[1]

        return _store_errors(lambda: db.retrying(once))
    def pending(self) -> int:
        return self.article_counts().get("pending", 0)

    def staged(self) -> int:
        """Articles whose Extraction is stored, waiting for resolution."""
        with self.session() as session, session.begin():
            return crud.count_staged(session=session)

    def article_counts(self) -> dict[str, int]:
        """Articles per status (``crud.count_articles``)."""
        with self.session() as session:
            return crud.count_articles(session=session)

    def retry_failed(self) -> int:
        """Make every article whose extraction failed pending again; returns how many."""

        def once() -> int:
            with self.session(write=True) as session, session.begin():
                return crud.reset_failed(session=session)

        return _store_errors(lambda: db.retrying(once))

    def extract(self, *, limit: int | None = None, progress: Progress | None = None,
                jobs: int = 1, scheduler: str | None = None) -> ExtractReport:
        """Run the NLP over every pending article and write its record, in three stages:
        the NLP (in this process, in ``jobs`` worker processes, or on the Dask cluster whose
        scheduler is at ``scheduler``), then, in this process only, storing (each batch's
        Extractions in one statement) and resolution (one transaction per article, in article
        order: the record is the same whatever ran the NLP).

        A run killed between the stages leaves Extractions stored but not resolved: this (and
        ``resolve``) resolves them first. Another process may extract the same store at the same
        time: each article is stored by whichever finishes it first, the other counts it in
        ``elsewhere``.
        """
        from .nlp import workers

        report = self.resolve(progress=progress)
        with workers.workers(jobs=jobs, scheduler=scheduler, model=self.model,
                             batch_size=self.settings.batch_size,
                             english=lambda: self.nlp) as pool:
            unindexed = 0
            for batch, results in pool.map(self._pending_batches(limit, pool.count)):
                self._write(batch, results, report, progress)
                unindexed += len(batch)
                if unindexed >= EXTRACT_CHUNK:  # searchable while the rest runs
                    self.index()
                    unindexed = 0
        self.index()
        return report

    def _pending_batches(self, limit: int | None, workers: int) -> Iterator[list[Document]]:
        """The pending articles, read from the store a chunk at a time (bounded memory), in
        batches small enough that every worker gets some."""
        done = 0
        after = 0  # articles are read in id order, each once per call
        while limit is None or done < limit:
            chunk = EXTRACT_CHUNK if limit is None else min(EXTRACT_CHUNK, limit - done)
            with self.session() as session, session.begin():
                documents = [_document_of(a) for a in crud.pending_articles(
                    session=session, limit=chunk, after=after)]
            if not documents:
                return
            after = _article_id(documents[-1])
            done += len(documents)
            size = max(1, min(self.settings.batch_size, -(-len(documents) // workers)))
            for start in range(0, len(documents), size):
                yield documents[start:start + size]

    def _write(self, batch: list[Document], results: list, report: ExtractReport,
               progress: Progress | None) -> None:
        """Store one batch's Extractions (and mark the articles the NLP failed on), then
        resolve each stored one into the record."""
        names = {d.source: d.title or d.source for d in batch}
        records = {_article_id(r): r.record for r in results if r.error is None}
        errors = {_article_id(r): r.error for r in results if r.error is not None}

        def store() -> tuple[list[int], list[int]]:
            with self.session(write=True) as session, session.begin():
                kept = crud.store_extractions(session=session, extractions=records)
                failed = [i for i, error in errors.items()
                          if crud.fail_pending(session=session, article_id=i, error=error)]
                return kept, failed

        try:
            kept, failed = db.retrying(store)
        except Exception as e:
            if not db.is_transient(e):
                raise StoreError(db.describe(e)) from e
            for document in batch:  # not the articles' fault: they stay pending
                report.busy.append((names[document.source], db.describe(e)))
                if progress:
                    progress(1)
            return
        for result in results:
            article_id = _article_id(result)
            if article_id in failed:
                log.debug("article %s failed: %s", article_id, result.error)
                report.failed.append((names[result.source], result.error))
            elif article_id not in kept:  # another process stored it first
                report.elsewhere += 1
            if article_id not in kept and progress:
                progress(1)
        for article_id in kept:
            self._resolve_one(article_id, names[f"article:{article_id}"], report, progress)

    def resolve(self, *, progress: Progress | None = None) -> ExtractReport:
        """Resolve every article whose Extraction is stored but not yet in the record (``habeas
        resolve``; an extraction killed between storing and resolving), one transaction per
        article, in article order."""
        report = ExtractReport()
        after = 0
        while True:
            with self.session() as session, session.begin():
                ids = crud.staged_articles(session=session, limit=EXTRACT_CHUNK, after=after)
                names = {i: n for i, n in crud.article_names(session=session, article_ids=ids)}
            if not ids:
                break
            after = ids[-1]
            for article_id in ids:
                self._resolve_one(article_id, names.get(article_id, f"article {article_id}"),
                                  report, progress)
            self.index()
        return report

    def _resolve_one(self, article_id: int, name: str, report: ExtractReport,
                     progress: Progress | None) -> None:
        from .resolve.article import resolve_staged
        from .resolve.bulk import NameIndex

        if self._names is None:  # read once, then kept up to date article by article
            self._names = NameIndex(keyed=False)  # a writer asks for surnames only

        def once():
            with self.session(write=True) as session, session.begin():
                return resolve_staged(session=session, article_id=article_id,
                                      names=self._names)

        try:
            done = db.retrying(once)
        except Exception as e:  # one bad article must not stop the batch
            reason = db.describe(e)
            if db.is_transient(e):  # not the article's fault: it stays pending
                log.warning("article %s left pending: %s", article_id, reason)
                report.busy.append((name, reason))
            else:
                log.exception("resolution of article %s failed", article_id)
                error = str(e)
                _store_errors(lambda: db.retrying(lambda: self._mark_failed(article_id, error)))
                report.failed.append((name, reason))
        else:
            if done is None:
                report.elsewhere += 1
            else:
                counts, extraction = done
                report.articles += 1
                report.events += counts.get("events", 0)
                report.claims += counts.get("claims", 0)
                report.persons += counts.get("persons_new", 0)
                report.statistics += counts.get("statistics", 0)
                report.event_types.update(e.type for e in extraction.events)
                if "skipped" in extraction.versions:  # a language without a pipeline
                    report.unsupported[extraction.document.get("language")] += 1
        if progress:
            progress(1)

    def _mark_failed(self, article_id: int, error: str) -> None:
        with self.session(write=True) as session, session.begin():
            article = crud.get_article(session=session, article_id=article_id)
            if article is not None and article.status == "pending":
                crud.mark_failed(session=session, article=article, error=error)

    def reextract(self, *, since: str | None = None, article_ids: list[int] | None = None,
                  progress: Progress | None = None) -> ReextractReport:
        """Extract stored articles again with the current rules, one transaction per article,
        keeping every reviewer decision, edit and manual merge that still applies
        (``resolve.keep``); an interrupted run leaves each article either redone or as it was,
        and can be run again. ``since``: published on or after (ISO date); ``article_ids``:
        these articles only. Lists (``habeas import``) are not extracted, so not redone."""
        from .nlp.pipeline import process

        if since is not None and not _is_date(since):
            raise UsageError(f"{since!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        report = ReextractReport()
        with self.session() as session, session.begin():
            ids = crud.extracted_articles(session=session, since=since,
                                          article_ids=article_ids)
        for missing in sorted(set(article_ids or ()) - set(ids)):
            report.skipped.append((f"article {missing}", "not an extracted article"))
        for start in range(0, len(ids), EXTRACT_CHUNK):
            with self.session() as session, session.begin():
                documents = [_document_of(crud.get_article(session=session, article_id=i))
                             for i in ids[start:start + EXTRACT_CHUNK]]
            for document, extraction in process(self.nlp, documents,
                                                batch_size=self.settings.batch_size):
                article_id = _article_id(document)
                try:
                    kept = db.retrying(lambda: self._reextract(article_id, extraction))
                except Exception as e:  # one article must not stop the rest; it is unchanged
                    log.exception("re-extraction of article %s failed", article_id)
                    report.failed.append((document.title or document.source, db.describe(e)))
                else:
                    report.articles.append(kept)
                if progress:
                    progress(1)
        return report

    def _reextract(self, article_id: int, extraction: Extraction):
        from .resolve import keep

        with self.session(write=True) as session, session.begin():
            article = crud.get_article(session=session, article_id=article_id)
            return keep.reextract(session=session, article=article, extraction=extraction)

    def backup(self, target: Path, *, force: bool = False):
        """A consistent copy of the store in ``target`` (``store.backup``)."""
        from .store import backup

        return _store_errors(lambda: backup.backup(self.engine, target, force=force))

    def restore(self, source: Path, *, force: bool = False) -> None:
        """Replace the store's content with a backup, then bring it to the current schema."""
        from .store import backup

        _store_errors(lambda: backup.restore(self.engine, source, force=force))
        db.migrate(self.engine)
        with db.writer_engine(self.engine).begin() as connection:  # answers kept go stale
            changes.set_mark(connection.connection.driver_connection)

    def extract_documents(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extraction without the store (``habeas extract FILE --format json``)."""
        from .nlp.dispatch import process_documents

        for _, extraction in process_documents(lambda: self.nlp, documents,
                                               batch_size=self.settings.batch_size):
            if isinstance(extraction, ExtractionError):
                raise extraction
            yield extraction


def _store_errors(work: Callable[[], T]) -> T:
    """``work()``, a database error coming out as a one-line ``StoreError``."""
    try:
        return work()
    except exc.SQLAlchemyError as e:
        raise StoreError(db.describe(e)) from e


def _is_date(text: str) -> bool:
    """"2017", "2017-09" or "2017-09-27", on the calendar."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or \
            any(len(p) != 2 for p in parts[1:]) or not all(p.isdigit() for p in parts):
        return False
    try:
        dt.date(*(int(p) for p in parts), *(1,) * (3 - len(parts)))
    except ValueError:
        return False
    return True


def _article_id(document) -> int:
    """The article id of a ``Document`` or a worker's ``Result`` read from the store."""
    return int(document.source.removeprefix("article:"))


def _document_of(article) -> Document:
    # The source key must be unique within a batch: the article id is.
    return Document(text=article.text, source=f"article:{article.id}", title=article.title,
                    published=article.published, outlet=article.outlet, url=article.url,
                    language=article.language, doc_id=article.doc_id)

