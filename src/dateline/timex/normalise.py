"""Turn a recognised expression into a TIMEX3 (type, value, mod) against the document time.

Hand-written because no Python library resolves news-style relative expressions to
TIMEX3 values; the calendar arithmetic itself is python-dateutil's (see calendar.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from dateutil import relativedelta as rd
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from dateline.timex.calendar import ORDER, SEASON_MONTH, Point
from dateline.timex.calendar import parse as parse_value
from dateline.timex.lexicon import Lexicon
from dateline.timex.recognise import Candidate

Result = tuple[str, str, str | None]  # type, value, mod
FUTURE_BIAS = 1.5  # a coming date must be this many times nearer than the past one to win
NARRATIVE_SHIFTS = {"following", "the following", "previous", "prior"}
CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
DURATION_LETTER = {"DE": "DE", "CE": "CE", "Q": "Q", "WE": "WE"}
# A holiday named without a year falls in the year of a past story told this near before it
# (characters: about two paragraphs); further on, the news returns to its own year.
RECENT = 600


def holiday_date(rule: str, year: int) -> date:
    """A holiday's date in a year from its lexicon rule ("11-01-TH+4", "12-25", "easter")."""
    if rule == "easter":
        return easter(year)
    month, day, *weekday = rule.split("-", 2)
    start = date(year, int(month), int(day))
    if not weekday:
        return start
    code, n = weekday[0][:2], int(weekday[0][2:])
    return start + relativedelta(weekday=getattr(rd, code)(n))


@dataclass
class Context:
    """What a value is anchored on: the DCT, the clause's tense and the narrative time."""

    dct: Point | None
    known: str  # granularity to which the DCT is known: D, M or Y
    tense: Callable[[], str]  # PAST | PRESENT | FUTURE | NONE, computed on demand
    anchor: Point | None  # the last date mentioned, for "two days earlier"
    told: int = 0  # characters since that date was mentioned


def _word(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).rstrip(".")


