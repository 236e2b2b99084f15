"""Negation and hedging of `addiction_risk`: our clause rules against medspaCy's ConText
and negspaCy's NegEx, on the development set. A measurement, never a test.

    python benchmarks/negation_eval.py                  # table + disagreements
    python benchmarks/negation_eval.py --examples 10 --repeat 3 --json out.json

Evaluation set (built from devset/annotations/*.json and devset/texts/, which must exist):

- claim sentences: for every non-optional `addiction_risk` claim of an annotated article,
  the sentence (crosscheck's own segmenter) holding its evidence quote. Gold NEG for
  none/low, POS for possible/high.
- negative sentences: sentences of annotated articles that mention an addiction term
  (addict*, dependen*, habit-forming, abuse, misuse, withdrawal) and hold no annotated
  addiction claim, optional or not. Gold NO CLAIM: any claim there is a false positive.

Systems, each mapping a sentence to NEG / POS / NO CLAIM (when a sentence gets several
labels, the one equal to gold counts if present, else the first; the same for all):

- rules: `extract_article` on the whole article; `addiction_risk` rows whose evidence is
  the sentence: none/low -> NEG, possible/high -> POS.
- ConText (medspaCy 1.3, default blank pipeline + default ConText rules), targets are the
  addiction terms. Two readings: `ConText (neg+hedge->NEG)` (negated, hypothetical or
  possible -> NEG) and `ConText neg-only` (only NEGATED_EXISTENCE -> NEG; a hedge is
  still a claim of possible risk, as in our gold).
- NegEx (negspaCy 1.1, termset en_clinical), same targets through an EntityRuler.

Speed: one process, one core, after loading; best of --repeat runs over all dev-set texts
(annotated or not). MB = 1e6 characters. "whole text" feeds each article as one doc (what
the library does by itself); "term sentences" runs crosscheck's segmenter, keeps the
sentences with an addiction term and pipes only those (segmenting and filtering included),
which is how either would sit inside crosscheck.

Install: medspacy 1.3.1 pins spacy<3.8 on Python < 3.12, and spacy 3.7 needs numpy<2,
which breaks pandas>=3 (crosscheck's). What this script was measured with:

    pip install "spacy>=3.8,<3.9" negspacy==1.1.0
    pip install --no-deps medspacy==1.3.1 medspacy_quickumls==3.2 "PyRuSH>=1.0.8" \
        PyFastNER quicksectx pysbd==0.3.4 loguru Cython
    pip install medspacy_unqlite nltk pysimstring six unidecode
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEVSET = ROOT / "devset"
PARTS = {"web_a": "web", "web_b": "web", "news": "news"}
POLARITY = {"none": "NEG", "low": "NEG", "possible": "POS", "high": "POS"}
NO = "NO CLAIM"
TERM = re.compile(r"\b(?:addict\w*|dependen\w*|habit[- ]forming|abus(?:e|es|ed|ing)"
                  r"|misus(?:e|es|ed|ing)|withdrawals?)\b", re.IGNORECASE)
# The same terms as spaCy token patterns (medspaCy's TargetMatcher, spaCy's EntityRuler).
TOKEN_PATTERNS = [
    [{"LOWER": {"REGEX": r"^addict"}}],
    [{"LOWER": {"REGEX": r"^dependen"}}],
    [{"LOWER": "habit"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "forming"}],
    [{"LOWER": "habit-forming"}],
    [{"LOWER": {"IN": ["abuse", "abuses", "abused", "abusing"]}}],
    [{"LOWER": {"IN": ["misuse", "misuses", "misused", "misusing"]}}],
    [{"LOWER": {"IN": ["withdrawal", "withdrawals"]}}],
]
LABEL = "ADDICTION"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower().replace("’", "'")


# --------------------------------------------------------------------------- data

def load_devset():
    """(texts by batch, annotated article ids, claims) from devset/."""
    texts: dict[str, dict[str, str]] = {}
    for batch in sorted(set(PARTS.values())):
        folder = DEVSET / "texts" / batch
        texts[batch] = {p.stem: p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))}
    annotated: dict[str, str] = {}  # article -> batch
    claims = []
    for part, batch in PARTS.items():
        data = json.loads((DEVSET / "annotations" / f"{part}.json").read_text("utf-8"))
        for article, meta in data["articles"].items():
            if meta.get("annotated") and article in texts[batch]:
                annotated[article] = batch
        claims += [c for c in data["assertions"] if c["topic"] == "addiction_risk"]
    claims = [c for c in claims if c["article"] in annotated]
    return texts, annotated, claims


def build_items(texts, annotated, claims):
    """The evaluation set: claim sentences (gold NEG/POS) and negative sentences."""
    from analysis.extract.segment import segment_text

    sentences = {a: segment_text(a, texts[b][a]) for a, b in annotated.items()}
    items, seen, unfound = [], set(), []
    with_claim: set[tuple[str, int]] = set()
    for c in claims:
        quote = norm(c["evidence"])
        idx = next((i for i, s in enumerate(sentences[c["article"]])
                    if quote in norm(s["text"])), None)
        if idx is None:
            unfound.append(c)
            continue
        with_claim.add((c["article"], idx))
        if c.get("optional"):
            continue
        gold = POLARITY[c["value"]]
        key = (c["article"], idx, gold)
        if key in seen:
            continue
        seen.add(key)
        s = sentences[c["article"]][idx]
        items.append({"article": c["article"], "idx": idx, "start": s["start"],
                      "end": s["end"], "text": s["text"], "gold": gold,
                      "value": c["value"], "subject": c.get("subject", "")})
    for article, rows in sentences.items():
        for idx, s in enumerate(rows):
            if (article, idx) not in with_claim and TERM.search(s["text"]):
                items.append({"article": article, "idx": idx, "start": s["start"],
                              "end": s["end"], "text": s["text"], "gold": NO,
                              "value": "", "subject": ""})
    return items, unfound


def pick(it: dict, name: str, labels: list[str]) -> None:
    """Record one label for a sentence: gold when some target/row says it, else the
    first; `mixed` notes the sentences where both NEG and POS were said."""
    gold = it["gold"]
    it.setdefault("pred", {})[name] = (NO if not labels else
                                       gold if gold in labels else labels[0])
    it.setdefault("mixed", {})[name] = len(set(labels)) > 1


# --------------------------------------------------------------------------- systems

class Rules:
    name = "rules (ours)"

    def __init__(self, texts, only_topic: str | None = None):
        from analysis.extract import batch_subjects, extract_article
        from analysis.topics import TopicSchema, load_topics

        topics = load_topics()
        self.subjects = {b: batch_subjects(list(t.values()), topics) for b, t in texts.items()}
        if only_topic:
            topics = TopicSchema(topics={only_topic: topics.topics[only_topic]},
                                 batch=topics.batch, source=topics.source, tables=topics.tables)
        self.topics = topics
        self.extract = extract_article

    def rows(self, article: str, text: str, batch: str) -> list[dict]:
        return self.extract(article, text, self.topics, self.subjects[batch])[1]

    def label_items(self, items, texts, annotated):
        by_article: dict[str, list[dict]] = {}
        for article in {it["article"] for it in items}:
            batch = annotated[article]
            by_article[article] = [r for r in self.rows(article, texts[batch][article], batch)
                                   if r["topic"] == "addiction_risk"]
        for it in items:
            labels = [POLARITY.get(r["value"], "POS") for r in by_article[it["article"]]
                      if it["start"] <= r["start"] < it["end"]]
            pick(it, self.name, labels)

    def run_corpus(self, texts) -> None:
        for batch, arts in texts.items():
            for article, text in arts.items():
                self.rows(article, text, batch)


def _one_sentence(doc):
    """Pipe component: the whole doc is one sentence (input is already a sentence)."""
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0
    return doc


class ConText:
    def __init__(self, *, strict: bool):
        import medspacy
        from loguru import logger
        from medspacy.target_matcher import TargetRule

        # PyRuSH logs every sentence at DEBUG level through loguru's default stderr sink,
        # which alone makes it ~5x slower: silence it, as any real use would.
        logger.disable("PyRuSH")
        from spacy.language import Language

        self.name = "ConText (neg+hedge->NEG)" if strict else "ConText (neg-only)"
        self.strict = strict
        rules = [TargetRule(f"addiction_{i}", LABEL, pattern=p)
                 for i, p in enumerate(TOKEN_PATTERNS)]
        # As shipped: PyRuSH sentences, target matcher, ConText with its default rules.
        self.nlp = medspacy.load()
        self.nlp.get_pipe("medspacy_target_matcher").add(rules)
        # For text that is already a sentence: no sentence splitter.
        if not Language.has_factory("one_sentence"):
            Language.component("one_sentence")(_one_sentence)
        self.nlp_sent = medspacy.load(medspacy_enable=["medspacy_target_matcher",
                                                       "medspacy_context"])
        self.nlp_sent.add_pipe("one_sentence", first=True)
        self.nlp_sent.get_pipe("medspacy_target_matcher").add(rules)

    def label(self, ent) -> str:
        x = ent._
        if x.is_negated or (self.strict and (x.is_hypothetical or x.is_uncertain)):
            return "NEG"
        return "POS"

    def labels_of(self, doc) -> list[str]:
        return [self.label(e) for e in doc.ents if e.label_ == LABEL]

    def pipe_sentences(self, sentences):
        return self.nlp_sent.pipe(sentences, batch_size=256)

    def pipe_texts(self, texts):
        return self.nlp.pipe(texts, batch_size=16)


class NegEx:
    name = "NegEx (negspaCy)"

    def __init__(self):
        import negspacy.negation  # noqa: F401  (registers the "negex" factory)
        import spacy
        from spacy.language import Language

        if not Language.has_factory("one_sentence"):
            Language.component("one_sentence")(_one_sentence)

        def pipeline(splitter: str):
            nlp = spacy.blank("en")
            nlp.add_pipe(splitter)  # negex needs sentence boundaries
            ruler = nlp.add_pipe("entity_ruler")
            ruler.add_patterns([{"label": LABEL, "pattern": p} for p in TOKEN_PATTERNS])
            nlp.add_pipe("negex", config={"ent_types": [LABEL]})
            return nlp

        self.nlp = pipeline("sentencizer")  # whole text: spaCy's rule-based sentencizer
        self.nlp_sent = pipeline("one_sentence")

    def labels_of(self, doc) -> list[str]:
        return ["NEG" if e._.negex else "POS" for e in doc.ents if e.label_ == LABEL]

    def pipe_sentences(self, sentences):
        return self.nlp_sent.pipe(sentences, batch_size=256)

    def pipe_texts(self, texts):
        return self.nlp.pipe(texts, batch_size=16)


def label_with_pipeline(system, items) -> None:
    for it, doc in zip(items, system.pipe_sentences([it["text"] for it in items])):
        pick(it, system.name, system.labels_of(doc))


# --------------------------------------------------------------------------- speed

def best_of(repeat: int, fn) -> tuple[float, float]:
    """(best wall seconds, best CPU seconds of this process) over `repeat` runs. CPU time
    is what to read on a busy machine: it does not count waiting for a core."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu


