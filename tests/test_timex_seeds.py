"""The two real seeds: relative dates resolved against their publication dates."""

from __future__ import annotations

import pytest

from conftest import make_input


@pytest.fixture(scope="module")
def timex_pipeline():
    from dateline.pipeline import Pipeline

    return Pipeline(["clean", "parse", "timex"])


def timexes(pipeline, seed_text, prefix: str, published: str) -> list[dict]:
    source, text = seed_text(prefix)
    doc = pipeline.process([make_input(text, source=source, published=published)])[0]
    return doc.timexes


def values_of(found: list[dict], surface: str) -> set[str]:
    return {t["value"] for t in found if t["text"] == surface}


def test_seed_000_relative_dates(timex_pipeline, seed_text):
    found = timexes(timex_pipeline, seed_text, "000", "2022-07-09")
    assert values_of(found, "Saturday") == {"2022-07-09"}
    assert values_of(found, "Thursday") == {"2022-07-07"}
    assert values_of(found, "last month") == {"2022-06"}
    assert values_of(found, "October") == {"2021-10"}
    assert values_of(found, "two days earlier") == {"2022-07-07"}
    assert values_of(found, "five hours") == {"PT5H"}


def test_seed_004_relative_dates(timex_pipeline, seed_text):
    found = timexes(timex_pipeline, seed_text, "004", "2024-04-26")
    assert "2024-04-26" in values_of(found, "today")
    assert values_of(found, "October 7") == {"2023-10-07"}
    assert values_of(found, "October 7th") == {"2023-10-07"}
    assert values_of(found, "October") == {"2023-10"}
    late = [t for t in found if t["text"] == "late last year"]
    assert late and late[0]["value"] == "2023" and late[0]["mod"] == "END"
