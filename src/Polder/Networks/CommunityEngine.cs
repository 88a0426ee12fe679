namespace Polder.Networks;

/// <summary>
/// The shared machinery of <see cref="Leiden"/> and <see cref="Louvain"/> on an undirected weighted graph:
/// queue-based local moving, Leiden's randomised refinement and aggregation. Every quality function used
/// here has the move gain k_{v,C} − f · w_v · W_C (modularity: w = strength, f = γ/2m; CPM: w = 1, f = γ).
/// Directed (Leicht–Newman) modularity has the gain k_{v,C} − g · (out_v · In_C + in_v · Out_C) with g = γ/m, k_{v,C}
/// the weight both ways between v and C; the directed code paths are compiled separately (generic struct modes), so
/// undirected runs pay nothing for them.
/// </summary>
internal static class CommunityEngine
{
    private sealed class Level(int n, int[] off, int[] adj, float[]? graphW, double[]? w, double[] nodeW, double[]? nodeIn = null)
    {
        public readonly int N = n;
        public readonly int[] Off = off;
        public readonly int[] Adj = adj;
        /// <summary>The first level's edge weights: the graph's own, read as doubles (exactly), not copied (8 bytes an edge).</summary>
        private readonly float[]? _graphW = graphW;
        /// <summary>An aggregate's edge weights: sums, which a float would round.</summary>
        private readonly double[]? _w = w ?? (graphW is null ? throw new ArgumentNullException(nameof(w)) : null);

        /// <summary>The weight of edge <paramref name="e"/>.</summary>
        public double W(int e) => _graphW is { } g ? g[e] : _w![e];
        /// <summary>Node weight; for directed modularity the out-strength.</summary>
        public readonly double[] NodeW = nodeW;
        /// <summary>In-strength, for directed modularity only.</summary>
        public readonly double[] NodeIn = nodeIn ?? nodeW;
    }

    private interface IMode { static abstract bool Directed { get; } }
    private struct UndirectedMode : IMode { public static bool Directed => false; }
    private struct DirectedMode : IMode { public static bool Directed => true; }

    private sealed class Scratch(int n)
    {
        public readonly double[] Acc = new double[n];
        public readonly int[] Mark = new int[n];
        public readonly int[] Touched = new int[n];
        public int Stamp;
        public int NextStamp() { if (++Stamp == int.MaxValue) { Array.Clear(Mark); Stamp = 1; } return Stamp; }
    }

