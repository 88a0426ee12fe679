#!/usr/bin/env python3
"""Checks and (re)writes the tune/check halves of the municipal sentiment dev set.

A post belongs to the tune half when the first byte of the SHA-256 of its UTF-8 text is even, else to the check
half: the split depends on nothing but the text, so adding posts never moves old ones. Usage:
    python3 scripts/split-municipal-devset.py            # verify: every post is in the half its hash says
    python3 scripts/split-municipal-devset.py --write    # re-split after adding posts to either file
"""
import csv, hashlib, os, sys
from collections import Counter

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "devsets", "sentiment-municipal")
FILES = {"tune": os.path.join(DIR, "tune.csv"), "check": os.path.join(DIR, "check.csv")}


def half(text):
    return "tune" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def main():
    rows, wrong = [], 0
    for name, path in FILES.items():
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                assert r["label"] in ("negative", "neutral", "positive"), r
                rows.append(r)
                wrong += half(r["text"]) != name
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate posts"
    if "--write" in sys.argv:
        for name, path in FILES.items():
            with open(path, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["text", "label", "source"])
                w.writerows((r["text"], r["label"], r["source"]) for r in rows if half(r["text"]) == name)
    elif wrong:
        sys.exit(f"{wrong} posts are in the wrong half; run with --write")
    print(len(rows), "posts", sorted(Counter((half(r["text"]), r["label"]) for r in rows).items()))


if __name__ == "__main__":
    main()
