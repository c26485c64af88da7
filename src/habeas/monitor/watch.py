"""Watching sources: feeds and pages by URL, folders by path, polled again and again.

Each source keeps its state in the store (``store.monitor``): the ETag and Last-Modified the
server sent, sent back on the next request (a 304 costs nothing), the items already read (a
feed entry by its id or link, a page by its text, a file by path, size and modification time),
and its failures. A source that fails is tried again after ``every × 2^(n-1)`` for its n-th
failure in a row (at most a day); its error is reported and the other sources go on. New items
go through the same path as ``habeas run``: stored as articles (once, by content hash),
extracted, resolved; then the new events make alerts. Restarting never reads an item twice: the
items seen are in the store, and an article stored twice would be the same row anyway.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import HabeasError, Reason, UsageError
from ..model import Document, Rejected
from ..sources import web
from ..sources.files import format_size, read_path, walk
from ..sources.guards import printable
from ..store import db
from ..store.models import utcnow
from ..store.monitor import SeenItem, WatchedSource
from ..workspace import ExtractReport, Habeas
from . import alerts

if TYPE_CHECKING:  # imported by a poll (the CLI's other commands do not need it)
    import httpx

log = logging.getLogger(__name__)

# Seconds between polls unless --every says otherwise.
DEFAULT_EVERY = 15 * 60
DEFAULT_TIMEOUT = web.FETCH_TIMEOUT
# The longest a failing source waits before its next try.
MAX_BACKOFF = dt.timedelta(days=1)
# Failures in a row after which a source is shown as dead (it is still tried, once a day).
DEAD_AFTER = 5
# Longest location watched: what a PostgreSQL unique index holds with room to spare.
MAX_LOCATION_BYTES = 2000
# Longest error kept for a source.
MAX_ERROR_CHARS = 300


class SourceFailed(Exception):
    """A source could not be read this time; the message is its one-line reason."""


@dataclass
class Polled:
    """What one poll of one source did."""

    location: str
    outcome: str                       # new, unchanged, failed, waiting
    new: int = 0                       # articles stored
    already: int = 0                   # new items whose text was already stored
    skipped: list[Rejected] = field(default_factory=list)
    error: str | None = None
    failures: int = 0
    next_try_at: dt.datetime | None = None


@dataclass
class Cycle:
    polled: list[Polled] = field(default_factory=list)
    extracted: ExtractReport | None = None
    alerts: list[dict] = field(default_factory=list)
    mailed: int = 0
    mail_error: str | None = None

    @property
    def failed(self) -> list[Polled]:
        return [p for p in self.polled if p.outcome == "failed"]


@dataclass
class Health:
    """A watched source as ``habeas sources`` shows it."""

    id: int
    location: str
    kind: str
    state: str                         # new, ok, failing, dead
    articles: int
    last_checked_at: dt.datetime | None
    last_success_at: dt.datetime | None
    failures: int
    last_error: str | None
    next_try_at: dt.datetime | None


@dataclass
class _Lazy:
    """A file, read only once its unit turns out to be unseen."""

    path: Path
    max_bytes: int

    def read(self) -> list[Document | Rejected]:
        return list(read_path(self.path, outer={}, max_bytes=self.max_bytes, encoding=None))


@dataclass
class _Unit:
    """Items read together and marked seen together: a feed entry, a page, a file. An
    empty key: reported, never marked (a Rejected with nothing to know it by)."""

    key: str
    items: list[Document | Rejected | _Lazy]


# ----------------------------------------------------------------------------- sources

def normalise(location: str) -> tuple[str, str]:
    """``(location, kind)``: a URL as given, a folder as an absolute path."""
    location = location.strip()
    if len(location.encode("utf-8", "surrogateescape")) > MAX_LOCATION_BYTES:
        raise UsageError(f"{printable(location[:60])}... is longer than {MAX_LOCATION_BYTES} "
                         "bytes")
    if web.is_url(location):
        return location, "url"
    path = Path(location).expanduser()
    if path.is_dir():
        return str(path.resolve()), "folder"
    if path.exists():
        raise UsageError(f"{printable(location)} is a file: watch its folder, or read it once "
                         "with `habeas run`")
    raise UsageError(f"{printable(location)} is neither an http(s) URL nor a folder")


def add_sources(habeas: Habeas, locations: Iterable[str]) -> list[str]:
    """Watch these sources (those watched already are left as they are); their locations."""
    normalised = [normalise(item) for item in locations]  # all checked before any is stored

    def once() -> None:
        with habeas.session(write=True) as session, session.begin():
            for location, kind in normalised:
                if session.scalar(select(WatchedSource.id).where(
                        WatchedSource.location == location)) is None:
                    session.add(WatchedSource(location=location, kind=kind))

    db.retrying(once)
    return [location for location, _ in normalised]


def remove_source(habeas: Habeas, location: str) -> None:
    """Stop watching a source (by location as given to ``watch``, or its number)."""
    with habeas.transaction() as session:
        source = _find(session, location)
        session.delete(source)


def _find(session, location: str) -> WatchedSource:
    if location.isdigit():
        source = session.get(WatchedSource, int(location))
    else:
        try:
            location = normalise(location)[0]
        except UsageError:
            pass  # a folder that is gone can still be unwatched by the name it had
        source = session.scalar(select(WatchedSource).where(
            WatchedSource.location == location))
    if source is None:
        raise UsageError(f"{printable(location)} is not watched (`habeas sources` lists them)")
    return source


def health(habeas: Habeas) -> list[Health]:
    with habeas.session() as session:
        return [_health(s) for s in session.scalars(select(WatchedSource)
                                                    .order_by(WatchedSource.id))]


def _health(source: WatchedSource) -> Health:
    if source.failures >= DEAD_AFTER:
        state = "dead"
    elif source.failures:
        state = "failing"
    else:
        state = "ok" if source.last_success_at else "new"
    return Health(id=source.id, location=source.location, kind=source.kind, state=state,
                  articles=source.articles, last_checked_at=source.last_checked_at,
                  last_success_at=source.last_success_at, failures=source.failures,
                  last_error=source.last_error, next_try_at=source.next_try_at)


def backoff(every: float, failures: int) -> dt.timedelta:
    """How long a source waits after its ``failures``-th failure in a row."""
    if failures <= 0:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=every * 2 ** min(failures - 1, 20)), MAX_BACKOFF)


def is_due(source: WatchedSource, *, now: dt.datetime, every: float) -> bool:
    """Whether a source is polled now. Half a period of slack: a cron job started a few
    seconds early still tries a source whose wait ends at its start."""
    return source.next_try_at is None or \
        source.next_try_at <= now + dt.timedelta(seconds=every / 2)


# ----------------------------------------------------------------------------- polling

def poll(habeas: Habeas, locations: Iterable[str] | None = None, *,
         every: float = DEFAULT_EVERY, timeout: float = DEFAULT_TIMEOUT,
         now: dt.datetime | None = None,
         progress: Callable[[Polled], None] | None = None) -> list[Polled]:
    """Poll the sources at ``locations`` (all watched sources when None), each once, in order;
    a source that fails is reported in its ``Polled`` and the others go on."""
    now = now or utcnow()
    wanted = None if locations is None else [normalise(item)[0] for item in locations]
    with habeas.session() as session:
        query = select(WatchedSource).order_by(WatchedSource.id)
        if wanted is not None:
            query = query.where(WatchedSource.location.in_(wanted))
        sources = list(session.scalars(query))
    import httpx  # here, not at the import of the CLI: only a poll needs it

    results = []
    client = httpx.Client(timeout=timeout, follow_redirects=True,
                          headers={"User-Agent": web.USER_AGENT, "Accept": web.ACCEPT})
    with client:
        for source in sources:
            result = poll_one(habeas, source, client=client, every=every, now=now)
            results.append(result)
            if progress:
                progress(result)
    return results


def poll_one(habeas: Habeas, source: WatchedSource, *, client: httpx.Client, every: float,
             now: dt.datetime) -> Polled:
    """One source, read and stored; never raises for the source's own faults."""
    if not is_due(source, now=now, every=every):
        return Polled(source.location, "waiting", failures=source.failures,
                      next_try_at=source.next_try_at, error=source.last_error)
    try:
        if source.kind == "url":
            units, validators = _read_url(source, client, max_bytes=habeas.settings.max_bytes)
        else:
            units, validators = _read_folder(source, max_bytes=habeas.settings.max_bytes), {}
        if units is None:  # 304: nothing changed since the last poll
            _succeeded(habeas, source.id, [], validators, 0, now=now)
            return Polled(source.location, "unchanged")
        fresh = _unseen(habeas, source.id, units)
    except SourceFailed as e:
        return _failed(habeas, source.id, str(e), every=every, now=now)
    except (HabeasError, SQLAlchemyError):
        raise  # the store's trouble, not the source's: the cycle stops and says so
    except Exception as e:  # a parser's bug on one odd page must not stop the other sources
        log.exception("reading %s failed", source.location)
        return _failed(habeas, source.id, f"unexpected {type(e).__name__}: {e}", every=every,
                       now=now)
    report = habeas.ingest_documents(item for unit in fresh for item in unit.items)
    _succeeded(habeas, source.id, [u.key for u in fresh], validators, report.ingested, now=now)
    return Polled(source.location, "new" if report.ingested else "unchanged",
                  new=report.ingested, already=len(report.already), skipped=report.rejected)


