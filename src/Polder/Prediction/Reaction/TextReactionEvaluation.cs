using Polder.Prediction.Learners;

namespace Polder.Prediction.Reaction;

/// <summary>Scores of one method in <see cref="TextReactionEvaluation.CrossValidate"/>.</summary>
/// <param name="Method">Name of the method.</param>
/// <param name="Score">Judgment-weighted MAE and Brier on the held-out folds.</param>
/// <param name="IntervalCoverage">Share of cells whose observed share lies in the method's 80% interval (NaN for methods without intervals).</param>
/// <param name="IntervalWidth">Mean width of those intervals (NaN for methods without intervals).</param>
/// <param name="IntervalProbability">Mean probability the forecasts gave their intervals (at least 0.8; more where few readers make
/// the shares coarse): the coverage a calibrated forecast would reach, to compare with <paramref name="IntervalCoverage"/>.</param>
public readonly record struct MethodScore(string Method, ShareScore Score, double IntervalCoverage = double.NaN, double IntervalWidth = double.NaN, double IntervalProbability = double.NaN);

/// <summary>Article-grouped cross-validation and rolling-origin evaluation of <see cref="TextReactionModel"/> and its baselines.</summary>
public static class TextReactionEvaluation
{
    /// <summary>
    /// Splits articles into <paramref name="folds"/> seeded folds; for each, trains on the other articles and predicts
    /// every held-out cell. Methods: group mean (training share per group), text only (TF-IDF logistic regression), text
    /// + group (no interactions), and Polder (text, group, text × group, calibrated), scored twice from the same fit:
    /// "polder" names each cell's readers (their learned propensities, when the cells carry who judged), and
    /// "polder, group only" knows only the group and the number of readers.
    /// </summary>
    public static IReadOnlyList<MethodScore> CrossValidate(IReadOnlyList<TextReactionCell> cells, IReadOnlyDictionary<long, (string Title, string Text)> articles,
        int folds = 5, int seed = 42, TextReactionOptions? polder = null, bool baselines = true)
    {
        var ids = cells.Select(c => c.ArticleId).Distinct().Order().ToArray();
        new Random(seed).Shuffle(ids);
        var fold = ids.Select((id, i) => (id, i % folds)).ToDictionary(p => p.id, p => p.Item2);
        var splits = Enumerable.Range(0, folds).Select(f => new Split(c => fold[c.ArticleId] != f, c => fold[c.ArticleId] == f)).ToArray();
        return Evaluate(cells, articles, splits, polder ?? new TextReactionOptions(), baselines).Scores;
    }

