#!/usr/bin/python3
"""leidenalg 0.9.1 (and igraph's community_leiden) on the exact graph Polder wrote: `polder network FILE --out DIR`
writes DIR/edges.csv (the undirected weighted graph the communities were computed on) and DIR/nodes.csv.

    /usr/bin/python3 benchmarks/peers/leidenalg_on_edges.py DIR [DIR ...]

Prints, per DIR, leidenalg's modularity for seeds 0-4 (n_iterations=-1, until stable) and their mean, and when
nodes.csv has a non-empty "group" column, the NMI (arithmetic) of leidenalg's communities against it.
"""
import csv, math, statistics, sys
from collections import Counter
import igraph as ig, leidenalg as la

def nmi(a, b):
    n = len(a); ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    ha = -sum(c / n * math.log(c / n) for c in ca.values()); hb = -sum(c / n * math.log(c / n) for c in cb.values())
    mi = sum(c / n * math.log(c * n / (ca[x] * cb[y])) for (x, y), c in cab.items())
    return 1.0 if ha + hb == 0 else 2 * mi / (ha + hb)

for d in sys.argv[1:]:
    with open(f"{d}/nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    idx = {r["id"]: i for i, r in enumerate(nodes)}
    with open(f"{d}/edges.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    g = ig.Graph(n=len(nodes), edges=[(idx[r["source"]], idx[r["target"]]) for r in rows])
    g.es["weight"] = [float(r["weight"]) for r in rows]
    qs, ns = [], []
    grouped = [i for i, r in enumerate(nodes) if r.get("group")]
    for seed in range(5):
        p = la.find_partition(g, la.ModularityVertexPartition, weights="weight", seed=seed, n_iterations=-1)
        qs.append(g.modularity(p.membership, weights="weight"))
        if grouped:
            ns.append(nmi([p.membership[i] for i in grouped], [nodes[i]["group"] for i in grouped]))
    line = f"{d}: {g.vcount()} nodes, {g.ecount()} edges; leidenalg modularity " + ", ".join(f"{q:.4f}" for q in qs) + f"; mean {statistics.mean(qs):.4f}"
    if ns:
        line += f"; NMI vs group mean {statistics.mean(ns):.4f}"
    print(line)
