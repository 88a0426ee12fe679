using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

/// <summary>Directed (Leicht–Newman) modularity against its defining double sum, and Leiden/Louvain optimising it.</summary>
public class DirectedModularityTests(ITestOutputHelper output)
{
    private static CsrGraph RandomDirected(int n, int m, int seed)
    {
        var rng = new Random(seed);
        var b = new GraphBuilder();
        for (int v = 0; v < n; v++) b.AddNode("v" + v);
        for (int i = 0; i < m; i++)
        {
            int s = rng.Next(n), t = rng.Next(n);
            // two loose groups, 80% of the arcs inside a group
            if (rng.NextDouble() < 0.8) t = s < n / 2 ? rng.Next(n / 2) : n / 2 + rng.Next(n - n / 2);
            if (s != t) b.AddEdge(s, t, 1 + rng.Next(3));
        }
        return b.Build(directed: true);
    }

    /// <summary>(1/m) Σ_i Σ_j [A_ij − γ k_i^out k_j^in / m] δ(c_i, c_j), literally.</summary>
    private static double Reference(CsrGraph g, int[] c, double gamma)
    {
        int n = g.NodeCount;
        double m = g.TotalWeight, q = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (c[i] == c[j]) q += g.EdgeWeight(i, j) - gamma * g.OutStrength(i) * g.InStrength(j) / m;
        return q / m;
    }

    [Fact]
    public void DirectedModularityMatchesTheDoubleSum()
    {
        var g = RandomDirected(20, 70, 11);
        var rng = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var c = Enumerable.Range(0, g.NodeCount).Select(_ => rng.Next(4)).ToArray();
            foreach (var gamma in new[] { 1.0, 0.5, 2.0 })
                Assert.Equal(Reference(g, c, gamma), Modularity.OfDirected(g, c, gamma), 12);
        }
        // on a symmetric digraph (every arc both ways) directed modularity is ordinary modularity
        var sym = GraphBuilder.FromArrays(g.NodeCount,
            g.Edges().SelectMany(e => new[] { e.Source, e.Target }).ToArray(), g.Edges().SelectMany(e => new[] { e.Target, e.Source }).ToArray(),
            g.Edges().SelectMany(e => new[] { e.Weight, e.Weight }).ToArray(), directed: true);
        var part = Enumerable.Range(0, g.NodeCount).Select(v => v % 3).ToArray();
        Assert.Equal(Modularity.Of(sym, part), Modularity.OfDirected(sym, part), 12);
    }

    /// <summary>Every partition of 0..n-1 as restricted growth strings.</summary>
    private static IEnumerable<int[]> AllPartitions(int n)
    {
        var a = new int[n];
        IEnumerable<int[]> Rec(int i, int max)
        {
            if (i == n) { yield return (int[])a.Clone(); yield break; }
            for (int c = 0; c <= max + 1; c++)
            {
                a[i] = c;
                foreach (var p in Rec(i + 1, Math.Max(max, c))) yield return p;
            }
        }
        a[0] = 0;
        return n == 0 ? [[]] : Rec(1, 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LeidenAndLouvainFindTheBestDirectedPartitionOfSmallGraphs(int seed)
    {
        var g = RandomDirected(9, 26, seed);
        double best = AllPartitions(g.NodeCount).Max(p => Modularity.OfDirected(g, p));
        var leiden = Leiden.Detect(g, new CommunityOptions { Directed = true, Seed = seed });
        var louvain = Louvain.Detect(g, new CommunityOptions { Directed = true, Seed = seed });
        var undirectedView = Leiden.Detect(g, new CommunityOptions { Seed = seed });
        output.WriteLine($"seed {seed}: best directed modularity over all partitions {best:F6}; Leiden --directed {leiden.Quality:F6}, "
            + $"Louvain --directed {louvain.Quality:F6}; Leiden on the undirected view scores {Modularity.OfDirected(g, undirectedView.Membership):F6} directed");
        Assert.Equal(Modularity.OfDirected(g, leiden.Membership), leiden.Quality, 12);
        Assert.Equal(best, leiden.Quality, 9);
        Assert.Equal(best, louvain.Quality, 9);
    }

    [Fact]
    public void DirectedLeidenFindsPartitionsTheUndirectedViewMisses()
    {
        // arcs run from "senders" to "receivers": where direction changes the best partition, --directed must still find it
        int differing = 0;
        for (int seed = 1; seed <= 12; seed++)
        {
            var rng = new Random(seed);
            var b = new GraphBuilder();
            for (int v = 0; v < 9; v++) b.AddNode("v" + v);
            for (int i = 0; i < 16; i++)
            {
                int s = rng.Next(5), t = 4 + rng.Next(5);
                if (s != t) b.AddEdge(s, t, 1 + rng.Next(2));
            }
            var g = b.Build(directed: true);
            double best = AllPartitions(g.NodeCount).Max(p => Modularity.OfDirected(g, p));
            double viaUndirected = Modularity.OfDirected(g, Leiden.Detect(g, new CommunityOptions { Seed = seed }).Membership);
            var leiden = Leiden.Detect(g, new CommunityOptions { Directed = true, Seed = seed });
            if (viaUndirected < best - 1e-9) differing++;
            Assert.Equal(best, leiden.Quality, 9);
        }
        output.WriteLine($"graphs where the undirected view's best partition is not directed-optimal: {differing} of 12");
        Assert.True(differing > 0, "the test graphs should include cases where direction matters");
    }

    [SharedDataFact(NetworkData.Tweets)]
    public void DirectedLeidenOnPoliticalTweets()
    {
        var g = NetworkData.PoliticalTweets(out _, directed: true);
        var runs = Enumerable.Range(0, 5).Select(s => Leiden.Detect(g, new CommunityOptions { Directed = true, Seed = s })).ToArray();
        var viaUndirected = Enumerable.Range(0, 5).Select(s => Modularity.OfDirected(g, Leiden.Detect(g, new CommunityOptions { Seed = s }).Membership)).ToArray();
        output.WriteLine($"political tweets directed ({g.NodeCount} nodes, {g.EdgeCount} arcs): directed modularity of Leiden --directed, mean over seeds 0-4 "
            + $"{runs.Average(r => r.Quality):F4} ({string.Join(", ", runs.Select(r => r.Quality.ToString("F4")))}); of Leiden on the undirected view {viaUndirected.Average():F4}");
        foreach (var r in runs)
        {
            Assert.True(CommunityConnectivity.AllConnected(g.ToUndirected(), r.Membership));
            Assert.Equal(Modularity.OfDirected(g, r.Membership), r.Quality, 9);
        }
        Assert.True(runs.Average(r => r.Quality) >= viaUndirected.Average());
        Assert.Throws<ArgumentException>(() => Leiden.Detect(g, new CommunityOptions { Directed = true, Quality = QualityFunction.Cpm }));
    }
}
