"""The tables of lists kept current: what each list holds now, and what each import changed.

Same ``Base`` as ``models.py``, created by the migration ``0006_lists_current``. A list is
known by its name (the file's name unless ``habeas import --list`` says otherwise). Its
``list_entries`` are its rows as the last import left them, one per identity (the name's key and
the birth year), with the person the row was resolved to and the row's values as read; a
``list_imports`` row is one import of one version of the file, with its counts and its
difference from the version before (added, removed, changed field by field), so that a
monitor can see later what a new version of a list said that the old one did not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, Row, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from .models import NO_REUSE, Base, JSONText, UTCDateTime, utcnow


class ListEntry(Base):
    """One row of a list as its latest import read it."""

    __tablename__ = "list_entries"
    __table_args__ = (UniqueConstraint("list_name", "identity"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(String(300), index=True)
    # "name key|birth year" (a second row of one identity in a file gets "|2", ...)
    identity: Mapped[str] = mapped_column(String(400))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    row: Mapped[int] = mapped_column(Integer)  # the row number in the version that wrote it
    values: Mapped[dict[str, Any]] = mapped_column(JSONText)  # as ``resolve.lists`` read them
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True)


class ListImport(Base):
    """One import of a list: which version (article), when, by whom, and what it changed."""

    __tablename__ = "list_imports"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(String(300), index=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    source: Mapped[str] = mapped_column(Text)  # the file's path as given
    first: Mapped[bool] = mapped_column(Boolean, default=False)  # no earlier version known
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    by: Mapped[str | None] = mapped_column(String(100))
    # {"rows", "added", "removed", "changed", "unchanged", "rejected"}
    counts: Mapped[dict[str, int] | None] = mapped_column(JSONText)
    # {"added": [...], "removed": [...], "changed": [...]}; a first import keeps counts only
    diff: Mapped[dict[str, Any] | None] = mapped_column(JSONText)


def entries(session: Session, list_name: str) -> dict[str, Row]:
    """The list's rows as they stand, by identity: rows (``id``, ``identity``, ``person_id``,
    ``row``, ``values``, ``article_id``), read without the ORM (a list of 100,000 rows is read
    whole to be compared with its new version)."""
    return {e.identity: e for e in session.execute(
        select(ListEntry.id, ListEntry.identity, ListEntry.person_id, ListEntry.row,
               ListEntry.values, ListEntry.article_id)
        .where(ListEntry.list_name == list_name).order_by(ListEntry.row))}


def latest_import(session: Session, list_name: str) -> ListImport | None:
    return session.scalars(select(ListImport).where(ListImport.list_name == list_name)
                           .order_by(ListImport.id.desc()).limit(1)).first()


def list_imports(session: Session, list_name: str | None = None) -> list[ListImport]:
    """Every import (of one list, when named), oldest first."""
    query = select(ListImport).order_by(ListImport.id)
    if list_name is not None:
        query = query.where(ListImport.list_name == list_name)
    return list(session.scalars(query))


def list_names(session: Session) -> list[str]:
    return list(session.scalars(select(ListImport.list_name).distinct()
                                .order_by(ListImport.list_name)))


def list_articles(session: Session, list_name: str) -> set[int]:
    """The ids of the articles holding the versions of a list."""
    return {aid for aid in session.scalars(select(ListImport.article_id)
                                           .where(ListImport.list_name == list_name))
            if aid is not None}
