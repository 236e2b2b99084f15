"""Mention topics (side effects): the named items of a list that follows a cue, and
claims about how many or how bad they are ("fewer side effects than opioids")."""

from __future__ import annotations

import re

from ..topics import Topic
from .common import ArticleContext, Assertion, Sentence, first_match, is_question

_SPLIT = re.compile(r",|;|\band/or\b|\band\b|\bas well as\b|\bplus\b")
_LEAD = re.compile(r"^(?:\W|and\b|or\b|in\s+rare\s+cases\b|rarely\b|in\s+some\s+cases\b|"
                   r"(?:very\s+)?rare\b|severe\b|serious\b|mild\b|potential(?:ly)?\b|possible\b|"
                   r"occasional(?:ly)?\b|even\b|sometimes\b|the\b|a\b|an\b|some\b|"
                   r"also\b|other\b|more\b|though\s+rare\b)+", re.I)
_TAIL = re.compile(r"(?:\s*\(.*|\s+(?:among|for|when|if|after|upon|especially|"
                   r"particularly|depending)\b.*|[\s.!?\"'”’)]+)$", re.I)
_CLAUSE_AFTER_LIST = re.compile(r",?\s+(?:especially|particularly|which|that|when|while|depending|"
                                r"among|though|although|because|due\s+to|so)\b.*$", re.I | re.S)
MAX_ITEM_WORDS = 5


def split_items(tail: str, stop: set[str], subjects: frozenset[str] = frozenset()) -> list[str]:
    """The list items in `tail`, cleaned of qualifiers; long phrases are not items."""
    items: list[str] = []
    tail = _CLAUSE_AFTER_LIST.sub("", tail)
    for raw in _SPLIT.split(tail):
        item = _TAIL.sub("", _LEAD.sub("", raw.strip())).strip(" .:-–")
        if not item or item.lower() in stop or len(item.split()) > MAX_ITEM_WORDS:
            continue
        if not re.search(r"[a-z]", item, re.I) or re.search(r"\d", item):
            continue
        if subjects & set(re.findall(r"[a-z][a-z0-9-]+", item.lower())):
            continue  # "kratom hyperpigmentation", "using kratom": not a named effect
        if item.lower() not in (i.lower() for i in items):
            items.append(item.lower())
    return items


def _build_trigger(topic: Topic) -> re.Pattern[str]:
    """Any cue of this topic at all: a cheap first test for most sentences."""
    sources = [*topic.get("cues", []), *topic.get("subject_cues", []),
               *topic.get("claims.fewer", [])]
    return re.compile("|".join(f"(?:{s})" for s in sources) or r"(?!)", re.I)


def _list_cue(topic: Topic, text: str, subjects: frozenset[str]) -> re.Match[str] | None:
    cue = first_match(topic.patterns("cues"), text)
    if cue:
        return cue
    cue = first_match(topic.patterns("subject_cues"), text)
    if cue and re.search(r"\b(?:" + "|".join(map(re.escape, sorted(subjects | {"it"}))) + r")\b",
                         text[:cue.start()], re.I):
        return cue
    return None


def extract_mentions(topic: Topic, sentence: Sentence,
                     ctx: ArticleContext | None = None) -> list[Assertion]:
    text = sentence.text
    subjects = ctx.subjects if ctx is not None else frozenset()
    if sentence.is_heading or is_question(text) or not topic.cached(
            "trigger", _build_trigger).search(text):
        return []
    rows: list[Assertion] = []
    claim = first_match(topic.patterns("claims.fewer"), text)
    if claim:
        about = ctx.subject(sentence, claim.start(), left_only=True) if ctx else None
        if ctx is None or about is not None:
            rows.append(Assertion.of(sentence, topic.key, "mentions", "few or mild (claim)",
                                     level="few", detail=claim.group(0), about=about))
    cue = _list_cue(topic, text, subjects)
    about = ctx.subject(sentence, cue.start(), left_only=True) if ctx and cue else None
    if cue and (ctx is None or about is not None):
        tail = re.split(r"[.;:!?](?:\s|$)", text[cue.end():], maxsplit=1)[0]
        items = split_items(tail, set(topic.get("claims.stop_items", [])), subjects)
        serious = {s.lower() for s in topic.get("claims.serious", [])}
        if items:
            rows.append(Assertion.of(
                sentence, topic.key, "mentions", "; ".join(items),
                level="serious" if any(i in serious for i in items) else "listed",
                detail=", ".join(i for i in items if i in serious), about=about))
    return rows
