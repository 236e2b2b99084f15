#!/usr/bin/env python3
"""Rebuild devset/texts/news/*.txt from the git mirrors named in sources/news.jsonl.

Stdlib only. Each source line names a public GitHub repository, a commit, a file and a
`select` rule; the article text is the selected record's `fields` joined with a blank
line (title first), written as UTF-8 and checked against the recorded sha256.

Mirrors are bare git directories under MIRROR_ROOT (default /work/.mirror), one per
repository, named `owner+name` (the git directory may be `repo/.git`, `repo` or the
folder itself).

    python devset/build_news.py [--mirror-root DIR] [--out DIR] [--check]

--check rebuilds in memory and compares with the files already in --out.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def git_dir(root, repo):
    base = os.path.join(root, repo.replace("/", "+"))
    for cand in (os.path.join(base, "repo", ".git"), os.path.join(base, "repo"), base):
        if os.path.isfile(os.path.join(cand, "HEAD")):
            return cand
    raise SystemExit(f"no mirror for {repo} under {root} (fetch github:{repo} first)")


def blob(gd, commit, path):
    return subprocess.run(["git", "--git-dir", gd, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def select(data, sel):
    fmt, key, fields = sel["format"], sel.get("key", ""), sel["fields"]
    if fmt == "json":
        rec = json.loads(data)
        if isinstance(rec, list):
            rec = rec[int(key)]
    elif fmt == "jsonl":
        rec = json.loads(data.decode("utf-8").splitlines()[int(key)])
    elif fmt == "csv":
        rec = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))[int(key)]
    elif fmt == "text":
        return data.decode("utf-8")
    else:
        raise SystemExit(f"unknown select format {fmt!r}")
    return "\n\n".join(rec[f] for f in fields)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", default=os.path.join(HERE, "sources", "news.jsonl"))
    ap.add_argument("--mirror-root", default=os.environ.get("MIRROR_ROOT", "/work/.mirror"))
    ap.add_argument("--out", default=os.path.join(HERE, "texts", "news"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    cache, bad, n = {}, 0, 0
    with open(a.sources, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            src = json.loads(line)
            o = src["origin"]
            if o["type"] != "git":
                continue
            if o["repo"] not in cache:
                cache[o["repo"]] = git_dir(a.mirror_root, o["repo"])
            text = select(blob(cache[o["repo"]], o["commit"], o["path"]), o["select"])
            b = text.encode("utf-8")
            dst = os.path.join(a.out, src["id"] + ".txt")
            ok = hashlib.sha256(b).hexdigest() == src["sha256"] and len(text) == src["chars"]
            if a.check:
                ok = ok and os.path.isfile(dst) and open(dst, "rb").read() == b
            else:
                with open(dst, "wb") as f:
                    f.write(b)
            n += 1
            if not ok:
                bad += 1
                print("MISMATCH", src["id"], file=sys.stderr)
    print(f"{n} texts {'checked' if a.check else 'written'}, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
