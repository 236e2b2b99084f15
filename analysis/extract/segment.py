"""Article text to sentences and headings, each with exact character offsets.

Web articles put headings, list items and table rows on lines of their own, so a line
break ends a unit, except where a fixed-width page wraps a sentence; inside a line an
abbreviation-aware regex splits sentences (measured at ~40 MB/s, far faster than spaCy's
sentencizer or pysbd). Every unit keeps `start`/`end` such that `text[start:end]` is the
unit, which is what makes provenance exact downstream.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from .. import schema

_ABBREV = {
    "dr", "mr", "mrs", "ms", "prof", "st", "vs", "jr", "sr", "no", "fig", "approx",
    "inc", "ltd", "co", "al", "e.g", "i.e", "u.s", "u.k", "e.u", "u.s.a", "ph.d", "m.d",
    "dept", "est", "mt", "gen", "gov", "sen", "rep", "vol", "ed", "eds", "ca", "cf", "op",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# ... a sentence may end in citation marks: "is disputed.[23] As of 2020, ..."
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?:\[\d{1,3}(?:\s?[-–,]\s?\d{1,3})*\])*"
                       r"(?=\s+[\"'“‘(\[]?[A-Z0-9•\-–])"
                       # ... or be glued to the next one, as scraped text loses a space
                       # ("odorless and tasteless.Although ..."): a word of three lower-case
                       # letters or more before it (or such a word and a closing bracket:
                       # "(100 micrograms).Toxicity"), a capitalised word after
                       r"|(?:(?<=[a-z]{3})|(?<=[a-z]{3}\)))[.!?](?=[A-Z][a-z]{2,}\b)"
                       # ... or carry a footnote number: "reduced ejection fraction.11 Entresto"
                       r"|(?<=[a-z]{3})\.\d{1,2}(?=\s+[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,7})$")
_BULLET = re.compile(r"^(?:[-*+•·▪◦–—>]+|\d{1,3}[.)])\s+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
MAX_UNIT = 1500  # longer runs without punctuation are cut at a space, keeping work bounded


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    is_heading: bool


# A page cut into lines of fixed width (a PDF or a plain-text mailing) breaks lines
# mid-sentence: a long line ending in a lower-case word or a comma, then a line going on
# in lower case ("DXM, though, is" / "one of the few over-the-counter medicines").
MIN_WRAPPED = 50
_WRAPPED_END = re.compile(r"(?:[a-z]|,)$")
_WRAPPED_NEXT = re.compile(r"^[a-z0-9]")
_SENTENCE_END = ".!?\"”’)"


def _wrapped(line: str, following: str) -> bool:
    """Whether `line` goes on in `following` (a hard line break inside a sentence)."""
    a, b = line.strip(), following.strip()
    return (len(a) >= MIN_WRAPPED and bool(b) and not _BULLET.match(b)
            and not _MD_HEADING.match(b) and bool(_WRAPPED_END.search(a))
            and (bool(_WRAPPED_NEXT.match(b)) or a.endswith(","))
            # a short line of its own after a title ("by Jane Doe, MedPage Today") is not
            # the title going on; the last line of a wrapped sentence ends it
            and (len(b) >= MIN_WRAPPED or b[-1] in _SENTENCE_END))


def split_units(text: str) -> Iterator[Unit]:
    """Sentences and headings of `text`, in order, as offsets."""
    pos = 0
    lines = text.split("\n")
    joined_to = -1  # the last line read as part of an earlier line's sentence
    for i, line in enumerate(lines):
        line_start = pos
        pos += len(line) + 1
        if i <= joined_to:
            continue
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = line_start + lead
        body = line[lead:]
        bullet = _BULLET.match(body)
        md = _MD_HEADING.match(body)
        if md:
            start += md.end()
            body = body[md.end():]
        elif bullet:
            start += bullet.end()
            body = body[bullet.end():]
        body = body.rstrip()
        if not body:
            continue
        j, end = i, pos - 1
        while j + 1 < len(lines) and _wrapped(lines[j], lines[j + 1]):
            j += 1
            end += 1 + len(lines[j])
        if j > i:
            joined_to = j
            body = text[start:end].rstrip()
            yield from _sentences(body, start)
            continue
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        heading = bool(md) or (not bullet and _looks_like_heading(body, next_blank))
        if heading:
            yield Unit(start, start + len(body), True)
            continue
        yield from _sentences(body, start)


# A title-case line with a note in brackets at its end: every word of four letters or
# more before the bracket capitalised, no full stop.
_TITLED = re.compile(r"^(?:(?:[A-Z][\w'’-]*|[a-z]{1,3}|&|-|–)\s+)+\([^().]{1,40}\)$")


def _looks_like_heading(body: str, next_blank: bool) -> bool:
    if " | " in body or body.startswith("|"):
        return False  # a table row keeps the heading above it as its section
    words = body.split()
    if len(words) > 14 or len(body) > 120:
        return False
    if body.endswith("?"):
        return len(words) <= 12
    if body.endswith(")") and _TITLED.match(body) and len(words) <= 8:
        return True  # "Loading Phase (Optional but Effective)"
    if body[-1] in ".!,;\"”'’)":
        return False
    if body.endswith(":"):
        return True
    if len(words) >= 9 and re.search(r",\s+[a-z]", body):
        return False  # a clause after a comma: a sentence cut short (excerpts end so)
    return len(words) <= 12 or next_blank


def _sentences(body: str, offset: int) -> Iterator[Unit]:
    start = 0
    for match in _BOUNDARY.finditer(body):
        end = match.end()
        before = _WORD_BEFORE.search(body[max(0, match.start() - 9):match.start()])
        # "in the U.S.? No." ends a sentence: a question or exclamation mark after an
        # abbreviation's point still does
        if before and match.group().startswith(".") and not re.search(r"[?!]", match.group()):
            word = before.group(1).lower().rstrip(".")
            # "No. 5" abbreviates a number; "Is it legal? No. It is banned." is an answer
            number_sign = word != "no" or re.match(r"\s*\d", body[end:end + 4]) is not None
            if (word in _ABBREV and number_sign) or len(word) == 1:
                continue
        yield from _bounded(body, start, end, offset)
        start = end
        while start < len(body) and body[start].isspace():
            start += 1
    if start < len(body):
        yield from _bounded(body, start, len(body), offset)


def _bounded(body: str, start: int, end: int, offset: int) -> Iterator[Unit]:
    while end - start > MAX_UNIT:
        cut = body.rfind(" ", start + MAX_UNIT // 2, start + MAX_UNIT)
        if cut <= start:
            cut = start + MAX_UNIT
        yield Unit(offset + start, offset + cut, False)
        start = cut
        while start < end and body[start].isspace():
            start += 1
    if end > start:
        yield Unit(offset + start, offset + end, False)


def segment_text(article: str, text: str) -> list[dict]:
    """Rows of the sentences table for one article."""
    rows = []
    section = ""
    for unit in split_units(text):
        piece = text[unit.start:unit.end]
        if unit.is_heading:
            section = piece
        rows.append({"article": article, "section": section, "text": piece,
                     "start": unit.start, "end": unit.end, "is_heading": unit.is_heading})
    return rows


def segment(articles: pd.DataFrame) -> pd.DataFrame:
    """The sentences table: one row per sentence or heading of every article."""
    schema.check("segment", articles, ["article", "text"])
    rows: list[dict] = []
    for article, text in zip(articles["article"], articles["text"]):
        rows.extend(segment_text(article, text))
    if not rows:
        return schema.empty(schema.SENTENCES)
    return pd.DataFrame(rows, columns=schema.SENTENCES)
