"""Status topics (legal status): a categorical status per jurisdiction, clause by clause.

"Federally Schedule I, although many states allow its sale" makes two claims about two
scopes, so statuses and jurisdictions are paired within a clause, and a clause naming
several jurisdictions gives one row per jurisdiction. A clause with a status but no
jurisdiction is scoped `general`.

A status keeps its condition: legal with a restriction (an age limit, a prescription, a
licence) is `regulated` with the restriction as its `detail`; over-the-counter sale is
`legal` with that detail; an approval keeps what it is for. A status that only describes
places ("states where it is legal"), restates a ban already named ("the ban was
debated"), or is proposed or asked about is no claim. A list of places under a line that
gives a status ("Delta-8 is banned in these states:") gives one row per place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace

from ..topics import Topic
from .common import (
    STAND_INS,
    ArticleContext,
    Assertion,
    Sentence,
    first_category,
    is_question,
    reference_pattern,
)
from .subjects import SUBSTANCE, Mention

_BREAK = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet|so|which|despite|"
                    r"in\s+spite\s+of|even\s+though)\b|"
                    r"\b(?:but|whereas|although|though)\b|\s[–—-]\s|,?\s*(?=\bnor\b)|"
                    r",\s+(?:and|or)\s+(?=(?:the|other|some|many|most|several|a\s+few)\b)"
                    # ... but not before the last of a list of places: "including the United
                    # States, Canada, and the United Kingdom, kanna is legal"
                    r"(?!the\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2}\s*,)")
# A leading subordinate clause ("Despite hemp's removal from the Act, CBD remains ...")
# is a clause of its own.
_LEAD = re.compile(r"(?:^|(?<=[.!?:])\s+)\W*(?:(?:thus|however|but|and|so|still|yet|also|"
                   r"moreover|therefore|hence|in\s+fact),?\s+)?"
                   # "Three years after federal legislation removed it from the list, ..."
                   r"(?:(?:\w+|\d+)\s+(?:years?|months?|weeks?|days?|decades?)\s+"
                   r"(?=after|before|since))?"
                   r"(?:despite|although|though|while|whereas|unlike|"
                   r"after|since|because|when|once|before|as\s+of)\b[^,;]{0,160},", re.I)
# "the state's board", "the country": the place named in the sentence before.
_ANAPHOR_START = re.compile(rf"^\W*(?:it|this|they|these|that|such|the\s+{STAND_INS})\b", re.I)
_AFTER = re.compile(r"\b(?:after|following)\s+(?:years\s+of\s+|decades\s+of\s+)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|before|prior\s+to)\s+(?:the\s+)?$", re.I)
_SAME_PLACE = re.compile(r"\bthe\s+(?:state|country|nation|province|territory|law|bill|measure|ban|"
                         r"ruling|rule|legislation|regulation)(?:.s)?\b|"
                         r"\b(?:under|by)\s+state\s+(?:law|statute|legislation)\b|\bthis\s+state\b",
                         re.I)
# "its sale is banned", "the herb is legal": the claim is about the article's subject.
REFERENCE = reference_pattern(
    r"such\s+products|sales?|possession|purchase|importation|distribution|"
    # "higher doses require a prescription": strengths of the product the page is about
    r"(?:higher|larger|stronger|bigger)[- ](?:doses?|strengths?|dosages?|quantities|packs?|"
    r"pack\s+sizes)|"
    # "approved the first topical NSAID", "approved the Roche drug": the drug the article
    # is about, described rather than named
    r"(?:the|a|an)\s+(?:first|new|second|novel|only|(?!Food\b)(?-i:[A-Z])[\w&-]+)\s+"
    r"(?:(?!prescription\b)[\w-]+\s+){0,3}?"
    r"(?:drug|medication|medicine|therapy|treatment|vaccine|pill|injection|NSAID)s?\b|"
    # "The FDA approval is the latest step": the approval of the drug the article is about
    r"(?:the|this)\s+(?:FDA|F\.D\.A\.|EMA|MHRA)\s+approval(?!\s+(?:process|letters?))|"
    r"the\s+ban(?!\s+on)|"  # "a court overturned the ban": the one said before
    # "Canada and Australia have also imposed a ban": the same ban, elsewhere
    r"also\s+(?:imposed|introduced|enacted|adopted|issued|announced)\s+(?:a\s+|their\s+own\s+|"
    r"similar\s+)?bans?(?!\s+on)|similar\s+bans?(?!\s+on)")
GENERAL = "general"
_UNDER_EUA = re.compile(r"\bapproved\b[^.;]{0,60}\bunder\s+(?:an?\s+|the\s+)?(?:emergency|EUA)",
                        re.I)
_PENDING = frozenset({"unapproved"})  # a status that hopes and plans only confirm
MAX_CLAUSES = 8  # bounds the work on a run-on sentence; real ones have two or three
MAX_PLACES = 60  # a sentence listing every state that bans something
MAX_HITS = 12  # per status and clause: a real clause states a status once or twice
MAX_LIST = 80  # places listed under one status line


def _build_jurisdictions(topic: Topic) -> tuple[list[tuple[str, re.Pattern[str]]],
                                                  dict[str, str]]:
    table = topic.get("jurisdictions", {})
    out: list[tuple[str, re.Pattern[str]]] = []
    for name, patterns in table.items():
        if name in {"states", "countries", "cities", "local", "local_lists", "aliases"}:
            continue
        for p in topic.compile(patterns, f"jurisdictions.{name}", flags=0):
            out.append((name, p))
    label = {n: n for n in list(table.get("states", [])) + list(table.get("countries", []))
             + list(table.get("cities", []))}
    for canonical, names in table.get("aliases", {}).items():
        label.update({n: canonical for n in names})
    # counties and cities before states: "New York City" is no claim about New York
    for p in topic.compile(table.get("local", []), "jurisdictions.local", flags=0):
        out.append(("", p))  # the match itself names the place
    named = sorted(label, key=len, reverse=True)
    if named:  # one alternation for every place written by name: one search per clause
        out.append(("*", re.compile(r"\b(?:" + "|".join(map(re.escape, named)) + r")(?![\w])")))
    return out, label


# A clause about other places than the one beside it.
_ELSEWHERE = re.compile(r"\b(?:elsewhere|other\s+(?:states|countries)|rest\s+of|outside)\b", re.I)
# Words that make "US federal" the federal law, not the country that holds the states.
_FEDERAL = re.compile(r"\b(?:federal(?:ly)?|FDA|DEA|Congress|Farm\s+Bill|Drug\s+Enforcement|"
                      r"Food\s+and\s+Drug|nationwide|national)\b", re.I)
# "everywhere except Alabama", "Sarasota County, Florida", "soon-to-be Colorado": the
# place is an exception, only names where a county lies, or is still to come.
_NOT_THERE = re.compile(r"\b(?i:soon-to-be|soon\s+to\s+be)\s+$|"
                        r"\b(?i:except|excluding|other\s+than|apart\s+from|besides|outside)\b"
                        r"(?:[^.;,]|,(?=\s*(?:and\s+|or\s+)?(?:the\s+)?(?:[A-Z]|$))){0,120}$|"
                        r"\b(?:County|Parish|City|Township),?\s*$")
# "with Louisiana being the only exception": not where it holds
_EXCEPTION_AFTER = re.compile(r"\s+(?:being|is|was|as)\s+(?:the\s+|an\s+)?(?:only\s+|sole\s+|"
                              r"lone\s+|one\s+|single\s+|notable\s+)?exceptions?\b", re.I)
# "San Diego, California": the state only says where the city lies (a name before it
# that is no jurisdiction, after a lower-case word or a comma).
_CITY_BEFORE = re.compile(r"(?:\b[a-z]+|,)\s+((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+),\s*$")
_STATE_AFTER = re.compile(r",\s*((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)\b")
# "a Florida-based company"; "Kentucky's border states": the place names something else
_PLACE_MODIFIER = re.compile(r"-based\b|\s+(?:company|firm|maker|researchers|scientists)\b|"
                             r"[’']s\s+(?:border(?:ing)?|neighbou?ring|neighbou?rs?|surrounding|"
                             r"adjacent)\b")


_LOCAL = "cities and counties"  # the vague scope of local bans and ordinances


def find_jurisdictions(topic: Topic, clause: str) -> list[str]:
    """Jurisdictions named in `clause`, most specific pattern first, no overlaps. "States
    in the U.S." names states, not the federal law; "Germany-based Bayer" no place."""
    return _refine_places(topic, _find_jurisdictions(topic, clause), clause)


