"""Country, demonym, metonym and IGO lookups from the actors reference data."""

import pytest

from dateline.actors.countries import country_code, country_name, lookup


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("China", "CHN"), ("Russia", "RUS"), ("the United States", "USA"), ("U.S.", "USA"),
        ("US", "USA"), ("America", "USA"), ("Britain", "GBR"), ("South Korea", "KOR"),
        ("Chinese", "CHN"), ("American", "USA"), ("U.S.-", "USA"), ("Russian", "RUS"),
        ("Beijing", "CHN"), ("Washington", "USA"), ("Moscow", "RUS"), ("the Kremlin", "RUS"),
        ("the White House", "USA"), ("Kyiv", "UKR"), ("UN", "UN"), ("NATO", "NATO"),
        ("EU", "EU"), ("G-20", "G20"), ("ASEAN", "ASEAN"), ("China's", "CHN"),
        ("GERMANY", "DEU"), ("Republic of Korea", "KOR"), ("Indonesia", "IDN"),
        ("Iran, Islamic Republic of", "IRN"),
    ],
)
def test_country_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("word", ["us", "who", "Nusa Dua", "Blinken", "", "the"])
def test_not_a_country(word: str) -> None:
    assert country_code(word) is None  # (test_country_code above is the positive twin)


def test_kinds_and_names() -> None:
    assert lookup("Beijing").kind == "capital"
    assert lookup("the Kremlin").kind == "metonym"
    assert lookup("Chinese").kind == "demonym"
    assert lookup("NATO").kind == "igo"
    assert country_name("USA") == "United States"
    assert country_name("NATO") == "North Atlantic Treaty Organization"
