"""Speaker rules for parses the model gets wrong, on hand-built parses of our own sentences."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline import nlp
from dateline.quotes.direct import attribute_marked
from dateline.quotes.lexicon import load_cues
from dateline.quotes.marks import find_marked
from dateline.quotes.syntax import subject


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str],
           ents: list[str] | None = None, lemmas: list[str] | None = None) -> Doc:
    """A Doc with the given (absolute) heads, on the real model's vocabulary; one sentence
    per ROOT."""
    spaces = [i + 1 < len(words) and words[i + 1] not in ",.:\"\n" and words[i] not in "\"\n"
              for i in range(len(words))]
    return Doc(nlp.load().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               ents=ents, lemmas=lemmas or [w.lower() for w in words])


def test_person_beside_a_misparsed_subject() -> None:
    # "With a week to the vote, Mara Lindqvist, an aide, criticised the plan": the parser
    # made "vote" the subject and the name its apposition.
    words = ["With", "a", "week", "to", "the", "vote", ",", "Mara", "Lindqvist", ",", "an",
             "aide", ",", "criticised", "the", "plan"]
    heads = [13, 2, 0, 2, 5, 13, 5, 8, 5, 8, 11, 8, 13, 13, 15, 13]
    deps = ["prep", "det", "pobj", "prep", "det", "nsubj", "punct", "compound", "appos",
            "punct", "det", "appos", "punct", "ROOT", "det", "dobj"]
    pos = ["ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT",
           "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN"]
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"] + ["O"] * 7
    doc = parsed(words, heads, deps, pos, ents)
    assert subject(doc[13]).text == "Lindqvist"


def test_no_cue_from_a_later_paragraph() -> None:
    # The parser ran one sentence across a paragraph break and hung the quote's clause
    # under the next paragraph's verb; the quote's own "saying" must win.
    words = ["Two", "unions", "joined", ",", "saying", "\"", "prices", "must", "rise", "\"",
             "\n", "Economists", "warn", "that", "bread", "costs", "more"]
    heads = [1, 2, 12, 2, 2, 8, 8, 8, 4, 8, 9, 12, 12, 15, 15, 12, 15]
    deps = ["nummod", "nsubj", "ccomp", "punct", "advcl", "punct", "nsubj", "aux", "ccomp",
            "punct", "dep", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj"]
    pos = ["NUM", "NOUN", "VERB", "PUNCT", "VERB", "PUNCT", "NOUN", "AUX", "VERB", "PUNCT",
           "SPACE", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "ADJ"]
    lemmas = ["two", "union", "join", ",", "say", "\"", "price", "must", "rise", "\"", "\n",
              "economist", "warn", "that", "bread", "cost", "more"]
    doc = parsed(words, heads, deps, pos, lemmas=lemmas)
    marked = find_marked(doc.text)
    inside = {6, 7, 8}
    [cand] = attribute_marked(doc, doc.text, marked, load_cues(), inside)
    assert cand.cue is not None and cand.cue.text == "saying"
    assert cand.speaker_tok is not None and cand.speaker_tok.text == "unions"


def test_a_cue_of_the_quotes_own_sentence_beats_one_after_it() -> None:
    # Neither "Said" nor the next sentence's "said" governs the quote in this parse; the
    # one in the quote's own sentence is its cue.
    words = ["Said", "Vos", ":", "\"", "Taxes", "rise", ".", "\"", "Critics", "said", "no",
             "."]
    heads = [5, 0, 0, 5, 5, 5, 5, 5, 9, 9, 9, 9]
    deps = ["advcl", "nsubj", "punct", "punct", "nsubj", "ROOT", "punct", "punct", "nsubj",
            "ROOT", "dobj", "punct"]
    pos = ["VERB", "PROPN", "PUNCT", "PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "NOUN", "VERB",
           "INTJ", "PUNCT"]
    lemmas = ["say", "Vos", ":", "\"", "tax", "rise", ".", "\"", "critic", "say", "no", "."]
    doc = parsed(words, heads, deps, pos, lemmas=lemmas)
    [cand] = attribute_marked(doc, doc.text, find_marked(doc.text), load_cues(), {4, 5, 6})
    assert cand.speaker_tok is not None and cand.speaker_tok.text == "Vos"
