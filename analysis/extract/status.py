"""Status topics (legal status): a categorical status per jurisdiction, clause by clause.

"Federally Schedule I, although many states allow its sale" makes two claims about two
scopes, so statuses and jurisdictions are paired within a clause, and a clause naming
several jurisdictions gives one row per jurisdiction. A clause with a status but no
jurisdiction is scoped `general`.
"""

from __future__ import annotations

import re

from ..topics import Topic
from .common import ArticleContext, Assertion, Sentence, is_question

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


def find_statuses(topic: Topic, clause: str) -> list[tuple[str, int, int]]:
    """Statuses asserted in `clause` with the span that says each, in schema order; a
    later status never reuses text.

    `status_first` (negations, age limits) is read before `statuses`, and a status that
    follows a proposal word ("proposed", "would") in the clause is not a claim.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, int, int]] = []
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
                if status not in (f[0] for f in found):
                    found.append((status, hit.start(), hit.end()))
    return found


def _as_of(topic: Topic, clause: str) -> str:
    """The year a status claim says it held ("since the 2018 Farm Bill"), or "recent"."""
    year = re.search(topic.get("time.year", r"(?!)"), clause)
    if year:
        return year.group(0)
    recent = topic.regex("time.recent")
    return "recent" if recent is not None and recent.search(clause) else ""


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# What a ban or a law is on: "a ban on gatherings", "banned the sale of flavored vapes".
_OBJECT = re.compile(r"\s*(?:on|of|against)\s+(?:the\s+|all\s+|any\s+|most\s+|public\s+|"
                     r"large\s+|mass\s+|non-essential\s+)*(?:(?:sale|sales|use|import|imports|"
                     r"possession|distribution|marketing|advertising)\s+of\s+)?", re.I)


def extract_status(topic: Topic, sentence: Sentence,
                   ctx: ArticleContext | None = None) -> list[Assertion]:
    """Status rows of one sentence; a status of something else (a travel ban, a law on
    another product, a class of drugs) gives no row."""
    text = sentence.text
    anchors = topic.regex("anchors")
    if anchors is None or is_question(text) or not anchors.search(text):
        return []
    pieces = []
    for a, b in _clauses(text)[:MAX_CLAUSES]:
        clause = text[a:b]
        statuses = find_statuses(topic, clause) if anchors.search(clause) else []
        pieces.append((a, b, statuses, find_jurisdictions(topic, clause)))
    rows: list[Assertion] = []
    seen: set[tuple[str, str, str]] = set()
    for i, (a, b, statuses, places) in enumerate(pieces):
        if not statuses:
            continue
        clause = text[a:b]
        if not places:  # "Six states — Alabama, Ohio — have banned it": borrow the places
            for j in sorted(range(len(pieces)), key=lambda j: (abs(j - i), j)):
                if j != i and pieces[j][3] and not pieces[j][2]:
                    places = pieces[j][3]
                    break
        for status, hit_start, hit_end in statuses:
            about = None
            if ctx is not None:
                bound = ctx.resolver.bound_after(sentence.start + a + hit_end, connector=_OBJECT)
                about = ctx.subject(sentence, a + hit_start, (a, b), bound=bound,
                                    others_block=True, first=True)
                if about is None:
                    continue
            for place in places or [GENERAL]:
                key = (about[0] if about else "", status, place)
                if key in seen:
                    continue
                seen.add(key)
                rows.append(Assertion.of(
                    sentence, topic.key, "status", status, qualifier=place, scope=place,
                    detail=clause.strip()[:200], about=about,
                    extra={"jurisdiction": place, "as_of": _as_of(topic, clause)}))
    return rows
