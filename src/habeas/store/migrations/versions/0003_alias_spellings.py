"""Aliases are spellings: one person may be written "Ахтем Чийгоз" and "Akhtem Chiigoz", which
share a lookup key; both are kept, so the unique pair is (person, alias), not (person, key).

Revision ID: 0003_alias_spellings
Revises: 0002_resolution
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_alias_spellings"
down_revision: str | None = "0002_resolution"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_REUSE = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("person_aliases", table_kwargs=NO_REUSE) as batch:
        batch.drop_constraint(op.f("uq_person_aliases_person_id_key"), type_="unique")
        batch.create_unique_constraint(op.f("uq_person_aliases_person_id_alias"),
                                       ["person_id", "alias"])


def downgrade() -> None:
    # Keep the first spelling of each key, as the old constraint allowed one.
    op.execute("DELETE FROM person_aliases WHERE id NOT IN "
               "(SELECT MIN(id) FROM person_aliases GROUP BY person_id, key)")
    with op.batch_alter_table("person_aliases", table_kwargs=NO_REUSE) as batch:
        batch.drop_constraint(op.f("uq_person_aliases_person_id_alias"), type_="unique")
        batch.create_unique_constraint(op.f("uq_person_aliases_person_id_key"),
                                       ["person_id", "key"])
