"""The issue's acceptance events on the two real seed articles."""

from __future__ import annotations


def pair(event):
    return event["source"]["country"], (event["target"] or {}).get("country")


def test_seed_000_blinken_and_wang(run, seed_text):
    path, text = seed_text("000")
    doc = run(text, source=path, published="2022-07-09")
    consult = [e for e in doc.events if e["type"] == "CONSULT" and pair(e) == ("USA", "CHN")]
    # the talks are told undated far below the lede: the publication year (events/dates.py)
    assert any(e["date"] == "2022" and e["place"] == "Nusa Dua" for e in consult)
    accuse = [e for e in doc.events if e["type"] == "ACCUSE" and pair(e) == ("CHN", "USA")]
    assert any(e["trigger"]["text"] == "blamed" for e in accuse)
    request = [e for e in doc.events if e["type"] == "REQUEST" and pair(e) == ("CHN", "USA")]
    assert any(e["trigger"]["text"] == "called" for e in request)


def test_seed_004_xi_meeting_threat_and_chips(run, seed_text):
    path, text = seed_text("004")
    doc = run(text, source=path)
    consult = [e for e in doc.events if e["type"] == "CONSULT" and pair(e) == ("USA", "CHN")]
    assert any(e["date"] == "2024-04-26" and e["place"] == "Beijing" for e in consult)
    threat = [e for e in doc.events if e["type"] == "THREATEN" and pair(e) == ("USA", "CHN")]
    # one warning told twice is one event; the conditional is among its mentions
    assert any(m["text"].startswith("If China") for e in threat for m in e["mentions"])
    chips = [e for e in doc.events
             if e["type"] in ("SANCTION", "COERCE") and pair(e) == ("USA", "CHN")]
    assert any(e["trigger"]["text"] == "denied" for e in chips)
