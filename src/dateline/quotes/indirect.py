"""Reported speech, beliefs and intentions read off the dependency parse.

"X said (that) C", "X told Y C", "X urged Y to C", "X accused Y of C",
"C, X said", "according to X, C": the content C is the verb's clausal
complement (or the rest of the sentence for parentheticals), the source its subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.language import ENGLISH
from dateline.quotes.candidate import Candidate
from dateline.quotes.lexicon import Cues
from dateline.quotes.syntax import cue_tokens, frame, is_cue, prep_link, subject

PUNCT = ",;:—–-―\"“”'‘’()"
MIN_TOKENS = 2
PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})
PREDICATE = frozenset({"dobj", "oprd", "prep", "attr", "dative", "acomp", "npadvmod"})


def _span_of(tokens: list[Token]) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < MIN_TOKENS:
        return None
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ == "that"):
        toks.pop(0)
    while toks and (toks[-1].text in PUNCT or toks[-1].is_space):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _content(tok: Token, cues: Cues, inside_quote: set[int]) -> list[Token] | None:
    """The tokens the cue reports, or None when it reports no clause."""
    lemma = tok.lemma_.lower()
    if prep_link(tok) is not None:
        head = tok.head if tok.head is not tok else None
        sent = tok.sent
        skip = {t.i for t in tok.subtree}
        return [t for t in sent if t.i not in skip] if head is not None else None
    for child in tok.children:
        if child.dep_ == "ccomp":
            return list(child.subtree)
    learned = cues.learned_cue(lemma, frame(tok))
    for child in tok.children:
        if child.dep_ == "xcomp" and (lemma in cues.infinitive or lemma in cues.intention
                                      or learned):
            return list(child.subtree)
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and lemma in cues.gerund:
            return [t for t in child.subtree if t is not child]
    if lemma in cues.speech:  # "called Y \"a con\"", "blasted Y for being \"...\""
        right = [t for c in tok.rights if c.dep_ in PREDICATE for t in c.subtree]
        if any(t.i in inside_quote for t in right) or (
            lemma in cues.object and any(c.dep_ == "dobj" for c in tok.rights)
        ):
            return right
    if learned and lemma not in cues.verbs:  # a cue only the PolNeAR table knows
        right = [t for c in tok.rights if c.dep_ in PREDICATE for t in c.subtree]
        if right:
            return right
    if lemma in cues.speech and tok.dep_ == "parataxis" and tok.head.i < tok.i:
        skip = {t.i for t in tok.subtree}
        return [t for t in tok.sent if t.i not in skip and t.i < min(skip)]
    return None


def _speaker_like(tok: Token | None) -> bool:
    """A named person, organisation or country, or a personal pronoun."""
    if tok is None:
        return False
    return tok.ent_type_ in ENGLISH.named_labels or tok.lower_ in PERSONAL


def find_indirect(sdoc: Doc, text: str, cues: Cues, inside_quote: set[int]) -> list[Candidate]:
    """Every attributed clause whose cue lies outside direct quotation marks."""
    out: list[Candidate] = []
    for tok in sdoc:
        if tok.i in inside_quote or not is_cue(tok, cues):
            continue
        content = _content(tok, cues, inside_quote)
        if not content:
            continue
        speaker = subject(tok, inside_quote)
        learned_only = tok.lemma_.lower() not in cues.verbs and prep_link(tok) is None
        if learned_only and not _speaker_like(speaker):
            continue  # a verb only the learned table knows needs someone to be saying it
        lo = text.rfind("\n", 0, tok.idx) + 1
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi < 0 else hi
        span = _span_of([t for t in content if lo <= t.idx < hi])  # never across a paragraph
        if span is None:
            continue
        out.append(Candidate(span[0], span[1], "indirect", cue=tok, cue_span=cue_tokens(tok),
                             speaker_tok=speaker))
    return out
