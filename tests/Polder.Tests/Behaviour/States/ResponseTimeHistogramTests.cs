using Polder.Behaviour;
using Polder.Behaviour.States;

namespace Polder.Tests.Behaviour.States;

/// <summary>The response-time histogram keeps its documented 1 % relative error and merges exactly.</summary>
public class ResponseTimeHistogramTests
{
    private static List<double> Waits(int seed, int n)
    {
        // log-normal waits as the simulator draws them (median 3 h, σ = 1), whole seconds, some zero
        var rng = new Random(seed);
        var w = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            w.Add(i % 97 == 0 ? 0 : Math.Round(3 * 3600 * Math.Exp(z)) / 3600);
        }
        return w;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 10)]
    [InlineData(3, 1000)]
    [InlineData(4, 100_000)]
    public void Quantiles_are_within_the_documented_relative_error(int seed, int n)
    {
        var waits = Waits(seed, n);
        var h = new ResponseTimeHistogram();
        foreach (var w in waits) h.Add(w);
        waits.Sort();
        foreach (var q in new[] { 0, 0.1, 0.5, 0.9, 0.99, 1 })
        {
            double exact = Statistics.Quantile(waits, q), est = h.Quantile(q);
            Assert.True(Math.Abs(est - exact) <= ResponseTimeHistogram.RelativeError * exact + 1e-12, $"q={q}: {est} vs {exact}");
        }
    }

    [Fact]
    public void Any_split_merged_in_any_order_equals_the_whole()
    {
        var waits = Waits(5, 20_000);
        var whole = new ResponseTimeHistogram();
        foreach (var w in waits) whole.Add(w);
        var rng = new Random(6);
        var parts = Enumerable.Range(0, 7).Select(_ => new ResponseTimeHistogram()).ToList();
        foreach (var w in waits) parts[rng.Next(parts.Count)].Add(w);
        var merged = new ResponseTimeHistogram();
        foreach (var p in parts.OrderBy(_ => rng.Next())) merged.Merge(p);
        Assert.Equal(whole.Count, merged.Count);
        foreach (var q in new[] { 0.5, 0.9 }) Assert.Equal(whole.Quantile(q), merged.Quantile(q));
        Assert.True(double.IsNaN(new ResponseTimeHistogram().Quantile(0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => whole.Add(-1));
    }
}
