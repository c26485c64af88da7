"""Search on PostgreSQL through a ``tsvector`` and a GIN index, not LIKE over a folded copy.

The search index is derived data (``store.search_index``): a cache rebuilt from the tables.
On PostgreSQL its two tables now hold one ``tsvector`` per report or event, indexed with GIN,
so a search reads the index instead of scanning every report. Any index of the LIKE era is
dropped and its marks cleared: the next ingest, extraction, web app start or ``habeas index``
fills the new one. On SQLite nothing changes (its index is an FTS5 table the store creates).

The person search finds a name by any part of its key (``LIKE '%...%'``), which reads every
person and alias; with the ``pg_trgm`` extension (in PostgreSQL's contrib, trusted since 13)
trigram GIN indexes answer it instead. Where the extension cannot be installed (no contrib,
no right to create it), the indexes are left out and the search reads the tables as before.

Revision ID: 0006_web_search
Revises: 0005_totp
Create Date: 2026-12-06
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from alembic import op

revision: str = "0006_web_search"
down_revision: str | None = "0005_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

TABLES = ("search_articles", "search_events")
# (index, table): trigram indexes for the person search's LIKE on name keys.
TRIGRAM_INDEXES = (("ix_persons_key_trgm", "persons"),
                   ("ix_person_aliases_key_trgm", "person_aliases"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
        op.execute(f"CREATE TABLE {table} (rowid BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)")
        op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")
    op.execute("DELETE FROM app_settings WHERE key IN ('search.articles', 'search.events')")
    _trigram_indexes()


def _trigram_indexes() -> None:
    """Trigram indexes on the name keys, when ``pg_trgm`` is there or can be installed (in
    the schema it already lives in, else ``public``: a schema of its own would take it away
    when dropped)."""
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            schema = bind.exec_driver_sql(
                "SELECT extnamespace::regnamespace::text FROM pg_extension "
                "WHERE extname = 'pg_trgm'").scalar()
            if schema is None:
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
                schema = "public"
            for index, table in TRIGRAM_INDEXES:
                bind.exec_driver_sql(
                    f"CREATE INDEX {index} ON {table} USING gin (key {schema}.gin_trgm_ops)")
    except Exception as e:  # noqa: BLE001  (an index left out, never a store left unopened)
        log.warning("pg_trgm not available, the person search reads every name: %s",
                    str(e).splitlines()[0])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for index, _table in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {index}")
    for table in TABLES:  # the LIKE-era index creates itself again when next needed
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.execute("DELETE FROM app_settings WHERE key IN ('search.articles', 'search.events')")
