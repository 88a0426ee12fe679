using Polder.Behaviour;

namespace Polder.Prediction.Activity;

/// <summary>
/// Forecasts the number of posts per series (topics and the whole community) in the window after the last post, each
/// with an 80 % prediction interval. Thread-safe (no shared state).
/// </summary>
/// <remarks>
/// <para>Point forecast: the mean of the last three complete windows, windows counted back from the last post so
/// none is partial. A rolling-origin backtest of the same method over all earlier windows of all series gives
/// standardised one-step errors z = (actual − forecast) / √max(forecast, 1).</para>
/// <para>Interval: with at least 50 errors and at least 20 per series, the forecast plus their 10 % and 90 % quantiles
/// times √max(forecast, 1). With fewer, quantiles of a handful of errors are far too narrow (a week of tweets gave
/// 251 with 184–253: all topics fell together towards the weekend, so every error pointed down), so the interval is
/// forecast ± t₀.₉(n) · s · √max(forecast, 1) · √(4/3), where s = √mean(z²) over all errors (bias included), at least
/// 1 (counts vary at least as much as Poisson), t has n = windows − 3 degrees of freedom (the errors per series; errors
/// of topics in the same window are not independent), and √(4/3) adds the error of a three-window mean. Four
/// windows, the minimum, leave one error per series: t = 3.08.</para>
/// </remarks>
public static class ActivityForecaster
{
    /// <summary>Fewest complete windows for a forecast.</summary>
    public const int MinWindows = 4;

    /// <summary>Fewest backtest errors for the empirical interval (over all series).</summary>
    public const int MinEmpiricalErrors = 50;

    /// <summary>Fewest backtest errors per series for the empirical interval: errors of different topics in the same window move together (a quiet weekend lowers them all), so many short series are not a long one.</summary>
    public const int MinEmpiricalWindows = 20;

    /// <param name="times">Every post's time (any order).</param>
    /// <param name="series">Per post, its series key or null (then only in the total); same length as <paramref name="times"/>, or empty for the total alone.</param>
    /// <param name="total">The key of the whole-community series.</param>
    /// <param name="window">Window length.</param>
    /// <param name="minMeanPosts">Least mean posts per window for a series to be forecast (the total always is).</param>
    public static ActivityForecastResult Forecast(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<string?> series, string total, TimeSpan window, double minMeanPosts = 3)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count != 0 && series.Count != times.Count) throw new ArgumentException("one series key per post, or none", nameof(series));
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
        var notes = new List<string>();
        if (times.Count == 0) return new([], 0, double.NaN, double.NaN, 0, "none", notes);
        DateTimeOffset first = times[0], last = times[0];
        foreach (var t in times) { if (t < first) first = t; if (t > last) last = t; }
        int k = (int)Math.Floor((last - first) / window);
        if (k < MinWindows)
        {
            notes.Add($"Activiteitsvoorspelling overgeslagen: {k} volledige periodes gegevens, minstens {MinWindows} nodig.");
            return new([], k, double.NaN, double.NaN, 0, "none", notes);
        }
        // window j (0 = oldest) covers (last − (k − j)·L, last − (k − j − 1)·L]
        int WindowOf(DateTimeOffset t)
        {
            double back = (last - t) / window; // 0 for the last post
            int fromEnd = Math.Max(0, (int)Math.Ceiling(back) - 1);
            return k - 1 - fromEnd;
        }
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal) { [total] = new int[k] };
        for (int i = 0; i < times.Count; i++)
        {
            int w = WindowOf(times[i]);
            if (w < 0 || w >= k) continue;
            counts[total][w]++;
            if (series.Count == 0 || series[i] is not { } key) continue;
            if (!counts.TryGetValue(key, out var s)) counts[key] = s = new int[k];
            s[w]++;
        }
        var groups = counts.Where(kv => kv.Key == total || kv.Value.Average() >= minMeanPosts)
            .OrderByDescending(kv => kv.Key == total).ThenByDescending(kv => kv.Value.Sum()).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToList();

        // rolling-origin backtest of the mean of the last three windows
        var z = new List<double>();
        var backtest = new List<(double Actual, double Forecast)>();
        foreach (var (_, c) in groups)
            for (int t = 3; t < k; t++)
            {
                double f = (c[t - 1] + c[t - 2] + c[t - 3]) / 3.0;
                z.Add((c[t] - f) / Math.Sqrt(Math.Max(f, 1)));
                backtest.Add((c[t], f));
            }
        Func<double, (double Lo, double Hi)> interval;
        string method;
        int perSeries = k - 3;
        if (z.Count >= MinEmpiricalErrors && perSeries >= MinEmpiricalWindows)
        {
            z.Sort();
            double q10 = Statistics.Quantile(z, 0.1), q90 = Statistics.Quantile(z, 0.9);
            interval = f => { double s = Math.Sqrt(Math.Max(f, 1)); return (Math.Max(0, f + q10 * s), Math.Max(0, f + q90 * s)); };
            method = "empirical";
        }
        else
        {
            double scale = Math.Max(1, Math.Sqrt(z.Average(e => e * e)));
            double half = StudentT.Quantile90(perSeries) * scale * Math.Sqrt(4.0 / 3);
            interval = f => { double s = Math.Sqrt(Math.Max(f, 1)); return (Math.Max(0, f - half * s), f + half * s); };
            method = "student-t";
            notes.Add($"Korte reeks: {perSeries} terugtoets(en) per reeks, te weinig voor een interval uit de eigen fouten; een t-interval op hun spreiding gebruikt (breder naarmate er minder zijn).");
        }
        double mae = backtest.Average(b => Math.Abs(b.Actual - b.Forecast));
        double coverage = backtest.Count(b => { var (lo, hi) = interval(b.Forecast); return b.Actual >= lo && b.Actual <= hi; }) / (double)backtest.Count;
        var forecasts = groups.Select(g =>
        {
            var c = g.Value;
            double f = (c[k - 1] + c[k - 2] + c[k - 3]) / 3.0;
            var (lo, hi) = interval(f);
            return new SeriesForecast(g.Key, f, lo, hi, c);
        }).ToArray();
        return new(forecasts, k, mae, coverage, backtest.Count, method, notes);
    }
}
