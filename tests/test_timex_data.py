"""The timex data files: every rule compiles and names a normaliser; calendar arithmetic."""

from __future__ import annotations

from dateline.timex.calendar import parse
from dateline.timex.lexicon import lexicon
from dateline.timex.normalise import Normaliser
from dateline.timex.recognise import Recogniser


def test_every_rule_compiles_and_has_a_normaliser():
    lex = lexicon()
    recogniser = Recogniser(lex)
    normaliser = Normaliser(lex)
    assert len(recogniser.rules) == len(lex.rules) > 20
    for rule in lex.rules:
        assert callable(getattr(normaliser, rule["norm"])), rule["name"]


def test_vocabulary_is_complete():
    lex = lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(lex.weekdays.values()) == list(range(1, 8))
    assert set(lex.seasons.values()) == {"SP", "SU", "FA", "WI"}


def test_month_and_verb_homographs_need_capitals():
    found = Recogniser(lexicon()).find("You may march in May.")
    assert [c.groups.get("month") for c in found] == ["May"]


def test_calendar_points_shift_and_format():
    assert parse("2022-07-09").shift(-2, "D").value() == "2022-07-07"
    assert parse("1989-Q3").shift(-1, "Y").value() == "1988-Q3"
    assert parse("2022-01").shift(-1, "M").value() == "2021-12"
    assert parse("2022-07-09").at("W").value() == "2022-W27"
    assert parse("2022").at("D").value("Y") == "2022-XX-XX"
    assert parse("PAST_REF") is None
