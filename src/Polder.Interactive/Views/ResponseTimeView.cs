using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>First-response times per organisation: answered share, median, p90 and the waiting-time bands.</summary>
internal static class ResponseTimeView
{
    public static void Write(ResponseTimeDistribution d, TextWriter w)
    {
        Open(w, "response-times");
        Table([d], w);
        WebcareView.ResponseBands(d.Summary, w);
        Close(w);
    }

    public static void Table(IReadOnlyList<ResponseTimeDistribution> list, TextWriter w)
    {
        if (list.Count == 0) { w.Write("<div class=\"muted\">no conversations with organisations</div>"); return; }
        double maxMedian = list.Select(d => d.Summary.MedianHours).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        w.Write("<table><thead><tr><th>organisation</th><th class=\"n\">conversations</th><th class=\"n\">answered</th>"
            + "<th>median first response</th><th class=\"n\">p90 h</th></tr></thead><tbody>");
        foreach (var d in list)
        {
            var s = d.Summary;
            w.Write($"<tr><td>{E(d.Organisation)}</td><td class=\"n\">{N(s.Conversations)}</td><td class=\"n\">{Pct(s.AnsweredShare)}</td>"
                + $"<td>{BarOf(maxMedian <= 0 ? 0 : s.MedianHours / maxMedian, Bar, 140)} {N(s.MedianHours, 1)} h</td><td class=\"n\">{N(s.P90Hours, 1)}</td></tr>");
        }
        w.Write("</tbody></table>");
    }
}