class Normaliser:
    """One method per ``norm`` name in rules.yaml."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, cand: Candidate, ctx: Context) -> Result | None:
        """The expression's (type, value, mod); None if it has none.

        Arithmetic that leaves the years 1-9999 ("99999 years ago", "tomorrow" from a
        DCT of 9999-12-31) raises in ``datetime``; such an expression has no value.
        """
        try:
            return getattr(self, cand.norm)(cand.groups, ctx)
        except (OverflowError, ValueError):
            return None

    # ---------------------------------------------------------------- helpers
    def number(self, text: str) -> float | None:
        """"two" -> 2, "twenty-five" -> 25, "several" -> None (vague)."""
        word = _word(text)
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            return float(word)
        parts = re.split(r"[\s-]+", word)
        if word in self.lex.numbers:
            return float(self.lex.numbers[word])
        if all(p in self.lex.numbers for p in parts):
            return float(sum(self.lex.numbers[p] for p in parts))
        return None

    def unit(self, text: str) -> str:
        word = _word(text)
        if word == "centuries":
            return "CE"
        return self.lex.units.get(word, self.lex.units.get(word[:-1], "D"))

    def month(self, g: dict[str, str]) -> int | None:
        if "monthnum" in g:
            return int(g["monthnum"])
        return self.lex.months.get(_word(g["month"])) if "month" in g else None

    @staticmethod
    def future(ctx: Context, ahead: int, behind: int) -> bool:
        """Past or future for a date given without its year or week.

        The clause's tense decides; without a past or future tense news reports the
        past, so the coming date wins only when it is much nearer (a schedule).
        """
        tense = ctx.tense()
        if tense in ("FUTURE", "PAST"):
            return tense == "FUTURE"
        if tense == "SCHEDULE":
            return ahead <= behind
        return ahead * FUTURE_BIAS < behind

    @staticmethod
    def year_of_weekday(ref: date, month: int, day: int, weekday: int) -> int | None:
        """"Saturday, April 25": the year nearest the DCT in which that date is that weekday."""
        fits = []
        for year in (ref.year - 1, ref.year, ref.year + 1):
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if when.isoweekday() == weekday:
                fits.append((abs((when - ref).days), year))
        return min(fits)[1] if fits else None

    def pick_year(self, ctx: Context, month: int, day: int | None) -> int | None:
        """The year of a month (and day) written without one."""
        if ctx.dct is None:
            return None
        ref = ctx.dct.day
        if day is None:
            behind = (ref.month - month) % 12
            ahead = (month - ref.month) % 12
            if ahead == 0:
                return ref.year
            if self.future(ctx, ahead, behind):
                return ref.year + (month < ref.month)
            return ref.year - (month > ref.month)
        key, now = (month, day), (ref.month, ref.day)
        last = ref.year if key <= now else ref.year - 1
        following = ref.year if key >= now else ref.year + 1
        try:
            ahead = (date(following, month, day) - ref).days
            behind = (ref - date(last, month, day)).days
        except ValueError:
            return last
        if behind == 0:
            return last
        return following if self.future(ctx, ahead, behind) else last

    @staticmethod
    def reporting_period(ctx: Context, yearly: bool) -> bool:
        """Whether the narrative time is a quarter (or, if ``yearly``, this year to date)."""
        anchor = ctx.anchor
        if anchor is None or ctx.dct is None:
            return False
        return anchor.gran == "Q" or (yearly and anchor.gran == "Y"
                                      and anchor.day.year == ctx.dct.day.year)

    @staticmethod
    def relative(ctx: Context, gran: str) -> Point | None:
        """The DCT seen at a granularity, or None when there is no DCT."""
        return ctx.dct.at(gran) if ctx.dct else None

    # ---------------------------------------------------------------- normalisers
    def date(self, g: dict[str, str], ctx: Context) -> Result | None:
        month = self.month(g)
        if month is None or (set(g) == {"month"} and len(g["month"]) < 5 and g["month"].isalpha()
                             and _word(g["month"]) not in ("may", "june", "july")):
            return None  # "Jan" alone is a name more often than a month
        day = int(g["day"]) if "day" in g else None
        if "year" in g:
            year = int(g["year"])
            if year < 100:
                year += 1900 if year >= 30 else 2000
        elif "weekday" in g and day and ctx.dct is not None:
            weekday = self.lex.weekdays[_word(g["weekday"])]
            year = self.year_of_weekday(ctx.dct.day, month, day, weekday)
        else:
            shift = self.lex.shifts.get(_word(g.get("shift", "")), 0)
            if shift:  # "last Oct. 23", "next March 4": the direction is given
                direction = "FUTURE" if shift > 0 else "PAST"
                ctx = replace(ctx, tense=lambda: direction)
            year = self.pick_year(ctx, month, day)
        try:
            point = Point(date(year or 2000, month, day or 1), "D" if day else "M")
        except ValueError:
            return None
        if year is None:
            return "DATE", "XXXX-" + point.value()[5:], None
        known = "D" if "year" in g else ctx.known
        return "DATE", point.value(known), None

    def holiday(self, g: dict[str, str], ctx: Context) -> Result | None:
        rule = self.lex.holidays[_word(g["holiday"])]
        if "year" in g:
            return "DATE", holiday_date(rule, int(g["year"])).isoformat(), None
        if ctx.dct is None or ctx.known != "D":
            return None
        ref = ctx.dct.day
        if ctx.anchor is not None and ctx.anchor.day.year < ref.year and ctx.told < RECENT:
            # "Campaigning in 2012, ... soon after Election Day": the story's year
            return "DATE", holiday_date(rule, ctx.anchor.day.year).isoformat(), None
        this = holiday_date(rule, ref.year)
        last = this if this <= ref else holiday_date(rule, ref.year - 1)
        following = this if this >= ref else holiday_date(rule, ref.year + 1)
        week = "week" in g
        if week and following.isocalendar()[:2] == ref.isocalendar()[:2]:
            last = following  # "Easter week began": the holiday's week is under way
        if last != following and self.future(ctx, (following - ref).days, (ref - last).days):
            last = following
        if week:
            return "DATE", Point(last, "W").value(), None
        return "DATE", last.isoformat(), None

    def year(self, g: dict[str, str], ctx: Context) -> Result | None:
        if "spoken" in g:
            words = re.sub(r"\b(?:hundred|thousand|and)\b", " ", _word(g["spoken"])).strip()
            head, _, rest = words.partition(" ")
            tail = self.number(rest.strip()) if rest.strip() else 0
            if tail is None:
                return None
            year = 2000 + int(tail) if head == "two" else 1900 + int(tail)
            if "month" in g:
                return "DATE", f"{year:04d}-{self.month(g):02d}", None
            return "DATE", str(year), None
        return "DATE", g["year"], None

    def narrative(self, g: dict[str, str], ctx: Context) -> Result | None:
        """"that year", "the same day": the narrative time at that granularity."""
        unit = self.unit(g["unit"])
        anchor = ctx.anchor
        if anchor is None or ORDER[anchor.gran] < ORDER[unit]:
            return None
        return "DATE", anchor.at(unit).value(ctx.known), None

    def decade(self, g: dict[str, str], ctx: Context) -> Result | None:
        """"the 1990s" -> 199, "the nineties" -> 199, "the 20th century" -> 19."""
        if "century" in g:
            return "DATE", f"{int(g['century']) - 1:02d}", None
        if "decadeword" in g:
            tens = self.lex.numbers[_word(g["decadeword"])[:-3] + "y"] // 10
            return "DATE", f"19{tens}", None
        if "decade" in g:
            return "DATE", g["decade"], None
        digit = int(g["decade2"])
        return "DATE", ("19" if digit >= 3 else "20") + str(digit), None

    def deictic(self, g: dict[str, str], ctx: Context) -> Result | None:
        word = _word(g.get("deictic") or g.get("dshift", ""))
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
        if "deictic" in g:
            shift = self.lex.deictic_days[word]
        point = self.relative(ctx, "D")
        if point is None:
            return None
        if ctx.known != "D":  # a DCT known only to the month or year: no day arithmetic
            shift = 0
        value = point.shift(shift, "D").value(ctx.known)
        part = self.lex.dayparts.get(_word(g["daypart"])) if "daypart" in g else None
        if word == "tonight":
            part = "NI"
        if part:
            return "TIME", f"{value}T{part}", None
        return "DATE", value, None

    def daypart(self, g: dict[str, str], ctx: Context) -> Result | None:
        """"mid-afternoon", "in the morning": on the narrative day unless a day is named."""
        if "deictic" in g:
            return self.deictic(g, ctx)
        point = ctx.anchor if ctx.anchor and ctx.anchor.gran == "D" else self.relative(ctx, "D")
        if point is None:
            return None
        return "TIME", f"{point.value(ctx.known)}T{self.lex.dayparts[_word(g['daypart'])]}", None

    def weekday(self, g: dict[str, str], ctx: Context) -> Result | None:
        wd = self.lex.weekdays[_word(g["weekday"])]
        part = self.lex.dayparts.get(_word(g["daypart"])) if "daypart" in g else None
        if ctx.dct is None:
            value = f"XXXX-WXX-{wd}"
        elif ctx.known != "D":  # a DCT known to the year or month keeps its year
            value = f"{ctx.dct.day.year:04d}-WXX-{wd}"
        else:
            ref = ctx.dct.day
            word = _word(g.get("shift", ""))
            if word in NARRATIVE_SHIFTS and ctx.anchor and ctx.anchor.gran == "D":
                ref = ctx.anchor.day  # "the previous Friday": before the day being told
            delta = wd - ref.isoweekday()
            shift = self.lex.shifts.get(word) if "shift" in g else None
            if shift == 0:
                day = ref + relativedelta(days=delta)
            elif shift == -1:
                day = ref + relativedelta(days=delta - 7 if delta >= 0 else delta)
            elif shift == 1:
                day = ref + relativedelta(days=delta + 7 if delta <= 0 else delta)
            elif delta and self.future(ctx, delta % 7, (-delta) % 7):
                day = ref + relativedelta(days=delta % 7)
            else:
                day = ref - relativedelta(days=(-delta) % 7)
            value = day.isoformat()
        if part:
            return "TIME", f"{value}T{part}", None
        return "DATE", value, None

    def shifted_month(self, g: dict[str, str], ctx: Context) -> Result | None:
        month = self.month(g)
        if month is None or ctx.dct is None:
            return None
        shift = self.lex.shifts.get(_word(g["shift"]), 0)
        ref = ctx.dct.day
        if "ofyear" in g:
            year = ref.year + shift
        elif shift == 0:
            year = ref.year
        elif shift < 0:
            year = ref.year if month < ref.month else ref.year - 1
        else:
            year = ref.year if month > ref.month else ref.year + 1
        return "DATE", f"{year:04d}-{month:02d}", None

    def shifted_unit(self, g: dict[str, str], ctx: Context) -> Result | None:
        unit = self.unit(g["unit"])
        word = _word(g.get("shift", ""))
        shift = self.lex.shifts.get(word, 0)
        if unit.startswith("T"):
            return None
        if _word(g["unit"]).endswith("s"):  # "the coming years": a vague length of time
            return "DURATION", f"PX{unit}", None
        if unit in ("DE", "CE"):  # "the past decade", "this century": TimeML counts years
            return "DURATION", "P10Y" if unit == "DE" else "P100Y", None
        gran = {"WE": "W"}.get(unit, unit)
        anchor = ctx.anchor
        if (unit == "D" and shift) or word in NARRATIVE_SHIFTS:
            if anchor is None or ORDER[anchor.gran] < ORDER[gran]:
                anchor = ctx.dct
            if anchor is None:
                return None
            if ORDER[anchor.gran] < ORDER[gran]:  # "two days earlier" than "2022": in 2022
                shift = 0
            return "DATE", anchor.at(gran).shift(shift, gran).value(ctx.known), None
        point = self.relative(ctx, gran)
        if point is None:
            return None
        if unit == "WE" and not shift and ctx.dct.day.isoweekday() < 6:
            # "the weekend" before Saturday: the one just past, unless the clause is future
            shift = 0 if ctx.tense() == "FUTURE" else -1
        if ORDER[ctx.known] < ORDER[gran]:  # "last week" from a DCT of "2022": in 2022
            shift = 0
        value = point.shift(shift, gran).value(ctx.known)
        if unit == "WE":
            value += "-WE"
        return "DATE", value, None

    def season(self, g: dict[str, str], ctx: Context) -> Result | None:
        code = self.lex.seasons[_word(g["season"])]
        mod = {"early": "START", "late": "END"}.get(_word(g.get("edge", "")).rstrip("-"))
        if _word(g.get("edge", "")).startswith("mid"):
            mod = "MID"
        if "year" in g:
            return "DATE", f"{g['year']}-{code}", mod
        if "shift" not in g and not g.get("season", "").istitle() and code in ("SP", "FA"):
            return None
        if ctx.dct is None:
            return "DATE", f"XXXX-{code}", mod
        ref = ctx.dct.day
        start = SEASON_MONTH[code]
        shift = self.lex.shifts.get(_word(g["shift"]), 0) if "shift" in g else None
        year = ref.year
        if shift == -1 or (shift is None and ctx.tense() != "FUTURE"):
            year = ref.year if start <= ref.month else ref.year - 1
            if shift == -1 and start <= ref.month < start + 3:
                year -= 1
        elif shift == 1 or (shift is None and ctx.tense() == "FUTURE"):
            year = ref.year if start > ref.month else ref.year + 1
        return "DATE", f"{year:04d}-{code}", mod

    def quarter(self, g: dict[str, str], ctx: Context) -> Result | None:
        part = "H" if _word(g.get("part", "")) == "half" else "Q"
        size = 6 if part == "H" else 3
        if "ord" in g:
            n = self.lex.ordinals[_word(g["ord"])] or 12 // size
            if part == "H" and n > 2:
                return None
            if "year" in g or "year2" in g:
                year = int(g.get("year") or g["year2"]) - ("prior" in g)
                return "DATE", f"{year:04d}-{part}{n}", None
            if ctx.dct is None:
                return "DATE", f"XXXX-{part}{n}", None
            ref = ctx.dct.day
            current = 1 + (ref.month - 1) // size
            year = ref.year
            if "yshift" in g:
                year += self.lex.shifts[_word(g["yshift"])]
            elif "prior" in g:
                year -= 1 + (n >= current)
            elif n > current and ctx.tense() != "FUTURE":
                year -= 1  # a quarter still to come this year, spoken of as past
            return "DATE", f"{year:04d}-{part}{n}", None
        point = self.relative(ctx, "Q")
        if point is None:
            return None
        if "year" in g:  # "the 1988 period": that year's quarter matching the latest one
            return "DATE", f"{g['year']}-Q{1 + (point.shift(-1, 'Q').day.month - 1) // 3}", None
        ref_word = _word(g.get("qref", ""))
        if ref_word in ("same", "comparable"):
            return None
        if ref_word in ("year-earlier", "year-ago", "prior-year") or "lastyear" in g:
            yearly = _word(g.get("part", "period")) == "period"
            base = ctx.anchor if self.reporting_period(ctx, yearly) else point.shift(-1, "Q")
            return "DATE", base.shift(-1, "Y").value(), None
        if ref_word in ("this", "current"):
            return "DATE", point.value(), None
        if ref_word == "next":
            return "DATE", point.shift(1, "Q").value(), None
        if not ref_word and ctx.anchor and ctx.anchor.gran == "Q":
            return "DATE", ctx.anchor.value(), None
        return "DATE", point.shift(-1, "Q").value(), None

    def offset(self, g: dict[str, str], ctx: Context) -> Result | None:
        unit = self.unit(g["unit"])
        n = self.number(g["num"])
        direction, kind = self.lex.offsets[_word(g["offset"])]
        if unit.startswith("T") or unit == "WE":
            return self.duration(g, ctx)
        if n is None:
            return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
        base = ctx.dct.at(unit) if ctx.dct else None
        anchor = ctx.anchor
        if kind == "narrative" and anchor and ORDER[anchor.gran] >= ORDER[unit]:
            base = anchor
        elif kind == "narrative" and anchor and ctx.told < RECENT and (
                ctx.dct is None or anchor.day.year != ctx.dct.day.year):
            # "three days later" than "2014": in 2014, as far as the text tells, not three
            # days after the publication (a story time in the publication's year, one read
            # off "Saturday", or one told paragraphs before, leaves the publication date)
            return "DATE", anchor.value(ctx.known), None
        elif unit == "Y" and anchor and anchor.gran == "Q":
            base = anchor  # "a year ago" in a quarterly report means that quarter a year ago
        if base is None:
            return None
        if base is not anchor and ORDER[ctx.known] < ORDER[unit]:
            n = 0  # "two days earlier" than a DCT of "2022": still 2022
        return "DATE", base.shift(direction * n, unit).value(ctx.known), None

    def approximate(self, g: dict[str, str], value: str) -> str:
        """An offset said to be about so much ("about two years ago", "a little more than a
        year later") as a value no finer than its unit: years give a year, months a month,
        as HeidelTime's APPROX offsets; a week or a day is kept."""
        unit = self.unit(g.get("unit", ""))
        point = parse_value(value)
        gran = {"CE": "Y", "DE": "Y", "Y": "Y", "H": "M", "Q": "M", "M": "M"}.get(unit)
        if point is None or gran is None or ORDER[point.gran] <= ORDER[gran]:
            return value
        return point.at(gran).value()

    def duration(self, g: dict[str, str], ctx: Context) -> Result | None:
        if "vunit" in g:
            return "DURATION", "PX" + self.unit(g["vunit"]).lstrip("T"), None
        unit = self.unit(g["unit"])
        n = None if "range" in g else self.number(g["num"])
        if unit == "TS" and _word(g["num"]) in ("a", "an") and _word(g["unit"]) == "second":
            return None  # "a second term": an ordinal, not one second
        if n is not None and ("half" in g or "andhalf" in g):
            n += 0.5
        if n is not None and n % 1 == 0.5 and unit in self.lex.halves:
            return "DURATION", self.and_a_half(int(n), unit), None
        amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
        if unit.startswith("T"):
            return "DURATION", f"PT{amount}{unit[1]}", None
        if unit in ("DE", "CE") and n is not None:
            amount, unit = str(int(n * (10 if unit == "DE" else 100))), "Y"
        if unit == "Q" and n is not None:  # TIMEX3 writes quarters of a year as months
            amount, unit = str(int(n * 3)), "M"
        return "DURATION", f"P{amount}{DURATION_LETTER.get(unit, unit)}", None

    def and_a_half(self, whole: int, unit: str) -> str:
        """"2 1/2 years" -> P2Y6M, "an hour and a half" -> PT1H30M, "half a day" -> PT12H."""
        half = self.lex.halves[unit]
        if unit.startswith("T"):
            return f"PT{whole}{unit[1]}{half}" if whole else f"PT{half}"
        if not whole:
            return f"P{half}"
        return f"P{whole}{unit}{half}"

    def period(self, g: dict[str, str], ctx: Context) -> Result | None:
        """"the year ended March 31": a length of time, not the current year."""
        return "DURATION", f"P1{self.unit(g['unit'])}", None

    def reference(self, g: dict[str, str], ctx: Context) -> Result | None:
        value = self.lex.references[_word(g["ref"])]
        if value == "END_OF_YEAR":
            point = self.relative(ctx, "Y")
            return ("DATE", point.value(), "END") if point else None
        return "DATE", value, None

    def set(self, g: dict[str, str], ctx: Context) -> Result | None:
        if "freq" in g:
            return "SET", self.lex.frequencies[_word(g["freq"])], None
        if "weekday" in g:
            return "SET", f"XXXX-WXX-{self.lex.weekdays[_word(g['weekday'])]}", None
        if "month" in g:
            return "SET", f"XXXX-{self.month(g):02d}", None
        unit = self.unit(g["unit"])
        amount = 2 if "other" in g else 1
        if unit.startswith("T"):
            return "SET", f"PT{amount}{unit[1]}", None
        return "SET", f"P{amount}{DURATION_LETTER.get(unit, unit)}", None

    def clock(self, g: dict[str, str], ctx: Context) -> Result | None:
        if "clockword" in g:
            hhmm = CLOCK_WORDS[_word(g["clockword"])]
        else:
            morning = self.lex.dayparts.get(_word(g.get("daypart", ""))) == "MO"
            ampm = g.get("ampm") or ("a" if morning else "p")  # "4 in the morning"
            hour = int(g["hour"]) % 12 + (12 if ampm.lower().startswith("p") else 0)
            hhmm = f"{hour:02d}:{int(g.get('minute', 0)):02d}"
        if "month" in g:
            dated = self.date({"month": g["month"], "day": g["day"]}, ctx)
            if dated is None:
                return None
            day = dated[1]
        elif "weekday" in g:
            day = self.weekday({"weekday": g["weekday"]}, ctx)[1]
        else:  # "at 10 p.m.": on the day being told about
            point = ctx.anchor if ctx.anchor and ctx.anchor.gran == "D" else self.relative(ctx, "D")
            day = point.value(ctx.known) if point else "XXXX-XX-XX"
        return "TIME", f"{day}T{hhmm}", None
