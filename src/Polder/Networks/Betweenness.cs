namespace Polder.Networks;

/// <summary>
/// Betweenness centrality (Brandes 2001) on hop distances or, with <see cref="PathLength.InverseWeight"/>, on edge
/// lengths 1/weight (Dijkstra), exact or estimated from sampled sources, normalised as NetworkX's
/// betweenness_centrality(normalized=True): by (n−1)(n−2).
/// </summary>
public static class Betweenness
{
    /// <summary>Exact betweenness: one breadth-first search (or Dijkstra run, for <paramref name="length"/> InverseWeight) per node.</summary>
    public static double[] Compute(CsrGraph g, bool normalized = true, PathLength length = PathLength.Hops)
    {
        var bc = new double[g.NodeCount];
        var w = new Workspace(g.NodeCount);
        for (int s = 0; s < g.NodeCount; s++) Accumulate(g, s, bc, w, length);
        Scale(g, bc, normalized, g.NodeCount, g.NodeCount);
        return bc;
    }

    /// <summary>
    /// Estimated betweenness from <paramref name="samples"/> random sources (scaled by n / samples). With
    /// k samples each normalised score lies within ε = (n/(n−1))·√(ln(2n/δ) / 2k) of the exact value with
    /// probability at least 1 − δ for all nodes at once (Hoeffding and a union bound); see <see cref="ErrorBound"/>.
    /// </summary>
    public static double[] Approximate(CsrGraph g, int samples, int seed = 0, bool normalized = true, PathLength length = PathLength.Hops)
    {
        int n = g.NodeCount;
        if (samples >= n) return Compute(g, normalized, length);
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var bc = new double[n];
        var w = new Workspace(n);
        for (int i = 0; i < samples; i++) Accumulate(g, order[i], bc, w, length);
        Scale(g, bc, normalized, n, samples);
        return bc;
    }

    /// <summary>
    /// Estimated betweenness from <paramref name="samples"/> seeded random sources (the same sources as
    /// <see cref="Approximate"/>), computed on up to <paramref name="maxThreads"/> threads (0: all cores) with the same
    /// result for any thread count, and its stated error: the guaranteed bound of <see cref="ErrorBound"/> (scaled like the
    /// values) and the largest per-node 95 % confidence half-width.
    /// </summary>
    public static SampledCentrality Sample(CsrGraph g, int samples, int seed = 0, bool normalized = true, PathLength length = PathLength.Hops, int maxThreads = 0)
    {
        int n = g.NodeCount;
        var sources = PivotSampling.Sources(n, samples, seed);
        int k = sources.Length;
        var (sum, sq) = PivotSampling.Accumulate(n, sources, () => new Workspace(n), (w, s, bc, q) => Accumulate(g, s, bc, w, length, q), maxThreads);
        double scale = normalized ? (n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1) : g.IsDirected ? 1 : 0.5;
        if (k == 0) return new SampledCentrality(new double[n], 0, seed, 0, 0);
        var (values, half) = PivotSampling.Estimate(sum, sq, n, k, scale);
        // every single-source dependency lies in [0, n − 2]; sampling all sources is exact
        double bound = k >= n ? 0 : PivotSampling.MeanBound(n, k) * n * Math.Max(0, n - 2.0) * scale;
        return new SampledCentrality(values, k, seed, bound, k >= n ? 0 : half);
    }

    /// <summary>
    /// Sampled betweenness and harmonic closeness of an undirected graph on hop distances from one breadth-first search per
    /// sampled source (on an undirected graph the distances from a source are the distances into it): the same values as
    /// <see cref="Sample"/> and <see cref="HarmonicCloseness.Sample"/> with the same seed, for the cost of one.
    /// </summary>
    public static (SampledCentrality Betweenness, SampledCentrality Harmonic) SampleWithHarmonic(CsrGraph g, int samples, int seed = 0, bool normalized = true, int maxThreads = 0)
    {
        if (g.IsDirected) throw new ArgumentException("one search serves both measures only on an undirected graph", nameof(g));
        int n = g.NodeCount;
        var sources = PivotSampling.Sources(n, samples, seed);
        int k = sources.Length;
        if (k == 0) return (new SampledCentrality(new double[n], 0, seed, 0, 0), new SampledCentrality(new double[n], 0, seed, 0, 0));
        var acc = PivotSampling.AccumulateMany(n, sources, () => new PackedWorkspace(n), (w, s, a) => AccumulatePacked(g, s, w, a), 4, maxThreads);
        double scale = normalized ? (n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1) : 0.5;
        var (bv, bh) = PivotSampling.Estimate(acc[0], acc[1], n, k, scale);
        var (hv, hh) = PivotSampling.Estimate(acc[2], acc[3], n, k, 1);
        bool all = k >= n;
        return (new SampledCentrality(bv, k, seed, all ? 0 : PivotSampling.MeanBound(n, k) * n * Math.Max(0, n - 2.0) * scale, all ? 0 : bh),
                new SampledCentrality(hv, k, seed, all ? 0 : PivotSampling.MeanBound(n, k) * n, all ? 0 : hh));
    }

