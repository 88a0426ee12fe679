using BenchmarkDotNet.Attributes;
using Polder.Networks;

namespace Polder.Benchmarks;

/// <summary>
/// Leiden and PageRank on a planted-partition graph of 100,000 nodes and 1,000,000 edges (1,000 blocks, mixing 0.3, seed 42).
/// The peers (igraph's community_leiden and pagerank, leidenalg) run on the same graph via benchmarks/peers/network_peers.py.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NetworkBenchmarks
{
    /// <summary>Size of the benchmark graph.</summary>
    public const int Nodes = 100_000, Edges = 1_000_000, Blocks = 1_000, Seed = 42;
    /// <summary>Share of edges placed between blocks.</summary>
    public const double Mixing = 0.3;

    private CsrGraph _graph = null!;

    /// <summary>Generates the graph once.</summary>
    [GlobalSetup]
    public void Setup() => _graph = PlantedPartition.Generate(Nodes, Edges, Blocks, Mixing, Seed).Graph;

    /// <summary>Leiden, modularity, two passes (igraph's community_leiden default n_iterations=2).</summary>
    [Benchmark]
    public double Leiden2Passes() => Leiden.Detect(_graph, new CommunityOptions { Seed = 1, Iterations = 2 }).Quality;

    /// <summary>Leiden, modularity, three passes (a little better modularity than igraph's two).</summary>
    [Benchmark]
    public double Leiden3Passes() => Leiden.Detect(_graph, new CommunityOptions { Seed = 1, Iterations = 3 }).Quality;

    /// <summary>PageRank, damping 0.85, to an L1 change below 1e-10 (PRPACK's tolerance in igraph).</summary>
    [Benchmark]
    public double PageRankL1e10() => PageRank.Compute(_graph, tolerance: 1e-10 / Nodes)[0];
}
