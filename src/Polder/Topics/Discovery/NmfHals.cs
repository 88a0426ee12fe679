namespace Polder.Topics.Discovery;

/// <summary>
/// Non-negative matrix factorisation X ≈ W·H by hierarchical alternating least squares (HALS, Cichocki and Phan
/// 2009; scikit-learn's coordinate-descent solver is the same update), started from NNDSVD (Boutsidis and
/// Gallopoulos 2008) on a seeded randomised SVD. Deterministic per seed.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class NmfHals
{
    /// <summary><c>W</c> row-major rows × k, <c>H</c> term-major terms × k.</summary>
    public sealed record Result(float[] W, float[] H, int K);

    public static Result Fit(SparseRows x, int k, int seed, int maxIterations = 100, double tolerance = 1e-4)
    {
        int n = x.RowCount, m = x.ColumnCount;
        var svd = RandomizedSvd.Compute(x, k, seed);
        k = svd.Rank;
        var w = new float[n * k];
        var h = new float[m * k];
        Nndsvd(svd, n, m, k, w, h);
        var a = new double[m * k];     // X^T W (terms x k)
        var b = new double[k * k];
        var c = new double[n * k];     // X H (rows x k)
        double previous = double.MaxValue;
        for (int it = 0; it < maxIterations; it++)
        {
            // H update: columns of H^T given W
            x.MultiplyTransposedInto(w, k, a);
            Gram(w, n, k, b);
            double change = Hals(h, m, k, a, b);
            // W update given H
            x.MultiplyInto(h, k, c);
            Gram(h, m, k, b);
            change += Hals(w, n, k, c, b);
            if (it == 0) previous = change;
            else if (change < tolerance * previous) break;
        }
        return new Result(w, h, k);
    }

    /// <summary>
    /// The topic weights of one new row given H: non-negative least squares by a few HALS sweeps, with
    /// <paramref name="gram"/> = HᵀH (<see cref="Gram"/>) computed once per model.
    /// </summary>
    public static void Project(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float[] h, double[] gram, int k, Span<float> weights, int sweeps = 10)
    {
        Span<double> c = stackalloc double[k];
        c.Clear();
        for (int j = 0; j < columns.Length; j++)
        {
            double v = values[j];
            var hr = h.AsSpan(columns[j] * k, k);
            for (int t = 0; t < k; t++) c[t] += v * hr[t];
        }
        for (int t = 0; t < k; t++) weights[t] = gram[t * k + t] > 0 ? (float)Math.Max(0, c[t] / gram[t * k + t]) : 0;
        for (int s = 0; s < sweeps; s++)
            for (int t = 0; t < k; t++)
            {
                double g = gram[t * k + t];
                if (g <= 0) continue;
                double dot = 0;
                for (int u = 0; u < k; u++) dot += weights[u] * gram[u * k + t];
                weights[t] = (float)Math.Max(0, weights[t] + (c[t] - dot) / g);
            }
    }

    /// <summary>MᵀM of a row-major rows × k matrix.</summary>
    public static void Gram(float[] m, int rows, int k, double[] result)
    {
        Array.Clear(result);
        for (int r = 0; r < rows; r++)
        {
            var mr = m.AsSpan(r * k, k);
            for (int i = 0; i < k; i++)
            {
                double v = mr[i];
                if (v == 0) continue;
                for (int j = i; j < k; j++) result[i * k + j] += v * mr[j];
            }
        }
        for (int i = 0; i < k; i++) for (int j = 0; j < i; j++) result[i * k + j] = result[j * k + i];
    }

    // one HALS sweep over the k columns of F (rows x k): F[:,t] = max(eps, F[:,t] + (A[:,t] - F G[:,t]) / G[t,t])
    private static double Hals(float[] f, int rows, int k, double[] a, double[] g)
    {
        double change = 0;
        for (int t = 0; t < k; t++)
        {
            double gtt = g[t * k + t];
            if (gtt <= 0) gtt = 1e-12;
            for (int r = 0; r < rows; r++)
            {
                var fr = f.AsSpan(r * k, k);
                double dot = 0;
                for (int u = 0; u < k; u++) dot += fr[u] * g[u * k + t];
                double grad = a[r * k + t] - dot;
                float updated = (float)Math.Max(1e-12, fr[t] + grad / gtt);
                double d = updated - fr[t];
                change += d * d;
                fr[t] = updated;
            }
        }
        return change;
    }

    private static void Nndsvd(RandomizedSvd.Result svd, int n, int m, int k, float[] w, float[] h)
    {
        for (int j = 0; j < k; j++)
        {
            double s = svd.S[j];
            double up = 0, un = 0, vp = 0, vn = 0;
            for (int r = 0; r < n; r++) { double u = svd.U[r * k + j]; if (u > 0) up += u * u; else un += u * u; }
            for (int r = 0; r < m; r++) { double v = svd.V[r * k + j]; if (v > 0) vp += v * v; else vn += v * v; }
            up = Math.Sqrt(up); un = Math.Sqrt(un); vp = Math.Sqrt(vp); vn = Math.Sqrt(vn);
            bool positive = up * vp >= un * vn;
            double su = positive ? up : un, sv = positive ? vp : vn;
            double lambda = Math.Sqrt(s * su * sv);
            if (su <= 0 || sv <= 0) continue;
            for (int r = 0; r < n; r++)
            {
                double u = svd.U[r * k + j]; u = positive ? Math.Max(u, 0) : Math.Max(-u, 0);
                w[r * k + j] = (float)(lambda * u / su);
            }
            for (int r = 0; r < m; r++)
            {
                double v = svd.V[r * k + j]; v = positive ? Math.Max(v, 0) : Math.Max(-v, 0);
                h[r * k + j] = (float)(lambda * v / sv);
            }
        }
    }
}
