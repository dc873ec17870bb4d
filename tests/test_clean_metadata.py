"""Article metadata: title, outlet, the dateline's place, and the published date with its source."""

from __future__ import annotations

import pytest

from dateline.clean.metadata import normalise_date, outlets, split_title
from test_clean_support import clean

STORY = "\n\n{dateline} officials said on Tuesday that the talks would resume next month.\n\n" \
        "Both delegations left the capital on Wednesday morning, aides said."


@pytest.mark.parametrize(("dateline", "name", "country"), [
    ("NUSA DUA, Indonesia —", "Nusa Dua", "IDN"),
    ("BEIJING, China –", "Beijing", "CHN"),
    ("Washington (AFP) –", "Washington", "USA"),
    ("MOSCOW, Russia —", "Moscow", "RUS"),
    ("GENEVA (AP) —", "Geneva", "CHE"),
    ("LONDON, March 3 (Reuters) -", "London", "GBR"),
    ("ANKARA, Turkey (AP)_", "Ankara", "TUR"),
    ("DALLAS, Texas —", "Dallas", "USA"),
    ("ALBANY, N.Y. (AP) —", "Albany", "USA"),
    ("NEW YORK (AP) —", "New York", "USA"),
    ("SHANGHAI —", "Shanghai", "CHN"),
    ("KHARKIV, Ukraine —", "Kharkiv", "UKR"),
    ("ROSWELL, Atlantis —", "Roswell", None),
])
def test_the_dateline_gives_the_place(dateline, name, country):
    doc = clean("Talks to resume" + STORY.format(dateline=dateline))
    assert doc.place is not None and doc.place["name"] == name
    assert doc.place["country"] == country


def test_no_dateline_no_place():
    doc = clean("Talks to resume\n\nBlinken — who arrived late — said the talks went well.")
    assert doc.place is None


def test_an_agency_in_the_dateline_names_the_outlet_when_nothing_else_does():
    doc = clean("Talks to resume" + STORY.format(dateline="GENEVA (AP) —"))
    assert doc.outlet == outlets()["agencies"]["AP"] == "Associated Press"
    doc = clean("Talks to resume" + STORY.format(dateline="GENEVA (AP) —"), outlet="Lake Herald")
    assert doc.outlet == "Lake Herald"


def test_the_published_option_wins_over_everything():
    text = "Talks to resume" + STORY.format(dateline="PARIS —") + "\n\nCopyright 2019 Lake Herald"
    doc = clean(text, published_option="2021-03-04", published="2020-01-01")
    assert (doc.published, doc.published_from) == ("2021-03-04", "option")


def test_container_metadata_comes_next_and_is_normalised():
    doc = clean("Talks to resume" + STORY.format(dateline="PARIS —"),
                published="2020-01-02T08:15:00Z")
    assert (doc.published, doc.published_from) == ("2020-01-02", "metadata")


def test_a_copyright_year_alone_is_written_as_the_year():
    text = "Talks to resume" + STORY.format(dateline="PARIS —") + \
        "\n\nCopyright 2019 Lake Herald. To see more, visit\n\n[Copyright 2024 Lake Herald]"
    doc = clean(text)
    assert (doc.published, doc.published_from) == ("2019", "text")
    assert doc.outlet == "Lake Herald"


def test_nothing_dates_the_article():
    doc = clean("Talks to resume" + STORY.format(dateline="PARIS —"))
    assert (doc.published, doc.published_from) == (None, "none")


def test_a_conll_style_dateline_dates_and_places_the_story():
    doc = clean("TENNIS - OPEN RESULTS .\nLONDON 1996-08-30\nResults on Friday :\nA beat B 6-3\n")
    assert doc.place == {"name": "London", "country": "GBR"}
    assert (doc.published, doc.published_from) == ("1996-08-30", "text")
    assert doc.title == "TENNIS - OPEN RESULTS ."


@pytest.mark.parametrize(("line", "outlet", "elsewhere", "title", "site"), [
    ("Envoys meet in Geneva: NPR", None, "Ann Lee for NPR", "Envoys meet in Geneva", "NPR"),
    ("Envoys meet in Geneva | Lake Herald", None, "", "Envoys meet in Geneva", "Lake Herald"),
    ("Factbox: Key winners at the awards", None, "", "Factbox: Key winners at the awards", None),
    ("Envoys meet: Talks resume", "Lake Herald", "", "Envoys meet: Talks resume", None),
])
def test_a_site_suffix_leaves_the_title(line, outlet, elsewhere, title, site):
    assert split_title(line, outlet, elsewhere) == (title, site)


def test_metadata_title_is_preferred():
    doc = clean("Envoys meet in Geneva\n\nThe envoys met.", title="Envoys meet in Geneva today")
    assert doc.title == "Envoys meet in Geneva today"


@pytest.mark.parametrize(("value", "expected"), [
    ("2022", "2022"), ("2024-04-26", "2024-04-26"), ("April 26, 2024", "2024-04-26"),
    ("Tue, 09 Jul 2022 10:00:00 GMT", "2022-07-09"), ("not a date", None),
    ("July 2022", "2022-07"), ("Tuesday", None), ("12", None),
])
def test_dates_are_normalised(value, expected):
    assert normalise_date(value) == expected


def test_an_organisation_leading_the_first_line_is_not_a_dateline():
    doc = clean("Alliance meets\n\nNATO — the alliance said on Monday that ministers would meet.")
    assert doc.place is None


def test_a_container_title_loses_its_site_suffix_and_names_the_outlet():
    title = "Envoys meet in Geneva | Lake Herald"
    doc = clean("Envoys meet in Geneva\n\nThe envoys met.", title=title)
    assert doc.title == "Envoys meet in Geneva" and doc.outlet == "Lake Herald"


def test_a_story_without_headline_has_its_dateline_on_the_first_line():
    doc = clean("MOSCOW (AP)_ The mayor of Moscow opened a new bridge on Sunday.\n\nCrowds came.")
    assert doc.place == {"name": "Moscow", "country": "RUS"}


def test_dateline_places_data_uses_real_country_codes():
    import pycountry

    from dateline.clean.place import known_places

    codes = set(known_places().values())
    assert {"USA", "CHE", "UKR"} <= codes
    assert all(pycountry.countries.get(alpha_3=code) for code in codes), codes
