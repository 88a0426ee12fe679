using System.Globalization;
using Polder.Prediction.Activity;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Prediction.Activity;

public class ActivityForecasterTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // posts spread inside each day so window j (counted back from the last post) holds counts[j]
    private static List<DateTimeOffset> Days(params int[] counts)
    {
        var times = new List<DateTimeOffset> { T0 };
        for (int d = 0; d < counts.Length; d++)
            for (int i = 0; i < counts[d]; i++)
                times.Add(T0.AddDays(d).AddHours(24.0 * (i + 1) / (counts[d] + 1)));
        times.Add(T0.AddDays(counts.Length));
        return times;
    }

    [Fact]
    public void A_four_point_series_gets_a_wide_t_interval_not_a_collapsed_one()
    {
        var r = ActivityForecaster.Forecast(Days(10, 50, 12, 60), [], "(alle)", TimeSpan.FromDays(1));
        var f = Assert.Single(r.Series);
        Assert.Equal(4, r.Windows);
        Assert.Equal("student-t", r.IntervalMethod);
        var h = f.History;
        Assert.Equal([11, 50, 12, 61], h);   // the first and last windows also hold the boundary posts
        Assert.Equal((h[1] + h[2] + h[3]) / 3.0, f.Forecast, 6);
        // one backtest error (24.3 forecast, 61 actual: z = 7.4) with one degree of freedom: t = 3.078
        double f0 = (h[0] + h[1] + h[2]) / 3.0, z = (h[3] - f0) / Math.Sqrt(f0);
        double half = 3.078 * z * Math.Sqrt(f.Forecast) * Math.Sqrt(4.0 / 3);
        Assert.Equal(f.Forecast + half, f.Upper, 6);
        Assert.Equal(0, f.Lower);
        Assert.True(f.Upper > 4 * f.Forecast, $"{f.Lower}–{f.Upper}");
        Assert.Contains(r.Notes, n => n.Contains("t-interval", StringComparison.Ordinal));
    }

    [Fact]
    public void Fewer_than_four_windows_is_no_forecast_with_a_reason()
    {
        var r = ActivityForecaster.Forecast(Days(5, 5, 5), [], "(alle)", TimeSpan.FromDays(1));
        Assert.Empty(r.Series);
        Assert.Contains(r.Notes, n => n.Contains("minstens 4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_steady_series_keeps_the_empirical_interval_and_covers_about_80_percent()
    {
        var rng = new Random(3);
        var counts = Enumerable.Range(0, 80).Select(_ => 40 + rng.Next(-8, 9)).ToArray();
        var r = ActivityForecaster.Forecast(Days(counts), [], "(alle)", TimeSpan.FromDays(1));
        Assert.Equal("empirical", r.IntervalMethod);
        Assert.InRange(r.BacktestCoverage, 0.7, 0.9);
        var f = Assert.Single(r.Series);
        Assert.True(f.Lower < f.Forecast && f.Forecast < f.Upper);
    }

    [SharedDataFact("community/political-tweets-2020-04.tsv")]
    public void A_week_of_tweets_gets_an_interval_on_both_sides_of_the_forecast()
    {
        // before: 251 with 80 % interval 184.1–252.7 — every topic fell towards the weekend, so all 60 pooled errors
        // pointed down and the upper bound sat on the forecast
        var times = File.ReadLines(SharedData.PathOf("community/political-tweets-2020-04.tsv")).Skip(1)
            .Select(l => DateTimeOffset.ParseExact(l.Split('\t')[1], "dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
            .ToList();
        var r = ActivityForecaster.Forecast(times, [], "(alle)", TimeSpan.FromDays(1));
        var f = Assert.Single(r.Series);
        Assert.Equal("student-t", r.IntervalMethod);
        Assert.True(f.Upper - f.Forecast >= 0.15 * f.Forecast, $"{f.Forecast:0.0}: {f.Lower:0.0}–{f.Upper:0.0}");
        Assert.True(f.Forecast - f.Lower >= 0.15 * f.Forecast, $"{f.Forecast:0.0}: {f.Lower:0.0}–{f.Upper:0.0}");
    }
}