def _read_url(source: WatchedSource, client: httpx.Client, *,
              max_bytes: int) -> tuple[list[_Unit] | None, dict[str, str | None]]:
    """The items at a URL (None when the server says 304), and the validators to keep: a
    200's replace the old ones (a server that stopped sending an ETag gets none back)."""
    import httpx

    url = source.location
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    try:
        with client.stream("GET", url, headers=headers) as answer:
            validators = {"etag": answer.headers.get("etag"),
                          "last_modified": answer.headers.get("last-modified")}
            if answer.status_code == 304:  # may refresh the validators, never drops them
                return None, {k: v for k, v in validators.items() if v}
            if answer.status_code >= 400:
                raise SourceFailed(f"HTTP {answer.status_code} {answer.reason_phrase}")
            data = _read_body(answer, max_bytes)
            response = web.Response(
                data=data, url=str(answer.url),
                content_type=answer.headers.get("content-type", "").split(";")[0].strip()
                .lower(), charset=answer.charset_encoding)
    except httpx.TimeoutException as e:
        raise SourceFailed(f"no answer within {client.timeout.read} s") from e
    except httpx.HTTPError as e:
        raise SourceFailed(_one_line(f"cannot fetch: {type(e).__name__} {e}")) from e
    items = list(web.read_response(url, response, outer={}, encoding=None))
    documents = [item for item in items if isinstance(item, Document)]
    if not documents:
        first = next((i for i in items if isinstance(i, Rejected)), None)
        raise SourceFailed(f"{first.reason.value}: {first.detail}" if first else "nothing read")
    units = [_Unit(_key(_identity(d, response.url)), [d]) for d in documents]
    units += [_Unit("", [i]) for i in items if isinstance(i, Rejected)]  # reported, not kept
    return units, validators


