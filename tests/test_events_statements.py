"""Verbal events read from what a statement says (events/statements.py).

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations


def coded(doc, category):
    return [e for e in doc.events if e["type"] == category]


def test_a_plain_said_whose_content_condemns_a_named_actor_is_an_accusation(run):
    doc = run('"Senator Jane Miller is a dangerous liar," Governor Tom Baker said on Monday.',
              published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Baker" in event["source"]["text"] and "Miller" in event["target"]["text"]
    assert event["date"] == "2016-10-03"
    ids = {a["id"] for a in doc.actors}
    assert {event["source"]["actor"], event["target"]["actor"]} <= ids


def test_an_evaluation_shows_the_word_it_turns_on_as_its_trigger(run):
    # "is" tells a reader nothing; "liar" is why this is an accusation, "honest" a praise
    doc = run('"Senator Jane Miller is a dangerous liar," Governor Tom Baker said on Monday. '
              'Baker said Mayor Ann Lee is a wonderful, honest leader.', published="2016-10-05")
    [accused] = coded(doc, "ACCUSE")
    [praised] = coded(doc, "SUPPORT")
    assert accused["trigger"]["text"] in ("liar", "dangerous")
    assert praised["trigger"]["text"] in ("wonderful", "honest")
    assert accused["mentions"] == [accused["trigger"]]


def test_a_neutral_statement_about_an_actor_is_no_event(run):
    doc = run('"Senator Jane Miller is visiting Ohio on Tuesday," Governor Tom Baker said.',
              published="2016-10-05")
    assert not coded(doc, "ACCUSE") and not coded(doc, "SUPPORT")


def test_praise_of_a_named_actor_is_support(run):
    doc = run('Governor Tom Baker said Senator Jane Miller is a wonderful, honest leader.',
              published="2016-10-05")
    [event] = coded(doc, "SUPPORT")
    assert "Miller" in event["target"]["text"]


def test_a_negated_praise_is_an_accusation_not_support(run):
    doc = run('Governor Tom Baker said Senator Jane Miller is not honest and not fit to lead.',
              published="2016-10-05")
    assert coded(doc, "ACCUSE") and not coded(doc, "SUPPORT")


def test_a_statement_about_the_speaker_himself_codes_nothing(run):
    doc = run('"I am a terrible dancer," Governor Tom Baker said.', published="2016-10-05")
    assert not coded(doc, "ACCUSE")
    other = run('"Jane Miller is a terrible leader," Governor Tom Baker said.',
                published="2016-10-05")
    assert coded(other, "ACCUSE")


def test_a_belief_or_a_question_is_no_statement_event(run):
    doc = run("Governor Tom Baker wondered whether Senator Jane Miller is a liar?",
              published="2016-10-05")
    assert not coded(doc, "ACCUSE")
    said = run("Governor Tom Baker said Senator Jane Miller is a liar.", published="2016-10-05")
    assert coded(said, "ACCUSE")


def test_the_speakers_own_verdict_on_an_object_names_its_target(run):
    doc = run('"We will never trust Senator Jane Miller," Governor Tom Baker said.',
              published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Miller" in event["target"]["text"] and "Baker" in event["source"]["text"]


def test_a_mildly_negative_clause_about_its_subject_is_an_accusation(run):
    doc = run("Governor Tom Baker also noted that Senator Jane Miller has mocked a veteran.",
              published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Miller" in event["target"]["text"]


def test_a_mildly_negative_statement_not_about_its_subject_names_no_target(run):
    # the whole-statement reading needs a strong evaluation: Miller is named, not accused
    doc = run('"The new rules are not helping families, and Senator Jane Miller knows it," '
              'Governor Tom Baker said.', published="2016-10-05")
    assert not coded(doc, "ACCUSE")


def test_a_speakers_own_country_is_their_side_not_the_target(run):
    doc = run('"The United States is proud of its brave and wonderful soldiers," Secretary of '
              'State Tom Baker of the U.S. said.', published="2016-10-05")
    assert not [e for e in doc.events if (e["target"] or {}).get("actor") == "united-states"]
    other = run("Governor Tom Baker of Ohio said Russia is a dangerous, lying regime.",
                published="2016-10-05")
    assert coded(other, "ACCUSE")[0]["target"]["country"] == "RUS"


def test_a_thing_that_should_happen_is_no_demand_on_its_owner(run):
    doc = run("Governor Tom Baker said Senator Jane Miller's speech should boost turnout.",
              published="2016-10-05")
    assert not coded(doc, "REQUEST")
    agent = run("Governor Tom Baker said Senator Jane Miller should boost turnout.",
                published="2016-10-05")
    assert coded(agent, "REQUEST")


def test_a_statements_pronoun_subject_is_its_resolved_speaker(run):
    doc = run("Norway issued a statement on Friday. It noted that they had said they would take "
              "further measures if Finland held another test.", published="2016-10-05")
    event = coded(doc, "THREATEN")[0]
    assert (event["source"]["country"], event["target"]["country"]) == ("NOR", "FIN")


def test_a_pronoun_deeper_in_a_statement_is_not_its_speaker(run):
    # the quotes stage may read "she attacked" as a statement; "she" is not Baker
    doc = run('Governor Tom Baker described Senator Jane Miller as a "disgrace" after she '
              'attacked police officers nationwide.', published="2016-10-05")
    assert not [e for e in doc.events if e["source"]["actor"] == "tom-baker"
                and e["type"] == "ASSAULT"]


def test_the_pronoun_of_an_indirect_question_is_not_the_askers(run):
    asked = run("Norway asked Finland on Friday why they would take further measures if Sweden "
                "held another test.", published="2016-10-05")
    assert not [e for e in asked.events if e["source"]["country"] == "NOR"
                and e["type"] == "THREATEN"]
    said = run("Norway said on Friday that they would take further measures if Sweden held "
               "another test.", published="2016-10-05")
    assert coded(said, "THREATEN")[0]["source"]["country"] == "NOR"


def test_what_the_speaker_wants_another_to_do_is_a_demand(run):
    wants = run('"We want Bolivia to stop its border raids," the Chilean foreign minister said.',
                published="2016-10-05")
    event = coded(wants, "REQUEST")[0]
    assert (event["source"]["country"], event["target"]["country"]) == ("CHL", "BOL")
    counts = run('"I count on Bolivia to remain calm," the Chilean foreign minister said.',
                 published="2016-10-05")
    assert coded(counts, "REQUEST")[0]["target"]["country"] == "BOL"


def test_a_belief_about_another_or_help_given_is_no_demand(run):
    expects = run('"I expect Bolivia to do better next year," the Chilean foreign minister said.',
                  published="2016-10-05")
    assert not coded(expects, "REQUEST")
    helped = run('"We helped Bolivia to rebuild its roads," the Chilean foreign minister said.',
                 published="2016-10-05")
    assert not coded(helped, "REQUEST")


def test_a_neutral_verb_of_saying_evaluates_by_the_complement_it_gives_its_object(run):
    # "characterize" has no valence of its own: "as reckless" makes it an accusation
    doc = run("Governor Tom Baker characterized Senator Jane Miller as reckless on Monday.",
              published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Baker" in event["source"]["text"] and "Miller" in event["target"]["text"]
    praised = run("Governor Tom Baker described Senator Jane Miller as an honest and brave leader.",
                  published="2016-10-05")
    assert coded(praised, "SUPPORT")


def test_a_complement_that_only_describes_is_no_evaluation(run):
    doc = run("Governor Tom Baker described Senator Jane Miller as a lawyer from Ohio.",
              published="2016-10-05")
    assert not coded(doc, "ACCUSE") and not coded(doc, "SUPPORT")


def test_a_he_in_a_direct_quotation_is_the_person_the_speaker_talks_about(run):
    # the sentence before names two people: the speaker cannot be "he" in his own quotation
    doc = run('Governor Tom Baker spoke about Senator John Miller on Monday. "He is a dishonest '
              'and dangerous man," Baker said.', published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert event["source"]["actor"] == "tom-baker" and event["target"]["actor"] == "john-miller"


def test_a_he_in_reported_speech_or_with_no_one_else_named_is_not_a_target(run):
    # reported speech: "he" is mostly the speaker himself, who is no target of his own words
    said = run("Governor Tom Baker said on Monday that he is a terrible dancer.",
               published="2016-10-05")
    assert not coded(said, "ACCUSE")
    # nobody but the speaker is named: "he" is someone unknown
    alone = run('Governor Tom Baker spoke on Monday. "He is a dishonest and dangerous man," '
                'Baker said.', published="2016-10-05")
    assert not coded(alone, "ACCUSE")


def test_a_clause_a_noun_states_is_read_like_a_reported_clause(run):
    doc = run('"There is no doubt that Senator Jane Miller is a dangerous liar," Governor Tom '
              'Baker said.', published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Miller" in event["target"]["text"]


def test_a_relative_clause_of_a_noun_is_not_what_the_speaker_states(run):
    # "who is a dangerous liar" says what the man is; "that" as a pronoun opens no statement
    doc = run('"The man that Senator Jane Miller hired is a dangerous liar," Governor Tom Baker '
              'said.', published="2016-10-05")
    assert not [e for e in coded(doc, "ACCUSE")
                if (e["target"] or {}).get("actor") == "jane-miller"]


def test_a_clause_reported_deep_inside_a_statement_is_read(run):
    doc = run('"I think it shows how desperate Senator Jane Miller is," Governor Tom Baker said.',
              published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Miller" in event["target"]["text"]


def test_the_speakers_own_attitude_names_whom_it_is_about(run):
    # "fan" is one mild word of praise; "of Jane Miller" says whom it is about
    doc = run('"I am a big fan of Senator Jane Miller," Governor Tom Baker said.',
              published="2016-10-05")
    [event] = coded(doc, "SUPPORT")
    assert "Miller" in event["target"]["text"]
    since = run('"I have been a supporter of Senator Jane Miller since the beginning," Governor '
                'Tom Baker said.', published="2016-10-05")
    assert coded(since, "SUPPORT")


def test_a_mildly_positive_act_of_the_speaker_is_no_praise(run):
    # not what the speaker is towards Miller but what they do with her: one mild word is a fact
    doc = run('"We are working with Senator Jane Miller to help farmers," Governor Tom Baker '
              'said.', published="2016-10-05")
    assert not coded(doc, "SUPPORT")


def test_the_words_of_a_name_evaluate_nobody(run):
    # VADER reads "United" and "Justice" as praise; they are parts of names here
    doc = run('Secretary of State Tom Baker said the United States would work with Mexico to '
              'take robust steps.', published="2016-10-05")
    assert not coded(doc, "SUPPORT")


def test_a_clausal_subject_names_whom_the_statement_is_about(run):
    doc = run('"What Senator Jane Miller is doing is playing on the fears and anxieties of '
              'voters," Governor Tom Baker said.', published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert event["target"]["actor"] == "jane-miller"


def test_a_preposition_spelt_like_a_word_of_praise_praises_nobody(run):
    # VADER lists "like" as liking; here it is a preposition
    doc = run("Governor Tom Baker said his successor should promote past victories, including "
              "those of Republicans like Senator Jane Miller.", published="2016-10-05")
    assert not coded(doc, "SUPPORT")


def test_a_word_for_a_kind_of_actor_or_a_lone_no_evaluates_nobody(run):
    party = run('"If Tom Baker had become governor of Vermont, you can almost be assured that the'
                ' entire party organization would have lined up behind Ann Lee this time," Jim'
                ' Murray said.')
    assert "SUPPORT" not in [e["type"] for e in party.events]  # VADER's "party" is a feast
    plans = run("Ann Lee said on Monday that Tom Baker has no plans to meet the governor.")
    assert "ACCUSE" not in [e["type"] for e in plans.events]
    respect = run("Ann Lee said on Monday that Tom Baker has no respect for voters.")
    assert [(e["type"], e["target"]["actor"]) for e in respect.events] == [("ACCUSE", "tom-baker")]


def test_a_dummy_it_is_nobody(run):
    doc = run("The Peruvian Institute published its report on Monday.\n\nIt is easy to"
              " criticize Chile for the length of its campaigns and the complexity of its system.")
    assert "ACCUSE" not in [e["type"] for e in doc.events]
    named = run("The Peruvian Institute published its report on Monday.\n\nIt criticized Chile"
                " for the length of its campaigns on Monday.")
    assert [e["source"]["text"] for e in named.events if e["type"] == "ACCUSE"] == ["It"]


def test_a_statement_as_a_whole_is_about_a_named_person_not_the_name_qualifying_them(run):
    # the whole-statement reading takes the first actor named, but "ZNN's" only says whose
    doc = run("Governor Tom Baker said Monday that he was treated unfairly. He cited the "
              "scathing criticism of ZNN's Jane Miller, who was blamed for her questions.",
              published="2016-10-05")
    [accused] = coded(doc, "ACCUSE")
    assert accused["target"]["text"] == "Jane Miller"
    doc = run("Governor Tom Baker said Monday that he was treated unfairly. He cited the "
              "scathing criticism of ZNN host Jane Miller, who was blamed for her questions.",
              published="2016-10-05")
    [accused] = coded(doc, "ACCUSE")
    assert accused["target"]["text"] == "Jane Miller"
    from dateline.events.resolve import Resolver

    doc = run("ZNN's reporters and ZNN's Jane Miller were blamed for their questions.")
    resolver = Resolver(doc)
    qualifying = [resolver.qualifies(m) for m in doc.mentions if m["text"] == "ZNN"]
    assert qualifying == [False, True]  # the reporters are no one named; Jane Miller is


def test_a_place_where_things_happen_is_no_one_a_word_is_said_of(run):
    from dateline.events.resolve import Resolver
    from dateline.events.statements import linked

    def said_of(text, name):
        doc = run(text, published="2016-10-05")
        resolver = Resolver(doc)
        [quote] = [q for q in doc.quotes if q["kind"] == "direct"]
        word = next(t for t in resolver.sdoc if t.lower_ == "terrible")
        named = {a["text"]: a for a in resolver.addressees(quote, resolver.speaker(quote))}
        return linked(word, named[name], resolver.sdoc)

    assert said_of('"Peru\'s terrible riots shocked everyone," Senator Tom Baker said.', "Peru")
    assert not said_of('"The terrible riots near Peru shocked everyone," Senator Tom Baker '
                       'said.', "Peru")  # where they happened (english.yaml setting_prepositions)
def test_a_whole_statement_evaluates_only_an_actor_its_word_is_said_of(run):
    # (a strong accusation falls on the first person it names: see the next test)
    # "terrible" is said of the floods; Canada is only named near them
    doc = run('"The terrible and deadly floods reached the farms near the border of Canada," '
              'Governor Tom Baker said.', published="2016-10-05")
    assert not coded(doc, "ACCUSE")
    said_of = run('"There were only vicious insults from Senator Jane Miller," Governor Tom '
                  'Baker said.', published="2016-10-05")
    assert [e["target"]["actor"] for e in coded(said_of, "ACCUSE")] == ["jane-miller"]


def test_a_strong_accusation_falls_on_the_first_person_it_names(run):
    doc = run('"The terrible and deadly lies keep coming, and Senator Jane Miller is around,"'
              ' Governor Tom Baker said.', published="2016-10-05")
    assert [e["target"]["actor"] for e in coded(doc, "ACCUSE")] == ["jane-miller"]


def test_a_word_in_a_condition_of_a_statement_evaluates_nobody(run):
    doc = run('"If Senator Jane Miller turns out a terrible disaster, voters will look '
              'elsewhere," Governor Tom Baker said.', published="2016-10-05")
    assert not coded(doc, "ACCUSE")


def test_a_relative_clause_inside_the_clause_describes_someone_else(run):
    # the hardship is the voters', not the Senate's doing
    doc = run("Governor Tom Baker said the Senate was the only hope for voters who face "
              "terrible hardship and cruel losses.", published="2016-10-05")
    assert not coded(doc, "ACCUSE")
    person = run("Governor Tom Baker said Senator Jane Miller is a person who is dishonest "
                 "and cruel.", published="2016-10-05")
    assert [e["target"]["actor"] for e in coded(person, "ACCUSE")] == ["jane-miller"]


def test_good_news_about_an_actor_is_no_praise_a_predicative_word_is(run):
    won = run("Governor Tom Baker said Senator Jane Miller will easily win and triumph.",
              published="2016-10-05")
    assert not coded(won, "SUPPORT")
    job = run("Governor Tom Baker said Senator Jane Miller did a great and wonderful job for "
              "the state.", published="2016-10-05")
    assert [e["target"]["actor"] for e in coded(job, "SUPPORT")] == ["jane-miller"]


def test_the_bare_infinitive_of_a_causative_asks_nothing(run):
    doc = run("Governor Tom Baker says Senator Jane Miller let Mayor Ann Lee win the primary.",
              published="2016-10-05")
    assert not coded(doc, "REQUEST")
    insisted = run("Governor Tom Baker insisted that Senator Jane Miller apologize to the "
                   "voters.", published="2016-10-05")
    assert coded(insisted, "REQUEST")


def test_a_word_deep_down_a_clause_describes_something_else_than_its_subject(run):
    doc = run('"Senator Jane Miller did a great job representing her state at a time of '
              'terrible tragedy in Ohio," Governor Tom Baker said.', published="2016-10-05")
    assert not coded(doc, "ACCUSE")
    assert [e["target"]["actor"] for e in coded(doc, "SUPPORT")] == ["jane-miller"]
    near = run('"Senator Jane Miller did a terrible job in Ohio," Governor Tom Baker said.',
               published="2016-10-05")
    assert coded(near, "ACCUSE")


def test_what_a_speaker_says_an_actor_needs_to_do_is_a_demand(run):
    doc = run("Governor Tom Baker said Senator Jane Miller needs to apologize to the voters.",
              published="2016-10-05")
    assert [e["target"]["actor"] for e in coded(doc, "REQUEST")] == ["jane-miller"]
    has = run("Governor Tom Baker said Senator Jane Miller has a plan for the voters.",
              published="2016-10-05")
    assert not coded(has, "REQUEST")
