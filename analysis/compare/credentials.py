"""Author credentials: the same bio under different names, and credentials that do not
fit together."""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, utils

from ..topics import Topic
from .common import Conflict, _camp_list, _short

TEMPLATE_MIN_SCORE = 65.0


def _masked_bio(row: dict) -> str:
    text = str(row["evidence"])
    name = str(row.get("name") or "")
    for token in sorted({name, *name.split()}, key=len, reverse=True):
        if token:
            text = text.replace(token, "NAME")
    return re.sub(r"\b(she|he|her|his|they|their|hers|him)\b", "PRON", text, flags=re.I)


def _credentialed(row: dict) -> bool:
    """A bio that claims something (a degree, a certification, years, an affiliation):
    copying it under a new name passes a credential off; a staff byline claims none."""
    return any(str(row.get(k) or "").strip() and str(row.get(k)) != "nan"
               for k in ("degrees", "certifications", "years_experience", "affiliations"))


_NON_WORD = re.compile(r"[^\w\s]+")


def _shingles(text: str, size: int = 4) -> set[int]:
    words = _NON_WORD.sub(" ", text.lower()).split()
    return {hash(tuple(words[i:i + size])) for i in range(max(1, len(words) - size + 1))}


def candidate_pairs(texts: list[str], *, min_shared: int = 2, max_bucket: int = 50,
                    star: bool = True) -> list[tuple[int, int]]:
    """Index pairs of texts that share at least `min_shared` word 4-gram shingles.

    Blocking keeps near-duplicate search linear in practice: only texts that share
    phrasing are compared, and a shingle found in more than `max_bucket` texts links
    each of them to the first one only, rather than pairing everything with everything.
    """
    index: dict[int, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for sh in _shingles(text):
            index[sh].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) < 2:
            continue
        if len(members) > max_bucket:
            if not star:
                continue  # boilerplate ("consult your doctor"): evidence of no one copying
            # A phrase in many texts: link each to the first text that has it (a star,
            # not all pairs), so a template copied a thousand times stays linear.
            head = members[0]
            for other in members[1:]:
                shared[(head, other)] += 1
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    return sorted(pair for pair, n in shared.items() if n >= min_shared)


def _credential_conflicts(topic: Topic, rows: list[dict], max_pairs: int) -> list[Conflict]:
    out: list[Conflict] = []
    # Credentials that do not fit together: one row per kind of flag, listing every
    # article whose author carries it (the same implausible bio is usually copied).
    flagged: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        for flag in filter(None, (f.strip() for f in str(r.get("flags") or "").split(";"))):
            flagged[flag].append(r)
    for flag, members in sorted(flagged.items()):
        names = ", ".join(f"{m['value']} ({_short(m['article'])})" for m in members[:4])
        more = f" +{len(members) - 4} more" if len(members) > 4 else ""
        out.append(Conflict(topic.key, "within-source",
                            list(dict.fromkeys(m["article"] for m in members)),
                            f"{flag}: {names}{more}", members[:4], 0.6,
                            scope="implausible credentials", detail=flag,
                            folded=max(0, len(members) - 4)))
    if len(rows) < 2:
        return out
    bios = [_masked_bio(r) for r in rows]
    pairs = []
    for i, j in candidate_pairs(bios):
        a, b = rows[i], rows[j]
        same_name = str(a.get("name", "")).lower() == str(b.get("name", "")).lower()
        if a["article"] == b["article"] or same_name or not (_credentialed(a)
                                                              and _credentialed(b)):
            continue  # "X is a health writer at TIME.com": an outlet's byline, no bio
        score = fuzz.token_sort_ratio(bios[i], bios[j], processor=utils.default_process)
        if score >= TEMPLATE_MIN_SCORE:
            pairs.append((float(score), a, b))
    # Copies form clusters (A≈B, B≈C): one row per cluster, its members side by side.
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {id(r): i for i, r in enumerate(rows)}
    best: dict[int, float] = defaultdict(float)
    for _score, a, b in pairs:
        ra, rb = root(index[id(a)]), root(index[id(b)])
        if ra != rb:
            parent[rb] = ra
    for score, a, _b in pairs:
        c = root(index[id(a)])
        best[c] = max(best[c], score)
    clusters: dict[int, list[dict]] = defaultdict(list)
    for i, r in enumerate(rows):
        if root(i) in best:
            clusters[root(i)].append(r)
    ranked = sorted(clusters.items(), key=lambda kv: (-best[kv[0]], -len(kv[1])))
    for c, members in ranked[:max_pairs]:
        members = sorted(members, key=lambda r: (r["article"], r["start"]))
        names = ", ".join(f"{m['value']} ({_short(m['article'])})" for m in members[:4])
        more = f" +{len(members) - 4} more" if len(members) > 4 else ""
        out.append(Conflict(
            topic.key, "cross-source", list(dict.fromkeys(m["article"] for m in members)),
            f"near-identical bios under different names: {names}{more}; "
            f"similarity up to {best[c]:.0f}%", members[:4], best[c] / 100,
            scope="bio template", detail=f"{len(members)} bios",
            folded=max(0, len(members) - 4)))
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_name[str(r.get("name", "")).lower()].append(r)
    for _name, same in by_name.items():
        degree_sets = {r["article"]: frozenset(d.strip().lower() for d in
                                               str(r.get("degrees") or "").split(";") if d.strip())
                       for r in same}
        nonempty = {a: d for a, d in degree_sets.items() if d}
        if len(nonempty) >= 2 and len(set(nonempty.values())) > 1:
            sides = [r for r in same if r["article"] in nonempty]
            said: dict[str, list[str]] = defaultdict(list)  # degrees -> articles saying them
            for r in sides:
                said[str(r["degrees"])].append(r["article"])
            if all(len(a) == 1 for a in said.values()):
                text = "; ".join(f"{_short(r['article'])}: {r['degrees']}" for r in sides)
            else:  # a name reused across a crawl: one entry per degree, not per article
                order = sorted(said.items(), key=lambda x: -len(x[1]))
                text = "; ".join(f"{d} ({_camp_list(sorted(set(a)), 3)})" for d, a in order)
                first = {d: a[0] for d, a in order[:6]}  # one quote per degree
                sides = [r for r in sides if first.get(str(r["degrees"])) == r["article"]]
            out.append(Conflict(topic.key, "cross-source", sorted(nonempty),
                                f"{same[0]['value']} is given different degrees: {text}",
                                sides, 0.7, scope="same person"))
    return out
