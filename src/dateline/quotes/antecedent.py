"""A "he"/"she" speaker resolved inside its own sentence, before any document-wide guess.

"The ministry spokesperson was asked about it and he responded: ..." — the pronoun is
the spokesperson, however far back the last named speaker was.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.language import ENGLISH
from dateline.quotes.lexicon import Cues


def _compatible(tok: Token, cues: Cues) -> bool:
    """A named person, or a singular noun for a person in a role."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in cues.roles


def _main_clause(subj: Token, pron: Token, inside: set[int]) -> bool:
    """A subject of the main clause: nothing but the pronoun's verb or quoted words govern
    its verb ("X was asked ... and he said", "X scolded him: \"...\" she said")."""
    return all(a.i in inside or a.i == pron.head.i for a in subj.head.ancestors)


def local_antecedents(pron: Token, cues: Cues, inside: set[int]) -> list[Token]:
    """The earlier main-clause subjects in the pronoun's sentence and paragraph that can be
    it, closest first: the speakers' resolution takes the first of the pronoun's gender (a
    "she" passes over a man)."""
    if pron.lower_ not in ENGLISH.third_person:
        return []
    found = []
    for tok in reversed(pron.sent[: pron.i - pron.sent.start]):
        if "\n" in tok.text_with_ws:
            break
        if (tok.i not in inside and tok.dep_ in ENGLISH.subjects and tok.pos_ != "PRON"
                and _main_clause(tok, pron, inside) and _compatible(tok, cues)):
            found.append(tok)
    return found
