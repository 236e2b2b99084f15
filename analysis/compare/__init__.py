"""Assertions to conflicts: each topic kind compared the way that fits it.

Rules (each documented where it lives):
- quantity: ranges for compatible levels and the same unit family / per-unit that do
  not overlap, or barely share anything, or open-ended bounds far apart;
- scale: claims two or more steps apart on the ordered scale (none vs possible);
- status: statuses that cannot both hold for the same jurisdiction (a state is also
  covered by "all US states"; "general" and "international" are one scope);
- credentials: the same bio under different names, and credentials that do not fit;
- mentions: "few side effects" against a list of serious ones.

Comparison never builds all pairs of assertions: rows are grouped by topic and scope,
article pairs are ranked by severity inside a group, and only the top `max_pairs` per
topic become rows; `folded` says how many more pairs each row stands for.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, utils

from .. import schema
from ..topics import Topic, TopicSchema, load_topics

SEP = schema.EVIDENCE_SEPARATOR
CONFLICT_COLUMNS = schema.CONFLICTS + ["locations", "sections", "folded"]
LEVEL_COMPATIBLE = {("start", "start"), ("start", "typical"), ("typical", "typical"),
                    ("high", "high")}
TEMPLATE_MIN_SCORE = 65.0
# Overlapping ranges that share less than this (on a log scale) still disagree: 1–5 vs 4–10.
MIN_JACCARD = 0.12
# An effect's polarity is contested only when the minority view has this share of claims.
MIN_MINORITY_SHARE = 0.15
DEFAULT_MAX_PAIRS = 50
MAX_ROWS_PER_ARTICLE = 2  # an article's dose disagreements beyond this are folded


@dataclass
class Conflict:
    topic: str
    kind: str
    articles: list[str]
    summary: str
    sides: list[dict]  # assertion rows quoted, in order
    severity: float
    scope: str = ""
    detail: str = ""
    folded: int = 0
    extra: dict = field(default_factory=dict)

    def row(self) -> dict:
        return {
            "topic": self.topic, "kind": self.kind, "articles": ";".join(self.articles),
            "summary": self.summary,
            "evidence": SEP.join(_quote(s["evidence"]) for s in self.sides),
            "severity": round(min(1.0, max(0.0, self.severity)), 3), "scope": self.scope,
            "detail": self.detail,
            "locations": SEP.join(f"{s['article']}@{s['start']}-{s['end']}" for s in self.sides),
            "sections": SEP.join(str(s.get("section") or "") for s in self.sides),
            "folded": self.folded,
        }


def _quote(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def _short(article: str) -> str:
    return article if len(article) <= 24 else article[:21] + "…"


# --------------------------------------------------------------------------- quantity
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


# --------------------------------------------------------------------------- scale
def _camp_list(articles: list[str], limit: int = 4) -> str:
    shown = ", ".join(_short(a) for a in articles[:limit])
    return shown + (f" +{len(articles) - limit}" if len(articles) > limit else "")


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
        if rank[hi] - rank[lo] >= min_gap:
            x = pick([r for r in by_article[a] if r["value"] == lo])
            y = pick([r for r in by_article[a] if r["value"] == hi])
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


# --------------------------------------------------------------------------- status
def _status_severity(topic: Topic, a: str, b: str) -> float:
    table = topic.get("severity", {})
    return float(table.get(f"{a}|{b}", table.get(f"{b}|{a}", 0.0)))


def _scope_groups(topic: Topic, rows: list[dict]) -> dict[str, list[dict]]:
    """Rows per jurisdiction; claims about 'all US states' also join each state's group."""
    states = set(topic.get("jurisdictions.states", []))
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        scope = r["scope"] or "general"
        groups["general" if scope == "international" else scope].append(r)
    for scope in list(groups):
        if scope in states:
            groups[scope].extend(groups.get("all US states", []))
    return groups


