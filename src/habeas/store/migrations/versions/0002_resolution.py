"""Person resolution: blocking keys, merges and splits, merge suggestions.

Revision ID: 0002_resolution
Revises: 0001
Create Date: 2025-02-01

Written by hand from ``habeas.store.resolution`` and frozen, like 0001. Branches from 0001
beside the other 0002 revisions; ``migrate`` upgrades every head.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_resolution"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_REUSE = {"sqlite_autoincrement": True}


def _person_fk(column: str, table: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["persons.id"],
                                   name=op.f(f"fk_{table}_{column}_persons"), ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "person_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        _person_fk("person_id", "person_keys", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_keys")),
        sa.UniqueConstraint("person_id", "key", name=op.f("uq_person_keys_person_id_key")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_person_keys_person_id"), "person_keys", ["person_id"])
    op.create_index(op.f("ix_person_keys_key"), "person_keys", ["key"])

    op.create_table(
        "merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("into_id", sa.Integer(), nullable=True),
        sa.Column("person_name", sa.String(length=300), nullable=False),
        sa.Column("into_name", sa.String(length=300), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.CheckConstraint("action IN ('merge', 'split')", name=op.f("ck_merges_action")),
        _person_fk("person_id", "merges", "SET NULL"),
        _person_fk("into_id", "merges", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merges")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_merges_person_id"), "merges", ["person_id"])
    op.create_index(op.f("ix_merges_into_id"), "merges", ["into_id"])

    op.create_table(
        "merge_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'accepted', 'rejected')",
                           name=op.f("ck_merge_suggestions_status")),
        _person_fk("person_id", "merge_suggestions", "CASCADE"),
        _person_fk("candidate_id", "merge_suggestions", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_suggestions")),
        sa.UniqueConstraint("person_id", "candidate_id",
                            name=op.f("uq_merge_suggestions_person_id_candidate_id")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_merge_suggestions_person_id"), "merge_suggestions", ["person_id"])
    op.create_index(op.f("ix_merge_suggestions_candidate_id"), "merge_suggestions",
                    ["candidate_id"])
    op.create_index(op.f("ix_merge_suggestions_status"), "merge_suggestions", ["status"])


def downgrade() -> None:
    for table in ("merge_suggestions", "merges", "person_keys"):
        op.drop_table(table)
