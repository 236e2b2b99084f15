"""Scale topics (addiction risk): an ordered stance read from cues around a risk term.

A claim is a term ("addiction", "dependence", "habit-forming") plus the words of its
clause before it: negation ("without", "non-") gives `none`, comparison ("lower risk")
`low`, strong wording ("highly addictive") `high`, modal or risk wording ("can lead
to") `possible`. One row per sentence and level, so an article that says both shows
both. Terms naming a condition ("opioid addiction", "addiction specialist") and claims
whose nearest subject is a comparator ("opioids, which carry a risk of addiction") are
not claims about the subject.
"""

from __future__ import annotations

import re

from ..topics import Topic
from .common import (
    ArticleContext,
    Assertion,
    Sentence,
    any_match,
    clause_bounds,
    first_match,
    is_question,
    reference_pattern,
)
from .subjects import KIND_NOUNS, SUBSTANCE

# Terms looked at per sentence: real sentences have one or two; this bounds the work.
MAX_TERMS_PER_SENTENCE = 8
# "regular use can lead to dependence" refers to the subject; "tolerance drives
# addiction" to none.
# ... and the people and trials of a study of it ("no dependence was seen in participants")
# ... and what was seen of it, or the risk said to be there ("neither tolerance nor
# dependence was observed", "there is a limited risk of dependence", "when stopped")
_REFERENCE = reference_pattern(r"users?|use|used|using|consum\w*|taking|intake|doses?|dosing|"
                               # "misuse can lead to addiction": the misuse of it
                               r"(?:misuse|abuse)\s+(?:can|may|could|might|will|often|leads?|"
                               r"causes?|results?)|"
                               r"drinkers?|drinking|smokers?|participants|volunteers|"
                               r"the\s+(?:trial|study)|observed|evident|(?:was|were)\s+(?:found|seen|"
                               r"noted)|there\s+(?:is|are|was|were|appears\s+to\s+be|seems\s+to\s+be)"
                               r"\s+(?:a\s+|an\s+|some\s+|no\s+|little\s+|limited\s+|low\s+|minimal\s+|"
                               r"high\s+|real\s+)?(?:[\w-]+\s+)?(?:risk|potential|chance|danger|"
                               r"possibility)|when\s+stopped|stopping|discontinu\w*|quitting")
# Between two terms of one phrase: "misuse and abuse", "addiction, dependence or abuse".
# What follows the term is read up to the next clause: "it is not addictive, and abuse is
# rare" says none, then low.
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|though|although|yet)\b")
# ", and" joins clauses ("it is not addictive, and abuse is rare"): two claims.
# ... a term joined to one that names something treated, within one phrase (", and" may
# start a clause of its own: "treats opioid addiction, and dependence on it is common")
# Between a denied term and a later one joined to it by "or"/"nor": no new verb, modal or
# contrast, so the denial still governs ("no signs of dependence or of withdrawal").
_UNDER_DENIAL = re.compile(
    r"(?:(?!\b(?:but|however|although|though|yet|can|could|may|might|will|would|is|are|was|"
    r"were|does|do|did|causes?|caused|leads?|led|has|have|had)\b)[^.;:!?])"
    r"{0,80}?\b(?:or|nor)\s+(?:[\w-]+\s+){0,4}", re.I)
# "highly addictive stimulants like amphetamines": the claim is about the example named
_KIND_THEN_EXAMPLE = re.compile(
    r"\s+(?:(?!(?:than|as|with|to|from|unlike|versus)\b)[\w-]+\s+)?"
    rf"{KIND_NOUNS}\s+(?:such\s+as|like|including)\s+", re.I)
# ... and "reduces problems related to addiction, such as withdrawal symptoms": its examples
_TREATED_TOO = re.compile(r"\s+(?:and|or|and/or|&)\s+|\s*,\s*(?!and\b|or\b)|"
                          r"\s*,?\s+(?:such\s+as|like|including|e\.g\.,?)\s+")
_COORDINATED = re.compile(r"(?:\s*,\s*|\s+(?:and|or|and/or|&)\s+)(?:even\s+|also\s+)?")
# A term glossed by another in brackets just after it: "physical dependence (addiction)"
_GLOSSED = re.compile(r"\s*\(\s*(?:i\.e\.,?\s*|or\s+|aka\s+)?")


def _term_pattern(topic: Topic) -> re.Pattern[str]:
    return topic.cached("terms", _build_terms)


def _build_terms(topic: Topic) -> re.Pattern[str]:
    terms = sorted(topic.get("terms", []), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.I)


