"""Furniture removal: each rule on small fictional pages, and what must never be removed."""

from __future__ import annotations

import pytest

from dateline.clean.vocabulary import vocabulary
from test_clean_support import clean, clean_batch

HEADER = """Riverbend Public Radio | Your Source for NPR News
Play Live Radio
Next Up:
0:00 0:00
Available On Air Stations

Mayor signs river cleanup order after long council fight
"""

PARAGRAPHS = (
    "RIVERBEND, Oregon — The mayor of Riverbend signed an order on Monday that requires the city"
    " to clean its river banks within two years, ending a council fight that lasted most of the"
    " spring.",
    '"This is the most important thing we will do this year," Mayor Dana Whitfield told'
    " reporters at City Hall.",
    "Council member Ruth Okafor, who voted against the order, said the city could not pay for it"
    " without raising fees.",
)
BODY = "\n" + "\n\n".join(PARAGRAPHS) + "\n"

CAPTIONS = """
Mayor Dana Whitfield signs the order at City Hall in Riverbend on Monday.
Corin Ash
Pool Photo via AP
Mayor Dana Whitfield signs the order at City Hall in Riverbend on Monday.
"""

WIDGET = """
Volunteers pull tires from the river near the old mill on May 3, 2023, in Riverbend.

Corin Ash for NPR

hide caption

toggle caption

Corin Ash for NPR
"""

FOOTER = """
Copyright 2023 NPR. To see more, visit

NPR News

Back to top button
"""


def removed_kinds(doc) -> dict[str, str]:
    return {entry["text"]: entry["kind"] for entry in doc.removed}


def test_site_header_and_player_widgets_go_and_the_headline_is_first():
    doc = clean(HEADER + BODY)
    assert doc.text.startswith("Mayor signs river cleanup order after long council fight\n")
    for furniture in ("Play Live Radio", "Next Up:", "0:00 0:00", "Available On Air Stations",
                      "Your Source for NPR News"):
        assert furniture not in doc.text
    assert doc.title == "Mayor signs river cleanup order after long council fight"


def test_caption_printed_twice_around_its_credits_goes_entirely():
    doc = clean(HEADER + CAPTIONS + BODY)
    assert "signs the order at City Hall" not in doc.text
    assert "Corin Ash" not in doc.text and "Pool Photo via AP" not in doc.text
    kinds = set(removed_kinds(doc).values())
    assert {"caption", "credit"} <= kinds
    assert "RIVERBEND, Oregon — The mayor" in doc.text


def test_hide_and_toggle_caption_widget_goes_with_its_caption_and_credits():
    doc = clean(HEADER + BODY + WIDGET + FOOTER)
    for furniture in ("hide caption", "toggle caption", "Corin Ash for NPR", "pull tires"):
        assert furniture not in doc.text
    assert doc.published == "2023-05-03"  # the removed caption still dates the article
    assert doc.published_from == "text"


def test_copyright_and_visit_footers_go_and_give_the_year():
    doc = clean(HEADER + BODY + FOOTER)
    assert "Copyright" not in doc.text and "To see more" not in doc.text
    assert "Back to top button" not in doc.text and "NPR News" not in doc.text
    assert doc.published == "2023" and doc.published_from == "copyright"
    assert doc.text.rstrip().endswith("without raising fees.")


def test_every_body_paragraph_stays():
    doc = clean(HEADER + CAPTIONS + BODY + WIDGET + FOOTER)
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text


def test_interview_labels_stay_even_when_repeated():
    transcript = """
Guest:

We have asked both sides to come back to the table next week, and both said yes.

Host :

Will they?

Guest:

I think so. Nobody gains from another month of this.

Host :

Thank you for your time this morning.
"""
    doc = clean(HEADER + BODY + transcript + FOOTER)
    assert doc.text.count("Guest:") == 2 and doc.text.count("Host :") == 2
    assert "Will they?" in doc.text


def test_a_paragraph_printed_twice_goes_the_second_time():
    para = "The council will meet again in June to decide how the work is paid for, aides said."
    doc = clean(HEADER + BODY + "\n" + para + "\n\n" + para + "\n" + FOOTER)
    assert doc.text.count(para) == 1
    assert "duplicate" in removed_kinds(doc).values()


