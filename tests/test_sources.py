"""habeas.sources: real files in tmp_path, a real HTTP server on 127.0.0.1, no mocks."""

from __future__ import annotations

import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from habeas.errors import Reason, UsageError
from habeas.model import Document, Rejected
from habeas.sources import read_sources

GOLD = Path("/work/shared/gold/dev/kp-2017-umerov-chiygoz.json")
STORY = "Akhtem Chiygoz, 52, was sentenced to eight years in prison by a Russian court."
ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Russia releases Chiygoz and Umerov | Kyiv Post</title>
<meta property="og:site_name" content="Kyiv Post">
<meta property="og:title" content="Russia releases Crimean Tatar political prisoners">
<meta property="article:published_time" content="2017-10-25T10:31:00+03:00">
<link rel="canonical" href="https://www.kyivpost.com/ukraine-politics/russia-releases.html">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport headlines</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<main><article><h1>Russia releases Crimean Tatar political prisoners</h1>
<p>Russia has released two Ukrainian political prisoners, Crimean Tatars Ilmi Umerov and
Akhtem Chiygoz, Ukrainian President Petro Poroshenko wrote on Twitter on Oct. 24.</p>
<p>Poroshenko also said that Turkish President Recep Tayyip Erdogan helped to free Umerov and
Chiygoz, but did not disclose any other details of the negotiations.</p>
<p>Chiygoz, 52, was sentenced to eight years in prison by a Russian court in Russian-occupied
Crimea for organizing protests. He was arrested in January 2015.</p>
</article></main>
<footer><p>Copyright 2017 Kyiv Post. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Crimea Monitor</title><language>uk</language>
<item><title>Chiygoz freed</title><link>https://example.org/chiygoz</link>
<guid isPermaLink="false">cm-1</guid><pubDate>Wed, 25 Oct 2017 01:00:00 +0300</pubDate>
<description>&lt;p&gt;Akhtem Chiygoz was &lt;b&gt;released&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;He flew to Ankara.&lt;/p&gt;</description></item>
<item><title>No body</title><guid>cm-2</guid></item>
<item><title>Umerov freed</title><guid>cm-3</guid><description>Ilmi Umerov was released.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Rights Watch</title><id>urn:rw</id>
<updated>2017-10-26T00:00:00Z</updated>
<entry><title>Umerov in Ankara</title><id>urn:rw:7</id><link href="https://example.org/umerov"/>
<updated>2017-10-26T09:00:00Z</updated><published>2017-10-25T22:00:00-02:00</published>
<content type="html">&lt;p&gt;Ilmi Umerov, 59, arrived in Ankara.&lt;/p&gt;</content></entry>
</feed>"""
CP1251_TEXT = "Крымский татарин Ахтем Чийгоз был освобождён из заключения в октябре 2017 года."


def read(*paths, **options) -> list[Document | Rejected]:
    return list(read_sources([str(p) for p in paths], **options))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def only(results: list) -> Document | Rejected:
    assert len(results) == 1, results
    return results[0]


def test_plain_text(tmp_path):
    doc = only(read(write(tmp_path / "report.txt", f"  {STORY}\r\n\r\nSecond paragraph.  \n")))
    assert isinstance(doc, Document)
    assert doc.text == f"{STORY}\n\nSecond paragraph."
    assert doc.source == str(tmp_path / "report.txt")
    assert (doc.title, doc.published, doc.outlet, doc.language) == (None, None, None, "en")


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: \"Chiygoz freed\"\npublished: October 25, 2017\n"
                 f"outlet: Kyiv Post\nid: kp-1\nlanguage: en-US\n---\n# Headline\n\n{STORY}\n")
    doc = only(read(path))
    assert doc.text == f"# Headline\n\n{STORY}"
    assert (doc.title, doc.published, doc.outlet, doc.doc_id, doc.language) == (
        "Chiygoz freed", "2017-10-25", "Kyiv Post", "kp-1", "en")


def test_a_markdown_rule_is_not_front_matter(tmp_path):
    text = f"---\n{STORY}\n---\nMore."
    assert only(read(write(tmp_path / "rule.md", text))).text == text


def test_sidecar_beats_file_and_overrides_beat_sidecar(tmp_path):
    path = write(tmp_path / "report.txt", f"---\ntitle: From file\noutlet: File Outlet\n---\n{STORY}")
    write(tmp_path / "report.meta.json", json.dumps(
        {"title": "From sidecar", "date": "2017-10-24", "url": "https://example.org/a"}))
    doc = only(read(path))
    assert (doc.title, doc.outlet, doc.published, doc.url) == (
        "From sidecar", "File Outlet", "2017-10-24", "https://example.org/a")
    doc = only(read(path, overrides={"title": "From flag", "published": "25 Oct 2017"}))
    assert (doc.title, doc.outlet, doc.published) == ("From flag", "File Outlet", "2017-10-25")
    # The walk skips the sidecar itself; report.txt.meta.json is the more specific sidecar.
    write(tmp_path / "report.txt.meta.json", '{"outlet": "Specific"}')
    assert only(read(tmp_path)).outlet == "Specific"


def test_bad_sidecar_is_reported_and_the_article_still_comes(tmp_path):
    write(tmp_path / "r.meta.json", "{not json")
    bad, doc = read(write(tmp_path / "r.txt", STORY))
    assert (bad.source, bad.reason) == (str(tmp_path / "r.meta.json"), Reason.MALFORMED)
    assert bad.detail == "invalid JSON: Expecting property name enclosed in double quotes " \
                         "at line 1 column 2"
    assert doc.text == STORY


def test_bad_overrides_and_encoding_raise_at_once():
    with pytest.raises(UsageError, match="unknown metadata author"):
        read_sources(["x"], overrides={"author": "me"})
    with pytest.raises(UsageError, match="cannot read published 'soon'"):
        read_sources(["x"], overrides={"published": "soon"})
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        read_sources(["x"], encoding="klingon")


def test_html_article_without_boilerplate(tmp_path):
    doc = only(read(write(tmp_path / "page.html", ARTICLE_PAGE)))
    assert "Crimean Tatars Ilmi Umerov and Akhtem Chiygoz" in doc.text
    assert "was sentenced to eight years in prison" in doc.text
    for boilerplate in ("Sport headlines", "Subscribe", "All rights reserved", "Privacy"):
        assert boilerplate not in doc.text
    assert doc.title == "Russia releases Crimean Tatar political prisoners"
    assert (doc.published, doc.outlet, doc.language) == ("2017-10-25", "Kyiv Post", "en")
    assert doc.url == "https://www.kyivpost.com/ukraine-politics/russia-releases.html"


def test_malformed_html_does_not_crash(tmp_path):
    unclosed = write(tmp_path / "a.html", f"<html><body><div><p>{STORY} <b>bold <p>Second </span>")
    assert only(read(unclosed)).text == f"{STORY} bold\nSecond"
    no_text = only(read(write(tmp_path / "b.htm", "<div><span></div><img src='x'")))
    assert (no_text.reason, no_text.detail) == (Reason.MALFORMED, "no text found in the HTML")
    # Debris with fewer than three words is not an article.
    garbage = only(read(write(tmp_path / "c.html", "<<<>>>&&& garbage</div>")))
    assert (garbage.reason, garbage.detail) == (Reason.MALFORMED, "no text found in the HTML")


def test_json_object_list_and_invalid(tmp_path):
    obj = write(tmp_path / "one.json", json.dumps(
        {"content": STORY, "title": "T", "date": "2017-10-25T08:00:00Z", "id": 7}))
    doc = only(read(obj))
    assert (doc.text, doc.title, doc.published, doc.doc_id) == (STORY, "T", "2017-10-25", "7")
    items = [{"text": "First."}, "not an object", {"body": "Third.", "outlet": "X"}, {"text": " "}]
    first, second, third, fourth = read(write(tmp_path / "many.json", json.dumps(items)))
    assert (first.source, first.text) == (f"{tmp_path / 'many.json'}#1", "First.")
    assert (second.reason, second.detail) == (Reason.MALFORMED,
                                              "expected a JSON object, found a string")
    assert (third.source, third.text, third.outlet) == (f"{tmp_path / 'many.json'}#3", "Third.", "X")
    assert (fourth.reason, fourth.detail) == (Reason.EMPTY, "no text")
    bad = only(read(write(tmp_path / "bad.json", '{"text": "a",\n "title": }')))
    assert (bad.reason, bad.detail) == (Reason.MALFORMED,
                                        "invalid JSON: Expecting value at line 2 column 11")
    no_text = only(read(write(tmp_path / "meta.json", '{"title": "T"}')))
    assert no_text.detail == "the JSON object has no 'text', 'content' or 'body' field"


def test_gold_file_is_one_document(tmp_path):
    if not GOLD.exists():
        pytest.skip(f"no gold file at {GOLD}")
    doc = only(read(GOLD))
    assert (doc.doc_id, doc.published, doc.outlet) == (
        "kp-2017-umerov-chiygoz", "2017-10-25", "Kyiv Post")
    assert doc.title == "Russia releases Crimean Tatar political prisoners Chyigoz and Umerov"
    assert "Chiygoz, 52, was sentenced to eight years" in doc.text


def test_jsonl_bad_line_spoils_only_itself(tmp_path):
    path = write(tmp_path / "a.jsonl", '{"text": "One."}\n\n{"text": "Two.",\n{"text": "Three."}\n')
    one, bad, three = read(path)
    assert (one.source, one.text, three.source, three.text) == (
        f"{path}#1", "One.", f"{path}#4", "Three.")
    assert (bad.source, bad.reason) == (f"{path}#3", Reason.MALFORMED)
    assert bad.detail.startswith("invalid JSON: Expecting property name")


def test_rss_feed(tmp_path):
    path = write(tmp_path / "feed.rss", RSS)
    first, empty, third = read(path)
    assert first.text == "Akhtem Chiygoz was released.\n\nHe flew to Ankara."
    assert (first.source, first.title, first.outlet, first.language) == (
        f"{path}#1", "Chiygoz freed", "Crimea Monitor", "uk")
    # The date as written (+0300), not shifted to UTC (which would be the 24th).
    assert (first.published, first.url, first.doc_id) == (
        "2017-10-25", "https://example.org/chiygoz", "cm-1")
    assert (empty.source, empty.reason) == (f"{path}#2", Reason.EMPTY)
    assert (third.text, third.doc_id, third.published) == ("Ilmi Umerov was released.", "cm-3", None)


def test_atom_feed_as_xml_and_sniffed_without_extension(tmp_path):
    for path in (write(tmp_path / "atom.xml", ATOM), write(tmp_path / "atomfeed", ATOM)):
        doc = only(read(path))
        assert (doc.text, doc.title, doc.outlet) == (
            "Ilmi Umerov, 59, arrived in Ankara.", "Umerov in Ankara", "Rights Watch")
        assert (doc.published, doc.url, doc.doc_id) == (
            "2017-10-25", "https://example.org/umerov", "urn:rw:7")


def test_malformed_and_foreign_xml(tmp_path):
    bad = only(read(write(tmp_path / "bad.xml", "<rss><channel><<<>>> &&& </")))
    assert bad.reason == Reason.MALFORMED
    assert bad.detail == "not a readable RSS or Atom feed: not well-formed (invalid token)"
    other = only(read(write(tmp_path / "data.xml", "<?xml version='1.0'?><root><a>1</a></root>")))
    assert (other.reason, other.detail) == (Reason.UNSUPPORTED, "XML, but not an RSS or Atom feed")


@pytest.fixture
def server():
    """A local HTTP server: set ``server.pages[path] = (content_type, body)``."""
    pages: dict[str, tuple[str, bytes]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server name
            if self.path not in pages:
                self.send_error(404, "Not Found")
                return
            content_type, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.pages = pages
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_urls_feed_page_and_missing(server):
    server.pages["/feed"] = ("application/octet-stream", RSS.encode())
    story = f"<html><body><p>{CP1251_TEXT}</p></body></html>".encode("cp1251")
    server.pages["/story"] = ("text/html; charset=windows-1251", story)
    feed = read(f"{server.base}/feed")
    assert [d.title for d in feed if isinstance(d, Document)] == ["Chiygoz freed", "Umerov freed"]
    assert feed[0].source == f"{server.base}/feed#1"
    page = only(read(f"{server.base}/story"))
    assert (page.text, page.url) == (CP1251_TEXT, f"{server.base}/story")
    gone = only(read(f"{server.base}/gone"))
    assert (gone.reason, gone.detail) == (Reason.MISSING, "HTTP 404 Not Found")
    big = only(read(f"{server.base}/story", max_bytes=10))
    assert (big.reason, big.detail) == (Reason.TOO_LARGE, f"{len(story)} bytes is over the 10 bytes limit")


def test_missing_empty_and_binary(tmp_path):
    missing = only(read(tmp_path / "nope.txt"))
    assert (missing.reason, missing.detail) == (Reason.MISSING, "no such file or directory")
    folder = tmp_path / "in"
    (folder / "blob.txt").parent.mkdir()
    (folder / "blob.txt").write_bytes(b"text\x00\x01\x02 more")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    write(folder / "empty.txt", "")
    write(folder / "blank.md", " \n\t\n")
    results = read(folder)
    assert [(Path(r.source).name, r.reason, r.detail) for r in results] == [
        ("blank.md", Reason.EMPTY, "the file holds only whitespace"),
        ("blob.txt", Reason.BINARY, "binary file (NUL bytes in the first 8 KiB)"),
        ("empty.txt", Reason.EMPTY, "the file is empty"),
        ("photo.png", Reason.BINARY, "binary file (looks like PNG)"),
    ]


def test_non_utf8_is_rejected_with_advice_and_read_with_encoding(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(CP1251_TEXT.encode("cp1251"))
    bad = only(read(path))
    assert (bad.reason, bad.detail) == (
        Reason.ENCODING, "not UTF-8 (looks like cp1251); re-save as UTF-8 or pass --encoding cp1251")
    assert only(read(path, encoding="cp1251")).text == CP1251_TEXT
    bom = write(tmp_path / "bom.txt", "\ufeff" + CP1251_TEXT)
    assert only(read(bom)).text == CP1251_TEXT


def test_too_large_is_rejected_unread(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("w") as f:
        f.write(STORY)
        f.truncate(50 * 1024 * 1024)
    big = only(read(path))
    assert (big.reason, big.detail) == (Reason.TOO_LARGE, "50.0 MB is over the 20.0 MB limit")
    small = only(read(write(tmp_path / "small.txt", STORY), max_bytes=20))
    assert (small.reason, small.detail) == (Reason.TOO_LARGE, f"{len(STORY)} bytes is over the 20 bytes limit")


def test_stdin_is_one_plain_text_article(tmp_path):
    doc = only(read("-", stdin=io.StringIO(f"<p>{STORY}</p>\n"), overrides={"outlet": "Paste"}))
    assert (doc.source, doc.text, doc.outlet) == ("stdin", f"<p>{STORY}</p>", "Paste")
    empty = only(read("-", stdin=io.StringIO("  \n")))
    assert (empty.source, empty.reason) == ("stdin", Reason.EMPTY)


def test_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a.txt", ".hidden.txt", ".git/x.txt",
                 "c/.secret/d.txt", "B.txt"):
        write(tmp_path / name, f"Text of {name}.")
    results = read(tmp_path)
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == [
        "B.txt", "a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]
    assert [r.text for r in read(tmp_path)] == [r.text for r in results]


def test_same_content_same_hash(tmp_path):
    one = only(read(write(tmp_path / "one.txt", f"{STORY}\n")))
    two = only(read(write(tmp_path / "two.md", f"\n{STORY}   \r\n")))
    other = only(read(write(tmp_path / "three.txt", STORY + "!")))
    assert one.content_hash == two.content_hash != other.content_hash
