using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>A <see cref="TextAnalysis"/>: the text with its sentiment words highlighted, the label, the topic, the complaint category and the places.</summary>
internal static class TextAnalysisView
{
    public static void Write(TextAnalysis a, TextWriter w)
    {
        Open(w, "text-analysis");
        w.Write($"<span class=\"muted\">language</span> <b>{E(a.Language)}</b> <span class=\"muted\">({Pct(a.LanguageConfidence)})</span> ");
        if (a.Sentiment is null)
        {
            // another language: the Dutch layers did not read it, so there is nothing to show but the text
            w.Write("<span class=\"muted\">not read by the Dutch layers (sentiment, topic, complaint, places)</span>");
            w.Write($"<div>{E(a.Text)}</div>");
            Close(w);
            return;
        }
        SentimentView.Badge(a.Sentiment.Label, a.Sentiment.Score, w);
        w.Write($" <span class=\"muted\">topic</span> <b>{E(a.Topic)}</b> <span class=\"muted\">({Pct(a.TopicConfidence)})</span>");
        if (a.Complaint is not null) w.Write($" <span class=\"muted\">complaint</span> <b>{E(a.Complaint)}</b>");
        SentimentView.Highlight(a.Text, a.Sentiment.Contributions, w);
        if (a.Places.Count > 0)
            w.Write("<div><span class=\"muted\">places</span> " + string.Join(", ",
                a.Places.Select(p => $"{E(p.Name)} <span class=\"muted\">({E(p.Kind.ToString().ToLowerInvariant())}, {E(p.Province)})</span>")) + "</div>");
        Close(w);
    }
}
