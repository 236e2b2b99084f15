#!/usr/bin/env python3
"""Rebuild devset/texts/ (git-ignored) from devset/sources/*.jsonl.

- `git` sources are cut out of public GitHub repositories brought in with the search
  tool's `fetch` (bare mirrors under /work/.mirror): see build_news.py, which does it.
- `pages` sources are excerpts of stored web pages from the search tool's `pages` corpus.
  That tool is not callable from a script, so they are rebuilt from the raw cache
  devset/raw/pages/<id>.txt, which a session refills by running each source's `query`
  with the search tool and saving the excerpt whose address is the source's `url`.

Every text is checked against the sha256 recorded in its source line.

    python devset/build.py [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sources() -> list[dict]:
    rows = []
    for path in sorted((HERE / "sources").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    args = ap.parse_args()
    bad = missing = written = 0
    for src in sources():
        if src["origin"]["type"] != "pages":
            continue
        raw = HERE / "raw" / "pages" / f"{src['id']}.txt"
        out = HERE / "texts" / src["batch"] / f"{src['id']}.txt"
        if not raw.exists():
            missing += 1
            print(f"missing raw page {raw.name}: search '{src['origin']['query']}' and save "
                  f"the excerpt of {src['origin']['url']}", file=sys.stderr)
            continue
        data = raw.read_bytes()
        if hashlib.sha256(data).hexdigest() != src["sha256"]:
            bad += 1
            print(f"sha256 differs: {raw}", file=sys.stderr)
            continue
        if args.check:
            if not out.exists() or out.read_bytes() != data:
                bad += 1
                print(f"differs: {out}", file=sys.stderr)
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        written += 1
    rc = 0
    for listed, out in (("news.jsonl", "news"), ("news_c.jsonl", "news2")):
        news = [sys.executable, str(HERE / "build_news.py"), "--sources",
                str(HERE / "sources" / listed), "--out", str(HERE / "texts" / out)]
        rc = rc or subprocess.run(news + (["--check"] if args.check else [])).returncode
    print(f"pages: {written} written, {missing} missing, {bad} bad; news: exit {rc}")
    return 1 if bad or missing or rc else 0


if __name__ == "__main__":
    sys.exit(main())
