namespace Polder.Networks;

/// <summary>Reciprocity of a directed graph: the share of edges u→v whose reverse v→u exists (NetworkX's overall_reciprocity).</summary>
public static class Reciprocity
{
    /// <summary>Overall reciprocity; 1 for undirected graphs, 0 for an empty graph.</summary>
    public static double Overall(CsrGraph g)
    {
        if (!g.IsDirected) return 1;
        if (g.EdgeCount == 0) return 0;
        long mutual = 0;
        for (int u = 0; u < g.NodeCount; u++)
            foreach (var v in g.OutNeighbors(u))
                if (g.OutNeighbors(v).BinarySearch(u) >= 0) mutual++;
        return (double)mutual / g.EdgeCount;
    }

    /// <summary>Per node: reciprocated edges / (in + out edges) × 2, as NetworkX's reciprocity(G, node); 0 for isolated nodes.</summary>
    public static double[] PerNode(CsrGraph g)
    {
        var r = new double[g.NodeCount];
        for (int u = 0; u < g.NodeCount; u++)
        {
            int total = g.OutDegree(u) + g.InDegree(u);
            if (total == 0) continue;
            int mutual = 0;
            foreach (var v in g.OutNeighbors(u)) if (g.InNeighbors(u).BinarySearch(v) >= 0) mutual++;
            r[u] = g.IsDirected ? 2.0 * mutual / total : 1;
        }
        return r;
    }
}
