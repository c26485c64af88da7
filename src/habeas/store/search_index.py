"""The search index: derived data, a cache rebuilt from the tables at any time. On SQLite an
FTS5 table with the ``unicode61 remove_diacritics 2`` tokenizer, created here; on PostgreSQL a
``tsvector`` per report or event with a GIN index, in tables the migration ``0006_web_search``
creates. Both match every word of a query as a prefix, accents and case folded. Russian words
are indexed with their Snowball stems beside them and a query's Russian words are stemmed too
(``stemmed``, ``stem_term``), so inflected forms find each other ("Чийгоз" finds "Чийгоза",
"Чийгоза" finds "Чийгозу") on both; the stems are those of PostgreSQL's ``russian`` text search
configuration (its ``russian_stem`` dictionary is the same Snowball algorithm).

Core code (no FastAPI). The index is written where the record is written, never by a read:
``Habeas.ingest`` and ``Habeas.extract`` bring it up to date (``sync_index``), an edited event
is re-indexed in the edit's transaction (``reindex_event``), the web app catches up when it
starts, and ``habeas index`` catches up (or rebuilds) by hand. A search reads the index as it
is (``match``); a store never indexed finds no reports or events until one of those runs.

Persons are found by any part of a name key (``LIKE '%...%'``). On SQLite two trigram FTS5
tables (``NAMES``) hold every person's and spelling's key, a row each, and answer that LIKE
without reading every name; triggers on ``persons`` and ``person_aliases`` keep them exact in
the writer's own transaction (a rename, an alias, a merge), so they have no mark to catch up
on. ``ensure_index`` creates them and their triggers (and fills them) when absent, as it does
the FTS5 tables; a store on a SQLite without the trigram tokenizer (before 3.34) keeps the
plain LIKE. On PostgreSQL ``pg_trgm`` indexes on the key columns do the same (migration
``0006_web_search``).

Stemming plugs in per language: ``TS_CONFIGS`` names PostgreSQL's text search configuration
for a report's language (none today: 'simple', a word as it is written), and a query is
matched under every configuration in use.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading

import sqlite3

from sqlalchemy import (Connection, Integer, any_, bindparam, func, literal_column, select, text,
                        union)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from unidecode import unidecode

from . import db
from .accounts import AppSetting
from .models import Article, Event, EventPerson, Person, PersonAlias

log = logging.getLogger(__name__)

TABLES = ("search_articles", "search_events")
# SQLite: the trigram index of name keys, in two FTS5 tables: persons' own keys (the rowid is
# the person's id) and the spellings' keys (the rowid is the spelling's id: a match is read
# back to its person through ``person_aliases``' primary key). Each table's triggers read only
# that table: a later migration that rebuilds one of them (Alembic's batch mode on SQLite)
# cannot break the other's triggers. A spelling added is one row added, its id past every
# other: FTS5 keeps it with the transaction's other new rows (see ``RETIRED_NAMES``).
NAMES = ("search_person_keys", "search_alias_rows")
# The name index's tables of earlier layouts, dropped with their triggers when the index is
# made again. "search_alias_keys" held each person's spellings joined by "|", its rowid the
# person's: every spelling added deleted and wrote the person's row again, and an FTS5 delete
# of a rowid below the transaction's pending ones writes them out as a segment of their own,
# merged later: at 100,000 stored articles 0.3 to 0.4 ms per spelling and a fifth of the
# writer's commits (the twelfth round of docs/scale.md).
RETIRED_NAMES = ("search_alias_keys",)
# FTS5's trigram tokenizer came with SQLite 3.34; before it the person search reads every name.
TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)
# A trigram index finds a fragment of at least this many characters.
TRIGRAM_MIN = 3
# Articles or events indexed per INSERT round while catching up.
SYNC_CHUNK = 2000
# PostgreSQL text search configuration per report language (ISO 639-1); every other language,
# and every event, is indexed with DEFAULT_TS_CONFIG: no stemming, no stop words, a name found
# as it is typed. A stemmer plugs in as {"ru": "russian"}; `habeas index --rebuild` applies it.
TS_CONFIGS: dict[str, str] = {}
DEFAULT_TS_CONFIG = "simple"
# Characters of a report PostgreSQL indexes (a tsvector holds at most 1 MB).
PG_INDEX_CHARS = 400_000
# Words of a query that are matched (each as a prefix; all must match).
MAX_TERMS = 12
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Latin letters beyond ASCII: folded to ASCII on both backends ("ł" too, which FTS5's
# remove_diacritics keeps); other scripts keep their letters (Cyrillic stays, for a stemmer).
_LATIN = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]+")
_lock = threading.Lock()


def fold(value: str) -> str:
    """Lowercase ASCII: "Erdoğan" -> "erdogan" (to find a query's words in a snippet)."""
    return unidecode(value or "").lower()


# A word in Cyrillic script (Russian, Ukrainian, Belarusian), hyphenated parts included.
CYRILLIC_WORD = re.compile(r"[а-яёіїєґў]+(?:-[а-яёіїєґў]+)*", re.IGNORECASE)


@functools.cache
def _russian():
    import snowballstemmer

    return snowballstemmer.stemmer("russian")


def stem_term(word: str) -> str:
    """A query word as the index holds its stem: a Cyrillic word lowercased and stemmed
    ("Чийгоза" -> "чийгоз"), any other word as it is."""
    if not CYRILLIC_WORD.fullmatch(word):
        return word
    return _russian().stemWord(word.lower().replace("ё", "е"))


def stemmed(value: str) -> str:
    """Text to index: the text, then the stems of its Cyrillic words that differ from them
    (once each), so a search for any form of a word finds the others."""
    words = {w.lower().replace("ё", "е") for w in CYRILLIC_WORD.findall(value or "")}
    stems = sorted({s for s in _russian().stemWords(sorted(words)) if s not in words})
    return f"{value} {' '.join(stems)}" if stems else (value or "")


def fold_latin(value: str) -> str:
    """Lowercase, accents off Latin letters only: "Erdoğan" -> "erdogan", "Wałęsa" -> "walesa",
    "Чийгоз" -> "чийгоз": what is indexed and what is searched, on both backends alike."""
    return _LATIN.sub(lambda m: unidecode(m.group()), value or "").lower()


def terms(query: str) -> list[str]:
    """The words of a query, as the index splits them."""
    return _WORD.findall(query or "")[:MAX_TERMS]


def ts_config(language: str | None) -> str:
    """The text search configuration a report in ``language`` is indexed with."""
    return TS_CONFIGS.get((language or "")[:2].lower(), DEFAULT_TS_CONFIG)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def ensure_index(connection: Connection) -> None:
    """Create SQLite's FTS5 tables when absent (PostgreSQL's come with the schema)."""
    if connection.dialect.name == "sqlite":
        for table in TABLES:
            connection.exec_driver_sql(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(title, body, "
                "tokenize = 'unicode61 remove_diacritics 2')")
        ensure_names(connection)


def _name_triggers() -> dict[str, str]:
    """Trigger name -> its SQL: any change to a key writes its row again (a spelling given to
    another person keeps its row: it is read back to its person)."""
    out = {}
    for table, index, watched in (("persons", NAMES[0], "id, key"),
                                  ("person_aliases", NAMES[1], "id, key")):
        new = f"INSERT INTO {index} (rowid, keys) VALUES (NEW.id, NEW.key);"
        old = f"DELETE FROM {index} WHERE rowid = OLD.id;"
        for suffix, when, body in (("ai", "INSERT", new), ("ad", "DELETE", old),
                                   ("au", f"UPDATE OF {watched}", f"{old} {new}")):
            name = f"{index}_{suffix}"
            out[name] = f"CREATE TRIGGER {name} AFTER {when} ON {table} BEGIN {body} END"
    return out


def _retired_triggers() -> list[str]:
    return [f"{table}_{suffix}" for table in RETIRED_NAMES for suffix in ("ai", "ad", "au")]


def names_ready(connection: Connection) -> bool:
    """Whether SQLite's name index and all its triggers are there (always True elsewhere)."""
    if connection.dialect.name != "sqlite" or not TRIGRAM:
        return True
    wanted = {*NAMES, *_name_triggers()}
    found = {name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name IN "
        f"({', '.join('?' * len(wanted))})", tuple(wanted))}
    return wanted <= found


def ensure_names(connection: Connection) -> None:
    """Create SQLite's name index with its triggers and fill it from the tables when it or a
    trigger is missing (a new store, a store from before it, a table a migration rebuilt)."""
    if connection.dialect.name != "sqlite" or names_ready(connection):
        return
    for name in [*_name_triggers(), *_retired_triggers()]:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for table in RETIRED_NAMES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    for table in NAMES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {table} USING fts5(keys, "
                                   "tokenize = 'trigram')")
    for sql in _name_triggers().values():
        connection.exec_driver_sql(sql)
    person, alias = NAMES
    connection.exec_driver_sql(f"INSERT INTO {person} (rowid, keys) SELECT id, key FROM persons")
    connection.exec_driver_sql(f"INSERT INTO {alias} (rowid, keys) SELECT id, key "
                               "FROM person_aliases")


def name_owner_ids(session: Session, key: str) -> list[int]:
    """The ids ``name_owners`` selects, read as one array (a common root has thousands). On
    PostgreSQL in a statement of its own that must use the trigram indexes: the planner
    guesses that a fragment is in 1% of the keys, whatever it is, and reads every alias."""
    owners = name_owners(session, key).subquery()
    if _is_sqlite(session):
        found = session.scalar(select(func.json_group_array(owners.c[0])))
        return json.loads(found or "[]")
    hinted = len(key) >= TRIGRAM_MIN
    if hinted:
        session.execute(text("SET LOCAL enable_seqscan = off"))
    try:
        return session.scalar(select(func.array_agg(owners.c[0]))) or []
    finally:
        if hinted:
            session.execute(text("SET LOCAL enable_seqscan TO DEFAULT"))


def among_owners(session: Session, ids: list[int], person_id, *, probe: bool = False):
    """The condition that ``person_id`` is one of ``ids``, as one parameter. ``probe``: the
    persons are read through another index, each checked against the ids (SQLite must not
    look the ids up one by one instead)."""
    if _is_sqlite(session):
        return text(f"{'+' if probe else ''}{person_id.table.name}.{person_id.name} IN "
                    "(SELECT value FROM json_each(:owner_ids))").bindparams(
            owner_ids=json.dumps(ids))
    return person_id == any_(bindparam("owners", ids, type_=ARRAY(Integer)))


def name_owners(session: Session, key: str):
    """SQL selecting the ids of the persons (merged or not) whose name key or an alias key
    contains ``key``: through SQLite's trigram index (``NAMES``) where there is one and the key
    is long enough, else ``LIKE`` on the keys, which PostgreSQL answers through its ``pg_trgm``
    indexes (each side of the union can use one)."""
    if set(NAMES) <= present(session) and len(key) >= TRIGRAM_MIN:
        phrase = f'"{key}"'  # a key holds only [a-z0-9 ]: nothing to escape
        person, alias = (select(literal_column("rowid")).select_from(text(table))
                         .where(text(f"{table} MATCH :{table}").bindparams(**{table: phrase}))
                         for table in NAMES)
        return union(person, select(PersonAlias.person_id).where(PersonAlias.id.in_(alias)))
    like = f"%{key}%"
    return union(select(Person.id).where(Person.key.like(like)),
                 select(PersonAlias.person_id).where(PersonAlias.key.like(like)))


def match(session: Session, table: str, query: str) -> tuple[str, dict[str, object]] | None:
    """SQL selecting the ``rowid``s of ``table`` that match every word of ``query`` (each as a
    prefix), and its parameters; None for a query without words or a store never indexed."""
    found = match_condition(session, table, query)
    return None if found is None else (f"SELECT rowid FROM {table} WHERE {found[0]}", found[1])


def match_condition(session: Session, table: str,
                    query: str) -> tuple[str, dict[str, object]] | None:
    """The condition on a row of ``table`` that ``match`` selects by, and its parameters.
    On PostgreSQL the words are matched under each configuration in use (``TS_CONFIGS``), each
    ``@@`` a constant ``tsquery`` the GIN index answers."""
    # folded, then split again: a letter may fold to two ("ŉ" -> "'n"), never to a quote
    words = [stem_term(w) for term in terms(query) for w in terms(fold_latin(term))][:MAX_TERMS]
    if not words or not has_index(session):
        return None
    if _is_sqlite(session):
        fts = " ".join(f'"{w}"*' for w in words)
        return f"{table} MATCH :q", {"q": fts}
    tsquery = " & ".join(f"'{w}':*" for w in words)
    configs = sorted({DEFAULT_TS_CONFIG, *TS_CONFIGS.values()})
    where = " OR ".join(f"{table}.tsv @@ to_tsquery(CAST(:c{i} AS regconfig), :q)"
                        for i in range(len(configs)))
    return f"({where})", {"q": tsquery, **{f"c{i}": c for i, c in enumerate(configs)}}


def _mark(session: Session, name: str) -> int:
    row = session.get(AppSetting, f"search.{name}")
    return int(row.value) if row else 0


def _set_mark(session: Session, name: str, value: int) -> None:
    row = session.get(AppSetting, f"search.{name}")
    if row is None:
        session.add(AppSetting(key=f"search.{name}", value=str(value)))
    else:
        row.value = str(value)


def _event_body(event: Event, names: list[str]) -> str:
    parts = [event.type.replace("_", " "), event.place, event.agent, event.charge,
             event.attributed_to, *names]
    return " ".join(p for p in parts if p)


def _insert(session: Session, table: str, rows: list[tuple[int, str, str, str | None]]) -> None:
    """Index ``(rowid, title, body, language)`` rows, replacing what they had."""
    if not rows:
        return
    rows = [(r, stemmed(t), stemmed(b), language) for r, t, b, language in rows]
    session.execute(text(f"DELETE FROM {table} WHERE rowid = :r"), [{"r": r[0]} for r in rows])
    if _is_sqlite(session):
        session.execute(text(f"INSERT INTO {table} (rowid, title, body) VALUES (:r, :t, :b)"),
                        [{"r": r, "t": fold_latin(t), "b": fold_latin(b)} for r, t, b, _ in rows])
        return
    session.execute(text(f"INSERT INTO {table} (rowid, tsv) VALUES "
                         "(:r, to_tsvector(CAST(:c AS regconfig), :t))"),
                    [{"r": r, "c": ts_config(language),
                      "t": fold_latin(f"{t}\n{b[:PG_INDEX_CHARS]}")}
                     for r, t, b, language in rows])


def sync_index(session: Session) -> int:
    """Index articles and events added since the last call; returns how many. Works in a
    session and transactions of its own (the index is a cache, apart from the caller's work),
    as a writer (``db.writer_engine``), and only when something is new; when the store stays
    busy it gives up (the next ingest, extraction or ``habeas index`` catches up)."""
    bind = session.get_bind()
    with Session(bind=bind) as reader, reader.begin():
        if not _behind(reader):
            return 0
    try:
        with _lock:
            return db.retrying(lambda: _sync_all(db.writer_engine(bind)))
    except Exception as e:
        if not db.is_transient(e):
            raise
        log.warning("search index not brought up to date (store busy): %s", db.describe(e))
        return 0


def _behind(session: Session) -> bool:
    connection = session.connection()
    if not all(connection.dialect.has_table(connection, t) for t in TABLES) or (
            not names_ready(connection)):
        return True
    newest_article = session.scalar(select(func.max(Article.id))) or 0
    newest_event = session.scalar(select(func.max(Event.id))) or 0
    return newest_article > _mark(session, "articles") or newest_event > _mark(session, "events")


def _sync_all(bind) -> int:
    with Session(bind=bind) as own:
        done = 0
        with own.begin():
            ensure_index(own.connection())
        while True:
            with own.begin():
                added = _sync_round(own)
            done += added
            if not added:
                return done


def _sync_round(session: Session) -> int:
    article_mark, event_mark = _mark(session, "articles"), _mark(session, "events")
    articles = session.execute(
        select(Article.id, Article.title, Article.text, Article.language)
        .where(Article.id > article_mark).order_by(Article.id).limit(SYNC_CHUNK)).all()
    _insert(session, "search_articles",
            [(a, t or "", body, language) for a, t, body, language in articles])
    events = list(session.scalars(select(Event).where(Event.id > event_mark)
                                  .order_by(Event.id).limit(SYNC_CHUNK)))
    names = _names_of_events(session, [e.id for e in events])
    _insert(session, "search_events",
            [(e.id, e.type, _event_body(e, names.get(e.id, [])), None) for e in events])
    if articles:
        _set_mark(session, "articles", articles[-1][0])
    if events:
        _set_mark(session, "events", events[-1].id)
    session.flush()
    return len(articles) + len(events)


def reindex_event(session: Session, event_id: int) -> None:
    """Index an event again after an edit (inside the caller's transaction)."""
    event = session.get(Event, event_id)
    if event is None:
        return
    ensure_index(session.connection())
    names = _names_of_events(session, [event_id]).get(event_id, [])
    _insert(session, "search_events",
            [(event.id, event.type, _event_body(event, names), None)])


def reindex_reviewed(session: Session, claims) -> None:
    """Index again the events of reviewed ``claims`` (a decision or an edit derives an event's
    listed values again: ``store.tally.reviewed``), inside the caller's transaction."""
    for event_id in sorted({c.subject_id for c in claims if c.subject_type == "event"}):
        reindex_event(session, event_id)


def _names_of_events(session: Session, event_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not event_ids:
        return out
    for event_id, name in session.execute(
        select(EventPerson.event_id, Person.name).join(Person, Person.id == EventPerson.person_id)
        .where(EventPerson.event_id.in_(event_ids))
    ):
        out.setdefault(event_id, []).append(name)
    return out


def is_index_table(name: str) -> bool:
    """Whether a table belongs to the search index (SQLite's FTS5 shadow tables included)."""
    return name.startswith((*TABLES, *NAMES, *RETIRED_NAMES))


def modelled(name: str | None, type_: str, _parents: object = None) -> bool:
    """Alembic's ``include_name``: the schema is compared with the models without the search
    index's tables (a cache the models do not describe) and without PostgreSQL's optional
    trigram indexes (migration ``0006_web_search``)."""
    if type_ == "table":
        return not is_index_table(name or "")
    return not (type_ == "index" and (name or "").endswith("_trgm"))


def has_index(session: Session) -> bool:
    """Whether the index tables exist (a read: a search of a store never indexed finds none)."""
    return set(TABLES) <= present(session)


def present(session: Session) -> set[str]:
    """The index's tables this store has: asked once per session when all are there (a
    request's searches ask several times), and never on PostgreSQL, whose tables come with
    the schema (its name index is the ``pg_trgm`` indexes, not a table)."""
    if not _is_sqlite(session):
        return set(TABLES)
    if "search_tables" in session.info:
        return session.info["search_tables"]
    found = set(session.scalars(
        text("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (:a, :e, :p, :n)"),
        {"a": TABLES[0], "e": TABLES[1], "p": NAMES[0], "n": NAMES[1]}))
    if found >= {*TABLES, *(NAMES if TRIGRAM else ())}:
        session.info["search_tables"] = found
    return found


def rebuild_index(session: Session) -> int:
    """Empty the index and build it again from the tables; returns the rows indexed. SQLite's
    FTS5 tables are dropped (created afresh); PostgreSQL's belong to the schema and are
    emptied."""
    bind = session.get_bind()
    with _lock, Session(bind=db.writer_engine(bind)) as own, own.begin():
        for table in TABLES:
            own.execute(text(f"DROP TABLE IF EXISTS {table}" if _is_sqlite(own)
                             else f"DELETE FROM {table}"))
        if _is_sqlite(own):  # filled again from the tables with the rest; its triggers go
            for name in [*_name_triggers(), *_retired_triggers()]:  # too: none may write
                own.execute(text(f"DROP TRIGGER IF EXISTS {name}"))  # to a table not there
            for table in [*NAMES, *RETIRED_NAMES]:
                own.execute(text(f"DROP TABLE IF EXISTS {table}"))
        for name in ("articles", "events"):
            row = own.get(AppSetting, f"search.{name}")
            if row is not None:
                own.delete(row)
    return sync_index(session)
