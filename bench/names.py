"""Pairwise scores of the name-variant gold set (tests/names/pairs.csv): precision and recall
of "same person" at the resolver's threshold, and the same for a reference that merges on
exact lowercased names only (what many tools do).

    .venv/bin/python bench/names.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from habeas.resolve.names import SAME_NAME, name_score, parse

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "names" / "pairs.csv"


def scores(rows, same) -> tuple[float, float]:
    tp = sum(same(r) and r["same"] == "1" for r in rows)
    fp = sum(same(r) and r["same"] == "0" for r in rows)
    fn = sum(not same(r) and r["same"] == "1" for r in rows)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main() -> None:
    rows = list(csv.DictReader(PAIRS.open(encoding="utf-8")))
    habeas = scores(rows, lambda r: name_score(parse(r["a"]), parse(r["b"]))[0] >= SAME_NAME)
    exact = scores(rows, lambda r: r["a"].strip().lower() == r["b"].strip().lower())
    negatives = sum(r["same"] == "0" for r in rows)
    print(f"{len(rows)} pairs ({negatives} hard negatives)")
    print(f"habeas      precision {habeas[0]:.3f} recall {habeas[1]:.3f}")
    print(f"exact names precision {exact[0]:.3f} recall {exact[1]:.3f}")


if __name__ == "__main__":
    main()
