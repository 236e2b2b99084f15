"""Quantity topics (dose): numbers and ranges with units, open ends, level and purpose.

A hand-written range+unit pattern found all seed dose phrases at ~30,000 sentences/s,
where quantulum3 merged ranges into a midpoint and read "7" out of
"7-hydroxymitragynine". Only numbers carrying a unit from the schema, in a sentence with
a dose cue, become rows; years, ages, counts, prices and percentages never have one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..topics import Topic
from .common import (
    ArticleContext,
    Assertion,
    Sentence,
    clause_bounds,
    first_category,
    is_question,
)

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5, "a half": 0.5,
    "half a": 0.5, "half of a": 0.5, "a quarter": 0.25, "a quarter of a": 0.25,
    "one and a half": 1.5, "two and a half": 2.5, "three and a half": 3.5,
    "one and one-half": 1.5,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
_WORDS.update({f"{t}{sep}{o}": tv + ov for t, tv in _TENS.items() for o, ov in _ONES.items()
               for sep in ("-", " ")})  # "twenty-five" is one number, not a range
_WORDS.update({f"{o} and a half": ov + 0.5 for o, ov in _ONES.items()})
# "four hundred milligrams" is 400, not "four" and a stray "hundred"
_WORDS.update({f"{o} {big}": ov * bv for o, ov in {**_ONES, "a": 1}.items()
               for big, bv in (("hundred", 100), ("thousand", 1000))})
_WORDS.update({f"{o} hundred{sep}{t}": ov * 100 + tv for o, ov in _ONES.items()
               for t, tv in _TENS.items() for sep in (" ", " and ")})
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_FRACTION_CHARS = "".join(_FRACTIONS)
# Mixed and slash fractions first ("1 1/2", "1½", "1/4"), then decimals ("3,200", ".5"),
# then number words: alternation order is the order of preference.
# A slash fraction has a small denominator ("1/4", "3/8"); "24/26 mg" is the two strengths
# of a combination, not 0.92 mg.
_SLASH = r"(?<![\d/.])[1-9]/(?:1[0-6]|[2-9])(?![\d/])"
_NUM = (rf"(?:\d+\s+and\s+a\s+half|\d+\s+{_SLASH}|\d*\s?[{_FRACTION_CHARS}]|"
        rf"{_SLASH}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|"
        + "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True)) + ")")
_EITHER = re.compile(r"\beither\s+$", re.I)
_RESPECTIVELY = re.compile(r"[^.;]{0,80}?\brespectively\b", re.I)
# No real sentence states more doses than this; the cap bounds work on pathological text.
MAX_PER_SENTENCE = 10
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|or)\b|;|,?\s+(?:followed\s+by|then)\b",
                          re.I)  # "800 mg on day one, followed by 400 mg daily": two doses
# A line that only glosses the amount ending the line above it ("25 mcg" / "(1,000 IU)").
_GLOSS_LINE = re.compile(r"\s*\([^()]{1,30}\)\s*")
_ENDS_WITH_AMOUNT = re.compile(r"\d\s*[^\W\d]{1,12}\.?\s*$")
_HAS_NUMBER = re.compile(r"\d|[" + _FRACTION_CHARS + r"]|\b(?:" + "|".join(_WORDS) + r")\b",
                         re.I)


@dataclass(frozen=True)
class _UnitTable:
    pattern: re.Pattern[str]
    canonical: dict[str, str]
    factor: dict[str, tuple[str, float]]
    family: dict[str, str]
    scale: dict[str, float]  # size in the family's base unit (mass: mg)
    unit_re: str


def _units(topic: Topic) -> _UnitTable:
    return topic.cached("units", _build_units)


def _build_units(topic: Topic) -> _UnitTable:
    canonical: dict[str, str] = {}
    for unit, forms in topic.get("units", {}).items():
        for form in forms:
            canonical[form.lower()] = unit
    forms = sorted(canonical, key=len, reverse=True)
    lower_only = {f.lower() for f in topic.get("lower_case_units", [])}
    unit_re = "(?:" + "|".join(f"(?-i:{re.escape(f)})" if f in lower_only else re.escape(f)
                               for f in forms) + ")"
    pattern = re.compile(
        # a number glued to the label before it, as tables lose their cells in flattened
        # pages ("Light1 - 5 g", "sensitive stomach100–150 mg/day")
        rf"(?P<pre>\b(?:between|from)\s+)?(?:(?<![\w.,-])|(?<=[a-z]{{4}})(?=\d))"
        rf"(?P<a>{_NUM})(?P<plus>\+)?\s*"
        rf"(?:(?P<ua>{unit_re})\.?(?:\s*\((?:{unit_re})\))?"  # "250 milligrams (mg) and"
        # "1800 mg/day to 3600 mg/day": the rate said at both ends
        rf"(?:\s*(?:/|per\s+)(?:day|d)\b(?=\s*(?:-|–|—|to)\s*{_NUM}\s*(?:{unit_re})\s*(?:/|per\s+)(?:day|d)\b))?)?"
        rf"(?:-?\s*(?P<sep>-|–|—|‑|‐|−|to|or|and)\s*(?P<b>{_NUM}))?-?\s*"
        rf"(?P<u>{unit_re})"
        rf"(?:(?![\w/])|(?=/(?:day|d|night|dose|serving)\b)"
        # "ledipasvir 45 mg/sofosbuvir 200 mg": the slash joins two named amounts
        rf"|(?=/(?!(?:liters?|litres?|kilograms?|deciliters?|decilitres?|minute|hours?)\b)"
        rf"[a-z]{{5,}}\b))",
        re.I)
    factor = {u: (v[0], float(v[1])) for u, v in topic.get("unit_factor", {}).items()}
    scale = {u: float(v) for u, v in topic.get("unit_scale", {}).items()}
    return _UnitTable(pattern, canonical, factor, dict(topic.get("unit_family", {})), scale,
                      unit_re)


def _number(text: str) -> float:
    key = " ".join(text.lower().split())
    if key in _WORDS:
        return float(_WORDS[key])
    if key.endswith(" and a half") and key.split()[0].isdigit():
        return float(key.split()[0]) + 0.5
    if key[-1] in _FRACTIONS:
        return float(key[:-1].strip() or 0) + _FRACTIONS[key[-1]]
    if "/" in key:
        whole, _, frac = key.rpartition(" ")
        num, den = frac.split("/")
        if float(den) == 0:
            raise ValueError(text)
        return float(whole or 0) + float(num) / float(den)
    value = float(key.replace(",", ""))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _fmt(x: float) -> str:
    return f"{x:g}"


def unit_family(topic: Topic, unit: str) -> str:
    return _units(topic).family.get(unit, unit)


@dataclass(frozen=True)
class Quantity:
    low: float | None
    high: float | None
    unit: str
    start: int  # offsets within the sentence
    end: int
    surface: str


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    return found


_LIST_GOES_ON = re.compile(r"\s*(?:of\s+)?[“\"]?(?:[\w-]+\s*){0,3}?[”\"]?\s*"
                           r"(?:,|,?\s*(?:and|or))[”\"]?\s*"
                           r"(?:an?\s+|about\s+|approximately\s+|around\s+|nearly\s+)?"
                           # "... contains 80-135 milligrams and a 12-ounce soft drink around 40
                           # milligrams": another product's content, named without a verb of use
                           r"(?:(?:(?!(?:take|takes|taking|took|use|uses|using|dose|doses|should|"
                           r"may|can|must|need|needs|adults?|children|people|you)\b)[\w-]+\s+){1,4}"
                           r"(?:about|approximately|around|nearly|roughly|has|contains?)\s+)?",
                           re.I)
_GLOSS = re.compile(r"\s*\(\s*(?:about\s+|approx\.?\s+|or\s+|~\s*)?")
# "more than 100 micrograms a day could be harmful": the amount is a limit not to pass
_HARM_AFTER = re.compile(r"[^.;]{0,60}?\b(?:(?:could|can|may|might|will|would)\s+(?:be\s+)?"
                         r"(?:harmful|unsafe|dangerous|toxic|(?:cause|lead\s+to)\s+(?:harm|"
                         r"toxicity|problems|side\s+effects))|(?:is|are)\s+(?:considered\s+)?"
                         r"(?:harmful|unsafe|not\s+(?:recommended|advised|safe)))\b", re.I)
_BEFORE = 40  # characters before a number read for what it is an amount of
_STRENGTH_BEFORE = 170  # ... and for a product strength it is the value of
_LIST_HEAD = re.compile(r"(?<![\w.,])(?P<n>\d+(?:\.\d+)?)(?:\s*,\s*\d+(?:\.\d+)?)*\s*,\s*$")
_LIST_TAIL = re.compile(r"(?<![\w.,])(?P<n>\d+(?:\.\d+)?)(?:\s*,\s*\d+(?:\.\d+)?)+\s*,?\s*"
                        r"(?:or|and)\s+(?:even\s+|perhaps\s+|possibly\s+|maybe\s+)$")
# "assigned 30 people to take pills containing 2 grams of ginger": what was taken, a dose
_TAKEN_CONTAINING = re.compile(
    r"\b(?:take|takes|took|taking|given|gave|receiv\w*|swallow\w*|consum\w*|administer\w*|"
    r"assigned\s+to|offered)\s+(?:[\w-]+\s+){0,6}?(?:pills?|capsules?|tablets?|supplements?|"
    r"softgels?|gel\s*caps?|doses?|packets?|sachets?)\s*,?\s+(?:containing|filled\s+with|"
    r"(?:that|which)\s+contain(?:s|ed)?)\s+"
    r"(?:about\s+|approximately\s+|roughly\s+|around\s+)?$|"
    # "a daily dose of a standardized preparation of the roots containing 576 mg"
    r"\bdos(?:e|es|age)\s+(?:range\s+)?(?:of\s+(?:[\w-]+\s+){0,8}?)?containing\s+$|"
    # "babies should have a daily supplement containing 8.5 to 10 micrograms": one a day
    r"\b(?:daily|weekly)\s+(?:pills?|capsules?|tablets?|supplements?|softgels?|doses?)\s*,?\s+"
    r"(?:containing|(?:that|which)\s+contains?)\s+(?:about\s+|approximately\s+|roughly\s+|"
    r"around\s+|between\s+|from\s+)?$", re.I)
# "soft capsules containing 100 mg of fennel were administered twice daily": taken after all
_CONTAINER_GIVEN = re.compile(
    r"\b(?:pills?|capsules?|tablets?|supplements?|softgels?|packets?|sachets?)\s+(?:containing|"
    r"filled\s+with)\s+(?:about\s+|approximately\s+)?$", re.I)
_GIVEN_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:were|was|are|is)\s+(?:\w+\s+)?(?:administered|"
                          r"given|taken|consumed|prescribed)\b", re.I)
# ... or the end of an age range: "400 IU for those 51 to 70 and 600 IU for those over 70"
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s+$|\b(?:ages?|aged|those|people|adults|children|"
                         r"kids|persons|individuals|women|men)\s+\d+\s*(?:to|-|–)\s*$", re.I)


def _strength_line(text: str, number_at: int, end: int, pattern: re.Pattern[str]) -> bool:
    """Whether the amount is alone on its line with a product form after it, or names a
    product: a line of a name and a strength ("Ibuprofen 200mg", "Ibusolve 200mg
    Effervescent Tablets"), a strength in capitals ("EFFERVESCENT TABLETS 200 MG")."""
    line_start = text.rfind("\n", 0, number_at) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:number_at], text[end:line_end]
    if not re.search(r"[^\W_]", before):
        return bool(pattern.match(after))
    if _NAME_ONLY.fullmatch(before) and (not after.strip() or pattern.match(after)
                                         or _COUNT_AFTER.match(after)):
        return True
    return bool(_CAPITALS_BEFORE.search(before)) and text[number_at:end].upper() == \
        text[number_at:end] and any(c.isalpha() for c in text[number_at:end]) and \
        not _TAKEN_AFTER.match(after)


