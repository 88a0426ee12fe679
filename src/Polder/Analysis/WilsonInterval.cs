namespace Polder.Analysis;

/// <summary>The Wilson score interval of a proportion (Wilson 1927): honest for small counts and shares near 0 or 1.</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public readonly record struct WilsonInterval(double Low, double High)
{
    /// <summary>The 95% interval of <paramref name="successes"/> out of <paramref name="n"/> (0–1 for n = 0).</summary>
    public static WilsonInterval Of(int successes, int n, double z = 1.959964)
    {
        if (n <= 0) return new WilsonInterval(0, 1);
        double p = (double)successes / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
