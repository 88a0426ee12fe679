#!/usr/bin/python3
"""Derives Polder's embedded place tables from ../shared/data/opendata (run from the repository root):

    /usr/bin/python3 tools/make_places_tables.py ../shared/data/opendata

Writes src/Polder/Places/municipalities-2014.tsv (from almanak-gemeenten-2014.csv, Dutch government open
data) and src/Polder/Places/places-2020.tsv (from woonplaatsen-2020.csv, the Wikipedia list of Dutch places,
CC BY-SA: attribution kept in the file header). Only names, municipality, province and population are kept.
"""
import csv, os, re, sys
src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/opendata'
out = 'src/Polder/Places'
PROV = {'DR': 'Drenthe', 'FL': 'Flevoland', 'FR': 'Fryslân', 'GLD': 'Gelderland', 'GR': 'Groningen', 'LB': 'Limburg',
        'NB': 'Noord-Brabant', 'NH': 'Noord-Holland', 'OV': 'Overijssel', 'UT': 'Utrecht', 'ZH': 'Zuid-Holland', 'ZLD': 'Zeeland'}
with open(os.path.join(out, 'municipalities-2014.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('# Dutch municipalities 2014: name, province, inhabitants. Derived from the Staatsalmanak "almanak-gemeenten-2014"\n')
    f.write('# (Dutch government open data) by tools/make_places_tables.py.\n')
    for r in csv.DictReader(open(os.path.join(src, 'almanak-gemeenten-2014.csv'), encoding='utf-8')):
        name = r['gemeente.afkorting'].strip() or r['gemeente.naam'].replace('Gemeente ', '').strip()
        prov = PROV.get(r['gemeente.provincie'].strip(), '')
        pop = r['gemeente.aantalInwoners'].strip() or '0'
        f.write(f'{name}\t{prov}\t{pop}\n')
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
