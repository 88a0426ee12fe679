#!/usr/bin/python3
"""Scores Dutch place-name detection on the hand-annotated dev set devsets/places/places-dev.jsonl.
Run from the repository root:

    /usr/bin/python3 scripts/eval-places.py texts > /tmp/places-dev.txt        # one sentence a line (--set news: the news set)
    polder places /tmp/places-dev.txt > /tmp/places-dev.polder.jsonl
    frog -n --skip=mpac -t /tmp/places-dev.txt -o /tmp/places-dev.frog.tsv     # optional peer (Debian package frog)
    /usr/bin/python3 scripts/eval-places.py score --polder /tmp/places-dev.polder.jsonl [--frog /tmp/places-dev.frog.tsv] [-v]

A detection is right when its span equals a gold span exactly (UTF-16 offsets); "overlap" also counts a detection
that overlaps a gold span. Figures for the tune half (even ids), the check half (odd ids) and all; --set news scores the 220 news sentences
(devsets/places/places-news.jsonl) instead.
frog's LOC entities are scored twice: as they are, and "frog Dutch": only those whose text is a name in Polder's
Dutch tables (municipalities, places, districts, aliases) and not in its foreign list — the fairest reading of
frog as a Dutch place finder.
"""
import argparse, json, os, re, sys, unicodedata

SETS = {'dev': 'devsets/places/places-dev.jsonl', 'news': 'devsets/places/places-news.jsonl', 'dpg': 'devsets/places/places-dpg.jsonl'}

def u16(text, i): return len(text[:i].encode('utf-16-le')) // 2
def fold(w): return ''.join(c for c in unicodedata.normalize('NFD', w) if unicodedata.category(c) != 'Mn').lower()
def key(n): return ' '.join(fold(w) for w in re.findall(r'\w+', n))

def tables():
    d = 'src/Polder/Places'
    names, foreign = set(), set()
    excluded = {key(l) for l in open(os.path.join(d, 'excluded-place-names.txt'), encoding='utf-8') if not l.startswith('#') and l.strip()}
    for fn in ('municipalities-2014.tsv', 'places-2020.tsv', 'districts-2014.tsv', 'place-aliases.tsv', 'municipalities-since-2021.tsv'):
        for line in open(os.path.join(d, fn), encoding='utf-8'):
            if line.startswith('#') or not line.strip(): continue
            k = key(re.sub(r'\s+(\([A-Za-z.]{1,4}\)|[A-Z][A-Za-z]{0,2}\.?)$', '', line.split('\t')[0]))
            if fn != 'places-2020.tsv' or k not in excluded: names.add(k)
    for line in open(os.path.join(d, 'foreign-place-names.tsv'), encoding='utf-8'):
        if not line.startswith('#') and line.strip(): foreign.add(key(line.split('\t')[0]))
    return names, foreign

def frog_spans(path, docs):
    # frog (-n) still splits a line into sentences, so its tokens are aligned with the dev texts as one stream
    toks = []
    for line in open(path, encoding='utf-8'):
        c = line.rstrip('\n').split('\t')
        if len(c) > 6 and c[0].isdigit(): toks.append((c[1], c[6]))
        elif not line.strip(): toks.append(None)   # sentence end closes an entity
    out = [[] for _ in docs]
    k, pos, open_ = 0, 0, None
    def close():
        nonlocal open_
        if open_: out[open_[0]].append((open_[1], open_[2])); open_ = None
    for t in toks:
        if t is None: close(); continue
        tok, tag = t
        text = docs[k]['text']
        i = text.find(tok, pos)
        if i < 0 or text[pos:i].strip():
            nxt = docs[k + 1]['text'] if k + 1 < len(docs) else ''
            if nxt.lstrip().startswith(tok):
                close(); k += 1; text = nxt; pos = 0; i = text.find(tok)
            else: i = -1
        if i < 0: continue                          # the tokenizer changed the token: skip it
        j = i + len(tok); pos = j
        if tag.startswith('B-LOC') or (tag.startswith('I-LOC') and open_ is None):
            close(); open_ = [k, i, j]
        elif tag.startswith('I-LOC'): open_[2] = j
        else: close()
    close()
    return [[(u16(d['text'], a), u16(d['text'], b)) for a, b in spans] for d, spans in zip(docs, out)]

def score(docs, preds, verbose=False, label=''):
    rows = {}
    for split in sorted({d['split'] for d in docs}, reverse=True) + ['all']:
        tp = fp = fn = otp = ofp = 0
        for d, p in zip(docs, preds):
            if split != 'all' and d['split'] != split: continue
            gold = {(g['start'], g['end']) for g in d['places']}
            pred = set(p)
            tp += len(gold & pred); fp += len(pred - gold); fn += len(gold - pred)
            for a, b in pred:
                if any(a < ge and gs < b for gs, ge in gold): otp += 1
                else: ofp += 1
            if verbose and split == 'all':
                enc = d['text'].encode('utf-16-le')
                t = lambda s: enc[2 * s[0]:2 * s[1]].decode('utf-16-le')
                for s in sorted(pred - gold): print(f'  {label} FP {d["id"]} {t(s)!r}: {d["text"][:140]}')
                for s in sorted(gold - pred): print(f'  {label} FN {d["id"]} {t(s)!r}: {d["text"][:140]}')
        P = tp / (tp + fp) if tp + fp else 1.0
        R = tp / (tp + fn) if tp + fn else 1.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        OP = otp / (otp + ofp) if otp + ofp else 1.0
        rows[split] = (P, R, F, tp, fp, fn, OP)
    return rows

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cmd', choices=['texts', 'score'])
    ap.add_argument('--set', choices=sorted(SETS), default='dev', help='dev: the 600-sentence dev set; news: 220 UD Alpino news sentences; dpg: 200 DPG Media 2019 news sentences')
    ap.add_argument('--polder'); ap.add_argument('--frog'); ap.add_argument('-v', action='store_true')
    a = ap.parse_args()
    docs = [json.loads(l) for l in open(SETS[a.set], encoding='utf-8')]
    if a.cmd == 'texts':
        for d in docs: print(d['text'].replace('\n', ' '))
        return
    systems = []
    if a.polder:
        out = [json.loads(l) for l in open(a.polder, encoding='utf-8')]
        if len(out) != len(docs): sys.exit(f'{a.polder}: {len(out)} lines for {len(docs)} dev sentences')
        systems.append(('polder', [[(p['start'], p['start'] + p['length']) for p in o['places']] for o in out]))
    if a.frog:
        fs = frog_spans(a.frog, docs)
        systems.append(('frog LOC', fs))
        names, foreign = tables()
        dutch = []
        for d, spans in zip(docs, fs):
            enc = d['text'].encode('utf-16-le')
            dutch.append([s for s in spans if (k := key(enc[2 * s[0]:2 * s[1]].decode('utf-16-le'))) in names and k not in foreign])
        systems.append(('frog Dutch', dutch))
    print(f'{"system":<12} {"split":<6} {"P":>6} {"R":>6} {"F1":>6} {"TP":>4} {"FP":>4} {"FN":>4} {"P-overlap":>9}')
    for name, preds in systems:
        for split, (P, R, F, tp, fp, fn, OP) in score(docs, preds, a.v, name).items():
            print(f'{name:<12} {split:<6} {P:6.3f} {R:6.3f} {F:6.3f} {tp:4d} {fp:4d} {fn:4d} {OP:9.3f}')

main()
