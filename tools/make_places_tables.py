#!/usr/bin/python3
"""Derives Polder's embedded place tables from ../shared/data/opendata (run from the repository root):

    /usr/bin/python3 tools/make_places_tables.py ../shared/data/opendata

Writes src/Polder/Places/municipalities-2014.tsv (from almanak-gemeenten-2014.csv, Dutch government open
data; the Amsterdam stadsdelen and Rotterdam deelgemeenten of that almanac go to districts-2014.tsv instead) and
src/Polder/Places/places-2020.tsv (from woonplaatsen-2020.csv, the Wikipedia list of Dutch places,
CC BY-SA: attribution kept in the file header). Only names, municipality, province and population are kept.

Then src/Polder/Places/common-words.tsv: for every place name of those tables that is also written in lower case
as an ordinary Dutch word, how often that lower-case word occurs per million words of may-ship text (UD Dutch
Alpino and LassySmall treebanks, CC BY-SA 4.0; the Belgian Chamber questions and answers of dekamer, CC0) and
whether the OpenTaal word list (Debian package wdutch, /usr/share/dict/dutch, BSD or CC BY 3.0) has it in lower
case. Run it with ../shared/data as the second argument:

    /usr/bin/python3 tools/make_places_tables.py ../shared/data/opendata ../shared/data
"""
import csv, os, re, sys
src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/opendata'
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(src))
out = 'src/Polder/Places'
PROV = {'DR': 'Drenthe', 'FL': 'Flevoland', 'FR': 'Fryslân', 'GLD': 'Gelderland', 'GR': 'Groningen', 'LB': 'Limburg',
        'NB': 'Noord-Brabant', 'NH': 'Noord-Holland', 'OV': 'Overijssel', 'UT': 'Utrecht', 'ZH': 'Zuid-Holland', 'ZLD': 'Zeeland'}
GENERIC = {'Centrum', 'Noord', 'Zuid', 'Oost', 'West', 'Zuidoost', 'Nieuw-West'}
districts = []
with open(os.path.join(out, 'municipalities-2014.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# Dutch municipalities 2014: name, province, inhabitants. Derived from the Staatsalmanak "almanak-gemeenten-2014"\n')
    f.write('# (Dutch government open data) by tools/make_places_tables.py.\n')
    for r in csv.DictReader(open(os.path.join(src, 'almanak-gemeenten-2014.csv'), encoding='utf-8')):
        full = r['gemeente.naam'].strip()
        name = r['gemeente.afkorting'].strip() or full.replace('Gemeente ', '').strip()
        prov = PROV.get(r['gemeente.provincie'].strip(), '')
        pop = r['gemeente.aantalInwoners'].strip() or '0'
        if full.startswith('Bestuursdienst'): continue      # a joint office of Ommen and Hardenberg, not a place
        if full.startswith(('Stadsdeel ', 'Deelgemeente ')):  # districts of Amsterdam and Rotterdam, not municipalities
            name = re.sub(r'\s*-\s*', '-', name).replace('Rotterdam Centrum', 'Centrum')
            districts.append((name, 'Amsterdam' if full.startswith('Stadsdeel') else 'Rotterdam',
                              'generic' if name in GENERIC else 'named'))
            continue
        f.write(f'{name}\t{prov}\t{pop}\n')
with open(os.path.join(out, 'districts-2014.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# City districts (stadsdelen, deelgemeenten) of the 2014 almanac: district, municipality, generic|named.\n')
    f.write('# generic: a word such as Noord or Centrum, a place only with its municipality ("Amsterdam-Noord").\n')
    for d in districts: f.write('\t'.join(d) + '\n')
seen = set()
with open(os.path.join(out, 'places-2020.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# Dutch places (woonplaatsen) 2020: place, municipality, province. Derived from the Wikipedia list\n')
    f.write('# "Lijst van Nederlandse plaatsen" (woonplaatsen-2020), CC BY-SA 4.0, https://nl.wikipedia.org/ , by tools/make_places_tables.py.\n')
    for r in csv.reader(open(os.path.join(src, 'woonplaatsen-2020.csv'), encoding='utf-8')):
        if r[0] == 'Plaats': continue
        name, mun, prov = r[0].strip(), r[3].strip(), r[4].strip()
        if '?' in name: continue                     # uncertain entries such as "(De ?) Vleut"
        name = re.sub(r'\s*\([^)]*\)\s*', ' ', name).strip()
        if not name or not mun: continue
        if re.match(r"^s[ -][A-Z]", name): name = "'" + name  # "s Gravenmoer" -> "'s Gravenmoer"
        key = (name, mun, prov)
        if key in seen: continue
        seen.add(key)
        f.write(f'{name}\t{mun}\t{prov}\n')

# --- common-words.tsv -------------------------------------------------------------------------------------------
import unicodedata
def fold(w):
    return ''.join(c for c in unicodedata.normalize('NFD', w) if unicodedata.category(c) != 'Mn').lower()
keys = set()
for fn in ('municipalities-2014.tsv', 'places-2020.tsv', 'districts-2014.tsv', 'place-aliases.tsv'):
    for line in open(os.path.join(out, fn), encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        name = re.sub(r'\s+(\([A-Za-z.]{1,4}\)|[A-Z][A-Za-z]{0,2}\.?)$', '', line.split('\t')[0])
        keys.add(' '.join(fold(w) for w in re.findall(r'\w+', name)))
maxn = max(k.count(' ') + 1 for k in keys)
counts, total = {}, 0
def count(tokens):
    global total
    total += len(tokens)
    for i in range(len(tokens)):
        for n in range(1, maxn + 1):
            if i + n > len(tokens): break
            gram = tokens[i:i + n]
            if any(t != t.lower() for t in gram): break          # only lower-case uses are evidence of a word
            k = ' '.join(fold(t) for t in gram)
            if k in keys: counts[k] = counts.get(k, 0) + 1
for fn in ('ud-nl-alpino-dev.conllu', 'ud-nl-alpino-test.conllu', 'ud-nl-lassysmall-dev.conllu'):
    toks = []
    for line in open(os.path.join(shared, 'text', fn), encoding='utf-8'):
        if not line.strip(): count(toks); toks = []; continue
        if line.startswith('#'): continue
        c = line.split('\t')
        if '-' in c[0] or '.' in c[0]: continue
        toks.append(c[1])
    count(toks)
csv.field_size_limit(10**8)
for r in csv.DictReader(open(os.path.join(shared, 'topics', 'dekamer-2017-jan-may.csv'), encoding='utf-8')):
    for col in ('question', 'answer'):
        count(re.findall(r'\w+', r[col]))
opentaal = set()
if os.path.exists('/usr/share/dict/dutch'):
    for w in open('/usr/share/dict/dutch', encoding='utf-8'):
        w = w.strip()
        if w and w == w.lower(): opentaal.add(fold(w))
with open(os.path.join(out, 'common-words.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# Place names that are also ordinary Dutch words: key (folded), lower-case uses per million words of may-ship text\n')
    f.write(f'# (UD Dutch Alpino + LassySmall, CC BY-SA 4.0; dekamer 2017 questions and answers, CC0; {total:,} words), 1 when the\n')
    f.write('# OpenTaal word list (wdutch; BSD / CC BY 3.0, (c) OpenTaal) has the lower-case word. By tools/make_places_tables.py.\n')
    for k in sorted(keys):
        pm = counts.get(k, 0) * 1e6 / total
        ot = 1 if k in opentaal else 0
        if pm > 0 or ot: f.write(f'{k}\t{pm:.2f}\t{ot}\n')
