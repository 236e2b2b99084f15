"""Sentences to assertions: every topic of the schema, each by the extractor of its kind.

`extract_article` is a pure function of one article's text (plus batch-level subject
words), so the batch can be mapped over processes or a Dask cluster unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pandas as pd

from .. import schema
from ..topics import TopicSchema, load_topics
from .common import ArticleContext, Assertion, Sentence, lower_same_length, prefilter_pattern
from .credentials import extract_credentials
from .mentions import extract_mentions
from .quantity import extract_quantities
from .scale import extract_scale
from .segment import segment_text
from .status import drop_list_intros, extract_status, extract_status_lists
from .subjects import SubjectResolver, article_subjects, build_lexicon

__all__ = ["Assertion", "Sentence", "batch_subjects", "extract", "extract_article",
           "given_subjects",
           "main_subjects", "with_user_subjects"]

#: Extra assertion columns that only some kinds fill. `subject_from` says where the
#: subject came from: the clause, the sentence, the previous sentence, the heading, the
#: article.
EXTRA_COLUMNS = ["subject_from", "purpose", "purpose_from", "population", "route", "form",
                 "frequency",
                 "setting", "supply", "jurisdiction", "as_of", "agency", "name", "role", "degrees",
                 "certifications", "years_experience", "affiliations", "flags"]
ASSERTION_COLUMNS = schema.ASSERTIONS + EXTRA_COLUMNS


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("analysis.topics").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(text.split())


def default_subject(topics: TopicSchema, subjects: frozenset[str]) -> str:
    """The subject of an article that names no substance: the batch's one subject (the
    user's, else the one found), if it has exactly one."""
    user = topics.tables.get("subjects", [])
    return user[0] if len(user) == 1 else next(iter(subjects)) if len(subjects) == 1 else ""


def main_subjects(articles: pd.DataFrame, topics: TopicSchema,
                  subjects: frozenset[str] = frozenset()) -> dict[str, str]:
    """Article -> the substance it is mainly about ("" when none): the default subject
    of a claim that names none, and the `subject` column of the articles table."""
    lexicon = lexicon_for(topics, subjects)
    default = default_subject(topics, subjects)
    out = {}
    for article, text in zip(articles["article"], articles["text"]):
        head = str(text)[:200_000]
        ranked = article_subjects(lexicon.mentions(head), head.find("\n") + 1, text=head)
        out[article] = ranked[0] if ranked else default
    return out


def with_article_subjects(effects: pd.DataFrame, mains: dict[str, str]) -> pd.DataFrame:
    """Effect claims with no subject of their own are about their article's main
    substance: set before they are compared, so that a benefit of one treatment is never
    held against an adverse effect of another."""
    blank = effects["subject"].fillna("").eq("")
    if blank.any():
        effects = effects.copy()
        effects.loc[blank, "subject"] = effects.loc[blank, "article"].map(mains).fillna("")
    return effects


def with_user_subjects(topics: TopicSchema, names: Iterable[str]) -> TopicSchema:
    """The schema with the user's subjects (`--subject NAME`, repeatable) added to its
    `subjects` list: each is tracked by name even when no lexicon knows it."""
    names = [n.strip().lower() for n in names if n and n.strip()]
    if not names:
        return topics
    tables = dict(topics.tables)
    tables["subjects"] = list(dict.fromkeys([*tables.get("subjects", []), *names]))
    return TopicSchema(topics=topics.topics, batch=topics.batch, source=topics.source,
                       tables=tables)


def batch_subjects(texts: Iterable[str], topics: TopicSchema, *, top: int = 3) -> frozenset[str]:
    """What the batch is about: the substances its articles are mainly about (by the
    lexicon), or — when most articles are about nothing the lexicon knows — the words
    named throughout the batch (in at least half the articles, 3+ times).

    Computed once per batch so that per-article extraction stays independent; the steps
    below are separate so that a cluster run can sum them over partitions.
    """
    texts = list(texts)
    docs, mains = subject_stats(texts, topics)
    found = subjects_from_mains(docs, mains) or given_subjects(topics, mains)
    if found is not None:
        return found
    return frequent_words([word_stats(texts, topics)], docs, top=top)