# A product's name before its strength on a line of its own: one to three capitalised words
# (not a label of a dosing table: "Adults 400 mg", "Maximum 1200 mg")
_NAME_ONLY = re.compile(r"\W*(?!(?i:adults?|children|child|kids|teens|adolescents|elderly|seniors|"
                        r"infants|babies|men|women|males|females|maximum|max|minimum|min|typical|"
                        r"usual|standard|starting|start|initial|maintenance|low|medium|high|"
                        r"beginners?|moderate|strong|daily|dose|dosage|morning|evening|night|"
                        r"day|days|week|weeks|month|recommended|pregnant|pregnancy|"
                        r"breastfeeding|patients|people|users|over|under|ages?|aged|take|takes|use|try|"
                        r"give|add|mix|consume|drink|eat|swallow|about|around|approximately|"
                        r"up|only|just)\b)"
                        r"(?:(?:[A-Z][\w-]*|\d+(?:\.\d+)?%)\s+){1,4}")
_COUNT_AFTER = re.compile(r"\s*\(\s*\d+\s+(?:capsules|caps|tablets|softgels|caplets|gummies|"
                          r"count|ct|servings)\s*\)\s*$", re.I)
_TAKEN_AFTER = re.compile(r"\s+(?:of|per|a|an|every|each|daily|twice|once|to|for)\b", re.I)
# ... or a strength in a title set in capitals: "IBUPROFEN EFFERVESCENT TABLETS 200 MG"
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{4,}\s+$")


