#!/usr/bin/python3
"""scikit-learn peers for the Polder themes classifier under rolling time-split validation.

For every month m of dekamer-2017-jan-may.csv but the first: train on all earlier months, score month m
(the same folds as `polder train topics --time-column depotdat --rolling`). Rows without question_theme_main
are dropped. Run with Debian's python (apt-get install -y python3-sklearn):
    /usr/bin/python3 scripts/topics-rolling-sklearn.py ../shared/data/topics/dekamer-2017-jan-may.csv [peer ...]
Prints one JSON line per peer and fold, then the peer's mean. Macro-F1 over the labels present in the fold's
gold labels or predictions (as `polder eval topics`).
"""
import csv, json, sys, time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.metrics import accuracy_score, f1_score

path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/topics/dekamer-2017-jan-may.csv'
wanted = set(sys.argv[2:])
rows = [r for r in csv.DictReader(open(path, encoding='utf-8')) if r['question_theme_main'].strip()]
for r in rows:
    r['month'] = r['depotdat'][:7]
months = sorted({r['month'] for r in rows})

def tfidf():
    return make_union(TfidfVectorizer(analyzer='word', ngram_range=(1, 2), sublinear_tf=True, min_df=2),
                      TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True, min_df=2))

peers = {
    'logreg-C1': lambda: LogisticRegression(C=1, max_iter=300),
    'logreg-C10': lambda: LogisticRegression(C=10, max_iter=300),
    'logreg-C10-balanced': lambda: LogisticRegression(C=10, max_iter=300, class_weight='balanced'),
    'linearsvc-C1': lambda: LinearSVC(C=1),
    'linearsvc-C1-balanced': lambda: LinearSVC(C=1, class_weight='balanced'),
}
folds = []
for m in months[1:]:
    train = [r for r in rows if r['month'] < m]
    test = [r for r in rows if r['month'] == m]
    t = time.time(); vec = tfidf()
    A = vec.fit_transform([r['question'] for r in train]); B = vec.transform([r['question'] for r in test])
    folds.append((m, A, [r['question_theme_main'].strip() for r in train], B, [r['question_theme_main'].strip() for r in test], time.time() - t))
for name, make in peers.items():
    if wanted and name not in wanted:
        continue
    accs, f1s = [], []
    for m, A, ytr, B, yte, tv in folds:
        t = time.time(); clf = make().fit(A, ytr); pred = clf.predict(B)
        acc = accuracy_score(yte, pred); f1 = f1_score(yte, pred, average='macro', zero_division=0)
        accs.append(acc); f1s.append(f1)
        print(json.dumps({'peer': 'sklearn-' + name, 'fold': m, 'train': len(ytr), 'count': len(yte),
                          'accuracy': round(acc, 4), 'macro_f1': round(f1, 4), 'seconds': round(time.time() - t + tv, 1)}), flush=True)
    print(json.dumps({'peer': 'sklearn-' + name, 'fold': 'mean', 'accuracy': round(sum(accs) / len(accs), 4),
                      'macro_f1': round(sum(f1s) / len(f1s), 4)}), flush=True)
