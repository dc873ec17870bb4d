"""The dateline that opens a wire story: "NUSA DUA, Indonesia —", "Washington (AFP) –".

Hand-written: a dateline is a print convention, not a named entity; spaCy has not run yet here.
"""

from __future__ import annotations

import re
from functools import cache

from dateline.actors.countries import country_code
from dateline.clean.lines import Line
from dateline.clean.metadata import MONTH, outlets
from dateline.model import Place
from dateline.resources import load_yaml

DASH = r"\s*(?:[—–_]|--?)\s*"  # older wire copy writes "WASHINGTON _ "
CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
NAME_PLACE = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
REGION = r"(?:,\s*(?P<region>[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3}))?"
DAY = rf"(?:,?\s*{MONTH} \d{{1,2}})?"  # "LONDON, March 3 (Reuters) -"
LOOKAHEAD = 8  # the dateline opens one of the first kept lines, after captions and credits


@cache
def patterns() -> tuple[re.Pattern[str], ...]:
    """All-caps city with an optional agency; any city with an agency; CoNLL's "CITY 1996-08-30"."""
    agencies = "|".join(re.escape(a) for a in outlets()["agencies"])
    agency = rf"(?:\s*\((?P<agency>{agencies})\))"
    return (
        re.compile(rf"^(?P<city>{CAPS_PLACE}){REGION}{DAY}{agency}?{DASH}(?=\S)"),
        re.compile(rf"^(?P<city>{NAME_PLACE}){REGION}{DAY}{agency}{DASH}(?=\S)"),
        re.compile(rf"^(?P<city>{CAPS_PLACE}){REGION} (?P<date>(?:19|20)\d\d-\d\d-\d\d)$"),
    )


def find_dateline(lines: list[Line], kinds: dict[int, str], title: int | None) -> re.Match | None:
    """The dateline match at the start of one of the first kept lines. A story may have no
    headline; its first line opens with a dateline only if that names a region or an agency
    ("SOCCER - RESULTS ." is a headline, "MOSCOW (AP)_ The mayor..." a dateline)."""
    kept = [line for line in lines if line.index not in kinds]
    for line in kept[:LOOKAHEAD]:
        for pattern in patterns():
            match = pattern.match(line.text)
            if not match or len(match["city"]) < 3 or organisation_lead(match):
                continue
            if line.index != title or qualified(match):
                return match
    return None


def qualified(match: re.Match) -> bool:
    groups = match.groupdict()
    return bool(groups.get("region") or groups.get("agency"))


def organisation_lead(match: re.Match) -> bool:
    """ "NATO — the alliance said": a bare capitalised lead that names an organisation."""
    if qualified(match) or match.groupdict().get("date"):
        return False
    code = country_code(match["city"])
    return code is not None and not is_country(code)


def is_country(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code.isupper()


@cache
def known_places() -> dict[str, str]:
    """Cities, states and provinces (casefolded) -> ISO3, from data/clean/places.yaml."""
    table = load_yaml("clean", "places.yaml")
    return {place.casefold(): code for code, places in table.items() for place in places}


def place_country(name: str) -> str | None:
    """The state a dateline place belongs to: a country, capital, city or region."""
    code = country_code(name)
    if code and is_country(code):
        return code
    return known_places().get(name.strip().casefold())


def place_of(match: re.Match) -> Place:
    """{"name": "Nusa Dua", "country": "IDN"} from a dateline match."""
    city = match["city"].strip(" .")
    name = city.title() if city.isupper() else city
    region = match["region"]
    country = (place_country(region) if region else None) or place_country(name)
    return {"name": name, "country": country}


def agency_outlet(match: re.Match | None) -> str | None:
    """The outlet a dateline's agency stands for: "(AP)" -> "Associated Press"."""
    if match is None or not match.groupdict().get("agency"):
        return None
    return outlets()["agencies"][match["agency"]]
