"""Article metadata: title, outlet, the dateline's place, and the published date with its source."""

from __future__ import annotations

import pytest

from dateline.clean.metadata import normalise_date, outlets, path_date, split_title
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
    doc = clean(text, given="2021-03-04", published="2020-01-01")
    assert (doc.published, doc.published_from) == ("2021-03-04", "option")


def test_container_metadata_comes_next_and_is_normalised():
    doc = clean("Talks to resume" + STORY.format(dateline="PARIS —"),
                published="2020-01-02T08:15:00Z")
    assert (doc.published, doc.published_from) == ("2020-01-02", "metadata")


def test_a_copyright_year_alone_is_written_as_the_year():
    text = "Talks to resume" + STORY.format(dateline="PARIS —") + \
        "\n\nCopyright 2019 Lake Herald. To see more, visit\n\n[Copyright 2024 Lake Herald]"
    doc = clean(text)
    assert (doc.published, doc.published_from) == ("2019", "copyright")
    assert doc.outlet == "Lake Herald"


def test_a_notice_names_its_owner_without_the_by():
    # A book excerpt's notice ("Copyright © 2015 by Ann Lee") names its holder, not "by Ann Lee"
    doc = clean("Talks to resume" + STORY.format(dateline="PARIS —") +
                "\n\nFrom SMALL HOURS by Ann Lee. Copyright © 2015 by Ann Lee. Reprinted here.")
    assert doc.outlet == "Ann Lee"


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


PLAIN = "Talks to resume" + STORY.format(dateline="PARIS —")
POLNEAR = "corpus/wash-post_2016-10-09_u-s-officially-condemns-russia-o.txt"


@pytest.mark.parametrize(("source", "meta", "extra", "expected"), [
    # each row adds a weaker source than the previous one
    (POLNEAR, {"given": "2021-03-04", "published": "2020-01-02",
               "url": "https://x.org/2019/05/06/a"}, "", ("2021-03-04", "option")),
    (POLNEAR, {"published": "2020-01-02T08:15:00Z", "url": "https://x.org/2019/05/06/a"}, "",
     ("2020-01-02", "metadata")),
    (POLNEAR, {"url": "https://x.org/2019/05/06/a"}, "", ("2019-05-06", "url")),
    (POLNEAR, {}, "\n\nUpdated July 9, 2022", ("2016-10-09", "filename")),
    ("page.txt", {}, "\n\nUpdated July 9, 2022\n\nCopyright 2019 Lake Herald",
     ("2022-07-09", "text")),
    ("page.txt", {}, "\n\nCopyright 2019 Lake Herald", ("2019", "copyright")),
    ("page.txt", {"warc_date": "2023-01-02T03:04:05Z"}, "", ("2023-01-02", "metadata")),
    ("page.txt", {}, "", (None, "none")),
])
def test_publication_date_discovery_order(source, meta, extra, expected):
    doc = clean(PLAIN + extra, source=source, **meta)
    assert (doc.published, doc.published_from) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Published 9 July 2022", "2022-07-09"),
    ("Updated 10:14 AM ET, Sat July 9, 2022", "2022-07-09"),
    ("Last updated: March 2021", "2021-03"),
    ("Published 2020", "2020"),
])
def test_a_stamp_line_dates_the_article_as_precisely_as_it_says(line, expected):
    doc = clean(PLAIN + "\n\n" + line)
    assert (doc.published, doc.published_from) == (expected, "text")


@pytest.mark.parametrize(("path", "expected"), [
    ("https://www.npr.org/2016/10/09/497197/u-s-condemns", "2016-10-09"),
    ("https://example.com/news/2016/10/slug", "2016-10"),
    ("archive/story-20161009.html", "2016-10-09"),
    ("wash-post_2016-10-09_u-s-officially.txt", "2016-10-09"),
    ("story-20161399.html", None),  # not a real day
    ("2016-02-30_report.txt", None),
    ("000_1369dc20190312ef.txt", None),  # digits inside a hash
])
def test_dates_in_urls_and_file_names_must_be_real(path, expected):
    assert path_date(path) == expected


def test_a_dateline_after_unrecognised_captions_and_credits_is_found():
    page = (
        "Vietnam opens new port\n"
        "Workers unload containers at the new port on the Red River\n"
        "Le Van\n"
        "Trucks queue at the gate of the port\n"
        "Le Van\n"
        "A crane lifts a container onto a barge\n"
        "Le Van\n"
        "HANOI, Vietnam (AP) — Vietnam opened its largest river port on Monday, officials said,"
        " hoping to cut the cost of shipping goods from the north of the country.\n"
    )
    doc = clean(page)
    assert doc.place == {"name": "Hanoi", "country": "VNM"}
    assert doc.outlet == "Associated Press"


def test_a_dateline_after_a_web_page_s_photo_captions_and_credits_is_found():
    page = (
        "Floods close schools across the north | River Post\n\n"
        "Home\nWorld\nBusiness\nSign In\n\n"
        "Floods close schools across the north\n\n"
        "By Mai Tran\n\n"
        "Residents wade through a flooded street in the old quarter on Sunday.\n"
        "(AP Photo/Pham Linh)\n\n"
        "A boy carries his bicycle past a stranded bus near the river bank.\n"
        "(AP Photo/Pham Linh)\n\n"
        "HANOI, Vietnam (AP) — Heavy rain closed hundreds of schools across northern Vietnam on"
        " Monday, and officials said the river would keep rising until the weekend.\n\n"
        "Teachers moved books and computers to upper floors as the water reached the first"
        " classrooms, a district official told reporters in the afternoon.\n\n"
        "Share this article\nFacebook\nTwitter\nEmail\n\n"
        "Copyright 2024 River Post. All rights reserved.\n"
    )
    doc = clean(page)
    assert "(AP Photo/Pham Linh)" not in doc.text and "HANOI, Vietnam (AP)" in doc.text
    assert doc.place == {"name": "Hanoi", "country": "VNM"}
    assert doc.outlet == "River Post"
