#!/usr/bin/env python3
"""A markdown table of score.py figures before and after a change, per topic and substance.

    python devset/score.py RUN_BEFORE ANN... --by-subject --json before.json
    python devset/score.py RUN_AFTER ANN... --by-subject --json after.json
    python devset/results.py before.json after.json [--title TITLE]
"""

from __future__ import annotations

import argparse
import json


def _pr(v: list[int] | None) -> tuple[str, str]:
    if not v:
        return "-", "-"
    tp_r, n_g, tp_p, n_p = v
    p = f"{tp_p / n_p:.2f} ({tp_p}/{n_p})" if n_p else "-"
    r = f"{tp_r / n_g:.2f} ({tp_r}/{n_g})" if n_g else "-"
    return p, r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--title", default="")
    a = ap.parse_args()
    before, after = (json.load(open(p, encoding="utf-8")) for p in (a.before, a.after))
    if a.title:
        print(f"### {a.title}\n")
    print("| topic | substance | precision before | precision after | recall before | "
          "recall after |")
    print("|---|---|---|---|---|---|")
    for topic in after["topics"]:
        pb, rb = _pr(before["topics"].get(topic))
        pa, ra = _pr(after["topics"].get(topic))
        print(f"| **{topic}** | all | {pb} | {pa} | {rb} | {ra} |")
        keys = sorted(k for k in set(before["subjects"]) | set(after["subjects"])
                      if k.startswith(topic + "/"))
        for key in keys:
            pb, rb = _pr(before["subjects"].get(key))
            pa, ra = _pr(after["subjects"].get(key))
            print(f"| {topic} | {key.split('/', 1)[1]} | {pb} | {pa} | {rb} | {ra} |")
    cb, ca = before["conflicts"], after["conflicts"]

    def conflicts(c: dict) -> str:
        judged = c["judged"]
        prec = f"{c['correct'] / judged:.2f} ({c['correct']}/{judged})" if judged else "-"
        found, total = c["recall"]
        return (f"{c['flagged']} flagged, precision {prec}, recall "
                f"{found / total if total else 0:.2f} ({found}/{total})")
    print(f"\nConflicts before: {conflicts(cb)}  \nConflicts after: {conflicts(ca)}\n")


if __name__ == "__main__":
    main()
