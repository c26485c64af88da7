"""bench/throughput.py's options and arithmetic; nothing timed (the bench measures, on a machine
whose load moves every timing)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_throughput",
                                                  ROOT / "bench" / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def test_cpu_is_an_option_of_both_modes(bench):
    assert bench.parser().parse_args(["--cpu"]).cpu
    args = bench.parser().parse_args(["--end-to-end", "--cpu", "--rounds", "3"])
    assert args.cpu and args.end_to_end and args.rounds == 3
    assert not bench.parser().parse_args([]).cpu


def test_cpu_ratio_is_raw_over_habeas(bench):
    assert bench.cpu_ratio(30.0, 40.0) == pytest.approx(0.75)
    assert bench.cpu_ratio(10.0, 10.0) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        bench.cpu_ratio(30.0, 0.0)


def test_rounds_give_medians_and_the_median_of_each_rounds_ratio(bench):
    # ((raw wall, raw CPU), (habeas wall, habeas CPU)) per round
    pair = bench.paired([((10.0, 8.0), (20.0, 10.0)),
                         ((30.0, 9.0), (20.0, 12.0)),
                         ((12.0, 6.0), (15.0, 10.0))])
    assert (pair.raw_wall, pair.habeas_wall) == (12.0, 20.0)
    assert (pair.raw_cpu, pair.habeas_cpu) == (8.0, 10.0)
    assert pair.wall_ratio == pytest.approx(0.8)  # of 0.5, 1.5, 0.8
    assert pair.cpu_ratio == pytest.approx(0.75)  # of 0.8, 0.75, 0.6
    assert pair.cpu_ratios == pytest.approx([0.8, 0.75, 0.6])
    assert bench.rounds_of(pair) == "; rounds 0.800, 0.750, 0.600"


def test_the_russian_ratio_is_the_median_of_each_rounds_ratio_as_in_english(bench):
    pair = bench.paired([((10.0, 8.0), (20.0, 10.0)),
                         ((30.0, 9.0), (20.0, 12.0)),
                         ((12.0, 6.0), (15.0, 10.0))])
    result = bench.russian_result(pair, 60)
    assert result["ratio_habeas_ru_vs_raw"] == pytest.approx(0.8)  # not 12 / 20 = 0.6
    assert result["raw_natasha_articles_per_s"] == pytest.approx(5.0)  # 60 / the median 12 s
    assert result["habeas_ru_articles_per_s"] == pytest.approx(3.0)
    assert result["russian_articles"] == 60


def test_measured_gives_wall_and_cpu_seconds(bench):
    """A sleep takes wall time and next to no CPU: the two come back in that order."""
    import time

    wall, cpu = bench.measured(lambda: time.sleep(0.05))
    assert wall >= 0.05 > cpu
