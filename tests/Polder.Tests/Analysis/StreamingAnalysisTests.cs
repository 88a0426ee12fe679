using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Behaviour.States;
using Polder.Community;
using Polder.Community.Simulation;
using Polder.Tests.Behaviour.States;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Analysis;

/// <summary>
/// A streamed analysis (<see cref="AnalysisOptions.Streaming"/>: the file read twice in batches, posts never held) gives
/// the figures of the in-memory analysis of the same file: every key figure but the forecasts, the behaviour report, the
/// text aggregates and the posts table rows (in file order instead of time order).
/// </summary>
public class StreamingAnalysisTests
{
    private const string Reddit = "community/reddit-emory-messages.csv";

    private static void AssertSameAnalysis(string path, int batchSize)
    {
        var options = new AnalysisOptions { StreamBatchSize = batchSize };
        var whole = new CommunityAnalyzer(options).AnalyzeFile(path);
        var rows = new List<PostAnalysis>();
        int batches = 0;
        var streamed = new CommunityAnalyzer(options with { Streaming = true }).AnalyzeFile(path, b => { rows.AddRange(b); batches++; });
        Assert.True(batches > 1, "the test must cross batch borders");
        Assert.Empty(streamed.Posts);
        Assert.Null(streamed.Forecasts);

        var expected = whole.KeyFigures.Where(k => !k.Key.StartsWith("forecast_", StringComparison.Ordinal) && k.Key is not ("open_posts" or "engagement_auc")).ToList();
        Assert.Equal(expected.Select(k => k.Key), streamed.KeyFigures.Select(k => k.Key));
        foreach (var (e, s) in expected.Zip(streamed.KeyFigures)) Assert.True(e.Value.Equals(s.Value), $"{e.Key}: {e.Value} vs {s.Value}");
        Assert.Equal((whole.Read.RowsRead, whole.Read.Accepted, whole.Read.Rejected), (streamed.Read.RowsRead, streamed.Read.Accepted, streamed.Read.Rejected));
        Assert.Equal(whole.Read.Issues, streamed.Read.Issues);
        CommunityStateMergeTests.AssertSameReport(whole.Behaviour!, streamed.Behaviour!);

        Assert.Equal(whole.Posts.Count, rows.Count);
        var byId = rows.ToDictionary(r => r.PostId);
        foreach (var p in whole.Posts)
            Assert.Equal(AnalysisTables.PostRow(p), AnalysisTables.PostRow(byId[p.PostId]));
        Assert.Equal(whole.Languages, streamed.Languages);
        Same(whole.Topics, streamed.Topics, (x, y) => x with { MeanSentiment = 0 } == y with { MeanSentiment = 0 } && Near(x.MeanSentiment, y.MeanSentiment));
        Same(whole.Complaints, streamed.Complaints, (x, y) => x with { MeanSentiment = 0 } == y with { MeanSentiment = 0 } && Near(x.MeanSentiment, y.MeanSentiment));
        Same(whole.SentimentTrend, streamed.SentimentTrend, (x, y) => x with { MeanScore = 0 } == y with { MeanScore = 0 } && Near(x.MeanScore, y.MeanScore));
        Assert.Equal(whole.Network!.Actors, streamed.Network!.Actors);
        Assert.Equal(whole.Network.Modularity, streamed.Network.Modularity);
    }

    private static bool Near(double a, double b) => a.Equals(b) || Math.Abs(a - b) <= 1e-12;

    private static void Same<T>(IReadOnlyList<T> e, IReadOnlyList<T> a, Func<T, T, bool> same)
    {
        Assert.Equal(e.Count, a.Count);
        for (int i = 0; i < e.Count; i++) Assert.True(same(e[i], a[i]), $"{e[i]} vs {a[i]}");
    }

    [Fact]
    public void Streaming_the_sample_gives_the_in_memory_figures() =>
        AssertSameAnalysis(Path.Combine(SharedData.RepoRoot, "samples", "community-sample.csv"), 500);

    [Fact]
    public void Streaming_a_simulated_community_out_of_time_order_gives_the_in_memory_figures()
    {
        // the simulator writes thread by thread, so the file is not in time order: the thread topics, the network's node
        // order and the first posts must still come out as in the community ordered by time
        var path = Path.Combine(Path.GetTempPath(), $"polder-stream-{Environment.ProcessId}.csv");
        try
        {
            using (var f = File.Create(path))
            using (var w = new PolderCsvWriter(f))
                foreach (var r in CommunitySimulator.Run(new SimulationOptions { Seed = 99, Days = 20, ThreadsPerDay = 15 }).Records) w.Write(r);
            AssertSameAnalysis(path, 777);
        }
        finally { File.Delete(path); }
    }

    [SharedDataFact(Reddit)]
    public void Streaming_the_reddit_community_gives_the_in_memory_figures() =>
        AssertSameAnalysis(SharedData.PathOf(Reddit), 4096);
}

/// <summary><c>polder analyze FILE --stream --out DIR</c> writes the posts table while reading and the same key figures.</summary>
public class StreamingAnalyzeCliTests
{
    [Fact]
    public void Analyze_stream_writes_the_posts_table_and_the_same_key_figures()
    {
        var sample = Path.Combine(SharedData.RepoRoot, "samples", "community-sample.csv");
        var dir = Path.Combine(Path.GetTempPath(), $"polder-stream-cli-{Environment.ProcessId}");
        try
        {
            var (code, _, err) = CliRunner.Run("", "analyze", sample, "--stream", "--out", Path.Combine(dir, "s"));
            Assert.True(code == 0, err);
            (code, _, err) = CliRunner.Run("", "analyze", sample, "--out", Path.Combine(dir, "m"));
            Assert.True(code == 0, err);
            string[] Lines(string run, string table) => File.ReadAllLines(Path.Combine(dir, run, table + ".csv"));
            Assert.Equal(Lines("m", "posts").Order(StringComparer.Ordinal), Lines("s", "posts").Order(StringComparer.Ordinal));
            Assert.Equal(Lines("m", "key_figures").Where(l => !l.StartsWith("forecast_") && !l.StartsWith("open_posts") && !l.StartsWith("engagement_auc")), Lines("s", "key_figures"));
            Assert.Equal(Lines("m", "conversations").Order(StringComparer.Ordinal), Lines("s", "conversations").Order(StringComparer.Ordinal));
            Assert.True(File.Exists(Path.Combine(dir, "s", "posts.parquet")));
            Assert.False(File.Exists(Path.Combine(dir, "s", "activity_forecasts.csv")));
            (code, _, err) = CliRunner.Run("", "analyze", "--stream");
            Assert.Equal(2, code);
            Assert.Contains("--stream needs a FILE", err);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }
}