def _refine_places(topic: Topic, places: list[str], clause: str) -> list[str]:
    """find_jurisdictions' reading of the places a clause names, once found."""
    states = (set(topic.get("jurisdictions.states", [])) | set(topic.get("vague_scopes", []))
              | {topic.get("every_state", "")})
    if "US federal" in places and any(p in states for p in places) and not _FEDERAL.search(
            clause):
        places = [p for p in places if p != "US federal"]
    vague = set(topic.get("vague_scopes", []))
    countries = set(topic.get("jurisdictions.countries", [])) - {"Puerto Rico", "Guam"}
    if any(p in vague for p in places) and (
            any(p in countries for p in places)
            or sum(p in states - vague for p in places) > 1):
        # "most states and territories across Australia": that country's states; "illegal
        # in six states: Alabama, ...": the states it names
        places = [p for p in places if p not in vague]
    if "international" in places and any(p in countries for p in places) and \
            _EXAMPLES_OF.search(clause) and _SOME_COUNTRIES.search(clause):
        # "several countries, including Australia and Denmark, have banned it": those
        places = [p for p in places if p != "international"]
    cities = set(topic.get("jurisdictions.cities", ()))
    if _LOCAL in places and any(
            p.split(",")[0] in cities or _LOCAL_NAME.search(p) for p in places):
        places = [p for p in places if p != _LOCAL]  # they are named
    return places


_LOCAL_NAME = re.compile(r"\b(?:County|Parish|City|Town)\b")
# ... introduced as a handful ("several countries, including"), not as most of the world
_SOME_COUNTRIES = re.compile(r"\b(?:several|some|a\s+few|a\s+number\s+of|certain|various|numerous|"
                             r"other|a\s+handful\s+of)\s+(?:other\s+)?countries\b", re.I)
_EXAMPLES_OF = re.compile(r"\b(?:including|such\s+as|like|namely|among\s+them|e\.g\.)\s", re.I)


# One name in a list of local places, with the state it lies in when one follows.
_LISTED_NAME = re.compile(r"((?:[A-Z][a-z]+\.?\s+){0,2}[A-Z][a-z]+)(?:,\s*((?:[A-Z][a-z]+\s)?"
                          r"[A-Z][a-z]+)\b)?")
_LIST_JOINT = re.compile(r",?\s+(?:and|or)\s+|,\s*")


def _listed_locals(topic: Topic, clause: str, labels: dict[str, str]
                   ) -> list[tuple[int, int, str]]:
    """Places named in a list after "cities such as": a town no list of ours holds
    (Sarasota, Jerseyville) is still a place of its own there."""
    intro = topic.regex("jurisdictions.local_lists")
    if intro is None:
        return []
    states = set(topic.get("jurisdictions.states", ()))
    out: list[tuple[int, int, str]] = []
    for m in intro.finditer(clause):
        pos = m.end()
        while len(out) < MAX_PLACES:
            item = _LISTED_NAME.match(clause, pos)
            if item is None:
                break
            name, state = item.group(1), item.group(2)
            if labels.get(name) and name not in topic.get("jurisdictions.cities", ()):
                break  # a state or country: the usual patterns read it
            if state and state in states:
                out.append((item.start(), item.end(), f"{name}, {state}"))
            else:
                out.append((item.start(), item.end(1), name))  # "Sarasota, Denver": two
            joint = _LIST_JOINT.match(clause, out[-1][1])
            if joint is None:
                break
            pos = joint.end()
    return out


def _find_jurisdictions(topic: Topic, clause: str) -> list[str]:
    return [label for _, label in _jurisdictions_at(topic, clause)]


def _jurisdictions_at(topic: Topic, clause: str, *, every: bool = False
                      ) -> list[tuple[int, str]]:
    """(where, jurisdiction) for each place named in `clause`, in order; `every`: each
    time it is named (a whole article's mentions), not once."""
    cap = MAX_PLACES * 20 if every else MAX_PLACES
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    patterns, labels = topic.cached("jurisdictions", _build_jurisdictions)
    for start, end, label in _listed_locals(topic, clause, labels):
        taken.append((start, end))
        found.append((start, label))
    if found:  # "some counties and cities, such as ...": they are named
        patterns = [(n, p) for n, p in patterns if n != "cities and counties"]
    for name, pattern in patterns:
        for m in pattern.finditer(clause):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if _PLACE_MODIFIER.match(clause, m.end()) or _NOT_THERE.search(
                    clause[max(0, m.start() - 130):m.start()]) or _EXCEPTION_AFTER.match(
                    clause, m.end()):
                continue
            label = (labels.get(m.group(0), m.group(0)) if name == "*" else
                     name or re.sub(r"\s+", " ", m.group(0)).strip())
            state = _STATE_AFTER.match(clause, m.end())
            if state and label in topic.get("jurisdictions.cities", ()):
                # "Denver, Colorado": the city, placed in its state
                taken.append((m.end(), state.end()))
                label = f"{label}, {state.group(1)}"
            city = _CITY_BEFORE.search(clause, max(0, m.start() - 50), m.start())
            if city and not _find_jurisdictions(topic, city.group(1)):
                label = f"{city.group(1)}, {label}"  # the city is the place
            if every or label not in (f for _, f in found):
                found.append((m.start(), label))
            if len(found) >= cap:
                return sorted(found)
    return sorted(found)


_DOTTED_FDA = re.compile(r"\bF\.D\.A\.(?=\s)")


