"""The surname forms of every stored name in tables (``name_surnames``: each name's readings by
surname skeleton; ``surname_forms``: each skeleton by its forms; see ``store.name_forms``): a
writer looks up the persons near a name by its surname's forms instead of
reading and parsing every stored name when it starts (3.2 to 3.7 s at 100,000 stored articles,
growing with the store). Triggers on ``persons`` and ``person_aliases`` queue every name
written (``name_form_queue``); the next writer that looks names up writes their forms.

An existing store's names are all queued here (one INSERT ... SELECT); the first writer after
the upgrade writes their forms, once (the cost its start had every time before).

Revision ID: 0010_name_forms
Revises: 0009_lean_indexes
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_name_forms"
down_revision: str | Sequence[str] | None = "0009_lean_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The DDL as this revision made it (``store.name_forms`` may change later; a migration must not).
TRIGGERS = {
    "name_forms_person_added": ("persons", "INSERT", "NEW.id, NEW.name", ""),
    "name_forms_person_renamed": ("persons", "UPDATE OF name", "NEW.id, NEW.name",
                                  "OLD.name IS DISTINCT FROM NEW.name"),
    "name_forms_alias_added": ("person_aliases", "INSERT", "NEW.person_id, NEW.alias", ""),
    "name_forms_alias_changed": ("person_aliases", "UPDATE OF alias, person_id",
                                 "NEW.person_id, NEW.alias",
                                 "OLD.alias IS DISTINCT FROM NEW.alias OR "
                                 "OLD.person_id IS DISTINCT FROM NEW.person_id"),
}
FUNCTIONS = {"persons": ("name_forms_queue_person", "NEW.id, NEW.name"),
             "person_aliases": ("name_forms_queue_alias", "NEW.person_id, NEW.alias")}


def upgrade() -> None:
    op.create_table(
        "name_surnames",
        sa.Column("skeleton", sa.String(300), nullable=False),
        sa.Column("initial", sa.String(300), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("skeleton", "initial", "person_id", "text",
                                name="pk_name_surnames"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "surname_forms",
        sa.Column("form", sa.String(300), nullable=False),
        sa.Column("skeleton", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("form", "skeleton", name="pk_surname_forms"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "name_form_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_name_form_queue"),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        for function, source in FUNCTIONS.values():
            op.execute(f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$ BEGIN "
                       f"INSERT INTO name_form_queue (person_id, text) VALUES ({source}); "
                       f"RETURN NULL; END $$ LANGUAGE plpgsql")
    for name, (table, event, source, changed) in TRIGGERS.items():
        if postgresql:
            when = f" WHEN ({changed})" if changed else ""
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} "
                       f"EXECUTE FUNCTION {FUNCTIONS[table][0]}()")
        else:
            changed = changed.replace("IS DISTINCT FROM", "IS NOT")
            when = f" WHEN {changed}" if changed else ""
            op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table}{when} "
                       f"BEGIN INSERT INTO name_form_queue (person_id, text) VALUES "
                       f"({source}); END")
    op.execute("INSERT INTO name_form_queue (person_id, text) "
               "SELECT id, name FROM persons UNION ALL "
               "SELECT person_id, alias FROM person_aliases")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name, (table, *_) in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgresql else ""))
    if postgresql:
        for function, _ in FUNCTIONS.values():
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_table("name_form_queue")
    op.drop_table("surname_forms")
    op.drop_table("name_surnames")
