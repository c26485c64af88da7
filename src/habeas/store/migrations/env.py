"""Alembic environment for the Habeas store.

``habeas.store.db.migrate`` runs this with an open connection in
``config.attributes["connection"]`` (no alembic.ini needed). Run by hand, it reads
``sqlalchemy.url`` from the Alembic config. SQLite gets batch mode, so that later migrations
that alter a table work there too (SQLite has almost no ALTER TABLE).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from habeas.store.db import make_engine
from habeas.store.models import Base
import habeas.store.accounts  # noqa: E402,F401  (registers the account tables on Base)
import habeas.store.lists  # noqa: E402,F401  (the list tables)
import habeas.store.monitor  # noqa: E402,F401  (and the monitoring tables)
from habeas.store.search_index import modelled

config = context.config
target_metadata = Base.metadata


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=modelled,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as connection:
            run_with(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
