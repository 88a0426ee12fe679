using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>Topic shares: one bar per topic (share of posts) with its tone split into negative, neutral and positive.</summary>
internal static class TopicShareView
{
    /// <summary>Topics shown before the list is cut.</summary>
    public const int MaxTopics = 15;

    public static void Write(IEnumerable<TopicShare> shares, TextWriter w)
    {
        Open(w, "topic-shares");
        Body(shares.ToArray(), w);
        Close(w);
    }

    public static void Write(TopicShare share, TextWriter w) => Write([share], w);

    public static void Body(IReadOnlyList<TopicShare> shares, TextWriter w, string header = "topic")
    {
        if (shares.Count == 0) { w.Write("<div class=\"muted\">no topics</div>"); return; }
        double max = shares.Max(s => s.Share);
        w.Write($"<table><thead><tr><th>{E(header)}</th><th>share</th><th class=\"n\">posts</th><th>tone (− / 0 / +)</th><th class=\"n\">net</th></tr></thead><tbody>");
        foreach (var s in shares.Take(MaxTopics))
        {
            w.Write($"<tr><td>{E(s.Topic)}</td><td>{BarOf(max <= 0 ? 0 : s.Share / max, Bar, 160)} {Pct(s.Share)}</td><td class=\"n\">{N(s.Posts)}</td><td>");
            Tone(s.Negative, s.Neutral, s.Positive, w);
            w.Write($"</td><td class=\"n\">{N(s.NetSentiment, 2)}</td></tr>");
        }
        w.Write("</tbody></table>");
        if (shares.Count > MaxTopics) w.Write($"<div class=\"muted\">… {shares.Count - MaxTopics} more topics</div>");
    }

    /// <summary>A 120-pixel stacked bar of negative, neutral and positive counts.</summary>
    public static void Tone(int negative, int neutral, int positive, TextWriter w)
    {
        double n = negative + neutral + positive;
        if (n == 0) return;
        foreach (var (count, colour) in new[] { (negative, Negative), (neutral, "#bdc3c7"), (positive, Positive) })
            w.Write($"<span class=\"bar\" style=\"border-radius:0;width:{(int)Math.Round(count / n * 120)}px;background:{colour}\" title=\"{count}\"></span>");
    }
}
