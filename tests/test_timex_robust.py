"""The stage never fails and never writes a bad offset, whatever the text or the DCT."""

from __future__ import annotations

import pytest

from dateline.model import Document
from dateline.timex import TimexStage

TEXTS = [
    "",
    "At 5 p.m. EST Feb. 30 the vote closed; on Feb. 29 it opened.",
    "Friday's meeting, two days later, the year two thousand, the 1990s, 'the '90s'.",
    "every other week, each July, the past several months, a day after. late last year.",
    "12/31/99 and 2021-13-40 and Christmas 2020 and Thanksgiving and the 21st century",
]


@pytest.mark.parametrize("published", [None, "2022", "2022-07", "2022-07-09", "2022-02-30"])
def test_stage_is_total_without_a_parse(published):
    stage = TimexStage()
    for text in TEXTS:
        doc = Document(id="t", source="t", raw=text, text=text, published=published)
        stage([doc])
        for t in doc.timexes:
            assert text[t["start"]:t["end"]] == t["text"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["value"]


def test_dct_known_to_the_month_masks_the_day():
    text = "Officials met yesterday and will meet again next month."
    doc = Document(id="t", source="t", raw=text, text=text, published="2022-07")
    TimexStage()([doc])
    found = {t["text"]: t["value"] for t in doc.timexes}
    assert found["yesterday"] == "2022-07-XX"
    assert found["next month"] == "2022-08"