def _strength_list(text: str, number_at: int, pattern: re.Pattern[str],
                   doses: re.Pattern[str] | None) -> bool:
    """Whether the amount is on a line that lists a form's strengths, with no frequency."""
    line_start = text.rfind("\n", 0, number_at) + 1
    line_end = text.find("\n", number_at)
    line_end = len(text) if line_end < 0 else line_end
    m = pattern.match(text[line_start:number_at])  # "^" holds at the line's start
    return bool(m and not (doses is not None and doses.search(
        text, line_start + m.end(), line_end)))


def _section_population(topic: Topic, section: str) -> str:
    """Who a part of the page is for when its heading names one group only: "Vitamin D
    Guidelines For Infants And Children" (not "Adult and Pediatric Dosage Forms")."""
    if not section:
        return ""
    named = [name for name in topic.get("populations", {})
             if (pattern := topic.regex(f"populations.{name}")) is not None
             and pattern.search(section)]
    return named[0] if len(named) == 1 else ""


def _each(table: _UnitTable, m: re.Match[str], text: str, *, own_unit: bool = True
          ) -> list[Quantity]:
    """The two amounts of a match read as two doses, not a range between them; the first
    keeps a unit of its own where it has one, unless `own_unit` is False ("420 and 320
    milligrams, respectively" reads both in the unit said last)."""
    ua = m.group("ua") if own_unit else None
    return [q for q in (
        _single(table, m.group("a"), ua or m.group("u"), m.start("a"),
                m.end("ua") if ua else m.end("a"), text),
        _single(table, m.group("b"), m.group("u"), m.start("b"), m.end("u"), text)) if q]


