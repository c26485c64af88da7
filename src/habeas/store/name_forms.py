"""The surname forms of every stored name, kept in the store, so that a writer asks for the
persons near a name instead of reading every stored name when it starts.

A writer's name index (``resolve.bulk.NameIndex``) finds the stored names that can score above
zero against a new name: those whose surname skeleton is at most one edit from the name's, i.e.
that share a form with one letter deleted (``resolve.bulk.surname_forms``). It used to read and
parse every stored name at its first article (3.2 to 3.7 s at 100,000 stored articles). Now they
are two tables: ``name_surnames``, a row per reading of a name (surname skeleton, initial,
person, the name's text), and ``surname_forms``, a row per form of each skeleton there (form,
skeleton): a name's forms give the skeletons that share one, those give the names (one query).
A given name with no surname is a row of its given name under the initial ``GIVEN_ONLY``, its
one form itself. A new name adds a row or two to ``name_surnames``, and forms only when its
skeleton is new to the store.

Kept exact by the store itself, whatever path writes a name: triggers on ``persons`` (a person
added, a name changed) and ``person_aliases`` (a spelling added, changed or moved to another
person) queue the (person, text) in ``name_form_queue``, in the writing transaction; the next
writer that looks names up takes the queue (``take_queue``: a ``DELETE ... RETURNING``, so two
writers on PostgreSQL never both take a row) and writes the forms (computed by the resolver's
parser, which the store does not import). Rows are never deleted with their person or spelling:
the name index may say "maybe" too often, never too rarely, and the resolver drops a person
that is gone (``resolve.bulk.among``); a name changed leaves its old forms, as a writer's index in
memory did.

On SQLite a batch migration that rebuilds ``persons`` or ``person_aliases`` drops their
triggers; ``ensure`` (run once per name index) makes any missing trigger again and queues every
stored name, so nothing written without them is missed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from .bulk import PLACEHOLDERS
from .db import send, tuples
from .resolution import NameFormQueue, NameSurname, SurnameForm

# The initial of a row that is a given name without a surname ("Akhtem" alone).
GIVEN_ONLY = "="
# (table, event, source columns) of each trigger: what a row of the queue is made from.
_TRIGGERS = {
    "name_forms_person_added": ("persons", "INSERT", "NEW.id, NEW.name", ""),
    "name_forms_person_renamed": ("persons", "UPDATE OF name", "NEW.id, NEW.name",
                                  "OLD.name IS DISTINCT FROM NEW.name"),
    "name_forms_alias_added": ("person_aliases", "INSERT", "NEW.person_id, NEW.alias", ""),
    "name_forms_alias_changed": ("person_aliases", "UPDATE OF alias, person_id",
                                 "NEW.person_id, NEW.alias",
                                 "OLD.alias IS DISTINCT FROM NEW.alias OR "
                                 "OLD.person_id IS DISTINCT FROM NEW.person_id"),
}
_PG_FUNCTIONS = {"persons": "name_forms_queue_person", "person_aliases": "name_forms_queue_alias"}
TRIGGERS = tuple(_TRIGGERS)


def trigger_statements(dialect: str) -> list[str]:
    """The DDL of the queue's triggers (and, on PostgreSQL, their two functions)."""
    out: list[str] = []
    if dialect == "postgresql":
        for table, function in _PG_FUNCTIONS.items():
            source = "NEW.id, NEW.name" if table == "persons" else "NEW.person_id, NEW.alias"
            out.append(
                f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$ BEGIN "
                f"INSERT INTO name_form_queue (person_id, text) VALUES ({source}); "
                f"RETURN NULL; END $$ LANGUAGE plpgsql")
    for name, (table, event, source, changed) in _TRIGGERS.items():
        when = f" WHEN ({changed})" if changed else ""
        if dialect == "postgresql":
            out.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} "
                       f"EXECUTE FUNCTION {_PG_FUNCTIONS[table]}()")
        else:
            changed = changed.replace("IS DISTINCT FROM", "IS NOT")
            when = f" WHEN {changed}" if changed else ""
            out.append(f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table}{when} "
                       f"BEGIN INSERT INTO name_form_queue (person_id, text) VALUES "
                       f"({source}); END")
    return out


