"""The learned line model: the shipped weights fit the code's features and read lines sensibly."""

from __future__ import annotations

from dateline.clean.features import FEATURES, features
from dateline.clean.furniture import DOUBT
from dateline.clean.lines import split_lines
from dateline.clean.model import line_model
from dateline.clean.vocabulary import vocabulary

PAGE = """Council approves new budget
The city council approved a budget on Tuesday that raises spending on schools and roads, \
after a debate that lasted most of the night.
"We had to make hard choices," the mayor told reporters after the vote.
Most Read
Ferry Service To End Next Month
County Fair Returns With New Rides
Police Name Suspect In Store Robbery
Weekend Weather Looks Sunny
"""


def test_the_shipped_model_has_one_weight_per_feature():
    model = line_model()
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)


def test_related_headlines_are_doubted_and_article_sentences_are_not():
    lines = split_lines(PAGE)
    keep = line_model().keep(features(lines, vocabulary(), (1, 2)))
    assert min(keep[1], keep[2]) >= DOUBT
    assert max(keep[4:]) < DOUBT
