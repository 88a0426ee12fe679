#!/usr/bin/python3
"""Times the peers on the NetworkBenchmarks graph, in-process, graph loading excluded.

    dotnet run --project benchmarks/Polder.Benchmarks -c Release -- write-planted /tmp/planted.txt
    /usr/bin/python3 benchmarks/peers/network_peers.py /tmp/planted.txt [--leidenalg]

Needs Debian's python3-igraph 0.10.2 and python3-leidenalg 0.9.1 (apt-get install python3-igraph python3-leidenalg).
Prints per seed: igraph community_leiden (modularity, n_iterations=2, the igraph default) time and modularity,
then igraph pagerank (PRPACK) times; with --leidenalg also leidenalg.find_partition (n_iterations=2).
"""
import sys, time, statistics
import igraph as ig

path = sys.argv[1]
edges = [tuple(map(int, line.split()[:2])) for line in open(path)]
n = max(max(e) for e in edges) + 1
g = ig.Graph(n=n, edges=edges)
g.es["weight"] = [1.0] * g.ecount()
print(f"graph: {g.vcount()} nodes, {g.ecount()} edges")

times, mods = [], []
for seed in range(5):
    ig.set_random_number_generator(__import__("random").Random(seed))
    t = time.perf_counter()
    c = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    dt = time.perf_counter() - t
    q = g.modularity(c.membership, weights="weight")
    times.append(dt); mods.append(q)
    print(f"igraph community_leiden seed={seed}: {dt:.3f} s, modularity {q:.6f}, {len(c)} communities")
print(f"igraph community_leiden mean: {statistics.mean(times):.3f} s, modularity {statistics.mean(mods):.6f}")

pr = []
for i in range(3):
    t = time.perf_counter()
    g.pagerank(damping=0.85, weights="weight")
    pr.append(time.perf_counter() - t)
    print(f"igraph pagerank: {pr[-1]:.3f} s")
print(f"igraph pagerank mean: {statistics.mean(pr):.3f} s")

if "--leidenalg" in sys.argv:
    import leidenalg as la
    for seed in range(2):
        t = time.perf_counter()
        p = la.find_partition(g, la.ModularityVertexPartition, weights="weight", seed=seed, n_iterations=2)
        print(f"leidenalg seed={seed}: {time.perf_counter() - t:.3f} s, modularity {p.modularity:.4f}")
