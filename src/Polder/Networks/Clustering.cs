namespace Polder.Networks;

/// <summary>Triangles, local clustering and transitivity on the unweighted undirected view (NetworkX's clustering and transitivity).</summary>
public static class Clustering
{
    /// <summary>
    /// Number of triangles through every node. Each triangle is found once, from its lowest-ranked node along edges to
    /// higher-ranked ones (rank = degree, then id): O(m·√m) instead of Σ deg², which matters on heavy-tailed graphs.
    /// </summary>
    public static long[] Triangles(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        bool Higher(int a, int b) { int da = g.OutDegree(a), db = g.OutDegree(b); return da > db || (da == db && a > b); }
        // forward adjacency: only the neighbours ranked above each node
        var offsets = new int[n + 1];
        for (int v = 0; v < n; v++)
        {
            int c = 0;
            foreach (var u in g.OutNeighbors(v)) if (Higher(u, v)) c++;
            offsets[v + 1] = offsets[v] + c;
        }
        var forward = new int[offsets[n]];
        for (int v = 0, k = 0; v < n; v++)
            foreach (var u in g.OutNeighbors(v)) if (Higher(u, v)) forward[k++] = u;
        var mark = new int[n];
        Array.Fill(mark, -1);
        var t = new long[n];
        for (int v = 0; v < n; v++)
        {
            for (int i = offsets[v]; i < offsets[v + 1]; i++) mark[forward[i]] = v;
            for (int i = offsets[v]; i < offsets[v + 1]; i++)
            {
                int u = forward[i];
                for (int j = offsets[u]; j < offsets[u + 1]; j++)
                {
                    int x = forward[j];
                    if (mark[x] == v) { t[v]++; t[u]++; t[x]++; }
                }
            }
        }
        return t;
    }

    /// <summary>Local clustering: triangles / (deg·(deg−1)/2); 0 for degree below 2.</summary>
    public static double[] Local(CsrGraph graph) => Local(graph, Triangles(graph));

    /// <summary>Local clustering from triangle counts already computed by <see cref="Triangles"/> on the same graph.</summary>
    public static double[] Local(CsrGraph graph, long[] triangles)
    {
        var g = graph.ToUndirected();
        var t = triangles;
        return Enumerable.Range(0, g.NodeCount).Select(v =>
        {
            long d = g.OutDegree(v);
            return d < 2 ? 0 : 2.0 * t[v] / (d * (d - 1));
        }).ToArray();
    }

    /// <summary>Average local clustering over all nodes.</summary>
    public static double AverageLocal(CsrGraph graph) { var c = Local(graph); return c.Length == 0 ? 0 : c.Average(); }

    /// <summary>Transitivity: 3 × triangles / connected triples.</summary>
    public static double Transitivity(CsrGraph graph) => Transitivity(graph, Triangles(graph));

    /// <summary>Transitivity from triangle counts already computed by <see cref="Triangles"/> on the same graph.</summary>
    public static double Transitivity(CsrGraph graph, long[] triangles)
    {
        var g = graph.ToUndirected();
        var t = triangles;
        double tri = 0, triples = 0;
        for (int v = 0; v < g.NodeCount; v++) { long d = g.OutDegree(v); tri += t[v]; triples += d * (d - 1) / 2.0; }
        return triples == 0 ? 0 : tri / triples;
    }
}
