"""A deterministic batch of synthetic articles with known dose ground truth.

Sentences come from varied templates with varied numbers, units, stances, jurisdictions
and author bios (some bios copied under other names), plus number traps (years,
percentages, prices, ages, study sizes), so every extractor and comparator has work.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

SUBSTANCES = ["kratom", "CBD", "melatonin", "ashwagandha", "kava", "valerian", "magnesium",
              "5-HTP", "rhodiola", "St. John's wort"]
UNITS = [("g", "grams", 1.0), ("mg", "mg", 1.0), ("mg", "milligrams", 1.0),
         ("mcg", "mcg", 0.001)]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten",
                12: "twelve"}
PURPOSES = ["mild pain", "sleep", "anxiety", "beginners", "severe pain", "daily use",
            "relaxation", "focus"]
STATES = ["Alabama", "Indiana", "Texas", "Ohio", "Idaho", "Vermont", "Florida", "Oregon"]
COUNTRIES = ["Thailand", "Australia", "Canada", "Germany", "the United Kingdom", "Japan"]
FIRST = ["Emily", "James", "Maria", "Ken", "Aisha", "Tom", "Lena", "Raj", "Sofia", "Ben"]
LAST = ["Parker", "Johnson", "Lopez", "Ito", "Khan", "Fox", "Novak", "Patel", "Rossi", "Gray"]
FILLER = [
    "Many readers ask how {s} fits into a wider routine.",
    "A {year} survey of {n} adults found that {pct} percent had tried it.",
    "Prices range from {p1} to {p2} dollars per bottle.",
    "The patient was a {age}-year-old who had tried several treatments.",
    "Researchers followed the group for {weeks} weeks.",
    "It has been used in traditional medicine for centuries.",
    "Quality varies between brands, so read labels carefully.",
    "Always talk to a healthcare professional before changing your routine.",
    "Supporters describe {s} as a gentle, plant-based option, while critics point to the "
    "limited number of controlled trials and the variable quality of products on the market.",
    "Some people combine {s} with diet changes, exercise and better sleep habits, and report "
    "that the overall routine matters more than any single product.",
    "Because supplements are not held to the same standards as medicines, two bottles with "
    "the same label can contain very different amounts of the active compounds.",
    "Readers who have questions about {s} should bring the product label to their next "
    "appointment so that a pharmacist can check it against their other medicines.",
]


@dataclass
class Truth:
    doses: list[tuple[float | None, float | None, str]] = field(default_factory=list)


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _dose_sentence(rng: random.Random, truth: Truth, subject: str) -> str:
    unit, word, factor = rng.choice(UNITS)
    base = rng.choice([1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 150, 300])
    low, high = base, base * rng.choice([2, 3, 4])
    purpose = rng.choice(PURPOSES)
    form = rng.randrange(8)
    lo_t, hi_t = low * factor, high * factor
    if form == 0:
        s, t = f"Most people take {low}-{high} {word} of {subject} for {purpose}.", (lo_t, hi_t)
    elif form == 1:
        s, t = f"A typical dose is between {low} and {high} {word} per day.", (lo_t, hi_t)
    elif form == 2:
        s, t = f"Experts suggest {low} to {high} {word} for {purpose}.", (lo_t, hi_t)
    elif form == 3:
        s, t = f"Beginners should start with {low} {word} and increase slowly.", (lo_t, lo_t)
    elif form == 4:
        s, t = f"Do not take more than {high} {word} per day.", (None, hi_t)
    elif form == 5:
        s, t = f"Some users take upwards of {high} {word} for {purpose}.", (hi_t, None)
    elif form == 6 and low in NUMBER_WORDS and high in NUMBER_WORDS:
        s, t = (f"Herbalists recommend {NUMBER_WORDS[low]} to {NUMBER_WORDS[high]} {word} "
                "daily.", (lo_t, hi_t))
    else:
        s, t = f"The recommended dose is {low}–{high} {word} daily for {purpose}.", (lo_t, hi_t)
    canon = "mg" if unit == "mcg" else unit
    truth.doses.append((t[0], t[1], canon))
    return s


def _risk_sentence(rng: random.Random, subject: str) -> str:
    return rng.choice([
        f"{subject} is not addictive, according to the brand.",
        f"{subject} offers relief without the risk of addiction.",
        f"{subject} has a lower risk of dependence than opioids.",
        f"Regular use of {subject} may lead to dependence in some users.",
        f"{subject} can lead to addiction with daily use.",
        f"{subject} is highly addictive, some clinicians warn.",
        f"There is a potential for abuse and dependence with {subject}.",
    ])


def _legal_sentence(rng: random.Random, subject: str) -> str:
    state, country = rng.choice(STATES), rng.choice(COUNTRIES)
    return rng.choice([
        f"{subject} is legal in all 50 states.",
        f"{subject} is banned in {state}.",
        f"{subject} is illegal in {country}.",
        f"{subject} is federally legal in the United States.",
        f"The legal status of {subject} varies by region.",
        f"{subject} is a controlled substance in {country}.",
        f"The FDA has not approved {subject} for any medical use.",
        f"In {state}, {subject} is banned, although many states allow its sale.",
    ])


def _side_effects(rng: random.Random, subject: str) -> str:
    items = rng.sample(["nausea", "dizziness", "headache", "dry mouth", "constipation",
                        "drowsiness", "liver damage", "seizures", "insomnia"], 4)
    if rng.random() < 0.2:
        return _cap(f"{subject} has fewer side effects than prescription drugs.")
    return f"Common side effects include {', '.join(items[:-1])} and {items[-1]}."


def _bio(rng: random.Random, template: int) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    years = rng.choice([8, 10, 12, 15, 20])
    field_ = rng.choice(["Nutrition", "Pharmacology", "Integrative Medicine", "Public Health"])
    if template == 0:
        return (f"Dr. {name} is a renowned healthcare professional with over {years} years of "
                f"experience. She holds a Master's degree in {field_} and is board-certified in "
                f"Anesthesiology. Dr. {name.split()[1]} is active on LinkedIn.")
    if template == 1:
        return (f"{name}, PhD, is a researcher at the University of {rng.choice(STATES)} with "
                f"{years} years of experience in herbal medicine.")
    return (f"{name} is a health writer with {years} years of experience. He holds a "
            f"Bachelor's degree in Journalism.")


def article(i: int, rng: random.Random) -> tuple[str, str, Truth]:
    """(id, text, truth) for article `i`."""
    truth = Truth()
    subject = rng.choice(SUBSTANCES)
    title = f"{subject.capitalize()} guide #{i}: dosage, safety and the law"
    paragraphs = [title, ""]
    for _ in range(rng.randint(8, 12)):
        sentences = [rng.choice(FILLER).format(s=subject, year=rng.randint(1995, 2024),
                                               n=rng.randint(20, 3000), pct=rng.randint(2, 90),
                                               p1=rng.randint(5, 30), p2=rng.randint(31, 90),
                                               age=rng.randint(18, 80), weeks=rng.randint(2, 52))
                     for _ in range(rng.randint(3, 6))]
        kind = rng.randrange(4)
        if kind == 0:
            sentences.insert(1, _dose_sentence(rng, truth, subject))
        elif kind == 1:
            sentences.insert(1, _cap(_risk_sentence(rng, subject)))
        elif kind == 2:
            sentences.insert(1, _cap(_legal_sentence(rng, subject)))
        else:
            sentences.insert(1, _side_effects(rng, subject))
        paragraphs.append(" ".join(sentences))
        paragraphs.append("")
    if rng.random() < 0.5:
        paragraphs += ["About the Author", _bio(rng, rng.randrange(3))]
    text = "\n".join(paragraphs).strip() + "\n"
    return f"synthetic_{i:06d}", text, truth


def generate_batch(n: int, seed: int = 1) -> list[tuple[str, str, Truth]]:
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]


def write_batch(n: int, folder: Path, *, seed: int = 1, as_jsonl: bool = False
                ) -> dict[str, Truth]:
    """Write `n` articles as .txt files (or one JSONL); return the truth per id."""
    folder.mkdir(parents=True, exist_ok=True)
    batch = generate_batch(n, seed)
    if as_jsonl:
        with (folder / "batch.jsonl").open("w", encoding="utf-8") as fh:
            for ident, text, _ in batch:
                fh.write(json.dumps({"id": ident, "text": text}) + "\n")
    else:
        for ident, text, _ in batch:
            (folder / f"{ident}.txt").write_text(text, encoding="utf-8")
    return {ident: truth for ident, _, truth in batch}
