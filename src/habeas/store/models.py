"""The tables of the store, as SQLAlchemy 2 declarative classes.

Alembic owns the schema (``migrations/versions``); these classes must describe the same tables,
which ``tests/test_store.py`` checks by comparing the migrated database with this metadata.
Only portable types are used, so one migration serves SQLite and PostgreSQL.

Claims are the record: every value a reviewer sees on a person or an event comes from a claim
with its article, span, attribution and extractor version. ``events`` holds the current values
derived from those claims, for fast listing.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates
from sqlalchemy.types import TypeDecorator

# Constraint names are fixed by convention so that SQLite batch migrations and PostgreSQL
# ALTERs can refer to them by the same name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ARTICLE_STATUSES = ("pending", "extracted", "failed")
CLAIM_STATUSES = ("proposed", "accepted", "rejected", "edited")
SUBJECT_TYPES = ("person", "event")
DATE_PRECISIONS = ("day", "month", "year")
MENTION_LABELS = ("PERSON", "ORG", "GPE", "DATE")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite keeps no zone: it is UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


# One encoder for every JSON value written (json.dumps with options builds one per call).
_encode_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def last_token(key: str | None) -> str:
    """A name key's last token, its surname ("" for an empty key)."""
    parts = (key or "").split()
    return parts[-1] if parts else ""


class JSONText(TypeDecorator[Any]):
    """Any JSON value, stored as text (portable; no PostgreSQL JSONB)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        return _encode_json(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        found = _DECODED.get(value, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        decoded = json.loads(value)
        if (decoded is None or isinstance(decoded, str | int | float)) and \
                len(value) <= MAX_DECODED_LENGTH and len(_DECODED) < MAX_DECODED:
            _DECODED[value] = decoded
        return decoded


# JSON texts that decode to a string, a number, a boolean or null, kept decoded (most claims'
# values: "arrest", 12): a writer reads the same few thousand again for every event it
# re-derives (``resolve.events.refresh_many``), and decoding them was a tenth of its reads. Only
# values that cannot change: a list or a dict is decoded afresh each time (its reader may
# change it).
_DECODED: dict[str, Any] = {}
_UNKNOWN = object()
MAX_DECODED = 20_000
MAX_DECODED_LENGTH = 120


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# SQLite reuses the highest rowid after a delete; AUTOINCREMENT stops that, so an id (a link
# to /persons/12) never comes to name a different record after a re-extraction deletes one.
NO_REUSE = {"sqlite_autoincrement": True}


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (CheckConstraint(_in("status", ARTICLE_STATUSES), name="status"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    doc_id: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)  # ISO date
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    extracted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    extractor: Mapped[str | None] = mapped_column(Text)  # JSON: component -> versioned name
    error: Mapped[str | None] = mapped_column(Text)
    # The NLP's Extraction (``Extraction.to_record``), kept for resolution (``resolve.article``):
    # set while the article is still pending means "read, not yet resolved". Deferred: lists of
    # articles never load it.
    extraction: Mapped[Any | None] = mapped_column(JSONText, deferred=True)

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.status} {self.title!r}>"


class Person(Base):
    __tablename__ = "persons"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)  # see persons.name_key
    # The key's last token, kept by ``validates``: "persons with this surname" is an indexed
    # lookup, not a LIKE '% surname' that reads every row (``persons.persons_by_surname``).
    surname: Mapped[str | None] = mapped_column(String(300), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )

    aliases: Mapped[list[PersonAlias]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PersonAlias.id",
    )

    @validates("key")
    def _key(self, _, key: str) -> str:
        self.surname = last_token(key)
        return key

    def __repr__(self) -> str:
        return f"<Person {self.id} {self.name!r}>"


class PersonAlias(Base):
    __tablename__ = "person_aliases"
    # One row per spelling: "Ахтем Чийгоз" and "Akhtem Chiigoz" share a key and are both kept.
    __table_args__ = (UniqueConstraint("person_id", "alias"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    surname: Mapped[str | None] = mapped_column(String(300), index=True)  # as Person.surname

    person: Mapped[Person] = relationship(back_populates="aliases")

    @validates("key")
    def _key(self, _, key: str) -> str:
        self.surname = last_token(key)
        return key


class Mention(Base):
    __tablename__ = "mentions"
    __table_args__ = (CheckConstraint(_in("label", MENTION_LABELS), name="label"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    label: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(
            f"date_precision IS NULL OR {_in('date_precision', DATE_PRECISIONS)}",
            name="date_precision",
        ),
        NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)  # ISO, at its precision
    date_precision: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(Text)
    agent: Mapped[str | None] = mapped_column(Text)
    charge: Mapped[str | None] = mapped_column(Text)
    term_months: Mapped[int | None] = mapped_column(Integer)
    release_mode: Mapped[str | None] = mapped_column(String(32))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    attributed_to: Mapped[str | None] = mapped_column(Text)
    # EventRecord.extras: a fine, a suspended term, ...
    extras: Mapped[dict[str, Any] | None] = mapped_column(JSONText)
    article_id: Mapped[int] = mapped_column(  # the first source
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Its live claims counted by value (``store.tally``), what the values above are derived
    # from; NULL: not known, made from the claims at the next derivation. Read only by a
    # derivation, so not loaded with the event.
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSONText, deferred=True)

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.type} {self.date}>"


class EventPerson(Base):
    __tablename__ = "event_persons"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class EventSource(Base):
    __tablename__ = "event_sources"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_subject", "subject_type", "subject_id"),
        # of the claims an edit or a carried decision replaced: nearly every claim has no
        # ``supersedes_id``, and a lookup asks for a value, never for NULL (migration 0009)
        Index("ix_claims_supersedes_id", "supersedes_id",
              sqlite_where=text("supersedes_id IS NOT NULL"),
              postgresql_where=text("supersedes_id IS NOT NULL")),
        CheckConstraint(_in("subject_type", SUBJECT_TYPES), name="subject_type"),
        CheckConstraint(_in("status", CLAIM_STATUSES), name="status"),
        NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSONText)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)
    attributed_to: Mapped[str | None] = mapped_column(Text)
    extractor: Mapped[str | None] = mapped_column(String(100))
    extractor_version: Mapped[str | None] = mapped_column(String(100))
    # The rules the extractor applied: "habeas.rules.en.v1" and a hash of their data files.
    rules_version: Mapped[str | None] = mapped_column(String(100))
    rules_hash: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="proposed", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL")
    )

    def __repr__(self) -> str:
        subject = f"{self.subject_type}:{self.subject_id}"
        return f"<Claim {self.id} {subject} {self.field}={self.value!r}>"


class StatisticRow(Base):
    __tablename__ = "statistics"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(32))
    attributed_to: Mapped[str | None] = mapped_column(Text)
    sentence: Mapped[str | None] = mapped_column(Text)
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)


TABLES = tuple(Base.metadata.tables)
