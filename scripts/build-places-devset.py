#!/usr/bin/python3
"""Joins the sampled sentences (devsets/places/candidates.jsonl) with the hand annotations
(devsets/places/annotations.tsv: id<TAB>span | span …; "Name@k" = the k-th occurrence of Name in the sentence,
otherwise spans are taken left to right) into devsets/places/places-dev.jsonl (run from the repository root):

    /usr/bin/python3 scripts/build-places-devset.py            # the dev set
    /usr/bin/python3 scripts/build-places-devset.py news       # the news check set (news-*.tsv/jsonl, split "news")
    /usr/bin/python3 scripts/build-places-devset.py dpg        # the DPG news check set (dpg-*.tsv/jsonl, split "dpg")

Offsets are UTF-16 code units, as in `polder places` output. Sentences with an even id number form the "tune" half,
odd ones the "check" half.
"""
import json, re, sys

which = sys.argv[1] if len(sys.argv) > 1 else 'dev'
news = which != 'dev'
ANN, CAND, OUT = {'news': ('devsets/places/news-annotations.tsv', 'devsets/places/news-candidates.jsonl', 'devsets/places/places-news.jsonl'),
                  'dpg': ('devsets/places/dpg-annotations.tsv', 'devsets/places/dpg-candidates.jsonl', 'devsets/places/places-dpg.jsonl'),
                  'dev': ('devsets/places/annotations.tsv', 'devsets/places/candidates.jsonl', 'devsets/places/places-dev.jsonl')}[which]
PREFIX = {'news': 'n', 'dpg': 'd', 'dev': 'p'}[which]

def u16(text, i): return len(text[:i].encode('utf-16-le')) // 2

ann = {}
for line in open(ANN, encoding='utf-8'):
    if not line.strip() or line.startswith('#'): continue
    pid, spans = line.rstrip('\n').split('\t')
    ann[PREFIX + pid] = [s.strip() for s in spans.split('|')]
out = open(OUT, 'w', encoding='utf-8', newline='\n')
seen = set()
for d in map(json.loads, open(CAND, encoding='utf-8')):
    text, spans, pos = d['text'], [], 0
    for s in ann.get(d['id'], []):
        name, _, k = s.partition('@')
        occ = [m.start() for m in re.finditer(r'(?<!\w)' + re.escape(name) + r'(?!\w)', text)]
        if k: start = occ[int(k) - 1]
        else:
            nxt = [o for o in occ if o >= pos]
            if not nxt: sys.exit(f'{d["id"]}: "{name}" not found after {pos}')
            start = nxt[0]
        pos = start + len(name)
        spans.append({'start': u16(text, start), 'end': u16(text, pos), 'text': name})
    seen.add(d['id'])
    n = int(d['id'][1:])
    out.write(json.dumps({'id': d['id'], 'source': d['source'], 'split': which if news else 'tune' if n % 2 == 0 else 'check',
                          'gazetteer_fires': d['gazetteer_fires'], 'text': text, 'places': spans}, ensure_ascii=False) + '\n')
missing = set(ann) - seen
if missing: sys.exit(f'annotated ids not in candidates: {sorted(missing)}')
