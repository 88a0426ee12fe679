#!/usr/bin/env python3
"""Writes a seeded, heavy-tailed interaction graph as "src dst time" lines (the scale test of `polder network`).

Usage: python3 scripts/make-interaction-graph.py OUT [--nodes 100000] [--edges 1000000] [--seed 2024]

Every node gets an activity and a popularity drawn from a Pareto distribution (shape 1.5), so a few actors write and
receive most interactions, as on real forums. Nodes sit in groups of about 100; 80 % of interactions stay inside the
source's group. Interactions are drawn until the graph has --edges distinct undirected pairs (repeated interactions
become weight when the graph is built); times are spread over 2024. Standard library only; same seed, same file.
"""
import argparse
import bisect
import itertools
import random

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--nodes", type=int, default=100_000)
p.add_argument("--edges", type=int, default=1_000_000)
p.add_argument("--seed", type=int, default=2024)
a = p.parse_args()

rng = random.Random(a.seed)
n = a.nodes
group_size = 100
activity = [rng.paretovariate(1.5) for _ in range(n)]
popularity = [rng.paretovariate(1.5) for _ in range(n)]
act_cum = list(itertools.accumulate(activity))
pop_cum = list(itertools.accumulate(popularity))


def pick(cum, lo, hi):
    """A node in [lo, hi) drawn with probability proportional to its weight."""
    base = cum[lo - 1] if lo > 0 else 0.0
    x = base + rng.random() * (cum[hi - 1] - base)
    return min(bisect.bisect_left(cum, x, lo, hi), hi - 1)


start = 1704067200  # 2024-01-01T00:00:00Z
year = 366 * 86400
pairs = set()
lines = []
while len(pairs) < a.edges:
    s = pick(act_cum, 0, n)
    if rng.random() < 0.8:
        g0 = (s // group_size) * group_size
        t = pick(pop_cum, g0, min(n, g0 + group_size))
    else:
        t = pick(pop_cum, 0, n)
    if s == t:
        continue
    pairs.add((s, t) if s < t else (t, s))
    lines.append((start + rng.randrange(year), s, t))
lines.sort()
with open(a.out, "w") as f:
    for time, s, t in lines:
        f.write(f"{s} {t} {time}\n")
print(f"{a.out}: {len(lines)} interactions, {len(pairs)} undirected pairs, {n} nodes (seed {a.seed})")
