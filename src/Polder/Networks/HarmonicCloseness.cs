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

    /// <summary>
    /// Estimated harmonic closeness from <paramref name="samples"/> seeded random sources u: one search from each gives
    /// 1/d(u, v) for every v, and H(v) ≈ (n/k) Σ_u 1/d(u, v) (Eppstein and Wang's sampling, unbiased). Runs on up to
    /// <paramref name="maxThreads"/> threads (0: all cores) with the same result for any thread count. The stated error is in
    /// the units of <see cref="Compute"/> (not normalised): every term lies in [0, 1] (hops) so the bound is n·√(ln(2n/δ)/2k);
    /// with 1/weight lengths terms can exceed 1, so the guaranteed bound is given only for hops (infinity otherwise).
    /// </summary>
    public static SampledCentrality Sample(CsrGraph g, int samples, int seed = 0, PathLength length = PathLength.Hops, int maxThreads = 0)
    {
        int n = g.NodeCount;
        var sources = PivotSampling.Sources(n, samples, seed);
        int k = sources.Length;
        if (k == 0) return new SampledCentrality(new double[n], 0, seed, 0, 0);
        var (sum, sq) = length == PathLength.InverseWeight
            ? PivotSampling.Accumulate(n, sources, () => (new double[n], new PriorityQueue<int, double>()), (w, u, s, q) => FromWeighted(g, u, w.Item1, w.Item2, s, q), maxThreads)
            : PivotSampling.Accumulate(n, sources, () => (new int[n], new int[n]), (w, u, s, q) => FromHops(g, u, w.Item1, w.Item2, s, q), maxThreads);
        var (values, half) = PivotSampling.Estimate(sum, sq, n, k, 1);
        double bound = k >= n ? 0 : length == PathLength.Hops ? PivotSampling.MeanBound(n, k) * n : double.PositiveInfinity;
        return new SampledCentrality(values, k, seed, bound, k >= n ? 0 : half);
    }

    /// <summary>Breadth-first search from <paramref name="u"/> over out-edges: adds 1/d(u, x) and its square for every x reached.</summary>
    private static void FromHops(CsrGraph g, int u, int[] dist, int[] queue, double[] sum, double[] squares)
    {
        Array.Fill(dist, -1);
        int qh = 0, qt = 0;
        dist[u] = 0; queue[qt++] = u;
        while (qh < qt)
        {
            int x = queue[qh++];
            if (x != u) { double r = 1.0 / dist[x]; sum[x] += r; squares[x] += r * r; }
            for (int e = g.OutOffsets[x]; e < g.OutOffsets[x + 1]; e++)
            {
                int y = g.OutTargets[e];
                if (dist[y] < 0) { dist[y] = dist[x] + 1; queue[qt++] = y; }
            }
        }
    }

    /// <summary>Dijkstra from <paramref name="u"/> over out-edges with length 1/weight.</summary>
    private static void FromWeighted(CsrGraph g, int u, double[] dist, PriorityQueue<int, double> heap, double[] sum, double[] squares)
    {
        Array.Fill(dist, double.PositiveInfinity);
        heap.Clear();
        dist[u] = 0; heap.Enqueue(u, 0);
        while (heap.TryDequeue(out int x, out double dx))
        {
            if (dx > dist[x]) continue;
            if (x != u) { double r = 1.0 / dx; sum[x] += r; squares[x] += r * r; }
            for (int e = g.OutOffsets[x]; e < g.OutOffsets[x + 1]; e++)
            {
                float wt = g.OutWeights[e];
                if (wt <= 0) continue;
                int y = g.OutTargets[e];
                double d = dx + 1.0 / wt;
                if (d < dist[y]) { dist[y] = d; heap.Enqueue(y, d); }
            }
        }
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