def test_menu_above_and_link_list_below_the_article_go():
    page = """Valley Courier
Skip to content
Home
News
Sport
Weather

Bridge reopens after three years of repairs

VALLEY CITY — The Harlow Street bridge reopened to traffic on Friday, three years after \
engineers closed it because of cracks in its supports, the county said.

Drivers had used a ferry and a long detour through the hills while the work went on.

"It feels like the town has been stitched back together," said Maria Lenz, who runs a \
bakery at the east end of the bridge.

Related Stories
Ferry service to end next month
County approves budget for road repairs
Share this article
Facebook
Twitter
"""
    doc = clean(page)
    assert doc.text.startswith("Bridge reopens after three years of repairs")
    for furniture in ("Skip to content", "Weather", "Related Stories", "Ferry service to end",
                      "County approves budget", "Share this article"):
        assert furniture not in doc.text
    assert "stitched back together" in doc.text


@pytest.mark.parametrize("text", [
    "Officials met in Vienna on Thursday.",
    "SOCCER - DUTCH FIRST DIVISION RESULTS .\nAMSTERDAM 1996-08-30\nResults of Dutch first"
    " division matches on Friday :\nAjax 2 Feyenoord 1\nPSV 0 Utrecht 0\nTwente 3 Vitesse 1\n",
    "Share prices fell.\n\nNews of the deal broke late on Friday, and traders said the market"
    " would stay nervous until the regulator rules.",
])
def test_news_text_that_is_not_a_web_page_survives_whole(text):
    doc = clean(text)
    assert doc.text == text
    assert doc.removed == []


def test_a_line_repeated_across_one_sites_pages_in_a_batch_is_a_template():
    tagline = "Harbor Times | Independent news for the coast since 1901"
    bodies = [
        "Harbor council votes to expand the marina\n\nThe council voted 5-2 on Tuesday to add"
        " forty berths to the marina, despite objections from fishermen.",
        "Ferry strike ends after two days\n\nFerry workers returned on Wednesday after the"
        " operator agreed to review rosters, the union said.",
        "Storm closes coastal road\n\nThe coastal road was closed overnight after waves threw"
        " rocks onto the carriageway, police said.",
    ]
    same_site = clean_batch([(f"{body}\n\n{tagline}\n", f"p{n}.txt", {"outlet": "Harbor Times"})
                             for n, body in enumerate(bodies)])
    assert all(tagline not in doc.text for doc in same_site)
    for doc, body in zip(same_site, bodies, strict=True):
        assert body.split("\n")[-1] in doc.text
    mixed = clean_batch([(f"{body}\n\n{tagline}\n", f"p{n}.txt", {"outlet": f"Site {n}"})
                         for n, body in enumerate(bodies)])
    assert all(tagline in doc.text for doc in mixed)


def test_vocabulary_file_names_known_kinds_and_finds_furniture():
    vocab = vocabulary()
    assert set(vocab.lines.values()) <= {"furniture", "caption", "credit", "footer"}
    assert {kind for kind, _ in vocab.patterns} <= {"furniture", "caption", "credit", "footer"}
    assert vocab.kind("toggle caption", "toggle caption", 2) == "caption"
    assert vocab.kind("stefen chow for npr", "Stefen Chow for NPR", 4) == "credit"
    assert vocab.kind("copyright 2022 npr", "Copyright 2022 NPR", 3) == "footer"
    assert vocab.kind("back to top button", "Back to top button", 4) == "furniture"
    assert vocab.kind("second. flashes", "Second. Flashes:", 2) is None
    assert vocab.kind("x", "The talks resumed on Monday in Geneva.", 7) is None


def test_windows_line_endings_keep_the_contract():
    doc = clean((HEADER + CAPTIONS + BODY + FOOTER).replace("\n", "\r\n"))
    assert "Play Live Radio" not in doc.text and "Pool Photo via AP" not in doc.text
    assert PARAGRAPHS[1] in doc.text
    for ts, rs, n in doc.segments:
        assert doc.text[ts : ts + n] == doc.raw[rs : rs + n]


