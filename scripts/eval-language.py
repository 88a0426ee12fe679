#!/usr/bin/env python3
"""Language identification on the dev set: Polder (`polder language`) against Debian's python3-langdetect.

Usage (from the repository root, after `dotnet build src/Polder.Cli -c Release`):
  /usr/bin/python3 scripts/eval-language.py [--shared ../shared/data] [--polder "dotnet src/Polder.Cli/bin/Release/net10.0/polder.dll"]
         [--no-langdetect] [--errors N]

The dev set (scripts/language_data.py dev_set) is evaluation data only: Dutch MP tweets (train split), party
tweets (dev split), earphone reviews, DPG news titles and sentences, the sample tweets and community, UD Alpino
dev sentences; English r/Emory titles and sentences. Only texts with at least one letter are scored. Accuracy is
reported overall and for texts of six words or fewer (whitespace-separated). langdetect is seeded
(DetectorFactory.seed = 0); a text it cannot score counts as wrong, as "unknown" does for Polder.
"""
import argparse
import collections
import json
import os
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import language_data as ld  # noqa: E402


def run_polder(cmd, texts):
    data = "".join(t.replace("\n", " ") + "\n" for t in texts).encode("utf-8")
    start = time.perf_counter()
    out = subprocess.run(shlex.split(cmd) + ["language", "-"], input=data, capture_output=True, check=True).stdout
    seconds = time.perf_counter() - start
    guesses = [json.loads(line)["language"] for line in out.decode("utf-8").splitlines()]
    assert len(guesses) == len(texts), (len(guesses), len(texts))
    return guesses, seconds


def run_langdetect(texts):
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0
    out = []
    start = time.perf_counter()
    for t in texts:
        try:
            out.append(detect(t))
        except LangDetectException:
            out.append("unknown")
    return out, time.perf_counter() - start


def report(name, rows, guesses, seconds):
    by = collections.defaultdict(lambda: [0, 0])
    for (lang, src, text), g in zip(rows, guesses):
        ok = g == lang
        short = ld.word_count(text) <= 6
        for key in ("all", "<=6 words" if short else ">6 words", f"{lang} all", f"{lang} <=6 words" if short else f"{lang} >6 words", "source " + src):
            by[key][0] += ok
            by[key][1] += 1
    print(f"{name}: {len(rows)} texts in {seconds:.1f} s ({len(rows) / seconds:,.0f} texts/s incl. start-up)")
    for key in ["all", "<=6 words", ">6 words", "nl all", "nl <=6 words", "en all", "en <=6 words"] + sorted(k for k in by if k.startswith("source ")):
        c, n = by[key]
        print(f"  {key:28s} {c / n:.4f}  ({n - c} wrong of {n})")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared", "data"))
    ap.add_argument("--polder", default="dotnet " + os.path.join(repo, "src/Polder.Cli/bin/Release/net10.0/polder.dll"))
    ap.add_argument("--no-langdetect", action="store_true")
    ap.add_argument("--no-polder", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    rows = ld.dev_set(a.shared, repo)
    texts = [t for _, _, t in rows]
    if not a.no_polder:
        g, s = run_polder(a.polder, texts)
        report("polder", rows, g, s)
        wrong = [(r, x) for r, x in zip(rows, g) if r[0] != x]
        for (lang, src, text), x in wrong[:a.errors]:
            print(f"    {lang}->{x} [{src}] {text}")
    if not a.no_langdetect:
        g, s = run_langdetect(texts)
        report("langdetect (python3-langdetect, seed 0)", rows, g, s)


if __name__ == "__main__":
    main()
