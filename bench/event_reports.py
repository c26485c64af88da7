"""Cost flat in the reports an event has: the writer's CPU per article when every article
tells the same event (one person, one arrest, its date and place given by a few values in
turn), as the event's reports grow from 1 to ``--reports``.

    .venv/bin/python bench/event_reports.py [--reports 1000] [--database-url URL]

Hand-made Extractions (no NLP), written one article per transaction as the writer writes a
staged one (``resolve.article.save_extraction``), into a fresh SQLite store (or the empty
database ``--database-url``). Prints the median CPU milliseconds per article over windows of
the run (the first reports, then around each tenfold), and the ratio of the last window to
the second (goal: about 1). One person named in every report is matched every time, so what
grows with the reports of the person (its stored profile, read for a match) shows here too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span  # noqa: E402
from habeas.resolve.article import save_extraction  # noqa: E402
from habeas.store import add_article, make_engine, make_sessionmaker, migrate  # noqa: E402
from habeas.store import unit_of_work  # noqa: E402

DATES = ("2024-03", "2024-03-05", "2024-03-05", "2024-03-06")
PLACES = ("Tallinn", "Tallinn", "Tartu")
WINDOW = 20


def one(session, n: int) -> None:
    text = f"Report {n}: Greta Holm was arrested in {PLACES[n % len(PLACES)]}."
    article, _ = add_article(session=session, document=Document(
        text=text, source=f"report-{n}.txt", outlet=f"Outlet {n % 7}", published="2024-05-01"))
    save_extraction(session=session, article=article, extraction=Extraction(
        document={}, persons=[PersonRecord(id="p1", name="Greta Holm")],
        events=[EventRecord(type="arrest", persons=["p1"], date=DATES[n % len(DATES)],
                            place=PLACES[n % len(PLACES)], term_months=12 if n % 5 else None,
                            sources=[Span(0, len(text), text)])],
        versions={"habeas_events": "habeas.events.v3"}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'events.db'}"
        engine = make_engine(url)
        migrate(engine)
        sessions = make_sessionmaker(engine)
        cpu: list[float] = []
        for n in range(1, args.reports + 1):
            start = time.process_time()
            with unit_of_work(sessions) as session:
                one(session, n)
            cpu.append(time.process_time() - start)
        engine.dispose()
    marks = [m for m in (WINDOW, 100, 1000, 10_000, 100_000) if m <= args.reports]
    if marks[-1] != args.reports:
        marks.append(args.reports)
    rows = {}
    for mark in marks:
        window = cpu[max(0, mark - WINDOW):mark]
        rows[mark] = 1000 * statistics.median(window)
        print(f"reports {max(1, mark - WINDOW + 1):>6}-{mark:<6}: "
              f"{rows[mark]:6.2f} ms CPU per article (median)")
    ratio = rows[marks[-1]] / rows[marks[0]]
    print(f"ratio {marks[-1]} / {marks[0]} reports: {ratio:.2f}; load average "
          f"{os.getloadavg()[0]:.1f}")
    print(json.dumps({"ms_per_article": rows, "ratio": round(ratio, 2)}))


if __name__ == "__main__":
    main()