def test_a_container_title_stays_first_even_above_a_byline():
    page = "Port strike ends\nBy Jane Roe\nUpdated 9:30 a.m.\nShare\n" + "\n".join(PARAGRAPHS)
    doc = clean(page, title="Port strike ends")
    assert doc.text.startswith("Port strike ends\n") and "By Jane Roe" not in doc.text
    assert PARAGRAPHS[0] in doc.text


def test_a_wire_photo_caption_goes_and_dates_the_story():
    caption = ("Mayor Dana Whitfield speaks at City Hall in Riverbend, Ore., Monday, June 5, 2023."
               " (AP Photo/Corin Ash)")
    doc = clean(HEADER + caption + "\n" + BODY + FOOTER)
    assert "AP Photo" not in doc.text and "speaks at City Hall" not in doc.text
    assert doc.published == "2023-06-05"


COOKIE_ARTICLE = (
    "Brussels tightens the rules on cookie banners\n\n"
    "BRUSSELS — Websites must let visitors refuse cookies as easily as they agree to them,"
    " the European Commission said on Tuesday, in a ruling that could change how millions of"
    " pages ask for consent. \"We will not accept dark patterns,\" the commissioner told"
    " reporters, adding that regulators would check the largest sites first.\n"
)


@pytest.mark.parametrize("page", [
    COOKIE_ARTICLE,  # a news text: its last paragraph is no closing footer
    COOKIE_ARTICLE.split("\n\n", 1)[1],  # one paragraph alone
    HEADER + COOKIE_ARTICLE + FOOTER,  # a web page around it
])
def test_an_article_paragraph_about_cookies_is_prose_not_a_banner(page):
    doc = clean(page)
    assert "Websites must let visitors refuse cookies" in doc.text
    assert "regulators would check the largest sites first." in doc.text
    assert all("cookies" not in entry["text"] for entry in doc.removed)


@pytest.mark.parametrize("banner", [
    "We use cookies to ensure that we give you the best experience on our website. If you"
    " continue to use this site we will assume that you agree to it.",
    "This website uses cookies and other technology to enhance quality of service. Continuous"
    " usage of the website will be considered as giving consent to the use of cookies.",
    "Copyright 2023 Nexstar Media Inc. All rights reserved. This material may not be"
    " published, broadcast, rewritten, or redistributed.",
])
def test_a_real_banner_or_rights_line_still_goes(banner):
    doc = clean(COOKIE_ARTICLE + "\n" + banner + "\n")
    assert banner not in doc.text and "footer" in removed_kinds(doc).values()
    assert "Websites must let visitors refuse cookies" in doc.text


ARTICLE_TOP = """Valley Courier
Home
News
Sport

Library opens new reading room for the town's students

VALLEY CITY — The town library opened a reading room for students on Monday, with long \
tables, quiet booths and shelves of donated textbooks, the librarian said.

The room fills an old storage hall that had been closed since the flood two winters ago.

"Students told us they had nowhere quiet to work after school," said Ines Morrow, who \
runs the library.
"""

SHARE_AND_COMMENTS = """
Share this:
Facebook
Twitter
Email
Print
WhatsApp
Reddit
Leave a Reply
Tom Baker
What a great idea, my kids will use it every day after school and on most weekends too.
Lena Ruiz
I hope they keep it open late during exam weeks, because the cafe closes far too early.
Sam Ode
The old hall was a mess for years and it is good to finally see it used for something.
"""

GALLERY = """
Library in pictures
Show all 6
Morning
Volunteers
Shelves
Booths
Reading
Evening

The library plans to open the room on Sundays from next month, once more volunteers have \
signed up to staff it.

Morrow said the town council had promised money for new lamps and a second printer.

A small exhibition about the flood will hang in the hall's entrance until the summer.
"""


def test_comments_below_a_share_bar_go():
    doc = clean(ARTICLE_TOP + SHARE_AND_COMMENTS)
    assert "nowhere quiet to work" in doc.text
    for comment in ("my kids will use it", "exam weeks", "Lena Ruiz"):
        assert comment not in doc.text


def test_an_article_going_on_after_a_gallery_block_stays():
    doc = clean(ARTICLE_TOP + GALLERY)
    for paragraph in ("nowhere quiet to work", "open the room on Sundays", "second printer",
                      "exhibition about the flood"):
        assert paragraph in doc.text
