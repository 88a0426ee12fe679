#!/usr/bin/python3
"""The most frequent place detections of `polder places` on a corpus, with their contexts for judging by hand
(run from the repository root):

    polder places ../shared/data/text/nl-mixed-corpus.txt > /tmp/mixed.places.jsonl
    /usr/bin/python3 scripts/places-top-detections.py ../shared/data/text/nl-mixed-corpus.txt /tmp/mixed.places.jsonl [N] [K]

Prints the N (20) most frequent detected names with their count, then per name every occurrence with confidence
below 0.9 and a seeded sample (random.Random(20)) of K (10) of the others, each with 60 characters of context.
"""
import collections, json, random, sys
corpus, detections = sys.argv[1], sys.argv[2]
top_n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
k = int(sys.argv[4]) if len(sys.argv) > 4 else 10
docs = open(corpus, encoding='utf-8').read().split('\n')
occ = collections.defaultdict(list)
for line in open(detections, encoding='utf-8'):
    d = json.loads(line)
    t = docs[d['line'] - 1]
    enc = t.encode('utf-16-le')
    for p in d['places']:
        a = len(enc[:2 * p['start']].decode('utf-16-le')); b = a + len(p['text'])
        ctx = (t[max(0, a - 60):a] + '[[' + t[a:b] + ']]' + t[b:b + 40]).replace('\n', ' ')
        occ[p['text']].append((p['confidence'], d['line'], ctx))
top = sorted(occ, key=lambda n: (-len(occ[n]), n))[:top_n]
for n in top: print(f'{n}\t{len(occ[n])}')
rng = random.Random(20)
for n in top:
    low = [o for o in occ[n] if o[0] < 0.9]
    high = [o for o in occ[n] if o[0] >= 0.9]
    print(f'===== {n}: {len(occ[n])} ({len(low)} below 0.9, sample {min(k, len(high))} of {len(high)} others)')
    for c, l, ctx in low + rng.sample(high, min(k, len(high))): print(f'  {c:.2f} L{l} {ctx}')
