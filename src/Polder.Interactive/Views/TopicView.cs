using Polder.Topics;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>A <see cref="TopicPrediction"/>: its best label and the top labels as probability bars.</summary>
internal static class TopicView
{
    public static void Write(TopicPrediction prediction, TextWriter w)
    {
        Open(w, "topics");
        Body(prediction, w);
        Close(w);
    }

    public static void Body(TopicPrediction p, TextWriter w)
    {
        w.Write($"<div><b>{E(p.Label)}</b> <span class=\"muted\">({Pct(p.Confidence)})</span>");
        if (p.Labels.Count > 1) w.Write($" <span class=\"muted\">labels above the threshold:</span> {E(string.Join(", ", p.Labels))}");
        w.Write("</div>");
        Bars(p.Top.Select(t => (t.Key, (double)t.Value, Pct(t.Value))), 1.0, w);
    }

    /// <summary>Labelled bars, each <c>value / scale</c> long, with its caption on the right.</summary>
    public static void Bars(IEnumerable<(string Label, double Value, string Caption)> bars, double scale, TextWriter w)
    {
        w.Write("<table>");
        foreach (var (label, value, caption) in bars)
            w.Write($"<tr><td>{E(label)}</td><td>{BarOf(scale <= 0 ? 0 : value / scale, Bar)}</td><td class=\"n\">{E(caption)}</td></tr>");
        w.Write("</table>");
    }
}