def find_statuses(topic: Topic, clause: str) -> list[tuple[str, int, int]]:
    """Statuses asserted in `clause` with the span that says each, in schema order; a
    later status never reuses text.

    `status_first` (negations, age limits) is read before `statuses`, and a status that
    follows a proposal word ("proposed", "would") in the clause is not a claim.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, int, int]] = []
    hypothetical = topic.regex("hypothetical")
    # "the F.D.A. declined to approve": one spelling of the agency for every pattern,
    # padded so that offsets still point into the clause as written
    clause = _DOTTED_FDA.sub(lambda m: "FDA".ljust(len(m.group(0))), clause)
    for group in ("status_first", "statuses"):
        for status in topic.get(group, {}):
            pattern = topic.regex(f"{group}.{status}")
            if pattern is None:
                continue
            for n, hit in enumerate(pattern.finditer(clause)):
                if n >= MAX_HITS:
                    break
                if any(hit.start() < e and s < hit.end() for s, e in taken):
                    continue
                taken.append((hit.start(), hit.end()))
                before = clause[max(0, hit.start() - 200):hit.end()]  # "considering a ban"
                # "you should take less, since it is not regulated": a reason is asserted
                reasons = [m.end() for m in _REASON.finditer(before)] + [
                    m.end() for m in _NEW_PREDICATE.finditer(before)]
                if reasons:
                    before = before[reasons[-1]:]
                if hypothetical is not None and status not in _PENDING and \
                        hypothetical.search(before):
                    continue  # ("hopes to win approval" says it is not approved yet)
                if _not_a_claim(topic, clause, hit.start(), hit.end(),
                                restated=group == "statuses"):
                    continue
                if status not in (f[0] for f in found):
                    found.append((status, hit.start(), hit.end()))
    if {"approved", "authorized"} <= {f[0] for f in found} and _UNDER_EUA.search(clause):
        # "the FDA had approved the shots under an emergency-use authorization"
        found = [f for f in found if f[0] != "approved"]
    return found


def _as_of(topic: Topic, clause: str, at: int = 0) -> str:
    """The year a status claim says it held ("since the 2018 Farm Bill"), or "recent".
    "Schedule I until 2018" held before that year: statuses said before an "until YEAR"
    get "until YEAR", those after it the year itself."""
    years = list(topic.cached("year", lambda t: re.compile(t.get("time.year", r"(?!)")))
                 .finditer(clause))
    if years:
        # "illegal from 1943 until 2021, when it was removed from the list": the ban held
        # until 2021, the new status from then
        for year in years:
            if _UNTIL.search(clause[max(0, year.start() - 30):year.start()]):
                return f"until {year.group(0)}" if at < year.start() else year.group(0)
        if _AFTER.search(clause[max(0, at - 30):at]):
            # "legalized it in 2021 after banning it for decades": the ban held until then
            return f"until {years[0].group(0)}"
        return years[0].group(0)
    recent = topic.regex("time.recent")
    return "recent" if recent is not None and recent.search(clause) else ""


def _not_a_claim(topic: Topic, clause: str, start: int, end: int, restated: bool = True
                ) -> bool:
    """A status that restates a ban already named, describes places, or is negligible:
    `not_claims` match across the status, `not_claims_before` just before it. A ban
    named to be lifted ("overturned the ban") is a claim: `restated` is False for it."""
    before = topic.regex("not_claims_before")
    if before is not None and before.search(clause[max(0, start - 100):start]):
        return True
    lo = max(0, start - 60)
    window = clause[lo:end + 100]
    for key in ("not_claims_always", "not_claims") if restated else ("not_claims_always",):
        across = topic.regex(key)
        if across is not None and any(m.start() < end - lo and m.end() > start - lo
                                      for m in across.finditer(window)):
            return True
    return False


def _unclaimed(topic: Topic, clause: str) -> str:
    """The clause with what `not_places` match blanked out: the place in "the federally
    legal level of THC" is not where the clause's status holds."""
    across = topic.regex("not_places")
    return clause if across is None else across.sub(lambda m: " " * len(m.group(0)), clause)


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    lead = _LEAD.search(text)
    if lead and lead.start() < 80:
        if lead.start() > 0:
            spans.append((0, lead.start()))
        spans.append((lead.start(), lead.end() - 1))
        start = lead.end()
    for m in _BREAK.finditer(text, start):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_FOR = re.compile(r"^\s*(?:[\w’\x27-]+\s+){0,4}?(?:only\s+)?(?:for|to\s+treat|treat|"
                  r"as\s+a\s+treatment\s+for|in\s+the\s+treatment\s+of)\s+"
                  r"((?:the\s+)?(?:(?!\s(?:are|is|was|were|has|have|had|include|includes)\s)"
                  r"(?!\s(?:and|but)\s+(?:considers?|considered|has|have|had|is|are|was|were|"
                  r"warns?|warned|says?|said|calls?|called|lists?|listed|requires?|required|"
                  r"will|would|can|may|does|did)\b)"
                  r"[^,.;()]){3,60})", re.I)


def _condition(topic: Topic, status: str, sentence_text: str, clause: str, end: int
               ) -> tuple[str, str]:
    """(status, detail): a restriction makes a legal status `regulated`; an approval
    keeps what it is for; over-the-counter sale is a legal status's detail."""
    detail = first_category(topic, "legal_details", clause) if status == "legal" else ""
    if detail:  # over the counter: a legal status, whatever else the sentence says
        # ... but for an age: "aged 18 and over can buy vapes without a prescription"
        if first_category(topic, "restrictions", clause) == "age limit":
            return "regulated", f"age limit; {detail}"
        return status, detail
    # a restriction in the clause, or in a clause of its own ("but not under 21")
    restriction = first_category(topic, "restrictions", clause, sentence_text)
    if status in {"legal", "regulated"} and restriction:
        return "regulated", restriction
    # a ban is softened only by a restriction in its own clause: "can import up to 2 kg
    # for personal use, but it's illegal to sell kava" is still a ban on sale
    restriction = first_category(topic, "restrictions", clause)
    if status == "banned" and restriction in {"prescription only", "age limit", "quantity limit",
                                              "place of use", "licence", "permit",
                                              "medical use only"}:
        return "regulated", restriction
    if status in regulator_statuses(topic):
        m = _FOR.match(clause[end:])
        return status, (f"for {m.group(1).strip()}" if m else "")
    return status, ""


def _scheme_place(topic: Topic, table: str, clause: str) -> list[str]:
    """The place whose drug scheme the clause names (`table` maps place -> patterns)."""
    return [name for name in topic.get(table, {})
            if (scheme := topic.regex(f"{table}.{name}")) is not None
            and scheme.search(clause)][:1]


def regulator_statuses(topic: Topic) -> frozenset[str]:
    return frozenset(topic.get("regulator_statuses", ()))


def _regulator_place(topic: Topic, ctx: ArticleContext | None) -> list[str]:
    """Where an approval holds when its sentence names no place: where the agency the
    article names most rules (`agency_places`: FDA is US federal)."""
    if ctx is None:
        return []
    if "regulator_place" not in ctx.cache:
        text = ctx.resolver.text[:100_000]
        places = topic.get("agency_places", {})
        counts: dict[str, int] = {}
        for agency, place in places.items():
            pattern = topic.regex(f"agencies.{agency}")
            if pattern is not None:
                counts[place] = counts.get(place, 0) + sum(1 for _ in pattern.finditer(text))
        ranked = sorted((k for k in counts if counts[k]), key=lambda k: -counts[k])
        ctx.cache["regulator_place"] = ranked[:1]
    return ctx.cache["regulator_place"]


# A headline that asks about the law ("Is CBD Legal in Iowa?", "Kratom laws in Texas").
_LAW_TITLE = re.compile(r"\b(?:legal|illegal|legality|laws?|bans?|banned|regulat\w*|rules)\b",
                        re.I)


