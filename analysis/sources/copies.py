"""Copied text and independence: near-identical sentences across articles, found with
shingle blocking so the search stays linear, and groups of articles that copy each
other, so agreement between copies counts once.

Blocking: each sentence's word 4-grams (shingles) are its keys; sentences sharing at
least `MIN_SHARED` keys are candidates, verified with `fuzz.ratio`. A shingle found in
more than `MAX_BUCKET` sentences is boilerplate ("talk to your doctor before...") and
links no one. Sentences with the same words are shingled once.

Kept over MinHash LSH after measuring both (`benchmarks/copies_lsh.py`, 2-core machine):
at equal recall (0.993 of the cross-article pairs with ratio >= 90, brute force on
10,431 real and planted sentences) shingle blocking took 0.7 s against 1.7 s for
datasketch MinHash LSH (threshold 0.2, 128 permutations); on the 504,550 sentences of
10,000 generated articles, 2.2 s against 41 s to produce candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz, utils

from ..engine.progress import Progress, stage_done, track

COPY_COLUMNS = ["kind", "article_a", "start_a", "end_a", "article_b", "start_b", "end_b",
                "similarity", "text_a", "text_b"]
MIN_WORDS = 8
MIN_SIMILARITY = 90.0
MIN_COPIES_TO_LINK = 2  # copied sentences that make two articles one source
SHINGLE = 4  # words per shingle
MIN_SHARED = 3  # shingles two sentences must share to be compared
MAX_BUCKET = 50  # a shingle in more sentences than this is boilerplate
_NON_WORD = re.compile(r"[^\w\s]+")


def words_key(text: str) -> str:
    """The sentence as the blocking sees it: lower-case words, punctuation dropped."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def shingles(key: str, size: int = SHINGLE) -> set[str]:
    """Word `size`-grams of a `words_key` (the whole key when it is shorter)."""
    words = key.split(" ")
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}


def copy_candidates(texts: list[str], *, min_shared: int = MIN_SHARED,
                    max_bucket: int = MAX_BUCKET, progress: Progress | None = None
                    ) -> list[tuple[int, int]]:
    """Sorted index pairs (i < j) of texts sharing at least `min_shared` shingles, each
    shingle counting only when at most `max_bucket` texts hold it."""
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        groups.setdefault(words_key(text), []).append(i)
    keys = list(groups)
    weight = [len(groups[k]) for k in keys]
    index: dict[str, list[int]] = defaultdict(list)
    for d, key in enumerate(track(progress, "copies", keys, len(keys) + 1, done_at_end=False)):
        for sh in shingles(key):
            index[sh].append(d)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    within: dict[int, int] = defaultdict(int)  # texts with the same words share all keys
    for members in index.values():
        size = len(members) if len(members) > max_bucket else sum(weight[d] for d in members)
        if size < 2 or size > max_bucket:
            continue
        for d in members:
            if weight[d] > 1:
                within[d] += 1
        for pair in combinations(members, 2):
            shared[pair] += 1
    pairs: list[tuple[int, int]] = []
    for d, n in within.items():
        if n >= min_shared:
            pairs.extend(combinations(groups[keys[d]], 2))
    for (x, y), n in shared.items():
        if n >= min_shared:
            pairs.extend((min(i, j), max(i, j)) for i in groups[keys[x]] for j in groups[keys[y]])
    pairs.sort()
    stage_done(progress, "copies", len(keys) + 1)
    return pairs


