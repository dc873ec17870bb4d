"""Near-duplicate documents: MinHash signatures of word shingles, and LSH band keys.

A republication with other page furniture, a trimmed wire pickup or a lightly edited copy
shares most of its word shingles with the original. The band keys let a store find the
documents sharing a band with a new one through an index, so the cost of a lookup does
not grow with the number of stored documents.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE = 3  # words per shingle: short enough to survive light edits
PERMUTATIONS = 128
BANDS, ROWS = 32, 4  # 32 bands of 4 rows: documents with Jaccard ≥ ~0.4 share a band
SEED = 17
MIN_SHINGLES = 20  # below this a text is too short to call a copy of anything
# A copy: most of its shingles are shared (Jaccard), or the shorter one lies almost
# wholly inside the longer (a trimmed pickup).
DUPLICATE_JACCARD = 0.5
DUPLICATE_CONTAINMENT = 0.8
CONTAINMENT_FLOOR = 0.25  # the containment estimate is noise below this Jaccard

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    """A text's MinHash values and its number of distinct shingles."""

    values: np.ndarray
    shingles: int

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8").astype(np.uint64), shingles)


def shingles(text: str) -> set[bytes]:
    """The distinct word n-grams of a text, lower-cased."""
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature:
    found = shingles(text)
    m = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    m.update_batch(list(found))
    return Signature(m.hashvalues.copy(), len(found))


def band_keys(sig: Signature) -> list[int]:
    """One key per band (band number included), a signed 64-bit integer for any database."""
    if sig.shingles < MIN_SHINGLES:
        return []
    keys = []
    for band in range(BANDS):
        chunk = sig.values[band * ROWS:(band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def jaccard(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two texts' shingle sets."""
    return float(np.count_nonzero(a.values == b.values)) / len(a.values)


def containment(a: Signature, b: Signature) -> float:
    """The estimated share of the shorter text's shingles found in the longer one."""
    j = jaccard(a, b)
    shared = j / (1 + j) * (a.shingles + b.shingles)
    return min(1.0, shared / max(1, min(a.shingles, b.shingles)))


def is_duplicate(a: Signature, b: Signature) -> bool:
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return False
    j = jaccard(a, b)
    return j >= DUPLICATE_JACCARD or (j >= CONTAINMENT_FLOOR
                                      and containment(a, b) >= DUPLICATE_CONTAINMENT)
