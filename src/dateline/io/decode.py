"""Turning bytes into text: encoding detection, control characters, and the refusal of binary
input or of text that is no article (no letters at all)."""

from __future__ import annotations

import re
import unicodedata

import charset_normalizer

BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# C0 controls but tab, newline, form feed and carriage return; DEL; the C1 controls
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
BINARY_SHARE = 0.05  # more control characters than this share of a text: binary, not text
STRAY_CONTROLS = 4  # ... but up to this many are strays in a short text, stripped
HEAD = 8192  # bytes or characters looked at to judge an encoding
UTF16_ZEROS = 0.4  # share of NUL bytes at odd (LE) or even (BE) offsets of ASCII-heavy UTF-16
WESTERN = "cp1252"  # Latin-1 as Windows writes it (Latin-1 itself only adds C1 controls)
WESTERN_NON_ASCII = 0.3  # at most this share of the letters outside ASCII: a Western text
WESTERN_SYMBOLS = frozenset("€‚„…†‡‰‹›‘’“”•–—˜™¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷\xa0\xad")
IN_WORD_SYMBOLS = frozenset("’´·–—\xad")  # apostrophes, a middle dot, dashes, a soft hyphen
# what must not reach a terminal raw: controls, bidi embeddings and isolates, line separators,
# and the lone surrogates that stand for undecodable bytes in a file name
UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


# what a value given to the API may not hold: any control character (layout aside, see
# LAYOUT) or a lone surrogate (which no encoder accepts)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
LAYOUT = "\t\n\f\r"  # the control characters that a text may hold


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


def strip_controls(text: str) -> str:
    """The text without NUL and other control characters (they carry nothing a reader sees,
    and PostgreSQL refuses NUL); tabs and line breaks stay."""
    return CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """The text as one printable line: a newline in a file name becomes \\n, a bidi override
    \\u202e, so an error line can neither break in two nor reorder what follows it."""
    return UNPRINTABLE.sub(lambda m: escaped(m.group()), text)


def escaped(char: str) -> str:
    code = ord(char)
    return ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def looks_binary(data: bytes) -> bool:
    """Many control bytes mean this is not a text file (a few stray ones are stripped)."""
    head = data[:HEAD]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and controls / len(head) > BINARY_SHARE


def decode_text(data: bytes) -> str:
    """Decode text in any common encoding: a BOM, UTF-16 without one, UTF-8, then detection
    that prefers Western (cp1252) when the bytes read as Western text."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    codec = next((codec for bom, codec in BOMS if data.startswith(bom)), None) or utf16_codec(data)
    if codec:
        try:
            return check_text(data.decode(codec))
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable {codec}: {exc.reason}") from exc
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    western = western_text(data)
    if western is not None:
        return check_text(western)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    return check_text(str(best))


def utf16_codec(data: bytes) -> str | None:
    """UTF-16 without a BOM, told by its NUL bytes: every other byte of Latin-script text."""
    head = data[:HEAD]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > UTF16_ZEROS and not zeros_even:
        return "utf-16-le"
    if zeros_even > UTF16_ZEROS and not zeros_odd:
        return "utf-16-be"
    return None


def western_text(data: bytes) -> str | None:
    """The bytes as cp1252 when that reads as Western text: mostly ASCII letters, and every
    other character an accented letter inside a word or Western punctuation.

    Byte-frequency detectors guess an exotic single-byte codec for short, mostly-ASCII text
    ("Café" as Baltic "Cafķ"); a person expects Latin-1 there.
    """
    try:
        text = data.decode(WESTERN)
    except UnicodeDecodeError:
        return None
    letters = foreign = 0
    for i, char in enumerate(text):
        if char.isascii():
            letters += char.isalpha()
        elif char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
            letters += 1
            foreign += 1
        elif char not in WESTERN_SYMBOLS or in_word(text, i) and char not in IN_WORD_SYMBOLS:
            return None  # "powiedzia³": a Polish "ł" read as a superscript three
    return text if letters and foreign / letters <= WESTERN_NON_ASCII else None


def in_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def check_text(text: str) -> str:
    """Decoded text with its control characters removed; refused when it is really binary,
    empty, or has no letters at all."""
    if not text.strip():
        raise DecodeError("empty file")
    clean, controls = CONTROLS.subn("", text)
    if controls > max(BINARY_SHARE * len(text), STRAY_CONTROLS):
        raise DecodeError("binary content, not text")
    if not clean.strip():
        raise DecodeError("empty file")
    if not any(char.isalpha() for char in clean):
        raise DecodeError("no letters: not an article")
    return clean


def find_control(text: str, allowed: str = LAYOUT) -> str | None:
    """The first control character of ``text`` not in ``allowed``, as U+XXXX, or None."""
    for match in CONTROL.finditer(text):
        if match.group() not in allowed:
            return f"U+{ord(match.group()):04X}"
    return None
