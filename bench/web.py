"""The web app under load: dossier, search and API latency with 1 and 20 parallel clients,
against a real server (``habeas serve`` in a subprocess) on a store of 100,000 reports, on
SQLite and on PostgreSQL.

The store is filled with synthetic reports written in bulk straight through the store's
tables (not through the NLP pipeline): two persons, two events, their claims and mentions per
report, persons recurring across reports the way a followed case does, names with diacritics.
The search index is then built by the store's own ``sync_index``. Each endpoint is asked
``--requests`` times by one client, then as many times by 20 clients at once (httpx, one
thread each); every answer must be a 200. The reference, measured on the same server in the
same run, is a static file: the "x ref" column is an endpoint's p95 over the static file's p95
at the same number of clients, so a busy machine shows in both alike. The "cpu ms" column is
the server's CPU time per request (its worker processes included, read from /proc), which
other work on the machine inflates much less than it does the latencies; "client" is the
bench's own CPU per request and "db" PostgreSQL's (its backends serving the bench's database),
both on the same cores. The server runs with ``habeas serve``'s default
number of processes unless ``--workers`` says otherwise.

Goals: p95 under 100 ms with one client, under 500 ms with 20, no errors; the run ends with one
line per backend and goal saying whether it was met (and which pages missed it, by how much).

    .venv/bin/python bench/web.py [--reports 100000] [--requests 200] [--backend sqlite]
    HABEAS_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \
        .venv/bin/python bench/web.py            # SQLite, then PostgreSQL (a database of its own)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import func, insert, make_url, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from habeas.store import accounts, db  # noqa: E402
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
from habeas.resolve.names import block_keys, parse  # noqa: E402
from habeas.store.persons import name_key  # noqa: E402
from habeas.store.resolution import PersonKey  # noqa: E402
from habeas.store.search_index import sync_index  # noqa: E402
from habeas.workspace import Habeas  # noqa: E402

# Reports per person on average: a case is followed across many reports.
REPORTS_PER_PERSON = 5
PERSONS_PER_REPORT = 2
# Persons per surname on average (a family name recurs; a root such as "Umerov" is common).
PERSONS_PER_SURNAME = 20
CHUNK = 5000
# p95 goals in ms, by the number of parallel clients.
GOALS_MS = {1: 100.0, 20: 500.0}
CLIENTS = (1, 20)
SERVER_STARTUP_S = 120
PASSWORD = "bench-password"
# Common words, typed without accents: surname roots (each the start of 1 surname in 20),
# places (1 report in 10), a first name with a root.
COMMON = ["erdogan", "chiygoz", "celebi", "muslimov", "yesilyurt", "umerov sevastopol",
          "asanov", "kuku", "zekiye", "sevket karaman"]
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


def surname(n: int) -> str:
    """The ``n``-th surname: a root of the region (diacritics included) and a syllable or two,
    "Çelebi" + "ka" -> "Çelebika": families recur, a whole root is a common word."""
    letters, vowels = "bdgklmnprstvz", "aeiou"
    root, n = LAST[n % len(LAST)], n // len(LAST)
    tail = ""
    while n:
        tail += letters[n % len(letters)] + vowels[(n // len(letters)) % len(vowels)]
        n //= len(letters) * len(vowels)
    return root + tail


def persons_pool(n: int) -> list[str]:
    """``n`` distinct names like "Emil K. R. Kurbedinovka", about PERSONS_PER_SURNAME each."""
    rng = random.Random(7)
    surnames = max(len(LAST), n // PERSONS_PER_SURNAME)
    seen: set[str] = set()
    while len(seen) < n:
        seen.add(f"{rng.choice(FIRST)} {rng.choice(string.ascii_uppercase)}. "
                 f"{rng.choice(string.ascii_uppercase)}. {surname(rng.randrange(surnames))}")
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
        connection.execute(insert(PersonKey.__table__), [  # resolution's blocking keys
            {"person_id": i + 1, "key": key[:64]} for i, name in enumerate(names)
            for key in sorted(block_keys(parse(name)) | block_keys(parse(name.split()[-1])))])
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
    if habeas.engine.dialect.name == "postgresql":  # ids were given: move the sequences on
        with habeas.engine.begin() as connection:
            for table in ("persons", "person_aliases", "person_keys", "articles", "mentions",
                          "events", "event_sources", "claims"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"))
    return counts


def _claim(cid, subject_type, subject_id, field_, value, aid, start, end, sentence, now):
    return {"id": cid, "subject_type": subject_type, "subject_id": subject_id, "field": field_,
            "value": json.dumps(value), "article_id": aid, "start_char": start,
            "end_char": end, "sentence": sentence, "attributed_to": None,
            "extractor": "bench", "extractor_version": "bench.v1", "confidence": None,
            "status": "proposed", "created_at": now}


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


# ----------------------------------------------------------------------------- the store

def prepare(url: str, reports: int) -> dict[str, int]:
    """Fill the store at ``url`` (unless it holds reports already: a store kept from an earlier
    run with ``--db``), give the bench viewer a new API token, bring the search index up."""
    habeas = Habeas(database_url=url)
    try:
        with habeas.session() as session:
            stored = session.scalar(select(func.count(Article.id)))
            persons = session.scalar(select(func.count(Person.id)))
        if stored:
            counts = {"articles": stored, "persons": persons}
            print(f"  {stored:,} reports and {persons:,} persons stored already")
        else:
            began = time.perf_counter()
            counts = fill(habeas, reports)
            print(f"  filled in {time.perf_counter() - began:.1f} s: " +
                  ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        with habeas.session(write=True) as session, session.begin():
            user = accounts.get_user(session=session, name="bench") or accounts.add_user(
                session=session, name="bench", password=PASSWORD, role="viewer")
            counts["token"] = accounts.create_token(session=session, user=user)
        began = time.perf_counter()
        with habeas.session() as session:
            sync_index(session)
        print(f"  search index brought up to date in {time.perf_counter() - began:.1f} s")
        # the statistics a store has after use; on PostgreSQL the visibility map too, which
        # autovacuum sets on a store filled over time (index-only scans need it)
        with habeas.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE" if habeas.engine.dialect.name == "postgresql" else "ANALYZE")
    finally:
        habeas.close()
    return counts


def postgres_database(base: str) -> tuple[str, object]:
    """A fresh PostgreSQL database beside ``base``'s, and a function that drops it."""
    from sqlalchemy import create_engine

    name = f"habeas_bench_web_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return make_url(base).set(database=name).render_as_string(hide_password=False), drop


