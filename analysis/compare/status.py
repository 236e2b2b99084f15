"""Categorical statuses (legal status): statuses that cannot both hold for one
jurisdiction; dated sides mean the law changed."""

from __future__ import annotations

import re
from collections import defaultdict

from ..topics import Topic
from .common import Conflict, _short


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
    every = topic.get("every_state", "")
    for scope in list(groups):
        if scope in states:
            groups[scope].extend(groups.get(every, []))
    return groups




def _key(topic: Topic, r: dict) -> str:
    """The status compared: its value, or value and detail where the detail itself can
    disagree (sold over the counter against prescription only)."""
    detail = str(r.get("detail") or "")
    details = {d for pair in topic.get("detail_severity", {}) for d in pair.split("|")}
    if detail in set(topic.get("sources", {})):
        return f"{r['value']} [{detail}]"  # "legal [hemp-derived]"
    return f"{r['value']} ({detail})" if detail in details else str(r["value"])


_SOURCE = re.compile(r" \[([^\]]+)\]$")


def _value(key: str) -> str:
    """The status of a key: "legal" of "legal (over the counter)" or "legal [hemp-derived]"."""
    return _SOURCE.sub("", key).split(" (")[0]


def _same_use(x: dict, y: dict) -> bool:
    """Approvals disagree only about the same use: "approved for parasites" and "not
    approved for COVID-19" are both true."""
    a, b = str(x.get("detail") or "").lower(), str(y.get("detail") or "").lower()
    if not a and not b:
        return True
    if not a or not b:
        return False
    wa, wb = set(re.findall(r"[a-z0-9]{4,}", a)), set(re.findall(r"[a-z0-9]{4,}", b))
    return bool(wa & wb)


def _severity(topic: Topic, s1: str, s2: str) -> float:
    """How far two statuses disagree; statuses of two different sources of the product
    (hemp- and marijuana-derived CBD) do not, one said of no source may."""
    src1, src2 = _SOURCE.search(s1), _SOURCE.search(s2)
    if src1 and src2 and src1.group(1) != src2.group(1):
        return 0.0
    s1, s2 = _SOURCE.sub("", s1), _SOURCE.sub("", s2)
    v1, d1 = (s1.split(" (", 1) + [""])[:2]
    v2, d2 = (s2.split(" (", 1) + [""])[:2]
    table = topic.get("detail_severity", {})
    d1, d2 = d1.rstrip(")"), d2.rstrip(")")
    if d1 and d2 and d1 != d2:
        return float(table.get(f"{d1}|{d2}", table.get(f"{d2}|{d1}", 0.0)))
    return _status_severity(topic, v1, v2)


def _status_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    vague = set(topic.get("vague_scopes", ()))
    approvals = set(topic.get("regulator_statuses", ()))
    out: list[Conflict] = []
    # What each article says with no place, and anywhere: "sold over the counter in the
    # US" beside an unplaced "800 mg tablets need a prescription" says both of the US
    unplaced: dict[str, set[str]] = defaultdict(set)
    anywhere: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        anywhere[r["article"]].add(_key(topic, r))
        if (r["scope"] or "general") in {"general", "international"}:
            unplaced[r["article"]].add(_key(topic, r))
    for scope, group in sorted(_scope_groups(topic, rows).items()):
        if scope in vague:
            continue
        by_status: dict[str, dict[str, dict]] = defaultdict(dict)
        for r in group:
            by_status[_key(topic, r)].setdefault(r["article"], r)
        also_said = anywhere if scope == "general" else unplaced
        said = {status: set(arts) | {r["article"] for r in group
                                     if status in also_said[r["article"]]}
                for status, arts in by_status.items()}
        statuses = sorted(by_status)
        worst, conflicting = 0.0, set()
        for i, s1 in enumerate(statuses):
            for s2 in statuses[i + 1:]:
                sev = _severity(topic, s1, s2)
                if sev and {_value(s1), _value(s2)} <= approvals and not any(
                        _same_use(x, y) for x in by_status[s1].values()
                        for y in by_status[s2].values()):
                    sev = 0.0
                arts1, arts2 = set(by_status[s1]), set(by_status[s2])
                if sev >= 0.35 and (arts1 | arts2) and not (arts1 == arts2 and len(arts1) == 1):
                    # sources disagree only when each side has one that does not say both
                    # (for over the counter against prescription only, a source that
                    # says the other anywhere says both: strengths are sold both ways)
                    by_detail = "(" in _SOURCE.sub("", s1) and "(" in _SOURCE.sub("", s2)
                    other1 = said[s1] if by_detail else arts1
                    other2 = said[s2] if by_detail else arts2
                    if arts1 - other2 and arts2 - other1:
                        conflicting.update({s1, s2})
                        worst = max(worst, sev)
                # a status of one form of the product beside one of the product ("legal
                # in Idaho", "full spectrum CBD is illegal in Idaho"): one article refining
                refined = bool(_SOURCE.search(s1)) != bool(_SOURCE.search(s2))
                if sev >= 0.8 and scope != "general" and not refined:
                    for a in sorted(arts1 & arts2):
                        x, y = by_status[s1][a], by_status[s2][a]
                        if {_value(s1), _value(s2)} <= approvals and \
                                not _same_use(x, y):
                            continue
                        if x["start"] == y["start"]:
                            continue  # "banned for sale, but legal to import": one nuance
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
        camps = tuple(sorted((s, tuple(sorted(by_status[s]))) for s in conflicting))
        out.append(Conflict(topic.key, kind, articles, f"{scope}: " + "; ".join(parts),
                            sides, worst * (0.5 if kind == "changed-over-time" else 1.0),
                            scope=scope,
                            detail=f"{len(articles)} articles, {len(conflicting)} statuses",
                            extra={"camps": camps, "parts": "; ".join(parts)}))
    return _fold_places(out)


MAX_PLACES_NAMED = 6  # in a folded row's summary; the rest are counted


def _fold_places(conflicts: list[Conflict]) -> list[Conflict]:
    """One row for one disagreement: "legal in all 50 states" against a list of six state
    bans is the same two sources saying the same two things six times, not six conflicts."""
    groups: dict[tuple, list[Conflict]] = defaultdict(list)
    out: list[Conflict] = []
    for c in conflicts:
        camps = c.extra.get("camps")
        if camps is None:
            out.append(c)
        else:
            groups[(c.kind, camps)].append(c)
    for (_kind, _camps), group in groups.items():
        if len(group) == 1:
            out.append(group[0])
            continue
        places = [c.scope for c in group]
        named = ", ".join(places[:MAX_PLACES_NAMED]) + (
            f" +{len(places) - MAX_PLACES_NAMED}" if len(places) > MAX_PLACES_NAMED else "")
        first = group[0]
        sides, seen = [], set()
        for c in group:
            for side in c.sides:
                key = (side["article"], side["start"])
                if key not in seen and len(sides) < 2 * MAX_PLACES_NAMED:
                    seen.add(key)
                    sides.append(side)
        out.append(Conflict(
            first.topic, first.kind, first.articles,
            f"{named} ({len(places)} places): {first.extra['parts']}", sides,
            max(c.severity for c in group), scope="; ".join(places),
            detail=f"{len(first.articles)} articles, {len(places)} places",
            folded=sum(c.folded for c in group) + len(group) - 1))
    return out
