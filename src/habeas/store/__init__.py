"""The store: SQLAlchemy models, Alembic migrations, and the functions that read and write them.

The caller owns the transaction: every function here takes a ``session`` keyword and never
commits. ``unit_of_work(sessions)`` is the usual way to hold one::

    engine = make_engine(url)
    migrate(engine)
    sessions = make_sessionmaker(engine)
    with unit_of_work(sessions) as session:
        article, created = add_article(session=session, document=document)
"""

from .crud import (
    add_article,
    count_articles,
    date_precision,
    get_article,
    mark_failed,
    pending_articles,
)
from .db import (
    current_revision,
    head_revision,
    make_engine,
    make_sessionmaker,
    masked,
    migrate,
    unit_of_work,
)
from .lists import ListEntry, ListImport  # noqa: F401  (in Base.metadata)
from .models import (
    Article,
    Base,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    PersonAlias,
    StatisticRow,
)
from .persons import find_persons, name_key
from . import monitor as _monitor  # noqa: F401  (registers the monitoring tables on Base)
from .queries import (
    EXPORT_COLUMNS,
    STATUSES,
    EventRow,
    PersonRow,
    export_persons,
    export_rows,
    list_events,
    list_persons,
    person_dossier,
)

__all__ = [
    "EXPORT_COLUMNS", "STATUSES", "Article", "Base", "Claim", "Event", "EventPerson",
    "EventRow", "EventSource", "Mention", "Person", "PersonAlias", "PersonRow", "StatisticRow",
    "add_article", "count_articles", "current_revision", "date_precision",
    "export_persons", "export_rows", "find_persons", "get_article", "head_revision",
    "list_events", "list_persons", "make_engine", "make_sessionmaker", "mark_failed", "masked",
    "migrate", "name_key", "pending_articles", "person_dossier",
    "unit_of_work",
]
