"""Ordered stances (addiction risk): claims two or more steps apart."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ..topics import Topic
from .common import Conflict, _camp_list, _short

# Words that report someone's claim: a sentence with two of them quotes two parties
# ("... said one counselor, while a trade group insists ...").
_SAYS = re.compile(r"\b(?:said|says|insists?|insisted|claims?|claimed|argues?|argued|"
                   r"maintains?|maintained|according\s+to|warns?|warned|contends?)\b", re.I)


def _two_voices(sentence: str) -> bool:
    return len(_SAYS.findall(str(sentence))) >= 2


def _scale_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    """Within-source: an article whose claims lie two or more steps apart. Cross-source:
    one row per pair of far-apart levels, folding every article into the camp(s) it
    speaks for ("none — 002; high — 000, 004"), quoting the strongest claim per
    article; a pair only counts when some article is in one camp without the other."""
    levels = list(topic.get("levels", []))
    rank = {name: i for i, name in enumerate(levels)}
    span = max(1, len(levels) - 1)
    min_gap = max(1, math.ceil(span * 2 / 3))
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["value"] in rank:
            by_article[r["article"]].append(r)

    def pick(claims: list[dict]) -> dict:  # prefer the unhedged, earliest claim
        return min(claims, key=lambda r: (bool(r["hedged"]), r["start"]))

    out: list[Conflict] = []
    for a in sorted(by_article):
        said = {r["value"] for r in by_article[a]}
        lo = min(said, key=rank.get)
        hi = max(said, key=rank.get)
        # Within one article, only a denial against a risk is a contradiction: "a lower
        # risk of addiction" beside "can be abused" is a nuance real articles often give.
        # One sentence that says both ("not addictive, though some come to rely on it")
        # qualifies itself; the contradiction is between sentences.
        denials = [r for r in by_article[a] if r["value"] == lo]
        # A denial beside a hedged "possible" ("not addictive ... though it could be more
        # addictive than thought") is the article weighing evidence; the top level, or
        # a risk said outright ("long-term use can lead to dependence"), contradicts it.
        risks = [r for r in by_article[a] if r["value"] == hi and (
            hi == levels[-1] or not r["hedged"] or _two_voices(r["evidence"]))]
        apart = any(x["start"] != y["start"] or _two_voices(x["evidence"])
                    for x in denials for y in risks)
        if rank[hi] - rank[lo] >= min_gap and rank[lo] == 0 and apart:
            x = pick(denials)
            y = pick(risks)
            gap = (rank[hi] - rank[lo]) / span
            out.append(Conflict(
                topic.key, "within-source", [a],
                f"{_short(a)} says both {lo} and {hi} {topic.label.lower()}", [x, y],
                gap - 0.05 * (bool(x["hedged"]) + bool(y["hedged"]))))
    camps: dict[str, list[str]] = {lvl: sorted(a for a, c in by_article.items()
                                               if any(r["value"] == lvl for r in c))
                                   for lvl in levels}
    for i, low in enumerate(levels):
        for high in levels[i + min_gap:]:
            lows, highs = camps[low], camps[high]
            pure_low = [a for a in lows if a not in highs]
            pure_high = [a for a in highs if a not in lows]
            if not lows or not highs or not (pure_low or pure_high):
                continue
            # The sides quoted: pure members first, then articles that say both.
            low_side = (pure_low + [a for a in lows if a in highs])[:max_pairs]
            high_side = (pure_high + [a for a in highs if a in lows])[:max_pairs]
            sides = ([pick([r for r in by_article[a] if r["value"] == low])
                      for a in low_side[:3]] +
                     [pick([r for r in by_article[a] if r["value"] == high])
                      for a in high_side[:3]])
            gap = (rank[high] - rank[low]) / span
            mixed = [a for a in lows if a in highs]
            severity = gap * (1.0 if pure_low and pure_high else 0.6)
            summary = (f"{low}: {_camp_list(low_side)}; {high}: {_camp_list(high_side)}"
                       + (f" ({_camp_list(mixed, 3)} say both)" if mixed else ""))
            articles = list(dict.fromkeys(low_side + high_side))
            out.append(Conflict(
                topic.key, "cross-source", articles, summary, sides, severity,
                scope=f"{low} vs {high}",
                detail=f"{len(set(lows) | set(highs))} articles",
                folded=max(0, len(pure_low) * len(pure_high) - 1)))
    return out
