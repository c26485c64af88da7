"""The tables of person resolution: blocking keys, merges and splits, and merge suggestions.

Same ``Base`` as ``models.py``, created by the migration ``0002_resolution``. A merge sets
``persons.merged_into_id`` and writes a ``merges`` row saying who merged whom, when, why and with
what score; undoing it clears the link and stamps the row, so the history is never rewritten.
A split is a ``merges`` row too (action ``split``). A suggestion is a pair the resolver was not
sure of, waiting for a reviewer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import NO_REUSE, Base, JSONText, UTCDateTime, _in, utcnow

MERGE_ACTIONS = ("merge", "split")
SUGGESTION_STATUSES = ("pending", "accepted", "rejected")


class PersonKey(Base):
    """A blocking key of one of a person's names (``habeas.resolve.names.block_keys``)."""

    __tablename__ = "person_keys"
    __table_args__ = (UniqueConstraint("person_id", "key"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # looked up by person through the unique index of (person_id, key), its prefix
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64), index=True)


class Merge(Base):
    __tablename__ = "merges"
    __table_args__ = (CheckConstraint(_in("action", MERGE_ACTIONS), name="action"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16), default="merge")
    # merge: person_id was merged into into_id; split: person_id was split off into_id
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    into_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    person_name: Mapped[str] = mapped_column(String(300))
    into_name: Mapped[str] = mapped_column(String(300))
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(100))  # a reviewer, or the resolver's version
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[str | None] = mapped_column(String(100))
    # what a split moved (articles, aliases), so that it can be told and undone
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONText)


class Suggestion(Base):
    __tablename__ = "merge_suggestions"
    __table_args__ = (
        UniqueConstraint("person_id", "candidate_id"),
        CheckConstraint(_in("status", SUGGESTION_STATUSES), name="status"),
        NO_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                              index=True)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


RESOLUTION_TABLES = ("person_keys", "merges", "merge_suggestions")



class NameSurname(Base):
    """One reading of one stored name under its surname skeleton (``store.name_forms``): the
    persons near a name are looked up by the skeletons one edit from its surname's, not read
    with every stored name."""

    __tablename__ = "name_surnames"
    __table_args__ = {"sqlite_with_rowid": False}

    # the surname's skeleton (a given name alone: the given name, see GIVEN_ONLY)
    skeleton: Mapped[str] = mapped_column(String(300), primary_key=True)
    initial: Mapped[str] = mapped_column(String(300), primary_key=True)
    # no foreign key: a person deleted leaves its rows (see store.name_forms)
    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(String(300), primary_key=True)


class SurnameForm(Base):
    """A surname skeleton of ``name_surnames`` under each of its forms (itself and its
    one-letter deletions): two skeletons one edit apart share one."""

    __tablename__ = "surname_forms"
    __table_args__ = {"sqlite_with_rowid": False}

    form: Mapped[str] = mapped_column(String(300), primary_key=True)
    skeleton: Mapped[str] = mapped_column(String(300), primary_key=True)


class NameFormQueue(Base):
    """A name written (queued by the triggers of ``store.name_forms``) not yet in
    ``name_surnames``."""

    __tablename__ = "name_form_queue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
