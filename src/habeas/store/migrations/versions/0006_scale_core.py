"""The NLP's Extraction kept with its article until (and after) resolution writes the record
from it: the stages are separate (NLP in worker processes or on a cluster, one writer), and
``habeas resolve`` can run resolution again without the NLP. And the surname (a name key's last
token) of persons and aliases in an indexed column: finding "persons with this surname" read
every row (LIKE '% surname'), a cost that grew with the store.

Revision ID: 0006_scale_core
Revises: 0005_totp
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_scale_core"
down_revision: str | None = "0005_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


NO_REUSE = {"sqlite_autoincrement": True}
NAMED = ("persons", "person_aliases")
BATCH = 5_000


def upgrade() -> None:
    op.add_column("articles", sa.Column("extraction", sa.Text(), nullable=True))
    for table in NAMED:
        op.add_column(table, sa.Column("surname", sa.String(length=300), nullable=True))
        _fill_surnames(table)
        op.create_index(f"ix_{table}_surname", table, ["surname"])


def _fill_surnames(table: str) -> None:
    """The last token of each stored key, in batches (keys hold only [a-z0-9 ])."""
    connection = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column("key", sa.String),
                    sa.column("surname", sa.String))
    keys = connection.execute(sa.select(rows.c.id, rows.c.key)).all()
    for start in range(0, len(keys), BATCH):
        connection.execute(
            rows.update().where(rows.c.id == sa.bindparam("row_id"))
            .values(surname=sa.bindparam("last")),
            [{"row_id": i, "last": (key or "").split()[-1] if (key or "").split() else ""}
             for i, key in keys[start:start + BATCH]])


def downgrade() -> None:
    for table in NAMED:
        op.drop_index(f"ix_{table}_surname", table_name=table)
        with op.batch_alter_table(table, table_kwargs=NO_REUSE) as batch:
            batch.drop_column("surname")
    with op.batch_alter_table("articles", table_kwargs=NO_REUSE) as batch:
        batch.drop_column("extraction")
