"""PDF, Word and e-mail files as sources: files made here go in with their metadata, and their
persons and events are extracted; a scanned PDF is read by OCR where Tesseract is installed and
skipped with its reason where it is not; a broken file is reported and the rest go in."""

from __future__ import annotations

import email.utils
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from habeas.cli import app
from habeas.errors import Reason
from habeas.model import Rejected
from habeas.sources import documents, read_sources
from habeas.store.queries import find_persons, person_dossier
from habeas.workspace import Habeas
from tests.test_sources import server  # noqa: F401  (the local HTTP server fixture)

PDF_LINES = ["Court news, 12 March 2024.",
             "Officers detained Taras Hnatiuk in Kherson on 4 March 2024.",
             "The court sentenced him to six years in a penal colony."]
DOCX_TEXT = ("The lawyer said that security officers arrested Oksana Melnyk in Melitopol on "
             "20 February 2024. She was charged with treason.")
EML_TEXT = ("Police in Simferopol detained Mykola Shevchuk at his home on 2 April 2024. His "
            "relatives were not told where he was taken.")
SCAN_LINES = ["On 3 March 2024 the police arrested", "Ivan Petrenko in Minsk."]


def text_pdf(lines: list[str], *, title: str, created: str) -> bytes:
    """A one-page PDF with a text layer (Helvetica, one line per item), written by hand."""
    def escaped(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 14 TL 50 780 Td " + " ".join(
        f"({escaped(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Title ({escaped(title)}) /CreationDate (D:{created.replace('-', '')}120000) >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


def scanned_pdf(path: Path) -> None:
    """An image-only PDF (no text layer), as a scanner makes: the text drawn with Pillow."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=36)
    image = Image.new("L", (1300, 100 + 80 * len(SCAN_LINES)), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(SCAN_LINES):
        draw.text((40, 40 + 80 * n), line, fill=0, font=font)
    image.save(path, "PDF", resolution=150)


def word_file(path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Lawyer's statement"
    document.add_paragraph(DOCX_TEXT)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Detention centre"
    table.rows[0].cells[1].text = "SIZO-2"
    document.save(path)


def mail(path: Path, *, html: bool = False, attachment: bytes | None = None) -> None:
    message = EmailMessage()
    message["Subject"] = "Detention in Simferopol"
    message["From"] = "Crimea Monitor <desk@example.org>"
    message["Date"] = email.utils.format_datetime(
        email.utils.parsedate_to_datetime("Wed, 03 Apr 2024 09:30:00 +0300"))
    if html:
        message.set_content(f"<html><body><nav>Menu</nav><p>{EML_TEXT}</p>"
                            "<script>alert(1)</script></body></html>", subtype="html")
    else:
        message.set_content(EML_TEXT)
    if attachment is not None:
        message.add_attachment(attachment, maintype="application", subtype="pdf",
                               filename="verdict.pdf")
    path.write_bytes(bytes(message))


def read(path: Path) -> list:
    return list(read_sources([path]))


def test_a_pdf_text_layer_and_metadata(tmp_path):
    path = tmp_path / "verdict.pdf"
    path.write_bytes(text_pdf(PDF_LINES, title="Verdict in Kherson", created="2024-03-12"))
    [document] = read(path)
    assert document.title == "Verdict in Kherson" and document.published == "2024-03-12"
    assert "Officers detained Taras Hnatiuk in Kherson on 4 March 2024." in document.text


def test_a_word_file_paragraphs_and_tables(tmp_path):
    path = tmp_path / "statement.docx"
    word_file(path)
    [document] = read(path)
    assert document.title == "Lawyer's statement"
    assert DOCX_TEXT in document.text and "Detention centre | SIZO-2" in document.text


def test_an_email_subject_date_sender_and_body(tmp_path):
    plain, html = tmp_path / "plain.eml", tmp_path / "html.eml"
    mail(plain)
    mail(html, html=True)
    [first] = read(plain)
    [second] = read(html)
    for document in (first, second):
        assert (document.title, document.published, document.outlet) == \
            ("Detention in Simferopol", "2024-04-03", "Crimea Monitor")
        assert "Police in Simferopol detained Mykola Shevchuk" in document.text
    assert "alert" not in second.text and "Menu" not in second.text  # read as a page is


def test_an_emails_pdf_attachment_is_a_document_of_its_own(tmp_path):
    path = tmp_path / "with-verdict.eml"
    mail(path, attachment=text_pdf(PDF_LINES, title="Verdict", created="2024-03-12"))
    body, attached = read(path)
    assert "Mykola Shevchuk" in body.text
    assert attached.source.endswith("with-verdict.eml#verdict.pdf")
    assert "Taras Hnatiuk" in attached.text


def test_pdf_and_word_files_by_url(server, tmp_path):  # noqa: F811
    word_file(tmp_path / "statement.docx")
    server.pages["/verdict"] = ("application/pdf", text_pdf(PDF_LINES, title="Verdict",
                                                            created="2024-03-12"))
    server.pages["/files/statement.docx"] = ("application/octet-stream",
                                             (tmp_path / "statement.docx").read_bytes())
    [pdf] = read_sources([f"{server.base}/verdict"])
    [word] = read_sources([f"{server.base}/files/statement.docx"])
    assert (pdf.title, pdf.url) == ("Verdict", f"{server.base}/verdict")
    assert "Taras Hnatiuk" in pdf.text and DOCX_TEXT in word.text


def test_broken_files_are_reported_and_the_rest_go_in(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF at all\n")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive")
    (tmp_path / "good.pdf").write_bytes(text_pdf(PDF_LINES, title="T", created="2024-03-12"))
    items = list(read_sources([tmp_path]))
    rejected = {Path(i.source).name: i for i in items if isinstance(i, Rejected)}
    assert rejected["broken.pdf"].reason == Reason.MALFORMED
    assert rejected["broken.pdf"].detail.startswith("not a readable PDF")
    assert rejected["broken.docx"].detail.startswith("not a readable Word file")
    assert [Path(i.source).name for i in items if not isinstance(i, Rejected)] == ["good.pdf"]


def test_a_scan_without_tesseract_is_skipped_with_its_reason(tmp_path, monkeypatch):
    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # a machine where Tesseract is not installed
    documents.ocr_languages.cache_clear()
    try:
        [rejected] = read(path)
    finally:
        documents.ocr_languages.cache_clear()
    assert isinstance(rejected, Rejected) and rejected.reason == Reason.UNSUPPORTED
    assert rejected.detail.startswith("a scanned PDF (no text layer) and Tesseract is not "
                                      "installed")


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="Tesseract is not installed (apt-get install tesseract-ocr)")
def test_a_scan_is_read_by_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    [document] = read(path)
    assert not isinstance(document, Rejected), document
    assert " ".join(document.text.split()) == " ".join(SCAN_LINES)


@pytest.mark.slow
def test_persons_and_events_are_extracted_from_each_format(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "verdict.pdf").write_bytes(text_pdf(PDF_LINES, title="Verdict",
                                                  created="2024-03-12"))
    word_file(folder / "statement.docx")
    mail(folder / "letter.eml")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nbroken\n")
    db = tmp_path / "h.db"
    result = CliRunner().invoke(app, ["--db", str(db), "run", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Ingested 3 new article(s)" in result.output
    assert "1 skipped" in result.output and "malformed: not a readable PDF" in result.output
    habeas = Habeas(database_url=f"sqlite:///{db}")
    with habeas.session() as session:
        for name, kind in (("Taras Hnatiuk", "arrest"), ("Oksana Melnyk", "arrest"),
                           ("Mykola Shevchuk", "arrest")):
            [person] = find_persons(session=session, name=name)
            timeline = person_dossier(session=session, person=person)["timeline"]
            assert kind in {event["type"] for event in timeline}, (name, timeline)
    habeas.close()
