using Polder.Behaviour;
using Polder.Community;
using Polder.Prediction.Activity;
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
        var ix = EngagementIndex.Of(community);
        var created = ix.Created;
        var y = ix.Labels(Day);
        long now = created.Max();
        var closed = ClosedInTimeOrder(created, now);
        int positives = 0;
        foreach (var i in closed) if (y[i]) positives++;
        if (closed.Length < MinClosedPosts || positives == 0 || positives == closed.Length)
        {
            notes.Add($"Reactievoorspelling overgeslagen: {closed.Length} afgesloten berichten ({positives} met reactie binnen 24 uur); minstens {MinClosedPosts} en beide uitkomsten nodig.");
            return null;
        }
        var boost = EngagementModel.DefaultOptions with { Seed = o.Seed };

        // honest check: train on the posts whose 24 h window closed before the last 20 % began, score that last 20 %
        int evalStart = (int)(closed.Length * 0.8);
        long cut = created[closed[evalStart]];
        var train = Sample(closed.Take(evalStart).Where(i => created[i] + Day <= cut).ToArray(), MaxTrainingPosts, o.Seed);
        var eval = Sample(closed.Skip(evalStart).ToArray(), MaxTrainingPosts, o.Seed + 1);
        var final = Sample(closed, MaxTrainingPosts, o.Seed + 2);
        var open = Enumerable.Range(0, n)
            .Where(i => created[i] + Day > now && !y[i] && posts[i].Kind is PostKind.Post or PostKind.Reply).ToArray();
        // features only for the rows a model reads: the samples and the open posts
        var rows = train.Concat(eval).Concat(final).Concat(open).Distinct().ToArray();
        var x = EngagementFeatures.Build(ix, rows, Day, y);
        var at = new Dictionary<int, int>(rows.Length);
        for (int k = 0; k < rows.Length; k++) at[rows[k]] = k;
        double auc = double.NaN, brier = double.NaN;
        int evaluated = 0;
        if (train.Length >= MinClosedPosts / 2 && train.Any(i => y[i]) && train.Any(i => !y[i]) && eval.Length > 0)
        {
            var m = EngagementModel.Train(Rows(x, train, at), train.Select(i => y[i]).ToArray(), boost);
            var p = eval.Select(i => m.Predict(Row(x, at[i]))).ToArray();
            var l = eval.Select(i => y[i]).ToArray();
            auc = l.Any(b => b) && l.Any(b => !b) ? ClassificationMetrics.Auc(p, l) : double.NaN;
            brier = ClassificationMetrics.Brier(p, l);
            evaluated = eval.Length;
        }
        else notes.Add("Te weinig afgesloten berichten om de reactievoorspelling apart te toetsen.");
        ct.ThrowIfCancellationRequested();

        var model = EngagementModel.Train(Rows(x, final, at), final.Select(i => y[i]).ToArray(), boost);
        bool topics = text.Count == n;
        var forecasts = open
            .Select(i => new OpenPostForecast(posts[i].Id, posts[i].AuthorId, posts[i].Time, (topics ? text[i].ThreadTopic : null) ?? "", model.Predict(Row(x, at[i]))))
            .OrderByDescending(f => f.ReplyProbability).ThenBy(f => f.PostId, StringComparer.Ordinal)
            .ToArray();
        if (final.Length < closed.Length)
            notes.Add($"Reactievoorspelling getraind op een steekproef van {final.Length} van de {closed.Length} afgesloten berichten (seed {o.Seed}).");
        return new EngagementForecast(final.Length, evaluated, auc, brier, (double)positives / closed.Length, posts[^1].Time, forecasts);
    }

    /// <summary>
    /// The most posts a model is trained (and the later slice scored) on: above this a seeded sample, in time order, so the
    /// cost of the forecasts stops growing with the community (docs/streaming.md, "Forecasts on a sample").
    /// </summary>
    internal const int MaxTrainingPosts = 20_000;

    // The posts whose 24 h window closed by now, in time order (a stable order: equal times keep the community's order).
    private static int[] ClosedInTimeOrder(long[] created, long now)
    {
        var closed = new List<int>();
        for (int i = 0; i < created.Length; i++) if (created[i] + Day <= now) closed.Add(i);
        var c = closed.ToArray();
        for (int k = 1; k < c.Length; k++)
            if (created[c[k - 1]] > created[c[k]]) return c.OrderBy(i => created[i]).ToArray();
        return c;
    }

    // A seeded uniform sample of at most max of the (time-ordered) rows, kept in time order.
    private static int[] Sample(int[] rows, int max, int seed)
    {
        if (rows.Length <= max) return rows;
        var at = Enumerable.Range(0, rows.Length).ToArray();
        new Random(seed).Shuffle(at);
        var kept = at.AsSpan(0, max).ToArray();
        Array.Sort(kept);
        return kept.Select(k => rows[k]).ToArray();
    }

    private static float[] Rows(float[] x, int[] rows, Dictionary<int, int> at) => EngagementFeatures.Rows(x, rows.Select(i => at[i]).ToArray());

    private static ReadOnlySpan<float> Row(float[] x, int i) => x.AsSpan(i * EngagementFeatures.Count, EngagementFeatures.Count);

    private static (IReadOnlyList<ActivityForecast>, double, double, int) Activity(OnlineCommunity community, IReadOnlyList<PostAnalysis> text,
        TimeWindow window, List<string> notes)
    {
        var posts = community.Posts;
        if (posts.Count == 0) return ([], double.NaN, double.NaN, 0);
        var length = TrendWindows.Length(window);
        // topics only from analysed posts (another language counts in the total alone)
        IReadOnlyList<string?> topics = text.Count == posts.Count ? new ProjectedList<string?>(text.Count, i => text[i].ThreadTopic) : [];
        var r = ActivityForecaster.Forecast(new ProjectedList<DateTimeOffset>(posts.Count, i => posts[i].Time), topics, TextLayer.All, length);
        foreach (var n in r.Notes) notes.Add(n.Replace("volledige periodes", $"volledige periodes ({TrendWindows.DutchName(window)})", StringComparison.Ordinal));
        var last = posts[^1].Time;
        var forecasts = r.Series.Select(f => new ActivityForecast(f.Series, last, last + length, f.Forecast, f.Lower, f.Upper, f.History)).ToArray();
        return (forecasts, r.BacktestMae, r.BacktestCoverage, r.BacktestCount);
    }
}
