"""The NLP spread over worker processes (``--jobs``) or a Dask cluster (``--scheduler``) gives
the same record as one process: every row of persons, events, claims, mentions, merges and
suggestions, by id (``store_content``). The example reports hold English and Russian articles,
so both pipelines run in the workers."""

from __future__ import annotations

import pytest

from habeas.workspace import Habeas
from store_content import store_content

from conftest import EXAMPLES

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
