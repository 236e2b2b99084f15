"""Benchmark crosscheck end to end, per stage, on generated or real articles.

    python benchmarks/bench.py --n 1000 10000 100000 --jobs 2           # local engine
    python benchmarks/bench.py --n 20000 200000 --engine dask --workers 2  # LocalCluster
    python benchmarks/bench.py --real path/to/articles                  # any folder
    python benchmarks/bench.py --quantulum 2000    # dose extraction vs quantulum3

Each size runs in a fresh subprocess, so peak memory is that run's own. Printed per run:
seconds per stage, extraction MB/s per core, end-to-end seconds (report included), and
peak memory: the client process (for the local engine, the process that holds the
tables) and the workers (local: the extraction processes; Dask: each worker's peak,
and the scheduler's, which runs in a process of its own so the client's is only the
client's). `--json FILE` appends every result as one JSON line. Figures are printed,
never asserted: targets live in the issue, not in the tests.
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


def _mb(kb: float) -> float:
    return kb / 1024


def _own_peak_mb() -> float:
    return _mb(_peak_rss_kb())


def _children_peak_mb() -> float:
    return _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


class _StageClock:
    """A progress callback that adds up the time each stage runs. A stage can run twice
    (doses are compared again once copies are known): each run is a span of its own, so
    the stages between are not counted twice."""

    def __init__(self) -> None:
        self.spans: dict[str, list[list[float]]] = {}
        self.last: str | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        spans = self.spans.setdefault(stage, [])
        if self.last != stage or not spans:
            spans.append([now, now])
        spans[-1][1] = now
        self.last = stage

    def seconds(self) -> dict[str, float]:
        return {k: sum(end - start for start, end in v) for k, v in self.spans.items()}


def run_once(source: Path, *, jobs: int, report: bool) -> dict:
    """The local engine: `analyse()` then the report, as the CLI runs them."""
    from analysis import analyse
    from analysis.report import charts  # noqa: F401  (import cost outside the timings)

    clock = _StageClock()
    start = time.perf_counter()
    run = analyse(source, jobs=jobs, progress=clock)
    analysed = time.perf_counter()
    if report:
        with tempfile.TemporaryDirectory() as out:
            run.write_report(Path(out), progress=clock)
    end = time.perf_counter()
    stages = clock.seconds()
    stages["other (ingest, subjects, ...)"] = (analysed - start) - sum(
        v for k, v in stages.items() if k != "report")
    mb = run.articles["text"].str.len().sum() / 1e6
    return {"engine": "local", "jobs": jobs, "articles": len(run.articles), "mb": mb,
            "stages": stages, "total": end - start,
            "extract_mb_s_core": mb / stages["extract"] / jobs if stages.get("extract") else 0,
            "assertions": len(run.assertions), "conflicts": len(run.conflicts),
            "client_peak_mb": _own_peak_mb(), "worker_peak_mb": _children_peak_mb()}


def _peak_rss_kb() -> int:
    """This process's own peak resident memory (kB). VmHWM, not ru_maxrss: a process
    started from a large one inherits that one's ru_maxrss across fork and exec, so the
    client and the scheduler both reported the generator's 1.5 GB."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_cluster_once(source: Path, *, scheduler: str, workers: int, report: bool) -> dict:
    """The Dask engine on the cluster at `scheduler`: the CLI's `--engine dask` path."""
    from distributed import Client

    from analysis.engine.dask import run_dask, write_cluster_report
    from analysis.report import charts  # noqa: F401
    from analysis.topics import load_topics

    topics = load_topics()
    clock = _StageClock()
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        cluster = run_dask([source], out, topics, scheduler=scheduler, progress=clock)
        analysed = time.perf_counter()
        if report:
            write_cluster_report(cluster, topics, formats=("pdf", "png", "csv"),
                                 progress=clock)
        end = time.perf_counter()
    with Client(scheduler) as client:
        peaks = client.run(_peak_rss_kb)
        scheduler_peak = client.run_on_scheduler(_peak_rss_kb)
    stages = dict(cluster.timings)
    if report:
        stages["report"] = end - analysed
    mb = _source_mb(source)
    return {"engine": "dask", "workers": workers, "articles": cluster.counts["articles"],
            "mb": mb, "words": cluster.aggregates["summary"]["words"], "stages": stages,
            "total": end - start,
            "extract_mb_s_core": mb / stages["extract"] / workers,
            "assertions": cluster.counts["assertions"],
            "conflicts": cluster.conflict_counts["total"],
            "client_peak_mb": _own_peak_mb(),
            "worker_peak_mb": max(_mb(v) for v in peaks.values()),
            "worker_peaks_mb": {k: round(_mb(v)) for k, v in peaks.items()},
            "scheduler_peak_mb": _mb(scheduler_peak)}


