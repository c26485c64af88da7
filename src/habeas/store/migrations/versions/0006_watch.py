"""Monitoring: watched sources and the items read from them, tracked persons, alerts, how far
each user has read them, and the alerts feed's tokens.

Revision ID: 0006_watch
Revises: 0005_totp
Create Date: 2026-12-06

Written by hand from ``habeas.store.monitor``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_watch"
down_revision: str | None = "0005_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_REUSE = {"sqlite_autoincrement": True}


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def _at(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "watched_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        _at("added_at", nullable=False),
        sa.Column("etag", sa.String(length=500), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        _at("last_checked_at"),
        _at("last_success_at"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        _at("next_try_at"),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('url', 'folder')", name=op.f("ck_watched_sources_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watched_sources")),
        sa.UniqueConstraint("location", name=op.f("uq_watched_sources_location")),
        **NO_REUSE,
    )
    op.create_table(
        "seen_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        _at("seen_at", nullable=False),
        _fk("seen_items", "source_id", "watched_sources", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seen_items")),
        sa.UniqueConstraint("source_id", "key", name=op.f("uq_seen_items_source_id_key")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_seen_items_source_id"), "seen_items", ["source_id"])
    op.create_table(
        "tracked_persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        _at("added_at", nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        _fk("tracked_persons", "person_id", "persons", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracked_persons")),
        sa.UniqueConstraint("key", name=op.f("uq_tracked_persons_key")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_tracked_persons_person_id"), "tracked_persons", ["person_id"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        _at("created_at", nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("event_date", sa.String(length=10), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("persons", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        _at("emailed_at"),
        sa.CheckConstraint("reason IN ('tracked', 'custody')", name=op.f("ck_alerts_reason")),
        _fk("alerts", "event_id", "events", "SET NULL"),
        _fk("alerts", "article_id", "articles", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("key", name=op.f("uq_alerts_key")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_alerts_created_at"), "alerts", ["created_at"])
    op.create_index(op.f("ix_alerts_event_id"), "alerts", ["event_id"])
    op.create_index(op.f("ix_alerts_article_id"), "alerts", ["article_id"])
    op.create_table(
        "alert_marks",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("seen_upto", sa.Integer(), nullable=False),
        _fk("alert_marks", "user_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_alert_marks")),
    )
    op.create_table(
        "feed_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=True),
        _at("created_at", nullable=False),
        _fk("feed_tokens", "user_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_tokens")),
        **NO_REUSE,
    )
    op.create_index(op.f("ix_feed_tokens_user_id"), "feed_tokens", ["user_id"])
    op.create_index(op.f("ix_feed_tokens_token_hash"), "feed_tokens", ["token_hash"],
                    unique=True)


def downgrade() -> None:
    for table in ("feed_tokens", "alert_marks", "alerts", "tracked_persons", "seen_items",
                  "watched_sources"):
        op.drop_table(table)