def find_quantities(topic: Topic, text: str) -> list[Quantity]:
    """Every number or range with a schema unit in `text`, open ends applied."""
    table = _units(topic)
    at_most, at_least = topic.cached("bounds", _build_bounds)
    not_before = topic.regex("not_preceded_by")
    not_after = topic.regex("not_followed_by")
    strength_before = topic.regex("strength_before")
    strength_line = topic.regex("strength_lines")
    strength_list = topic.regex("strength_list_lines")
    named_before = topic.regex("named_strength_before")
    named_after = topic.regex("named_strength_after")
    list_doses = topic.regex("strength_list_doses")
    after_least = topic.regex("bounds.after_at_least")
    after_most = topic.regex("bounds.after_at_most")
    found: list[Quantity] = []
    skipped_end: int | None = None  # where the last amount that is no dose ended

    def no_dose(start: int, number_at: int, end: int) -> bool:
        """A package, a product's strength or content, a measure: no amount to take."""
        before = text[max(0, start - _BEFORE):number_at]
        after = text[end:end + 90]
        return bool((not_before and not_before.search(before) and not _TAKEN_CONTAINING.search(
            text, max(0, number_at - 90), number_at) and not (
                _CONTAINER_GIVEN.search(text, max(0, number_at - 40), number_at)
                and _GIVEN_AFTER.match(after)))
            or (not_after and not_after.search(after))
            or (strength_before is not None and strength_before.search(
                text, max(0, number_at - _STRENGTH_BEFORE), number_at))
            or (strength_line is not None and _strength_line(text, number_at, end, strength_line))
            or (strength_list is not None and _strength_list(text, number_at, strength_list,
                                                             list_doses))
            or (named_before is not None and named_after is not None
                and named_before.search(text, max(0, number_at - 12), number_at) is not None
                and named_after.match(text[end:end + 90]) is not None)
            or (skipped_end is not None and _LIST_GOES_ON.fullmatch(text, skipped_end, start))
            # "increase your dosage by 20mg (1mL)": the same amount, glossed
            or (skipped_end is not None and _GLOSS.fullmatch(text, skipped_end, start)))

    for m in table.pattern.finditer(text):
        if len(found) >= MAX_PER_SENTENCE:
            break
        a_text, b_text, sep = m.group("a"), m.group("b"), m.group("sep")
        if sep and sep.lower() == "and" and not m.group("pre") and m.group("ua"):
            if no_dose(m.start(), m.start("a"), m.end("ua")):
                skipped_end = m.end()  # "comes as tablets in 100mg and 200mg doses"
                continue
            skipped_end = None
            # "5 mg and 10 mg" lists two doses; "between 5 and 10 mg" and "192 and 207 mg
            # of zinc" (the unit said once) give a range
            found.extend(_each(table, m, text))
            continue
        if b_text and sep and sep.lower() in ("and", "or") and (
                _RESPECTIVELY.match(text, m.end()) or (sep.lower() == "or" and _EITHER.search(
                    text, max(0, m.start("a") - 12), m.start("a")))) and not no_dose(
                m.start(), m.start("a"), m.end()):
            # "men and women should eat 420 and 320 milligrams daily, respectively", "either
            # 84 or 126 milligrams a day": one amount each, no range between them
            found.extend(_each(table, m, text, own_unit=False))
            continue
        if b_text and sep and sep.lower() in ("to", "-", "–", "—") and _CHANGED_FROM.search(
                text, max(0, m.start() - 60), m.start("a")):
            # "drops advised daily limit from 70mg to 10mg": the old value and the new one
            found.extend(_each(table, m, text))
            continue
        if b_text and _AGE_BEFORE.search(text, max(0, m.start("a") - 20), m.start("a")):
            # "600 IU for adults up to age 70 and 800 IU for older adults": an age, then
            # the dose
            q = _single(table, b_text, m.group("u"), m.start("b"), m.end("u"), text)
            found.extend([q] if q else [])
            continue
        unit = table.canonical[m.group("u").lower()]
        match_end = m.end()
        try:
            low = _number(a_text)
            high = _number(b_text) if b_text else low
        except (ValueError, ZeroDivisionError):
            continue
        if m.group("ua") and not b_text:  # "one 300 mg capsule": the mass, then a noun
            unit, match_end = table.canonical[m.group("ua").lower()], m.end("ua")
        elif m.group("ua") and table.canonical[m.group("ua").lower()] != unit:
            # "from 250 micrograms to 2 mg": the lower end is read in the upper end's unit
            converted = _convert(table, low, table.canonical[m.group("ua").lower()], unit)
            if converted is None:
                continue
            low = converted
        if high < low:
            low, high = high, low
        if b_text and low == 0:
            low = None  # "an acceptable daily intake of 0–3 mg per kg": at most the upper end
        list_start = None
        if b_text and sep.lower() in ("or", "and"):
            # "dosages of 30, 50 or 70 mg/day": the doses tested span a range
            listed = _LIST_HEAD.search(text, max(0, m.start("a") - 60), m.start("a"))
            if listed and float(listed.group("n")) < low:
                low, list_start = float(listed.group("n")), listed.start("n")
        elif not b_text:
            # "doses of 400, 600, or even 800 mg": the list ends with its unit
            listed = _LIST_TAIL.search(text, max(0, m.start("a") - 60), m.start("a"))
            if listed and float(listed.group("n")) < low:
                low, list_start = float(listed.group("n")), listed.start("n")
        if no_dose(m.start(), m.start("a"), match_end):
            # "available as a 400 mg tablet, 600 mg tablet and 800 mg tablet": the list
            # of strengths goes on
            skipped_end = match_end
            continue
        skipped_end = None
        tail = text[match_end:match_end + 20]
        start = m.start("a") if list_start is None else list_start
        if m.group("plus") and b_text is None:
            high = None  # "7+ grams"
        elif b_text is not None and (cue := _last(at_most, text[max(0, start - 30):start])
                                     ) is not None and not _AS_MUCH_AS.match(cue.group(0)):
            # "up to 2,000-2,500 mg": the limit is the upper end; but "as much as 1,000 to
            # 1,600 mg" is how much, both ends
            low = None
        elif b_text is None:
            head = text[max(0, start - 90):start]
            listed = _LIST_BEFORE.search(head)
            if found and found[-1].low is None and found[-1].high is not None and \
                    _OR_EVEN.fullmatch(text, found[-1].end, start):
                low = None  # "up to 1200 mg or even 6000 mg": the bound holds for both
            elif listed:  # "100, 200, or 300 micrograms": the doses tested span a range
                try:
                    first = _number(listed.group("n"))
                except (ValueError, ZeroDivisionError):
                    first = None
                if first is not None and first < low:
                    low, start = first, start - (len(head) - listed.start("n"))
            elif (cue := _last(at_most, head)) is not None and not _HAS_NUMBER.search(
                    head, cue.end()):  # "weighs no more than 68 kg and takes 50 mg": not it
                low = None
                lower = _lower_end(table, head, unit)  # "more than 3 and less than 6 g"
                if lower is not None and lower[0] < high:
                    low, start = lower[0], start - (len(head) - lower[1])
            elif at_least.search(head[-30:]) and not re.search(r"\bfrom\s+$", head, re.I):
                if _HARM_AFTER.match(text, match_end):
                    low = None
                else:
                    high = None
        if b_text is not None and low is not None and high is not None and low < high:
            pass  # "from 30 to 200 mg or higher": the range said, both ends
        elif after_least is not None and after_least.search(tail):
            high = None  # "5 g or more": the range opens upwards from its lower end
        elif after_most is not None and after_most.search(tail):
            low = None
        if unit in table.factor:
            target, factor = table.factor[unit]
            unit = target
            low = None if low is None else round(low * factor, 6)
            high = None if high is None else round(high * factor, 6)
        end = match_end
        per_kg = _PER_KG.match(text, end) if unit == "mg" else None
        if per_kg:
            unit, end = "mg/kg", per_kg.end()
            scale = (_KG_PER_LB if per_kg.group("lb") else 1.0) / float(per_kg.group("n") or 1)
            if scale != 1.0:
                low = None if low is None else round(low * scale, 2)
                high = None if high is None else round(high * scale, 2)
        found.append(Quantity(low, high, unit, start, end, text[start:end]))
    found = [q for q in found if not any(o is not q and o.start <= q.start and q.end <= o.end
                                         for o in found)]  # inside a two-sided bound
    return _times_count(_drop_counts_glossed_by_mass(_join_from_to(found, text, table), text,
                                                     table), text)


# "taking one or two 200 mg tablets": a count of units of a strength is an amount of count
# times strength (200-400 mg), not the strength alone
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_COUNT_BEFORE = re.compile(r"(?<![\w.,])(?P<c1>one|two|three|four|[1-4])(?:\s*(?:or|to|-|–)\s*"
                           r"(?P<c2>two|three|four|[2-4]))?\s+$", re.I)
_UNITS_AFTER = re.compile(r"\s*(?:tablets?|capsules?|caplets?|pills?|softgels?|gel\s*caps?|"
                          r"gummies|gummy|lozenges?)\b", re.I)


def _times_count(found: list[Quantity], text: str) -> list[Quantity]:
    out = []
    for q in found:
        count = _COUNT_BEFORE.search(text, max(0, q.start - 16), q.start)
        if (count is None or q.low is None or q.low != q.high or q.unit in ("tablets", "capsules")
                or not _UNITS_AFTER.match(text, q.end)):
            out.append(q)
            continue
        c1 = _COUNTS[count.group("c1").lower()]
        c2 = _COUNTS[count.group("c2").lower()] if count.group("c2") else c1
        if c2 < c1 or c2 == 1:
            out.append(q)  # "one 400 mg tablet" is the strength itself
            continue
        out.append(Quantity(round(q.low * c1, 6), round(q.high * c2, 6), q.unit,
                            count.start(), q.end, text[count.start():q.end]))
    return out


# "from as low as 20 mg per day to up to 1,500 mg per day": one span said in two values,
# each with its unit and frequency, that the range pattern reads as two.
_FROM_LOW = re.compile(r"\b(?:from|between)\s+(?:as\s+(?:low|little|few)\s+as\s+|about\s+|"
                       r"around\s+|approximately\s+|just\s+|only\s+)?$", re.I)
