using Polder.Analysis;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Sentiment;
using Polder.Topics;

namespace Polder.Tests.Analysis;

public class CommunityAnalyzerTests(SampleAnalysisFixture sample) : IClassFixture<SampleAnalysisFixture>
{
    private CommunityAnalysis A => sample.Analysis;

    [Fact]
    public void The_sample_is_read_completely_and_every_layer_is_filled()
    {
        Assert.Equal(SampleCommunity.SourceName, A.Source);
        Assert.Equal(1675, A.Read.RowsRead);
        Assert.Equal(1675, A.Read.Accepted);
        Assert.Equal(0, A.Read.Rejected);
        Assert.Equal(1675, A.Posts.Count);
        Assert.NotNull(A.Behaviour);
        Assert.NotNull(A.Rhythm);
        Assert.NotNull(A.Network);
        Assert.NotNull(A.Forecasts);
        Assert.Equal(TimeWindow.Week, A.TrendWindow); // 60 days: weekly trends
        Assert.Equal(A.Behaviour!.Posts, A.Figure("posts")!.Value);
    }

    [Fact]
    public void Text_layer_agrees_with_the_building_blocks_used_alone()
    {
        var community = LoadSample();
        var themes = TopicClassifier.Themes;
        foreach (var i in new[] { 0, 1, 3, 100, 777, 1674 })
        {
            var post = community.Posts[i];
            var r = A.Posts[i];
            Assert.Equal(post.Id, r.PostId);
            Assert.Equal(SentimentAnalyzer.Default.Analyze(post.Text).Label, r.Sentiment);
            Assert.Equal(themes.Predict(post.Text, 1).Label, r.Topic);
        }
        // the thread topic is the topic of the thread's first post
        var s2 = A.Posts.Single(p => p.PostId == "s2");
        Assert.Equal(A.Posts.Single(p => p.PostId == "s1").Topic, s2.ThreadTopic);
        // a sample post naming a neighbourhood of Polderstad is not a real place, but real Dutch places are found
        Assert.All(A.Posts.Where(p => p.Places.Count > 0), p => Assert.All(p.Places, m => Assert.False(string.IsNullOrEmpty(m.Municipality.Name))));
    }

    [Fact]
    public void Shares_trends_and_counts_add_up()
    {
        Assert.Equal(1675, A.Topics.Sum(t => t.Posts));
        Assert.Equal(1.0, A.Topics.Sum(t => t.Share), 9);
        Assert.All(A.Topics, t => Assert.Equal(t.Posts, t.Negative + t.Neutral + t.Positive));
        Assert.True(A.Topics.Zip(A.Topics.Skip(1)).All(x => x.First.Posts >= x.Second.Posts), "largest topic first");
        Assert.Equal(A.Posts.Count(p => p.Complaint is not null), A.Complaints.Sum(c => c.Posts));
        var all = A.SentimentTrend.Where(p => p.Topic == "(alle)").ToList();
        Assert.Equal(1675, all.Sum(p => p.Posts));
        Assert.Equal(A.Posts.Count(p => p.Sentiment == SentimentLabel.Negative), all.Sum(p => p.Negative));
        foreach (var t in A.Topics) Assert.Equal(t.Posts, A.SentimentTrend.Where(p => p.Topic == t.Topic).Sum(p => p.Posts));
        Assert.Equal(1675, A.Rhythm!.HourOfWeek.Sum());
        Assert.Equal(1675, A.Rhythm.PerDay.Sum());
    }

    [Fact]
    public void Response_times_per_organisation_match_the_behaviour_report()
    {
        var org = Assert.Single(A.ResponseTimes);
        Assert.Equal("gemeente_polderstad", org.Organisation);
        var b = A.Behaviour!.Organisations.Single(o => o.ActorId == org.Organisation).FirstResponse;
        Assert.Equal(b.Conversations, org.Summary.Conversations);
        Assert.Equal(b.Answered, org.WaitHours.Count);
        Assert.Equal(b.MedianHours, org.Summary.MedianHours, 9);
        Assert.True(org.WaitHours.Zip(org.WaitHours.Skip(1)).All(x => x.First <= x.Second));
    }

    [Fact]
    public void Network_is_partitioned_ranked_and_laid_out()
    {
        var n = A.Network!;
        Assert.Equal(n.Nodes, n.CommunitySizes.Sum());
        Assert.Equal(n.Communities, n.CommunitySizes.Count);
        Assert.Equal(1.0, n.Actors.Sum(x => x.PageRank), 6);
        Assert.Equal("gemeente_polderstad", n.Actors[0].ActorId); // the webcare account is the hub
        var drawn = n.Actors.Where(x => x.IsDrawn).ToList();
        Assert.Equal(Math.Min(n.Nodes, A.Options.MaxDrawnNodes), drawn.Count);
        Assert.All(drawn, x => { Assert.InRange(x.X, 0, 1); Assert.InRange(x.Y, 0, 1); });
        Assert.True(n.Modularity > 0.1, $"modularity {n.Modularity}");
    }

