namespace Polder.Prediction;

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