def _risk_of_substance(topic: Topic, ctx: ArticleContext, sentence: Sentence, left: str,
                       end: int) -> bool:
    """"The risk of addiction to kratom" claims a risk; "the risk of addiction to
    opioids" (a class) or "addiction to cocaine" without a risk word names a condition."""
    claim_left, claim_right = (topic.regex("condition_claim_left"),
                               topic.regex("condition_claim_right"))
    after = ctx.resolver.within(sentence.start + end, sentence.start + end + 30)
    if not after or after[0].kind != SUBSTANCE or (
            after[0].name != ctx.resolver.article_subject and after[0].name not in ctx.subjects):
        return False
    if claim_left is not None and claim_left.search(left[-40:]):
        return True
    # "addiction to kratom is rare": the condition is what the clause speaks of
    rest = ctx.resolver.text[after[0].end:after[0].end + 60]
    return claim_right is not None and bool(claim_right.match(rest))


_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|am|can|may|might|could|will|would|"
                   r"should|must|has|have|had|do|does|did|\w+(?:ed|es))\b", re.I)


def _fragment_line(text: str) -> bool:
    """A short line with no verb: a list item about the page's subject, not a remark."""
    return len(text.split()) <= 6 and not _VERB.search(text) and not text.rstrip().endswith("?")


def _object_named(ctx: ArticleContext, sentence: Sentence, end: int) -> bool:
    """"People abuse kratom": a substance named right after the verb is its object."""
    gap = len(sentence.text[end:]) - len(sentence.text[end:].lstrip(" "))
    if not 0 < gap <= 2:
        return False
    after = ctx.resolver.within(sentence.start + end, sentence.start + end + 40)
    return (bool(after) and after[0].kind == SUBSTANCE
            and after[0].start == sentence.start + end + gap)


def _capped(topic: Topic, term: str, level: str | None) -> str | None:
    """"Caffeine withdrawal is tough" says withdrawal happens, not that caffeine is
    highly addictive: `ceiling_terms` claim at most the `ceiling` level."""
    ceiling, terms = topic.get("ceiling"), topic.regex("ceiling_terms")
    levels = list(topic.get("levels", []))
    if (level is None or ceiling not in levels or level not in levels or terms is None
            or not terms.match(term)):
        return level
    return level if levels.index(level) <= levels.index(ceiling) else ceiling


def level_of(topic: Topic, left: str, right: str) -> str | None:
    """The scale level that the clause context gives the term, or None for no claim."""
    wide, left = left[-160:], left[-80:]
    right = _NEXT_CLAUSE.split(right[:60], maxsplit=1)[0]
    for n, rule in enumerate(topic.get("rules", [])):
        # a rule marked `wide` reads further back: "does not provide strong evidence to
        # suggest that discontinuing ashwagandha leads to withdrawal"
        hit = first_match(topic.compile(rule.get("left", []), f"rules.{n}.left"),
                          wide if rule.get("wide") else left)
        if hit is None and not any_match(topic.compile(rule.get("right", []),
                                                       f"rules.{n}.right"), right):
            continue
        if hit is not None and any_match(topic.compile(rule.get("softeners", []),
                                                       f"rules.{n}.softeners"), hit.group(0)):
            return rule.get("soften_to", rule["level"])
        return rule["level"]
    return None


# "the addictive potential of modafinil": the term's owner named right after it
_TERM_OF = re.compile(r"\s+(?:potential|liability|properties|nature|risk)\s+of\s+(?:the\s+)?",
                      re.I)
# "Withdrawal symptoms may occur if you suddenly stop taking Spravato": what is stopped
_STOPPED = re.compile(r"[^.;:]{0,40}?\b(?:if|when|after|once|upon)\s+(?:you|they|people|patients|"
                      r"users|someone|one|a\s+person)?\s*(?:suddenly\s+|abruptly\s+|quickly\s+|"
                      r"rapidly\s+)?(?:stop|stops|stopped|stopping|quit|quits|discontinu\w*)\s+"
                      r"(?:taking\s+|using\s+)?(?:the\s+)?", re.I)


def _introduced_by(text: str, c_start: int, end: int) -> str:
    """The clause that a colon ends, with the list it introduces up to the term.

    "Addiction has three defining features: compulsive use, ... and withdrawal" is a
    definition all through; the list after the colon is read with the words before it.
    Empty when the term's clause does not follow a colon.
    """
    head = text[:c_start].rstrip()
    if not head.endswith(":"):
        return ""
    p_start, _ = clause_bounds(text, len(head) - 1)
    return text[p_start:end][-240:]


