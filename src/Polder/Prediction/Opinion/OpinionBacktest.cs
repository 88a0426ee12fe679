namespace Polder.Prediction.Opinion;

/// <summary>Simple forecasts a careful analyst would use, for comparison (each sees only waves before the target).</summary>
public static class OpinionBaselines
{
    /// <summary>The last measured value.</summary>
    public static double LastValue(GroupSeriesTable table, GroupSeries s, int wave) => s.Values[wave - 1];

    /// <summary>Mean of the last three measured values.</summary>
    public static double MeanOfLast3(GroupSeriesTable table, GroupSeries s, int wave) => Last(s, wave, 3).Average(i => s.Values[i]);

    /// <summary>Least-squares line through the last three measured values, extrapolated to the target wave.</summary>
    public static double LinearTrend(GroupSeriesTable table, GroupSeries s, int wave)
    {
        var idx = Last(s, wave, 3);
        if (idx.Length < 2) return s.Values[idx[^1]];
        double mx = idx.Average(), my = idx.Average(i => s.Values[i]);
        double b = idx.Sum(i => (i - mx) * (s.Values[i] - my)) / idx.Sum(i => (i - mx) * (i - mx));
        return my + b * (wave - mx);
    }

    /// <summary>
    /// Mean of the last three values plus the national change: the national whole-population value at the last wave
    /// minus its mean over the same waves.
    /// </summary>
    public static double MeanOfLast3PlusNationalChange(GroupSeriesTable table, GroupSeries s, int wave)
    {
        var idx = Last(s, wave, 3);
        double m = idx.Average(i => s.Values[i]);
        var nat = table.Find(s.Key.NationalTotal);
        if (nat is null || !nat.Has(wave - 1)) return m;
        var both = idx.Where(nat.Has).ToArray();
        return both.Length == 0 ? m : m + nat.Values[wave - 1] - both.Average(i => nat.Values[i]);
    }

    private static int[] Last(GroupSeries s, int wave, int k)
    {
        var list = new List<int>(k);
        for (int i = wave - 1; i >= 0 && list.Count < k; i--) if (s.Has(i)) list.Add(i);
        list.Reverse();
        return [.. list];
    }
}

/// <summary>Result of a rolling-origin backtest.</summary>
/// <param name="Mae">Mean absolute error (percentage points).</param>
/// <param name="Count">Number of forecasts scored.</param>
/// <param name="IntervalCoverage">Share of targets inside the 80% interval (NaN for point forecasters).</param>
public readonly record struct BacktestResult(double Mae, int Count, double IntervalCoverage)
{
    /// <summary>The same scores per target wave, in wave order (empty when built by hand).</summary>
    public IReadOnlyList<WaveBacktest> ByWave { get; init; } = [];
}

/// <summary>The backtest scores of one target wave.</summary>
/// <param name="Wave">The target wave, 1-based as in the file.</param>
/// <param name="Count">Forecasts scored at that wave.</param>
/// <param name="Mae">Their mean absolute error (percentage points).</param>
/// <param name="IntervalCoverage">Share inside the 80% interval (NaN for point forecasters).</param>
public readonly record struct WaveBacktest(int Wave, int Count, double Mae, double IntervalCoverage);

/// <summary>
/// Rolling-origin one-step-ahead evaluation: each target wave is forecast from the waves before it, and a trained model
/// is refitted for every origin on earlier waves only (never on the future).
/// </summary>
public static class OpinionBacktest
{
    /// <summary>Scores a point forecaster over target wave indices <paramref name="firstWave"/>..<paramref name="lastWave"/>.
    /// A series is scored at a wave when it has a value there and at the wave before.</summary>
    public static BacktestResult Evaluate(GroupSeriesTable table, int firstWave, int lastWave, Func<GroupSeriesTable, GroupSeries, int, double> forecast)
    {
        var waves = new List<WaveBacktest>();
        for (int w = firstWave; w <= lastWave; w++)
        {
            double sum = 0; int n = 0;
            foreach (var s in table.Series)
                if (s.Has(w) && s.Has(w - 1)) { sum += Math.Abs(forecast(table, s, w) - s.Values[w]); n++; }
            if (n > 0) waves.Add(new WaveBacktest(w + 1, n, sum / n, double.NaN));
        }
        return Combine(waves, withIntervals: false);
    }

    /// <summary>Scores <see cref="GroupOpinionModel"/>, retrained on waves before each target wave.</summary>
    public static BacktestResult EvaluateModel(GroupSeriesTable table, int firstWave, int lastWave, Func<GroupSeriesTable, int, GroupOpinionModel>? train = null)
    {
        train ??= (t, last) => GroupOpinionModel.Train(t, last);
        var waves = new List<WaveBacktest>();
        for (int w = firstWave; w <= lastWave; w++)
        {
            var model = train(table, w - 1);
            double sum = 0; int n = 0, inside = 0;
            foreach (var s in table.Series)
            {
                if (!s.Has(w) || !s.Has(w - 1) || !model.TryForecast(table, s, w, out var f)) continue;
                sum += Math.Abs(f.Value - s.Values[w]); n++;
                if (s.Values[w] >= f.Lower && s.Values[w] <= f.Upper) inside++;
            }
            if (n > 0) waves.Add(new WaveBacktest(w + 1, n, sum / n, (double)inside / n));
        }
        return Combine(waves, withIntervals: true);
    }

    /// <summary>
    /// The national shock at target wave index <paramref name="wave"/>: the mean absolute change since the wave before
    /// of the national whole-population series (over indicators measured at both). It is the part of a group's change
    /// that no past-only forecast of the file can see; the backtest error per wave follows it.
    /// </summary>
    public static double NationalShock(GroupSeriesTable table, int wave)
    {
        double sum = 0; int n = 0;
        foreach (var s in table.Series)
            if (s.Key == s.Key.NationalTotal && wave >= 1 && s.Has(wave) && s.Has(wave - 1)) { sum += Math.Abs(s.Values[wave] - s.Values[wave - 1]); n++; }
        return n == 0 ? double.NaN : sum / n;
    }

    // Pools the per-wave scores into the overall ones (each forecast counts once).
    private static BacktestResult Combine(List<WaveBacktest> waves, bool withIntervals)
    {
        int n = waves.Sum(x => x.Count);
        double mae = n == 0 ? double.NaN : waves.Sum(x => x.Mae * x.Count) / n;
        double coverage = !withIntervals || n == 0 ? double.NaN : waves.Sum(x => x.IntervalCoverage * x.Count) / n;
        return new BacktestResult(mae, n, coverage) { ByWave = waves };
    }
}
