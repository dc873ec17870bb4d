"""The English language bundle: word and label sets shared by the stages, from one data
file (data/language/english.yaml), so that no two modules keep diverging copies."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dateline.resources import load_yaml


@dataclass(frozen=True)
class Language:
    pronoun_gender: dict[str, str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    self_pronouns: frozenset[str]
    third_person: frozenset[str]
    referring_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    possessive_endings: frozenset[str]
    future_auxiliaries: frozenset[str]
    condition_markers: frozenset[str]
    subject_adjectives: frozenset[str]
    subjects: frozenset[str]
    setting_prepositions: frozenset[str]
    stance_nouns: frozenset[str]
    named_labels: frozenset[str]
    actor_labels: frozenset[str]


@lru_cache(maxsize=1)
def english() -> Language:
    data = load_yaml("language", "english.yaml")
    pronouns = data["pronouns"]
    return Language(
        pronoun_gender=dict(pronouns["gender"]),
        person_pronouns=frozenset(pronouns["person"]),
        group_pronouns=frozenset(pronouns["group"]),
        self_pronouns=frozenset(pronouns["self"]),
        third_person=frozenset(pronouns["third_person"]),
        referring_pronouns=frozenset(pronouns["referring"]),
        possessive_pronouns=frozenset(pronouns["possessive"]),
        possessive_endings=frozenset(data["possessive_endings"]),
        future_auxiliaries=frozenset(data["future_auxiliaries"]),
        condition_markers=frozenset(data["condition_markers"]),
        subject_adjectives=frozenset(data["subject_adjectives"]),
        subjects=frozenset(data["subjects"]),
        setting_prepositions=frozenset(data["setting_prepositions"]),
        stance_nouns=frozenset(data["stance_nouns"]),
        named_labels=frozenset(data["named_labels"]),
        actor_labels=frozenset(data["actor_labels"]),
    )


ENGLISH = english()
