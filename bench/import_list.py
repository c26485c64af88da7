"""Import speed of `habeas import`: a synthetic list of ROWS persons (distinct names, birth
years, arrest dates, charges, terms, statuses) into a fresh SQLite store; prints rows/s.

    .venv/bin/python bench/import_list.py [ROWS]
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from pathlib import Path

from habeas.resolve.lists import import_list
from habeas.workspace import Habeas

ROWS = 100_000
GIVEN = ["Akhtem", "Ilmi", "Server", "Nariman", "Asan", "Emir", "Remzi", "Edem", "Marlen",
         "Enver", "Olga", "Maria", "Ales", "Ihar", "Nasta", "Zarema", "Lenie", "Diliaver"]
SURNAME_ROOTS = ["Chiyg", "Umer", "Mustafay", "Dzhely", "Akhtem", "Kuk", "Bekir", "Smail",
                 "Asan", "Bialiatsk", "Stefanovich", "Lasik", "Loika", "Kolesnikov", "Sentsov"]
ENDINGS = ["ov", "ev", "in", "enko", "uk", "sky", "ich", "iev", "oz", "ly"]
CHARGES = ["mass riots", "extremism", "treason", "espionage", "terrorism", "sabotage"]
STATUSES = ["detained", "sentenced", "released", "unknown"]


def syllables(n: int) -> str:
    letters = "bdgklmnprstvz"
    vowels = "aeiou"
    out = ""
    while True:
        out += letters[n % len(letters)] + vowels[(n // len(letters)) % len(vowels)]
        n //= len(letters) * len(vowels)
        if not n:
            return out


def write_list(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "birth_year", "arrest_date", "charge", "sentence", "status"])
        for n in range(rows):
            surname = (rng.choice(SURNAME_ROOTS) + syllables(n) + rng.choice(ENDINGS)).title()
            writer.writerow([f"{rng.choice(GIVEN)} {surname}", rng.randint(1950, 2000),
                             f"{rng.randint(2014, 2024)}-{rng.randint(1, 12):02d}-"
                             f"{rng.randint(1, 28):02d}", rng.choice(CHARGES),
                             f"{rng.randint(1, 20)} years", rng.choice(STATUSES)])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        write_list(path, rows)
        habeas = Habeas(database_url=f"sqlite:///{folder}/bench.db")
        habeas.engine  # noqa: B018  (migrations are not the import)
        start = time.perf_counter()
        report = import_list(habeas.transaction, path)
        seconds = time.perf_counter() - start
        habeas.close()
    print(f"{rows:,} rows in {seconds:.1f} s: {rows / seconds:,.0f} rows/s "
          f"({report.count('imported')} new, {report.count('merged')} merged, "
          f"{report.count('rejected')} rejected)")


if __name__ == "__main__":
    main()
