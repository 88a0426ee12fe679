namespace Polder.Topics.Discovery;

/// <summary>
/// Consensus (evidence-accumulation) clustering over several seeded spherical k-means runs: each row becomes the
/// normalised indicator vector of the cluster it joined in every run, so the cosine of two rows is the share of runs
/// that put them together (the co-association of Fred and Jain 2005) without building the n × n matrix; spherical
/// k-means on those vectors gives the clustering most runs agree on. One k-means run's local optimum depends on its
/// start; the consensus is steadier across seeds and measured better on the tuning months (docs/topic-discovery.md).
/// Deterministic per seed.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class ConsensusClustering
{
    /// <summary>Each row's consensus cluster (−1 for an empty row).</summary>
    public static int[] Fit(SparseRows x, int k, int seed, int runs, int restarts)
    {
        var members = new int[runs][];
        Parallel.For(0, runs, r => members[r] = SphericalKMeans.Fit(x, k, seed * 31 + r, 1).Cluster);
        var starts = new int[x.RowCount + 1];
        var columns = new List<int>();
        float unit = (float)(1 / Math.Sqrt(runs));
        for (int i = 0; i < x.RowCount; i++)
        {
            if (members[0][i] >= 0) for (int r = 0; r < runs; r++) columns.Add(r * k + members[r][i]);
            starts[i + 1] = columns.Count;
        }
        var values = new float[columns.Count];
        Array.Fill(values, unit);
        return SphericalKMeans.Fit(new SparseRows(starts, columns.ToArray(), values, runs * k), k, seed, restarts).Cluster;
    }
}
