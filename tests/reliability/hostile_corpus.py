"""A hostile corpus, generated: every class of bad input a folder of reports may hold, a few
hundred files in all, with good articles mixed in. Nothing here is committed as data: the test
writes the corpus into its temporary folder.

``make_corpus(folder)`` returns a ``Corpus``: for each file, its class and whether it must be
ingested (``good``: its articles are in the store afterwards) or skipped (``bad``: named in a
one-line skip with a reason). A file whose outcome is neither by nature (a JSON list of good and
bad records, a JSON Lines file with bad lines) is listed under both, by source.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE = ("Crimean Tatar activist {name} was detained by the FSB in Bakhchysarai on "
           "{day} March 2017, his lawyer said. The court later sentenced {name} to {years} "
           "years in prison on charges of extremism.\n\nHuman rights groups called the case "
           "{word} and demanded his release.\n")
NAMES = ("Server Mustafayev", "Emir Kuku", "Nariman Memedeminov", "Remzi Bekirov",
         "Osman Arifmemetov", "Rustem Sheikhaliev", "Marlen Asanov", "Timur Ibragimov")
WORDS = ("political", "fabricated", "absurd", "a reprisal", "unlawful", "baseless")


@dataclass
class Corpus:
    folder: Path
    good: dict[str, str] = field(default_factory=dict)   # source -> class
    bad: dict[str, str] = field(default_factory=dict)    # source (or its prefix) -> class

    def classes(self) -> set[str]:
        return set(self.good.values()) | set(self.bad.values())

    def files(self) -> int:
        return len({s.split("#")[0] for s in [*self.good, *self.bad]})


class Writer:
    def __init__(self, folder: Path) -> None:
        self.corpus = Corpus(folder)
        self.count = 0
        self.random = random.Random(10)

    def article(self) -> str:
        self.count += 1
        return ARTICLE.format(name=NAMES[self.count % len(NAMES)], day=1 + self.count % 28,
                              years=5 + self.count % 15,
                              word=WORDS[self.count % len(WORDS)]) + f"Case {self.count}.\n"

    def write(self, name: str | bytes, data: bytes | str, kind: str, good: bool,
              folder: Path | None = None) -> Path:
        folder = folder or self.corpus.folder
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.expect(path, kind, good)
        return path

    def expect(self, path: Path | str, kind: str, good: bool) -> None:
        (self.corpus.good if good else self.corpus.bad)[os.fsdecode(path)] = kind


def make_corpus(folder: Path) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    w = Writer(folder)
    for make in (good_files, deep_json, huge_numbers, odd_json, jsonl_files, odd_names,
                 nul_bytes, xml_entities, feeds, empty_files, binary_files, encodings,
                 html_files, huge_lines, zip_files, csv_files, links_and_specials,
                 directories, front_matter, sidecars, permissions):
        make(w, folder)
    return w.corpus


# ---------------------------------------------------------------- the classes

def good_files(w: Writer, folder: Path) -> None:
    for n in range(12):
        w.write(f"good-{n:02d}.txt", w.article(), "good text", True)
    for n in range(4):
        w.write(f"good-{n:02d}.md", f"---\ntitle: Report {n}\npublished: 2017-03-{n + 10}\n---\n"
                + w.article(), "good markdown", True)
        w.write(f"good-{n:02d}.json", json.dumps({"text": w.article(), "title": f"J{n}"}),
                "good json", True)
        body = "".join(f"<p>{p}</p>" for p in w.article().split("\n\n"))
        w.write(f"good-{n:02d}.html", f"<html><head><title>H{n}</title></head><body>"
                f"<article>{body}</article></body></html>", "good html", True)


def deep_json(w: Writer, folder: Path) -> None:
    for depth in (1_000, 10_000, 100_000):
        w.write(f"deep-list-{depth}.json", "[" * depth + "]" * depth, "deep JSON", False)
        w.write(f"deep-object-{depth}.json", '{"a":' * depth + "1" + "}" * depth,
                "deep JSON", False)
        w.write(f"deep-text-{depth}.json", json.dumps({"text": w.article()})[:-1]
                + ', "x": ' + "[" * depth + "]" * depth + "}", "deep JSON", False)
        w.write(f"deep-sniffed-{depth}.txt", "[" * depth + "]" * depth, "deep JSON", True)
    for depth in (10_000, 50_000):
        w.write(f"deep-{depth}.jsonl", "[" * depth + "]" * depth + "\n", "deep JSON", False)
        sidecar = w.write(f"deep-sidecar-{depth}.txt", w.article(), "deep JSON", True)
        w.write(sidecar.name + ".meta.json", '{"a":' * depth + "1" + "}" * depth,
                "deep JSON", False)


def huge_numbers(w: Writer, folder: Path) -> None:
    for digits in (4_301, 5_000, 100_000):
        number = "9" * digits
        w.write(f"bigint-{digits}.json", f'{{"text": "{w.article()!s}", "n": {number}}}'
                .replace("\n", "\\n"), "huge integer", False)
        w.write(f"bigint-published-{digits}.json", json.dumps({"text": w.article()})[:-1]
                + f', "published": {number}}}', "huge integer", False)
        w.write(f"bigint-{digits}.jsonl", json.dumps({"text": w.article()}) + "\n"
                + f'{{"text": "x", "n": {number}}}\n', "huge integer", False)
        w.corpus.good[str(folder / f"bigint-{digits}.jsonl#1")] = "huge integer"
        w.corpus.bad.pop(str(folder / f"bigint-{digits}.jsonl"))
        w.corpus.bad[str(folder / f"bigint-{digits}.jsonl#2")] = "huge integer"
        w.write(f"float-{digits}.json", json.dumps({"text": w.article()})[:-1]
                + f', "score": 1e{number}}}', "huge integer", True)


def odd_json(w: Writer, folder: Path) -> None:
    cases = {
        "string": '"just a string"', "number": "42", "null": "null", "true": "true",
        "empty-list": "[]", "empty-object": "{}", "text-number": '{"text": 5}',
        "text-list": '{"text": ["a"]}', "text-null": '{"text": null}',
        "text-empty": '{"text": "   "}', "nan": '{"text": NaN}', "truncated": '{"text": "abc',
        "trailing": '{"text": "abc"} garbage',
        "bom-garbage": "\ufeff{,}",
    }
    for name, text in cases.items():
        w.write(f"odd-{name}.json", text, "odd JSON", False)
    w.write("odd-lone-surrogate.json", '{"text": "\\ud800 ' + w.article().replace("\n", " ")
            + '", "title": "\\udfff"}', "odd JSON", True)
    for name, value in (("title", "T" * 100_000), ("published", "2015-13-45"),
                        ("language", "x" * 5000), ("url", "javascript:alert(1)"),
                        ("outlet", "\x1b[31mred\x1b[0m"), ("outlet", "O" * 5000),
                        ("id", "i" * 5000), ("published", 5), ("title", ["a", {"b": 1}])):
        w.write(f"odd-meta-{name}-{w.count}.json", json.dumps({"text": w.article(), name: value}),
                "odd JSON metadata", True)
    records = [{"text": w.article()}, 7, {"text": None}, {"body": w.article()}, []]
    w.write("odd-list.json", json.dumps(records), "odd JSON", False)
    w.corpus.bad.pop(str(folder / "odd-list.json"))
    for number, record in enumerate(records, start=1):
        good = isinstance(record, dict) and any(record.get(k) for k in ("text", "body"))
        w.expect(f"{folder / 'odd-list.json'}#{number}", "odd JSON", good)


def jsonl_files(w: Writer, folder: Path) -> None:
    lines = [json.dumps({"text": w.article()}), "{bad", "", "[1, 2]", '"string"',
             json.dumps({"content": w.article()}), "{" * 20_000, '{"text": 1}',
             json.dumps({"text": w.article(), "published": "not a date"})]
    w.write("mixed.jsonl", "\n".join(lines) + "\n", "JSONL with bad lines", True)
    w.corpus.good.pop(str(folder / "mixed.jsonl"))
    for number, line in enumerate(lines, start=1):
        if line:
            good = line.startswith('{"text": "') or line.startswith('{"content"')
            w.expect(f"{folder / 'mixed.jsonl'}#{number}", "JSONL with bad lines", good)
    w.write("all-bad.jsonl", "{\n[\n}\n", "JSONL with bad lines", False)
    w.write("blank.jsonl", "\n\n\n", "JSONL with bad lines", False)
    w.write("crlf.jsonl", json.dumps({"text": w.article()}) + "\r\n", "JSONL with bad lines",
            True)
    w.corpus.good.pop(str(folder / "crlf.jsonl"))
    w.expect(f"{folder / 'crlf.jsonl'}#1", "JSONL with bad lines", True)


def odd_names(w: Writer, folder: Path) -> None:
    names: list[str | bytes] = [
        b"latin1-\xe9t\xe9.txt", b"bad-\xff\xfe.txt", b"\xc3\x28-invalid.txt",
        b"surrogate-\xed\xa0\x80.txt", "x" * 250 + ".txt", "y" * 254, "z" * 251 + ".md",
        "ansi-\x1b[31mred\x1b[0m.txt", "ansi-\x1b]0;title\x07.txt", "clear-\x1b[2J\x1b[H.txt",
        "bell-\x07.txt", "newline-\nsecond.txt", "tab-\t.txt", "cr-\rover.txt",
        "rtl-\u202etxt.exe", "markup-[bold red]x.txt", "markup-\\[yellow]y.txt",
        "-rf.txt", "--help.txt", " leading space.txt", "percent-%s%n.txt", "emoji-📰.txt",
        "del-\x7f.txt", "c1-\x9b31m.txt", "zero-width-\u200b.txt",
    ]
    for name in names:
        w.write(name, w.article(), "file names", True)


def nul_bytes(w: Writer, folder: Path) -> None:
    for offset in (9_000, 50_000, 500_000):
        text = (w.article() * (offset // 300 + 2))
        data = text[:offset].encode() + b"\x00" + text[offset:].encode()
        w.write(f"nul-at-{offset}.txt", data, "NUL bytes", False)
        w.write(f"nul-at-{offset}.json", b'{"text": "' + text[:offset].replace("\n", " ")
                .encode() + b'\x00"}', "NUL bytes", False)
    w.write("nul-first.txt", b"\x00" + w.article().encode(), "NUL bytes", False)
    w.write("nul-escaped.json", json.dumps({"text": w.article() + "\u0000 end",
                                            "title": "a\u0000b"}), "NUL bytes", True)
    w.write("nul-escaped.jsonl", json.dumps({"text": "\u0000" + w.article()}) + "\n",
            "NUL bytes", True)
    w.corpus.good.pop(str(folder / "nul-escaped.jsonl"))
    w.expect(f"{folder / 'nul-escaped.jsonl'}#1", "NUL bytes", True)
    w.write("nul-entity.rss", rss([w.article() + "&#0;"]), "NUL bytes", True)
    w.corpus.good.pop(str(folder / "nul-entity.rss"))
    w.expect(f"{folder / 'nul-entity.rss'}#1", "NUL bytes", True)
    w.write("nul-only.txt", b"\x00" * 10_000, "NUL bytes", False)


def rss(items: list[str], prolog: str = "") -> str:
    entries = "".join(f"<item><title>Item {n}</title><description>{text}</description>"
                      f"</item>" for n, text in enumerate(items, start=1))
    return (f'<?xml version="1.0" encoding="utf-8"?>{prolog}<rss version="2.0"><channel>'
            f"<title>Feed</title>{entries}</channel></rss>")


def xml_entities(w: Writer, folder: Path) -> None:
    laughs = '<!DOCTYPE rss [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";" if n > 1 else "&lol;") * 10}">'
        for n in range(1, 10)) + "]>"
    for suffix in (".xml", ".rss", ".atom", ".txt"):
        w.write(f"billion-laughs{suffix}", rss(["&lol9;"], laughs), "XML entity expansion",
                False)
    w.write("xxe-file.xml", rss(["&xxe;"], '<!DOCTYPE rss [<!ENTITY xxe SYSTEM '
                                           '"file:///etc/passwd">]>'), "XML entity expansion",
            False)
    w.write("xxe-parameter.xml", rss(["text"], '<!DOCTYPE rss [<!ENTITY % p SYSTEM '
                                               '"http://127.0.0.1:9/x.dtd"> %p;]>'),
            "XML entity expansion", False)
    w.write("quadratic-blowup.xml", rss(["&a;" * 1000], '<!DOCTYPE rss [<!ENTITY a "'
                                        + "x" * 10_000 + '">]>'), "XML entity expansion",
            False)
    w.write("entity-lowercase.xml", rss(["&e;"], '<!doctype rss [<!entity e "boom">]>'),
            "XML entity expansion", False)
    w.write("laughs.xhtml", '<?xml version="1.0"?>' + laughs.replace("rss", "html")
            + "<html><body><p>&lol9;</p></body></html>", "XML entity expansion", False)


def feeds(w: Writer, folder: Path) -> None:
    w.write("feed-good.rss", rss([w.article(), w.article()]), "feeds", True)
    w.corpus.good.pop(str(folder / "feed-good.rss"))
    for n in (1, 2):
        w.expect(f"{folder / 'feed-good.rss'}#{n}", "feeds", True)
    w.write("feed-empty.rss", rss([]), "feeds", False)
    w.write("feed-truncated.xml", rss([w.article()])[:200], "feeds", False)
    w.write("feed-not-feed.xml", "<?xml version='1.0'?><note><to>x</to></note>", "feeds",
            False)
    w.write("feed-garbage.atom", "<feed><<<>>>&&&", "feeds", False)
    w.write("feed-deep.xml", "<rss>" + "<a>" * 50_000 + "</a>" * 50_000 + "</rss>",
            "feeds", False)


def empty_files(w: Writer, folder: Path) -> None:
    for suffix in (".txt", ".md", ".json", ".jsonl", ".html", ".xml", ".rss", ".csv", ""):
        w.write(f"empty{suffix or '-noext'}", b"", "empty", False)
    for n, blank in enumerate((" ", "\n\n\n", "\t \r\n", "\u00a0\u2003\n", "\ufeff",
                               "\ufeff\n \n")):
        w.write(f"blank-{n}.txt", blank, "empty", False)
    w.write("only-markup.html", "<html><body><div></div></body></html>", "empty", False)
    w.write("only-front-matter.md", "---\ntitle: x\n---\n", "empty", False)


def binary_files(w: Writer, folder: Path) -> None:
    signatures = {
        "pdf": b"%PDF-1.7\n", "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff\xe0",
        "gif": b"GIF89a", "gz": b"\x1f\x8b\x08", "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "elf": b"\x7fELF", "rar": b"Rar!\x1a\x07", "7z": b"7z\xbc\xaf\x27\x1c",
        "sqlite": b"SQLite format 3\x00",
    }
    for name, signature in signatures.items():
        w.write(f"binary.{name}", signature + bytes(range(256)) * 4, "binary", False)
        w.write(f"binary-{name}-as.txt", signature + b"\x00" * 64, "binary", False)
    for n in range(6):
        w.write(f"random-{n}.bin", w.random.randbytes(4096 * (n + 1)), "binary", False)
    w.write("real.gz", gzip.compress(w.article().encode()), "binary", False)


def encodings(w: Writer, folder: Path) -> None:
    russian = "Крымскотатарский активист задержан ФСБ в Бахчисарае. " * 20
    for codec in ("cp1251", "koi8-r", "iso-8859-5", "mac-cyrillic", "cp866"):
        w.write(f"enc-{codec}.txt", russian.encode(codec), "wrong encoding", False)
    for codec in ("utf-16", "utf-32"):
        w.write(f"enc-{codec}-bom.txt", w.article().encode(codec), "wrong encoding", False)
    w.write("enc-utf-16le-nobom.txt", w.article().encode("utf-16-le"), "wrong encoding", False)
    w.write("enc-shift-jis.txt", ("政治犯が逮捕された。" * 50).encode("shift_jis"),
            "wrong encoding", False)
    w.write("enc-truncated-utf8.txt", w.article().encode() + "é".encode()[:1],
            "wrong encoding", False)
    w.write("enc-overlong.txt", w.article().encode() + b"\xc0\xaf", "wrong encoding", False)
    w.write("enc-bom-then-latin1.txt", codecs.BOM_UTF8 + "café ".encode("latin-1") * 50,
            "wrong encoding", False)
    w.write("enc-declared-bogus.html", b'<html><head><meta charset="no-such-codec"></head>'
            b"<body><p>" + ("Caf\xe9 " * 50).encode("latin-1") + b"</p></body></html>",
            "wrong encoding", False)
    w.write("enc-declared-latin1.xml", ("<?xml version='1.0' encoding='iso-8859-1'?>"
                                        + rss(["Caf\xe9 " + w.article()])[38:])
            .encode("latin-1"), "wrong encoding", True)
    w.corpus.good.pop(str(folder / "enc-declared-latin1.xml"))
    w.expect(f"{folder / 'enc-declared-latin1.xml'}#1", "wrong encoding", True)
    w.write("enc-utf8-bom.txt", codecs.BOM_UTF8 + w.article().encode(), "wrong encoding",
            True)


def html_files(w: Writer, folder: Path) -> None:
    article = "".join(f"<p>{p}</p>" for p in w.article().split("\n\n"))
    w.write("html-truncated.html", f"<html><body><article>{article}"[:-40], "truncated HTML",
            True)
    w.write("html-truncated-tag.html", f"<html><body><p>{w.article()}</p><div class=",
            "truncated HTML", True)
    w.write("html-cut-head.html", "<html><head><title>Cut", "truncated HTML", False)
    w.write("html-deep.html", "<div>" * 100_000 + w.article() + "</div>" * 100_000,
            "truncated HTML", False)  # deeper than any parser goes: no text found
    w.write("html-script-only.html", "<html><script>" + "x=1;" * 10_000 + "</script></html>",
            "truncated HTML", False)
    w.write("html-huge-attr.html", f'<html><body><p title="{"a" * 2_000_000}">'
            f"{w.article()}</p></body></html>", "truncated HTML", True)
    w.write("html-comment-open.html", f"<html><body><p>{w.article()}</p><!-- never closed",
            "truncated HTML", True)
    w.write("html-entities.html", "<p>" + "&amp;&lt;&#x1F4F0;" * 5000 + "</p>"
            + f"<p>{w.article()}</p>", "truncated HTML", True)


def huge_lines(w: Writer, folder: Path) -> None:
    words = " ".join(w.article().split())
    w.write("huge-line-110k.txt", (words + " ") * (110_000 // (len(words) + 1)),
            "huge lines", True)
    w.write("huge-line-3mb.txt", "a" * 3_000_000, "huge lines", False)   # over max_bytes
    w.write("huge-word-60k.txt", "x" * 60_000 + "\n\n" + w.article(), "huge lines", True)


def zip_files(w: Writer, folder: Path) -> None:
    for name in ("archive.zip", "report.docx", "book.epub", "zip-named.txt",
                 "zip-named.json"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("article.txt", w.article())
        w.write(name, buffer.getvalue(), "zip files", False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * 10_000_000)
    w.write("zip-bomb.zip", buffer.getvalue(), "zip files", False)


def csv_files(w: Writer, folder: Path) -> None:
    rows = {"comma": "name,date\nAkhtem Chiygoz,2015-01-29\n",
            "semicolon": "name;date\r\nAkhtem Chiygoz;2015-01-29\r\n",
            "quoted-newlines": 'name,note\n"A","line one\nline two"\n',
            "formula": "=HYPERLINK(\"http://x\"),@SUM(1)\n+1,-1\n",
            "bom": "\ufeffname,date\nA,B\n", "unbalanced-quote": 'a,"b\nc,d\n'}
    for name, text in rows.items():
        w.write(f"csv-{name}.csv", text, "CSV oddities", True)
    w.write("csv-cp1251.csv", "имя;дата\nАхтем;2015\n".encode("cp1251"), "CSV oddities", False)
    w.write("csv-empty-cells.csv", ",,,\n,,,\n", "CSV oddities", True)


def links_and_specials(w: Writer, folder: Path) -> None:
    loop = folder / "loop"
    loop.mkdir()
    w.write("inside.txt", w.article(), "symlinks", True, folder=loop)
    (loop / "again").symlink_to(loop)
    (loop / "parent").symlink_to(folder)
    os.symlink("self-link.txt", folder / "self-link.txt")
    w.expect(folder / "self-link.txt", "symlinks", False)
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    w.expect(folder / "loop-a.txt", "symlinks", False)
    w.expect(folder / "loop-b.txt", "symlinks", False)
    os.symlink("no-such-target.txt", folder / "broken-link.txt")
    w.expect(folder / "broken-link.txt", "symlinks", False)
    os.symlink("/dev/zero", folder / "dev-zero.txt")
    w.expect(folder / "dev-zero.txt", "special files", False)
    os.symlink("/dev/null", folder / "dev-null.txt")
    w.expect(folder / "dev-null.txt", "special files", False)
    os.mkfifo(folder / "fifo.txt")
    w.expect(folder / "fifo.txt", "special files", False)
    good = w.write("link-target.txt", w.article(), "symlinks", True)
    os.symlink(good.name, folder / "link-to-good.txt")  # the same text: "already in store"


def directories(w: Writer, folder: Path) -> None:
    for name in ("dir-named.txt", "dir-named.json", "dir-named.html"):
        (folder / name).mkdir()
        w.write("nested.txt", w.article(), "directories named like files", True,
                folder=folder / name)
    (folder / "empty-dir.md").mkdir()
    deep = folder
    for n in range(40):
        deep = deep / f"d{n}"
    deep.mkdir(parents=True)
    w.write("bottom.txt", w.article(), "directories named like files", True, folder=deep)


def front_matter(w: Writer, folder: Path) -> None:
    w.write("fm-unclosed.md", "---\ntitle: x\n" + w.article(), "front matter", True)
    w.write("fm-yaml-bomb.md", "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n"
            + w.article(), "front matter", True)
    w.write("fm-long.md", "---\n" + "k: v\n" * 10_000 + "---\n" + w.article(),
            "front matter", True)
    w.write("fm-bad-date.md", "---\npublished: 2015-13-45\n---\n" + w.article(),
            "front matter", True)


def sidecars(w: Writer, folder: Path) -> None:
    for name, text in (("list", "[1]"), ("bad", "{"), ("bigint", '{"n": ' + "9" * 5000 + "}"),
                       ("latin1", None)):
        w.write(f"side-{name}.txt", w.article(), "sidecars", True)
        data = "{\"title\": \"caf\xe9\"}".encode("latin-1") if text is None else text
        w.write(f"side-{name}.txt.meta.json", data, "sidecars", False)


def permissions(w: Writer, folder: Path) -> None:
    root = os.geteuid() == 0  # root reads everything: then these are good files
    locked = w.write("locked.txt", w.article(), "permissions", root)
    locked.chmod(0)
    closed = folder / "closed-dir"
    closed.mkdir()
    w.write("hidden-inside.txt", w.article(), "permissions", root, folder=closed)
    if not root:
        w.corpus.bad.pop(str(closed / "hidden-inside.txt"))
        w.expect(closed, "permissions", False)
    closed.chmod(0)


def unlock(folder: Path) -> None:
    """Make the corpus removable again (pytest deletes its temporary folders)."""
    for path in (folder / "locked.txt", folder / "closed-dir"):
        if path.exists() or path.is_symlink():
            path.chmod(0o755)


if __name__ == "__main__":  # python tests/reliability/hostile_corpus.py EMPTY_FOLDER
    import sys

    made = make_corpus(Path(sys.argv[1]))
    print(f"{made.files()} files ({len(made.good)} good sources, {len(made.bad)} bad) in "
          f"{len(made.classes())} classes: {', '.join(sorted(made.classes()))}")
