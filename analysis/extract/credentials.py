"""Credentials topics: the people behind an article (bylines, "About the Author",
"Reviewed by") with degrees, certifications, years of experience and affiliations.

A bio runs over several sentences ("She holds ...", "Dr. Parker has ..."), so this
extractor reads an article's sentences in order: a byline or a bio sentence opens a
person, and the following sentences that refer back to them (surname or pronoun) add
to it. The row's evidence is the contiguous span of those sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..topics import Topic
from .common import Assertion, Sentence, any_match

# Latin letters with accents count ("Léa Legraien", "José Álvarez")
_UPPER, _LOWER = r"A-ZÀ-ÖØ-Þ", r"a-zß-öø-ÿ"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)?"
_TITLE = r"(?P<title>Dr\.?|Doctor|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?)"
# "C. Michael Gibson": a leading initial too
_NAME = (rf"(?P<name>(?:[A-Z]\.\s?)?{_NAME_WORD}(?:\s+(?:[A-Z]\.){{1,3}})?"
         rf"(?:\s+{_NAME_WORD}){{1,2}})")
# "Omudhome Ogbru, PharmD" on a line of its own (also run together: "Jill Barat,
# PharmDJoshua Murdock, PharmD"): a person named with their degrees.
_DEGREE = (r"(?:Ph\.?D|M\.?D|M\.S|PharmD|Pharm\.D|R\.?Ph|D\.?O|DNP|DPT|DDS|DVM|MPH|MSc|MS|MA|MBA|"
           r"BSc|RN|NP|PA-C|RD|RDN|LAc|MBBS|MSN|BSN|LCSW|LMHC|PsyD|BCBBS|BCPS|FACP|FAAP|CNS)")
_NAMED_WITH_DEGREES = re.compile(
    rf"(?:{_TITLE}\s+)?{_NAME}\s*,\s*(?P<degrees>{_DEGREE}\.?(?:\s*,\s*{_DEGREE}\.?)*)"
    r"(?=[,\s]|$|[A-Z][a-z])")
_BIO_VERB = (r"(?:is|was|has|holds|serves|works|writes|earned|received|brings|specializes|"
             r"specialises|graduated)\b")
_PRONOUN_START = re.compile(r"^\W*(?:(?:\w+\s+){0,4})?(she|he|they|her|his|their|hers|him|them)\b",
                            re.I)
_ORGANISATION = re.compile(r"\b(?:Pharmaceuticals?|Pharma|Limited|Inc|Corp(?:oration)?|"
                           r"Compan(?:y|ies)|Group|"
                           r"Labs?|Laboratories|Holdings|Therapeutics|Biosciences|"
                           r"Technologies|LLC|Ltd|GmbH|AG|plc)\b\.?")
_NOT_NAMES = {"The", "This", "That", "These", "Our", "We", "It", "In", "As", "With", "For",
              "Kratom", "Chronic", "According", "However", "About", "Medically", "Reviewed",
              "Written", "Author", "Name", "Age", "Location", "By", "Source", "Category", "Type",
              "Tags", "Topics", "Published", "Updated"}


@dataclass
class _Person:
    name: str
    title: str
    role: str
    first: Sentence
    last: Sentence
    texts: list[str] = field(default_factory=list)
    # (start, end) in the article of this person's part of a line that names several
    # ("Reviewed by A, PharmD — Written by B"): B has no PharmD
    part: tuple[int, int] | None = None


def _line_people(topic: Topic, s: Sentence, named: list[tuple[str, str, str]]
                 ) -> list[_Person]:
    """One person per name on a byline line, each with their own part of the line, which
    begins at the words that name their role ("Written by")."""
    cues = [(m.start(), m.end()) for p in topic.patterns("bylines") for m in p.finditer(s.text)]
    at = []
    for name, title, role in named:
        pos = max(0, s.text.find(name))
        cue = [a for a, b in cues if b <= pos and pos - b <= 12]  # "by Dr. Name"
        at.append((min(cue) if cue else pos, (name, title, role)))
    at.sort(key=lambda x: x[0])
    people = []
    for k, (pos, (name, title, role)) in enumerate(at):
        start = 0 if k == 0 else pos
        end = at[k + 1][0] if k + 1 < len(at) else len(s.text)
        while end > start and s.text[end - 1] in " \t—–-|•·,;:":
            end -= 1
        part = (s.start + start, s.start + end) if len(at) > 1 else None
        people.append(_Person(name, title, role, s, s, [s.text], part))
    return people


def _name_at(text: str) -> re.Match[str] | None:
    return re.match(rf"\W*(?:{_TITLE}\s+)?{_NAME}", text)


def _bylines(topic: Topic, s: Sentence) -> list[tuple[str, str, str]]:
    """Every (name, title, role) a byline line names: "Reviewed by A — Written by B"."""
    text = s.text
    if not _BYLINE_GATE.search(s.lower or text.lower()):
        return []
    found = []
    for pattern in topic.patterns("bylines"):
        for m in pattern.finditer(text):
            n = re.match(rf"(?:{_TITLE}\s+)?{_NAME}", text[m.end():]) or _CAPS_NAME.match(
                text, m.end())
            if n and _EDITS_A_PUBLICATION.match(text, m.end() + n.end()):
                continue  # "Edited by Jane Doe, DO, it is the premier journal of ..."
            if n and n.group("name").split()[0] not in _NOT_NAMES:
                role = "reviewer" if re.search(r"review|fact", m.group(0), re.I) else "author"
                if n.group("name") not in (f[0] for f in found):
                    found.append((n.group("name"), n.group("title") or "", role))
    return found


# "By JONEL ALECCIA": a wire byline in capitals, ending its line or its part of it
_CAPS_NAME = re.compile(r"(?-i:(?P<title>)(?!(?:[A-Z]+\s+){0,3}(?:STAFF|TEAM|DESK|NEWS|EDITORS?|"
                        r"EDITORIAL|BOARD|REPORTS?|WIRE|SERVICES?|FDA|CDC|NIH|WHO|AP|AFP)\b)"
                        r"(?P<name>(?!(?:AND|OR|OF|THE|FOR|WITH|BY)\b)[A-Z]{2,}"
                        r"(?:[-'’][A-Z]{2,})?(?:\s+[A-Z]\.)?(?:\s+[A-Z]{2,}(?:[-'’][A-Z]{2,})?){1,2}))"
                        r"(?=\s*(?:$|[,|;(]|\s(?:and|AND)\s|\s[-–—]\s))")
_EDITS_A_PUBLICATION = re.compile(r"(?:\s*,\s*[A-Za-z.]{2,8})*\s*,\s+(?:it|this|which)\s+"
                                  r"(?:is|was|has|publishes)\b")
_BYLINE_GATE = re.compile(r"by|write\s+to|follow|author|editor|writer|reviewer|reporter|"
                          r"contributor")
NAME_LINES_WITHIN = 1500  # a name line is a byline only near the top of the page


def _name_lines(s: Sentence) -> list[tuple[str, str, str]]:
    """People named with degrees on a short line of their own, near the top."""
    if len(s.text) > 160 or s.start > NAME_LINES_WITHIN:
        return []
    found = [(m.group("name"), m.group("title") or "", "author")
             for m in _NAMED_WITH_DEGREES.finditer(s.text)
             if m.group("name").split()[0] not in _NOT_NAMES]
    rest = _NAMED_WITH_DEGREES.sub("", s.text)
    if not found:
        # "CATHERINE F. CASEY, MD, AND LINDSEY R. NEAL, MD" (a journal's capitals) and
        # "Ali Achira MD" (no comma) on a line of their own
        alone = _NAME_DEGREES_ALONE.fullmatch(s.text)
        caps = [] if alone else list(_CAPS_WITH_DEGREES.finditer(s.text))
        found = ([(alone.group("name"), "", "author")] if alone
                 and alone.group("name").split()[0] not in _NOT_NAMES else
                 [(m.group("name"), "", "author") for m in caps])
        rest = "" if alone else _CAPS_WITH_DEGREES.sub("", s.text)
    return found if found and not re.search(r"\b[a-z]{3,}\s+[a-z]{3,}", rest) \
        and not _CAPTIONED.search(rest) else []


# "Image of FDA Commissioner Stephen M. Hahn, M.D.": a picture's caption or an office
# holder the article is about, not its writer
_CAPTIONED = re.compile(r"\b(?:Image|Photo|Picture|Caption|Commissioner|Secretary|Director|"
                        r"President|Chair(?:man|woman)?|Minister|Governor|Senator|Mayor)\b")


# without a comma, only degrees that are no common word ("Living With MS" names no one)
_DOCTORAL = r"(?:M\.?D|Ph\.?D|PharmD|DNP|DVM|MBBS|RDN|MPH|PsyD)"
_NAME_DEGREES_ALONE = re.compile(
    rf"\W*{_NAME}\s+(?P<degrees>{_DOCTORAL}\.?(?:\s*,\s*{_DEGREE}\.?)*)\s*")
_CAPS_WORD = r"(?!(?:AND|OR|OF|THE|FOR|WITH|BY)\b)[A-Z]{2,}(?:[-'’][A-Z]{2,})?"
_CAPS_WITH_DEGREES = re.compile(
    rf"(?<![A-Za-z])(?P<name>{_CAPS_WORD}(?:\s+(?:[A-Z]\.){{1,3}})?(?:\s+{_CAPS_WORD}){{1,2}})"
    rf"\s*,\s*(?P<degrees>{_DEGREE}(?:\s*,\s*{_DEGREE})*)(?=[,\s]|$)")


# A news byline with no cue word: "Marilynn Marchione, AP", "JANE DOE jane.doe@news.com",
# or a name alone on its line above "Special to USA TODAY" / "HealthDay Reporter".
_EMAIL = r"\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?"
_WIRE_LINE = re.compile(
    rf"^\W*(?:{_NAME}\s*(?:,\s*(?:AP|Associated\s+Press|Reuters|AFP|HealthDay(?:\s+News|\s+Reporter)?|"
    rf"USA\s+TODAY|CNN|Bloomberg|NPR|Kaiser\s+Health\s+News|KHN|STAT|WebMD\s+News)|\s+{_EMAIL})|"
    rf"(?P<caps>[A-Z]{{2,}}(?:\s+[A-Z]{{2,}}){{1,2}})\s+{_EMAIL})\s*$")
_NAME_ALONE = re.compile(rf"^\W*{_NAME}\s*$")
# a list of comments ("• A. Marina Fournier" above its time): commenters, not the author
_BULLETED = re.compile(r"(?:^|\n)[ \t]*[•·*▪◦‣-]\s*$|^\s*[•·*▪◦‣-]\s")
_TITLED_ALONE = re.compile(rf"^\W*{_TITLE}\s+{_NAME}\s*$")
# A dateline below a byline: "Updated:", "Published 3 May 2023", "Posted on", a bare date
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
         r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})")
_DATELINE = re.compile(rf"^\W*(?:(?:Updated|Published|Posted|Last\s+updated)(?:\s+on)?\s*:?|"
                       rf"{_DATE})", re.I)
# Words of a headline, never of a name: "Kava Is Legal" above "Updated:" is no byline
_HEADLINE_WORDS = frozenset({
    "is", "are", "was", "were", "has", "have", "can", "will", "may", "new", "how", "what",
    "why", "when", "legal", "illegal", "ban", "banned", "news", "health", "study", "warning",
    "update", "says", "safe", "dose", "risk", "risks", "drug", "drugs", "approved",
    # ... nor of a site's section or a writer's role: "Sleep Disorders", "Licensed Pharmacist"
    "licensed", "pharmacist", "disorders", "disorder", "policy", "editorial", "medical",
    "medically", "reviewed", "team", "staff", "sleep", "nutrition", "wellness", "conditions",
    "treatments", "supplements", "vitamins", "mental", "disease", "diseases", "care", "guide",
    "blog", "home", "articles", "resources", "research", "science", "fitness", "pain"})
# "18 April 2018 - 14:38 Samantha Koester": a date and time, then the writer
_DATED_NAME = re.compile(rf"^\W*{_DATE}\s*(?:[-–—|,]\s*)?"
                         r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*)?"
                         rf"(?:[-–—|,]\s*)?(?:by\s+)?{_NAME}\s*$")
# A job a byline gives its writer: "Associate Editor", "Lifestyle and Money Reporter".
_WRITING_JOB = (r"(?:[A-Z][a-z]+\s+(?:(?:and|&)\s+)?){0,3}"
                r"(?:Writer|Reporter|Correspondent|Editor|Contributor)s?\b")
_ROLE_LINE = re.compile(rf"^\W*(?:Special\s+(?:to|for)\b|{_WRITING_JOB})")
# "Lauren Haughey Lifestyle and Money Reporter": the name (two words, or three with an
# initial) and the job on one line.
_NAME_AND_JOB = re.compile(rf"^\W*(?P<name>{_NAME_WORD}(?:\s+(?:[A-Z]\.){{1,3}})?\s+{_NAME_WORD})"
                           rf"\s*[,|—–-]?\s+{_WRITING_JOB}\s*$")
# A byline cue that ends its line: "Medically Reviewed by" above the name's own line.
_CUE_ALONE = re.compile(r"^\W*(?:(?:medically\s+)?(?:written|reviewed|fact[- ]checked|edited|"
                        r"authored)\s+)?by\s*:?\s*$", re.I)


def _wire_byline(s: Sentence, after: Sentence | None, common: frozenset[str] = frozenset(),
                 *, bulleted: bool = False) -> list[tuple[str, str, str]]:
    """The author a news byline names without a cue word, near the top of the article.
    `common`: words the article also writes in lower case ("sleep", "pharmacist"), which
    make a capitalised line above a date a section label, not a name."""
    if len(s.text) > 120 or s.start > NAME_LINES_WITHIN:
        return []
    m = _WIRE_LINE.match(s.text) or _NAME_AND_JOB.match(s.text)
    if m is None and after is not None and _ROLE_LINE.match(after.text) \
            and not _NAME_AND_JOB.match(after.text):  # not a title above a byline
        m = _NAME_ALONE.match(s.text)
    if m is None and not bulleted and not _BULLETED.match(s.text):
        # "Henry Jom" above "Updated:"; "18 April 2018 - 14:38 Samantha Koester"
        dated = _DATED_NAME.match(s.text) or (
            _NAME_ALONE.match(s.text) if after is not None and _DATELINE.match(after.text)
            else None)
        if dated and not any(w.lower() in common for w in dated.group("name").split()):
            m = dated
    if m is None and after is not None:
        # "Dr. Sharon Orrange" above "Dr. Orrange is an Associate Professor ...": the
        # page's author, introduced by the line after
        titled = _TITLED_ALONE.match(s.text)
        if titled and re.match(rf"^\W*(?:{_TITLE}\s+)?(?:{re.escape(titled.group('name'))}|"
                               rf"{re.escape(titled.group('name').split()[-1])})\s+"
                               rf"{_BIO_VERB}", after.text):
            m = titled
    if m is None:
        return []
    name = m.group("caps") if m.groupdict().get("caps") else m.group("name")
    if any(w.lower() in _HEADLINE_WORDS for w in name.split()):
        return []
    title = m.groupdict().get("title") or ""
    return [] if name.split()[0] in _NOT_NAMES else [(name, title, "author")]


def _name_below_cue(s: Sentence) -> tuple[str, str] | None:
    """(name, title) of a line that holds a name alone or with its degrees."""
    m = _NAMED_WITH_DEGREES.match(s.text.strip())
    if m and m.end() >= len(s.text.strip()) - 1:
        return m.group("name"), m.group("title") or ""
    m = re.match(rf"^\W*(?:{_TITLE}\s+)?{_NAME}\s*$", s.text)
    if m and m.group("name").split()[0] not in _NOT_NAMES:
        return m.group("name"), m.group("title") or ""
    return None


def _named(topic: Topic, s: Sentence) -> list[tuple[str, str, str]]:
    """Everyone a byline line names, by a byline cue or with their degrees ("Jonathan
    Ritter, PharmD, PhD | Written by Puya Yazdi, MD")."""
    found = _bylines(topic, s)
    return found + [f for f in _name_lines(s)
                    if not any(f[0] in g[0] or g[0] in f[0] for g in found)]


def _bio_opening(topic: Topic, s: Sentence, in_block: bool) -> tuple[str, str, str] | None:
    """(name, title, role) when `s` introduces a person, else None."""
    text = s.text
    bylines = _bylines(topic, s) or _name_lines(s)
    if bylines:
        return bylines[0]
    m = _name_at(text)
    if not m or m.group("name").split()[0] in _NOT_NAMES:
        return None
    after = text[m.end():]
    if _ORGANISATION.search(m.group("name") + after[:12]):
        return None  # "Janssen Pharmaceuticals, Inc. is part of ...": a company
    degree_then_verb = re.match(rf"(?:\s*,\s*[A-Za-z.]{{2,8}})*\s*,?\s+{_BIO_VERB}", after)
    if not degree_then_verb:
        return None
    has_degree = bool(re.match(r"\s*,\s*[A-Z]", after))
    cue = any_match(topic.patterns("degrees", flags=0) + topic.patterns("certifications", flags=0)
                    + topic.patterns("years"), text)
    writer = any_match(topic.patterns("writer_roles"), text)
    if m.group("title") or has_degree or in_block or cue or writer:
        return (m.group("name"), m.group("title") or "",
                "author" if in_block or writer else "expert")
    return None


def _refers(s: Sentence, surname: str) -> bool:
    return bool(re.search(rf"\b{re.escape(surname)}\b", s.text) or _PRONOUN_START.match(s.text))


def _collect(topic: Topic, sentences: list[Sentence], text: str = "") -> list[_Person]:
    common = frozenset(w for s in sentences for w in re.findall(r"\b[a-z][a-z’\x27-]+\b", s.text))
    heads = topic.patterns("block_headings")
    people: list[_Person] = []
    in_block = False
    current: _Person | None = None
    gap = 0
    cue_above: str | None = None  # the role a byline cue on the line above gave
    for i, s in enumerate(sentences):
        above, cue_above = cue_above, None
        if above is not None and (named := _name_below_cue(s)):
            current = _Person(named[0], named[1], above, s, s, [s.text])
            people.append(current)
            gap = 0
            continue
        cue = _CUE_ALONE.match(s.text)
        if cue:
            cue_above = "reviewer" if re.search(r"review|fact", cue.group(0), re.I) else "author"
            continue
        bulleted = bool(_BULLETED.search(text, max(0, s.start - 16), s.start))
        wire = _wire_byline(s, sentences[i + 1] if i + 1 < len(sentences) else None,
                            common, bulleted=bulleted)
        if wire and not _named(topic, s):
            current = _Person(*wire[0], s, s, [s.text])
            people.append(current)
            gap = 0
            continue
        if s.is_heading:
            in_block = any_match(heads, s.text)
            current = None
            # "*By Mark Ellis, herbalist*" is a line of its own and looks like a heading
            for person in _line_people(topic, s, _named(topic, s)):
                current = person
                people.append(current)
            continue
        opening = _bio_opening(topic, s, in_block)
        if opening:
            named = _named(topic, s)
            line = _line_people(topic, s, named) if named else []
            current = next((p for p in line if p.name == opening[0]), None)
            if current is None:
                name, title, role = opening
                current = _Person(name, title, role, s, s, [s.text])
            people.append(current)
            people.extend(p for p in line if p is not current)  # more people on the line
            gap = 0
            continue
        if current is None:
            continue
        surname = current.name.split()[-1]
        if _refers(s, surname) or (in_block and gap == 0 and current.role != "reviewer"):
            current.last = s
            current.texts.append(s.text)
            gap = 0
        else:
            gap += 1
            if gap > 1 or not in_block:
                current = None
    return people


def _all(patterns: list[re.Pattern[str]], text: str, group: int = 0) -> list[str]:
    out: list[str] = []
    for p in patterns:
        for m in p.finditer(text):
            value = re.sub(r"\s+", " ", (m.group(group) if group and m.lastindex else m.group(0)))
            value = value.strip(" ,.;")
            if value and not any(value.lower() in o.lower() for o in out):
                out = [o for o in out if o.lower() not in value.lower()] + [value]
    return out


def _flags(topic: Topic, title: str, degrees: list[str], certs: list[str]) -> list[str]:
    flags = []
    joined = " ; ".join(degrees)
    specialties = topic.get("medical_specialties", [])
    medical = any_match(topic.patterns("medical_degrees", flags=0), joined)
    for cert in certs:
        if re.search(r"board[- ]certified", cert, re.I):
            hit = next((sp for sp in specialties if sp.lower() in cert.lower()), None)
            if hit and not medical:
                flags.append(f"board-certified in {hit} but no medical degree (MD/DO) named")
    if title.startswith("Dr") and degrees and not any_match(
            topic.patterns("doctoral_degrees", flags=0), joined):
        flags.append("titled 'Dr.' but no doctorate named")
    return flags


def extract_credentials(topic: Topic, article: str, text: str,
                        sentences: list[Sentence]) -> list[Assertion]:
    rows: list[Assertion] = []
    merged: dict[str, Assertion] = {}
    known: dict[str, tuple[list[str], list[str], list[str]]] = {}  # degrees, certs, titles
    for person in _collect(topic, sentences, text):
        start, end = person.first.start, person.last.end
        if person.part is not None:
            start = person.part[0]
            end = person.part[1] if person.last is person.first else end
        span = text[start:end]
        degrees = _all(topic.patterns("degrees", flags=0), span)
        certs = _all(topic.patterns("certifications", flags=0), span)
        years = [int(y) for y in _all(topic.patterns("years"), span, group=1) if y.isdigit()]
        affiliations = _all(topic.patterns("affiliations", flags=0), span)
        flags = _flags(topic, person.title, degrees, certs)
        display = f"{person.title} {person.name}".strip()
        row = Assertion(
            article=article, topic=topic.key, kind="credentials", value=display,
            evidence=span, start=start, end=end, section=person.first.section,
            qualifier=person.role, scope=person.role,
            detail="; ".join(filter(None, [
                "degrees: " + ", ".join(degrees) if degrees else "",
                "certifications: " + ", ".join(certs) if certs else "",
                f"years: {max(years)}" if years else "",
                "affiliations: " + ", ".join(affiliations) if affiliations else ""])),
            extra={"name": person.name, "role": person.role, "degrees": "; ".join(degrees),
                   "certifications": "; ".join(certs),
                   "years_experience": max(years) if years else None,
                   "affiliations": "; ".join(affiliations), "flags": "; ".join(flags)})
        key = person.name.lower()
        said = known.setdefault(key, ([], [], []))
        said[0].extend(d for d in degrees if d not in said[0])
        said[1].extend(c for c in certs if c not in said[1])
        said[2].append(person.title)
        if key in merged:  # the byline and the bio name the same person: keep the fuller one
            if len(row.detail) <= len(merged[key].detail):
                continue
        merged[key] = row
    for key, row in merged.items():
        # a flag holds only against everything the article says of the person: "By Dr.
        # Jenkins, MD" above a bio that names no degree is no board certification without one
        degrees, certs, titles = known[key]
        title = next((t for t in titles if t), "")
        row.extra["flags"] = "; ".join(_flags(topic, title, degrees, certs))
    rows.extend(merged.values())
    return sorted(rows, key=lambda r: r.start)
