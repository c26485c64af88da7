"""The writer alone: CPU seconds of resolution (stage 3) for the texts of the end-to-end run.

    .venv/bin/python bench/writer.py [--articles 400]

Makes the texts of ``bench/throughput.py --end-to-end`` (the English examples, ``tests/gold``
and ``../shared/gold/real``, copies made unique), ingests them into a fresh SQLite store and
stores their Extractions (the NLP, in this process), then times ``Habeas.resolve`` (``habeas
resolve``: persons matched and merged, events merged, claims) twice on copies of that store,
printing the process's CPU time, which other work on the machine moves less than the wall
time, then once more counting the SQL statements it sends. The copies repeat each report
several times, so most persons and events are merged into stored ones: the writer's costly
case.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from throughput import ROOT, load_documents

from habeas.nlp.workers import extract_batch
from habeas.store import crud
from habeas.workspace import Habeas, _document_of


def staged(path: Path, articles: int) -> None:
    """A store at ``path`` whose articles have their Extraction stored, none resolved."""
    folders = [ROOT / "examples", ROOT / "tests" / "gold", ROOT.parent / "shared" / "gold" / "real"]
    english = [d for d in load_documents(folders) if d.language in (None, "en")]
    lines = path.with_suffix(".jsonl")
    with lines.open("w", encoding="utf-8") as out:
        for n in range(articles):
            text = f"{english[n % len(english)].text}\n\n(Copy {n // len(english) + 1}.)"
            out.write(json.dumps({"id": f"t{n}", "title": f"Text {n}", "language": "en",
                                  "text": text}, ensure_ascii=False) + "\n")
    habeas = Habeas(database_url=f"sqlite:///{path}")
    try:
        habeas.ingest([lines])
        with habeas.session() as session, session.begin():
            documents = [_document_of(a) for a in crud.pending_articles(session=session)]
        for start in range(0, len(documents), 32):  # the NLP, as a worker runs it
            results = extract_batch(habeas.model, 32, documents[start:start + 32])
            with habeas.transaction() as session:
                crud.store_extractions(session=session, extractions={
                    int(r.source.removeprefix("article:")): r.record for r in results})
        assert habeas.staged() == articles
    finally:
        habeas.close()


def resolve(source: Path, work: Path, *, count: bool = False) -> tuple[float, float, int, int]:
    """CPU and wall seconds of resolving a copy of ``source``, the articles resolved, and
    (``count``) the SQL statements it sent."""
    from sqlalchemy import event

    copy = work / "copy.db"
    for leftover in work.glob("copy.db*"):
        leftover.unlink()
    shutil.copy(source, copy)
    habeas = Habeas(database_url=f"sqlite:///{copy}")
    statements = [0]

    def counted(*_) -> None:
        statements[0] += 1

    try:
        habeas.staged()  # opens and migrates the store before the clock starts
        if count:
            event.listen(habeas.engine, "before_cursor_execute", counted)
        cpu, wall = time.process_time(), time.perf_counter()
        report = habeas.resolve()
        return (time.process_time() - cpu, time.perf_counter() - wall, report.articles,
                statements[0])
    finally:
        if count:
            event.remove(habeas.engine, "before_cursor_execute", counted)
        habeas.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        staged(work / "staged.db", args.articles)
        runs = [resolve(work / "staged.db", work) for _ in range(2)]
        statements = resolve(work / "staged.db", work, count=True)[3]  # a third, counted
    for cpu, wall, articles, _ in runs:
        print(f"resolution of {articles} articles: {cpu:.1f} s CPU ({1000 * cpu / articles:.1f} "
              f"ms per article), {wall:.1f} s wall")
    print(f"SQL statements: {statements} ({statements / args.articles:.1f} per article)")
    best = min(cpu for cpu, _, _, _ in runs)
    print(json.dumps({"articles": args.articles, "cpu_seconds": round(best, 2),
                      "cpu_ms_per_article": round(1000 * best / args.articles, 1),
                      "statements_per_article": round(statements / args.articles, 1)}))


if __name__ == "__main__":
    main()
