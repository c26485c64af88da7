"""Engines, sessions and migrations.

SQLite is the embedded default (one file, WAL, foreign keys on); PostgreSQL is used as is.
Alembic owns the schema: ``migrate`` runs the migrations shipped in ``store/migrations``, with
no ``alembic.ini`` needed. Driver errors come out as one-line ``StoreError``s, the password
masked.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import operator
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from . import changes

if TYPE_CHECKING:  # Alembic is imported when a migration runs (a third of a writer's start)
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
# How long an SQLite writer waits for another writer's lock before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",      # readers do not block the writer (web app + CLI)
    "PRAGMA foreign_keys=ON",       # off by default in SQLite
    "PRAGMA synchronous=NORMAL",    # safe with WAL, much faster than FULL
)
# Connections a process keeps open (SQLAlchemy's default: 5). The web server answers up to
# 40 requests at once (uvicorn's thread pool); with 5, 20 parallel clients made it close and
# open a connection for about one request in three (a PostgreSQL connection is a new server
# process; a SQLite one starts with an empty page cache), and wait for one besides.
POOL_SIZE = 20
# The execution option that makes a transaction a writer's: BEGIN IMMEDIATE on SQLite (the write
# lock is taken at BEGIN, waiting up to the busy timeout, so a transaction never fails when it
# first writes), and a transaction-scoped advisory lock on PostgreSQL (one writer at a time, as
# on SQLite; a second ``habeas run`` waits for the first's article instead of racing it).
WRITER_OPTION = "habeas_writer"
PG_WRITER_LOCK = 0x4841_4245  # "HABE": the advisory-lock key every Habeas writer takes
# A transaction that still meets a transient error (lock timeout, deadlock, serialization
# failure) is run again this many times in all, waiting a little longer each time.
RETRY_ATTEMPTS = 5
RETRY_FIRST_WAIT_S = 0.2
# Driver messages and PostgreSQL SQLSTATEs that mean "try again", not "this input is bad".
TRANSIENT_MESSAGES = ("database is locked", "database table is locked", "database is busy",
                      "deadlock detected", "could not serialize access")
TRANSIENT_SQLSTATES = ("40001", "40P01", "55P03")

T = TypeVar("T")


def masked(url: str | URL) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return "<unparseable database URL>"


def describe(error: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background link."""
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


