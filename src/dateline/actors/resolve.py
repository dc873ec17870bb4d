"""Within one document: every mention of a person, organisation or country -> an actor.

Rules, in order (no library does within-document actor resolution for news, hence by hand):
1. names: a PERSON entity; a short form ("Blinken", "Wang") joins the full name it is part
   of ("Antony Blinken", "Wang Yi"), or an actor the knowledge base knows by that alias;
   so do the last words of one longer name ("Suu Kyi" of "Aung San Suu Kyi");
2. titles before a name ("U.S. Secretary of State Antony Blinken", "China's joint chiefs of
   staff chairman Gen. Li Zuocheng"), in apposition, or said of the person ("visited as
   Burma's leader", "is Hungary's foreign minister") give roles, sector and country; a
   name after a country's title ("the North's leader, Kim Jong Un") takes that country;
3. countries, capitals and seats of government (metonyms) and IGOs -> country / IGO actors;
   a free-standing demonym ("a Chinese statement") -> the country actor;
4. organisations get their country from a demonym, a country name or a possessive
   ("China's Foreign Ministry") and their sector from the words of their name;
5. descriptions ("the secretary", "the Chinese leader") -> the one person of the document
   holding that role, or else (with a country: "the U.S. secretary of state") the person
   the knowledge base saw holding it most recently; "his Chinese counterpart" -> the
   nearest person of that country;
6. pronouns (he, his, him, she, her) -> the only person mentioned before them in the
   sentence, or else in the previous sentence (a subject pronoun there may take the
   previous sentence's main subject, or the name apposed to it); a name inside a quotation
   the pronoun is outside of does not count; left unresolved when ambiguous. A person's
   gender (``gender``: what the document's honorifics, gendered nouns and pronouns show,
   else what earlier documents or the first name suggest) rules out the other pronouns;
   an object pronoun ("Brandt called on HER") never means the subject of its own clause.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from dateline.actors import gender as gendered
from dateline.actors.countries import country_name, igos, lookup
from dateline.actors.ids import country_id, slug
from dateline.actors.names import LEADING_THE, core
from dateline.actors.reference import key as name_key
from dateline.actors.reference import reference
from dateline.actors.titles import Title, TitleMatcher
from dateline.language import ENGLISH
from dateline.resources import load_yaml

NOT_REFERRING = {"a", "an", "as", "former", "ex", "every", "any", "no", "next", "new", "vice"}
# the last word of a country's generic body: "Chinese Foreign Ministry" = "China's Foreign
# Ministry"; a proper name ("Swiss Agency for Development") keeps its own name
GENERIC_BODIES = {"ministry", "government", "embassy", "consulate", "army", "navy", "military",
                  "parliament", "police", "cabinet", "department", "forces", "office"}
DATELINE = "dateline_tokens"  # Doc.user_data: the tokens of a dateline's place, not actors
# Doc.user_data, from ``Resolver.prepare``: what rule 6 reads of the parse alone
PRONOUNS = "dateline_pronouns"  # the he/his/she/her tokens it resolves
QUOTED = "dateline_quoted"  # the quotations' character spans
GENDERS = "dateline_genders"  # the gender votes of each person name (gender.evidence)
NOT_A_NAME = re.compile(r"[@#\[\]{}<>|/\\]|https?:|www\.|\d{1,2}:\d{2}|\d")
MIDDLE_INITIAL = re.compile(r"^[A-Z]\.?$")
KIND_OF_PLACE = {"name": "name", "capital": "metonym", "metonym": "metonym",
                 "demonym": "demonym", "igo": "name"}


def well_formed(name: str) -> bool:
    """A name, not a handle, address, clock time or bracketed fragment."""
    return not NOT_A_NAME.search(name) and name[:1].isalnum() and name[-1:].isalnum() | (
        name[-1:] == ".")


def without_initials(name: str) -> str:
    """ "Donald J. Trump" -> "Donald Trump": a middle initial does not make another person."""
    words = name.split()
    kept = [words[0], *(w for w in words[1:-1] if not MIDDLE_INITIAL.match(w)), words[-1]]
    return " ".join(kept) if len(words) > 2 else name


def ref_slug(name: str, *variants: str) -> str:
    """The id of a name: the slug of the reference base's name for it or for one of its
    variants ("FBI" and "Federal Bureau of Investigation" -> "federal-bureau-of-
    investigation"; "Joseph Biden" -> "joe-biden"), else of the name; never "the-"."""
    ref = reference()
    known = next(filter(None, (ref.canonical(n) for n in (name, *variants))), None)
    return slug(LEADING_THE.sub("", known or name))


@dataclass
class Found:
    """An actor as the document shows it, before the knowledge base adds what it knows."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # "m" / "f" as the document shows it (see dateline.actors.gender)
    prior: str | None = None  # else: earlier documents', the first name's, a resolved pronoun's

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "sector": self.sector, "roles": list(self.roles), "aliases": list(self.aliases),
                **({"gender": self.gender} if self.gender else {})}

    @property
    def likely_gender(self) -> str | None:
        return self.gender or self.prior

    def add_role(self, title: Title) -> None:
        if title.is_role and title.role not in self.roles:
            self.roles.append(title.role)
        if self.sector is None and title.sector:
            self.sector = title.sector


class Organisations:
    """Known organisations and the words that give an organisation's sector."""

    def __init__(self) -> None:
        data = load_yaml("actors", "organisations.yaml")
        self.known: dict[str, tuple[str, dict[str, Any]]] = {}
        for name, entry in data["known"].items():
            for form in [name, *entry.get("aliases", [])]:
                self.known[form.casefold()] = (name, entry)
        words = sorted(data["body_words"].items(), key=lambda kv: -len(kv[0]))
        self.body = [(re.compile(rf"\b{re.escape(w)}\b", re.I), sector) for w, sector in words]
        self.person_bodies: dict[str, list[str]] = data["person_bodies"]
        self.parties: dict[str, tuple[str, str]] = {}  # name, alias or members -> party
        for country, parties in load_yaml("actors", "parties.yaml").items():
            for name, entry in parties.items():
                for form in [name, *entry.get("aliases", []), *entry.get("members", [])]:
                    self.parties[form.casefold()] = (name, country)

    def sector(self, name: str) -> str | None:
        for pattern, sector in self.body:
            if pattern.search(name):
                return sector
        return None


class Resolver:
    """Resolves one parsed document; holds the compiled tables."""

    def __init__(self, titles: TitleMatcher) -> None:
        self.titles = titles
        self.orgs = Organisations()

    @staticmethod
    def prepare(sdoc: Doc) -> None:
        """Keep in ``sdoc.user_data`` what rules 1 and 6 read of the parse alone, as plain
        data (so an engine can find them beside the parsing: walking the tokens is most of
        what they would cost where the knowledge base is): the votes on each person
        name's gender, the pronoun tokens rule 6 resolves and the quotations' spans."""
        # imported here: the quotes package imports this module at its own import
        from dateline.quotes.marks import find_marked

        sdoc.user_data[PRONOUNS] = [tok.i for tok in sdoc if tok.lower_ in
                                    ENGLISH.pronoun_gender and tok.tag_ in {"PRP", "PRP$"}]
        sdoc.user_data[QUOTED] = [[m.start, m.end] for m in find_marked(sdoc.text)]
        sdoc.user_data[GENDERS] = {(e.start, e.end): gendered.evidence(e) for e in sdoc.ents
                                   if e.label_ == "PERSON"}

    def __call__(self, sdoc: Doc, ents: list[Span], kb: Any = None) -> Resolution:
        """Resolve a parsed document (prepared, else prepared now); uses up what
        ``prepare`` kept."""
        if PRONOUNS not in sdoc.user_data:
            self.prepare(sdoc)
        prepared = sdoc.user_data
        res = Resolution(sdoc, kb, prepared.pop(PRONOUNS), prepared.pop(QUOTED),
                         prepared.pop(GENDERS))
        title_spans = self.titles(sdoc)
        res.title_at_end = {span.end: (span, title) for span, title in title_spans}
        res.full_names = [e.text for e in ents if e.label_ == "PERSON" and len(e) > 2]
        for ent in ents:
            if ent.label_ == "PERSON":
                res.person(ent)
        dateline = set(sdoc.user_data.get(DATELINE, ()))
        for ent in ents:  # "HANOI, Vietnam (AP) —" says where, not who
            if ent.label_ in ENGLISH.actor_labels and ent.start not in dateline:
                res.place_or_org(ent, self.orgs)
        res.titled_names()
        res.person_bodies(self.orgs)
        res.descriptions(title_spans)
        res.settle_genders()
        res.pronouns()
        return res


class Resolution:
    """The mentions and actors of one document, built rule by rule."""

    def __init__(self, sdoc: Doc, kb: Any, pronouns: list[int], quoted: list[list[int]],
                 genders: gendered.Evidence) -> None:
        self.sdoc = sdoc
        self.kb = kb
        self.pronoun_tokens = pronouns  # see Resolver.prepare
        self.quoted = quoted
        self.gender_votes = genders
        self.actors: dict[str, Found] = {}
        self.mentions = Mentions()  # token range -> mention
        self.title_at_end: dict[int, tuple[Span, Title]] = {}
        self.person_names: list[Span] = []
        self.full_names: list[str] = []  # person names of three words or more
        self.bodies: dict[str, Found] = {}  # "Foreign Ministry" -> its country's actor
        self.by_core: dict[tuple[str, str], Found] = {}  # ("nbc", "organisation") -> actor
        self.ranked_by_word: dict[str, list[Found]] = {}  # short name -> candidates (salience)
        self.owners: dict[str, str] = {}  # "hillary-clinton-campaign" -> "hillary-clinton"
        self.bare: dict[str, list[Span]] = {}  # one-word person names by text
        self.gender_by_word: dict[str, str | None] = {}
        self.genders: dict[str, str | None] = {}  # person named in full -> gender, shown or prior

    # ------------------------------------------------------------------ helpers
    def mention(self, start: int, end: int, actor: Found, kind: str) -> None:
        if (start, end) in self.mentions or start >= end:
            return
        if kind in {"title", "description"}:  # "White House spokesman": the person, not USA
            for key in self.mentions.inside(start, end):
                del self.mentions[key]
        span = self.sdoc[start:end]
        self.mentions[(start, end)] = {"start": span.start_char, "end": span.end_char,
                                       "text": span.text, "actor": actor.id, "kind": kind}
        if kind == "name" and span.text not in actor.aliases and span.text != actor.name:
            actor.aliases.append(span.text)

    def actor(self, actor_id: str, name: str, type_: str, **info: Any) -> Found:
        if actor_id not in self.actors:
            self.actors[actor_id] = Found(actor_id, name, type_, **info)
        return self.actors[actor_id]

    def named(self, name: str, type_: str, plain: str | None = None, **info: Any) -> Found:
        """The actor a person's or organisation's name means: the one this document already
        has under the same core ("NBC" after "NBC News"), else the one the knowledge base
        knows by the name or its core, else the reference base's, else a new one. A core
        that drops more than one of a person's words ("Aung San Suu Kyi" -> "Aung Kyi") is
        another person's name as often as hers, and looks up no one."""
        short = core(name, type_)
        found = self.by_core.get((name_key(short), type_))
        if found is None:
            plain = plain or name
            dropped = len(plain.split()) - len(short.split())
            variants = [short] if type_ != "person" or dropped <= 1 else []
            actor_id = (self.kb_id(name, type_) or self.kb_id(plain, type_)
                        or next(filter(None, (self.kb_id(v, type_) for v in variants)), None)
                        or ref_slug(plain, *variants))
            found = self.actor(actor_id, name, type_, **info)
            self.by_core[(name_key(short), type_)] = found
        return found

    def actor_at(self, start: int, end: int) -> Found | None:
        """The actor of the mention covering exactly or ending at the given tokens."""
        m = self.mentions.get((start, end))
        if m is None:
            key = self.mentions.first_ending(end)
            m = self.mentions[key] if key else None
        return self.actors.get(m["actor"]) if m else None

    def country_actor(self, code: str) -> Found:
        if code in igos():
            return self.actor(country_id(code), country_name(code), "organisation",
                              country=code, sector="IGO")
        return self.actor(country_id(code), country_name(code), "country", country=code)

    # ------------------------------------------------------------------ rules
    def person(self, ent: Span) -> None:
        """Rule 1: full names make actors; short forms join them (or the KB's actor)."""
        if not well_formed(ent.text):
            return
        self.person_names.append(ent)
        if len(ent) > 1:
            name = self.fuller(ent.text)
            actor = self.named(name, "person", without_initials(name))
            self.mention(ent.start, ent.end, actor, "name")

    def fuller(self, name: str) -> str:
        """The one longer name of the document that ends with this one ("Suu Kyi" after
        "Aung San Suu Kyi"), else the name itself; a name the reference or the knowledge
        base knows is a person of its own ("Hillary Clinton" of "Crooked Hillary Clinton")."""
        words = name.split()
        if reference().find(name) is not None or self.kb_id(name, "person") is not None:
            return name
        longer = {f for f in self.full_names
                  if len(f.split()) > len(words) and f.split()[-len(words):] == words}
        return longer.pop() if len(longer) == 1 else name

    def kb_id(self, name: str, type_: str) -> str | None:
        return self.kb.find(name, type_) if self.kb is not None else None

    def place_or_org(self, ent: Span, orgs: Organisations) -> None:
        """Rules 3 and 4: countries, metonyms, demonyms, IGOs, parties and organisations."""
        party = orgs.parties.get(ent.text.casefold())
        if party is not None:  # "the GOP", "Republicans": the party, not a people
            name, code = party
            actor = self.named(name, "organisation", country=code, sector="PTY")
            self.mention(ent.start, ent.end, actor, "name")
            return
        place = lookup(ent.text)
        if place is not None:
            if ent.label_ == "NORP" and self.inside_title_phrase(ent):
                return
            self.mention(ent.start, ent.end, self.country_actor(place.code),
                         KIND_OF_PLACE[place.kind])
            return
        if ent.label_ != "ORG" or not well_formed(ent.text):
            return
        if ent.text.lower() in GENERIC_BODIES:  # "the Department" after "Justice Department"
            bodies = {a.id: a for a in self.actors.values() if a.type == "organisation"
                      and ent.text.lower() in a.name.lower().split()[1:]}
            if len(bodies) == 1:
                self.mention(ent.start, ent.end, next(iter(bodies.values())), "description")
            return
        if self.known_person_not_org(ent, orgs):
            self.person(ent)  # the small model tags a known surname as an ORG out of context
            return
        expanded = self.expansion(ent)
        if expanded is not None:  # "Palestine Liberation Organization (PLO)"
            self.mention(ent.start, ent.end, expanded, "name")
            return
        known = orgs.known.get(ent.text.casefold())
        if known:
            name, entry = known
            actor = self.named(name, "organisation", country=entry.get("country"),
                               sector=entry.get("sector"))
            self.mention(ent.start, ent.end, actor, "name")
            return
        name, code = self.org_country(ent)
        if code is None and ent.text in self.bodies:  # "Foreign Ministry" after "China's ..."
            name = self.bodies[ent.text].name
        elif code is not None and name != ent.text:
            self.bodies.setdefault(name.rsplit(" of ", 1)[0], self.named(
                name, "organisation", country=code, sector=orgs.sector(name)))
        actor = self.named(name, "organisation", country=code, sector=orgs.sector(name))
        self.mention(ent.start, ent.end, actor, "name")

    def known_person_not_org(self, ent: Span, orgs: Organisations) -> bool:
        """An "ORG" that the knowledge base knows only as one person's name."""
        return (self.kb_id(ent.text, "person") is not None
                and self.kb_id(ent.text, "organisation") is None
                and orgs.known.get(ent.text.casefold()) is None)

    def expansion(self, ent: Span) -> Found | None:
        """The organisation a parenthesised acronym stands for, named just before it."""
        sdoc = self.sdoc
        if not (ent.text.isupper() and 2 <= ent.start and ent.end < len(sdoc)
                and sdoc[ent.start - 1].text == "(" and sdoc[ent.end].text == ")"):
            return None
        owner = self.actor_at(-1, ent.start - 1)
        if owner is None or owner.type != "organisation":
            return None
        initials = "".join(w[0] for w in owner.name.split() if w[:1].isupper())
        return owner if ent.text[0] == initials[:1] else None

    def org_country(self, ent: Span) -> tuple[str, str | None]:
        """("Foreign Ministry of China", "CHN") for "Chinese Foreign Ministry"/"China's ..."."""
        words = [t for t in ent if not t.is_punct]
        code = None
        for n in range(min(3, len(words) - 1), 0, -1):
            place = lookup(ent[:n].text)
            if place is not None:
                if place.kind != "demonym":  # "Palestine Liberation Organization" keeps its name
                    return ent.text, place.code
                code, rest = place.code, ent[n:].text.strip()
                break
        else:
            rest = ent.text
            possessor = self.possessor(ent.start)
            if possessor is not None and possessor.type == "country":
                code = possessor.country
        generic = 0 < len(rest.split()) <= 3 and rest.split()[-1].lower() in GENERIC_BODIES
        if code and code not in igos() and generic:
            return f"{rest} of {country_name(code)}", code
        return ent.text, code

    def possessor(self, start: int) -> Found | None:
        """The actor of "X's" just before a token, if any."""
        if start >= 2 and self.sdoc[start - 1].text in ENGLISH.possessive_endings:
            return self.actor_at(start - 2, start - 1) or self.actor_at(-1, start - 1)
        return None

    def inside_title_phrase(self, ent: Span) -> bool:
        """A demonym that modifies a title ("Chinese Foreign Minister") is not a mention."""
        return ent.end in {span.start for span, _ in self.title_at_end.values()}

    def titled_names(self) -> None:
        """Rule 2: titles before a name or in apposition; then the short names join."""
        for ent in [e for e in self.person_names if len(e) > 1]:
            actor = self.name_actor(ent)
            if actor is not None:
                self.take_titles(ent.start, actor, ent.end)
        full: dict[str, list[tuple[int, int, Span]]] = {}
        for n, ent in enumerate(self.person_names):
            if len(ent) > 1:
                for word in {ent[0].text, ent[-1].text}:
                    full.setdefault(word, []).append((ent.start, n, ent))
        for names in full.values():
            names.sort(key=lambda c: c[:2])
        for ent in self.person_names:
            if len(ent) == 1:
                self.bare.setdefault(ent.text, []).append(ent)
        for ent in self.person_names:
            if len(ent) > 1:
                continue
            self.short_names_one(ent, full)
        for span, title in list(self.title_at_end.values()):
            named = _described(span.root)
            target = self.person_actor_at(named.i) if named is not None else None
            if target is None:
                named = _appositive_name(span.root)  # "the North's leader, Kim Jong Un"
                target = self.person_actor_at(named.i) if named is not None else None
                if target is None or target.country is not None:
                    continue
                country = (self.owner_country(span.root)
                           or (self.country_before(span.start) or (0, None))[1])
                if country is None:  # only a title that says whose it is
                    continue
                target.country = country
            target.add_role(title)
            start = self.modifier_start(span.start, target)
            owner = self.owner_country(span.root)
            if owner is not None:
                self.affiliate(target, self.country_actor(owner))
            self.mention(start, span.end, target, "title")

    def owner_country(self, noun: Any) -> str | None:
        """ "Burma's de facto leader": the country the title's possessor names; "the
        North's" is the one country of the document whose name starts with that word."""
        for child in noun.children:
            if child.dep_ != "poss":
                continue
            words = [t.text for t in child.subtree if t.text not in ENGLISH.possessive_endings
                     and t.lower_ != "the"]
            place = lookup(" ".join(words)) if words else None
            if place is not None and place.kind == "name":
                return place.code
            if len(words) == 1 and words[0].istitle():
                named = {a.country for a in self.actors.values() if a.type == "country"
                         and a.name.split()[0] == words[0] and len(a.name.split()) > 1}
                if len(named) == 1:
                    return named.pop()
        return None

    def person_bodies(self, orgs: Organisations) -> None:
        """Rule 4b: "the Clinton campaign", "the Obama administration": an organisation of
        its own, tied to the person (``owners``) whose country it takes."""
        for key in list(self.mentions):
            start, end = key
            m = self.mentions[key]
            person = self.actors[m["actor"]]
            if (m["kind"] != "name" or person.type != "person" or end >= len(self.sdoc)
                    or self.sdoc[end].lower_ not in orgs.person_bodies):
                continue
            word, sector = orgs.person_bodies[self.sdoc[end].lower_]
            known = self.kb.get(person.id) if self.kb is not None else None
            name = f"{(known or {}).get('name') or person.name} {word}"
            # the id follows the person's id: "Donald J. Trump campaign" is Donald Trump's
            org = self.actor(self.kb_id(name, "organisation") or f"{person.id}-{slug(word)}",
                             name, "organisation", country=person.country, sector=sector)
            self.owners[org.id] = person.id
            del self.mentions[key]
            self.mention(start, end + 1, org, "name")

    def short_names_one(self, ent: Span, full: dict[str, list[tuple[int, int, Span]]]) -> None:
        """A one-word name joins the person this document names in full most often with
        that first or last word (the earliest introduced on a tie); "Mrs. Clinton" is not
        Bill Clinton. ``full`` holds (start, order, name) by those words."""
        gender = gendered.honorific(ent) or self.word_gender(ent.text)
        ranked = self.salience(ent.text, full)
        if gender:  # none of that gender named in full: the KB's, not the wrong one
            ranked = [a for a in ranked if self.genders.get(a.id, a.gender) in (None, gender)]
        if ranked:
            actor = ranked[0]
            if gender and actor.gender is None:
                actor.gender = gender
        else:
            actor_id = (self.kb_id(ent.text, "person")
                        or (self.kb.salient(ent.text) if self.kb is not None else None)
                        or slug(ent.text))
            actor = self.actor(actor_id, ent.text, "person")
            self.take_titles(ent.start, actor, ent.end)
        self.mention(ent.start, ent.end, actor, "name")

    def salience(self, word: str, full: dict[str, list[tuple[int, int, Span]]]) -> list[Found]:
        """The people named in full with ``word`` as first or last word: the one the corpus
        knows by it, then the most often named, then the earliest; ranked once per word."""
        if word not in self.ranked_by_word:
            counts: Counter[str] = Counter()
            first: dict[str, tuple[int, Found]] = {}
            names: dict[str, list[Span]] = {}
            for start, _order, name in full.get(word, []):
                actor = self.name_actor(name)
                if actor is not None:
                    counts[actor.id] += 1
                    first.setdefault(actor.id, (start, actor))
                    names.setdefault(actor.id, []).append(name)
            for actor_id, (_start, actor) in first.items():
                self.genders[actor_id] = (
                    actor.gender or gendered.shown(names[actor_id], self.gender_votes)
                    or gendered.by_first_name(actor.name))
            # whom the corpus means by the bare word comes first; "Ivanka" alone in the text
            # tells her from "Trump" by her first name, so she comes last
            usual = self.kb.salient(word) if self.kb is not None and len(first) > 1 else None
            by_first = {i for i, (_s, a) in first.items()
                        if len(first) > 1 and a.name.split()[0] in self.bare and i != usual}
            self.ranked_by_word[word] = [first[i][1] for i in sorted(
                first, key=lambda i: (i != usual, i in by_first, -counts[i], first[i][0]))]
        return self.ranked_by_word[word]

    def word_gender(self, word: str) -> str | None:
        """The gender the pronouns after a bare name show, over all its occurrences: a bare
        surname means one person throughout a news story."""
        if word not in self.gender_by_word:
            self.gender_by_word[word] = gendered.shown(self.bare.get(word, []), self.gender_votes)
        return self.gender_by_word[word]

    def name_actor(self, ent: Span) -> Found | None:
        """The actor of a full name, unless a neighbour's title mention swallowed it."""
        m = self.mentions.get((ent.start, ent.end))
        return self.actors[m["actor"]] if m else None

    def person_actor_at(self, i: int) -> Found | None:
        for key in self.mentions.covering(i):
            if self.actors[self.mentions[key]["actor"]].type == "person":
                return self.actors[self.mentions[key]["actor"]]
        return None

    def take_titles(self, start: int, actor: Found, end: int | None = None) -> None:
        """Walk left over titles and a country modifier; record a title mention.

        A name followed by "of <country>" ("King Hassan of Morocco") takes that country.
        """
        sdoc = self.sdoc
        if end is not None and end + 1 < len(sdoc) and sdoc[end].lower_ == "of":
            for n in (3, 2, 1):
                place = lookup(sdoc[end + 1:end + 1 + n].text)
                if place is not None and place.kind == "name" and end + 1 + n <= len(sdoc):
                    self.affiliate(actor, self.country_actor(place.code))
                    break
        j = start
        while j in self.title_at_end:
            span, title = self.title_at_end[j]
            actor.add_role(title)
            actor.gender = actor.gender or gendered.words().honorifics.get(span.text.lower())
            j = span.start
        if j == start:  # no title: only a possessive owner ("NPR's Steve Inskeep")
            if j >= 2 and self.sdoc[j - 1].text in ENGLISH.possessive_endings:
                owner = self.actor_at(-1, j - 1)
                if owner is not None and owner.type != "person":
                    self.affiliate(actor, owner)
            return
        j = self.modifier_start(j, actor)
        self.mention(j, start, actor, "title")

    def modifier_start(self, j: int, actor: Found) -> int:
        """Take in "U.S.", "Chinese", "China's" or "NPR's" before a title; set the country."""
        sdoc = self.sdoc
        if j >= 2 and sdoc[j - 1].text in ENGLISH.possessive_endings:
            owner = self.actor_at(-1, j - 1)
            if owner is not None and owner.type != "person":
                self.affiliate(actor, owner)
                return self.mentions.first_ending(j - 1)[0]
        if j >= 1:
            for n in (3, 2, 1):
                if j - n < 0:
                    continue
                place = lookup(sdoc[j - n:j].text)
                if place is not None and _modifier_start_ok(sdoc[j - n]):
                    self.affiliate(actor, self.country_actor(place.code))
                    return j - n
        return j

    @staticmethod
    def affiliate(actor: Found, owner: Found) -> None:
        if actor.country is None and owner.country:
            actor.country = owner.country
        if actor.sector is None and owner.type == "organisation" and owner.sector:
            actor.sector = owner.sector

    def descriptions(self, title_spans: list[tuple[Span, Title]]) -> None:
        """Rule 5: a title with no name after it refers to the one person holding it."""
        for span, title in title_spans:
            if self.mentions.covering(span.start):
                continue
            after = self.sdoc[span.end] if span.end < len(self.sdoc) else None
            before = self.sdoc[span.start - 1].lower_ if span.start else ""
            if (span.root.tag_ in {"NNS", "NNPS"} or before in NOT_REFERRING
                    or (after is not None and (after.ent_type_ or after.lower_ == "of"))):
                continue  # plural, indefinite or "president of X": not one known holder
            country = None
            start = span.start
            place = self.country_before(span.start)
            if place is not None:
                start, country = place
            if title.is_role:
                target = self.holder(title, country) or self.kb_holder(title, country)
                kind = "title" if target and title.role in target.roles else "description"
            else:
                target = self.counterpart(span.start, country)
                kind = "description"
            if target is not None:
                self.mention(start, span.end, target, kind)

    def country_before(self, j: int) -> tuple[int, str] | None:
        sdoc = self.sdoc
        if j >= 2 and sdoc[j - 1].text in ENGLISH.possessive_endings:
            j -= 1
        for n in (3, 2, 1):
            if j - n >= 0 and _modifier_start_ok(sdoc[j - n]):
                place = lookup(sdoc[j - n:j].text)
                if place is not None:
                    return j - n, place.code
        return None

    def people(self) -> list[Found]:
        return [a for a in self.actors.values() if a.type == "person"]

    def holder(self, title: Title, country: str | None) -> Found | None:
        cands = [a for a in self.people()
                 if any(r == title.role or r in title.holders or title.head in r.lower().split()
                        for r in a.roles)
                 and (country is None or a.country == country)]
        if len(cands) > 1:
            cands = [a for a in cands if title.role in a.roles] or cands
        return cands[0] if len(cands) == 1 else None

    def kb_holder(self, title: Title, country: str | None) -> Found | None:
        """ "the U.S. secretary of state" with no name here: the KB's latest holder."""
        if self.kb is None or country is None or title.sector is None:
            return None
        record = self.kb.holder(title.role, country)
        if record is None:
            return None
        actor = self.actor(record["id"], record["name"], "person", country=record["country"],
                           sector=record.get("sector"))
        if title.role not in actor.roles:
            actor.roles.append(title.role)
        return actor

    def counterpart(self, at: int, country: str | None) -> Found | None:
        """ "his Chinese counterpart": the nearest person of that country, same sector first."""
        if country is None:
            return None
        owner = None
        prev = self.sdoc[at - 2] if at >= 2 else None
        if prev is not None and prev.lower_ in ENGLISH.pronoun_gender:
            owner = self.pronoun_target(prev)
        cands = [a for a in self.people() if a.country == country and a is not owner]
        if owner is not None and owner.sector:
            cands = [a for a in cands if a.sector == owner.sector] or cands
        if not cands:
            return None

        def distance(a: Found) -> int:
            return min(abs(s - at) for (s, e), m in self.mentions.items() if m["actor"] == a.id)

        return min(cands, key=distance)

    def settle_genders(self) -> None:
        """Each person's gender from all the names the document gives them, before rule 6
        reads it; where they show none, the knowledge base's or the first name's is a prior."""
        names: dict[str, list[Span]] = {}
        for (start, end), m in self.mentions.items():
            if m["kind"] == "name":
                names.setdefault(m["actor"], []).append(self.sdoc[start:end])
        for actor in self.people():
            actor.gender = (gendered.shown(names.get(actor.id, []), self.gender_votes)
                            or actor.gender)
            known = self.kb.get(actor.id) if self.kb is not None else None
            actor.prior = (known or {}).get("gender") or gendered.by_first_name(actor.name)

    def pronouns(self) -> None:
        """Rule 6: he/his/she/her -> the only person just before them."""
        for tok in map(self.sdoc.__getitem__, self.pronoun_tokens):
            actor = self.pronoun_target(tok)
            if actor is not None:
                if actor.likely_gender is None:  # for the next pronouns, not as evidence
                    actor.prior = ENGLISH.pronoun_gender[tok.lower_]
                self.mention(tok.i, tok.i + 1, actor, "pronoun")

    def pronoun_target(self, tok: Any) -> Found | None:
        sent = tok.sent
        gender = ENGLISH.pronoun_gender[tok.lower_]

        def persons(lo: int, hi: int) -> list[tuple[int, Found]]:
            """Mentions within [lo, hi] of people this pronoun's gender allows; not inside
            a quotation the pronoun is outside of ("'... if Trump wins,' he said")."""
            out = []
            for key in self.mentions.inside(lo, hi):
                actor = self.actors[self.mentions[key]["actor"]]
                if actor.type == "person" and actor.likely_gender in (None, gender) \
                        and not self.quoted_apart(self.mentions[key]["start"], tok.idx):
                    out.append((key[0], actor))
            return out

        bound = self.clause_subject(tok)
        # the subject's own actor, wherever else it is named, is not the object pronoun
        barred = {a.id for i, a in persons(sent.start, tok.i) if i in bound}
        here = [(i, a) for i, a in persons(sent.start, tok.i) if a.id not in barred]
        if here:
            distinct = {a.id: a for _, a in here}
            return next(iter(distinct.values())) if len(distinct) == 1 else None
        if sent.start == 0:
            return None
        prev = self.sdoc[sent.start - 1].sent
        distinct = {a.id: a for _, a in persons(prev.start, prev.end) if a.id not in barred}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
        if tok.dep_ not in ENGLISH.subjects:
            return None
        # a subject pronoun opening a sentence continues the previous sentence's subject
        subjects = {a.id: a for s, a in persons(prev.start, prev.end)
                    if any(main_subject(t) for t in self.sdoc[s:min(s + 4, prev.end)])}
        return next(iter(subjects.values())) if len(subjects) == 1 else None


    def quoted_apart(self, at: int, pronoun: int) -> bool:
        """Whether a character lies inside a quotation that does not hold the pronoun: the
        words of a quote name its speaker's subjects, not who "he said" is."""
        return any(start <= at < end and not start <= pronoun < end
                   for start, end in self.quoted)

    @staticmethod
    def clause_subject(tok: Any) -> set[int]:
        """Tokens of the subject an object pronoun cannot mean (binding): in "Brandt called
        on HER", "her" is not Brandt; a possessive ("lost HER seat") may be its subject."""
        if tok.tag_ != "PRP" or tok.dep_ in ENGLISH.subjects:
            return set()
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        # a participle or an infinitive without a subject of its own has its governing
        # verb's ("Biden hit the trail, accusing HIM of ...": not Biden), or that verb's
        # object where it has one ("she invited him to visit HER": him)
        while not any(c.dep_ in ENGLISH.subjects for c in verb.children) and \
                verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            controller = [c for c in verb.head.children if c.dep_ == "dobj"]
            if verb.dep_ == "xcomp" and controller:
                return {t.i for c in controller for t in c.subtree}
            verb = verb.head
        return {t.i for c in verb.children if c.dep_ in ENGLISH.subjects for t in c.subtree}


class Mentions(dict):
    """Token range -> mention, found also by start and end token, so that no rule scans
    every mention of the document (which made long documents quadratic)."""

    def __init__(self) -> None:
        super().__init__()
        self.order: dict[tuple[int, int], int] = {}  # insertion number, as dict order
        self.by_start: dict[int, set[tuple[int, int]]] = {}
        self.by_end: dict[int, set[tuple[int, int]]] = {}
        self.longest = 0
        self.added = 0

    def __setitem__(self, key: tuple[int, int], value: dict[str, Any]) -> None:
        if key not in self:
            self.order[key] = self.added
            self.added += 1
            self.by_start.setdefault(key[0], set()).add(key)
            self.by_end.setdefault(key[1], set()).add(key)
            self.longest = max(self.longest, key[1] - key[0])
        super().__setitem__(key, value)

    def __delitem__(self, key: tuple[int, int]) -> None:
        super().__delitem__(key)
        del self.order[key]
        self.by_start[key[0]].discard(key)
        self.by_end[key[1]].discard(key)

    def _ordered(self, keys: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return sorted(keys, key=self.order.__getitem__)

    def first_ending(self, end: int) -> tuple[int, int] | None:
        """The earliest added mention ending at token ``end``."""
        return min(self.by_end.get(end, ()), key=self.order.__getitem__, default=None)

    def inside(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Mentions within tokens [lo, hi], in the order they were added."""
        return self._ordered([k for s in range(lo, hi + 1)
                              for k in self.by_start.get(s, ()) if k[1] <= hi])

    def covering(self, i: int) -> list[tuple[int, int]]:
        """Mentions holding token ``i``, in the order they were added."""
        return self._ordered([k for s in range(max(0, i - self.longest + 1), i + 1)
                              for k in self.by_start.get(s, ()) if k[1] > i])


def main_subject(tok: Any) -> bool:
    """Whether a token is the subject of its sentence's main verb, or a name in apposition
    to it ("Another critic, Ana Ruiz, compared ...")."""
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in ENGLISH.subjects and tok.head.dep_ == "ROOT"


def _described(noun: Any) -> Any:
    """The person a title noun is said of: in apposition ("Kim, the North's leader"), as a
    copula's complement ("Kim is the leader") or after "as" ("visited as Burma's leader");
    not when the verb is negated."""
    if noun.dep_ == "appos":
        return noun.head if noun.head.ent_type_ == "PERSON" else None
    verb = None
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        if verb.ent_type_ == "PERSON":
            return verb
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    return next((c for c in verb.children
                 if c.dep_ in {"nsubj", "nsubjpass"} and c.ent_type_ == "PERSON"), None)


def _appositive_name(noun: Any) -> Any:
    """The person named in apposition after a title noun ("the leader, Kim Jong Un")."""
    return next((c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"),
                None)


def _modifier_start_ok(tok: Any) -> bool:
    """A country modifier starts with a capital and not with "The" ("The Chilean minister"),
    and not inside a longer name ("Jersey" of "New Jersey")."""
    return tok.text[:1].isupper() and tok.lower_ != "the" and tok.ent_iob_ != "I"
