using System.Globalization;
using System.Text;
using System.Text.Json;
using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Polder.Tests.Networks;

/// <summary>
/// <c>polder network</c> on big graphs (sampled path measures above a size limit, and saying so) and on bad input
/// (undeclared edge-list columns, invalid UTF-8, missing files), issue 17.
/// </summary>
public sealed class NetworkScaleAndInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "polder-network-scale-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, byte[] content)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    /// <summary>A seeded planted-partition graph as a headerless "src dst time" file (time: Unix seconds in 2024).</summary>
    private string WriteGraph(int nodes, int edges, int seed)
    {
        var (src, dst, _) = PlantedPartition.GenerateEdges(nodes, edges, communities: 10, mixing: 0.2, seed);
        var sb = new StringBuilder();
        for (int i = 0; i < src.Length; i++) sb.Append(CultureInfo.InvariantCulture, $"{src[i]} {dst[i]} {1_704_067_200 + i * 60}\n");
        return Write($"graph-{nodes}.txt", sb.ToString());
    }

    private JsonElement Summary(string outDir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;

    [Fact]
    public void SampledClosenessAndBetweennessStayWithinTheirStatedError()
    {
        var (g, _) = PlantedPartition.Generate(nodes: 600, edges: 3000, communities: 6, mixing: 0.2, seed: 7);
        int k = 60;
        var exactB = Betweenness.Compute(g);
        var sampledB = Betweenness.Sample(g, k, seed: 3);
        var exactH = HarmonicCloseness.Compute(g);
        var sampledH = HarmonicCloseness.Sample(g, k, seed: 3);
        double worstB = exactB.Zip(sampledB.Values, (a, b) => Math.Abs(a - b)).Max();
        double worstH = exactH.Zip(sampledH.Values, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"betweenness: max error {worstB:G4}, 95% half-width {sampledB.MaxHalfWidth95:G4}, bound {sampledB.ErrorBound:G4}");
        output.WriteLine($"harmonic: max error {worstH:G4} (values up to {exactH.Max():F1}), 95% half-width {sampledH.MaxHalfWidth95:G4}, bound {sampledH.ErrorBound:G4}");
        Assert.Equal(k, sampledB.Sources);
        Assert.True(worstB <= sampledB.ErrorBound);
        Assert.True(worstH <= sampledH.ErrorBound);
        // the typical error is of the order of the stated half-width, far below the worst-case bound
        Assert.True(worstB <= 3 * sampledB.MaxHalfWidth95 && sampledB.MaxHalfWidth95 < sampledB.ErrorBound);
        Assert.True(worstH <= 3 * sampledH.MaxHalfWidth95 && sampledH.MaxHalfWidth95 < sampledH.ErrorBound);
        // the same sources give the same estimate on one thread or many
        Assert.Equal(sampledB.Values, Betweenness.Sample(g, k, seed: 3, maxThreads: 1).Values);
        Assert.Equal(sampledH.Values, HarmonicCloseness.Sample(g, k, seed: 3, maxThreads: 1).Values);
        // one search per source for both measures (undirected graphs): the same estimates
        var (bothB, bothH) = Betweenness.SampleWithHarmonic(g, k, seed: 3);
        Assert.All(sampledB.Values.Zip(bothB.Values), x => Assert.Equal(x.First, x.Second, 14));
        Assert.All(sampledH.Values.Zip(bothH.Values), x => Assert.Equal(x.First, x.Second, 10));
        Assert.Equal((sampledB.ErrorBound, sampledH.ErrorBound), (bothB.ErrorBound, bothH.ErrorBound));
        Assert.Equal(sampledB.MaxHalfWidth95, bothB.MaxHalfWidth95, 12);
        // all sources: the exact values
        Assert.All(exactH.Zip(HarmonicCloseness.Sample(g, g.NodeCount).Values), x => Assert.Equal(x.First, x.Second, 9));
        Assert.All(exactB.Zip(Betweenness.Sample(g, g.NodeCount).Values), x => Assert.Equal(x.First, x.Second, 12));
    }

    [Fact]
    public void FastTriangleCountEqualsTheNeighbourhoodCount()
    {
        var (g, _) = PlantedPartition.Generate(nodes: 300, edges: 2500, communities: 4, mixing: 0.3, seed: 11);
        var t = Clustering.Triangles(g);
        for (int v = 0; v < g.NodeCount; v++)
        {
            var nb = g.OutNeighbors(v).ToArray();
            long c = 0;
            for (int i = 0; i < nb.Length; i++)
                for (int j = i + 1; j < nb.Length; j++)
                    if (g.EdgeWeight(nb[i], nb[j]) > 0) c++;
            Assert.Equal(c, t[v]);
        }
    }

    [Fact]
    public void AboveTheLimitTheCliSamplesAndSaysSo()
    {
        var file = WriteGraph(1500, 6000, seed: 5);
        var outDir = Path.Combine(_dir, "big");
        var (code, _, err) = CliRunner.Run("", "network", file, "--exact-limit", "1000", "--samples", "40", "--out", outDir);
        Assert.True(code == 0, err);
        output.WriteLine(err);
        Assert.Contains("> --exact-limit 1,000: betweenness and harmonic closeness estimated from 40 sampled sources", err);
        Assert.Contains("spread simulated 20 times", err);
        var s = Summary(outDir);
        var b = s.GetProperty("betweenness");
        Assert.StartsWith("sampled", b.GetProperty("method").GetString());
        Assert.Equal(40, b.GetProperty("sources").GetInt32());
        Assert.True(b.GetProperty("error_bound_95").GetDouble() > 0);
        Assert.True(s.GetProperty("harmonic_closeness").GetProperty("max_ci95_half_width").GetDouble() > 0);
        Assert.Equal(20, s.GetProperty("spread").GetProperty("runs").GetInt32());
        Assert.True(s.GetProperty("spread").GetProperty("expected_reach_standard_error").GetDouble() >= 0);
        var stages = s.GetProperty("stage_seconds").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("leiden", stages);
        Assert.Contains("betweenness_and_harmonic_closeness", stages);   // an undirected edge list: one search per source for both

        // at or below the limit: exact, 1000 runs, and the same values as the library's exact measures
        var smallDir = Path.Combine(_dir, "small");
        (code, _, err) = CliRunner.Run("", "network", file, "--out", smallDir);
        Assert.True(code == 0, err);
        Assert.DoesNotContain("sampled", err);
        s = Summary(smallDir);
        Assert.Equal("exact", s.GetProperty("betweenness").GetString());
        Assert.Equal("exact", s.GetProperty("harmonic_closeness").GetString());
        Assert.Equal(1000, s.GetProperty("spread").GetProperty("runs").GetInt32());
        var g = GraphBuilder.FromInteractions(InteractionEdgeLoader.ReadEdgeListFile(file), new InteractionGraphOptions { Directed = false });
        var exactH = HarmonicCloseness.Compute(g);
        var rows = File.ReadAllLines(Path.Combine(smallDir, "nodes.csv"));
        int hCol = Array.IndexOf(rows[0].Split(','), "harmonic_closeness");
        foreach (var r in rows.Skip(1).Take(50))
        {
            var f = r.Split(',');
            Assert.Equal(exactH[g.NodeOf(f[0])], double.Parse(f[hCol], CultureInfo.InvariantCulture));
        }
    }

    [SharedDataFact(NetworkData.CollegeMsg)]
    public void CollegeMsgThirdColumnIsTimeNeverWeight()
    {
        var path = SharedData.PathOf(NetworkData.CollegeMsg);
        var outDir = Path.Combine(_dir, "college");
        var (code, _, err) = CliRunner.Run("", "network", path, "--out", outDir, "--window", "30d");
        Assert.True(code == 0, err);
        Assert.Contains("third column holds Unix seconds, so it is read as time (not weight)", err);
        var s = Summary(outDir);
        Assert.Equal("src,dst,time", s.GetProperty("columns").GetProperty("used").GetString());
        // weight = number of messages between two students (self-messages dropped), not a sum of Unix times (6.5e13)
        int messages = File.ReadLines(path).Select(l => l.Split(' ')).Count(f => f[0] != f[1]);
        Assert.Equal(messages, s.GetProperty("total_weight").GetDouble());
        Assert.True(s.GetProperty("windows").GetProperty("count").GetInt32() > 5);   // the times are used as times
        var edges = InteractionEdgeLoader.ReadEdgeListFile(path);
        Assert.All(edges, e => Assert.Equal(1, e.Weight));
        Assert.Equal(1082040961, edges[0].Time);
    }

    [Fact]
    public void AnAmbiguousThirdColumnIsRefusedNamingFileLineAndField()
    {
        var file = Write("weights-or-times.txt", "# no header\n1 2 3\n2 3 5\n");
        var (code, _, err) = CliRunner.Run("", "network", file, "--out", Path.Combine(_dir, "x"));
        Assert.Equal(1, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("weights-or-times.txt:2: field 'column 3': 3 columns and no header: is '3' a weight or a time? Declare the columns with --columns", err);
        // four undeclared columns, and a file without edges: one line each, exit 1
        (code, _, err) = CliRunner.Run("", "network", Write("four.txt", "1 2 3 1082040961\n"), "--out", Path.Combine(_dir, "z"));
        Assert.Equal((1, "polder network: four.txt:1: field 'column 3': 4 columns and no header: which is the weight, which the time?"), (code, err.TrimEnd()[..107]));
        (code, _, err) = CliRunner.Run("", "network", Write("only-header.csv", "source,target\n"), "--out", Path.Combine(_dir, "z"));
        Assert.Equal((1, "polder network: only-header.csv:2: no edges: the file has a header but no data rows"), (code, err.TrimEnd()));
        // declared, the same file reads
        (code, _, err) = CliRunner.Run("", "network", file, "--columns", "src,dst,weight", "--out", Path.Combine(_dir, "y"));
        Assert.True(code == 0, err);
        Assert.Equal(8, Summary(Path.Combine(_dir, "y")).GetProperty("total_weight").GetDouble());
    }

    public static TheoryData<string, string, string> BadUtf8Files => new()
    {
        // file name, content with {BAD} where the invalid byte goes, expected "name:line: field 'x'"
        { "edges.csv", "source,target,weight\na,b,1\nc,d{BAD}x,2\n", "edges.csv:3: field 'dst': invalid UTF-8" },
        { "edges.txt", "1 2 1082040961\n1{BAD}6 3 1082040999\n", "edges.txt:2: field 'src': invalid UTF-8" },
        { "tweets.tsv", "AUTEUR\tDATUM\tPARTIJ\tCONTENT\nA\t06-04-2020 10:00:00\tD66\tA (@a): hallo @b\nB\t06-04-2020 11:00:00\tVVD\tB (@b): caf{BAD} @a\n", "tweets.tsv:3: field 'CONTENT': invalid UTF-8" },
        { "reddit.csv", "message_id,thread_id,parent_id,author,created,upvotes,title,text\nm1,m1,,ann,1300000000,1,t,hi\nm2,m1,m1,b{BAD}b,1300000100,1,,yes\n", "reddit.csv:3: field 'author': invalid UTF-8" },
        { "community.csv", "id,thread_id,parent_id,author,author_name,role,organisation_type,municipality,neighbourhood,time,kind,likes,shares,channel,text\n"
            + "p1,p1,,ann,Ann,citizen,,Utrecht,,2024-01-01T10:00:00+01:00,post,0,0,forum,hoi\n"
            + "p2,p1,p1,bob,Bob,citizen,,Utrecht,,2024-01-01T10:05:00+01:00,reply,0,0,forum,da{BAD}g\n", "community.csv:3: field 'text': invalid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BadUtf8Files))]
    public void InvalidUtf8IsAnErrorWithFileLineAndFieldInEveryNetworkReader(string name, string content, string expected)
    {
        var parts = content.Split("{BAD}");
        var bytes = Encoding.UTF8.GetBytes(parts[0]).Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(parts[1])).ToArray();
        var file = Write(name, bytes);
        var (code, _, err) = CliRunner.Run("", "network", file, "--out", Path.Combine(_dir, "o-" + name));
        output.WriteLine(err);
        Assert.Equal(1, code);
        Assert.Equal($"polder network: {expected}", err.TrimEnd());
        Assert.DoesNotContain('\uFFFD', err);
    }

    [Fact]
    public void MissingFileOrDirectoryIsOneLineAndExitTwo()
    {
        Directory.CreateDirectory(_dir);
        var (code, _, err) = CliRunner.Run("", "network", Path.Combine(_dir, "nope.txt"));
        Assert.Equal(2, code);
        Assert.Equal($"polder network: file not found: {Path.Combine(_dir, "nope.txt")}", err.TrimEnd());
        (code, _, err) = CliRunner.Run("", "network", _dir);
        Assert.Equal(2, code);
        Assert.Equal($"polder network: {_dir} is a directory, not a file", err.TrimEnd());
    }

    [Fact]
    public void TheProjectsOwnCommunityFormatIsRead()
    {
        var sample = Path.Combine(SharedData.RepoRoot, "samples", "community-sample.csv");
        var outDir = Path.Combine(_dir, "sample");
        var (code, stdout, err) = CliRunner.Run("", "network", sample, "--out", outDir);
        Assert.True(code == 0, err);
        output.WriteLine(stdout);
        var s = Summary(outDir);
        Assert.Equal("polder", s.GetProperty("format").GetString());
        Assert.True(s.GetProperty("nodes").GetInt32() > 100);
        Assert.Equal(0, s.GetProperty("read").GetProperty("rejected").GetInt64());
        Assert.True(s.GetProperty("post_cascades").GetProperty("reply").GetProperty("responses").GetInt32() > 0);
    }

    [SharedDataFact(NetworkData.Reddit)]
    public void RedditPostsWithAnEmptyAuthorGiveNoActor()
    {
        var path = SharedData.PathOf(NetworkData.Reddit);
        var outDir = Path.Combine(_dir, "reddit");
        var (code, _, err) = CliRunner.Run("", "network", path, "--kind", "reply", "--out", outDir);
        Assert.True(code == 0, err);
        var ids = File.ReadLines(Path.Combine(outDir, "nodes.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.DoesNotContain("[deleted]", ids);
        Assert.DoesNotContain("", ids);
        var s = Summary(outDir);
        // the reader counts every row (the empty-author posts included: they stay in the reply cascades)
        Assert.Equal(11158, s.GetProperty("read").GetProperty("accepted").GetInt64());
        Assert.Equal(1602, s.GetProperty("nodes").GetInt32());
        Assert.Equal(5052, s.GetProperty("edges").GetInt32());
    }
}