def _home_country(topic: Topic, ctx: ArticleContext | None) -> list[str]:
    """Where an unplaced status holds when every place the article names is in one
    country: an article about US states and federal law means the US by "it is legal"."""
    if ctx is None:
        return []
    if "home_country" not in ctx.cache:
        text = ctx.resolver.text[:100_000]
        every = _jurisdictions_at(topic, text, every=True)  # one pass serves both readings
        # "Is CBD Legal in Iowa?": a page whose headline names one state or country, and
        # that names it again below, is about the law there
        titled = _find_jurisdictions(topic, ctx.resolver.title) if _LAW_TITLE.search(
            ctx.resolver.title) else []
        if len(titled) == 1 and titled[0] != "US federal" and titled[0] in set(
                topic.get("jurisdictions.states", [])) | set(
                topic.get("jurisdictions.countries", [])) and sum(
                name == titled[0] for _, name in every) >= 3:
            ctx.cache["home_country"] = titled
            return titled
        named = set(_refine_places(topic, list(dict.fromkeys(n for _, n in every)), text))
        homes = []
        for home, members in topic.get("home_countries", {}).items():
            places = set()
            for member in members:  # "@states": every name of that jurisdictions list
                places |= (set(topic.get(f"jurisdictions.{member[1:]}", []))
                           if member.startswith("@") else {member})
            if named and named <= places:
                homes.append(home)
        countries = set(topic.get("jurisdictions.countries", []))
        if not homes and len(named) == 1 and named <= countries:
            homes = sorted(named)  # an article about one country: "Japan's health ministry"
        if not homes and named:
            homes = _mostly_named(topic, text, every, countries)
        ctx.cache["home_country"] = homes[:1]
    return ctx.cache["home_country"]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _mostly_named(topic: Topic, text: str, every: list[tuple[int, str]],
                  countries: set[str]) -> list[str]:
    """The country an article names in most of its sentences that name a place (at least
    two sentences and two thirds of them): a British page that names Europe once is
    about Britain. US states and federal law count as the US."""
    us = set()
    for members in topic.get("home_countries", {}).values():
        for member in members:
            us |= (set(topic.get(f"jurisdictions.{member[1:]}", []))
                   if member.startswith("@") else {member})
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    by_sentence: dict[int, set[str]] = defaultdict(set)  # one pass over the whole text
    for pos, name in every:
        by_sentence[bisect_right(ends, pos)].add("US federal" if name in us else name)
    counts: dict[str, int] = {}
    for names in by_sentence.values():
        for home in names:
            if home in countries or home == "US federal":
                counts[home] = counts.get(home, 0) + 1
    placed = len(by_sentence)
    if not counts:
        return []
    top = max(sorted(counts), key=counts.get)
    return [top] if counts[top] >= 2 and counts[top] * 3 >= placed * 2 else []


def _previous_places(topic: Topic, ctx: ArticleContext | None, sentence: Sentence
                     ) -> list[str]:
    """The places named in the sentence before (for "the state's board banned it")."""
    if ctx is None:
        return []
    for prev in ctx.resolver.sentences_before(sentence):  # not another part's places
        places = find_jurisdictions(topic, prev.text)
        if places:
            return places
    return []


# Restrictions a medicines agency sets: unplaced, they hold where the article's agency rules.
_AGENCY_RULES = frozenset({"prescription only", "restricted program"})

# A news headline states its news with a verb ("FDA approves Epclusa for hepatitis C"): a
# claim, unlike a heading that names a topic ("Legal status of kratom").
_HEADLINE_VERB = re.compile(r"\b(?:approves|approved|OKs|OK[’\x27]d|clears|cleared|bans|banned|"
                            r"legali[sz]es|legali[sz]ed|outlaws|rejects|rejected|wins|won|gets|"
                            r"pulls|pulled|revokes|revoked|authori[sz]es|authori[sz]ed)\b")

# What a ban or a law is on: "a ban on gatherings", "banned the sale of flavored vapes".
_OBJECT = re.compile(r"\s*(?:on|of|against)\s+(?:the\s+|all\s+|any\s+|most\s+|public\s+|"
                     r"large\s+|mass\s+|non-essential\s+)*(?:(?:sale|sales|use|import|imports|"
                     r"possession|distribution|marketing|advertising)\s+of\s+)?"
                     # "require prescriptions for medications containing pseudoephedrine":
                     # the medicines' ingredient is what the law is about (not so "any
                     # product containing THC", which holds the article's CBD products too)
                     r"|\s*(?:(?:on|of|against|for|to\s+buy|in\s+order\s+to\s+buy)\s+)?"
                     r"(?:the\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:medications?|"
                     r"medicines?|drugs?|remedies|preparations?)\s+(?:that\s+contain|containing)\s+",
                     re.I)


