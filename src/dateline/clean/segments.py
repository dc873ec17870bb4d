"""Cleaned text from whole runs of raw: segments and the removed list of the contract."""

from __future__ import annotations

from dateline.clean.lines import Line
from dateline.model import Removed


def assemble(
    raw: str, lines: list[Line], kinds: dict[int, str]
) -> tuple[str, list[list[int]], list[Removed]]:
    """Text, ``[text_start, raw_start, length]`` segments and removed runs for these removals.

    A removed line goes from the start of its raw line (indentation included) up to the next
    line's text, taking the blank lines after it along, so paragraphs stay one blank line apart.
    """
    cut: list[tuple[int, int]] = []
    for line in lines:
        if line.index in kinds:
            nxt = line.index + 1
            stop = lines[nxt].start if nxt < len(lines) else len(raw)
            start = 0 if not cut and line.index == 0 else raw.rfind("\n", 0, line.start) + 1
            if cut and cut[-1][1] == start:
                cut[-1] = (cut[-1][0], stop)
            else:
                cut.append((start, stop))
    pieces: list[str] = []
    segments: list[list[int]] = []
    pos = length = 0
    for start, stop in [*cut, (len(raw), len(raw))]:
        if start > pos:
            segments.append([length, pos, start - pos])
            pieces.append(raw[pos:start])
            length += start - pos
        pos = stop
    return "".join(pieces), segments, removed_runs(raw, lines, kinds)


def removed_runs(raw: str, lines: list[Line], kinds: dict[int, str]) -> list[Removed]:
    """Consecutive removed lines of one kind become one entry."""
    out: list[Removed] = []
    last: int | None = None
    for line in lines:
        kind = kinds.get(line.index)
        if kind is None:
            last = None
            continue
        if out and last == line.index - 1 and out[-1]["kind"] == kind:
            out[-1]["raw_end"] = line.end
            out[-1]["text"] = raw[out[-1]["raw_start"] : line.end]
        else:
            out.append({"raw_start": line.start, "raw_end": line.end, "kind": kind,
                        "text": line.text})
        last = line.index
    return out