def make_engine(url: str, *, connect_args: dict[str, Any] | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url``. For a SQLite file, its folder is created and pragmas set.

    ``connect_args`` and other keyword arguments go to ``sqlalchemy.create_engine``.
    """
    try:
        parsed = make_url(url)
    except exc.ArgumentError as e:
        raise StoreError(f"cannot parse the database URL {url!r}") from e
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite:
        _make_sqlite_folder(parsed)
    if parsed.database not in (None, "", ":memory:"):  # a pool, not one shared connection
        kwargs.setdefault("pool_size", POOL_SIZE)
    try:
        engine = create_engine(parsed, connect_args=connect_args or {}, **kwargs)
    except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as e:
        raise StoreError(f"cannot use the database URL {masked(parsed)}: {describe(e)}") from e
    if is_sqlite:
        _configure_sqlite(engine)
    elif parsed.get_backend_name() == "postgresql":
        _configure_postgresql(engine)
    changes.watch(engine)  # writes set the change mark once ``migrate`` has run
    return engine


def writer_engine(engine: Engine) -> Engine:
    """The same engine (and pool) whose transactions are a writer's (see ``WRITER_OPTION``)."""
    return engine.execution_options(**{WRITER_OPTION: True})


def is_writer(connection: Connection) -> bool:
    return bool(connection.get_execution_options().get(WRITER_OPTION))


def _make_sqlite_folder(url: URL) -> None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    folder = Path(database).expanduser().resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create the folder {folder} for the database: {e.strerror}") from e


def _configure_sqlite(engine: Engine) -> None:
    """Pragmas on every connection, and real transactions.

    The ``sqlite3`` module (Python < 3.12) does not BEGIN before DDL or SELECT, so migrations
    would not be atomic and a rollback could leave partial rows: SQLAlchemy's recipe takes over
    BEGIN (SQLite dialect docs, "Enabling Non-Legacy SQLite Transactional Modes").
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
            cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if is_writer(connection) else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if is_writer(connection):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")


def is_transient(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) is a lock or serialization error worth retrying."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
            return True
        original = getattr(error, "orig", None)
        sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        if sqlstate in TRANSIENT_SQLSTATES:
            return True
        if isinstance(error, exc.OperationalError) and any(
                m in str(original or error).lower() for m in TRANSIENT_MESSAGES):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def retrying(work: Callable[[], T], *, attempts: int | None = None) -> T:
    """``work()``, run again after a transient error (``is_transient``), up to ``attempts``
    times in all; ``work`` must be one whole transaction, so a retry starts it afresh."""
    attempts = attempts or RETRY_ATTEMPTS
    attempt = 1
    while True:
        try:
            return work()
        except Exception as e:
            if attempt >= attempts or not is_transient(e):
                raise
            wait = RETRY_FIRST_WAIT_S * 2 ** (attempt - 1) * (1 + random.random())
            attempt += 1
            log.info("transient database error (%s); attempt %d of %d in %.1f s",
                     describe(e), attempt, attempts, wait)
            time.sleep(wait)


def rows(session: Session, statement: Any, params: dict[str, Any] | None = None) -> list[Any]:
    """The rows of a Core ``statement`` (columns, not objects), run on the session's
    connection: the session's pending changes are flushed first, as its own ``execute``
    would, but the ORM's per-statement work is skipped (about a third of a small read's CPU),
    and the rows are fetched at once (iterating a result fetches them one call per row).
    Built once (``functools.cache``, lists as expanding parameters), a statement is also
    compiled once."""
    if session.autoflush:  # nothing to do when the session is clean
        session.flush()
    return session.connection().execute(statement, params or {}).all()


def tuples(session: Session, statement: Any, params: dict[str, Any] | None = None
           ) -> list[tuple]:
    """``rows``, as plain tuples (no names), for the statements a writer sends for every
    article.

    A statement built once (``functools.cache``, lists as expanding parameters) is compiled
    once per dialect, and its SQL for each length of its lists made once (``_plan``); then it
    goes to the driver's cursor with its values in order, as SQLAlchemy would send it, but
    without SQLAlchemy's execution layer (its context, its result object and the expanding of
    the lists at every call: about two thirds of a small read's CPU here, 70 against 25 µs).
    The engine's ``before_cursor_execute`` listeners still see it (``send``), and a driver
    error comes out as SQLAlchemy's. Result columns that need converting (JSON) are converted
    as SQLAlchemy would; a statement whose values need a bind conversion runs through
    SQLAlchemy."""
    if session.autoflush:  # nothing to do when the session is clean, as its own queries
        session.flush()  # (``session.new`` and ``dirty`` were a set made at every call)
    connection = session.connection()
    params = params or {}
    plan = _plan(statement, connection.dialect, tuple(
        (k, len(v) if isinstance(v, list | tuple) else -1) for k, v in params.items()))
    if plan is None:
        return [tuple(row) for row in connection.execute(statement, params)]
    sql, getters, named, convert = plan
    if named:
        values: Any = {name: get(params) for name, get in getters}
    else:
        values = tuple(get(params) for _, get in getters)
    return _sent(connection, sql, values, convert)


def _sent(connection: Connection, sql: str, values: Any, convert: list | None) -> list[Any]:
    """``sql`` with ``values`` on the DBAPI cursor of ``connection``; its rows, converted."""
    found = send(connection, sql, values, fetch=True)
    if found and type(found[0]) is not tuple:
        found = [tuple(row) for row in found]
    if convert is None:
        return found
    for index, process in convert:  # a column at a time: most have nothing to convert
        found = [(*row[:index], process(row[index]), *row[index + 1:]) for row in found]
    return found


def send(connection: Connection, sql: str, values: Any, *, many: bool = False,
         fetch: bool = False) -> list[Any] | None:
    """``sql`` (in the driver's paramstyle) with ``values`` (with ``many``, a list of them:
    ``executemany``) on the DBAPI cursor of ``connection``, in its transaction; the rows with
    ``fetch``. What ``Connection.exec_driver_sql`` does, without its execution context and
    result object: the engine's ``before_cursor_execute`` listeners see the statement (the
    change mark's watcher, ``changes.watch``, sets the mark before a write), and a driver
    error comes out as SQLAlchemy's (a lost connection invalidated)."""
    dbapi = connection.dialect.loaded_dbapi
    cursor = connection.connection.cursor()
    try:
        for listen in connection.dispatch.before_cursor_execute:
            listen(connection, cursor, sql, values, None, many)
        if many:
            cursor.executemany(sql, values)
        else:
            cursor.execute(sql, values)
        return cursor.fetchall() if fetch else None
    except dbapi.Error as e:
        # a connection lost is invalidated, as SQLAlchemy does, and the error says so
        # (``is_transient``: the unit of work is run again on a new connection)
        lost = connection.dialect.is_disconnect(e, connection.connection.dbapi_connection,
                                                cursor)
        error = exc.DBAPIError.instance(sql, values, e, dbapi.Error, ismulti=many,
                                        connection_invalidated=lost,
                                        dialect=connection.dialect)
        if lost:
            connection.invalidate(e)
        raise error from e
    finally:
        with contextlib.suppress(dbapi.Error):  # closed with its connection, if that was lost
            cursor.close()


