"""Benchmark crosscheck end to end, per stage, on generated or real articles.

    python benchmarks/bench.py --n 100 1000 10000            # generated batches
    python benchmarks/bench.py --n 1000 --jobs 2 --engine dask
    python benchmarks/bench.py --real path/to/articles       # any folder of articles
    python benchmarks/bench.py --quantulum 2000              # dose extraction vs quantulum3

Each size runs in a fresh subprocess so peak RSS is that run's own. Prints, per stage:
wall seconds, MB/s of input text, articles/s; then peak RSS, assertions and conflicts.
Figures are printed, never asserted: targets live in the issue, not in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_once(source: Path, *, jobs: int, engine: str, report: bool) -> dict:
    from analysis import charts  # noqa: F401  (import cost outside the timings)
    from analysis.compare import compare
    from analysis.engine import run_extraction
    from analysis.extract import batch_subjects
    from analysis.ingest import ingest
    from analysis.pipeline import build_analysis
    from analysis.report import write_run
    from analysis.topics import load_topics

    topics = load_topics()
    stages: dict[str, float] = {}
    t = time.perf_counter()
    ingested = ingest(source)
    stages["ingest"] = time.perf_counter() - t
    articles = ingested.articles
    mb = articles["text"].str.len().sum() / 1e6
    t = time.perf_counter()
    subjects = batch_subjects(articles["text"], topics)
    if engine == "dask":
        from analysis.engine.dask import run_dask
        sentences, assertions, conflicts = run_dask(articles, topics, subjects)
        stages["extract+compare (dask)"] = time.perf_counter() - t
    else:
        sentences, assertions = run_extraction(articles, topics, subjects, jobs=jobs)
        stages["extract"] = time.perf_counter() - t
        t = time.perf_counter()
        conflicts = compare(assertions, topics)
        stages["compare"] = time.perf_counter() - t
    t = time.perf_counter()
    run = build_analysis(ingested, sentences, assertions, conflicts, topics, subjects)
    stages["align+effects+copies+signals"] = time.perf_counter() - t
    assertions, conflicts = run.assertions, run.conflicts
    if report:
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            write_run(run, Path(out))
            stages["report"] = time.perf_counter() - t
    return {"articles": len(articles), "mb": mb, "stages": stages,
            "total": sum(stages.values()), "assertions": len(assertions),
            "conflicts": len(conflicts), "peak_rss_mb": _peak_rss_mb()}


def print_result(label: str, r: dict) -> None:
    print(f"\n== {label}: {r['articles']} articles, {r['mb']:.1f} MB of text")
    for stage, seconds in r["stages"].items():
        rate = r["mb"] / seconds if seconds else float("inf")
        print(f"  {stage:24} {seconds:8.2f} s {rate:9.2f} MB/s "
              f"{r['articles'] / seconds if seconds else 0:10.0f} articles/s")
    print(f"  {'total':24} {r['total']:8.2f} s {r['mb'] / r['total']:9.2f} MB/s "
          f"{r['articles'] / r['total']:10.0f} articles/s")
    print(f"  peak RSS {r['peak_rss_mb']:.0f} MB; {r['assertions']} assertions, "
          f"{r['conflicts']} conflicts")


def quantulum_comparison(n: int, seed: int = 3) -> None:
    """Dose precision/recall and speed: crosscheck's extractor against quantulum3."""
    from analysis.extract.quantity import find_quantities
    from analysis.topics import load_topics
    from benchmarks.synthetic import FILLER, SUBSTANCES, Truth, _dose_sentence

    rng = random.Random(seed)
    cases: list[tuple[str, tuple | None]] = []
    for _ in range(n):
        if rng.random() < 0.7:
            truth = Truth()
            sentence = _dose_sentence(rng, truth, rng.choice(SUBSTANCES))
            cases.append((sentence, truth.doses[0]))
        else:
            cases.append((rng.choice(FILLER).format(
                s="kratom", year=rng.randint(1990, 2024), n=rng.randint(10, 900),
                pct=rng.randint(1, 99), p1=rng.randint(5, 30), p2=rng.randint(31, 90),
                age=rng.randint(18, 80), weeks=rng.randint(2, 52)), None))
    topic = load_topics().topics["dose"]

    def ours(sentence: str) -> list[tuple]:
        return [(q.low, q.high, q.unit) for q in find_quantities(topic, sentence)]

    def theirs(sentence: str, parser) -> list[tuple]:
        out = []
        for q in parser.parse(sentence):
            unit = q.unit.name
            factor = {"gram": ("g", 1), "milligram": ("mg", 1), "microgram": ("mg", 0.001)}
            if unit not in factor:
                continue
            canon, f = factor[unit]
            if q.uncertainty:  # quantulum3 gives ranges as midpoint ± half-width
                out.append((round((q.value - q.uncertainty) * f, 6),
                            round((q.value + q.uncertainty) * f, 6), canon))
            else:
                out.append((round(q.value * f, 6), round(q.value * f, 6), canon))
        return out

    def score(extract) -> tuple[float, float, float]:
        tp = fp = fn = 0
        start = time.perf_counter()
        for sentence, truth in cases:
            got = extract(sentence)
            if truth is None:
                fp += len(got)
                continue
            want = tuple(None if v is None else round(v, 6) for v in truth[:2]) + (truth[2],)
            hit = want in got
            tp += hit
            fn += not hit
            fp += len(got) - hit
        seconds = time.perf_counter() - start
        return tp / max(1, tp + fp), tp / max(1, tp + fn), seconds

    p1, r1, s1 = score(ours)
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 not installed: pip install 'crosscheck[bench]'")
        print(f"crosscheck: precision {p1:.3f} recall {r1:.3f}, {len(cases) / s1:,.0f} "
              "sentences/s")
        return
    parser.parse("warm up 2 g")
    p2, r2, s2 = score(lambda s: theirs(s, parser))
    print(f"\n== dose extraction on {len(cases)} generated sentences "
          f"({sum(t is not None for _, t in cases)} with a dose)")
    print(f"  crosscheck: precision {p1:.3f} recall {r1:.3f} {len(cases) / s1:10,.0f} "
          "sentences/s")
    print(f"  quantulum3: precision {p2:.3f} recall {r2:.3f} {len(cases) / s2:10,.0f} "
          "sentences/s")
    print(f"  speed ratio: crosscheck is {s2 / s1:.0f}x faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="*", default=[], help="generated batch sizes")
    parser.add_argument("--real", type=Path, help="a folder (or file) of real articles")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--no-report", action="store_true", help="skip the report stage")
    parser.add_argument("--quantulum", type=int, default=0,
                        help="compare dose extraction with quantulum3 on this many sentences")
    parser.add_argument("--single", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:  # child process: one measurement, printed as JSON
        result = run_once(Path(args.single), jobs=args.jobs, engine=args.engine,
                          report=not args.no_report)
        print(json.dumps(result))
        return
    from benchmarks.synthetic import write_batch

    targets: list[tuple[str, Path]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.n:
            folder = Path(tmp) / f"n{n}"
            write_batch(n, folder, seed=n)
            targets.append((f"generated N={n} jobs={args.jobs} engine={args.engine}", folder))
        if args.real:
            targets.append((f"real {args.real}", args.real))
        for label, folder in targets:
            cmd = [sys.executable, __file__, "--single", str(folder), "--jobs", str(args.jobs),
                   "--engine", args.engine] + (["--no-report"] if args.no_report else [])
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
            if out.returncode:
                print(out.stderr[-2000:])
                continue
            print_result(label, json.loads(out.stdout.strip().splitlines()[-1]))
    if args.quantulum:
        quantulum_comparison(args.quantulum)


if __name__ == "__main__":
    main()
