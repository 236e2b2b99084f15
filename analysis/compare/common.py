"""What every comparison shares: the Conflict record, quoting, and short labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import schema

SEP = schema.EVIDENCE_SEPARATOR
CONFLICT_COLUMNS = schema.CONFLICTS + ["locations", "sections", "folded"]
DEFAULT_MAX_PAIRS = 50


@dataclass
class Conflict:
    """One disagreement: who says what, the quoted sides, and how severe it is."""

    topic: str
    kind: str
    articles: list[str]
    summary: str
    sides: list[dict]  # assertion rows quoted, in order
    severity: float
    scope: str = ""
    detail: str = ""
    folded: int = 0
    extra: dict = field(default_factory=dict)
    subject: str = ""

    def row(self) -> dict:
        return {
            "subject": self.subject or _subject_of(self.sides), "topic": self.topic,
            "kind": self.kind, "articles": ";".join(self.articles),
            "summary": self.summary,
            "evidence": SEP.join(_quote(s["evidence"]) for s in self.sides),
            "severity": round(min(1.0, max(0.0, self.severity)), 3), "scope": self.scope,
            "detail": self.detail,
            "locations": SEP.join(f"{s['article']}@{s['start']}-{s['end']}" for s in self.sides),
            "sections": SEP.join(str(s.get("section") or "") for s in self.sides),
            "folded": self.folded,
        }


def _subject_of(sides: list[dict]) -> str:
    subjects = {str(s.get("subject") or "") for s in sides}
    return subjects.pop() if len(subjects) == 1 else ""


def _quote(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def _short(article: str) -> str:
    return article if len(article) <= 24 else article[:21] + "…"


def _camp_list(articles: list[str], limit: int = 4) -> str:
    shown = ", ".join(_short(a) for a in articles[:limit])
    return shown + (f" +{len(articles) - limit}" if len(articles) > limit else "")
