"""The web shell: server-rendered pages, the REST API under ``/api/v1``, accounts.

``make_app(habeas)`` builds the FastAPI app around one ``Habeas``; ``habeas serve`` runs it with
uvicorn (``commands.register`` adds ``serve`` and ``user`` to the CLI).
"""

from __future__ import annotations

__all__ = ["make_app"]


def __getattr__(name: str):
    """``make_app``, imported on first use: the CLI imports ``web.commands`` for every command,
    and FastAPI is a fifth of its start-up."""
    if name == "make_app":
        from .app import make_app

        return make_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
