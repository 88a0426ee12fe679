using System.Globalization;
using Polder.Prediction.Engagement;
using Polder.Prediction.Opinion;
using Polder.Prediction.Reaction;
using Polder.Prediction.Retention;

namespace Polder.Cli.Commands;

/// <summary>
/// <c>polder eval opinion|reaction|engagement|retention …</c>: evaluates a predictor on data the way the tests do and prints one
/// JSON object of metrics. <c>--save FILE</c> also writes a model trained on all of the data (for <c>polder predict</c>).
/// </summary>
public sealed class EvalCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "eval";

    /// <inheritdoc />
    public string Summary => "evaluate a predictor: opinion, reaction, engagement or retention → metrics as JSON (--save MODEL keeps it)";

    /// <summary>Whether <c>eval engagement|retention</c> append the actor feature table when neither flag is given
    /// (decided on the development split; <c>docs/prediction-features.md</c>).</summary>
    public const bool FeatureTableByDefault = false;

    /// <inheritdoc />
    public int Run(CliContext context)
    {
        var a = context.Args;
        var task = a.Positional.Count >= 1 ? a.Positional[0] : throw new CliUsageException("usage: polder eval opinion|reaction|engagement|retention …");
        var save = a.Option("save");
        using var json = new JsonLineWriter(context.Out);
        var w = json.Begin();
        w.WriteStartObject();
        w.WriteString("task", task);
        switch (task)
        {
            case "opinion":
            {
                var path = a.Positional.Count == 2 ? a.Positional[1] : throw new CliUsageException("usage: polder eval opinion RIVM.csv|COMMUNITY.csv [--group ATTRIBUTE [--window-days 7] [--shares F,F]] [--first-wave N] [--last-wave N] [--covariates COVARIATES.csv]");
                var input = OpinionInput.Load(a, path);
                var table = input.Table;
                // Default: every wave from the fifth measured one (four waves of history) to the last (waves 5-9 of waves 1-9).
                var measured = table.MeasuredWaves;
                if (measured.Count < 2) throw new CliUsageException($"{path}: {measured.Count} measured wave(s); a backtest needs at least two");
                int first = a.Int("first-wave", measured[Math.Min(4, measured.Count - 1)] + 1) - 1, last = a.Int("last-wave", measured[^1] + 1) - 1;
                if (first < 1 || last < first || last >= table.WaveCount)
                    throw new CliUsageException($"--first-wave/--last-wave: the file has waves up to {table.WaveCount}; the first target wave must be at least 2 and not after the last");
                var model = OpinionBacktest.EvaluateModel(table, first, last);
                w.WriteString("evaluation", $"rolling origin, one step ahead, waves {first + 1}-{last + 1}");
                w.WriteStartArray("covariates");
                foreach (var name in table.Covariates?.Names ?? []) w.WriteStringValue(name);
                w.WriteEndArray();
                input.WriteAccounting(w);
                w.WriteNumber("forecasts", model.Count);
                w.WriteNumber("mae", Math.Round(model.Mae, 4));
                w.WriteNumber("interval80_coverage", Math.Round(model.IntervalCoverage, 4));
                var baselines = new (string Name, BacktestResult Result)[]
                {
                    ("last_value", OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.LastValue)),
                    ("mean_of_last_3", OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3)),
                    ("linear_trend", OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.LinearTrend)),
                    ("mean_of_last_3_plus_national_change", OpinionBacktest.Evaluate(table, first, last, OpinionBaselines.MeanOfLast3PlusNationalChange)),
                };
                w.WriteStartObject("baselines_mae");
                foreach (var (name, result) in baselines) w.WriteNumber(name, Math.Round(result.Mae, 4));
                w.WriteEndObject();
                // Per target wave, with the size of that wave's national shock: where the error comes from.
                w.WriteStartArray("by_wave");
                foreach (var wave in model.ByWave)
                {
                    w.WriteStartObject();
                    w.WriteNumber("wave", wave.Wave);
                    w.WriteNumber("forecasts", wave.Count);
                    w.WriteNumber("mae", Math.Round(wave.Mae, 4));
                    w.WriteNumber("interval80_coverage", Math.Round(wave.IntervalCoverage, 4));
                    Metric(w, "national_shock", OpinionBacktest.NationalShock(table, wave.Wave - 1));
                    w.WriteStartObject("baselines_mae");
                    foreach (var (name, result) in baselines)
                        if (result.ByWave.FirstOrDefault(x => x.Wave == wave.Wave) is { Count: > 0 } b) w.WriteNumber(name, Math.Round(b.Mae, 4));
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (save is not null) { using var o = File.Create(save); GroupOpinionModel.Train(table, table.WaveCount - 1).Save(o); }
                break;
            }
            case "reaction":
            {
                var data = ReaderJudgments.Read(a.Required("annotations"), a.Required("annotators"), a.Required("articles"));
                var grouping = ParseGrouping(a.Option("grouping", "standpoint")!);
                int folds = a.Int("folds", 5), seed = a.Int("seed", 42);
                var cells = TextReactionCell.Aggregate(data.Judgments, grouping);
                var options = new TextReactionOptions();
                if (a.Flag("sentiment-features")) options = options with { Text = options.Text with { SentimentFeatures = true } };
                if (a.Flag("no-reader-effects")) options = options with { ReaderEffects = false };
                var modelPath = a.Option("model");
                if (modelPath is not null && save is not null) throw new CliUsageException("--model scores a saved model; --save trains one: use one of them");
                var rolling = a.Option("rolling-origin");
                int stepDays = a.Int("step-days", 7);
                if (rolling is not null && modelPath is not null) throw new CliUsageException("--rolling-origin trains at every origin; --model scores a saved model: use one of them");
                if (stepDays is < 1 or > 3660) throw new CliUsageException("--step-days must be 1..3660");
                DateOnly firstOrigin = default;
                if (rolling is not null && !DateOnly.TryParseExact(rolling, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstOrigin))
                    throw new CliUsageException($"--rolling-origin: '{rolling}' is not a date (yyyy-MM-dd)");
                w.WriteString("evaluation", rolling is not null ? $"rolling origin in publication order: every {stepDays} days from {rolling}, trained on the articles published before each origin, tested on the next {stepDays} days"
                    : modelPath is null ? $"article-grouped {folds}-fold cross-validation, seed {seed}" : $"saved model {modelPath} on every cell of these files");
                w.WriteBoolean("sentiment_features", options.Text.SentimentFeatures);
                w.WriteBoolean("reader_effects", options.ReaderEffects);
                w.WriteString("grouping", grouping.ToString());
                w.WriteNumber("annotation_rows", data.AnnotationRows);
                w.WriteNumber("judgments", cells.Sum(c => c.Judgments));
                w.WriteStartObject("rows_left_out");
                foreach (var (reason, n) in data.LeftOut) w.WriteNumber(reason, n);
                w.WriteEndObject();
                w.WriteNumber("cells", cells.Count);
                IReadOnlyList<MethodScore> scores;
                if (rolling is not null)
                {
                    var (rs, origins, tested) = TextReactionEvaluation.RollingOrigin(cells, data.Articles, data.Published, firstOrigin, stepDays, options);
                    w.WriteNumber("origins", origins);
                    w.WriteNumber("tested_cells", tested);
                    w.WriteNumber("tested_judgments", rs[0].Score.Judgments);
                    scores = rs;
                }
                else if (modelPath is null) scores = TextReactionEvaluation.CrossValidate(cells, data.Articles, folds, seed, options);
                else
                {
                    using var m = File.OpenRead(modelPath);
                    var model = TextReactionModel.Load(m);
                    w.WriteNumber("readers_known_to_model", cells.SelectMany(c => c.Readers ?? []).Select(j => j.RespondentId).Distinct().Count(r => model.Readers?.Knows(r) == true));
                    scores = TextReactionEvaluation.Score(model, cells, data.Articles);
                }
                w.WriteStartObject("methods");
                foreach (var m in scores)
                {
                    w.WriteStartObject(m.Method);
                    w.WriteNumber("weighted_mae", Math.Round(m.Score.WeightedMae, 4));
                    w.WriteNumber("brier_per_judgment", Math.Round(m.Score.Brier, 4));
                    if (!double.IsNaN(m.IntervalCoverage))
                    {
                        w.WriteNumber("interval80_coverage", Math.Round(m.IntervalCoverage, 4));
                        w.WriteNumber("interval80_mean_width", Math.Round(m.IntervalWidth, 4));
                        w.WriteNumber("interval80_forecast_probability", Math.Round(m.IntervalProbability, 4));
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                if (save is not null) { using var o = File.Create(save); TextReactionModel.Train(cells, data.Articles, options).Save(o); }
                break;
            }
            case "engagement":
            {
                var path = a.Positional.Count == 2 ? a.Positional[1] : throw new CliUsageException("usage: polder eval engagement MESSAGES.csv [--split 2021-07-01] [--end DATE] [--feature-table|--no-feature-table]");
                var input = MessagesInput.Load(path);
                var posts = input.Posts;
                var split = a.Date("split") ?? input.DefaultSplit(Date2021July);
                var end = a.Date("end");
                var table = TableOption(a);
                CheckPeriod(split, end);
                if (a.Option("rolling-origin") is { } rolling)
                {
                    // Every step: train on what was known at the origin, test on the next step's posts.
                    if (a.Option("split") is not null || end is not null || save is not null) throw new CliUsageException("--rolling-origin runs its own origins: leave out --split, --end and --save");
                    int stepDays = a.Int("step-days", 30);
                    if (stepDays is < 1 or > 3660) throw new CliUsageException("--step-days must be 1..3660");
                    var firstOrigin = a.Date("rolling-origin")!.Value;
                    var (pooled, byOrigin) = Guard(() => EngagementEvaluation.RollingOrigin(posts, firstOrigin, stepDays, table: table));
                    w.WriteString("evaluation", $"rolling origin: every {stepDays} days from {rolling}, trained on the posts whose 24 h window closed by each origin, tested on the next {stepDays} days; target: reply within 24 h");
                    input.WriteRead(w);
                    WriteTable(w, table, "the author's row for the days before the start of the post's month");
                    w.WriteNumber("origins", byOrigin.Count);
                    WriteScore(w, pooled);
                    w.WriteStartArray("by_origin");
                    foreach (var (origin, sc) in byOrigin)
                    {
                        w.WriteStartObject();
                        w.WriteString("origin", origin.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        w.WriteNumber("train_posts", sc.TrainPosts);
                        w.WriteNumber("test_posts", sc.TestPosts);
                        Metric(w, "auc", sc.Auc);
                        Metric(w, "brier", sc.Brier);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    break;
                }
                var (score, _) = Guard(() => EngagementEvaluation.TimeSplit(posts, split, table: table, end: end));
                w.WriteString("evaluation", $"time split: train before {split:yyyy-MM-dd}, test from then{Until(end)}; target: reply within 24 h");
                w.WriteString("split", split.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                input.WriteRead(w);
                WriteTable(w, table, "the author's row for the days before the start of the post's month");
                w.WriteNumber("train_posts", score.TrainPosts);
                WriteScore(w, score);
                if (save is not null)
                {
                    // With --end, nothing from it on (the held-out test period) goes into the saved model either.
                    if (end is { } stop) posts = posts.Where(p => p.Created < stop.ToUnixTimeSeconds()).ToArray();
                    var x = EngagementFeatures.Build(posts, 86400, table);
                    var y = EngagementFeatures.Labels(posts);
                    long last = posts.Max(p => p.Created);
                    // Train on every post whose 24 h window has closed.
                    var rows = Enumerable.Range(0, posts.Count).Where(i => posts[i].Created + 86400 <= last).ToArray();
                    var xt = EngagementFeatures.Rows(x, rows, EngagementFeatures.NamesWith(table).Count);
                    var model = EngagementModel.Train(xt, rows.Select(i => y[i]).ToArray(), null, EngagementModel.RecencyWeights(rows.Select(i => posts[i].Created), last), table);
                    using var o = File.Create(save); model.Save(o);
                }
                break;
            }
            case "retention":
            {
                var path = a.Positional.Count == 2 ? a.Positional[1] : throw new CliUsageException("usage: polder eval retention MESSAGES.csv [--split 2021-07-01] [--end DATE] [--window-days 30] [--feature-table|--no-feature-table]");
                var input = MessagesInput.Load(path);
                var posts = input.Posts;
                var split = a.Date("split") ?? input.DefaultSplit(Date2021July);
                var end = a.Date("end");
                int days = a.Int("window-days", ActorRetentionModel.DefaultWindowDays);
                if (days is < 1 or > 3660) throw new CliUsageException("--window-days must be 1..3660");
                var table = TableOption(a);
                CheckPeriod(split, end);
                var (score, _) = Guard(() => ActorRetentionEvaluation.TimeSplit(posts, split, days, table: table, end: end));
                w.WriteString("evaluation", $"time split: origins every {days} days, train on origins whose next window ends before {split:yyyy-MM-dd}, test on origins from then{(end is null ? "" : $" whose window ends by {end:yyyy-MM-dd}")}; target: an actor active in the last {ActorRetentionFeatures.LookbackDays} days posts in the next {days} days");
                w.WriteString("split", split.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                input.WriteRead(w);
                WriteTable(w, table, "each actor's row for the days before the origin");
                w.WriteNumber("train_rows", score.TrainRows);
                w.WriteNumber("test_rows", score.TestRows);
                Metric(w, "test_positive_rate", score.TestPositiveRate);
                Metric(w, "auc", score.Auc);
                Metric(w, "recency_baseline_auc", score.RecencyAuc);
                Metric(w, "frequency_baseline_auc", score.FrequencyAuc);
                Metric(w, "brier", score.Brier);
                Metric(w, "calibration_error", score.CalibrationError);
                if (save is not null)
                {
                    // The saved model learns from every closed window up to the end (with --end, nothing from it on), as engagement's does.
                    var model = Guard(() => ActorRetentionModel.Train(posts, days, end, table: table));
                    using var o = File.Create(save); model.Save(o);
                }
                break;
            }
            default: throw new CliUsageException($"unknown task '{task}': use opinion, reaction, engagement or retention");
        }
        if (save is not null) w.WriteString("saved", save);
        w.WriteEndObject();
        json.End();
        return 0;
    }

    private static readonly DateTimeOffset Date2021July = new(2021, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static void CheckPeriod(DateTimeOffset split, DateTimeOffset? end)
    {
        if (end is { } e && e <= split) throw new CliUsageException($"--end {e:yyyy-MM-dd} must come after --split {split:yyyy-MM-dd}");
    }

    /// <summary>An evaluation that finds no training or no test rows is a usage problem (dates outside the data), not a crash.</summary>
    private static T Guard<T>(Func<T> evaluation)
    {
        try { return evaluation(); }
        catch (ArgumentException e) { throw new CliUsageException(e.Message); }
    }

    // The test-period figures of an engagement evaluation, as the split and the rolling origin print them.
    private static void WriteScore(System.Text.Json.Utf8JsonWriter w, EngagementScore score)
    {
        w.WriteNumber("test_posts", score.TestPosts);
        Metric(w, "test_positive_rate", score.TestPositiveRate);
        Metric(w, "auc", score.Auc);
        Metric(w, "brier", score.Brier);
        Metric(w, "log_loss", score.LogLoss);
        Metric(w, "calibration_error", score.CalibrationError);
    }

    /// <summary>A metric rounded to 4 decimals; null when undefined (an AUC with one class in the test rows).</summary>
    private static void Metric(System.Text.Json.Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 4));
        else w.WriteNull(name);
    }

    private static string Until(DateTimeOffset? end) => end is null ? "" : $" until {end:yyyy-MM-dd} (posts whose 24 h window closes by then)";

    /// <summary>The actor-table columns for <c>--feature-table</c> / <c>--no-feature-table</c>, or the default when neither is given.</summary>
    private static ActorTableColumns? TableOption(CliArguments a)
    {
        bool on = a.Flag("feature-table"), off = a.Flag("no-feature-table");
        if (on && off) throw new CliUsageException("--feature-table and --no-feature-table exclude each other");
        return on || (!off && FeatureTableByDefault) ? ActorTableColumns.Default : null;
    }

    private static void WriteTable(System.Text.Json.Utf8JsonWriter w, ActorTableColumns? table, string what)
    {
        w.WriteBoolean("feature_table", table is not null);
        if (table is not null) w.WriteString("feature_table_columns", $"{table.Count} actor-table features: {what} ({table.PeriodDays} days)");
    }

    internal static ReaderGrouping ParseGrouping(string s) => s switch
    {
        "standpoint" or "Political_standpoint" => ReaderGrouping.PoliticalStandpoint,
        "party" or "vote" or "Vote_for_party" => ReaderGrouping.VoteForParty,
        _ => throw new CliUsageException($"--grouping: '{s}' is not standpoint or party"),
    };
}
