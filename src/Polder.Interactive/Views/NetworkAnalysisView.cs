using System.Globalization;
using Polder.Analysis;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// A <see cref="NetworkAnalysis"/>: headline figures, the community sizes, the most central actors and an inline SVG
/// drawing of the drawn actors (seeded layout) coloured by community, sized by PageRank.
/// </summary>
internal static class NetworkAnalysisView
{
    /// <summary>Community colours (a colour-blind-friendly qualitative palette); further communities are grey.</summary>
    private static readonly string[] Palette = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bb5566", "#004488", "#997700", "#6699cc"];

    public static void Write(NetworkAnalysis n, TextWriter w)
    {
        Open(w, "network");
        Body(n, w);
        Close(w);
    }

    public static string Colour(int community) => community >= 0 && community < Palette.Length ? Palette[community] : "#999999";

    public static void Body(NetworkAnalysis n, TextWriter w)
    {
        w.Write("<div class=\"kpis\">");
        w.Write(Kpi("actors", N(n.Nodes)));
        w.Write(Kpi("directed links", N(n.Edges)));
        w.Write(Kpi("communities", N(n.Communities)));
        w.Write(Kpi("modularity", N(n.Modularity, 3)));
        w.Write(Kpi("reciprocity", Pct(n.Reciprocity)));
        w.Write("</div>");
        w.Write("<div style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start\"><div>");
        Drawing(n, w);
        w.Write("</div><div><h4>Most central actors</h4><table><thead><tr><th>actor</th><th>role</th><th>community</th><th class=\"n\">PageRank</th>"
            + "<th class=\"n\">in</th><th class=\"n\">out</th></tr></thead><tbody>");
        foreach (var a in n.TopActors(10))
            w.Write($"<tr><td>{E(a.ActorId)}</td><td>{E(a.Role.ToString().ToLowerInvariant())}</td>"
                + $"<td><span class=\"bar\" style=\"width:10px;background:{Colour(a.Community)}\"></span> {a.Group}</td>"
                + $"<td class=\"n\">{N(a.PageRank, 4)}</td><td class=\"n\">{N(a.InDegree)}</td><td class=\"n\">{N(a.OutDegree)}</td></tr>");
        w.Write("</tbody></table>");
        if (n.CommunitySizes.Count > 0)
        {
            w.Write("<h4>Community sizes</h4>");
            double max = n.CommunitySizes.Max();
            TopicView.Bars(n.CommunitySizes.Select((s, i) => (i, s)).OrderByDescending(x => x.s).Take(10)
                .Select(x => ($"#{x.i + 1}", (double)x.s, N(x.s))), max, w);
        }
        w.Write("</div></div>");
    }

    /// <summary>The drawn actors and their links as a 360 × 360 SVG.</summary>
    public static void Drawing(NetworkAnalysis n, TextWriter w)
    {
        const int size = 360, pad = 12;
        var drawn = n.Actors.Where(a => a.IsDrawn).ToDictionary(a => a.ActorId, StringComparer.Ordinal);
        if (drawn.Count == 0) { w.Write("<div class=\"muted\">no actors drawn</div>"); return; }
        string X(double v) => (pad + v * (size - 2 * pad)).ToString("0.#", CultureInfo.InvariantCulture);
        double maxRank = drawn.Values.Max(a => a.PageRank);
        double maxWeight = n.Links.Count == 0 ? 1 : n.Links.Max(l => l.Weight);
        w.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\" role=\"img\" "
            + $"aria-label=\"interaction network, {drawn.Count} actors\" style=\"background:#fafafa;border:1px solid #eee\">");
        foreach (var l in n.Links)
        {
            if (!drawn.TryGetValue(l.Source, out var s) || !drawn.TryGetValue(l.Target, out var t)) continue;
            var width = (0.4 + 2.0 * l.Weight / maxWeight).ToString("0.##", CultureInfo.InvariantCulture);
            w.Write($"<line x1=\"{X(s.X)}\" y1=\"{X(s.Y)}\" x2=\"{X(t.X)}\" y2=\"{X(t.Y)}\" stroke=\"#bbb\" stroke-opacity=\"0.6\" stroke-width=\"{width}\"/>");
        }
        foreach (var a in drawn.Values.OrderBy(a => a.PageRank))
        {
            var r = (2.5 + 7.5 * Math.Sqrt(maxRank <= 0 ? 0 : a.PageRank / maxRank)).ToString("0.#", CultureInfo.InvariantCulture);
            w.Write($"<circle cx=\"{X(a.X)}\" cy=\"{X(a.Y)}\" r=\"{r}\" fill=\"{Colour(a.Community)}\" stroke=\"#fff\" stroke-width=\"0.8\">"
                + $"<title>{E(a.ActorId)} (community {a.Group}, PageRank {N(a.PageRank, 4)})</title></circle>");
        }
        w.Write("</svg>");
    }
}
