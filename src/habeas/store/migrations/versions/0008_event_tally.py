"""An event's live claims counted by value (``events.tally``, ``store.tally``): what its listed
values are derived from, brought up to date when a claim joins it or is reviewed, so that a
merge no longer reads all the event's claims (a cost that grew with the reports an event
has). NULL for the events stored before: each is counted from its claims at its next
derivation.

Revision ID: 0008_event_tally
Revises: 0007_one_head
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_event_tally"
down_revision: str | None = "0007_one_head"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_REUSE = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.add_column("events", sa.Column("tally", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events", table_kwargs=NO_REUSE) as batch:
        batch.drop_column("tally")