# ----------------------------------------------------------------------------- the server

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, log_path: Path, workers: int | None = None
                 ) -> tuple[subprocess.Popen, str]:
    """``habeas serve`` on a free port (``--workers`` when given, else its default), its output
    to ``log_path``; waits until it answers."""
    port = free_port()
    log = log_path.open("w")
    server = subprocess.Popen([sys.executable, "-m", "habeas", "--db", url, "serve", "--port",
                               str(port), *(["--workers", str(workers)] if workers else [])],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_STARTUP_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"habeas serve exited with {server.returncode}: "
                             f"{log_path.read_text()[-500:]}")
        try:
            if httpx.get(base + "/static/style.css", timeout=2).status_code == 200 and \
                    ready(log_path.read_text(), workers):
                return server, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"habeas serve did not answer in {SERVER_STARTUP_S} s: "
                     f"{log_path.read_text()[-500:]}")


def ready(log: str, workers: int | None) -> bool:
    """Whether every server process has started, by ``serve``'s log: one "startup complete"
    per process (``workers``, or as many as its first line names), so no worker still
    building its app takes CPU from the first rows."""
    return log.count("Application startup complete") >= (workers or server_processes(log))


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds (user and system) of the server and its worker processes so far, from
    /proc (0 where there is none): what the requests cost the server, whatever else keeps the
    machine's cores busy."""
    tree, total = {server.pid}, 0.0
    stats = {}
    for entry in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        if entry.name.isdigit():
            try:  # the fields after the command's closing parenthesis
                stats[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
    grown = True
    while grown:  # the server, its children, theirs (uvicorn's workers)
        grown = False
        for pid, fields in stats.items():
            if pid not in tree and int(fields[1]) in tree:
                tree.add(pid)
                grown = True
    for pid in tree & stats.keys():
        total += int(stats[pid][11]) + int(stats[pid][12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def database_cpu(url: str) -> dict[int, float]:
    """CPU seconds (user and system) so far of each PostgreSQL backend serving the database of
    ``url`` on this machine (by its process title, from /proc): the database's share of a
    request, which the server's own column leaves out. Its background processes (WAL writer,
    autovacuum) are not in it."""
    if not url.startswith("postgresql"):
        return {}
    name = f" {make_url(url).database} "
    found = {}
    for entry in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8",
                                                                                    "replace")
                if (entry / "comm").read_text().strip() != "postgres" or name not in title:
                    continue
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def cpu_since(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU the processes of ``after`` used since ``before`` (a new one: all of its own)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def server_processes(log: str) -> int:
    """How many processes answer, by ``serve``'s first line ("... with 2 processes"; a
    ``serve`` from before that line had one unless told otherwise)."""
    found = re.search(r" with (\d+) process", log)
    return int(found[1]) if found else 1


def sign_in(base: str) -> httpx.Cookies:
    """The session cookie of the bench viewer, signed in through the login form."""
    with httpx.Client(base_url=base, timeout=30) as client:
        form = client.get("/login").text
        csrf = form.split('name="csrf_token" value="')[1].split('"')[0]
        signed = client.post("/login", data={"name": "bench", "password": PASSWORD,
                                             "csrf_token": csrf})
        if signed.status_code not in (200, 303) or "session" not in str(client.cookies):
            raise SystemExit(f"cannot sign in: {signed.status_code} {signed.text[:200]}")
        return client.cookies


def endpoints(counts: dict[str, int], requests: int, seed: int = 1) -> dict[str, list[str]]:
    """Label -> the URLs asked (random persons, their surnames typed without accents, common
    words; the same for every run with the same ``seed``). A common-word row asks 10 words
    over and over, as users do: answers the server keeps serve most of them; a surname row
    asks 200 of 2,000 surnames, mostly once."""
    from unidecode import unidecode

    rng = random.Random(seed)
    names = persons_pool(counts["persons"])

    def persons() -> list[int]:  # each endpoint its own persons: none finds another's cache
        return [rng.randrange(1, counts["persons"] + 1) for _ in range(requests)]

    def surnames() -> list[str]:
        return [unidecode(names[p - 1].split()[-1]).lower() for p in persons()]

    def common() -> list[str]:
        return [rng.choice(COMMON) for _ in range(requests)]

    return {
        "static file (reference)": ["/static/style.css"] * requests,
        "dossier page": [f"/persons/{p}" for p in persons()],
        "search page, a surname": [f"/search?q={q}" for q in surnames()],
        "search page, common word": [f"/search?q={q}" for q in common()],
        "API dossier": [f"/api/v1/persons/{p}" for p in persons()],
        "API search, a surname": [f"/api/v1/search?q={q}" for q in surnames()],
        "API search, common word": [f"/api/v1/search?q={q}" for q in common()],
    }


def load(base: str, urls: list[str], *, clients: int, cookies: httpx.Cookies,
         token: str) -> tuple[list[float], list[str]]:
    """Ask every URL once, spread over ``clients`` threads that start together; returns the
    latencies in ms and the errors (any answer but a 200)."""
    samples: list[float] = []
    errors: list[str] = []
    start = threading.Barrier(clients)

    def client(share: list[str]) -> None:
        with httpx.Client(base_url=base, cookies=cookies, timeout=60,
                          headers={"Authorization": f"Bearer {token}"}) as http:
            http.get(share[0])  # a connection of its own, warmed up
            start.wait()
            for url in share:
                began = time.perf_counter()
                try:
                    response = http.get(url)
                    if response.status_code != 200:
                        errors.append(f"{url}: {response.status_code} {response.text[:120]}")
                except httpx.HTTPError as e:
                    errors.append(f"{url}: {e!r}")
                samples.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=client, args=(urls[i::clients],))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, errors


def measure(url: str, counts: dict[str, int], *, requests: int, folder: Path,
            clients: tuple[int, ...] = CLIENTS, workers: int | None = None
            ) -> tuple[list[dict], int]:
    """Rows of the table for the store at ``url``: each endpoint at each number of clients,
    with the server's CPU per request; and how many processes served."""
    server, base = start_server(url, folder / "serve.log", workers)
    try:
        cookies = sign_in(base)
        processes = workers or server_processes((folder / "serve.log").read_text())
        rows = []
        for n in clients:
            # each number of clients its own persons and surnames (the seed): the server keeps
            # search answers, and the 20 clients would otherwise ask the 1 client's again
            for label, urls in endpoints(counts, requests, seed=n).items():
                cpu, own, database = server_cpu(server), time.process_time(), database_cpu(url)
                samples, errors = load(base, urls, clients=n, cookies=cookies,
                                       token=counts["token"])
                cpu = server_cpu(server) - cpu
                own = time.process_time() - own
                database = cpu_since(database, database_cpu(url))
                p50, p95 = percentiles(samples)
                rows.append({"what": label, "clients": n, "requests": len(samples),
                             "p50": p50, "p95": p95, "errors": errors,
                             "cpu_ms": cpu * 1000 / max(1, len(samples)),
                             "client_ms": own * 1000 / max(1, len(samples)),
                             "db_ms": database * 1000 / max(1, len(samples))})
    finally:
        stop_server(server)
    return rows, processes


def report(backend: str, reports: int, rows: list[dict], workers: int) -> int:
    """Print the table; returns the number of errors. "cpu ms": the server's CPU time per
    request (its worker processes included; the clients' threads are not in it); "client":
    the bench's own CPU per request (its 1 or 20 client threads, on the same cores); "db":
    PostgreSQL's processes' CPU per request (PostgreSQL only)."""
    load = os.getloadavg()[0]
    print(f"\n{reports:,} reports, {backend}, habeas serve with {workers} server process"
          f"{'es' if workers > 1 else ''}; load average {load:.1f} on {os.cpu_count()} cores "
          "at the end")
    print(f"{'what':<28} {'clients':>7} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'x ref':>6} {'cpu ms':>6} {'client':>6} {'db':>6} {'errors':>6}  goal")
    reference = {r["clients"]: r["p95"] for r in rows if "reference" in r["what"]}
    errors = 0
    for r in rows:
        goal = GOALS_MS.get(r["clients"])
        flag = ""
        if goal and "reference" not in r["what"]:
            flag = f"met (< {goal:.0f})" if r["p95"] < goal else f"OVER {goal:.0f}"
        ratio = r["p95"] / reference[r["clients"]] if reference.get(r["clients"]) else 0
        print(f"{r['what']:<28} {r['clients']:>7} {r['requests']:>8} {r['p50']:>8.1f} "
              f"{r['p95']:>8.1f} {ratio:>6.1f} {r['cpu_ms']:>6.1f} {r['client_ms']:>6.1f} "
              f"{r['db_ms'] if backend == 'postgresql' else 0:>6.1f} {len(r['errors']):>6}  "
              f"{flag}")
        for error in r["errors"][:3]:
            print(f"    {error}")
        errors += len(r["errors"])
    return errors


def verdicts(backend: str, rows: list[dict]) -> list[str]:
    """One line per goal of this backend: met, or which pages missed it and by how much."""
    lines = []
    for clients, goal in GOALS_MS.items():
        asked = [r for r in rows if r["clients"] == clients and "reference" not in r["what"]]
        if not asked:
            continue
        over = [r for r in asked if r["p95"] >= goal]
        worst = max(asked, key=lambda r: r["p95"])
        state = ("met" if not over else "NOT met: " + "; ".join(
            f"{r['what']} {r['p95']:.0f} ms" for r in over))
        lines.append(f"  {backend}, {clients} client{'s' if clients > 1 else ''}, p95 under "
                     f"{goal:.0f} ms: {state} (slowest: {worst['what']} {worst['p95']:.0f} ms)")
    failed = sum(len(r["errors"]) for r in rows)
    lines.append(f"  {backend}, no errors: {'met' if not failed else f'NOT met: {failed}'} "
                 f"({sum(r['requests'] for r in rows):,} requests)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000, help="reports in the store")
    parser.add_argument("--requests", type=int, default=200,
                        help="requests per endpoint and number of clients")
    parser.add_argument("--backend", action="append", choices=("sqlite", "postgresql"),
                        help="default: SQLite, and PostgreSQL when HABEAS_TEST_DATABASE_URL "
                             "or --pg-url is set")
    parser.add_argument("--pg-url", default=os.environ.get("HABEAS_TEST_DATABASE_URL"),
                        help="a PostgreSQL URL whose server gets a database of the bench's own")
    parser.add_argument("--workers", type=int,
                        help="habeas serve --workers (default: serve's own default)")
    parser.add_argument("--db", help="a store to use instead of a fresh one (filled when "
                                     "empty, kept after): measure again without filling again")
    args = parser.parse_args()
    backends = args.backend or ["sqlite"] + (["postgresql"] if args.pg_url else [])
    if args.db:
        backends = ["postgresql" if args.db.startswith("postgresql") else "sqlite"]
    errors = 0
    summary: list[str] = []
    for backend in backends:
        folder = Path(tempfile.mkdtemp(prefix="habeas-bench-web-"))
        drop = None
        if args.db:
            url = args.db
        elif backend == "sqlite":
            url = f"sqlite:///{folder / 'bench.db'}"
        elif not args.pg_url:
            raise SystemExit("PostgreSQL: set HABEAS_TEST_DATABASE_URL or --pg-url")
        else:
            url, drop = postgres_database(args.pg_url)
        print(f"{backend}: {db.masked(url)}")
        try:
            counts = prepare(url, args.reports)
            rows, workers = measure(url, counts, requests=args.requests, folder=folder,
                                    workers=args.workers)
        finally:
            if drop:
                drop()
            shutil.rmtree(folder, ignore_errors=True)
        errors += report(backend, counts["articles"], rows, workers)
        summary += verdicts(backend, rows)
    print(f"\ngoals (dossier, search and the API; load average {os.getloadavg()[0]:.1f}):")
    print("\n".join(summary))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