    /// <summary>Per-node search state kept together, so a visit touches one cache line instead of three arrays.</summary>
    private struct NodeState
    {
        public int Dist;
        public double Sigma;
        public double Delta;
    }

    private sealed class PackedWorkspace(int n)
    {
        public readonly NodeState[] State = CreateState(n);
        public readonly int[] Queue = new int[n];
        public int Visited;

        private static NodeState[] CreateState(int n)
        {
            var s = new NodeState[n];
            for (int i = 0; i < n; i++) s[i].Dist = -1;
            return s;
        }
    }

    /// <summary>
    /// Brandes' accumulation from <paramref name="s"/> on hops (the same arithmetic as the array version), adding the
    /// dependency and its square (acc[0], acc[1]) and 1/d(s, v) and its square (acc[2], acc[3]) for every node reached.
    /// </summary>
    private static void AccumulatePacked(CsrGraph g, int s, PackedWorkspace w, double[][] acc)
    {
        var st = w.State;
        var queue = w.Queue;
        // reset only the nodes the previous search reached
        for (int i = 0; i < w.Visited; i++) { ref var r = ref st[queue[i]]; r.Dist = -1; r.Sigma = 0; r.Delta = 0; }
        var offsets = g.OutOffsets;
        var targets = g.OutTargets;
        double[] bc = acc[0], bq = acc[1], hs = acc[2], hq = acc[3];
        int qh = 0, qt = 0;
        st[s].Dist = 0; st[s].Sigma = 1; queue[qt++] = s;
        while (qh < qt)
        {
            int v = queue[qh++];
            int dv = st[v].Dist;
            double sv = st[v].Sigma;
            if (v != s) { double r = 1.0 / dv; hs[v] += r; hq[v] += r * r; }
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                ref var su = ref st[targets[e]];
                if (su.Dist < 0) { su.Dist = dv + 1; queue[qt++] = targets[e]; }
                if (su.Dist == dv + 1) su.Sigma += sv;
            }
        }
        w.Visited = qt;
        for (int i = qt - 1; i >= 0; i--)
        {
            int u = queue[i];
            ref var su = ref st[u];
            int du = su.Dist;
            for (int e = offsets[u]; e < offsets[u + 1]; e++)
            {
                ref var sv = ref st[targets[e]];
                if (sv.Dist >= 0 && sv.Dist == du - 1) sv.Delta += sv.Sigma / su.Sigma * (1 + su.Delta);
            }
            if (u != s) { bc[u] += su.Delta; bq[u] += su.Delta * su.Delta; }
        }
    }

    /// <summary>The error bound ε of <see cref="Approximate"/> for n nodes, k samples and failure probability δ.</summary>
    public static double ErrorBound(int nodeCount, int samples, double delta = 0.05) =>
        nodeCount < 3 ? 0 : nodeCount / (nodeCount - 1.0) * Math.Sqrt(Math.Log(2.0 * nodeCount / delta) / (2.0 * samples));

    /// <summary>The number of samples for error ε with probability 1 − δ.</summary>
    public static int SamplesFor(int nodeCount, double epsilon, double delta = 0.05)
    {
        double r = nodeCount / Math.Max(1, nodeCount - 1.0);
        return (int)Math.Ceiling(r * r * Math.Log(2.0 * nodeCount / delta) / (2 * epsilon * epsilon));
    }

    private static void Scale(CsrGraph g, double[] bc, bool normalized, int n, int samples)
    {
        double f = (double)n / samples;
        if (normalized) f *= n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1;
        else if (!g.IsDirected) f *= 0.5;
        for (int i = 0; i < bc.Length; i++) bc[i] *= f;
    }

    private sealed class Workspace(int n)
    {
        public readonly int[] Stack = new int[n];
        public readonly int[] Dist = new int[n];
        public readonly double[] Sigma = new double[n];
        public readonly double[] Delta = new double[n];
        public readonly int[] Queue = new int[n];
        public double[]? Length;
        public bool[]? Settled;
        public PriorityQueue<int, double>? Heap;
    }

    private static void Accumulate(CsrGraph g, int s, double[] bc, Workspace w, PathLength length, double[]? squares = null)
    {
        if (length == PathLength.InverseWeight) { AccumulateWeighted(g, s, bc, w, squares); return; }
        int n = g.NodeCount;
        Array.Fill(w.Dist, -1);
        Array.Clear(w.Sigma);
        Array.Clear(w.Delta);
        int top = 0, qh = 0, qt = 0;
        w.Dist[s] = 0; w.Sigma[s] = 1; w.Queue[qt++] = s;
        while (qh < qt)
        {
            int v = w.Queue[qh++];
            w.Stack[top++] = v;
            for (int e = g.OutOffsets[v]; e < g.OutOffsets[v + 1]; e++)
            {
                int u = g.OutTargets[e];
                if (w.Dist[u] < 0) { w.Dist[u] = w.Dist[v] + 1; w.Queue[qt++] = u; }
                if (w.Dist[u] == w.Dist[v] + 1) w.Sigma[u] += w.Sigma[v];
            }
        }
        while (top > 0)
        {
            int u = w.Stack[--top];
            // predecessors of u: in-neighbours one step closer
            for (int e = g.InOffsets[u]; e < g.InOffsets[u + 1]; e++)
            {
                int v = g.InSources[e];
                if (w.Dist[v] >= 0 && w.Dist[v] == w.Dist[u] - 1)
                    w.Delta[v] += w.Sigma[v] / w.Sigma[u] * (1 + w.Delta[u]);
            }
            if (u != s)
            {
                bc[u] += w.Delta[u];
                if (squares is not null) squares[u] += w.Delta[u] * w.Delta[u];
            }
        }
    }

    /// <summary>Brandes' accumulation over Dijkstra shortest paths with edge length 1/weight.</summary>
    private static void AccumulateWeighted(CsrGraph g, int s, double[] bc, Workspace w, double[]? squares)
    {
        var dist = w.Length ??= new double[g.NodeCount];
        var settled = w.Settled ??= new bool[g.NodeCount];
        var heap = w.Heap ??= new PriorityQueue<int, double>();
        Array.Fill(dist, double.PositiveInfinity);
        Array.Clear(settled);
        Array.Clear(w.Sigma);
        Array.Clear(w.Delta);
        heap.Clear();
        int top = 0;
        dist[s] = 0; w.Sigma[s] = 1; heap.Enqueue(s, 0);
        while (heap.TryDequeue(out int v, out double dv))
        {
            if (settled[v] || dv > dist[v]) continue;
            settled[v] = true;
            w.Stack[top++] = v;
            for (int e = g.OutOffsets[v]; e < g.OutOffsets[v + 1]; e++)
            {
                float wt = g.OutWeights[e];
                if (wt <= 0) continue;
                int u = g.OutTargets[e];
                if (settled[u]) continue;
                double d = dv + 1.0 / wt;
                if (SameLength(d, dist[u])) w.Sigma[u] += w.Sigma[v];
                else if (d < dist[u]) { dist[u] = d; w.Sigma[u] = w.Sigma[v]; heap.Enqueue(u, d); }
            }
        }
        while (top > 0)
        {
            int u = w.Stack[--top];
            for (int e = g.InOffsets[u]; e < g.InOffsets[u + 1]; e++)
            {
                float wt = g.InWeights[e];
                if (wt <= 0) continue;
                int v = g.InSources[e];
                if (settled[v] && v != u && SameLength(dist[v] + 1.0 / wt, dist[u]))
                    w.Delta[v] += w.Sigma[v] / w.Sigma[u] * (1 + w.Delta[u]);
            }
            if (u != s)
            {
                bc[u] += w.Delta[u];
                if (squares is not null) squares[u] += w.Delta[u] * w.Delta[u];
            }
        }
    }

    /// <summary>Path lengths equal up to rounding (sums of 1/w in a different order may differ in the last bits).</summary>
    internal static bool SameLength(double a, double b) =>
        double.IsFinite(b) && Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));
}
