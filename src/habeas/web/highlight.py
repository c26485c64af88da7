"""A report's text as HTML with persons and events highlighted by their character spans.

The text is untrusted: every piece of it goes through ``markupsafe.escape``; only the wrapping
``<a>`` elements are ours, and the result passes through nh3 with only those allowed. Spans come from the mentions table (persons) and the claims table
(event evidence sentences, person attributes); spans that nest are nested, a span that crosses
another is left out rather than break the markup.
"""

from __future__ import annotations

from dataclasses import dataclass

import nh3
from markupsafe import Markup, escape

# What the highlighted text may contain after sanitising: our links and nothing else.
ALLOWED_TAGS = {"a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "class", "title"}}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str       # css class suffix: person, event, attribute
    href: str
    title: str


def marks_for(*, mentions: list[dict], claims: list[dict]) -> list[Mark]:
    """Marks for person mentions and for claims with a span (one per event sentence)."""
    marks: dict[tuple[int, int, str], Mark] = {}
    for claim in claims:
        start, end = claim.get("start_char"), claim.get("end_char")
        if start is None or end is None or end <= start:
            continue
        if claim["subject_type"] == "event":
            if claim["field"] != "type":
                continue
            kind, title = "event", f"{claim['value']} (claim {claim['id']}, {claim['status']})"
        else:
            kind, title = "attribute", f"{claim['field']}: {claim['value']} (claim {claim['id']})"
        marks.setdefault((start, end, kind), Mark(start, end, kind, f"#claim-{claim['id']}",
                                                  title))
    for mention in mentions:
        if mention.get("person_id") is None:
            continue
        key = (mention["start_char"], mention["end_char"], "person")
        marks.setdefault(key, Mark(*key, f"/persons/{mention['person_id']}", mention["text"]))
    return list(marks.values())


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark wrapped in a link; paragraphs kept by CSS pre-wrap."""
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < pos and not stack:
            continue  # overlaps text already written outside any mark
        while stack and stack[-1].end <= mark.start:
            out.append(str(escape(text[pos:stack[-1].end])) + "</a>")
            pos = stack.pop().end
        if stack and mark.end > stack[-1].end:
            continue  # crosses the enclosing mark
        if mark.end > len(text) or mark.start < pos:
            continue
        out.append(str(escape(text[pos:mark.start])))
        out.append(f'<a class="hl hl-{mark.kind}" href="{escape(mark.href)}" '
                   f'title="{escape(mark.title)}">')
        stack.append(mark)
        pos = mark.start
    while stack:
        out.append(str(escape(text[pos:stack[-1].end])) + "</a>")
        pos = stack.pop().end
    out.append(str(escape(text[pos:])))
    # Escaping already made the text inert; nh3 checks the result once more (defence in depth).
    return Markup(nh3.clean("".join(out), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                            link_rel=None, url_schemes={"http", "https"}))
