"""Attribute each quotation-marked span to a cue and speaker in its sentence frame.

The frame is the text of the quote's sentence(s) outside quotation marks. The
cue whose clause contains the quote wins ("saying \\"...\\""), then, cues of the
quote's own sentences first, the nearest cue after the quote ("\\"...,\\" he said"),
then before it ("X said: \\"...\\"").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dateline.quotes.candidate import Candidate
from dateline.quotes.lexicon import Cues
from dateline.quotes.marks import MarkedSpan
from dateline.quotes.syntax import NOT_SPEAKERS, cue_tokens, is_cue, prep_link, subject

DASH_SOURCE = re.compile(r"[”\"»,.!?]*\s*[―—–]\s*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})\s*$",
                         re.M)
NOMINAL = ("PROPN", "NOUN", "PRON")
ADJACENT = 12  # tokens searched on either side of a cue for a speaker the parse missed
MIN_UNCUED_TOKENS = 5
MAX_TITLE_WORDS = 6  # a shorter quote without a cue is a scare quote, not a statement


def _tokens_in(sdoc: Doc, start: int, end: int) -> list[Token]:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _frame_cues(sdoc: Doc, text: str, q: MarkedSpan, cues: Cues, inside: set[int],
                known: dict[int, bool]) -> list[Token]:
    """Cues in the quote's sentences, the sentence right after it ("?" ends a sentence
    before "Trump said") and a sentence before it that ends in a colon; none from a later
    paragraph (the parser sometimes runs a sentence across a paragraph break).

    ``text`` is the parsed text, passed in: spaCy rebuilds ``Doc.text`` from every token
    on each access, which made this step quadratic in the document's length. ``known``
    holds, per token index, whether it is a cue: quotes share sentences."""
    toks = _tokens_in(sdoc, q.start, q.end)
    if not toks:
        return []
    sents = {toks[0].sent.start: toks[0].sent, toks[-1].sent.start: toks[-1].sent}
    after = toks[-1].i + 1
    while after < len(sdoc) and (sdoc[after].is_punct or sdoc[after].is_space):
        after += 1
    if after < len(sdoc) and after not in inside and sdoc[after].sent.start == after:
        sents[after] = sdoc[after].sent
    first = toks[0].sent
    if first.start > 0:  # "X said:" closing the previous sentence
        prev = sdoc[first.start - 1].sent
        if prev.text.rstrip().endswith(":"):
            sents[prev.start] = prev
    found = []
    for sent in sents.values():
        for i in range(sent.start, sent.end):
            if i in inside:
                continue
            if i not in known:
                known[i] = is_cue(sdoc[i], cues, True)
            if known[i] and "\n" not in text[q.end : sdoc[i].idx]:
                found.append(sdoc[i])  # never a cue from a later paragraph
    return found


def _best_cue(sdoc: Doc, q: MarkedSpan, found: list[Token], cues: Cues) -> Token | None:
    if not found:
        return None
    qtoks = _tokens_in(sdoc, q.start, q.end)
    qset = {t.i for t in qtoks}
    governs = [c for c in found if any(c in t.ancestors for t in qtoks if t.i in qset)]
    # A belief verb ("some think") only attributes a quote that is its own complement.
    pool = governs or [c for c in found if c.lemma_.lower() in cues.quoting
                       or prep_link(c) is not None]
    if not pool:
        return None

    own = {qtoks[0].sent.start, qtoks[-1].sent.start} if qtoks else set()

    def rank(c: Token) -> tuple[int, int, int]:
        """The quote's own sentences first; then after the quote before before it."""
        other = int(c.sent.start not in own)
        if c.idx >= q.end:
            return (other, 0, c.idx - q.end)
        return (other, 1, q.start - c.idx)

    best = min(pool, key=rank)
    if best.lemma_.lower() not in cues.quoting:  # "X said they want \"...\"": X is the source
        outer = [a for a in best.ancestors if is_cue(a, cues) and a.lemma_.lower() in cues.speech]
        if outer:
            return outer[0]
    return best


def _dash_source(text: str, q: MarkedSpan) -> tuple[int, int] | None:
    """ "..." ― Jane Doe: up to five capitalised words after a dash that follows the quote."""
    m = DASH_SOURCE.match(text, q.end)
    return (m.start(1), m.end(1)) if m else None


def _adjacent_noun(sdoc: Doc, cue: Token, inside: set[int]) -> Token | None:
    """When the parse gives the cue no subject: the noun just before it (", Chief Jo Doe
    said", "Jo Doe, an aide, on Friday said") or just after it (", said Jo Doe")."""
    lo = max(0, cue.i - ADJACENT)
    for i in range(cue.i - 1, lo - 1, -1):
        tok = sdoc[i]
        if i in inside or (tok.is_punct and tok.text != ","):
            break
        if tok.pos_ in NOMINAL and tok.ent_type_ not in NOT_SPEAKERS:
            return tok
    for i in range(cue.i + 1, min(len(sdoc), cue.i + ADJACENT)):
        tok = sdoc[i]
        if i in inside or tok.is_punct:
            break
        if tok.pos_ in NOMINAL and tok.ent_type_ not in NOT_SPEAKERS:
            while i + 1 < len(sdoc) and sdoc[i + 1].pos_ == "PROPN":
                i += 1
            return sdoc[i]
    return None


