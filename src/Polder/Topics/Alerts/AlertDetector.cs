namespace Polder.Topics.Alerts;

/// <summary>
/// Finds unusual rises in volume and in negative share, per topic and for the whole community, in a stream of
/// <see cref="AlertObservation"/>s. Thread-safe (no shared state).
/// </summary>
/// <remarks>
/// <para>Every <see cref="AlertOptions.StepHours"/> hours the detector tests the last 24 hours of each series against
/// the same 24 hours of the day over the previous <see cref="AlertOptions.BaselineDays"/> days (so the daily rhythm
/// cancels and a test can run after <see cref="AlertOptions.MinBaselineDays"/> days of history).</para>
/// <para>Volume: the baseline's X posts in D days give a gamma posterior for the daily rate and so a negative-binomial
/// predictive distribution for the window (mean μ = (X + ½) / D, variance μ + μ² / (X + ½)), which widens honestly
/// when the baseline is short; that variance is multiplied by the overdispersion φ ≥ 1 of the baseline days
/// (posts come in threads and news days, not as independent arrivals). The score is the excess on the square-root
/// scale, 2(√(O + ⅜) − √(μ + ⅜)) / √(variance / μ), about a standard normal under the baseline.</para>
/// <para>Negative share: among the window's n posts with a sentiment label, k negative, against the baseline share
/// p₀ = (K + 1) / (N + 2); the variance adds the binomial variance (times the baseline's overdispersion) and the
/// uncertainty of p₀; the score is (k − n p₀) / √variance, tested only with at least
/// <see cref="AlertOptions.MinSentimentPosts"/> labelled posts.</para>
/// <para>Consecutive passing windows of a series merge into one <see cref="Alert"/>. The threshold was set on the
/// simulator's quiet periods (<see cref="AlertEvaluation"/>), not from a nominal p-value, since windows overlap and
/// many series are watched at once.</para>
/// </remarks>
public static class AlertDetector
{
    /// <summary>The alerts of <paramref name="observations"/>, ordered by detection time (whole community first on ties).</summary>
    public static IReadOnlyList<Alert> Detect(IEnumerable<AlertObservation> observations, AlertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var o = options ?? new AlertOptions();
        o.Validate();
        var obs = observations.ToArray();
        // a stable, deterministic order whatever order the stream came in
        Array.Sort(obs, (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.PostId, b.PostId));
        if (obs.Length == 0) return [];
        long step = o.StepHours * 3600L;
        long origin = FloorDiv(obs[0].Time.ToUnixTimeSeconds(), step) * step;
        int bins = (int)((obs[^1].Time.ToUnixTimeSeconds() - origin) / step) + 1;
        var topics = obs.Where(x => x.Topic is not null).Select(x => x.Topic!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = topics.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i + 1, StringComparer.Ordinal);
        var series = new AlertSeries[topics.Count + 1];
        series[0] = new AlertSeries(null, bins);
        for (int i = 0; i < topics.Count; i++) series[i + 1] = new AlertSeries(topics[i], bins);
        for (int i = 0; i < obs.Length; i++)
        {
            int b = (int)((obs[i].Time.ToUnixTimeSeconds() - origin) / step);
            series[0].Add(b, i, obs[i].Sentiment);
            if (obs[i].Topic is { } t) series[index[t]].Add(b, i, obs[i].Sentiment);
        }
        foreach (var s in series) s.Close();
        var pooled = PooledDispersion(series.AsSpan(1), bins, o);
        var alerts = new List<Alert>();
        for (int i = 0; i < series.Length; i++)
        {
            alerts.AddRange(series[i].Test(AlertKind.Volume, o, origin, obs, i == 0 || pooled is null ? null : pooled));
            alerts.AddRange(series[i].Test(AlertKind.NegativeShare, o, origin, obs, null));
        }
        return alerts.OrderBy(a => a.DetectedAt).ThenBy(a => a.Topic is not null).ThenBy(a => a.Topic, StringComparer.Ordinal).ThenBy(a => a.Kind).ToArray();
    }

    // the median of the topics' dispersions per window: one series' few weeks give a noisy variance, and posts of all
    // topics cluster in threads alike; null with fewer than three topics (each series then uses its own)
    private static double[]? PooledDispersion(ReadOnlySpan<AlertSeries> topics, int bins, AlertOptions o)
    {
        if (topics.Length < 3) return null;
        var pooled = new double[bins];
        var values = new List<double>(topics.Length);
        for (int e = Math.Max(0, AlertSeries.FirstTested(o)); e < bins; e++)
        {
            values.Clear();
            foreach (var s in topics) { double d = s.Dispersion(e, o); if (!double.IsNaN(d)) values.Add(d); }
            values.Sort();
            pooled[e] = values.Count == 0 ? double.NaN : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
        }
        return pooled;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : (a - b + 1) / b;
}
