"""Web latency with a big store: dossier and search requests against 100,000 reports.

Fills a fresh SQLite store with synthetic reports, written in bulk straight through the store's
tables (not through the NLP pipeline): a few persons, events, mentions and claims per report,
with persons recurring across reports the way a monitored case does. Then times, in-process
with FastAPI's TestClient and a signed-in viewer:

- the dossier page ``/persons/{id}`` of random persons;
- the search page ``/search?q=...`` for random surnames typed without their accents;
- the same dossier through the API (``/api/v1/persons/{id}``);
- a raw SQL reference in the same process: a person's events joined to their articles, and an
  FTS5 count, to show what the web layer adds.

Prints p50 and p95 in milliseconds; the goal is p95 under 100 ms.

    .venv/bin/python bench/web.py [--reports 100000] [--requests 200] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import string
import sys
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from habeas.store import accounts  # noqa: E402
from habeas.store.models import (  # noqa: E402
    Article,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    PersonAlias,
)
from habeas.store.persons import name_key  # noqa: E402
from habeas.workspace import Habeas  # noqa: E402

# Reports per person on average: a case is followed across many reports.
REPORTS_PER_PERSON = 5
PERSONS_PER_REPORT = 2
CHUNK = 5000
GOAL_MS = 100.0
FIRST = ["Akhtem", "Ilmi", "Server", "Emil", "Nariman", "Oleh", "Mykola", "Recep", "Şevket",
         "Zekiye", "Lutfiye", "Nadiya", "Halyna", "Ayşe", "Enver", "Rustem", "Vladyslav",
         "Dilyara", "Bekir", "Refat"]
LAST = ["Chiygoz", "Umerov", "Mustafayev", "Kurbedinov", "Dzhelyal", "Sentsov", "Erdoğan",
        "Yeşilyurt", "Asanov", "Bariev", "Kuku", "Seitumerov", "Dzhemilev", "Çelebi", "Ablaev",
        "Karaman", "Zeytullayev", "Müslimov", "Primov", "Ibragimov"]
PLACES = ["Simferopol", "Bakhchysarai", "Sevastopol", "Rostov-on-Don", "Kerch", "Dzhankoi",
          "Yalta", "Feodosia", "Krasnodar", "Moscow"]
CHARGES = ["organizing mass riots", "membership of Hizb ut-Tahrir", "separatism", "sabotage",
           "espionage", "extremism"]
OUTLETS = ["Black Sea Wire", "Peninsula Court Watch", "Crimea Monitor", "Steppe Post"]
EVENTS = [("arrest", None), ("charge", None), ("trial", None), ("sentence", 96),
          ("transfer", None), ("release", None), ("search", None), ("hunger_strike", None)]


def persons_pool(n: int) -> list[str]:
    """``n`` distinct names like "Emil K. R. Kurbedinov" (diacritics included)."""
    rng = random.Random(7)
    seen: set[str] = set()
    while len(seen) < n:
        seen.add(f"{rng.choice(FIRST)} {rng.choice(string.ascii_uppercase)}. "
                 f"{rng.choice(string.ascii_uppercase)}. {rng.choice(LAST)}")
    return sorted(seen, key=lambda _: rng.random())


def fill(habeas: Habeas, reports: int) -> dict[str, int]:
    """Write ``reports`` synthetic reports with their facts; returns row counts."""
    rng = random.Random(42)
    n_persons = max(10, reports * PERSONS_PER_REPORT // REPORTS_PER_PERSON)
    names = persons_pool(n_persons)
    now = dt.datetime.now(dt.timezone.utc)
    counts = dict.fromkeys(("articles", "persons", "events", "claims", "mentions"), 0)
    with habeas.engine.begin() as connection:
        connection.execute(insert(Person.__table__), [
            {"id": i + 1, "name": name, "key": name_key(name), "created_at": now}
            for i, name in enumerate(names)])
        connection.execute(insert(PersonAlias.__table__), [
            {"person_id": i + 1, "alias": alias, "key": name_key(alias)}
            for i, name in enumerate(names) for alias in (name, name.split()[-1])])
        counts["persons"] = n_persons
    event_id = claim_id = 0
    start = dt.date(2014, 1, 1)
    for first in range(0, reports, CHUNK):
        articles, mentions, events, event_persons, sources, claims = [], [], [], [], [], []
        for aid in range(first + 1, min(reports, first + CHUNK) + 1):
            day = start + dt.timedelta(days=rng.randrange(0, 3650))
            who = rng.sample(range(1, n_persons + 1), PERSONS_PER_REPORT)
            place, charge = rng.choice(PLACES), rng.choice(CHARGES)
            a, b = names[who[0] - 1], names[who[1] - 1]
            lead = f"{a} was detained in {place} on {day:%B %d, %Y}, report {aid} says. "
            body = (f"{a}, {rng.randrange(20, 70)}, is accused of {charge}. {b} said the "
                    f"case was fabricated. Lawyers for {b} said the hearing in {place} was "
                    "closed to the public. " * 2)
            text_ = lead + body + "Human rights groups called for their release."
            articles.append({
                "id": aid, "content_hash": hashlib.sha256(text_.encode()).hexdigest(),
                "title": f"{a} detained in {place}", "outlet": rng.choice(OUTLETS),
                "published": day.isoformat(), "language": "en", "text": text_,
                "source": f"synthetic:{aid}", "ingested_at": now, "status": "extracted",
                "extracted_at": now})
            for pid, name in ((who[0], a), (who[1], b)):
                at = text_.index(name)
                mentions.append({"article_id": aid, "person_id": pid, "label": "PERSON",
                                 "text": name, "start_char": at, "end_char": at + len(name)})
            kinds = [("arrest", None), rng.choice(EVENTS)]
            for n, (kind, term) in enumerate(kinds):
                event_id += 1
                date = (day + dt.timedelta(days=n * 30)).isoformat()
                events.append({"id": event_id, "type": kind, "date": date,
                               "date_precision": "day", "place": place, "agent": None,
                               "charge": charge if kind != "arrest" else None,
                               "term_months": term, "release_mode": None, "negated": False,
                               "hedged": False, "attributed_to": None, "extras": None,
                               "article_id": aid, "created_at": now})
                event_persons.append({"event_id": event_id, "person_id": who[0]})
                sources.append({"event_id": event_id, "article_id": aid, "start_char": 0,
                                "end_char": len(lead), "sentence": lead})
                for field_, value in (("type", kind), ("date", date), ("place", place)):
                    claim_id += 1
                    claims.append(_claim(claim_id, "event", event_id, field_, value, aid,
                                         0, len(lead), lead, now))
            claim_id += 1
            at = text_.index(", ", len(lead)) + 2
            claims.append(_claim(claim_id, "person", who[0], "age",
                                 int(text_[at:at + 2]), aid, at, at + 2, text_[at:at + 2], now))
        with habeas.engine.begin() as connection:
            for table, rows in ((Article, articles), (Mention, mentions), (Event, events),
                                (EventPerson, event_persons), (EventSource, sources),
                                (Claim, claims)):
                connection.execute(insert(table.__table__), rows)
        counts["articles"] += len(articles)
        counts["mentions"] += len(mentions)
        counts["events"] += len(events)
        counts["claims"] += len(claims)
        print(f"  {counts['articles']:>7} reports written", end="\r", flush=True)
    print()
    return counts


def _claim(cid, subject_type, subject_id, field_, value, aid, start, end, sentence, now):
    import json

    return {"id": cid, "subject_type": subject_type, "subject_id": subject_id, "field": field_,
            "value": json.dumps(value), "article_id": aid, "start_char": start,
            "end_char": end, "sentence": sentence, "attributed_to": None,
            "extractor": "bench", "extractor_version": "bench.v1", "confidence": None,
            "status": "proposed", "created_at": now}


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(label: str, call, arguments: list) -> tuple[str, float, float]:
    call(arguments[0])  # warm-up
    samples = []
    for argument in arguments:
        began = time.perf_counter()
        call(argument)
        samples.append((time.perf_counter() - began) * 1000)
    p50, p95 = percentiles(samples)
    return label, p50, p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None,
                        help="SQLite file to fill (default: a temporary one)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="Using `httpx`")

    from fastapi.testclient import TestClient

    from habeas.web import make_app
    from habeas.web.search import sync_index

    folder = Path(tempfile.mkdtemp(prefix="habeas-bench-"))
    path = args.db or folder / "bench.db"
    habeas = Habeas(database_url=f"sqlite:///{path}")
    began = time.perf_counter()
    counts = fill(habeas, args.reports)
    print(f"filled in {time.perf_counter() - began:.1f} s: " +
          ", ".join(f"{v} {k}" for k, v in counts.items()))
    with habeas.session() as session, session.begin():
        accounts.add_user(session=session, name="bench", password="bench-password",
                          role="viewer")
        token = accounts.create_token(session=session,
                                      user=accounts.get_user(session=session, name="bench"))
    began = time.perf_counter()
    with habeas.session() as session:
        sync_index(session)
    print(f"search index built in {time.perf_counter() - began:.1f} s")
    with habeas.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")

    client = TestClient(make_app(habeas))
    login = client.get("/login").text
    csrf = login.split('name="csrf_token" value="')[1].split('"')[0]
    signed = client.post("/login", data={"name": "bench", "password": "bench-password",
                                         "csrf_token": csrf}, follow_redirects=False)
    assert signed.status_code == 303, signed.text

    rng = random.Random(1)
    persons = [rng.randrange(1, counts["persons"] + 1) for _ in range(args.requests)]
    queries = [rng.choice(["erdogan", "chiygoz", "celebi", "muslimov", "yesilyurt",
                           "umerov sevastopol", "asanov", "kuku", "zekiye", "sevket karaman"])
               for _ in range(args.requests)]

    def page(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    headers = {"Authorization": f"Bearer {token}"}
    rows = [
        timed("dossier page  /persons/{id}", lambda p: page(f"/persons/{p}"), persons),
        timed("search page   /search?q=...", lambda q: page(f"/search?q={q}"), queries),
        timed("API dossier   /api/v1/persons/{id}",
              lambda p: client.get(f"/api/v1/persons/{p}", headers=headers), persons),
        timed("API search    /api/v1/search?q=...",
              lambda q: client.get(f"/api/v1/search?q={q}", headers=headers), queries),
    ]
    with habeas.engine.connect() as connection:
        def raw_dossier(pid: int) -> None:
            connection.execute(text(
                "SELECT e.*, a.title, a.outlet, a.published FROM events e "
                "JOIN event_persons ep ON ep.event_id = e.id JOIN articles a ON a.id = "
                "e.article_id WHERE ep.person_id = :p ORDER BY e.date"), {"p": pid}).all()
            connection.execute(text("SELECT * FROM claims WHERE subject_type = 'person' AND "
                                    "subject_id = :p"), {"p": pid}).all()

        def raw_search(query: str) -> None:
            match = " ".join(f'"{w}"*' for w in query.split())
            connection.execute(text("SELECT count(*) FROM search_articles WHERE "
                                    "search_articles MATCH :q"), {"q": match}).scalar()
            connection.execute(text("SELECT rowid FROM search_articles WHERE search_articles "
                                    "MATCH :q ORDER BY rowid DESC LIMIT 25"), {"q": match}).all()

        rows += [timed("raw SQL dossier (events + claims)", raw_dossier, persons),
                 timed("raw SQL search (FTS5 count + page)", raw_search, queries)]

    print(f"\n{counts['articles']:,} reports, {args.requests} requests each, SQLite, in-process")
    print(f"{'what':<40} {'p50 ms':>8} {'p95 ms':>8}")
    for label, p50, p95 in rows:
        flag = "" if p95 < GOAL_MS else "  (over the 100 ms goal)"
        print(f"{label:<40} {p50:>8.1f} {p95:>8.1f}{flag}")
    habeas.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