def _read_body(answer: httpx.Response, max_bytes: int) -> bytes:
    length = answer.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise SourceFailed(f"{format_size(int(length))} is over the {format_size(max_bytes)} "
                           "limit")
    data = bytearray()
    for chunk in answer.iter_bytes():
        data += chunk
        if len(data) > max_bytes:
            raise SourceFailed(f"more than the {format_size(max_bytes)} limit")
    return bytes(data)


def _identity(document: Document, page_url: str) -> str:
    """What makes an item the same item next time: a feed entry's id or link; for a page,
    its text (a page that changes is a new item)."""
    if document.doc_id:
        return f"id:{document.doc_id}"
    if document.url and document.url != page_url:
        return f"url:{document.url}"
    return f"text:{document.content_hash}"


def _read_folder(source: WatchedSource, *, max_bytes: int) -> list[_Unit]:
    folder = Path(source.location)
    if not folder.is_dir():
        raise SourceFailed("the folder is gone" if not folder.exists() else "not a folder")
    units = []
    for found in walk(folder):
        if isinstance(found, Rejected):
            units.append(_Unit("", [found]))
            continue
        try:
            info = found.stat()
        except OSError as e:
            units.append(_Unit("", [Rejected(printable(found), Reason.UNREADABLE,
                                             (e.strerror or str(e)).lower())]))
            continue
        key = _key(f"file:{found}:{info.st_size}:{info.st_mtime_ns}")
        units.append(_Unit(key, [_Lazy(found, max_bytes)]))  # read only if unseen
    return units


