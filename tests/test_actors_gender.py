"""A person's gender from the text, and pronouns that agree with it: sentences written for
these tests (the names are in no first-name table, so only the text tells)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import make_input
from dateline.actors import ActorStage
from dateline.actors import gender as gendered
from dateline.actors.kb import ActorKB
from dateline.model import Document
from dateline.pipeline import Pipeline


@lru_cache(maxsize=1)
def _parts() -> tuple[Pipeline, ActorStage]:
    return Pipeline(stages=["clean", "parse"]), ActorStage()


def resolve(text: str, kb: ActorKB | None = None) -> Document:
    parse, stage = _parts()
    doc = parse.process([make_input(text)])[0]
    stage.kb = kb if kb is not None else ActorKB()
    stage([doc])
    stage.commit(doc)
    return doc


def person(doc: Document, name: str) -> object:
    """The spaCy span of a person's name in the parse."""
    return next(e for e in doc.spacy.ents if e.text == name)


def actor_of(doc: Document, word: str, nth: int = 0) -> str | None:
    found = [m["actor"] for m in doc.mentions if m["text"] == word]
    return found[nth] if len(found) > nth else None


def test_names_of_the_tests_are_in_no_first_name_table() -> None:
    for name in ("Ines Ferrer", "Arne Solberg", "Tove Ranta"):
        assert gendered.by_first_name(name) is None


def test_vote_needs_a_margin() -> None:
    assert gendered.vote(["f", "f", None, "m"]) == "f"
    assert gendered.vote(["f", "m"]) is None
    assert gendered.vote([None]) is None


def test_first_name_of_a_full_name() -> None:
    assert gendered.first_name("Ms. Ines Q. Ferrer") == "ines"
    assert gendered.first_name("J. Ferrer") is None
    assert gendered.first_name("Ferrer") is None


def test_agreement() -> None:
    assert gendered.agrees("she", "f") and gendered.agrees("She", None)
    assert not gendered.agrees("he", "f")
    assert gendered.agrees("they", "m")  # no gender of its own


def test_honorific() -> None:
    doc = resolve("Mrs. Ines Ferrer spoke on Monday. Dr. Arne Solberg listened.")
    assert gendered.honorific(person(doc, "Ines Ferrer")) == "f"
    assert gendered.honorific(person(doc, "Arne Solberg")) is None


@pytest.mark.parametrize(("text", "name", "gender"), [
    ("Congresswoman Ines Ferrer visited the harbour on Monday.", "Ines Ferrer", "f"),
    ("The mayor and his wife, Ines Ferrer, visited the harbour on Monday.", "Ines Ferrer", "f"),
    ("Arne Solberg, the chairman of the harbour board, visited the docks.", "Arne Solberg",
     "m"),
    ("Arne Solberg, the director of the harbour board, visited the docks.", "Arne Solberg",
     None),
])
def test_gendered_noun(text: str, name: str, gender: str | None) -> None:
    assert gendered.noun(person(resolve(text), name)) == gender


def test_pronoun_after_a_name() -> None:
    doc = resolve("Ines Ferrer toured the docks on Monday. She said the harbour was safe.")
    assert gendered.pronoun_after(person(doc, "Ines Ferrer")) == "f"
    doc = resolve("Ines Ferrer toured the docks with Arne Solberg. He said the harbour was safe.")
    assert gendered.pronoun_after(person(doc, "Ines Ferrer")) is None  # another person first


def test_she_means_the_woman_though_a_man_is_nearer() -> None:
    doc = resolve("Congresswoman Ines Ferrer questioned chairman Arne Solberg for an hour. "
                  "Solberg answered every question, and she thanked him.")
    assert actor_of(doc, "she") == "ines-ferrer"
    assert {a["id"]: a.get("gender") for a in doc.actors} == {"ines-ferrer": "f",
                                                               "arne-solberg": "m"}


def test_he_means_the_man_though_a_woman_is_nearer() -> None:
    doc = resolve("Chairman Arne Solberg questioned Congresswoman Ines Ferrer for an hour. "
                  "Ferrer answered every question, and he thanked her.")
    assert actor_of(doc, "he") == "arne-solberg"


def test_without_gender_evidence_the_nearest_person_as_before() -> None:
    doc = resolve("Ines Ferrer questioned Arne Solberg for an hour. "
                  "Solberg answered every question, and she thanked him.")
    assert actor_of(doc, "she") == "arne-solberg"


def test_gender_learned_in_one_document_is_a_prior_in_the_next() -> None:
    text = "Tove Ranta met Arne Solberg on Monday, and he said the harbour was safe."
    assert actor_of(resolve(text), "he") is None  # two people, nothing to tell them apart
    kb = ActorKB()
    resolve("Ms. Tove Ranta toured the docks.", kb)
    assert kb.get("tove-ranta")["evidence"]["gender"] == {"f": 1}
    kb = ActorKB.from_records(kb.records())  # as the store gives it back
    assert kb.get("tove-ranta")["gender"] == "f"
    assert actor_of(resolve(text, kb), "he") == "arne-solberg"


def test_a_pronoun_in_a_joined_clause_shows_no_gender() -> None:
    doc = resolve("Ines Ferrer said she would tour the docks.")
    assert gendered.pronoun_after(person(doc, "Ines Ferrer")) == "f"
    doc = resolve("Arne Solberg answered every question, and she thanked him.")
    assert gendered.pronoun_after(person(doc, "Arne Solberg")) is None
    doc = resolve("Arne Solberg expects Ines Ferrer to win the vote. He said the harbour was safe.")
    assert gendered.pronoun_after(person(doc, "Ines Ferrer")) is None  # not the main subject
    doc = resolve("Ines Ferrer toured the docks on Monday. She said the harbour was safe.")
    assert gendered.pronoun_after(person(doc, "Ines Ferrer")) == "f"


def test_an_honorific_outweighs_a_pronoun() -> None:
    doc = resolve("Mrs. Tove Ranta met the divers. Tove Ranta said he was late.")
    assert gendered.shown([e for e in doc.spacy.ents if e.text == "Tove Ranta"]) == "f"
    doc = resolve("Tove Ranta met the divers. Tove Ranta said he was late.")
    assert gendered.shown([e for e in doc.spacy.ents if e.text == "Tove Ranta"]) == "m"


def test_votes_read_beside_the_parse_are_the_votes_read_later() -> None:
    """The resolver's ``prepare`` reads each person name's votes off the parse alone (an
    engine does it beside the parsing); ``shown`` takes them as read, and reads a mention
    it was not given (here: every one) itself, to the same gender."""
    from dateline.actors.resolve import GENDERS, Resolver

    doc = resolve("Mrs. Tove Ranta met the divers. Tove Ranta said he was late.")
    Resolver.prepare(doc.spacy)
    votes = doc.spacy.user_data[GENDERS]
    names = [e for e in doc.spacy.ents if e.text == "Tove Ranta"]
    assert [votes[(e.start, e.end)] for e in names] == [gendered.evidence(e) for e in names]
    assert "f" in votes[(names[0].start, names[0].end)]  # the honorific, twice
    assert "divers" not in {doc.spacy[s:e].text for s, e in votes}  # person names only
    assert gendered.shown(names, votes) == gendered.shown(names) == "f"
    # votes given for the wrong spans are not read: each mention is read itself
    assert gendered.shown(names, {(0, 1): ("m",) * 5}) == "f"
