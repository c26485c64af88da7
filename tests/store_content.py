"""The content of a store's record, for comparing two stores (``--jobs 1`` against ``--jobs 2``,
a Dask run, a store before and after a refactoring): every row of the record's tables, by id,
without the columns that say *when* (timestamps differ between two runs of the same work)."""

from __future__ import annotations

import json
import sys

import sqlalchemy as sa

from habeas.store.models import Base, UTCDateTime

# The record: what extraction and resolution write (not accounts, sessions, the search index).
TABLES = ("articles", "persons", "person_aliases", "person_keys", "mentions", "events",
          "event_persons", "event_sources", "claims", "statistics", "merges",
          "merge_suggestions")
# Columns that are not the record's content: the staged Extraction the record was resolved from,
# a key's surname (derived from the key), and an event's tally (counted from its claims,
# ``store.tally``); absent from stores made before migrations 0006 and 0008, which are compared
# with newer ones.
SKIPPED = {"extraction", "surname", "tally"}


def store_content(url: str) -> dict[str, list[tuple]]:
    """Table name -> its rows (tuples of column values, by primary key)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return {name: _rows(connection, Base.metadata.tables[name]) for name in TABLES}
    finally:
        engine.dispose()


def _rows(connection, table: sa.Table) -> list[tuple]:
    columns = [c for c in table.columns
               if not isinstance(c.type, (UTCDateTime, sa.DateTime)) and c.name not in SKIPPED]
    query = sa.select(*columns).order_by(*table.primary_key.columns)
    return [tuple(_plain(v) for v in row) for row in connection.execute(query)]


def _plain(value):
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


if __name__ == "__main__":  # python tests/store_content.py URL > dump.json
    json.dump(store_content(sys.argv[1]), sys.stdout, indent=0, default=str)
