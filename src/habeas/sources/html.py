"""Main text and metadata of an HTML page, and plain text of an HTML fragment.

trafilatura finds the article and drops navigation, footers and comments. When it finds nothing
(a short page, a fragment, broken markup) the fallback is lxml's text of the body with the
obvious boilerplate elements removed. Nothing here touches the network.
"""

from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html

from .meta import normalise_date, normalise_language

logger = logging.getLogger(__name__)

# trafilatura: prefer keeping a paragraph too many over losing one of the article.
FAVOR_RECALL = True
# htmldate: only dates in markup (meta tags, time elements, bylines), never one found anywhere in
# the text by the "extensive" search, which takes event dates ("arrested on 26 January 2015")
# for the publication date.
DATE_EXTRACTION_PARAMS = {"extensive_search": False, "original_date": True}
# Elements whose text is never article text, removed before the lxml fallback.
BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
                    "aside", "form", "button", "select", "iframe", "svg")
# Elements that end a line when an HTML fragment is turned into text.
BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "pre", "section", "article", "figcaption", "dd", "dt", "table", "ul", "ol", "hr")
# The lang attribute of the html element (read without parsing the page twice).
HTML_LANG_PATTERN = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]+)", re.IGNORECASE)


def extract_html(html: str, *, url: str | None = None) -> tuple[str, dict[str, str | None]]:
    """The main text of a page and its metadata; the text is "" when the page has none."""
    import trafilatura  # here: a fifth of the CLI's start-up, and most runs read no HTML

    metadata: dict[str, str | None] = {"url": url, "language": _page_language(html)}
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, favor_recall=FAVOR_RECALL,
            include_comments=False, include_tables=True,
            date_extraction_params=DATE_EXTRACTION_PARAMS,
        )
    except Exception as e:  # noqa: BLE001 - trafilatura raises anything on hostile markup
        logger.debug("trafilatura failed: %s", e)
        result = None
    if result is not None and (result.text or "").strip():
        metadata.update({
            "title": _one_line(result.title),
            "published": normalise_date(result.date),
            "outlet": _one_line(result.sitename),
            "url": result.url or url,
        })
        return result.text, metadata
    logger.debug("trafilatura found no main text; falling back to the body text")
    text, title = _body_text(html)
    metadata["title"] = title
    return text, metadata


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph, "" when it holds no text."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError) as e:
        logger.debug("cannot parse HTML fragment: %s", e)
        return fragment.strip()
    return element_text(root)


def element_text(element: lxml.html.HtmlElement) -> str:
    """The text of an element, with line breaks after block elements and no scripts or styles."""
    for bad in element.xpath(".//script|.//style|.//noscript|.//template"):
        bad.drop_tree()
    for block in element.iter(*BLOCK_TAGS):
        block.tail = "\n\n" + (block.tail or "")
    text = element.text_content()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _body_text(html: str) -> tuple[str, str | None]:
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as e:
        logger.debug("lxml cannot parse the page: %s", e)
        return "", None
    title = _one_line(root.findtext(".//title"))
    body = root.find("body")
    if body is None:
        body = root
    for bad in body.xpath("|".join(f".//{tag}" for tag in BOILERPLATE_TAGS)):
        bad.drop_tree()
    return element_text(body), title


def _page_language(html: str) -> str | None:
    match = HTML_LANG_PATTERN.search(html[:4096])
    return normalise_language(match.group(1)) if match else None


def _one_line(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None