# ... "from 10mg, taken once daily, to 300mg", "between 50 mg and a maximum of 500 mg"
_TO_HIGH = re.compile(r"\s*(?:(?:per|a|each)\s+(?:day|dose)|daily|/day)?\s*,?\s*"
                      r"(?:(?:taken\s+)?(?:once|twice|three\s+times)\s+(?:daily|a\s+day|per\s+day)"
                      r"\s*,\s*)?(?:(?:up\s+)?to|and)\s+"
                      r"(?:up\s+to\s+|as\s+(?:much|high|many)\s+as\s+|about\s+|around\s+|"
                      r"approximately\s+|a\s+max(?:imum)?\s+of\s+)?$", re.I)


def _join_from_to(found: list[Quantity], text: str, table: _UnitTable) -> list[Quantity]:
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt is not None and q.low is not None and nxt.high is not None
                and _FROM_LOW.search(text, max(0, q.start - 30), q.start)
                and _TO_HIGH.fullmatch(text, q.end, nxt.start)):
            low = q.low if q.unit == nxt.unit else _convert(table, q.low, q.unit, nxt.unit)
            if low is not None and low < nxt.high:
                out.append(Quantity(low, nxt.high, nxt.unit, q.start, nxt.end,
                                    text[q.start:nxt.end]))
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def _single(table: _UnitTable, number: str, unit_text: str, start: int, end: int,
            text: str) -> Quantity | None:
    """One value with its unit, as said ("5 mg" of "5 mg and 10 mg")."""
    try:
        value = _number(number)
    except (ValueError, ZeroDivisionError):
        return None
    unit = table.canonical[unit_text.lower()]
    if unit in table.factor:
        unit, factor = table.factor[unit]
        value = round(value * factor, 6)
    return Quantity(value, value, unit, start, end, text[start:end])


def _convert(table: _UnitTable, value: float, unit: str, target: str) -> float | None:
    """`value` in `unit` expressed in `target` (same family), or None if they differ."""
    def family(u: str) -> str | None:
        return table.family.get(u) or table.family.get(table.factor.get(u, ("",))[0])
    if family(unit) != family(target) or unit not in table.scale or target not in table.scale:
        return None
    return round(value * table.scale[unit] / table.scale[target], 9)


_LOWER_END = (r"(?:more\s+than|greater\s+than|over|above|at\s+least|no\s+less\s+than|"
              r"not\s+less\s+than|exceeding|from)\s+(?P<n>{num})\s*(?P<u>{unit})?\s*,?\s*"
              r"(?:and|but|yet|though)\s+(?:(?:no|not|never)\s+(?:more|higher)\s+than|less\s+than|"
              r"fewer\s+than|under|below|at\s+most|up\s+to|not\s+(?:to\s+)?exceed(?:ing)?)\s+"
              r"(?:about\s+|approximately\s+)?$")


def _lower_end(table: _UnitTable, head: str, unit: str) -> tuple[float, int] | None:
    """The lower bound a two-sided phrase gives before an upper bound ("at least 2 g but
    no more than 4 g"): (value in `unit`, where the phrase's number starts in `head`)."""
    pattern = re.compile(_LOWER_END.format(num=_NUM, unit=table.unit_re), re.I)
    m = pattern.search(head)
    if m is None:
        return None
    try:
        value = _number(m.group("n"))
    except (ValueError, ZeroDivisionError):
        return None
    if m.group("u"):
        given = table.canonical.get(m.group("u").lower(), unit)
        if given != unit:
            value = _convert(table, value, given, unit)
            if value is None:
                return None
    return value, m.start("n")


def _build_bounds(topic: Topic) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'up to' / 'upwards of' phrases, anchored to end just before the number."""
    tail = r")(?:\s+|(?<=[—–:]))(?:about\s+|approximately\s+|around\s+|roughly\s+)?"
    return tuple(re.compile(r"(?:\b(?:" + "|".join(topic.get(f"bounds.{name}", [])) + tail
                            + rf"|(?:{_SIGNS[name]})\s*)$", re.I)
                 for name in ("at_most", "at_least"))


_AS_MUCH_AS = re.compile(r"as\s+(?:much|high|many)\s+as\b", re.I)
# "dosed at ≤5 mg/kg", "(<400 mg/day)": the sign is the bound
_SIGNS = {"at_most": r"≤|⩽|<=|<", "at_least": r"≥|⩾|>=|>"}


_GLOSS = re.compile(r"(?:\s+of\s+(?:body|bodily)\s+weight)?\s*\(\s*(?:about|approx\.?|"
                    r"approximately|around|roughly|~|or)?\s*", re.I)


def _drop_counts_glossed_by_mass(found: list[Quantity], text: str,
                                 table: _UnitTable) -> list[Quantity]:
    """'3 capsules (75 mg total)', '2 g (about one teaspoon)', '4,000 IU (100 mcg)' and
    '10,000 IU/day, or 250 mcg/day' each state one dose: keep one. A mass wins over a
    count; otherwise the value written first wins over its gloss."""
    drop = set()
    for i, q in enumerate(found):
        # "1.25 mL of infant drops (50 mg)", "5 mL of liquid or 1 chewable tablet (100 mg)":
        # a volume or count of a product, then the mass it holds in brackets
        if table.family.get(q.unit) in {"volume", "count"}:
            for nxt in found[i + 1:]:
                family = table.family.get(nxt.unit)
                if family == "mass" and text[:nxt.start].rstrip().endswith("("):
                    drop.add(i)
                if family not in {"volume", "count"}:
                    break
    for i in range(len(found) - 1):
        q, nxt = found[i], found[i + 1]
        # "10 mg per kilogram (or 4.5 mg per pound)": one dose, converted and rounded
        same = q.unit == nxt.unit and _close(q, nxt)
        if (q.unit == nxt.unit and not same) or not (_GLOSS.fullmatch(text[q.end:nxt.start])
                                      or _OR_GLOSS.fullmatch(text[q.end:nxt.start])):
            continue
        q_count = table.family.get(q.unit) == "count"
        n_count = table.family.get(nxt.unit) == "count"
        drop.add(i if q_count and not n_count else i + 1)
    return [q for i, q in enumerate(found) if i not in drop]


def _close(a: Quantity, b: Quantity) -> bool:
    """The same amounts, give or take the rounding of a conversion (within 2%)."""
    pairs = [(a.low, b.low), (a.high, b.high)]
    return all((x is None and y is None) or (x is not None and y is not None
                                               and abs(x - y) <= 0.02 * max(abs(x), abs(y)))
               for x, y in pairs)


_LIST_BEFORE = re.compile(r"(?<![\w.,])(?P<n>\d++(?:\.\d++)?)(?:\s*+,\s*+\d++(?:\.\d++)?)++"
                          r"\s*+,?\s*+(?:or|and)\s+$")
_OR_GLOSS = re.compile(r"(?:/(?:day|d))?\s*,?\s*(?:or|i\.e\.,?|=)\s*(?:about\s+|roughly\s+)?", re.I)
# "5-10 mg of ibuprofen per kilogram of body weight": a mass per body weight.
# "200 micrograms (0.2 mg) per kilogram": the gloss, or the end of one, is skipped
_PER_KG = re.compile(r"\.?\s*(?:\(\s*(?:\w+|(?:about\s+|approx\.?\s+|~\s*)?\d[\d.,]*\s*"
                     r"[a-zµμ]{1,12})\s*\)\s*|\)\s*)?(?:of\s+[\w\s-]{1,30}?\s+)?"
                     r"(?:(?:per|/|a|each|for\s+(?:every|each))\s*"
                     r"|(?:multiplied\s+by|times)\s+(?:your\s+|the\s+)?(?:body\s*)?weight\s+in\s+)"
                     # "1 mg of CBD per 10 pounds of animal weight": a tenth of a mg a pound
                     r"(?:(?P<n>\d+(?:\.\d+)?)\s*)?"
                     r"(?:(?P<kg>kilograms?|kgs?)|(?P<lb>pounds?|lbs?))\b"
                     r"(?:\s+of\s+(?:body|animal|pet|bodily)?\s*weight)?", re.I)
_KG_PER_LB = 2.20462  # "0.25 mg per pound" is 0.55 mg per kilogram


def _setting(topic: Topic, own: str, *wider: str) -> str:
    """A study's dose is read from the sentence; earlier advice only from the value's own
    clause: "limit CBD to 10 mg, far less than the 70mg recommended in advice published in
    2020" supersedes the 70 mg, not the 10 mg."""
    setting = first_category(topic, "settings", own, *wider)
    superseded = topic.regex("settings.superseded")
    if setting == "superseded" and superseded is not None and not superseded.search(own):
        study = topic.regex("settings.study")
        setting = "study" if study is not None and any(study.search(w) for w in wider) else ""
    return setting


