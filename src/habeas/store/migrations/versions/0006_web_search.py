"""Search on PostgreSQL through a ``tsvector`` and a GIN index, not LIKE over a folded copy.

The search index is derived data (``store.search_index``): a cache rebuilt from the tables.
On PostgreSQL its two tables now hold one ``tsvector`` per report or event, indexed with GIN,
so a search reads the index instead of scanning every report. Any index of the LIKE era is
dropped and its marks cleared: the next ingest, extraction, web app start or ``habeas index``
fills the new one. On SQLite nothing changes (its index is an FTS5 table the store creates).

Revision ID: 0006_web_search
Revises: 0005_totp
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006_web_search"
down_revision: str | None = "0005_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("search_articles", "search_events")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
        op.execute(f"CREATE TABLE {table} (rowid BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)")
        op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")
    op.execute("DELETE FROM app_settings WHERE key IN ('search.articles', 'search.events')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:  # the LIKE-era index creates itself again when next needed
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.execute("DELETE FROM app_settings WHERE key IN ('search.articles', 'search.events')")
