"""Quantity topics (dose): numbers and ranges with units, open ends, level and purpose.

A hand-written range+unit pattern found all seed dose phrases at ~30,000 sentences/s,
where quantulum3 merged ranges into a midpoint and read "7" out of
"7-hydroxymitragynine". Only numbers carrying a unit from the schema, in a sentence with
a dose cue, become rows; years, ages, counts, prices and percentages never have one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..topics import Topic
from .common import ArticleContext, Assertion, Sentence, clause_bounds

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5, "a half": 0.5,
}
_NUM = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|"
        + "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True)) + ")")
# No real sentence states more doses than this; the cap bounds work on pathological text.
MAX_PER_SENTENCE = 10
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|or)\b|;", re.I)
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_WORDS) + r")\b", re.I)
_PER = re.compile(r"(?:\bper\s+|/)(day|night|dose|serving|kg|week)\b|"
                  r"\b(daily|nightly|a day|a night|twice a day)\b", re.I)
_PER_NORMAL = {"night": "day", "daily": "day", "nightly": "day", "a day": "day", "a night": "day",
               "twice a day": "day", "dose": "serving"}


@dataclass(frozen=True)
class _UnitTable:
    pattern: re.Pattern[str]
    canonical: dict[str, str]
    factor: dict[str, tuple[str, float]]
    family: dict[str, str]


def _units(topic: Topic) -> _UnitTable:
    return topic.cached("units", _build_units)


def _build_units(topic: Topic) -> _UnitTable:
    canonical: dict[str, str] = {}
    for unit, forms in topic.get("units", {}).items():
        for form in forms:
            canonical[form.lower()] = unit
    forms = sorted(canonical, key=len, reverse=True)
    unit_re = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    pattern = re.compile(
        rf"(?P<pre>\b(?:between|from)\s+)?(?<![\w.,-])(?P<a>{_NUM})(?P<plus>\+)?\s*(?P<ua>{unit_re})?"
        rf"(?:\s*(?P<sep>-|–|—|to|or|and)\s*(?P<b>{_NUM}))?\s*(?P<u>{unit_re})"
        rf"(?:(?![\w/])|(?=/(?:day|d|night|dose|serving)\b))",
        re.I)
    factor = {u: (v[0], float(v[1])) for u, v in topic.get("unit_factor", {}).items()}
    return _UnitTable(pattern, canonical, factor, dict(topic.get("unit_family", {})))


def _number(text: str) -> float:
    key = text.lower().strip()
    if key in _WORDS:
        return float(_WORDS[key])
    return float(key.replace(",", ""))


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


def find_quantities(topic: Topic, text: str) -> list[Quantity]:
    """Every number or range with a schema unit in `text`, open ends applied."""
    table = _units(topic)
    at_most, at_least = topic.cached("bounds", _build_bounds)
    not_before = topic.regex("not_preceded_by")
    not_after = topic.regex("not_followed_by")
    found: list[Quantity] = []
    for m in table.pattern.finditer(text):
        if len(found) >= MAX_PER_SENTENCE:
            break
        a_text, b_text, sep = m.group("a"), m.group("b"), m.group("sep")
        if sep and sep.lower() == "and" and not m.group("pre"):
            # "5 mg and 10 mg" lists two doses; only "between 5 and 10 mg" is a range
            continue
        unit = table.canonical[m.group("u").lower()]
        if m.group("ua") and table.canonical[m.group("ua").lower()] != unit:
            continue
        try:
            low = _number(a_text)
            high = _number(b_text) if b_text else low
        except ValueError:
            continue
        if high < low:
            low, high = high, low
        before = text[max(0, m.start() - 40):m.start("a")]
        after = text[m.end():m.end() + 40]
        if (not_before and not_before.search(before)) or (not_after and not_after.search(after)):
            continue
        tail = text[m.end():m.end() + 20]
        if m.group("plus") and b_text is None:
            high = None  # "7+ grams"
        elif b_text is None:
            head = text[max(0, m.start("a") - 30):m.start("a")]
            if at_most.search(head):
                low = None
            elif at_least.search(head) and not re.search(r"\bfrom\s+$", head, re.I):
                high = None
        after_least, after_most = topic.regex("bounds.after_at_least"), topic.regex(
            "bounds.after_at_most")
        if after_least is not None and after_least.search(tail):
            high = None  # "5 g or more": the range opens upwards from its lower end
        elif after_most is not None and after_most.search(tail):
            low = None
        if unit in table.factor:
            target, factor = table.factor[unit]
            unit = target
            low = None if low is None else round(low * factor, 6)
            high = None if high is None else round(high * factor, 6)
        found.append(Quantity(low, high, unit, m.start("a"), m.end(), m.group(0)))
    return _drop_counts_glossed_by_mass(found, text, table)


def _build_bounds(topic: Topic) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'up to' / 'upwards of' phrases, anchored to end just before the number."""
    tail = r")\s+(?:about\s+|approximately\s+|around\s+|roughly\s+)?$"
    return tuple(re.compile(r"\b(?:" + "|".join(topic.get(f"bounds.{name}", [])) + tail, re.I)
                 for name in ("at_most", "at_least"))