def _status_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    out: list[Conflict] = []
    for scope, group in sorted(_scope_groups(topic, rows).items()):
        by_status: dict[str, dict[str, dict]] = defaultdict(dict)
        for r in group:
            by_status[r["value"]].setdefault(r["article"], r)
        statuses = sorted(by_status)
        worst, conflicting = 0.0, set()
        for i, s1 in enumerate(statuses):
            for s2 in statuses[i + 1:]:
                sev = _status_severity(topic, s1, s2)
                arts1, arts2 = set(by_status[s1]), set(by_status[s2])
                if sev >= 0.35 and (arts1 | arts2) and not (arts1 == arts2 and len(arts1) == 1):
                    if arts1 - arts2 or arts2 - arts1:
                        conflicting.update({s1, s2})
                        worst = max(worst, sev)
                if sev >= 0.8:
                    for a in sorted(arts1 & arts2):
                        x, y = by_status[s1][a], by_status[s2][a]
                        dated = x.get("as_of") and y.get("as_of") and \
                            x.get("as_of") != y.get("as_of")
                        out.append(Conflict(
                            topic.key, "changed-over-time" if dated else "within-source", [a],
                            f"{_short(a)} says {scope}: {s1} and {s2}", [x, y],
                            sev * (0.5 if dated else 1.0), scope=scope))
        if not conflicting:
            continue
        parts, sides, articles = [], [], []
        dates: dict[str, set[str]] = {}
        for s in sorted(conflicting):
            arts = sorted(by_status[s])
            dates[s] = {str(by_status[s][a].get("as_of") or "") for a in arts}
            when = ", ".join(sorted(d for d in dates[s] if d))
            parts.append(f"{s}{f' ({when})' if when else ''} — "
                         f"{', '.join(_short(a) for a in arts[:4])}"
                         f"{f' +{len(arts) - 4}' if len(arts) > 4 else ''}")
            sides.extend(by_status[s][a] for a in arts[:3])
            articles.extend(a for a in arts if a not in articles)
        # Every side dated, and no date shared by two sides: the law changed, the
        # sources need not contradict each other.
        dated = all(d and "" not in d for d in dates.values())
        overlap = any(dates[x] & dates[y] for i, x in enumerate(dates) for y in
                      list(dates)[i + 1:])
        kind = "changed-over-time" if dated and not overlap else "cross-source"
        out.append(Conflict(topic.key, kind, articles, f"{scope}: " + "; ".join(parts),
                            sides, worst * (0.5 if kind == "changed-over-time" else 1.0),
                            scope=scope,
                            detail=f"{len(articles)} articles, {len(conflicting)} statuses"))
    return out


# --------------------------------------------------------------------------- credentials
def _masked_bio(row: dict) -> str:
    text = str(row["evidence"])
    name = str(row.get("name") or "")
    for token in sorted({name, *name.split()}, key=len, reverse=True):
        if token:
            text = text.replace(token, "NAME")
    return re.sub(r"\b(she|he|her|his|they|their|hers|him)\b", "PRON", text, flags=re.I)


_NON_WORD = re.compile(r"[^\w\s]+")


def _shingles(text: str, size: int = 4) -> set[int]:
    words = _NON_WORD.sub(" ", text.lower()).split()
    return {hash(tuple(words[i:i + size])) for i in range(max(1, len(words) - size + 1))}


def candidate_pairs(texts: list[str], *, min_shared: int = 2, max_bucket: int = 50,
                    star: bool = True) -> list[tuple[int, int]]:
    """Index pairs of texts that share at least `min_shared` word 4-gram shingles.

    Blocking keeps near-duplicate search linear in practice: only texts that share
    phrasing are compared, and a shingle found in more than `max_bucket` texts links
    each of them to the first one only, rather than pairing everything with everything.
    """
    index: dict[int, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for sh in _shingles(text):
            index[sh].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) < 2:
            continue
        if len(members) > max_bucket:
            if not star:
                continue  # boilerplate ("consult your doctor"): evidence of no one copying
            # A phrase in many texts: link each to the first text that has it (a star,
            # not all pairs), so a template copied a thousand times stays linear.
            head = members[0]
            for other in members[1:]:
                shared[(head, other)] += 1
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    return sorted(pair for pair, n in shared.items() if n >= min_shared)


