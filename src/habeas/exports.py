"""Cells safe for a spreadsheet (OWASP "CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets: ``=HYPERLINK("http://...","click")`` from a report would
run when a monitor opens the export. Such a cell gets a leading single quote, which the
spreadsheet shows as text. Only CSV (and the list) exports need it; JSON keeps values as given.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would take as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: safe_cell(value) for key, value in row.items()} for row in rows]
