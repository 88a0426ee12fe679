namespace Polder.Topics.Discovery;

/// <summary>
/// Spherical k-means (Dhillon and Modha 2001) on L2-normalised rows: each row joins the centroid it has the highest
/// cosine with, each centroid is its members' normalised mean. Seeded k-means++ starts; of several restarts the one
/// with the highest total cosine is kept. Deterministic per seed.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class SphericalKMeans
{
    /// <summary>Centroids term-major (<c>columns × k</c>), each row's cluster (−1 for an empty row) and cosine, the objective.</summary>
    public sealed record Result(float[] Centroids, int[] Cluster, float[] Cosine, double Objective);

    public static Result Fit(SparseRows x, int k, int seed, int restarts, int maxIterations = 60)
    {
        Result? best = null;
        for (int r = 0; r < restarts; r++)
        {
            var result = FitOnce(x, k, seed * 7919 + r, maxIterations);
            if (best is null || result.Objective > best.Objective) best = result;
        }
        return best!;
    }

    /// <summary>Spherical k-means started from a given clustering (each row's cluster, −1 for none) instead of k-means++.</summary>
    public static Result Refine(SparseRows x, int k, int[] start, int maxIterations = 60)
    {
        int n = x.RowCount;
        var centroids = new float[x.ColumnCount * k];
        var nonEmpty = Enumerable.Range(0, n).Where(r => x.Starts[r + 1] > x.Starts[r] && start[r] >= 0).ToArray();
        var cluster = (int[])start.Clone();
        var cosine = new float[n];
        if (nonEmpty.Length == 0) return new Result(centroids, cluster, cosine, 0);
        Recompute(x, cluster, cosine, centroids, k, nonEmpty);
        return Iterate(x, k, maxIterations, centroids, cluster, cosine, nonEmpty);
    }

    private static Result FitOnce(SparseRows x, int k, int seed, int maxIterations)
    {
        int n = x.RowCount, m = x.ColumnCount;
        var random = new Random(seed);
        var centroids = new float[m * k];
        var nonEmpty = Enumerable.Range(0, n).Where(r => x.Starts[r + 1] > x.Starts[r]).ToArray();
        var cluster = new int[n];
        var cosine = new float[n];
        Array.Fill(cluster, -1);
        if (nonEmpty.Length == 0) return new Result(centroids, cluster, cosine, 0);
        // k-means++ on cosine distance
        var best = new double[n];
        Array.Fill(best, -1.0);
        int first = nonEmpty[random.Next(nonEmpty.Length)];
        for (int c = 0; c < k; c++)
        {
            int chosen = first;
            if (c > 0)
            {
                double total = 0;
                foreach (var r in nonEmpty) { double d = 1 - best[r]; total += d * d; }
                double target = random.NextDouble() * total, acc = 0;
                chosen = nonEmpty[^1];
                if (total > 0)
                    foreach (var r in nonEmpty)
                    {
                        double d = 1 - best[r]; acc += d * d;
                        if (acc >= target) { chosen = r; break; }
                    }
                else chosen = nonEmpty[random.Next(nonEmpty.Length)];
            }
            var cols = x.ColumnsOf(chosen); var vals = x.ValuesOf(chosen);
            for (int j = 0; j < cols.Length; j++) centroids[cols[j] * k + c] = vals[j];
            foreach (var r in nonEmpty) best[r] = Math.Max(best[r], Dot(x, r, chosen));
        }
        return Iterate(x, k, maxIterations, centroids, cluster, cosine, nonEmpty);
    }

    private static Result Iterate(SparseRows x, int k, int maxIterations, float[] centroids, int[] cluster, float[] cosine, int[] nonEmpty)
    {
        var sims = new float[k];
        double objective = 0;
        for (int it = 0; it < maxIterations; it++)
        {
            bool changed = false;
            objective = 0;
            foreach (var r in nonEmpty)
            {
                x.Multiply(r, centroids, k, sims);
                int arg = 0;
                for (int c = 1; c < k; c++) if (sims[c] > sims[arg]) arg = c;
                if (cluster[r] != arg) { cluster[r] = arg; changed = true; }
                cosine[r] = sims[arg];
                objective += sims[arg];
            }
            if (!changed && it > 0) break;
            Recompute(x, cluster, cosine, centroids, k, nonEmpty);
        }
        return new Result(centroids, cluster, cosine, objective);
    }

    // centroids as normalised sums; an empty cluster takes the row worst served by its centroid
    private static void Recompute(SparseRows x, int[] cluster, float[] cosine, float[] centroids, int k, int[] nonEmpty)
    {
        Array.Clear(centroids);
        var size = new int[k];
        foreach (var r in nonEmpty)
        {
            int c = cluster[r]; size[c]++;
            var cols = x.ColumnsOf(r); var vals = x.ValuesOf(r);
            for (int j = 0; j < cols.Length; j++) centroids[cols[j] * k + c] += vals[j];
        }
        for (int c = 0; c < k; c++)
        {
            if (size[c] > 0) continue;
            int worst = nonEmpty.OrderBy(r => cosine[r]).ThenBy(r => r).First();
            cosine[worst] = float.MaxValue; // not chosen twice
            var cols = x.ColumnsOf(worst); var vals = x.ValuesOf(worst);
            for (int j = 0; j < cols.Length; j++) centroids[cols[j] * k + c] = vals[j];
        }
        var norm = new double[k];
        int m = x.ColumnCount;
        for (int t = 0; t < m; t++) for (int c = 0; c < k; c++) { double v = centroids[t * k + c]; norm[c] += v * v; }
        for (int c = 0; c < k; c++) norm[c] = norm[c] > 0 ? 1 / Math.Sqrt(norm[c]) : 0;
        for (int t = 0; t < m; t++) for (int c = 0; c < k; c++) centroids[t * k + c] *= (float)norm[c];
    }

    private static double Dot(SparseRows x, int a, int b)
    {
        var ca = x.ColumnsOf(a); var va = x.ValuesOf(a);
        var cb = x.ColumnsOf(b); var vb = x.ValuesOf(b);
        double s = 0;
        int i = 0, j = 0;
        while (i < ca.Length && j < cb.Length)
        {
            if (ca[i] == cb[j]) s += va[i++] * vb[j++];
            else if (ca[i] < cb[j]) i++;
            else j++;
        }
        return s;
    }
}
