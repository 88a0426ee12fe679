using Polder.Cli;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

public class SpreadAndRolesTests(ITestOutputHelper output)
{
    [Fact]
    public void CascadesMeasureShapeAndSpeed()
    {
        var msgs = new[]
        {
            new ThreadMessage("r", null, "ann", 100),
            new ThreadMessage("a", "r", "bob", 160),
            new ThreadMessage("b", "r", "cat", 400),
            new ThreadMessage("c", "a", "ann", 500),
            new ThreadMessage("x", "", "dan", 10),
            new ThreadMessage("y", "gone", "eve", 20),
        };
        var cs = Cascades.Measure(msgs);
        Assert.Equal(3, cs.Count);
        var big = cs[0];
        Assert.Equal(("r", 4, 2, 2, 3, 60L, 400L), (big.RootId, big.Size, big.Depth, big.MaxBreadth, big.Actors, big.FirstResponseSeconds!.Value, big.DurationSeconds));
        // distances in the tree r-a, r-b, a-c: pairs (r,a)=1 (r,b)=1 (r,c)=2 (a,b)=2 (a,c)=1 (b,c)=3 → 10/6
        Assert.Equal(10 / 6.0, big.StructuralVirality, 12);
        Assert.All(cs.Skip(1), c => Assert.Equal(1, c.Size));
    }

    [Fact]
    public void IndependentCascadeIsExactOnCertainAndImpossibleEdgesAndSeeded()
    {
        var b = new GraphBuilder();
        b.AddEdge("a", "b"); b.AddEdge("b", "c"); b.AddEdge("c", "d"); b.AddNode("e");
        var g = b.Build(directed: true);
        var all = IndependentCascade.Simulate(g, [g.NodeOf("a")], 1.0, runs: 10);
        Assert.Equal(4, all.ExpectedReach);
        Assert.Equal(3, all.MeanRounds);
        Assert.Equal(0, all.ReachProbability[g.NodeOf("e")]);
        Assert.Equal(1, IndependentCascade.Simulate(g, [g.NodeOf("a")], 0.0).ExpectedReach);
        var half = IndependentCascade.Simulate(g, [g.NodeOf("a")], 0.5, runs: 20000, seed: 1);
        Assert.Equal(1 + 0.5 + 0.25 + 0.125, half.ExpectedReach, 1);
        Assert.Equal(half.ExpectedReach, IndependentCascade.Simulate(g, [g.NodeOf("a")], 0.5, runs: 20000, seed: 1).ExpectedReach);
    }

