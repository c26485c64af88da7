"""The initial schema: articles, persons, mentions, events, claims, statistics.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written by hand from ``habeas.store.models`` and frozen: it does not import the models, so that
later changes to them cannot change what this revision creates. Portable types only; the same
revision runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# SQLite must not reuse the id of a deleted row (ids are links); PostgreSQL never does.
NO_REUSE = {"sqlite_autoincrement": True}


def _timestamp(name: str, *, nullable: bool) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=300), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        _timestamp("ingested_at", nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _timestamp("extracted_at", nullable=True),
        sa.Column("extractor", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'extracted', 'failed')", name=op.f("ck_articles_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_articles_content_hash"), "articles", ["content_hash"], unique=True)
    op.create_index(op.f("ix_articles_published"), "articles", ["published"])
    op.create_index(op.f("ix_articles_status"), "articles", ["status"])

    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        _timestamp("created_at", nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["persons.id"],
            name=op.f("fk_persons_merged_into_id_persons"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_persons_key"), "persons", ["key"])
    op.create_index(op.f("ix_persons_merged_into_id"), "persons", ["merged_into_id"])

    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"],
            name=op.f("fk_person_aliases_person_id_persons"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
        sa.UniqueConstraint("person_id", "key", name=op.f("uq_person_aliases_person_id_key")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_person_aliases_key"), "person_aliases", ["key"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "label IN ('PERSON', 'ORG', 'GPE', 'DATE')", name=op.f("ck_mentions_label")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_mentions_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"],
            name=op.f("fk_mentions_person_id_persons"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_mentions_article_id"), "mentions", ["article_id"])
    op.create_index(op.f("ix_mentions_person_id"), "mentions", ["person_id"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("agent", sa.Text(), nullable=True),
        sa.Column("charge", sa.Text(), nullable=True),
        sa.Column("term_months", sa.Integer(), nullable=True),
        sa.Column("release_mode", sa.String(length=32), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("extras", sa.Text(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        _timestamp("created_at", nullable=False),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'month', 'year')",
            name=op.f("ck_events_date_precision"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_events_article_id_articles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_events_article_id"), "events", ["article_id"])
    op.create_index(op.f("ix_events_date"), "events", ["date"])
    op.create_index(op.f("ix_events_type"), "events", ["type"])

    op.create_table(
        "event_persons",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"],
            name=op.f("fk_event_persons_event_id_events"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"],
            name=op.f("fk_event_persons_person_id_persons"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "person_id", name=op.f("pk_event_persons")),
    )
    op.create_index(op.f("ix_event_persons_person_id"), "event_persons", ["person_id"])

    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_event_sources_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"],
            name=op.f("fk_event_sources_event_id_events"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sources")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_event_sources_article_id"), "event_sources", ["article_id"])
    op.create_index(op.f("ix_event_sources_event_id"), "event_sources", ["event_id"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("extractor", sa.String(length=100), nullable=True),
        sa.Column("extractor_version", sa.String(length=100), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        _timestamp("created_at", nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        _timestamp("reviewed_at", nullable=True),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected', 'edited')",
            name=op.f("ck_claims_status"),
        ),
        sa.CheckConstraint(
            "subject_type IN ('person', 'event')", name=op.f("ck_claims_subject_type")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_claims_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["claims.id"],
            name=op.f("fk_claims_supersedes_id_claims"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_claims_article_id"), "claims", ["article_id"])
    op.create_index(op.f("ix_claims_status"), "claims", ["status"])
    op.create_index("ix_claims_subject", "claims", ["subject_type", "subject_id"])
    op.create_index(op.f("ix_claims_supersedes_id"), "claims", ["supersedes_id"])

    op.create_table(
        "statistics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("qualifier", sa.String(length=32), nullable=True),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_statistics_article_id_articles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statistics")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_statistics_article_id"), "statistics", ["article_id"])


def downgrade() -> None:
    # Dropping a table drops its indexes; children before parents.
    for table in (
        "statistics", "claims", "event_sources", "event_persons", "events", "mentions",
        "person_aliases", "persons", "articles",
    ):
        op.drop_table(table)