def _qualifier(topic: Topic, window: str) -> str:
    pattern = topic.regex("qualifiers.patterns")
    ignore = topic.regex("qualifiers.ignore")
    phrases: list[str] = []
    for m in pattern.finditer(window) if pattern is not None else ():
        phrase = re.sub(r"^for\s+", "", m.group(0).strip(" |"), flags=re.I).strip().lower()
        if ignore is not None and ignore.search(phrase):
            continue
        if phrase and not any(phrase in p or p in phrase for p in phrases):
            phrases.append(phrase)
        if len(phrases) >= 3:
            break
    return ", ".join(phrases)


# Between two values that share the words before the first: "800 mg per dose or 3200 mg".
_ASIDE = re.compile(r"\s*\([^()\d]{0,60}\)")
_ALSO = re.compile(r"\s*(?:\(\s*[\d,.]+\s*[A-Za-z]+\s*\)\s*)?"  # "100 micrograms (4,000 IU)"
                   r"(?:(?:per|a|an|each|every)\s+\w+\s*|at\s+(?:once|a\s+time|one\s+time)\s*|"
                   r"(?:daily\s*)?for\s+(?:most\s+|healthy\s+)?(?:adults|children|teens|teenagers|"
                   r"adolescents|women|men|infants|kids|seniors|the\s+elderly)\s*"
                   # "... for adults and ages 11–17, 50 micrograms for ages 1–10"
                   r"(?:(?:and|or)\s+(?:ages?|aged)\s+\d+\s*(?:[–-]|to)\s*\d+\s*)?|"
                   r"(?:daily\s*)?for\s+(?:ages?|aged|children\s+aged)\s+\d+\s*(?:[–-]|to)\s*\d+\s*|"
                   r"daily\s*)?"
                   # "8 mg per day OTC or 16 mg per day with a prescription", "for OTC use and"
                   r"(?:(?:(?:for|with|on|under)\s+(?:an?\s+|the\s+)?)?"
                   r"(?:OTC|over[- ]the[- ]counter|prescription|[Rr]x)(?:\s+use)?\s*)?"
                   r"(?:,\s*)?(?:or|and|,)\s*", re.I)
# "set the limit at 70 mg ... but reduced it to 10 mg": the limit, revised
_REVISED = re.compile(r"\b(?:reduced|lowered|cut|raised|increased|revised|changed|updated|"
                      r"dropped|brought)\s+(?:it|this|that|the\s+(?:limit|figure|amount|"
                      r"intake|level|dose|ADI|UL))\s+(?:down\s+|up\s+|back\s+)?to\s*$", re.I)
# The words a level is read from end at a number of something else: "weighs no more than
# 68 kg and takes 50 mg" gives 50 mg no maximum.
_OTHER_NUMBER = re.compile(r".*\d[\d,.]*\s*[a-zA-Z%]*\s", re.S)


_STARTING_AT = re.compile(r"\bstarting\s+(?:at|from|with)\s+$", re.I)
# "To avoid toxicity, take no more than 4,000 IU": a harm the advice keeps away from.
_AVOIDED = re.compile(r"\b(?:avoid|avoiding|prevent|preventing|reduce|reducing|minimi[sz]e|"
                      r"lower|lowering)\s+(?:the\s+)?(?:risk\s+of\s+|chance\s+of\s+)?"
                      r"(?:[\w-]+\s+)?$", re.I)


def _about_harm(topic: Topic, window: str) -> bool:
    """The words name a harm that is not one the advice avoids."""
    toxic = topic.regex("levels.toxic")
    harm = toxic.search(window) if toxic is not None else None
    return harm is not None and not _AVOIDED.search(window, 0, harm.start())


_PAST_THE_LIMIT = re.compile(r"(?<!not\s)(?<!no\s)(?<!n[’']t\s)(?<!never\s)"
                             r"\b(?:well\s+|far\s+)?(?:above|beyond|exceed\w*|higher\s+than)\s+"
                             r"(?:the\s+|this\s+|that\s+|an?\s+)?(?:UL|upper\s+(?:intake\s+)?"
                             r"(?:level|limit)|tolerable\s+upper|max(?:imum)?\s+(?:dose|limit))\b")