    [Fact]
    public void ParticipationAndBrokersFindTheBridge()
    {
        // two triangles joined through "x"
        var b = new GraphBuilder();
        foreach (var (s, t) in new[] { ("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "x"), ("x", "d") })
            b.AddEdge(s, t);
        var g = b.Build(directed: false);
        int[] m = g.Labels.Select(l => l is "a" or "b" or "c" ? 0 : l is "x" ? 0 : 1).ToArray();
        var p = Roles.ParticipationCoefficient(g, m);
        Assert.Equal(0.5, p[g.NodeOf("x")], 12);
        Assert.Equal(0, p[g.NodeOf("a")], 12);
        var bc = Betweenness.Compute(g);
        Assert.Equal(g.NodeOf("x"), Roles.Brokers(bc, p, 1)[0]);
    }

    [Fact]
    public void PartitionComparisonMatchesKnownValues()
    {
        int[] a = [0, 0, 0, 1, 1, 1];
        int[] b = [1, 1, 1, 0, 0, 0];
        Assert.Equal(1, PartitionComparison.NormalizedMutualInformation(a, b), 12);
        Assert.Equal(1, PartitionComparison.AdjustedRandIndex(a, b), 12);
        // scikit-learn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714, normalized_mutual_info_score = 0.8
        Assert.Equal(0.5714285714285714, PartitionComparison.AdjustedRandIndex(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }), 12);
        Assert.Equal(0.8, PartitionComparison.NormalizedMutualInformation(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }), 12);
    }

    [Fact]
    public void CpmAndResolutionBehave()
    {
        var (g, blocks) = PlantedPartition.Generate(2000, 20000, 20, 0.1, seed: 5);
        var mod = Leiden.Detect(g, new CommunityOptions { Seed = 1 });
        output.WriteLine($"planted 2000/20000, 20 blocks: modularity {mod.Quality:F4}, {mod.CommunityCount} communities, NMI {PartitionComparison.NormalizedMutualInformation(mod.Membership, blocks):F4}");
        Assert.True(PartitionComparison.NormalizedMutualInformation(mod.Membership, blocks) > 0.95);
        var cpm = Leiden.Detect(g, new CommunityOptions { Seed = 1, Quality = QualityFunction.Cpm, Resolution = 0.05 });
        output.WriteLine($"CPM γ=0.05: quality {cpm.Quality:F1} (planted {Modularity.Cpm(g, blocks, 0.05):F1}), {cpm.CommunityCount} communities, NMI {PartitionComparison.NormalizedMutualInformation(cpm.Membership, blocks):F4}");
        Assert.True(PartitionComparison.NormalizedMutualInformation(cpm.Membership, blocks) > 0.95);
        Assert.True(cpm.Quality >= Modularity.Cpm(g, blocks, 0.05) * (1 - 1e-9), "CPM at least as good as the planted partition");
        var coarse = Leiden.Detect(g, new CommunityOptions { Seed = 1, Resolution = 0.01 });
        output.WriteLine($"resolution 0.01: {coarse.CommunityCount} communities");
        Assert.True(coarse.CommunityCount < mod.CommunityCount);
        Assert.True(CommunityConnectivity.AllConnected(g, coarse.Membership));
    }

    [Fact]
    public void LeidenOnAPlantedGraphBeatsThePlantedPartitionWithinMemoryBudget()
    {
        var (g, blocks) = PlantedPartition.Generate(20_000, 200_000, 200, 0.3, seed: 42);
        Assert.Equal(200_000, g.EdgeCount);
        double bytesPerEdge = g.AdjacencyBytes / (double)g.EdgeCount;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var p = Leiden.Detect(g, new CommunityOptions { Seed = 0, Iterations = 2 });
        double planted = Modularity.Of(g, blocks);
        double nmi = PartitionComparison.NormalizedMutualInformation(p.Membership, blocks);
        output.WriteLine($"planted 20k/200k: {bytesPerEdge:F2} bytes/edge; Leiden (2 passes) {sw.ElapsedMilliseconds} ms, modularity {p.Quality:F4} vs planted {planted:F4}, NMI {nmi:F4}");
        Assert.True(bytesPerEdge <= 24);
        Assert.True(p.Quality >= planted);
        Assert.True(nmi > 0.85);
        Assert.True(CommunityConnectivity.AllConnected(g, p.Membership));
        Assert.Equal(p.Membership, Leiden.Detect(g, new CommunityOptions { Seed = 0, Iterations = 2 }).Membership);
    }

    [Fact]
    public void EdgeListReaderHandlesHeadersColumnsAndWindows()
    {
        var text = "# comment\nsource,target,weight\na,b,2\nb,c,1.5\n";
        var e = InteractionEdgeLoader.ReadEdgeList(new StringReader(text)).ToList();
        Assert.Equal(2, e.Count);
        Assert.Equal(2, e[0].Weight);
        var t = InteractionEdgeLoader.ReadEdgeList(new StringReader("1 2 100\n2 3 200\n3 1 300\n"), "src,dst,time").ToList();
        Assert.Equal(200, t[1].Time);
        var g = GraphBuilder.FromInteractions(t, new InteractionGraphOptions { From = 150, Until = 301 });
        Assert.Equal(2, g.EdgeCount);
        var b = new GraphBuilder();
        foreach (var x in t) b.AddEdge(x.Source, x.Target, x.Weight, x.Time);
        var windows = b.SlidingWindows(width: 100, step: 100, directed: true);
        Assert.Equal(3, windows.Count);
        Assert.All(windows, w => Assert.Equal(1, w.Graph.EdgeCount));
        Assert.All(windows, w => Assert.Equal(3, w.Graph.NodeCount));
    }

    [SharedDataFact(NetworkData.Tweets)]
    public void TweetLoaderFindsRetweetsAndMentions()
    {
        var community = NetworkData.Posts(NetworkData.Tweets, CommunityFormats.PoliticalTweets);
        var party = PostInteractions.AuthorGroups(community, Actor.Party);
        var edges = PostInteractions.BetweenKnownActors(community).ToList();
        output.WriteLine($"{edges.Count(x => x.Kind == InteractionKind.Retweet)} retweets, {edges.Count(x => x.Kind == InteractionKind.Mention)} mentions, {party.Count} authors, {party.Values.Distinct().Count()} parties");
        Assert.Contains(edges, x => x is { Source: "jaspervandijksp", Target: "vprotegenlicht", Kind: InteractionKind.Retweet });
        Assert.Contains(edges, x => x is { Source: "mahiralkaya", Target: "spnl", Kind: InteractionKind.Mention });
        Assert.Equal("SP", party["jaspervandijksp"]);
        // listed under "onbekend" in one row and VVD in another: a known party wins over the missing label
        Assert.Equal("VVD", party["haykeveldman"]);
        Assert.Equal(40, party.Count(x => x.Value.Length == 0));
        // a retweet is one retweet edge (its @handles are the original author's); own posts give each distinct other mention
        Assert.Equal(community.Posts.Count(p => p.Kind == PostKind.Retweet && p.SharedFromId != p.AuthorId), edges.Count(x => x.Kind == InteractionKind.Retweet));
        Assert.Equal(community.Posts.Where(p => p.Kind != PostKind.Retweet).Sum(p => p.Mentions.Count(m => m != p.AuthorId)), edges.Count(x => x.Kind == InteractionKind.Mention));
        Assert.DoesNotContain(edges, x => x.Source == x.Target);
        Assert.True(party.Count >= 160);
    }

    [SharedDataFact(NetworkData.Reddit)]
    public void CliWritesNodesEdgesAndSummaryForReddit()
    {
        var dir = Path.Combine(Path.GetTempPath(), "polder-network-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter(); var stderr = new StringWriter();
            int code = CommandRouter.Run(["network", SharedData.PathOf(NetworkData.Reddit), "--kind", "reply", "--out", dir], TextReader.Null, stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            output.WriteLine(stdout.ToString());
            var nodes = File.ReadAllLines(Path.Combine(dir, "nodes.csv"));
            var edges = File.ReadAllLines(Path.Combine(dir, "edges.csv"));
            Assert.StartsWith("id,community,", nodes[0]);
            Assert.Equal("source,target,weight", edges[0]);
            var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement;
            Assert.Equal(nodes.Length - 1, summary.GetProperty("nodes").GetInt32());
            Assert.Equal(edges.Length - 1, summary.GetProperty("edges").GetInt32());
            Assert.False(summary.GetProperty("directed").GetBoolean());
            Assert.True(summary.GetProperty("modularity").GetDouble() > 0.4);
            Assert.True(summary.GetProperty("cascades").GetProperty("count").GetInt32() > 100);
            Assert.True(summary.GetProperty("spread").GetProperty("expected_reach").GetDouble() >= 5);
            // edges.csv is the graph the communities were computed on: recomputing modularity from the files agrees
            var b = new GraphBuilder();
            foreach (var line in nodes.Skip(1)) b.AddNode(line.Split(',')[0]);
            foreach (var line in edges.Skip(1)) { var f = line.Split(','); b.AddEdge(f[0], f[1], double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)); }
            var g = b.Build(directed: false);
            var membership = nodes.Skip(1).Select(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(summary.GetProperty("modularity").GetDouble(), Modularity.Of(g, membership), 9);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}

public class BipartiteProjectionTests(ITestOutputHelper output)
{
    [Fact]
    public void ProjectionsCountSharedItems()
    {
        (string, string)[] pairs = [("ann", "x"), ("bob", "x"), ("cat", "x"), ("ann", "y"), ("bob", "y"), ("dan", "z")];
        var g = BipartiteProjection.ProjectActors(pairs);
        Assert.Equal(4, g.NodeCount);
        Assert.Equal(2, g.EdgeWeight(g.NodeOf("ann"), g.NodeOf("bob")));
        Assert.Equal(1, g.EdgeWeight(g.NodeOf("ann"), g.NodeOf("cat")));
        Assert.Equal(0, g.OutDegree(g.NodeOf("dan")));
        var n = BipartiteProjection.ProjectActors(pairs, BipartiteProjection.Weighting.Newman);
        Assert.Equal(0.5 + 1.0, n.EdgeWeight(n.NodeOf("ann"), n.NodeOf("bob")), 6);
        var items = BipartiteProjection.ProjectItems(pairs);
        Assert.Equal(2, items.EdgeWeight(items.NodeOf("x"), items.NodeOf("y")));
        var bi = BipartiteProjection.Bipartite(pairs);
        Assert.Equal(6, bi.EdgeCount);
        Assert.True(bi.TryGetNode("#x", out _));
    }

    [SharedDataFact(NetworkData.Tweets)]
    public void HashtagProjectionOfPoliticiansHasCommunities()
    {
        // author → hashtag, one per post that uses it (the community reader's hashtags; a retweet's count for the retweeter)
        var pairs = NetworkData.Posts(NetworkData.Tweets, CommunityFormats.PoliticalTweets).Posts
            .SelectMany(p => p.Hashtags.Select(h => (p.AuthorId, h.ToLowerInvariant()))).ToList();
        var g = BipartiteProjection.ProjectActors(pairs, BipartiteProjection.Weighting.Newman);
        var p = Leiden.Detect(g, new CommunityOptions { Seed = 0 });
        output.WriteLine($"{pairs.Count} hashtag uses; politician–politician projection: {g.NodeCount} nodes, {g.EdgeCount} edges, {p.CommunityCount} communities, modularity {p.Quality:F4}");
        Assert.True(pairs.Count > 500);
        Assert.True(p.Quality > 0.2);
    }
}
