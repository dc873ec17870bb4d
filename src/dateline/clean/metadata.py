"""Article metadata from the container and the page: title, outlet and published date."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

from dateutil import parser as dateparser

from dateline.clean.lines import Line
from dateline.io.readers import source_name
from dateline.resources import load_yaml

SITE_SUFFIX = re.compile(r"\s(?:[|–—-]|::)\s(?P<site>[^|–—]+)$")
COLON_SUFFIX = re.compile(r":\s(?P<site>[A-Z][A-Za-z.&]*(?: [A-Z][A-Za-z.&]*){0,2})$")
COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?"
    r"(?:,?\s+(?:by\s+)?(?P<owner>[A-Z][\w.&'’ ]{0,40}?))?\s*(?:[.,;\]|]|all rights|$)",
    re.IGNORECASE,
)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
FULL_DATE = re.compile(
    rf"\b(?:{MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d\d|\d{{1,2}} {MONTH},? (?:19|20)\d\d"
    r"|(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
)
YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
MONTH_OR_YEAR = re.compile(rf"\b(?:{MONTH},? )?(?:19|20)\d\d\b")
# "Updated July 9, 2022", "Published 9 July 2022 at 10:00": a line that says when.
STAMP = re.compile(r"^\W*(?:(?:last|first)\s+)?(?:updated|published|posted|dated)\b", re.IGNORECASE)
# A date in a URL or a file name: "/2016/10/09/", "_2016-10-09_", "20161009", "/2016/10/";
# eight digits only on their own, not inside a hash such as "a20190312b".
PATH_DATES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[/_.-])(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![A-Za-z0-9])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![A-Za-z0-9])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/"),
)
DATED_KINDS = frozenset({"caption", "credit", "header", "furniture", "footer"})


@cache
def outlets() -> dict[str, Any]:
    """The packaged agencies table (data/clean/outlets.yaml)."""
    return load_yaml("clean", "outlets.yaml")


def split_title(line: str, outlet: str | None, elsewhere: str = "") -> tuple[str, str | None]:
    """A headline line without its site suffix ("...: NPR", "... | PC Gamer"), and that site.

    After a colon the suffix must be the known outlet, all capitals, or named ``elsewhere``
    (in the page's credits and footers): "Factbox: Key winners" keeps its colon.
    """
    limit = outlets()["title_suffix_max_words"]
    match = SITE_SUFFIX.search(line)
    if match:
        site, head = match["site"].strip(), line[: match.start()].strip()
        if len(site.split()) <= min(limit, len(head.split()) - 1) and site[-1:].isalnum():
            return head, site
    match = COLON_SUFFIX.search(line)
    if match and (match["site"] in (outlet, match["site"].upper()) or match["site"] in elsewhere):
        return line[: match.start()].strip(), match["site"]
    return line.strip(), None


def copyright_of(lines: list[Line]) -> tuple[str, str | None] | None:
    """The first copyright notice's year and owner: the article's, not a later page footer's."""
    for line in lines:
        match = COPYRIGHT.search(line.text)
        if match:
            owner = (match["owner"] or "").strip() or None
            return match["year"], owner
    return None


def normalise_date(value: Any) -> str | None:
    """A metadata date as YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the value.

    dateutil fills missing fields from a default; parsing with two different
    defaults shows which fields the value really had, so nothing is invented.
    """
    text = str(value).strip()
    if YEAR_ONLY.match(text):
        return text
    try:
        one = dateparser.parse(text, default=datetime(1, 1, 1))
        two = dateparser.parse(text, default=datetime(2, 2, 2))
    except (ValueError, OverflowError):
        return None
    if one.year != two.year:
        return None  # "Tuesday", "12": no year, no date
    if one.month != two.month:
        return f"{one.year:04d}"
    if one.day != two.day:
        return f"{one.year:04d}-{one.month:02d}"
    return one.date().isoformat()


def path_date(path: str | None) -> str | None:
    """A real date written in a URL or a file name, as YYYY-MM-DD (or YYYY-MM from "/2016/10/")."""
    for pattern in PATH_DATES:
        for match in pattern.finditer(path or ""):
            day = match.groupdict().get("d")
            try:
                when = date(int(match["y"]), int(match["m"]), int(day or 1))
            except ValueError:
                continue  # "20161399" is a number, not a date
            return when.isoformat() if day else when.isoformat()[:7]
    return None


def dated_line(lines: list[Line], kinds: dict[int, str]) -> str | None:
    """The date of an "Updated ..."/"Published ..." line, or the full date printed in a
    caption, a credit or a short date line, as precise as it is written."""
    for line in lines:
        if STAMP.match(line.text) and len(line.text) < 120:
            for pattern in (FULL_DATE, MONTH_OR_YEAR):
                for match in pattern.finditer(line.text):
                    found = normalise_date(match.group(0))
                    if found:
                        return found
    for line in lines:
        if kinds.get(line.index) not in DATED_KINDS and line.words > 6:
            continue
        for match in FULL_DATE.finditer(line.text):
            found = normalise_date(match.group(0))
            if found:
                return found
    return None


def published(meta: dict[str, Any], source: str, lines: list[Line], kinds: dict[int, str],
              dateline: str | None = None) -> tuple[str | None, str]:
    """The published date and where it came from, the most direct source first.

    (A date the caller gave, --published or the sidecar table, is never looked for.)
    metadata (the page's, found by htmldate
    inside trafilatura), url, filename, text (a stamp, a dated line or the dateline),
    copyright (the notice's year), metadata again for a WARC's crawl date, or none.
    """
    found = normalise_date(meta["published"]) if meta.get("published") else None
    if found:
        return found, "metadata"
    for origin, path in (("url", meta.get("url")), ("filename", source_name(source))):
        found = path_date(path)
        if found:
            return found, origin
    found = dated_line(lines, kinds) or dateline
    if found:
        return found, "text"
    notice = copyright_of(lines)
    if notice:
        return notice[0], "copyright"
    found = normalise_date(meta["warc_date"]) if meta.get("warc_date") else None
    if found:
        return found, "metadata"
    return None, "none"
