using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Polder.Analysis;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Networks;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;
using Polder.Prediction.Features;

namespace Polder.Tests.Prediction.Features;

public class FeatureTableTests(ITestOutputHelper output)
{
    private const string Reddit = "community/reddit-emory-messages.csv";
    private const string Tweets = "community/political-tweets-2020-04.tsv";

    private static readonly Lazy<OnlineCommunity> Sample = new(() =>
    {
        var records = CommunityLoader.Read(SampleCommunity.Open(), "sample", ".csv", CommunityFormats.PolderCsv, null, out var report);
        return CommunityLoader.Build(records, report);
    });

    // ---- an independent computation of the simple features, straight from the post list ----

    private sealed record Expected(int Posts, double ReplyShare, double ReplyRate, int InDegree, int OutDegree);

    private static Dictionary<string, Expected> Independent(OnlineCommunity c, DateTimeOffset from, DateTimeOffset to)
    {
        var inPeriod = c.Posts.Where(p => p.Time >= from && p.Time < to).ToList();
        var byId = c.Posts.ToDictionary(p => p.Id);
        var ids = inPeriod.Select(p => p.Id).ToHashSet();
        var repliedTo = inPeriod.Where(p => p.ParentId is { } pid && ids.Contains(pid) && byId[pid].AuthorId != p.AuthorId)
            .Select(p => p.ParentId!).ToHashSet();
        var edges = new HashSet<(string, string)>();
        foreach (var p in inPeriod)
        {
            // a retweet's @handles are the original author's (docs/networks.md): its one target is the retweeted actor
            var targets = new List<string>(p.Kind == PostKind.Retweet ? [] : p.Mentions);
            if (p.ParentId is { } pid && byId.TryGetValue(pid, out var parent) && parent.Time < to) targets.Add(parent.AuthorId);
            if (p.SharedFromId is { } s) targets.Add(s);
            // an empty or deleted author is no actor (docs/behaviour-metrics.md): no edge, no row
            foreach (var t in targets) if (t != p.AuthorId && !PostInteractions.IsUnknownAuthor(t) && !PostInteractions.IsUnknownAuthor(p.AuthorId)) edges.Add((p.AuthorId, t));
        }
        return inPeriod.Where(p => !PostInteractions.IsUnknownAuthor(p.AuthorId)).GroupBy(p => p.AuthorId).ToDictionary(g => g.Key, g =>
        {
            var mine = g.ToList();
            int replies = mine.Count(p => p.Kind == PostKind.Reply && !(p.ParentId is { } pid && ids.Contains(pid) && byId[pid].AuthorId == p.AuthorId));
            return new Expected(mine.Count, (double)replies / mine.Count, (double)mine.Count(p => repliedTo.Contains(p.Id)) / mine.Count,
                edges.Count(e => e.Item2 == g.Key), edges.Count(e => e.Item1 == g.Key));
        });
    }

