"""The NLP's Extraction kept with its article until (and after) resolution writes the record
from it: the stages are separate (NLP in worker processes or on a cluster, one writer), and
``habeas resolve`` can run resolution again without the NLP.

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


def upgrade() -> None:
    op.add_column("articles", sa.Column("extraction", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("extraction")
