using Polder.Community;
using Polder.Community.Simulation;
using Polder.Tests.Infrastructure;
using Xunit.Abstractions;
using Polder.Prediction.Features;
using Polder.Prediction.Opinion;

namespace Polder.Tests.Prediction.Opinion;

public class GroupWindowSeriesTests(ITestOutputHelper output)
{
    private static readonly string[] Shares = ["sentiment_negative_share", "sentiment_positive_share"];

    // Weekly sentiment shares per neighbourhood of a simulated community.
    private static (GroupSeriesTable Table, FeatureTable Windows) Weekly(int seed, int days)
    {
        var (records, _) = CommunitySimulator.Run(new SimulationOptions { Seed = seed, Days = days });
        var builder = new CommunityBuilder();
        foreach (var r in records) builder.Add(r);
        var community = builder.Build();
        var windows = GroupWindowFeatureTable.Build(community, PostGroups.AuthorAttribute(community, Actor.Neighbourhood), TimeSpan.FromDays(7));
        return (GroupWindowSeries.Build(windows, Shares), windows);
    }

    [Fact]
    public void GroupSentimentForecastsFromTheCommunityBeatTheSimpleOnes()
    {
        // In the simulator every neighbourhood writes in the same drifting mood: a group's weekly share is the
        // community's share plus the noise of ~30 posts. Forecasting it from the community's level and a shrunk offset
        // must beat the simple forecasts an analyst would use on the group's own series.
        var (table, windows) = Weekly(seed: 8, days: 240);
        Assert.Equal(2 * 7, table.Series.Count);                          // six neighbourhoods and the whole, per share
        int first = 10, last = table.WaveCount - 2;                        // the last week is partial
        var model = OpinionBacktest.EvaluateModel(table, first, last);
        var lastValue = OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.LastValue);
        var mean3 = OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3);
        var mean3National = OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3PlusNationalChange);
        output.WriteLine($"{table.WaveCount} weeks, {model.Count} forecasts: model {model.Mae:F2} pp (80% interval holds {model.IntervalCoverage:P1}); last value {lastValue.Mae:F2}, mean of last 3 {mean3.Mae:F2}, mean of 3 + community change {mean3National.Mae:F2}");
        // The noise floor: even the true share misses a week's observed share by E|noise| = √(2/π)·√(p(100 − p)/n) for
        // n posts, taking p as the community's share that week.
        double floor = 0; int count = 0;
        for (int w = first; w <= last; w++)
            foreach (var s in table.Series)
            {
                if (!s.Has(w) || !s.Has(w - 1)) continue;
                double p = table.Find(s.Key.NationalTotal)!.Values[w];
                floor += Math.Sqrt(2 / Math.PI) * Math.Sqrt(p * (100 - p) / s.SampleSizes[w]); count++;
            }
        floor /= count;
        output.WriteLine($"noise floor {floor:F2} pp");
        Assert.True(model.Mae < Math.Min(lastValue.Mae, Math.Min(mean3.Mae, mean3National.Mae)) - 1, $"model {model.Mae:F2}");
        Assert.True(model.Mae < 1.15 * floor, $"model {model.Mae:F2}, noise floor {floor:F2}");
        Assert.InRange(model.IntervalCoverage, 0.65, 0.95);

        // The community series is the posts-weighted mean of the groups: check one week by hand.
        int week = 5;
        var negative = windows.Column("sentiment_negative_share");
        var posts = windows.Column("posts");
        var starts = windows.KeyColumn("WindowStart").Distinct().OrderBy(t => DateTimeOffset.Parse(t)).ToArray();
        var rows = Enumerable.Range(0, windows.RowCount).Where(r => windows.Key(r, "WindowStart") == starts[week]).ToArray();
        double expected = 100 * rows.Sum(r => (double)negative[r] * posts[r]) / rows.Sum(r => (double)posts[r]);
        var whole = table.Find(new GroupSeriesKey(GroupSeriesKey.National, "Alle", "Totaal", GroupWindowSeries.IndicatorCategory, "sentiment_negative_share"))!;
        Assert.Equal(expected, whole.Values[week], 6);
        Assert.Equal((int)rows.Sum(r => posts[r]), whole.SampleSizes[week]);
    }

    [SharedDataFact("community/party-tweets-populism-dev.csv")]
    public void PartiesToneQuarterByQuarterFromTheirTweets()
    {
        // Real tweets of nine party accounts, 2017–2023 (the dev file; the test file is not read): each party's share of
        // negative tweets per quarter, forecast one quarter ahead from the quarters before.
        var builder = new CommunityBuilder();
        var zone = DutchTime.Zone;
        int row = 0;
        foreach (var r in Polder.Data.CsvReader.ReadFileWithHeader(SharedData.PathOf("community/party-tweets-populism-dev.csv")))
        {
            var day = DateOnly.ParseExact(r["Date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var party = r["Party"];
            builder.Add(new Post
            {
                Id = "t" + row++, AuthorId = party, Text = r["Tweet"], Time = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0)))),
            }, new Actor { Id = party, Attributes = new Dictionary<string, string> { [Actor.Party] = party } });
        }
        var community = builder.Build();
        var start = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
        var windows = GroupWindowFeatureTable.Build(community, PostGroups.AuthorAttribute(community, Actor.Party), TimeSpan.FromDays(91), start);
        var table = GroupWindowSeries.Build(windows, Shares);
        int first = 6, last = table.WaveCount - 1;
        var model = OpinionBacktest.EvaluateModel(table, first, last);
        var lastValue = OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.LastValue);
        var mean3 = OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3);
        var mean3National = OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3PlusNationalChange);
        output.WriteLine($"{row} tweets, {table.WaveCount} quarters from 2018, {model.Count} forecasts: model {model.Mae:F2} pp (80% interval holds {model.IntervalCoverage:P1}); last value {lastValue.Mae:F2}, mean of last 3 {mean3.Mae:F2}, mean of 3 + all parties' change {mean3National.Mae:F2}");
        // Measured: 12.02 against 12.04 for the mean of the last 3 — a tie: with ~20 tweets a party-quarter and parties
        // whose tone drifts apart, the community anchor adds little. The test guards that it stays no worse than the best
        // simple forecast (3% for noise) and well ahead of the last value.
        double best = Math.Min(lastValue.Mae, Math.Min(mean3.Mae, mean3National.Mae));
        Assert.True(model.Mae <= 1.03 * best, $"model {model.Mae:F2}, best baseline {best:F2}");
        Assert.True(model.Mae < 0.9 * lastValue.Mae, $"model {model.Mae:F2}, last value {lastValue.Mae:F2}");
    }

    [Fact]
    public void AFeatureThatIsNotAShareIsRefusedWithItsGroupAndWindow()
    {
        var (_, windows) = Weekly(seed: 8, days: 21);
        var e = Assert.Throws<ArgumentException>(() => GroupWindowSeries.Build(windows, ["posts"]));
        Assert.Contains("'posts' is not a share", e.Message);
        Assert.Contains("in the window from 2024-01-01", e.Message);
        Assert.Contains("no feature 'sentiment_share'", Assert.Throws<ArgumentException>(() => GroupWindowSeries.Build(windows, ["sentiment_share"])).Message);
        Assert.Throws<ArgumentException>(() => GroupWindowSeries.Build(windows, []));
    }
}