_GLOSS = re.compile(r"\s*\(\s*(?:about|approx\.?|approximately|around|roughly|~|or)?\s*",
                    re.I)


def _drop_counts_glossed_by_mass(found: list[Quantity], text: str,
                                 table: _UnitTable) -> list[Quantity]:
    """'3 capsules (75 mg total)' and '2 g (about one teaspoon)' each state one dose:
    keep the mass, drop the count that glosses it."""
    drop = set()
    for i in range(len(found) - 1):
        q, nxt = found[i], found[i + 1]
        if not _GLOSS.fullmatch(text[q.end:nxt.start]):
            continue
        q_count = table.family.get(q.unit) == "count"
        n_count = table.family.get(nxt.unit) == "count"
        if q_count and not n_count:
            drop.add(i)
        elif n_count and not q_count:
            drop.add(i + 1)
    return [q for i, q in enumerate(found) if i not in drop]


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


def _level(topic: Topic, window: str) -> str:
    for level in ("start", "high", "typical"):
        pattern = topic.regex(f"levels.{level}")
        if pattern is not None and pattern.search(window):
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


def extract_quantities(topic: Topic, sentence: Sentence,
                       ctx: ArticleContext | None = None) -> list[Assertion]:
    """Dose rows of one sentence; a quantity of something that is no tracked substance
    ("250 ml of water", a companion food) gives no row."""
    text = sentence.text
    if sentence.is_heading and not re.search(r"\d", text):
        return []
    if not _HAS_NUMBER.search(text):
        return []
    quantities = find_quantities(topic, text)
    if not quantities:
        return []
    cues = topic.regex("cues")
    if not cues.search(text) and not (sentence.section and cues.search(sentence.section)):
        return []  # a dose chart's rows have their cue in the heading above them
    rows = []
    for i, q in enumerate(quantities):
        prev_end = quantities[i - 1].end if i else 0
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        c_start, c_end = clause_bounds(text, q.start)
        about = None
        if ctx is not None:
            bound = ctx.resolver.bound_after(sentence.start + q.end)
            about = ctx.subject(sentence, q.start, (c_start, c_end), bound=bound)
            if about is None:
                continue
        window_before = text[max(prev_end, c_start):q.start]
        window_after = text[q.end:min(next_start, max(c_end, q.end))]
        if i + 1 < len(quantities):  # ", and children should take 1 mg" belongs to the next
            window_after = _NEXT_CLAUSE.split(window_after, maxsplit=1)[0]
        if i:
            window_before = _NEXT_CLAUSE.split(window_before)[-1]
        qualifier = _qualifier(topic, window_after + " ; " + window_before)
        per = _PER.search(window_after) or _PER.search(window_before)
        per_unit = ""
        if per:
            raw = (per.group(1) or per.group(2)).lower()
            per_unit = _PER_NORMAL.get(raw, raw)
        bound = "at most" if q.low is None else "at least" if q.high is None else (
            "single" if q.low == q.high else "range")
        rows.append(Assertion.of(
            sentence, topic.key, "quantity", range_text(q.low, q.high, q.unit), about=about,
            low=q.low, high=q.high, unit=q.unit, qualifier=qualifier,
            level=_level(topic, window_before + " " + window_after),
            scope=f"{unit_family(topic, q.unit)}/{per_unit or 'any'}",
            detail=f"{bound}: {q.surface.strip()}"))
    return rows
