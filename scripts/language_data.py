"""Shared helpers for the language-identification scripts (standard-library Python 3).

Training texts (may ship) and the dev set (evaluation only) are read from ../shared/data and Debian packages;
the feature extraction mirrors src/Polder/Language/LanguageIdentifier.cs (letter runs, lower-cased, padded with
a space, character n-grams of 1..MAX_ORDER).
"""
import csv
import json
import os
import re
import xml.etree.ElementTree as ET

MAX_ORDER = 5
# Longer letter runs are cut: they are compounds or junk, and a cap keeps the feature count per word bounded.
MAX_WORD = 24

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[@#]\w+", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# "heeeel", "yeeees": a letter repeated three or more times counts twice (no Dutch or English word has a triple)
_ELONGATED = re.compile(r"(.)\1{2,}")


def words(text, keep_hashtags=False):
    """Lower-cased letter runs of a text, without URLs, e-mail addresses and mentions (and hashtags unless kept)."""
    if keep_hashtags:
        text = re.sub(r"#(\w)", r"\1", text)
    text = _URL.sub(" ", text)
    return [_ELONGATED.sub(r"\1\1", w)[:MAX_WORD] for w in _WORD.findall(text.lower())]


def ngrams(word):
    p = " " + word + " "
    for n in range(1, MAX_ORDER + 1):
        for i in range(0, len(p) - n + 1):
            g = p[i:i + n]
            if g != " ":
                yield g


def ud_sentences(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[len("# text = "):].strip()


def wordnet_texts(folder="/usr/share/wordnet"):
    """Glosses and example sentences of WordNet 3.0 (one string each)."""
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(folder, "data." + pos), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue  # licence header
                gloss = line.split("|", 1)[1].strip()
                for part in re.split(r';\s*', gloss):
                    part = part.strip().strip('"').strip()
                    if part:
                        yield part


def dekamer_texts(path):
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for k in ("question", "answer"):
                if r[k]:
                    yield r[k]


def pattern_words(path):
    return [e.get("form") for e in ET.parse(path).getroot() if e.get("form")]


def csv_column(path, column, delimiter=","):
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter=delimiter):
            yield r[column]


_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9À-Ý@#])|\n+")


def split_sentences(text):
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def has_letters(text):
    return bool(words(text))


def dev_set(shared, repo):
    """(language, source, text) rows of the dev set: evaluation only, never training.

    Dutch: MP tweets (zegelaar polarity *train* split), earphone reviews (sentences and whole reviews), the
    sample tweets and sample community, UD Alpino dev sentences. English: r/Emory titles and message sentences.
    """
    rows = []
    for t in csv_column(os.path.join(shared, "sentiment/zegelaar-political-tweets-polarity-train.csv"), "content"):
        rows.append(("nl", "tweets-mp", " ".join(t.split())))
    for t in csv_column(os.path.join(shared, "sentiment/glender-earphone-reviews.csv"), "Product_review"):
        rows.append(("nl", "reviews", " ".join(t.split())))
        for s in split_sentences(t):
            rows.append(("nl", "review-sentences", s))
    with open(os.path.join(repo, "samples/tweets-nl.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(("nl", "sample-tweets", line.strip()))
    for t in csv_column(os.path.join(repo, "samples/community-sample.csv"), "text"):
        rows.append(("nl", "sample-community", " ".join(t.split())))
    for s in ud_sentences(os.path.join(shared, "text/ud-nl-alpino-dev.conllu")):
        rows.append(("nl", "ud-alpino-dev", s))
    # test-only sets may be used to evaluate: party tweets (dev split) and the first sentences of DPG news articles
    for t in csv_column(os.path.join(shared, "community/party-tweets-populism-dev.csv"), "Tweet"):
        rows.append(("nl", "tweets-party", " ".join(t.split())))
    with open(os.path.join(shared, "groups/dpgMedia2019-articles-byarticle.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            rows.append(("nl", "news-titles", " ".join(a["title"].split())))
            for s in split_sentences(a["text"])[:8]:
                rows.append(("nl", "news-sentences", " ".join(s.split())))
    with open(os.path.join(shared, "community/reddit-emory-messages.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["title"].strip():
                rows.append(("en", "reddit-titles", " ".join(r["title"].split())))
            if r["text"].strip() in ("[deleted]", "[removed]"):
                continue
            for s in split_sentences(r["text"]):
                rows.append(("en", "reddit-sentences", " ".join(s.split())))
    # only texts with evidence: a line of only emoji, numbers or a URL has no language to get right
    seen = set()
    out = []
    for lang, src, text in rows:
        if has_letters(text) and (src, text) not in seen:
            seen.add((src, text))
            out.append((lang, src, text))
    return out


def word_count(text):
    return len(text.split())
