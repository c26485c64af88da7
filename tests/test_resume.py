"""``habeas run --jobs 2`` killed with SIGKILL halfway through a folder (the writer process,
with its two NLP workers running), then run again: every article stored exactly once and
extracted exactly once (the same facts per article as a clean run), the workers gone with the
writer. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import sqlalchemy as sa

from habeas.store.db import make_engine

ARTICLES = 60
PERSONS = ["Server Mustafayev", "Edem Smailov", "Remzi Bekirov", "Marlen Asanov",
           "Emir Kuku", "Enver Bekirov"]


def write_folder(folder):
    folder.mkdir()
    for n in range(ARTICLES):
        name = PERSONS[n % len(PERSONS)]
        (folder / f"report-{n:03d}.txt").write_text(
            f"Report {n}. {name} was detained by FSB officers in Simferopol on March {n % 28 + 1}"
            f", 2019. A court later sentenced {name} to {n % 15 + 2} years in prison.\n",
            encoding="utf-8")


def counts(url):
    engine = make_engine(url)
    with engine.connect() as c:
        articles = c.execute(sa.text("select count(*), count(distinct content_hash) "
                                     "from articles")).one()
        extracted = c.execute(sa.text("select count(*) from articles where status = "
                                      "'extracted'")).scalar()
        events = c.execute(sa.text("select count(*) from events")).scalar()
    engine.dispose()
    return articles[0], articles[1], extracted, events


def facts_per_article(url):
    """Per article (by its text's hash): its status and how many mentions, claims, event
    sources and statistics it gave: an article extracted twice would have more."""
    engine = make_engine(url)
    counted = ", ".join(f"(select count(*) from {t} where {t}.article_id = a.id)"
                        for t in ("mentions", "claims", "event_sources", "statistics"))
    with engine.connect() as c:
        rows = c.execute(sa.text(f"select a.content_hash, a.status, {counted} from articles a"))
        facts = {row[0]: tuple(row[1:]) for row in rows}
    engine.dispose()
    return facts


def habeas_run(url, folder, jobs=2, **kwargs):
    command = [sys.executable, "-m", "habeas", "--db", url, "run", str(folder),
               "--jobs", str(jobs)]
    env = {**os.environ, "HABEAS_BATCH_SIZE": "4"}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            **kwargs)


def test_sigkill_halfway_then_resume(tmp_path, database_url):
    folder = tmp_path / "inbox"
    write_folder(folder)
    process = habeas_run(database_url, folder)
    deadline = time.monotonic() + 240
    extracted = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            extracted = counts(database_url)[2]
        except Exception:  # the schema may not exist yet
            continue
        if extracted >= 8:
            break
    workers = psutil.Process(process.pid).children(recursive=True)
    assert workers, "the NLP should run in worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert alive == [], "the NLP workers should end with the writer"
    total, distinct, done, _ = counts(database_url)
    assert 0 < done < ARTICLES, "the kill should land halfway through extraction"
    assert total == distinct

    finished = habeas_run(database_url, folder)
    out, errors = finished.communicate(timeout=600)
    assert finished.returncode == 0, errors.decode()
    assert f"{ARTICLES - total} new article(s); {total} already in store" in out.decode()
    total, distinct, done, events = counts(database_url)
    assert total == distinct == done == ARTICLES

    # The same folder into a fresh store, in one process, gives the same facts: nothing doubled.
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    habeas_run(clean, folder, jobs=1).communicate(timeout=600)
    assert counts(clean)[3] == events
    assert facts_per_article(database_url) == facts_per_article(clean)
