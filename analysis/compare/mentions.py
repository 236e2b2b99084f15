"""Mentions (side effects) and effect polarity: few-or-mild claims against serious
effects, and one effect called a benefit by some and adverse by others."""

from __future__ import annotations

from collections import defaultdict

from ..topics import Topic
from .common import Conflict, _camp_list, _short

# An effect's polarity is contested only when the minority view has this share of claims.
MIN_MINORITY_SHARE = 0.15


def _mention_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    """Articles saying side effects are few or mild against those naming serious ones:
    one cross-source row for the two camps, and a within-source row for an article
    that does both."""
    few: dict[str, dict] = {}
    serious: dict[str, dict] = {}
    for r in rows:
        if r["level"] == "few":
            few.setdefault(r["article"], r)
        elif r["level"] == "serious":
            serious.setdefault(r["article"], r)
    out = []
    for a in sorted(set(few) & set(serious)):
        out.append(Conflict(topic.key, "within-source", [a],
                            f"{_short(a)} says few or mild {topic.label.lower()} and names "
                            f"serious ones ({serious[a]['detail']})", [few[a], serious[a]],
                            0.45))
    few_side = sorted(few, key=lambda a: (a in serious, a))[:max_pairs]
    serious_side = sorted(serious, key=lambda a: (a in few, a))[:max_pairs]
    if few_side and serious_side and (set(few) ^ set(serious)):
        named = sorted({i for a in serious_side[:5] for i in
                        str(serious[a]["detail"]).split(", ") if i})
        out.append(Conflict(
            topic.key, "cross-source", list(dict.fromkeys(few_side + serious_side)),
            f"few or mild {topic.label.lower()}: {_camp_list(few_side)}; serious ones named"
            f" ({', '.join(named[:4])}): {_camp_list(serious_side)}",
            [few[a] for a in few_side[:3]] + [serious[a] for a in serious_side[:3]], 0.6,
            scope="few vs serious"))
    return out


def _effect_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    """Opposite polarities for one shared effect: within an article, and as camps across
    articles (benefit vs adverse, harmless sign vs adverse)."""
    key = rows[0]["topic"] if rows else topic.key
    table = topic.get("severity", {})
    by_article: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in rows:
        by_article[r["article"]].setdefault(r["value"], r)
    out = []
    counts = defaultdict(int)
    for r in rows:
        counts[r["value"]] += 1

    def contested(p1: str, p2: str) -> bool:
        """Both polarities have real support: a stray 'side effects' near 'chronic pain'
        in one sentence out of fifteen calling it a benefit is not a disagreement."""
        n1, n2 = counts[p1], counts[p2]
        return n1 and n2 and min(n1, n2) / (n1 + n2) >= MIN_MINORITY_SHARE

    pairs = sorted(((float(v), *k.split("|")) for k, v in table.items()), reverse=True)
    pairs = [(sev, p1, p2) for sev, p1, p2 in pairs if contested(p1, p2)]
    for a in sorted(by_article):
        for sev, p1, p2 in pairs:
            if sev >= 0.5 and p1 in by_article[a] and p2 in by_article[a]:
                out.append(Conflict(key, "within-source", [a],
                                    f"{_short(a)} calls {key.replace('_', ' ')} both {p1} and "
                                    f"{p2}", [by_article[a][p1], by_article[a][p2]], sev,
                                    scope=key))
                break
    for sev, p1, p2 in pairs:
        if sev < 0.5:
            continue
        side1 = sorted(a for a in by_article if p1 in by_article[a])
        side2 = sorted(a for a in by_article if p2 in by_article[a])
        if not set(side1) - set(side2) or not set(side2) - set(side1):
            continue  # one side speaks only through articles that say both: within-source
        articles = list(dict.fromkeys(side1 + side2))
        out.append(Conflict(
            key, "cross-source", articles,
            f"{key.replace('_', ' ')}: {p1} — {_camp_list(side1)}; {p2} — {_camp_list(side2)}",
            [by_article[a][p1] for a in side1[:3]] + [by_article[a][p2] for a in side2[:3]],
            sev, scope=f"{p1} vs {p2}"))
    return out
