using System.Globalization;
using System.Text.RegularExpressions;
using Polder.Analysis;
using Polder.Analysis.Reporting;
using Polder.Behaviour;

namespace Polder.Tests.Analysis;

public class HonestTrendTests
{
    [Fact]
    public void Wilson_intervals_stay_in_range_and_are_wide_for_one_post()
    {
        var one = WilsonInterval.Of(1, 1);
        Assert.Equal(1, one.Upper, 6);
        Assert.Equal(1 / (1 + 1.959964 * 1.959964), one.Lower, 9);
        var none = WilsonInterval.Of(0, 10);
        Assert.Equal(0, none.Lower, 6);
        Assert.Equal(0.2775, none.Upper, 3);
        var net = WilsonInterval.OfNet(negative: 1, neutral: 0, positive: 0);
        Assert.Equal(-1, net.Lower, 6);
        Assert.True(net.Upper > -0.6, $"{net.Upper}");
        Assert.True(double.IsNaN(WilsonInterval.Of(0, 0).Lower));
    }

    private static List<double> Xs(string svg, string titleStart) =>
        Regex.Matches(svg, "<circle cx=\"([0-9.]+)\"[^>]*><title>([^<]*)</title>").Where(m => m.Groups[2].Value.StartsWith(titleStart, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Sentiment_chart_spaces_windows_by_time_and_does_not_draw_a_one_post_window()
    {
        var trend = new List<SentimentPoint>
        {
            new("(alle)", new DateOnly(2011, 1, 1), 40, 10, 20, 10, 0),
            new("(alle)", new DateOnly(2011, 2, 1), 40, 12, 18, 10, 0),
            new("(alle)", new DateOnly(2011, 5, 1), 1, 1, 0, 0, -1),   // one post: would spike to −1
            new("(alle)", new DateOnly(2011, 8, 1), 40, 8, 20, 12, 0),
        };
        var svg = Charts.SentimentLines(trend, ["(alle)"], TimeWindow.Month, "test");
        var x = Xs(svg, "(alle),");
        Assert.Equal(3, x.Count);   // the one-post month is not a point
        // Jan→Feb is one month, Feb→Aug six: proportional, not by index
        Assert.InRange((x[2] - x[1]) / (x[1] - x[0]), 5.5, 6.5);
        Assert.Contains("1 berichten, te weinig om te tekenen", svg);
        // the axis reaches ±0.5 at most (the drawn points and their intervals), not ±1 from the one-post month
        Assert.DoesNotContain(">-1<", svg);
        // a gap (Feb→Aug) breaks the line: two runs, of which only Jan–Feb has two points
        Assert.Single(Regex.Matches(svg, "<path d=\"M"));
    }

    [Fact]
    public void A_129_month_history_gets_year_ticks_not_129_labels()
    {
        var start = new DateOnly(2011, 5, 1);
        var trend = Enumerable.Range(0, 129).Select(i => new SentimentPoint("(alle)", start.AddMonths(i), i % 5 == 0 ? 1 : 30, i % 5 == 0 ? 1 : 10, i % 5 == 0 ? 0 : 10, i % 5 == 0 ? 0 : 10, 0)).ToList();
        var svg = Charts.SentimentLines(trend, ["(alle)"], TimeWindow.Month, "test");
        var labels = Regex.Matches(svg, "<text [^>]*font-size=\"11\"[^>]*>(20[0-9][0-9])</text>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enumerable.Range(2012, 11).Select(y => y.ToString(CultureInfo.InvariantCulture)), labels);
        // every fifth month has one post: 26 hollow marks, not 26 spikes
        Assert.Equal(26, Regex.Count(svg, "te weinig om te tekenen"));
        Assert.Equal(103, Xs(svg, "(alle),").Count);
    }

    [Fact]
    public void Forecast_panels_draw_at_most_24_readable_bars_of_a_129_window_history()
    {
        var history = Enumerable.Range(0, 129).Select(i => i % 7 + 1).ToArray();
        var f = new ActivityForecast("(alle)", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(30), 4, 1, 8, history);
        var svg = Charts.ActivityForecasts([f], TimeWindow.Month, "test");
        var widths = Regex.Matches(svg, "<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\"[^>]*fill=\"#cbd2d9\"")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Charts.MaxHistoryBars, widths.Count);
        Assert.All(widths, w => Assert.True(w >= 5, $"bar {w} px wide"));
        Assert.Contains("laatste 24 van 129 periodes", svg);
    }

    [Fact]
    public void Long_histories_keep_months_and_very_long_ones_become_years()
    {
        var t0 = new DateTimeOffset(2011, 5, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeWindow.Day, TrendWindows.Auto(t0, t0.AddDays(7)));
        Assert.Equal(TimeWindow.Month, TrendWindows.Auto(t0, t0.AddMonths(129)));
        Assert.Equal(TimeWindow.Year, TrendWindows.Auto(t0, t0.AddYears(20)));
    }
}
