"""Which substance each claim is about.

A claim belongs to the substance its clause is about: one named in the clause, else the
one carried from the sentence, from the sentence before (when this one opens with "It" or
"The herb"), from the section heading, or from the article. Names come from a lexicon:
the drug names of the `drug-named-entity-recognition` package (generic and brand, so
"Advil" is ibuprofen) plus `topics/substances.toml` for the supplements, herbs, minerals
and classes of drugs it lacks, plus the user's and the batch's own subjects.

Measured on the development set (devset/RESULTS.md): with our data file alone, the
multi-subject news batch scored dose precision/recall 0.69/0.74 and legal status
0.47/0.24; with the package's drug names added, 0.85/0.86 and 0.58/0.33, and the
conflicts flagged fell from 28 to 17 (web pages, whose substances the data file covers,
scored the same either way). The package's own matcher (`find_drugs`) took 2-5 s and
376 MB to import and missed every supplement, so its dictionary is read directly (1 s)
and searched with one Aho-Corasick automaton together with our own names.

A quantity or status whose clause is about something that is no substance (a food, a
device, a travel ban) or about a class of drugs ("opioids") gets no subject: no row.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .common import STAND_INS, lower_same_length

SUBSTANCE, CLASS, OTHER = "substance", "class", "other"
NAMES_NOTHING = "nothing"  # "Food and Drug Administration": its words name no food
# Words that open a sentence that goes on about the thing named just before.
_ANAPHOR = re.compile(
    rf"^\W*(?:it|its|it's|this|these|they|their|such|both|the\s+(?:same\s+)?{STAND_INS}|"
    # an instruction goes on about what the sentence before dosed: "Vitamin D3: 2,000 IU
    # daily. Start with 5,000 IU/day for two weeks"
    r"(?:then\s+)?(?:start|begin|take|reduce|increase|continue)\s+(?:with|to|at|by)\b)",
    re.I)
# ... a singular one ("The painkiller", "The drug") and the opening of the sentence before
# that it goes on about, where that sentence opens with a name
_THE_ONE = re.compile(rf"^\W*the\s+(?!.*s$){STAND_INS}$", re.I)
# "Xylazine, an animal tranquilizer found mixed with opioids, is now controlled. It will be
# a Schedule III drug": "it" goes on about the name the sentence before opened with
_IT = re.compile(r"^\W*it(?:s|[’\x27]s)?$", re.I)
_LEAD_NAME = re.compile(r"\W*(?:(?:the|but|and|however|also)\W+)?", re.I)
# A class word that ends a company's name: "Arena Pharmaceuticals", "Purdue Pharma".
_COMPANY = re.compile(r".*\b[A-Z][\w&.-]*\s+(?:Pharmaceuticals?|Pharma|Therapeutics|Laboratories|"
                      r"Labs|Biosciences|Drugs)$", re.S)
# ... and those that can only be the substance itself ("It is one of", "The drug is")
_SELF = re.compile(rf"^\W*(?:it|the\s+{STAND_INS})(?:\s+(?:is|was|has|remains)\b|[’\x27]s\s)",
                   re.I)
# "in the same manner as opioids", "as addictive as alcohol": a name measured against
_AS_YARDSTICK = (r"\bsame\s+(?:[\w-]+\s+){0,2}?as|"
                 r"\bas\s+(?:[\w-]+\s+)?(?:addictive|habit-forming|potent|strong|dangerous|"
                 r"harmful)\s+as")
# Words just before a name that make it a yardstick, not the clause's subject.
# the names a claim is contrasted with: "unlike other opioids such as methadone and fentanyl,"
_UNLIKE_BEFORE = re.compile(r"\bunlike\b[^,;.]*$", re.I)
_COMPARATOR_MARK = re.compile(
    r"(?:\bunlike|\bthan|\blike|\bcompared\s+(?:to|with)|\bas\s+with|\bsuch\s+as|\bincluding|"
    rf"{_AS_YARDSTICK}|"
    r"\bsimilar\s+to|\bassociated\s+with|\bversus|\bvs\.?|\bnot\s+(?:just|only)|\bother|"
    r"\bmimic(?:s|ked|king)?|\bresembl(?:e|es|ed|ing)|\bimitat(?:e|es|ed|ing)|"
    r"\bor|\bwith|\bfrom|\bto)\s+(?:the\s+|a\s+|an\s+|most\s+|many\s+|some\s+|other\s+|"
    r"prescription\s+|traditional\s+|conventional\s+)*$|"
    r"\d\s*%\s*$|\b(?:less|more|fewer)\s+than\s+(?:[\d.,]+\s*(?:%|percent|mg|milligrams)?\s*)?$",
    re.I)
# The stronger of those marks: they make a name a yardstick after the claim too ("to"
# or "with" after it do not: "addiction to kratom", "withdrawal with kratom").
_YARDSTICK_MARK = re.compile(
    r"(?:\bunlike|\bthan|(?<!-)\blike|\bcompared\s+(?:to|with)|\bas\s+with|\bsuch\s+as|"
    r"\bincluding|\bsimilar\s+to|\bversus|\bvs\.?|\balternatives?\s+to|\binstead\s+of|"
    rf"\brather\s+than|\breplacements?\s+for|{_AS_YARDSTICK})"
    r"\s+(?:the\s+|a\s+|an\s+|other\s+|most\s+|"
    r"many\s+)*$", re.I)
# A name given as an example of a kind of thing: the claim is about the kind.
# Plural nouns for a kind of thing that names its members next ("drugs such as ...").
KIND_NOUNS = (r"(?:substances|drugs|medications|medicines|supplements|herbs|products|"
              r"stimulants|compounds|chemicals|foods|beverages|drinks|painkillers|sedatives)")
_KINDS_THEN_EXAMPLE = (
    rf"{KIND_NOUNS}\s*,?\s*(?:such\s+as|including|like|e\.g\.,?)\s+$")
_EXAMPLE_MARK = re.compile(rf"\b{_KINDS_THEN_EXAMPLE}", re.I)
# ... and an example of a kind that is itself the yardstick: "than stimulants like X"
_YARDSTICK_CLASS = re.compile(
    r"(?:\bunlike|\bthan|\bcompared\s+(?:to|with)|\bas\s+with|\bsimilar\s+to|\bversus|"
    rf"\bvs\.?)\s+(?:[\w-]+\s+){{0,3}}?{_KINDS_THEN_EXAMPLE}", re.I)
# Words just before a name that make it an ingredient of the thing the claim is about
# ("strains high in mitragynine"), on either side of the claim.
_CONTENT_MARK = re.compile(
    r"\b(?:(?:high|rich|low|richer|higher|lower)\s+in|containing|contain|contains|"
    r"levels?\s+of|concentrations?\s+of)\s+(?:the\s+)?$", re.I)
# ... and the plant a product is made from ("delta-8 products derived from hemp and
# marijuana"), when the product is named too ("medications derived from THC" are THC's)
# ... or the plant it is set against ("derived from the hemp plant, not the marijuana plant")
_SOURCE_MARK = re.compile(r"\b(?:derived|extracted|made|sourced)\s+from(?:\s+[\w-]+\s+(?:and|or)"
                          r"|\s+(?:the\s+)?[\w-]+(?:\s+plants?)?\s*,?\s+(?:and\s+)?not"
                          r"(?:\s+from)?)?\s+(?:the\s+)?$", re.I)
_FROM_WHICH = re.compile(r",\s*(?:from|out\s+of)\s+which\s+(?:the\s+)?$", re.I)
_ELIDED_SUBJECT = re.compile(r"\W*(?:(?:and|but|yet|or)\s+)?(?:(?:typically|usually|often|"
                             r"generally|also|still|now|then|may|can|must|will)\s+)*"
                             r"(?:require|requires|required|need|needs|needed|is|are|was|were|"
                             r"remain|remains|cannot|can.t|may\s+not)\b", re.I)
# "... but is not habit-forming": a second predicate of the sentence's subject
_CONJUNCTION_END = re.compile(r"\b(?:and|but|yet)\s*$", re.I)
_CONJUNCTION_START = re.compile(r"\W*(?:and|but|yet)\s", re.I)
_SHARED_SUBJECT = re.compile(r"\W*(?:(?:and|but|yet)\s+)?(?:(?:typically|usually|often|generally|"
                             r"also|still|now|then|not)\s+)*(?:is|are|was|were|has|have|"
                             r"can|cannot|can.t|does|do|doesn.t|don.t|isn.t|aren.t|remains?|"
                             r"may|will)\b", re.I)
# "Because it is derived from hemp, it is legal": the claim refers to the product
_PRONOUN = re.compile(r"\b(?:it|they|this|these)\b", re.I)
# A name that is what something weans people off ("eases withdrawal from alcohol and
# cocaine", "cocaine addiction"): "It is classified as..." next is not about it.
_WEANED_BEFORE = re.compile(
    r"\b(?:withdrawal(?:\s+symptoms)?\s+from|addict(?:ion|ed)\s+to|dependen(?:ce|t)\s+on|"
    r"quit(?:ting)?|wean(?:ing)?\s+off|detox(?:ing|ification)?\s+from)\s+"
    r"(?:[\w-]+\s+(?:and|or)\s+)?(?:the\s+)?$", re.I)
_WEANED_AFTER = re.compile(r"\s+(?:addiction|use\s+disorders?|withdrawal|dependence|abuse)\b", re.I)
# A class a named substance is placed in ("Tramadol is a synthetic opioid that can cause
# dependence", "in the class of opioids"): what follows is about the substance.
_PREDICATE_CLASS = re.compile(
    r"(?:\b(?:is|are|was|were|as|remains?)\s+(?:also\s+|still\s+|technically\s+|"
    r"classified\s+as\s+|considered\s+(?:to\s+be\s+)?)?(?:an?|one\s+of\s+the|part\s+of\s+the|"
    r"a\s+type\s+of|a\s+kind\s+of)\s+(?:[\w-]+\s+){0,2}|\bclass\s+of\s+(?:the\s+)?)$", re.I)
MIN_ARTICLE_MENTIONS = 2  # a substance named once in passing is not what an article is about


@dataclass(frozen=True)
class Mention:
    """A name found in the text: [start, end) offsets, canonical name, and its kind."""

    start: int
    end: int
    name: str
    kind: str  # substance, class or other


@dataclass(frozen=True)
class Lexicon:
    """Every name the batch knows, searched in one pass with an Aho-Corasick automaton."""

    names: dict[str, tuple[str, str]]  # lower-case surface form -> (canonical, kind)
    _built: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def automaton(self):
        """Built on first use and kept with the lexicon (and freed with it)."""
        if "automaton" not in self._built:
            self._built["automaton"] = _automaton(self)
        return self._built["automaton"]

    def mentions(self, text: str) -> list[Mention]:
        """Leftmost-longest whole-word matches of every known name in `text`.

        Text and names are compared in one normal form — lower case, every character but
        letters, digits, hyphens and apostrophes a space, one for one so offsets hold —
        and each name is searched with a space on either side: only whole words match,
        with no per-hit boundary test ("ala" never fires inside "alarm")."""
        norm = " " + _normal(text) + " "
        found: list[tuple[int, int, str, str]] = []
        for end, (length, name, kind) in self.automaton.iter(norm):
            start = end - length + 1  # in `norm`: the leading space is the offset shift
            found.append((start, start + length - 2, name, kind))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[Mention] = []
        last_end = -1
        for start, end, name, kind in found:
            if start >= last_end:
                last_end = end
                if kind == NAMES_NOTHING:
                    continue
                if kind == CLASS and _COMPANY.match(text, max(0, start - 40), end):
                    continue  # "Arena Pharmaceuticals" is a company, not a class of drugs
                if kind == OTHER and _LAW_TITLE.match(text, start):
                    continue  # "the Customs (Prohibited Imports) Regulations": a law's name
                out.append(Mention(start, end, name, kind))
        return out

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


def _automaton(lexicon: Lexicon):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form, (name, kind) in lexicon.names.items():
        word = " " + _normal(form) + " "
        automaton.add_word(word, (len(word), name, kind))
    automaton.make_automaton()
    return automaton


def _normal(text: str) -> str:
    """Lower case, non-word characters blanked and possessives dropped ("kratom's
    addiction" names kratom), keeping every offset."""
    return _CONTENT_SUFFIX.sub(" ", _POSSESSIVE.sub("  ", _NOT_WORD.sub(
        " ", lower_same_length(text).replace("’", "'"))))


# A capitalised word in the name of a law ("Customs (Prohibited Imports) Regulations",
# "Smoke-free Environments Act") names the law, not an activity the claim is about
_LAW_TITLE = re.compile(r"[A-Z][\w-]*\)?(?:\s+\(?[A-Z][\w-]*\)?){0,5}\s+(?:Acts?|Regulations?|"
                        r"Laws?|Bill|Code|Ordinance|Directive|Statute)\b")
_POSSESSIVE = re.compile(r"'s(?![\w'])")
# "codeine-based medications", "psilocybin-containing mushrooms": the products of a
# substance name it (the hyphen is blanked, so the name is a whole word)
_CONTENT_SUFFIX = re.compile(r"(?<=\w)-(?=(?:based|containing)\b)")


_NOT_WORD = re.compile(r"[^\w'-]|_")


# Words of a MedlinePlus entry that name a form or a route, not the drug.
_FORM_WORDS = frozenset(
    "vaginal oral topical nasal injection injectable patch sublingual buccal ophthalmic "
    "transdermal inhalation rectal otic intravenous implant spray cream gel lozenges gum "
    "lotion shampoo powder solution suspension tablets capsules extended-release "
    "delayed-release viscous urogenital".split())


@lru_cache(maxsize=1)
def drug_names() -> dict[str, str]:
    """Generic and brand drug names (lower case) -> generic name, from the DrugBank-backed
    entries of drug-named-entity-recognition; {} when the package is not installed.

    Its dictionary is read directly: importing the package's matcher builds an n-gram
    index we do not use (2 s, 376 MB) where the dictionary alone takes 0.4 s.
    """
    try:
        # find_spec locates the package without importing it (its import builds the index)
        spec = importlib.util.find_spec("drug_named_entity_recognition")
        if spec is None or not spec.submodule_search_locations:
            return {}
        path = Path(list(spec.submodule_search_locations)[0]) / "drug_ner_dictionary.pkl.bz2"
        with bz2.open(path, "rb") as handle:  # the package's own data file
            data = pickle.load(handle)  # noqa: S301
        variants = data["drug_variant_to_canonical"]
        canon = data["drug_canonical_to_data"]
    except (ImportError, OSError, KeyError, pickle.UnpicklingError, EOFError):
        return {}
    out: dict[str, str] = {}
    medline: dict[str, str] = {}
    combos: dict[str, str] = {}
    for variant, names in variants.items():
        if len(variant) < 4 or len(variant.split()) > 4 or not re.fullmatch(
                r"[a-z][a-z0-9 .,'/-]*[a-z0-9]", variant) or any(
                w.isdigit() for w in variant.split()):
            continue
        known = [c for c in names if "drugbank_id" in canon.get(c, {})]
        if known:
            out[variant] = known[0]
        elif " " not in variant and any("medline_plus_id" in canon.get(c, {}) for c in names):
            medline[variant] = names[0]
        elif " " not in variant and "/" in names[0]:
            combos[variant] = names[0]
    # One-word names known only to MedlinePlus (brands such as Botox or Entresto): their
    # entries name a use or a form in brackets ("propranolol (cardiovascular)"), so the
    # name is cut to the generic it starts with, or kept whole where it is a combination.
    for variant, name in medline.items():
        if variant in out:
            continue
        generic = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(" ,")
        if "," in generic:
            continue
        parts = [kept for part in generic.split(" and ")
                 if (kept := " ".join(w for w in part.split() if w not in _FORM_WORDS))]
        heads = [part.split()[0] for part in parts]
        if len(heads) > 1 and all(head in out for head in heads):
            # a combination, named the way labels write one: "sacubitril/valsartan"
            out[variant] = "/".join(sorted(out[head] for head in heads))
        elif heads and heads[0] in out:
            # "prasterone vaginal", "levonorgestrel intrauterine system": the drug
            out[variant] = out[heads[0]]
        elif len(heads) == 1:
            out[variant] = parts[0]
    # One-word brands of a combination that only Wikipedia knows ("truvada" ->
    # "emtricitabine/tenofovir"): kept where every part is a drug we know, and named the
    # way the MedlinePlus combinations are.
    for variant, name in combos.items():
        generics = [out.get(part) or out.get(part.split()[0]) for part in name.split("/")]
        if variant not in out and len(generics) > 1 and all(
                generic and "," not in generic for generic in generics):
            out[variant] = "/".join(sorted(set(generics)))
    return out


def build_lexicon(tables: dict, extra: Iterable[str] = (),
                  user: Sequence[str | tuple[str, Sequence[str]]] = ()) -> Lexicon:
    """The lexicon of a batch: drug names, the substances file, `extra` words the batch is
    about (found statistically) and the user's subjects (name, or (name, aliases))."""
    return _build_lexicon(_freeze(tables), tuple(sorted(set(extra))), tuple(
        (u, ()) if isinstance(u, str) else (u[0], tuple(u[1])) for u in user))


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@lru_cache(maxsize=8)
def _build_lexicon(tables: tuple, extra: tuple[str, ...],
                   user: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    t = {k: (dict(v) if isinstance(v, tuple) and v and isinstance(v[0], tuple) else v)
         for k, v in tables}
    names: dict[str, tuple[str, str]] = {}
    renames = {k.lower(): v.lower() for k, v in dict(t.get("renames", ())).items()}
    blocked = {n.lower() for n in dict(t.get("not_substances", ())).get("names", ())}
    # a drug's generic name that our substances file lists under another name is that
    # name: Intrarosa is prasterone, which the file calls DHEA
    ours = {_norm(form): canonical.lower()
            for canonical, aliases in dict(t.get("substances", ())).items()
            for form in (canonical, *aliases)}
    if dict(t.get("lexicon", ())).get("drug_names", True):
        for variant, generic in drug_names().items():
            if variant not in blocked and generic not in blocked:
                names[variant] = (renames.get(generic) or ours.get(generic, generic), SUBSTANCE)
    for form in dict(t.get("not_things", ())).get("names", ()):
        names[_norm(form)] = ("", NAMES_NOTHING)
    for group in dict(t.get("other_things", ())).values():
        for form in group:
            names[_norm(form)] = ("", OTHER)
    for canonical, aliases in dict(t.get("classes", ())).items():
        for form in (canonical, *aliases):
            names[_norm(form)] = (canonical.lower(), CLASS)
    for canonical, aliases in dict(t.get("substances", ())).items():
        for form in (canonical, *aliases):
            names[_norm(form)] = (canonical.lower(), SUBSTANCE)
    for word in extra:
        names.setdefault(_norm(word), (word.lower(), SUBSTANCE))
    for canonical, aliases in user:
        for form in (canonical, *aliases):
            names[_norm(form)] = (canonical.lower().strip(), SUBSTANCE)
    return Lexicon({k: v for k, v in names.items() if k})


def _norm(form: str) -> str:
    return " ".join(form.lower().replace("’", "'").split())


# "gamma-aminobutyric acid (or GABA)": the same name again as a gloss
# (a bare bracket, "ibuprofen (Advil)", is a brand named beside the drug, and counts)
_GLOSS_AGAIN = re.compile(r"\s*(?:[(\[]\s*(?:or|aka|a\.k\.a\.?|also\s+(?:called|known\s+as)|"
                          r"i\.e\.,?)|,\s*(?:aka|a\.k\.a\.?|also\s+(?:called|known\s+as)|"
                          r"i\.e\.,?))\s+", re.I)


def article_subjects(mentions: Sequence[Mention], title_end: int = 0, *,
                     kind: str = SUBSTANCE, text: str = "") -> list[str]:
    """Substances an article is about, most named first (a name in the title counts
    three times); a name seen once in passing outside the title is not one of them.
    With `text`, a name glossed by itself ("gamma-aminobutyric acid (or GABA)") counts once:
    spelling a name out does not make it what the article is about."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    last: Mention | None = None
    for m in mentions:
        if m.kind != kind:
            continue
        glossed = (text and last is not None and last.name == m.name
                   and _GLOSS_AGAIN.fullmatch(text, last.end, m.start))
        last = m
        if glossed:
            continue
        counts[m.name] += 3 if m.start < title_end else 1
        first.setdefault(m.name, m.start)
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return [n for n in ranked if counts[n] >= MIN_ARTICLE_MENTIONS]


class SubjectResolver:
    """Answers "which substance is this claim about?" for one article.

    `resolve` returns (subject, where it came from) — where is `clause`, `sentence`,
    `previous sentence`, `heading` or `article` — or None when the claim is about a food,
    a device, an activity or a class of drugs and so gives no row.
    """

    def __init__(self, text: str, mentions: list[Mention], sentences: Sequence,
                 title_end: int = 0, default: str = "") -> None:
        self.text = text
        # "cannabis-derived products", "the Marijuana Control Board": a name used as a
        # modifier or inside an institution's name is not what a clause is about.
        mentions = [m for i, m in enumerate(mentions) if not _MODIFIER.match(text, m.end)
                    # "the growing CBD retail industry": a trade named after the substance
                    and not (m.kind == SUBSTANCE and _TRADE.match(text, m.end))
                    and not _NICKNAME.search(text, max(0, m.start - 50), m.start)
                    # "the marijuana extract known as delta-8 THC": the name that follows
                    and not (i + 1 < len(mentions) and mentions[i + 1].kind == SUBSTANCE
                             and mentions[i + 1].name != m.name
                             and _KNOWN_AS.fullmatch(text, m.end, mentions[i + 1].start))]
        # "tianeptine sodium", "pseudoephedrine hydrochloride": the salt of the drug named
        # just before is that drug, not a mineral of its own
        mentions = [m for i, m in enumerate(mentions)
                    if not (m.kind == OTHER and i and mentions[i - 1].kind == SUBSTANCE
                            and _SALT.fullmatch(text, mentions[i - 1].end, m.end))]
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        ranked = article_subjects(mentions, title_end, text=text)
        self.article_subject = ranked[0] if ranked else default
        # An article about a class of drugs ("statins") makes the class a subject there.
        classes = article_subjects(mentions, 0, kind=CLASS)  # named twice, title or not
        top = Counter(m.name for m in mentions if m.kind == SUBSTANCE)
        self.article_classes = {c for c in classes[:1]
                                if sum(m.name == c for m in mentions) >= max(top.values(),
                                                                            default=0)}
        if self.article_classes and not ranked:
            self.article_subject = classes[0]
        self.article_subjects = ranked
        self._sentences = sentences
        self._sentence_starts = [s.start for s in sentences]

    # -- lookups -----------------------------------------------------------------
    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def bound_after(self, pos: int, *, window: int = 64,
                    connector: re.Pattern[str] | None = None) -> Mention | None:
        """The name a value is bound to by "of": "4 g of kratom", "250 ml of water"; form
        words ("of the dried powder") bind to nothing, so the claim is carried.
        `connector` replaces "of" ("a ban on gatherings")."""
        tail = self.text[pos:pos + window]
        m = (connector or _OF).match(tail)
        if not m:
            return None
        head = pos + m.end()
        names = self.within(head, head + 40)
        if names and names[0].start - head <= 24 and _FORM.match(
                self.text[head:names[0].start]):
            return names[0]
        called = _CALLED.match(self.text, head) if m.end() > 0 else None
        if called:  # "200 mg of a long-acting progestogen called norethisterone"
            named = self.within(called.end(), called.end() + 40)
            if named and named[0].start == called.end():
                return named[0]
        stand_in = _STAND_IN.match(self.text, head) if m.end() > 0 else None
        if stand_in:
            word = stand_in.group(1).lower()
            named = [n for n in self.within(max(0, pos - 300), pos)
                     if n.kind == SUBSTANCE and word in n.name.split()]
            if named and len({n.name for n in named}) == 1:
                return named[-1]
        return None

    def bound_before(self, pos: int) -> Mention | None:
        """The name a value glosses in brackets ("a glass of milk (250 ml)") or labels
        right after it ("with azithromycin 500 mg on day one", "Advil 200 mg")."""
        names = self.within(max(0, pos - 60), pos)
        if not names:
            return None
        between = self.text[names[-1].end:pos]
        if _GLOSS_OPEN.fullmatch(between) or _LABEL_GAP.fullmatch(between):
            return names[-1]
        return None

    def coordinated(self, name: str, start: int, end: int, *, and_only: bool = False
                    ) -> list[str]:
        """Substances joined to `name` by "and", "or" or commas inside [start, end):
        "hydroxychloroquine and chloroquine" makes one claim about each. `and_only`: joined
        by "and" alone, and not named as examples or yardsticks ("drugs like LSD and
        psilocybin", "opioids such as morphine, ketamine")."""
        inside = [m for m in self.within(start, end) if m.kind == SUBSTANCE]
        joint = _AND_JOINED if and_only else _COORDINATION
        if and_only and inside and _DISTRIBUTED.match(self.text, inside[-1].end, end):
            # "codeine, tramadol, fentanyl and morphine all pose a serious risk": the list
            # the predicate is said of, each member, examples or not
            joint, and_only = _COORDINATION, False
        out: list[str] = []
        for i, m in enumerate(inside):
            if m.name != name:
                continue
            lo = i
            while lo > 0 and joint.fullmatch(self.text[inside[lo - 1].end:inside[lo].start]):
                lo -= 1
            hi = i
            while hi + 1 < len(inside) and joint.fullmatch(
                    self.text[inside[hi].end:inside[hi + 1].start]):
                hi += 1
            if and_only and _COMPARATOR_MARK.search(
                    self.text[max(0, inside[lo].start - 40):inside[lo].start]):
                break
            if lo < i and _UNLIKE_BEFORE.search(
                    self.text[max(0, inside[lo].start - 50):inside[lo].start]):
                lo = i  # "unlike other opioids such as methadone and fentanyl, tramadol is"
            out = [x.name for x in inside[lo:hi + 1] if x.name != name]
            break
        out = list(dict.fromkeys(out))
        return out

    def resolve(self, sentence, pos: int, clause: tuple[int, int] | None = None, *,
                bound: Mention | None = None, left_only: bool = False,
                others_block: bool = False, first: bool = False,
                reference: re.Pattern[str] | None = None,
                sentence_left_only: bool = False,
                examples: bool = False, treated_too: bool = True) -> tuple[str, str] | None:
        """`first`: the clause's first name is its subject ("CBD with less than 0.3% THC
        is legal"), else the name nearest before the claim; `left_only`: names after the
        claim are what it is compared with ("addiction associated with opioids");
        `reference`: a claim whose clause names no substance is the heading's or the
        article's only when the clause refers to something ("it", "the herb"): without,
        "a Schedule IV substance must meet criteria" is about no substance;
        `treated_too=False`: a name the claim's thing weans people off ("to deal with
        opioid withdrawal") is no candidate."""
        if bound is not None:
            return (bound.name, "clause") if self._subject_kind(bound) else None
        c_start, c_end = clause or (sentence.start, sentence.end)
        head = self._relative_head(sentence.start, c_start, pos)
        if head is not None:
            # "Unlike psilocybin, which is a controlled substance, amanita is not": the
            # relative clause is about the name it hangs on, even across the comma
            return (head.name, "clause") if self._subject_kind(head) else None
        in_clause = [m for m in self.within(c_start, c_end)
                     if (m.kind != OTHER or others_block)
                     and (treated_too or not self._weaned(m))
                     # "put it on its own list of illegal drugs": the claim's own words name
                     # a class, which is not what the claim is about
                     and not (m.kind == CLASS and m.start <= pos < m.end
                              and _PLACED_IN.search(self.text, max(0, m.start - 30), m.start))]
        hit = self._nearest(in_clause, pos, left_only=left_only, first=first)
        if hit is not None and self._made_of(hit):
            # "Delta 8 THC: While legal ... if derived from hemp": the product the sentence
            # names, not the plant it is made from
            made = [m for m in self.within(sentence.start, sentence.end)
                    if m.kind == SUBSTANCE and m.name != hit.name and not self._made_of(m)]
            product = self._nearest(made, pos, left_only=left_only, first=first)
            if product is None and self.article_subject and _PRONOUN.search(
                    self.text[c_start:pos]):
                return self.article_subject, "article"
            hit = product or hit
        if hit is not None:
            return (hit.name, "clause") if self._subject_kind(hit) else None
        if examples:
            # "some, including Vioxx and Bextra, were taken off the market": with no other
            # name before the claim, the examples are what it is about
            named = [m for m in in_clause if m.end <= pos and m.kind == SUBSTANCE
                     and _EXAMPLE_WORD.search(self.text[max(0, m.start - 20):m.start])]
            if named:
                return named[0].name, "clause"
        in_sentence = [m for m in self.within(sentence.start, sentence.end)
                       if treated_too or not self._weaned(m)]
        substances = [m for m in in_sentence if m.kind == SUBSTANCE]
        if _PRONOUN.search(self.text[c_start:pos]):
            # "Because it is derived from hemp, it is legal": not the plant's status
            substances = [m for m in substances if not self._made_of(m)]
        sentence_left = sentence_left_only and bool(self.article_subject)
        if c_start > sentence.start and _SHARED_SUBJECT.match(self.text, c_start, c_end) and (
                _CONJUNCTION_END.search(self.text, max(sentence.start, c_start - 12), c_start)
                or _CONJUNCTION_START.match(self.text, c_start, c_end)):
            # "CBD forms part of cannabis but is not habit-forming": a predicate joined to
            # the one before shares its subject, not the object between them
            ahead = [m for m in substances if m.end <= c_start]
            if ahead:
                return ahead[0].name, "sentence"
        hit = self._nearest(substances, pos, left_only=sentence_left, first=first)
        if hit is not None:
            return hit.name, "sentence"
        anaphor = _ANAPHOR.match(sentence.text) or _ANAPHOR.match(self.text[c_start:c_end])
        examples_only = not sentence_left and self._sides(substances, pos)[2]
        if examples_only and not anaphor and not (
                reference is not None and reference.search(self.text[c_start:c_end])):
            return None  # "not classically addictive like cocaine and heroin": their class
        framing = [m for m in in_sentence if not self._yardstick(m) and not self._predicate(m)]
        if not _SELF.match(sentence.text) and (
                any(m.kind == CLASS for m in framing) or any(
                _EXAMPLE_MARK.search(self.text[max(0, m.start - 60):m.start])
                for m in framing)):
            # about a class of things ("substances such as caffeine"), unless the
            # sentence is about "the drug" it places in a class ("The drug is one of
            # three new anti-obesity drugs")
            return None
        if anaphor:
            before = self._previous_substance(sentence, lead=bool(
                _THE_ONE.match(anaphor.group(0)) or _IT.match(anaphor.group(0))))
            if before is None:
                return None
            if before:
                return before, "previous sentence"
        # "any product containing THC": a product of the article's substance, a reference
        contained = any(_CONTENT_MARK.search(self.text[max(0, m.start - 30):m.start])
                        for m in in_sentence)
        # "Higher strengths are available but typically require a prescription": a clause
        # with no subject of its own shares the one before it
        elided = _ELIDED_SUBJECT.match(self.text, c_start, c_end)
        if (reference is not None and not contained
                and not reference.search(self.text[c_start:c_end])
                and not (elided and reference.search(self.text[sentence.start:c_start]))):
            return None
        heading = self._heading_subject(sentence)
        if heading:
            return heading, "heading"
        if self.article_subject:
            return self.article_subject, "article"
        return None

    def _made_of(self, m: Mention) -> bool:
        """Whether `m` is named as what a product is made from ("derived from hemp")."""
        return bool(_SOURCE_MARK.search(self.text[max(0, m.start - 60):m.start]))

    def _relative_head(self, start: int, c_start: int, pos: int) -> Mention | None:
        """The name before the clause that a relative clause holding `pos` hangs on."""
        before = [m for m in self.within(start, pos) if m.end <= pos]
        if not before or before[-1].end > c_start:
            return None  # a name inside the clause is nearer: the clause's own
        m = before[-1]
        # "amineptine (formerly Survector°), which was withdrawn": an aside between
        aside = _ASIDE_AFTER.match(self.text, m.end)
        end = aside.end() if aside else m.end
        if not self._hangs_on(m, pos, end) or re.search(r"[;:()]", self.text[end:pos]):
            return None
        return m

    def _hangs_on(self, m: Mention, pos: int, end: int | None = None) -> bool:
        """Whether a relative clause right after `m` (or after `end`, past an aside: "X
        (formerly Y), which is") reaches `pos`, or an apposition ends at it ("X, the
        addictive chemical")."""
        end = m.end if end is None else end
        return (bool(_RELATIVE.match(self.text, end)) and pos - end < 60
                or bool(_APPOSITION.fullmatch(self.text, end, pos)))

    def _yardstick(self, m: Mention) -> bool:
        """"lower abuse potential than stimulants like amphetamines": a class (or its
        example) the claim is measured against, not a class the claim is about."""
        before = self.text[max(0, m.start - 80):m.start]
        return bool(_YARDSTICK_MARK.search(before[-40:]) and m.kind == CLASS
                    or _YARDSTICK_CLASS.search(before))

    def _predicate(self, m: Mention) -> bool:
        """"Tramadol is a synthetic opioid that can cause dependence": the class the
        substance is placed in, not what the claim is about."""
        return m.kind == CLASS and bool(
            _PREDICATE_CLASS.search(self.text, max(0, m.start - 40), m.start))

    def _subject_kind(self, m: Mention) -> bool:
        return m.kind == SUBSTANCE or (m.kind == CLASS and m.name in self.article_classes)

    def _nearest(self, mentions: list[Mention], pos: int, *, left_only: bool,
                 first: bool = False) -> Mention | None:
        # "prescription medications that are approved": the name a relative clause hangs on
        for m in reversed([m for m in mentions if m.end <= pos]):
            if self._hangs_on(m, pos):
                return m
        left, right, _ = self._sides(mentions, pos, right_too=not left_only)
        if left:
            return left[0] if first else left[-1]
        return right[0] if right else None

    def _sides(self, mentions: list[Mention], pos: int, *, right_too: bool = True
               ) -> tuple[list[Mention], list[Mention], bool]:
        """(names before the claim, names after it, whether the names after it are all
        examples or yardsticks) — leaving out contents, the plants a named product is made
        from, and what the claim is compared with."""
        mentions = [m for m in mentions
                    if not _CONTENT_MARK.search(self.text[max(0, m.start - 30):m.start])]
        # "The hemp plant, from which Delta 8 is derived, was legalized": the product named
        # in a relative clause on its source is not what the sentence says of the source
        derived = [m for m in mentions
                   if _FROM_WHICH.search(self.text, max(0, m.start - 20), m.start)]
        if derived and len(derived) < len(mentions):
            mentions = [m for m in mentions if m not in derived]
        made_of = [m for m in mentions
                   if _SOURCE_MARK.search(self.text[max(0, m.start - 40):m.start])]
        if made_of and len(made_of) < len([m for m in mentions if m.end <= pos]):
            mentions = [m for m in mentions if m not in made_of]
        left = []
        compared: Mention | None = None  # the last comparator: "like opioids and benzos"
        for m in mentions:
            if m.end > pos:
                break
            before = self.text[max(0, m.start - 40):m.start]
            if self._predicate(m):
                continue
            if _COMPARATOR_MARK.search(before):
                compared = m if _COMPARISON.search(before) else None
            elif compared is not None and _JOINED.fullmatch(self.text, compared.end, m.start):
                compared = m
            else:
                left.append(m)
        if left or not right_too:
            return left, [], False
        # "dependence can occur even with non-addictive substances, such as caffeine":
        # an example or yardstick after the claim is not what it is about either
        right = []
        marked: Mention | None = None  # "such as delta-10 and HHC": both examples
        for m in mentions:
            if m.start < pos or self._predicate(m):
                continue
            if _YARDSTICK_MARK.search(self.text[max(0, m.start - 40):m.start]) or (
                    marked is not None and _JOINED.fullmatch(self.text, marked.end, m.start)):
                marked = m
            else:
                right.append(m)
        return left, right, not right and marked is not None

    @property
    def title(self) -> str:
        """The article's first sentence (its headline, where it has one)."""
        return self._sentences[0].text if self._sentences else ""

    def sentences_before(self, sentence, count: int = 2, *, same_section: bool = True):
        """Up to `count` sentences before `sentence`, nearest first; with `same_section`,
        none from another part of the article."""
        i = bisect_right(self._sentence_starts, sentence.start) - 1
        for j in range(i - 1, max(-1, i - 1 - count), -1):
            prev = self._sentences[j]
            if same_section and prev.section != sentence.section:
                return
            yield prev

    def _previous_substance(self, sentence, *, lead: bool = False) -> str | None:
        """The substance named last in the sentences before (same section); None when
        that is a class of drugs, "" when none is named. `lead`: "the drug" goes on about
        the name a sentence opens with ("Tramadol has become a controlled drug along with
        zopiclone. The painkiller ...", "It ..."), "they" about the last one."""
        for prev in self.sentences_before(sentence):
            # "Zepbound also mimics a gut hormone (GIP). The medication ...": not what it mimics
            names = [m for m in self.within(prev.start, prev.end)
                     if m.kind != OTHER and not self._weaned(m) and not _MIMICKED.search(
                         self.text, max(prev.start, m.start - 40), m.start)]
            if names and lead:
                # "CBD is a Schedule I drug, the same category as heroin and cocaine. It is
                # considered illegal": "it" is not what the sentence compared it with
                marked = [i for i, m in enumerate(names) if _COMPARATOR_MARK.search(
                    self.text, max(prev.start, m.start - 40), m.start)]
                names = names[:marked[0]] if marked and marked[0] > 0 else names
            if names:  # "... unlike benzodiazepines. They are addictive." is about them
                last = names[-1]
                if lead and _LEAD_NAME.fullmatch(self.text, prev.start, names[0].start):
                    last = names[0]
                return last.name if self._subject_kind(last) else None
        return ""

    def _weaned(self, m: Mention) -> bool:
        return bool(_WEANED_BEFORE.search(self.text[max(0, m.start - 60):m.start])
                    or _WEANED_AFTER.match(self.text, m.end))

    def _heading_subject(self, sentence) -> str:
        if not sentence.section:
            return ""
        i = bisect_right(self._sentence_starts, sentence.start) - 1
        for j in range(i, -1, -1):
            s = self._sentences[j]
            if s.is_heading:
                names = [m for m in self.within(s.start, s.end) if m.kind == SUBSTANCE]
                return names[0].name if names else ""
        return ""


_EXAMPLE_WORD = re.compile(r"(?:\bincluding|\bsuch\s+as|\bnotably|\bespecially)\s+$", re.I)
# "like opioids and benzodiazepines": joined by a word (a bare comma may end the phrase:
# "Unlike opioids, kratom is ...")
_JOINED = re.compile(r",?\s+(?:and|or|&)\s+", re.I)
# ... a comparison, not an example ("drugs like oxycodone and hydrocodone" are examples)
_COMPARISON = re.compile(r"(?:\bunlike|\bthan|\bcompared\s+(?:to|with)|\bversus|\bvs\.?|"
                         rf"{_AS_YARDSTICK}|"
                         r"\bsimilar\s+to|,\s*like|\bas\s+with|\bmimic(?:s|ked|king)?|"
                         r"\bresembl(?:e|es|ed|ing)|\bimitat(?:e|es|ed|ing))\s+(?:the\s+|other\s+)?$",
                         re.I)
_MIMICKED = re.compile(r"\b(?:mimic(?:s|ked|king)?|resembl(?:e|es|ed|ing)|imitat(?:e|es|ed|ing))"
                       r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# "raloxifene and another drug, tamoxifen": the second name glossed as another one
_ANOTHER = (r"(?:(?:another|a\s+second|a\s+similar|a\s+related|an\s+older|a\s+newer)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:drug|medicine|medication|product|vaccine|supplement|"
            r"treatment|herb|pill)s?\s*,\s*)?")
# "... and morphine all pose", "... and heroin are both": said of each member of the list
_DISTRIBUTED = re.compile(r"\s*,?\s*(?:(?:all|both|each)\b|(?:are|were|can\s+be|carry)\s+"
                          r"(?:all|both)\b)", re.I)
_AND_JOINED = re.compile(rf",?\s+(?:and|&)\s+{_ANOTHER}", re.I)
_COORDINATION = re.compile(rf"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+){_ANOTHER}|"
                           r"\s*,?\s+(?:along\s+with|as\s+well\s+as|together\s+with)\s+"
                           r"(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}?|"
                           # "all forms of cannabis, including CBD, are illegal": both
                           r"\s*,\s*(?:including|especially|notably)\s+", re.I)
_RELATIVE = re.compile(r"\s*,?\s*(?:that|which|who)\s+(?:are|is|were|was|have|has|had|"
                       r"remains?|remained|comes?|came|falls?|fell|belongs?|sits?|counts?)\b",
                       re.I)
# "nicotine, the addicting chemical found in tobacco": an apposition describing the name
_APPOSITION = re.compile(r"\s*,\s*(?:the|an?)\s+(?:[\w-]+\s+){0,2}", re.I)
# "tianeptine, also known as “gas station heroin”": a nickname of the name before it, no
# substance of its own
_NICKNAME = re.compile(
    r"(?:\balso\s+(?:known|referred\s+to|sold)\s+as|\ba\.?k\.?a\.?|\bnicknamed|\bdubbed|"
    r"\bstreet\s+names?(?:\s+(?:like|such\s+as|include|including))?|"
    r"\b(?:known|referred\s+to|called)\s+(?:as\s+)?(?=[\"“‘']))"
    r"\s*,?\s*[\"“‘']?(?:[\w-]+\s+){0,3}$", re.I)
_TRADE = re.compile(r"\s+(?:retail\s+)?(?:industry|sector|trade|lobby|businesses|"
                    r"retailers|sellers|vendors|shops|stores|companies)\b", re.I)
# "put it on its own list of illegal drugs", "is an illegal drug": the class it is put in
_PLACED_IN = re.compile(r"(?:\b(?:list|schedule|register|category)\s+of\s+|"
                        r"\b(?:is|are|was|were|be|being|as)\s+(?:an?\s+)?)$", re.I)
_ASIDE_AFTER = re.compile(r"\s*\([^()]{1,60}\)")
_KNOWN_AS = re.compile(r"(?:\s+[\w-]+){0,3}?,?\s+(?:(?:also\s+|commonly\s+|better\s+)?known\s+as|"
                       r"called|named|dubbed)\s+[\"“‘']?", re.I)
_SALT = re.compile(r"\s+(?:sodium|potassium|calcium|magnesium|hydrochloride|HCl|sulfate|"
                   r"sulphate|citrate|phosphate|maleate|tartrate|succinate|mesylate|besylate|"
                   r"acetate|bromide|chloride|fumarate)", re.I)
_MODIFIER = re.compile(
    r"-(?:derived|infused|like|free|related|type|rich|laced|induced|friendly|"
    r"legal)\b|"
    r"\s+(?:receptors?|system|systems|antagonists?|agonists?|rivals?|alternatives?|cousins?|"
    r"relatives?|analog(?:ue)?s?|derivatives?|"
    r"substitutes?|competitors?|counterparts?|content|contents|concentrations?|"
    r"potency|secretion|resistance|sensitivity)\b|\s+and\s+Drugs?\s+(?:Administration|Act)\b|"
    r"\s+(?-i:(?:[A-Z][a-z]+\s+){0,2}(?:Control|Enforcement|Board|Commission|Division|Agency|"
    r"Council|Association|Society|Institute|Industry|Coalition|Foundation|Program|Project|"
    r"Office|Bureau|Authority|Act))\b", re.I)
_GLOSS_OPEN = re.compile(r"\s*\(\s*(?:about|approx\.?|approximately|around|roughly|~)?\s*$", re.I)
# Only a space or a colon between a name and its amount: "azithromycin 500 mg".
_LABEL_GAP = re.compile(r"[ \t]*:?[ \t]+")
_OF = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?:of|per\s+day\s+of|a\s+day\s+of|daily\s+of|"
                 r"(?:daily\s+|single\s+|oral\s+|once-daily\s+)?(?:doses?|dosage|tablets?|"
                 r"capsules?|pills?|servings?|injections?)\s+of)\s+)?", re.I)
# "of a long-acting androgen called testosterone": the name the kind word is given
_CALLED = re.compile(r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){1,4}?(?:called|named|known\s+as)\s+"
                     r"[\"“']?", re.I)
# "400 IU of the vitamin": the named thing whose name holds the stand-in word
_STAND_IN = re.compile(r"(?:the|this|that)\s+(vitamin|mineral|herb|extract|oil|acid)\b", re.I)
# Words between "of" and a name that keep the value bound to it ("of dried kratom").
_FORM = re.compile(r"^(?:(?:the|a|an|this|that|pure|dried|raw|powdered|ground|crushed|whole|"
                   r"fresh|standardi[sz]ed|high-quality|quality|organic|premium|oral|liquid|"
                   r"concentrated|full-spectrum|broad-spectrum|isolate|supplemental|"
                   r"elemental|total|your|their|his|her|liquid|softgels?|gel|capsules?|tablets?|"
                   r"gummy|gummies|chewable|sublingual|subcutaneous|intravenous|"
                   r"intramuscular|intranasal|nasal|inhaled|injectable|topical|open-label|"
                   r"(?:extended|immediate|delayed|sustained)-release)\s+)*$", re.I)
