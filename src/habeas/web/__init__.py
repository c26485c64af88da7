"""The web shell: server-rendered pages, the REST API under ``/api/v1``, accounts.

``make_app(habeas)`` builds the FastAPI app around one ``Habeas``; ``habeas serve`` runs it with
uvicorn (``commands.register`` adds ``serve`` and ``user`` to the CLI).
"""

from .app import make_app

__all__ = ["make_app"]
