"""Server-side SVG timeline: events per month, stacked by PLOVER type.

Drawn by hand as SVG (no JavaScript, no CDN): each bar segment carries a
<title> tooltip and links to the matching event list, which is all the
interaction an analyst needs here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

TYPE_COLOURS = {
    "AGREE": "#2e7d32", "CONSULT": "#1565c0", "SUPPORT": "#66bb6a", "CONCEDE": "#9ccc65",
    "COOPERATE": "#26a69a", "AID": "#00838f", "RETREAT": "#8d6e63", "REQUEST": "#5c6bc0",
    "ACCUSE": "#ef6c00", "REJECT": "#f9a825", "THREATEN": "#d84315", "PROTEST": "#ad1457",
    "SANCTION": "#6a1b9a", "MOBILIZE": "#795548", "COERCE": "#c62828", "ASSAULT": "#4e0000",
}
OTHER_COLOUR = "#9e9e9e"
HEIGHT, TOP, BOTTOM, LEFT, WIDTH = 220, 10, 40, 36, 760


def month_range(first: str, last: str, cap: int = 240) -> list[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), so gaps show as empty months."""
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while len(out) < cap:
        label = f"{year:04d}-{month:02d}"
        out.append(label)
        if label >= last:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _is_month(value: str) -> bool:
    return len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit()


def timeline_svg(months: list[dict[str, Any]], link: Callable[[str, str], str]) -> Markup:
    """A stacked bar chart of ``months`` ([{"month", "events": {type: n}}]) as inline SVG."""
    counts = {m["month"]: m["events"] for m in months if m["events"]}
    dated = sorted(m for m in counts if _is_month(m))
    columns = month_range(dated[0], dated[-1]) if dated else []
    columns += [m for m in sorted(counts) if not _is_month(m)]
    if not columns:
        return Markup('<p class="empty">No events.</p>')
    peak = max(sum(counts.get(c, {}).values()) for c in columns) or 1
    plot_h = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT) / len(columns)
    bar = max(2.0, step * 0.8)
    every = max(1, round(len(columns) / 12))
    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="events per month by type" xmlns="http://www.w3.org/2000/svg">',
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
    parts.append("</svg>")
    return Markup("".join(parts))