def body_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences copies are looked for in: not headings, at least MIN_WORDS words."""
    body = sentences[~sentences["is_heading"].astype(bool)]
    return body[body["text"].str.count(" ") >= MIN_WORDS - 1]


def is_copy(text_a: str, text_b: str) -> float | None:
    """The similarity of two candidate sentences when it makes them copies."""
    score = fuzz.ratio(text_a, text_b, processor=utils.default_process)
    return score if score >= MIN_SIMILARITY else None


def find_copies(sentences: pd.DataFrame, credentials: pd.DataFrame | None = None,
                conflicts: pd.DataFrame | None = None, *,
                progress: Progress | None = None) -> pd.DataFrame:
    """Pairs of near-identical spans in different articles (sentences, and bios)."""
    rows = []
    body = body_sentences(sentences)
    records = [dict(zip(("article", "text", "start", "end"), row)) for row in
               zip(body["article"].tolist(), body["text"].tolist(), body["start"].tolist(),
                   body["end"].tolist())]
    texts = [r["text"] for r in records]
    for i, j in copy_candidates(texts, progress=progress):
        a, b = records[i], records[j]
        if a["article"] == b["article"]:
            continue
        score = is_copy(texts[i], texts[j])
        if score is not None:
            rows.append(_row("sentence", a, b, score))
    rows.extend(bio_copies(credentials, conflicts))
    return pd.DataFrame(rows, columns=COPY_COLUMNS)


def bio_copies(credentials: pd.DataFrame | None, conflicts: pd.DataFrame | None) -> list[dict]:
    """Copy rows for the bios the credentials comparison clustered as one template."""
    rows: list[dict] = []
    if conflicts is None or not len(conflicts):
        return rows
    bios = conflicts[(conflicts["scope"] == "bio template")]
    by_location = {}
    if credentials is not None:
        for r in credentials.to_dict("records"):
            by_location[f"{r['article']}@{r['start']}-{r['end']}"] = r
    for c in bios.itertuples():
        members = [by_location.get(loc) for loc in str(c.locations).split(" ‖ ")]
        members = [m for m in members if m]
        for m in members[1:]:
            rows.append(_row("bio", members[0], m, float(c.severity) * 100,
                             text_key="evidence"))
    return rows


def _row(kind: str, a: dict, b: dict, score: float, text_key: str = "text") -> dict:
    return {"kind": kind, "article_a": a["article"], "start_a": a["start"], "end_a": a["end"],
            "article_b": b["article"], "start_b": b["start"], "end_b": b["end"],
            "similarity": round(score, 1), "text_a": a[text_key], "text_b": b[text_key]}


def link_counts(copies: pd.DataFrame) -> dict[tuple[str, str], int]:
    """How strongly each pair of articles is linked by copies (a copied bio counts as
    MIN_COPIES_TO_LINK sentences); sums over any split of the copies table."""
    links: dict[tuple[str, str], int] = defaultdict(int)
    for a, b, kind in zip(copies["article_a"], copies["article_b"], copies["kind"]):
        pair = (a, b) if a <= b else (b, a)
        links[pair] += MIN_COPIES_TO_LINK if kind == "bio" else 1
    return links


def linked_groups(links: dict[tuple[str, str], int], articles: set[str] | None = None
                  ) -> dict[str, str]:
    """Article -> the smallest id of its group, for every article a strong enough link
    touches (restricted to `articles` when given); the rest are their own group."""
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for (a, b), n in links.items():
        if n >= MIN_COPIES_TO_LINK and (articles is None or (a in articles and b in articles)):
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {a: root(a) for a in list(parent)}


def source_groups(articles: list[str], copies: pd.DataFrame) -> dict[str, str]:
    """Article → the id of its group of copies (itself when it copies no one)."""
    groups = linked_groups(link_counts(copies), set(articles))
    return {a: groups.get(a, a) for a in articles}


AGREEMENT_COLUMNS = ["topic", "value", "scope", "articles", "n_articles", "n_independent"]
AGREEING_KINDS = ("scale", "status", "effect", "mentions")


def claim_table(claims: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Per claim (topic, value, scope) of `claims` (rows of the agreeing kinds): the
    articles making it and how many independent sources they are, in claim order.
    A claim's rows must all be in `claims` (the Dask engine shuffles by claim first)."""
    if claims.empty:
        return pd.DataFrame(columns=AGREEMENT_COLUMNS)
    table = (claims.assign(scope=claims["scope"].fillna(""))
             .groupby(["topic", "value", "scope"])["article"]
             .agg(lambda s: sorted(set(s))).reset_index())
    table["n_articles"] = table["article"].str.len()
    table["n_independent"] = table["article"].map(lambda arts: len({groups.get(a, a)
                                                                    for a in arts}))
    table["articles"] = table["article"].str.join(";")
    return table[AGREEMENT_COLUMNS]


def order_agreement(table: pd.DataFrame) -> pd.DataFrame:
    """Claims several articles make, most widely made first (`table` in claim order)."""
    table = table[table["n_articles"] >= 2]
    return table.sort_values(["n_articles", "topic"], ascending=[False, True]
                             ).reset_index(drop=True)


def agreement(assertions: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Per claim (topic, value, scope): how many articles make it, and how many
    independent sources that is once copies are counted once."""
    claims = assertions[assertions["kind"].isin(AGREEING_KINDS)]
    if claims.empty:
        return pd.DataFrame(columns=AGREEMENT_COLUMNS)
    return order_agreement(claim_table(claims, groups))
