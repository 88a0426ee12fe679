using Polder.Behaviour;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// A <see cref="BehaviourReport"/>: headline figures, the first-response-time bands and one row per organisation
/// (webcare: conversations, answered share, median and p90 first response).
/// </summary>
internal static class WebcareView
{
    public static void Write(BehaviourReport report, TextWriter w)
    {
        Open(w, "behaviour");
        Body(report, w);
        Close(w);
    }

    public static void Body(BehaviourReport r, TextWriter w)
    {
        var fr = r.FirstResponse;
        w.Write("<h3>Behaviour and webcare</h3><div class=\"kpis\">");
        w.Write(Kpi("posts", N(r.Posts)));
        w.Write(Kpi("actors", N(r.Actors)));
        w.Write(Kpi("threads", N(r.Threads)));
        w.Write(Kpi("replies", N(r.Replies)));
        w.Write(Kpi("conversations answered", Pct(fr.AnsweredShare)));
        w.Write(Kpi("median first response", N(fr.MedianHours, 1) + " h"));
        w.Write(Kpi("p90 first response", N(fr.P90Hours, 1) + " h"));
        w.Write("</div>");
        w.Write($"<div class=\"muted\">{When(r.FirstPost)} … {When(r.LastPost)}</div>");
        ResponseBands(fr, w);
        if (r.Organisations.Count > 0)
        {
            w.Write("<h4>Organisations</h4><table><thead><tr><th>organisation</th><th>type</th><th>municipality</th>"
                + "<th class=\"n\">conversations</th><th class=\"n\">answered</th><th class=\"n\">median h</th><th class=\"n\">p90 h</th></tr></thead><tbody>");
            foreach (var o in r.Organisations.OrderByDescending(o => o.FirstResponse.Conversations).ThenBy(o => o.ActorId, StringComparer.Ordinal))
            {
                var f = o.FirstResponse;
                w.Write($"<tr><td>{E(o.ActorId)}</td><td>{E(o.OrganisationType)}</td><td>{E(o.Municipality)}</td>"
                    + $"<td class=\"n\">{N(f.Conversations)}</td><td class=\"n\">{Pct(f.AnsweredShare)}</td>"
                    + $"<td class=\"n\">{N(f.MedianHours, 1)}</td><td class=\"n\">{N(f.P90Hours, 1)}</td></tr>");
            }
            w.Write("</tbody></table>");
        }
    }

    /// <summary>The first-response-time bands of answered conversations as bars.</summary>
    public static void ResponseBands(ResponseTimeSummary s, TextWriter w)
    {
        int max = s.BandCounts.Count == 0 ? 0 : s.BandCounts.Max();
        if (max == 0) return;
        w.Write("<h4>First response time</h4><table>");
        for (int i = 0; i < s.BandCounts.Count && i < ResponseTimeBands.Labels.Count; i++)
            w.Write($"<tr><td>{E(ResponseTimeBands.Labels[i])}</td><td>{BarOf((double)s.BandCounts[i] / max, Bar)}</td><td class=\"n\">{N(s.BandCounts[i])}</td></tr>");
        w.Write("</table>");
    }
}