def attribute_marked(sdoc: Doc, text: str, marked: list[MarkedSpan], cues: Cues,
                     inside: set[int]) -> list[Candidate]:
    """One candidate per marked span; uncued ones inherit from the quote before them."""
    out: list[Candidate] = []
    prev: Candidate | None = None
    para_of_prev = -1
    known: dict[int, bool] = {}
    for q in marked:
        toks = _tokens_in(sdoc, q.start, q.end)
        if _is_title(toks) or _is_nickname(toks):
            continue
        cue = _best_cue(sdoc, q, _frame_cues(sdoc, text, q, cues, inside, known), cues)
        cand = Candidate(q.start, q.end, "direct")
        if cue is not None:
            cand.cue, cand.cue_span, cand.speaker_tok = cue, cue_tokens(cue), subject(cue, inside)
            if cand.speaker_tok is None and prep_link(cue) is None:
                cand.speaker_tok = _adjacent_noun(sdoc, cue, inside)
        elif (dash := _dash_source(text, q)) is not None:
            cand.speaker = dash
        elif prev is not None and (
            q.paragraph == para_of_prev or (q.continued and q.paragraph == para_of_prev + 1)
            or (q.paragraph == para_of_prev + 1 and _floating(text, q))
        ):
            cand.inherited_from = prev.inherited_from or prev
        elif (before := _sentence_before(text, q, toks, cues, inside)) is not None:
            cand.cue, cand.cue_span = before, cue_tokens(before)
            cand.speaker_tok = subject(before, inside)
        elif len(toks) < MIN_UNCUED_TOKENS:
            continue
        out.append(cand)
        if cand.cue is not None or cand.speaker or cand.inherited_from:
            prev, para_of_prev = cand, q.paragraph
    return out


def _sentence_before(text: str, q: MarkedSpan, toks: list[Token], cues: Cues,
                     inside: set[int]) -> Token | None:
    """A quote that is a sentence of its own, right after a sentence in which a named
    speaker says something ("Jo Doe called him a genius. \"He never gave up.\""), or
    alone in the paragraph after it: the last speech verb of that sentence."""
    if not toks or toks[0].i - toks[0].sent.start > 1 or toks[0].sent.start == 0:
        return None
    prev = toks[0].doc[toks[0].sent.start - 1].sent
    if "\n" in text[prev.end_char : q.start] and not _floating(text, q):
        return None
    said = [t for t in prev if t.i not in inside and t.pos_ == "VERB"
            and t.lemma_.lower() in cues.speech]
    if not said:
        return None
    who = subject(said[-1], inside)
    return said[-1] if who is not None and who.ent_type_ == "PERSON" else None


def _is_title(toks: list[Token]) -> bool:
    """A quoted name of a show, book or slogan ("Fox News Sunday", "The Apprentice"):
    a few capitalised words and no verb; after a possessive or preposition ("on CBS's
    \"Face the Nation\"", "a clip of \"The Show\"") also one word, or a verb."""
    words = [t for t in toks if t.is_alpha]
    if not words or len(words) > MAX_TITLE_WORDS or not words[0].is_title:
        return False
    if not all(t.is_title or t.is_stop for t in words) or toks[-1].text in ("!", "?"):
        return False
    if _in_noun_slot(toks[0]):
        return True
    return len(words) > 1 and not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _is_nickname(toks: list[Token]) -> bool:
    """A quoted name between a first name and a surname: Marcia "Cia" Price."""
    if not toks or len(toks) > 2 or not toks[0].is_title:
        return False
    doc = toks[0].doc
    lo, hi = toks[0].i - 2, toks[-1].i + 2  # skip the marks themselves
    return (lo >= 0 and hi < len(doc) and doc[lo].is_title and doc[hi].is_title
            and doc[lo].pos_ == "PROPN" and doc[lo + 1].is_quote and doc[hi - 1].is_quote)


def _in_noun_slot(first: Token) -> bool:
    """Whether the quote stands where a name would: right after "'s" or a preposition."""
    def possessive(tok: Token) -> bool:
        return tok.tag_ == "POS" or tok.lower_ in ("'s", "’s")

    i = first.i - 1
    while i >= 0 and first.doc[i].is_punct and not possessive(first.doc[i]):
        i -= 1
    return i >= 0 and (possessive(first.doc[i]) or first.doc[i].pos_ == "ADP")


def _floating(text: str, q: MarkedSpan) -> bool:
    """A paragraph that is only this quote (give or take its marks)."""
    lo = text.rfind("\n", 0, q.start) + 1
    hi = text.find("\n", q.end)
    hi = len(text) if hi < 0 else hi
    rest = (text[lo : q.start] + text[q.end : hi]).strip(" \t“”\"«»„")
    return not rest
