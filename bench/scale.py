"""Cost flat in the store's size: the writer's cost per article (storing an Extraction and
resolving it into the record: persons matched and merged, events merged across reports) with
1,000 articles in the store, against the same with 100,000, same articles, one process.

    .venv/bin/python bench/scale.py                        # 1,000 vs 100,000 on SQLite (~3 min)
    .venv/bin/python bench/scale.py --large 20000 --rounds 5
    .venv/bin/python bench/scale.py --database-url postgresql+psycopg://...   (a fresh database)
    .venv/bin/python bench/scale.py --keep /tmp/scale   # stores kept there, used again next time

The sample: real Extractions, made once by the NLP from the English examples, ``tests/gold``
and ``../shared/gold/real`` (each text a new article), the same at both sizes. The store is
filled fast, without the NLP: synthetic stored extractions written in bulk (``store.bulk``), as
resolution would have left them: persons from ``bench/resolve.py``'s population (families,
shared surnames) with their aliases and blocking keys, a few of them merged, events with their
persons, sources and claims, mentions, one article each.

Each round takes a fresh copy of the filled store, writes a few warm-up articles (the writer's
first article starts its name index, ``resolve.bulk.NameIndex``: a cost once per writer process,
printed apart as "warm-up"; it read every stored name before migration 0010), then times
the sample: the process's CPU time (this machine's 2 cores are shared, and CPU time moves less
with the load than wall time; SQLite runs in this process), and the wall time beside it. The
rounds alternate between the sizes and the median counts. Prints per size the CPU and wall
milliseconds per article, the warm-up, and the process's peak memory (max RSS) after that
size's first round (the small size's comes first, so it is its own); then the ratio
large/small (goal <= 1.2). The NLP's own cost does not depend on the store and is left out.
With ``--database-url`` (PostgreSQL), one round per size, and the server's CPU is not counted."""

from __future__ import annotations

import argparse
import json
import random
import os
import resource
import shutil
import statistics
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
    event_columns = ["id", "type", "date", "date_precision", "place", "negated", "hedged",
                     "article_id"]
    claim_columns = ["subject_type", "subject_id", "field", "value", "article_id", "start_char",
                     "end_char", "sentence"]
    if "tally" in Event.__table__.c:  # each event's claims counted, as the writer leaves them
        from habeas.store.tally import Tally

        claim_ids = bulk.reserve_ids(session, Claim.__table__, len(claims))
        tallies: dict[int, Tally] = {}
        for claim_id, claim in zip(claim_ids, claims):
            if claim[0] == "event":
                tallies.setdefault(claim[1], Tally()).add(claim_id, claim[2], claim[3])
        events = [(*row, tallies[row[0]].dump()) for row in events]
        event_columns.append("tally")
        claims = [(claim_id, *claim) for claim_id, claim in zip(claim_ids, claims)]
        claim_columns.insert(0, "id")
    bulk.insert_rows(session, Event.__table__, event_columns, events, same={"created_at": now})
    bulk.insert_rows(session, EventPerson.__table__, ["event_id", "person_id"], links)
    bulk.insert_rows(session, EventSource.__table__, ["event_id", "article_id", "start_char",
                                                      "end_char", "sentence"], sources)
    bulk.insert_rows(session, Mention.__table__, ["article_id", "person_id", "label", "text",
                                                  "start_char", "end_char"], mentions)
    bulk.insert_rows(session, Claim.__table__, claim_columns, claims,
                     same={"status": "proposed", "created_at": now})


def write_forms(habeas) -> None:
    """The surname forms of the names the bulk fill queued (``store.name_forms``), written as
    the writers that stored them would have, article by article (absent before migration 0010:
    a writer read every name at its start instead)."""
    from habeas.resolve.bulk import NameIndex

    if not hasattr(NameIndex, "write_forms"):
        return
    with habeas.transaction() as session:
        NameIndex.write_forms(session)


