"""One head again: the four schema changes of one round (lists kept current, scale, the watch
and alerts tables, PostgreSQL search), made side by side from 0005_totp, joined. No schema change.

Revision ID: 0007_one_head
Revises: 0006_lists_current, 0006_scale_core, 0006_watch, 0006_web_search
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0007_one_head"
down_revision: str | Sequence[str] | None = (
    "0006_lists_current", "0006_scale_core", "0006_watch", "0006_web_search")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
