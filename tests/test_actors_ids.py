"""Actor ids: slugs of canonical names, for countries and IGOs as for people; former ids."""

import pytest

from dateline.actors.ids import code_of_country_id, country_id, former_country_id, slug


@pytest.mark.parametrize(("code", "actor_id"), [
    ("USA", "united-states"), ("PRK", "north-korea"), ("GBR", "united-kingdom"),
    ("DNK", "denmark"), ("CIV", "ivory-coast"), ("XKX", "kosovo")])
def test_a_country_actors_id_is_the_slug_of_its_name(code: str, actor_id: str) -> None:
    assert country_id(code) == actor_id
    assert code_of_country_id(actor_id) == code


def test_a_persons_id_is_unchanged_and_no_country() -> None:
    assert slug("Antony Blinken") == "antony-blinken"
    assert slug("José Ramos-Horta") == "jose-ramos-horta"
    assert code_of_country_id("antony-blinken") is None


def test_a_former_country_id_leads_to_todays() -> None:
    assert former_country_id("usa") == "united-states"
    assert code_of_country_id("prk") == "PRK"
    # not a code in lower case: a person, an upper-case code, an unknown code, today's id
    assert [former_country_id(i) for i in ("wang-yi", "USA", "xyz", "united-states")] == [
        None, None, None, None]


def test_an_igos_id_is_the_slug_of_its_name_and_its_former_code_leads_there() -> None:
    assert country_id("UN") == "united-nations" and code_of_country_id("united-nations") == "UN"
    assert country_id("UNSC") == "united-nations-security-council"
    assert former_country_id("g20") == "group-of-twenty"
    assert former_country_id("united-nations") is None
