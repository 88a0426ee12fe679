namespace Polder.Topics.Discovery;

/// <summary>
/// Truncated SVD of a sparse matrix by random projection with power iterations (Halko, Martinsson and Tropp 2011,
/// the method behind scikit-learn's <c>randomized_svd</c>): the top singular triplets, deterministic per seed.
/// Hand-written rather than MathNet.Numerics because only products with a sparse matrix and a Jacobi
/// eigen-solve of an (k+10)² matrix are needed, and it keeps the library free of another dependency.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class RandomizedSvd
{
    /// <summary>The result: <c>U</c> row-major n × k, <c>S</c> descending, <c>V</c> term-major terms × k.</summary>
    public sealed record Result(float[] U, double[] S, float[] V, int Rank);

    public static Result Compute(SparseRows x, int rank, int seed, int oversample = 10, int powerIterations = 4)
    {
        int n = x.RowCount, m = x.ColumnCount;
        int l = Math.Min(rank + oversample, Math.Min(n, m));
        rank = Math.Min(rank, l);
        var random = new Random(seed);
        // Omega: m x l gaussian, term-major
        var omega = new double[m * l];
        for (int i = 0; i < omega.Length; i++) omega[i] = Gaussian(random);
        // the products and the Gram-Schmidt column copies go to buffers allocated once: at 50,000 posts each is tens of
        // megabytes, and new ones per power iteration pile up as garbage on the large object heap
        var q = new double[n * l];                  // n x l
        x.MultiplyInto(omega, l, q);
        omega = null;
        var columns = new double[Math.Max(n, m) * l];
        Orthonormalize(q, n, l, columns);
        var z = new double[m * l];                  // m x l
        for (int it = 0; it < powerIterations; it++)
        {
            x.MultiplyTransposedInto(q, l, z);
            Orthonormalize(z, m, l, columns);
            x.MultiplyInto(z, l, q);
            Orthonormalize(q, n, l, columns);
        }
        columns = null;
        // B = Q^T X (l x m), kept transposed as bt = X^T Q (m x l)
        var bt = z;
        x.MultiplyTransposedInto(q, l, bt);
        var bbt = new double[l * l];
        for (int r = 0; r < m; r++)
        {
            int o = r * l;
            for (int i = 0; i < l; i++)
            {
                double bi = bt[o + i];
                if (bi == 0) continue;
                for (int j = i; j < l; j++) bbt[i * l + j] += bi * bt[o + j];
            }
        }
        for (int i = 0; i < l; i++) for (int j = 0; j < i; j++) bbt[i * l + j] = bbt[j * l + i];
        var (values, vectors) = JacobiEigen(bbt, l);
        var order = Enumerable.Range(0, l).OrderByDescending(i => values[i]).Take(rank).ToArray();
        var s = new double[rank];
        var u = new float[n * rank];
        var v = new float[m * rank];
        for (int c = 0; c < rank; c++)
        {
            int e = order[c];
            s[c] = Math.Sqrt(Math.Max(values[e], 0));
            for (int r = 0; r < n; r++)
            {
                double acc = 0;
                for (int j = 0; j < l; j++) acc += q[r * l + j] * vectors[j * l + e];
                u[r * rank + c] = (float)acc;
            }
            if (s[c] <= 0) continue;
            for (int r = 0; r < m; r++)
            {
                double acc = 0;
                for (int j = 0; j < l; j++) acc += bt[r * l + j] * vectors[j * l + e];
                v[r * rank + c] = (float)(acc / s[c]);
            }
        }
        return new Result(u, s, v, rank);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    // modified Gram-Schmidt on the l columns of a rows x l row-major matrix, twice for stability (on column copies,
    // so the inner loops run over contiguous memory)
    private static void Orthonormalize(double[] a, int rows, int l, double[] columns)
    {
        Span<double> Column(int c) => columns.AsSpan(c * rows, rows);
        for (int c = 0; c < l; c++)
        {
            var col = Column(c);
            for (int r = 0; r < rows; r++) col[r] = a[r * l + c];
        }
        for (int pass = 0; pass < 2; pass++)
            for (int c = 0; c < l; c++)
            {
                var col = Column(c);
                for (int p = 0; p < c; p++)
                {
                    var prev = Column(p);
                    double dot = System.Numerics.Tensors.TensorPrimitives.Dot<double>(col, prev);
                    for (int r = 0; r < rows; r++) col[r] -= dot * prev[r];
                }
                double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(col, col));
                double inv = norm > 1e-12 ? 1 / norm : 0;
                for (int r = 0; r < rows; r++) col[r] *= inv;
            }
        for (int c = 0; c < l; c++)
        {
            var col = Column(c);
            for (int r = 0; r < rows; r++) a[r * l + c] = col[r];
        }
    }

    // cyclic Jacobi eigen-decomposition of a symmetric l x l matrix: eigenvalues and eigenvectors (columns)
    private static (double[] Values, double[] Vectors) JacobiEigen(double[] a, int l)
    {
        a = (double[])a.Clone();
        var v = new double[l * l];
        for (int i = 0; i < l; i++) v[i * l + i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int i = 0; i < l; i++) for (int j = i + 1; j < l; j++) off += a[i * l + j] * a[i * l + j];
            if (off < 1e-22) break;
            for (int p = 0; p < l; p++)
                for (int q = p + 1; q < l; q++)
                {
                    double apq = a[p * l + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double theta = (a[q * l + q] - a[p * l + p]) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < l; k++)
                    {
                        double akp = a[k * l + p], akq = a[k * l + q];
                        a[k * l + p] = c * akp - s * akq;
                        a[k * l + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < l; k++)
                    {
                        double apk = a[p * l + k], aqk = a[q * l + k];
                        a[p * l + k] = c * apk - s * aqk;
                        a[q * l + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < l; k++)
                    {
                        double vkp = v[k * l + p], vkq = v[k * l + q];
                        v[k * l + p] = c * vkp - s * vkq;
                        v[k * l + q] = s * vkp + c * vkq;
                    }
                }
        }
        var values = new double[l];
        for (int i = 0; i < l; i++) values[i] = a[i * l + i];
        return (values, v);
    }
}
