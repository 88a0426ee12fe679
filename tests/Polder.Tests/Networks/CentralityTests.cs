using System.Text.Json;
using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

/// <summary>
/// Centralities against NetworkX 2.8.8. The fixture is made by fixtures/make_centrality_fixture.py (command in its header).
/// </summary>
public class CentralityTests(ITestOutputHelper output)
{
    private const double Tol = 1e-6;
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(SharedData.RepoRoot, "tests", "Polder.Tests", "Networks", "fixtures", "networkx_centralities.json"))).RootElement;

    private void Compare(CsrGraph g, JsonElement expected, string name, IReadOnlyList<double> actual)
    {
        double worst = 0;
        int count = 0;
        foreach (var p in expected.GetProperty(name).EnumerateObject())
        {
            double want = p.Value.GetDouble(), got = actual[g.NodeOf(p.Name)];
            worst = Math.Max(worst, Math.Abs(want - got));
            Assert.True(Math.Abs(want - got) <= Tol, $"{name}[{p.Name}]: NetworkX {want}, Polder {got}");
            count++;
        }
        Assert.Equal(g.NodeCount, count);
        output.WriteLine($"{name}: {count} nodes, max |Δ| vs NetworkX = {worst:E2}");
    }

    [SharedDataTheory(NetworkData.Karate, NetworkData.LesMis)]
    [InlineData(NetworkData.Karate, "karate", "0")]
    [InlineData(NetworkData.LesMis, "les_miserables", "Valjean")]
    public void CentralitiesAgreeWithNetworkX(string file, string key, string personal)
    {
        var g = NetworkData.EdgeList(file);
        var x = Fixture.GetProperty(key);
        Compare(g, x, "degree", DegreeMeasures.OutDegree(g).Select(d => (double)d).ToArray());
        Compare(g, x, "strength", DegreeMeasures.OutStrength(g));
        Compare(g, x, "degree_centrality", DegreeMeasures.DegreeCentrality(g));
        Compare(g, x, "pagerank", PageRank.Compute(g, tolerance: 1e-15));
        var pers = new double[g.NodeCount];
        pers[g.NodeOf(personal)] = 1;
        Compare(g, x, "pagerank_personalized", PageRank.Compute(g, personalization: pers, tolerance: 1e-15));
        var (hubs, auths) = Hits.Compute(g);
        Compare(g, x, "hits_hubs", hubs);
        Compare(g, x, "hits_authorities", auths);
        Compare(g, x, "betweenness", Betweenness.Compute(g));
        Compare(g, x, "harmonic", HarmonicCloseness.Compute(g));
        Compare(g, x, "eigenvector", EigenvectorCentrality.Compute(g));
        Compare(g, x, "eigenvector_unweighted", EigenvectorCentrality.Compute(g, weighted: false));
        Compare(g, x, "core_number", KCore.CoreNumbers(g).Select(d => (double)d).ToArray());
        Compare(g, x, "clustering", Clustering.Local(g));
        Assert.Equal(x.GetProperty("transitivity").GetDouble(), Clustering.Transitivity(g), 9);
        Assert.Equal(x.GetProperty("average_clustering").GetDouble(), Clustering.AverageLocal(g), 9);
        Assert.Equal(x.GetProperty("degree_assortativity").GetDouble(), Assortativity.ByDegree(g), 9);
        output.WriteLine($"transitivity {Clustering.Transitivity(g):F6}, degree assortativity {Assortativity.ByDegree(g):F6}");
    }

    [SharedDataFact(NetworkData.Karate)]
    public void ClubAssortativityAgreesWithNetworkX()
    {
        var g = NetworkData.EdgeList(NetworkData.Karate);
        var club = Fixture.GetProperty("karate").GetProperty("club");
        var attr = Enumerable.Range(0, g.NodeCount).Select(v => club.GetProperty(g.Label(v)).GetString()!).ToArray();
        double r = Assortativity.ByAttribute(g, attr);
        output.WriteLine($"karate club assortativity {r:F6}");
        Assert.Equal(Fixture.GetProperty("karate").GetProperty("club_assortativity").GetDouble(), r, 9);
    }

    [SharedDataFact(NetworkData.CollegeMsg)]
    public void DirectedMeasuresAgreeWithNetworkXOnCollegeMsg()
    {
        var g = NetworkData.EdgeList(NetworkData.CollegeMsg, directed: true, columns: "src,dst,time");
        var x = Fixture.GetProperty("college_msg");
        Assert.Equal(x.GetProperty("nodes").GetInt32(), g.NodeCount);
        Assert.Equal(x.GetProperty("edges").GetInt64(), g.EdgeCount);
        Assert.Equal(x.GetProperty("reciprocity").GetDouble(), Reciprocity.Overall(g), 9);
        var (_, weak) = Components.Weak(g);
        var (scc, strong) = Components.Strong(g);
        Assert.Equal(x.GetProperty("weak_components").GetInt32(), weak);
        Assert.Equal(x.GetProperty("strong_components").GetInt32(), strong);
        Assert.Equal(x.GetProperty("largest_strong").GetInt32(), scc.Count(c => c == 0));
        var pr = PageRank.Compute(g, tolerance: 1e-15);
        foreach (var p in x.GetProperty("pagerank_top").EnumerateObject())
            Assert.True(Math.Abs(p.Value.GetDouble() - pr[g.NodeOf(p.Name)]) <= Tol, $"pagerank {p.Name}");
        var h = HarmonicCloseness.Compute(g);
        foreach (var p in x.GetProperty("in_harmonic_sample").EnumerateObject())
            Assert.Equal(p.Value.GetDouble(), h[g.NodeOf(p.Name)], 6);
        output.WriteLine($"CollegeMsg: {g.NodeCount} nodes, {g.EdgeCount} edges, reciprocity {Reciprocity.Overall(g):F6}, weak {weak}, strong {strong}");
    }

    [SharedDataFact(NetworkData.LesMis)]
    public void SampledBetweennessStaysWithinItsBound()
    {
        var g = NetworkData.EdgeList(NetworkData.LesMis);
        var exact = Betweenness.Compute(g);
        int k = 40;
        var approx = Betweenness.Approximate(g, k, seed: 3);
        double eps = Betweenness.ErrorBound(g.NodeCount, k, 0.05);
        double worst = exact.Zip(approx, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"sampled betweenness, {k} of {g.NodeCount} sources: max error {worst:F4}, bound ε = {eps:F4} (δ = 0.05)");
        Assert.True(worst <= eps);
        Assert.Equal(exact, Betweenness.Approximate(g, g.NodeCount));
    }

    [Fact]
    public void GraphIsCompactAndMergesParallelEdges()
    {
        var b = new GraphBuilder();
        b.AddEdge("a", "b", 2); b.AddEdge("b", "a", 3); b.AddEdge("a", "c"); b.AddEdge("c", "c");
        var d = b.Build(directed: true);
        Assert.Equal(3, d.EdgeCount);
        Assert.Equal(2, d.EdgeWeight(d.NodeOf("a"), d.NodeOf("b")));
        var u = d.ToUndirected();
        Assert.Equal(2, u.EdgeCount);
        Assert.Equal(5, u.EdgeWeight(u.NodeOf("b"), u.NodeOf("a")));
        Assert.Equal(2.0 / 3, Reciprocity.Overall(d), 9);
        Assert.True(u.AdjacencyBytes <= 24 * u.EdgeCount + 4 * (u.NodeCount + 1));
        Assert.True(d.AdjacencyBytes <= 24 * d.EdgeCount + 8 * (d.NodeCount + 1));
    }
}
