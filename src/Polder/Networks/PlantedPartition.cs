namespace Polder.Networks;

/// <summary>
/// A seeded planted-partition generator: nodes in equal contiguous blocks; each edge picks a random node and,
/// with probability 1 − mixing, a partner in its own block, otherwise anywhere. Exactly the requested number of
/// distinct undirected edges (no self-loops), unit weights. Used for tests and benchmarks at scale.
/// </summary>
public static class PlantedPartition
{
    /// <summary>Generates the graph and the planted block of every node.</summary>
    public static (CsrGraph Graph, int[] Blocks) Generate(int nodes, int edges, int communities, double mixing, int seed)
    {
        var (src, dst, blocks) = GenerateEdges(nodes, edges, communities, mixing, seed);
        return (GraphBuilder.FromArrays(nodes, src, dst, ReadOnlySpan<double>.Empty, directed: false), blocks);
    }

    /// <summary>The edges (source &lt; target) and planted blocks, without building a graph.</summary>
    public static (int[] Sources, int[] Targets, int[] Blocks) GenerateEdges(int nodes, int edges, int communities, double mixing, int seed)
    {
        if (nodes < 2 || communities < 1 || communities > nodes) throw new ArgumentOutOfRangeException(nameof(nodes));
        if (edges > (long)nodes * (nodes - 1) / 4) throw new ArgumentOutOfRangeException(nameof(edges), "too dense for rejection sampling");
        if (mixing is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(mixing));
        var rng = new Random(seed);
        var blocks = new int[nodes];
        for (int v = 0; v < nodes; v++) blocks[v] = (int)((long)v * communities / nodes);
        var blockStart = new int[communities + 1];
        for (int v = 0; v < nodes; v++) blockStart[blocks[v] + 1]++;
        for (int c = 0; c < communities; c++) blockStart[c + 1] += blockStart[c];
        var seen = new HashSet<long>(edges);
        var src = new int[edges]; var dst = new int[edges];
        int m = 0;
        while (m < edges)
        {
            int u = rng.Next(nodes), v;
            if (rng.NextDouble() >= mixing)
            {
                int b = blocks[u];
                v = blockStart[b] + rng.Next(blockStart[b + 1] - blockStart[b]);
            }
            else v = rng.Next(nodes);
            if (u == v) continue;
            int a = Math.Min(u, v), z = Math.Max(u, v);
            if (!seen.Add((long)a * nodes + z)) continue;
            src[m] = a; dst[m] = z; m++;
        }
        return (src, dst, blocks);
    }
}
