namespace Polder.Networks;

/// <summary>
/// An immutable weighted graph in compressed sparse row form. Nodes are dense ids <c>0..NodeCount-1</c>,
/// each mapped to a stable string label (an actor id). Undirected graphs store every edge in both rows
/// (4-byte target + 4-byte single-precision weight each way: 16 bytes per edge); directed graphs store an
/// out-row and an in-row per node (again 16 bytes per edge), plus 4 bytes per node per row for offsets. Weights are
/// stored as <see cref="float"/> (whole counts up to 2^24 are exact); every computation accumulates in double. Rows are sorted by neighbour id and hold no duplicates and no self-loops.
/// Thread-safe to read.
/// </summary>
public sealed class CsrGraph
{
    private readonly string[]? _labels;
    private Dictionary<string, int>? _index;

    internal readonly int[] OutOffsets;
    internal readonly int[] OutTargets;
    internal readonly float[] OutWeights;
    internal readonly int[] InOffsets;
    internal readonly int[] InSources;
    internal readonly float[] InWeights;

    internal CsrGraph(bool directed, int[] outOffsets, int[] outTargets, float[] outWeights,
        int[]? inOffsets, int[]? inSources, float[]? inWeights, string[]? labels)
    {
        IsDirected = directed;
        OutOffsets = outOffsets; OutTargets = outTargets; OutWeights = outWeights;
        if (directed)
        {
            InOffsets = inOffsets ?? throw new ArgumentNullException(nameof(inOffsets));
            InSources = inSources ?? throw new ArgumentNullException(nameof(inSources));
            InWeights = inWeights ?? throw new ArgumentNullException(nameof(inWeights));
        }
        else { InOffsets = outOffsets; InSources = outTargets; InWeights = outWeights; }
        if (labels is not null && labels.Length != outOffsets.Length - 1)
            throw new ArgumentException("one label per node is required", nameof(labels));
        _labels = labels;
        double total = 0;
        foreach (var w in outWeights) total += w;
        TotalWeight = directed ? total : total / 2;
    }

