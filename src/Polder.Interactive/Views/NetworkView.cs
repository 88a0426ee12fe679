using Polder.Networks;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>Network summaries: a <see cref="CsrGraph"/> (size, density, components, the strongest nodes) and a <see cref="CommunityPartition"/>.</summary>
internal static class NetworkView
{
    /// <summary>Nodes listed as the most connected.</summary>
    public const int TopNodes = 8;

    public static void Write(CsrGraph g, TextWriter w)
    {
        Open(w, "network");
        int n = g.NodeCount;
        double pairs = g.IsDirected ? (double)n * (n - 1) : n * (n - 1) / 2.0;
        var (_, components) = Components.Weak(g);
        w.Write($"<h3>{(g.IsDirected ? "Directed" : "Undirected")} network</h3><div class=\"kpis\">");
        w.Write(Kpi("nodes", N(n)));
        w.Write(Kpi("edges", N(g.EdgeCount)));
        w.Write(Kpi("density", N(pairs == 0 ? double.NaN : g.EdgeCount / pairs, 4)));
        w.Write(Kpi("weak components", N(components)));
        w.Write(Kpi("total weight", N(g.TotalWeight, 0)));
        w.Write("</div>");
        if (n > 0)
        {
            var strength = Enumerable.Range(0, n).Select(i => (Node: i, S: g.IsDirected ? g.InStrength(i) + g.OutStrength(i) : g.OutStrength(i)))
                .OrderByDescending(x => x.S).ThenBy(x => x.Node).Take(TopNodes).ToArray();
            double max = strength[0].S;
            w.Write("<h4>Strongest nodes</h4>");
            TopicView.Bars(strength.Select(x => (g.Label(x.Node), x.S, N(x.S, 0))), max, w);
        }
        Close(w);
    }

    public static void Write(CommunityPartition p, TextWriter w)
    {
        Open(w, "partition");
        var sizes = p.Sizes().OrderByDescending(s => s).ToArray();
        w.Write($"<h3>{N(p.CommunityCount)} communities</h3><div class=\"kpis\">");
        w.Write(Kpi("nodes", N(p.Membership.Length)));
        w.Write(Kpi("quality", N(p.Quality, 4)));
        w.Write(Kpi("largest", sizes.Length == 0 ? "–" : N(sizes[0])));
        w.Write("</div>");
        if (sizes.Length > 0)
            TopicView.Bars(sizes.Take(12).Select((s, i) => ($"#{i + 1}", (double)s, N(s))), sizes[0], w);
        Close(w);
    }
}
