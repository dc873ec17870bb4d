"""A quote before it is resolved to an actor: content span, cue token, speaker token."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # direct | indirect | mixed | transcript
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_tok: Token | None = None
    inherited_from: Candidate | None = None
    extra: dict = field(default_factory=dict)