    public static CommunityPartition Run(CsrGraph graph, CommunityOptions o, bool refine)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (o.Directed && o.Quality != QualityFunction.Modularity)
            throw new ArgumentException("directed community detection is defined for modularity only, not CPM");
        return o.Directed && graph.IsDirected ? Run<DirectedMode>(graph, o, refine) : Run<UndirectedMode>(graph, o, refine);
    }

    private static double QualityOf<TM>(CsrGraph graph, CsrGraph g, int[] m, CommunityOptions o) where TM : struct, IMode =>
        TM.Directed ? Modularity.OfDirected(graph, m, o.Resolution) : Modularity.Quality(g, m, o);

    private static CommunityPartition Run<TM>(CsrGraph graph, CommunityOptions o, bool refine) where TM : struct, IMode
    {
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        var nodeW = new double[n];
        double twoM = 0;
        for (int v = 0; v < n; v++)
        {
            double s = 0;
            for (int e = g.OutOffsets[v]; e < g.OutOffsets[v + 1]; e++) s += g.OutWeights[e];
            twoM += s;
            nodeW[v] = o.Quality == QualityFunction.Modularity ? s : 1;
        }
        double[]? nodeIn = null;
        if (TM.Directed)
        {
            nodeIn = new double[n];
            for (int v = 0; v < n; v++) { nodeW[v] = graph.OutStrength(v); nodeIn[v] = graph.InStrength(v); }
        }
        int[] membership;
        if (o.InitialMembership is { } init)
        {
            if (init.Count != n) throw new ArgumentException("initial membership needs one entry per node");
            membership = Renumber(init.ToArray(), out _);
        }
        else membership = Enumerable.Range(0, n).ToArray();
        if (n == 0 || twoM == 0)
        {
            var m0 = Renumber(membership, out var k0);
            return new CommunityPartition(m0, k0, QualityOf<TM>(graph, g, m0, o));
        }
        // directed: f is g = γ/m = 2γ/2m in the gain k_{v,C} − g (out_v In_C + in_v Out_C)
        double f = o.Quality == QualityFunction.Modularity ? (TM.Directed ? 2 : 1) * o.Resolution / twoM : o.Resolution;
        // Refinement randomness on gains in units of edge weight, igraph's convention (nearly greedy merges with θ = 0.01);
        // leidenalg's relative gains (divided by m) were tried: more random, smaller aggregates, slower and lower modularity.
        double gainScale = 1;
        var level0 = new Level(n, g.OutOffsets, g.OutTargets, g.OutWeights, null, nodeW, nodeIn);
        var scratch = new Scratch(n);
        int restarts = Math.Max(1, o.Restarts ?? (n <= 10_000 ? 4 : 1));
        int[] bestMembership = membership;
        double bestObjective = double.NegativeInfinity;
        for (int run = 0; run < restarts; run++)
        {
            var rng = new Random(unchecked(o.Seed * 1_000_003 + run * 7_919));
            var (m, q) = Optimise<TM>(level0, (int[])membership.Clone(), f, refine, o, gainScale, twoM, rng, scratch);
            if (q > bestObjective) { bestObjective = q; bestMembership = m; }
        }
        membership = bestMembership;
        if (refine) membership = CommunityConnectivity.SplitDisconnected(g, membership);
        membership = Renumber(membership, out var k);
        return new CommunityPartition(membership, k, QualityOf<TM>(graph, g, membership, o));
    }


    private static (int[] Membership, double Objective) Optimise<TM>(Level level0, int[] membership, double f, bool refine,
        CommunityOptions o, double gainScale, double twoM, Random rng, Scratch scratch) where TM : struct, IMode
    {
        int n = level0.N;
        double best = Objective<TM>(level0, membership, f);
        // Fixed number of passes, or until Patience passes in a row bring no improvement (each pass uses a new random order).
        int maxPasses = o.Iterations > 0 ? o.Iterations : 1000, idle = 0;
        int patience = o.Patience ?? (n <= 10_000 ? 3 : 1);
        double minGain = 1e-9 * twoM;   // a modularity gain below 1e-9 is no improvement
        for (int pass = 0; pass < maxPasses; pass++)
        {
            var next = OnePass<TM>(level0, membership, f, refine, o.Randomness, gainScale, rng, scratch);
            double q = Objective<TM>(level0, next, f);
            if (q > best + minGain || (o.Iterations > 0 && q >= best))
            {
                membership = next; best = q; idle = 0;
            }
            else if (o.Iterations <= 0 && ++idle >= patience) break;
        }
        return (membership, best);
    }

    /// <summary>Σ_c (in_c − f W_c²), directed Σ_c (in_c − 2f Out_c In_c): proportional to the quality up to a constant.</summary>
    private static double Objective<TM>(Level g, int[] m, double f) where TM : struct, IMode
    {
        var w = new double[g.N];
        var wIn = TM.Directed ? new double[g.N] : w;
        double inside = 0;
        for (int v = 0; v < g.N; v++)
        {
            w[m[v]] += g.NodeW[v];
            if (TM.Directed) wIn[m[v]] += g.NodeIn[v];
            for (int e = g.Off[v]; e < g.Off[v + 1]; e++) if (m[g.Adj[e]] == m[v]) inside += g.W(e);
        }
        double pen = 0;
        for (int c = 0; c < w.Length; c++) pen += w[c] * wIn[c];
        return inside - (TM.Directed ? 2 : 1) * f * pen;
    }

    private static int[] OnePass<TM>(Level level0, int[] start, double f, bool refine, double theta, double gainScale, Random rng, Scratch s)
        where TM : struct, IMode
    {
        var g = level0;
        var p = (int[])start.Clone();
        var map = Enumerable.Range(0, level0.N).ToArray();
        while (true)
        {
            MoveNodes<TM>(g, p, f, rng, s);
            p = Renumber(p, out int k);
            if (k == g.N) break;
            int[] r; int rk;
            if (refine) { r = Refine<TM>(g, p, k, f, theta, gainScale, rng, s); r = Renumber(r, out rk); }
            else { r = p; rk = k; }
            if (rk == g.N) break;
            var next = Aggregate(g, r, rk, s);
            var pNext = new int[rk];
            for (int v = 0; v < g.N; v++) pNext[r[v]] = p[v];
            for (int v = 0; v < map.Length; v++) map[v] = r[map[v]];
            g = next; p = pNext;
        }
        var result = new int[level0.N];
        for (int v = 0; v < result.Length; v++) result[v] = p[map[v]];
        return result;
    }

    private static void Shuffle(int[] a, int from, int count, Random rng)
    {
        for (int i = count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[from + i], a[from + j]) = (a[from + j], a[from + i]);
        }
    }

    /// <summary>Leiden's fast local moving: a queue of nodes in random order; neighbours of a moved node re-enter the queue.</summary>
    private static bool MoveNodes<TM>(Level g, int[] p, double f, Random rng, Scratch s) where TM : struct, IMode
    {
        int n = g.N;
        var commW = new double[n];
        var commIn = TM.Directed ? new double[n] : commW;
        var commSize = new int[n];
        for (int v = 0; v < n; v++) { commW[p[v]] += g.NodeW[v]; if (TM.Directed) commIn[p[v]] += g.NodeIn[v]; commSize[p[v]]++; }
        var empty = new Stack<int>();
        for (int c = n - 1; c >= 0; c--) if (commSize[c] == 0) empty.Push(c);
        var queue = Enumerable.Range(0, n).ToArray();
        Shuffle(queue, 0, n, rng);
        var inQueue = new bool[n];
        Array.Fill(inQueue, true);
        int head = 0, count = n;
        bool movedAny = false;
        var acc = s.Acc; var mark = s.Mark; var touched = s.Touched;
        while (count > 0)
        {
            int v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            count--;
            inQueue[v] = false;
            int a = p[v];
            double wv = g.NodeW[v], bv = TM.Directed ? g.NodeIn[v] : 0;
            commW[a] -= wv; commSize[a]--;
            if (TM.Directed) commIn[a] -= bv;
            int stamp = s.NextStamp(), nt = 0;
            for (int e = g.Off[v]; e < g.Off[v + 1]; e++)
            {
                int c = p[g.Adj[e]];
                if (mark[c] != stamp) { mark[c] = stamp; acc[c] = 0; touched[nt++] = c; }
                acc[c] += g.W(e);
            }
            int best = a;
            double bestGain = (mark[a] == stamp ? acc[a] : 0)
                - (TM.Directed ? f * (wv * commIn[a] + bv * commW[a]) : f * wv * commW[a]);
            for (int i = 0; i < nt; i++)
            {
                int c = touched[i];
                double gain = acc[c] - (TM.Directed ? f * (wv * commIn[c] + bv * commW[c]) : f * wv * commW[c]);
                if (gain > bestGain) { bestGain = gain; best = c; }
            }
            if (commSize[a] > 0 && bestGain < 0)
            {
                while (commSize[empty.Peek()] != 0) empty.Pop();
                best = empty.Pop();
            }
            commW[best] += wv; commSize[best]++; p[v] = best;
            if (TM.Directed) commIn[best] += bv;
            if (best != a)
            {
                movedAny = true;
                if (commSize[a] == 0) empty.Push(a);
                for (int e = g.Off[v]; e < g.Off[v + 1]; e++)
                {
                    int u = g.Adj[e];
                    if (!inQueue[u] && p[u] != best)
                    {
                        inQueue[u] = true;
                        int tail = head + count; if (tail >= n) tail -= n;
                        queue[tail] = u; count++;
                    }
                }
            }
        }
        return movedAny;
    }

    /// <summary>Leiden's refinement: within every community, well-connected singletons merge randomly into well-connected sub-communities.</summary>
    private static int[] Refine<TM>(Level g, int[] p, int k, double f, double theta, double gainScale, Random rng, Scratch s)
        where TM : struct, IMode
    {
        int n = g.N;
        var r = Enumerable.Range(0, n).ToArray();
        var rW = (double[])g.NodeW.Clone();
        var rIn = TM.Directed ? (double[])g.NodeIn.Clone() : rW;
        var commIn = TM.Directed ? new double[k] : null;
        var rSize = new int[n]; Array.Fill(rSize, 1);
        var ext = new double[n];     // weight from node v to the rest of its community
        var rExt = new double[n];    // weight from refined community to the rest of its community
        var commW = new double[k];
        var start = new int[k + 1];
        for (int v = 0; v < n; v++)
        {
            commW[p[v]] += g.NodeW[v]; start[p[v] + 1]++;
            if (TM.Directed) commIn![p[v]] += g.NodeIn[v];
            double x = 0;
            for (int e = g.Off[v]; e < g.Off[v + 1]; e++) if (p[g.Adj[e]] == p[v]) x += g.W(e);
            ext[v] = x; rExt[v] = x;
        }
        for (int c = 0; c < k; c++) start[c + 1] += start[c];
        var members = new int[n];
        var fill = (int[])start.Clone();
        for (int v = 0; v < n; v++) members[fill[p[v]]++] = v;
        var acc = s.Acc; var mark = s.Mark; var touched = s.Touched;
        var cand = new List<(int C, double Gain)>();
        var probs = new List<double>();
        for (int c = 0; c < k; c++)
        {
            int from = start[c], size = start[c + 1] - from;
            if (size == 1) continue;
            Shuffle(members, from, size, rng);
            double ws = commW[c], wsIn = TM.Directed ? commIn![c] : 0;
            for (int i = from; i < from + size; i++)
            {
                int v = members[i];
                if (rSize[r[v]] != 1) continue;
                double wv = g.NodeW[v], bv = TM.Directed ? g.NodeIn[v] : 0;
                if (TM.Directed ? ext[v] < f * (wv * (wsIn - bv) + bv * (ws - wv)) : ext[v] < f * wv * (ws - wv)) continue;
                int own = r[v];
                int stamp = s.NextStamp(), nt = 0;
                for (int e = g.Off[v]; e < g.Off[v + 1]; e++)
                {
                    int u = g.Adj[e];
                    if (p[u] != c) continue;
                    int rc = r[u];
                    if (mark[rc] != stamp) { mark[rc] = stamp; acc[rc] = 0; touched[nt++] = rc; }
                    acc[rc] += g.W(e);
                }
                rW[own] = 0; rSize[own] = 0;
                if (TM.Directed) rIn[own] = 0;
                cand.Clear();
                double maxGain = 0;
                cand.Add((own, 0));
                for (int t = 0; t < nt; t++)
                {
                    int rc = touched[t];
                    if (rc == own) continue;
                    if (TM.Directed
                        ? rExt[rc] < f * (rW[rc] * (wsIn - rIn[rc]) + rIn[rc] * (ws - rW[rc]))
                        : rExt[rc] < f * rW[rc] * (ws - rW[rc])) continue;
                    double gain = acc[rc] - (TM.Directed ? f * (wv * rIn[rc] + bv * rW[rc]) : f * wv * rW[rc]);
                    if (gain < 0) continue;
                    cand.Add((rc, gain));
                    if (gain > maxGain) maxGain = gain;
                }
                int chosen = own;
                if (cand.Count > 1)
                {
                    if (theta <= 0)
                    {
                        foreach (var (cc, gg) in cand) if (gg == maxGain) { chosen = cc; break; }
                    }
                    else
                    {
                        double total = 0;
                        probs.Clear();
                        for (int t = 0; t < cand.Count; t++) { probs.Add(Math.Exp((cand[t].Gain - maxGain) * gainScale / theta)); total += probs[t]; }
                        double x = rng.NextDouble() * total;
                        chosen = cand[^1].C;
                        for (int t = 0; t < cand.Count; t++) { x -= probs[t]; if (x <= 0) { chosen = cand[t].C; break; } }
                    }
                }
                if (chosen == own) { rW[own] = wv; rSize[own] = 1; if (TM.Directed) rIn[own] = bv; continue; }
                r[v] = chosen;
                rExt[chosen] = rExt[chosen] + ext[v] - 2 * acc[chosen];
                rW[chosen] += wv; rSize[chosen]++;
                if (TM.Directed) rIn[chosen] += bv;
            }
        }
        return r;
    }

    /// <summary>Collapses every community of <paramref name="r"/> into one node; internal weight is dropped (move gains never use it).</summary>
    private static Level Aggregate(Level g, int[] r, int rk, Scratch s)
    {
        var start = new int[rk + 1];
        var nodeW = new double[rk];
        bool directed = !ReferenceEquals(g.NodeIn, g.NodeW);
        var nodeIn = directed ? new double[rk] : null;
        for (int v = 0; v < g.N; v++) { start[r[v] + 1]++; nodeW[r[v]] += g.NodeW[v]; if (directed) nodeIn![r[v]] += g.NodeIn[v]; }
        for (int c = 0; c < rk; c++) start[c + 1] += start[c];
        var members = new int[g.N];
        var fill = (int[])start.Clone();
        for (int v = 0; v < g.N; v++) members[fill[r[v]]++] = v;
        var off = new int[rk + 1];
        var acc = s.Acc; var mark = s.Mark; var touched = s.Touched;
        // the aggregate's edges counted first, so its arrays are allocated once at their length: sized as the level's
        // edges (12 bytes each) and then cut to length, they were the largest allocation of a pass on a large network
        int edges = 0;
        for (int a = 0; a < rk; a++)
        {
            int stamp = s.NextStamp();
            for (int i = start[a]; i < start[a + 1]; i++)
                for (int e = g.Off[members[i]]; e < g.Off[members[i] + 1]; e++)
                    if (r[g.Adj[e]] is var b && b != a && mark[b] != stamp) { mark[b] = stamp; edges++; }
        }
        var adj = new int[edges];
        var w = new double[edges];
        int pos = 0;
        for (int a = 0; a < rk; a++)
        {
            off[a] = pos;
            int stamp = s.NextStamp(), nt = 0;
            for (int i = start[a]; i < start[a + 1]; i++)
            {
                int v = members[i];
                for (int e = g.Off[v]; e < g.Off[v + 1]; e++)
                {
                    int b = r[g.Adj[e]];
                    if (b == a) continue;
                    if (mark[b] != stamp) { mark[b] = stamp; acc[b] = 0; touched[nt++] = b; }
                    acc[b] += g.W(e);
                }
            }
            for (int t = 0; t < nt; t++) { adj[pos] = touched[t]; w[pos] = acc[touched[t]]; pos++; }
        }
        off[rk] = pos;
        return new Level(rk, off, adj, null, w, nodeW, nodeIn);
    }

    /// <summary>Renumbers communities 0..k-1 in order of first appearance.</summary>
    internal static int[] Renumber(int[] m, out int k)
    {
        int max = 0;
        foreach (var c in m) if (c > max) max = c;
        var map = new int[max + 1];
        Array.Fill(map, -1);
        var result = new int[m.Length];
        k = 0;
        for (int i = 0; i < m.Length; i++)
        {
            int c = m[i];
            if (map[c] < 0) map[c] = k++;
            result[i] = map[c];
        }
        return result;
    }
}
