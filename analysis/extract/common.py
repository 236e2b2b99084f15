"""What every extractor shares: the Assertion record and clause helpers."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

# Words that open a new clause: claims on either side of them are separate claims.
_CLAUSE_BREAK = re.compile(
    r"[;:—]|\s[–-]\s|,\s*(?:but|while|whereas|although|though|yet|however)\b|"
    r"\b(?:but|however|whereas|although|though|while)\b|[\"“”]\s*,?\s*(?:said|says|according)\b")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article as the extractors see it."""

    article: str
    text: str
    start: int
    end: int
    section: str = ""
    is_heading: bool = False


@dataclass(frozen=True)
class Assertion:
    """One claim with its provenance: `evidence` is the article text at [start, end)."""

    article: str
    topic: str
    value: str
    evidence: str
    start: int
    end: int
    kind: str
    section: str = ""
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = ""
    hedged: bool = False
    negated: bool = False
    level: str = ""
    scope: str = ""
    detail: str = ""
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def row(self) -> dict:
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        return data

    @classmethod
    def of(cls, sentence: Sentence, topic: str, kind: str, value: str, **kw) -> Assertion:
        return cls(article=sentence.article, topic=topic, kind=kind, value=value,
                   evidence=sentence.text, start=sentence.start, end=sentence.end,
                   section=sentence.section, **kw)


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The [start, end) of the clause of `text` that contains position `pos`."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def first_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m
    return None


def any_match(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’*").endswith("?")
