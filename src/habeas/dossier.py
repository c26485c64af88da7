"""The terminal dossier: a person's attributes and dated timeline, each line with its source."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

FIELD_NAMES = {"age": "Age", "gender": "Gender", "groups": "Groups", "nationality": "Nationality",
               "affiliations": "Affiliations", "roles": "Roles"}


def source_label(source: dict[str, Any]) -> str:
    parts = [source.get("outlet") or source.get("title") or f"article {source.get('article_id')}"]
    if source.get("published"):
        parts.append(source["published"])
    label = ", ".join(parts)
    if source.get("attributed_to"):
        label = f"{source['attributed_to']} via {label}"
    return label


def render_dossier(console: Console, dossier: dict[str, Any]) -> None:
    aliases = [a for a in dossier["aliases"] if a != dossier["name"]]
    console.rule(f"[bold]{dossier['name']}[/bold]")
    if aliases:
        console.print(f"Also written: {', '.join(aliases)}")
    since = f" since {dossier['since']}" if dossier.get("since") else ""
    custody = dossier.get("days_in_custody")
    custody = f" · {custody} day(s) in custody" if custody is not None else ""
    console.print(f"Status: [bold]{dossier['status']}[/bold]{since}{custody} · in "
                  f"{dossier['articles']} report(s)")
    conflicts = dossier.get("conflicts", [])
    conflicting = {c["field"] for c in conflicts if c["subject"] == "person"}
    attributes = Table(show_header=True, box=None, pad_edge=False)
    attributes.add_column("attribute", style="bold")
    attributes.add_column("value")
    attributes.add_column("source", style="dim")
    for field, values in dossier["attributes"].items():
        for entry in values:
            label = "; ".join(source_label(s) for s in entry["sources"][:3])
            conflict = " [red](conflicting)[/red]" if field in conflicting else ""
            attributes.add_row(FIELD_NAMES.get(field, field), f"{entry['value']}{conflict}",
                               label)
    if dossier["attributes"]:
        console.print(attributes)
    timeline = Table(title="Timeline", show_lines=False)
    for column in ("date", "event", "details", "source"):
        timeline.add_column(column)
    for event in dossier["timeline"]:
        kind = event["type"].replace("_", " ")
        if event["negated"]:
            kind = f"NOT {kind}"
        if event["hedged"]:
            kind += " (alleged)"
        others = [p for p in event["persons"] if p != dossier["name"]]
        details = [f"with {', '.join(others)}"] if others else []
        for key in ("place", "agent", "charge", "release_mode"):
            if event.get(key):
                details.append(f"{key.replace('_', ' ')}: {event[key]}")
        if event.get("term_months"):
            years, months = divmod(event["term_months"], 12)
            details.append("term: " + " ".join(x for x in (f"{years} y" if years else "",
                                                           f"{months} m" if months else "") if x))
        sources = event["sources"]
        label = source_label({**(sources[0] if sources else {}),
                              "attributed_to": event.get("attributed_to")})
        if len(sources) > 1:
            label += f" (+{len(sources) - 1} more)"
        timeline.add_row(event["date"] or "undated", kind, "; ".join(details), label)
    console.print(timeline)
    render_conflicts(console, [c for c in conflicts if c["subject"] == "event"])


def render_conflicts(console: Console, conflicts: list[dict[str, Any]]) -> None:
    """What the sources disagree on: one line per value, with who says it."""
    if not conflicts:
        return
    table = Table(title="Sources disagree", show_lines=False)
    for column in ("event", "field", "value", "according to"):
        table.add_column(column)
    for conflict in conflicts:
        event = f"{conflict['type'].replace('_', ' ')} {conflict.get('date') or ''}".strip()
        for entry in conflict["values"]:
            table.add_row(event, conflict["field"].replace("_", " "), str(entry["value"]),
                          "; ".join(source_label(s) for s in entry["sources"][:3]))
            event = ""
    console.print(table)
