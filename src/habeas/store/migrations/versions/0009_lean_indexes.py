"""Two indexes made lean (the twelfth round of docs/scale.md): ``ix_person_keys_person_id``
dropped, since the unique index of ``(person_id, key)`` answers every lookup by person as its
prefix; and ``ix_claims_supersedes_id`` made partial, of the claims an edit or a carried
decision replaced (``supersedes_id IS NOT NULL``): nearly every claim has none, and a lookup
(``supersedes_id = ?``, the live claims' ``NOT IN``, the foreign key's ``ON DELETE SET NULL``)
asks for a value, never for NULL. Every claim written no longer adds an entry, and the store
is smaller by those entries (about 2.5 % of a store of 100,000 synthetic articles).

Also one head again: the two branches (``0004_claim_rules``, where ``person_keys`` was made, and
``0008_event_tally``) joined here.

Revision ID: 0009_lean_indexes
Revises: 0008_event_tally, 0004_claim_rules
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_lean_indexes"
down_revision: str | Sequence[str] | None = ("0008_event_tally", "0004_claim_rules")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPLACED = sa.text("supersedes_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_person_keys_person_id", table_name="person_keys")
    op.drop_index("ix_claims_supersedes_id", table_name="claims")
    op.create_index("ix_claims_supersedes_id", "claims", ["supersedes_id"],
                    sqlite_where=REPLACED, postgresql_where=REPLACED)


def downgrade() -> None:
    op.drop_index("ix_claims_supersedes_id", table_name="claims")
    op.create_index("ix_claims_supersedes_id", "claims", ["supersedes_id"])
    op.create_index("ix_person_keys_person_id", "person_keys", ["person_id"])