def _unseen(habeas: Habeas, source_id: int, units: list[_Unit]) -> list[_Unit]:
    """The units not read before (each once, also when a feed repeats an entry), files read."""
    keys = {u.key for u in units if u.key}
    with habeas.session() as session:
        seen = set()
        ordered = sorted(keys)
        for start in range(0, len(ordered), alerts.CHUNK):
            seen |= set(session.scalars(select(SeenItem.key).where(
                SeenItem.source_id == source_id,
                SeenItem.key.in_(ordered[start:start + alerts.CHUNK]))))
    fresh, taken = [], set()
    for unit in units:
        if unit.key and (unit.key in seen or unit.key in taken):
            continue
        taken.add(unit.key)
        items = [x for item in unit.items
                 for x in (item.read() if isinstance(item, _Lazy) else [item])]
        fresh.append(_Unit(unit.key, items))
    return fresh


def _succeeded(habeas: Habeas, source_id: int, keys: list[str], validators: dict,
               articles: int, *, now: dt.datetime) -> None:
    """Note the items read and the source's health, in one transaction."""

    def once() -> None:
        with habeas.session(write=True) as session, session.begin():
            source = session.get(WatchedSource, source_id)
            if source is None:  # unwatched meanwhile
                return
            wanted = [k for k in dict.fromkeys(keys) if k]
            known = set(session.scalars(select(SeenItem.key).where(
                SeenItem.source_id == source_id, SeenItem.key.in_(wanted)))) if wanted else set()
            session.add_all(SeenItem(source_id=source_id, key=k, seen_at=now)
                            for k in wanted if k not in known)
            for name, value in validators.items():  # folders have none
                setattr(source, name, value)
            source.last_checked_at = source.last_success_at = now
            source.failures, source.last_error, source.next_try_at = 0, None, None
            source.articles += articles

    db.retrying(once)


def _failed(habeas: Habeas, source_id: int, error: str, *, every: float,
            now: dt.datetime) -> Polled:
    error = _one_line(error)

    def once() -> WatchedSource:
        with habeas.session(write=True) as session, session.begin():
            source = session.get(WatchedSource, source_id)
            source.failures += 1
            source.last_error = error
            source.last_checked_at = now
            source.next_try_at = now + backoff(every, source.failures)
            session.flush()
            session.expunge(source)
            return source

    source = db.retrying(once)
    log.info("%s failed (%d in a row): %s", source.location, source.failures, error)
    return Polled(source.location, "failed", error=error, failures=source.failures,
                  next_try_at=source.next_try_at)


def _key(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()


def _one_line(text: str) -> str:
    return " ".join(text.split())[:MAX_ERROR_CHARS]


# ----------------------------------------------------------------------------- one cycle

def run_cycle(habeas: Habeas, locations: Iterable[str] | None = None, *,
              every: float = DEFAULT_EVERY, timeout: float = DEFAULT_TIMEOUT,
              now: dt.datetime | None = None,
              extract: Callable[[Habeas], ExtractReport] | None = None,
              progress: Callable[[Polled], None] | None = None,
              mail=None) -> Cycle:
    """Poll, extract what is pending (as ``habeas run`` does), make the alerts of the new
    events, and e-mail the alerts not yet sent when ``mail`` (``deliver.Mailer``) is given."""
    from . import deliver

    with habeas.transaction() as session:
        alerts.start(session=session)  # events from now on raise alerts
    cycle = Cycle(polled=poll(habeas, locations, every=every, timeout=timeout, now=now,
                              progress=progress))
    if habeas.pending():
        cycle.extracted = (extract or (lambda h: h.extract()))(habeas)
    with habeas.transaction() as session:
        cycle.alerts = [deliver.alert_dict(a) for a in alerts.collect(session=session)]
    if mail is not None:
        try:
            cycle.mailed = deliver.send_unsent(habeas, mail)
        except deliver.MailError as e:
            cycle.mail_error = str(e)
    return cycle
