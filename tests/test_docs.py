"""Docs tested (datasette's test_docs): every CLI command and setting is in the README."""

from __future__ import annotations

import pytest

from habeas.cli import app
from habeas.config import Settings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__
                                           for c in app.registered_commands))
def test_every_command_is_documented(command):
    assert f"habeas {command}" in README or f"`{command}`" in README


@pytest.mark.parametrize("setting", sorted(Settings.model_fields))
def test_every_setting_is_documented(setting):
    assert f"HABEAS_{setting.upper()}" in README


def test_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README
