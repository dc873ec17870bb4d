"""A judging verbal act whose object is an act told earlier in the document (acts.py): its
recipient is that act's actor, or none, never a name standing around the object."""

from __future__ import annotations

from conftest import only_event


def test_condemned_act_takes_the_actor_of_the_earlier_act_not_the_statement_office(run):
    doc = run("North Korea carried out a missile test on Friday. In a White House statement, "
              "President Anna Falk condemned Friday's test as reckless.",
              published="2026-03-02")
    event = only_event(doc, "ACCUSE")
    assert event["target"] and event["target"]["country"] == "PRK"


def test_the_word_family_links_the_noun_to_the_earlier_verb(run):
    doc = run("Russian troops invaded Ukraine in February. Chile condemned the invasion.",
              published="2026-03-02")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["country"] == "CHL" and event["target"]["country"] == "RUS"
    # the judged noun is no invasion by Chile
    assert not any(e["type"] == "ASSAULT" and e["source"]["country"] == "CHL"
                   for e in doc.events)


def test_the_earlier_act_must_share_the_recipient_the_noun_names(run):
    doc = run("Bolivia attacked Peru on Friday. Chile attacked a Bolivian convoy on Saturday. "
              "Brazil denounced the attack on Peru.", published="2026-03-02")
    event = next(e for e in doc.events if e["source"]["country"] == "BRA")
    assert event["type"] == "ACCUSE" and event["target"]["country"] == "BOL"


def test_an_untold_act_gives_no_recipient_rather_than_a_name_inside_it(run):
    doc = run("North Korea carried out a missile test on Friday. President Anna Falk "
              "condemned what he called a brazen breach of U.N. resolutions.",
              published="2026-03-02")
    assert only_event(doc, "ACCUSE")["target"] is None
    doc = run("Chile denounced the attack on Peru.", published="2026-03-02")
    assert only_event(doc, "ACCUSE")["target"] is None


def test_an_owned_act_keeps_its_own_actor(run):
    doc = run("Peru launched an attack on the border town. Chile denounced Bolivia's attack.",
              published="2026-03-02")
    event = next(e for e in doc.events if e["type"] == "ACCUSE")
    assert event["target"]["country"] == "BOL"
    doc = run("Peru launched an attack on the border town. Chile denounced the attack by "
              "Bolivian troops.", published="2026-03-02")
    event = next(e for e in doc.events if e["type"] == "ACCUSE")
    assert event["target"]["country"] == "BOL"


def test_the_judge_s_own_earlier_act_is_not_its_recipient(run):
    doc = run("Chile tested a ballistic missile on Friday. The Chilean president praised the "
              "test on Saturday.", published="2026-03-02")
    assert all(e["target"] is None or e["target"]["country"] != "CHL"
               for e in doc.events if e["type"] == "SUPPORT")


def test_a_known_leader_praising_his_country_s_act_is_not_its_recipient(run):
    run("President Tomas Oyarzun of Chile met Peru's president on Monday.", source="a.txt",
        published="2026-03-01")  # the knowledge base now knows who "the Chilean president" is
    doc = run("Chile tested a ballistic missile on Friday. The Chilean president praised the "
              "test on Saturday.", source="b.txt", published="2026-03-02")
    praise = [e for e in doc.events if e["type"] == "SUPPORT"]
    assert praise and praise[0]["source"]["country"] == "CHL"
    assert all(e["target"] is None for e in praise)


def test_a_verb_that_says_nothing_does_not_judge_its_object(run):
    doc = run("Peruvian unions organized a general strike in Lima on Monday.",
              published="2026-03-02")
    assert only_event(doc, "PROTEST")["source"]["country"] == "PER"



def test_a_cameo_verb_lemma_names_an_act_only_in_the_singular(run):
    from dateline.events.acts import event_noun
    from dateline.events.lexicon import Lexicon

    lexicon = Lexicon()
    doc = run("Chile condemned a breach of the truce and berated the palace guards.",
              published="2026-03-02").spacy
    nouns = {t.lower_: t for t in doc if t.pos_ == "NOUN"}
    assert event_noun(nouns["breach"], lexicon)  # a CAMEO verb's lemma: an act
    assert not event_noun(nouns["guards"], lexicon)  # people, though "guard" is a verb
