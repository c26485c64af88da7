"""Engines, sessions and migrations.

SQLite is the embedded default (one file, WAL, foreign keys on); PostgreSQL is used as is.
Alembic owns the schema: ``migrate`` runs the migrations shipped in ``store/migrations``, with
no ``alembic.ini`` needed. Driver errors come out as one-line ``StoreError``s, the password
masked.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
# How long an SQLite writer waits for another writer's lock before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",      # readers do not block the writer (web app + CLI)
    "PRAGMA foreign_keys=ON",       # off by default in SQLite
    f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=NORMAL",    # safe with WAL, much faster than FULL
)


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
    try:
        engine = create_engine(parsed, connect_args=connect_args or {}, **kwargs)
    except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as e:
        raise StoreError(f"cannot use the database URL {masked(parsed)}: {describe(e)}") from e
    if is_sqlite:
        _configure_sqlite(engine)
    return engine


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
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the CLI prints them)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ",".join(sorted(ScriptDirectory.from_config(alembic_config()).get_heads())) or None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
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
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # outside any transaction, where the pragma takes effect
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            try:
                with connection.begin():
                    command.upgrade(alembic_config(connection), revision)
                    if sqlite:
                        _check_foreign_keys(connection)
                    heads = MigrationContext.configure(connection).get_current_heads()
                    reached = ",".join(sorted(heads)) or None
            finally:
                if sqlite:
                    connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
    except exc.SQLAlchemyError as e:
        raise StoreError(_connect_message(engine, e)) from e
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
