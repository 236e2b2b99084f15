"""Copied-sentence search: crosscheck's shingle blocking against MinHash LSH (datasketch).

    python benchmarks/copies_lsh.py                 # recall corpus + 10,000-article timing
    python benchmarks/copies_lsh.py --articles 2000 # a smaller timing batch

Recall corpus: every sentence of 8+ words from the real development texts (or, without
them, from generated articles) plus near-copies planted across articles (a word
swapped, a number changed, a word dropped, punctuation and case changed). Ground truth
is every cross-article pair with `fuzz.ratio >= 90`, found by brute force with
`rapidfuzz.process.cdist`; each method's candidate pairs are verified with the same
ratio, so recall is the share of true pairs a method finds. Timing: each method's
candidate generation plus verification over the sentences of a generated batch.
Figures are printed, never asserted. Needs `pip install 'crosscheck[bench]'`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process, utils  # noqa: E402

from analysis.sources.copies import MIN_SIMILARITY, MIN_WORDS, copy_candidates  # noqa: E402

_WORD = re.compile(r"[^\w\s]+")


def _shingles(text: str, size: int = 4) -> list[bytes]:
    words = _WORD.sub(" ", text.lower()).split()
    return [" ".join(words[i:i + size]).encode() for i in range(max(1, len(words) - size + 1))]


def minhash_lsh_pairs(texts: list[str], *, threshold: float, num_perm: int,
                      max_bucket: int = 50) -> list[tuple[int, int]]:
    """Candidate pairs from datasketch MinHash signatures, banded as MinHashLSH bands
    them; a band bucket holding more than `max_bucket` texts is boilerplate, as in the
    shingle blocking, and is skipped."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    bands, rows = lsh.b, lsh.r
    signatures = MinHash.bulk([_shingles(t) for t in texts], num_perm=num_perm)
    buckets: dict[tuple, list[int]] = {}
    for i, m in enumerate(signatures):
        values = m.hashvalues
        for b in range(bands):
            buckets.setdefault((b, values[b * rows:(b + 1) * rows].tobytes()), []).append(i)
    pairs = set()
    for members in buckets.values():
        if 1 < len(members) <= max_bucket:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    return sorted(pairs)


def _verify(pairs, texts, articles) -> set[tuple[int, int]]:
    return {(i, j) for i, j in pairs if articles[i] != articles[j] and fuzz.ratio(
        texts[i], texts[j], processor=utils.default_process) >= MIN_SIMILARITY}


def _mutate(rng: random.Random, text: str) -> str:
    words = text.split()
    kind = rng.randrange(5)
    if kind == 0:  # a word swapped for another
        i = rng.randrange(len(words))
        words[i] = rng.choice(["often", "many", "several", "some", "these", "reported"])
    elif kind == 1:  # a number changed, or one added
        nums = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
        i = rng.choice(nums) if nums else rng.randrange(len(words))
        words[i] = str(rng.randint(2, 900))
    elif kind == 2 and len(words) > 9:  # a word dropped
        del words[rng.randrange(len(words))]
    elif kind == 3:  # punctuation and case
        return text.lower().replace(",", "").rstrip(".") + "!"
    out = " ".join(words)
    return out


def recall_corpus(seed: int = 5) -> tuple[list[str], list[str]]:
    """(texts, article of each text): real sentences plus planted near-copies."""
    from analysis.extract.segment import segment_text

    rng = random.Random(seed)
    folder = ROOT / "devset" / "texts"
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))]
    if not docs:
        from benchmarks.synthetic import generate_batch
        docs = [(i, t) for i, t, _ in generate_batch(300, seed=seed)]
    texts, articles = [], []
    for article, text in docs:
        for row in segment_text(article, text):
            if not row["is_heading"] and row["text"].count(" ") >= MIN_WORDS - 1:
                texts.append(row["text"])
                articles.append(article)
    originals = list(range(len(texts)))
    for k, i in enumerate(rng.sample(originals, min(3000, len(originals)))):
        for copy in range(rng.choice([1, 1, 1, 2, 3])):
            texts.append(_mutate(rng, texts[i]))
            articles.append(f"copier_{k}_{copy}")
    return texts, articles


def truth(texts: list[str], articles: list[str]) -> set[tuple[int, int]]:
    scores = process.cdist(texts, texts, scorer=fuzz.ratio, processor=utils.default_process,
                           score_cutoff=MIN_SIMILARITY, dtype=np.uint8, workers=-1)
    ii, jj = np.nonzero(np.triu(scores, 1))
    return {(i, j) for i, j in zip(ii.tolist(), jj.tolist()) if articles[i] != articles[j]}


def methods(settings: list[tuple[float, int]]):
    yield "shingle blocking (crosscheck)", lambda texts: copy_candidates(texts)
    for threshold, num_perm in settings:
        yield (f"MinHash LSH t={threshold} perm={num_perm}",
               lambda texts, t=threshold, p=num_perm: minhash_lsh_pairs(
                   texts, threshold=t, num_perm=p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000,
                        help="generated articles for the timing run")
    args = parser.parse_args()
    settings = [(0.5, 64), (0.3, 64), (0.2, 128)]
    texts, articles = recall_corpus()
    start = time.perf_counter()
    true_pairs = truth(texts, articles)
    print(f"recall corpus: {len(texts):,} sentences, {len(true_pairs):,} true cross-article "
          f"pairs (brute force {time.perf_counter() - start:.1f} s)")
    for name, find in methods(settings):
        start = time.perf_counter()
        found = _verify(find(texts), texts, articles)
        seconds = time.perf_counter() - start
        print(f"  {name:34} recall {len(found & true_pairs) / max(1, len(true_pairs)):.3f} "
              f"{seconds:7.2f} s")
    from analysis.extract.segment import segment_text
    from benchmarks.synthetic import generate_batch

    texts, articles = [], []
    for article, text, _ in generate_batch(args.articles, seed=args.articles):
        for row in segment_text(article, text):
            if not row["is_heading"] and row["text"].count(" ") >= MIN_WORDS - 1:
                texts.append(row["text"])
                articles.append(article)
    print(f"timing: {args.articles:,} generated articles, {len(texts):,} sentences")
    for name, find in methods(settings):
        start = time.perf_counter()
        pairs = find(texts)
        middle = time.perf_counter()
        found = _verify(pairs, texts, articles)
        end = time.perf_counter()
        print(f"  {name:34} candidates {middle - start:7.2f} s, verify {end - middle:6.2f} s, "
              f"{len(pairs):,} candidates, {len(found):,} copies")


if __name__ == "__main__":
    main()
