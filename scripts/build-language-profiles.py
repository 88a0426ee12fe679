#!/usr/bin/env python3
"""Builds src/Polder/Language/language-profiles.tsv: character n-gram counts per language (models/language-id.md).

Usage: python3 scripts/build-language-profiles.py [--shared ../shared/data] [--out src/Polder/Language/language-profiles.tsv]
       [--eval]   (also scores the dev set with the same naive Bayes as LanguageIdentifier.cs, for tuning)

Standard-library Python 3. Reads only sources that may ship (see models/language-id.md): Dutch from UD LassySmall
(CC BY-SA 4.0), the Belgian Chamber questions and answers (CC0), the Pattern (PDDL) and Glender (MIT) lexicon
words, the nlp.js stop words (MIT) and the OpenTaal word list (Debian wdutch; BSD or CC BY 3.0); English from
WordNet 3.0 glosses and examples (WordNet licence, Debian wordnet-base) and the SCOWL word list (Debian wamerican,
permissive). Needs: apt-get install wordnet-base wdutch wamerican. Deterministic: the same inputs give the same file.
"""
import argparse
import collections
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import language_data as ld  # noqa: E402

LANGS = ["nl", "en"]
# The word layer (language-words.tsv). A word in both spelling lists (top, service, drama) is weak evidence: its
# n-grams count half. A word in one list only whose n-grams point to the other language ("prima", "origineel"
# look English) counts as EXCLUSIVE_WORD_BONUS nats for its own language instead. On the dev set this took short
# Dutch texts from 0.973 to 0.986 and short English ones from 0.978 to 0.975 (sweep in the model card).
SHARED_WORD_WEIGHT = 0.5
NOTICE = (
    "# Derived from: UD Dutch LassySmall (CC BY-SA 4.0); Belgian Chamber questions (CC0); Pattern (PDDL); Glender (MIT);\n"
    "# nlp.js (MIT, (c) AXA Group Operations Spain S.A.); OpenTaal word list (BSD, (c) 2006-2020 OpenTaal, (c) 2001-2005\n"
    "# Simon Brouwer e.a., (c) 1996 Nederlandstalige TeX Gebruikersgroep); SCOWL (c) 2000-2011 Kevin Atkinson (permission\n"
    "# to use, copy, modify, distribute and sell); WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
    "# WordNet is provided \"as is\" and Princeton University makes no representations or warranties, express or implied.\n")
EXCLUSIVE_WORD_BONUS = 10.0
WDUTCH = "/usr/share/dict/dutch"  # Debian package wdutch (OpenTaal word list, BSD or CC BY 3.0)
WAMERICAN = "/usr/share/dict/american-english"  # Debian package wamerican (SCOWL, permissive)


def training_texts(shared):
    """language -> list of (text, weight). Word lists count once per word; running text per occurrence."""
    t = {"nl": [], "en": []}
    for s in ld.ud_sentences(os.path.join(shared, "text/ud-nl-lassysmall-dev.conllu")):
        t["nl"].append((s, 1))
    for s in ld.dekamer_texts(os.path.join(shared, "topics/dekamer-2017-jan-may.csv")):
        t["nl"].append((s, 1))
    for w in ld.pattern_words(os.path.join(shared, "sentiment/pattern-nl-sentiment.xml")):
        t["nl"].append((w, 3))
    for w in ld.csv_column(os.path.join(shared, "sentiment/glender-dutch-sentiment-dictionary.csv"), "word"):
        t["nl"].append((w, 3))
    with open(os.path.join(shared, "sentiment/nlpjs-stopwords-nl.txt"), encoding="utf-8") as f:
        for w in f:
            if w.strip():
                t["nl"].append((w.strip(), 3))
    for s in ld.wordnet_texts():
        t["en"].append((s, 1))
    # Spelling word lists (every inflected form once): they cover everyday words that the formal running text
    # above lacks (short Dutch review sentences went from 0.957 to 0.974 on the dev set with them). Names
    # (capitalised) and possessives are left out: they say little about the language.
    for lang, path in (("nl", WDUTCH), ("en", WAMERICAN)):
        with open(path, encoding="utf-8") as f:
            for w in f:
                w = w.strip()
                if w and not w[0].isupper() and "'" not in w and " " not in w:
                    t[lang].append((w, 1))
    return t


def count(texts):
    counts = collections.defaultdict(lambda: [0] * len(LANGS))
    for li, lang in enumerate(LANGS):
        for text, weight in texts[lang]:
            for w in ld.words(text):
                for g in ld.ngrams(w):
                    counts[g][li] += weight
    return counts


def totals(counts):
    tot = [[0] * (ld.MAX_ORDER + 1) for _ in LANGS]
    vocab = [0] * (ld.MAX_ORDER + 1)
    for g, c in counts.items():
        vocab[len(g)] += 1
        for li in range(len(LANGS)):
            tot[li][len(g)] += c[li]
    return tot, vocab


