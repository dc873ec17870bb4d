"""Reading cues, subjects and clauses off the one spaCy parse (no re-parsing)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.quotes.lexicon import Cues

SUBJECTS = ("nsubj", "nsubjpass")
# Relations through which a participle or coordinated verb inherits its head's subject:
# "X rejected it, saying ...", "X blamed Y and said ...", "X went on to say ...".
INHERIT = ("advcl", "xcomp", "conj", "pcomp", "acl", "prep")
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def is_cue(tok: Token, cues: Cues) -> bool:
    """A reporting verb, or the "according" of "according to"."""
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    return tok.pos_ == "VERB" and tok.lemma_.lower() in cues.verbs


def cue_tokens(tok: Token) -> tuple[int, int]:
    """Character span of the cue: the verb, or "according to"."""
    if tok.lower_ == "according":
        to = next(c for c in tok.children if c.lower_ == "to")
        return tok.idx, to.idx + len(to)
    return tok.idx, tok.idx + len(tok)


def subject(tok: Token) -> Token | None:
    """Who does the saying: the verb's subject, inherited through participles and conjuncts."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        objs = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        return objs[0] if objs else None
    cur = tok
    for _ in range(3):
        subj = [c for c in cur.children if c.dep_ in SUBJECTS]
        if subj:
            return subj[0]
        agent = [g for c in cur.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if cur.dep_ not in INHERIT or cur.head is cur:
            return None
        cur = cur.head
    return None


def noun_span(doc: Doc, tok: Token) -> Span:
    """The name or noun phrase a subject token heads: its entity, else its noun chunk."""
    if tok.ent_type_:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    for chunk in tok.sent.noun_chunks:
        if chunk.start <= tok.i < chunk.end:
            return chunk
    return doc[tok.i : tok.i + 1]
