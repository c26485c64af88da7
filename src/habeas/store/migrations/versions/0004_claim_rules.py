"""A claim says which rules made it: the rule set's version ("habeas.rules.en.v1") and the hash
of its data files, beside the component that applied them (extractor, extractor_version).

Revision ID: 0004_claim_rules
Revises: 0003_alias_spellings
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_claim_rules"
down_revision: str | None = "0003_alias_spellings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_REUSE = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("claims", table_kwargs=NO_REUSE) as batch:
        batch.add_column(sa.Column("rules_version", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("rules_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims", table_kwargs=NO_REUSE) as batch:
        batch.drop_column("rules_hash")
        batch.drop_column("rules_version")