def _credential_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    out: list[Conflict] = []
    # Credentials that do not fit together: one row per kind of flag, listing every
    # article whose author carries it (the same implausible bio is usually copied).
    flagged: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        for flag in filter(None, (f.strip() for f in str(r.get("flags") or "").split(";"))):
            flagged[flag].append(r)
    for flag, members in sorted(flagged.items()):
        names = ", ".join(f"{m['value']} ({_short(m['article'])})" for m in members[:4])
        more = f" +{len(members) - 4} more" if len(members) > 4 else ""
        out.append(Conflict(topic.key, "within-source",
                            list(dict.fromkeys(m["article"] for m in members)),
                            f"{flag}: {names}{more}", members[:4], 0.6,
                            scope="implausible credentials", detail=flag,
                            folded=max(0, len(members) - 4)))
    if len(rows) < 2:
        return out
    bios = [_masked_bio(r) for r in rows]
    pairs = []
    for i, j in candidate_pairs(bios):
        a, b = rows[i], rows[j]
        same_name = str(a.get("name", "")).lower() == str(b.get("name", "")).lower()
        if a["article"] == b["article"] or same_name:
            continue
        score = fuzz.token_sort_ratio(bios[i], bios[j], processor=utils.default_process)
        if score >= TEMPLATE_MIN_SCORE:
            pairs.append((float(score), a, b))
    # Copies form clusters (A≈B, B≈C): one row per cluster, its members side by side.
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {id(r): i for i, r in enumerate(rows)}
    best: dict[int, float] = defaultdict(float)
    for _score, a, b in pairs:
        ra, rb = root(index[id(a)]), root(index[id(b)])
        if ra != rb:
            parent[rb] = ra
    for score, a, _b in pairs:
        c = root(index[id(a)])
        best[c] = max(best[c], score)
    clusters: dict[int, list[dict]] = defaultdict(list)
    for i, r in enumerate(rows):
        if root(i) in best:
            clusters[root(i)].append(r)
    ranked = sorted(clusters.items(), key=lambda kv: (-best[kv[0]], -len(kv[1])))
    for c, members in ranked[:max_pairs]:
        members = sorted(members, key=lambda r: (r["article"], r["start"]))
        names = ", ".join(f"{m['value']} ({_short(m['article'])})" for m in members[:4])
        more = f" +{len(members) - 4} more" if len(members) > 4 else ""
        out.append(Conflict(
            topic.key, "cross-source", list(dict.fromkeys(m["article"] for m in members)),
            f"near-identical bios under different names: {names}{more}; "
            f"similarity up to {best[c]:.0f}%", members[:4], best[c] / 100,
            scope="bio template", detail=f"{len(members)} bios",
            folded=max(0, len(members) - 4)))
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_name[str(r.get("name", "")).lower()].append(r)
    for _name, same in by_name.items():
        degree_sets = {r["article"]: frozenset(d.strip().lower() for d in
                                               str(r.get("degrees") or "").split(";") if d.strip())
                       for r in same}
        nonempty = {a: d for a, d in degree_sets.items() if d}
        if len(nonempty) >= 2 and len(set(nonempty.values())) > 1:
            sides = [r for r in same if r["article"] in nonempty]
            out.append(Conflict(topic.key, "cross-source", sorted(nonempty),
                                f"{same[0]['value']} is given different degrees: " + "; ".join(
                                    f"{_short(r['article'])}: {r['degrees']}" for r in sides),
                                sides, 0.7, scope="same person"))
    return out


# --------------------------------------------------------------------------- mentions
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
        if not side1 or not side2 or not (set(side1) ^ set(side2)):
            continue
        articles = list(dict.fromkeys(side1 + side2))
        out.append(Conflict(
            key, "cross-source", articles,
            f"{key.replace('_', ' ')}: {p1} — {_camp_list(side1)}; {p2} — {_camp_list(side2)}",
            [by_article[a][p1] for a in side1[:3]] + [by_article[a][p2] for a in side2[:3]],
            sev, scope=f"{p1} vs {p2}"))
    return out


_COMPARATORS = {"quantity": _quantity_conflicts, "effect": _effect_conflicts,
                "scale": _scale_conflicts, "status": _status_conflicts,
                "credentials": _credential_conflicts, "mentions": _mention_conflicts}


def compare_topic(topic: Topic, rows: list[dict], *, max_pairs: int = DEFAULT_MAX_PAIRS
                  ) -> list[dict]:
    """Conflict rows for one topic's assertion rows (a pure function: Dask maps it)."""
    comparator = _COMPARATORS.get(topic.kind)
    if comparator is None or not rows:
        return []
    for r in rows:
        for key in ("low", "high"):
            v = r.get(key)
            r[key] = None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
    return [c.row() for c in comparator(topic, rows, max_pairs)]


def conflicts_frame(rows: Iterable[dict]) -> pd.DataFrame:
    rows = list(rows)
    if not rows:
        return schema.empty(CONFLICT_COLUMNS)
    frame = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    frame = frame.sort_values(["severity", "topic", "kind", "articles"],
                              ascending=[False, True, True, True], kind="stable")
    return frame.reset_index(drop=True)


def compare(assertions: pd.DataFrame, topics: TopicSchema | None = None, *,
            max_pairs: int = DEFAULT_MAX_PAIRS) -> pd.DataFrame:
    """The conflicts table: every topic's disagreements, most severe first."""
    schema.check("compare", assertions, ["article", "topic", "value", "evidence", "start", "end"])
    topics = topics or load_topics()
    rows: list[dict] = []
    frame = assertions.astype(object).where(assertions.notna(), None)
    effect = next(iter(topics.of_kind("effect")), None)
    for key, group in frame.groupby("topic", sort=True):
        topic = topics.topics.get(key)
        if topic is None and effect is not None and (group["kind"] == "effect").all():
            topic = effect  # an open topic the articles share: compared by polarity
        if topic is not None:
            rows.extend(compare_topic(topic, group.to_dict("records"), max_pairs=max_pairs))
    return conflicts_frame(rows)
