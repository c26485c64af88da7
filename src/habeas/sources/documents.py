"""What monitors are sent besides web pages: PDF, Word (.docx) and e-mail (.eml) files.

Each is turned into the same ``Document`` a text file gives, its metadata taken from the file
(a PDF's and a Word file's title and creation date; an e-mail's subject, date and sender):

- a PDF's text layer is read with pypdf. A PDF with no text layer (a scan) is read by OCR
  where Tesseract is installed (pytesseract, with the installed languages of ``OCR_LANGUAGES``)
  and otherwise rejected with that reason, like any file Habeas cannot read;
- a Word file's paragraphs and table cells are read with python-docx;
- an e-mail's plain-text part is its text; an HTML-only message is read as a page is
  (``html.extract_html``). Its PDF and Word attachments are read too, each a document of its
  own (``message.eml#attachment.pdf``).

A file that cannot be read (broken, encrypted) is a ``Rejected`` with the reason; one bad file
in a folder never stops the rest.
"""

from __future__ import annotations

import email
import email.policy
import functools
import io
import logging
import re
import shutil
import urllib.parse
from collections.abc import Iterator, Mapping
from email.message import EmailMessage

from ..errors import Reason
from ..model import Document, Rejected
from .html import extract_html
from .meta import make_document, merge_metadata, normalise_date

logger = logging.getLogger(__name__)

Metadata = Mapping[str, str | None]