def extract_scale(topic: Topic, sentence: Sentence, ctx: ArticleContext) -> list[Assertion]:
    text = sentence.text
    if sentence.is_heading or is_question(text):
        return []
    rows: list[Assertion] = []
    seen: set[tuple[str, str]] = set()  # (subject, level): one row each per sentence
    not_after, not_before = topic.regex("not_after"), topic.regex("not_before")
    not_terms = topic.regex("not_terms")
    condition_after = topic.regex("condition_after")
    condition_nouns = {n.lower() for n in topic.get("condition_nouns", ())}
    act_verbs = {n.lower() for n in topic.get("act_verbs", ())}
    lowered, lowered_before = topic.regex("lowered_after"), topic.regex("lowered_before")
    levels = len(topic.get("levels", [])) or 4
    read_to = -1  # end of the last term that was given a level
    skipped_to = -1  # end of the last term named as something treated or another's
    none_to = -1  # end of the last term denied: a term it joins with "or" is denied too
    unclaimed_to = -1  # end of the last term that is no claim: one joined to it is none
    term_to = -1  # end of the last term met, whatever became of it
    for n, m in enumerate(_term_pattern(topic).finditer(text)):
        if n >= MAX_TERMS_PER_SENTENCE or len(seen) >= levels:
            break
        glossed = term_to >= 0 and _GLOSSED.fullmatch(text, term_to, m.start())
        term_to = m.end()
        if glossed:
            continue  # the bracketed word names the term before it again: no claim of its own
        if read_to >= 0 and _COORDINATED.fullmatch(text, read_to, m.start()):
            read_to = m.end()  # "a high chance of misuse and abuse": one claim, read at
            continue  # its first term
        if not_after is not None and not_after.search(text[m.end():m.end() + 40]):
            continue
        if not_before is not None and (
                not_before.search(text[max(0, m.start() - 50):m.start()])
                or (skipped_to >= 0 and _TREATED_TOO.fullmatch(text, skipped_to, m.start()))):
            # "reduces cocaine dependence and withdrawal": the second term is treated too
            skipped_to = m.end()
            continue
        if not_terms is not None and not_terms.search(text[max(0, m.start() - 30):m.end()]):
            continue
        c_start, c_end = clause_bounds(text, m.start())
        left = text[c_start:m.start()]
        right = text[m.end():c_end]
        not_claim = topic.regex("not_claims")
        if not_claim is not None and (
                not_claim.search(left[-160:])
                or not_claim.search(_introduced_by(text, c_start, m.start()))
                or (unclaimed_to >= 0 and _COORDINATED.fullmatch(text, unclaimed_to, m.start()))):
            unclaimed_to = m.end()  # "due to their potential for abuse and dependence"
            continue
        if (m.group(0).lower() in condition_nouns
                and ((condition_after is not None and condition_after.search(right))
                     or (m.group(0).lower() in act_verbs
                         and _object_named(ctx, sentence, m.end())))
                and not _risk_of_substance(topic, ctx, sentence, left, m.end())):
            continue  # "addiction to cocaine", "people abuse kratom": no risk claimed
        level = _capped(topic, m.group(0), level_of(topic, left, right))
        if level == "possible" and (
                (lowered is not None
                 and lowered.match(text, m.end(), min(len(text), m.end() + 120)))
                or (lowered_before is not None
                    and lowered_before.search(text, max(0, m.start() - 60), m.start()))):
            level = "low"  # "a risk of dependence, albeit lower than other stimulants"
        if none_to >= 0 and _UNDER_DENIAL.fullmatch(text, none_to, m.start()):
            level = "none"  # "no evidence of dependence after long use or reports of withdrawal"
        if level is None:
            continue
        none_to = m.end() if level == "none" else -1
        read_to = m.end()
        example = _KIND_THEN_EXAMPLE.match(text, m.end())
        owner = _TERM_OF.match(text, m.end()) or _STOPPED.match(text, m.end())
        named = ctx.resolver.within(sentence.start + owner.end(),
                                    sentence.start + owner.end() + 60) if owner else []
        if named and named[0].kind == SUBSTANCE and named[0].start == sentence.start + owner.end():
            # "the addictive potential of modafinil is rather low", whatever is named before
            about = (named[0].name, "clause")
        elif example:
            named = ctx.resolver.within(sentence.start + example.end(),
                                        sentence.start + example.end() + 60)
            about = (named[0].name, "clause") if named and named[0].kind == SUBSTANCE and (
                named[0].start == sentence.start + example.end()) else None
        else:
            # a short line with no verb ("High potential for abuse") is a note on the
            # page's subject, as a list item under it
            about = ctx.subject(sentence, m.start(), (c_start, c_end), left_only=True,
                                reference=None if _fragment_line(text) else _REFERENCE)
        if about is None:
            continue
        # "Nicotine and caffeine are two of the most addictive chemicals": one claim each
        also = ctx.resolver.coordinated(about[0], sentence.start + c_start,
                                        sentence.start + m.start(), and_only=True
                                        ) if about[1] == "clause" else []
        clause = text[c_start:c_end]
        hedges = topic.regex("hedges.patterns")
        for who in [about] + [(name, about[1]) for name in also]:
            if (who[0], level) in seen:
                continue
            seen.add((who[0], level))
            rows.append(Assertion.of(
                sentence, topic.key, "scale", level, level=level, about=who,
                hedged=bool(hedges.search(clause)) if hedges is not None else False,
                negated=level == "none", detail=clause.strip()[:200]))
    return rows
