"""Reading cues, subjects and clauses off the one spaCy parse (no re-parsing)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.actors.resolve import DATELINE
from dateline.language import ENGLISH
from dateline.quotes.lexicon import Cues, load_cues

# Relations through which a participle or coordinated verb inherits its head's subject:
# "X rejected it, saying ...", "X blamed Y and said ...", "X went on to say ...".
INHERIT = ("advcl", "xcomp", "conj", "pcomp", "acl", "prep")
NOT_SPEAKERS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
SHARES = ("PERCENT",)  # "63 percent said ...": a share of those polled is a subject
RELATIVES = frozenset({"who", "that", "which"})


def prep_link(tok: Token) -> Token | None:
    """The "to" of a prepositional cue ("according to"), when tok starts one.

    Only a "to" after the word counts: a parse that hangs an earlier "to" on it
    ("said X to according") is no cue, and would give a span that ends before it starts.
    """
    second = load_cues().prepositional.get(tok.lower_)
    if second is None:
        return None
    return next((c for c in tok.rights if c.lower_ == second), None)


def is_cue(tok: Token, cues: Cues, quoting: bool = False) -> bool:
    """A reporting verb, or the "according" of "according to"; with ``quoting``, also the
    verbs that only ever attribute quotation-marked text ("she yells")."""
    if tok.lower_ in cues.prepositional:
        return prep_link(tok) is not None
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma in cues.verbs or (quoting and lemma in cues.direct_only):
        return True
    return cues.learned_cue(lemma, frame(tok))


FRAMES = ("ccomp", "xcomp", "dobj", "prep")


def frame(tok: Token) -> str:
    """The verb's complement type, as the learned cue table keys it."""
    deps = {c.dep_ for c in tok.children}
    return next((f for f in FRAMES if f in deps), "none")


def cue_tokens(tok: Token) -> tuple[int, int]:
    """Character span of the cue: the verb, or "according to"."""
    to = prep_link(tok)
    if to is not None:
        return tok.idx, to.idx + len(to)
    return tok.idx, tok.idx + len(tok)


def subject(tok: Token, avoid: frozenset[int] | set[int] = frozenset()) -> Token | None:
    """Who does the saying: the verb's subject, inherited through participles and conjuncts.

    Subjects in ``avoid`` (tokens inside quotation marks) are the parser mistaking the
    quote's own subject for the speaker's, and are skipped; so is a wire dateline's place
    ("PARIS (AP) — The ministry said ...", where the parser makes both subjects).
    """
    to = prep_link(tok)
    if to is not None:
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    avoid = set(avoid) | set(tok.doc.user_data.get(DATELINE, ()))
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ENGLISH.subjects and c.i not in avoid
                and (c.ent_type_ not in NOT_SPEAKERS or c.ent_type_ in SHARES)
                and any(ch.isalnum() for ch in c.text)]
        if subj and subj[0].lower_ in RELATIVES and cur.dep_ == "relcl":
            head = cur.head  # "Jordan, who said ..." -> Jordan
            if head.dep_ == "appos" and head.head.ent_type_ in ENGLISH.named_labels:
                return head.head  # "Jordan, now the party's leader, who said ..." -> Jordan
            return head
        if subj:
            return _person_in(subj[0])
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and _named(cur.head):
            return cur.head  # "footage of Jo Doe saying ..." -> Jo Doe
        if cur.dep_ == "xcomp" and (obj := _controller(cur.head)) is not None:
            return obj
        agent = [g for c in cur.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        # a participle ("..., saying ...") may hang off a noun in a misparse: climb anyway
        if (cur.dep_ not in INHERIT and tok.tag_ != "VBG") or cur.head is cur:
            return None
        cur = cur.head
    return None


def _person_in(subj: Token) -> Token:
    """A person set beside a subject that is not one ("the election, Jo Doe, an aide,
    called ..." misparsed): the person."""
    if subj.ent_type_ in ENGLISH.named_labels or subj.pos_ == "PRON":
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"),
                subj)


def _named(tok: Token) -> bool:
    """A proper name or named entity that can speak."""
    return tok.ent_type_ in ENGLISH.named_labels or (
        tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_SPEAKERS)


def _controller(verb: Token) -> Token | None:
    """Who does an infinitive or participle under a non-speech verb: its object ("led the
    writer Jo Doe to fear ...") or the person in it ("uses footage of Jo Doe asking ...")."""
    if verb.lemma_.lower() in load_cues().verbs:
        return None  # "urged Y to ..." reports what the subject said
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if _named(obj):
            return obj
        named = [c for c in obj.children if c.dep_ == "appos" and _named(c)]
        named += [g for p in obj.children if p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj" and _named(g)]
        if named:
            return named[0]
    return None


NOUN_PHRASE = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "case", "flat"})


def noun_span(doc: Doc, tok: Token) -> Span:
    """The name or noun phrase a subject token heads: its entity, else its premodifiers.

    Walks the token's own dependents (doc.noun_chunks would rescan the whole document).
    """
    if tok.ent_iob_ in ("B", "I"):
        start = tok.i
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in NOUN_PHRASE:
            start = min(start, child.left_edge.i)
    return doc[start : tok.i + 1]
