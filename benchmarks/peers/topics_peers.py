#!/usr/bin/python3
"""Peers for the Polder themes classifier on the time-based dev split of dekamer-2017-jan-may.csv.

Train: questions deposited January-April 2017; dev: May 2017. Rows without question_theme_main are dropped.
Run with Debian's python (apt-get install -y python3-sklearn fasttext):
    /usr/bin/python3 benchmarks/peers/topics_peers.py ../shared/data/topics/dekamer-2017-jan-may.csv
Prints one JSON line per peer: accuracy and macro-F1 (over the labels present in dev or predicted).
"""
import csv, json, subprocess, sys, tempfile, os, time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.metrics import accuracy_score, f1_score

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/topics/dekamer-2017-jan-may.csv'
rows = [r for r in csv.DictReader(open(path, encoding='utf-8')) if r['question_theme_main'].strip()]
train = [r for r in rows if r['depotdat'] < '2017-05']
dev = [r for r in rows if r['depotdat'] >= '2017-05']
Xtr = [r['question'] for r in train]; ytr = [r['question_theme_main'] for r in train]
Xdv = [r['question'] for r in dev]; ydv = [r['question_theme_main'] for r in dev]

def report(name, pred, secs):
    print(json.dumps({'peer': name, 'train': len(ytr), 'dev': len(ydv),
                      'accuracy': round(accuracy_score(ydv, pred), 4),
                      'macroF1': round(f1_score(ydv, pred, average='macro', zero_division=0), 4),
                      'seconds': round(secs, 1)}), flush=True)

def tfidf():
    # min_df=2 keeps the fit tractable on a shared 2-core machine (min_df=1 gives ~1M features)
    return make_union(TfidfVectorizer(analyzer='word', ngram_range=(1, 2), sublinear_tf=True, min_df=2),
                      TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True, min_df=2))

t = time.time(); vec = tfidf(); A = vec.fit_transform(Xtr); B = vec.transform(Xdv); tv = time.time() - t
for name, clf in [('sklearn-tfidf-logreg-C1', LogisticRegression(C=1, max_iter=300)),
                  ('sklearn-tfidf-logreg-C10', LogisticRegression(C=10, max_iter=300)),
                  ('sklearn-tfidf-logreg-C10-balanced', LogisticRegression(C=10, max_iter=300, class_weight='balanced')),
                  ('sklearn-tfidf-linearsvc-C1', LinearSVC(C=1)),
                  ('sklearn-tfidf-linearsvc-C1-balanced', LinearSVC(C=1, class_weight='balanced'))]:
    t = time.time(); clf.fit(A, ytr); report(name, clf.predict(B), time.time() - t + tv)

ft = '/usr/bin/fasttext'
if os.path.exists(ft):
    def norm(s): return ' '.join(s.lower().replace('\n', ' ').split())
    with tempfile.TemporaryDirectory() as d:
        tr = os.path.join(d, 'train.txt'); dv = os.path.join(d, 'dev.txt'); model = os.path.join(d, 'm')
        with open(tr, 'w') as f:
            for x, y in zip(Xtr, ytr): f.write('__label__' + y.replace(' ', '_') + ' ' + norm(x) + '\n')
        with open(dv, 'w') as f:
            for x in Xdv: f.write(norm(x) + '\n')
        t = time.time()
        subprocess.run([ft, 'supervised', '-input', tr, '-output', model, '-wordNgrams', '2', '-epoch', '50',
                        '-lr', '0.5', '-dim', '100', '-minn', '3', '-maxn', '5', '-seed', '1', '-thread', '1', '-verbose', '0'], check=True)
        out = subprocess.run([ft, 'predict', model + '.bin', dv], check=True, capture_output=True, text=True).stdout.split('\n')
        pred = [l.replace('__label__', '').replace('_', ' ') for l in out if l]
        report('fasttext-wordNgrams2', pred, time.time() - t)