def extract_status(topic: Topic, sentence: Sentence,
                   ctx: ArticleContext | None = None) -> list[Assertion]:
    """Status rows of one sentence; a status of something else (a travel ban, a law on
    another product, a class of drugs) gives no row, and neither does a heading."""
    text = sentence.text
    anchors = topic.regex("anchors")
    # the article's headline: its first heading, after at most a line of site furniture
    # ("Skip to content")
    headline = sentence.is_heading and (sentence.start < 3 or (
        sentence.start < 40 and ctx is not None and "\n" not in
        ctx.resolver.text[:sentence.start].strip())) and _HEADLINE_VERB.search(text)
    if anchors is None or (sentence.is_heading and not headline) or is_question(text) \
            or not anchors.search(text):
        return []
    found = []
    for a, b in _clauses(text)[:MAX_CLAUSES]:
        clause = text[a:b]
        found.append((a, b, find_statuses(topic, clause) if anchors.search(clause) else []))
    if not any(statuses for _, _, statuses in found):
        return []  # places are looked for only in a sentence that states a status
    pieces = [(a, b, statuses, find_jurisdictions(topic, _unclaimed(topic, text[a:b])))
              for a, b, statuses in found]
    rows: list[Assertion] = []
    seen: set[tuple[str, str, str]] = set()
    # "Kentucky: Schedule V since 2017." under "States that have scheduled gabapentin": a
    # line labelled with a place is about what the heading or the article is about
    label = _PLACE_LABEL.match(text)
    labelled = label is not None and _label(topic, label.group(1)) != ""
    for i, (a, b, statuses, places) in enumerate(pieces):
        if not statuses:
            continue
        clause = text[a:b]
        if not places and not _ELSEWHERE.search(clause):
            # "Six states — Alabama, Ohio — have banned it", "Britain banned its sale, but
            # importing it is legal": the place is named in the clause beside
            for j in sorted(range(len(pieces)), key=lambda j: (abs(j - i), bool(pieces[j][2]),
                                                               j)):
                if j != i and pieces[j][3]:
                    places = pieces[j][3]
                    break
        if not places and (_SAME_PLACE.search(clause) or _ANAPHOR_START.match(text)):
            # "the state's board banned it"; "... in the United States. It is a
            # prescription-only medication."
            places = _previous_places(topic, ctx, sentence)[:1]
        if not places:
            # "classified as Class C controlled substances": the scheme's country
            places = _scheme_place(topic, "scheme_places", clause)
        if not places:
            # "BPOM's head said no emergency approval had been given": where the agency rules
            agency = first_category(topic, "agencies", clause)
            place = topic.get("agency_places", {}).get(agency)
            places = [place] if place else []
        scheduled_only = False
        if not places and any(st in regulator_statuses(topic) or st == "controlled"
                              for st, _, _ in statuses):
            places = _regulator_place(topic, ctx)
            # "designate tianeptine as a Schedule I controlled substance" on a state's page
            # that names the FDA: shown where the agency rules, compared as unplaced
            scheduled_only = not any(st in regulator_statuses(topic) for st, _, _ in statuses)
        inferred = not places or scheduled_only
        if not places and (first_category(topic, "restrictions", clause) in _AGENCY_RULES
                           or first_category(topic, "legal_details", clause)):
            # "Xarelto is a prescription medicine" in a release that names the FDA: the
            # rule of the agency the article names most (shown, compared as unplaced)
            places = _regulator_place(topic, ctx)
        if not places:
            places = _home_country(topic, ctx)
        if not places:
            # "a Schedule IV controlled substance": the US schedules, shown, compared as unplaced
            places = _scheme_place(topic, "unplaced_schemes", clause)
        # restrictions of the sentence count only where said in a clause with no status of
        # its own ("legal to buy, but not for anyone under 21"), not another drug's
        free = " ".join(text[x:y] for x, y, st, _ in pieces if not st)
        # where each place is named, read once per clause that names several
        at = ([(p, label) for p, label in _jurisdictions_at(topic, _unclaimed(topic, clause))
               if label in places] if len(places) > 1 else [])
        paired = _pair_places(clause, statuses, at) if places is pieces[i][3] else {}
        if len(statuses) == 1 and _LOCAL in places:
            # "Washington retailer opens in defiance of county ban": the state only holds
            # the counties
            states = set(topic.get("jurisdictions.states", ()))
            places = [p for p in places if p not in states]
        for status, hit_start, hit_end in statuses:
            about = None
            also: list[str] = []
            if ctx is not None:
                owner = _bracket_owner(ctx, sentence, a + hit_start)
                bound = (owner or ctx.resolver.bound_after(sentence.start + a + hit_end,
                                                           connector=_OBJECT)
                         or _attributed(ctx, sentence, text[a + hit_start:a + hit_end],
                                        a + hit_end)
                         or _made(ctx, sentence, text[a + hit_start:a + hit_end], a + hit_start))
                about = _unlike_lead(ctx, sentence, a + hit_start) or ctx.subject(
                    sentence, a + hit_start, (a, b), bound=bound, others_block=True,
                    reference=None if labelled else REFERENCE, examples=True)
                if about is None:
                    continue
                # "revoked the authorization for hydroxychloroquine and chloroquine"
                also = ctx.resolver.coordinated(
                    about[0], sentence.start + (0 if owner else a),
                    owner.end if owner else sentence.start + b)
            value, detail = _condition(topic, status, free, clause, hit_end)
            where = paired.get((status, hit_start), places)
            if len(where) > 1:
                # "based in Colorado, where marijuana is legal": that place alone
                where = (_place_where(clause, hit_start, at, where)
                         or _place_after(topic, clause, hit_start, hit_end, where) or where)
            if value == "varies":
                # "not banned in all states": it differs from state to state, which says
                # nothing of any one state
                vague = list(topic.get("vague_scopes", ()))[:1]
                where = [vague[0] if p == topic.get("every_state") and vague else p
                         for p in where]
                # "scheduled on a state-by-state basis and banned in Tennessee, Indiana and
                # Ohio": the states named are where it is banned; it varies across states
                scopes = [p for p in _find_jurisdictions(topic, clause)
                          if p in topic.get("vague_scopes", ())]
                if scopes and len(where) == 1 and where[0] in topic.get(
                        "jurisdictions.states", ()):
                    where = scopes[:1]
                # "varies by state", "varies from country to country": across the places,
                # not in the one the article is about (unless the clause names a country)
                across = ("many US states" if _ACROSS_STATES.search(clause) else
                          "international" if _ACROSS_COUNTRIES.search(clause) else "")
                if across and (inferred or set(where) <= {"US federal", GENERAL}):
                    where = [across]
            detail = detail or first_category(topic, "sources", clause)
            if about is not None and about[0] in " ".join(detail.lower().split()[:5]):
                detail = ""  # "authorization for hydroxychloroquine" names the drug, not a use
            subjects = [about] + [(name, about[1]) for name in also] if about else [None]
            said = text[a + hit_start:a + hit_end]
            for place in where or [GENERAL]:
                value_here, detail_here = _national_schedule(topic, value, detail, said, place)
                for who in subjects:
                    key = (who[0] if who else "", value_here, place)
                    if key in seen:
                        continue
                    seen.add(key)
                    # a place read from the rest of the article is shown, but compared as
                    # unplaced: the sentence itself does not say it
                    rows.append(_place_row(
                        topic, sentence, value_here, place, who, detail=detail_here,
                        scope=GENERAL if inferred else place,
                        as_of=_as_of(topic, clause, hit_start),
                        agency=first_category(topic, "agencies", clause)))
    # a regulated status that is no limit on a legal sale ("decriminalized") keeps a ban
    # beside it: a change over time, not one restricted status
    return _fold_restricted(rows, frozenset(topic.get("not_limits", ())))


_PLACE_LABEL = re.compile(r"^\W*((?:[A-Z][\w.’\x27-]*)(?:\s+(?:[A-Z][\w.’\x27-]*|of|and|the)){0,3})"
                          r"\s*:\s")

_ACROSS_STATES = re.compile(r"\b(?:by|from|between|among|across)\s+(?:each\s+|one\s+)?states?\b|"
                            r"\bstate[- ](?:to|by)[- ]state\b|\bat\s+the\s+state\s+level\b",
                            re.I)
_ACROSS_COUNTRIES = re.compile(r"\b(?:by|from|between|among|across)\s+(?:different\s+|each\s+|"
                               r"one\s+)?(?:countr(?:y|ies)|nations?|regions?)\b|"
                               r"\bcountry[- ](?:to|by)[- ]country\b", re.I)


def _bracket_owner(ctx: ArticleContext, sentence: Sentence, at: int) -> Mention | None:
    """The substance a bracketed status glosses: "THC or CBN (both controlled
    substances)" is said of THC and CBN, not of the page's subject."""
    text = sentence.text
    opened = text.rfind("(", 0, at)
    if opened < 0 or at - opened > 40 or ")" in text[opened:at] or ")" not in text[at:]:
        return None
    names = [m for m in ctx.resolver.within(sentence.start + max(0, opened - 60),
                                            sentence.start + opened) if m.kind == SUBSTANCE]
    if names and not text[names[-1].end - sentence.start:opened].strip():
        return names[-1]
    return None


# "a law that makes Delta-8 THC legal": the status is of what was made so
_MAKES = re.compile(r"(?:makes?|made|making)\s", re.I)


def _made(ctx: ArticleContext, sentence: Sentence, said: str, start: int) -> Mention | None:
    """The substance named between "makes" and the status word ("making Delta-8 THC legal
    under federal law"), which the status is about whatever the sentence named before."""
    if not _MAKES.match(said):
        return None
    at = sentence.start + start
    names = [m for m in ctx.resolver.within(at, at + len(said)) if m.kind == SUBSTANCE]
    return names[0] if names else None


