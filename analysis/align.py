"""Topic alignment: headings and key phrases mapped onto schema topics, and the topics
the schema does not know aligned across articles.

"Dosage", "Is CBD addictive?" and "Regulatory status" are matched to schema aliases
with rapidfuzz; key phrases that several articles share ("kratom hyperpigmentation" in
one, "hyperpigmentation" in another) become open topics, so a new batch on a new
subject still shows what its sources have in common.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd
from rapidfuzz import fuzz, process, utils

from . import schema
from .engine.progress import Progress, stage_done, track
from .extract import stopwords
from .topics import TopicSchema

ALIAS_MIN_SCORE = 90.0
MERGE_MIN_SCORE = 90.0
MAX_OPEN_TOPICS = 15
MAX_CANDIDATES = 400
# Single words with these endings are rarely topics ("naturally", "relieving").
_NOT_NOUN = ("ly", "ive", "ous", "ful", "able", "ible", "ing", "ed")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def map_heading(heading: str, topics: TopicSchema) -> list[tuple[str, float]]:
    """Schema topics whose aliases match `heading`, best first."""
    choices = {}
    for topic in topics.topics.values():
        for alias in (topic.label, *topic.aliases):
            choices[f"{topic.key}\t{alias}"] = alias
    hits = process.extract(heading, choices, scorer=fuzz.token_set_ratio,
                           processor=utils.default_process, score_cutoff=ALIAS_MIN_SCORE,
                           limit=None)
    best: dict[str, float] = {}
    for _alias, score, key in hits:
        topic = key.split("\t", 1)[0]
        best[topic] = max(best.get(topic, 0.0), float(score))
    return sorted(best.items(), key=lambda kv: -kv[1])


def _terms(text: str, skip: frozenset[str], subjects: frozenset[str]) -> Counter[str]:
    """Counts of 1–2 word content phrases; the batch subject and possessives stripped."""
    counts: Counter[str] = Counter()
    for chunk in re.split(r"[^\w\s'’-]+", text.lower()):
        words = [re.sub(r"['’]s$", "", w).strip("'’-") for w in _WORD.findall(chunk)]
        words = [w for w in words if w not in subjects]
        for i, w in enumerate(words):
            if w in skip or len(w) < 4:
                continue
            if not w.endswith(_NOT_NOUN):
                counts[w] += 1
            if i + 1 < len(words) and words[i + 1] not in skip and len(words[i + 1]) >= 4:
                counts[f"{w} {words[i + 1]}"] += 1
    return counts


def align_topics(articles: pd.DataFrame, sentences: pd.DataFrame, topics: TopicSchema, *,
                 subjects: frozenset[str] = frozenset(),
                 max_open: int = MAX_OPEN_TOPICS, progress: Progress | None = None
                 ) -> pd.DataFrame:
    """The topics table: one row per (article, topic) with the phrase that put it there.

    Open topics are phrases that head a section in at least one article and occur in
    the text of at least two: headings are where writers name their topics.
    """
    schema.check("align", sentences, ["article", "text", "is_heading"])
    rows: list[dict] = []
    headings = sentences[sentences["is_heading"].astype(bool)]
    seen: set[tuple[str, str]] = set()
    skip = stopwords() | topics.alias_words | topics.not_subjects
    heading_df: Counter[str] = Counter()
    per_heading: dict[str, set[str]] = defaultdict(set)
    steps = len(headings) + len(articles)
    for article, text in track(progress, "align", zip(headings["article"], headings["text"]),
                               steps, done_at_end=False):
        for topic, score in map_heading(text, topics):
            if (article, topic) not in seen:
                seen.add((article, topic))
                rows.append({"article": article, "topic": topic, "phrase": text,
                             "source": "heading", "score": score, "schema": True})
        per_heading[article].update(_terms(text, skip, subjects))
    for terms in per_heading.values():
        heading_df.update(terms)
    # Candidates: what a heading names (most widely first), plus effects and conditions
    # (the effect topic's vocabulary) that articles discuss without a heading for them.
    effect = next(iter(topics.of_kind("effect")), None)
    names = {n.lower() for n in (effect.get("effect_names", []) if effect else [])}
    endings = tuple(effect.get("effect_endings", [])) if effect else ()
    candidates = [p for p, _ in heading_df.most_common(MAX_CANDIDATES)]
    candidates += sorted(names - set(candidates) - skip - subjects)
    if endings:
        ending_re = re.compile(r"\b[a-z]+(?:" + "|".join(map(re.escape, endings)) + r")\b")
        found: set[str] = set()
        for text in articles["text"]:
            found.update(ending_re.findall(text[:200_000].lower()))
        candidates += sorted(found - set(candidates) - skip - subjects)
    # One compiled alternation per batch: presence and counts per article at C speed.
    per_article: dict[str, Counter[str]] = {}
    if candidates:
        finder = re.compile(r"\b(" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in
                                             sorted(candidates, key=len, reverse=True))
                            + r")\b")
        for article, text in track(progress, "align", zip(articles["article"],
                                                          articles["text"]),
                                   steps, start=len(headings)):
            hits = finder.findall(text[:200_000].lower())
            per_article[article] = Counter(" ".join(h.split()) for h in hits)
    df: Counter[str] = Counter()
    for counts in per_article.values():
        df.update(counts.keys())
    shared = [p for p in candidates if df[p] >= 2]
    shared.sort(key=lambda p: (-heading_df[p], -df[p], -len(p.split()), p))
    chosen: list[str] = []
    for phrase in shared:
        if len(chosen) >= max_open:
            break
        if process.extractOne(phrase, chosen, scorer=fuzz.token_set_ratio,
                              processor=utils.default_process, score_cutoff=MERGE_MIN_SCORE):
            continue
        chosen.append(phrase)
    for phrase in chosen:
        for article, counts in per_article.items():
            if counts.get(phrase, 0) >= 1:
                rows.append({"article": article, "topic": phrase.replace(" ", "_"),
                             "phrase": phrase, "source": "key phrase",
                             "score": float(counts[phrase]), "schema": False})
    stage_done(progress, "align", steps)
    if not rows:
        return schema.empty(schema.TOPICS)
    return pd.DataFrame(rows, columns=schema.TOPICS)


def topic_coverage(topics_table: pd.DataFrame, assertions: pd.DataFrame) -> pd.DataFrame:
    """Article × topic counts: assertions for schema topics, mentions for open ones."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for article, topic in zip(assertions["article"], assertions["topic"]):
        counts[(article, topic)] += 1
    for row in topics_table.itertuples(index=False):
        if not row.schema:
            counts[(row.article, row.topic)] += 0 if (row.article, row.topic) in counts else 1
    if not counts:
        return pd.DataFrame()
    frame = pd.Series(counts).unstack(fill_value=0)
    return frame
