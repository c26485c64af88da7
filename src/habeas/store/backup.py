"""Backups of a store, and restoring one.

SQLite: the online backup API of the ``sqlite3`` module copies the database page by page in
consistent steps, including what is still in the write-ahead log, while the web app reads and
another process writes (a plain file copy of the ``.db`` misses the newest commits, which live in
``-wal``). The copy is checked (``PRAGMA integrity_check``) before it takes the target's name.

PostgreSQL: ``pg_dump -Fc`` (custom format) and ``pg_restore``, the tools of the server's own
installation; without them on PATH the command says so. A store whose URL sets a
``search_path`` (``options=-csearch_path=X``) is dumped and restored as the schema ``X`` alone.

Restoring refuses to overwrite a store that holds anything unless ``force`` is given.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import func, select
from sqlalchemy.engine import URL, Engine, make_url

from ..errors import StoreError, UsageError
from .accounts import User
from .models import Article, Person

# Pages copied per step of the SQLite backup: the source is locked only during each step, so a
# writer waits at most one step.
SQLITE_PAGES_PER_STEP = 1024
# A backup step waits this long for another writer's commit.
SQLITE_BUSY_MS = 30_000
# Tables whose rows make a store "not empty" for ``restore``.
CONTENT_TABLES = (Article, Person, User)
PG_TIMEOUT_S = 3600


@dataclass
class BackupResult:
    path: Path
    size: int
    articles: int | None = None


def backup(engine: Engine, target: Path, *, force: bool = False) -> BackupResult:
    """Write a consistent copy of the store to ``target``."""
    target = Path(target).expanduser()
    if target.exists() and not force:
        raise UsageError(f"{target} exists; pass --force to replace it")
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name")
    if not target.parent.is_dir():
        raise UsageError(f"no folder {target.parent} to write the backup in")
    if engine.dialect.name == "sqlite":
        articles = _sqlite_backup(_sqlite_path(engine.url), target)
        return BackupResult(target, target.stat().st_size, articles)
    if engine.dialect.name == "postgresql":
        _pg_dump(engine.url, target)
        return BackupResult(target, target.stat().st_size)
    raise UsageError(f"backup does not know the {engine.dialect.name} database")


def is_empty(engine: Engine) -> bool:
    """Whether the store holds no articles, persons or users (a fresh one)."""
    with engine.connect() as connection:
        return not any(connection.scalar(select(func.count()).select_from(t)) for t in
                       CONTENT_TABLES)


def restore(engine: Engine, source: Path, *, force: bool = False) -> None:
    """Replace the store's content with the backup ``source``. The engine's store must be
    migrated (so ``is_empty`` can look); the caller migrates again after, for an older backup."""
    source = Path(source).expanduser()
    if not source.is_file():
        raise UsageError(f"no backup file {source}")
    if not force and not is_empty(engine):
        raise UsageError("the store is not empty; pass --force to replace everything in it "
                         "with the backup")
    if engine.dialect.name == "sqlite":
        _check_sqlite_backup(source)
        engine.dispose()  # no pooled connection of ours holds a read snapshot
        _sqlite_copy(source, _sqlite_path(engine.url))
    elif engine.dialect.name == "postgresql":
        _pg_restore(engine.url, source)
    else:
        raise UsageError(f"restore does not know the {engine.dialect.name} database")


# ----------------------------------------------------------------------------- SQLite

def _sqlite_path(url: URL) -> Path:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise UsageError("an in-memory SQLite store has nothing to back up or restore")
    return Path(database).expanduser()


def _sqlite_copy(source: Path, target: Path) -> None:
    try:
        src, dst = sqlite3.connect(source), sqlite3.connect(target)
        try:
            for connection in (src, dst):
                connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            src.backup(dst, pages=SQLITE_PAGES_PER_STEP)
        finally:
            src.close()
            dst.close()
    except sqlite3.Error as e:
        raise StoreError(f"cannot copy {source} to {target}: {e}") from e


def _sqlite_backup(source: Path, target: Path) -> int:
    if not source.is_file():
        raise UsageError(f"no database at {source}")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _sqlite_copy(source, partial)
        articles = _check_sqlite_backup(partial)
        connection = sqlite3.connect(partial)
        try:  # one self-contained file, no -wal beside it
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return articles


def _check_sqlite_backup(path: Path) -> int:
    """The number of articles in a sound Habeas backup; ``UsageError`` for anything else."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise UsageError(f"{path} is damaged: {verdict}")
            tables = {r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "articles"} <= tables:
                raise UsageError(f"{path} is an SQLite database but not a Habeas store")
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as e:
        raise UsageError(f"{path} is not an SQLite backup: {e}") from e


# ----------------------------------------------------------------------------- PostgreSQL

def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise StoreError(f"{name} is not on PATH: install the PostgreSQL client tools "
                         f"(e.g. apt install postgresql-client) to back up a PostgreSQL store")
    return path


def _pg_target(url: URL) -> tuple[str, dict[str, str], list[str]]:
    """A libpq URI without the password, the environment carrying it, and ``-n SCHEMA`` when
    the URL sets a search_path."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    options = unquote(str(plain.query.get("options", "")))
    schema = []
    for part in options.split():
        if part.startswith("-csearch_path="):
            schema = ["-n", part.split("=", 1)[1].split(",")[0]]
    return plain.render_as_string(hide_password=False), env, schema


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=PG_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise StoreError(f"{what} failed: {e}") from e
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise StoreError(f"{what} failed: {lines[0] if lines else f'exit {result.returncode}'}")


def _pg_dump(url: URL, target: Path) -> None:
    uri, env, schema = _pg_target(make_url(url))
    partial = target.with_name(target.name + ".partial")
    try:
        _run([_pg_tool("pg_dump"), "-Fc", "--no-owner", *schema, "-f", str(partial),
              "--dbname", uri], env, "pg_dump")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _pg_restore(url: URL, source: Path) -> None:
    uri, env, _ = _pg_target(make_url(url))
    _run([_pg_tool("pg_restore"), "--list", str(source)], env, f"reading {source}")
    _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
          "--dbname", uri, str(source)], env, "pg_restore")
