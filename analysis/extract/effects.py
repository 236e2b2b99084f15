"""Effect polarity: for the open topics several articles share ("hyperpigmentation"),
what each sentence naming one says it is — a benefit, a harmless sign, or an adverse
effect. Runs after alignment, since the topics come from the batch itself."""

from __future__ import annotations

import re

import pandas as pd

from ..engine.progress import Progress, track
from ..topics import Topic, TopicSchema
from .common import Assertion, clause_bounds, is_question, iter_sentences

_PRONOUNS = {"it", "its", "they", "their", "this"}
_SIDE_EFFECT = re.compile(r"side\s+effect|adverse", re.I)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"(?:s|es)?\b", re.I)


def polarity(topic: Topic, text: str, start: int, end: int,
             subjects: frozenset[str]) -> list[str]:
    """Polarities the clause around text[start:end] gives the effect named there."""
    c_start, c_end = clause_bounds(text, start)
    window = int(topic.get("window", 90))
    lo, hi = max(c_start, start - window), min(c_end, end + window)
    found = []
    for level in ("harmless", "benefit", "adverse"):
        pattern = topic.regex(f"polarity.{level}")
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            if level == "benefit":
                # Only the subject (or "it") can benefit the effect: "skincare can help
                # fade hyperpigmentation" says nothing about the substance.
                before = re.findall(r"[a-z][a-z'’-]+", text[c_start:m.start()].lower())
                if not (set(before) & (subjects | _PRONOUNS)):
                    continue
            if level == "adverse" and not _SIDE_EFFECT.search(m.group(0)):
                # "UV rays can exacerbate it" blames something else: the subject must be
                # named in the clause unless the cue itself says "side effect".
                words = set(re.findall(r"[a-z][a-z'’-]+", text[c_start:c_end].lower()))
                if not words & subjects:
                    continue
            found.append(level)
            break
        if level == "harmless" and found:
            break  # "a sign of safe long-term use" outranks the word "safe" elsewhere
    if "benefit" in found and "adverse" in found:
        found.remove("adverse")  # "could help with the side effect": a benefit claim
    return found


def extract_effects(sentences: pd.DataFrame, topics_table: pd.DataFrame, schema: TopicSchema,
                    subjects: frozenset[str], *, progress: Progress | None = None
                    ) -> list[dict]:
    """Assertion rows (kind `effect`) for every shared open topic."""
    effect_topics = schema.of_kind("effect")
    if not effect_topics or topics_table.empty:
        return []
    topic = effect_topics[0]
    names = {n.lower() for n in topic.get("effect_names", [])}
    endings = tuple(topic.get("effect_endings", []))
    open_rows = topics_table[~topics_table["schema"].astype(bool)]
    open_rows = open_rows[open_rows["phrase"].map(
        lambda p: p.lower() in names or p.lower().endswith(endings))]
    phrases = {row.topic: row.phrase for row in open_rows.itertuples()}
    by_article: dict[str, set[str]] = {}
    for row in open_rows.itertuples():
        by_article.setdefault(row.article, set()).add(row.topic)
    rows: list[dict] = []
    patterns = {key: _phrase_pattern(phrase) for key, phrase in phrases.items()}
    if not patterns:
        return []
    anyone = re.compile("|".join(p.pattern for p in patterns.values()), re.I)
    for s in track(progress, "effects", iter_sentences(sentences), len(sentences)):
        keys = by_article.get(s.article)
        if not keys or s.is_heading or not anyone.search(s.text) or is_question(s.text):
            continue
        for key in sorted(keys):
            m = patterns[key].search(s.text)
            if not m:
                continue
            for level in polarity(topic, s.text, m.start(), m.end(), subjects):
                rows.append(Assertion.of(s, key, "effect", level, level=level,
                                         scope=phrases[key], detail=m.group(0)).row())
    return rows
