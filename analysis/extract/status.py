"""Status topics (legal status): a categorical status per jurisdiction, clause by clause.

"Federally Schedule I, although many states allow its sale" makes two claims about two
scopes, so statuses and jurisdictions are paired within a clause, and a clause naming
several jurisdictions gives one row per jurisdiction. A clause with a status but no
jurisdiction is scoped `general`.
"""

from __future__ import annotations

import re

from ..topics import Topic
from .common import Assertion, Sentence, is_question

_BREAK = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet)\b|"
                    r"\b(?:but|whereas|although|though)\b|\s[–—-]\s")
GENERAL = "general"
MAX_CLAUSES = 8  # bounds the work on a run-on sentence; real ones have two or three
MAX_PLACES = 12
MAX_HITS = 12  # per status and clause: a real clause states a status once or twice


def _build_jurisdictions(topic: Topic) -> list[tuple[str, re.Pattern[str]]]:
    table = topic.get("jurisdictions", {})
    out: list[tuple[str, re.Pattern[str]]] = []
    for name, patterns in table.items():
        if name in {"states", "countries", "local"}:
            continue
        for p in topic.compile(patterns, f"jurisdictions.{name}", flags=0):
            out.append((name, p))
    named = sorted(list(table.get("states", [])) + list(table.get("countries", [])),
                   key=len, reverse=True)
    if named:  # one alternation for every place written by name: one search per clause
        out.append(("*", re.compile(r"\b(?:" + "|".join(map(re.escape, named)) + r")(?![\w])")))
    for p in topic.compile(table.get("local", []), "jurisdictions.local", flags=0):
        out.append(("", p))  # the match itself names the place
    return out


def find_jurisdictions(topic: Topic, clause: str) -> list[str]:
    """Jurisdictions named in `clause`, most specific pattern first, no overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    for name, pattern in topic.cached("jurisdictions", _build_jurisdictions):
        for m in pattern.finditer(clause):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            label = m.group(0) if name == "*" else name or re.sub(r"\s+", " ", m.group(0)).strip()
            if label not in (f for _, f in found):
                found.append((m.start(), label))
            if len(found) >= MAX_PLACES:
                return [lab for _, lab in sorted(found)]
    return [label for _, label in sorted(found)]


def find_statuses(topic: Topic, clause: str) -> list[str]:
    """Statuses asserted in `clause`, in schema order; a later status never reuses text.

    `status_first` (negations, age limits) is read before `statuses`, and a status that
    follows a proposal word ("proposed", "would") in the clause is not a claim.
    """
    taken: list[tuple[int, int]] = []
    found: list[str] = []
    hypothetical = topic.regex("hypothetical")
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
                before = clause[max(0, hit.start() - 120):hit.start()]
                if hypothetical is not None and hypothetical.search(before):
                    continue
                if status not in found:
                    found.append(status)
    return found


def _as_of(topic: Topic, clause: str) -> str:
    """The year a status claim says it held ("since the 2018 Farm Bill"), or "recent"."""
    year = re.search(topic.get("time.year", r"(?!)"), clause)
    if year:
        return year.group(0)
    recent = topic.regex("time.recent")
    return "recent" if recent is not None and recent.search(clause) else ""


def _clauses(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _BREAK.finditer(text):
        pieces.append(text[start:m.start()])
        start = m.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def extract_status(topic: Topic, sentence: Sentence) -> list[Assertion]:
    text = sentence.text
    anchors = topic.regex("anchors")
    if anchors is None or is_question(text) or not anchors.search(text):
        return []
    pieces = []
    for clause in _clauses(text)[:MAX_CLAUSES]:
        statuses = find_statuses(topic, clause) if anchors.search(clause) else []
        pieces.append((clause, statuses, find_jurisdictions(topic, clause)))
    rows: list[Assertion] = []
    seen: set[tuple[str, str]] = set()
    for i, (clause, statuses, places) in enumerate(pieces):
        if not statuses:
            continue
        if not places:  # "Six states — Alabama, Ohio — have banned it": borrow the places
            for j in sorted(range(len(pieces)), key=lambda j: (abs(j - i), j)):
                if j != i and pieces[j][2] and not pieces[j][1]:
                    places = pieces[j][2]
                    break
        for status in statuses:
            for place in places or [GENERAL]:
                if (status, place) in seen:
                    continue
                seen.add((status, place))
                rows.append(Assertion.of(
                    sentence, topic.key, "status", status, qualifier=place, scope=place,
                    detail=clause.strip()[:200],
                    extra={"jurisdiction": place, "as_of": _as_of(topic, clause)}))
    return rows
