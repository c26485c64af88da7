"""The scorer's rules (FORMAT.md) on hand-made predictions, and Habeas on the seed."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from habeas.cli import app
from habeas.evaluate import Report, match_persons, overlap, score_document

GOLD = {
    "persons": [{"id": "g1", "name": "Akhtem Chiygoz", "aliases": ["Chiygoz"], "age": 52},
                {"id": "g2", "name": "Ilmi Umerov", "aliases": [], "age": 59}],
    "events": [
        {"type": "sentence", "persons": ["g1"], "date": "2017-09", "term_months": 96,
         "place": "Crimea", "negated": False, "hedged": False},
        {"type": "release", "persons": ["g1", "g2"], "release_mode": "pardon", "negated": True},
    ],
}


def test_token_overlap_is_half_of_the_gold_tokens():
    assert overlap("a Russian court in Crimea", "Russian court")
    assert not overlap("court", "Russian military court")


def test_matching_and_scores():
    predicted = {
        "persons": [{"id": "p1", "name": "Chyigoz", "aliases": ["Chiygoz"], "age": 52},
                    {"id": "p2", "name": "Umerov", "aliases": [], "age": 60},
                    {"id": "p3", "name": "Nikolai Polozov", "aliases": []}],
        "events": [
            {"type": "sentence", "persons": ["p1"], "date": "2017-09-11", "term_months": 96,
             "place": "Russian-occupied Crimea", "negated": False, "hedged": False},
            {"type": "release", "persons": ["p2"], "release_mode": "pardon", "negated": False},
        ],
    }
    report = Report()
    score_document(report, predicted, GOLD)
    result = report.as_dict()
    assert (result["persons"]["tp"], result["persons"]["fp"]) == (2, 1)
    assert result["age_accuracy"] == 0.5
    # The positive release does not match the negated gold release: a false positive.
    assert (result["events"]["tp"], result["events"]["fp"], result["events"]["fn"]) == (1, 1, 1)
    assert result["arguments"]["date"] == 1.0
    assert result["arguments"]["place"] == 1.0
    assert result["negated_accuracy"] == 0.5


def test_events_are_paired_to_match_as_many_as_possible():
    """First come by agreement would pair the joint arrest with Chiygoz's dated arrest and leave
    the second prediction without a partner; the optimal pairing matches both."""
    gold = {
        "persons": [{"id": "g1", "name": "Ilmi Umerov", "aliases": []},
                    {"id": "g2", "name": "Akhtem Chiygoz", "aliases": []}],
        "events": [{"type": "arrest", "persons": ["g1"]},
                   {"type": "arrest", "persons": ["g2"], "date": "2015-01-29"}],
    }
    predicted = {
        "persons": [{"id": "p1", "name": "Ilmi Umerov"}, {"id": "p2", "name": "Akhtem Chiygoz"}],
        "events": [{"type": "arrest", "persons": ["p1", "p2"], "date": "2015-01-29",
                    "negated": False},
                   {"type": "arrest", "persons": ["p2"], "negated": False}],
    }
    report = Report()
    score_document(report, predicted, gold)
    result = report.as_dict()
    assert (result["events"]["tp"], result["events"]["fp"], result["events"]["fn"]) == (2, 0, 0)


def test_eval_on_the_seed_meets_the_floor(seed_gold, tmp_path):
    from tests.conftest import SEED

    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "eval", str(SEED),
                                      "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["persons"]["f1"] == 1.0
    assert report["events"]["f1"] >= 0.95
    table = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "eval", str(SEED)])
    assert "charges_dropped" in table.output


def test_the_errors_of_a_document_are_listed_as_they_were_scored():
    """``--errors``: each miss, spurious person or event and disagreeing argument, paired as
    the scores pair them (the agreeing sentence is no error; the positive release is spurious
    and the negated gold release missed)."""
    predicted = {
        "persons": [{"id": "p1", "name": "Chiygoz", "aliases": []},
                    {"id": "p3", "name": "Nikolai Polozov", "aliases": []}],
        "events": [
            {"type": "sentence", "persons": ["p1"], "date": "2017-09-11", "term_months": 84,
             "place": "Crimea", "negated": False, "hedged": False, "evidence": "He got 7."},
            {"type": "release", "persons": ["p1"], "negated": False, "evidence": "Freed."},
        ],
    }
    report = Report(errors=[])
    score_document(report, predicted, GOLD, "kp.json")
    kinds = [(e["kind"], e.get("person") or e["type"], e.get("argument")) for e in report.errors]
    assert kinds == [("person spurious", "Nikolai Polozov", None),
                     ("person missed", "Ilmi Umerov", None),
                     ("event missed", "release", None),
                     ("event spurious", "release", None),
                     ("argument", "sentence", "term_months")]
    assert report.errors[-1]["predicted"] == 84 and report.errors[-1]["gold"] == 96
    assert {e["document"] for e in report.errors} == {"kp.json"}


def test_eval_lists_the_errors_on_request(seed_gold, tmp_path):
    from tests.conftest import SEED

    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "eval", str(SEED),
                                      "--json", "--errors"])
    assert result.exit_code == 0, result.output
    errors = json.loads(result.stdout)["errors"]
    assert errors and {e["document"] for e in errors} == {SEED.name}
    table = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "eval", str(SEED),
                                     "--errors"])
    assert f"{SEED.name}\n" in table.output and "event spurious" in table.output


def test_a_predicted_name_that_folds_to_nothing_matches_no_one():
    """The naive baseline once took an emoji's variation selector (U+FE0F) for a name; the
    scorer stopped with an IndexError on it instead of scoring the rest."""
    predicted = [{"id": "p1", "name": "\ufe0f", "aliases": []},
                 {"id": "p2", "name": "Ivan Petrov", "aliases": []}]
    gold = [{"id": "g1", "name": "Ivan Petrov", "aliases": ["Petrov"]},
            {"id": "g2", "name": "Anna Sidorova", "aliases": []}]
    assert match_persons(predicted, gold) == {"p2": "g1"}
