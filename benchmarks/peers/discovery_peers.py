#!/usr/bin/python3
"""Peers for Polder.Topics.Discovery: unsupervised topics scored against the gold main themes of dekamer-2017-jan-may.csv.

For the whole file and for each month alone (a stand-in for a held-out later month), with K = number of gold themes
in the subset, rows without question_theme_main dropped, seeds 1-3: NMI (arithmetic normalisation) of scikit-learn's
NMF on TF-IDF (NNDSVD init), k-means on LSA-100 and LDA, and the mean NPMI coherence of each topic's top 10 words
(document co-occurrence in the same subset). Run with Debian's python (apt-get install -y python3-sklearn):
    /usr/bin/python3 benchmarks/peers/discovery_peers.py ../shared/data/topics/dekamer-2017-jan-may.csv
Prints one JSON line per (peer, subset, seed).
"""
import csv, json, sys, math
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer, CountVectorizer
from sklearn.decomposition import NMF, TruncatedSVD, LatentDirichletAllocation
from sklearn.preprocessing import Normalizer
from sklearn.pipeline import make_pipeline
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score

csv.field_size_limit(1 << 30)
path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/topics/dekamer-2017-jan-may.csv'
rows = [r for r in csv.DictReader(open(path, encoding='utf-8')) if r['question_theme_main'].strip()]
subsets = {'all': rows}
for m in ['01', '02', '03', '04', '05']:
    subsets['2017-' + m] = [r for r in rows if r['depotdat'].startswith('2017-' + m)]

def npmi(binary, top):
    """Mean NPMI over word pairs of each topic's top words; binary = documents x words (0/1, csc)."""
    n = binary.shape[0]; scores = []
    df = np.asarray(binary.sum(axis=0)).ravel()
    for words in top:
        s = []
        for i in range(len(words)):
            for j in range(i + 1, len(words)):
                a, b = words[i], words[j]
                both = binary[:, a].multiply(binary[:, b]).sum()
                if both == 0: s.append(-1.0); continue
                p_ab = both / n; p_a = df[a] / n; p_b = df[b] / n
                s.append(math.log(p_ab / (p_a * p_b)) / -math.log(p_ab) if p_ab < 1 else 1.0)
        scores.append(np.mean(s))
    return float(np.mean(scores))

for name, sub in subsets.items():
    texts = [r['question'] for r in sub]; gold = [r['question_theme_main'].strip() for r in sub]
    k = len(set(gold))
    tf = TfidfVectorizer(min_df=2, max_df=0.95, sublinear_tf=True)
    X = tf.fit_transform(texts)
    cv = CountVectorizer(vocabulary=tf.vocabulary_, binary=True); B = cv.fit_transform(texts).tocsc()
    for seed in [1, 2, 3]:
        res = {}
        nmf = NMF(n_components=k, init='nndsvd', random_state=seed, max_iter=400)
        W = nmf.fit_transform(X)
        res['sklearn-nmf-tfidf'] = (W.argmax(axis=1), [list(np.argsort(-h)[:10]) for h in nmf.components_])
        lsa = make_pipeline(TruncatedSVD(100, random_state=seed), Normalizer(copy=False))
        Z = lsa.fit_transform(X)
        km = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(Z)
        top = []
        for c in range(k):
            members = X[km.labels_ == c]
            top.append(list(np.argsort(-np.asarray(members.mean(axis=0)).ravel())[:10]) if members.shape[0] else list(range(10)))
        res['sklearn-kmeans-lsa100'] = (km.labels_, top)
        C = CountVectorizer(vocabulary=tf.vocabulary_).fit_transform(texts)
        lda = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method='batch', max_iter=20)
        T = lda.fit_transform(C)
        res['sklearn-lda'] = (T.argmax(axis=1), [list(np.argsort(-h)[:10]) for h in lda.components_])
        for peer, (pred, top) in res.items():
            print(json.dumps({'peer': peer, 'subset': name, 'n': len(sub), 'k': k, 'seed': seed,
                              'nmi': round(normalized_mutual_info_score(gold, pred), 4),
                              'npmi': round(npmi(B, top), 4)}), flush=True)
