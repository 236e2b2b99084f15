"""Cited studies: mentions of a study (journal and/or authors, year), grouped across and
within articles, and flagged when descriptions of the same study disagree (animal
models in one place, human subjects in another)."""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from ..compare import SEP, Conflict, _short
from ..engine.progress import Progress, track
from ..extract.common import iter_sentences
from ..topics import TopicSchema

STUDY_COLUMNS = ["article", "study", "journal", "authors", "year", "population", "evidence",
                 "start", "end", "section"]


def find_studies(sentences: pd.DataFrame, schema: TopicSchema, *,
                 progress: Progress | None = None) -> pd.DataFrame:
    """One row per sentence that cites an identifiable study."""
    cfg = schema.tables.get("studies", {})
    if not cfg:
        return pd.DataFrame(columns=STUDY_COLUMNS)
    mention = re.compile(cfg["mention"], re.I)
    journal = re.compile(cfg["journal"])
    authors = re.compile(cfg["authors"])
    year = re.compile(cfg["year"])
    populations = {k: re.compile(v, re.I) for k, v in cfg.get("population", {}).items()}
    rows = []
    for s in track(progress, "studies", iter_sentences(sentences), len(sentences)):
        if s.is_heading or not mention.search(s.text):
            continue
        j = journal.search(s.text)
        a = authors.search(s.text)
        if not j and not a:
            continue
        name = _clean_journal(j.group(1)) if j else ""
        y = year.search(s.text)
        pops = [k for k, p in populations.items() if p.search(s.text)]
        if name and not name.lower().startswith("journal") and j.group(0).lower().startswith(
                "journal"):
            name = "Journal of " + name  # "the Journal of X" and "published in X" alike
        key = re.sub(r"^(?:the\s+)?journal\s+of\s+", "", name.lower()) or \
            f"{a.group(1).lower()} {a.group(2)}"
        rows.append({"article": s.article, "study": key, "journal": name,
                     "authors": a.group(1) if a else "", "year": y.group(0) if y else "",
                     "population": "; ".join(pops), "evidence": s.text, "start": s.start,
                     "end": s.end, "section": s.section})
    return pd.DataFrame(rows, columns=STUDY_COLUMNS)


def _clean_journal(name: str) -> str:
    name = re.sub(r"\s+(?:found|showed|demonstrated|reported|suggested|investigated|explored|"
                  r"examined|concluded|in|and|the|of|for)$", "", name.strip())
    return name.strip(" ”\"'’")


def study_conflicts(studies: pd.DataFrame) -> list[dict]:
    """Conflict rows (topic `cited_study`) for descriptions of one study that disagree."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in studies.to_dict("records"):
        groups[r["study"]].append(r)
    out = []
    for key, mentions in sorted(groups.items()):
        described = [m for m in mentions if m["population"] and ";" not in m["population"]]
        kinds = {m["population"] for m in described}
        years = {m["year"] for m in mentions if m["year"]}
        if len(kinds) < 2 and len(years) < 2:
            continue
        sides = []
        for kind in sorted(kinds) or [""]:
            sides.append(next(m for m in described if m["population"] == kind) if kind
                         else mentions[0])
        if len(kinds) < 2:  # same study, different years
            sides = [next(m for m in mentions if m["year"] == y) for y in sorted(years)]
        articles = list(dict.fromkeys(m["article"] for m in sides))
        what = " vs ".join(f"{m['population'] or m['year']} ({_short(m['article'])})"
                           for m in sides)
        out.append(Conflict(
            "cited_study", "within-source" if len(articles) == 1 else "cross-source", articles,
            f"the same study ({mentions[0]['journal'] or key}) described differently: {what}",
            sides, 0.5, scope=key).row())
    for row in out:
        row["evidence"] = row["evidence"].replace("\n", " ")
        assert SEP in row["evidence"] or len(row["locations"].split(SEP)) == 1
    return out
