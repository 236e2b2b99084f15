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
from collections.abc import Iterable

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


def heading_rows(headings: pd.DataFrame, topics: TopicSchema, subjects: frozenset[str], *,
                 progress: Progress | None = None, steps: int = 0
                 ) -> tuple[list[dict], Counter[str]]:
    """Schema-topic rows for the headings of some articles, and in how many of those
    articles each heading term occurs (articles are independent: any split of a batch
    into parts gives the same rows and, summed, the same counts)."""
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    skip = _skip(topics)
    per_heading: dict[str, set[str]] = defaultdict(set)
    for article, text in track(progress, "align", zip(headings["article"], headings["text"]),
                               steps or len(headings), done_at_end=False):
        for topic, score in map_heading(text, topics):
            if (article, topic) not in seen:
                seen.add((article, topic))
                rows.append({"article": article, "topic": topic, "phrase": text,
                             "source": "heading", "score": score, "schema": True})
        per_heading[article].update(_terms(text, skip, subjects))
    heading_df: Counter[str] = Counter()
    for terms in per_heading.values():
        heading_df.update(terms)
    return rows, heading_df


def _skip(topics: TopicSchema) -> frozenset[str]:
    return stopwords() | topics.alias_words | topics.not_subjects


def _effect_vocabulary(topics: TopicSchema) -> tuple[set[str], tuple[str, ...]]:
    effect = next(iter(topics.of_kind("effect")), None)
    names = {n.lower() for n in (effect.get("effect_names", []) if effect else [])}
    endings = tuple(effect.get("effect_endings", [])) if effect else ()
    return names, endings


def ending_words(texts: Iterable[str], topics: TopicSchema) -> set[str]:
    """Words in `texts` with an effect ending ("...itis", "...emia"): open-topic
    candidates that articles discuss without a heading for them."""
    _, endings = _effect_vocabulary(topics)
    found: set[str] = set()
    if endings:
        ending_re = re.compile(r"\b[a-z]+(?:" + "|".join(map(re.escape, endings)) + r")\b")
        for text in texts:
            found.update(ending_re.findall(text[:200_000].lower()))
    return found


def open_candidates(heading_df: Counter[str], found_endings: set[str], topics: TopicSchema,
                    subjects: frozenset[str]) -> list[str]:
    """Phrases that may be open topics: what headings name (most widely first; ties by
    phrase, so the cut is the same in every process), then the effect vocabulary."""
    skip = _skip(topics)
    names, endings = _effect_vocabulary(topics)
    ranked = sorted(heading_df.items(), key=lambda kv: (-kv[1], kv[0]))
    candidates = [p for p, _ in ranked[:MAX_CANDIDATES]]
    candidates += sorted(names - set(candidates) - skip - subjects)
    if endings:
        candidates += sorted(found_endings - set(candidates) - skip - subjects)
    return candidates


def phrase_finder(candidates: list[str]) -> re.Pattern[str] | None:
    """One compiled alternation over every candidate: counts per article at C speed."""
    if not candidates:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in
                                        sorted(candidates, key=len, reverse=True)) + r")\b")


def phrase_counts(articles: Iterable[tuple[str, str]], finder: re.Pattern[str] | None
                  ) -> dict[str, Counter[str]]:
    """Candidate phrase counts per article, for (article, text) pairs."""
    if finder is None:
        return {}
    return {article: Counter(" ".join(h.split()) for h in finder.findall(
        text[:200_000].lower())) for article, text in articles}


def choose_open_topics(candidates: list[str], df: Counter[str], heading_df: Counter[str], *,
                       max_open: int = MAX_OPEN_TOPICS) -> list[str]:
    """The open topics: candidates in at least two articles, those headings name most
    first, near-duplicates of a chosen one skipped. `df`: articles per candidate."""
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
    return chosen


def open_topic_rows(phrase: str, per_article: dict[str, Counter[str]]) -> list[dict]:
    """Rows of the topics table for one open topic, in article order."""
    return [{"article": article, "topic": phrase.replace(" ", "_"), "phrase": phrase,
             "source": "key phrase", "score": float(counts[phrase]), "schema": False}
            for article, counts in per_article.items() if counts.get(phrase, 0) >= 1]


def align_topics(articles: pd.DataFrame, sentences: pd.DataFrame, topics: TopicSchema, *,
                 subjects: frozenset[str] = frozenset(),
                 max_open: int = MAX_OPEN_TOPICS, progress: Progress | None = None
                 ) -> pd.DataFrame:
    """The topics table: one row per (article, topic) with the phrase that put it there.

    Open topics are phrases that head a section in at least one article and occur in
    the text of at least two: headings are where writers name their topics. Each step
    is a function of its own, so the Dask engine runs them per partition and sums.
    """
    schema.check("align", sentences, ["article", "text", "is_heading"])
    headings = sentences[sentences["is_heading"].astype(bool)]
    steps = len(headings) + len(articles)
    rows, heading_df = heading_rows(headings, topics, subjects, progress=progress,
                                    steps=steps)
    candidates = open_candidates(heading_df, ending_words(articles["text"], topics), topics,
                                 subjects)
    pairs = zip(articles["article"], articles["text"])
    per_article = phrase_counts(track(progress, "align", pairs, steps, start=len(headings)),
                                phrase_finder(candidates))
    df: Counter[str] = Counter()
    for counts in per_article.values():
        df.update(counts.keys())
    for phrase in choose_open_topics(candidates, df, heading_df, max_open=max_open):
        rows.extend(open_topic_rows(phrase, per_article))
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