def term_sentences(texts):
    from analysis.extract.segment import segment_text

    return [r["text"] for b in texts.values() for a, t in b.items()
            for r in segment_text(a, t) if TERM.search(r["text"])]


def speed_rows(systems, texts, repeat: int) -> list[dict]:
    from analysis.extract.segment import segment_text

    chars = sum(len(t) for b in texts.values() for t in b.values())
    n_sent = sum(len(segment_text(a, t)) for b in texts.values() for a, t in b.items())
    all_texts = [t for b in texts.values() for t in b.values()]
    picked = term_sentences(texts)
    out = []

    def add(name, mode, seconds):
        wall, cpu = seconds
        out.append({"system": name, "mode": mode, "seconds": wall, "cpu_seconds": cpu,
                    "mb_s": chars / 1e6 / wall, "mb_s_cpu": chars / 1e6 / cpu,
                    "sent_s": n_sent / wall, "sent_s_cpu": n_sent / cpu})

    for s in systems:
        if isinstance(s, Rules):
            add(s.name, s.mode, best_of(repeat, lambda s=s: s.run_corpus(texts)))
            continue
        add(s.name, "whole text", best_of(
            repeat, lambda s=s: [s.labels_of(d) for d in s.pipe_texts(all_texts)]))
        add(s.name, "term sentences", best_of(
            repeat, lambda s=s: [s.labels_of(d) for d in s.pipe_sentences(term_sentences(texts))]))
        # what the library adds inside crosscheck, which segments the text anyway
        add(s.name, "term sentences, library only", best_of(
            repeat, lambda s=s: [s.labels_of(d) for d in s.pipe_sentences(picked)]))
    return out, chars, n_sent, len(picked)


