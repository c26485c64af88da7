"""Shared fixtures: the loaded pipeline, the seed gold file, fresh databases."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "gold" / "dev" / "kp-2017-umerov-chiygoz.json"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def kept_files(tmp_path_factory):
    """Word sets kept in files (``nlp.kept``) go to a folder of the test session's own, not the
    user's cache, for this process and every process it starts."""
    from habeas.nlp import kept

    folder = str(tmp_path_factory.mktemp("kept"))
    before = os.environ.get(kept.CACHE_DIR)
    os.environ[kept.CACHE_DIR] = folder
    yield folder
    if before is None:
        os.environ.pop(kept.CACHE_DIR, None)
    else:
        os.environ[kept.CACHE_DIR] = before


@pytest.fixture(scope="session")
def nlp():
    from habeas.config import DEFAULT_MODEL
    from habeas.nlp.pipeline import load_nlp

    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent: the seed gold file lives in ../shared beside the repo")
    return json.loads(SEED.read_text(encoding="utf-8"))


def _postgres_url() -> str | None:
    return os.environ.get("HABEAS_TEST_DATABASE_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh, empty database: an SQLite file, or a new PostgreSQL schema dropped after."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'habeas.db'}"
        return
    base = _postgres_url()
    if not base:
        pytest.skip("HABEAS_TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def sessions(database_url):
    """A migrated store on ``database_url`` and its session maker."""
    from habeas.store import make_engine, make_sessionmaker, migrate

    engine = make_engine(database_url)
    migrate(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def russian():
    """natasha's models, loaded once per test session (the Russian pipeline module)."""
    from habeas.nlp.lang.ru import pipeline

    pipeline.models()
    return pipeline


def extract_ru(russian, text, published="2022-05-08"):
    """A Russian text's extraction, as a report published on ``published``."""
    from habeas.model import Document

    return russian.extract(Document(text=text, source="test", published=published,
                                    language="ru"))
