"""A quote before it is resolved to an actor: content span, cue token, speaker token."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token


@dataclass
class Candidate:
    """Offsets index Document.text; ``inherited_from`` is the quote a floating quote
    takes its speaker from."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed | transcript
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_tok: Token | None = None
    inherited_from: Candidate | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # label, confidence, participant
