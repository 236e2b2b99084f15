"""Time pathological inputs through ingest → extraction; print the worst seconds per MB.

Target (issue 4): no input slower than 1 s per MB. Run: python benchmarks/pathological.py
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from analysis import analyse


def cases(mb: float) -> dict[str, bytes]:
    n = int(mb * 1_000_000)
    words = ("kratom dose grams addiction legal banned side effects include nausea " * (n // 70))
    return {
        "one_line_no_punctuation.txt": words[:n].encode(),
        "repeated_digits.txt": b"1" * n + b" mg dose\n",
        "digit_runs_with_units.txt": ("take 1-2-3-4-5-6 mg 7 g 8 mcg up to 9 " * (n // 40))[:n]
        .encode(),
        "nested_html.html": (b"<div>" * 100_000 + b"take 2 g daily" + b"</div>" * 100_000),
        "unclosed_tags.html": (b"<p><b><i>take 2 g daily " * (n // 25))[:n],
        "many_short_lines.txt": (b"Dr. A B is.\n" * (n // 12))[:n],
        "quotes_and_dashes.txt": (("\u201cnot \u2013 without \u2014 no " * (n // 30))[:n]
                                  .encode()),
        "long_bio_names.txt": ("About the Author\n" + "Dr. Ann Lee is a doctor. She " * (n // 30))
        .encode()[:n],
        "jsonl_broken.jsonl": (b'{"id": 1, "text": "take 2 g"}\n{broken\n' * (n // 40))[:n],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0, help="size of the scaled cases")
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases(args.mb).items():
            path = Path(tmp) / name
            path.write_bytes(data)
            start = time.perf_counter()
            run = analyse(path, max_bytes=len(data) + 1)
            seconds = time.perf_counter() - start
            mb = len(data) / 1e6
            rate = seconds / max(mb, 1e-6)
            worst = max(worst, rate)
            print(f"{name:32} {mb:7.2f} MB {seconds:7.2f} s {rate:6.2f} s/MB "
                  f"{len(run.assertions):7d} assertions  status={run.manifest['status'].iloc[0]}")
    print(f"worst: {worst:.2f} s per MB (target < 1.0)")


if __name__ == "__main__":
    main()
