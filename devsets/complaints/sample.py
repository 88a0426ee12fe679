#!/usr/bin/env python3
"""Deterministic sampler of the complaint dev set (devsets/complaints/README.md).

Run from the repository root:  python3 devsets/complaints/sample.py
Reads samples/community-sample.csv, ../shared/data/community/{political-tweets-2020-04.tsv,reddit-emory-messages.csv},
devsets/complaints/written.tsv (reports written by us, with their gold labels) and devsets/complaints/labels.tsv (the
hand annotation of the sampled posts: id TAB gold_main TAB gold_sub) and writes devsets/complaints/devset.csv.
Without labels.tsv it writes the unlabelled candidates (for annotating).
"""
import csv, hashlib, os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("POLDER_SHARED_DATA") or os.path.join(ROOT, "..", "shared", "data")
HERE = os.path.join(ROOT, "devsets", "complaints")
SEED = 20261206

# Words that made the old seed-term classifier fire on non-complaints (stem collisions such as bijen/bij, gans/gaan,
# tak/take); posts with them are oversampled so the dev set tests exactly those traps.
TRAPS_NL = re.compile(r"\b(bij|gaan|gaat|weg|haag|dieren|verkeer|straat|water|park|afval|vuurwerk|overlast|bomen|boom|lucht|groen|deal\w*|rat|strooi\w*)\b", re.I)
TRAPS_EN = re.compile(r"\b(take|taking|put|club|rat\w*|deal\w*|glad|water|park\w*|bar|posters?|street|trash|noise|tree)\b", re.I)


def template(text):
    # the sample community is generated from templates: street names and numbers vary, the rest repeats
    text = re.sub(r"\b(maan|dins|woens|donder|vrij|zater|zon)dag\b", "D", text)
    return re.sub(r"\b[A-Z][\w']*( [A-Z][\w']*)*|\d+", "X", text)


def split_of(pid):
    return "tune" if int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 2 == 0 else "check"


def clean(text):
    return " ".join(text.split())


def main():
    rng = random.Random(SEED)
    out = []
    # 1. the sample community: one post per template (84 templates)
    rows = list(csv.DictReader(open(os.path.join(ROOT, "samples", "community-sample.csv"), encoding="utf-8")))
    by_template = {}
    for r in rows:
        by_template.setdefault(template(r["text"]), []).append(r)
    for key in sorted(by_template):
        r = rng.choice(by_template[key])
        out.append(("sample:" + r["id"], "sample", clean(r["text"])))
    # 2. politicians' tweets: 60 at random + 40 with trap words; the "Name (@handle): " prefix is stripped like the loader does
    tweets = []
    with open(os.path.join(SHARED, "community", "political-tweets-2020-04.tsv"), encoding="utf-8") as f:
        next(f)
        for i, line in enumerate(f, start=2):
            content = line.rstrip("\n").split("\t")[3]
            body = re.sub(r"^.*? \(@\w+\): ", "", content, count=1)
            tweets.append(("tweet:" + str(i), "tweet", clean(body)))
    rng.shuffle(tweets)
    picked = tweets[:60]
    picked += [t for t in tweets[60:] if TRAPS_NL.search(t[2])][:40]
    out += picked
    # 3. English reddit: 30 at random + 20 with trap words (title and text, like Post.TitleAndText)
    reddit = []
    with open(os.path.join(SHARED, "community", "reddit-emory-messages.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            text = (r["title"] + ". " + r["text"]) if r["title"] else r["text"]
            text = clean(text)
            if 10 <= len(text) <= 600:
                reddit.append(("reddit:" + r["message_id"], "reddit", text))
    rng.shuffle(reddit)
    picked = reddit[:30]
    picked += [t for t in reddit[30:] if TRAPS_EN.search(t[2])][:20]
    out += picked

    labels = {}
    path = os.path.join(HERE, "labels.tsv")
    annotated = os.path.exists(path)
    if annotated:
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            labels[f[0]] = (f[1] if len(f) > 1 else "", f[2] if len(f) > 2 else "")
    # 4. municipal-style messages written by us, with their labels
    for i, line in enumerate(open(os.path.join(HERE, "written.tsv"), encoding="utf-8")):
        if line.startswith("#") or not line.strip():
            continue
        main, sub, text = line.rstrip("\n").split("\t")
        pid = "written:%03d" % i
        out.append((pid, "written", text))
        labels[pid] = (main, sub)

    missing = [pid for pid, _, _ in out if pid not in labels]
    if annotated and missing:
        sys.exit("not annotated: " + ", ".join(missing[:10]))
    with open(os.path.join(HERE, "devset.csv" if annotated else "candidates.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "source", "split", "gold_main", "gold_sub", "text"])
        for pid, source, text in out:
            main, sub = labels.get(pid, ("", ""))
            w.writerow([pid, source, split_of(pid), main, sub, text])
    print(f"{len(out)} posts", file=sys.stderr)


if __name__ == "__main__":
    main()