# "the traditional and illegal Delta 9-THC", "FDA-approved ibuprofen": a status word used as
# an adjective is said of the name it comes before
_ATTRIBUTIVE = re.compile(r"(?:legal|banned|prohibited|controlled|approved|regulated|scheduled|"
                          r"outlawed|licen[cs]ed)$", re.I)
_ATTRIBUTE_GAP = re.compile(r"\s+(?:(?!(?:in|for|to|under|at|on|and|or|but|if|when|because|"
                            r"across|by|as|is|are|was|were|like|unlike|than|with|alongside|"
                            r"including|such|the|a|an|its|their|this|that|these|those)\b)"
                            r"[\w-]+\s+){0,2}", re.I)
# ... not a verb: "the FDA has not approved the Pfizer vaccine"
_VERB_BEFORE = re.compile(r"\b(?:has|have|had|is|are|was|were|be|been|being|not|n[’']t|"
                          r"FDA|agency|it|they)\s*$", re.I)


def _attributed(ctx: ArticleContext, sentence: Sentence, said: str, end: int
                ) -> Mention | None:
    """The name a status word ending at sentence offset `end` is an adjective of, if any:
    "illegal Delta 9-THC" (not "has approved the Pfizer vaccine", a verb)."""
    start = end - len(said)
    if not _ATTRIBUTIVE.search(said) or _VERB_BEFORE.search(sentence.text, 0, start):
        return None
    named = ctx.resolver.within(sentence.start + end, sentence.start + end + 40)
    if not named or named[0].kind != SUBSTANCE:
        return None
    gap_end = named[0].start - sentence.start
    return named[0] if _ATTRIBUTE_GAP.fullmatch(sentence.text, end, gap_end) else None


# "Unlike medical marijuana, where ... it is illegal under federal law, CBD oil is legal":
# a status inside the lead clause is the compared substance's
_UNLIKE = re.compile(r"\W*(?:unlike|like|as\s+with)\s+(?:the\s+)?(?P<what>[^,;]{1,40}?)\s*,\s*"
                     r"(?:where|which|whose|in\s+which)\b[^,;]*", re.I)


def _unlike_lead(ctx: ArticleContext, sentence: Sentence, at: int) -> tuple[str, str] | None:
    """The compared substance, for a status at `at` inside the "where" clause it opens."""
    m = _UNLIKE.match(sentence.text)
    if not m or at >= m.end():
        return None
    named = ctx.resolver.within(sentence.start + m.start("what"), sentence.start + m.end("what"))
    return (named[0].name, "clause") if named and named[0].kind == SUBSTANCE else None


# "based in Colorado, where marijuana is legal": the place the claim is said of
_PLACE_WHERE = re.compile(r"[^,;()]{1,40}?\)?\s*,\s*where\s+(?:[\w’\x27-]+\s+){0,6}$")


def _place_where(clause: str, hit: int, at: list[tuple[int, str]], places: list[str]
                 ) -> list[str]:
    """The place a status is said of in a "where" clause hung on it, else []."""
    before = [(p, label) for p, label in at if p < hit and label in places]
    if before and _PLACE_WHERE.match(clause, before[-1][0], hit):
        return [before[-1][1]]
    return []


# "... the German bandwagon and it was never banned in the United States": the place
# named right after the status, when every other place comes before it
_IN_PLACE = re.compile(r"\s*(?:in|across|throughout|within)\s+(?:the\s+)?", re.I)


def _place_after(topic: Topic, clause: str, hit_start: int, hit_end: int,
                 places: list[str]) -> list[str]:
    """The places a status names right after itself ("banned in X"), when the clause's
    other places all come before the status, else []."""
    if not _IN_PLACE.match(clause, hit_end):
        return []
    after = find_jurisdictions(topic, clause[hit_end:])
    rest = set(places) - set(after)
    if not after or not rest or not rest <= set(find_jurisdictions(topic, clause[:hit_start])):
        return []
    return after


_BETWEEN = re.compile(r",?\s+(?:and|or|but|while|whereas)\s+|,\s*")


def _pair_places(clause: str, statuses: list[tuple[str, int, int]],
                 at: list[tuple[int, str]]) -> dict[tuple[str, int], list[str]]:
    """Each status's own places when a clause states several in several places: "legal in
    Colorado and banned in Alabama" bans it in Alabama only. The text between two
    statuses is cut at its last joint ("and", a comma): places before the cut are the
    earlier status's, after it the later one's; a status left with none keeps the place
    nearest to it."""
    if len(statuses) < 2 or len(at) < 2:
        return {}
    ordered = sorted(statuses, key=lambda st: st[1])
    cuts = []
    for (_, _, end), (_, start, _) in zip(ordered, ordered[1:]):
        joints = list(_BETWEEN.finditer(clause, end, max(end, start)))
        cuts.append(joints[-1].end() if joints else start)
    paired: dict[tuple[str, int], list[str]] = {}
    for p, label in at:
        k = sum(p >= cut for cut in cuts)
        st = ordered[k]
        paired.setdefault((st[0], st[1]), []).append(label)
    for st in statuses:
        if (st[0], st[1]) not in paired:
            near = min(at, key=lambda pl: min(abs(pl[0] - st[1]), abs(pl[0] - st[2])))
            paired[(st[0], st[1])] = [near[1]]
    return paired


_SCHEDULE_NUMBER = re.compile(r"\b[Ss]chedule\s+(\d|I{1,3}|IV|V)\b")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def _national_schedule(topic: Topic, value: str, detail: str, said: str, place: str
                       ) -> tuple[str, str]:
    """(status, detail) of a schedule in the scheme of the country it is said of
    (`national_schedules`): Australia's Schedule 4 is prescription only, not controlled."""
    table = topic.get("national_schedules", {}).get(place)
    m = _SCHEDULE_NUMBER.search(said) if table and value == "controlled" else None
    if m is None:
        return value, detail
    status, meaning = table.get(_ROMAN.get(m.group(1), m.group(1)), (value, detail))
    return status, meaning or detail


def _place_row(topic: Topic, sentence: Sentence, value: str, place: str,
               about: tuple[str, str] | None, *, detail: str = "", scope: str | None = None,
               as_of: str = "", agency: str | None = None) -> Assertion:
    """One status row for one place; `scope` (what conflicts compare) is the place unless
    the sentence does not say it."""
    extra = {"jurisdiction": place, "as_of": as_of}
    if agency is not None:
        extra["agency"] = agency
    return Assertion.of(sentence, topic.key, "status", value, qualifier=place,
                        scope=place if scope is None else scope, detail=detail, about=about,
                        extra=extra)


# "could result in a prison sentence as the gas has been made a Class C drug": the
# reason is asserted whatever the clause before it supposes
_REASON = re.compile(r"(?<!\bjust\s)\b(?:because|since|given\s+that|as(?=\s+(?:(?:the|this|"
                     r"these)\s+)?[\w-]+\s+(?:has|have|had)\s+(?:now\s+)?been\b))\b", re.I)

# "... the amount individuals could carry (from 2kg to 4kg), and essentially ended a ban":
# a predicate after ", and" is asserted whatever the one before supposes
_NEW_PREDICATE = re.compile(r",\s+(?:and|but)\s+(?=(?:\w+ly\s+)?(?:ended|lifted|became|"
                            r"is|are|was|were|has|have|had)\b)|"
                            # "could not establish a safe limit and, as a result, it was
                            # banned": what followed is asserted
                            r"\b(?:as\s+a\s+(?:result|consequence)|consequently|therefore)\s*,",
                            re.I)

