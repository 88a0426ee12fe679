using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>A whole <see cref="CommunityAnalysis"/>: key figures, then one section per layer that ran.</summary>
internal static class CommunityAnalysisView
{
    public static void Write(CommunityAnalysis a, TextWriter w)
    {
        Open(w, "analysis");
        w.Write($"<h3>{E(a.Source)}</h3><div class=\"muted\">{When(a.FirstPost)} … {When(a.LastPost)}; "
            + $"{N(a.Read.Accepted)} of {N(a.Read.RowsRead)} rows read, {N(a.Read.Rejected)} rejected; analysed in {N(a.Elapsed.TotalSeconds, 1)} s</div>");
        KeyFigures(a.KeyFigures, w);
        if (a.Topics.Count > 0) { w.Write("<h3>Topics</h3>"); TopicShareView.Body(a.Topics, w); }
        if (a.Complaints.Count > 0) { w.Write("<h3>Complaint categories</h3>"); TopicShareView.Body(a.Complaints, w, "category"); }
        if (a.SentimentTrend.Count > 0) { w.Write($"<h3>Sentiment per {E(a.TrendWindow.ToString().ToLowerInvariant())}</h3>"); SentimentTrendView.Body(a.SentimentTrend, w); }
        if (a.Behaviour is { } b) WebcareView.Body(b, w);
        if (a.ResponseTimes.Count > 0) { w.Write("<h4>First response per organisation</h4>"); ResponseTimeView.Table(a.ResponseTimes, w); }
        if (a.Rhythm is { } r) { w.Write("<h3>Activity rhythm</h3>"); RhythmView.Body(r, w); }
        if (a.Network is { } n) { w.Write("<h3>Interaction network</h3>"); NetworkAnalysisView.Body(n, w); }
        if (a.Forecasts is { } f) { w.Write("<h3>Forecasts</h3>"); ForecastSetView.Body(f, w); }
        Close(w);
    }

    /// <summary>The headline numbers as the report shows them, each tagged with its key and its value as summary.json writes it.</summary>
    public static void KeyFigures(IReadOnlyList<KeyFigure> figures, TextWriter w)
    {
        w.Write("<div class=\"kpis\">");
        foreach (var k in figures)
            w.Write($"<span class=\"kpi\" data-key=\"{E(k.Key)}\" data-value=\"{E(Polder.Analysis.Reporting.SummaryJson.Format(k.Value))}\"><b>{E(k.Display)}</b><span class=\"muted\">{E(k.Label)}</span></span>");
        w.Write("</div>");
    }
}