    private void AssertMatchesIndependent(OnlineCommunity c, DateTimeOffset from, DateTimeOffset to, FeatureTable table, int checks)
    {
        var expected = Independent(c, from, to);
        Assert.Equal(expected.Count, table.RowCount);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), table.KeyColumn("ActorId"));
        // the busiest actors and a few quiet ones
        var picked = expected.OrderByDescending(kv => kv.Value.Posts).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(checks)
            .Concat(expected.OrderBy(kv => kv.Value.Posts).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(checks)).ToList();
        foreach (var (id, e) in picked)
        {
            int r = table.FindRow("ActorId", id);
            output.WriteLine($"{id}: posts {e.Posts}, reply share {e.ReplyShare:F3}, reply rate {e.ReplyRate:F3}, in {e.InDegree}, out {e.OutDegree}");
            Assert.Equal(e.Posts, table[r, "posts"]);
            Assert.Equal(e.ReplyShare, table[r, "reply_share"], 5);
            Assert.Equal(e.ReplyRate, table[r, "reply_rate"], 5);
            Assert.Equal(e.InDegree, table[r, "in_degree"]);
            Assert.Equal(e.OutDegree, table[r, "out_degree"]);
        }
    }

    private static void AssertSameTables(FeatureTable a, FeatureTable b)
    {
        Assert.Equal(a.Names, b.Names);
        Assert.Equal(a.RowCount, b.RowCount);
        foreach (var k in a.KeyNames) Assert.Equal(a.KeyColumn(k), b.KeyColumn(k));
        for (int r = 0; r < a.RowCount; r++)
        {
            var x = a.Row(r); var y = b.Row(r);
            for (int f = 0; f < x.Length; f++)
                Assert.True(x[f].Equals(y[f]), $"row {r} ({a.Key(r, a.KeyNames[0])}), {a.Names[f]}: {x[f]} vs {y[f]}");
        }
    }

    private static OnlineCommunity Before(OnlineCommunity c, DateTimeOffset cut)
    {
        var b = new CommunityBuilder();
        foreach (var p in c.Posts.Where(p => p.Time < cut)) b.Add(p, c.FindActor(p.AuthorId));
        return b.Build();
    }

    // ---- the sample community ----

    [Fact]
    public void ActorTableOnTheSampleMatchesAnIndependentComputation()
    {
        var c = Sample.Value;
        var from = c.Posts[0].Time;
        var to = from.AddDays(30);
        var table = ActorFeatureTable.Build(c, from, to);
        AssertMatchesIndependent(c, from, to, table, 5);
        Assert.Equal(ActorFeatureTable.Names(), table.Names);
        // the webcare account answers: it has replies, in-degree and a community
        int org = table.FindRow("ActorId", "gemeente_polderstad");
        Assert.True(org >= 0);
        Assert.Equal("organisation", table.Key(org, "Role"));
        Assert.True(table[org, "pagerank"] > 0 && table[org, "core_number"] >= 1);
        Assert.Equal(table.Key(org, "Community"), ((int)table[org, "leiden_community"]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // shares add up; topic shares of the shipped themes add up to 1
        for (int r = 0; r < table.RowCount; r++)
        {
            Assert.Equal(1.0, table[r, "sentiment_negative_share"] + table[r, "sentiment_neutral_share"] + table[r, "sentiment_positive_share"], 4);
            Assert.Equal(1.0, table.Names.Where(n => n.StartsWith("topic:", StringComparison.Ordinal)).Sum(n => table[r, n]), 4);
        }
        // the sample talks about Polderstad (not a real municipality) but some posts name real places
        output.WriteLine($"{table.RowCount} actors; {table.KeyColumn("Municipality").Count(m => m != "")} mention a municipality");
    }

    [Fact]
    public void FeaturesOfAPeriodDoNotChangeWhenLaterPostsAreAdded()
    {
        var c = Sample.Value;
        var from = c.Posts[0].Time.AddDays(5);
        var to = from.AddDays(20);
        var cut = Before(c, to);
        Assert.True(cut.Posts.Count < c.Posts.Count);
        AssertSameTables(ActorFeatureTable.Build(cut, from, to), ActorFeatureTable.Build(c, from, to));

        // group windows: every window that ends by the cut is the same with and without the later posts
        var start = c.Posts[0].Time;
        var full = GroupWindowFeatureTable.Build(c, PostGroups.AuthorAttribute(c, Actor.Neighbourhood), TimeSpan.FromDays(7), start, to);
        var part = GroupWindowFeatureTable.Build(cut, PostGroups.AuthorAttribute(cut, Actor.Neighbourhood), TimeSpan.FromDays(7), start, to);
        AssertSameTables(part, full);
        // and a Leiden grouping cut at the same time
        var leidenFull = GroupWindowFeatureTable.Build(c, PostGroups.LeidenCommunity(c, from), TimeSpan.FromDays(7), from, to);
        var leidenPart = GroupWindowFeatureTable.Build(cut, PostGroups.LeidenCommunity(cut, from), TimeSpan.FromDays(7), from, to);
        AssertSameTables(leidenPart, leidenFull);
    }

    [Fact]
    public void ActorsWithoutPlacesGetNaNAndEmptyKeys()
    {
        var t0 = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.FromHours(1));
        var b = new CommunityBuilder();
        b.Add(new Post { Id = "1", AuthorId = "ann", Time = t0, Text = "Weer een volle container in Utrecht, echt slecht!" });
        b.Add(new Post { Id = "2", AuthorId = "bob", Time = t0.AddHours(1), Kind = PostKind.Reply, ParentId = "1", Text = "Dank je, we kijken ernaar." });
        b.Add(new Post { Id = "3", AuthorId = "ann", Time = t0.AddDays(1).AddHours(14), Text = "Ook in Utrecht en Amsterdam vol." });
        var c = b.Build();
        var table = ActorFeatureTable.Build(c);
        int ann = table.FindRow("ActorId", "ann"), bob = table.FindRow("ActorId", "bob");
        Assert.Equal("", table.Key(bob, "Municipality"));
        Assert.Equal("", table.Key(bob, "Province"));
        Assert.Equal("", table.Key(bob, "SizeClass"));
        Assert.Equal(0, table[bob, "place_mentions"]);
        Assert.True(float.IsNaN(table[bob, "top_place_population"]));
        Assert.True(float.IsNaN(table[bob, "top_place_size_class"]));
        Assert.True(float.IsNaN(table[bob, "province:Utrecht"]));
        Assert.True(float.IsNaN(table[bob, "median_wait_for_reply_hours"]));   // nobody answered bob
        Assert.Equal(1, table[bob, "median_reply_delay_hours"], 4);

        Assert.Equal("Utrecht", table.Key(ann, "Municipality"));
        Assert.Equal("Utrecht", table.Key(ann, "Province"));
        Assert.Equal("large", table.Key(ann, "SizeClass"));
        Assert.Equal(3, table[ann, "place_mentions"]);
        Assert.Equal(2f / 3, table[ann, "province:Utrecht"], 4);
        Assert.Equal(1f / 3, table[ann, "province:Noord-Holland"], 4);
        Assert.Equal(0, table[ann, "province:Zeeland"]);
        Assert.Equal(3, table[ann, "top_place_size_class"]);
        Assert.Equal(0.5, table[ann, "reply_rate"], 4);
        Assert.Equal(1, table[ann, "median_wait_for_reply_hours"], 4);
        Assert.Equal(1, table[ann, "in_degree"]);
        Assert.Equal(0, table[ann, "out_degree"]);
        Assert.Equal(0, table[ann, "reply_share"]);
    }

    [Fact]
    public void GroupWindowTableOnTheSampleMatchesAnIndependentComputation()
    {
        var c = Sample.Value;
        var start = new DateTimeOffset(c.Posts[0].Time.Date, c.Posts[0].Time.Offset);
        var width = TimeSpan.FromDays(7);
        var table = GroupWindowFeatureTable.Build(c, PostGroups.AuthorAttribute(c, Actor.Neighbourhood), width, start);
        Assert.Equal(GroupWindowFeatureTable.Names(), table.Names);
        var expected = c.Posts
            .Where(p => c.FindActor(p.AuthorId)?.Attribute(Actor.Neighbourhood) is not null)
            .GroupBy(p => (group: c.FindActor(p.AuthorId)!.Attribute(Actor.Neighbourhood)!, window: (int)Math.Floor((p.Time - start) / width)))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, table.RowCount);
        var ids = c.Posts.ToDictionary(p => p.Id);
        foreach (var ((group, window), posts) in expected.OrderByDescending(kv => kv.Value.Count).Take(6))
        {
            var ws = start + window * width;
            int r = Enumerable.Range(0, table.RowCount).Single(i => table.Key(i, "Group") == group && DateTimeOffset.Parse(table.Key(i, "WindowStart")) == ws);
            Assert.Equal(posts.Count, table[r, "posts"]);
            Assert.Equal(posts.Select(p => p.AuthorId).Distinct().Count(), table[r, "distinct_actors"]);
            Assert.Equal((double)posts.Count(p => p.ParentId is not null) / posts.Count, table[r, "reply_share"], 5);
            var inWindow = c.Posts.Where(p => p.Time >= ws && p.Time < ws + width).ToList();
            var answered = posts.Count(p => inWindow.Any(q => q.ParentId == p.Id && q.AuthorId != p.AuthorId));
            Assert.Equal((double)answered / posts.Count, table[r, "reply_rate"], 5);
            output.WriteLine($"{group} week {window}: {posts.Count} posts, reply rate {table[r, "reply_rate"]:F3}, internal {table[r, "internal_interaction_share"]:F3}, sentiment {table[r, "sentiment_mean"]:F3}");
        }
    }

    [Fact]
    public void FeatureTablesBecomeDataViewsWithSlotNamesAndKeyColumns()
    {
        var c = Sample.Value;
        var table = ActorFeatureTable.Build(c, new FeatureTableOptions { Topics = TopicFeatureSource.Complaints });
        Assert.Contains("topic:unknown", table.Names);
        var ml = new MLContext(seed: 42);
        var view = PredictionDataView.FromTable(table);
        Assert.Equal(table.RowCount, view.GetRowCount());
        var features = view.Schema[PredictionDataView.FeaturesColumn];
        Assert.Equal(table.FeatureCount, ((VectorDataViewType)features.Type).Size);
        VBuffer<ReadOnlyMemory<char>> names = default;
        features.GetSlotNames(ref names);
        Assert.Equal(table.Names, names.DenseValues().Select(m => m.ToString()).ToArray());
        foreach (var k in ActorFeatureTable.KeyNames) Assert.Equal(TextDataViewType.Instance, view.Schema[k].Type);
        Assert.Equal(table.KeyColumn("ActorId"), view.GetColumn<string>("ActorId").ToArray());
        var rows = view.GetColumn<float[]>(PredictionDataView.FeaturesColumn).ToArray();
        Assert.Equal(table.RowCount, rows.Length);
        Assert.Equal(table.Row(3).ToArray(), rows[3]);
    }

    [Fact]
    public void AnMlNetPipelineTrainsOnTheActorTableToPredictActivityNextWindow()
    {
        var c = Sample.Value;
        var t0 = c.Posts[0].Time;
        var window = TimeSpan.FromDays(15);
        (IDataView View, int Rows) Window(int k)
        {
            var from = t0 + k * window;
            var table = ActorFeatureTable.Build(c, from, from + window);
            var next = c.PostsBetween(from + window, from + 2 * window).Select(p => p.AuthorId).ToHashSet();
            var labels = table.KeyColumn("ActorId").Select(next.Contains).ToArray();
            return (PredictionDataView.FromTable(table, labels), table.RowCount);
        }
        var (train, trainRows) = Window(0);
        var (test, testRows) = Window(2);   // a later window: a time split, no overlap with training labels
        var ml = new MLContext(seed: 42);
        var pipeline = ml.Transforms.ReplaceMissingValues(PredictionDataView.FeaturesColumn)
            .Append(ml.Transforms.NormalizeMeanVariance(PredictionDataView.FeaturesColumn))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var model = pipeline.Fit(train);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
        output.WriteLine($"active in the next 15 days: train {trainRows} actors (days 0–15 → 15–30), test {testRows} (days 30–45 → 45–60): AUC {metrics.AreaUnderRocCurve:F3}");
        Assert.InRange(metrics.AreaUnderRocCurve, 0, 1);
    }

    // ---- real data ----

    [SharedDataFact(Reddit)]
    public void RedditActorAndThreadTablesMatchIndependentCounts()
    {
        var c = CommunityLoader.Load(SharedData.PathOf(Reddit), CommunityFormats.RedditMessages, null, out _);
        var from = new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var sw = Stopwatch.StartNew();
        var table = ActorFeatureTable.Build(c, from, to);
        output.WriteLine($"reddit 2021-03..04: {table.RowCount} actors × {table.FeatureCount} features in {sw.ElapsedMilliseconds} ms");
        AssertMatchesIndependent(c, from, to, table, 4);
        AssertSameTables(ActorFeatureTable.Build(Before(c, to), from, to), table);

        sw.Restart();
        var threads = GroupWindowFeatureTable.Build(c, PostGroups.Thread(c), TimeSpan.FromDays(7), from, to);
        output.WriteLine($"reddit threads × weeks: {threads.RowCount} rows in {sw.ElapsedMilliseconds} ms");
        var inPeriod = c.Posts.Where(p => p.Time >= from && p.Time < to).ToList();
        Assert.Equal(inPeriod.GroupBy(p => (c.ThreadOfPost(p.Id), (int)Math.Floor((p.Time - from) / TimeSpan.FromDays(7)))).Count(), threads.RowCount);
        Assert.Equal(inPeriod.Count, threads.Column("posts").Sum());
    }

    [SharedDataFact(Tweets)]
    public void PoliticalTweetsActorTableHasNetworkAndPlaceFeatures()
    {
        var c = CommunityLoader.Load(SharedData.PathOf(Tweets), CommunityFormats.PoliticalTweets, null, out _);
        var from = c.Posts[0].Time;
        var to = c.Posts[^1].Time.AddTicks(1);
        var sw = Stopwatch.StartNew();
        var table = ActorFeatureTable.Build(c, from, to);
        output.WriteLine($"political tweets: {table.RowCount} actors × {table.FeatureCount} features in {sw.ElapsedMilliseconds} ms; " +
            $"{table.KeyColumn("Province").Count(p => p != "")} mention a place; {table.KeyColumn("Community").Distinct().Count()} communities");
        AssertMatchesIndependent(c, from, to, table, 4);
        Assert.Contains(table.KeyColumn("Province"), p => p != "");
        Assert.Contains(table.Column("betweenness"), b => b > 0);
        var parties = GroupWindowFeatureTable.Build(c, PostGroups.AuthorAttribute(c, Actor.Party), TimeSpan.FromDays(7));
        output.WriteLine($"party × week: {parties.RowCount} rows; dominant provinces {string.Join(", ", parties.KeyColumn("DominantProvince").Where(p => p != "").Distinct())}");
        Assert.Equal(c.Posts.Count(p => c.FindActor(p.AuthorId)?.Attribute(Actor.Party) is not null), parties.Column("posts").Sum());
    }

    [SharedDataFact(Reddit)]
    public void RedditTimeSplitActivityNextWindowFromTheActorTable()
    {
        // rows: actors of a 90-day period, label: posts in the next 30 days; origins every 30 days, train before 2021-07-01, test from then
        var c = CommunityLoader.Load(SharedData.PathOf(Reddit), CommunityFormats.RedditMessages, null, out _);
        var split = new DateTimeOffset(2021, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var ml = new MLContext(seed: 42);
        (FeatureTable Table, bool[] Labels) Origin(DateTimeOffset origin)
        {
            var table = ActorFeatureTable.Build(c, origin.AddDays(-90), origin, new FeatureTableOptions { Topics = TopicFeatureSource.None });
            var next = c.PostsBetween(origin, origin.AddDays(30)).Select(p => p.AuthorId).ToHashSet();
            return (table, table.KeyColumn("ActorId").Select(next.Contains).ToArray());
        }
        IDataView Stack(IEnumerable<DateTimeOffset> origins)
        {
            var parts = origins.Select(Origin).Where(o => o.Table.RowCount > 0).ToList();
            var names = parts[0].Table.Names;
            var x = parts.SelectMany(o => o.Table.ToMatrix()).ToArray();
            return PredictionDataView.Create(ml, x, names, parts.SelectMany(o => o.Labels).ToArray());
        }
        var trainOrigins = Enumerable.Range(0, 12).Select(k => split.AddDays(-30 * (k + 1))).ToList();   // windows end by the split
        var testOrigins = Enumerable.Range(0, 5).Select(k => split.AddDays(30 * k)).ToList();
        var train = Stack(trainOrigins);
        var test = Stack(testOrigins);
        var pipeline = ml.Transforms.ReplaceMissingValues(PredictionDataView.FeaturesColumn)
            .Append(ml.Transforms.NormalizeMeanVariance(PredictionDataView.FeaturesColumn))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var metrics = ml.BinaryClassification.Evaluate(pipeline.Fit(train).Transform(test));
        output.WriteLine($"reddit, actor active in the next 30 days from the actor table (90-day period, logistic regression): " +
            $"train {train.GetRowCount() ?? ml.Data.CreateEnumerable<LabelRow>(train, false).Count()} rows, test {ml.Data.CreateEnumerable<LabelRow>(test, false).Count()} rows, AUC {metrics.AreaUnderRocCurve:F4}");
        Assert.True(metrics.AreaUnderRocCurve > 0.6, "the feature table should carry signal about next-window activity");
    }

    private sealed class LabelRow
    {
        public bool Label { get; set; }
    }
}