    /// <summary>
    /// Rolling-origin evaluation in publication order (never trains on the future): from <paramref name="firstOrigin"/>
    /// every <paramref name="stepDays"/> days, every method is trained on the cells of articles published before the
    /// origin and predicts the cells of articles published in the next step; the scores pool every step's predictions.
    /// Articles without a date take part in neither. Methods as in <see cref="CrossValidate"/>.
    /// </summary>
    /// <returns>The scores, and how many origins and tested cells there were.</returns>
    public static (IReadOnlyList<MethodScore> Scores, int Origins, int TestedCells) RollingOrigin(IReadOnlyList<TextReactionCell> cells,
        IReadOnlyDictionary<long, (string Title, string Text)> articles, IReadOnlyDictionary<long, DateOnly> published, DateOnly firstOrigin, int stepDays = 7,
        TextReactionOptions? polder = null, bool baselines = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepDays, 1);
        var dated = cells.Where(c => published.ContainsKey(c.ArticleId)).ToArray();
        if (dated.Length == 0) throw new ArgumentException("no cell's article has a publication date", nameof(published));
        var last = dated.Max(c => published[c.ArticleId]);
        var splits = new List<Split>();
        for (var origin = firstOrigin; origin <= last; origin = origin.AddDays(stepDays))
        {
            var (from, to) = (origin, origin.AddDays(stepDays));
            splits.Add(new Split(c => published[c.ArticleId] < from, c => published[c.ArticleId] >= from && published[c.ArticleId] < to));
        }
        if (splits.Count == 0 || !dated.Any(c => published[c.ArticleId] < firstOrigin))
            throw new ArgumentException($"the first origin {firstOrigin:yyyy-MM-dd} leaves no article before it or none after it", nameof(firstOrigin));
        var (scores, tested) = Evaluate(dated, articles, splits, polder ?? new TextReactionOptions(), baselines);
        return (scores, splits.Count, tested);
    }

    // One training/test split of the cells (a fold, or an origin and the step after it).
    private readonly record struct Split(Func<TextReactionCell, bool> Train, Func<TextReactionCell, bool> Test);

    private static (IReadOnlyList<MethodScore> Scores, int Tested) Evaluate(IReadOnlyList<TextReactionCell> cells, IReadOnlyDictionary<long, (string Title, string Text)> articles,
        IReadOnlyList<Split> splits, TextReactionOptions polder, bool baselines)
    {
        var methods = new List<(string Name, Func<IReadOnlyList<TextReactionCell>, int, Func<TextReactionCell, Forecast>> Fit)>();
        // Both Polder rows score the same model per split.
        var fitted = new Dictionary<int, TextReactionModel>();
        TextReactionModel Polder(IReadOnlyList<TextReactionCell> train, int split)
        {
            if (!fitted.TryGetValue(split, out var m)) fitted[split] = m = TextReactionModel.Train(train, articles, polder);
            return m;
        }
        if (baselines)
        {
            methods.Add(("group mean", (train, _) =>
            {
                var share = train.GroupBy(c => c.Group).ToDictionary(g => g.Key, g => (double)g.Sum(c => c.Partisan) / g.Sum(c => c.Judgments));
                double all = (double)train.Sum(c => c.Partisan) / train.Sum(c => c.Judgments);
                return c => new(share.GetValueOrDefault(c.Group, all), share.GetValueOrDefault(c.Group, all), null);
            }));
            // The baselines: TF-IDF of stems (no style or sentiment features) + logistic regression, uncalibrated.
            var plain = polder.Text with { StyleFeatures = false, SentimentFeatures = false };
            // As the issue states its baselines, their point forecast is the probability itself; the last row shows
            // how much of Polder's gain in absolute error is the median point rule alone.
            methods.Add(("text LR", (train, _) => Predictor(TextReactionModel.Train(train, articles, polder with { Text = plain, UseGroups = false, Interactions = false, CalibrationFolds = 0 }), articles, medianPoint: false)));
            var textGroup = polder with { Text = plain, Interactions = false, CalibrationFolds = 0 };
            methods.Add(("text + group LR", (train, _) => Predictor(TextReactionModel.Train(train, articles, textGroup), articles, medianPoint: false)));
            methods.Add(("text + group LR, median point", (train, _) => Predictor(TextReactionModel.Train(train, articles, textGroup), articles, medianPoint: true, intervals: false)));
        }
        methods.Add(("polder", (train, f) => Predictor(Polder(train, f), articles, medianPoint: true, readers: true)));
        methods.Add(("polder, group only", (train, f) => Predictor(Polder(train, f), articles, medianPoint: true)));
        // The cells some split tests, in their order; each is tested by one split only.
        var testedIndex = Enumerable.Range(0, cells.Count).Where(i => splits.Any(s => s.Test(cells[i]))).ToArray();
        var tested = testedIndex.Select(i => cells[i]).ToArray();
        var result = new List<MethodScore>();
        foreach (var (name, fit) in methods)
        {
            var forecasts = new Forecast[tested.Length];
            for (int f = 0; f < splits.Count; f++)
            {
                var train = cells.Where(splits[f].Train).ToArray();
                var predict = fit(train, f);
                for (int k = 0; k < tested.Length; k++) if (splits[f].Test(tested[k])) forecasts[k] = predict(tested[k]);
            }
            result.Add(ScoreOf(name, tested, forecasts));
        }
        return (result, tested.Length);
    }

    /// <summary>
    /// Scores a trained model on cells of other articles (a held-out set): "polder" with each cell's readers named (when
    /// the cells carry them and the model learned reader propensities), and "polder, group only".
    /// </summary>
    public static IReadOnlyList<MethodScore> Score(TextReactionModel model, IReadOnlyList<TextReactionCell> cells, IReadOnlyDictionary<long, (string Title, string Text)> articles)
    {
        var result = new List<MethodScore>();
        foreach (var (name, readers) in new[] { ("polder", true), ("polder, group only", false) })
        {
            var predict = Predictor(model, articles, medianPoint: true, readers);
            result.Add(ScoreOf(name, cells, [.. cells.Select(predict)]));
        }
        return result;
    }

    // The point forecast for the absolute error, the probability for the Brier score and (Polder only) the 80% interval.
    private readonly record struct Forecast(double Point, double Probability, ShareInterval? Interval);

    private static MethodScore ScoreOf(string name, IReadOnlyList<TextReactionCell> cells, Forecast[] forecasts)
    {
        var score = ShareScore.Of(cells, forecasts.Select(f => f.Point).ToArray(), forecasts.Select(f => f.Probability).ToArray());
        if (forecasts.Any(f => f.Interval is null)) return new MethodScore(name, score);
        int inside = 0; double width = 0, probability = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var iv = forecasts[i].Interval!.Value;
            if (iv.Contains(cells[i].Share)) inside++;
            width += iv.Upper - iv.Lower;
            probability += iv.Probability;
        }
        return new MethodScore(name, score, (double)inside / cells.Count, width / cells.Count, probability / cells.Count);
    }

    // The median point knows the cell's number of readers, and with `readers` who they are.
    private static Func<TextReactionCell, Forecast> Predictor(TextReactionModel model, IReadOnlyDictionary<long, (string Title, string Text)> articles, bool medianPoint, bool readers = false, bool intervals = true)
    {
        var cache = new Dictionary<long, SparseVector>();
        return c =>
        {
            if (!cache.TryGetValue(c.ArticleId, out var x)) cache[c.ArticleId] = x = model.Featurize(articles[c.ArticleId].Title, articles[c.ArticleId].Text);
            if (readers && model.Readers is not null && c.Readers is { Count: > 0 } judged)
            {
                var ids = judged.Select(j => j.RespondentId).ToArray();
                return new(model.PredictShare(x, c.Group, ids), model.PredictProbability(x, c.Group, ids), model.PredictShareInterval(x, c.Group, ids));
            }
            double p = model.PredictProbability(x, c.Group);
            if (!medianPoint) return new(p, p, null);
            return new(BinomialMedian.Share(p, c.Judgments), p, intervals ? model.PredictShareInterval(x, c.Group, c.Judgments) : null);
        };
    }
}
