"""The language and PLOVER bundles: one data file each, read by every stage and page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from dateline.events.ontology import ontology
from dateline.language import english
from dateline.web.app import create_app


def test_the_english_bundle_holds_each_set_once():
    lang = english()
    assert lang.subjects == {"nsubj", "nsubjpass"}
    assert lang.pronoun_gender["she"] == "f" and lang.pronoun_gender["his"] == "m"
    assert {"will", "’ll"} <= lang.future_auxiliaries
    assert "it" in lang.group_pronouns and "it" not in lang.person_pronouns


def test_every_plover_category_has_its_own_colour():
    plover = ontology()
    colours = {plover.colour(c) for c in plover.categories}
    assert len(colours) == len(plover.categories) == 16
    assert plover.colour("NOT-A-TYPE") == plover.colours["other"] not in colours


def test_pages_take_the_category_colours_from_the_ontology(tmp_path):
    with TestClient(create_app(str(tmp_path / "c.db"))) as client:
        css = client.get("/plover.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        assert f".t-ACCUSE {{ border-color: {ontology().colour('ACCUSE')}; }}" in css.text
        assert css.text.count(".t-") == 16
        assert '<link rel="stylesheet" href="/plover.css">' in client.get("/").text
