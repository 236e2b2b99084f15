"""Credibility signals per article: author named, qualifications stated, credentials
plausible, affiliations found nowhere else in the batch, identifiable studies cited,
hedged versus absolute language, a date, commercial intent, and copied text. Every
signal is a column with the evidence beside it."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..engine.progress import Progress, track
from ..topics import TopicSchema

SIGNAL_COLUMNS = [
    "article", "author_named", "author_named_evidence", "qualifications_stated",
    "credentials_plausible", "credentials_plausible_evidence", "unique_affiliations",
    "studies_cited", "studies_cited_evidence", "hedged_share", "absolute_claims",
    "absolute_claims_evidence", "date_present", "date_present_evidence", "commercial_intent",
    "commercial_intent_evidence", "copied_sentences", "source_group",
]


def _first(pattern: re.Pattern[str] | None, searched: str, text: str) -> tuple[int, str]:
    """(number of hits, the first hit with some context from `text`)."""
    if pattern is None:
        return 0, ""
    m = pattern.search(searched, 0, 500_000)
    if m is None:  # most articles: one scan, no counting
        return 0, ""
    hits = pattern.findall(searched, 0, 500_000)
    lo, hi = max(0, m.start() - 60), min(len(text), m.end() + 60)
    return len(hits), " ".join(text[lo:hi].split())


_AFFILIATION = re.compile(r"(?:University|College|Institute)\s+of\s+(?:[A-Z][\w-]*\s?){1,4}")


def affiliation_counts(texts: Iterable[str]) -> dict[str, int]:
    """In how many texts each affiliation ("University of X") is named."""
    counts: dict[str, int] = {}
    for text in texts:
        for aff in set(_AFFILIATION.findall(text)):
            key = aff.strip()
            counts[key] = counts.get(key, 0) + 1
    return counts


def copy_counts(copies: pd.DataFrame) -> dict[str, int]:
    """Copied spans per article (either side of a copy)."""
    counts: dict[str, int] = {}
    if len(copies):
        for a in list(copies["article_a"]) + list(copies["article_b"]):
            counts[a] = counts.get(a, 0) + 1
    return counts


def credibility_signals(articles: pd.DataFrame, assertions: pd.DataFrame,
                        studies: pd.DataFrame, copies: pd.DataFrame | None,
                        groups: dict[str, str], schema: TopicSchema, *,
                        progress: Progress | None = None,
                        affiliations: dict[str, int] | None = None,
                        copied: dict[str, int] | None = None) -> pd.DataFrame:
    """One row per article of `articles`. The batch-wide counts (`affiliations` over all
    texts, `copied` spans per article) are computed here unless given, which lets the
    Dask engine run this per partition."""
    cfg = schema.tables.get("signals", {})
    # Searched in the lower-cased text without IGNORECASE (several times faster); dates
    # keep their capitals and are searched in the text as written.
    patterns = {k: re.compile(v.lower() if k != "date" else v) for k, v in cfg.items()}
    people = assertions[assertions["kind"] == "credentials"]
    texts = dict(zip(articles["article"], articles["text"]))
    if affiliations is None:
        affiliations = affiliation_counts(texts.values())
    # Split each table by article once: filtering per article would be quadratic.
    people_by: dict[str, list[dict]] = {}
    for r in people.astype(object).where(people.notna(), "").to_dict("records"):
        people_by.setdefault(r["article"], []).append(r)
    stance = assertions[assertions["kind"].isin(["scale", "effect"])]
    hedged_by = stance["hedged"].astype(bool).groupby(stance["article"]).mean().to_dict()
    studies_by = {a: g for a, g in studies.groupby("article", sort=False)} if len(
        studies) else {}
    if copied is None:
        copied = copy_counts(copies)
    rows = []
    for article, text in track(progress, "signals", texts.items(), len(texts)):
        mine = people_by.get(article, [])
        hedged = hedged_by.get(article)
        cited = studies_by.get(article, studies.iloc[0:0])
        flags = "; ".join(r["flags"] for r in mine if r["flags"])
        affs = sorted({a.strip() for r in mine for a in str(r["affiliations"]).split(";")
                       if a.strip() and affiliations.get(a.strip(), 0) <= 1
                       and re.match(r"(?:University|College|Institute)\b", a.strip())})
        low = text.lower() if len(text.lower()) == len(text) else text
        n_abs, abs_ev = _first(patterns.get("absolute"), low, text)
        n_date, date_ev = _first(patterns.get("date"), text, text)
        n_com, com_ev = _first(patterns.get("commercial"), low, text)
        n_copied = copied.get(article, 0)
        rows.append({
            "article": article,
            "author_named": "; ".join(r["value"] for r in mine),
            "author_named_evidence": mine[0]["evidence"][:300] if mine else "",
            "qualifications_stated": "; ".join(filter(None, [r["degrees"] for r in mine]
                                                      + [r["certifications"] for r in mine])),
            "credentials_plausible": ("" if not mine else "no" if flags else "yes"),
            "credentials_plausible_evidence": flags,
            "unique_affiliations": "; ".join(affs),
            "studies_cited": len(cited),
            "studies_cited_evidence": cited["evidence"].iloc[0][:300] if len(cited) else "",
            "hedged_share": None if hedged is None else round(float(hedged), 2),
            "absolute_claims": n_abs, "absolute_claims_evidence": abs_ev,
            "date_present": bool(n_date), "date_present_evidence": date_ev,
            "commercial_intent": n_com, "commercial_intent_evidence": com_ev,
            "copied_sentences": n_copied, "source_group": groups.get(article, article),
        })
    return pd.DataFrame(rows, columns=SIGNAL_COLUMNS)
