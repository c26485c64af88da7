"""Imported by the forkserver of ``habeas run|extract --jobs N`` before it forks the NLP workers
(``workers.workers``): loads the English pipeline named in ``PRELOAD_MODEL`` (the
environment the forkserver started with) and reads one short text of our own with it, so the
rule data loaded on first use is loaded too. Each worker is forked with all of it, as raw
``nlp.pipe(n_process=N)`` forks after loading its model, instead of loading its own: one load
for N workers. Nothing else is touched; a model that does not load is left to the workers, which
report it as they did.

Then every object made so far (the model, the rule data, some 100,000 of them) is moved out of
the garbage collector's reach (``gc.freeze``): a worker's full collections no longer walk them
again and again (the collector's CPU over the 400 end-to-end texts 0.26 -> 0.08 s,
``bench/model_parts.py --gc``), and it leaves their pages shared with the forkserver."""

from __future__ import annotations

import gc
import logging
import os

from ..model import Document
from .pipeline import load_nlp, process
from .workers import PRELOAD_MODEL

log = logging.getLogger(__name__)

# A text of our own that goes through every component: a person, an arrest, a date, a place.
WARM_UP = ("Police in Minsk detained the activist Anna Petrova on 3 May 2021, her lawyer said. "
           "A court later sentenced her to two years in a penal colony.")


def preload(model: str) -> None:
    try:
        nlp = load_nlp(model)
        list(process(nlp, [Document(text=WARM_UP, title="", language="en", source="warm-up")]))
    except Exception:  # the workers load it again, and say what is wrong
        log.debug("preloading %s failed", model, exc_info=True)
    gc.freeze()


if os.environ.get(PRELOAD_MODEL):
    preload(os.environ[PRELOAD_MODEL])