@functools.lru_cache(maxsize=256)
def _compiled(statement: Any, dialect: Any) -> Any:
    return statement.compile(dialect=dialect)


@functools.lru_cache(maxsize=4096)
def _plan(statement: Any, dialect: Any, lengths: tuple[tuple[str, int], ...]):
    """What ``tuples`` sends for ``statement`` on ``dialect`` with the caller's parameters of
    these ``lengths`` (name, length of a list or -1 for one value): the SQL, a getter of each
    value from the caller's parameters (in the statement's order, with its name), whether the
    driver takes them by name, and the converter of each result column that needs one, with
    its place (None: none does). None when SQLAlchemy must run it (a value needing a bind
    conversion, a parameter whose name the SQL escapes)."""
    compiled = _compiled(statement, dialect)
    sample = {name: list(range(length)) if length >= 0 else None for name, length in lengths}
    state = compiled.construct_expanded_state(sample)
    if state.processors or compiled.escaped_bind_names:
        return None
    element = {element: (name, i) for name, elements in state.parameter_expansion.items()
               for i, element in enumerate(elements)}
    # the caller's values, by name or by their place in a list; the statement's own (a
    # literal in a where clause, a list of literals) as bound when it was built
    order = state.positiontup if state.positiontup is not None else list(state.parameters)
    getters = []
    for name in order:
        if name in element and element[name][0] in sample:
            getters.append((name, functools.partial(_item, *element[name])))
        elif name in sample:
            getters.append((name, operator.itemgetter(name)))
        else:
            getters.append((name, functools.partial(_constant, state.parameters[name])))
    convert = [(index, process) for index, column in enumerate(statement.selected_columns)
               if (process := _result_processor(column.type, dialect)) is not None]
    return state.statement, getters, state.positiontup is None, convert or None


def _result_processor(type_: Any, dialect: Any) -> Any:
    return type_.dialect_impl(dialect).result_processor(dialect, None)


def _item(name: str, index: int, params: dict[str, Any]) -> Any:
    return params[name][index]


def _constant(value: Any, _params: dict[str, Any]) -> Any:
    return value


def make_sessionmaker(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the CLI prints them); with
    ``write``, each of their transactions is a writer's (``WRITER_OPTION``)."""
    return sessionmaker(bind=writer_engine(engine) if write else engine, expire_on_commit=False)


