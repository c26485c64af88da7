"""Ingest from the browser or the API: uploaded files and pasted text, one status per item.

No FastAPI here. The uploads are written to a temporary folder and handed to ``Habeas.ingest``
one by one (so each gets its own status: ingested, already in the store, or skipped with the
reason), then ``Habeas.extract`` runs over what is pending. Only file names are kept from the
upload (never a path or a URL: the readers also fetch URLs, which a web form must not reach).
Every article stored is written to the audit log.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..model import Document, Rejected, content_hash
from ..store.accounts import User, audit
from ..store.models import Article
from ..workspace import ExtractReport, Habeas

# Upload names are reduced to these characters (the extension picks the reader).
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
PASTED_NAME = "pasted.txt"
MAX_ITEMS = 50


@dataclass
class Upload:
    name: str
    data: bytes
    overrides: dict[str, str] = field(default_factory=dict)  # title, published, outlet, url


@dataclass
class ItemStatus:
    name: str
    status: str                    # ingested, already, skipped
    detail: str = ""
    article_ids: list[int] = field(default_factory=list)


@dataclass
class IngestResult:
    items: list[ItemStatus] = field(default_factory=list)
    extracted: ExtractReport | None = None

    def as_dict(self) -> dict[str, Any]:
        report = self.extracted
        return {
            "items": [vars(i) for i in self.items],
            "extracted": None if report is None else {
                "articles": report.articles, "events": report.events,
                "persons": report.persons, "claims": report.claims,
                "event_types": dict(report.event_types), "failed": report.failed},
        }


def safe_name(name: str, index: int) -> str:
    base = _SAFE_NAME.sub("_", Path(name or "").name).strip("._") or f"upload-{index}.txt"
    return f"{index:02d}-{base}"


def ingest_items(habeas: Habeas, *, uploads: list[Upload], user: User,
                 overrides: dict[str, str] | None = None, extract: bool = True
                 ) -> IngestResult:
    """Store each upload (a file, or pasted text as ``pasted.txt``) and extract what is new."""
    result = IngestResult()
    with tempfile.TemporaryDirectory(prefix="habeas-upload-") as folder:
        for index, upload in enumerate(uploads[:MAX_ITEMS]):
            path = Path(folder) / safe_name(upload.name, index)
            path.write_bytes(upload.data)
            result.items.append(_ingest_one(habeas, path, upload.name, user,
                                            {**(overrides or {}), **upload.overrides}))
    if extract and any(i.status == "ingested" for i in result.items):
        result.extracted = habeas.extract()
        with habeas.session(write=True) as session, session.begin():
            report = result.extracted
            audit(session=session, user=user, action="article.extract", object_type="article",
                  object_id=None, before=None,
                  after={"articles": report.articles, "events": report.events,
                         "claims": report.claims, "failed": len(report.failed)})
    return result


def _ingest_one(habeas: Habeas, path: Path, shown: str, user: User,
                overrides: dict[str, str]) -> ItemStatus:
    items = list(habeas.read([path], overrides=overrides))
    rejected = [i for i in items if isinstance(i, Rejected)]
    documents = [i for i in items if isinstance(i, Document)]
    if not documents:
        detail = "; ".join(f"{r.reason.value}: {r.detail}" for r in rejected) or "nothing read"
        return ItemStatus(shown, "skipped", detail)
    report = habeas.ingest([path], overrides=overrides)
    hashes = [content_hash(d.text) for d in documents]
    with habeas.session(write=True) as session, session.begin():
        articles = list(session.scalars(select(Article).where(Article.content_hash.in_(hashes))
                                        .order_by(Article.id)))
        if report.ingested:
            for article in articles:
                if str(article.source).startswith(str(path)):
                    # the temporary path means nothing later; keep the name it was sent as
                    article.source = f"upload:{shown}{article.source[len(str(path)):]}"
                    audit(session=session, user=user, action="article.ingest",
                          object_type="article", object_id=article.id, before=None,
                          after={"title": article.title, "published": article.published,
                                 "upload": shown, "content_hash": article.content_hash})
    status = "ingested" if report.ingested else "already"
    detail = (f"{report.ingested} new, {len(report.already)} already in the store"
              + (f", {len(rejected)} skipped" if rejected else ""))
    return ItemStatus(shown, status, detail, [a.id for a in articles])