class Model:
    def __init__(self, counts, tot, vocab, alpha, min_count):
        self.table = {}
        self.floor = [[0.0] * (ld.MAX_ORDER + 1) for _ in LANGS]
        for li in range(len(LANGS)):
            for n in range(1, ld.MAX_ORDER + 1):
                self.floor[li][n] = math.log(alpha / (tot[li][n] + alpha * vocab[n]))
        for g, c in counts.items():
            if sum(c) < min_count:
                continue
            n = len(g)
            self.table[g] = [math.log((c[li] + alpha) / (tot[li][n] + alpha * vocab[n])) for li in range(len(LANGS))]

        self.words = {}

    def word_scores(self, w):
        s = [0.0] * len(LANGS)
        k = 0
        for g in ld.ngrams(w):
            p = self.table.get(g)
            if p is None:
                continue
            k += 1
            for li in range(len(LANGS)):
                s[li] += p[li]
        return s, k

    def scores(self, text):
        s = [0.0] * len(LANGS)
        k = 0
        for w in ld.words(text):
            ws, wk = self.word_scores(w)
            kind = self.words.get(w)
            if kind == "shared":
                ws = [x * SHARED_WORD_WEIGHT for x in ws]
            elif kind is not None:
                # a word of one language's spelling list only: its letters are not asked
                ws = [EXCLUSIVE_WORD_BONUS if lang == kind else 0.0 for lang in LANGS]
                wk = max(wk, 1)
            k += wk
            for li in range(len(LANGS)):
                s[li] += ws[li]
        return s, k

    def identify(self, text):
        s, k = self.scores(text)
        if k == 0:
            return "unknown", 0.0
        best = max(range(len(LANGS)), key=lambda i: s[i])
        z = sum(math.exp(x - s[best]) for x in s)
        return LANGS[best], 1.0 / z


def spelling_words():
    """lang -> set of lower-cased letter-only words of the OpenTaal (nl) and SCOWL (en) lists."""
    out = {}
    for lang, path in (("nl", WDUTCH), ("en", WAMERICAN)):
        with open(path, encoding="utf-8") as f:
            out[lang] = {w.strip().lower() for w in f if w.strip() and "'" not in w}
        out[lang] = {w for w in out[lang] if len(w) <= ld.MAX_WORD and ld.words(w) == [w]}
    return out


def word_layer(model, lists):
    """word -> 'shared', 'nl' or 'en' (see SHARED_WORD_WEIGHT)."""
    nl, en = lists["nl"], lists["en"]
    layer = {w: "shared" for w in nl & en}
    for w in nl - en:
        s, _ = model.word_scores(w)
        if s[0] - s[1] < 0:
            layer[w] = "nl"
    for w in en - nl:
        s, _ = model.word_scores(w)
        if s[1] - s[0] < 0:
            layer[w] = "en"
    return layer


def evaluate(model, rows):
    by = collections.defaultdict(lambda: [0, 0])
    errors = []
    for lang, src, text in rows:
        guess, _ = model.identify(text)
        ok = guess == lang
        short = ld.word_count(text) <= 6
        for key in ("all", "short" if short else "long", src, lang + (" short" if short else "")):
            by[key][0] += ok
            by[key][1] += 1
        if not ok:
            errors.append((lang, src, text))
    for key in sorted(by):
        c, n = by[key]
        print(f"  {key:22s} {c / n:.4f}  ({n - c} wrong of {n})")
    return errors


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(repo, "src/Polder/Language/language-profiles.tsv"))
    ap.add_argument("--min-count", type=int, default=30)
    ap.add_argument("--alpha", type=float, default=0.5)
    ap.add_argument("--eval", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    texts = training_texts(a.shared)
    counts = count(texts)
    tot, vocab = totals(counts)
    model = Model(counts, tot, vocab, a.alpha, a.min_count)
    model.words = word_layer(model, spelling_words())
    if a.eval:
        rows = ld.dev_set(a.shared, repo)
        print(f"table {len(model.table)} n-grams; dev {len(rows)} texts")
        errs = evaluate(model, rows)
        for e in errs[:a.errors]:
            print("  ERR", e)
        return
    kept = sorted(g for g, c in counts.items() if sum(c) >= a.min_count)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Character n-gram counts per language for Polder.Language (built by scripts/build-language-profiles.py;\n")
        f.write("# sources and licences in models/language-id.md). n-grams of lower-cased letter runs padded with a space.\n")
        f.write(NOTICE)
        f.write("#languages\t" + "\t".join(LANGS) + "\n")
        f.write(f"#alpha\t{a.alpha}\n")
        f.write("#vocab\t" + "\t".join(str(v) for v in vocab[1:]) + "\n")
        for li, lang in enumerate(LANGS):
            f.write(f"#totals {lang}\t" + "\t".join(str(v) for v in tot[li][1:]) + "\n")
        for g in kept:
            f.write(g.replace(" ", "_") + "\t" + "\t".join(str(c) for c in counts[g]) + "\n")
    words_out = os.path.join(os.path.dirname(a.out), "language-words.tsv")
    with open(words_out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Word layer for Polder.Language (built by scripts/build-language-profiles.py from the OpenTaal and SCOWL\n")
        f.write("# spelling lists, see models/language-id.md). word<TAB>nl|en: in that list only, yet its letters look like\n")
        f.write("# the other language; word<TAB>shared: in both lists, its n-grams count for less.\n")
        f.write(NOTICE)
        f.write(f"#shared-word-weight\t{SHARED_WORD_WEIGHT}\n")
        f.write(f"#exclusive-word-bonus\t{EXCLUSIVE_WORD_BONUS}\n")
        for w in sorted(model.words):
            f.write(f"{w}\t{model.words[w]}\n")
    print(f"wrote {len(kept)} n-grams to {a.out} and {len(model.words)} words to {words_out}")


if __name__ == "__main__":
    main()
