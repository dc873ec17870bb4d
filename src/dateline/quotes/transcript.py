"""Interview transcripts: speaker-turn labels become `transcript` quotes.

Labels garbled by machine translation ("Second. Flashes:" for "Secretary
Blinken:") are mapped to participants named before the transcript, by exact
name where the label has one and otherwise by the alternation of interviewer
and guest turns; each quote keeps the original label and a confidence.
Hand-written: no library maps interview labels to participants.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dateline.model import Document
from dateline.quotes.candidate import Candidate
from dateline.quotes.marks import paragraphs
from dateline.quotes.speakers import slug

# "Steve Inskeep:", "Second. Flashes:", "Interview :" alone on a line.
LABEL_LINE = re.compile(r"^\s*([A-Z][\w.’'\- ]{0,40}?)\s*:\s*$")
# "BLINKEN: We ...", "Q: Why ...", "A: Because ..." opening a paragraph.
LABEL_INLINE = re.compile(r"^\s*[\"“]?([A-Z][A-Z.’'\- ]{0,30}[A-Z]|Q|A)\s*:\s+(?=\S)")
MAX_LABEL_WORDS = 4
MIN_TURNS = 3
MIN_SPEECH_WORDS = 8
MAX_PARTIES = 4  # distinct labels, garbled variants included
MIN_ALTERNATION = 0.6  # share of consecutive turns that change label
QA_LABELS = frozenset({"q", "a", "question", "answer", "interviewer", "host"})
INTERVIEW = re.compile(r"\binterview", re.I)
EXACT, ALTERNATION, GUESS = 1.0, 0.9, 0.5


@dataclass
class Turn:
    label: tuple[int, int]  # the label text, colon excluded
    body: list[tuple[int, int]]  # the turn's paragraphs


def find_labelled_turns(text: str) -> list[Turn]:
    """Label paragraphs and the paragraphs they introduce, when there are enough of them."""
    turns: list[Turn] = []
    for lo, hi in paragraphs(text):
        line = text[lo:hi]
        m = LABEL_LINE.match(line)
        if m and len(m.group(1).split()) <= MAX_LABEL_WORDS:
            turns.append(Turn((lo + m.start(1), lo + m.end(1)), []))
            continue
        m = LABEL_INLINE.match(line)
        if m:
            turns.append(Turn((lo + m.start(1), lo + m.end(1)), [(lo + m.end(), hi)]))
        elif turns:
            turns[-1].body.append((lo, hi))
    turns = [t for t in turns if t.body]
    return turns if len(turns) >= MIN_TURNS else []


def _key(text: str) -> str:
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def _participants(doc: Document, entities: list[dict], before: int) -> list[dict]:
    """Full person names introduced before the transcript, most mentioned first."""
    seen: dict[str, dict] = {}
    for ent in entities:
        name = re.sub(r"(?:'s|’s)$", "", ent["text"])
        if ent["label"] != "PERSON" or ent["start"] >= before or len(name.split()) < 2:
            continue
        seen.setdefault(slug(name), {"name": name, "start": ent["start"], "end": ent["end"]})
    counts = Counter()
    for key, part in seen.items():
        words = _key(part["name"]).split()  # none for a name in another script ("Сергей Лавров")
        last = re.escape(words[-1]) if words else None
        counts[key] = len(re.findall(rf"\b{last}\b", doc.text.lower())) if last else 0
    return sorted(seen.values(), key=lambda p: -counts[slug(p["name"])])


def _exact(label: str, parts: list[dict]) -> dict | None:
    words = set(_key(label).split())
    for part in parts:
        name = _key(part["name"]).split()
        if name and name[-1] in words:
            return part
    return None


def map_labels(labels: list[str], parts: list[dict]) -> dict[str, tuple[dict | None, float]]:
    """Each distinct label -> (participant, confidence)."""
    keys = [_key(lab) for lab in labels]
    mapping: dict[str, tuple[dict | None, float]] = {}
    for k, lab in zip(keys, labels, strict=True):
        part = _exact(lab, parts)
        if part is not None:
            mapping[k] = (part, EXACT)
    anchor = next((i for i, k in enumerate(keys) if k in mapping), None)
    if anchor is None:  # no name in any label: Q is the interviewer, the guest is most mentioned
        guest = parts[0] if parts else None
        host = parts[1] if len(parts) > 1 else None
        first = keys[0] if keys else ""
        anchor_part = host if first != "a" else guest
        if anchor_part is None:
            return {k: (None, 0.0) for k in keys}
        mapping[first] = (anchor_part, GUESS)
        anchor = 0
    known, conf0 = mapping[keys[anchor]]
    others = [p for p in parts if p is not known]
    other = others[0] if others else None
    for k in dict.fromkeys(keys):
        if k in mapping:
            continue
        pos = [i for i, x in enumerate(keys) if x == k]
        same = sum((i - anchor) % 2 == 0 for i in pos) / len(pos)
        if same >= 0.5:
            mapping[k] = (known, round(ALTERNATION * same * conf0, 2))
        else:
            mapping[k] = (other, round(ALTERNATION * (1 - same) * conf0, 2))
    return mapping


def _speech(par: str) -> bool:
    """A paragraph that reads as speech, not a leftover credit line ("Stefen Chow for NPR")."""
    return len(par.split()) >= MIN_SPEECH_WORDS or par.rstrip()[-1:] in ".?!…”\"'"


def is_interview(intro: str, labels: list[str], parts: list[dict]) -> bool:
    """Labelled paragraphs that read as an interview, not section headings ("Results:") or
    a comment thread ("Ann says:"): few parties who mostly take turns, and either a label
    naming a participant, Q/A labels, or an introduction that announces an interview."""
    keys = [_key(lab) for lab in labels]
    if len(set(keys)) > MAX_PARTIES:
        return False
    changes = sum(a != b for a, b in zip(keys, keys[1:], strict=False)) / max(1, len(keys) - 1)
    if changes < MIN_ALTERNATION:
        return False
    return (
        any(_exact(lab, parts) for lab in labels)
        or set(keys) <= QA_LABELS
        or bool(INTERVIEW.search(intro))
    )


def find_turns(doc: Document, entities: list[dict]) -> list[Candidate]:
    """One `transcript` candidate per paragraph of every labelled turn, with the span of
    its participant's name (``participant``; None when unknown), whose actor the quotes
    stage resolves; ``entities``: the parse's, as ``doc.entities`` holds them."""
    turns = find_labelled_turns(doc.text)
    if not turns:
        return []
    labels = [doc.text[t.label[0] : t.label[1]] for t in turns]
    parts = _participants(doc, entities, turns[0].label[0])
    if not is_interview(doc.text[: turns[0].label[0]], labels, parts):
        return []
    mapping = map_labels(labels, parts)
    if all(part is None for part, _ in mapping.values()):
        return []
    out = []
    for turn, label in zip(turns, labels, strict=True):
        part, conf = mapping[_key(label)]
        participant = [part["start"], part["end"]] if part else None
        for lo, hi in turn.body:
            if not _speech(doc.text[lo:hi]):
                continue
            out.append(Candidate(lo, hi, "transcript", speaker=turn.label,
                                 extra={"label": label, "confidence": conf,
                                        "participant": participant}))
    return out