    [Fact]
    public void Forecasts_carry_their_uncertainty_and_an_honest_evaluation()
    {
        var f = A.Forecasts!;
        Assert.Equal("(alle)", f.Activity[0].Topic);
        Assert.All(f.Activity, x =>
        {
            Assert.True(x.Lower <= x.Forecast && x.Forecast <= x.Upper, $"{x.Topic}: {x.Lower} {x.Forecast} {x.Upper}");
            Assert.True(x.Lower >= 0);
            Assert.Equal((x.History[^1] + x.History[^2] + x.History[^3]) / 3.0, x.Forecast, 9);
        });
        // the weekly windows end at the last post, so every window is complete: 8 weeks of 60 days
        Assert.Equal(8, f.Activity[0].History.Count);
        Assert.True(f.ActivityBacktestCount > 0);
        var e = Assert.IsType<EngagementForecast>(f.Engagement);
        Assert.True(e.EvaluationPosts > 0);
        Assert.True(e.EvaluationAuc > 0.6, $"AUC {e.EvaluationAuc} on later posts");
        Assert.All(e.Open, o =>
        {
            Assert.InRange(o.ReplyProbability, 0, 1);
            Assert.True(o.Time > e.AsOf.AddDays(-1));
        });
    }

    [Fact]
    public void Progress_runs_through_every_stage_in_order()
    {
        var stages = sample.Progress.Select(p => p.Stage).Distinct().ToList();
        Assert.Equal(["reading", "text", "behaviour", "network", "forecasts", "summary", "done"], stages);
        Assert.Equal(1.0, sample.Progress[^1].Fraction);
    }

    [Fact]
    public void Posts_in_memory_give_the_same_result_as_the_file_and_the_seed_makes_it_reproducible()
    {
        var community = LoadSample();
        var options = new AnalysisOptions { Layers = AnalysisLayers.Behaviour | AnalysisLayers.Network };
        var fromPosts = new CommunityAnalyzer(options).Analyze(community.Posts, community.Actors, "in memory");
        Assert.Equal(1675, fromPosts.Read.Accepted);
        Assert.Empty(fromPosts.Posts); // text layer off
        Assert.Null(fromPosts.Forecasts);
        var (x, y) = (A.Behaviour!.FirstResponse, fromPosts.Behaviour!.FirstResponse);
        Assert.Equal((x.Conversations, x.Answered, x.MedianHours, x.P90Hours), (y.Conversations, y.Answered, y.MedianHours, y.P90Hours));
        Assert.Equal(x.BandCounts, y.BandCounts);
        Assert.Equal(A.Network!.Actors.Select(x => (x.ActorId, x.Community, x.X)), fromPosts.Network!.Actors.Select(x => (x.ActorId, x.Community, x.X)));
    }

    [Fact]
    public void Duplicate_posts_in_memory_are_rejected_with_a_reason()
    {
        var t = DateTimeOffset.Parse("2024-03-01T10:00:00+01:00");
        var posts = new[]
        {
            new Post { Id = "a", AuthorId = "x", Time = t, Text = "Hallo @gemeente_utrecht, de lantaarnpaal is kapot." },
            new Post { Id = "a", AuthorId = "y", Time = t.AddHours(1), Text = "dubbel" },
            new Post { Id = "b", AuthorId = "gemeente_utrecht", Time = t.AddHours(2), Text = "Dank voor je melding!", ParentId = "a", Kind = PostKind.Reply },
        };
        var r = new CommunityAnalyzer(new AnalysisOptions { Layers = AnalysisLayers.Text | AnalysisLayers.Behaviour }).Analyze(posts);
        Assert.Equal(3, r.Read.RowsRead);
        Assert.Equal(1, r.Read.Rejected);
        Assert.Equal("id", Assert.Single(r.Read.Issues).Field);
        Assert.Equal(2, r.Posts.Count);
    }

    [Fact]
    public void A_cancelled_analysis_stops()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CommunityAnalyzer.Default.AnalyzeSample(cancellationToken: cts.Token));
    }

    [Fact]
    public void TextAnalyzer_gives_sentiment_topic_and_places_of_one_text()
    {
        var r = TextAnalyzer.Default.Analyze("Alweer een overvolle container in Utrecht, echt belachelijk 😡 #afval");
        Assert.Equal("nl", r.Language);
        Assert.Equal(SentimentLabel.Negative, r.Sentiment!.Label);
        Assert.Equal("negative", r.SentimentLabel);
        Assert.Contains(r.Topic, TopicClassifier.Themes.Labels);
        Assert.Contains(r.Places, p => p.Municipality.Name == "Utrecht");
        Assert.Equal("Afval", r.Complaint);
        Assert.StartsWith("language nl", r.ToString());
        Assert.Contains("sentiment negative", r.ToString());
        Assert.Equal(SentimentLabel.Positive, TextAnalyzer.Default.Analyze("Dank je wel, super snel opgelost!").Sentiment!.Label);
    }

    private static OnlineCommunity LoadSample()
    {
        var records = CommunityLoader.Read(SampleCommunity.Open(), "sample", ".csv", CommunityFormats.PolderCsv, null, out var report);
        return CommunityLoader.Build(records, report);
    }
}