# --------------------------------------------------------------------------- report

def scores(items, name) -> dict:
    claim = [it for it in items if it["gold"] != NO]
    neg = [it for it in items if it["gold"] == NO]
    right = sum(it["pred"][name] == it["gold"] for it in claim)
    covered = [it for it in claim if it["pred"][name] != NO]
    right_cov = sum(it["pred"][name] == it["gold"] for it in covered)
    fp = sum(it["pred"][name] != NO for it in neg)
    tp_claim = len(covered)
    by_gold = {g: (sum(it["pred"][name] == g for it in claim if it["gold"] == g),
                   sum(it["gold"] == g for it in claim)) for g in ("NEG", "POS")}
    return {"accuracy": right / len(claim), "right": right, "n_claim": len(claim),
            "coverage": tp_claim / len(claim), "acc_covered": right_cov / max(1, tp_claim),
            "fp": fp, "n_neg": len(neg), "fp_rate": fp / max(1, len(neg)),
            "precision": tp_claim / max(1, tp_claim + fp), "by_gold": by_gold,
            "mixed": sum(it["mixed"][name] for it in items),
            "by_value": {v: (sum(it["pred"][name] == it["gold"] for it in claim
                                 if it["value"] == v), sum(it["value"] == v for it in claim))
                         for v in POLARITY}}


