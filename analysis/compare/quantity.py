"""Quantities (dose): each claim held against what the other independent sources say.

Claims are compared within one subject, topic and unit family, and only with claims whose
conditions line up: a compatible level (start and typical doses together; strong doses;
maxima), and the same purpose, population, route, form and frequency wherever both say
one. Rather than listing every pair ("A says 2–4 g; B says 4.5–8 g" dozens of times),
each claim is set against the consensus of the *other* sources — the span of their
middle half, or all of them when there are fewer than four — and a claim outside it
becomes one row per disagreement, with every source on each side: "most sources (4 of 5)
say 2–4 g for a typical dose; 003 says 20 g (5× the upper end)". Copies count once:
sources are articles, or groups of articles that copy each other when `source` is set.
Severity grows with the distance (log scale) and with the sources on each side.

Large groups (a crawl where thousands of articles state a dose) use one consensus per
condition set instead of one per claim: a single source barely moves a quartile there.
A claim outside it is then held against the sources inside it (one shared list, not a
list per claim), so the work stays O(n log n) rather than growing with claims × sources.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..extract.quantity import range_text
from ..topics import Topic
from .common import Conflict, _camp_list, _short

LEVEL_CLASS = {"start": "usual", "typical": "usual", "": "usual", "strong": "strong",
               "high": "strong", "max": "max", "toxic": "toxic"}
# Overlapping ranges that share less than this (on a log scale) still disagree: 1–5 vs 4–10.
MIN_JACCARD = 0.12
# Maxima disagree when one is at least this many times the other (2,000 vs 4,000 IU).
MAX_RATIO = 2.0
# Ends within 25% of each other are the same advice written differently (75 mg and 81 mg
# of aspirin, 92 mg and 100 mg of zinc); a disagreement starts beyond that.
TOLERANCE = 1.25
POINT_TOLERANCE = 1.4  # between two single amounts
# A value this many orders of magnitude from the median of its group is a misread (a body
# weight, a unit lost), not advice that disagrees: it is left out of the comparison.
MAX_PLAUSIBLE_DISTANCE = 4.0
CONSENSUS_MIN_SOURCES = 4  # from this many other sources on, the middle half is the consensus
LARGE_GROUP = 400
SAID_MAX = 8  # claims of one camp quoted in a summary
CONDITIONS = ("purpose", "population", "route", "form", "frequency", "supply")
# Within one article, doses for the same use that are ten times apart are a slip (grams
# for milligrams); closer ones are usually doses for cases the text does not spell out.
WITHIN_MIN_DISTANCE = 1.0
# What a claim that says none means: adults, by mouth, and a daily amount or one dose (so
# "600 IU" in an RDA table is not held against "50,000 IU weekly").
_DEFAULTS = {"population": {"adults"}, "route": {"oral"}, "frequency": {"day", "dose"}}


@dataclass
class _Claim:
    row: dict
    source: str
    lo: float | None  # in the family's base unit
    hi: float | None
    level: str
    cond: tuple = ()  # (studied, *conditions): what _compatible looks at

    @property
    def closed(self) -> bool:
        return self.lo is not None and self.hi is not None


@dataclass
class _Outlier:
    claim: _Claim
    direction: str  # above, below
    distance: float  # log10 of how far outside the band
    band: tuple[float | None, float | None]
    counter: list[_Claim]  # the other sources' claims it disagrees with
    shared: bool = False  # counter is the consensus of a large group, shared by outliers


def _scale(topic: Topic, unit: str) -> float:
    return float(topic.get("unit_scale", {}).get(unit, 1.0))


def _family(topic: Topic, unit: str) -> str:
    family = topic.get("unit_family", {}).get(unit, unit)
    return family if family != "count" else unit  # capsules are not tablets


def _equivalent(topic: Topic, subject: str, unit: str) -> tuple[str, float] | None:
    """(family, size in that family's base unit) of a unit whose size depends on the
    substance (`unit_equivalents`: an IU of vitamin D is 0.025 mcg)."""
    table = topic.get("unit_equivalents", {}).get(subject.lower(), {})
    if unit not in table:
        return None
    family, size = table[unit]
    return str(family), float(size)


def _size(topic: Topic, row: dict) -> float:
    """The size of a row's unit in its family's base unit, for its substance."""
    unit = str(row.get("unit") or "")
    same = _equivalent(topic, str(row.get("subject") or ""), unit)
    return same[1] if same is not None else _scale(topic, unit)


def _log(x: float) -> float:
    return math.log10(max(x, 1e-12))


def _studied(row: dict) -> bool:
    return str(row.get("setting") or "") == "study"


def _conditions(row: dict) -> tuple:
    return (_studied(row), *(str(row.get(k) or "") for k in CONDITIONS))


def _compatible(a: dict, b: dict) -> bool:
    """Conditions line up: the same value, or one of them says none — except that a
    population or route left unsaid is the usual one (adults, by mouth), so it does not
    line up with children or an infusion. Two studies that gave different doses do not
    disagree: only advice is held against studies and against other advice."""
    return _compatible_conditions(_conditions(a), _conditions(b))


@lru_cache(maxsize=4096)
def _compatible_conditions(a: tuple, b: tuple) -> bool:
    """_compatible on condition tuples: a batch has few distinct ones, so cached."""
    if a[0] and b[0]:
        return False
    for key, x, y in zip(CONDITIONS, a[1:], b[1:]):
        if x == y:
            continue
        if x and y:
            return False
        if key in _DEFAULTS and (x or y) not in _DEFAULTS[key]:
            return False
    return True


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    pos = q * (len(values) - 1)
    i = int(pos)
    frac = pos - i
    return values[i] if i + 1 >= len(values) else values[i] * (1 - frac) + values[i + 1] * frac


def _band(others: list[_Claim], middle: bool, level: str = "usual"
          ) -> tuple[float | None, float | None]:
    """The span the other sources give: all of it, or its middle half."""
    highs = [c.hi for c in others if c.hi is not None]
    lows = highs if level == "max" else [c.lo for c in others if c.lo is not None]
    if middle:
        return (_quantile(lows, 0.25) if lows else None, _quantile(highs, 0.75) if highs
                else None)
    return (min(lows) if lows else None, max(highs) if highs else None)


def _outside(c: _Claim, band: tuple[float | None, float | None], level: str
             ) -> tuple[str, float] | None:
    """(direction, log distance) when `c` lies outside `band`; distance 0 for a claim
    that barely overlaps it."""
    lo_b, hi_b = band
    if level == "max":  # maxima are points: compare the upper ends
        if c.hi is None:
            return None
        if hi_b is not None and c.hi >= hi_b * MAX_RATIO:
            return "above", _log(c.hi / hi_b)
        low_end = lo_b if lo_b is not None else None
        if low_end is not None and c.hi * MAX_RATIO <= low_end:
            return "below", _log(low_end / c.hi)
        return None
    # two single amounts are rounded advice ("150 mg", "200 mg of DHA"): a wider margin
    tol = POINT_TOLERANCE if c.lo == c.hi and lo_b is not None and lo_b == hi_b else TOLERANCE
    if c.lo is not None and hi_b is not None and c.lo > hi_b * tol:
        return "above", _log(c.lo / hi_b)
    if c.hi is not None and lo_b is not None and c.hi * tol < lo_b:
        return "below", _log(lo_b / c.hi)
    if c.closed and lo_b is not None and hi_b is not None and lo_b > 0 and c.lo > 0 \
            and c.lo < c.hi and lo_b < hi_b:  # two spans that barely share anything
        inter = _log(min(c.hi, hi_b)) - _log(max(c.lo, lo_b))
        union = _log(max(c.hi, hi_b)) - _log(min(c.lo, lo_b))
        if inter <= 0:
            return None  # apart by less than the tolerance: the same advice
        contains = (c.lo <= lo_b and c.hi >= hi_b) or (lo_b <= c.lo and hi_b >= c.hi)
        if union > 0 and inter / union < MIN_JACCARD and not contains:
            mid_c, mid_b = _log(c.lo) + _log(c.hi), _log(lo_b) + _log(hi_b)
            return ("above" if mid_c > mid_b else "below"), 0.0
    return None


def _disagrees(c: _Claim, o: _Claim, level: str) -> bool:
    band = (o.hi, o.hi) if level == "max" else (o.lo, o.hi)
    return _outside(c, band, level) is not None


def _claims(topic: Topic, rows: list[dict]) -> dict[tuple, list[_Claim]]:
    groups: dict[tuple, list[_Claim]] = defaultdict(list)
    for r in rows:
        unit = str(r.get("unit") or "")
        if not unit or (r.get("low") is None and r.get("high") is None):
            continue
        if str(r.get("setting") or "") == "superseded":
            continue  # earlier advice the page itself says was replaced: history
        ends = [v for v in (r.get("low"), r.get("high")) if v is not None]
        if any(not math.isfinite(v) or v <= 0 for v in ends):
            continue  # a placebo's 0 mg, or a number too large to be one: nothing to compare
        family, k = _family(topic, unit), _size(topic, r)
        same = _equivalent(topic, str(r.get("subject") or ""), unit)
        if same is not None:  # 4,000 IU of vitamin D is 100 mcg: one scale for both
            family = same[0]
        level = LEVEL_CLASS.get(str(r.get("level") or ""), "usual")
        groups[(family, level)].append(_Claim(
            r, str(r.get("source") or r["article"]),
            None if r.get("low") is None else r["low"] * k,
            None if r.get("high") is None else r["high"] * k, level, _conditions(r)))
    return {key: _plausible(claims) for key, claims in groups.items()}


def _plausible(claims: list[_Claim]) -> list[_Claim]:
    if len(claims) < 3:
        return claims
    mids = sorted(_log(_mid(c)) for c in claims)
    median = mids[len(mids) // 2]
    return [c for c in claims if abs(_log(_mid(c)) - median) <= MAX_PLAUSIBLE_DISTANCE]


def _mid(c: _Claim) -> float:
    ends = [v for v in (c.lo, c.hi) if v is not None]
    return math.sqrt(ends[0] * ends[-1])


def _find_outliers(claims: list[_Claim], level: str) -> list[_Outlier]:
    out: list[_Outlier] = []
    large = len(claims) > LARGE_GROUP
    shared: dict[tuple, tuple] = {}
    for c in claims:
        if large:  # one consensus per condition set; an outlier is held against it
            key = c.cond
            if key not in shared:
                pool = [o for o in claims if _compatible_conditions(o.cond, key)]
                band = _band(pool, len({o.source for o in pool}) >= CONSENSUS_MIN_SOURCES,
                             level)
                shared[key] = (band, [o for o in pool if _outside(o, band, level) is None])
            band, inside = shared[key]
            hit = _outside(c, band, level)
            if hit is not None and any(o.source != c.source for o in inside[:2]):
                out.append(_Outlier(c, hit[0], hit[1], band, inside, shared=True))
            continue
        others = [o for o in claims
                  if o.source != c.source and _compatible_conditions(o.cond, c.cond)]
        if not others:
            continue
        band = _band(others, len({o.source for o in others}) >= CONSENSUS_MIN_SOURCES, level)
        hit = _outside(c, band, level)
        if hit is None:
            continue
        direction, distance = hit
        counter = [o for o in others if _disagrees(c, o, level)]
        if not counter:
            if distance > 0:
                continue
            counter = others  # barely overlapping the whole band
        out.append(_Outlier(c, direction, distance, band, counter))
    return out


def _span(lo: float | None, hi: float | None, unit: str, scale: float) -> str:
    """A range in base units, written in `unit` the way extraction writes values."""
    def back(v: float | None) -> float | None:
        return None if v is None else round(v / scale, 9)
    return range_text(back(lo), back(hi), unit) or "?"


def _conditions_text(row: dict, level: str) -> str:
    words = {"usual": "typical", "strong": "strong", "max": "maximum", "toxic": "toxic"}[level]
    said = [str(row.get(k)) for k in CONDITIONS if row.get(k)]
    per = {"day": "per day", "dose": "per dose", "week": "per week", "month": "per month",
           "year": "per year"}
    said = [per.get(s, s) for s in said]
    return f"{words} dose" + (f" ({', '.join(said)})" if said else "")


def _rows_for(topic: Topic, family: str, level: str, outliers: list[_Outlier],
              max_pairs: int) -> list[Conflict]:
    """One row per disagreement: outliers on the same side whose claims overlap form one
    camp; A-above-B and B-below-A are the same disagreement."""
    camps: list[list[_Outlier]] = []
    for o in sorted(outliers, key=lambda o: (o.direction, o.claim.lo or o.claim.hi or 0)):
        for camp in camps:
            head = camp[0]
            # newest members first: in sorted order they are the likeliest to overlap
            if head.direction == o.direction and any(
                    not _disagrees(o.claim, m.claim, level) for m in reversed(camp)):
                camp.append(o)
                break
        else:
            camps.append([o])
    covered: set[frozenset] = set()  # source pairs a row already stands for
    out: list[Conflict] = []
    for camp in sorted(camps, key=lambda c: (-max(o.distance for o in c), -len(c))):
        mine = sorted({o.claim.source for o in camp})
        theirs = sorted({c.source for counter in _counters(camp) for c in counter}
                        - set(mine))
        if not theirs:
            continue
        if not camp[0].shared:  # the consensus of a large group is never an outlier itself
            pairs = {frozenset((a, b)) for a in mine for b in theirs}
            if pairs <= covered:
                continue  # B-below-A after A-above-B: the same disagreement
            covered |= pairs
        out.append(_conflict(topic, family, level, camp, theirs))
    out.sort(key=lambda c: -c.severity)
    if len(out) > max_pairs:
        folded = len(out) - max_pairs
        out = out[:max_pairs]
        out[-1].folded += folded
    return out


def _counters(camp: list[_Outlier]) -> list[list[_Claim]]:
    """The camp's counter lists, each once (outliers of a large group share one)."""
    return list({id(o.counter): o.counter for o in camp}.values())


def _unit(c: _Claim) -> str:
    return str(c.row.get("unit") or "")


def _conflict(topic: Topic, family: str, level: str, camp: list[_Outlier],
              theirs: list[str]) -> Conflict:
    claims = [o.claim for o in camp]
    wanted = set(theirs)  # a set: `theirs` can hold thousands of sources
    counter = {c.source: c for cs in _counters(camp) for c in cs if c.source in wanted}
    unit = str(claims[0].row.get("unit") or family)
    scale = _scale(topic, unit)
    lo_b, hi_b = camp[0].band
    if level != "max" or len(counter) > 1:
        lo_c = min((c.lo for c in counter.values() if c.lo is not None), default=None)
        hi_c = max((c.hi for c in counter.values() if c.hi is not None), default=None)
        if len(counter) >= CONSENSUS_MIN_SOURCES:
            lo_c, hi_c = lo_b, hi_b
    else:
        only = next(iter(counter.values()))
        lo_c, hi_c = only.lo, only.hi
    distance = max(o.distance for o in camp)
    direction = camp[0].direction
    said = list(dict.fromkeys(
        f"{_short(c.row['article'])} says {_span(c.lo, c.hi, _unit(c), _size(topic, c.row))}"
        for c in claims))
    if len(said) > SAID_MAX:  # a crawl's camp can hold hundreds: the rest are in `articles`
        said = said[:SAID_MAX] + [f"and {len(said) - SAID_MAX} more"]
    said = "; ".join(said)
    units = Counter(_unit(c) for c in counter.values())
    unit = units.most_common(1)[0][0] if units else unit  # the others' band in their unit
    scale = next((_size(topic, c.row) for c in counter.values() if _unit(c) == unit),
                 _scale(topic, unit))
    n_others = len(theirs)
    who = (_camp_list(theirs, 3) + (" says" if n_others == 1 else " say") if n_others <= 3 else
           f"most other sources ({n_others}: {_camp_list(theirs, 3)}) say")
    how_far = ""
    if distance > 0:
        ratio = 10 ** distance
        how_far = f" — {ratio:.1f}× {'above' if direction == 'above' else 'below'} them"
    summary = (f"{_conditions_text(claims[0].row, level)}: {who} "
               f"{_span(lo_c, hi_c, unit, scale)}; {said}{how_far}")
    severity = (0.35 + 0.45 * min(1.0, distance) + 0.1 * min(1.0, (len(camp) - 1) / 3)
                + 0.1 * min(1.0, (n_others - 1) / 3))
    sides = [c.row for c in claims[:3]] + [counter[s].row for s in theirs[:3]]
    articles = list(dict.fromkeys([c.row["article"] for c in claims] +
                                  [counter[s].row["article"] for s in theirs]))
    pairs = len({c.source for c in claims}) * n_others
    return Conflict(topic.key, "cross-source", articles, summary, sides, severity,
                    scope=family, detail=f"{level} dose, {direction} the others",
                    folded=max(0, pairs - 1))


def _within(topic: Topic, claims: list[_Claim], family: str, level: str) -> list[Conflict]:
    """An article giving disjoint values for the very same conditions: per article and
    condition set, the claim ending lowest against the one starting highest."""
    out = []
    if topic.get("unit_family", {}).get(family) == "count":
        return out  # "0.34 capsules" in a calculation is no dose an article gives
    buckets: dict[tuple, list[_Claim]] = defaultdict(list)
    for c in claims:
        if _studied(c.row):
            continue  # a study's arms differ on purpose: "1,000, 2,000 or 4,000 IU a day"
        said = "" if c.row.get("purpose_from") == "article" else c.row.get("purpose")
        # (and a dose a study gave is no advice the article contradicts: "typical doses
        # are 10-75 mg/day" and "1500 mg/day in safety studies" stand side by side)
        key = (c.row["article"], str(c.row.get("level") or ""),
               str(said or ""), *(str(c.row.get(k) or "") for k in ("population", "route",
                                                                   "form", "frequency",
                                                                   "supply")))
        buckets[key].append(c)
    for (article, *_), same in sorted(buckets.items()):
        if len(same) < 2:
            continue
        x = min(same, key=lambda c: c.hi if c.hi is not None else math.inf)
        y = max(same, key=lambda c: c.lo if c.lo is not None else 0.0)
        if x is y or x.row["start"] == y.row["start"]:
            continue
        hit = _outside(y, (x.lo, x.hi), level)
        if hit is None or hit[0] != "above" or hit[1] < WITHIN_MIN_DISTANCE:
            continue
        contrast = topic.regex("deliberate_contrast")
        if contrast is not None and any(contrast.search(str(c.row.get("evidence") or ""))
                                        for c in (x, y)):
            continue  # "at a much lower dose (1.75-4.5 mg)": two uses, set apart on purpose
        summary = (f"{_short(article)} gives "
                   f"{_span(x.lo, x.hi, _unit(x), _size(topic, x.row))} and "
                   f"{_span(y.lo, y.hi, _unit(y), _size(topic, y.row))} for the same "
                   f"{_conditions_text(x.row, level)}")
        out.append(Conflict(topic.key, "within-source", [article], summary, [x.row, y.row],
                            0.35 + 0.45 * min(1.0, hit[1]), scope=family,
                            detail=f"{level} dose"))
    return out


def _quantity_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    out: list[Conflict] = []
    for (family, level), claims in sorted(_claims(topic, rows).items()):
        out.extend(_rows_for(topic, family, level, _find_outliers(claims, level), max_pairs))
        out.extend(_within(topic, claims, family, level))
    return out


def dose_severity(a: dict, b: dict, topic: Topic | None = None) -> float:
    """How far apart two dose claims are (0 when they agree): the severity a one-to-one
    disagreement between them gets."""
    from ..topics import load_topics

    topic = topic or load_topics().topics["dose"]
    groups = _claims(topic, [{**a, "article": a.get("article", "a")},
                             {**b, "article": b.get("article", "b")}])
    if len(groups) != 1:
        return 0.0
    (_family_level, claims), = groups.items()
    if len({c.source for c in claims}) < 2 or not _compatible(a, b):
        return 0.0
    level = claims[0].level
    x, y = claims
    hit = _outside(x, (y.lo, y.hi), level) or _outside(y, (x.lo, x.hi), level)
    return 0.0 if hit is None else 0.35 + 0.45 * min(1.0, hit[1])
