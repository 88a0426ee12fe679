namespace Polder.Networks;

/// <summary>
/// Collects weighted, timestamped edges between actors and builds <see cref="CsrGraph"/>s from them:
/// parallel edges are merged by summing weights, self-loops are dropped (talking to oneself is not an
/// interaction), node ids follow the order in which actors were first seen. Not thread-safe.
/// </summary>
public sealed class GraphBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _labels = [];
    private readonly List<int> _src = [];
    private readonly List<int> _dst = [];
    private readonly List<double> _w = [];
    private readonly List<long> _t = [];

    /// <summary>Number of actors seen so far.</summary>
    public int NodeCount => _labels.Count;

    /// <summary>Number of edges added so far (before merging).</summary>
    public int EdgeCount => _src.Count;

    /// <summary>The node id of an actor, adding it when new.</summary>
    public int AddNode(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_ids.TryGetValue(actor, out var id)) return id;
        id = _labels.Count;
        _ids.Add(actor, id);
        _labels.Add(actor);
        return id;
    }

    /// <summary>Adds an edge between two actors (added as nodes when new).</summary>
    public void AddEdge(string source, string target, double weight = 1, long time = 0) =>
        AddEdge(AddNode(source), AddNode(target), weight, time);

    /// <summary>Adds an edge between two existing node ids.</summary>
    public void AddEdge(int source, int target, double weight = 1, long time = 0)
    {
        if ((uint)source >= (uint)_labels.Count || (uint)target >= (uint)_labels.Count)
            throw new ArgumentOutOfRangeException(nameof(source), "unknown node id");
        if (double.IsNaN(weight) || weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), "weights must be non-negative");
        _src.Add(source); _dst.Add(target); _w.Add(weight); _t.Add(time);
    }

    /// <summary>Builds the graph of every edge whose time lies in [<paramref name="from"/>, <paramref name="until"/>) (all when null). All actors seen are nodes.</summary>
    public CsrGraph Build(bool directed, long? from = null, long? until = null)
    {
        int m = _src.Count;
        var s = new List<int>(m); var d = new List<int>(m); var w = new List<double>(m);
        for (int i = 0; i < m; i++)
        {
            if (from is { } f && _t[i] < f) continue;
            if (until is { } u && _t[i] >= u) continue;
            s.Add(_src[i]); d.Add(_dst[i]); w.Add(_w[i]);
        }
        return FromArrays(_labels.Count, s.ToArray(), d.ToArray(), w.ToArray(), directed, _labels.ToArray());
    }

    /// <summary>
    /// One graph per window [start, start+width) for start = first time, first+step, … up to the last time.
    /// All actors are nodes of every window graph, so node ids agree across windows.
    /// </summary>
    public IReadOnlyList<(long Start, CsrGraph Graph)> SlidingWindows(long width, long step, bool directed)
    {
        if (width <= 0 || step <= 0) throw new ArgumentOutOfRangeException(nameof(width), "width and step must be positive");
        var result = new List<(long, CsrGraph)>();
        if (_t.Count == 0) return result;
        long lo = _t.Min(), hi = _t.Max();
        for (long start = lo; start <= hi; start += step) result.Add((start, Build(directed, start, start + width)));
        return result;
    }

    /// <summary>Builds a graph from interactions (kinds, kind weights and the time window in <paramref name="options"/>).</summary>
    public static CsrGraph FromInteractions(IEnumerable<InteractionEdge> interactions, InteractionGraphOptions? options = null)
    {
        options ??= new InteractionGraphOptions();
        var b = new GraphBuilder();
        if (options.ExtraActors is not null) foreach (var a in options.ExtraActors) b.AddNode(a);
        foreach (var e in interactions)
        {
            if ((e.Kind & options.Kinds) == 0) continue;
            if (options.From is { } f && e.Time < f) continue;
            if (options.Until is { } u && e.Time >= u) continue;
            double k = options.KindWeights.TryGetValue(e.Kind, out var kw) ? kw : 1;
            b.AddEdge(e.Source, e.Target, e.Weight * k, e.Time);
        }
        return b.Build(options.Directed);
    }

    /// <summary>
    /// Builds a graph from parallel arrays of edges on nodes <c>0..nodeCount-1</c>. Parallel edges are
    /// merged (weights summed; for undirected graphs u→v and v→u merge too); self-loops are dropped.
    /// </summary>
    public static CsrGraph FromArrays(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets,
        ReadOnlySpan<double> weights, bool directed, string[]? labels = null)
    {
        if (sources.Length != targets.Length || (weights.Length != 0 && weights.Length != sources.Length))
            throw new ArgumentException("sources, targets and weights must have the same length");
        if (directed)
        {
            var (oo, ot, ow) = Rows(nodeCount, sources, targets, weights, symmetric: false);
            var (io, isrc, iw) = Rows(nodeCount, targets, sources, weights, symmetric: false);
            return new CsrGraph(true, oo, ot, ow, io, isrc, iw, labels);
        }
        var (o, t, w) = Rows(nodeCount, sources, targets, weights, symmetric: true);
        return new CsrGraph(false, o, t, w, null, null, null, labels);
    }

    /// <summary>
    /// Builds a directed graph from edges grouped by source: node <c>u</c>'s targets are
    /// <c>targets[rowStarts[u]..rowStarts[u + 1])</c>, sorted ascending, each occurrence weighing 1. The graph
    /// <see cref="FromArrays"/> makes of the same edges (repeats summed, self-loops dropped), without its per-edge working
    /// arrays: the rows are the out-rows once their repeats are counted, and the in-rows fill in ascending order, so
    /// this holds only the graph (16 bytes a distinct edge) beside the rows (<see cref="FromArrays"/> also holds 12
    /// bytes an edge per direction while it sorts and sums).
    /// </summary>
    internal static CsrGraph FromSortedRows(int nodeCount, ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> targets, string[]? labels = null)
    {
        if (rowStarts.Length != nodeCount + 1 || rowStarts[0] != 0 || rowStarts[nodeCount] != targets.Length)
            throw new ArgumentException("one row start per node and the end of the targets are required", nameof(rowStarts));
        var outOffsets = new int[nodeCount + 1];
        var inOffsets = new int[nodeCount + 1];
        for (int u = 0; u < nodeCount; u++)
        {
            if (rowStarts[u + 1] < rowStarts[u]) throw new ArgumentException("the row starts must ascend", nameof(rowStarts));
            int distinct = 0;
            for (int k = rowStarts[u]; k < rowStarts[u + 1]; k++)
            {
                int v = targets[k];
                if ((uint)v >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(targets), $"node id out of range: {u}→{v}");
                if (k > rowStarts[u] && v < targets[k - 1]) throw new ArgumentException("every row's targets must be sorted", nameof(targets));
                if (v == u || (k > rowStarts[u] && v == targets[k - 1])) continue;
                distinct++; inOffsets[v + 1]++;
            }
            outOffsets[u + 1] = outOffsets[u] + distinct;
        }
        for (int i = 0; i < nodeCount; i++) inOffsets[i + 1] += inOffsets[i];
        int edges = outOffsets[nodeCount];
        var outTargets = new int[edges];
        var outWeights = new float[edges];
        var inSources = new int[edges];
        var inWeights = new float[edges];
        var inFill = inOffsets.AsSpan(0, nodeCount).ToArray();
        for (int u = 0, e = 0; u < nodeCount; u++)
        {
            for (int k = rowStarts[u], end = rowStarts[u + 1], run; k < end; k += run)
            {
                int v = targets[k];
                for (run = 1; k + run < end && targets[k + run] == v; run++) { }
                if (v == u) continue;
                // a whole count, rounded to float once as FromArrays rounds its summed double; sources ascend, so every
                // in-row fills in ascending order
                outTargets[e] = v; outWeights[e++] = run;
                int at = inFill[v]++;
                inSources[at] = u; inWeights[at] = run;
            }
        }
        return new CsrGraph(true, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights, labels);
    }

    private static (int[] Offsets, int[] Targets, float[] Weights) Rows(int n, ReadOnlySpan<int> src, ReadOnlySpan<int> dst,
        ReadOnlySpan<double> wts, bool symmetric)
    {
        var counts = new int[n + 1];
        for (int i = 0; i < src.Length; i++)
        {
            int u = src[i], v = dst[i];
            if ((uint)u >= (uint)n || (uint)v >= (uint)n) throw new ArgumentOutOfRangeException(nameof(src), $"node id out of range: {u}→{v}");
            if (u == v) continue;
            counts[u + 1]++;
            if (symmetric) counts[v + 1]++;
        }
        for (int i = 0; i < n; i++) counts[i + 1] += counts[i];
        var pos = (int[])counts.Clone();
        var tg = new int[counts[n]];
        var wt = new double[counts[n]];
        for (int i = 0; i < src.Length; i++)
        {
            int u = src[i], v = dst[i];
            if (u == v) continue;
            double w = wts.Length == 0 ? 1 : wts[i];
            tg[pos[u]] = v; wt[pos[u]++] = w;
            if (symmetric) { tg[pos[v]] = u; wt[pos[v]++] = w; }
        }
        // sort each row and merge duplicates in place
        var offsets = new int[n + 1];
        int write = 0;
        for (int u = 0; u < n; u++)
        {
            int a = counts[u], b = counts[u + 1];
            Array.Sort(tg, wt, a, b - a);
            offsets[u] = write;
            for (int k = a; k < b; k++)
            {
                if (write > offsets[u] && tg[write - 1] == tg[k]) wt[write - 1] += wt[k];
                else { tg[write] = tg[k]; wt[write] = wt[k]; write++; }
            }
        }
        offsets[n] = write;
        if (write != tg.Length) Array.Resize(ref tg, write);
        var wf = new float[write];
        for (int i = 0; i < write; i++) wf[i] = (float)wt[i];
        return (offsets, tg, wf);
    }
}
