"""Copied text and independence: near-duplicate sentences across articles, found with
shingle blocking so the search stays linear, and groups of articles that copy each
other, so agreement between copies counts once."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from rapidfuzz import fuzz, utils

from ..compare import candidate_pairs

COPY_COLUMNS = ["kind", "article_a", "start_a", "end_a", "article_b", "start_b", "end_b",
                "similarity", "text_a", "text_b"]
MIN_WORDS = 8
MIN_SIMILARITY = 90.0
MIN_COPIES_TO_LINK = 2  # copied sentences that make two articles one source


def find_copies(sentences: pd.DataFrame, credentials: pd.DataFrame | None = None,
                conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pairs of near-identical spans in different articles (sentences, and bios)."""
    rows = []
    body = sentences[~sentences["is_heading"].astype(bool)]
    body = body[body["text"].str.count(" ") >= MIN_WORDS - 1]
    records = [dict(zip(("article", "text", "start", "end"), row)) for row in
               zip(body["article"].tolist(), body["text"].tolist(), body["start"].tolist(),
                   body["end"].tolist())]
    texts = [r["text"] for r in records]
    for i, j in candidate_pairs(texts, min_shared=3, star=False):
        a, b = records[i], records[j]
        if a["article"] == b["article"]:
            continue
        score = fuzz.ratio(texts[i], texts[j], processor=utils.default_process)
        if score >= MIN_SIMILARITY:
            rows.append(_row("sentence", a, b, score))
    if conflicts is not None and len(conflicts):
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
    return pd.DataFrame(rows, columns=COPY_COLUMNS)


def _row(kind: str, a: dict, b: dict, score: float, text_key: str = "text") -> dict:
    return {"kind": kind, "article_a": a["article"], "start_a": a["start"], "end_a": a["end"],
            "article_b": b["article"], "start_b": b["start"], "end_b": b["end"],
            "similarity": round(score, 1), "text_a": a[text_key], "text_b": b[text_key]}


def source_groups(articles: list[str], copies: pd.DataFrame) -> dict[str, str]:
    """Article → the id of its group of copies (itself when it copies no one)."""
    parent = {a: a for a in articles}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    links: dict[tuple[str, str], int] = defaultdict(int)
    for r in copies.itertuples():
        pair = tuple(sorted((r.article_a, r.article_b)))
        links[pair] += MIN_COPIES_TO_LINK if r.kind == "bio" else 1
    for (a, b), n in links.items():
        if n >= MIN_COPIES_TO_LINK and a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {a: root(a) for a in articles}


def agreement(assertions: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Per claim (topic, value, scope): how many articles make it, and how many
    independent sources that is once copies are counted once."""
    claims = assertions[assertions["kind"].isin(["scale", "status", "effect", "mentions"])]
    if claims.empty:
        return pd.DataFrame(columns=["topic", "value", "scope", "articles", "n_articles",
                                     "n_independent"])
    table = (claims.assign(scope=claims["scope"].fillna(""))
             .groupby(["topic", "value", "scope"])["article"]
             .agg(lambda s: sorted(set(s))).reset_index())
    table["n_articles"] = table["article"].str.len()
    table["n_independent"] = table["article"].map(lambda arts: len({groups.get(a, a)
                                                                    for a in arts}))
    table["articles"] = table["article"].str.join(";")
    table = table[table["n_articles"] >= 2]
    return table[["topic", "value", "scope", "articles", "n_articles", "n_independent"]
                 ].sort_values(["n_articles", "topic"], ascending=[False, True]
                               ).reset_index(drop=True)
