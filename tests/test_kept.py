"""The place gazetteer kept in a file (``nlp.kept``): the same set as made, made again when what
it is made of changes, and no error where the file cannot be written."""

from __future__ import annotations

import pytest

from habeas.nlp import kept, lexicon


def test_the_kept_places_are_the_made_ones(tmp_path, monkeypatch):
    monkeypatch.setenv(kept.CACHE_DIR, str(tmp_path))
    expected = lexicon._places()
    lexicon.places.cache_clear()
    try:
        first = lexicon.places()          # made, and written
        assert len(list(tmp_path.glob("places-*.json"))) == 1
        lexicon.places.cache_clear()
        monkeypatch.setattr(lexicon, "_places", lambda: pytest.fail("made again, not read"))
        second = lexicon.places()         # read
    finally:
        lexicon.places.cache_clear()
    assert first == second == expected
    assert "kyiv" in second and "march" not in second


def test_a_change_of_inputs_is_another_file(tmp_path, monkeypatch):
    monkeypatch.setenv(kept.CACHE_DIR, str(tmp_path))
    made = []
    a = kept.kept("words", kept.key(["json"], [1]), lambda: made.append(1) or {"a"})
    b = kept.kept("words", kept.key(["json"], [1]), lambda: made.append(2) or {"x"})
    c = kept.kept("words", kept.key(["json"], [2]), lambda: made.append(3) or {"b"})
    assert (a, b, c) == ({"a"}, {"a"}, {"b"}) and made == [1, 3]


def test_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(kept.CACHE_DIR, str(blocked / "below"))
    assert kept.kept("words", "k", lambda: ["a", "b"]) == {"a", "b"}
