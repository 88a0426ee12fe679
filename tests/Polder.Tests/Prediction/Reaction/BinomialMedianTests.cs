using Xunit;
using Polder.Prediction.Reaction;

namespace Polder.Tests.Prediction.Reaction;

public class BinomialMedianTests
{
    // Reference: the median by summing exact binomial probabilities with decimal-free doubles from the definition.
    private static double ReferenceMedian(double p, int n)
    {
        double cdf = 0;
        for (int k = 0; k <= n; k++)
        {
            double c = 1;
            for (int i = 0; i < k; i++) c = c * (n - i) / (i + 1);
            cdf += c * Math.Pow(p, k) * Math.Pow(1 - p, n - k);
            if (cdf >= 0.5 - 1e-12) return (double)k / n;
        }
        return 1;
    }

    [Theory]
    [InlineData(0.3, 1, 0.0)]
    [InlineData(0.7, 1, 1.0)]
    [InlineData(0.25, 2, 0.0)]  // P(0) = 0.5625
    [InlineData(0.4, 2, 0.5)]   // P(0) = 0.36, P(≤1) = 0.84
    [InlineData(0.8, 2, 1.0)]   // P(≤1) = 0.36
    [InlineData(0.0, 5, 0.0)]
    [InlineData(1.0, 5, 1.0)]
    public void KnownMedians(double p, int n, double expected) => Assert.Equal(expected, BinomialMedian.Share(p, n), 12);

    [Fact]
    public void AgreesWithTheDefinitionAndApproachesPForManyReaders()
    {
        var rng = new Random(7);
        for (int t = 0; t < 500; t++)
        {
            double p = rng.NextDouble(); int n = 1 + rng.Next(40);
            Assert.Equal(ReferenceMedian(p, n), BinomialMedian.Share(p, n), 12);
        }
        Assert.InRange(BinomialMedian.Share(0.3137, 100_000), 0.312, 0.315);
    }

    [Fact]
    public void MinimisesTheExpectedAbsoluteError()
    {
        // Over every candidate share k/n, the median's expected |X/n − point| is the smallest.
        foreach (var (p, n) in new[] { (0.2, 3), (0.45, 4), (0.6, 7), (0.1, 10) })
        {
            double Expected(double point)
            {
                double e = 0;
                for (int k = 0; k <= n; k++)
                {
                    double c = 1;
                    for (int i = 0; i < k; i++) c = c * (n - i) / (i + 1);
                    e += c * Math.Pow(p, k) * Math.Pow(1 - p, n - k) * Math.Abs((double)k / n - point);
                }
                return e;
            }
            double m = Expected(BinomialMedian.Share(p, n));
            for (int k = 0; k <= n; k++) Assert.True(m <= Expected((double)k / n) + 1e-12, $"p={p} n={n} k={k}");
            Assert.True(m <= Expected(p) + 1e-12);
        }
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialMedian.Share(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialMedian.Share(double.NaN, 3));
    }
}
