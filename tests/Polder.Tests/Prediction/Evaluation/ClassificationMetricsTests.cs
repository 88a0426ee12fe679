using Polder.Prediction.Evaluation;

namespace Polder.Tests.Prediction.Evaluation;

public class ClassificationMetricsTests
{
    [Fact]
    public void ReliabilityBinsByPredictedProbabilityWithEqualCounts()
    {
        double[] p = [0.9, 0.1, 0.2, 0.8, 0.15, 0.85];
        bool[] y = [true, false, true, true, false, false];
        var bins = ClassificationMetrics.Reliability(p, y, bins: 2);
        // Low bin: 0.1, 0.15, 0.2 → mean 0.15, one positive of three; high bin: 0.8, 0.85, 0.9 → mean 0.85, two of three.
        Assert.Equal(2, bins.Count);
        Assert.Equal(3, bins[0].Count);
        Assert.Equal(0.15, bins[0].MeanProbability, 12);
        Assert.Equal(1 / 3.0, bins[0].ObservedRate, 12);
        Assert.Equal(0.85, bins[1].MeanProbability, 12);
        Assert.Equal(2 / 3.0, bins[1].ObservedRate, 12);
        // ECE = ½·|0.15 − ⅓| + ½·|0.85 − ⅔|.
        Assert.Equal(0.5 * (1 / 3.0 - 0.15) + 0.5 * (0.85 - 2 / 3.0), ClassificationMetrics.ExpectedCalibrationError(p, y, bins: 2), 12);
    }

    [Fact]
    public void CalibratedSimulatedForecastsHaveSmallErrorAndShiftedOnesDoNot()
    {
        var rng = new Random(7);
        var p = Enumerable.Range(0, 20000).Select(_ => rng.NextDouble()).ToArray();
        var y = p.Select(v => rng.NextDouble() < v).ToArray();
        Assert.InRange(ClassificationMetrics.ExpectedCalibrationError(p, y), 0, 0.015);
        var shifted = p.Select(v => Math.Min(1, v + 0.1)).ToArray();
        Assert.InRange(ClassificationMetrics.ExpectedCalibrationError(shifted, y), 0.08, 0.11);
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Reliability(p, y[..10]));
    }
}
