"""Quantities (dose): ranges compared within the same level, unit family and purpose."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

from ..topics import Topic
from .common import Conflict, _short

LEVEL_COMPATIBLE = {("start", "start"), ("start", "typical"), ("typical", "typical"),
                    ("high", "high")}
# Overlapping ranges that share less than this (on a log scale) still disagree: 1–5 vs 4–10.
MIN_JACCARD = 0.12
MAX_ROWS_PER_ARTICLE = 2  # an article's dose disagreements beyond this are folded

def _to_base(value: float | None, unit: str) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value * 1000.0 if unit == "g" else value


def _log(x: float) -> float:
    return math.log10(max(x, 1e-9))


def dose_severity(a: dict, b: dict) -> float:
    """How far apart two dose claims are, 0 when they agree (see module docstring)."""
    alo, ahi = _to_base(a["low"], a["unit"]), _to_base(a["high"], a["unit"])
    blo, bhi = _to_base(b["low"], b["unit"]), _to_base(b["high"], b["unit"])
    if None not in (alo, ahi, blo, bhi):
        lo1, hi1, lo2, hi2 = (alo, ahi, blo, bhi) if alo <= blo else (blo, bhi, alo, ahi)
        if lo2 > hi1:  # disjoint: the further apart, the more severe
            return 0.5 + 0.5 * min(1.0, _log(lo2 / hi1))
        inter = _log(min(hi1, hi2)) - _log(lo2)
        union = _log(max(hi1, hi2)) - _log(lo1)
        jaccard = inter / union if union > 0 else 1.0
        return 0.35 + 0.15 * (1 - jaccard / MIN_JACCARD) if jaccard < MIN_JACCARD else 0.0
    if alo is None and blo is None and ahi and bhi:  # two "up to" claims
        ratio = max(ahi, bhi) / min(ahi, bhi)
        return 0.4 + 0.4 * min(1.0, _log(ratio)) if ratio >= 2 else 0.0
    if ahi is None and bhi is None and alo and blo:  # two "at least" claims
        ratio = max(alo, blo) / min(alo, blo)
        return 0.4 + 0.4 * min(1.0, _log(ratio)) if ratio >= 2 else 0.0
    return 0.0


def _scope_ok(a: dict, b: dict) -> bool:
    fa, pa = (a["scope"] or "/").split("/", 1)
    fb, pb = (b["scope"] or "/").split("/", 1)
    return fa == fb and (pa == pb or "any" in (pa, pb))


def _levels_ok(a: dict, b: dict) -> bool:
    pair = (a["level"] or "typical", b["level"] or "typical")
    return pair in LEVEL_COMPATIBLE or pair[::-1] in LEVEL_COMPATIBLE


def _pairs_by_article(rows: list[dict], score, *, within: bool) -> dict[tuple, tuple]:
    """Best-scoring pair of rows for every article pair (or article, when `within`).

    Exact, so only for small groups: `_extreme_pairs` handles large ones.
    """
    best: dict[tuple, tuple] = {}
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_article[r["article"]].append(r)
    articles = sorted(by_article)
    for i, a in enumerate(articles):
        targets = [a] if within else articles[i + 1:]
        for b in targets:
            ra, rb = by_article[a], by_article[b]
            for x_i, x in enumerate(ra):
                for y in (ra[x_i + 1:] if within else rb):
                    s = score(x, y)
                    if s > 0 and ((a, b) not in best or s > best[(a, b)][0]):
                        best[(a, b)] = (s, x, y)
    return best


def _extreme_pairs(rows: list[dict], score, *, keep: int) -> tuple[dict[tuple, tuple], int]:
    """Large groups: the most severe cross-source pairs come from the rows with the
    smallest upper ends meeting those with the largest lower ends, so only those
    `keep` × `keep` candidates are scored; disjoint pairs are counted with a sorted
    sweep (binary search), never enumerated."""
    def hi(r: dict) -> float:
        v = _to_base(r["high"], r["unit"])
        return math.inf if v is None else v

    def lo(r: dict) -> float:
        v = _to_base(r["low"], r["unit"])
        return 0.0 if v is None else v

    lows_sorted = sorted(lo(r) for r in rows)
    disjoint = sum(len(lows_sorted) - bisect.bisect_right(lows_sorted, hi(r)) for r in rows)
    small_high = sorted(rows, key=hi)[:keep]
    large_low = sorted(rows, key=lo, reverse=True)[:keep]
    # "up to" and "at least" claims are compared with their own kind only.
    at_most = sorted((r for r in rows if r["low"] is None and r["high"] is not None),
                     key=hi)
    at_least = sorted((r for r in rows if r["high"] is None and r["low"] is not None), key=lo)
    candidates = [(x, y) for x in small_high for y in large_low]
    for bounded in (at_most, at_least):
        ends = bounded[:keep // 2] + bounded[-(keep // 2):]
        candidates += [(x, y) for x in ends for y in ends]
    best: dict[tuple, tuple] = {}
    for x, y in candidates:
        if x["article"] == y["article"]:
            continue
        key = tuple(sorted((x["article"], y["article"])))
        s = score(x, y)
        if s > 0 and (key not in best or s > best[key][0]):
            best[key] = (s, x, y)
    return best, disjoint


EXACT_GROUP_LIMIT = 300


def _quantity_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    def cross(x: dict, y: dict) -> float:
        if not (_scope_ok(x, y) and _levels_ok(x, y)):
            return 0.0
        s = dose_severity(x, y)
        return s * (0.7 if {x["level"], y["level"]} == {"start", "typical"} else 1.0)

    out = []
    by_family: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_family[(r["scope"] or "/").split("/", 1)[0]].append(r)
    for family, group in sorted(by_family.items()):
        folded = 0
        if len(group) <= EXACT_GROUP_LIMIT:
            pairs = _pairs_by_article(group, cross, within=False)
        else:
            pairs, disjoint = _extreme_pairs(group, cross, keep=max(20, min(max_pairs, 60)))
            folded = max(0, disjoint - len(pairs))
        ranked = sorted(pairs.items(), key=lambda kv: (-kv[1][0], kv[0]))
        used: dict[str, int] = defaultdict(int)
        kept = 0
        # In small batches every disagreeing pair is worth a row; in large ones an article
        # appears in at most a couple of rows and the rest are counted as folded.
        per_article = (MAX_ROWS_PER_ARTICLE if len({r["article"] for r in group}) > 20
                       else max_pairs)
        for (a, b), (sev, x, y) in ranked:
            if kept >= max_pairs or used[a] >= per_article or used[b] >= per_article:
                folded += 1
                continue
            used[a] += 1
            used[b] += 1
            kept += 1
            out.append(_dose_conflict(topic, "cross-source", [a, b], x, y, sev, family))
        if folded and out:
            out[-1].folded = folded
        out.extend(_dose_within(topic, group, family))
    return out


def _dose_within(topic: Topic, group: list[dict], family: str) -> list[Conflict]:
    """An article giving disjoint ranges for the same level and purpose: per (article,
    qualifier, level), only the range ending lowest against the one starting highest."""
    out = []
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for r in group:
        if r["qualifier"]:
            buckets[(r["article"], r["qualifier"], r["level"], r["scope"])].append(r)
    for (article, *_), same in sorted(buckets.items()):
        if len(same) < 2:
            continue
        x = min(same, key=lambda r: _to_base(r["high"], r["unit"]) or math.inf)
        y = max(same, key=lambda r: _to_base(r["low"], r["unit"]) or 0.0)
        if x is not y and x["start"] != y["start"]:
            sev = dose_severity(x, y)
            if sev > 0:
                out.append(_dose_conflict(topic, "within-source", [article], x, y, sev, family))
    return out


def _dose_conflict(topic: Topic, kind: str, who: list[str], x: dict, y: dict, sev: float,
                   family: str) -> Conflict:
    summary = (f"{_short(x['article'])} says {x['value']}"
               f"{' (' + x['qualifier'] + ')' if x['qualifier'] else ''}; "
               f"{_short(y['article'])} says {y['value']}"
               f"{' (' + y['qualifier'] + ')' if y['qualifier'] else ''}")
    return Conflict(topic.key, kind, who, summary, [x, y], sev, scope=family,
                    detail=f"levels {x['level']}/{y['level']}")
