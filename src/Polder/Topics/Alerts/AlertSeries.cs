using Polder.Sentiment;

namespace Polder.Topics.Alerts;

/// <summary>The binned counts of one series (a topic or the whole community) and its window tests. Not thread-safe (one per detection).</summary>
internal sealed class AlertSeries(string? topic, int bins)
{
    private readonly int[] _posts = new int[bins], _labelled = new int[bins], _negative = new int[bins];
    private readonly List<int> _members = [];
    private long[] _cumPosts = [], _cumLabelled = [], _cumNegative = [];

    public string? Topic { get; } = topic;

    public void Add(int bin, int observation, SentimentLabel? sentiment)
    {
        _posts[bin]++;
        if (sentiment is { } s)
        {
            _labelled[bin]++;
            if (s == SentimentLabel.Negative) _negative[bin]++;
        }
        _members.Add(observation);
    }

    public void Close()
    {
        _cumPosts = Cumulative(_posts);
        _cumLabelled = Cumulative(_labelled);
        _cumNegative = Cumulative(_negative);
    }

    private static long[] Cumulative(int[] x)
    {
        var c = new long[x.Length + 1];
        for (int i = 0; i < x.Length; i++) c[i + 1] = c[i] + x[i];
        return c;
    }

    // sum over the 24-hour window ending with bin e (inclusive)
    private static long Window(long[] cum, int e, int perDay) => cum[e + 1] - cum[e + 1 - perDay];

    /// <summary>Bins of the series.</summary>
    public int Bins => _posts.Length;

    /// <summary>The first window end bin that has <see cref="AlertOptions.MinBaselineDays"/> of history.</summary>
    public static int FirstTested(AlertOptions o) => 24 / o.StepHours * (o.MinBaselineDays + 1) - 1;

    private static int BaselineDays(int e, int perDay, AlertOptions o) => Math.Min(o.BaselineDays, (e + 1 - perDay) / perDay);

    /// <summary>
    /// The overdispersion of the daily counts behind the window ending at bin <paramref name="e"/> (variance / mean of
    /// the baseline days), or NaN when the baseline is empty.
    /// </summary>
    public double Dispersion(int e, AlertOptions o)
    {
        int perDay = 24 / o.StepHours, days = BaselineDays(e, perDay, o);
        double x = 0, sq = 0;
        for (int d = 1; d <= days; d++) { double v = Window(_cumPosts, e - d * perDay, perDay); x += v; sq += v * v; }
        double mean = x / days;
        return days > 1 && mean > 0 ? (sq - days * mean * mean) / ((days - 1) * mean) : double.NaN;
    }

    /// <param name="kind">What to test.</param>
    /// <param name="o">The settings.</param>
    /// <param name="origin">Unix time of bin 0.</param>
    /// <param name="obs">All observations, in time order.</param>
    /// <param name="pooledDispersion">Per window end bin, the dispersion to use for volume (pooled over the topics; a single series' 28 days estimate it too noisily), or null to use the series' own.</param>
    public IEnumerable<Alert> Test(AlertKind kind, AlertOptions o, long origin, AlertObservation[] obs, double[]? pooledDispersion)
    {
        int perDay = 24 / o.StepHours;
        long step = o.StepHours * 3600L;
        int merge = Math.Max(1, o.MergeHours / o.StepHours);
        var result = new List<Alert>();
        int first = -1, last = -1, peak = -1;
        double peakScore = double.NegativeInfinity, peakObserved = 0, peakExpected = 0;
        int peakPosts = 0;
        for (int e = FirstTested(o); e < _posts.Length; e++)
        {
            int days = BaselineDays(e, perDay, o);
            var (score, observed, expected, n) = kind == AlertKind.Volume
                ? Volume(e, days, perDay, o, pooledDispersion is null ? Dispersion(e, o) : pooledDispersion[e])
                : Negative(e, days, perDay, o);
            if (!(score >= (kind == AlertKind.Volume ? o.Threshold : o.ShareThreshold))) continue;
            if (first >= 0 && e - last > merge)
            {
                result.Add(Make(kind, o, origin, step, perDay, first, last, peak, peakObserved, peakExpected, peakPosts, peakScore, obs));
                first = -1;
                peakScore = double.NegativeInfinity;
            }
            if (first < 0) first = e;
            last = e;
            if (score > peakScore) (peak, peakScore, peakObserved, peakExpected, peakPosts) = (e, score, observed, expected, n);
        }
        if (first >= 0) result.Add(Make(kind, o, origin, step, perDay, first, last, peak, peakObserved, peakExpected, peakPosts, peakScore, obs));
        return result;
    }

