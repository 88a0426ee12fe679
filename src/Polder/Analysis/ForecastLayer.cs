using Polder.Behaviour;
using Polder.Community;
using Polder.Prediction.Engagement;
using Polder.Prediction.Evaluation;

namespace Polder.Analysis;

/// <summary>The forecasts: reply probabilities of open posts and next-window activity per topic, each with its uncertainty.</summary>
internal static class ForecastLayer
{
    private const long Day = 86400;
    private const int MinClosedPosts = 100;

    public static ForecastSet Run(OnlineCommunity community, IReadOnlyList<PostAnalysis> text, TimeWindow window, AnalysisOptions o, CancellationToken ct)
    {
        var notes = new List<string>();
        var engagement = Engagement(community, text, o, notes, ct);
        ct.ThrowIfCancellationRequested();
        var (activity, mae, coverage, count) = Activity(community, text, window, notes);
        return new ForecastSet(engagement, activity, mae, coverage, count, notes);
    }

    private static EngagementForecast? Engagement(OnlineCommunity community, IReadOnlyList<PostAnalysis> text, AnalysisOptions o, List<string> notes, CancellationToken ct)
    {
        var posts = community.Posts;
        int n = posts.Count;
        if (n == 0) { notes.Add("Geen berichten: geen reactievoorspelling."); return null; }
        var ep = EngagementPost.From(community);
        var x = EngagementFeatures.Build(ep);
        var y = EngagementFeatures.Labels(ep);
        long now = ep.Max(p => p.Created);
        var closed = Enumerable.Range(0, n).Where(i => ep[i].Created + Day <= now).OrderBy(i => ep[i].Created).ToArray();
        int positives = closed.Count(i => y[i]);
        if (closed.Length < MinClosedPosts || positives == 0 || positives == closed.Length)
        {
            notes.Add($"Reactievoorspelling overgeslagen: {closed.Length} afgesloten berichten ({positives} met reactie binnen 24 uur); minstens {MinClosedPosts} en beide uitkomsten nodig.");
            return null;
        }
        var boost = EngagementModel.DefaultOptions with { Seed = o.Seed };

        // honest check: train on the posts whose 24 h window closed before the last 20 % began, score that last 20 %
        int evalStart = (int)(closed.Length * 0.8);
        long cut = ep[closed[evalStart]].Created;
        var train = closed.Take(evalStart).Where(i => ep[i].Created + Day <= cut).ToArray();
        var eval = closed.Skip(evalStart).ToArray();
        double auc = double.NaN, brier = double.NaN;
        int evaluated = 0;
        if (train.Length >= MinClosedPosts / 2 && train.Any(i => y[i]) && train.Any(i => !y[i]) && eval.Length > 0)
        {
            var m = EngagementModel.Train(EngagementFeatures.Rows(x, train), train.Select(i => y[i]).ToArray(), boost);
            var p = eval.Select(i => m.Predict(Row(x, i))).ToArray();
            var l = eval.Select(i => y[i]).ToArray();
            auc = l.Any(b => b) && l.Any(b => !b) ? ClassificationMetrics.Auc(p, l) : double.NaN;
            brier = ClassificationMetrics.Brier(p, l);
            evaluated = eval.Length;
        }
        else notes.Add("Te weinig afgesloten berichten om de reactievoorspelling apart te toetsen.");
        ct.ThrowIfCancellationRequested();

        var model = EngagementModel.Train(EngagementFeatures.Rows(x, closed), closed.Select(i => y[i]).ToArray(), boost);
        var topicOf = text.Count == n ? text.Select(t => t.ThreadTopic).ToArray() : null;
        var open = Enumerable.Range(0, n)
            .Where(i => ep[i].Created + Day > now && !y[i] && posts[i].Kind is PostKind.Post or PostKind.Reply)
            .Select(i => new OpenPostForecast(posts[i].Id, posts[i].AuthorId, posts[i].Time, topicOf?[i] ?? "", model.Predict(Row(x, i))))
            .OrderByDescending(f => f.ReplyProbability).ThenBy(f => f.PostId, StringComparer.Ordinal)
            .ToArray();
        return new EngagementForecast(closed.Length, evaluated, auc, brier, (double)positives / closed.Length, posts[^1].Time, open);
    }

    private static ReadOnlySpan<float> Row(float[] x, int i) => x.AsSpan(i * EngagementFeatures.Count, EngagementFeatures.Count);

    private static (IReadOnlyList<ActivityForecast>, double, double, int) Activity(OnlineCommunity community, IReadOnlyList<PostAnalysis> text,
        TimeWindow window, List<string> notes)
    {
        var posts = community.Posts;
        if (posts.Count == 0) return ([], double.NaN, double.NaN, 0);
        var last = posts[^1].Time;
        var length = TrendWindows.Length(window);
        int k = (int)Math.Floor((last - posts[0].Time) / length);
        if (k < 4)
        {
            notes.Add($"Activiteitsvoorspelling overgeslagen: {k} volledige periodes ({TrendWindows.DutchName(window)}) gegevens, minstens 4 nodig.");
            return ([], double.NaN, double.NaN, 0);
        }
        // window j (0 = oldest) covers (last − (k − j)·L, last − (k − j − 1)·L]
        int WindowOf(DateTimeOffset t)
        {
            double back = (last - t) / length; // 0 for the last post
            int fromEnd = Math.Max(0, (int)Math.Ceiling(back) - 1);
            return k - 1 - fromEnd;
        }
        var series = new Dictionary<string, int[]>(StringComparer.Ordinal) { [TextLayer.All] = new int[k] };
        for (int i = 0; i < posts.Count; i++)
        {
            int w = WindowOf(posts[i].Time);
            if (w < 0 || w >= k) continue;
            series[TextLayer.All][w]++;
            if (text.Count == posts.Count)
            {
                if (text[i].ThreadTopic is not { } t) continue;   // not analysed (another language): only in the total
                if (!series.TryGetValue(t, out var s)) series[t] = s = new int[k];
                s[w]++;
            }
        }
        var groups = series.Where(kv => kv.Key == TextLayer.All || kv.Value.Average() >= 3)
            .OrderByDescending(kv => kv.Key == TextLayer.All).ThenByDescending(kv => kv.Value.Sum()).ThenBy(kv => kv.Key, StringComparer.Ordinal)
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
        z.Sort();
        double q10, q90;
        if (z.Count >= 5) { q10 = Statistics.Quantile(z, 0.1); q90 = Statistics.Quantile(z, 0.9); }
        else { q10 = -1.2816; q90 = 1.2816; notes.Add("Te weinig terugtoetsen voor een empirisch interval; Poisson-benadering gebruikt."); }
        (double Lo, double Hi) Interval(double f) { double s = Math.Sqrt(Math.Max(f, 1)); return (Math.Max(0, f + q10 * s), Math.Max(0, f + q90 * s)); }
        double mae = backtest.Count == 0 ? double.NaN : backtest.Average(b => Math.Abs(b.Actual - b.Forecast));
        double coverage = backtest.Count == 0 ? double.NaN : backtest.Count(b => { var (lo, hi) = Interval(b.Forecast); return b.Actual >= lo && b.Actual <= hi; }) / (double)backtest.Count;

        var forecasts = groups.Select(g =>
        {
            var c = g.Value;
            double f = (c[k - 1] + c[k - 2] + c[k - 3]) / 3.0;
            var (lo, hi) = Interval(f);
            return new ActivityForecast(g.Key, last, last + length, f, lo, hi, c);
        }).ToArray();
        return (forecasts, mae, coverage, backtest.Count);
    }
}
