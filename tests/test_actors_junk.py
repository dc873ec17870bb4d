"""Junk a user would see: a platform as a person, a body cut to its generic word, a dateline
place as an actor, "Jersey" of "New Jersey" as a country (sentences written for these tests,
through the real spaCy model)."""

from __future__ import annotations

import pytest

from conftest import make_input
from dateline.actors.kb import ActorKB
from dateline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(stages=["clean", "parse", "actors"], actors={"kb": ActorKB()})


def run(pipe, text: str):
    doc = pipe.process([make_input(text, published="2016-09-20")])[0]
    return doc, {a["id"]: a for a in doc.actors}


def test_a_known_platform_is_an_organisation_not_a_person(pipe):
    doc, found = run(pipe, "Twitter suspended the account on Monday, and Twitter said it "
                           "would review the case.")
    assert found["twitter"]["type"] == "organisation"
    assert {e["label"] for e in doc.entities if e["text"] == "Twitter"} == {"ORG"}


def test_a_body_keeps_its_whole_name_and_its_generic_word_joins_it(pipe):
    doc, found = run(pipe, "A spokesman for the Justice Department declined to comment. "
                           "The Department said it would not comment.")
    assert "justice-department" in found and "department" not in found
    assert {m["actor"] for m in doc.mentions if m["text"] == "Department"} \
        == {"justice-department"}
    lone, found = run(pipe, "The Department said it would not comment.")
    assert "department" not in found and not lone.mentions


def test_a_dateline_place_is_no_actor_but_the_same_country_later_is(pipe):
    doc, found = run(pipe, "HANOI, Vietnam (AP) — China accused the Philippines of "
                           "provoking a clash. Vietnam protested.")
    starts = {m["start"] for m in doc.mentions if m["actor"] == "vietnam"}
    assert starts == {doc.text.rindex("Vietnam")}
    assert "china" in found


def test_a_state_of_a_country_is_not_the_country_its_last_word_names(pipe):
    _, found = run(pipe, "Former New Jersey governor Jon Corzine spoke in Trenton.")
    assert found["jon-corzine"]["country"] != "JEY"
    _, found = run(pipe, "Former Jersey governor Tom Blake spoke in Trenton.")
    assert found["tom-blake"]["country"] == "JEY"
