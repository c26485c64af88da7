"""The name index's start on a large store: a writer's ``resolve.bulk.NameIndex`` as it starts
now (the stored names' keys read, their surname forms left in the store's table
``name_forms``, looked up per name) against the way before (every stored name read and parsed
into memory, ``NameIndex(stored=False)``), in one process, on the same store; then the same
names asked of both (``near``, as the writer asks for a new person's names), which must find
the same persons.

    .venv/bin/python bench/name_index.py --store /tmp/scale/filled-100000.db
    .venv/bin/python bench/name_index.py --size 20000       # fills a store first (bench/scale.py)

``--store``: a store filled by ``bench/scale.py --keep FOLDER`` (its ``filled-SIZE.db``), copied
before use; a store filled before migration 0010 gets the table on its copy (every name queued,
then written: the one-time cost of the upgrade, printed apart; ``--requeue`` makes a store
look so). Each way's start is timed in CPU
seconds, median of ``--rounds``, the two ways alternating, the parser's caches emptied before
each (a writer process starts with them empty).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve import NOISE, mention, population  # noqa: E402  (bench/resolve.py)


def clear_caches() -> None:
    """The caches a writer process starts without (the parser's, the forms')."""
    from habeas.resolve import bulk, names
    from habeas.store import persons

    for cached in (names.parse, names.skeleton, bulk.surname_forms, persons.name_key):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def start(habeas, stored: bool):
    """A fresh name index brought up to date, as a writer's first article does: (index, CPU
    seconds)."""
    from habeas.resolve.bulk import NameIndex

    clear_caches()
    index = NameIndex(stored=stored, keyed=not stored)  # as a writer makes it (Habeas)
    with habeas.session(write=True) as session, session.begin():
        cpu = time.process_time()
        index.refresh(session)
        return index, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a filled store (bench/scale.py --keep)")
    parser.add_argument("--size", type=int, default=20_000, help="articles, when no --store")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--names", type=int, default=2_000, help="names asked of both ways")
    parser.add_argument("--requeue", action="store_true", help="empty the forms and queue "
                        "every name first, as the upgrade to 0010 does: times the first writer's "
                        "one-time work after it")
    args = parser.parse_args()

    from habeas.resolve.bulk import among
    from habeas.workspace import Habeas

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        if args.store:
            shutil.copy(args.store, copy)
        else:
            from scale import fill

            filling = Habeas(database_url=f"sqlite:///{copy}")
            fill(filling, args.size, random.Random(args.size))
            filling.close()
        habeas = Habeas(database_url=f"sqlite:///{copy}")
        try:
            if args.requeue:  # as migration 0010 leaves a store: no forms, every name queued
                from habeas.store.name_forms import QUEUE_EVERY_NAME

                with habeas.transaction() as session:
                    for statement in ("DELETE FROM name_surnames", "DELETE FROM surname_forms",
                                      "DELETE FROM name_form_queue", QUEUE_EVERY_NAME):
                        session.connection().exec_driver_sql(statement)
            with habeas.session() as session:
                persons, aliases, queued = (session.connection().exec_driver_sql(
                    f"SELECT count(*) FROM {t}").scalar()
                    for t in ("persons", "person_aliases", "name_form_queue"))
            # the names queued (by the upgrade, or a bulk fill): written once, timed apart
            clear_caches()
            with habeas.session(write=True) as session, session.begin():
                from habeas.resolve.bulk import NameIndex

                cpu = time.process_time()
                written = NameIndex.write_forms(session)
                first = time.process_time() - cpu
            with habeas.session() as session:
                readings, forms = (session.connection().exec_driver_sql(
                    f"SELECT count(*) FROM {t}").scalar()
                    for t in ("name_surnames", "surname_forms"))
            print(f"store: {persons:,} persons, {aliases:,} spellings; {queued:,} names were "
                  f"queued, their forms written in {first:.2f} s CPU (once): {readings:,} "
                  f"readings, {forms:,} forms", flush=True)
            times: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(args.rounds):
                for stored in (False, True):
                    _, seconds = start(habeas, stored)
                    times[stored].append(seconds)
                    print(f"  start, {'stored table' if stored else 'in memory   '}: "
                          f"{seconds:.3f} s CPU", flush=True)
            old, _ = start(habeas, False)
            new, _ = start(habeas, True)
            rng = random.Random(7)
            with habeas.session() as session:  # the filled store's own people (bench/scale.py)
                size = session.connection().exec_driver_sql(
                    "SELECT count(*) FROM articles WHERE source LIKE 'synthetic:%'").scalar()
            people = population(max(100, size * 2 // 6), random.Random(size))
            kinds, weights = zip(*NOISE)
            asked = [[mention(rng.choice(people), rng, kinds, weights)]
                     for _ in range(args.names)]
            differ = 0
            spent = {True: 0.0, False: 0.0}
            found = 0
            with habeas.session(write=True) as session, session.begin():
                for names in asked:
                    cpu = time.process_time()
                    a = among(session, old, old.near(names))
                    spent[False] += time.process_time() - cpu
                    cpu = time.process_time()
                    b = among(session, new, new.near(names, session))
                    spent[True] += time.process_time() - cpu
                    differ += a != b
                    found += len(a)
        finally:
            habeas.close()
    before, after = statistics.median(times[False]), statistics.median(times[True])
    print(f"start (median of {args.rounds}): in memory {before:.3f} s, stored table "
          f"{after:.3f} s CPU: {before / after:.0f} times faster")
    print(f"near, {args.names:,} names: {differ} answers differ; {found / args.names:.1f} "
          f"persons per name; {1000 * spent[False] / args.names:.3f} ms in memory, "
          f"{1000 * spent[True] / args.names:.3f} ms from the table per name (among included); "
          f"load average {os.getloadavg()[0]:.1f}")
    print(json.dumps({"persons": persons, "aliases": aliases, "readings": readings, "forms": forms,
                      "upgrade_cpu_seconds": round(first, 2),
                      "start_cpu_seconds": {"in_memory": round(before, 3),
                                            "stored": round(after, 3)},
                      "ratio": round(before / after, 1), "near_differ": differ,
                      "near_ms": {"in_memory": round(1000 * spent[False] / args.names, 3),
                                  "stored": round(1000 * spent[True] / args.names, 3)}}))


if __name__ == "__main__":
    main()
