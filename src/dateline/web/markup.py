"""The cleaned text as HTML with its annotations highlighted, safe for hostile input.

Spans from different layers nest and overlap (a quote holds entities, an event
trigger may cross an entity), so the HTML is built from the sorted span
boundaries: every text piece is escaped on its own and marks that cross are
closed and reopened, which keeps the markup well formed whatever the offsets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

PALETTE_SIZE = 8
# Outer layers first: a quote encloses the marks inside it.
RANKS = {"quote": 0, "speaker": 1, "event": 2, "entity": 3, "timex": 4}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str
    classes: tuple[str, ...]
    title: str
    data: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def open_tag(self) -> str:
        classes = " ".join(css_name(c) for c in (self.layer, *self.classes))
        data = "".join(f' data-{css_name(k)}="{escape(v)}"' for k, v in self.data)
        return f'<mark class="{classes}" title="{escape(self.title)}"{data}>'


def css_name(value: str) -> str:
    """A class or attribute name from data: anything but [A-Za-z0-9_-] becomes '_'."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)


def speaker_key(quote: dict[str, Any]) -> str:
    return quote.get("actor") or ((quote.get("speaker") or {}).get("text") or "").lower() or "?"


def speaker_colours(quotes: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Speaker -> palette index, in order of first quote, so each speaker keeps one colour."""
    colours: dict[str, int] = {}
    for quote in quotes:
        colours.setdefault(speaker_key(quote), len(colours) % PALETTE_SIZE)
    return colours


def _side(side: dict[str, Any] | None) -> str:
    if not side:
        return "—"
    who = side.get("text") or side.get("actor") or "?"
    return f"{who} ({side['country']})" if side.get("country") else who


def document_marks(doc: dict[str, Any], names: dict[str, str]) -> list[Mark]:
    """The marks of every annotation layer of a contract object."""
    marks: list[Mark] = []
    colours = speaker_colours(doc.get("quotes") or [])
    for quote in doc.get("quotes") or []:
        colour = f"c{colours[speaker_key(quote)]}"
        speaker = quote.get("speaker") or {}
        who = names.get(quote.get("actor") or "", "") or speaker.get("text") or "unknown"
        data = (("speaker", quote.get("actor") or ""),)
        marks.append(Mark(quote["start"], quote["end"], "quote", (colour,),
                          f"{quote['kind']} quote — {who}", data))
        if speaker.get("end", 0) > speaker.get("start", 0):
            marks.append(Mark(speaker["start"], speaker["end"], "speaker", (colour,),
                              f"speaker: {who}", data))
    for ev in doc.get("events") or []:
        trigger = ev.get("trigger") or {}
        title = f"{ev['type']}: {_side(ev.get('source'))} → {_side(ev.get('target'))}"
        if ev.get("date"):
            title += f", {ev['date']}"
        marks.append(Mark(trigger.get("start", 0), trigger.get("end", 0), "event", (),
                          title, (("type", ev["type"]),)))
    for ent in doc.get("entities") or []:
        actor = ent.get("actor") or ""
        title = ent["label"] + (f" → {names.get(actor, actor)}" if actor else "")
        marks.append(Mark(ent["start"], ent["end"], "entity", (f"ent-{ent['label']}",), title,
                          (("actor", actor),)))
    for tx in doc.get("timexes") or []:
        marks.append(Mark(tx["start"], tx["end"], "timex", (), f"{tx['type']} {tx['value']}",
                          (("value", tx["value"]),)))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, with ``marks`` as properly nested <mark> elements."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starting: dict[int, list[Mark]] = defaultdict(list)
    for m in valid:
        starting[m.start].append(m)
    bounds = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(bounds):
        reopen: list[Mark] = []
        while any(m.end == pos for m in stack):
            m = stack.pop()
            out.append("</mark>")
            if m.end != pos:
                reopen.append(m)
        for m in reversed(reopen):
            out.append(m.open_tag())
            stack.append(m)
        for m in sorted(starting[pos], key=lambda m: (-m.end, RANKS.get(m.layer, 9))):
            out.append(m.open_tag())
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos:bounds[i + 1]])))
    return Markup("".join(out))