def accuracy_on(items, name, found_by: str) -> tuple[int, int]:
    """(right, n) on the claim sentences where `found_by` found a claim: polarity alone,
    on the same sentences."""
    pool = [it for it in items if it["gold"] != NO and it["pred"][found_by] != NO]
    return sum(it["pred"][name] == it["gold"] for it in pool), len(pool)


def report(items, names, speeds, chars, n_sent, n_term, unfound, examples: int) -> str:
    lines = []
    claim = [it for it in items if it["gold"] != NO]
    g = Counter(it["gold"] for it in claim)
    lines.append(f"Claim sentences: {len(claim)} (NEG {g['NEG']}, POS {g['POS']}); "
                 f"negative sentences: {sum(it['gold'] == NO for it in items)}; "
                 f"claim quotes not found in any sentence: {len(unfound)}.")
    lines.append(f"Speed corpus: all dev-set texts, {chars / 1e6:.3f} MB, {n_sent} sentences, "
                 f"{n_term} of them with an addiction term. Sentences/s count all {n_sent}.\n")
    lines.append("| system | accuracy NEG/POS | NEG right | POS right | claim found | "
                 "acc. when found | acc. where rules found | FP on negatives | "
                 "claim precision | mixed NEG+POS | right by gold none/low/possible/high |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in names:
        s = scores(items, n)
        (nr, nn), (pr, pn) = s["by_gold"]["NEG"], s["by_gold"]["POS"]
        rr, rn = accuracy_on(items, n, names[0])
        lines.append(f"| {n} | {s['accuracy']:.2f} ({s['right']}/{s['n_claim']}) | "
                     f"{nr}/{nn} | {pr}/{pn} | {s['coverage']:.2f} | {s['acc_covered']:.2f} | "
                     f"{rr / max(1, rn):.2f} ({rr}/{rn}) | "
                     f"{s['fp_rate']:.2f} ({s['fp']}/{s['n_neg']}) | {s['precision']:.2f} | "
                     f"{s['mixed']} | "
                     + " · ".join(f"{a}/{b}" for a, b in s["by_value"].values()) + " |")
    lines.append("\n| system | mode | wall s | CPU s | MB/s (wall) | MB/s (CPU) | "
                 "sentences/s (CPU) |")
    lines.append("|---|---|---|---|---|---|---|")
    for r in speeds:
        lines.append(f"| {r['system']} | {r['mode']} | {r['seconds']:.3f} | "
                     f"{r['cpu_seconds']:.3f} | {r['mb_s']:.2f} | {r['mb_s_cpu']:.2f} | "
                     f"{r['sent_s_cpu']:,.0f} |")
    for n in names:
        wrong = [it for it in items if it["pred"][n] != it["gold"]]
        lines.append(f"\n### {n}: {len(wrong)} sentences differ from gold "
                     f"(showing {min(examples, len(wrong))})")
        # claim sentences first (wrong polarity, then missed), then false positives
        wrong.sort(key=lambda it: (it["gold"] == NO, it["pred"][n] == NO))
        shown = wrong[:max(0, examples - min(3, sum(it["gold"] == NO for it in wrong)))]
        shown += [it for it in wrong if it["gold"] == NO][:examples - len(shown)]
        for it in shown:
            text = re.sub(r"\s+", " ", it["text"])
            text = text if len(text) <= 160 else text[:157] + "..."
            gold = it["gold"] + (f" ({it['value']})" if it["value"] else "")
            lines.append(f"- `{it['article']}` gold {gold}, got {it['pred'][n]}: «{text}»")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    ap.add_argument("--examples", type=int, default=8, help="disagreements shown per system")
    ap.add_argument("--json", help="write items, predictions and figures here")
    args = ap.parse_args(argv)

    texts, annotated, claims = load_devset()
    items, unfound = build_items(texts, annotated, claims)

    systems: list = []
    rules = Rules(texts)
    rules.mode = "extract_article, all topics"
    rules_one = Rules(texts, only_topic="addiction_risk")
    rules_one.mode = "extract_article, addiction_risk only"
    rules.label_items(items, texts, annotated)
    systems += [rules, rules_one]
    names = [rules.name]
    load_notes = []
    for make in (lambda: ConText(strict=True), lambda: ConText(strict=False), NegEx):
        try:
            t = time.perf_counter()
            s = make()
            load_notes.append(f"{s.name}: loaded in {time.perf_counter() - t:.2f} s")
        except ImportError as exc:  # the library is not installed: measure the rest
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        label_with_pipeline(s, items)
        names.append(s.name)
        systems.append(s)
    # the two ConText readings run the same pipeline: time it once
    speed_systems = [s for s in systems if s.name != "ConText (neg-only)"]
    speeds, chars, n_sent, n_term = speed_rows(speed_systems, texts, args.repeat)
    for r in speeds:
        if r["system"].startswith("ConText"):
            r["system"] = "ConText (medspaCy)"

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--",
                            "analysis/extract/scale.py", "analysis/topics/default.toml"],
                           capture_output=True, text=True).stdout.strip()
    versions = []
    for mod in ("spacy", "medspacy", "negspacy", "numpy", "pandas"):
        try:
            versions.append(f"{mod} {metadata.version(mod)}")
        except metadata.PackageNotFoundError:
            pass
    print(f"{time.strftime('%Y-%m-%d')}, commit {commit}"
          f"{' (scale.py/default.toml modified in the work tree)' if dirty else ''}, "
          f"Python {sys.version.split()[0]}, {', '.join(versions)}")
    print("; ".join(load_notes))
    print(report(items, names, speeds, chars, n_sent, n_term, unfound, args.examples))
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"items": items, "speeds": speeds,
             "scores": {n: scores(items, n) for n in names}}, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