def _source_mb(source: Path) -> float:
    """Text MB of a generated batch (its files are the article texts)."""
    return sum(p.stat().st_size for p in Path(source).rglob("*") if p.is_file()) / 1e6


def print_result(label: str, r: dict) -> None:
    print(f"\n== {label}: {r['articles']:,} articles, {r['mb']:.1f} MB of text")
    for stage, seconds in r["stages"].items():
        print(f"  {stage:34} {seconds:8.1f} s")
    print(f"  {'end to end (report included)':34} {r['total']:8.1f} s "
          f"({r['articles'] / r['total']:,.0f} articles/s)")
    print(f"  extraction: {r['extract_mb_s_core']:.2f} MB/s per core")
    print(f"  peak memory: client {r['client_peak_mb']:,.0f} MB, workers "
          f"{r['worker_peak_mb']:,.0f} MB" + (f" (each: {r['worker_peaks_mb']}), scheduler "
                                             f"{r['scheduler_peak_mb']:,.0f} MB"
                                             if "worker_peaks_mb" in r else ""))
    print(f"  {r['assertions']:,} assertions, {r['conflicts']:,} conflicts")


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


def _start_cluster(workers: int) -> tuple[subprocess.Popen, str]:
    """A LocalCluster in a process of its own; returns it and its scheduler address."""
    code = ("import time\nfrom distributed import LocalCluster\n"
            f"c = LocalCluster(n_workers={workers}, threads_per_worker=1, processes=True, "
            "dashboard_address=None)\nprint(c.scheduler_address, flush=True)\n"
            "time.sleep(10**9)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    address = proc.stdout.readline().strip()
    return proc, address


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="*", default=[], help="generated batch sizes")
    parser.add_argument("--real", type=Path, help="a folder (or file) of real articles")
    parser.add_argument("--jobs", type=int, default=2, help="local engine: processes")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--workers", type=int, default=2, help="Dask engine: workers")
    parser.add_argument("--no-report", action="store_true", help="skip the report stage")
    parser.add_argument("--json", type=Path, help="append each result here, one JSON line")
    parser.add_argument("--data", type=Path, help="keep generated batches here (reused)")
    parser.add_argument("--quantulum", type=int, default=0,
                        help="compare dose extraction with quantulum3 on this many sentences")
    parser.add_argument("--single", help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:  # child process: one measurement, printed as JSON
        if args.engine == "dask":
            result = run_cluster_once(Path(args.single), scheduler=args.scheduler,
                                      workers=args.workers, report=not args.no_report)
        else:
            result = run_once(Path(args.single), jobs=args.jobs, report=not args.no_report)
        print(json.dumps(result))
        return
    from benchmarks.synthetic import write_batch

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        targets: list[tuple[str, Path]] = []
        for n in args.n:
            folder = data / f"n{n}"
            if not folder.is_dir() or len(list(folder.glob("*.txt"))) != n:
                write_batch(n, folder, seed=n)
            where = (f"LocalCluster of {args.workers} workers" if args.engine == "dask"
                     else f"--jobs {args.jobs}")
            targets.append((f"generated N={n:,}, {args.engine} engine, {where}", folder))
        if args.real:
            targets.append((f"real {args.real}", args.real))
        for label, folder in targets:
            cmd = [sys.executable, __file__, "--single", str(folder), "--jobs", str(args.jobs),
                   "--engine", args.engine, "--workers", str(args.workers)]
            cmd += ["--no-report"] if args.no_report else []
            cluster = None
            if args.engine == "dask":
                cluster, address = _start_cluster(args.workers)
                cmd += ["--scheduler", address]
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                                     env={**os.environ, "PYTHONPATH": str(ROOT)})
            finally:
                if cluster is not None:
                    cluster.terminate()
                    cluster.wait()
            if out.returncode:
                print(out.stderr[-3000:])
                continue
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print_result(label, result)
            if args.json:
                with args.json.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps({"label": label, **result}) + "\n")
    if args.quantulum:
        quantulum_comparison(args.quantulum)


if __name__ == "__main__":
    main()