def given_subjects(topics: TopicSchema, mains: Counter[str]) -> frozenset[str] | None:
    """When the user named the batch's subjects, no guessing from frequent words (that
    would make "sales" a subject): theirs and the known substances found."""
    given = topics.tables.get("subjects", [])
    return frozenset(given) | frozenset(mains) if given else None


def subject_stats(texts: Iterable[str], topics: TopicSchema) -> tuple[int, Counter[str]]:
    """(articles, count of each article's main substance)."""
    lexicon = lexicon_for(topics)
    docs, mains = 0, Counter()
    for text in texts:
        docs += 1
        head = text[:200_000]
        ranked = article_subjects(lexicon.mentions(head), head.find("\n") + 1, text=head)
        if ranked:
            mains[ranked[0]] += 1
    return docs, mains


def subjects_from_mains(docs: int, mains: Counter[str]) -> frozenset[str] | None:
    """Batch subjects when most articles are about a known substance, else None. A
    substance that is the main one of under a tenth of the articles is no batch subject."""
    if docs and sum(mains.values()) * 2 >= docs:
        floor = max(1, docs // 10)
        found = frozenset(n for n, c in mains.items() if c >= floor) or frozenset(mains)
        if len(found) == 1 and mains[next(iter(found))] * 2 < docs:
            # one substance above the floor in a batch about many (three articles on
            # alcohol among 37 on as many drugs): no batch subject that an article naming
            # nothing would default to
            found = frozenset(mains)
        return found
    return None


def word_stats(texts: Iterable[str], topics: TopicSchema) -> tuple[Counter[str], Counter[str]]:
    """(uses as a substance, documents) of words that could name an unknown subject."""
    skip = stopwords() | topics.not_subjects | topics.comparators | topics.alias_words
    effect = next(iter(topics.of_kind("effect")), None)  # a subject is a substance, not
    endings = tuple(effect.get("effect_endings", [])) if effect else ()  # an effect
    skip |= {n.lower() for n in (effect.get("effect_names", []) if effect else [])}
    known = lexicon_for(topics).names  # named things are never an unknown subject
    contexts = [re.compile(p) for p in topics.batch.get("subject_contexts", [])]
    tf: Counter[str] = Counter()
    df: Counter[str] = Counter()
    for text in texts:
        lower = text[:200_000].lower()
        words = {w for w in re.findall(r"[a-z][a-z0-9-]{2,}", lower)
                 if w not in skip and not (endings and w.endswith(endings))
                 and w not in known}
        df.update(words)
        if contexts:  # a subject is named as a substance is, somewhere in the batch
            tf.update(w for c in contexts for w in c.findall(lower) if w in words)
        else:
            tf.update(w for w in re.findall(r"[a-z][a-z0-9-]{2,}", lower) if w in words)
    return tf, df


def frequent_words(stats: Iterable[tuple[Counter[str], Counter[str]]], docs: int, *,
                   top: int = 3) -> frozenset[str]:
    """Words named throughout the batch (in at least half the articles) and as a
    substance is (`subject_contexts`) 3+ times."""
    tf: Counter[str] = Counter()
    df: Counter[str] = Counter()
    for t, d in stats:
        tf.update(t)
        df.update(d)
    ranked = sorted((w for w in tf if tf[w] >= 3 and df[w] * 2 >= docs),
                    key=lambda w: (-df[w], -tf[w], w))
    return frozenset(ranked[:top])


_LEXICONS: dict[tuple[int, frozenset[str]], tuple[TopicSchema, object]] = {}


def lexicon_for(topics: TopicSchema, subjects: frozenset[str] = frozenset()):
    """The substance lexicon of a run: shipped names, the user's, and the batch's words.
    Kept per schema object, so the per-article call costs a dictionary look-up."""
    key = (id(topics), frozenset(subjects))
    hit = _LEXICONS.get(key)
    if hit is None or hit[0] is not topics:
        if len(_LEXICONS) > 16:
            _LEXICONS.clear()
        hit = (topics, build_lexicon(topics.tables.get("substances", {}), extra=subjects,
                                     user=topics.tables.get("subjects", [])))
        _LEXICONS[key] = hit
    return hit[1]


def article_context(article: str, text: str, sentences: list[Sentence], topics: TopicSchema,
                    subjects: frozenset[str]) -> ArticleContext:
    """What every extractor needs to know about the article as a whole: which
    substances it names where, and so which one each claim is about."""
    mentions = lexicon_for(topics, subjects).mentions(text)
    title_end = sentences[0].end if sentences else 0
    default = default_subject(topics, subjects)
    resolver = SubjectResolver(text, mentions, sentences, title_end=title_end,
                               default=default)
    return ArticleContext(resolver=resolver, subjects=subjects)


# Characters folded to their plain form for matching only (same length: offsets hold).
_SAME_LENGTH_FOLD = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ",
                                   "\u2010": "-", "\u2011": "-"})


