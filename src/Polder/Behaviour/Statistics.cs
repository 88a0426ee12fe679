namespace Polder.Behaviour;

/// <summary>Small descriptive statistics used by the metrics (definitions documented in docs/behaviour-metrics.md).</summary>
public static class Statistics
{
    /// <summary>
    /// The q-quantile (0..1) of <paramref name="sorted"/> by linear interpolation between closest ranks
    /// (Hyndman–Fan type 7, as numpy and R's default): h = (n−1)q, value = x[⌊h⌋] + (h−⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    /// The median (q = 0.5) of an even count is the mean of the two middle values. NaN for an empty list.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        int n = sorted.Count;
        if (n == 0) return double.NaN;
        double h = (n - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= n - 1) return sorted[n - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /// <summary>
    /// Burstiness B = (σ − μ)/(σ + μ) of inter-event times (Goh &amp; Barabási 2008): −1 perfectly regular, 0 Poisson,
    /// towards 1 bursty. σ is the population standard deviation. NaN with fewer than two intervals or σ + μ = 0.
    /// </summary>
    public static double Burstiness(long count, double mean, double m2)
    {
        if (count < 2) return double.NaN;
        double sd = Math.Sqrt(m2 / count);
        return sd + mean == 0 ? double.NaN : (sd - mean) / (sd + mean);
    }

    /// <summary>Relative change (current − previous)/previous; NaN when previous is 0.</summary>
    public static double Change(double current, double previous) => previous == 0 ? double.NaN : (current - previous) / previous;
}
