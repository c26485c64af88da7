"""Names across scripts and spellings: the pair gold set (tests/names/pairs.csv, written for
this test, with hard negatives) scored pairwise, and the parts it rests on."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from habeas.resolve.cluster import resolve_mentions
from habeas.resolve.names import SAME_NAME, name_score, parse, same_name, skeleton
from tests.conftest import ROOT

PAIRS = ROOT / "tests" / "names" / "pairs.csv"


def test_pair_gold_set_precision_and_recall():
    rows = list(csv.DictReader(PAIRS.open(encoding="utf-8")))
    assert len(rows) >= 200
    assert sum(r["same"] == "0" for r in rows) >= 80  # hard negatives
    tp = fp = fn = 0
    for row in rows:
        predicted = name_score(parse(row["a"]), parse(row["b"]))[0] >= SAME_NAME
        gold = row["same"] == "1"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)


@pytest.mark.parametrize("variants", [
    ["Чийгоз", "Chiygoz", "Chyigoz", "Chiigoz", "Çiygoz"],
    ["Dzhelyal", "Dzhelial", "Jelyal", "Джелял"],
    ["Umerov", "Umerow", "Умеров"],
    ["Mustafayev", "Mustafaev", "Мустафаев"],
])
def test_skeleton_folds_transliterations(variants):
    assert len({skeleton(v) for v in variants}) == 1


def test_parse_finds_the_surname_in_any_order():
    for text in ("Aliev Muslim Nuriyevich", "Muslim Aliev", "Aliev Muslim", "Муслим Алиев"):
        name = parse(text)
        assert (name.given, name.surname) == ("muslim", "aliev"), text
    assert parse("Aliev Muslim Nuriyevich").patronymic.startswith("nuri")


@pytest.mark.parametrize("a,b,reason", [
    ("Ilmi Umerov", "Lenie Umerova", "a man and a woman"),
    ("Asan Akhtemov", "Aziz Akhtemov", "different given names"),
    ("Aliev Muslim Nuriyevich", "Nuri Aliev", "father and son"),
    ("Ivan Petrov Jr.", "Ivan Petrov Sr.", "Jr. and Sr."),
    ("Aliev Muslim Nuriyevich", "Aliev Muslim Ruslanovich", "different patronymics"),
])
def test_hard_negatives_say_why(a, b, reason):
    assert name_score(parse(a), parse(b)) == (0.0, reason)


def test_a_surname_alone_is_never_enough_on_names():
    assert not same_name("Chiygoz", "Akhtem Chiygoz")
    assert same_name("Akhtem Chiygoz", "Ахтем Чийгоз")


def test_cluster_keeps_brothers_apart_and_initials_from_chaining_them():
    labels = resolve_mentions(["Asan Akhtemov", "Aziz Akhtemov", "A. Akhtemov", "Akhtemov",
                               "Асан Ахтемов", "Ilmi Umerov", "Umerov Ilmi", "Umerov"])
    assert labels[0] == labels[4] and labels[0] != labels[1]
    assert labels[2] not in (labels[0], labels[1]) and labels[3] not in (labels[0], labels[1])
    assert labels[5] == labels[6] == labels[7]


def test_bench_runs_small_and_prints_the_scores():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "resolve.py"), "--mentions",
                          "20000"], capture_output=True, text=True, timeout=120, check=True)
    assert "mentions/s" in out.stdout and "peak RSS" in out.stdout
    precision = float(out.stdout.split("pairwise precision ")[1].split()[0])
    recall = float(out.stdout.split(" recall ")[1].split()[0])
    assert precision >= 0.95 and recall >= 0.8, out.stdout
