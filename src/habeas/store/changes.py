"""The store's change mark: a value that changes with every transaction that writes to the
record, whichever process writes, so that a process may keep answers (the web app's search,
``web.search``) and know, with one primary-key read, whether they still hold.

The mark is one row of ``app_settings`` (``MARK_KEY``) holding a random value. The first
statement of a transaction that writes to a table a search reads (anything but the tables of
``QUIET_TABLES``: accounts, web sessions, the watch's marks), or that changes the schema, sets
it to a new random value first, in the same transaction: so the new mark is committed with the
write or rolled back with it, a reader sees the new mark exactly when it sees the write, and a
value is never seen twice for two contents (a counter could be: a rolled-back transaction would
give its next value again to different rows). One more statement per writing transaction.

Every engine of ``db.make_engine`` watches its statements (``watch``), and an engine's writes
are marked once ``db.migrate`` has brought its store to the schema that has ``app_settings``
(``marked``; before that nothing is kept against it). Writes made by hand, outside Habeas
(``sqlite3``, ``psql``), do not change the mark: a server keeping answers must be restarted
after them.
"""

from __future__ import annotations

import re
import secrets
import weakref
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

MARK_KEY = "store.changes"
# Tables a search never reads: a write to them alone leaves the mark as it is (a sign-in
# writes a web session; a viewer marking an alert read should not empty the answers kept).
QUIET_TABLES = frozenset({"users", "api_tokens", "sessions", "audit_log", "app_settings",
                          "alerts", "alert_marks", "feed_tokens", "watched_sources",
                          "seen_items", "tracked_persons", "name_surnames", "surname_forms",
                          "name_form_queue"})
# The first words of a statement that changes rows or the schema.
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE")
_TARGET = re.compile(r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?"
                     r"|DELETE\s+FROM)\s+\"?(\w+)\"?", re.IGNORECASE)
_WRITE_IN_WITH = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
# conn.info key: this transaction has set a new mark already
_MARKED = "habeas_mark_set"
_READ = text("SELECT value FROM app_settings WHERE key = :key").bindparams(key=MARK_KEY)

# The pools (one per engine, shared by its ``execution_options`` copies) whose stores have the
# mark: their writes set it, and answers may be kept against it.
_marked_pools: weakref.WeakSet = weakref.WeakSet()


def changes_store(statement: str) -> bool:
    """Whether ``statement`` writes to a table a search may read, or changes the schema."""
    head = statement.lstrip()[:8].upper()
    if head.startswith("WITH"):
        return bool(_WRITE_IN_WITH.search(statement))
    if not head.startswith(_WRITES):
        return False
    target = _TARGET.match(statement)
    return target is None or target[1].lower() not in QUIET_TABLES


def watch(engine: Engine) -> None:
    """Set the mark before the first write of each transaction of ``engine`` (once marked)."""
    from sqlalchemy import event

    @event.listens_for(engine, "before_cursor_execute")
    def _before(connection: Connection, cursor: Any, statement: str, *_: Any) -> None:
        if (_MARKED not in connection.info and connection.engine.pool in _marked_pools
                and changes_store(statement)):
            connection.info[_MARKED] = True
            set_mark(cursor.connection)

    def _ended(connection: Connection, *_: Any) -> None:
        if not connection.invalidated:  # a lost connection's info went with it (and reading
            connection.info.pop(_MARKED, None)  # it would refuse the rollback that follows)

    for name in ("begin", "commit", "rollback", "rollback_savepoint"):
        event.listen(engine, name, _ended)


def set_mark(dbapi_connection: Any) -> None:
    """A new random mark, written on a DBAPI connection (in the watcher, that of the statement
    about to run: not through SQLAlchemy, inside whose execution it runs)."""
    value = secrets.token_hex(8)  # hex digits only: safe inline, whatever the paramstyle
    own = dbapi_connection.cursor()
    try:
        own.execute(f"INSERT INTO app_settings (key, value) VALUES ('{MARK_KEY}', '{value}') "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    finally:
        own.close()


def start_marking(engine: Engine) -> None:
    """From now on ``engine``'s writes set the mark (its store has ``app_settings``)."""
    _marked_pools.add(engine.pool)


def marked(session: Session) -> bool:
    """Whether answers may be kept against the mark for ``session``'s store: its writes in
    this process set the mark, and this session's transaction has not written yet (its own
    uncommitted writes are not what other transactions see)."""
    bind = session.get_bind()
    if bind.pool not in _marked_pools or session.new or session.dirty or session.deleted:
        return False
    if session.in_transaction():
        return _MARKED not in session.connection().info
    return True


def mark(session: Session) -> str:
    """The store's mark as ``session``'s transaction sees it ("" before any marked write)."""
    found = session.connection().execute(_READ).first()
    return found[0] if found else ""


def pool_of(session: Session) -> Any:
    """What answers kept for ``session``'s store are filed under: its engine's pool."""
    return session.get_bind().pool
