"""Server-side SVG timeline: events per month stacked by PLOVER type, coarse dates as bands.

Drawn by hand as SVG (no JavaScript, no CDN): each bar segment carries a
<title> tooltip and links to the matching event list, which is all the
interaction an analyst needs here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from dateline.events.ontology import ontology

# PLOVER category -> colour, in the ontology's order (data/events/plover.yaml)
TYPE_COLOURS = {category: ontology().colour(category) for category in ontology().categories}
OTHER_COLOUR = ontology().colour("other")
HEIGHT, TOP, BOTTOM, LEFT, WIDTH = 220, 10, 40, 36, 760  # HEIGHT: the bars and the axis


LANE = 10  # height of one lane of coarse-date bands under the axis
MAX_LANES = 8


def month_range(first: str, last: str, cap: int = 240) -> list[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), so gaps show as empty months;
    at most ``cap`` months, the latest kept."""
    year, month = int(first[:4]), int(first[5:7])
    end_year, end_month = int(last[:4]), int(last[5:7])
    skip = (end_year - year) * 12 + end_month - month + 1 - cap
    if skip > 0:
        year, month = year + (month - 1 + skip) // 12, (month - 1 + skip) % 12 + 1
    out: list[str] = []
    while len(out) < cap:
        label = f"{year:04d}-{month:02d}"
        out.append(label)
        if label >= last[:7]:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def lanes(spans: list[dict[str, Any]]) -> list[int]:
    """A lane for each span (sorted by start) so that spans in one lane never overlap."""
    ends: list[str] = []
    out = []
    for span in spans:
        lane = next((i for i, end in enumerate(ends) if end < span["start"]), len(ends))
        if lane == len(ends):
            ends.append(span["end"])
        ends[lane] = span["end"]
        out.append(min(lane, MAX_LANES - 1))
    return out


def timeline_svg(months: list[dict[str, Any]], link: Callable[[str, str], str]) -> Markup:
    """Events over time as inline SVG, in the order of their dates' intervals.

    ``months`` are timeline columns ({"month", "start", "end", "precision", "events"}).
    Dates within a month are stacked bars in that month; a coarser date ("2022",
    "2023-Q4") is a band under the axis across every month it covers, never a bar in
    its first month; undated events are a last column.
    """
    fine = {m["month"]: m["events"] for m in months if m["events"]
            and m.get("precision") == "month"}
    coarse = [m for m in months if m["events"] and m.get("start")
              and m.get("precision") != "month"]
    undated = {m["month"]: m["events"] for m in months if m["events"] and not m.get("start")}
    dated = [m for m in months if m["events"] and m.get("start")]
    columns = month_range(min(m["start"] for m in dated), max(m["end"] for m in dated)) \
        if dated else []
    columns += sorted(undated)
    if not columns:
        return Markup('<p class="empty">No events.</p>')
    counts = {**fine, **undated}
    spans = sorted(({"month": m["month"], "kind": kind, "n": n, "start": m["start"],
                     "end": m["end"], "precision": m["precision"]}
                    for m in coarse for kind, n in m["events"].items()),
                   key=lambda b: (b["start"], b["end"], b["kind"]))
    lane_of = lanes(spans)
    n_lanes = max(lane_of) + 1 if lane_of else 0
    height = HEIGHT + n_lanes * LANE
    peak = max((sum(counts.get(c, {}).values()) for c in columns), default=0) or 1
    plot_h = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT) / len(columns)
    bar = max(2.0, step * 0.8)
    every = max(1, round(len(columns) / 12))
    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="events over time by type" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH}" y2="{TOP + plot_h}" '
             'stroke="#888"/>',
             f'<text x="{LEFT - 4}" y="{TOP + 10}" text-anchor="end">{peak}</text>',
             f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">0</text>']
    for i, column in enumerate(columns):
        x = LEFT + i * step + (step - bar) / 2
        y = TOP + plot_h
        for kind, n in sorted(counts.get(column, {}).items()):
            h = plot_h * n / peak
            y -= h
            colour = TYPE_COLOURS.get(kind, OTHER_COLOUR)
            parts.append(
                f'<a href="{escape(link(column, kind))}"><rect class="bar" x="{x:.1f}" '
                f'y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}" '
                f'data-month="{escape(column)}" data-type="{escape(kind)}">'
                f"<title>{escape(column)} {escape(kind)}: {n}</title></rect></a>")
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                         f'text-anchor="middle">{escape(column)}</text>')
    index = {c: i for i, c in enumerate(columns)}
    for span, lane in zip(spans, lane_of, strict=True):
        first = index.get(span["start"][:7], 0)
        last = index.get(span["end"][:7], len(columns) - 1 - len(undated))
        x = LEFT + first * step + (step - bar) / 2
        y = HEIGHT + lane * LANE
        colour = TYPE_COLOURS.get(span["kind"], OTHER_COLOUR)
        parts.append(
            f'<a href="{escape(link(span["month"], span["kind"]))}"><rect class="span" '
            f'x="{x:.1f}" y="{y:.1f}" width="{(last - first) * step + bar:.1f}" '
            f'height="{LANE - 2}" fill="{colour}" fill-opacity="0.6" '
            f'data-month="{escape(span["month"])}" data-type="{escape(span["kind"])}" '
            f'data-start="{span["start"]}" data-end="{span["end"]}">'
            f'<title>{escape(span["month"])} ({span["precision"]}, {span["start"]} to '
            f'{span["end"]}) {escape(span["kind"])}: {span["n"]}</title></rect></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


INTENSITY_RANGE = 10.0  # PLOVER intensities run from -10 (conflict) to +10 (cooperation)


def intensity_svg(events: list[dict[str, Any]], first: str) -> Markup:
    """Each dated event as a dot at its date's first day and its intensity; events whose
    source is ``first`` (a country code) filled, the other direction hollow."""
    dated = sorted((e for e in events if e.get("date_start")),
                   key=lambda e: (e["date_start"], e["id"]))
    if not dated:
        return Markup('<p class="empty">No dated events.</p>')
    days = sorted({e["date_start"] for e in dated})
    step = (WIDTH - LEFT) / max(len(days), 1)
    plot_h = HEIGHT - TOP - BOTTOM
    mid = TOP + plot_h / 2
    parts = [f'<svg class="timeline intensity" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="intensity over time" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{LEFT}" y1="{mid:.1f}" x2="{WIDTH}" y2="{mid:.1f}" stroke="#888"/>',
             f'<text x="{LEFT - 4}" y="{TOP + 10}" text-anchor="end">+10</text>',
             f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">-10</text>']
    for e in dated:
        x = LEFT + (days.index(e["date_start"]) + 0.5) * step
        y = mid - plot_h / 2 * max(-1.0, min(1.0, e["intensity"] / INTENSITY_RANGE))
        forward = (e["source"] or {}).get("country") == first
        colour = TYPE_COLOURS.get(e["type"], OTHER_COLOUR)
        fill = colour if forward else "#fff"
        parts.append(
            f'<circle class="dot {"ab" if forward else "ba"}" cx="{x:.1f}" cy="{y:.1f}" r="5" '
            f'fill="{fill}" stroke="{colour}" stroke-width="2" '
            f'data-id="{escape(e["id"])}"><title>{escape(e["date_start"])} '
            f'{escape(e["type"])}: {e["intensity"]:+.1f}</title></circle>')
    for i in range(0, len(days), max(1, round(len(days) / 8))):
        parts.append(f'<text x="{LEFT + (i + 0.5) * step:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                     f'text-anchor="middle">{escape(days[i])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
