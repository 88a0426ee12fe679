namespace Polder.Networks;

/// <summary>
/// A path-based centrality estimated from sampled source nodes (pivots; Brandes and Pich 2007, Eppstein and Wang 2004):
/// the values and how far they may be from the exact ones.
/// </summary>
/// <param name="Values">The estimates, one per node, in the units of the exact measure.</param>
/// <param name="Sources">Number of sampled sources (k).</param>
/// <param name="Seed">The seed that chose them.</param>
/// <param name="ErrorBound">Guaranteed bound: with probability at least 95 %, every node's estimate is within this of its exact
/// value at once (Hoeffding's inequality for sampling without replacement and a union bound over the nodes).</param>
/// <param name="MaxHalfWidth95">The largest per-node 95 % confidence half-width (1.96 standard errors from the sampled
/// sources' spread, finite-population corrected): the typical error, much smaller than the worst-case bound.</param>
public sealed record SampledCentrality(double[] Values, int Sources, int Seed, double ErrorBound, double MaxHalfWidth95);

/// <summary>
/// Runs one single-source computation per sampled source, in parallel but deterministically: the sources are split
/// round-robin into a fixed number of chunks, each chunk sums into its own arrays, and the chunks are added in order, so
/// the result does not depend on the number of threads.
/// </summary>
internal static class PivotSampling
{
    private const int Chunks = 8;

    /// <summary>The first <paramref name="samples"/> nodes of a seeded shuffle (the same choice as <see cref="Betweenness.Approximate"/>).</summary>
    public static int[] Sources(int nodeCount, int samples, int seed)
    {
        var order = Enumerable.Range(0, nodeCount).ToArray();
        new Random(seed).Shuffle(order);
        return order[..Math.Min(samples, nodeCount)];
    }

    /// <summary>
    /// Sums per-source contributions: <paramref name="one"/>(workspace, source, sum, sumOfSquares) adds source's value for
    /// every node to sum and its square to sumOfSquares.
    /// </summary>
    public static (double[] Sum, double[] SumSq) Accumulate<TWorkspace>(int nodeCount, int[] sources, Func<TWorkspace> workspace,
        Action<TWorkspace, int, double[], double[]> one, int maxThreads)
    {
        var acc = AccumulateMany(nodeCount, sources, workspace, (w, s, a) => one(w, s, a[0], a[1]), 2, maxThreads);
        return (acc[0], acc[1]);
    }

    /// <summary>Like <see cref="Accumulate{TWorkspace}"/> with <paramref name="arrays"/> per-node accumulators.</summary>
    public static double[][] AccumulateMany<TWorkspace>(int nodeCount, int[] sources, Func<TWorkspace> workspace,
        Action<TWorkspace, int, double[][]> one, int arrays, int maxThreads)
    {
        int chunks = Math.Max(1, Math.Min(Chunks, sources.Length));
        var parts = new double[chunks][][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : -1 }, c =>
        {
            var w = workspace();
            var acc = new double[arrays][];
            for (int a = 0; a < arrays; a++) acc[a] = new double[nodeCount];
            for (int i = c; i < sources.Length; i += chunks) one(w, sources[i], acc);
            parts[c] = acc;
        });
        // chunks are added in order: the same sums whatever the number of threads
        var total = parts[0];
        for (int c = 1; c < chunks; c++)
            for (int a = 0; a < arrays; a++)
            {
                var t = total[a]; var p = parts[c][a];
                for (int v = 0; v < nodeCount; v++) t[v] += p[v];
            }
        return total;
    }

    /// <summary>
    /// Turns per-node sums over k of n sources into estimates of the total over all n sources times
    /// <paramref name="scale"/>, and the largest 95 % half-width (finite-population corrected standard error).
    /// </summary>
    public static (double[] Values, double MaxHalfWidth95) Estimate(double[] sum, double[] sumSq, int nodeCount, int k, double scale)
    {
        var values = new double[nodeCount];
        double worst = 0;
        double fpc = nodeCount > 1 ? Math.Sqrt((nodeCount - k) / (nodeCount - 1.0)) : 0;
        for (int v = 0; v < nodeCount; v++)
        {
            double mean = sum[v] / k;
            values[v] = mean * nodeCount * scale;
            if (k < 2) continue;
            double variance = Math.Max(0, (sumSq[v] - k * mean * mean) / (k - 1));
            double half = 1.96 * nodeCount * Math.Sqrt(variance / k) * fpc * Math.Abs(scale);
            if (half > worst) worst = half;
        }
        return (values, worst);
    }

    /// <summary>Hoeffding bound on the mean of k of n values in [0, 1], for all n nodes at once with probability 1 − δ.</summary>
    public static double MeanBound(int nodeCount, int k, double delta = 0.05) =>
        k <= 0 ? double.PositiveInfinity : Math.Sqrt(Math.Log(2.0 * nodeCount / delta) / (2.0 * k));
}