_LEGAL_BUT = re.compile(r"\blegal\s+but\s+(?:[\w-]+\s+){0,2}(?:regulated|restricted)\b", re.I)


def _fold_restricted(rows: list[Assertion], not_limits: frozenset[str] = frozenset()
                     ) -> list[Assertion]:
    """"Legal to buy, but not for anyone under 21": one `regulated` row per place, not
    legal and regulated (and banned) side by side; "legal but regulated" is regulated."""
    regulated = {(r.subject, r.scope) for r in rows
                 if r.value == "regulated" and r.detail and r.detail not in not_limits}
    # "legal but regulated", "legal but highly restricted in California": regulated
    restricted = {(r.subject, r.scope) for r in rows
                  if r.value == "regulated" and _LEGAL_BUT.search(r.evidence)}

    def folded(r: Assertion) -> bool:
        key = (r.subject, r.scope)
        if r.value == "banned":
            return key in regulated
        return r.value == "legal" and not r.detail and (key in regulated or key in restricted)

    return [r for r in rows if not folded(r)]


_LIST_ITEM = re.compile(r"^\W*(?:\d{1,3}[.)]\s*)?(?P<place>[A-Z][A-Za-z .’\x27-]{1,40}?)\s*"
                        r"(?:\((?P<aside>[^)]{0,60})\))?\W*$")
# Sentences of prose allowed between a list's heading and its first item ("States that Ban
# Delta-8 THC", a paragraph on what counts, then "1. Delaware").
_PROSE_BEFORE_LIST = 4


def extract_status_lists(topic: Topic, sentences: list[Sentence],
                         ctx: ArticleContext | None = None
                         ) -> tuple[list[Assertion], set[int]]:
    """Places listed one per line under a line that gives a status ("States that have
    banned delta-8 include:"): one row per place, quoting the list line; and the starts
    of the intro lines that had a list (their own vague "many states" row says nothing
    the list does not)."""
    rows: list[Assertion] = []
    intros: set[int] = set()
    intro_start = -1
    intro: tuple[str, str, tuple[str, str] | None] | None = None  # (status, detail, about)
    listed = prose = 0
    named = _named_after(topic, sentences, ctx)
    rows.extend(named[0])
    intros |= named[1]
    place = ""  # the place a heading names, for the "THC-A: Legal" lines under it
    bullet = ""  # what the list's first item opens with ("•", "-", "")
    for s in sentences:
        row = _table_row(topic, s, ctx)
        if row is not None:  # "Alaska Illegal", "Texas: Legal" (a table of places)
            rows.append(row)
            intro = None
            continue
        line = _named_status(topic, s, ctx, labelled=True) if place else None
        if line is not None:
            rows.append(_place_row(topic, s, line[0], place, line[1]))
            intro = None
            continue
        if s.is_heading:
            only = _only_places(topic, s.text)
            place = only[0] if len(only) == 1 else ""
        item = _LIST_ITEM.match(s.text)
        mark = _bullet(s, ctx)
        if intro is not None and listed and item is not None and mark != bullet:
            intro = None  # "• Oregon" items, then "Alabama": a heading after the list
        bare_place = intro is not None and item is not None and _label(
            topic, item.group("place")) != ""  # a list line that looks like a heading
        if (s.is_heading or s.text.rstrip().endswith(":")) and not bare_place:
            intro, listed, intro_start, prose = _list_intro(topic, s, ctx), 0, s.start, 0
            continue
        if intro is None:
            continue
        m = _LIST_ITEM.match(s.text)
        aside = m.group("aside") if m else None
        own = find_statuses(topic, aside) if aside else []
        if m and (len(m.group("place").split()) > 5 or anchors_in(topic, s.text) and not own):
            m = None  # a sentence of its own ("Kratom is legal in most other states.")
        places = find_jurisdictions(topic, s.text) if m else []
        if not places or listed >= MAX_LIST or places[0] != _label(topic, m.group("place")):
            if m is None and listed == 0 and prose < _PROSE_BEFORE_LIST:
                prose += 1  # the heading's paragraph, before its list
                continue
            intro = None if not m else intro
            continue
        status, detail, about = intro
        if len({f[0] for f in own}) == 1:
            # "*Iowa (Unclear laws - shipping may be okay for now)": the line's own status
            status, detail = own[0][0], ""
        if not listed:
            bullet = mark
        listed += 1
        intros.add(intro_start)
        rows.append(_place_row(topic, _from_intro(s, intro_start, ctx), status, places[0], about,
                               detail=detail))
    return rows, intros


_BULLET = re.compile(r"^[^\w(]*")


def _bullet(s: Sentence, ctx: ArticleContext | None) -> str:
    """What a list line opens with ("•", "-", "0." for a number, "" for none), from the
    line's start: the sentence itself begins after the bullet. A footnote star ("*Iowa")
    is no bullet."""
    full = ctx.resolver.text if ctx is not None else ""
    line = full[full.rfind("\n", 0, s.start) + 1:s.start] if full else ""
    mark = (line + _BULLET.match(s.text).group(0)).replace("*", "").strip()
    return re.sub(r"\d+", "0", mark)  # "1.", "2.": one kind of bullet


# "THC-A: Legal" on its own line, under a heading that is a place ("Alabama")
_SUBSTANCE_ROW = re.compile(r"^\W*(?P<name>[^:|]{1,40}?)\s*(?::|\||\s[–—-]\s)\s*"
                            r"(?P<status>[A-Za-z][A-Za-z ()-]{1,40}?)\W*$")


def _named_status(topic: Topic, s: Sentence, ctx: ArticleContext | None, *,
                  labelled: bool) -> tuple[str, tuple[str, str]] | None:
    """(status, subject) of a short line that is one substance's name and a status word
    and nothing else: "Delta-8 Illegal" over a list of states, "THC-A: Legal" (with
    `labelled`, name and status split by a colon) under a place's heading."""
    if ctx is None or len(s.text) > 60:
        return None
    if labelled:
        m = _SUBSTANCE_ROW.match(s.text)
        if m is None:
            return None
        name_end, word = m.end("name"), m.group("status")
    else:
        name_end, word = len(s.text), ""
    names = ctx.resolver.within(s.start, s.start + name_end)
    if len(names) != 1 or names[0].kind != SUBSTANCE:
        return None
    n = names[0]
    after = s.text[n.end - s.start:name_end]
    if s.text[:n.start - s.start].strip(" *•-\t") or (labelled and after.strip()):
        return None  # words before the name, or between it and a labelled status
    if not labelled:
        word = after  # "Delta-8 Illegal": the status is what follows the name
    word = " ".join(word.lower().split()).strip(" :.")
    status = next((name for name, words in topic.get("table_statuses", {}).items()
                   if word in words), None)
    return (status, (n.name, "clause")) if status else None


def _from_intro(item: Sentence, intro_start: int, ctx: ArticleContext | None) -> Sentence:
    """The list line with the intro above it, as one quote: "Alaska" says nothing without
    "States that have banned delta-8:", so the row's evidence runs from one to the other."""
    if ctx is None or not 0 <= intro_start < item.start:
        return item
    return replace(item, text=ctx.resolver.text[intro_start:item.end], start=intro_start,
                   is_heading=False)


