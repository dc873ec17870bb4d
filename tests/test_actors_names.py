"""One actor under one id across documents: name cores (suffixes, middle names, designators,
a leading "the"), on sentences written for these tests, through the real spaCy model."""

from __future__ import annotations

from conftest import make_input
from dateline.actors.kb import ActorKB
from dateline.actors.names import org_core, person_core
from dateline.pipeline import Pipeline


def corpus(*texts: str) -> list:
    """Each text a document, processed and committed in order on one knowledge base."""
    pipe = Pipeline(stages=["clean", "parse", "actors"], actors={"kb": ActorKB()})
    return [pipe.process([make_input(t, published="2016-09-20")])[0] for t in texts]


def ids_of(doc, text: str) -> set[str]:
    return {m["actor"] for m in doc.mentions if m["text"] == text}


def test_person_core_drops_middle_names_and_a_formal_suffix_only():
    assert person_core("Joseph R. Biden Jr.") == "Joseph Biden"
    assert person_core("Hillary Rodham Clinton") == "Hillary Clinton"
    assert person_core("Donald Trump Jr.") == "Donald Trump Jr."  # the son, not the father
    assert person_core("George H.W. Bush") == "George H.W. Bush"
    assert person_core("George H.W. Bush") != person_core("George W. Bush")


def test_org_core_drops_the_and_designators_not_the_name():
    assert org_core("NBC News") == "NBC"
    assert org_core("The Islamic State") == "Islamic State"
    assert org_core("Apple Inc.") == "Apple"
    assert org_core("News") == "News"
    assert org_core("Newsweek") == "Newsweek"


def test_formal_name_with_suffix_is_the_reference_persons_nickname():
    a, b = corpus("Vice President Joseph R. Biden Jr. spoke in Ohio on Monday.",
                  "Joe Biden spoke in Iowa on Tuesday.")
    assert ids_of(a, "Joseph R. Biden Jr.") == ids_of(b, "Joe Biden") == {"joe-biden"}


def test_a_son_named_after_his_father_stays_apart():
    (doc,) = corpus("Donald Trump Jr. met donors in Texas, and Donald Trump spoke in Ohio.")
    assert ids_of(doc, "Donald Trump Jr.") and ids_of(doc, "Donald Trump")
    assert ids_of(doc, "Donald Trump Jr.") != ids_of(doc, "Donald Trump")


def test_organisation_with_and_without_a_designator_across_documents():
    a, b = corpus("Frank Delgado told NBC News that the plan had failed.",
                  "Frank Delgado later told NBC that the plan had worked.")
    assert ids_of(a, "NBC News") == ids_of(b, "NBC")
    c, d = corpus("Marta Olsen joined Apple Inc. in March.", "Marta Olsen left Apple in May.")
    assert ids_of(c, "Apple Inc.") == ids_of(d, "Apple")


def test_islamic_state_under_its_acronym_and_with_the():
    a, b = corpus("Officials said the Islamic State had claimed the attack in Raqqa.",
                  "ISIS fighters attacked the town in Syria.")
    assert ids_of(a, "Islamic State") == ids_of(b, "ISIS") == {"islamic-state"}


def test_same_surname_different_people_stay_apart_across_documents():
    a, b = corpus("Bill Clinton spoke in Arkansas on Monday.",
                  "Hillary Clinton spoke in Ohio on Tuesday.")
    assert ids_of(a, "Bill Clinton") == {"bill-clinton"}
    assert ids_of(b, "Hillary Clinton") == {"hillary-clinton"}


def test_campaign_id_follows_its_persons_id():
    a, b = corpus("The Donald J. Trump campaign said on Monday that it raised money.",
                  "The Donald Trump campaign said on Tuesday that it spent money.")
    first = {m["actor"] for m in a.mentions if "campaign" in m["text"]}
    second = {m["actor"] for m in b.mentions if "campaign" in m["text"]}
    assert first == second == {"donald-trump-campaign"}
