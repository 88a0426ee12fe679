using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

/// <summary>
/// Weighted betweenness and harmonic closeness (edge length 1/weight) against a straightforward reference: Floyd–Warshall
/// distances, shortest-path counts by dynamic programming over nodes in distance order, and the pair-sum definition
/// of betweenness. Weights are mostly powers of two, so many path lengths tie exactly and ties are exercised.
/// </summary>
public class WeightedPathTests(ITestOutputHelper output)
{
    private static CsrGraph RandomGraph(int n, int m, bool directed, int seed)
    {
        var rng = new Random(seed);
        var b = new GraphBuilder();
        for (int v = 0; v < n; v++) b.AddNode("n" + v);
        for (int i = 0; i < m; i++)
        {
            int s = rng.Next(n), t = rng.Next(n);
            if (s != t) b.AddEdge(s, t, 1 << rng.Next(3));   // parallel edges add up (weight 3 → length 1/3, compared with a tolerance)
        }
        return b.Build(directed);
    }

    /// <summary>All-pairs lengths (1/w per edge) and shortest-path counts, computed the slow obvious way.</summary>
    private static (double[,] Dist, double[,] Sigma) Reference(CsrGraph g)
    {
        int n = g.NodeCount;
        var d = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i, j] = i == j ? 0 : double.PositiveInfinity;
        foreach (var (s, t, w) in g.Edges())
        {
            d[s, t] = Math.Min(d[s, t], 1 / w);
            if (!g.IsDirected) d[t, s] = Math.Min(d[t, s], 1 / w);
        }
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++)
            if (d[i, k] + d[k, j] < d[i, j]) d[i, j] = d[i, k] + d[k, j];
        var sigma = new double[n, n];
        for (int s = 0; s < n; s++)
        {
            var order = Enumerable.Range(0, n).Where(t => !double.IsPositiveInfinity(d[s, t])).OrderBy(t => d[s, t]).ToArray();
            sigma[s, s] = 1;
            foreach (var t in order)
            {
                if (t == s) continue;
                for (int p = 0; p < n; p++)
                {
                    double len = g.EdgeWeight(p, t) is var w && w > 0 ? 1 / w : double.PositiveInfinity;
                    if (p != t && Math.Abs(d[s, p] + len - d[s, t]) < 1e-12) sigma[s, t] += sigma[s, p];
                }
            }
        }
        return (d, sigma);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(true, 4)]
    public void WeightedBetweennessMatchesPairSumDefinition(bool directed, int seed)
    {
        var g = RandomGraph(14, 40, directed, seed);
        int n = g.NodeCount;
        var (d, sigma) = Reference(g);
        var want = new double[n];
        for (int v = 0; v < n; v++)
            for (int s = 0; s < n; s++)
                for (int t = 0; t < n; t++)
                {
                    if (s == t || s == v || t == v || sigma[s, t] == 0) continue;
                    if (Math.Abs(d[s, v] + d[v, t] - d[s, t]) < 1e-12) want[v] += sigma[s, v] * sigma[v, t] / sigma[s, t];
                }
        for (int v = 0; v < n; v++) want[v] /= (n - 1.0) * (n - 2.0);   // NetworkX normalisation over ordered pairs
        var got = Betweenness.Compute(g, normalized: true, PathLength.InverseWeight);
        double worst = want.Zip(got).Max(x => Math.Abs(x.First - x.Second));
        output.WriteLine($"{(directed ? "directed" : "undirected")} seed {seed}: {n} nodes, {g.EdgeCount} edges, max |Δ| {worst:E2}; "
            + $"differs from hop betweenness at {want.Zip(Betweenness.Compute(g)).Count(x => Math.Abs(x.First - x.Second) > 1e-9)} nodes");
        Assert.True(worst < 1e-12, $"max |Δ| {worst}");
        Assert.Contains(want.Zip(Betweenness.Compute(g)), x => Math.Abs(x.First - x.Second) > 1e-9);   // weights matter here
    }

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 6)]
    public void WeightedHarmonicClosenessMatchesFloydWarshall(bool directed, int seed)
    {
        var g = RandomGraph(15, 35, directed, seed);
        int n = g.NodeCount;
        var (d, _) = Reference(g);
        var got = HarmonicCloseness.Compute(g, PathLength.InverseWeight);
        for (int v = 0; v < n; v++)
        {
            double want = 0;
            for (int u = 0; u < n; u++) if (u != v && !double.IsPositiveInfinity(d[u, v])) want += 1 / d[u, v];
            Assert.Equal(want, got[v], 10);
        }
    }

    [Fact]
    public void UnitWeightsGiveHopMeasuresAndSampledWeightedStaysNearExact()
    {
        var b = new GraphBuilder();
        var rng = new Random(9);
        for (int i = 0; i < 300; i++) b.AddEdge("a" + rng.Next(60), "a" + rng.Next(60));
        var g = b.Build(directed: false);
        var unit = GraphBuilder.FromArrays(g.NodeCount, g.Edges().Select(e => e.Source).ToArray(), g.Edges().Select(e => e.Target).ToArray(),
            [], directed: false);
        Assert.All(Betweenness.Compute(unit).Zip(Betweenness.Compute(unit, true, PathLength.InverseWeight)), x => Assert.Equal(x.First, x.Second, 12));
        Assert.All(HarmonicCloseness.Compute(unit).Zip(HarmonicCloseness.Compute(unit, PathLength.InverseWeight)), x => Assert.Equal(x.First, x.Second, 12));
        var exact = Betweenness.Compute(g, true, PathLength.InverseWeight);
        var approx = Betweenness.Approximate(g, 40, seed: 1, normalized: true, PathLength.InverseWeight);
        double eps = Betweenness.ErrorBound(g.NodeCount, 40);
        Assert.All(exact.Zip(approx), x => Assert.True(Math.Abs(x.First - x.Second) <= eps));
    }
}
