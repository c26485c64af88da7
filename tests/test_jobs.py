"""The NLP spread over worker processes (``--jobs``) or a Dask cluster (``--scheduler``) gives
the same record as one process: every row of persons, events, claims, mentions, merges and
suggestions, by id (``store_content``). The example reports hold English and Russian articles,
so both pipelines run in the workers."""

from __future__ import annotations

import pytest

from habeas.workspace import Habeas
from tests.conftest import EXAMPLES
from tests.store_content import store_content

REPORTS = EXAMPLES / "reports"


def run(url: str, *, nlp=None, **options) -> dict:
    """Ingest and extract the example reports into the store at ``url``; its content."""
    habeas = Habeas(database_url=url)
    if nlp is not None:
        habeas._nlp = nlp  # the session's loaded pipeline (--jobs 1 runs in this process)
    try:
        assert habeas.ingest([REPORTS]).ingested == 10
        report = habeas.extract(**options)
        assert (report.articles, report.failed, report.busy) == (10, [], [])
    finally:
        habeas.close()
    return store_content(url)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, nlp) -> dict:
    return run(f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.db'}", nlp=nlp, jobs=1)


def test_jobs_two_same_record(tmp_path, one_process):
    two = run(f"sqlite:///{tmp_path / 'two.db'}", jobs=2)
    assert two["claims"] and two["events"] and two["persons"]
    assert two == one_process


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_dask_cluster_same_record_on_postgresql(database_url, one_process):
    """Two worker processes of a ``distributed.LocalCluster`` read, this process writes to
    PostgreSQL (skipped without HABEAS_TEST_DATABASE_URL)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_cluster = run(database_url, scheduler=cluster.scheduler_address)
    assert on_cluster == one_process


def test_resolve_alone_after_a_stop_between_the_stages(tmp_path, nlp, one_process):
    """Extractions stored but not resolved (a run stopped between the stages): ``habeas
    resolve`` writes the record, the same as one uninterrupted run; a second time, nothing."""
    from typer.testing import CliRunner

    from habeas.cli import app
    from habeas.config import DEFAULT_MODEL
    from habeas.nlp.workers import extract_batch
    from habeas.store import crud
    from habeas.workspace import _document_of

    url = f"sqlite:///{tmp_path / 'staged.db'}"
    habeas = Habeas(database_url=url)
    try:
        habeas.ingest([REPORTS])
        with habeas.session() as session, session.begin():
            documents = [_document_of(a) for a in crud.pending_articles(session=session)]
        results = extract_batch(DEFAULT_MODEL, 32, documents, lambda: nlp)
        with habeas.transaction() as session:
            crud.store_extractions(session=session, extractions={
                int(r.source.removeprefix("article:")): r.record for r in results})
        assert habeas.staged() == 10 and habeas.article_counts()["extracted"] == 0
    finally:
        habeas.close()
    runner = CliRunner()
    first = runner.invoke(app, ["--db", url, "resolve"])
    assert first.exit_code == 0, first.output
    assert "Resolved 10 article(s)" in first.output
    assert store_content(url) == one_process
    again = runner.invoke(app, ["--db", url, "resolve"])
    assert again.exit_code == 0 and "Resolved 0 article(s)" in again.output


# A main script that says, at import, in which process it runs; then extracts two German
# articles (no pipeline: no model loads) in two worker processes.
MAIN_SCRIPT = '''
import os, sys
with open(sys.argv[1], "a") as out:
    out.write(f"{os.getpid()}\\n")
if __name__ == "__main__":
    from habeas.model import Document
    from habeas.nlp import workers
    batches = [[Document(text="Ein Bericht.", title="", language="de", source=f"article:{n}")]
               for n in (1, 2)]
    with workers.workers(jobs=2, scheduler=None, model="no-such-model", batch_size=1,
                         english=None) as pool:
        results = [r for _, rs in pool.map(batches) for r in rs]
    assert [r.error for r in results] == [None, None], results
    assert sys.modules["__main__"].__file__ == __file__
'''


def test_workers_do_not_run_the_main_script_again(tmp_path):
    """multiprocessing runs the parent's main script again in each worker it starts from the
    forkserver; ``habeas``'s imports the whole CLI, so the workers are started without it."""
    import subprocess
    import sys

    script, ran = tmp_path / "main.py", tmp_path / "ran.txt"
    script.write_text(MAIN_SCRIPT)
    subprocess.run([sys.executable, str(script), str(ran)], check=True, timeout=120)
    assert len(ran.read_text().split()) == 1  # the parent only