class Sized:
    """One size's store: filled once; each round resolves the sample on a fresh copy of it
    (SQLite), so every round does the same work."""

    def __init__(self, size: int, url: str | None, work: Path) -> None:
        from habeas.workspace import Habeas

        self.size, self.url, self.work = size, url, work
        self.path = work / f"filled-{size}.db"
        reused = url is None and self.path.exists()  # kept by an earlier run (--keep)
        habeas = Habeas(database_url=url or f"sqlite:///{self.path}")
        started = time.perf_counter()
        if not reused:
            fill(habeas, size, random.Random(size))
        habeas.ingest([])  # nothing: makes and migrates the store
        habeas.index()
        write_forms(habeas)
        habeas.close()
        self.fill_seconds = time.perf_counter() - started
        self.rounds: list[dict] = []

    def round(self, warm: list[tuple[str, dict]], sample: list[tuple[str, dict]]) -> dict:
        """Warm up on ``warm`` (the writer's first article reads every stored name into its
        name index: timed apart), then store and resolve ``sample``: CPU and wall seconds."""
        from habeas.workspace import Habeas

        url = self.url
        if url is None:  # a fresh copy of the filled store
            copy = self.work / f"round-{self.size}.db"
            for leftover in self.work.glob(f"round-{self.size}.db*"):
                leftover.unlink()
            shutil.copy(self.path, copy)
            with copy.open("rb+") as written:  # on disk before the clock starts: the
                os.fsync(written.fileno())     # writeback of a copy is not the writer's cost
            url = f"sqlite:///{copy}"
        elif self.rounds:
            raise SystemExit("--database-url: one round per size (the store is not copied)")
        habeas = Habeas(database_url=url)
        try:
            habeas.staged()  # opens the store before the clock starts
            cpu = time.process_time()
            _write(habeas, warm, "warm")
            warm_cpu = time.process_time() - cpu
            cpu, wall = time.process_time(), time.perf_counter()
            parts = _write(habeas, sample, "sample")
            result = {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                      "warm_cpu": warm_cpu, **parts}
        finally:
            habeas.close()
        self.rounds.append(result)
        return result


def _write(habeas, records: list[tuple[str, dict]], tag: str) -> dict[str, float]:
    """What the writer does for these articles: add them, store their Extractions, resolve
    them into the record (``Habeas.resolve``: persons, events, claims, the search index).
    The CPU seconds of its parts: storing, the record, the search index."""
    from habeas.model import Document
    from habeas.store import crud

    cpu = time.process_time()
    ids = []
    with habeas.transaction() as session:
        for n, (text, _) in enumerate(records):
            article, _ = crud.add_article(session=session, document=Document(
                text=text, source=f"{tag}:{n}", title=f"{tag} {n}"))
            ids.append(article.id)
        crud.store_extractions(session=session, extractions={
            i: record for i, (_, record) in zip(ids, records)})
    stored = time.process_time() - cpu
    indexing = [0.0]
    index = habeas.index

    def timed_index() -> int:  # Habeas.resolve brings the search index up to date
        started = time.process_time()
        try:
            return index()
        finally:
            indexing[0] += time.process_time() - started

    habeas.index = timed_index
    cpu = time.process_time()
    report = habeas.resolve()
    resolved = time.process_time() - cpu
    assert report.articles == len(records), report
    return {"store_cpu": stored, "record_cpu": resolved - indexing[0], "index_cpu": indexing[0]}


def peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000, help="articles stored, small case")
    parser.add_argument("--large", type=int, default=100_000, help="articles stored, large case")
    parser.add_argument("--sample", type=int, default=60, help="articles written and timed")
    parser.add_argument("--warm", type=int, default=5, help="articles written first, untimed")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per size")
    parser.add_argument("--database-url", help="a fresh, empty database (default: SQLite "
                        "files in a temporary folder); used by each size in turn, emptied; "
                        "one round per size")
    parser.add_argument("--keep", type=Path, help="a folder to fill and keep the stores in "
                        "(filled-SIZE.db, for a look at their pages), instead of a temporary one; "
                        "a store already there is used again (brought to this code's schema)")
    args = parser.parse_args()
    rounds = 1 if args.database_url else args.rounds
    started = time.perf_counter()
    records = sample_records(args.sample + args.warm)
    sample, warm = records[:args.sample], records[args.sample:]
    if len(records) < args.sample + args.warm:  # ../shared/gold/real absent: fewer texts
        print(f"warning: {len(records)} texts found, not {args.sample + args.warm} (is "
              f"{FOLDERS[-1]} there?); the warm-up taken from the sample", flush=True)
        sample, warm = records[:-args.warm], records[-args.warm:]
    print(f"sample: {len(sample)} articles timed, {len(warm)} to warm up "
          f"(made by the NLP in {time.perf_counter() - started:.0f} s)", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            work = args.keep
        sizes, peaks = [], []
        for size in (args.small, args.large):
            if args.database_url:
                _empty(args.database_url)
            sizes.append(Sized(size, args.database_url, work))
            _show(sizes[-1], sizes[-1].round(warm, sample))
            # the whole process's peak so far: the small store's alone, then the large's
            peaks.append(peak_mb())
        for _ in range(rounds - 1):  # the other rounds alternate, so load drifts hit both
            for sized in sizes:
                _show(sized, sized.round(warm, sample))
    results = []
    for sized, peak in zip(sizes, peaks):
        cpu = statistics.median(r["cpu"] for r in sized.rounds)
        wall = statistics.median(r["wall"] for r in sized.rounds)
        warm_cpu = statistics.median(r["warm_cpu"] for r in sized.rounds)
        parts = {f"{part}_ms_per_article": round(1000 * statistics.median(
            r[f"{part}_cpu"] for r in sized.rounds) / len(sample), 2)
            for part in ("store", "record", "index")}
        results.append({"stored": sized.size, "articles": len(sample), "rounds": len(sized.rounds),
                        "cpu_ms_per_article": round(1000 * cpu / len(sample), 2),
                        "wall_ms_per_article": round(1000 * wall / len(sample), 2),
                        "warm_up_cpu_seconds": round(warm_cpu, 2), **parts,
                        "fill_seconds": round(sized.fill_seconds, 1), "max_rss_mb": peak})
    small, large = results
    ratio = large["cpu_ms_per_article"] / small["cpu_ms_per_article"]
    wall_ratio = large["wall_ms_per_article"] / small["wall_ms_per_article"]
    for r in results:
        print(f"{r['stored']:>9,} stored: {r['cpu_ms_per_article']:7.1f} ms CPU per article "
              f"(median of {r['rounds']}; storing {r['store_ms_per_article']:.1f}, record "
              f"{r['record_ms_per_article']:.1f}, search index {r['index_ms_per_article']:.1f}; "
              f"wall {r['wall_ms_per_article']:.1f} ms); warm-up "
              f"{r['warm_up_cpu_seconds']} s CPU; filled in {r['fill_seconds']} s; peak "
              f"{r['max_rss_mb']} MB")
    print(f"ratio    : {ratio:7.3f} CPU, {wall_ratio:.3f} wall  (cost per article at "
          f"{args.large:,} / at {args.small:,}; goal <= 1.2); whole run "
          f"{time.perf_counter() - started:.0f} s, load average {os.getloadavg()[0]:.1f}")
    print(json.dumps({"results": results, "ratio_large_vs_small": round(ratio, 3),
                      "wall_ratio_large_vs_small": round(wall_ratio, 3)}))


def _show(sized: Sized, result: dict) -> None:
    print(f"  {sized.size:>9,} stored, round {len(sized.rounds)}: {result['cpu']:.2f} s CPU "
          f"(storing {result['store_cpu']:.2f}, record {result['record_cpu']:.2f}, search "
          f"index {result['index_cpu']:.2f}), {result['wall']:.2f} s wall; warm-up "
          f"{result['warm_cpu']:.2f} s CPU", flush=True)


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
