"""Every SQL statement the dossier and the search run, with its time and its query plan, on a
store ``bench/web.py`` filled (``--db``): where a page's time goes, without HTTP.

In this process, through the store's own functions (``queries.person_dossier``,
``search.search``), for random persons and their surnames and for the common words of
``bench/web.py``: each statement is recorded as it runs (SQLAlchemy's cursor events), its
time summed by its text, then the slowest are shown with ``EXPLAIN QUERY PLAN`` (SQLite) or
``EXPLAIN`` (PostgreSQL) so a missing index shows as a scan.

    .venv/bin/python bench/web.py --db sqlite:///big.db --requests 20     # fill once
    .venv/bin/python bench/web_queries.py --db sqlite:///big.db [--top 8]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import event, func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from web import COMMON, persons_pool  # noqa: E402

from habeas.store import queries  # noqa: E402
from habeas.store.models import Person  # noqa: E402
from habeas.web import search as search_mod  # noqa: E402
from habeas.workspace import Habeas  # noqa: E402

# Page size of the search page (``web.pages.PAGE_SIZE``).
PAGE = 25


class Recorder:
    """Statement text -> [(ms, parameters)], filled by the engine's cursor events."""

    def __init__(self, engine) -> None:
        self.times: dict[str, list[tuple[float, object]]] = defaultdict(list)
        self.on = False
        event.listen(engine, "before_cursor_execute", self.before)
        event.listen(engine, "after_cursor_execute", self.after)

    def before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info["began"] = time.perf_counter()

    def after(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.on:
            ms = (time.perf_counter() - conn.info.pop("began")) * 1000
            self.times[statement].append((ms, parameters))


def timed(label: str, calls: list, run) -> dict:
    """Run ``run(arg)`` for each arg; the p50/p95 in ms."""
    samples = []
    for arg in calls:
        began = time.perf_counter()
        run(arg)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return {"what": label, "p50": statistics.median(samples),
            "p95": samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]}


def plan(session, statement: str, parameters) -> list[str]:
    """The query plan of one recorded statement, run with its recorded parameters."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return [row[-1] for row in rows]
    rows = connection.exec_driver_sql("EXPLAIN " + statement, parameters)
    return [row[0] for row in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a store bench/web.py filled")
    parser.add_argument("--samples", type=int, default=30, help="persons and words asked")
    parser.add_argument("--top", type=int, default=10, help="statements shown with a plan")
    args = parser.parse_args()
    from unidecode import unidecode

    habeas = Habeas(database_url=args.db)
    recorder = Recorder(habeas.engine)
    rng = random.Random(3)
    with habeas.session() as session:
        n = session.scalar(select(func.count(Person.id)))
    names = persons_pool(n)
    people = [rng.randrange(1, n + 1) for _ in range(args.samples)]
    surnames = [unidecode(names[p - 1].split()[-1]).lower() for p in people]
    common = [rng.choice(COMMON) for _ in range(args.samples)]

    def dossier(pid: int) -> None:
        with habeas.session() as session:
            queries.person_dossier(session=session, person=session.get(Person, pid))

    def searching(kinds):
        def run(q: str) -> None:
            with habeas.session() as session:
                search_mod.search(session=session, query=q, kinds=kinds, limit=PAGE)
        return run

    dossier(people[0])  # warm caches (first connection, the Snowball stemmer)
    searching(search_mod.KINDS)(common[0])
    recorder.on = True
    rows = [timed("dossier", people, dossier)]
    for label, words in (("a surname", surnames), ("common word", common)):
        for kind in search_mod.KINDS:
            rows.append(timed(f"search {kind}, {label}", words, searching((kind,))))
    recorder.on = False
    print(f"{habeas.engine.dialect.name}: {n:,} persons; {args.samples} calls each, "
          "in this process (no HTTP)")
    for r in rows:
        print(f"  {r['what']:<32} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms")
    totals = sorted(recorder.times.items(), key=lambda kv: -sum(t for t, _ in kv[1]))
    print(f"\n{len(totals)} distinct statements; the {args.top} costing most in all:")
    with habeas.session() as session:
        for statement, runs in totals[:args.top]:
            ms = sorted(t for t, _ in runs)
            print(f"\n-- {len(ms)} runs, {sum(ms):.0f} ms in all, p50 {statistics.median(ms):.1f}"
                  f" ms, max {ms[-1]:.1f} ms")
            print("   " + " ".join(statement.split())[:600])
            slowest = max(runs, key=lambda r: r[0])[1]
            for line in plan(session, statement, slowest):
                print(f"   | {line}")
    habeas.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