@contextlib.contextmanager
def unit_of_work(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error.

    A database error comes out as ``StoreError``; other errors pass through unchanged (after the
    rollback), so nothing of a failed unit is left behind.
    """
    with sessions() as session:
        try:
            with session.begin():
                yield session
        except exc.SQLAlchemyError as e:
            raise StoreError(describe(e)) from e


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the migrations inside the package (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ",".join(sorted(ScriptDirectory.from_config(alembic_config()).get_heads())) or None


@functools.cache
def script_heads() -> frozenset[str] | None:
    """The heads of the migrations (``head_revision``'s), read from the scripts' ``revision``
    and ``down_revision`` without Alembic (None if a script names dependencies, which Alembic
    alone reads right): a store already at them needs no Alembic at all."""
    import ast

    revisions: set[str] = set()
    below: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found: dict[str, Any] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            target = node.target if isinstance(node, ast.AnnAssign) else \
                node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                else None
            if isinstance(target, ast.Name) and node.value is not None and target.id in (
                    "revision", "down_revision", "depends_on"):
                found[target.id] = ast.literal_eval(node.value)
        if "revision" not in found:
            continue
        if found.get("depends_on"):
            return None
        revisions.add(found["revision"])
        down = found.get("down_revision")
        below.update([down] if isinstance(down, str) else down or ())
    return frozenset(revisions - below)


def _stored_heads(connection: Connection) -> set[str] | None:
    """The revisions in the store's ``alembic_version`` table (None without the table)."""
    try:
        with connection.begin_nested():
            return {row[0] for row in connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version")}
    except exc.DBAPIError:
        return None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            heads = MigrationContext.configure(connection).get_current_heads()
            return ",".join(sorted(heads)) or None
    except exc.SQLAlchemyError as e:
        raise StoreError(_connect_message(engine, e)) from e


def migrate(engine: Engine, *, revision: str = "heads") -> str | None:
    """Bring the schema to ``revision`` (every head); returns the revision(s) reached.

    All of it runs in one transaction. On SQLite foreign keys are switched off for the run,
    because a batch migration rebuilds a table by dropping it, which would otherwise cascade
    deletes into its children; ``PRAGMA foreign_key_check`` then checks nothing was broken.
    """
    heads = script_heads() if revision == "heads" else None
    if heads:  # a store already at every head: nothing to run, no Alembic to import
        try:
            with engine.connect() as connection:
                stored = _stored_heads(connection)
        except exc.SQLAlchemyError as e:
            raise StoreError(_connect_message(engine, e)) from e
        if stored == heads:
            changes.start_marking(engine)
            reached = ",".join(sorted(heads))
            log.info("database %s at revision %s", masked(engine.url), reached)
            return reached
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    try:
        with writer_engine(engine).connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # outside any transaction, where the pragma takes effect
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            try:
                with connection.begin():
                    before = MigrationContext.configure(connection).get_current_heads()
                    command.upgrade(alembic_config(connection), revision)
                    if sqlite:
                        _check_foreign_keys(connection)
                    heads = MigrationContext.configure(connection).get_current_heads()
                    reached = ",".join(sorted(heads)) or None
                    if revision == "heads" and set(heads) != set(before):  # may change rows
                        changes.set_mark(connection.connection.driver_connection)
            finally:
                if sqlite:
                    connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
    except exc.SQLAlchemyError as e:
        raise StoreError(_connect_message(engine, e)) from e
    if revision == "heads":  # the schema has the mark's table
        changes.start_marking(engine)
    log.info("database %s at revision %s", masked(engine.url), reached)
    return reached


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StoreError(f"a migration broke {len(broken)} foreign keys, first {tuple(broken[0])}")


def _connect_message(engine: Engine, error: exc.SQLAlchemyError) -> str:
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        verb = "open" if engine.dialect.name == "sqlite" else "connect to"
        return f"cannot {verb} the database {masked(engine.url)}: {describe(error)}"
    return f"{masked(engine.url)}: {describe(error)}"
