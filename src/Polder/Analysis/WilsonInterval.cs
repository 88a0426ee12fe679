namespace Polder.Analysis;

/// <summary>
/// The Wilson score interval of a share: unlike the plain ± 1.96 √(p(1 − p)/n) it stays inside [0, 1] and is honest
/// for small n and shares near 0 or 1 (a window with 1 negative post of 1 gives 0.21–1, not 1–1). Immutable.
/// </summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>The 95 % interval of <paramref name="successes"/> out of <paramref name="n"/> (NaN bounds for n = 0).</summary>
    public static WilsonInterval Of(double successes, int n, double z = 1.959964)
    {
        if (n <= 0) return new(double.NaN, double.NaN);
        if (successes < 0 || successes > n) throw new ArgumentOutOfRangeException(nameof(successes));
        double p = successes / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// A 95 % interval of net sentiment (positive − negative) / n, from the Wilson interval of q = (positive + neutral / 2) / n,
    /// since net = 2q − 1. Counting a neutral post as half a success makes the variance (1 − net²)/n at least the true
    /// one, so the interval is conservative.
    /// </summary>
    public static WilsonInterval OfNet(int negative, int neutral, int positive)
    {
        int n = negative + neutral + positive;
        var q = Of(positive + neutral / 2.0, n);
        return new(2 * q.Lower - 1, 2 * q.Upper - 1);
    }
}