def extract_article(article: str, text: str, topics: TopicSchema,
                    subjects: frozenset[str]) -> tuple[list[dict], list[dict]]:
    """(sentence rows, assertion rows) for one article.

    Every claim names the substance it is about; a claim about something else (a food,
    a device, a class of drugs) is not written.
    """
    sentence_rows = segment_text(article, text)
    # rules read "FDA‑approved" (a non-breaking hyphen) and "400\u00a0mg" as typed with a
    # plain hyphen and space; the evidence is still cut from the article as it is
    match = text.translate(_SAME_LENGTH_FOLD)
    sentences = [Sentence(article, match[r["start"]:r["end"]], r["start"], r["end"],
                          r["section"], r["is_heading"]) for r in sentence_rows]
    starts = [s.start for s in sentences]
    lower = lower_same_length(match)
    ctx = article_context(article, match, sentences, topics, subjects)
    found: list[Assertion] = []
    for topic in topics.topics.values():
        if topic.kind == "credentials":
            found.extend(extract_credentials(topic, article, match, sentences))
            continue
        intros: set[int] = set()
        if topic.kind == "status":
            listed, intros = extract_status_lists(topic, sentences, ctx)
            found.extend(listed)
        for s in _candidates(topic, sentences, starts, lower):
            if s.start in intros:
                found.extend(drop_list_intros(topic, extract_status(topic, s, ctx), intros))
                continue
            if topic.kind == "quantity":
                found.extend(extract_quantities(topic, s, ctx))
            elif topic.kind == "scale":
                found.extend(extract_scale(topic, s, ctx))
            elif topic.kind == "status":
                found.extend(extract_status(topic, s, ctx))
            elif topic.kind == "mentions":
                found.extend(extract_mentions(topic, s, ctx))
    found.sort(key=lambda a: (a.start, a.topic))
    rows = _without_background_law([a.row() for a in found], ctx.resolver.article_subjects,
                                   subjects | set(topics.tables.get("subjects", [])),
                                   background_law(topics))
    if match != text:
        for r in rows:
            r["evidence"] = text[r["start"]:r["end"]]
    return sentence_rows, _article_supplies(_article_frequencies(_article_forms(
        _article_purposes(rows))))


def background_law(topics: TopicSchema) -> dict[str, frozenset[str]]:
    """Substance -> the substances whose legal status rests on its law
    (`[background_law]` of the substance file)."""
    table = topics.tables.get("substances", {}).get("background_law", {})
    return {str(k).lower(): frozenset(str(m).lower() for m in v) for k, v in table.items()}


def _without_background_law(rows: list[dict], ranked: list[str], tracked: set[str],
                            law: dict[str, frozenset[str]]) -> list[dict]:
    """No status row about the law an article's own substance rests on ("marijuana
    remains Schedule I" on a page about CBD) when the batch is not about that law's
    substance as well."""
    main, top = (ranked[0] if ranked else ""), set(ranked[:2])

    def background(subject: str) -> bool:
        return (subject != main and subject not in tracked
                and bool(law.get(subject, frozenset()) & top))
    return [r for r in rows if r["kind"] != "status" or not background(r["subject"])]


def _article_purposes(rows: list[dict]) -> list[dict]:
    """A dose that says no purpose is for the purpose the article's other doses of that
    substance mostly give ("81 mg daily" in an article on aspirin for the heart)."""
    said: dict[str, Counter[str]] = {}
    for r in rows:
        if r["kind"] == "quantity" and r.get("purpose"):
            said.setdefault(r["subject"], Counter())[r["purpose"]] += 1
    for r in rows:
        if r["kind"] == "quantity" and not r.get("purpose") and said.get(r["subject"]):
            r["purpose"] = said[r["subject"]].most_common(1)[0][0]
            r["purpose_from"] = "article"
    return rows