_TABLE_ROW = re.compile(r"^\W*(?P<place>[A-Z][A-Za-z .’\x27-]{1,40}?)\s*(?:[:|–—-]+\s*|\s+)"
                        r"(?P<status>[A-Za-z][A-Za-z ()-]{1,40}?)\W*$")


def _table_row(topic: Topic, s: Sentence, ctx: ArticleContext | None) -> Assertion | None:
    """A line that is a place and a status word and nothing else, as rows of a table of
    states ("Alaska Illegal", "Texas: Legal"): the status in that place."""
    if len(s.text) > 80:
        return None
    m = _TABLE_ROW.match(s.text)
    if m is None:
        return None
    word = " ".join(m.group("status").lower().split())
    status = next((name for name, words in topic.get("table_statuses", {}).items()
                   if word in words), None)  # a cheap test first: most short lines fail it
    if status is None:
        return None
    place = _label(topic, m.group("place"))
    if not place or find_jurisdictions(topic, s.text) != [place]:
        return None
    about = None
    if ctx is not None:
        about = ctx.subject(s, 0, (0, len(s.text)))
        if about is None:
            return None
    return _place_row(topic, s, status, place, about)


# "It has been banned in 15 states. These are Alaska, Colorado, ...": the sentence after
# a status held in a number of places names them.
_NAMING = re.compile(r"^\W*(?:these|those|they|the|such)\s+(?:\d+\s+|\w+\s+)?"
                     r"(?:(?:states|countries|nations|jurisdictions|places)\s+)?"
                     r"(?:are|include|includes|including|being|were)\b:?", re.I)
_SEPARATORS = re.compile(r"^[\s,;.:&]*(?:(?:and|or|as\s+well\s+as|state)\b[\s,;.:&]*)*$",
                         re.I)


def _only_places(topic: Topic, text: str) -> list[str]:
    """The places of a sentence that is nothing but a list of them ("Rhode Island, South
    Carolina."), else none."""
    places = find_jurisdictions(topic, text)
    rest = text
    if places:
        _, labels = topic.cached("jurisdictions", _build_jurisdictions)
        names = sorted((n for n, lab in labels.items() if lab in places), key=len,
                       reverse=True)
        rest = re.sub(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", " ", text)
    return places if places and _SEPARATORS.match(rest) else []


def _named_after(topic: Topic, sentences: list[Sentence], ctx: ArticleContext | None
                 ) -> tuple[list[Assertion], set[int]]:
    """Rows for places named in the sentence after a status held in a count of places
    ("banned in six states. These are Alabama, ..."), one per place, quoting the naming
    sentence; and the starts of the count sentences, whose vague row the names replace.
    Bare place lists right after the naming sentence continue it."""
    rows: list[Assertion] = []
    intros: set[int] = set()
    vague = set(topic.get("vague_scopes", ()))
    for i in range(1, len(sentences)):
        s = sentences[i]
        lead = _NAMING.match(s.text)
        if lead is None or s.is_heading or anchors_in(topic, s.text):
            continue
        prev = sentences[i - 1]
        held = [r for r in extract_status(topic, prev, ctx) if r.scope in vague]
        if len({(r.value, r.subject) for r in held}) != 1:
            continue
        first = held[0]
        about = (first.subject, first.extra.get("subject_from", "")) if first.subject else None
        places = find_jurisdictions(topic, s.text[lead.end():])
        j = i
        while places:
            for place in places:
                if place in vague:
                    continue
                rows.append(_place_row(topic, sentences[j], first.value, place, about,
                                       detail=first.detail,
                                       as_of=first.extra.get("as_of", "")))
                intros.add(prev.start)
            j += 1
            places = (_only_places(topic, sentences[j].text)
                      if j < len(sentences) and not sentences[j].is_heading else [])
    return rows, intros


def anchors_in(topic: Topic, text: str) -> bool:
    anchors = topic.regex("anchors")
    return anchors is not None and anchors.search(text) is not None


def drop_list_intros(topic: Topic, rows: list[Assertion], intros: set[int]
                     ) -> list[Assertion]:
    """Without the vague or placeless rows of list intro lines."""
    vague = set(topic.get("vague_scopes", ())) | {GENERAL}
    return [r for r in rows if not (r.topic == topic.key and r.start in intros
                                    and r.scope in vague)]


_WHERE = re.compile(r"\b(?:states|countries|nations|jurisdictions|places)\s+(?:where|in\s+which)\b",
                    re.I)


def _label(topic: Topic, name: str) -> str:
    found = find_jurisdictions(topic, name.strip())
    return found[0] if found else ""


# A list's heading that names the places which permit the subject.
_BANNING = re.compile(r"\b(?:states|countries|nations|jurisdictions|places)\s+(?:that|which|"
                      r"where)\s+(?:currently\s+|still\s+)?(?:ban|prohibit|outlaw)s?\b", re.I)
# "Delta-8 is available in 29 states + 1 district:": sold, so legal, in the places below
_AVAILABLE_IN = re.compile(r"\b(?:available|sold|allowed|permitted)\s+in\s+(?:\d+|all|these|the\s+"
                           r"following)\s+(?:U\.?S\.?\s+)?(?:states|countries|jurisdictions)\b",
                           re.I)
# "regulated, restricted, or banned": one list for any of them, which says at least that
# each place regulates it
_EITHER_STATUS = re.compile(r"\bor\b", re.I)
_ALLOWING = re.compile(r"\b(?:states|countries|nations|jurisdictions|places)\s+(?:that|which|"
                       r"where)\s+(?:currently\s+|still\s+)?(?:allow|permit)s?\b(?!\s+(?:only|"
                       r"medical|some)\b)", re.I)


def _list_intro(topic: Topic, s: Sentence, ctx: ArticleContext | None
                ) -> tuple[str, str, tuple[str, str] | None] | None:
    text = s.text
    if not re.search(r"\b(?:states|countries|nations|jurisdictions|places)\b", text, re.I):
        # "Delta-8 Illegal" over a list of states
        named = _named_status(topic, s, ctx, labelled=False)
        return (named[0], "", named[1]) if named else None
    # "States where kratom is illegal:" names the places below, not a description
    found = find_statuses(topic, _WHERE.sub(lambda m: " " * len(m.group(0)), text))
    if not found and (allow := _ALLOWING.search(text)):
        found = [("legal", allow.start(), allow.end())]  # "States that Allow Delta-8 THC"
    if not found and (ban := _BANNING.search(text)):
        found = [("banned", ban.start(), ban.end())]  # "States that Ban Delta-8 THC"
    if not found and (sold := _AVAILABLE_IN.search(text)):
        found = [("legal", sold.start(), sold.end())]
    kinds = {f[0] for f in found}
    if len(kinds) > 1 and "regulated" in kinds and kinds <= {"regulated", "banned", "controlled"} \
            and _EITHER_STATUS.search(text):
        found = [f for f in found if f[0] == "regulated"][:1]
    if len({f[0] for f in found}) != 1:
        return None
    status, hit_start, hit_end = found[0]
    about = None
    if ctx is not None:
        about = ctx.subject(s, hit_start, (0, len(text)), first=True)
        if about is None:
            return None
    value, detail = _condition(topic, status, text, text, hit_end)
    return value, detail, about
