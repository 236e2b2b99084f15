"""Reference mode: one or more inputs (an agency page, a review) are the yardstick, and
each other article's departures from them are listed topic by topic."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..compare import compare_topic
from ..topics import TopicSchema

DEPARTURE_COLUMNS = ["article", "topic", "article_says", "reference", "reference_says",
                     "severity", "summary", "evidence"]


def reference_ids(manifest: pd.DataFrame, references: list[str | os.PathLike]) -> set[str]:
    """Article ids that came from the reference paths (files, or files under folders)."""
    roots = [Path(r).resolve() for r in references]
    ids: set[str] = set()
    if not roots:
        return ids
    for row in manifest[manifest["status"] == "ok"].itertuples():
        path = Path(str(row.input)).resolve()
        if any(path == r or r in path.parents for r in roots):
            ids.add(row.article)
    return ids


def departures(assertions: pd.DataFrame, refs: set[str], schema: TopicSchema) -> pd.DataFrame:
    """Per article and topic, where the article disagrees with a reference article."""
    if not refs or assertions.empty:
        return pd.DataFrame(columns=DEPARTURE_COLUMNS)
    frame = assertions.astype(object).where(assertions.notna(), None)
    effect = next(iter(schema.of_kind("effect")), None)
    rows = []
    for key, group in frame.groupby("topic", sort=True):
        topic = schema.topics.get(key) or (effect if (group["kind"] == "effect").all()
                                           else None)
        ref_rows = group[group["article"].isin(refs)].to_dict("records")
        if topic is None or not ref_rows:
            continue
        for article, mine in group[~group["article"].isin(refs)].groupby("article", sort=True):
            mine_rows = mine.to_dict("records")
            for c in compare_topic(topic, [dict(r) for r in mine_rows + ref_rows]):
                arts = c["articles"].split(";")
                if c["kind"] == "within-source" or article not in arts or not set(arts) & refs:
                    continue
                ref = next(a for a in arts if a in refs)
                rows.append({
                    "article": article, "topic": key,
                    "article_says": "; ".join(dict.fromkeys(str(r["value"]) for r in mine_rows)),
                    "reference": ref,
                    "reference_says": "; ".join(dict.fromkeys(str(r["value"]) for r in ref_rows
                                                              if r["article"] == ref)),
                    "severity": c["severity"], "summary": c["summary"],
                    "evidence": c["evidence"]})
                break
    return pd.DataFrame(rows, columns=DEPARTURE_COLUMNS)
