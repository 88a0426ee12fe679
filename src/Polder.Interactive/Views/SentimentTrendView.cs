using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>Sentiment over time: for the whole community, one row per window with its tone and net sentiment as a diverging bar.</summary>
internal static class SentimentTrendView
{
    /// <summary>The topic name of the whole-community series.</summary>
    public const string All = "(alle)";

    public static void Write(IEnumerable<SentimentPoint> points, TextWriter w)
    {
        Open(w, "sentiment-trend");
        Body(points.ToArray(), w);
        Close(w);
    }

    public static void Body(IReadOnlyList<SentimentPoint> points, TextWriter w)
    {
        // the whole community when present, else the largest topic
        var topic = points.Any(p => p.Topic == All) ? All
            : points.GroupBy(p => p.Topic).OrderByDescending(g => g.Sum(p => p.Posts)).First().Key;
        var series = points.Where(p => p.Topic == topic).OrderBy(p => p.WindowStart).ToArray();
        var topics = points.Select(p => p.Topic).Distinct().Count();
        w.Write($"<div class=\"muted\">{E(topic)}; {topics} series in all</div>");
        w.Write("<table><thead><tr><th>from</th><th class=\"n\">posts</th><th>tone (− / 0 / +)</th><th>net sentiment</th></tr></thead><tbody>");
        foreach (var p in series)
        {
            w.Write($"<tr><td>{p.WindowStart:yyyy-MM-dd}</td><td class=\"n\">{N(p.Posts)}</td><td>");
            TopicShareView.Tone(p.Negative, p.Neutral, p.Positive, w);
            w.Write("</td><td>");
            Diverging(p.NetSentiment, w);
            w.Write($" {N(p.NetSentiment, 2)}</td></tr>");
        }
        w.Write("</tbody></table>");
    }

    /// <summary>A bar from the middle of a 160-pixel track: left and red when negative, right and green when positive.</summary>
    private static void Diverging(double value, TextWriter w)
    {
        double v = double.IsFinite(value) ? Math.Clamp(value, -1, 1) : 0;
        int half = 80, len = (int)Math.Round(Math.Abs(v) * half);
        int left = v < 0 ? half - len : half;
        w.Write($"<span class=\"track\" style=\"width:{2 * half}px\"><span style=\"position:absolute;left:{half}px;width:1px;height:11px;background:#999\"></span>"
            + $"<span style=\"position:absolute;left:{left}px;width:{len}px;height:11px;background:{(v < 0 ? Negative : Positive)}\"></span></span>");
    }
}
