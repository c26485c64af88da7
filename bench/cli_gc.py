"""The garbage collector's CPU in one Habeas command (the writer of ``habeas run``, say): the
command run in this process with a timer on every collection (``gc.callbacks``).

    .venv/bin/python bench/cli_gc.py --db sqlite:///bench.db run texts.jsonl --jobs 2

The arguments are ``habeas``'s. Prints, at the end, the collector's CPU seconds, the number of
collections, the seconds by generation and the process's CPU seconds.
"""

from __future__ import annotations

import atexit
import gc
import sys
import time

spent: dict[str, float] = {"seconds": 0.0, "count": 0, "started": 0.0}
by_generation: dict[int, float] = {}


def timer(phase: str, info: dict) -> None:
    if phase == "start":
        spent["started"] = time.process_time()
        return
    seconds = time.process_time() - spent["started"]
    spent["seconds"] += seconds
    spent["count"] += 1
    by_generation[info["generation"]] = by_generation.get(info["generation"], 0.0) + seconds


def report() -> None:
    print(f"collector {spent['seconds']:.2f} s in {spent['count']} collections "
          f"(by generation: {', '.join(f'{g}: {s:.2f} s' for g, s in sorted(by_generation.items()))}); "
          f"process CPU {time.process_time():.2f} s", file=sys.stderr)


if __name__ == "__main__":
    gc.callbacks.append(timer)
    atexit.register(report)
    sys.argv = ["habeas", *sys.argv[1:]]
    from habeas.cli import main

    main()