def _article_forms(rows: list[dict]) -> list[dict]:
    """A dose that names no form is of the one form the article's other doses of that
    substance name ("250-600 mg of a root extract", then "300-500 mg once or twice a
    day"); where an article names two forms, an unnamed one stays unnamed."""
    said: dict[str, set[str]] = {}
    for r in rows:
        if r["kind"] == "quantity" and r.get("form"):
            said.setdefault(r["subject"], set()).add(r["form"])
    for r in rows:
        forms = said.get(r["subject"], set())
        if r["kind"] == "quantity" and not r.get("form") and len(forms) == 1:
            r["form"] = next(iter(forms))
    return rows


_SELDOM = frozenset({"week", "month", "year"})


def _carry_same_amount(rows: list[dict], column: str,
                       values: frozenset[str] | None = None) -> list[dict]:
    """A dose that leaves `column` unsaid takes what the article says of the same amount
    of that substance elsewhere, when it says one value for it (any value, or one of
    `values`)."""
    said: dict[tuple, set[str]] = {}
    for r in rows:
        if r["kind"] == "quantity" and r.get(column) and (values is None
                                                           or r[column] in values):
            key = (r["subject"], r.get("low"), r.get("high"), r.get("unit"))
            said.setdefault(key, set()).add(r[column])
    for r in rows:
        if r["kind"] != "quantity" or r.get(column):
            continue
        one = said.get((r["subject"], r.get("low"), r.get("high"), r.get("unit")), set())
        if len(one) == 1:
            r[column] = next(iter(one))
    return rows


def _article_frequencies(rows: list[dict]) -> list[dict]:
    """A dose that says no frequency is taken as seldom as the article says the same
    amount of that substance is taken elsewhere ("prescribed 50,000 IU per week", then
    "a high-dose supplement like 50,000 IU"). Only weekly and rarer: a dose said
    unqualified is compared with daily ones, and "once" and "once daily" are the same
    thing for a drug taken once."""
    return _carry_same_amount(rows, "frequency", _SELDOM)


def _article_supplies(rows: list[dict]) -> list[dict]:
    """A dose that says no supply is supplied as the article says the same amount of that
    substance is elsewhere ("an over-the-counter version in 60 mg capsules", then "one
    60 mg capsule with each meal")."""
    return _carry_same_amount(rows, "supply")


def _candidates(topic, sentences: list[Sentence], starts: list[int], lower: str
                ) -> list[Sentence]:
    """Sentences holding one of the topic's prefilter substrings, found with one pass
    over the whole article instead of one test per sentence."""
    needles = prefilter_pattern(topic)
    if needles is None:
        return sentences
    picked: list[Sentence] = []
    pos = 0
    while pos < len(lower):
        m = needles.search(lower, pos)
        if m is None:
            return picked
        if m.end() == m.start():  # a pattern that matches nothing matches everywhere
            return sentences
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sentences[i].end:
            picked.append(sentences[i])
            pos = sentences[i].end  # skip the rest of this sentence
        else:
            pos = starts[i + 1] if i + 1 < len(starts) else len(lower)
    return picked


def assertions_frame(rows: list[dict]) -> pd.DataFrame:
    """The assertions table with every documented column, in order."""
    if not rows:
        return schema.empty(ASSERTION_COLUMNS)
    frame = pd.DataFrame(rows)
    for col in ASSERTION_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame = frame[ASSERTION_COLUMNS]
    frame["low"] = pd.to_numeric(frame["low"], errors="coerce")
    frame["high"] = pd.to_numeric(frame["high"], errors="coerce")
    frame["start"] = frame["start"].astype(int)
    frame["end"] = frame["end"].astype(int)
    frame["years_experience"] = pd.to_numeric(frame["years_experience"], errors="coerce")
    return frame


def extract(articles: pd.DataFrame, topics: TopicSchema | None = None) -> pd.DataFrame:
    """The assertions table for every article of `articles` (one process)."""
    schema.check("extract", articles, ["article", "text"])
    topics = topics or load_topics()
    subjects = batch_subjects(articles["text"], topics)
    rows: list[dict] = []
    for article, text in zip(articles["article"], articles["text"]):
        rows.extend(extract_article(article, text, topics, subjects)[1])
    return assertions_frame(rows)
