"""Credibility signals per article: author named, qualifications stated, credentials
plausible, affiliations found nowhere else in the batch, identifiable studies cited,
hedged versus absolute language, a date, commercial intent, and copied text. Every
signal is a column with the evidence beside it."""

from __future__ import annotations

import re

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


def credibility_signals(articles: pd.DataFrame, assertions: pd.DataFrame,
                        studies: pd.DataFrame, copies: pd.DataFrame,
                        groups: dict[str, str], schema: TopicSchema, *,
                        progress: Progress | None = None) -> pd.DataFrame:
    cfg = schema.tables.get("signals", {})
    # Searched in the lower-cased text without IGNORECASE (several times faster); dates
    # keep their capitals and are searched in the text as written.
    patterns = {k: re.compile(v.lower() if k != "date" else v) for k, v in cfg.items()}
    people = assertions[assertions["kind"] == "credentials"]
    texts = dict(zip(articles["article"], articles["text"]))
    affiliation_counts: dict[str, int] = {}
    for text in texts.values():
        for aff in set(re.findall(r"(?:University|College|Institute)\s+of\s+(?:[A-Z][\w-]*\s?)"
                                  r"{1,4}", text)):
            key = aff.strip()
            affiliation_counts[key] = affiliation_counts.get(key, 0) + 1
    # Split each table by article once: filtering per article would be quadratic.
    people_by: dict[str, list[dict]] = {}
    for r in people.astype(object).where(people.notna(), "").to_dict("records"):
        people_by.setdefault(r["article"], []).append(r)
    stance = assertions[assertions["kind"].isin(["scale", "effect"])]
    hedged_by = stance["hedged"].astype(bool).groupby(stance["article"]).mean().to_dict()
    studies_by = {a: g for a, g in studies.groupby("article", sort=False)} if len(
        studies) else {}
    copy_counts: dict[str, int] = {}
    if len(copies):
        for a in list(copies["article_a"]) + list(copies["article_b"]):
            copy_counts[a] = copy_counts.get(a, 0) + 1
    rows = []
    for article, text in track(progress, "signals", texts.items(), len(texts)):
        mine = people_by.get(article, [])
        hedged = hedged_by.get(article)
        cited = studies_by.get(article, studies.iloc[0:0])
        flags = "; ".join(r["flags"] for r in mine if r["flags"])
        affs = sorted({a.strip() for r in mine for a in str(r["affiliations"]).split(";")
                       if a.strip() and affiliation_counts.get(a.strip(), 0) <= 1
                       and re.match(r"(?:University|College|Institute)\b", a.strip())})
        low = text.lower() if len(text.lower()) == len(text) else text
        n_abs, abs_ev = _first(patterns.get("absolute"), low, text)
        n_date, date_ev = _first(patterns.get("date"), text, text)
        n_com, com_ev = _first(patterns.get("commercial"), low, text)
        copied = copy_counts.get(article, 0)
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
            "copied_sentences": copied, "source_group": groups.get(article, article),
        })
    return pd.DataFrame(rows, columns=SIGNAL_COLUMNS)
