"""The tables of monitoring: watched sources and the items already read from them, tracked
persons, alerts, who has read which alerts, and the tokens of the alerts feed.

Same ``Base`` as ``models.py``, created by the migration ``0006_watch``. A source's state (its
ETag and Last-Modified, its failures and when to try again) lives here, so a restarted
``habeas watch`` carries on where the last one stopped. An alert copies what it says (the event,
its sentence, its source) so that it still reads the same after the event it came from is
re-extracted or merged away.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, CheckConstraint, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from .models import NO_REUSE, Base, UTCDateTime, _in, utcnow

SOURCE_KINDS = ("url", "folder")
ALERT_REASONS = ("tracked", "custody")


class WatchedSource(Base):
    """A feed, page or folder that ``habeas watch`` polls, with its health."""

    __tablename__ = "watched_sources"
    __table_args__ = (CheckConstraint(_in("kind", SOURCE_KINDS), name="kind"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    location: Mapped[str] = mapped_column(String(2000), unique=True)  # URL or absolute path
    kind: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # What the server said last time, sent back as If-None-Match / If-Modified-Since.
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_checked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row; 0 after a success
    next_try_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # backing off
    articles: Mapped[int] = mapped_column(Integer, default=0)  # new articles read in all


class SeenItem(Base):
    """One item of a source already read: a feed entry, a page's text, a file's version."""

    __tablename__ = "seen_items"
    __table_args__ = (UniqueConstraint("source_id", "key"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("watched_sources.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))  # SHA-256 of the item's identity
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class TrackedPerson(Base):
    """A name followed: matched by its key, so a person first named after tracking began is
    followed too."""

    __tablename__ = "tracked_persons"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)  # persons.name_key(name)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100), default="cli")


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (CheckConstraint(_in("reason", ALERT_REASONS), name="reason"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # SHA-256 of article, type, persons and sentence: one alert per reported event, also when
    # re-extraction gives the event a new id.
    key: Mapped[str] = mapped_column(String(64), unique=True)
    reason: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True)
    event_type: Mapped[str] = mapped_column(String(32))
    event_date: Mapped[str | None] = mapped_column(String(10))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    persons: Mapped[str] = mapped_column(Text)  # names, "; "-separated
    sentence: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    emailed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AlertMark(Base):
    """How far a user has read the alerts: every alert with a higher id is unread."""

    __tablename__ = "alert_marks"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    seen_upto: Mapped[int] = mapped_column(Integer, default=0)


class FeedToken(Base):
    """A token that reads the alerts feed and nothing else (it sits in a feed reader's URL,
    so it must not open the API); only its SHA-256 is stored; deleting the row revokes it."""

    __tablename__ = "feed_tokens"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    label: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


MONITOR_TABLES = ("watched_sources", "seen_items", "tracked_persons", "alerts", "alert_marks",
                  "feed_tokens")
