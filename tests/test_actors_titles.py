"""Titles and role words from the reference data."""

from __future__ import annotations

import pytest

from dateline.actors.titles import TitleMatcher, load_titles
from dateline.nlp import load


@pytest.fixture(scope="module")
def matcher() -> TitleMatcher:
    return TitleMatcher(load())


def test_table_has_sectors_and_heads() -> None:
    titles = load_titles()
    assert titles["Secretary of State"].sector == "GOV"
    assert titles["Secretary of State"].head == "secretary"
    assert titles["Gen."].role == "General" and titles["Gen."].sector == "MIL"
    assert titles["joint chiefs of staff chairman"].sector == "MIL"
    assert titles["spokesman"].sector is None
    assert titles["counterpart"].is_role is False


def test_matcher_finds_the_longest_title(matcher: TitleMatcher) -> None:
    doc = load()("Ghana's joint chiefs of staff chairman Gen. Kofi Mensah met the Defence "
                 "Minister and a spokeswoman.")
    roles = [(span.text, title.role) for span, title in matcher(doc)]
    assert roles == [("joint chiefs of staff chairman", "Chairman of the Joint Chiefs of Staff"),
                     ("Gen.", "General"), ("Defence Minister", "Defense Minister"),
                     ("spokeswoman", "spokesperson")]
    assert matcher.by_head("minister") and not matcher.by_head("farmer")
