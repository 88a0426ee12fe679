namespace Polder.Prediction.Reaction;

/// <summary>
/// The point forecast of an observed share for absolute error: when <c>n</c> readers each judge with probability
/// <c>p</c>, the share <c>k/n</c> is Binomial(n, p)/n, and its median (not its mean <c>p</c>) minimises the expected
/// absolute error. For one reader that is 0 or 1; for many it approaches <c>p</c>.
/// </summary>
public static class BinomialMedian
{
    /// <summary>The median of Binomial(<paramref name="n"/>, <paramref name="p"/>) divided by <paramref name="n"/>.</summary>
    /// <param name="p">The probability of one reader's judgment, in [0, 1].</param>
    /// <param name="n">The number of readers (at least 1).</param>
    public static double Share(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), "p is NaN");
        p = Math.Clamp(p, 0, 1);
        if (p == 0) return 0;
        if (p == 1) return 1;
        // Walk the probability mass in log space (no overflow for large n) until half is covered.
        double logP = Math.Log(p), logQ = Math.Log(1 - p);
        double logPmf = n * logQ, cdf = 0;
        for (int k = 0; k <= n; k++)
        {
            cdf += Math.Exp(logPmf);
            if (cdf >= 0.5) return (double)k / n;
            logPmf += Math.Log((double)(n - k) / (k + 1)) + logP - logQ;
        }
        return 1;
    }
}

/// <summary>
/// The point forecast for absolute error of the share of readers who each judge with their own probability: the
/// median of the Poisson-binomial count divided by the number of readers. It reduces to <see cref="BinomialMedian"/>
/// when every reader has the same probability.
/// </summary>
public static class PoissonBinomialMedian
{
    /// <summary>Largest group for the exact distribution (O(n²)); larger groups use the binomial median at the mean probability, which differs by at most one reader.</summary>
    public const int ExactLimit = 2048;

    /// <summary>The median share of readers judging "yes" when reader <c>i</c> does so with <paramref name="probabilities"/>[i].</summary>
    public static double Share(ReadOnlySpan<double> probabilities)
    {
        int n = probabilities.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(probabilities));
        if (n > ExactLimit)
        {
            double mean = 0;
            foreach (var p in probabilities) mean += Check(p);
            return BinomialMedian.Share(mean / n, n);
        }
        // pmf[k] = P(k of the first i readers say yes), updated reader by reader.
        Span<double> pmf = n < 256 ? stackalloc double[n + 1] : new double[n + 1];
        pmf.Clear();
        pmf[0] = 1;
        for (int i = 0; i < n; i++)
        {
            double p = Check(probabilities[i]), q = 1 - p;
            for (int k = i + 1; k >= 1; k--) pmf[k] = pmf[k] * q + pmf[k - 1] * p;
            pmf[0] *= q;
        }
        double cdf = 0;
        for (int k = 0; k <= n; k++)
        {
            cdf += pmf[k];
            if (cdf >= 0.5) return (double)k / n;
        }
        return 1;
    }

    private static double Check(double p) => double.IsNaN(p) ? throw new ArgumentOutOfRangeException(nameof(p), "a probability is NaN") : Math.Clamp(p, 0, 1);
}