def drop_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [*(f"DROP TRIGGER IF EXISTS {name} ON {table}"
                  for name, (table, *_) in _TRIGGERS.items()),
                *(f"DROP FUNCTION IF EXISTS {f}()" for f in _PG_FUNCTIONS.values())]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


QUEUE_EVERY_NAME = ("INSERT INTO name_form_queue (person_id, text) "
                    "SELECT id, name FROM persons UNION ALL "
                    "SELECT person_id, alias FROM person_aliases")


def present_triggers(connection: Connection) -> set[str]:
    if connection.dialect.name == "postgresql":
        sql = ("SELECT tgname FROM pg_trigger JOIN pg_class ON pg_class.oid = tgrelid "
               "WHERE NOT tgisinternal AND pg_class.relname IN ('persons', 'person_aliases') "
               "AND pg_class.relnamespace = to_regnamespace(current_schema())")
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return {row[0] for row in connection.exec_driver_sql(sql)}


def ensure(session: Session) -> bool:
    """Make the queue's triggers where any is missing, and then queue every stored name (what
    was written without them); whether it had to."""
    connection = session.connection()
    if set(TRIGGERS) <= present_triggers(connection):
        return False
    for statement in drop_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)
    for statement in trigger_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(QUEUE_EVERY_NAME)
    return True


def take_queue(session: Session) -> list[tuple[int, str]]:
    """The (person id, name text) queued since the last look, taken off the queue."""
    if session.autoflush:  # the names the session has still to write are queued first
        session.flush()
    # to the driver: the statement has no values, nothing to convert
    return [tuple(row) for row in send(session.connection(), TAKE, (), fetch=True)]


TAKE = "DELETE FROM name_form_queue RETURNING person_id, text"


def write_forms(session: Session, names: Iterable[tuple[str, str, int, str]],
                forms: Iterable[tuple[str, str]]) -> None:
    """Add (skeleton, initial, person id, text) rows of names and (form, skeleton) rows of
    forms, those already there left as they are: one ``executemany`` each, to the driver
    (a list's thousands of names at once)."""
    connection = session.connection()
    dialect = connection.dialect
    mark = PLACEHOLDERS[dialect.paramstyle]
    for table, rows in ((NameSurname, names), (SurnameForm, forms)):
        rows = sorted(set(rows))
        if not rows:
            continue
        columns = [c.name for c in table.__table__.columns]
        values = ", ".join([mark] * len(columns))
        head = "INSERT OR IGNORE INTO" if dialect.name == "sqlite" else "INSERT INTO"
        tail = "" if dialect.name == "sqlite" else " ON CONFLICT DO NOTHING"
        send(connection, f"{head} {table.__tablename__} ({', '.join(columns)}) "
                         f"VALUES ({values}){tail}", rows, many=True)


def known(session: Session, skeletons: set[str]) -> set[str]:
    """Those of ``skeletons`` whose forms are written (each is a form of itself)."""
    if not skeletons:
        return set()
    found: set[str] = set()
    ordered = sorted(skeletons)
    for start in range(0, len(ordered), 500):
        found.update(row[0] for row in tuples(session, _known(), {
            "skeletons": ordered[start:start + 500]}))
    return found


@functools.cache
def _known():
    """Those of ``:skeletons`` written (each is a form of itself)."""
    return select(SurnameForm.skeleton).where(
        SurnameForm.form.in_(bindparam("skeletons", expanding=True)),
        SurnameForm.form == SurnameForm.skeleton)


@functools.cache
def named_under():
    """The (person id, text) of every name whose surname skeleton (or given name alone) is
    under one of ``:forms``."""
    skeletons = select(SurnameForm.skeleton).where(
        SurnameForm.form.in_(bindparam("forms", expanding=True)))
    return select(NameSurname.person_id, NameSurname.text).where(
        NameSurname.skeleton.in_(skeletons)).distinct()


__all__ = ["GIVEN_ONLY", "TRIGGERS", "ensure", "named_under", "take_queue", "trigger_statements",
           "write_forms"]
