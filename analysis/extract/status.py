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
    """Statuses asserted in `clause`, in schema order; a later status never reuses text."""
    taken: list[tuple[int, int]] = []
    found: list[str] = []
    for status in topic.get("statuses", {}):
        pattern = topic.regex(f"statuses.{status}")
        if pattern is None:
            continue
        for hit in pattern.finditer(clause):
            if any(hit.start() < e and s < hit.end() for s, e in taken):
                continue
            taken.append((hit.start(), hit.end()))
            if status not in found:
                found.append(status)
    return found


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
    rows: list[Assertion] = []
    seen: set[tuple[str, str]] = set()
    for clause in _clauses(text)[:MAX_CLAUSES]:
        if not anchors.search(clause):
            continue
        statuses = find_statuses(topic, clause)
        if not statuses:
            continue
        places = find_jurisdictions(topic, clause) or [GENERAL]
        for status in statuses:
            for place in places:
                if (status, place) in seen:
                    continue
                seen.add((status, place))
                rows.append(Assertion.of(
                    sentence, topic.key, "status", status, qualifier=place, scope=place,
                    detail=clause.strip()[:200], extra={"jurisdiction": place}))
    return rows