# Formats read here, by file extension and by the Content-Type a server sends.
KINDS_BY_SUFFIX = {".pdf": "pdf", ".docx": "docx", ".eml": "email"}
KINDS_BY_CONTENT_TYPE = {
    "application/pdf": "pdf", "message/rfc822": "email",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
# A PDF whose text layer has fewer letters than this per page is taken for a scan (a scan
# often carries a page number or a stamp as text, and nothing else).
MIN_LETTERS_PER_PAGE = 5
# Pages read from one PDF (text or OCR); a longer file is read up to here and says so.
MAX_PDF_PAGES = 500
MAX_OCR_PAGES = 50
# Tesseract languages tried, those installed (Debian tesseract-ocr-rus, -ukr) joined by "+".
OCR_LANGUAGES = ("eng", "rus", "ukr")
# The languages of each script: a page is read with all languages first, then again with
# those of the script most of its letters are in (all three together read an English "On"
# as a Cyrillic "Оп").
OCR_SCRIPTS = {"latin": ("eng",), "cyrillic": ("rus", "ukr")}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Seconds Tesseract may spend on one page image.
OCR_TIMEOUT = 120
# A PDF date: D:YYYYMMDD...
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
LETTERS = re.compile(r"[^\W\d_]")


def kind_of(suffix: str, data: bytes) -> str | None:
    """The format of a file read here ("pdf", "docx", "email"), or None: by extension, and a
    PDF by its signature whatever its name."""
    kind = KINDS_BY_SUFFIX.get(suffix.lower())
    if kind is None and data.startswith(b"%PDF-"):
        return "pdf"
    return kind


def kind_of_response(content_type: str, url: str, data: bytes) -> str | None:
    """The format of a fetched file read here: by its Content-Type, else as a file's."""
    kind = KINDS_BY_CONTENT_TYPE.get(content_type)
    if kind is not None:
        return kind
    path = urllib.parse.urlsplit(url).path
    return kind_of(path[path.rfind("."):] if "." in path.rsplit("/", 1)[-1] else "", data)


def read_document(data: bytes, *, kind: str, source: str,
                  outer: Metadata) -> Iterator[Document | Rejected]:
    """The Documents of a PDF, Word or e-mail file's bytes (``outer``: sidecar, overrides)."""
    if kind == "email":
        yield from email_documents(data, source=source, outer=outer)
        return
    reader = pdf_text if kind == "pdf" else docx_text
    result = reader(data, source=source)
    if isinstance(result, Rejected):
        yield result
        return
    text, own = result
    yield make_document(text, source=source, metadata=merge_metadata(own, outer))


# ----------------------------------------------------------------------------- PDF

def pdf_text(data: bytes, *, source: str) -> tuple[str, dict[str, str | None]] | Rejected:
    """A PDF's text (its text layer, else OCR) and metadata, or why there is none."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return Rejected(source, Reason.UNREADABLE, "an encrypted PDF; save it without a "
                            "password first")
        pages = reader.pages[:MAX_PDF_PAGES]
        texts = [page.extract_text() or "" for page in pages]
        metadata = _pdf_metadata(reader)
    except Exception as e:  # noqa: BLE001 - pypdf raises anything on a broken file
        return Rejected(source, Reason.MALFORMED, f"not a readable PDF ({_short(e)})")
    if len(LETTERS.findall("".join(texts))) >= MIN_LETTERS_PER_PAGE * max(1, len(pages)):
        return "\n\n".join(t.strip() for t in texts if t.strip()), metadata
    scanned = ocr_pages(pages, source=source)
    if isinstance(scanned, Rejected):
        return scanned
    return scanned, metadata


def _pdf_metadata(reader) -> dict[str, str | None]:
    info = reader.metadata or {}
    title = str(info.get("/Title") or "").strip() or None
    created = PDF_DATE.match(str(info.get("/CreationDate") or ""))
    published = normalise_date("-".join(created.groups())) if created else None
    return {"title": title, "published": published}


@functools.lru_cache(maxsize=1)
def ocr_languages() -> str | None:
    """The ``OCR_LANGUAGES`` Tesseract has, joined by "+"; None when Tesseract is missing."""
    if shutil.which("tesseract") is None:
        return None
    import pytesseract

    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, OSError) as e:
        logger.warning("Tesseract is installed but does not answer: %s", e)
        return None
    found = [code for code in OCR_LANGUAGES if code in installed]
    return "+".join(found) if found else None


def ocr_pages(pages, *, source: str) -> str | Rejected:
    """The text Tesseract reads in the images of a scanned PDF's pages, or why there is none."""
    languages = ocr_languages()
    if languages is None:
        return Rejected(source, Reason.UNSUPPORTED, "a scanned PDF (no text layer) and "
                        "Tesseract is not installed to read it (apt-get install tesseract-ocr "
                        "tesseract-ocr-rus tesseract-ocr-ukr)")
    texts = []
    try:
        for page in pages[:MAX_OCR_PAGES]:
            for image in page.images:
                texts.append(_ocr(image.image, languages))
    except Exception as e:  # noqa: BLE001 - a broken image or Tesseract error: this file only
        return Rejected(source, Reason.MALFORMED, f"OCR of the scanned PDF failed "
                        f"({_short(e)})")
    text = "\n\n".join(t.strip() for t in texts if t.strip())
    if not LETTERS.search(text):
        return Rejected(source, Reason.EMPTY, "a scanned PDF in which OCR found no text")
    return text


def _ocr(image, languages: str) -> str:
    """One image read with every language, then with those of the script it turned out in."""
    import pytesseract

    text = pytesseract.image_to_string(image, lang=languages, timeout=OCR_TIMEOUT)
    letters = LETTERS.findall(text)
    if not letters:
        return text
    script = "cyrillic" if 2 * len(CYRILLIC.findall(text)) > len(letters) else "latin"
    narrower = "+".join(c for c in OCR_SCRIPTS[script] if c in languages.split("+"))
    if not narrower or narrower == languages:
        return text
    return pytesseract.image_to_string(image, lang=narrower, timeout=OCR_TIMEOUT)


# ----------------------------------------------------------------------------- Word

def docx_text(data: bytes, *, source: str) -> tuple[str, dict[str, str | None]] | Rejected:
    """A Word file's paragraphs and table rows, in order, and its title and creation date."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):  # a table: one line per row, cells joined
                for row in block.rows:
                    cells = [cell.text.strip() for cell in row.cells]
                    lines.append(" | ".join(dict.fromkeys(c for c in cells if c)))
            else:
                lines.append(block.text.strip())
        properties = document.core_properties
        metadata = {"title": (properties.title or "").strip() or None,
                    "published": normalise_date(properties.created) if properties.created
                    else None}
    except Exception as e:  # noqa: BLE001 - a broken archive or XML raises anything
        return Rejected(source, Reason.MALFORMED, f"not a readable Word file ({_short(e)})")
    return "\n\n".join(line for line in lines if line), metadata


# ----------------------------------------------------------------------------- e-mail

def email_documents(data: bytes, *, source: str,
                    outer: Metadata) -> Iterator[Document | Rejected]:
    """An e-mail as a document (subject as title, date as published, sender as outlet) and
    each PDF or Word attachment as one more."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        own = {"title": _header(message, "subject"),
               "published": normalise_date(_header(message, "date")),
               "outlet": _sender(message)}
        text = _email_text(message)
    except (ValueError, LookupError, TypeError, IndexError) as e:
        yield Rejected(source, Reason.MALFORMED, f"not a readable e-mail ({_short(e)})")
        return
    if text and LETTERS.search(text):
        yield make_document(text, source=source, metadata=merge_metadata(own, outer))
    found = False
    for part in message.iter_attachments():
        name = part.get_filename() or ""
        payload = part.get_payload(decode=True) or b""
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        kind = kind_of(suffix, payload)
        if kind is None or kind == "email":
            continue
        found = True
        inner = merge_metadata({"published": own["published"]}, outer)
        yield from read_document(payload, kind=kind, source=f"{source}#{name}", outer=inner)
    if not (text and LETTERS.search(text)) and not found:
        yield Rejected(source, Reason.EMPTY, "an e-mail with no text and no PDF or Word "
                       "attachment")


def _email_text(message: EmailMessage) -> str:
    """The plain-text body, else the HTML body read as a page is."""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    content = body.get_content()
    if body.get_content_subtype() == "html":
        text, _ = extract_html(content)
        return text
    return content.strip()


def _header(message: EmailMessage, name: str) -> str | None:
    value = message.get(name)
    return " ".join(str(value).split()) or None if value is not None else None


def _sender(message: EmailMessage) -> str | None:
    sender = message.get("from")
    if sender is None:
        return None
    addresses = getattr(sender, "addresses", ())
    if addresses:
        return addresses[0].display_name or addresses[0].addr_spec or None
    return _header(message, "from")


def _short(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:200]
