namespace Polder.Networks;

/// <summary>Triangles, local clustering and transitivity on the unweighted undirected view (NetworkX's clustering and transitivity).</summary>
public static class Clustering
{
    /// <summary>Number of triangles through every node.</summary>
    public static long[] Triangles(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        var mark = new int[n];
        Array.Fill(mark, -1);
        var t = new long[n];
        for (int v = 0; v < n; v++)
        {
            foreach (var u in g.OutNeighbors(v)) mark[u] = v;
            long c = 0;
            foreach (var u in g.OutNeighbors(v))
                foreach (var x in g.OutNeighbors(u))
                    if (mark[x] == v) c++;
            t[v] = c / 2;
        }
        return t;
    }

    /// <summary>Local clustering: triangles / (deg·(deg−1)/2); 0 for degree below 2.</summary>
    public static double[] Local(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        var t = Triangles(g);
        return Enumerable.Range(0, g.NodeCount).Select(v =>
        {
            long d = g.OutDegree(v);
            return d < 2 ? 0 : 2.0 * t[v] / (d * (d - 1));
        }).ToArray();
    }

    /// <summary>Average local clustering over all nodes.</summary>
    public static double AverageLocal(CsrGraph graph) { var c = Local(graph); return c.Length == 0 ? 0 : c.Average(); }

    /// <summary>Transitivity: 3 × triangles / connected triples.</summary>
    public static double Transitivity(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        var t = Triangles(g);
        double tri = 0, triples = 0;
        for (int v = 0; v < g.NodeCount; v++) { long d = g.OutDegree(v); tri += t[v]; triples += d * (d - 1) / 2.0; }
        return triples == 0 ? 0 : tri / triples;
    }
}
