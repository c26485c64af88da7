"""Cost flat in the store's size: the writer's cost per article (storing an Extraction and
resolving it into the record: persons matched and merged, events merged across reports) with
1,000 articles in the store, against the same with 100,000, same articles, one run.

    .venv/bin/python bench/scale.py                        # 1,000 vs 100,000 on SQLite
    .venv/bin/python bench/scale.py --large 20000 --sample 40
    .venv/bin/python bench/scale.py --database-url postgresql+psycopg://...   (a fresh database)

The sample: real Extractions, made once by the NLP from the English examples, ``tests/gold``
and ``../shared/gold/real`` (each text a new article). The store is filled fast, without the
NLP: synthetic stored extractions written in bulk (``store.bulk``), as resolution would have
left them: persons from ``bench/resolve.py``'s population (families, shared surnames) with
their aliases and blocking keys, a few of them merged, events with their persons, sources and
claims, mentions, one article each. Each size runs in its own process, so the peak memory
(max RSS) printed is that size's. Prints seconds per article for each size and the ratio
large/small (goal <= 1.2); the NLP's own cost does not depend on the store and is left out.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve import population  # noqa: E402  (bench/resolve.py: the person population)

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "examples", ROOT / "tests" / "gold", ROOT.parent / "shared" / "gold" / "real"]
PERSONS_PER_ARTICLE = 2
EVENT_TYPES = ("arrest", "charge", "sentence", "transfer", "release")
PLACES = ("Simferopol", "Bakhchysarai", "Rostov-on-Don", "Sevastopol", "Dzhankoi", "Yalta")
FILL_CHUNK = 5_000


def sample_records(count: int) -> list[tuple[str, dict]]:
    """(text, Extraction record) of ``count`` real English articles, made by the NLP."""
    from habeas.config import DEFAULT_MODEL
    from habeas.model import Rejected
    from habeas.nlp.pipeline import load_nlp
    from habeas.nlp.workers import extract_batch
    from habeas.sources import read_sources

    documents = [d for d in read_sources([str(f) for f in FOLDERS if f.exists()])
                 if not isinstance(d, Rejected) and d.language in (None, "en")][:count]
    for n, document in enumerate(documents):
        document.source = f"sample:{n}"
    results = extract_batch(DEFAULT_MODEL, 32, documents, lambda: load_nlp(DEFAULT_MODEL))
    return [(d.text, r.record) for d, r in zip(documents, results) if r.record is not None]


def fill(habeas, size: int, rng: random.Random) -> None:
    """``size`` synthetic extracted articles, written in bulk."""
    from habeas.resolve.names import block_keys, parse
    from habeas.store import bulk
    from habeas.store.models import (Article, Claim, Event, EventPerson, EventSource, Mention,
                                     Person, PersonAlias, last_token, utcnow)
    from habeas.store.persons import name_key
    from habeas.store.resolution import PersonKey

    people = population(max(100, size * PERSONS_PER_ARTICLE // 6), rng)
    now = utcnow()
    with habeas.transaction() as session:
        person_ids = bulk.reserve_ids(session, Person.__table__, len(people))
        persons, aliases, keys = [], [], []
        for pid, p in zip(person_ids, people):
            name = f"{p['given'][0].capitalize()} {p['surname']}"
            # one in twenty persons was merged into the one before (a resolver's merge)
            into = pid - 1 if pid != person_ids[0] and rng.random() < 0.05 else None
            persons.append((pid, name, name_key(name), last_token(name_key(name)), into))
            for alias in (p["surname"], f"{p['given'][0].capitalize()} {p['patronymic']} "
                          f"{p['surname']}"):
                aliases.append((pid, alias, name_key(alias), last_token(name_key(alias))))
            for key in sorted(block_keys(parse(name)) | block_keys(parse(p["surname"]))):
                keys.append((pid, key[:64]))
        bulk.insert_rows(session, Person.__table__, ["id", "name", "key", "surname",
                                                     "merged_into_id"],
                         persons, same={"created_at": now})
        bulk.insert_rows(session, PersonAlias.__table__, ["person_id", "alias", "key", "surname"],
                         aliases)
        bulk.insert_rows(session, PersonKey.__table__, ["person_id", "key"], keys)
    for start in range(0, size, FILL_CHUNK):
        with habeas.transaction() as session:
            _fill_articles(session, bulk, range(start, min(size, start + FILL_CHUNK)),
                           person_ids, people, rng, now,
                           (Article, Claim, Event, EventPerson, EventSource, Mention))


def _fill_articles(session, bulk, numbers, person_ids, people, rng, now, models) -> None:
    Article, Claim, Event, EventPerson, EventSource, Mention = models
    n = len(numbers)
    article_ids = bulk.reserve_ids(session, Article.__table__, n)
    event_ids = iter(bulk.reserve_ids(session, Event.__table__, n * PERSONS_PER_ARTICLE))
    articles, events, links, sources, mentions, claims = [], [], [], [], [], []
    for number, aid in zip(numbers, article_ids):
        chosen = rng.sample(range(len(person_ids)), PERSONS_PER_ARTICLE)
        sentences = []
        for index in chosen:
            p, pid = people[index], person_ids[index]
            kind, place = rng.choice(EVENT_TYPES), rng.choice(PLACES)
            date = f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            name = f"{p['given'][0].capitalize()} {p['surname']}"
            sentence = f"{name} ({kind}) in {place} on {date}."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            eid = next(event_ids)
            events.append((eid, kind, date, "day", place, False, False, aid))
            links.append((eid, pid))
            sources.append((eid, aid, start, start + len(sentence), sentence))
            mentions.append((aid, pid, "PERSON", name, start, start + len(name)))
            for field, value in (("type", kind), ("persons", [pid]), ("date", date),
                                 ("place", place)):
                claims.append(("event", eid, field, value, aid, start, start + len(sentence),
                               sentence))
            claims.append(("person", pid, "age", rng.randint(20, 70), aid, start,
                           start + len(name), sentence))
        text = " ".join(sentences) + f" (Synthetic report {number}.)"
        articles.append((aid, f"{number:064x}", f"Synthetic {number}", text, f"synthetic:{number}",
                         f"{rng.randint(2014, 2025)}-01-01", "en", "extracted"))
    bulk.insert_rows(session, Article.__table__, ["id", "content_hash", "title", "text", "source",
                                                  "published", "language", "status"],
                     articles, same={"ingested_at": now, "extracted_at": now})
    bulk.insert_rows(session, Event.__table__, ["id", "type", "date", "date_precision", "place",
                                                "negated", "hedged", "article_id"],
                     events, same={"created_at": now})
    bulk.insert_rows(session, EventPerson.__table__, ["event_id", "person_id"], links)
    bulk.insert_rows(session, EventSource.__table__, ["event_id", "article_id", "start_char",
                                                      "end_char", "sentence"], sources)
    bulk.insert_rows(session, Mention.__table__, ["article_id", "person_id", "label", "text",
                                                  "start_char", "end_char"], mentions)
    bulk.insert_rows(session, Claim.__table__, ["subject_type", "subject_id", "field", "value",
                                                "article_id", "start_char", "end_char",
                                                "sentence"],
                     claims, same={"status": "proposed", "created_at": now})


def one(size: int, url: str | None, sample: int) -> dict:
    """Fill a fresh store with ``size`` articles, then time the writer on the sample."""
    from habeas.model import Document
    from habeas.store import crud
    from habeas.workspace import Habeas

    records = sample_records(sample)
    with tempfile.TemporaryDirectory() as work:
        habeas = Habeas(database_url=url or f"sqlite:///{Path(work) / 'scale.db'}")
        started = time.perf_counter()
        fill(habeas, size, random.Random(size))
        filled = time.perf_counter() - started
        habeas.ingest([])  # nothing: makes and migrates the store
        ids = []
        for n, (text, _) in enumerate(records):
            with habeas.transaction() as session:
                article, _ = crud.add_article(session=session, document=Document(
                    text=text, source=f"sample:{n}", title=f"Sample {n}"))
                ids.append(article.id)
        habeas.index()
        started = time.perf_counter()
        with habeas.transaction() as session:
            crud.store_extractions(session=session, extractions={
                i: record for i, (_, record) in zip(ids, records)})
        report = habeas.resolve()
        seconds = time.perf_counter() - started
        habeas.close()
    assert report.articles == len(records), report
    return {"stored": size, "articles": len(records), "seconds": round(seconds, 3),
            "per_article_ms": round(1000 * seconds / len(records), 2),
            "fill_seconds": round(filled, 1),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000, help="articles stored, small case")
    parser.add_argument("--large", type=int, default=100_000, help="articles stored, large case")
    parser.add_argument("--sample", type=int, default=60, help="articles written and timed")
    parser.add_argument("--database-url", help="a fresh, empty database (default: SQLite "
                        "files in a temporary folder); used by each size in turn, emptied")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one, args.database_url, args.sample)))
        return
    results = []
    for size in (args.small, args.large):
        if args.database_url:
            _empty(args.database_url)
        command = [sys.executable, __file__, "--one", str(size), "--sample", str(args.sample)]
        if args.database_url:
            command += ["--database-url", args.database_url]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        r = results[-1]
        print(f"{r['stored']:>9,} stored: {r['per_article_ms']:8.1f} ms per article "
              f"({r['articles']} articles in {r['seconds']} s; filled in {r['fill_seconds']} s;"
              f" peak {r['max_rss_mb']} MB)", flush=True)
    ratio = results[1]["per_article_ms"] / results[0]["per_article_ms"]
    print(f"ratio    : {ratio:8.3f}  (cost per article at {args.large:,} / at {args.small:,}; "
          "goal <= 1.2)")
    print(json.dumps({"results": results, "ratio_large_vs_small": round(ratio, 3)}))


def _empty(url: str) -> None:
    """Drop every table of the database at ``url`` (a database made for this bench)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    metadata = sa.MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


if __name__ == "__main__":
    main()
