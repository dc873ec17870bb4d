"""The PLOVER ontology and trigger lexicon data files load, are consistent and match on parses."""

from __future__ import annotations

from dateline.events.lexicon import Lexicon
from dateline.events.ontology import ontology
from dateline.resources import load_yaml

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_ontology_has_the_sixteen_categories_with_scores_and_cameo_roots():
    onto = ontology()
    assert set(onto.categories) == PLOVER
    for name in PLOVER:
        assert -10 <= onto.intensity(name, None) <= 10
        assert onto.cameo(name, None).isdigit()
    assert onto.intensity("CONSULT", "visit") == 4.0
    assert onto.intensity("ASSAULT", None) < onto.intensity("ACCUSE", None) < 0
    assert onto.intensity("CONSULT", "no-such-mode") == onto.intensity("CONSULT", None)
    assert onto.cooperative("AID") and not onto.cooperative("THREATEN")


def test_every_category_has_triggers_and_quoted_particles():
    data = load_yaml("events", "triggers.yaml")
    assert set(data) == PLOVER
    for entries in data.values():
        for entry in entries:
            assert all(isinstance(w, str) for w in entry.get("with", [])), entry


def test_lexicon_matches_lemmas_and_companions_on_the_parse(pipeline):
    from dateline.nlp import load

    nlp = load()
    lex = Lexicon()
    doc = nlp("Chile called on Peru to act, then called the embassy and accuses Bolivia.")
    first, second = [t for t in doc if t.text == "called"]
    assert lex.match(first).category == "REQUEST"  # "called on": the companion word is there
    assert lex.hand(second) is None  # "called the embassy": no companion word by hand
    assert lex.match(second).mode == "phone"  # CAMEO's default for "call": a phone call
    accuses = next(t for t in doc if t.text == "accuses")
    assert lex.match(accuses).category == "ACCUSE"  # inflected form, matched on the lemma
    assert lex.match(doc[0]) is None


def test_every_executive_seat_is_a_metonym_and_its_holder_a_title():
    from dateline.actors.countries import lookup
    from dateline.actors.titles import load_titles

    roles = {t.role for t in load_titles().values()}
    for seat, title in load_yaml("events", "seats.yaml")["seats"].items():
        place = lookup(seat)
        assert place is not None and place.kind == "metonym", seat
        assert title in roles, title
