"""Reference base, dated roles, merging, surnames, hygiene and domestic defaults, on
sentences written for these tests, through the real spaCy model."""

from __future__ import annotations

import pytest

from conftest import make_input
from dateline.actors.kb import ActorKB
from dateline.actors.reference import key, reference
from dateline.actors.resolve import well_formed, without_initials
from dateline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(stages=["clean", "parse", "actors"], actors={"kb": ActorKB()})


def run(pipe, text: str, published: str = "2016-09-20"):
    return pipe.process([make_input(text, published=published)])[0]


def actors(doc):
    return {a["id"]: a for a in doc.actors}


def test_reference_base_gives_dated_roles():
    ref = reference()
    lavrov = ref.find("Sergei Lavrov")  # transliteration variant of "Sergey Lavrov"
    assert lavrov is not None and lavrov.name == "Sergey Lavrov"
    assert lavrov.at("2016-10-01")[:2] == ("RUS", "GOV")
    assert "Foreign Minister" in lavrov.at("2016-10-01")[2]
    mattis = ref.find("Jim Mattis")
    assert "Secretary of Defense" in mattis.at("2017-06-01")[2]
    assert mattis.at("2030-01-01")[2] == []  # a role ends when the next holder takes office
    assert mattis.at("2030-01-01")[0] == "USA"


def test_reference_merges_acronyms_not_coded_synonyms():
    ref = reference()
    assert ref.canonical("FBI") == ref.canonical("Federal Bureau of Investigation")
    assert ref.canonical("DEA") is None  # same code in PETRARCH, another agency
    assert key("Sergei") == key("Sergey")


def test_hygiene_rules():
    assert well_formed("Donald Trump") and well_formed("Jon Corzine")
    for bad in ("@POTUS", "10:01PMDonald", "Hillary] Clinton", "-Craig Fehrman",
                "www.example.com"):
        assert not well_formed(bad)
    assert without_initials("Donald J. Trump") == "Donald Trump"
    assert without_initials("Jon Corzine") == "Jon Corzine"


def test_country_from_reference_and_domestic_default(pipe):
    doc = run(pipe, "Donald Trump spoke in Ohio on Monday. The Justice Department declined "
                    "to comment, and Sen. Bob Smithers said the FBI would look into it.")
    found = actors(doc)
    assert found["donald-trump"]["country"] == "USA"
    assert found["federal-bureau-of-investigation"]["country"] == "USA"
    smithers = next(a for a in doc.actors if a["name"].endswith("Smithers"))
    assert smithers["country"] == "USA"  # the document is about the USA


def test_a_group_the_reference_knows_of_no_country_takes_no_home_country(pipe):
    doc = run(pipe, "Islamic State fighters seized a town\n\nWASHINGTON (AP) — The Islamic "
                    "State seized a town in Syria on Monday, and al-Qaida praised the attack. "
                    "Senator John Miller of Ohio said the FBI was looking into it.")
    found = actors(doc)
    assert found["islamic-state"]["country"] is None and found["islamic-state"]["sector"] == "REB"
    assert found["al-qa-ida"]["country"] is None
    assert found["federal-bureau-of-investigation"]["country"] == "USA"  # a domestic body


def test_surname_follows_salience_and_honorific(pipe):
    doc = run(pipe, "Hillary Clinton met voters. Bill Clinton stayed home. Hillary Clinton "
                    "spoke again. Mrs. Clinton said she was ready, and Clinton smiled.")
    by_text = {}
    for m in doc.mentions:
        if m["kind"] == "name" and m["text"] == "Clinton":
            by_text.setdefault(m["text"], set()).add(m["actor"])
    assert by_text["Clinton"] == {"hillary-clinton"}


def test_acronym_and_full_name_share_an_id(pipe):
    a = run(pipe, "The Federal Bureau of Investigation opened a case on Tuesday.")
    b = run(pipe, "The FBI opened a case on Tuesday.")
    assert "federal-bureau-of-investigation" in actors(a)
    assert "federal-bureau-of-investigation" in actors(b)
