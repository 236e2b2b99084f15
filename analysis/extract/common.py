"""What every extractor shares: the Assertion record and clause helpers."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

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
    lower: str = ""  # the text in lower case, for cheap substring prefilters


def prefilter_pattern(topic) -> re.Pattern[str] | None:
    """The topic's `prefilter` substrings as one pattern (None: every sentence is read)."""
    return topic.cached("prefilter", _build_prefilter)


def _build_prefilter(topic) -> re.Pattern[str] | None:
    """`prefilter_regex` (a pattern) when the topic has one, else its `prefilter`
    substrings; matched against the article in lower case."""
    pattern = topic.get("prefilter_regex")
    if pattern:
        return re.compile(pattern)
    words = topic.get("prefilter", [])
    return re.compile("|".join(map(re.escape, words))) if words else None


# Words that stand in for a substance the text has named: "the herb", "this supplement".
STAND_INS = (r"(?:herb|plant|drug|medication|medicine|supplement|substance|compound|products?|"
             r"powder|leaf|leaves|extract|root|botanical|vitamin|mineral|treatment|pills?|"
             r"tablets?|capsules?|tea|oil|remedy|cannabinoid|chemical|vaccine|"
             # a drug's class stands in for it too: "the painkiller has been placed in schedule 3"
             r"painkillers?|analgesics?|sedatives?|stimulants?|decongestants?|antidepressants?|"
             r"nootropics?|antihistamines?|dewormers?|sleeping\s+pills?|sleep\s+aids?|"
             r"muscle\s+relaxants?|narcotics?|tranquili[sz]ers?)")


def reference_pattern(more: str = "") -> re.Pattern[str]:
    """Words by which a claim refers to a substance without naming it ("it", "the herb",
    and the kind's own: "its use", "the sale"): a claim naming no substance is the
    article's only when it has one."""
    words = (r"it|its|it.s|itself|this|these|they|them|their|"
             rf"(?:the|our|your|this|these|such)\s+{STAND_INS}" + (f"|{more}" if more else ""))
    return re.compile(rf"\b(?:{words})\b", re.I)


@dataclass(frozen=True)
class ArticleContext:
    """Per-article knowledge shared by the extractors: the subject resolver (which
    substance a claim is about) and the batch's subject words."""

    resolver: Any
    subjects: frozenset[str] = frozenset()
    cache: dict = field(default_factory=dict, hash=False, compare=False)

    def subject(self, sentence: Sentence, pos: int, clause: tuple[int, int] | None = None,
                **kw) -> tuple[str, str] | None:
        """(subject, where from) for a claim at sentence offset `pos` inside the clause
        [clause) (sentence offsets), or None when it is about something else."""
        absolute = None if clause is None else (sentence.start + clause[0],
                                                sentence.start + clause[1])
        return self.resolver.resolve(sentence, sentence.start + pos, absolute, **kw)


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
    subject: str = ""
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
        data = {name: getattr(self, name) for name in _FIELDS}
        data.update(self.extra)
        return data

    @classmethod
    def of(cls, sentence: Sentence, topic: str, kind: str, value: str, *,
           about: tuple[str, str] | None = None, **kw) -> Assertion:
        """An assertion whose evidence is the whole sentence; `about` is the resolved
        (subject, where from)."""
        if about is not None:
            kw["subject"] = about[0]
            kw["extra"] = {**kw.get("extra", {}), "subject_from": about[1]}
        return cls(article=sentence.article, topic=topic, kind=kind, value=value,
                   evidence=sentence.text, start=sentence.start, end=sentence.end,
                   section=sentence.section, **kw)


@lru_cache(maxsize=512)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    spans = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The [start, end) of the clause of `text` that contains position `pos`."""
    starts, ends = _breaks(text)
    i = bisect_right(ends, pos)  # breaks ending at or before pos
    start = ends[i - 1] if i else 0
    j = i
    while j < len(starts) and starts[j] < pos:
        j += 1
    end = starts[j] if j < len(starts) else len(text)
    return start, end


_FIELDS = [f.name for f in fields(Assertion) if f.name != "extra"]


def first_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m
    return None


def any_match(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def iter_sentences(frame) -> list[Sentence]:
    """The rows of a sentences table as Sentence records (plain lists: iterating a
    pandas frame row by row is many times slower on large batches)."""
    columns = [frame[c].tolist() for c in ("article", "text", "start", "end", "section",
                                           "is_heading")]
    return [Sentence(a, t, int(s), int(e), sec or "", bool(h))
            for a, t, s, e, sec, h in zip(*columns)]


# A title asked without its mark: "Is Modafinil A Controlled Substance- Legal Status Of It"
_QUESTION_TITLE = re.compile(r"\W*(?:Is|Are|Can|Does|Do|Will|Should|Could|Was|Were|"
                             # "How long does delta-8 withdrawal last", a heading's question
                             r"How\s+(?:long|much|many|often|do|does|is|are|can|to|bad)|"
                             r"What\s+(?:is|are|does|do|happens|causes)|Why\s+(?:is|are|does|do|can)|"
                             r"When\s+(?:is|are|does|do|should|can))\s+"
                             r"[^.!?:;]{3,120}")


# A page title's tail after its question: "How Much Caffeine Causes Withdrawal? | Quick Facts"
_TITLE_TAIL = re.compile(r"\?\s*(?:\||–|—|-|::)\s*[^?.!]{0,40}$")


def is_question(text: str) -> bool:
    text = text.rstrip().rstrip("\"'”’*")
    return (text.endswith("?") or bool(_QUESTION_TITLE.fullmatch(text))
            or bool(_TITLE_TAIL.search(text)))


def first_category(topic, table: str, *windows: str) -> str:
    """The first category of `table` (purposes, restrictions, agencies, ...) said in the
    nearest window that says any; one search of all of them first, as most windows say
    none."""
    names = list(topic.get(table, {}))
    anything = topic.cached(f"any.{table}", lambda t: re.compile(
        "|".join(f"(?:{p})" for n in names for p in t.get(f"{table}.{n}", [])) or "(?!)",
        re.I))
    for window in windows:
        if not anything.search(window):
            continue
        for name in names:
            pattern = topic.regex(f"{table}.{name}")
            if pattern is not None and pattern.search(window):
                return name
    return ""


def lower_same_length(text: str) -> str:
    """`text` in lower case, character for character, so offsets into it hold: a few
    characters ("İ") grow when lowered and are kept as they are instead."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
