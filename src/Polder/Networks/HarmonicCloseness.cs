namespace Polder.Networks;

/// <summary>
/// Harmonic closeness: Σ_{u≠v} 1/d(u, v) over nodes u that reach v (NetworkX's harmonic_centrality), on hop distances
/// or, with <see cref="PathLength.InverseWeight"/>, on edge lengths 1/weight.
/// </summary>
public static class HarmonicCloseness
{
    /// <summary>Computes harmonic closeness (not normalised; divide by n−1 for [0, 1]).</summary>
    public static double[] Compute(CsrGraph g, PathLength length = PathLength.Hops)
    {
        if (length == PathLength.InverseWeight) return ComputeWeighted(g);
        int n = g.NodeCount;
        var result = new double[n];
        var dist = new int[n];
        var queue = new int[n];
        // distances into v: breadth-first search over in-edges
        for (int v = 0; v < n; v++)
        {
            Array.Fill(dist, -1);
            int qh = 0, qt = 0;
            dist[v] = 0; queue[qt++] = v;
            double sum = 0;
            while (qh < qt)
            {
                int x = queue[qh++];
                if (x != v) sum += 1.0 / dist[x];
                for (int e = g.InOffsets[x]; e < g.InOffsets[x + 1]; e++)
                {
                    int u = g.InSources[e];
                    if (dist[u] < 0) { dist[u] = dist[x] + 1; queue[qt++] = u; }
                }
            }
            result[v] = sum;
        }
        return result;
    }

    private static double[] ComputeWeighted(CsrGraph g)
    {
        int n = g.NodeCount;
        var result = new double[n];
        var dist = new double[n];
        var heap = new PriorityQueue<int, double>();
        // distances into v: Dijkstra over in-edges
        for (int v = 0; v < n; v++)
        {
            Array.Fill(dist, double.PositiveInfinity);
            heap.Clear();
            dist[v] = 0; heap.Enqueue(v, 0);
            double sum = 0;
            while (heap.TryDequeue(out int x, out double dx))
            {
                if (dx > dist[x]) continue;
                if (x != v) sum += 1.0 / dx;
                for (int e = g.InOffsets[x]; e < g.InOffsets[x + 1]; e++)
                {
                    float wt = g.InWeights[e];
                    if (wt <= 0) continue;
                    int u = g.InSources[e];
                    double d = dx + 1.0 / wt;
                    if (d < dist[u]) { dist[u] = d; heap.Enqueue(u, d); }
                }
            }
            result[v] = sum;
        }
        return result;
    }
}