    /// <summary>True when edges have a direction (separate out- and in-rows).</summary>
    public bool IsDirected { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => OutOffsets.Length - 1;

    /// <summary>Number of edges (an undirected edge counts once).</summary>
    public long EdgeCount => IsDirected ? OutTargets.Length : OutTargets.Length / 2;

    /// <summary>Sum of all edge weights (an undirected edge counts once).</summary>
    public double TotalWeight { get; }

    /// <summary>The actor id of node <paramref name="node"/> (its number as text when the graph has no labels).</summary>
    public string Label(int node) => _labels?[node] ?? node.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>All labels, in node order.</summary>
    public IReadOnlyList<string> Labels => _labels ?? Enumerable.Range(0, NodeCount).Select(Label).ToArray();

    /// <summary>Finds the node of an actor id.</summary>
    public bool TryGetNode(string label, out int node)
    {
        if (_index is null)
        {
            var d = new Dictionary<string, int>(NodeCount, StringComparer.Ordinal);
            for (int i = 0; i < NodeCount; i++) d[Label(i)] = i;
            Interlocked.CompareExchange(ref _index, d, null);
        }
        return _index!.TryGetValue(label, out node);
    }

    /// <summary>The node of an actor id; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public int NodeOf(string label) => TryGetNode(label, out var n) ? n : throw new KeyNotFoundException($"no node '{label}'");

    /// <summary>Targets of the out-edges of <paramref name="node"/> (all neighbours when undirected), ascending.</summary>
    public ReadOnlySpan<int> OutNeighbors(int node) => OutTargets.AsSpan(OutOffsets[node], OutOffsets[node + 1] - OutOffsets[node]);

    /// <summary>Weights parallel to <see cref="OutNeighbors"/>.</summary>
    public ReadOnlySpan<float> OutEdgeWeights(int node) => OutWeights.AsSpan(OutOffsets[node], OutOffsets[node + 1] - OutOffsets[node]);

    /// <summary>Sources of the in-edges of <paramref name="node"/> (all neighbours when undirected), ascending.</summary>
    public ReadOnlySpan<int> InNeighbors(int node) => InSources.AsSpan(InOffsets[node], InOffsets[node + 1] - InOffsets[node]);

    /// <summary>Weights parallel to <see cref="InNeighbors"/>.</summary>
    public ReadOnlySpan<float> InEdgeWeights(int node) => InWeights.AsSpan(InOffsets[node], InOffsets[node + 1] - InOffsets[node]);

    /// <summary>Number of out-edges (neighbours when undirected).</summary>
    public int OutDegree(int node) => OutOffsets[node + 1] - OutOffsets[node];

    /// <summary>Number of in-edges (neighbours when undirected).</summary>
    public int InDegree(int node) => InOffsets[node + 1] - InOffsets[node];

    /// <summary>Sum of out-edge weights.</summary>
    public double OutStrength(int node) { double s = 0; foreach (var w in OutEdgeWeights(node)) s += w; return s; }

    /// <summary>Sum of in-edge weights.</summary>
    public double InStrength(int node) { double s = 0; foreach (var w in InEdgeWeights(node)) s += w; return s; }

    /// <summary>The weight of edge <paramref name="source"/>→<paramref name="target"/>, 0 when absent (binary search).</summary>
    public double EdgeWeight(int source, int target)
    {
        var row = OutNeighbors(source);
        int i = row.BinarySearch(target);
        return i >= 0 ? OutWeights[OutOffsets[source] + i] : 0;
    }

    /// <summary>Every edge once: (source, target, weight); for undirected graphs source &lt; target.</summary>
    public IEnumerable<(int Source, int Target, double Weight)> Edges()
    {
        for (int u = 0; u < NodeCount; u++)
            for (int k = OutOffsets[u]; k < OutOffsets[u + 1]; k++)
                if (IsDirected || OutTargets[k] > u) yield return (u, OutTargets[k], OutWeights[k]);
    }

    /// <summary>Bytes held by the adjacency arrays (labels excluded).</summary>
    public long AdjacencyBytes
    {
        get
        {
            long b = (long)OutOffsets.Length * 4 + (long)OutTargets.Length * 8;
            if (IsDirected) b += (long)InOffsets.Length * 4 + (long)InSources.Length * 8;
            return b;
        }
    }

    /// <summary>The undirected view: u–v carries the sum of the weights of u→v and v→u. Returns this graph when already undirected.</summary>
    public CsrGraph ToUndirected()
    {
        if (!IsDirected) return this;
        // u's undirected row is its out-row and in-row merged (both sorted): each neighbour once, the two weights summed
        // in double and rounded once, as GraphBuilder.FromArrays would sum them, without its working arrays (36 bytes a
        // directed edge while it sorts and sums)
        int n = NodeCount;
        var offsets = new int[n + 1];
        for (int u = 0; u < n; u++) offsets[u + 1] = offsets[u] + MergeRows(u, null, null, 0);
        var targets = new int[offsets[n]];
        var weights = new float[offsets[n]];
        for (int u = 0; u < n; u++) MergeRows(u, targets, weights, offsets[u]);
        return new CsrGraph(false, offsets, targets, weights, null, null, null, _labels);
    }

    /// <summary>Merges node <paramref name="u"/>'s out- and in-row into <paramref name="targets"/> from <paramref name="at"/> (only counts when null); returns the length.</summary>
    private int MergeRows(int u, int[]? targets, float[]? weights, int at)
    {
        int o = OutOffsets[u], oe = OutOffsets[u + 1], i = InOffsets[u], ie = InOffsets[u + 1], k = at;
        while (o < oe || i < ie)
        {
            int v; double w;
            if (i == ie || (o < oe && OutTargets[o] < InSources[i])) { v = OutTargets[o]; w = OutWeights[o++]; }
            else if (o == oe || InSources[i] < OutTargets[o]) { v = InSources[i]; w = InWeights[i++]; }
            else { v = OutTargets[o]; w = (double)OutWeights[o++] + InWeights[i++]; }
            if (targets is not null) { targets[k] = v; weights![k] = (float)w; }
            k++;
        }
        return k - at;
    }

    /// <summary>The same graph with every edge reversed (undirected graphs return themselves).</summary>
    public CsrGraph Reverse() => IsDirected
        ? new CsrGraph(true, InOffsets, InSources, InWeights, OutOffsets, OutTargets, OutWeights, _labels)
        : this;

    internal string[]? RawLabels => _labels;
}
