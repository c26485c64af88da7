"""The NLP on every core, or on a cluster: batches of texts out, Extractions back, in order.

The NLP is pure (a ``Document`` in, an ``Extraction`` out) and the writer is one process, so
spreading the work needs no locks: each batch of articles goes to a worker (a local process of
``concurrent.futures.ProcessPoolExecutor``, or a Dask ``distributed`` worker on another
machine) and comes back as plain records (``Extraction.to_record``) that the writer stores and
resolves in article order, exactly as one process would. At most ``WINDOW`` batches per worker
are out at a time: memory stays bounded however large the archive.

A worker loads the pipelines once per process (``pipeline.load_nlp`` is cached) and picks the
one of each article's language (``dispatch``), as the writer's own process would.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ExtractionError, UsageError
from ..model import Document

if TYPE_CHECKING:  # the writer imports this module, and needs no spaCy
    from spacy.language import Language

# The environment variable naming the model the forkserver preloads (``nlp.preload``).
PRELOAD_MODEL = "HABEAS_FORKSERVER_MODEL"
# Batches in flight per worker: one being read, one waiting, so a worker never idles while the
# writer stores the batch before.
WINDOW = 2
# How often a worker process checks that the writer still runs.
WATCH_SECONDS = 1.0


@dataclass
class Result:
    """One article's outcome: its Extraction as a record, or why the NLP failed on it."""

    source: str
    language: str | None
    record: dict[str, Any] | None = None
    error: str | None = None


def extract_batch(model: str, batch_size: int, documents: list[Document],
                  english: Callable[[], Language] | None = None) -> list[Result]:
    """The NLP of one batch, in its order (what a worker runs). ``english``: the English
    pipeline already loaded in this process; else the model's, loaded once per process."""
    from .dispatch import process_documents
    from .pipeline import load_nlp

    results = []
    for document, extraction in process_documents(english or (lambda: load_nlp(model)),
                                                  documents, batch_size=batch_size):
        if isinstance(extraction, ExtractionError):
            results.append(Result(document.source, document.language, error=str(extraction)))
        else:
            results.append(Result(document.source, document.language,
                                   record=extraction.to_record()))
    return results


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class Workers:
    """Where the NLP runs: ``count`` workers, and ``map`` from batches of documents to
    (batch, results), batch by batch in the order given."""

    count: int
    map: Callable[[Iterable[list[Document]]], Iterator[tuple[list[Document], list[Result]]]]


@contextmanager
def workers(*, jobs: int, scheduler: str | None, model: str, batch_size: int,
            english: Callable[[], Language]) -> Iterator[Workers]:
    """The NLP in this process (``jobs`` 1, with the ``english`` pipeline it has), in ``jobs``
    worker processes, or on the Dask cluster whose scheduler is at ``scheduler``
    (``tcp://HOST:8786``)."""
    if scheduler:
        with _dask(scheduler) as (client, count):
            yield Workers(count, lambda batches: ordered(
                lambda b: client.submit(extract_batch, model, batch_size, b, pure=False),
                batches, WINDOW * count))
    elif jobs <= 1:
        yield Workers(1, lambda batches: (
            (b, extract_batch(model, batch_size, b, english)) for b in batches))
    else:
        # forkserver: workers forked from a clean process, not from this one (its threads,
        # the progress bar's, its database connections)
        context = multiprocessing.get_context("forkserver")
        # the forkserver loads the English pipeline once and the workers are forked with it
        # (``preload``); the variable is read when it starts, on the pool's first process
        os.environ[PRELOAD_MODEL] = model
        context.set_forkserver_preload(["habeas.nlp.workers", "habeas.nlp.dispatch",
                                        "habeas.nlp.preload"])
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_watch,
                                 initargs=(os.getpid(),)) as pool:

            def submit(batch: list[Document]) -> Future:
                with _main_unseen():  # the pool starts its workers in ``submit``
                    return pool.submit(extract_batch, model, batch_size, batch)

            yield Workers(jobs, lambda batches: ordered(submit, batches, WINDOW * jobs))


@contextmanager
def _main_unseen() -> Iterator[None]:
    """A worker process started in this block does not run this process's main script again.

    multiprocessing runs the parent's ``__main__`` file again in each child it starts without
    forking the parent (spawn, forkserver), so that functions defined there can be unpickled.
    The workers run only functions of ``habeas.nlp``, and the main script is mostly ``habeas``,
    the console script, whose ``import habeas.cli`` (Typer, Rich, SQLAlchemy, the store) cost
    each worker about 0.6 s of CPU. Without a ``__file__`` the main module is left alone, as in
    an interactive session (``multiprocessing.spawn.get_preparation_data``)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def _watch(writer: int) -> None:
    """In a worker: end this process when the writer is gone (a ``kill -9`` of ``habeas run``
    must not leave workers behind: nothing else tells them, their queue stays open)."""
    import threading
    import time

    import psutil

    process = psutil.Process(writer)

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            try:
                gone = not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
            except psutil.Error:
                gone = True
            if gone:
                os._exit(1)

    threading.Thread(target=watch, name="habeas-writer-watch", daemon=True).start()


def ordered(submit: Callable[[list[Document]], Future], batches: Iterable[list[Document]],
            window: int) -> Iterator[tuple[list[Document], list[Result]]]:
    """Submit batches, at most ``window`` out at a time; yield each with its results, in
    order."""
    out: deque = deque()
    for batch in batches:
        out.append((batch, submit(batch)))
        if len(out) >= window:
            batch, future = out.popleft()
            yield batch, future.result()
    while out:
        batch, future = out.popleft()
        yield batch, future.result()


@contextmanager
def _dask(scheduler: str):
    """A client of the cluster and how many workers it has (a clear error when none)."""
    try:
        from distributed import Client
    except ImportError as e:  # pragma: no cover - a main dependency
        raise UsageError("--scheduler needs the 'distributed' package") from e
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as e:
        raise UsageError(f"no Dask scheduler answers at {scheduler} ({e})") from e
    try:
        if not client.scheduler_info(n_workers=-1).get("workers"):
            try:
                client.wait_for_workers(1, timeout=30)  # workers may still be starting
            except TimeoutError as e:
                raise UsageError(f"the Dask scheduler at {scheduler} has no workers") from e
        yield client, max(len(client.scheduler_info(n_workers=-1)["workers"]), 1)
    finally:
        client.close()