    private (double Score, double Observed, double Expected, int Posts) Volume(int e, int days, int perDay, AlertOptions o, double dispersion)
    {
        long observed = Window(_cumPosts, e, perDay);
        if (observed < o.MinPosts) return (double.NaN, 0, 0, 0);
        double x = 0;
        for (int d = 1; d <= days; d++) x += Window(_cumPosts, e - d * perDay, perDay);
        double phi = double.IsNaN(dispersion) ? 1 : Math.Max(1, dispersion);
        double mu = (x + 0.5) / days;
        if (observed < o.MinRatio * mu) return (double.NaN, 0, 0, 0);
        double variance = phi * (mu + mu * mu / (x + 0.5));
        double score = 2 * (Math.Sqrt(observed + 0.375) - Math.Sqrt(mu + 0.375)) / Math.Sqrt(variance / mu);
        return (score, observed, mu, (int)observed);
    }

    private (double Score, double Observed, double Expected, int Posts) Negative(int e, int days, int perDay, AlertOptions o)
    {
        long n = Window(_cumLabelled, e, perDay);
        if (n < o.MinSentimentPosts) return (double.NaN, 0, 0, 0);
        long k = Window(_cumNegative, e, perDay);
        days = Math.Min(days, o.ShareBaselineDays);
        double bigN = 0, bigK = 0;
        for (int d = 1; d <= days; d++) { bigN += Window(_cumLabelled, e - d * perDay, perDay); bigK += Window(_cumNegative, e - d * perDay, perDay); }
        double p0 = (bigK + 1) / (bigN + 2);
        double share = (double)k / n;
        if (share - p0 < o.MinShareRise) return (double.NaN, 0, 0, 0);
        double chi = 0;
        int used = 0;
        for (int d = 1; d <= days; d++)
        {
            double nd = Window(_cumLabelled, e - d * perDay, perDay);
            if (nd == 0) continue;
            double kd = Window(_cumNegative, e - d * perDay, perDay);
            chi += (kd - nd * p0) * (kd - nd * p0) / (nd * p0 * (1 - p0));
            used++;
        }
        double phi = used > 1 ? Math.Max(1, chi / (used - 1)) : 1;
        double variance = phi * n * p0 * (1 - p0) + (double)n * n * p0 * (1 - p0) / (bigN / phi + 3);
        return ((k - n * p0) / Math.Sqrt(variance), share, p0, (int)n);
    }

    private Alert Make(AlertKind kind, AlertOptions o, long origin, long step, int perDay, int first, int last, int peak,
        double observed, double expected, int posts, double score, AlertObservation[] obs)
    {
        DateTimeOffset At(int bin) => DateTimeOffset.FromUnixTimeSeconds(origin + bin * step);
        var peakFrom = At(peak + 1 - perDay);
        var peakTo = At(peak + 1);
        var evidence = new List<string>();
        // members are in time order: find the first in the peak window
        int lo = 0, hi = _members.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (obs[_members[mid]].Time < peakFrom) lo = mid + 1; else hi = mid; }
        for (int i = lo; i < _members.Count && evidence.Count < o.EvidencePosts; i++)
        {
            var x = obs[_members[i]];
            if (x.Time >= peakTo) break;
            if (kind == AlertKind.Volume || x.Sentiment == SentimentLabel.Negative) evidence.Add(x.PostId);
        }
        return new Alert(Topic, kind, At(first + 1 - perDay), At(last + 1), At(first + 1), peakFrom, peakTo, observed, expected, posts, score, evidence);
    }
}
