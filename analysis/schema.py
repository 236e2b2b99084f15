"""Column names of every table passed between stages, and the check at each boundary.

Stages hand each other plain DataFrames; naming the columns once here keeps the CLI,
the report and the library in step, and `check()` makes a broken stage fail loudly
with its own name instead of as a KeyError three stages later.
"""

from __future__ import annotations

import pandas as pd

from .errors import StageError

#: One row per input article (or per skipped/failed input, with status != "ok").
ARTICLES = ["article", "source", "path", "format", "title", "author", "url", "text", "status"]

#: One row per input file, or per JSONL line / CSV row: what happened to it.
MANIFEST = ["input", "line", "format", "bytes", "encoding", "status", "reason", "article"]

#: One row per sentence (or heading / list line), with offsets into the article text.
SENTENCES = ["article", "section", "text", "start", "end", "is_heading"]

#: One row per assertion. `evidence == article_text[start:end]` always holds. `subject`
#: is the substance the claim is about (lower case; "" for author credentials).
ASSERTIONS = [
    "article", "subject", "topic", "value", "low", "high", "unit", "qualifier", "hedged", "negated",
    "evidence", "start", "end", "section", "kind", "level", "scope", "detail",
]

#: One row per disagreement; `evidence` quotes every side, joined with " ‖ ".
CONFLICTS = ["subject", "topic", "kind", "articles", "summary", "evidence", "severity", "scope",
             "detail"]

#: One row per (article, topic): the alignment of headings and key phrases onto topics.
TOPICS = ["article", "topic", "phrase", "source", "score", "schema"]

#: One row per author/reviewer found in an article.
CREDENTIALS = [
    "article", "name", "role", "degrees", "certifications", "years_experience",
    "affiliations", "flags", "evidence", "start", "end",
]

EVIDENCE_SEPARATOR = " ‖ "


def empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with the given columns, so a stage with no rows still has a shape."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def check(stage: str, frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Raise StageError naming `stage` if `frame` lacks any of `columns`."""
    if not isinstance(frame, pd.DataFrame):
        raise StageError(stage, f"expected a DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise StageError(stage, f"missing columns {missing}")
    return frame


def check_offsets(articles: pd.DataFrame, assertions: pd.DataFrame) -> None:
    """Raise StageError if any assertion's evidence is not its article's text[start:end]."""
    texts = dict(zip(articles["article"], articles["text"]))
    for row in assertions.itertuples(index=False):
        text = texts.get(row.article)
        if text is None or text[int(row.start):int(row.end)] != row.evidence:
            raise StageError(
                "extract", f"evidence of a {row.topic} assertion in {row.article!r} "
                f"does not match text[{row.start}:{row.end}]")