# ... and "do not exceed 2 tablets in any three hour period or 8 tablets a day": the
# first limit's period may come between
_OR_EVEN = re.compile(r"(?:\s+of\s+[\w-]+)?(?:\s+(?:in|within|per|a|an|each|every|at)\s+"
                      r"(?:any\s+|one\s+|a\s+)?(?:[\w-]+\s+){0,3}?"
                      r"(?:hours?|period|days?|dose|time|once|sitting))?"
                      r"\s*,?\s*or\s+(?:even\s+|perhaps\s+|possibly\s+)?", re.I)
# "cut the advised limit from 70mg to 10mg", "raised the dose from 2 to 4 g": a change
_CHANGED_FROM = re.compile(r"\b(?:drop|cut|reduc|lower|rais|increas|decreas|chang|revis|"
                           r"slash|hik|boost|move|went|go|goes)\w*\b[^.;]{0,40}?\bfrom\s+"
                           r"(?:about\s+|around\s+)?$", re.I)
_STRENGTH_NAME = re.compile(r"\b(?:maximum|max|extra|regular)[- ]strength\b", re.I)


def _level(topic: Topic, window: str, upper_bound_only: bool, section: str = "",
           sentence_before: str = "") -> str:
    """start, strong or typical from the clause's words. A limit ("no more than 10 g",
    "the maximum is 12 g") is the `max` level whatever else the clause says, and so is
    an upper bound ("up to 15 g") with no other level word."""
    if _about_harm(topic, window):
        return "toxic"
    # "Sudafed congestion maximum strength": a product's name, no limit
    window, section = _STRENGTH_NAME.sub(" ", window), _STRENGTH_NAME.sub(" ", section)
    if _PAST_THE_LIMIT.search(window):
        return "strong"  # "doses well above the UL, typically over 10,000 IU daily"
    said_max = topic.regex("levels.max")
    if said_max is not None and said_max.search(window):
        return "max"
    for level in ("start", "strong"):
        pattern = topic.regex(f"levels.{level}")
        if pattern is not None and pattern.search(window):
            return level
    if upper_bound_only:
        return "max"
    # a dose chart under "Tolerable upper intake levels" lists maxima
    if section and said_max is not None and said_max.search(section):
        return "max"
    # "One patient reportedly consumed 3000 mg per day" under "Abuse and addiction
    # potential" is heavy use, "20-30g per day" under "Loading Phase" a start, unless the
    # clause calls the dose the usual one ("typical dosages run about 10 to 20 mg" under
    # a site's "Drug abuse help" heading)
    usual = topic.regex("levels.typical")
    if not section or (usual is not None and (usual.search(window)
                                              or usual.search(sentence_before))):
        return "typical"
    for level, key in (("strong", "levels.strong_sections"), ("start", "levels.start_sections")):
        pattern = topic.regex(key)
        if pattern is not None and pattern.search(section):
            return level
    return "typical"


def range_text(low: float | None, high: float | None, unit: str) -> str:
    if low is None and high is None:
        return ""
    if low is None:
        return f"≤ {_fmt(high)} {unit}"
    if high is None:
        return f"≥ {_fmt(low)} {unit}"
    if low == high:
        return f"{_fmt(low)} {unit}"
    return f"{_fmt(low)}–{_fmt(high)} {unit}"


# How far after a value its form may be named ("300 mg daily of a standardized root extract").
FORM_AFTER = 60


def _nearest_form(topic: Topic, before: str, after: str) -> str:
    """The form (`forms` table) a value is of: the first named after it ("3–12 g root
    powder or extract" is powder, "... powder or 300 mg of extract" extract), else the
    nearest named before it ("Powder: 3–6 grams a day")."""
    forms = [(name, topic.regex(f"forms.{name}")) for name in topic.get("forms", {})]
    forms = [(name, pattern) for name, pattern in forms if pattern is not None]
    after = after.split("\n", 1)[0]  # a list line's form is its own ("- Powder: 3 g")
    before = before.rsplit("\n", 1)[-1]
    found = [(m.start(), name) for name, pattern in forms
             if (m := pattern.search(after[:FORM_AFTER])) is not None]
    if found:
        return min(found)[1]
    found = [(len(before) - m.end(), name) for name, pattern in forms
             for m in pattern.finditer(before)]
    return min(found)[1] if found else ""


def _cue_above(cues: re.Pattern[str], ctx: ArticleContext | None, sentence: Sentence,
               lines: int = 12) -> str:
    """The unfinished lead-in whose cue list lines under it carry ("... were randomly
    assigned to receive" then "400 mg ibuprofen and 1,000 mg acetaminophen" on lines of
    their own), or ""."""
    if ctx is None:
        return ""
    for unit in ctx.resolver.sentences_before(sentence, lines, same_section=False):
        prev = unit.text.rstrip()
        if not prev or prev[-1] in ".!?\"”":
            return ""  # a finished sentence: the lines below are not its list
        if cues.search(prev[-80:]):
            return prev
    return ""


