"""Turning bytes into text: encoding detection and the refusal of binary input."""

from __future__ import annotations

import re

import charset_normalizer

BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


# C0 and C1 control characters and lone surrogates (which no encoder accepts)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
LAYOUT = "\t\n\f\r"  # the control characters that a text may hold


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean this is not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and controls / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """Decode text in any common encoding (UTF-8 first, then detection)."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return check_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable {codec}: {exc.reason}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    text = str(best)
    if looks_binary(text.encode("utf-8", "replace")):
        raise DecodeError("binary content, not text")
    return text


def check_text(text: str) -> str:
    """Refuse decoded text that is really binary (NULs, control characters) or not prose."""
    if not text.strip():
        raise DecodeError("empty file")
    if looks_binary(text[:8192].encode("utf-8", "replace")):
        raise DecodeError("binary content, not text")
    if not any(c.isalpha() for c in text):
        raise DecodeError("no letters: not prose")
    return text


def find_control(text: str, allowed: str = LAYOUT) -> str | None:
    """The first control character of ``text`` not in ``allowed``, as U+XXXX, or None."""
    for match in CONTROL.finditer(text):
        if match.group() not in allowed:
            return f"U+{ord(match.group()):04X}"
    return None
