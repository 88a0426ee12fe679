using Polder.Prediction.Reaction;

namespace Polder.Tests.Prediction.Reaction;

public class ShareIntervalTests
{
    // Beta-binomial pmf from its closed form (log-gamma), a check independent of the interval's term-ratio recursion.
    private static double[] Pmf(double mean, double rho, int n)
    {
        var pmf = new double[n + 1];
        for (int k = 0; k <= n; k++)
        {
            double logChoose = ShareInterval.LogGamma(n + 1) - ShareInterval.LogGamma(k + 1) - ShareInterval.LogGamma(n - k + 1);
            if (rho == 0) pmf[k] = Math.Exp(logChoose + k * Math.Log(mean) + (n - k) * Math.Log(1 - mean));
            else
            {
                double s = 1 / rho - 1, a = mean * s, b = (1 - mean) * s;
                double logB(double x, double y) => ShareInterval.LogGamma(x) + ShareInterval.LogGamma(y) - ShareInterval.LogGamma(x + y);
                pmf[k] = Math.Exp(logChoose + logB(k + a, n - k + b) - logB(a, b));
            }
        }
        return pmf;
    }

    [Theory]
    [InlineData(0.3, 0.0, 5)]
    [InlineData(0.3, 0.1, 5)]
    [InlineData(0.05, 0.2, 12)]
    [InlineData(0.62, 0.0, 40)]
    [InlineData(0.5, 0.4, 3)]
    [InlineData(0.9, 0.05, 1)]
    public void ForReadersIsTheShortestRunHoldingTheCoverageByEnumeration(double mean, double rho, int n)
    {
        var pmf = Pmf(mean, rho, n);
        Assert.Equal(1, pmf.Sum(), 9);
        var iv = ShareInterval.ForReaders(mean, rho, n, 0.8);
        int lo = (int)Math.Round(iv.Lower * n), hi = (int)Math.Round(iv.Upper * n);
        double mass = pmf[lo..(hi + 1)].Sum();
        Assert.Equal(mass, iv.Probability, 9);
        Assert.True(mass >= 0.8 - 1e-12);
        // No shorter run holds 80%.
        for (int a = 0; a <= n; a++)
            for (int b = a; b - a < hi - lo && b <= n; b++)
                Assert.True(pmf[a..(b + 1)].Sum() < 0.8, $"[{a},{b}] is shorter and holds 80%");
    }

    [Fact]
    public void FiveReadersAtThirtyPercentAsWorkedOut()
    {
        // Binomial(5, 0.3): P = .168 .360 .309 .132 .028 .002; the shortest run with 80% is 0..2 (0.837).
        var iv = ShareInterval.ForReaders(0.3, 0, 5);
        Assert.Equal(new ShareInterval(0, 0.4, iv.Probability), iv);
        Assert.Equal(0.83692, iv.Probability, 5);
    }

    [Fact]
    public void ManyReadersApproachTheWholeGroupsBetaInterval()
    {
        var group = ShareInterval.ForGroup(0.25, 0.1);
        var many = ShareInterval.ForReaders(0.25, 0.1, 200_000);
        double Mass(ShareInterval iv) => ShareInterval.RegularizedIncompleteBeta(0.25 * 9, 0.75 * 9, iv.Upper) - ShareInterval.RegularizedIncompleteBeta(0.25 * 9, 0.75 * 9, iv.Lower);
        Assert.Equal(0.8, Mass(group), 9);
        // For many readers the share's distribution is the Beta: the readers' (shortest) run holds 80% of it and is no
        // wider than the central interval.
        Assert.Equal(0.8, Mass(many), 3);
        Assert.True(many.Upper - many.Lower <= group.Upper - group.Lower + 1e-4);
        Assert.Equal(new ShareInterval(0.25, 0.25, 1), ShareInterval.ForGroup(0.25, 0));
    }

    [Fact]
    public void BetaFunctionsMatchClosedForms()
    {
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), ShareInterval.LogGamma(0.5), 12);
        Assert.Equal(Math.Log(362880), ShareInterval.LogGamma(10), 11);
        Assert.Equal(Math.Log(Math.PI / Math.Sin(Math.PI * 0.3)) - ShareInterval.LogGamma(0.7), ShareInterval.LogGamma(0.3), 12);
        foreach (var x in new[] { 0.01, 0.2, 0.5, 0.77, 0.99 })
        {
            Assert.Equal(x, ShareInterval.RegularizedIncompleteBeta(1, 1, x), 12);
            Assert.Equal(6 * x * x - 8 * x * x * x + 3 * x * x * x * x, ShareInterval.RegularizedIncompleteBeta(2, 3, x), 12); // Beta(2,3)
            Assert.Equal(x, ShareInterval.RegularizedIncompleteBeta(2, 3, ShareInterval.BetaQuantile(2, 3, x)), 9);
        }
    }

    [Theory]
    [InlineData(0.05, 50)]
    [InlineData(200, 1)]
    [InlineData(0.5, 0.5)]
    [InlineData(3, 3000)]
    public void BetaQuantileInvertsTheDistributionFunctionForSkewedShapes(double a, double b)
    {
        foreach (var q in new[] { 0.001, 0.1, 0.5, 0.9, 0.999 })
            Assert.Equal(q, ShareInterval.RegularizedIncompleteBeta(a, b, ShareInterval.BetaQuantile(a, b, q)), 9);
    }

    [Fact]
    public void DegenerateAndInvalidInputs()
    {
        Assert.Equal(new ShareInterval(0, 0, 1), ShareInterval.ForReaders(0, 0.1, 7));
        Assert.Equal(new ShareInterval(1, 1, 1), ShareInterval.ForReaders(1, 0, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.ForReaders(0.5, 0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.ForReaders(double.NaN, 0.1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.ForReaders(0.5, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.ForGroup(0.5, 0.1, 1));
    }
}
