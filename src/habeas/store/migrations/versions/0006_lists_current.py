"""Lists kept current: each list's rows as its latest import left them, and each import's
difference from the version before.

Revision ID: 0006_lists_current
Revises: 0005_totp
Create Date: 2026-12-06

Written by hand from ``habeas.store.lists``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_lists_current"
down_revision: str | None = "0005_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_REUSE = {"sqlite_autoincrement": True}


def _fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"),
                                   ondelete="SET NULL")


def upgrade() -> None:
    op.create_table(
        "list_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(length=300), nullable=False),
        sa.Column("identity", sa.String(length=400), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        _fk("person_id", "list_entries", "persons"),
        _fk("article_id", "list_entries", "articles"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_entries")),
        sa.UniqueConstraint("list_name", "identity",
                            name=op.f("uq_list_entries_list_name_identity")),
        **NO_REUSE,
    )
    for column in ("list_name", "person_id", "article_id"):
        op.create_index(op.f(f"ix_list_entries_{column}"), "list_entries", [column])

    op.create_table(
        "list_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(length=300), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("first", sa.Boolean(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("by", sa.String(length=100), nullable=True),
        sa.Column("counts", sa.Text(), nullable=True),
        sa.Column("diff", sa.Text(), nullable=True),
        _fk("article_id", "list_imports", "articles"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_imports")),
        **NO_REUSE,
    )
    for column in ("list_name", "article_id"):
        op.create_index(op.f(f"ix_list_imports_{column}"), "list_imports", [column])


def downgrade() -> None:
    for table in ("list_imports", "list_entries"):
        op.drop_table(table)
