namespace Polder.Networks;

/// <summary>Quality of a partition: modularity (with resolution) and the Constant Potts Model, on the undirected weighted view.</summary>
public static class Modularity
{
    /// <summary>
    /// Q = Σ_c [ L_c / m − γ (K_c / 2m)² ], with L_c the weight inside community c, K_c its total strength and m the
    /// total weight (NetworkX's and igraph's definition). Directed graphs are taken as their undirected view.
    /// </summary>
    public static double Of(CsrGraph graph, IReadOnlyList<int> membership, double resolution = 1.0)
    {
        var g = graph.ToUndirected();
        Check(g, membership);
        int k = membership.Count == 0 ? 0 : membership.Max() + 1;
        var inside = new double[k];
        var strength = new double[k];
        double twoM = 0;
        for (int u = 0; u < g.NodeCount; u++)
        {
            int cu = membership[u];
            for (int e = g.OutOffsets[u]; e < g.OutOffsets[u + 1]; e++)
            {
                double w = g.OutWeights[e];
                strength[cu] += w;
                twoM += w;
                if (membership[g.OutTargets[e]] == cu) inside[cu] += w;
            }
        }
        if (twoM == 0) return 0;
        double q = 0;
        for (int c = 0; c < k; c++) q += inside[c] / twoM - resolution * (strength[c] / twoM) * (strength[c] / twoM);
        return q;
    }

    /// <summary>
    /// Directed modularity (Leicht and Newman 2008): Q = (1/m) Σ_ij [A_ij − γ k_i^out k_j^in / m] δ(c_i, c_j)
    /// = Σ_c [ L_c / m − γ Out_c In_c / m² ], with m the total arc weight, L_c the arc weight inside c and Out_c, In_c the
    /// community's out- and in-strength (NetworkX's modularity on a DiGraph). An undirected graph gives <see cref="Of"/>.
    /// </summary>
    public static double OfDirected(CsrGraph graph, IReadOnlyList<int> membership, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.IsDirected) return Of(graph, membership, resolution);
        Check(graph, membership);
        int k = membership.Count == 0 ? 0 : membership.Max() + 1;
        var inside = new double[k];
        var outS = new double[k];
        var inS = new double[k];
        double m = 0;
        for (int u = 0; u < graph.NodeCount; u++)
        {
            int cu = membership[u];
            for (int e = graph.OutOffsets[u]; e < graph.OutOffsets[u + 1]; e++)
            {
                double w = graph.OutWeights[e];
                int cv = membership[graph.OutTargets[e]];
                m += w; outS[cu] += w; inS[cv] += w;
                if (cv == cu) inside[cu] += w;
            }
        }
        if (m == 0) return 0;
        double q = 0;
        for (int c = 0; c < k; c++) q += inside[c] / m - resolution * outS[c] * inS[c] / (m * m);
        return q;
    }

    /// <summary>CPM quality Σ_c [ L_c − γ · n_c (n_c − 1) / 2 ] (leidenalg's CPMVertexPartition with unit node sizes).</summary>
    public static double Cpm(CsrGraph graph, IReadOnlyList<int> membership, double resolution)
    {
        var g = graph.ToUndirected();
        Check(g, membership);
        int k = membership.Count == 0 ? 0 : membership.Max() + 1;
        var inside = new double[k];
        var size = new long[k];
        for (int u = 0; u < g.NodeCount; u++)
        {
            int cu = membership[u];
            size[cu]++;
            for (int e = g.OutOffsets[u]; e < g.OutOffsets[u + 1]; e++)
                if (membership[g.OutTargets[e]] == cu) inside[cu] += g.OutWeights[e];
        }
        double q = 0;
        for (int c = 0; c < k; c++) q += inside[c] / 2 - resolution * size[c] * (size[c] - 1) / 2.0;
        return q;
    }

    internal static double Quality(CsrGraph g, IReadOnlyList<int> membership, CommunityOptions o) =>
        o.Quality == QualityFunction.Modularity ? Of(g, membership, o.Resolution) : Cpm(g, membership, o.Resolution);

    private static void Check(CsrGraph g, IReadOnlyList<int> membership)
    {
        if (membership.Count != g.NodeCount) throw new ArgumentException($"membership has {membership.Count} entries for {g.NodeCount} nodes");
        foreach (var c in membership) if (c < 0) throw new ArgumentException("community numbers must be non-negative");
    }
}
