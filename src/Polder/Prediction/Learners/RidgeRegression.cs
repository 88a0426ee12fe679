namespace Polder.Prediction.Learners;

/// <summary>
/// Linear least squares with an L2 penalty (no intercept: add a constant column when one is wanted), solved in
/// closed form. The solved coefficients are immutable.
/// </summary>
public static class RidgeRegression
{
    /// <summary>Solves min Σ wᵢ (yᵢ − xᵢ·β)² + λ‖β‖² for rows <paramref name="x"/> (each of the same length).</summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double lambda, IReadOnlyList<double>? weights = null)
    {
        if (x.Count == 0) throw new ArgumentException("no rows", nameof(x));
        return Fit(x, y, Enumerable.Repeat(lambda, x[0].Length).ToArray(), weights);
    }

    /// <summary>Solves min Σ wᵢ (yᵢ − xᵢ·β)² + Σⱼ λⱼ βⱼ², a penalty of its own per coefficient (e.g. a weaker one for
    /// standardised extra predictors than for the main ones).</summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double> lambdas, IReadOnlyList<double>? weights = null)
    {
        if (x.Count == 0) throw new ArgumentException("no rows", nameof(x));
        int d = x[0].Length;
        var a = new double[d, d];
        var b = new double[d];
        for (int r = 0; r < x.Count; r++)
        {
            var row = x[r];
            double w = weights?[r] ?? 1;
            for (int i = 0; i < d; i++)
            {
                b[i] += w * row[i] * y[r];
                for (int j = 0; j < d; j++) a[i, j] += w * row[i] * row[j];
            }
        }
        if (lambdas.Count != d) throw new ArgumentException($"{lambdas.Count} penalties for {d} coefficients", nameof(lambdas));
        for (int i = 0; i < d; i++) a[i, i] += lambdas[i] + 1e-9;
        return Solve(a, b);
    }

    // Gaussian elimination with partial pivoting (the matrix is symmetric positive definite).
    private static double[] Solve(double[,] m, double[] v)
    {
        int d = v.Length;
        for (int i = 0; i < d; i++)
        {
            int p = i;
            for (int k = i + 1; k < d; k++) if (Math.Abs(m[k, i]) > Math.Abs(m[p, i])) p = k;
            if (p != i)
            {
                for (int j = 0; j < d; j++) (m[i, j], m[p, j]) = (m[p, j], m[i, j]);
                (v[i], v[p]) = (v[p], v[i]);
            }
            for (int k = i + 1; k < d; k++)
            {
                double f = m[k, i] / m[i, i];
                if (f == 0) continue;
                for (int j = i; j < d; j++) m[k, j] -= f * m[i, j];
                v[k] -= f * v[i];
            }
        }
        var beta = new double[d];
        for (int i = d - 1; i >= 0; i--)
        {
            double s = v[i];
            for (int j = i + 1; j < d; j++) s -= m[i, j] * beta[j];
            beta[i] = s / m[i, i];
        }
        return beta;
    }
}