def extract_quantities(topic: Topic, sentence: Sentence,
                       ctx: ArticleContext | None = None) -> list[Assertion]:
    """Dose rows of one sentence; a quantity of something that is no tracked substance
    ("250 ml of water", a companion food) gives no row. Each row keeps its conditions:
    level, purpose, population, route, form and frequency."""
    text = sentence.text
    if sentence.is_heading and not re.search(r"\d", text):
        return []
    if is_question(text) or not _HAS_NUMBER.search(text):
        return []
    quantities = find_quantities(topic, text)
    if not quantities:
        return []
    if ctx is not None and len(quantities) == 1 and _GLOSS_LINE.fullmatch(text) and \
            _ENDS_WITH_AMOUNT.search(ctx.resolver.text[max(0, sentence.start - 40):
                                                      sentence.start]):
        return []  # a table cell "25 mcg" and, on the line below, "(1,000 IU)": one amount
    if ctx is not None and len(quantities) == 1 and text.strip() == quantities[0].surface \
            and text.strip() in ctx.resolver.text[max(0, sentence.start - 80):sentence.start]:
        return []  # a bare cell repeating the one beside it (the same limit for women)
    cues = topic.regex("cues")
    lead_in = ""
    if cues is None or (not cues.search(text) and not (
            sentence.section and cues.search(sentence.section)) and not (
            lead_in := _cue_above(cues, ctx, sentence))):
        return []  # a dose chart's rows have their cue in the heading above them
    rows = []
    said_level = ""  # the level the previous value was given by its own words
    for i, q in enumerate(quantities):
        prev_end = quantities[i - 1].end if i else 0
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        c_start, c_end = clause_bounds(text, q.start)
        about = None
        bound_of = None
        if ctx is not None:
            bound = bound_of = (ctx.resolver.bound_after(sentence.start + q.end)
                                or ctx.resolver.bound_before(sentence.start + q.start))
            about = ctx.subject(sentence, q.start, (c_start, c_end), bound=bound,
                                left_only=True, sentence_left_only=True, treated_too=False)
            if about is None:
                continue
        window_before = text[max(prev_end, c_start):q.start]
        window_after = text[q.end:min(next_start, max(c_end, q.end))]
        if i + 1 < len(quantities):  # ", and children should take 1 mg" belongs to the next
            window_after = _NEXT_CLAUSE.split(window_after, maxsplit=1)[0]
            # "200 mg once daily, not to exceed 400 mg": the limit is the next value's
            bound_next = topic.cached("bounds", _build_bounds)[0].search(window_after)
            if bound_next is not None and quantities[i + 1].start == q.end + len(window_after):
                window_after = window_after[:bound_next.start()]  # (the pattern ends at $)
        if i:
            window_before = _NEXT_CLAUSE.split(window_before)[-1]
        own = window_before + " " + q.surface + " " + window_after
        qualifier = _qualifier(topic, window_after + " ; " + window_before)
        family = unit_family(topic, q.unit)
        conditions = {
            "purpose": first_category(topic, "purposes", own, text, sentence.section),
            "population": (first_category(topic, "populations", own, text)
                           or _section_population(topic, sentence.section)),
            "route": first_category(topic, "routes", own, text),
            "form": _nearest_form(topic, text[prev_end:q.start], window_after),
            "frequency": first_category(topic, "frequencies", q.surface + " " + window_after,
                                   own, text),
            "setting": _setting(topic, own, text, lead_in),
            "supply": first_category(topic, "supplies", own),
        }
        low, high = q.low, q.high
        # level words are read next to the value: "the higher amounts ... beyond the
        # recommended 600 to 800 IU" does not make 600-800 IU a strong dose
        # an aside in brackets does not push the level words out of reach: "the maximum
        # recommended daily consumption (except for extreme cases) is 100mg"
        level_before = " ".join(_OTHER_NUMBER.sub("", w[-60:], count=1) for w in (
            window_before, _ASIDE.sub("", window_before)))
        # a recommended allowance named under a heading about upper limits is no limit
        recommended = topic.regex("levels.recommended")
        section = "" if recommended is not None and recommended.search(
            text[max(0, q.start - 150):q.start]) else sentence.section
        if conditions["setting"] == "study" or (
                conditions["purpose"] and first_category(topic, "purposes", own)):
            # a dose used to treat something, under a heading about upper limits, is what
            # is taken for it ("A 4,000 IU dose is often used to correct a deficiency")
            # a study's doses under a heading about the maximum dose are what it gave
            # ("high-dose ibuprofen (2400 mg per day) increases cardiovascular risks, while
            # a dose of 1200 mg per day does not"), not limits
            said_max = topic.regex("levels.max")
            if said_max is not None and said_max.search(section):
                section = ""
        level = _level(topic, level_before + " " + window_after[:60], low is None, section,
                       text[:q.start])
        if level in {"typical", "strong"} and _about_harm(topic, window_before[-140:]):
            level = "toxic"  # "Vitamin D toxicity is typically associated with much higher
            # doses (above 10,000 IU daily)": the clause is about harm, not use
        if level == "typical" and lead_in:
            # "the safe upper limits are as follows:" then "1-3 years: 2,500 IU" (not a
            # "strong" dose from "receive" after "severe pain")
            above = _level(topic, lead_in[-80:], False)
            level = above if above in {"max", "start", "toxic"} else level
        limit_subject = topic.regex("levels.limit_subject")
        if level == "typical" and limit_subject is not None and limit_subject.search(
                window_before[-160:]):
            level = "max"  # "The upper limit for vitamin D for all adults ... is 4,000 IU"
        strong_sentence = topic.regex("levels.strong_sentence")
        if level == "typical" and strong_sentence is not None and strong_sentence.search(
                text, 0, q.start):
            level = "strong"
        if i and said_level and level == "typical" and (_ALSO.fullmatch(
                text[prev_end:q.start]) or _REVISED.search(text, prev_end, q.start)):
            level = said_level  # "the maximum is 800 mg per dose or 3200 mg per day"
        said_level = level if level != "typical" else ""
        if level == "start" and high is None and low is not None and _STARTING_AT.search(
                text, max(0, q.start - 20), q.start):
            high = low  # "given starting at 2.5 mg once weekly": the first dose, not a floor
        if level == "max" and high is None and low is not None:
            low, high = None, low  # "doses above 15 g are not recommended": 15 g at most
        if low is not None and low == high:  # "the maximum dose is 8 g": an upper bound
            minimum = topic.regex("levels.minimum")
            safe = topic.regex("levels.safe_single")
            if level == "typical" and safe is not None and safe.search(
                    window_before[-80:] + " " + window_after[:60]):
                level = "max"  # "4,000 IU daily is mostly safe for adults": as much as is safe
            if level == "max":
                low = None
            elif minimum is not None and minimum.search(
                    _OTHER_NUMBER.sub("", window_before, count=1)):
                # "at least a 50% reduction ... for patients given 70 mg": the words
                # bound another number
                high = None
        bound = "at most" if low is None else "at least" if high is None else (
            "single" if low == high else "range")
        # "Eliquis and Pradaxa require two pills a day": one claim about each, when the
        # names are joined by "and" before the amount and none is bound to it by "of"
        also = (ctx.resolver.coordinated(about[0], sentence.start + c_start,
                                         sentence.start + q.start, and_only=True)
                if ctx is not None and about is not None and about[1] == "clause"
                and bound_of is None else [])
        for who in [about] + [(name, about[1]) for name in also]:
            rows.append(Assertion.of(
                sentence, topic.key, "quantity", range_text(low, high, q.unit), about=who,
                low=low, high=high, unit=q.unit, qualifier=qualifier, level=level,
                scope=family, detail=f"{bound}: {q.surface.strip()}", extra=conditions))
    return rows
