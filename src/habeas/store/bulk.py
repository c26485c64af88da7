"""Many rows at once: ids reserved in one statement, rows written with the driver's
``executemany``. For imports of tens of thousands of rows, where the ORM's unit of work (one
INSERT and one flush per object) is what the time goes to.

The caller owns the transaction, and it must be a writer's (``Habeas.session(write=True)`` or
``Habeas.transaction``): on SQLite the write lock taken at BEGIN is what keeps the ids reserved
here free until commit. Values go through each column's own bind processing (JSON as
``JSONText`` writes it, timestamps as ``UTCDateTime`` does), so a bulk row reads back exactly
like one the ORM wrote.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from ..errors import StoreError
from .db import send

# Placeholder of one value for each DB-API paramstyle.
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
# Rows per INSERT statement (one VALUES list each: SQLite runs fewer statements, about 1.7x
# faster than one row per statement), kept under SQLite's 32,766 bound values per statement.
ROWS_PER_STATEMENT = 500
MAX_VALUES = 32_000


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys of ``table``, never used before (SQLite's AUTOINCREMENT
    counter is respected, so a deleted row's id is not handed out again)."""
    if count <= 0:
        return []
    session.flush()
    connection = session.connection()
    name = connection.dialect.name
    if name == "postgresql":
        rows = connection.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (table.name, count))
        return [row[0] for row in rows]
    if name == "sqlite":
        quoted = connection.dialect.identifier_preparer.quote(table.name)
        top = connection.exec_driver_sql(f"SELECT max(id) FROM {quoted}").scalar() or 0
        used = connection.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?",
                                          (table.name,)).scalar() or 0
        first = max(top, used) + 1
        return list(range(first, first + count))
    raise StoreError(f"bulk writing is not supported on {name}")


class Ids:
    """Fresh primary keys handed out one at a time in a writer's transaction, each the id the
    database would have given the row at its INSERT: so an object can be given its id when it
    is made, and written with others in one flush, not flushed on its own to learn its id.

    SQLite: the table's next AUTOINCREMENT id (``reserve_ids``' rule: past the highest id and
    the highest ever used), read once per table and counted on here; the write lock taken at
    BEGIN keeps them free, and every row of the table this transaction writes must take its
    id from here (a row given its id by SQLite meanwhile would take one of them). PostgreSQL:
    ``nextval`` of the table's sequence, one per id, which is what the INSERT would have
    called."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.following: dict[str, int] = {}

    def __call__(self, table: Table) -> int:
        following = self.following.get(table.name)
        if following is None:
            connection = self.session.connection()
            name = connection.dialect.name
            if name == "postgresql":
                return send(connection, "SELECT nextval(pg_get_serial_sequence(%s, 'id'))",
                            (table.name,), fetch=True)[0][0]
            if name != "sqlite":
                raise StoreError(f"ids made ahead are not supported on {name}")
            quoted = connection.dialect.identifier_preparer.quote(table.name)
            top, used = send(connection, f"SELECT (SELECT max(id) FROM {quoted}), (SELECT seq "
                             "FROM sqlite_sequence WHERE name = ?)", (table.name,),
                             fetch=True)[0]
            following = max(top or 0, used or 0) + 1
        self.following[table.name] = following + 1
        return following


def ids_ahead(session: Session, table: Table, count: int) -> list[int]:
    """The ids the next ``count`` rows INSERTed into ``table`` would be given, in one
    statement, without flushing the session (``reserve_ids`` flushes): for rows written in bulk
    whose ids a writer needs before it writes them. The caller's transaction must be a
    writer's, and the rows must be written before any other row of the table (SQLite);
    on PostgreSQL they are taken from the table's sequence, as the INSERT would take them."""
    if count <= 0:
        return []
    connection = session.connection()
    name = connection.dialect.name
    if name == "postgresql":
        return [row[0] for row in send(
            connection, "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)", (table.name, count), fetch=True)]
    if name != "sqlite":
        raise StoreError(f"ids made ahead are not supported on {name}")
    quoted = connection.dialect.identifier_preparer.quote(table.name)
    top, used = send(connection, f"SELECT (SELECT max(id) FROM {quoted}), (SELECT seq "
                     "FROM sqlite_sequence WHERE name = ?)", (table.name,), fetch=True)[0]
    first = max(top or 0, used or 0) + 1
    return list(range(first, first + count))


def insert_rows(session: Session, table: Table, columns: Sequence[str],
                rows: list[tuple[Any, ...]], *, same: dict[str, Any] | None = None,
                bound: Sequence[str] = ()) -> int:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table`` in one ``executemany``;
    ``same`` holds the columns every row shares (a timestamp), bound once; ``bound`` names the
    columns whose values the caller has bound already (``bind``). Returns the count."""
    if not rows:
        return 0
    session.flush()
    connection = session.connection()
    dialect = connection.dialect
    same = same or {}
    names = [*columns, *same]
    processors = [(i, p) for i, name in enumerate(columns)
                  if name not in bound and (p := _processor(table, name, dialect)) is not None]
    tail = tuple(bind(table, name, value, dialect) for name, value in same.items())
    if processors:
        rows = [_processed(row, processors) + tail for row in rows]
    elif tail:
        rows = [row + tail for row in rows]
    placeholder = PLACEHOLDERS.get(dialect.paramstyle)
    if placeholder is None:
        raise StoreError(f"bulk writing does not know the paramstyle {dialect.paramstyle}")
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) VALUES "
    one = f"({', '.join([placeholder] * len(names))})"
    per = max(1, min(ROWS_PER_STATEMENT, MAX_VALUES // len(names)))
    full = len(rows) // per * per
    if full:
        send(connection, head + ", ".join([one] * per),
             [tuple(chain.from_iterable(rows[i:i + per])) for i in range(0, full, per)],
             many=True)
    if full < len(rows):
        send(connection, head + ", ".join([one] * (len(rows) - full)),
             tuple(chain.from_iterable(rows[full:])))
    return len(rows)


@functools.lru_cache(maxsize=1024)
def _processor(table: Table, name: str, dialect):
    """The driver-side conversion of a column's values, made once per table, column and
    dialect (a writer sends these INSERTs for every article: building the processors again
    each time cost about a third of what sending the statements did)."""
    return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)


def bind(table: Table, name: str, value: Any, dialect) -> Any:
    """``value`` as the driver receives it for the column ``name`` of ``table``."""
    processor = _processor(table, name, dialect)
    return processor(value) if processor is not None else value


def _processed(row: tuple[Any, ...], processors: list) -> tuple[Any, ...]:
    values = list(row)
    for index, processor in processors:
        values[index] = processor(values[index])
    return tuple(values)
