#!/usr/bin/env python3
"""Score a crosscheck run directory against the development-set annotations.

    python devset/score.py RUN_DIR devset/annotations/web_a.json [more.json ...] [--by-subject]
        [--misses] [--json OUT]

Only articles marked `"annotated": true` are scored, on the four annotated topics.

- A row matches a claim when its evidence sentence holds the claim's quote (or the quote
  holds the whole sentence: a list line "1. Delaware" whose marker is dropped), its subject
  is the claim's subject (annotation subjects are read through the substance lexicon, so
  "marijuana" and "cannabis" are one), and its value agrees: dose low/high/unit (an upper
  limit may be written with or without its lower end), addiction risk none/low against
  possible/high, legal status the same status for a compatible jurisdiction, credentials
  the person's last name.
- Recall: claims (not optional) matched by some row. Precision: rows that match a claim,
  among rows that match a claim or nothing (rows that match only optional claims are
  left out of both).
- Conflicts: a flagged conflict on an annotated topic whose articles are all annotated is
  correct when an annotated conflict has the same topic (and subject, when the run has
  one) and shares min(2, its size) articles with it; a second figure also judges
  conflicts with two or more annotated articles among others. Without a subject column a run's
  rows count as being about their article's subject (a generous reading for old runs).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

csv.field_size_limit(sys.maxsize)
TOPICS = ("dose", "addiction_risk", "legal_status", "author_credentials")
RISK = {"none": "none/low", "low": "none/low", "possible": "possible/high", "high": "possible/high"}
JURISDICTION_ALIASES = {"united states": "us federal", "u.s.": "us federal", "usa": "us federal",
                        "uk": "united kingdom", "england": "united kingdom",
                        "international": "general", "": "general"}


def norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower().replace("’", "'")


def num(x):
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def subject_names() -> dict[str, str]:
    """Surface form -> canonical name, from the package's substance lexicon when it is
    installed (so annotation subjects and run subjects use one vocabulary)."""
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from analysis.extract.subjects import build_lexicon
        from analysis.topics import load_topics
        lexicon = build_lexicon(load_topics().tables.get("substances", {}))
        return {form: name for form, (name, kind) in lexicon.names.items() if name}
    except Exception:  # noqa: BLE001 - scoring must work on any checkout
        return {}


def jurisdiction(value: str) -> str:
    j = norm(value)
    return JURISDICTION_ALIASES.get(j, j)


# Mass units in mg: "300 micrograms" annotated as 300 mcg is the 0.3 mg a run writes.
MASS_MG = {"g": 1000.0, "mg": 1.0, "mcg": 0.001, "µg": 0.001, "ug": 0.001}


# Vitamin D is dosed in IU or by mass: "5 micrograms (200 IU)" is one amount.
IU_PER_MG = {"vitamin d": 40_000.0}


def dose_ok(gold: dict, row: dict, subject: str = "") -> bool:
    unit = norm(row.get("unit"))
    want_unit = norm(gold.get("unit"))
    lo, hi = num(row.get("low")), num(row.get("high"))
    glo, ghi = num(gold.get("low")), num(gold.get("high"))
    per_mg = IU_PER_MG.get(norm(subject))
    if per_mg and {unit, want_unit} & {"iu"} and {unit, want_unit} & set(MASS_MG):
        if unit == "iu":  # compare in IU
            k = per_mg * MASS_MG[want_unit]
            glo, ghi = (None if glo is None else glo * k), (None if ghi is None else ghi * k)
        else:
            k = per_mg * MASS_MG[unit]
            lo, hi = (None if lo is None else lo * k), (None if hi is None else hi * k)
        unit = want_unit = "iu"
    if unit in MASS_MG and want_unit in MASS_MG:  # compare masses in mg
        k, gk = MASS_MG[unit], MASS_MG[want_unit]
        lo, hi = (None if lo is None else lo * k), (None if hi is None else hi * k)
        glo, ghi = (None if glo is None else glo * gk), (None if ghi is None else ghi * gk)
    elif unit != want_unit and unit.rstrip("s") != want_unit.rstrip("s"):
        return False

    def same(a, b):
        return (a is None and b is None) or (a is not None and b is not None
                                             and abs(a - b) <= 1e-6 * max(1.0, abs(b)))
    if same(lo, glo) and same(hi, ghi):
        return True
    # "no more than 240 to 250 mg": an upper limit with or without its lower end
    return gold.get("level") == "max" and lo is None and same(hi, ghi)


def status_ok(gold: dict, row: dict) -> bool:
    if norm(row.get("value")) != norm(gold.get("status")):
        return False
    want = jurisdiction(gold.get("jurisdiction"))
    got = jurisdiction(row.get("jurisdiction") or row.get("scope") or row.get("qualifier"))
    return want == "general" or want == got or want in got or got in want


def value_ok(gold: dict, row: dict) -> bool:
    topic, want = gold["topic"], gold["value"]
    if topic == "dose":
        return dose_ok(want, row, gold.get("subject", ""))
    if topic == "addiction_risk":
        return RISK.get(norm(row.get("value"))) == RISK.get(norm(want))
    if topic == "legal_status":
        return status_ok(want, row)
    last = norm(want["name"]).split()[-1].strip(",.")
    return last in norm(" ".join(str(v) for v in row.values()))


def load(paths: list[str]) -> tuple[dict, list, list]:
    articles, claims, conflicts = {}, [], []
    for p in paths:
        data = json.load(open(p, encoding="utf-8"))
        articles.update(data["articles"])
        claims += [c for c in data["assertions"] if c["topic"] in TOPICS]
        conflicts += [c for c in data["conflicts"] if c["topic"] in TOPICS]
    return articles, claims, conflicts


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("run_dir")
    ap.add_argument("annotations", nargs="+")
    ap.add_argument("--by-subject", action="store_true", help="a line per topic and subject")
    ap.add_argument("--misses", action="store_true", help="print missed claims and wrong rows")
    ap.add_argument("--json", help="write the figures as JSON here")
    args = ap.parse_args(argv)
    articles, claims, gold_conflicts = load(args.annotations)
    annotated = {a for a, meta in articles.items() if meta.get("annotated")}
    names = subject_names()

    def canon(subject: str) -> str:
        s = norm(subject)
        parts = s.split("-")
        if s not in names and len(parts) > 1 and all(p in names for p in parts):
            # "sacubitril-valsartan": a combination written with a hyphen, as labels write
            # "sacubitril/valsartan"
            s = "/".join(sorted(names[p] for p in parts))
        return names.get(s, s)

    run = Path(args.run_dir)
    rows = [r for r in csv.DictReader(open(run / "assertions.csv", encoding="utf-8"))
            if r["article"] in annotated and r["topic"] in TOPICS]
    has_subject = bool(rows) and "subject" in rows[0]
    for r in rows:
        r["_subject"] = canon(r["subject"]) if has_subject else canon(
            articles[r["article"]].get("subject", ""))
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        by_key[(r["article"], r["topic"])].append(r)
    for c in claims:
        c["_subject"] = canon(c.get("subject", ""))
        c["_quote"] = norm(c["evidence"])

    def same_sentence(c: dict, r: dict) -> bool:
        # the quote inside the row's sentence, or (a list line "1. Delaware" whose marker
        # the segmenter drops) the whole sentence inside the quote
        sentence = norm(r["evidence"])
        return c["_quote"] in sentence or (len(sentence) >= 4 and sentence in c["_quote"])

    def matches(c: dict, r: dict) -> bool:
        if not same_sentence(c, r):
            return False
        if c["topic"] != "author_credentials" and c["_subject"] != r["_subject"]:
            return False
        return value_ok(c, r)

    stats: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp_r, n_gold, tp_p, n_p
    scored = [c for c in claims if c["article"] in annotated]

    def bucket(topic: str, subject: str, article: str) -> tuple:
        if topic == "author_credentials" or not subject:
            subject = canon(articles[article].get("subject", "")) or "(none)"
        return topic, subject

    misses = []
    for c in scored:
        if c.get("optional"):
            continue
        hit = any(matches(c, r) for r in by_key[(c["article"], c["topic"])])
        s = stats[bucket(c["topic"], c["_subject"], c["article"])]
        s[0] += hit
        s[1] += 1
        if not hit:
            near = [f"{r['value']}|{r['_subject']}" for r in by_key[(c["article"], c["topic"])]
                    if same_sentence(c, r)]
            misses.append(f"MISS {c['article']} {c['topic']} [{c['_subject']}] "
                          f"{json.dumps(c['value'])[:90]} «{c['evidence']}»"
                          + (f" (rows there: {', '.join(near)})" if near else ""))
    wrong = []
    for r in rows:
        mine = [c for c in scored if c["article"] == r["article"] and c["topic"] == r["topic"]]
        good = [c for c in mine if matches(c, r)]
        if good and all(c.get("optional") for c in good):
            continue
        s = stats[bucket(r["topic"], r["_subject"], r["article"])]
        s[2] += bool(good)
        s[3] += 1
        if not good:
            wrong.append(f"WRONG {r['article']} {r['topic']} [{r['_subject']}] {r['value']} "
                         f"«{r['evidence'][:140]}»")

    def fmt(tp_r, n_g, tp_p, n_p) -> str:
        rec = f"{tp_r / n_g:.2f}" if n_g else " -  "
        prec = f"{tp_p / n_p:.2f}" if n_p else " -  "
        return f"P {prec} ({tp_p}/{n_p})  R {rec} ({tp_r}/{n_g})"

    figures: dict = {"topics": {}, "subjects": {}}
    if args.misses:
        print("\n".join(misses + wrong))
    for topic in TOPICS:
        total = [sum(v[i] for (t, _), v in stats.items() if t == topic) for i in range(4)]
        print(f"{topic:<20} {fmt(*total)}")
        figures["topics"][topic] = total
        if args.by_subject:
            for (t, subject), v in sorted(stats.items()):
                if t == topic:
                    print(f"    {subject:<22} {fmt(*v)}")
                    figures["subjects"][f"{topic}/{subject}"] = v

    flagged = [c for c in csv.DictReader(open(run / "conflicts.csv", encoding="utf-8"))]
    on_topic = [c for c in flagged if c["topic"] in TOPICS]
    judged = [c for c in on_topic if set(c["articles"].split(";")) <= annotated]

    def conflict_ok(c: dict, g: dict) -> bool:
        if c["topic"] != g["topic"]:
            return False
        if "subject" in c and g.get("subject") and canon(c["subject"]) != canon(g["subject"]):
            return False
        need = set(g["articles"])
        return len(need & set(c["articles"].split(";"))) >= min(len(need), 2)

    good = [c for c in judged if any(conflict_ok(c, g) for g in gold_conflicts)]
    # Camps in a large batch list many articles, some never annotated: judged too when two
    # or more of its articles (one for a within-article conflict) are annotated.
    partly = [c for c in on_topic if len(set(c["articles"].split(";")) & annotated) >= min(
        2, len(c["articles"].split(";")))]
    partly_good = [c for c in partly if any(conflict_ok(c, g) for g in gold_conflicts)]
    found = [g for g in gold_conflicts if any(conflict_ok(c, g) for c in flagged)]
    print(f"conflicts: {len(flagged)} flagged ({len(on_topic)} on the annotated topics, "
          f"{len(judged)} among annotated articles); precision "
          f"{len(good) / len(judged) if judged else float('nan'):.2f} ({len(good)}/{len(judged)})"
          f"; recall {len(found) / len(gold_conflicts) if gold_conflicts else float('nan'):.2f}"
          f" ({len(found)}/{len(gold_conflicts)}); with 2+ annotated articles: "
          f"{len(partly_good)}/{len(partly)}")
    if args.misses:
        for c in judged:
            if c not in good:
                print(f"WRONG CONFLICT {c['topic']} {c.get('subject', '')} {c['articles']}: "
                      f"{c['summary'][:160]}")
        for g in gold_conflicts:
            if g not in found:
                print(f"MISSED CONFLICT {g.get('id', '')} {g['topic']} {g['articles']}: "
                      f"{g.get('summary', '')[:160]}")
    figures["conflicts"] = {"flagged": len(flagged), "on_topic": len(on_topic),
                            "judged": len(judged), "correct": len(good),
                            "partly_judged": len(partly), "partly_correct": len(partly_good),
                            "recall": [len(found), len(gold_conflicts)]}
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
