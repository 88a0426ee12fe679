#!/usr/bin/python3
"""Draws the sentences of the place-name dev set (devsets/places/) deterministically (run from the repository root):

    /usr/bin/python3 scripts/sample-places-devset.py ../shared/data > devsets/places/candidates.jsonl

Sources: text/nl-mixed-corpus.txt (news, Belgian parliamentary questions, tweets; one document a line, split into
sentences here), community/political-tweets-2020-04.tsv (CONTENT without the "Name (@handle): " prefix) and
samples/community-sample.csv (text column). Per source, half of the sentences are drawn from those where the
pre-issue-15 gazetteer fires (a capitalised word sequence that is a name in src/Polder/Places/*.tsv) and half from all
sentences, with random.Random(15). The output lines are {"id","source","text","gazetteer_fires"}; the gold spans are
added by hand (see devsets/places/README.md).

    /usr/bin/python3 scripts/sample-places-devset.py ../shared/data news > devsets/places/news-candidates.jsonl

draws the second, news-only check set instead: up to 150 sentences of the UD Dutch Alpino dev and test treebanks
(newspaper text, CC BY-SA 4.0) where the gazetteer (tables as at this commit) fires and 70 others, with
random.Random(1515). It was annotated after
the rules were written, and no rule was changed for it.
"""
import csv, json, os, random, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
csv.field_size_limit(10**8)

def fold(w):
    import unicodedata
    d = unicodedata.normalize('NFD', w)
    return ''.join(c for c in d if unicodedata.category(c) != 'Mn').lower()

names = set()
for fn, col in (('municipalities-2014.tsv', 0), ('places-2020.tsv', 0), ('place-aliases.tsv', 0)):
    for line in open(os.path.join('src/Polder/Places', fn), encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        names.add(' '.join(fold(w) for w in re.findall(r'\w+', line.split('\t')[col])))
maxw = max(n.count(' ') + 1 for n in names)

def fires(s):
    toks = [(m.group(), m.start()) for m in re.finditer(r'\w+', s)]
    for i in range(len(toks)):
        if not toks[i][0][0].isupper(): continue
        for n in range(1, maxw + 1):
            if ' '.join(fold(t) for t, _ in toks[i:i + n]) in names: return True
    return False

SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z"\'‘“(])|(?<=[a-z][.!?])(?=[A-Z][a-z])|\n')

def sentences(doc):
    for s in SPLIT.split(doc):
        s = s.strip()
        if 25 <= len(s) <= 320: yield s

if len(sys.argv) > 2 and sys.argv[2] == 'news':
    sents = [l[len('# text = '):].strip() for fn in ('ud-nl-alpino-dev.conllu', 'ud-nl-alpino-test.conllu')
             for l in open(os.path.join(shared, 'text', fn), encoding='utf-8') if l.startswith('# text = ')]
    sents = sorted(set(s for s in sents if 25 <= len(s) <= 320))
    rng = random.Random(1515)
    firing = [s for s in sents if fires(s)]
    chosen = rng.sample(firing, min(150, len(firing)))
    rest = [s for s in sents if s not in set(chosen)]
    chosen += rng.sample(rest, 70)
    for n, s in enumerate(chosen, 1):
        print(json.dumps({'id': f'n{n:04d}', 'source': 'ud-nl-alpino', 'text': s, 'gazetteer_fires': fires(s)}, ensure_ascii=False))
    sys.exit(0)

if len(sys.argv) > 2 and sys.argv[2] == 'dpg':
    dev = {json.loads(l)['text'] for l in open('devsets/places/candidates.jsonl', encoding='utf-8')}
    sents = set()
    for line in open(os.path.join(shared, 'groups/dpgMedia2019-articles-byarticle-all.jsonl'), encoding='utf-8'):
        for s in sentences(json.loads(line)['text']):
            if s not in dev: sents.add(s)
    sents = sorted(sents)
    rng = random.Random(2019)
    firing = [s for s in sents if fires(s)]
    chosen = rng.sample(firing, 150)
    rest = [s for s in sents if s not in set(chosen)]
    chosen += rng.sample(rest, 50)
    for n, s in enumerate(chosen, 1):
        print(json.dumps({'id': f'd{n:04d}', 'source': 'dpgMedia2019', 'text': s, 'gazetteer_fires': fires(s)}, ensure_ascii=False))
    sys.exit(0)

pools = {}
pools['nl-mixed-corpus'] = [s for line in open(os.path.join(shared, 'text/nl-mixed-corpus.txt'), encoding='utf-8') for s in sentences(line)]
tweets = []
with open(os.path.join(shared, 'community/political-tweets-2020-04.tsv'), encoding='utf-8') as f:
    for r in csv.DictReader(f, delimiter='\t'):
        t = re.sub(r'^[^:]*\(@\w+\):\s*', '', r['CONTENT'])
        if 25 <= len(t) <= 320: tweets.append(t.strip())
pools['political-tweets-2020-04'] = tweets
with open('samples/community-sample.csv', encoding='utf-8') as f:
    pools['community-sample'] = [r['text'].strip() for r in csv.DictReader(f) if 25 <= len(r['text'].strip()) <= 320]

quota = {'nl-mixed-corpus': 400, 'political-tweets-2020-04': 140, 'community-sample': 60}
rng = random.Random(15)
n = 0
for src, pool in pools.items():
    pool = sorted(set(pool))
    firing = [s for s in pool if fires(s)]
    half = quota[src] // 2
    chosen = rng.sample(firing, half)
    rest = [s for s in pool if s not in set(chosen)]
    chosen += rng.sample(rest, quota[src] - half)
    for s in chosen:
        n += 1
        print(json.dumps({'id': f'p{n:04d}', 'source': src, 'text': s, 'gazetteer_fires': fires(s)}, ensure_ascii=False))
